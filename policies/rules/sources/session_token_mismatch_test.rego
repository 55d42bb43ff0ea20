package remolint.rules.sources.session_token_mismatch_test

import data.remolint.rules.sources.session_token_mismatch as rule

_loc(line) := {"path": "apps/api/.env.production", "line": line, "column": 1}

_var(name, line, extra) := object.union(
	{"name": name, "set": true, "secret": true, "shape": "other", "hash": concat("-", ["h", name]), "location": _loc(line)},
	extra,
)

_input(vars) := _input_for(vars, ["node"])

_input_for(vars, consumers) := {"environments": [{
	"id": "apps/api (production)", "dir": "apps/api", "mode": "production", "project": "apps/api",
	"files": ["apps/api/.env.production"], "variables": vars,
	"platforms": [], "consumers": consumers, "remotion": true, "resolution": {},
}]}

_finding(line, msg) := {"rule": "session-token-mismatch", "severity": "error", "location": _loc(line), "message": msg}

test_fires_remotion_token_without_pair if {
	got := rule.report with input as _input([
		_var("AWS_ACCESS_KEY_ID", 1, {}),
		_var("AWS_SECRET_ACCESS_KEY", 2, {}),
		_var("REMOTION_AWS_ACCESS_KEY_ID", 3, {}),
		_var("REMOTION_AWS_SESSION_TOKEN", 4, {}),
	])
	got == {_finding(4, "REMOTION_AWS_SESSION_TOKEN is set but the REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair is not complete: Remotion uses this token only with that pair, never with the AWS_* keys, so it is never sent")}
}

test_quiet_remotion_token_with_pair if {
	got := rule.report with input as _input([
		_var("REMOTION_AWS_ACCESS_KEY_ID", 3, {}),
		_var("REMOTION_AWS_SECRET_ACCESS_KEY", 5, {}),
		_var("REMOTION_AWS_SESSION_TOKEN", 4, {}),
	])
	count(got) == 0
}

test_quiet_not_remotion if {
	env := object.union(_input([_var("REMOTION_AWS_SESSION_TOKEN", 4, {})]).environments[0], {"remotion": false})
	got := rule.report with input as {"environments": [env]}
	count(got) == 0
}

test_fires_aws_token_beside_remotion_pair if {
	got := rule.report with input as _input([
		_var("AWS_SESSION_TOKEN", 1, {}),
		_var("REMOTION_AWS_ACCESS_KEY_ID", 2, {}),
		_var("REMOTION_AWS_SECRET_ACCESS_KEY", 3, {}),
	])
	got == {object.union(
		_finding(1, "AWS_SESSION_TOKEN is never sent with the REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair, which Remotion uses without a token: set REMOTION_AWS_SESSION_TOKEN instead"),
		{"related": _loc(2)},
	)}
}

test_quiet_aws_token_with_remotion_token if {
	got := rule.report with input as _input([
		_var("AWS_SESSION_TOKEN", 1, {}),
		_var("REMOTION_AWS_ACCESS_KEY_ID", 2, {}),
		_var("REMOTION_AWS_SECRET_ACCESS_KEY", 3, {}),
		_var("REMOTION_AWS_SESSION_TOKEN", 4, {}),
	])
	count(got) == 0
}

test_quiet_aws_token_with_empty_remotion_secret if {
	# No complete REMOTION pair: the AWS token goes with the AWS pair.
	got := rule.report with input as _input([
		_var("AWS_SESSION_TOKEN", 1, {}),
		_var("REMOTION_AWS_ACCESS_KEY_ID", 2, {}),
		_var("REMOTION_AWS_SECRET_ACCESS_KEY", 3, {"set": false, "shape": "empty"}),
	])
	count(got) == 0
}

test_quiet_aws_token_under_skip_flag if {
	got := rule.report with input as _input([
		_var("AWS_SESSION_TOKEN", 1, {}),
		_var("REMOTION_AWS_ACCESS_KEY_ID", 2, {}),
		_var("REMOTION_AWS_SECRET_ACCESS_KEY", 3, {}),
		_var("REMOTION_SKIP_AWS_CREDENTIALS_CHECK", 4, {"secret": false, "value": "1"}),
	])
	count(got) == 0
}

test_fires_temporary_key_without_token if {
	got := rule.report with input as _input([
		_var("AWS_ACCESS_KEY_ID", 1, {"shape": "aws-temporary-key-id", "display": "ASIA…WXYZ"}),
		_var("AWS_SECRET_ACCESS_KEY", 2, {}),
	])
	got == {_finding(1, "AWS_ACCESS_KEY_ID holds a temporary key id (ASIA…WXYZ) but AWS_SESSION_TOKEN is not set: AWS rejects every request with \"The security token included in the request is invalid\"")}
}

test_fires_temporary_remotion_key_with_other_prefix_token if {
	got := rule.report with input as _input([
		_var("REMOTION_AWS_ACCESS_KEY_ID", 1, {"shape": "aws-temporary-key-id", "display": "ASIA…WXYZ"}),
		_var("REMOTION_AWS_SECRET_ACCESS_KEY", 2, {}),
		_var("AWS_SESSION_TOKEN", 3, {}),
	])
	{f.location.line | some f in got} == {1, 3}
}

test_quiet_temporary_key_with_token if {
	got := rule.report with input as _input([
		_var("AWS_ACCESS_KEY_ID", 1, {"shape": "aws-temporary-key-id", "display": "ASIA…WXYZ"}),
		_var("AWS_SECRET_ACCESS_KEY", 2, {}),
		_var("AWS_SESSION_TOKEN", 3, {}),
	])
	count(got) == 0
}

test_quiet_long_term_key_without_token if {
	got := rule.report with input as _input([
		_var("AWS_ACCESS_KEY_ID", 1, {"shape": "aws-access-key-id", "display": "AKIA…WXYZ"}),
		_var("AWS_SECRET_ACCESS_KEY", 2, {}),
	])
	count(got) == 0
}

# Go, Python and PHP clients read no REMOTION_* name.

test_fires_sdk_remotion_token_beside_aws_pair if {
	got := rule.report with input as _input_for(
		[
			_var("AWS_ACCESS_KEY_ID", 1, {}),
			_var("AWS_SECRET_ACCESS_KEY", 3, {}),
			_var("REMOTION_AWS_SESSION_TOKEN", 2, {}),
		],
		["python"],
	)
	got == {object.union(
		_finding(2, "REMOTION_AWS_SESSION_TOKEN is never read by the Python client, whose AWS SDK takes a session token only from AWS_SESSION_TOKEN: the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair goes to AWS without it; rename it to AWS_SESSION_TOKEN if it belongs to that pair"),
		{"related": _loc(1)},
	)}
}

test_fires_go_aliases_and_two_clients if {
	got := rule.report with input as _input_for(
		[
			_var("AWS_ACCESS_KEY_ID", 1, {}),
			_var("AWS_SECRET_ACCESS_KEY", 3, {}),
			_var("AWS_SECRET_KEY", 4, {}),
			_var("REMOTION_AWS_SESSION_TOKEN", 2, {}),
		],
		["go", "php"],
	)
	got == {object.union(
		_finding(2, "REMOTION_AWS_SESSION_TOKEN is never read by the Go client and the PHP client, whose AWS SDKs take a session token only from AWS_SESSION_TOKEN: the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair goes to AWS without it; rename it to AWS_SESSION_TOKEN if it belongs to that pair"),
		{"related": _loc(1)},
	)}
}

test_fires_go_alias_pair if {
	got := rule.report with input as _input_for(
		[
			_var("AWS_ACCESS_KEY", 1, {}),
			_var("AWS_SECRET_KEY", 3, {}),
			_var("REMOTION_AWS_SESSION_TOKEN", 2, {}),
		],
		["go"],
	)
	{f.message | some f in got} == {"REMOTION_AWS_SESSION_TOKEN is never read by the Go client, whose AWS SDK takes a session token only from AWS_SESSION_TOKEN: the AWS_ACCESS_KEY/AWS_SECRET_KEY pair goes to AWS without it; rename it to AWS_SESSION_TOKEN if it belongs to that pair"}
}

# With AWS_SESSION_TOKEN set, or without a pair the client uses (a half
# pair, or REMOTION names only: sdk-ignores-remotion-prefix), quiet.
test_quiet_sdk_remotion_token_with_aws_token_or_without_aws_pair if {
	count(rule.report) == 0 with input as _input_for(
		[
			_var("AWS_ACCESS_KEY_ID", 1, {}),
			_var("AWS_SECRET_ACCESS_KEY", 4, {}),
			_var("AWS_SESSION_TOKEN", 3, {}),
			_var("REMOTION_AWS_SESSION_TOKEN", 2, {}),
		],
		["python"],
	)
	count(rule.report) == 0 with input as _input_for(
		[
			_var("AWS_ACCESS_KEY_ID", 1, {}),
			_var("REMOTION_AWS_SESSION_TOKEN", 2, {}),
		],
		["python"],
	)
	count(rule.report) == 0 with input as _input_for(
		[
			_var("AWS_ACCESS_KEY_ID", 1, {}),
			_var("AWS_SECRET_KEY", 3, {}),
			_var("REMOTION_AWS_SESSION_TOKEN", 2, {}),
		],
		["php"],
	)
	count(rule.report) == 0 with input as _input_for(
		[
			_var("REMOTION_AWS_ACCESS_KEY_ID", 1, {}),
			_var("REMOTION_AWS_SECRET_ACCESS_KEY", 3, {}),
			_var("REMOTION_AWS_SESSION_TOKEN", 2, {}),
		],
		["go"],
	)
}

# Remotion's own token rules stay quiet for these clients.
test_quiet_sdk_node_token_rules if {
	count(rule.report) == 0 with input as _input_for(
		[
			_var("AWS_SESSION_TOKEN", 1, {}),
			_var("REMOTION_AWS_ACCESS_KEY_ID", 2, {"shape": "aws-temporary-key-id", "display": "ASIA…AAAA"}),
			_var("REMOTION_AWS_SECRET_ACCESS_KEY", 3, {}),
		],
		["go"],
	)
}

test_fires_sdk_temporary_aws_key_id if {
	got := rule.report with input as _input_for(
		[
			_var("AWS_ACCESS_KEY_ID", 1, {"shape": "aws-temporary-key-id", "display": "ASIA…WXYZ"}),
			_var("AWS_SECRET_ACCESS_KEY", 2, {}),
		],
		["php"],
	)
	got == {_finding(1, "AWS_ACCESS_KEY_ID holds a temporary key id (ASIA…WXYZ) but AWS_SESSION_TOKEN is not set: AWS rejects every request with \"The security token included in the request is invalid\"")}
}

test_fires_node_rules_for_mixed_consumers if {
	got := rule.report with input as _input_for(
		[
			_var("AWS_ACCESS_KEY_ID", 1, {}),
			_var("REMOTION_AWS_SESSION_TOKEN", 2, {}),
		],
		["cli", "python"],
	)
	got == {_finding(2, "REMOTION_AWS_SESSION_TOKEN is set but the REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair is not complete: Remotion uses this token only with that pair, never with the AWS_* keys, so it is never sent")}
}

# AWS_SESSION_TOKEN and the REMOTION pair must be in one environment: a
# token in one environment of a tree and the pair in another are quiet.
test_aws_token_and_remotion_pair_per_environment if {
	envs := [
		{"id": "a", "variables": [_var("AWS_SESSION_TOKEN", 1, {})]},
		{"id": "b", "variables": [_var("REMOTION_AWS_ACCESS_KEY_ID", 2, {}), _var("REMOTION_AWS_SECRET_ACCESS_KEY", 3, {})]},
		{"id": "c", "variables": [_var("AWS_SESSION_TOKEN", 4, {}), _var("REMOTION_AWS_ACCESS_KEY_ID", 5, {}), _var("REMOTION_AWS_SECRET_ACCESS_KEY", 6, {})]},
	]
	base := _input([]).environments[0]
	got := rule.report with input as {"environments": [object.union(base, e) | some e in envs]}
	count(got) == 1
	every f in got {
		f.location == _loc(4)
	}
}
