# METADATA
# title: env-file-not-ignored
# description: |
#   Finds an env file (not a template) that holds credential values and that
#   git does not ignore, or already tracks. Credential values are non-empty,
#   non-placeholder values of the AWS and Remotion credential variables
#   (`REMOTION_AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, the session
#   tokens, the SDK aliases `AWS_ACCESS_KEY`/`AWS_SECRET_KEY`, their
#   misspellings, and numbered families such as `AWS_KEY_1`/`AWS_SECRET_1`),
#   any value shaped like an AWS access key id, and a 40-character secret
#   under a name that contains `SECRET`. Backup copies (`.env.bak`,
#   `.env.old`, ...) count: no tool loads them, but git commits them all the
#   same.
#
#   A tracked file is already in the repository: everyone who can clone it,
#   and every fork and CI log of it, has the keys, and removing the file
#   later does not remove it from the history. A file that is merely not
#   ignored is one `git add .` away from the same fate. The rule reports once
#   per file, at its first credential. It needs a git work tree and stays
#   silent without one (and under `--no-git`).
# custom:
#   severity: warning
#   summary: an env file with credential values that git tracks or does not ignore
#   requires_remotion: false
#   bad: |
#     # .gitignore does not list .env, and .env holds:
#     REMOTION_AWS_ACCESS_KEY_ID=AKIA...
#     REMOTION_AWS_SECRET_ACCESS_KEY=...
#   good: |
#     # .gitignore
#     .env
#     .env*.local
#     # and a committed .env.example with empty values documents the names
#   remotion: |
#     The Remotion CLI loads `./.env` and frameworks load `.env.local` and
#     `.env.<mode>`, so credentials usually live in these files; nothing in
#     Remotion requires them to be committed. The Remotion starters ship a
#     `.gitignore` that lists `.env`, but a monorepo or a renamed file
#     (`.env.production`, `.env.bak`) is easily missed.
package remolint.rules.hygiene.env_file_not_ignored

import data.remolint.lib

# Names whose values are AWS credentials.
_credential_names := {
	lib.remotion_id, lib.remotion_secret, lib.remotion_token,
	lib.aws_id, lib.aws_secret, lib.aws_token,
	"AWS_ACCESS_KEY", "AWS_SECRET_KEY",
}

_key_id_shapes := {"aws-access-key-id", "aws-temporary-key-id"}

_credential_name(e) if e.name in _credential_names

_credential_name(e) if e.suggestion in _credential_names

_credential_name(e) if e.family.role in {"key", "secret", "token"}

# _credential is true for an entry that holds a credential value.
_credential(e) if {
	e.secret
	e.set
	e.shape == "other"
	_credential_name(e)
}

_credential(e) if e.shape in _key_id_shapes

_credential(e) if {
	e.looksLikeSecretKey
	e.shape == "other"
	contains(upper(e.name), "SECRET")
}

# The files git will commit, or has: live (not templates) and tracked, or
# neither tracked nor ignored. Read from input.envFiles, testing first what
# rejects most (outside a git work tree, gitKnown is false everywhere).
_exposed := {true: {true: true, false: true}, false: {false: true}}

_file(true) := "this backup copy"

_file(false) := "this file"

_verb(true) := "tracks"

_verb(false) := "does not ignore"

_advice(true) := "it is committed, so everyone with the repository has the keys: remove it from the index with git rm --cached and rotate the keys"

_advice(false) := "the next git add commits the keys: add it to .gitignore"

# The shapes of the values _credential accepts: the test that rejects most
# entries, done before the function call.
_credential_shapes := {"other", "aws-access-key-id", "aws-temporary-key-id"}

# Once per file, at its first credential entry. The comprehension runs once
# per file, so the rule stays linear in the number of entries.
report contains lib.finding(rego.metadata.chain(), e.location, msg) if {
	exposed := _exposed
	shapes := _credential_shapes
	some f in input.envFiles
	f.gitKnown == true
	f.template == false
	tracked := f.tracked
	exposed[tracked][f.ignored]
	creds := [i | some i, entry in f.entries; entry.shape in shapes; _credential(entry)]
	count(creds) > 0
	e := f.entries[creds[0]]
	msg := sprintf("%s holds credentials (%s here) and git %s it: %s", [
		_file(object.get(f, "backup", false) == true),
		e.name, _verb(tracked), _advice(tracked),
	])
}
