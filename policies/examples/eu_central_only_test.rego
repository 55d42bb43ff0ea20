package remolint.custom.examples.eu_central_only_test

import data.remolint.custom.examples.eu_central_only as rule

_loc(path, line, col) := {"path": path, "line": line, "column": col}

_entry(name, value, line) := {
	"name": name, "value": value, "secret": false, "set": value != "",
	"shape": "other", "location": _loc(".env", line, 1),
}

_env(template, entries) := {
	"envFiles": [{"path": ".env", "dir": ".", "project": ".", "template": template, "mode": "", "entries": entries}],
	"code": {"remotionCalls": []},
}

_call(region, line) := {
	"function": "renderMediaOnLambda", "region": region, "regionLocation": _loc("src/render.ts", line, 11),
	"language": "js", "project": ".", "location": _loc("src/render.ts", line - 1, 22),
}

_finding(loc, msg) := {"rule": "eu-central-only", "severity": "error", "location": loc, "message": msg}

test_fires_env_region if {
	got := rule.report with input as _env(false, [
		_entry("REMOTION_AWS_REGION", "us-east-1", 3),
		_entry("AWS_REGION", "eu-west-1", 4),
	])
	got == {
		_finding(_loc(".env", 3, 1), "REMOTION_AWS_REGION=us-east-1 renders outside eu-central-1: our renders must stay in eu-central-1"),
		_finding(_loc(".env", 4, 1), "AWS_REGION=eu-west-1 renders outside eu-central-1: our renders must stay in eu-central-1"),
	}
}

test_fires_template if {
	got := rule.report with input as _env(true, [_entry("REMOTION_AWS_REGION", "us-west-2", 1)])
	got == {_finding(_loc(".env", 1, 1), "REMOTION_AWS_REGION=us-west-2 renders outside eu-central-1: our renders must stay in eu-central-1")}
}

test_quiet_eu_central_empty_and_other_names if {
	got := rule.report with input as _env(false, [
		_entry("REMOTION_AWS_REGION", "eu-central-1", 1),
		_entry("AWS_REGION", "", 2),
		_entry("AWS_DEFAULT_REGION", "us-east-1", 3),
		_entry("REMOTION_APP_REGION", "us-east-1", 4),
	])
	count(got) == 0
}

test_fires_call_region if {
	got := rule.report with input as {"envFiles": [], "code": {"remotionCalls": [_call("us-east-1", 9)]}}
	got == {_finding(_loc("src/render.ts", 9, 11), "renderMediaOnLambda renders in us-east-1: our renders must stay in eu-central-1")}
}

test_quiet_call_eu_central_and_dynamic if {
	got := rule.report with input as {"envFiles": [], "code": {"remotionCalls": [_call("eu-central-1", 9), _call("", 20)]}}
	count(got) == 0
}

test_fires_region_values if {
	call := object.union(_call("", 9), {"regionValues": [
		{"constant": "REGION", "value": "us-east-1", "location": _loc("src/config.ts", 2, 24)},
		{"value": "eu-west-1", "location": _loc("src/render.ts", 9, 40)},
		{"constant": "EU", "value": "eu-central-1", "location": _loc("src/render.ts", 9, 20)},
	]})
	got := rule.report with input as {"envFiles": [], "code": {"remotionCalls": [call]}}
	got == {
		_finding(_loc("src/config.ts", 2, 24), "renderMediaOnLambda renders in us-east-1 (constant REGION): our renders must stay in eu-central-1"),
		_finding(_loc("src/render.ts", 9, 40), "renderMediaOnLambda renders in eu-west-1: our renders must stay in eu-central-1"),
	}
}
