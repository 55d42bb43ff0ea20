package remolint.rules.code.token_rotation_ignored_test

import data.remolint.rules.code.token_rotation_ignored as rule

_loc(path, line, col) := {"path": path, "line": line, "column": col}

_project(dir, consumers) := {"dir": dir, "remotion": true, "platforms": [], "consumers": consumers}

_flag(name, value) := {"name": name, "value": value, "secret": false, "set": value != "", "shape": "other", "location": _loc(".env", 1, 1)}

_env(vars) := {
	"id": ".", "dir": ".", "mode": "", "project": ".", "files": [".env"],
	"variables": vars, "platforms": [], "consumers": ["node"], "remotion": true, "resolution": {},
}

_write(name, line, extra) := object.union(
	{"name": name, "dynamic": false, "language": "js", "project": ".", "location": _loc("src/refresh.ts", line, 3)},
	extra,
)

_input(vars, writes) := {
	"projects": [_project(".", ["node"])],
	"environments": [_env(vars)],
	"code": {"writes": writes},
}

_msg(token, pair) := sprintf("%s is changed at run time but %s are not: Remotion's client cache is keyed by the key id and secret, not the token, so the cached client keeps sending the old token until it expires and requests fail; write the new key id and secret too, or set REMOTION_DISABLE_AWS_CLIENT_CACHE", [token, pair])

_remotion_pair := "REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY"

_aws_pair := "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY"

_finding(line, msg) := {
	"rule": "token-rotation-ignored", "severity": "warning",
	"location": _loc("src/refresh.ts", line, 3), "message": msg,
}

test_fires_remotion_token_only if {
	got := rule.report with input as _input([], [_write("REMOTION_AWS_SESSION_TOKEN", 12, {})])
	got == {_finding(12, _msg("REMOTION_AWS_SESSION_TOKEN", _remotion_pair))}
}

test_fires_aws_token_only_each_write if {
	got := rule.report with input as _input([], [
		_write("AWS_SESSION_TOKEN", 7, {}),
		_write("AWS_SESSION_TOKEN", 20, {}),
	])
	got == {
		_finding(7, _msg("AWS_SESSION_TOKEN", _aws_pair)),
		_finding(20, _msg("AWS_SESSION_TOKEN", _aws_pair)),
	}
}

# A new key id of the other prefix does not change the token's cache key.
test_fires_key_id_of_other_prefix if {
	got := rule.report with input as _input([], [
		_write("AWS_ACCESS_KEY_ID", 10, {}),
		_write("AWS_SECRET_ACCESS_KEY", 11, {}),
		_write("REMOTION_AWS_SESSION_TOKEN", 12, {}),
	])
	got == {_finding(12, _msg("REMOTION_AWS_SESSION_TOKEN", _remotion_pair))}
}

test_quiet_key_id_written_too if {
	got := rule.report with input as _input([], [
		_write("REMOTION_AWS_ACCESS_KEY_ID", 10, {}),
		_write("REMOTION_AWS_SESSION_TOKEN", 12, {}),
	])
	count(got) == 0
}

test_quiet_secret_written_too if {
	got := rule.report with input as _input([], [
		_write("AWS_SECRET_ACCESS_KEY", 11, {}),
		_write("AWS_SESSION_TOKEN", 12, {}),
	])
	count(got) == 0
}

# The key id is written in another file of the same project.
test_quiet_key_id_written_elsewhere_in_project if {
	got := rule.report with input as _input([], [
		_write("REMOTION_AWS_ACCESS_KEY_ID", 3, {"location": _loc("src/creds.ts", 3, 3)}),
		_write("REMOTION_AWS_SESSION_TOKEN", 12, {}),
	])
	count(got) == 0
}

test_fires_key_id_written_in_other_project if {
	got := rule.report with input as _input([], [
		_write("REMOTION_AWS_ACCESS_KEY_ID", 3, {"project": "other"}),
		_write("REMOTION_AWS_SESSION_TOKEN", 12, {}),
	])
	got == {_finding(12, _msg("REMOTION_AWS_SESSION_TOKEN", _remotion_pair))}
}

# process.env[`REMOTION_AWS_${k}`] = ... may write the key id.
test_quiet_dynamic_write_may_be_key_id if {
	got := rule.report with input as _input([], [
		_write("", 10, {"name": "", "dynamic": true, "prefix": "REMOTION_AWS_"}),
		_write("REMOTION_AWS_SESSION_TOKEN", 12, {}),
	])
	count(got) == 0
}

test_fires_dynamic_write_of_other_family if {
	got := rule.report with input as _input([], [
		_write("", 10, {"name": "", "dynamic": true, "prefix": "AWS_KEY_"}),
		_write("AWS_SESSION_TOKEN", 12, {}),
	])
	got == {_finding(12, _msg("AWS_SESSION_TOKEN", _aws_pair))}
}

test_quiet_cache_disabled_in_env if {
	got := rule.report with input as _input(
		[_flag("REMOTION_DISABLE_AWS_CLIENT_CACHE", "1")],
		[_write("REMOTION_AWS_SESSION_TOKEN", 12, {})],
	)
	count(got) == 0
}

test_fires_cache_flag_empty_in_env if {
	got := rule.report with input as _input(
		[_flag("REMOTION_DISABLE_AWS_CLIENT_CACHE", "")],
		[_write("REMOTION_AWS_SESSION_TOKEN", 12, {})],
	)
	got == {_finding(12, _msg("REMOTION_AWS_SESSION_TOKEN", _remotion_pair))}
}

test_quiet_cache_disabled_in_code if {
	got := rule.report with input as _input([], [
		_write("REMOTION_DISABLE_AWS_CLIENT_CACHE", 2, {"literal": true, "value": "true", "shape": "other"}),
		_write("REMOTION_AWS_SESSION_TOKEN", 12, {}),
	])
	count(got) == 0
}

test_fires_cache_flag_written_empty if {
	got := rule.report with input as _input([], [
		_write("REMOTION_DISABLE_AWS_CLIENT_CACHE", 2, {"literal": true, "shape": "empty"}),
		_write("REMOTION_AWS_SESSION_TOKEN", 12, {}),
	])
	got == {_finding(12, _msg("REMOTION_AWS_SESSION_TOKEN", _remotion_pair))}
}

# skip-check-defeats-rotation reports token writes under the skip flag.
test_quiet_skip_flag if {
	got := rule.report with input as _input(
		[_flag("REMOTION_SKIP_AWS_CREDENTIALS_CHECK", "1")],
		[_write("AWS_SESSION_TOKEN", 12, {})],
	)
	count(got) == 0
}

test_quiet_token_deleted_or_cleared if {
	got := rule.report with input as _input([], [
		_write("REMOTION_AWS_SESSION_TOKEN", 12, {"unset": true}),
		_write("AWS_SESSION_TOKEN", 13, {"literal": true, "shape": "empty"}),
	])
	count(got) == 0
}

# os.Setenv in Go: Remotion's Go client has no client cache.
test_quiet_go_write if {
	got := rule.report with input as object.union(
		_input([], [_write("AWS_SESSION_TOKEN", 12, {"language": "go", "location": _loc("main.go", 12, 2)})]),
		{"projects": [_project(".", ["go", "node"])]},
	)
	count(got) == 0
}

# Only the CLI: each `remotion` run is a new process with an empty cache.
test_quiet_cli_only_project if {
	got := rule.report with input as object.union(
		_input([], [_write("REMOTION_AWS_SESSION_TOKEN", 12, {})]),
		{"projects": [_project(".", ["cli"])]},
	)
	count(got) == 0
}

test_quiet_not_remotion_project if {
	got := rule.report with input as object.union(
		_input([], [_write("AWS_SESSION_TOKEN", 12, {})]),
		{"projects": [{"dir": ".", "remotion": false, "platforms": [], "consumers": ["node"]}]},
	)
	count(got) == 0
}

test_quiet_other_token_names if {
	got := rule.report with input as _input([], [
		_write("AWS_SECURITY_TOKEN", 12, {}),
		_write("REMOTION_AWS_SESSION_TOKEN_2", 13, {}),
	])
	count(got) == 0
}
