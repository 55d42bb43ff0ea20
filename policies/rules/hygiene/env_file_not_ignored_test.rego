package remolint.rules.hygiene.env_file_not_ignored_test

import data.remolint.rules.hygiene.env_file_not_ignored as rule

_loc(path, line) := {"path": path, "line": line, "column": 1}

# _e is a set, secret entry holding a value of the given shape.
_e(path, line, name, shape) := {
	"name": name, "set": true, "secret": true, "shape": shape, "known": true,
	"location": _loc(path, line),
}

_region(path, line) := {
	"name": "REMOTION_AWS_REGION", "value": "eu-central-1", "set": true, "secret": false,
	"shape": "other", "known": true, "location": _loc(path, line),
}

_file(path, git, entries) := object.union(
	{"path": path, "dir": ".", "project": ".", "template": false, "mode": "", "local": false, "entries": entries},
	git,
)

_tracked := {"gitKnown": true, "tracked": true, "ignored": false}

_untracked := {"gitKnown": true, "tracked": false, "ignored": false}

_ignored := {"gitKnown": true, "tracked": false, "ignored": true}

_no_git := {"gitKnown": false, "tracked": false, "ignored": false}

_in(files) := {"envFiles": files}

_finding(path, line, msg) := {"rule": "env-file-not-ignored", "severity": "warning", "location": _loc(path, line), "message": msg}

_committed := "it is committed, so everyone with the repository has the keys: remove it from the index with git rm --cached and rotate the keys"

_not_ignored := "the next git add commits the keys: add it to .gitignore"

test_fires_tracked_once_at_first_credential if {
	got := rule.report with input as _in([_file(".env", _tracked, [
		_region(".env", 1),
		_e(".env", 2, "REMOTION_AWS_ACCESS_KEY_ID", "aws-access-key-id"),
		_e(".env", 3, "REMOTION_AWS_SECRET_ACCESS_KEY", "other"),
	])])
	got == {_finding(".env", 2, sprintf("this file holds credentials (REMOTION_AWS_ACCESS_KEY_ID here) and git tracks it: %s", [_committed]))}
}

test_fires_not_ignored if {
	got := rule.report with input as _in([_file("apps/web/.env.local", _untracked, [
		_e("apps/web/.env.local", 4, "AWS_SECRET_ACCESS_KEY", "other"),
	])])
	got == {_finding("apps/web/.env.local", 4, sprintf("this file holds credentials (AWS_SECRET_ACCESS_KEY here) and git does not ignore it: %s", [_not_ignored]))}
}

test_fires_tracked_even_when_ignored_later if {
	git := {"gitKnown": true, "tracked": true, "ignored": true}
	got := rule.report with input as _in([_file(".env", git, [_e(".env", 1, "AWS_SESSION_TOKEN", "other")])])
	got == {_finding(".env", 1, sprintf("this file holds credentials (AWS_SESSION_TOKEN here) and git tracks it: %s", [_committed]))}
}

test_fires_backup if {
	f := object.union(_file(".env.bak", _tracked, [_e(".env.bak", 2, "AWS_ACCESS_KEY_ID", "aws-access-key-id")]), {"backup": true})
	got := rule.report with input as _in([f])
	got == {_finding(".env.bak", 2, sprintf("this backup copy holds credentials (AWS_ACCESS_KEY_ID here) and git tracks it: %s", [_committed]))}
}

test_fires_each_kind_of_credential if {
	misspelled := object.union(_e(".env", 1, "REMOTION_AWS_ACESS_KEY_ID", "other"), {"known": false, "suggestion": "REMOTION_AWS_ACCESS_KEY_ID"})
	family := object.union(_e(".env", 1, "AWS_KEY_1", "other"), {"known": false, "family": {"prefix": "AWS_KEY", "index": 1, "credential": true, "role": "key", "stem": "AWS"}})
	key_id := object.union(_e(".env", 1, "RENDER_USER", "aws-temporary-key-id"), {"known": false})
	secret_key := object.union(_e(".env", 1, "RENDER_SECRET", "other"), {"known": false, "looksLikeSecretKey": true})
	alias := _e(".env", 1, "AWS_SECRET_KEY", "other")
	every e in [misspelled, family, key_id, secret_key, alias] {
		got := rule.report with input as _in([_file(".env", _tracked, [e])])
		{f.location | some f in got} == {_loc(".env", 1)}
	}
}

test_fires_per_file if {
	got := rule.report with input as _in([
		_file(".env", _tracked, [_e(".env", 1, "AWS_ACCESS_KEY_ID", "aws-access-key-id")]),
		_file(".env.production", _untracked, [_e(".env.production", 5, "AWS_ACCESS_KEY_ID", "aws-access-key-id")]),
		_file(".env.local", _ignored, [_e(".env.local", 1, "AWS_ACCESS_KEY_ID", "aws-access-key-id")]),
	])
	{f.location | some f in got} == {_loc(".env", 1), _loc(".env.production", 5)}
}

test_quiet_ignored if {
	got := rule.report with input as _in([_file(".env", _ignored, [_e(".env", 1, "AWS_ACCESS_KEY_ID", "aws-access-key-id")])])
	count(got) == 0
}

test_quiet_without_git if {
	got := rule.report with input as _in([_file(".env", _no_git, [_e(".env", 1, "AWS_ACCESS_KEY_ID", "aws-access-key-id")])])
	count(got) == 0
}

test_quiet_template if {
	f := object.union(_file(".env.example", _tracked, [_e(".env.example", 1, "AWS_ACCESS_KEY_ID", "aws-access-key-id")]), {"template": true})
	got := rule.report with input as _in([f])
	count(got) == 0
}

test_quiet_no_credential_values if {
	got := rule.report with input as _in([_file(".env", _tracked, [
		_region(".env", 1),
		object.union(_e(".env", 2, "REMOTION_AWS_ACCESS_KEY_ID", "empty"), {"set": false}),
		_e(".env", 3, "REMOTION_AWS_SECRET_ACCESS_KEY", "placeholder"),
		_e(".env", 4, "AWS_ACCESS_KEY_ID", "placeholder"),
		object.union(_e(".env", 5, "DATABASE_URL", "other"), {"known": false}),
		object.union(_e(".env", 6, "GIT_COMMIT_SHA", "other"), {"known": false, "looksLikeSecretKey": true}),
		object.union(_e(".env", 7, "AWS_ACCOUNT_1", "other"), {"known": false, "family": {"prefix": "AWS_ACCOUNT", "index": 1, "credential": true}}),
		object.union(_e(".env", 8, "REMOTION_APP_SECRET", "other"), {"known": false}),
	])])
	count(got) == 0
}
