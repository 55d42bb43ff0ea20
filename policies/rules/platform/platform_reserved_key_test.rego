package remolint.rules.platform.platform_reserved_key_test

import data.remolint.rules.platform.platform_reserved_key as rule

_loc(path, line, col) := {"path": path, "line": line, "column": col}

_proj(platforms) := {"dir": ".", "remotion": true, "platforms": platforms, "consumers": ["node"]}

_entry(path, name, line) := {"name": name, "set": true, "secret": true, "shape": "other", "location": _loc(path, line, 1)}

_file(path, template, entries) := {"path": path, "dir": ".", "project": ".", "template": template, "entries": entries}

_env_input(project, entries) := {
	"projects": [project],
	"envFiles": [_file(".env", false, entries)],
	"code": {"reads": [], "writes": []},
}

_code_input(project, reads, writes) := {
	"projects": [project],
	"envFiles": [],
	"code": {"reads": reads, "writes": writes},
}

_access(name, line, extra) := object.union(
	{"name": name, "dynamic": false, "language": "js", "project": ".", "location": _loc("app/api/render/route.ts", line, 7)},
	extra,
)

_finding(loc, msg) := {"rule": "platform-reserved-key", "severity": "error", "location": loc, "message": msg}

test_fires_vercel_env_key_id if {
	got := rule.report with input as _env_input(_proj(["vercel"]), [
		_entry(".env", "REMOTION_AWS_REGION", 1),
		_entry(".env", "AWS_ACCESS_KEY_ID", 2),
	])
	got == {_finding(_loc(".env", 2, 1), "Vercel injects its own AWS_ACCESS_KEY_ID into every function, a credential that grants no AWS permissions and that Remotion silently uses whenever the REMOTION_AWS_* pair is missing or empty: use REMOTION_AWS_ACCESS_KEY_ID instead")}
}

test_quiet_vercel_remotion_names if {
	got := rule.report with input as _env_input(_proj(["vercel"]), [
		_entry(".env", "REMOTION_AWS_REGION", 1),
		_entry(".env", "REMOTION_AWS_ACCESS_KEY_ID", 2),
	])
	count(got) == 0
}

test_quiet_no_platform if {
	got := rule.report with input as _env_input(_proj([]), [_entry(".env", "AWS_ACCESS_KEY_ID", 2)])
	count(got) == 0
}

test_quiet_not_remotion if {
	p := object.union(_proj(["vercel"]), {"remotion": false})
	got := rule.report with input as _env_input(p, [_entry(".env", "AWS_ACCESS_KEY_ID", 2)])
	count(got) == 0
}

test_fires_template_with_empty_value if {
	e := object.union(_entry(".env.example", "AWS_SECRET_ACCESS_KEY", 4), {"set": false, "shape": "empty"})
	got := rule.report with input as {
		"projects": [_proj(["netlify"])],
		"envFiles": [_file(".env.example", true, [e])],
		"code": {"reads": [], "writes": []},
	}
	got == {_finding(_loc(".env.example", 4, 1), "Netlify refuses to save AWS_SECRET_ACCESS_KEY because AWS Lambda, which runs Netlify Functions, reserves it: use REMOTION_AWS_SECRET_ACCESS_KEY instead")}
}

test_fires_vercel_region if {
	got := rule.report with input as _env_input(_proj(["vercel"]), [_entry(".env", "AWS_REGION", 3)])
	got == {_finding(_loc(".env", 3, 1), "Vercel sets AWS_REGION to the region its own functions run in: use REMOTION_AWS_REGION instead (the Remotion CLI reads it; the Node APIs take region as an argument)")}
}

test_quiet_vercel_default_region if {
	# Vercel neither refuses nor owns AWS_DEFAULT_REGION for this rule.
	got := rule.report with input as _env_input(_proj(["vercel"]), [_entry(".env", "AWS_DEFAULT_REGION", 3)])
	count(got) == 0
}

test_fires_vercel_refused_name if {
	got := rule.report with input as _env_input(_proj(["vercel"]), [_entry(".env", "AWS_SECRET_KEY", 5), _entry(".env", "TZ", 6)])
	got == {
		_finding(_loc(".env", 5, 1), "Vercel refuses to save AWS_SECRET_KEY, a name its function runtime reserves: use REMOTION_AWS_SECRET_ACCESS_KEY instead"),
		_finding(_loc(".env", 6, 1), "Vercel refuses to save TZ, a name its function runtime reserves: rename it"),
	}
}

test_fires_lambda_session_token_and_region if {
	got := rule.report with input as _env_input(_proj(["aws-lambda"]), [
		_entry(".env", "AWS_SESSION_TOKEN", 1),
		_entry(".env", "AWS_DEFAULT_REGION", 2),
	])
	got == {
		_finding(_loc(".env", 1, 1), "inside AWS Lambda AWS_SESSION_TOKEN is reserved and holds the function role's credentials: use REMOTION_AWS_SESSION_TOKEN instead"),
		_finding(_loc(".env", 2, 1), "inside AWS Lambda AWS_DEFAULT_REGION is reserved and holds the function's own region: use REMOTION_AWS_REGION instead (the Remotion CLI reads it; the Node APIs take region as an argument)"),
	}
}

test_quiet_lambda_configurable_name if {
	got := rule.report with input as _env_input(_proj(["aws-lambda"]), [_entry(".env", "AWS_LAMBDA_EXEC_WRAPPER", 1)])
	count(got) == 0
}

test_fires_each_platform if {
	got := rule.report with input as _env_input(_proj(["vercel", "aws-lambda"]), [_entry(".env", "AWS_ACCESS_KEY_ID", 2)])
	count(got) == 2
	some f in got
	startswith(f.message, "inside AWS Lambda AWS_ACCESS_KEY_ID")
}

test_fires_code_guard if {
	got := rule.report with input as _code_input(_proj(["vercel"]), [_access("AWS_ACCESS_KEY_ID", 12, {"guard": true})], [])
	got == {_finding(_loc("app/api/render/route.ts", 12, 7), "this check of AWS_ACCESS_KEY_ID is a presence guard that can never fire on Vercel because the platform always sets it: check REMOTION_AWS_ACCESS_KEY_ID instead")}
}

test_quiet_code_guard_remotion_name if {
	got := rule.report with input as _code_input(_proj(["vercel"]), [_access("REMOTION_AWS_ACCESS_KEY_ID", 12, {"guard": true})], [])
	count(got) == 0
}

test_quiet_code_guard_off_platform if {
	got := rule.report with input as _code_input(_proj([]), [_access("AWS_ACCESS_KEY_ID", 12, {"guard": true})], [])
	count(got) == 0
}

test_fires_code_read if {
	got := rule.report with input as _code_input(_proj(["aws-lambda"]), [_access("AWS_SECRET_ACCESS_KEY", 3, {})], [])
	got == {_finding(_loc("app/api/render/route.ts", 3, 7), "code reads AWS_SECRET_ACCESS_KEY, but inside AWS Lambda AWS_SECRET_ACCESS_KEY is reserved and holds the function role's credentials: use REMOTION_AWS_SECRET_ACCESS_KEY instead")}
}

test_quiet_code_read_runtime_name if {
	# Reading the platform's own runtime names is what they are for.
	got := rule.report with input as _code_input(_proj(["aws-lambda"]), [_access("AWS_LAMBDA_FUNCTION_NAME", 3, {})], [])
	count(got) == 0
}

test_fires_code_write if {
	got := rule.report with input as _code_input(_proj(["netlify"]), [], [_access("AWS_ACCESS_KEY_ID", 9, {"literal": false})])
	got == {_finding(_loc("app/api/render/route.ts", 9, 7), "code sets AWS_ACCESS_KEY_ID, but Netlify refuses to save AWS_ACCESS_KEY_ID because AWS Lambda, which runs Netlify Functions, reserves it: use REMOTION_AWS_ACCESS_KEY_ID instead")}
}

test_quiet_code_unset if {
	got := rule.report with input as _code_input(_proj(["vercel"]), [], [_access("AWS_ACCESS_KEY_ID", 9, {"unset": true})])
	count(got) == 0
}

test_quiet_dynamic_read if {
	r := object.union(_access("", 9, {"dynamic": true, "prefix": "AWS_"}), {})
	got := rule.report with input as _code_input(_proj(["vercel"]), [object.remove(r, ["name"])], [])
	count(got) == 0
}
