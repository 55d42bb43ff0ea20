# METADATA
# title: opt-in-region
# description: |
#   Finds a region that Remotion Lambda supports but that AWS keeps disabled
#   until the account owner enables it (eu-central-2, eu-south-1, af-south-1,
#   ap-east-1, ap-southeast-4, ap-southeast-5, cn-north-1, cn-northwest-1): in
#   `REMOTION_AWS_REGION` or `AWS_REGION` in an env file (templates too when
#   they hold a value), in a `region` key of an AWS shared file, or passed
#   as `region` to a Remotion API: as a literal, as a string constant, or as
#   a literal or constant operand of a conditional or fallback. A constant
#   of the same file (in Go, of the package) is reported where it is passed;
#   one imported from another module once, at its definition, naming every
#   function it reaches. Until the region is enabled, every request fails
#   with an error that looks like a credentials problem.
#   No Remotion client reads a region from the shared files: there the
#   message speaks of the AWS CLI and SDKs, which use it as the profile's
#   default region.
#   `REMOTION_AWS_REGION` in an env file of a project whose only consumer is
#   the Node API (and whose code does not read the variable) is left to
#   `region-variable-ignored`: no Remotion client ever sees that value.
# custom:
#   severity: info
#   summary: a supported region that must first be enabled in the AWS account (or, for China, needs an AWS China account)
#   requires_remotion: false
#   bad: |
#     REMOTION_AWS_REGION=eu-south-1   # not enabled in the account
#   good: |
#     # Enable eu-south-1 in the AWS console (Account > AWS Regions) first,
#     # or pick a region enabled by default.
#     REMOTION_AWS_REGION=eu-west-1
#   remotion: |
#     Remotion accepts these regions, but AWS answers every request in a
#     region the account has not enabled with "The security token included in
#     the request is invalid", which points at the credentials, not the region.
#     The China regions (cn-north-1, cn-northwest-1) are not enabled in an
#     account at all: they belong to the separate aws-cn partition and need an
#     AWS China account and credentials from it; the message says so.
package remolint.rules.region.opt_in_region

import data.remolint.lib

# The values this rule reports on. Filtering before the subjects are
# formatted keeps the cost with the few reported values, not every region
# in the tree.
_relevant := (lib.supported_regions & lib.opt_in_regions) | _china

# _is_relevant[v] is true for each value of _relevant: an object lookup
# compared with `== true` is the cheapest membership test in OPA (a bare
# set lookup `relevant[v]` allocates on every evaluation, `in` too).
_is_relevant := {v: true | some v in _relevant}

# Every region value is reported where it comes from: an env file, an AWS
# shared file ("shared") or a call. A message is the subject ("NAME=value",
# "region = value in profile ...", "the region ... passed to ...") followed
# by _tails[value][kind]. Each clause goes straight to its values (env
# files through the distinct values of lib.region_values), tests them
# against _is_relevant, bound once before the loop, and formats only what
# it reports (an env-file message once per name and value, before the
# entries that share it); _tails is built only when something is reported.

report contains lib.finding(chain, e.location, msg) if {
	chain := rego.metadata.chain()
	relevant := _is_relevant
	some name, values in lib.region_values
	some value, at in values
	relevant[value] == true
	msg := sprintf("%s=%s%s", [name, value, _tails[value].env])
	unread := object.get(_unread, name, {})
	files := input.envFiles
	some [i, j] in at
	object.get(unread, files[i].project, false) == false
	e := files[i].entries[j]
}

# REMOTION_AWS_REGION in a project where nothing reads it (only the Node API
# consumes, and no code reads the variable): region-variable-ignored says so,
# and no Remotion client will ever see the value. _unread[name][dir] is true
# for those projects under that one name; an entry is kept when
# object.get(unread, dir, false) is false (a builtin call: cheaper than a
# negation).
_unread := {"REMOTION_AWS_REGION": {dir: true | some dir in lib.region_var_unread}}

# A value in _relevant is never "". Messages about shared-file keys and
# calls come from functions: OPA caches them by their arguments, and a tree
# repeats a region with the same profile name or function many times.
report contains lib.finding(chain, k.location, _shared_message(k.value, p.name)) if {
	chain := rego.metadata.chain()
	relevant := _is_relevant
	some p in input.profiles
	some k in p.keys
	k.name == "region"
	relevant[k.value] == true
}

_shared_message(value, profile) := sprintf("region = %s in profile \"%s\"%s", [value, profile, _tails[value].shared])

report contains lib.finding(chain, c.regionLocation, _call_message(c.region, c.function)) if {
	chain := rego.metadata.chain()
	relevant := _is_relevant
	some c in input.code.remotionCalls
	relevant[c.region] == true
}

_call_message(value, function) := sprintf("the region \"%s\" passed to %s%s", [value, function, _tails[value].call])

# Regions through constants and literal operands, one finding per place: a
# constant of the same file is reported where it is used, one imported from
# another module at its definition, naming every function it reaches.
_region_value_uses[[v.location, object.get(v, "constant", ""), v.value]] contains c.function if {
	relevant := _is_relevant
	some c in input.code.remotionCalls
	some v in c.regionValues
	relevant[v.value] == true
}

report contains lib.finding(chain, loc, sprintf("the region \"%s\"%s passed to %s%s", [value, _constant(name), _and_list(fns), _tails[value].call])) if {
	chain := rego.metadata.chain()
	some [loc, name, value], fns in _region_value_uses
}

_constant("") := ""

_constant(name) := sprintf(" (constant %s)", [name]) if name != ""

_and_list(xs) := s[0] if {
	s := sort(xs)
	count(s) == 1
}

_and_list(xs) := sprintf("%s and %s", [concat(", ", array.slice(s, 0, count(s) - 1)), s[count(s) - 1]]) if {
	s := sort(xs)
	count(s) > 1
}

# The opt-in regions of a global account: supported, opt-in, not China.
_opt_in := (lib.supported_regions & lib.opt_in_regions) - _china

# The China regions are not opt-in regions of a global account: they belong
# to the separate aws-cn partition.
_china := {"cn-north-1", "cn-northwest-1"}

# _tails[value][kind] ends the message about a value of that kind: " is an
# opt-in region: ..." or " is a China region: ...". Built once per value and
# kind, not once per finding.
_tails := {value: {kind: _tail(value, kind) | some kind in _kinds} | some value in _relevant}

_tail(value, kind) := sprintf(" is an opt-in region: %s", [_consequence(kind)]) if value in _opt_in

_tail(value, kind) := sprintf(" is a China region: %s", [_china_consequence(kind)]) if value in _china

_kinds := {"env", "shared", "call"}

_partition := "it belongs to the separate aws-cn partition, which needs an AWS China account and credentials from it (it cannot be enabled in a global AWS account)"

_china_consequence(kind) := sprintf("%s; with keys from a global account %s", [_partition, _fails]) if kind != "shared"

_china_consequence("shared") := sprintf("no Remotion client reads a region from the shared files, but the AWS CLI and SDKs use it as the profile's default region; %s, otherwise %s there", [_partition, _fails])

_fails := "every request fails with \"The security token included in the request is invalid\""

_consequence(kind) := sprintf("it must be enabled in the AWS account first, otherwise %s", [_fails]) if kind != "shared"

# No Remotion client reads a region from the AWS shared files.
_consequence("shared") := sprintf("no Remotion client reads a region from the shared files, but the AWS CLI and SDKs use it as the profile's default region, and %s there until the region is enabled in the AWS account", [_fails])
