package remolint.lib_test

import data.remolint.lib

# METADATA
# title: a-rule
# custom:
#   severity: warning
_finding := lib.finding(rego.metadata.chain(), {"path": ".env", "line": 3, "column": 1, "endLine": 3, "endColumn": 9}, "m")

# METADATA
# title: a-rule
# custom:
#   severity: info
_related := lib.finding_related(rego.metadata.chain(), {"path": "a", "line": 1, "column": 2}, "m", {"path": "b", "line": 4, "column": 5})

test_finding_takes_rule_and_severity_from_metadata if {
	_finding == {
		"rule": "a-rule",
		"severity": "warning",
		"message": "m",
		"location": {"path": ".env", "line": 3, "column": 1, "endLine": 3, "endColumn": 9},
	}
}

test_finding_related_adds_related_location if {
	_related == {
		"rule": "a-rule",
		"severity": "info",
		"message": "m",
		"location": {"path": "a", "line": 1, "column": 2},
		"related": {"path": "b", "line": 4, "column": 5},
	}
}

# METADATA
# title: no-location
# custom:
#   severity: error
_empty_location := lib.finding(rego.metadata.chain(), {}, "m")

test_finding_accepts_an_empty_location if {
	_empty_location.location == {}
}

_input := {
	"projects": [
		{"dir": "apps/web", "remotion": true, "platforms": ["vercel"], "consumers": ["node"]},
		{"dir": "tools", "remotion": false, "platforms": [], "consumers": ["go"]},
	],
	"environments": [
		{"id": "apps/web", "variables": [
			{"name": "AWS_REGION", "set": true},
			{"name": "REMOTION_AWS_PROFILE", "set": false},
		]},
		{"id": "apps/web (production)", "variables": [{"name": "AWS_REGION", "set": true, "value": "eu-west-1"}]},
	],
	"envFiles": [
		{"path": "apps/web/.env", "template": false},
		{"path": "apps/web/.env.example", "template": true},
	],
}

test_projects_by_dir if {
	p := lib.projects with input as _input
	object.keys(p) == {"apps/web", "tools"}
	p["tools"].consumers == ["go"]
}

test_project_predicates if {
	lib.remotion_project("apps/web") with input as _input
	not lib.remotion_project("tools") with input as _input
	not lib.remotion_project("missing") with input as _input
	lib.has_platform("apps/web", "vercel") with input as _input
	not lib.has_platform("tools", "vercel") with input as _input
	lib.has_consumer("tools", "go") with input as _input
	lib.on_owning_platform("apps/web") with input as _input
	not lib.on_owning_platform("tools") with input as _input
}

test_env_vars_by_environment_and_name if {
	vars := lib.env_vars with input as _input
	object.keys(vars) == {"apps/web", "apps/web (production)"}
	vars["apps/web (production)"].AWS_REGION.value == "eu-west-1"
	object.keys(vars["apps/web"]) == {"AWS_REGION", "REMOTION_AWS_PROFILE"}
}

test_live_env_files_leave_out_templates if {
	files := lib.live_env_files with input as _input
	{f.path | some f in files} == {"apps/web/.env"}
}

test_variables_named_by_environment_and_name if {
	vars := lib.variables_named({"AWS_REGION", "AWS_PROFILE"}) with input as _input
	object.keys(vars) == {[0, "AWS_REGION"], [1, "AWS_REGION"]}
	vars[[1, "AWS_REGION"]].value == "eu-west-1"
}

test_node_reader_is_node_the_cli_or_no_known_consumer if {
	lib.node_reader([])
	lib.node_reader(["go", "cli"])
	lib.node_reader({"node"})
	not lib.node_reader(["go", "python"])
}

test_helpers_are_empty_without_input if {
	count(lib.projects) == 0 with input as {}
	count(lib.env_vars) == 0 with input as {}
	count(lib.live_env_files) == 0 with input as {}
}

test_regions if {
	count(lib.supported_regions) == 25
	lib.opt_in_regions - lib.supported_regions == set()
	"us-east-1" in lib.supported_regions
	not "us-east-1" in lib.opt_in_regions
}
