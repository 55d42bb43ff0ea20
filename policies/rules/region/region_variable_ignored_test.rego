package remolint.rules.region.region_variable_ignored_test

import data.remolint.rules.region.region_variable_ignored as rule

_loc(path, line, col) := {"path": path, "line": line, "column": col}

_entry(line, value) := {"name": "REMOTION_AWS_REGION", "value": value, "secret": false, "set": value != "", "shape": "other", "location": _loc("web/.env.local", line, 1)}

_input(consumers, entries, reads) := {
	"projects": [{"dir": "web", "remotion": true, "platforms": [], "consumers": consumers}],
	"envFiles": [{"path": "web/.env.local", "dir": "web", "project": "web", "template": false, "entries": entries}],
	"code": {"reads": reads},
}

_read(name, project) := {"name": name, "dynamic": false, "language": "js", "project": project, "location": _loc("web/src/render.ts", 5, 11)}

test_fires_node_only if {
	got := rule.report with input as _input(["node"], [_entry(2, "eu-central-1")], [])
	got == {{
		"rule": "region-variable-ignored", "severity": "info", "location": _loc("web/.env.local", 2, 1),
		"message": "REMOTION_AWS_REGION is read only by the Remotion CLI, and this project uses only the Node APIs, which take region as an argument and read no region variable: pass region to each call, or read this variable in code",
	}}
}

test_fires_when_read_elsewhere if {
	got := rule.report with input as _input(["node"], [_entry(2, "eu-central-1")], [_read("REMOTION_AWS_REGION", "other")])
	count(got) == 1
}

test_quiet_code_reads_it if {
	got := rule.report with input as _input(["node"], [_entry(2, "eu-central-1")], [_read("REMOTION_AWS_REGION", "web")])
	count(got) == 0
}

test_quiet_cli_consumer if {
	got := rule.report with input as _input(["cli", "node"], [_entry(2, "eu-central-1")], [])
	count(got) == 0
}

test_quiet_go_consumer if {
	got := rule.report with input as _input(["go"], [_entry(2, "eu-central-1")], [])
	count(got) == 0
}

test_quiet_empty_value if {
	got := rule.report with input as _input(["node"], [_entry(2, "")], [])
	count(got) == 0
}

test_quiet_not_remotion if {
	inp := _input(["node"], [_entry(2, "eu-central-1")], [])
	p := object.union(inp.projects[0], {"remotion": false})
	got := rule.report with input as object.union(inp, {"projects": [p]})
	count(got) == 0
}

test_quiet_project_without_env_file_project_entry if {
	# An env file of another project than the Node-only one.
	inp := _input(["node"], [_entry(2, "eu-central-1")], [])
	f := object.union(inp.envFiles[0], {"project": "other"})
	got := rule.report with input as object.union(inp, {"envFiles": [f]})
	count(got) == 0
}
