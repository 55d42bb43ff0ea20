package remolint.rules.skipcheck.skip_check_ignores_credentials_test

import data.remolint.rules.skipcheck.skip_check_ignores_credentials as rule

_loc(path, line) := {"path": path, "line": line, "column": 1}

_var(name, path, line, extra) := object.union(
	{"name": name, "set": true, "secret": true, "shape": "other", "location": _loc(path, line)},
	extra,
)

_flag(path, line, value) := _var("REMOTION_SKIP_AWS_CREDENTIALS_CHECK", path, line, {"secret": false, "value": value, "set": value != ""})

_input(vars) := _input_for(vars, ["node"])

_input_for(vars, consumers) := {"environments": [{
	"id": "web (production)", "dir": "web", "mode": "production", "project": "web",
	"files": ["web/.env", "web/.env.production"], "variables": vars,
	"platforms": [], "consumers": consumers, "remotion": true, "resolution": {},
}]}

_msg(name) := _msg_at(name, "")

_msg_at(name, where) := sprintf("%s is ignored because REMOTION_SKIP_AWS_CREDENTIALS_CHECK is set%s: Remotion then passes no credentials and uses the AWS SDK default credential chain (AWS_* variables, the default profile, web identity, container and instance credentials) instead", [name, where])

test_fires_at_each_ignored_variable if {
	got := rule.report with input as _input([
		_var("REMOTION_AWS_ACCESS_KEY_ID", "web/.env", 2, {}),
		_var("REMOTION_AWS_PROFILE", "web/.env.production", 1, {"secret": false, "value": "render"}),
		_var("REMOTION_AWS_SECRET_ACCESS_KEY", "web/.env", 3, {}),
		_flag("web/.env.production", 4, "1"),
	])
	flag := _loc("web/.env.production", 4)
	got == {
		{"rule": "skip-check-ignores-credentials", "severity": "error", "location": _loc("web/.env", 2), "related": flag, "message": _msg_at("REMOTION_AWS_ACCESS_KEY_ID", " (at web/.env.production:4, in environment web (production))")},
		{"rule": "skip-check-ignores-credentials", "severity": "error", "location": _loc("web/.env.production", 1), "related": flag, "message": _msg("REMOTION_AWS_PROFILE")},
		{"rule": "skip-check-ignores-credentials", "severity": "error", "location": _loc("web/.env", 3), "related": flag, "message": _msg_at("REMOTION_AWS_SECRET_ACCESS_KEY", " (at web/.env.production:4, in environment web (production))")},
	}
}

test_fires_token if {
	got := rule.report with input as _input([
		_var("REMOTION_AWS_SESSION_TOKEN", "web/.env", 7, {}),
		_flag("web/.env", 4, "true"),
	])
	{f.location.line | some f in got} == {7}
}

test_quiet_without_flag if {
	got := rule.report with input as _input([
		_var("REMOTION_AWS_ACCESS_KEY_ID", "web/.env", 2, {}),
		_var("REMOTION_AWS_SECRET_ACCESS_KEY", "web/.env", 3, {}),
	])
	count(got) == 0
}

test_quiet_empty_flag if {
	got := rule.report with input as _input([
		_var("REMOTION_AWS_ACCESS_KEY_ID", "web/.env", 2, {}),
		_flag("web/.env", 4, ""),
	])
	count(got) == 0
}

test_quiet_flag_with_aws_names_only if {
	got := rule.report with input as _input([
		_var("AWS_ACCESS_KEY_ID", "web/.env", 2, {}),
		_var("AWS_PROFILE", "web/.env", 3, {"secret": false, "value": "render"}),
		_var("REMOTION_AWS_REGION", "web/.env", 5, {"secret": false, "value": "eu-west-1"}),
		_flag("web/.env", 4, "1"),
	])
	count(got) == 0
}

test_quiet_empty_remotion_key if {
	got := rule.report with input as _input([
		_var("REMOTION_AWS_ACCESS_KEY_ID", "web/.env", 2, {"set": false, "shape": "empty"}),
		_flag("web/.env", 4, "1"),
	])
	count(got) == 0
}

_skip_and_pair := [
	_var("REMOTION_AWS_ACCESS_KEY_ID", "web/.env", 2, {}),
	_var("REMOTION_AWS_SECRET_ACCESS_KEY", "web/.env", 3, {}),
	_flag("web/.env", 1, "1"),
]

# The Go, Python and PHP clients read neither the flag nor REMOTION_* names.
test_quiet_sdk_only_consumers if {
	every consumers in [["go"], ["php"], ["python"], ["go", "python"]] {
		count(rule.report) == 0 with input as _input_for(_skip_and_pair, consumers)
	}
}

test_fires_node_beside_sdk_or_unknown_consumer if {
	every consumers in [["cli", "go"], ["node", "php"], []] {
		{f.location.line | some f in rule.report} == {2, 3} with input as _input_for(_skip_and_pair, consumers)
	}
}

test_fires_names_flag_file_without_mode if {
	inp := _input([_var("REMOTION_AWS_PROFILE", "web/.env", 1, {"secret": false, "value": "render"}), _flag("web/.env.local", 2, "1")])
	env := object.union(inp.environments[0], {"id": "web", "mode": ""})
	got := rule.report with input as {"environments": [env]}
	{f.message | some f in got} == {_msg_at("REMOTION_AWS_PROFILE", " (at web/.env.local:2)")}
}

# A definition ignored in two environments (the flag in .env and in
# .env.production) is reported once, naming the flag in its own file.
test_fires_once_per_definition if {
	base := {
		"dir": "web", "project": "web", "platforms": [], "consumers": ["node"], "remotion": true, "resolution": {},
	}
	key := _var("REMOTION_AWS_ACCESS_KEY_ID", "web/.env", 1, {})
	envs := [
		object.union(base, {"id": "web", "mode": "", "files": ["web/.env"], "variables": [key, _flag("web/.env", 4, "false")]}),
		object.union(base, {"id": "web (production)", "mode": "production", "files": ["web/.env", "web/.env.production"], "variables": [key, _flag("web/.env.production", 1, "Off")]}),
	]
	got := rule.report with input as {"environments": envs}
	got == {{"rule": "skip-check-ignores-credentials", "severity": "error", "location": _loc("web/.env", 1), "related": _loc("web/.env", 4), "message": _msg("REMOTION_AWS_ACCESS_KEY_ID")}}
}

# A definition ignored in two environments with the flag in other files
# only names the first flag in (file, line) order, and the environment
# that holds it.
test_fires_once_naming_first_other_flag if {
	base := {
		"dir": "web", "project": "web", "platforms": [], "consumers": ["node"], "remotion": true, "resolution": {},
	}
	key := _var("REMOTION_AWS_PROFILE", "web/.env", 1, {"secret": false, "value": "render"})
	secret := _var("REMOTION_AWS_SECRET_ACCESS_KEY", "web/.env", 2, {})
	envs := [
		object.union(base, {"id": "web (production)", "mode": "production", "files": ["web/.env", "web/.env.production"], "variables": [key, _flag("web/.env.production", 3, "1")]}),
		object.union(base, {"id": "web (test)", "mode": "test", "files": ["web/.env", "web/.env.test"], "variables": [key, secret, _flag("web/.env.test", 1, "1")]}),
		object.union(base, {"id": "web (staging)", "mode": "staging", "files": ["web/.env", "web/.env.production"], "variables": [key, _flag("web/.env.production", 2, "1")]}),
	]
	got := rule.report with input as {"environments": envs}
	got == {
		{"rule": "skip-check-ignores-credentials", "severity": "error", "location": _loc("web/.env", 1), "related": _loc("web/.env.production", 2), "message": _msg_at("REMOTION_AWS_PROFILE", " (at web/.env.production:2, in environment web (staging))")},
		{"rule": "skip-check-ignores-credentials", "severity": "error", "location": _loc("web/.env", 2), "related": _loc("web/.env.test", 1), "message": _msg_at("REMOTION_AWS_SECRET_ACCESS_KEY", " (at web/.env.test:1, in environment web (test))")},
	}
}

# The location reported is the definition's in the first environment, in
# the order of the name index.
test_location_from_first_environment if {
	base := {
		"dir": "web", "project": "web", "platforms": [], "consumers": ["node"], "remotion": true, "resolution": {},
		"id": "web", "mode": "", "files": ["web/.env"],
	}
	first := _var("REMOTION_AWS_ACCESS_KEY_ID", "web/.env", 1, {"location": {"path": "web/.env", "line": 1, "column": 1, "endColumn": 9}})
	second := _var("REMOTION_AWS_ACCESS_KEY_ID", "web/.env", 1, {"location": {"path": "web/.env", "line": 1, "column": 1, "endColumn": 3}})
	envs := [
		object.union(base, {"variables": [second, _flag("web/.env", 5, "1")]}),
		object.union(base, {"variables": [first, _flag("web/.env", 4, "1")]}),
	]
	got := rule.report with input as {"environments": envs}
	{[f.location, f.related] | some f in got} == {[second.location, _loc("web/.env", 4)]}
}

# A definition is reported only when its environment has an id and a mode,
# and both locations a path and a line.
test_quiet_without_mode_or_line if {
	inp := _input([_var("REMOTION_AWS_ACCESS_KEY_ID", "web/.env", 2, {}), _flag("web/.env", 4, "1")])
	env := inp.environments[0]
	count(rule.report) == 1 with input as inp
	count(rule.report) == 0 with input as {"environments": [object.remove(env, ["mode"])]}
	count(rule.report) == 0 with input as {"environments": [object.remove(env, ["id"])]}
	flag := object.union(object.remove(_flag("web/.env", 4, "1"), ["location"]), {"location": {"path": "web/.env", "column": 1}})
	count(rule.report) == 0 with input as _input([_var("REMOTION_AWS_ACCESS_KEY_ID", "web/.env", 2, {}), flag])
}
