# METADATA
# title: unsupported-region
# description: |
#   Finds a region that Remotion Lambda does not support: in
#   `REMOTION_AWS_REGION` or `AWS_REGION` in an env file (templates too when
#   they hold a value), in a `region` key of an AWS shared file, or passed
#   as `region` to a Remotion API: as a literal, as a string constant, or as
#   a literal or constant operand of a conditional or fallback
#   (`staging ? STAGING_REGION : REGION`, `process.env.R ?? "us-east-1"`).
#   A constant of the same file (in Go, of the package) is reported where it
#   is passed; one imported from another module (`import { REGION } from
#   "./config"`) once, at its definition, naming every function it reaches.
#   Remotion supports 25 regions and rejects every other one before any
#   request, even regions AWS itself offers. No Remotion client reads a
#   region from the shared files: there the message says that the AWS CLI
#   and SDKs use it as the profile's default region, and that Remotion
#   rejects it if it is passed on.
#
#   The Remotion CLI takes its region from `--region`, then
#   `REMOTION_AWS_REGION`, then `AWS_REGION`, then `us-east-1`; it ignores
#   `AWS_DEFAULT_REGION`. The Node APIs take `region` as an argument, so
#   `REMOTION_AWS_REGION` in an env file of a project whose only consumer is
#   the Node API (and whose code does not read the variable) is left to
#   `region-variable-ignored`: no Remotion client ever sees that value.
# custom:
#   severity: error
#   summary: a region Remotion Lambda does not support
#   requires_remotion: false
#   bad: |
#     REMOTION_AWS_REGION=me-south-1
#   good: |
#     REMOTION_AWS_REGION=eu-central-1
#   remotion: |
#     Supported: eu-central-1, eu-central-2, eu-west-1, eu-west-2, eu-west-3,
#     eu-south-1, eu-north-1, us-east-1, us-east-2, us-west-1, us-west-2,
#     af-south-1, ap-south-1, ap-east-1, ap-southeast-1, ap-southeast-2,
#     ap-northeast-1, ap-northeast-2, ap-northeast-3, ap-southeast-4,
#     ap-southeast-5, ca-central-1, cn-north-1, cn-northwest-1, sa-east-1.
#     Anything else fails with "... is not a supported AWS region". Remotion's
#     docs still mention me-south-1, which the code rejects.
package remolint.rules.region.unsupported_region

import data.remolint.lib

# Every region value is reported where it comes from: an env file, an AWS
# shared file ("shared") or a call. A message is the subject ("NAME=value",
# "region = value in profile ...", "the region ... passed to ...") followed
# by _tail(kind, value). Every clause keeps only unsupported values before
# it formats anything: the cost stays with the few reported values, not
# every region in the tree. The env clause goes through the distinct values
# of lib.region_values and formats a message once per name and value,
# before the entries that share it. A value is unsupported when
# object.get(supported, value, false) is false, with supported
# (_is_supported) bound once before the loop: a builtin call is cheaper
# than a negation (`not supported[v]`) in OPA.

# _is_supported[v] is true for each region Remotion Lambda supports.
_is_supported := {v: true | some v in lib.supported_regions}

report contains lib.finding(chain, e.location, msg) if {
	chain := rego.metadata.chain()
	supported := _is_supported
	some name, values in lib.region_values
	some value, at in values
	object.get(supported, value, false) == false
	msg := sprintf("%s=%s%s", [name, value, _tail("env", value)])
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
# object.get(unread, dir, false) is false.
_unread := {"REMOTION_AWS_REGION": {dir: true | some dir in lib.region_var_unread}}

# Messages about shared-file keys and calls come from functions: OPA caches
# them by their arguments, and a tree repeats a region with the same
# profile name or function many times.
report contains lib.finding(chain, k.location, _shared_message(k.value, p.name)) if {
	chain := rego.metadata.chain()
	supported := _is_supported
	some p in input.profiles
	some k in p.keys
	k.name == "region"
	object.get(supported, k.value, false) == false
	k.value != ""
}

_shared_message(value, profile) := sprintf("region = %s in profile \"%s\"%s", [value, profile, _tail("shared", value)])

report contains lib.finding(chain, c.regionLocation, _call_message(c.region, c.function)) if {
	chain := rego.metadata.chain()
	supported := _is_supported
	some c in input.code.remotionCalls
	object.get(supported, c.region, false) == false
	c.region != ""
}

_call_message(value, function) := sprintf("the region \"%s\" passed to %s%s", [value, function, _tail("call", value)])

# Regions through constants and literal operands, one finding per place: a
# constant of the same file is reported where it is used, one imported from
# another module at its definition, naming every function it reaches.
_region_value_uses[[v.location, object.get(v, "constant", ""), v.value]] contains c.function if {
	supported := _is_supported
	some c in input.code.remotionCalls
	some v in c.regionValues
	object.get(supported, v.value, false) == false
}

report contains lib.finding(chain, loc, sprintf("the region \"%s\"%s passed to %s%s", [value, _constant(name), _and_list(fns), _tail("call", value)])) if {
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

# The end of a message about an unsupported value of a kind: the
# consequence, then the note. A function: OPA caches it by its arguments,
# so it is formatted once per kind and value (a few distinct values make up
# most findings), not once per finding.
_tail(kind, value) := sprintf(" is not one of the 25 regions Remotion Lambda supports: %s%s", [_consequence(kind, value), _note(value)])

_note("me-south-1") := " (Remotion's docs still list me-south-1, but the code rejects it)"

_note(value) := sprintf(" (did you mean %s?)", [fixed]) if {
	value != "me-south-1"
	fixed := lower(trim_space(value))
	fixed in lib.supported_regions
}

_note(value) := "" if {
	value != "me-south-1"
	not lower(trim_space(value)) in lib.supported_regions
}

_rejects(value) := sprintf("Remotion rejects it with \"%s is not a supported AWS region\"", [value])

_consequence(kind, value) := _rejects(value) if kind != "shared"

# No Remotion client reads a region from the AWS shared files.
_consequence("shared", value) := sprintf("no Remotion client reads a region from the shared files, but the AWS CLI and SDKs use it as the profile's default region, and if it is passed on to Remotion (--region, or a region argument) %s", [_rejects(value)])
