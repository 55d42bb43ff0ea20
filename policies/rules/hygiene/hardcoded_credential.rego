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

# Whether an env-file entry holds a credential depends on its value: the
# rule reads the entries of templates and tracked live files whose value
# looks like a key (lib.committed_keys: a key id has a display form, a
# secret key the looksLikeSecretKey flag), not every entry of those files.

# [entry, description of its credential value (never the value), whether
# the file is a template] for each entry that holds a key id or a secret
# access key.
_found := [[e, sprintf("%s (%s)", [_key_id[e.shape], e.display]), template] |
	files := input.envFiles
	some [i, j] in lib.committed_keys
	e := files[i].entries[j]
	e.display
	_key_id[e.shape]
	template := files[i].template == true
]

_found_secrets := [[e, "an AWS secret access key", template] |
	files := input.envFiles
	some [i, j] in lib.committed_keys
	e := files[i].entries[j]
	e.looksLikeSecretKey
	e.shape == "other"
	contains(upper(e.name), "SECRET")
	template := files[i].template == true
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
