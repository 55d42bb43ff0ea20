package remolint.rules.platform.unprefixed_key_test

import data.remolint.rules.platform.unprefixed_key as rule

_loc(path, line, col) := {"path": path, "line": line, "column": col}

_proj(platforms, consumers) := {"dir": "apps/web", "remotion": true, "platforms": platforms, "consumers": consumers}

_entry(path, name, line) := {"name": name, "set": true, "secret": true, "shape": "aws-access-key-id", "location": _loc(path, line, 1)}

_input(project, template, entries) := {
	"projects": [project],
	"envFiles": [{"path": "apps/web/.env", "dir": "apps/web", "project": "apps/web", "template": template, "entries": entries}],
}

_finding(loc, msg) := {"rule": "unprefixed-key", "severity": "warning", "location": loc, "message": msg}

test_fires_node_aws_pair if {
	got := rule.report with input as _input(_proj([], ["node"]), false, [
		_entry("apps/web/.env", "AWS_ACCESS_KEY_ID", 1),
		_entry("apps/web/.env", "AWS_SECRET_ACCESS_KEY", 2),
		_entry("apps/web/.env", "AWS_REGION", 3),
	])
	got == {
		_finding(_loc("apps/web/.env", 1, 1), "AWS_ACCESS_KEY_ID is a name every AWS SDK and the AWS CLI read, so other AWS clients in the same process or shell silently use Remotion's credentials: use REMOTION_AWS_ACCESS_KEY_ID, which only Remotion reads"),
		_finding(_loc("apps/web/.env", 2, 1), "AWS_SECRET_ACCESS_KEY is a name every AWS SDK and the AWS CLI read, so other AWS clients in the same process or shell silently use Remotion's credentials: use REMOTION_AWS_SECRET_ACCESS_KEY, which only Remotion reads"),
	}
}

test_fires_cli_token if {
	got := rule.report with input as _input(_proj([], ["cli"]), false, [_entry("apps/web/.env", "AWS_SESSION_TOKEN", 4)])
	{f.location | some f in got} == {_loc("apps/web/.env", 4, 1)}
}

test_quiet_remotion_names if {
	got := rule.report with input as _input(_proj([], ["node"]), false, [
		_entry("apps/web/.env", "REMOTION_AWS_ACCESS_KEY_ID", 1),
		_entry("apps/web/.env", "REMOTION_AWS_SECRET_ACCESS_KEY", 2),
	])
	count(got) == 0
}

test_quiet_template if {
	got := rule.report with input as _input(_proj([], ["node"]), true, [_entry("apps/web/.env", "AWS_ACCESS_KEY_ID", 1)])
	count(got) == 0
}

test_quiet_empty_value if {
	e := object.union(_entry("apps/web/.env", "AWS_ACCESS_KEY_ID", 1), {"set": false, "shape": "empty"})
	got := rule.report with input as _input(_proj([], ["node"]), false, [e])
	count(got) == 0
}

test_quiet_owning_platform if {
	got := rule.report with input as _input(_proj(["vercel"], ["node"]), false, [_entry("apps/web/.env", "AWS_ACCESS_KEY_ID", 1)])
	count(got) == 0
}

test_quiet_go_only if {
	got := rule.report with input as _input(_proj([], ["go"]), false, [_entry("apps/web/.env", "AWS_ACCESS_KEY_ID", 1)])
	count(got) == 0
}

test_quiet_node_beside_python if {
	got := rule.report with input as _input(_proj([], ["node", "python"]), false, [_entry("apps/web/.env", "AWS_ACCESS_KEY_ID", 1)])
	count(got) == 0
}

test_quiet_not_remotion if {
	p := object.union(_proj([], ["node"]), {"remotion": false})
	got := rule.report with input as _input(p, false, [_entry("apps/web/.env", "AWS_ACCESS_KEY_ID", 1)])
	count(got) == 0
}

test_quiet_unknown_consumer if {
	no_key := object.remove(_proj([], []), ["consumers"])
	every p in [_proj([], []), no_key] {
		got := rule.report with input as _input(p, false, [_entry("apps/web/.env", "AWS_ACCESS_KEY_ID", 1)])
		count(got) == 0
	}
}

test_fires_consumer_set if {
	got := rule.report with input as _input(_proj([], {"cli"}), false, [_entry("apps/web/.env", "AWS_ACCESS_KEY_ID", 1)])
	{f.location | some f in got} == {_loc("apps/web/.env", 1, 1)}
}

test_quiet_consumers_not_a_list if {
	every consumers in [null, 1, "node", {}] {
		got := rule.report with input as _input(_proj([], consumers), false, [_entry("apps/web/.env", "AWS_ACCESS_KEY_ID", 1)])
		count(got) == 0
	}
}
