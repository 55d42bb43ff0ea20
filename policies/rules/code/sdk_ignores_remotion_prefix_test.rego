package remolint.rules.code.sdk_ignores_remotion_prefix_test

import data.remolint.rules.code.sdk_ignores_remotion_prefix as rule

_span(path, line, name) := {"path": path, "line": line, "column": 1, "endLine": line, "endColumn": count(name) + 1}

_var(name, line) := {"name": name, "secret": true, "set": true, "shape": "other", "location": _span(".env", line, name)}

_empty(name, line) := object.union(_var(name, line), {"set": false, "shape": "empty"})

_env(consumers, vars) := {
	"id": ".", "dir": ".", "mode": "", "project": ".", "files": [".env"],
	"variables": vars, "platforms": [], "consumers": consumers, "remotion": true, "resolution": {},
}

_input(consumers, vars, reads) := {
	"projects": [{"dir": ".", "remotion": true, "platforms": [], "consumers": consumers}],
	"environments": [_env(consumers, vars)],
	"code": {"reads": reads, "writes": []},
}

_remotion_pair := [_var("REMOTION_AWS_ACCESS_KEY_ID", 1), _var("REMOTION_AWS_SECRET_ACCESS_KEY", 2)]

_go := "Go client, which has no credential option and uses the AWS SDK default chain"

_msg(name, clients, aws_name, advice) := sprintf("%s is never read by Remotion's %s: with no AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair or AWS_PROFILE in this environment, the program silently uses whatever that chain finds on the machine it runs on (its default profile or role) or fails for lack of credentials; rename it to %s%s", [name, clients, aws_name, advice])

_finding(name, line, msg) := {
	"rule": "sdk-ignores-remotion-prefix", "severity": "error",
	"location": _span(".env", line, name), "message": msg,
}

_pass := " or pass the keys to the client explicitly"

test_fires_go_each_remotion_credential if {
	got := rule.report with input as _input(
		["go"], array.concat(_remotion_pair, [
			_var("REMOTION_AWS_SESSION_TOKEN", 3),
			_var("REMOTION_AWS_REGION", 4),
		]),
		[],
	)
	got == {
		_finding("REMOTION_AWS_ACCESS_KEY_ID", 1, _msg("REMOTION_AWS_ACCESS_KEY_ID", _go, "AWS_ACCESS_KEY_ID", "")),
		_finding("REMOTION_AWS_SECRET_ACCESS_KEY", 2, _msg("REMOTION_AWS_SECRET_ACCESS_KEY", _go, "AWS_SECRET_ACCESS_KEY", "")),
		_finding("REMOTION_AWS_SESSION_TOKEN", 3, _msg("REMOTION_AWS_SESSION_TOKEN", _go, "AWS_SESSION_TOKEN", "")),
	}
}

test_fires_go_remotion_profile if {
	got := rule.report with input as _input(["go"], [_var("REMOTION_AWS_PROFILE", 1)], [])
	got == {_finding("REMOTION_AWS_PROFILE", 1, _msg("REMOTION_AWS_PROFILE", _go, "AWS_PROFILE", ""))}
}

test_fires_python if {
	clients := "Python client, which uses the AWS SDK default chain unless keys are passed in code"
	got := rule.report with input as _input(["python"], [_var("REMOTION_AWS_ACCESS_KEY_ID", 1)], [])
	got == {_finding("REMOTION_AWS_ACCESS_KEY_ID", 1, _msg("REMOTION_AWS_ACCESS_KEY_ID", clients, "AWS_ACCESS_KEY_ID", _pass))}
}

# A profile or a token cannot be passed as keys: the only advice is the rename.
test_fires_python_token if {
	clients := "Python client, which uses the AWS SDK default chain unless keys are passed in code"
	got := rule.report with input as _input(["python"], [_var("AWS_ACCESS_KEY_ID", 1), _var("REMOTION_AWS_SESSION_TOKEN", 2)], [])
	got == {_finding("REMOTION_AWS_SESSION_TOKEN", 2, _msg("REMOTION_AWS_SESSION_TOKEN", clients, "AWS_SESSION_TOKEN", ""))}
}

test_fires_php_profile if {
	clients := "PHP client, which uses the AWS SDK default chain unless keys are passed in code"
	got := rule.report with input as _input(["php"], [_var("REMOTION_AWS_PROFILE", 1)], [])
	got == {_finding("REMOTION_AWS_PROFILE", 1, _msg("REMOTION_AWS_PROFILE", clients, "AWS_PROFILE", ""))}
}

# Python and PHP code is not analysed: a read there would not be seen, and
# reads of other names change nothing.
test_fires_php_and_python if {
	clients := "PHP and Python clients, which use the AWS SDK default chain unless keys are passed in code"
	got := rule.report with input as _input(["php", "python"], [_var("REMOTION_AWS_SECRET_ACCESS_KEY", 2)], [
		{"name": "REMOTION_AWS_REGION", "dynamic": false, "language": "go", "project": "."},
	])
	got == {_finding("REMOTION_AWS_SECRET_ACCESS_KEY", 2, _msg("REMOTION_AWS_SECRET_ACCESS_KEY", clients, "AWS_SECRET_ACCESS_KEY", _pass))}
}

# A half AWS pair is not a source: the SDKs ignore it.
test_fires_with_half_aws_pair if {
	got := rule.report with input as _input(["go"], array.concat(_remotion_pair, [_var("AWS_ACCESS_KEY_ID", 3)]), [])
	count(got) == 2
}

test_quiet_aws_pair if {
	got := rule.report with input as _input(
		["go"], array.concat(_remotion_pair, [
			_var("AWS_ACCESS_KEY_ID", 3),
			_var("AWS_SECRET_ACCESS_KEY", 4),
		]),
		[],
	)
	count(got) == 0
}

test_quiet_go_alias_pair if {
	got := rule.report with input as _input(
		["go"], array.concat(_remotion_pair, [
			_var("AWS_ACCESS_KEY", 3),
			_var("AWS_SECRET_KEY", 4),
		]),
		[],
	)
	count(got) == 0
}

# boto3 does not read the Go SDK's AWS_ACCESS_KEY/AWS_SECRET_KEY aliases.
test_fires_python_with_go_alias_pair if {
	got := rule.report with input as _input(
		["python"], array.concat(_remotion_pair, [
			_var("AWS_ACCESS_KEY", 3),
			_var("AWS_SECRET_KEY", 4),
		]),
		[],
	)
	count(got) == 2
}

test_quiet_other_sdk_sources if {
	every names in [
		["AWS_PROFILE"],
		["AWS_DEFAULT_PROFILE"],
		["AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE"],
		["AWS_SHARED_CREDENTIALS_FILE"],
		["AWS_CONTAINER_CREDENTIALS_FULL_URI"],
	] {
		extra := [_var(n, 10 + i) | some i, n in names]
		got := rule.report with input as _input(["go"], array.concat(_remotion_pair, extra), [])
		count(got) == 0
	}
}

test_fires_empty_aws_pair if {
	got := rule.report with input as _input(
		["go"], array.concat(_remotion_pair, [
			_empty("AWS_ACCESS_KEY_ID", 3),
			_empty("AWS_SECRET_ACCESS_KEY", 4),
		]),
		[],
	)
	count(got) == 2
}

test_quiet_go_code_reads_remotion_name if {
	got := rule.report with input as _input(["go"], _remotion_pair, [
		{"name": "REMOTION_AWS_ACCESS_KEY_ID", "dynamic": false, "language": "go", "project": "."},
	])
	count(got) == 0
}

test_quiet_go_code_reads_computed_remotion_name if {
	got := rule.report with input as _input(["go"], _remotion_pair, [
		{"prefix": "REMOTION_", "dynamic": true, "language": "go", "project": "."},
	])
	count(got) == 0
}

test_fires_read_in_other_project if {
	got := rule.report with input as _input(["go"], _remotion_pair, [
		{"name": "REMOTION_AWS_ACCESS_KEY_ID", "dynamic": false, "language": "go", "project": "tools"},
	])
	count(got) == 2
}

test_quiet_node_or_cli_consumer if {
	every consumers in [["go", "node"], ["cli", "python"], ["node"]] {
		got := rule.report with input as _input(consumers, _remotion_pair, [])
		count(got) == 0
	}
}

test_quiet_no_consumer if {
	got := rule.report with input as _input([], _remotion_pair, [])
	count(got) == 0
}

test_quiet_empty_remotion_values if {
	got := rule.report with input as _input(["go"], [_empty("REMOTION_AWS_ACCESS_KEY_ID", 1), _empty("REMOTION_AWS_SECRET_ACCESS_KEY", 2)], [])
	count(got) == 0
}

test_quiet_not_remotion if {
	env := object.union(_env(["go"], _remotion_pair), {"remotion": false})
	got := rule.report with input as {"projects": [], "environments": [env], "code": {"reads": []}}
	count(got) == 0
}
