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

# Go, Python and PHP clients read the AWS_* names through their AWS SDKs.

_sdk_proj(platforms, consumers) := object.union(_proj(platforms), {"consumers": consumers})

_go(name, line, extra) := _access(name, line, object.union({"language": "go", "location": _loc("main.go", line, 2)}, extra))

_stale_token := "the AWS_SESSION_TOKEN that the platform set stays in place and the AWS SDK for Go sends it with the new key, so AWS rejects every request with \"The security token included in the request is invalid\""

_lambda_go_advice := "grant the function role the permissions Remotion needs (or have it assume a role) instead of replacing its credentials"

_vercel_go_advice := "keep the keys under names of your own and copy them into AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY in code before the first call (the Go client has no credential option), replacing or unsetting AWS_SESSION_TOKEN too, or give it a role"

test_fires_go_write_inside_lambda_without_token if {
	got := rule.report with input as _code_input(_sdk_proj(["aws-lambda"], ["go"]), [], [_go("AWS_ACCESS_KEY_ID", 13, {})])
	got == {_finding(_loc("main.go", 13, 2), sprintf("code sets AWS_ACCESS_KEY_ID, but inside AWS Lambda AWS_ACCESS_KEY_ID is reserved and holds the function role's credentials, which the Go client uses through its AWS SDK: %s; %s", [_stale_token, _lambda_go_advice]))}
}

test_fires_go_write_inside_lambda_with_token if {
	got := rule.report with input as _code_input(_sdk_proj(["aws-lambda"], ["go"]), [], [
		_go("AWS_ACCESS_KEY_ID", 13, {}),
		_go("AWS_SESSION_TOKEN", 15, {"unset": true}),
	])
	got == {_finding(_loc("main.go", 13, 2), sprintf("code sets AWS_ACCESS_KEY_ID, but inside AWS Lambda AWS_ACCESS_KEY_ID is reserved and holds the function role's credentials, which the Go client uses through its AWS SDK: every AWS client in the process now uses these credentials instead of the function role's; %s", [_lambda_go_advice]))}
}

# Copying own keys into the AWS_* names, token included, is the Go fix on Vercel.
test_quiet_go_write_on_vercel_with_token if {
	got := rule.report with input as _code_input(_sdk_proj(["vercel"], ["go"]), [], [
		_go("AWS_ACCESS_KEY_ID", 13, {}),
		_go("AWS_SECRET_ACCESS_KEY", 14, {}),
		_go("AWS_SESSION_TOKEN", 15, {"unset": true}),
	])
	count(got) == 0
}

test_fires_go_write_on_vercel_without_token if {
	got := rule.report with input as _code_input(_sdk_proj(["vercel"], ["go"]), [], [_go("AWS_SECRET_ACCESS_KEY", 14, {})])
	got == {_finding(_loc("main.go", 14, 2), sprintf("code sets AWS_SECRET_ACCESS_KEY, but Vercel injects its own AWS_SECRET_ACCESS_KEY into every function, a credential that grants no AWS permissions and that the Go client reads through its AWS SDK: %s; unset AWS_SESSION_TOKEN (or replace it) in the same place, or give the Go client a role", [_stale_token]))}
}

test_fires_go_region_read if {
	got := rule.report with input as _code_input(_sdk_proj(["aws-lambda"], ["go"]), [_go("AWS_REGION", 16, {})], [])
	got == {_finding(_loc("main.go", 16, 2), "code reads AWS_REGION, but inside AWS Lambda AWS_REGION is reserved and holds the function's own region: set RemotionOptions.Region to the region of your Remotion deployment (a constant, or a variable of your own)")}
}

# Go code in a project that also has Node consumers still talks to the Go SDK.
test_fires_go_code_in_mixed_project_without_remotion_advice if {
	got := rule.report with input as _code_input(_sdk_proj(["aws-lambda"], ["go", "node"]), [_go("AWS_SECRET_ACCESS_KEY", 3, {})], [])
	count(got) == 1
	every f in got {
		not contains(f.message, "REMOTION_")
	}
}

test_fires_go_guard if {
	got := rule.report with input as _code_input(_sdk_proj(["vercel"], ["go"]), [_go("AWS_ACCESS_KEY_ID", 8, {"guard": true})], [])
	got == {_finding(_loc("main.go", 8, 2), "this check of AWS_ACCESS_KEY_ID is a presence guard that can never fire on Vercel because the platform always sets it: check the variables of your own that hold the keys instead")}
}

test_fires_go_only_project_env_entry if {
	got := rule.report with input as _env_input(_sdk_proj(["vercel"], ["go"]), [_entry(".env", "AWS_ACCESS_KEY_ID", 2), _entry(".env", "TZ", 3)])
	got == {
		_finding(_loc(".env", 2, 1), sprintf("Vercel injects its own AWS_ACCESS_KEY_ID into every function, a credential that grants no AWS permissions and that the Go client reads through its AWS SDK: %s", [_vercel_go_advice])),
		_finding(_loc(".env", 3, 1), "Vercel refuses to save TZ, a name its function runtime reserves: rename it"),
	}
}

test_fires_python_and_php_project_env_entry_inside_lambda if {
	got := rule.report with input as _env_input(_sdk_proj(["aws-lambda"], ["python", "php"]), [_entry(".env", "AWS_SECRET_ACCESS_KEY", 2)])
	got == {_finding(_loc(".env", 2, 1), "inside AWS Lambda AWS_SECRET_ACCESS_KEY is reserved and holds the function role's credentials, which the PHP client and the Python client use through their AWS SDKs: for the PHP client, grant the function role the permissions Remotion needs, or keep the keys under names of your own and pass them to PHPClient as its credential; for the Python client, grant the function role the permissions Remotion needs, or keep the keys under names of your own and pass them to RemotionClient as access_key/secret_key")}
}

test_fires_netlify_python_region if {
	got := rule.report with input as _env_input(_sdk_proj(["netlify"], ["python"]), [_entry(".env", "AWS_REGION", 2)])
	got == {_finding(_loc(".env", 2, 1), "Netlify refuses to save AWS_REGION because AWS Lambda, which runs Netlify Functions, reserves it: pass the region of your Remotion deployment to the client explicitly (a constant, or a variable of your own)")}
}

test_fires_mixed_project_env_entry_with_note if {
	got := rule.report with input as _env_input(_sdk_proj(["vercel"], ["go", "node"]), [_entry(".env", "AWS_ACCESS_KEY_ID", 2)])
	got == {_finding(_loc(".env", 2, 1), sprintf("Vercel injects its own AWS_ACCESS_KEY_ID into every function, a credential that grants no AWS permissions and that Remotion silently uses whenever the REMOTION_AWS_* pair is missing or empty: use REMOTION_AWS_ACCESS_KEY_ID instead; the Go client reads only the AWS_* names: %s", [_vercel_go_advice]))}
}
