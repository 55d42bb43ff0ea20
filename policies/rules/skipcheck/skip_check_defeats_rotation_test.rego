package remolint.rules.skipcheck.skip_check_defeats_rotation_test

import data.remolint.rules.skipcheck.skip_check_defeats_rotation as rule

_loc(path, line, col) := {"path": path, "line": line, "column": col}

_flag(name, value) := {"name": name, "value": value, "secret": false, "set": value != "", "shape": "other", "location": _loc(".env", 1, 1)}

_env(vars) := {
	"id": ".", "dir": ".", "mode": "", "project": ".", "files": [".env"],
	"variables": vars, "platforms": [], "consumers": ["node"], "remotion": true, "resolution": {},
}

_write(name, line, extra) := object.union(
	{"name": name, "dynamic": false, "language": "js", "project": ".", "location": _loc("src/rotate.ts", line, 3)},
	extra,
)

_projects(consumers) := [{"dir": ".", "remotion": true, "platforms": [], "consumers": consumers}]

_input(vars, writes) := {"projects": _projects(["node"]), "environments": [_env(vars)], "code": {"writes": writes}}

_code_only(writes) := {"projects": _projects(["node"]), "environments": [], "code": {"writes": writes}}

_aws_msg(name) := sprintf("%s is changed at run time, but REMOTION_SKIP_AWS_CREDENTIALS_CHECK is set: Remotion's cached client keeps the first credentials for the whole process; set REMOTION_DISABLE_AWS_CLIENT_CACHE as well (the skip flag does not disable the cache, whatever the docs say)", [name])

_rem_msg(name) := sprintf("%s is changed at run time, but REMOTION_SKIP_AWS_CREDENTIALS_CHECK is set: Remotion ignores every REMOTION_AWS_* variable and keeps using the AWS SDK default credential chain, so the rotation has no effect whatever REMOTION_DISABLE_AWS_CLIENT_CACHE says; remove the skip flag", [name])

_finding(line, msg) := {"rule": "skip-check-defeats-rotation", "severity": "error", "location": _loc("src/rotate.ts", line, 3), "message": msg}

_rotation := [
	_write("AWS_ACCESS_KEY_ID", 10, {}),
	_write("AWS_SECRET_ACCESS_KEY", 11, {}),
	_write("REMOTION_AWS_ACCESS_KEY_ID", 12, {}),
	_write("REMOTION_AWS_SECRET_ACCESS_KEY", 13, {}),
]

test_fires_env_flag_each_write if {
	got := rule.report with input as _input([_flag("REMOTION_SKIP_AWS_CREDENTIALS_CHECK", "1")], _rotation)
	got == {
		_finding(10, _aws_msg("AWS_ACCESS_KEY_ID")),
		_finding(11, _aws_msg("AWS_SECRET_ACCESS_KEY")),
		_finding(12, _rem_msg("REMOTION_AWS_ACCESS_KEY_ID")),
		_finding(13, _rem_msg("REMOTION_AWS_SECRET_ACCESS_KEY")),
	}
}

test_quiet_without_flag if {
	got := rule.report with input as _input([], _rotation)
	count(got) == 0
}

test_quiet_empty_flag if {
	got := rule.report with input as _input([_flag("REMOTION_SKIP_AWS_CREDENTIALS_CHECK", "")], _rotation)
	count(got) == 0
}

test_cache_disabled_quiets_aws_names_only if {
	got := rule.report with input as _input(
		[
			_flag("REMOTION_DISABLE_AWS_CLIENT_CACHE", "true"),
			_flag("REMOTION_SKIP_AWS_CREDENTIALS_CHECK", "1"),
		],
		_rotation,
	)
	got == {
		_finding(12, _rem_msg("REMOTION_AWS_ACCESS_KEY_ID")),
		_finding(13, _rem_msg("REMOTION_AWS_SECRET_ACCESS_KEY")),
	}
}

test_fires_flag_written_in_code if {
	got := rule.report with input as _code_only([
		_write("REMOTION_SKIP_AWS_CREDENTIALS_CHECK", 2, {"literal": true, "value": "true"}),
		_write("AWS_PROFILE", 20, {"literal": true, "value": "acct-2"}),
	])
	got == {_finding(20, _aws_msg("AWS_PROFILE"))}
}

test_quiet_flag_and_cache_written_in_code if {
	got := rule.report with input as _code_only([
		_write("REMOTION_SKIP_AWS_CREDENTIALS_CHECK", 2, {"literal": true, "value": "true"}),
		_write("REMOTION_DISABLE_AWS_CLIENT_CACHE", 3, {"literal": true, "value": "true"}),
		_write("AWS_PROFILE", 20, {"literal": true, "value": "acct-2"}),
	])
	count(got) == 0
}

test_fires_code_flag_with_env_without_cache if {
	got := rule.report with input as _input([], [
		_write("REMOTION_SKIP_AWS_CREDENTIALS_CHECK", 2, {"literal": false}),
		_write("AWS_SESSION_TOKEN", 21, {}),
	])
	got == {_finding(21, _aws_msg("AWS_SESSION_TOKEN"))}
}

test_quiet_flag_written_empty if {
	got := rule.report with input as _code_only([
		_write("REMOTION_SKIP_AWS_CREDENTIALS_CHECK", 2, {"literal": true}),
		_write("AWS_ACCESS_KEY_ID", 20, {}),
	])
	count(got) == 0
}

test_quiet_unset_writes if {
	got := rule.report with input as _input([_flag("REMOTION_SKIP_AWS_CREDENTIALS_CHECK", "1")], [
		_write("AWS_ACCESS_KEY_ID", 10, {"unset": true}),
		_write("REMOTION_AWS_PROFILE", 11, {"unset": true}),
	])
	count(got) == 0
}

test_quiet_other_project if {
	got := rule.report with input as _input([_flag("REMOTION_SKIP_AWS_CREDENTIALS_CHECK", "1")], [_write("AWS_ACCESS_KEY_ID", 10, {"project": "other"})])
	count(got) == 0
}

test_quiet_non_credential_write if {
	got := rule.report with input as _input([_flag("REMOTION_SKIP_AWS_CREDENTIALS_CHECK", "1")], [
		_write("AWS_REGION", 10, {}),
		_write("AWS_KEY_1", 11, {}),
	])
	count(got) == 0
}

_go_write(name, line) := _write(name, line, {"language": "go", "location": _loc("main.go", line, 3)})

_with_consumers(inp, consumers) := object.union(inp, {"projects": _projects(consumers)})

# The Go SDK has neither the skip flag nor Remotion's client cache.
test_quiet_go_write_in_go_project if {
	inp := _input([_flag("REMOTION_SKIP_AWS_CREDENTIALS_CHECK", "1")], [
		_go_write("AWS_ACCESS_KEY_ID", 18),
		_go_write("AWS_SECRET_ACCESS_KEY", 19),
	])
	got := rule.report with input as _with_consumers(inp, ["go"])
	count(got) == 0
}

test_quiet_go_write_in_mixed_project if {
	got := rule.report with input as _input([_flag("REMOTION_SKIP_AWS_CREDENTIALS_CHECK", "1")], [_go_write("AWS_ACCESS_KEY_ID", 18)])
	count(got) == 0
}

test_fires_js_write_in_node_and_go_project if {
	inp := _input([_flag("REMOTION_SKIP_AWS_CREDENTIALS_CHECK", "1")], [_write("AWS_ACCESS_KEY_ID", 10, {}), _go_write("AWS_ACCESS_KEY_ID", 18)])
	got := rule.report with input as _with_consumers(inp, ["go", "node"])
	got == {_finding(10, _aws_msg("AWS_ACCESS_KEY_ID"))}
}

test_fires_cli_consumer if {
	inp := _input([_flag("REMOTION_SKIP_AWS_CREDENTIALS_CHECK", "1")], [_write("AWS_ACCESS_KEY_ID", 10, {})])
	got := rule.report with input as _with_consumers(inp, ["cli"])
	got == {_finding(10, _aws_msg("AWS_ACCESS_KEY_ID"))}
}

# No known consumer: Node, the default reader.
test_fires_unknown_consumer if {
	inp := _input([_flag("REMOTION_SKIP_AWS_CREDENTIALS_CHECK", "1")], [_write("REMOTION_AWS_PROFILE", 12, {})])
	got := rule.report with input as _with_consumers(inp, [])
	got == {_finding(12, _rem_msg("REMOTION_AWS_PROFILE"))}
}

test_quiet_js_write_in_python_project if {
	inp := _input([_flag("REMOTION_SKIP_AWS_CREDENTIALS_CHECK", "1")], [_write("AWS_ACCESS_KEY_ID", 10, {})])
	got := rule.report with input as _with_consumers(inp, ["python"])
	count(got) == 0
}

# A skip flag set by Go code does not reach a Node process.
test_quiet_flag_written_in_go_code if {
	got := rule.report with input as _code_only([
		_go_write("REMOTION_SKIP_AWS_CREDENTIALS_CHECK", 2),
		_write("AWS_ACCESS_KEY_ID", 20, {}),
	])
	count(got) == 0
}

test_fires_write_with_unset_false if {
	got := rule.report with input as _input([_flag("REMOTION_SKIP_AWS_CREDENTIALS_CHECK", "1")], [_write("AWS_ACCESS_KEY_ID", 10, {"unset": false})])
	got == {_finding(10, _aws_msg("AWS_ACCESS_KEY_ID"))}
}
