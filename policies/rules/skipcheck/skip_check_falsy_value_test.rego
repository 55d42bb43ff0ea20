package remolint.rules.skipcheck.skip_check_falsy_value_test

import data.remolint.rules.skipcheck.skip_check_falsy_value as rule

_loc(path, line, col) := {"path": path, "line": line, "column": col}

_flag(path, line, value) := {
	"name": "REMOTION_SKIP_AWS_CREDENTIALS_CHECK", "value": value, "secret": false,
	"set": value != "", "shape": "other", "location": _loc(path, line, 1),
}

_projects(consumers) := [{"dir": ".", "remotion": true, "platforms": [], "consumers": consumers}]

_files(template, entries) := {"projects": _projects(["node"]), "envFiles": [{"path": ".env.example", "dir": ".", "project": ".", "template": template, "entries": entries}], "code": {"writes": []}}

_write(value, extra) := object.union(
	{"name": "REMOTION_SKIP_AWS_CREDENTIALS_CHECK", "value": value, "literal": true, "dynamic": false, "language": "js", "project": ".", "location": _loc("src/render.ts", 4, 1)},
	extra,
)

_code(writes) := {"projects": _projects(["node"]), "envFiles": [], "code": {"writes": writes}}

test_fires_false_in_template if {
	got := rule.report with input as _files(true, [_flag(".env.example", 3, "false")])
	got == {{
		"rule": "skip-check-falsy-value", "severity": "error", "location": _loc(".env.example", 3, 1),
		"message": "REMOTION_SKIP_AWS_CREDENTIALS_CHECK=false still skips the check: Remotion treats any non-empty value as on, so the credentials check is skipped and the REMOTION_AWS_* variables are ignored; delete the line to keep the check",
	}}
}

test_fires_each_off_word_any_case if {
	got := rule.report with input as _files(false, [
		_flag(".env.example", 1, "0"),
		_flag(".env.example", 2, "FALSE"),
		_flag(".env.example", 3, "No"),
		_flag(".env.example", 4, "off"),
		_flag(".env.example", 5, "Disabled"),
	])
	{f.location.line | some f in got} == {1, 2, 3, 4, 5}
}

test_quiet_true_and_empty if {
	got := rule.report with input as _files(false, [
		_flag(".env.example", 1, "true"),
		_flag(".env.example", 2, "1"),
		_flag(".env.example", 3, ""),
		_flag(".env.example", 4, "nope"),
	])
	count(got) == 0
}

test_quiet_other_variable if {
	e := object.union(_flag(".env.example", 1, "false"), {"name": "REMOTION_DISABLE_AWS_CLIENT_CACHE"})
	got := rule.report with input as _files(false, [e])
	count(got) == 0
}

test_fires_code_write if {
	got := rule.report with input as _code([_write("0", {})])
	got == {{
		"rule": "skip-check-falsy-value", "severity": "error", "location": _loc("src/render.ts", 4, 1),
		"message": "setting REMOTION_SKIP_AWS_CREDENTIALS_CHECK to \"0\" still skips the check: Remotion treats any non-empty value as on, so the credentials check is skipped and the REMOTION_AWS_* variables are ignored; delete the variable instead",
	}}
}

test_quiet_code_write_true if {
	got := rule.report with input as _code([_write("true", {})])
	count(got) == 0
}

test_quiet_code_unset if {
	got := rule.report with input as _code([object.remove(_write("", {"unset": true}), ["value"])])
	count(got) == 0
}

_consumers(inp, consumers) := object.union(inp, {"projects": _projects(consumers)})

# The Go, Python and PHP clients never read the flag.
test_quiet_env_file_of_sdk_only_project if {
	inp := _files(false, [_flag(".env", 1, "false")])
	every consumers in [["go"], ["python"], ["php"], ["go", "php"]] {
		count(rule.report) == 0 with input as _consumers(inp, consumers)
	}
}

test_fires_env_file_of_mixed_or_unknown_project if {
	inp := _files(false, [_flag(".env", 1, "false")])
	every consumers in [["go", "node"], ["cli", "python"], []] {
		{f.location | some f in rule.report} == {_loc(".env", 1, 1)} with input as _consumers(inp, consumers)
	}
}

_go_write := _write("disabled", {"language": "go", "location": _loc("main.go", 9, 2)})

# A Go program that sets the flag and runs the Remotion CLI passes it on.
test_fires_go_code_write_in_cli_wrapper if {
	got := rule.report with input as _consumers(_code([_go_write]), [])
	{f.location | some f in got} == {_loc("main.go", 9, 2)}
}

test_quiet_go_code_write_in_go_only_project if {
	got := rule.report with input as _consumers(_code([_go_write]), ["go"])
	count(got) == 0
}

test_quiet_js_write_in_go_only_project if {
	got := rule.report with input as _consumers(_code([_write("false", {})]), ["go"])
	count(got) == 0
}

# process.env.X = undefined stores the string "undefined".
test_fires_js_undefined_and_null if {
	got := rule.report with input as _code([
		_write("undefined", {}),
		_write("null", {"location": _loc("src/render.ts", 6, 1)}),
	])
	got == {
		{
			"rule": "skip-check-falsy-value", "severity": "error", "location": _loc("src/render.ts", 4, 1),
			"message": "assigning undefined to process.env.REMOTION_SKIP_AWS_CREDENTIALS_CHECK stores the string \"undefined\", which still skips the check: Remotion treats any non-empty value as on, so the credentials check is skipped and the REMOTION_AWS_* variables are ignored; use delete process.env.REMOTION_SKIP_AWS_CREDENTIALS_CHECK instead",
		},
		{
			"rule": "skip-check-falsy-value", "severity": "error", "location": _loc("src/render.ts", 6, 1),
			"message": "assigning null to process.env.REMOTION_SKIP_AWS_CREDENTIALS_CHECK stores the string \"null\", which still skips the check: Remotion treats any non-empty value as on, so the credentials check is skipped and the REMOTION_AWS_* variables are ignored; use delete process.env.REMOTION_SKIP_AWS_CREDENTIALS_CHECK instead",
		},
	}
}

test_fires_undefined_in_env_file if {
	got := rule.report with input as _files(false, [_flag(".env", 2, "undefined")])
	{f.location | some f in got} == {_loc(".env", 2, 1)}
}

test_quiet_delete if {
	got := rule.report with input as _code([object.remove(_write("", {"unset": true}), ["value", "literal"])])
	count(got) == 0
}
