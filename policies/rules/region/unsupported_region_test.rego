package remolint.rules.region.unsupported_region_test

import data.remolint.rules.region.unsupported_region as rule

_loc(path, line, col) := {"path": path, "line": line, "column": col}

_entry(name, line, value) := {"name": name, "value": value, "secret": false, "set": value != "", "shape": "other", "location": _loc(".env", line, 1)}

_env_input(template, entries) := {
	"envFiles": [{"path": ".env", "dir": ".", "project": ".", "template": template, "entries": entries}],
	"profiles": [], "code": {"remotionCalls": []},
}

_finding(loc, msg) := {"rule": "unsupported-region", "severity": "error", "location": loc, "message": msg}

test_fires_env_me_south_1 if {
	got := rule.report with input as _env_input(false, [_entry("REMOTION_AWS_REGION", 2, "me-south-1")])
	got == {_finding(_loc(".env", 2, 1), "REMOTION_AWS_REGION=me-south-1 is not one of the 25 regions Remotion Lambda supports: Remotion rejects it with \"me-south-1 is not a supported AWS region\" (Remotion's docs still list me-south-1, but the code rejects it)")}
}

test_fires_template_with_value_and_case_hint if {
	got := rule.report with input as _env_input(true, [_entry("AWS_REGION", 4, "EU-West-1")])
	got == {_finding(_loc(".env", 4, 1), "AWS_REGION=EU-West-1 is not one of the 25 regions Remotion Lambda supports: Remotion rejects it with \"EU-West-1 is not a supported AWS region\" (did you mean eu-west-1?)")}
}

test_fires_plain_unsupported if {
	got := rule.report with input as _env_input(false, [_entry("AWS_REGION", 1, "il-central-1")])
	got == {_finding(_loc(".env", 1, 1), "AWS_REGION=il-central-1 is not one of the 25 regions Remotion Lambda supports: Remotion rejects it with \"il-central-1 is not a supported AWS region\"")}
}

test_quiet_supported_and_empty if {
	got := rule.report with input as _env_input(true, [
		_entry("REMOTION_AWS_REGION", 1, "eu-central-1"),
		_entry("AWS_REGION", 2, ""),
		_entry("AWS_REGION", 3, "af-south-1"),
	])
	count(got) == 0
}

test_quiet_other_variable if {
	got := rule.report with input as _env_input(false, [_entry("AWS_DEFAULT_REGION", 1, "me-south-1")])
	count(got) == 0
}

_profile_input(value) := {
	"envFiles": [],
	"profiles": [{
		"name": "render", "header": "profile render", "flavour": "config", "path": ".aws/config",
		"location": _loc(".aws/config", 1, 1), "effective": true,
		"keys": [{"name": "region", "value": value, "secret": false, "set": true, "shape": "other", "location": _loc(".aws/config", 2, 1)}],
	}],
	"code": {"remotionCalls": []},
}

test_fires_shared_file_region if {
	got := rule.report with input as _profile_input("me-central-1")
	got == {_finding(_loc(".aws/config", 2, 1), "region = me-central-1 in profile \"render\" is not one of the 25 regions Remotion Lambda supports: no Remotion client reads a region from the shared files, but the AWS CLI and SDKs use it as the profile's default region, and if it is passed on to Remotion (--region, or a region argument) Remotion rejects it with \"me-central-1 is not a supported AWS region\"")}
}

test_quiet_shared_file_supported if {
	got := rule.report with input as _profile_input("us-west-2")
	count(got) == 0
}

_call_input(region) := {
	"envFiles": [], "profiles": [],
	"code": {"remotionCalls": [{
		"function": "renderMediaOnLambda", "region": region, "regionLocation": _loc("src/render.ts", 8, 13),
		"language": "js", "project": ".", "location": _loc("src/render.ts", 7, 1),
	}]},
}

test_fires_call_literal if {
	got := rule.report with input as _call_input("us-east-3")
	got == {_finding(_loc("src/render.ts", 8, 13), "the region \"us-east-3\" passed to renderMediaOnLambda is not one of the 25 regions Remotion Lambda supports: Remotion rejects it with \"us-east-3 is not a supported AWS region\"")}
}

test_quiet_call_supported if {
	got := rule.report with input as _call_input("us-east-1")
	count(got) == 0
}

test_quiet_call_without_literal if {
	call := object.remove(_call_input("").code.remotionCalls[0], ["region"])
	got := rule.report with input as {"envFiles": [], "profiles": [], "code": {"remotionCalls": [call]}}
	count(got) == 0
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
	got := rule.report with input as _node_only(_env_input(false, [_entry("REMOTION_AWS_REGION", 2, "me-south-1")]), ["node"], [])
	count(got) == 0
}

test_fires_aws_region_in_node_only_project if {
	got := rule.report with input as _node_only(_env_input(false, [_entry("AWS_REGION", 2, "me-south-1")]), ["node"], [])
	{f.location | some f in got} == {_loc(".env", 2, 1)}
}

test_fires_remotion_region_read_by_cli_or_code if {
	inp := _env_input(false, [_entry("REMOTION_AWS_REGION", 2, "me-south-1")])
	{f.location | some f in rule.report} == {_loc(".env", 2, 1)} with input as _node_only(inp, ["cli", "node"], [])
	{f.location | some f in rule.report} == {_loc(".env", 2, 1)} with input as _node_only(inp, ["node"], [_region_read])
	{f.location | some f in rule.report} == {_loc(".env", 2, 1)} with input as _node_only(inp, ["go"], [])
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

_rejected(value) := sprintf("is not one of the 25 regions Remotion Lambda supports: Remotion rejects it with \"%s is not a supported AWS region\"", [value])

test_fires_same_file_constant_at_each_use if {
	got := rule.report with input as _values_input([
		{"function": "getOrCreateBucket", "location": _loc("deploy.mjs", 14, 30), "regionValues": [_value("STAGING_REGION", "ca-west-1", _loc("deploy.mjs", 14, 58))]},
		{"function": "deploySite", "location": _loc("deploy.mjs", 15, 7), "regionValues": [_value("STAGING_REGION", "ca-west-1", _loc("deploy.mjs", 19, 11))]},
	])
	got == {
		_finding(_loc("deploy.mjs", 14, 58), concat(" ", ["the region \"ca-west-1\" (constant STAGING_REGION) passed to getOrCreateBucket", _rejected("ca-west-1")])),
		_finding(_loc("deploy.mjs", 19, 11), concat(" ", ["the region \"ca-west-1\" (constant STAGING_REGION) passed to deploySite", _rejected("ca-west-1")])),
	}
}

test_fires_imported_constant_once_at_its_definition if {
	def := _loc("config.mjs", 4, 24)
	got := rule.report with input as _values_input([
		{"function": "deployFunction", "location": _loc("deploy.mjs", 7, 7), "regionValues": [_value("REGION", "me-south-1", def)]},
		{"function": "renderMediaOnLambda", "location": _loc("route.ts", 11, 24), "regionValues": [
			_value("FALLBACK_REGION", "il-central-1", _loc("route.ts", 18, 29)),
			_value("REGION", "me-south-1", def),
		]},
		{"function": "deployFunction", "location": _loc("deploy-eu.mjs", 3, 7), "regionValues": [_value("REGION", "me-south-1", def)]},
	])
	got == {
		_finding(def, concat(" ", ["the region \"me-south-1\" (constant REGION) passed to deployFunction and renderMediaOnLambda", _rejected("me-south-1"), "(Remotion's docs still list me-south-1, but the code rejects it)"])),
		_finding(_loc("route.ts", 18, 29), concat(" ", ["the region \"il-central-1\" (constant FALLBACK_REGION) passed to renderMediaOnLambda", _rejected("il-central-1")])),
	}
}

test_fires_literal_operand_with_case_hint if {
	got := rule.report with input as _values_input([{"function": "renderMediaOnLambda", "location": _loc("render.ts", 3, 1), "regionValues": [_value("", "US-EAST-1", _loc("render.ts", 4, 40))]}])
	got == {_finding(_loc("render.ts", 4, 40), concat(" ", ["the region \"US-EAST-1\" passed to renderMediaOnLambda", _rejected("US-EAST-1"), "(did you mean us-east-1?)"]))}
}

test_fires_constant_without_name_field if {
	# constant is omitted from the document for a literal operand
	got := rule.report with input as _values_input([{"function": "deploySite", "location": _loc("a.cjs", 1, 1), "regionValues": [{"value": "us-east1", "location": _loc("a.cjs", 2, 12)}]}])
	{f.location | some f in got} == {_loc("a.cjs", 2, 12)}
}

test_quiet_supported_constants if {
	got := rule.report with input as _values_input([
		{"function": "deployFunction", "location": _loc("deploy.mjs", 7, 7), "regionValues": [_value("REGION", "eu-central-1", _loc("config.mjs", 4, 24))]},
		{"function": "renderMediaOnLambda", "location": _loc("route.ts", 11, 24), "regionValues": [
			_value("FALLBACK_REGION", "eu-west-1", _loc("route.ts", 18, 29)),
			_value("", "us-east-1", _loc("route.ts", 18, 50)),
		]},
		{"function": "getRenderProgress", "location": _loc("route.ts", 30, 1)},
	])
	count(got) == 0
}

# Pinned (the cost rewrite keeps it): every call with an unsupported region
# is reported, each at its own place; an empty region, an empty shared-file
# region and other keys are not.
test_fires_each_call_quiet_on_empty if {
	calls := [object.union(_call_input(r).code.remotionCalls[0], {"regionLocation": _loc("src/render.ts", line, 13)}) |
		some [r, line] in [["us-east-3", 1], ["", 2], ["us-east-3", 3], ["us-east-1", 4], ["Us-East-1", 5]]
	]
	profiles := [object.union(_profile_input("").profiles[0], {"keys": [
		{"name": "region", "value": "", "secret": false, "set": false, "shape": "empty", "location": _loc(".aws/config", 2, 1)},
		{"name": "output", "value": "me-south-1", "secret": false, "set": true, "shape": "other", "location": _loc(".aws/config", 3, 1)},
	]})]
	got := rule.report with input as {"envFiles": [], "profiles": profiles, "code": {"remotionCalls": calls}}
	{f.location | some f in got} == {_loc("src/render.ts", 1, 13), _loc("src/render.ts", 3, 13), _loc("src/render.ts", 5, 13)}
	{f.message | some f in got; f.location.line == 5} == {"the region \"Us-East-1\" passed to renderMediaOnLambda is not one of the 25 regions Remotion Lambda supports: Remotion rejects it with \"Us-East-1 is not a supported AWS region\" (did you mean us-east-1?)"}
}
