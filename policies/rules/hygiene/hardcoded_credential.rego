# METADATA
# title: hardcoded-credential
# description: |
#   Finds an AWS access key id (`AKIA`, `ASIA`, `ABIA`, `ACCA` or `A3T`
#   followed by 16 letters and digits, not ending in `EXAMPLE`) or an AWS
#   secret access key (40 characters under a name that contains `SECRET`)
#   written where the repository keeps it:
#
#   - a string literal in JavaScript, TypeScript or Go source code, and a
#     value in `vercel.json`;
#   - an env file template (`.env.example`, ...): templates are committed by
#     design and copied by everyone who sets the project up;
#   - an env file or an AWS shared file (`.aws/credentials`, `.aws/config`)
#     that git tracks (this part needs a git work tree).
#
#   Everyone who can read the repository, its forks, its CI logs or the
#   built bundle then has the key, and deleting the line later does not
#   remove it from the history: rotate the key. Placeholders (`AKIA...`,
#   `AKIAIOSFODNN7EXAMPLE`, `your-secret-here`) are not reported. Values are
#   never printed: key ids appear as `AKIA…WXYZ`, secrets not at all.
# custom:
#   severity: error
#   summary: an AWS key id or secret access key committed in code, a template, vercel.json or a tracked env or shared file
#   requires_remotion: false
#   bad: |
#     # .env.example is committed, and someone filled it in:
#     REMOTION_AWS_ACCESS_KEY_ID=<a real AKIA... key id>
#     REMOTION_AWS_SECRET_ACCESS_KEY=<its 40-character secret>
#   good: |
#     # .env.example documents the names with empty values:
#     REMOTION_AWS_ACCESS_KEY_ID=
#     REMOTION_AWS_SECRET_ACCESS_KEY=
#     # the real values live in an ignored .env or the platform's settings
#   remotion: |
#     Remotion reads its credentials from the environment
#     (`REMOTION_AWS_ACCESS_KEY_ID`/`REMOTION_AWS_SECRET_ACCESS_KEY`, then the
#     `AWS_*` names, a profile or the default chain), so nothing requires a
#     key in the code or in a committed file. On Vercel and Netlify, set the
#     REMOTION names in the project's environment settings rather than in
#     `vercel.json`.
package remolint.rules.hygiene.hardcoded_credential

import data.remolint.lib

_key_id := {
	"aws-access-key-id": "an AWS access key id",
	"aws-temporary-key-id": "a temporary AWS access key id",
}

# Whether an env-file entry holds a credential depends on its value, so the
# rule reads the entries of every template and tracked live file. A value
# shaped like a key id has a display form, one shaped like a secret key the
# looksLikeSecretKey flag; both fields are absent from other entries, so
# each pass over the entries fails on most of them at its first test (a
# function call or a `not` per entry would cost more than the rest of the
# rule).

# [entries, whether the file is a template] of the templates and of the
# tracked live files: two passes over the files, each with one comparison
# per file (cheaper than one pass that reads both fields).
_files := array.concat(
	[[f.entries, true] | some f in input.envFiles; f.template == true],
	[[f.entries, false] | some f in input.envFiles; f.tracked == true; f.template == false],
)

# [entry, description of its credential value (never the value), whether
# the file is a template] for each entry that holds a key id or a secret
# access key.
_found := [[e, sprintf("%s (%s)", [_key_id[e.shape], e.display]), template] |
	some [entries, template] in _files
	some e in entries
	e.display
	_key_id[e.shape]
]

_found_secrets := [[e, "an AWS secret access key", template] |
	some [entries, template] in _files
	some e in entries
	e.looksLikeSecretKey
	e.shape == "other"
	contains(upper(e.name), "SECRET")
]

_rotate := "rotate the key: the repository history keeps it"

report contains lib.finding(rego.metadata.chain(), e.location, msg) if {
	some [e, what, true] in array.concat(_found, _found_secrets)
	msg := sprintf("%s in this template holds %s: templates are meant to be committed, so everyone with the repository has the key; leave the value empty and %s", [e.name, what, _rotate])
}

report contains lib.finding(rego.metadata.chain(), e.location, msg) if {
	some [e, what, false] in array.concat(_found, _found_secrets)
	msg := sprintf("%s holds %s and git tracks this file: the key is in the repository; remove the file from the index with git rm --cached, ignore it, and %s", [e.name, what, _rotate])
}

# AWS shared files git tracks, by path.
_tracked_shared := {s.path | some s in input.sharedFiles; s.tracked}

_secret_keys := {"aws_secret_access_key"}

# _profile_what describes a shared-file key's credential value. A secret is
# any real-looking (not placeholder) value of aws_secret_access_key or a
# misspelling of it, whether or not it has the 40-character shape.
_profile_what(k) := sprintf("%s (%s)", [_key_id[k.shape], k.display])

_profile_what(k) := "an AWS secret access key" if {
	not _key_id[k.shape]
	k.set
	k.shape == "other"
	_secret_key_name(k)
}

_secret_key_name(k) if lower(k.name) in _secret_keys

_secret_key_name(k) if k.suggestion in _secret_keys

report contains lib.finding(rego.metadata.chain(), k.location, msg) if {
	tracked := _tracked_shared
	count(tracked) > 0
	some p in input.profiles
	p.path in tracked
	some k in p.keys
	what := _profile_what(k)
	msg := sprintf("%s of profile [%s] holds %s and git tracks this file: the key is in the repository; remove the file from the index with git rm --cached, keep shared files outside the repository, and %s", [k.name, p.header, what, _rotate])
}

# Literals in code and vercel.json.
_literal_what(l) := sprintf("%s (%s)", [_key_id[l.shape], l.display])

_literal_what(l) := "an AWS secret access key" if l.shape == "secret"

_assigned(l) := sprintf(" assigned to %s", [l.context]) if l.context != ""

_assigned(l) := "" if object.get(l, "context", "") == ""

report contains lib.finding(rego.metadata.chain(), l.location, msg) if {
	some l in input.code.literals
	l.language != "json"
	what := _literal_what(l)
	msg := sprintf("%s is written into the source code%s: everyone who can read the repository or the built code has it; read it from the environment instead, and rotate the key if it was ever committed", [what, _assigned(l)])
}

report contains lib.finding(rego.metadata.chain(), l.location, msg) if {
	some l in input.code.literals
	l.language == "json"
	what := _literal_what(l)
	msg := sprintf("%s is written into vercel.json%s: the file is committed with the project; set it in the platform's environment settings instead, and rotate the key if it was ever committed", [what, _assigned(l)])
}
