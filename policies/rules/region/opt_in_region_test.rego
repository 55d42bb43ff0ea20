package remolint.rules.region.opt_in_region_test

import data.remolint.rules.region.opt_in_region as rule

_loc(path, line, col) := {"path": path, "line": line, "column": col}

_entry(name, line, value) := {"name": name, "value": value, "secret": false, "set": value != "", "shape": "other", "location": _loc(".env", line, 1)}

_env_input(template, entries) := {
	"envFiles": [{"path": ".env", "dir": ".", "project": ".", "template": template, "entries": entries}],
	"profiles": [], "code": {"remotionCalls": []},
}

_finding(loc, msg) := {"rule": "opt-in-region", "severity": "info", "location": loc, "message": msg}

test_fires_env_opt_in if {
	got := rule.report with input as _env_input(false, [_entry("REMOTION_AWS_REGION", 3, "eu-south-1")])
	got == {_finding(_loc(".env", 3, 1), "REMOTION_AWS_REGION=eu-south-1 is an opt-in region: it must be enabled in the AWS account first, otherwise every request fails with \"The security token included in the request is invalid\"")}
}

test_fires_template_with_value if {
	got := rule.report with input as _env_input(true, [_entry("AWS_REGION", 1, "ap-east-1")])
	{f.location | some f in got} == {_loc(".env", 1, 1)}
}

test_quiet_default_region if {
	got := rule.report with input as _env_input(false, [_entry("REMOTION_AWS_REGION", 3, "eu-west-1")])
	count(got) == 0
}

test_quiet_unsupported_region if {
	# me-south-1 is an opt-in region at AWS, but Remotion rejects it outright.
	got := rule.report with input as _env_input(false, [_entry("REMOTION_AWS_REGION", 3, "me-south-1")])
	count(got) == 0
}

test_fires_shared_file_region if {
	got := rule.report with input as {
		"envFiles": [],
		"profiles": [{
			"name": "default", "header": "default", "flavour": "config", "path": ".aws/config",
			"location": _loc(".aws/config", 1, 1), "effective": true,
			"keys": [{"name": "region", "value": "af-south-1", "secret": false, "set": true, "shape": "other", "location": _loc(".aws/config", 2, 1)}],
		}],
		"code": {"remotionCalls": []},
	}
	got == {_finding(_loc(".aws/config", 2, 1), "region = af-south-1 in profile \"default\" is an opt-in region: no Remotion client reads a region from the shared files, but the AWS CLI and SDKs use it as the profile's default region, and every request fails with \"The security token included in the request is invalid\" there until the region is enabled in the AWS account")}
}

test_fires_call_literal if {
	got := rule.report with input as {
		"envFiles": [], "profiles": [],
		"code": {"remotionCalls": [{
			"function": "RenderMediaOnLambda", "region": "cn-north-1", "regionLocation": _loc("main.go", 20, 12),
			"language": "go", "project": ".", "location": _loc("main.go", 18, 2),
		}]},
	}
	got == {_finding(_loc("main.go", 20, 12), "the region \"cn-north-1\" passed to RenderMediaOnLambda is a China region: it belongs to the separate aws-cn partition, which needs an AWS China account and credentials from it (it cannot be enabled in a global AWS account); with keys from a global account every request fails with \"The security token included in the request is invalid\"")}
}

# REMOTION_AWS_REGION in a project whose only consumer is the Node API, and
# whose code does not read it: region-variable-ignored reports it, nothing
# else reads the value.
_node_only(inp, consumers, reads) := object.union(inp, {
	"projects": [{"dir": ".", "remotion": true, "platforms": [], "consumers": consumers}],
	"code": {"remotionCalls": [], "reads": reads},
})

_region_read := {"name": "REMOTION_AWS_REGION", "dynamic": false, "language": "js", "project": ".", "location": _loc("src/render.ts", 3, 9)}

test_quiet_remotion_region_nothing_reads if {
	got := rule.report with input as _node_only(_env_input(false, [_entry("REMOTION_AWS_REGION", 2, "eu-south-1")]), ["node"], [])
	count(got) == 0
}

test_fires_aws_region_in_node_only_project if {
	got := rule.report with input as _node_only(_env_input(false, [_entry("AWS_REGION", 2, "eu-south-1")]), ["node"], [])
	{f.location | some f in got} == {_loc(".env", 2, 1)}
}

test_fires_remotion_region_read_by_cli_or_code if {
	inp := _env_input(false, [_entry("REMOTION_AWS_REGION", 2, "eu-south-1")])
	{f.location | some f in rule.report} == {_loc(".env", 2, 1)} with input as _node_only(inp, ["cli", "node"], [])
	{f.location | some f in rule.report} == {_loc(".env", 2, 1)} with input as _node_only(inp, ["node"], [_region_read])
	{f.location | some f in rule.report} == {_loc(".env", 2, 1)} with input as _node_only(inp, ["go"], [])
}

test_fires_china_region_in_env_file_and_shared_file if {
	inp := _env_input(false, [_entry("REMOTION_AWS_REGION", 2, "cn-northwest-1")])
	got := rule.report with input as object.union(inp, {"profiles": [{
		"name": "cn", "header": "profile cn", "flavour": "config", "path": ".aws/config",
		"location": _loc(".aws/config", 4, 1), "effective": true,
		"keys": [{"name": "region", "value": "cn-north-1", "secret": false, "set": true, "shape": "other", "location": _loc(".aws/config", 5, 1)}],
	}]})
	got == {
		_finding(_loc(".env", 2, 1), "REMOTION_AWS_REGION=cn-northwest-1 is a China region: it belongs to the separate aws-cn partition, which needs an AWS China account and credentials from it (it cannot be enabled in a global AWS account); with keys from a global account every request fails with \"The security token included in the request is invalid\""),
		_finding(_loc(".aws/config", 5, 1), "region = cn-north-1 in profile \"cn\" is a China region: no Remotion client reads a region from the shared files, but the AWS CLI and SDKs use it as the profile's default region; it belongs to the separate aws-cn partition, which needs an AWS China account and credentials from it (it cannot be enabled in a global AWS account), otherwise every request fails with \"The security token included in the request is invalid\" there"),
	}
}

# Regions through constants and literal operands (regionValues).
_value(constant, value, loc) := {"constant": constant, "value": value, "location": loc}

_values_input(calls) := {
	"envFiles": [], "profiles": [],
	"code": {"remotionCalls": [object.union(
		{"language": "js", "project": ".", "regionLocation": c.location},
		c,
	) | some c in calls]},
}

_opt_in := "is an opt-in region: it must be enabled in the AWS account first, otherwise every request fails with \"The security token included in the request is invalid\""

test_fires_same_file_constant_at_the_use if {
	got := rule.report with input as _values_input([{"function": "renderMediaOnLambda", "location": _loc("src/render.ts", 9, 9), "regionValues": [_value("REGION", "eu-south-1", _loc("src/render.ts", 10, 13))]}])
	got == {_finding(_loc("src/render.ts", 10, 13), concat(" ", ["the region \"eu-south-1\" (constant REGION) passed to renderMediaOnLambda", _opt_in]))}
}

test_fires_imported_constant_once_at_its_definition if {
	def := _loc("src/config.ts", 1, 24)
	got := rule.report with input as _values_input([
		{"function": "renderMediaOnLambda", "location": _loc("src/render.ts", 9, 9), "regionValues": [_value("REGION", "ap-east-1", def)]},
		{"function": "getRenderProgress", "location": _loc("src/progress.ts", 4, 9), "regionValues": [_value("REGION", "ap-east-1", def)]},
		{"function": "renderMediaOnLambda", "location": _loc("src/render.ts", 19, 9), "regionValues": [_value("REGION", "ap-east-1", def)]},
	])
	got == {_finding(def, concat(" ", ["the region \"ap-east-1\" (constant REGION) passed to getRenderProgress and renderMediaOnLambda", _opt_in]))}
}

test_fires_china_literal_operand if {
	got := rule.report with input as _values_input([{"function": "RemotionOptions", "location": _loc("main.go", 5, 9), "regionValues": [_value("cnRegion", "cn-north-1", _loc("main.go", 6, 12))]}])
	got == {_finding(_loc("main.go", 6, 12), "the region \"cn-north-1\" (constant cnRegion) passed to RemotionOptions is a China region: it belongs to the separate aws-cn partition, which needs an AWS China account and credentials from it (it cannot be enabled in a global AWS account); with keys from a global account every request fails with \"The security token included in the request is invalid\"")}
}

test_quiet_default_and_unsupported_constants if {
	got := rule.report with input as _values_input([{"function": "renderMediaOnLambda", "location": _loc("src/render.ts", 9, 9), "regionValues": [
		_value("REGION", "eu-west-1", _loc("src/render.ts", 10, 13)),
		_value("", "me-south-1", _loc("src/render.ts", 10, 30)),
	]}])
	count(got) == 0
}

# Pinned (the cost rewrite keeps it): every call and shared-file key with an
# opt-in region is reported, each at its own place; other regions, other
# keys and calls without a literal are not.
_key(name, value, line) := {"name": name, "value": value, "secret": false, "set": value != "", "shape": "other", "location": _loc(".aws/config", line, 1)}

test_fires_each_call_and_key if {
	calls := [{"function": "renderMediaOnLambda", "region": r, "regionLocation": _loc("src/render.ts", line, 13), "language": "js", "project": ".", "location": _loc("src/render.ts", line, 1)} |
		some [r, line] in [["eu-south-1", 1], ["", 2], ["eu-south-1", 3], ["us-east-1", 4], ["me-south-1", 5]]
	]
	profiles := [{
		"name": "default", "header": "default", "flavour": "config", "path": ".aws/config",
		"location": _loc(".aws/config", 1, 1), "effective": true,
		"keys": [_key("region", "ap-east-1", 2), _key("output", "eu-south-1", 3), _key("region", "", 4), _key("region", "us-west-2", 5)],
	}]
	got := rule.report with input as {"envFiles": [], "profiles": profiles, "code": {"remotionCalls": array.concat(calls, [{"function": "deploySite", "regionLocation": _loc("src/deploy.ts", 1, 1), "language": "js", "project": ".", "location": _loc("src/deploy.ts", 1, 1)}])}}
	{f.location | some f in got} == {_loc("src/render.ts", 1, 13), _loc("src/render.ts", 3, 13), _loc(".aws/config", 2, 1)}
}
