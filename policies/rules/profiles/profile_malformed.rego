# METADATA
# title: profile-malformed
# description: |
#   Finds AWS shared files (`credentials`, `config`) that do not say what they
#   seem to say to the AWS SDKs:
#
#   - a credentials file uses `[profile NAME]`: that defines a profile
#     literally named "profile NAME", and the SDKs looking for NAME do not
#     find it (the `profile ` prefix belongs in config files only);
#   - a config file uses `[NAME]` for a profile other than `default`: the SDKs
#     ignore the whole section (write `[profile NAME]`);
#   - a static profile has only one of `aws_access_key_id` and
#     `aws_secret_access_key` (the two files of one folder are merged first):
#     the SDKs need both, so the profile yields no credentials;
#   - a misspelled key (`aws_secret_key`, `aws_access_key`, ...): the SDKs
#     ignore it; the message names the key meant;
#   - a profile defined twice in one file: the JavaScript and Go SDKs merge the
#     sections key by key (later values silently replace earlier ones); the
#     AWS CLI and boto3 refuse the whole file;
#   - `source_profile` names a profile that no scanned shared file defines:
#     assuming the role fails;
#   - a line that the AWS readers cannot parse, or parse differently (an
#     unterminated section header, `key: value`, a byte-order mark, a quoted
#     value, ...), with what each reader does.
# custom:
#   severity: error
#   summary: an AWS shared file section or key that the AWS SDKs ignore or read differently
#   requires_remotion: false
#   bad: |
#     # ~/.aws/credentials
#     [profile render]
#     aws_access_key_id = AKIA...
#     aws_secret_key = ...
#   good: |
#     # ~/.aws/credentials
#     [render]
#     aws_access_key_id = AKIA...
#     aws_secret_access_key = ...
#   remotion: |
#     Remotion passes `REMOTION_AWS_PROFILE`/`AWS_PROFILE` to the AWS SDK, and
#     its pre-flight check passes as soon as a profile variable is set (or the
#     credentials file contains the text `[default]`), whether or not the
#     profile can be used. A malformed profile therefore surfaces only at the
#     first request: "Could not resolve credentials using profile: [NAME]".
package remolint.rules.profiles.profile_malformed

import data.remolint.lib

# Cost notes: every check reads input.profiles directly, tests the
# cheapest and most selective field first, and builds nothing per profile or
# key (an array row costs several allocations). Boolean fields, which the
# input schema types as booleans, are compared with `== true` or `== false`:
# a bare boolean expression allocates on every evaluation in OPA. The halves
# of a static key pair are two sets of profile indices, and the folders are
# looked at only for a profile that sets one half alone; duplicate sections
# are looked for only when two effective profiles share a path and a name.
# Grouping goes through indexed comprehensions: ref-head rules
# (_x[k] contains v) are quadratic in OPA.

# --- [profile NAME] in a credentials file ---

report contains lib.finding(rego.metadata.chain(), p.location, msg) if {
	some p in input.profiles
	p.flavour == "credentials"
	header := p.header
	startswith(header, "profile ")
	want := trim(trim_space(substring(header, count("profile "), -1)), "\"'")
	msg := sprintf(
		"[%s] in a credentials file defines a profile literally named \"%s\": the AWS SDKs look for \"%s\" and do not find it; write [%s] (the \"profile \" prefix belongs in config files only)",
		[header, header, want, want],
	)
}

# --- [NAME] in a config file ---

report contains lib.finding(rego.metadata.chain(), p.location, msg) if {
	some p in input.profiles
	p.effective == false
	p.flavour == "config"
	header := p.header
	header != "default"
	not startswith(header, "profile")
	msg := sprintf(
		"[%s] in a config file is ignored by the AWS SDKs (only [default] goes without the prefix), so none of its settings apply: write [profile %s]",
		[header, header],
	)
}

# --- a static profile with one half ---

# The folder of a shared file: credentials and config of one folder merge.
_folder(path) := concat("/", array.slice(parts, 0, count(parts) - 1)) if parts := split(path, "/")

# The indices of the effective profiles that set each half.
_set_id := {i |
	some i, p in input.profiles
	p.effective == true
	some k in p.keys
	k.name == "aws_access_key_id"
	k.set == true
}

_set_secret := {i |
	some i, p in input.profiles
	p.effective == true
	some k in p.keys
	k.name == "aws_secret_access_key"
	k.set == true
}

# [profile index, key name, other half] of each effective profile that sets
# one half but not the other: the other half may still come from a section
# of the same name in the other file of the folder, so only these need the
# folders.
_lone := {[i, "aws_access_key_id", "aws_secret_access_key"] | some i in (_set_id - _set_secret)} | {[i, "aws_secret_access_key", "aws_access_key_id"] | some i in (_set_secret - _set_id)}

# [folder, profile name, key name] of each static key set in an effective
# profile (only when some half is alone in its profile).
_set_static_keys := {[_folder(p.path), p.name, key] |
	count(_lone) > 0
	some key, profiles in {"aws_access_key_id": _set_id, "aws_secret_access_key": _set_secret}
	some i in profiles
	p := input.profiles[i]
}

# Every definition of the lone half that is set.
report contains lib.finding(rego.metadata.chain(), k.location, msg) if {
	some [i, key, other] in _lone
	p := input.profiles[i]
	not [_folder(p.path), p.name, other] in _set_static_keys
	some k in p.keys
	k.name == key
	k.set == true
	msg := sprintf(
		"profile %s sets %s but not %s: the AWS SDKs need both for static credentials, so this profile yields none%s",
		[p.name, key, other, _node_error(p)],
	)
}

# The Node SDK's words, for a file in a project that Remotion's Node APIs or
# CLI read; other clients fail with their own.
_node_error(p) := sprintf(" (Node: \"Could not resolve credentials using profile: [%s]\")", [p.name]) if {
	_shared_project[p.path] in lib.node_projects
} else := ""

# The project of each AWS shared file (evaluated only for a finding above).
_shared_project := {f.path: f.project | some f in input.files; f.kind in {"aws-credentials", "aws-config"}}

# --- misspelled keys ---

report contains lib.finding(rego.metadata.chain(), k.location, msg) if {
	some p in input.profiles
	some k in p.keys
	k.suggestion != ""
	msg := sprintf(
		"%s in profile %s is not a key the AWS SDKs read (did you mean %s?): the setting is ignored",
		[k.name, p.name, k.suggestion],
	)
}

# --- a profile defined twice in one file ---

# The names of the effective profiles (strings: cheap to collect), and the
# paths that define each name (an indexed comprehension: one pass). Their
# sizes add up to the number of distinct [path, name] pairs, which a
# section defined twice in one file makes smaller than the number of
# effective profiles.
_defined := {p.name | some p in input.profiles; p.effective == true}

_paths_of := {name: {p.path | some p in input.profiles; p.effective == true; p.name == name} | some name in _defined}

_defined_twice if {
	sum([count(paths) | some paths in _paths_of]) < count([1 | some p in input.profiles; p.effective == true])
}

# [[path, name], [line, column], index] of each effective profile, when
# some section is defined twice.
_definitions := [[[p.path, p.name], [l.line, l.column], i] |
	_defined_twice
	some i, p in input.profiles
	p.effective == true
	l := p.location
]

# _first[[path, name]] is the [line, column] of the first definition.
_first := {k: min(ps) | some [k, _, _] in _definitions; ps := [pos | some [k2, pos, _] in _definitions; k2 == k]}

report contains lib.finding_related(rego.metadata.chain(), p.location, msg, related) if {
	first := _first
	some [k, pos, i] in _definitions
	[line, column] := first[k]
	pos != [line, column]
	p := input.profiles[i]
	related := {"path": p.path, "line": line, "column": column}
	msg := sprintf(
		"profile %s is defined again here (first at line %d): the JavaScript and Go SDKs merge the two sections and later keys silently replace earlier ones, while the AWS CLI and boto3 (Remotion's Python client) refuse the whole file (\"Unable to parse config file\"); keep one section",
		[p.name, line],
	)
}

# --- source_profile naming a missing profile ---

# _defined (above) is looked at only for a source_profile key.
report contains lib.finding(rego.metadata.chain(), object.get(k, "valueLocation", k.location), msg) if {
	some p in input.profiles
	some k in p.keys
	k.name == "source_profile"
	p.effective == true
	name := object.get(k, "value", "")
	name != ""
	not name in _defined
	msg := sprintf(
		"profile %s takes its source credentials from profile \"%s\", which no scanned AWS shared file defines: assuming the role fails",
		[p.name, name],
	)
}

# --- lines the AWS readers cannot parse or read differently ---

report contains lib.finding(rego.metadata.chain(), a.location, msg) if {
	some f in input.sharedFiles
	some a in f.anomalies
	a.kind != "ini-skipped"
	msg := _anomaly_message(f, a)
}

_anomaly_message(_, a) := a.detail if a.detail != ""

_anomaly_message(f, a) := sprintf("the AWS readers do not read this line of the %s file as it looks (%s)", [f.flavour, a.kind]) if {
	object.get(a, "detail", "") == ""
}
