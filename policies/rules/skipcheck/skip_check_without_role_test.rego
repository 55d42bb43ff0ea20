package remolint.rules.skipcheck.skip_check_without_role_test

import data.remolint.rules.skipcheck.skip_check_without_role as rule

_loc(line) := {"path": "site/.env.production", "line": line, "column": 1}

_var(name, line, extra) := object.union(
	{"name": name, "set": true, "secret": true, "shape": "other", "location": _loc(line)},
	extra,
)

_flag := _var("REMOTION_SKIP_AWS_CREDENTIALS_CHECK", 2, {"secret": false, "value": "1"})

_input(platforms, vars) := {"environments": [{
	"id": "site (production)", "dir": "site", "mode": "production", "project": "site",
	"files": ["site/.env.production"], "variables": vars,
	"platforms": platforms, "consumers": ["node"], "remotion": true, "resolution": {},
}]}

_base := "REMOTION_SKIP_AWS_CREDENTIALS_CHECK is set for a %s deployment that shows no other credential source (no AWS_ROLE_ARN with AWS_WEB_IDENTITY_TOKEN_FILE, no AWS_PROFILE, no AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair): Remotion ignores the REMOTION_AWS_* variables and renders will fail with \"Could not load credentials from any providers\""

test_fires_netlify if {
	got := rule.report with input as _input(["netlify"], [_flag, _var("REMOTION_AWS_ACCESS_KEY_ID", 3, {})])
	got == {{"rule": "skip-check-without-role", "severity": "warning", "location": _loc(2), "message": sprintf(_base, ["Netlify"])}}
}

test_fires_vercel_with_note if {
	got := rule.report with input as _input(["vercel"], [_flag])
	got == {{"rule": "skip-check-without-role", "severity": "warning", "location": _loc(2), "message": concat("", [
		sprintf(_base, ["Vercel"]),
		"; where Vercel injects its own AWS_* keys, requests are denied instead, as those keys grant no AWS permissions",
	])}}
}

test_fires_with_half_aws_pair if {
	got := rule.report with input as _input(["netlify"], [_flag, _var("AWS_ACCESS_KEY_ID", 3, {})])
	count(got) == 1
}

test_quiet_other_platform if {
	got := rule.report with input as _input(["aws-lambda"], [_flag])
	count(got) == 0
}

test_quiet_no_platform if {
	got := rule.report with input as _input([], [_flag])
	count(got) == 0
}

test_quiet_without_flag if {
	got := rule.report with input as _input(["vercel"], [_var("REMOTION_AWS_ACCESS_KEY_ID", 3, {})])
	count(got) == 0
}

test_quiet_web_identity if {
	got := rule.report with input as _input(["vercel"], [
		_var("AWS_ROLE_ARN", 1, {"secret": false, "value": "arn:aws:iam::123456789012:role/render"}),
		_flag,
		_var("AWS_WEB_IDENTITY_TOKEN_FILE", 3, {"secret": false, "value": "/tmp/token"}),
	])
	count(got) == 0
}

test_fires_role_without_token_file if {
	got := rule.report with input as _input(["vercel"], [
		_var("AWS_ROLE_ARN", 1, {"secret": false, "value": "arn:aws:iam::123456789012:role/render"}),
		_flag,
	])
	count(got) == 1
}

test_quiet_profile if {
	got := rule.report with input as _input(["netlify"], [_var("AWS_PROFILE", 1, {"secret": false, "value": "render"}), _flag])
	count(got) == 0
}

test_quiet_aws_pair if {
	got := rule.report with input as _input(["netlify"], [_var("AWS_ACCESS_KEY_ID", 1, {}), _flag, _var("AWS_SECRET_ACCESS_KEY", 3, {})])
	count(got) == 0
}

test_quiet_not_remotion if {
	env := object.union(_input(["vercel"], [_flag]).environments[0], {"remotion": false})
	got := rule.report with input as {"environments": [env]}
	count(got) == 0
}

# The Go, Python and PHP clients never read the flag.
test_quiet_sdk_only_consumer if {
	inp := _input(["vercel"], [_flag])
	env := object.union(inp.environments[0], {"consumers": ["python"]})
	got := rule.report with input as {"environments": [env]}
	count(got) == 0
}

test_fires_unknown_consumer if {
	inp := _input(["netlify"], [_flag])
	env := object.union(inp.environments[0], {"consumers": []})
	got := rule.report with input as {"environments": [env]}
	count(got) == 1
}

test_fires_vercel_and_netlify if {
	got := rule.report with input as _input(["netlify", "aws-lambda", "vercel"], [_flag])
	got == {{"rule": "skip-check-without-role", "severity": "warning", "location": _loc(2), "message": concat("", [
		sprintf(_base, ["Vercel and Netlify"]),
		"; where Vercel injects its own AWS_* keys, requests are denied instead, as those keys grant no AWS permissions",
	])}}
}

test_quiet_each_single_source if {
	every name in ["AWS_PROFILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI"] {
		count(rule.report) == 0 with input as _input(["vercel"], [_flag, _var(name, 3, {"secret": false, "value": "x"})])
	}
}

test_fires_half_pairs if {
	every name in ["AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_SECRET_ACCESS_KEY"] {
		count(rule.report) == 1 with input as _input(["vercel"], [_flag, _var(name, 3, {"secret": false, "value": "x"})])
	}
}

test_fires_unset_sources if {
	got := rule.report with input as _input(["netlify"], [
		_var("AWS_PROFILE", 1, {"secret": false, "set": false, "value": ""}),
		_flag,
		_var("AWS_ACCESS_KEY_ID", 3, {}),
		_var("AWS_SECRET_ACCESS_KEY", 4, {"set": false}),
	])
	count(got) == 1
}

test_quiet_unset_flag if {
	got := rule.report with input as _input(["vercel"], [_var("REMOTION_SKIP_AWS_CREDENTIALS_CHECK", 2, {"secret": false, "value": "", "set": false})])
	count(got) == 0
}

_skip(line) := _var("REMOTION_SKIP_AWS_CREDENTIALS_CHECK", line, {"secret": false, "value": "1"})

# A source counts only in its own environment.
test_sources_per_environment if {
	env := _input(["vercel"], [_flag]).environments[0]
	envs := [
		object.union(env, {"id": "a", "variables": [_flag, _var("AWS_PROFILE", 1, {"secret": false, "value": "render"})]}),
		object.union(env, {"id": "b", "variables": [_var("AWS_ACCESS_KEY_ID", 1, {}), _skip(5)]}),
		object.union(env, {"id": "c", "variables": [_var("AWS_SECRET_ACCESS_KEY", 1, {}), _skip(6)]}),
	]
	got := rule.report with input as {"environments": envs}
	{f.location.line | some f in got} == {5, 6}
}
