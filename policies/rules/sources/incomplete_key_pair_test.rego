package remolint.rules.sources.incomplete_key_pair_test

import data.remolint.rules.sources.incomplete_key_pair as rule

_loc(path, line) := {"path": path, "line": line, "column": 1}

_var(name, line, extra) := object.union(
	{"name": name, "set": true, "secret": true, "shape": "other", "hash": concat("-", ["h", name]), "location": _loc(".env", line)},
	extra,
)

_empty(name, line) := _var(name, line, {"set": false, "shape": "empty", "hash": ""})

_env(vars, res) := {
	"id": ".", "dir": ".", "mode": "", "project": ".", "files": [".env"],
	"variables": vars, "platforms": [], "consumers": ["node"], "remotion": true,
	"resolution": {"node": res},
}

_input(env) := {"environments": [env]}

_res(using, extra) := object.union(
	{"consumer": "node", "check": {"passes": true, "error": ""}, "source": "AWS_ACCESS_KEY_ID", "outcome": "ok", "using": using, "ignored": []},
	extra,
)

_aws_pair := "the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair"

_finding(line, msg) := {"rule": "incomplete-key-pair", "severity": "error", "location": _loc(".env", line), "message": msg}

_finding_rel(line, msg, rel) := object.union(_finding(line, msg), {"related": _loc(".env", rel)})

test_fires_remotion_half_falls_back if {
	env := _env(
		[
			_var("AWS_ACCESS_KEY_ID", 1, {}),
			_var("AWS_SECRET_ACCESS_KEY", 2, {}),
			_var("REMOTION_AWS_ACCESS_KEY_ID", 3, {}),
		],
		_res(_aws_pair, {}),
	)
	got := rule.report with input as _input(env)
	got == {_finding(3, "REMOTION_AWS_ACCESS_KEY_ID is set but REMOTION_AWS_SECRET_ACCESS_KEY is not, so the REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair is ignored: Remotion silently uses the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair")}
}

test_quiet_complete_pairs if {
	env := _env(
		[
			_var("AWS_ACCESS_KEY_ID", 1, {}),
			_var("AWS_SECRET_ACCESS_KEY", 2, {}),
			_var("REMOTION_AWS_ACCESS_KEY_ID", 3, {}),
			_var("REMOTION_AWS_SECRET_ACCESS_KEY", 4, {}),
		],
		_res("the REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair", {}),
	)
	got := rule.report with input as _input(env)
	count(got) == 0
}

test_quiet_not_remotion if {
	env := object.union(_env([_var("REMOTION_AWS_ACCESS_KEY_ID", 3, {})], _res(_aws_pair, {})), {"remotion": false})
	got := rule.report with input as _input(env)
	count(got) == 0
}

_throws := "You have tried to call a Remotion Lambda function, but have not set the environment variable AWS_ACCESS_KEY_ID or REMOTION_AWS_ACCESS_KEY_ID."

test_fires_aws_half_check_throws if {
	env := _env([_var("AWS_SECRET_ACCESS_KEY", 2, {})], _res("no credentials", {"check": {"passes": false, "error": _throws}, "outcome": "throws"}))
	got := rule.report with input as _input(env)
	got == {_finding(2, sprintf("AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not, so the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair is ignored: Remotion's credentials check throws \"%s\"", [_throws]))}
}

test_fires_half_with_empty_partner_at_empty_line if {
	env := _env(
		[
			_var("REMOTION_AWS_ACCESS_KEY_ID", 1, {}),
			_empty("REMOTION_AWS_SECRET_ACCESS_KEY", 2),
		],
		_res("the AWS SDK default credential chain", {"source": "default-chain", "outcome": "needs-runtime", "error": "Could not load credentials from any providers"}),
	)
	got := rule.report with input as _input(env)
	got == {_finding_rel(2, "REMOTION_AWS_SECRET_ACCESS_KEY is empty, which counts as unset, while REMOTION_AWS_ACCESS_KEY_ID is set, so the REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair is ignored: Remotion silently uses the AWS SDK default credential chain, which fails with \"Could not load credentials from any providers\" unless the machine it runs on supplies credentials", 1)}
}

test_fires_crossed_pair if {
	env := _env(
		[
			_var("AWS_SECRET_ACCESS_KEY", 1, {}),
			_var("REMOTION_AWS_ACCESS_KEY_ID", 2, {}),
		],
		_res("the AWS SDK default credential chain", {"source": "default-chain", "outcome": "no-credentials", "error": "Could not load credentials from any providers"}),
	)
	got := rule.report with input as _input(env)
	got == {_finding_rel(2, "REMOTION_AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY form a crossed pair: Remotion's credentials check accepts it, but credentials are taken per prefix and neither pair is complete, so the first request fails with \"Could not load credentials from any providers\"", 1)}
}

test_fires_crossed_pair_reverse if {
	env := _env(
		[
			_var("AWS_ACCESS_KEY_ID", 1, {}),
			_var("REMOTION_AWS_SECRET_ACCESS_KEY", 2, {}),
		],
		_res("the AWS SDK default credential chain", {"source": "default-chain", "outcome": "no-credentials", "error": "Could not load credentials from any providers"}),
	)
	got := rule.report with input as _input(env)
	{[f.location.line, f.related.line] | some f in got} == {[2, 1]}
}

test_quiet_crossed_pair_when_one_prefix_complete if {
	# REMOTION_AWS_SECRET_ACCESS_KEY completes the REMOTION pair: no crossing.
	env := _env(
		[
			_var("AWS_SECRET_ACCESS_KEY", 1, {}),
			_var("REMOTION_AWS_ACCESS_KEY_ID", 2, {}),
			_var("REMOTION_AWS_SECRET_ACCESS_KEY", 3, {}),
		],
		_res("the REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair", {}),
	)
	got := rule.report with input as _input(env)
	every f in got {
		not contains(f.message, "crossed")
	}
	{f.location.line | some f in got} == {1}
}

test_fires_empty_key if {
	env := _env(
		[
			_empty("AWS_ACCESS_KEY_ID", 5),
			_var("REMOTION_AWS_ACCESS_KEY_ID", 6, {}),
			_var("REMOTION_AWS_SECRET_ACCESS_KEY", 7, {}),
		],
		_res("the REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair", {}),
	)
	got := rule.report with input as _input(env)
	got == {_finding(5, "AWS_ACCESS_KEY_ID is empty, which Remotion treats as unset: Remotion silently uses the REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair")}
}

test_quiet_empty_in_process_environment if {
	env := object.union(
		_env(
			[
				_empty("AWS_ACCESS_KEY_ID", 5),
				_var("REMOTION_AWS_ACCESS_KEY_ID", 6, {}),
				_var("REMOTION_AWS_SECRET_ACCESS_KEY", 7, {}),
			],
			_res("the REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair", {}),
		),
		{"process": true},
	)
	got := rule.report with input as _input(env)
	count(got) == 0
}

test_fires_empty_token if {
	env := _env(
		[
			_empty("AWS_SESSION_TOKEN", 5),
			_var("AWS_ACCESS_KEY_ID", 6, {}),
			_var("AWS_SECRET_ACCESS_KEY", 7, {}),
		],
		_res(_aws_pair, {}),
	)
	got := rule.report with input as _input(env)
	got == {_finding(5, "AWS_SESSION_TOKEN is empty, which Remotion treats as unset: the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair is used without a token (fine for a long-term AKIA… key id; a temporary ASIA… one needs its token)")}
}

test_quiet_empty_profile if {
	env := _env(
		[
			_var("AWS_PROFILE", 5, {"set": false, "shape": "empty", "secret": false}),
			_var("AWS_ACCESS_KEY_ID", 6, {}),
			_var("AWS_SECRET_ACCESS_KEY", 7, {}),
		],
		_res(_aws_pair, {}),
	)
	got := rule.report with input as _input(env)
	count(got) == 0
}

test_fires_crossed_pair_needs_runtime if {
	env := _env(
		[
			_var("AWS_SECRET_ACCESS_KEY", 1, {}),
			_var("REMOTION_AWS_ACCESS_KEY_ID", 2, {}),
		],
		_res("the AWS SDK default credential chain", {"source": "default-chain", "outcome": "needs-runtime", "error": "Could not load credentials from any providers"}),
	)
	got := rule.report with input as _input(env)
	some f in got
	endswith(f.message, "so the first request fails with \"Could not load credentials from any providers\" unless the machine it runs on supplies credentials")
}

test_fires_go_only_fallback if {
	env := {
		"id": ".", "dir": ".", "mode": "", "project": ".", "files": [".env"],
		"variables": [_var("AWS_ACCESS_KEY_ID", 1, {})], "platforms": [], "consumers": ["go"], "remotion": true,
		"resolution": {"go": _res("the AWS SDK for Go default credential chain", {"consumer": "go"})},
	}
	got := rule.report with input as _input(env)
	got == {_finding(1, "AWS_ACCESS_KEY_ID is set but neither AWS_SECRET_ACCESS_KEY nor AWS_SECRET_KEY is: the AWS SDK for Go ignores the half pair and uses the AWS SDK for Go default credential chain")}
}

# Go, Python and PHP clients: only the AWS_* names count, and each SDK's own
# behaviour is described.

_sdk_env(consumers, vars) := {
	"id": "svc", "dir": "svc", "mode": "", "project": "svc", "files": ["svc/.env"],
	"variables": vars, "platforms": [], "consumers": consumers, "remotion": true,
	"resolution": {"go": _res("the AWS SDK for Go default credential chain", {"consumer": "go", "source": "default-chain", "outcome": "needs-runtime"})},
}

_py_partial := "boto3, which the Python client uses, fails every call with \"Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY\""

_php_moves_on := "the AWS SDK for PHP, which the PHP client uses, ignores the half pair and moves on along its default provider chain (the shared files, container and instance credentials)"

test_fires_python_key_id_without_secret if {
	env := _sdk_env(["python"], [
		_var("AWS_ACCESS_KEY_ID", 1, {}),
		_var("REMOTION_AWS_SESSION_TOKEN", 2, {}),
	])
	got := rule.report with input as _input(env)
	got == {_finding(1, concat("", ["AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not: ", _py_partial]))}
}

test_fires_python_secret_without_key_id_names_remotion_half if {
	env := _sdk_env(["python"], [
		_var("AWS_SECRET_ACCESS_KEY", 1, {}),
		_var("REMOTION_AWS_ACCESS_KEY_ID", 2, {}),
	])
	got := rule.report with input as _input(env)
	got == {_finding(1, "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not (the Python client never reads REMOTION_AWS_ACCESS_KEY_ID): boto3, which the Python client uses, skips a secret without its key id and moves on along its default chain (the shared files, container and instance credentials)")}
}

test_fires_php_half_with_empty_partner if {
	env := _sdk_env(["php"], [
		_var("AWS_ACCESS_KEY_ID", 1, {}),
		_empty("AWS_SECRET_ACCESS_KEY", 2),
	])
	got := rule.report with input as _input(env)
	got == {_finding_rel(2, concat("", ["AWS_SECRET_ACCESS_KEY is empty, which the AWS SDK for PHP treats as unset, while AWS_ACCESS_KEY_ID is set: ", _php_moves_on]), 1)}
}

test_fires_go_empty_key_without_partner if {
	env := _sdk_env(["go"], [_empty("AWS_ACCESS_KEY_ID", 4)])
	got := rule.report with input as _input(env)
	got == {_finding(4, "AWS_ACCESS_KEY_ID is empty, which the AWS SDK for Go treats as unset: the AWS SDK for Go uses the AWS SDK for Go default credential chain")}
}

test_fires_one_finding_per_sdk_client if {
	env := _sdk_env(["php", "python"], [_var("AWS_ACCESS_KEY_ID", 1, {})])
	got := rule.report with input as _input(env)
	got == {
		_finding(1, concat("", ["AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not: ", _py_partial])),
		_finding(1, concat("", ["AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not: ", _php_moves_on])),
	}
}

# REMOTION_* halves and crossed pairs mean nothing to these clients (the
# rule sdk-ignores-remotion-prefix covers REMOTION-only environments).
test_quiet_sdk_remotion_half_and_complete_aws_pair if {
	every consumers in [["go"], ["python"], ["php"]] {
		env := _sdk_env(consumers, [
			_var("AWS_ACCESS_KEY_ID", 1, {}),
			_var("AWS_SECRET_ACCESS_KEY", 2, {}),
			_var("REMOTION_AWS_ACCESS_KEY_ID", 3, {}),
			_empty("REMOTION_AWS_SECRET_ACCESS_KEY", 4),
		])
		count(rule.report) == 0 with input as _input(env)
	}
}

test_quiet_sdk_remotion_only if {
	env := _sdk_env(["python"], [_var("REMOTION_AWS_ACCESS_KEY_ID", 1, {})])
	got := rule.report with input as _input(env)
	count(got) == 0
}

# A Node consumer beside them, or no known consumer, keeps Remotion's rules.
test_fires_node_rules_for_mixed_and_unknown_consumers if {
	every consumers in [["node", "python"], ["cli", "go"], []] {
		env := object.union(_env([_var("AWS_SECRET_ACCESS_KEY", 2, {})], _res("no credentials", {"check": {"passes": false, "error": _throws}, "outcome": "throws"})), {"consumers": consumers})
		{f.message | some f in rule.report} == {sprintf("AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not, so the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair is ignored: Remotion's credentials check throws \"%s\"", [_throws])} with input as _input(env)
	}
}

# AWS_SECRET_KEY and AWS_ACCESS_KEY are the Go SDK's aliases.
_go_pair_res := _res("the AWS_ACCESS_KEY_ID/AWS_SECRET_KEY pair", {"consumer": "go"})

test_quiet_go_alias_pair if {
	env := object.union(
		_sdk_env(["go"], [
			_var("AWS_ACCESS_KEY_ID", 2, {}),
			_var("AWS_SECRET_KEY", 3, {}),
		]),
		{"resolution": {"go": _go_pair_res}},
	)
	got := rule.report with input as _input(env)
	count(got) == 0
}

test_quiet_go_alias_key_id if {
	env := _sdk_env(["go"], [
		_var("AWS_ACCESS_KEY", 2, {}),
		_empty("AWS_ACCESS_KEY_ID", 1),
		_var("AWS_SECRET_ACCESS_KEY", 3, {}),
	])
	got := rule.report with input as _input(env)
	count(got) == 0
}

test_fires_go_alias_half if {
	env := _sdk_env(["go"], [_var("AWS_SECRET_KEY", 3, {})])
	got := rule.report with input as _input(env)
	got == {_finding(3, "AWS_SECRET_KEY is set but neither AWS_ACCESS_KEY_ID nor AWS_ACCESS_KEY is: the AWS SDK for Go ignores the half pair and uses the AWS SDK for Go default credential chain")}
}

# The alias is Go's only: Python and PHP see a half pair.
test_fires_python_beside_go_alias if {
	env := _sdk_env(["python"], [
		_var("AWS_ACCESS_KEY_ID", 2, {}),
		_var("AWS_SECRET_KEY", 3, {}),
	])
	got := rule.report with input as _input(env)
	got == {_finding(2, concat("", ["AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not: ", _py_partial]))}
}

_secret_throws := "You have tried to call a Remotion Lambda function, but have not set the environment variable AWS_SECRET_ACCESS_KEY or REMOTION_AWS_SECRET_ACCESS_KEY."

test_fires_node_beside_go_alias_with_note if {
	env := object.union(
		_env(
			[
				_var("AWS_ACCESS_KEY_ID", 2, {}),
				_var("AWS_SECRET_KEY", 3, {}),
			],
			_res("no credentials", {"check": {"passes": false, "error": _secret_throws}, "outcome": "throws"}),
		),
		{"consumers": ["go", "node"]},
	)
	got := rule.report with input as _input(env)
	got == {_finding(2, sprintf("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not, so the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair is ignored: Remotion's credentials check throws \"%s\" (the Go client reads AWS_SECRET_KEY in place of AWS_SECRET_ACCESS_KEY and so has a complete pair; Remotion's Node code does not)", [_secret_throws]))}
}

test_fires_node_without_go_has_no_alias_note if {
	env := _env(
		[
			_var("AWS_ACCESS_KEY_ID", 2, {}),
			_var("AWS_SECRET_KEY", 3, {}),
		],
		_res("no credentials", {"check": {"passes": false, "error": _secret_throws}, "outcome": "throws"}),
	)
	got := rule.report with input as _input(env)
	every f in got {
		not contains(f.message, "Go client")
	}
	count(got) == 1
}

# An empty session token: the pair goes without it; nothing else is implied.
_rem_pair := "the REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair"

_rem_res := _res(_rem_pair, {"source": "REMOTION_AWS_ACCESS_KEY_ID"})

test_fires_empty_token_long_term_key if {
	env := _env(
		[
			_var("REMOTION_AWS_ACCESS_KEY_ID", 1, {"shape": "aws-access-key-id", "display": "AKIA…JQ6N"}),
			_var("REMOTION_AWS_SECRET_ACCESS_KEY", 2, {}),
			_empty("REMOTION_AWS_SESSION_TOKEN", 3),
		],
		_rem_res,
	)
	got := rule.report with input as _input(env)
	got == {_finding(3, "REMOTION_AWS_SESSION_TOKEN is empty, which Remotion treats as unset: the REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair is used without a token, which is fine for its long-term key id (AKIA…JQ6N)")}
}

test_fires_empty_token_temporary_key if {
	env := _env(
		[
			_var("REMOTION_AWS_ACCESS_KEY_ID", 1, {"shape": "aws-temporary-key-id", "display": "ASIA…JQ6N"}),
			_var("REMOTION_AWS_SECRET_ACCESS_KEY", 2, {}),
			_empty("REMOTION_AWS_SESSION_TOKEN", 3),
		],
		_rem_res,
	)
	got := rule.report with input as _input(env)
	got == {_finding(3, "REMOTION_AWS_SESSION_TOKEN is empty, which Remotion treats as unset: the REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair is used without a token, which fails for its temporary key id (ASIA…JQ6N): AWS needs the token that came with it")}
}

test_fires_empty_token_pair_not_used if {
	env := _env(
		[
			_var("AWS_ACCESS_KEY_ID", 1, {}),
			_var("AWS_SECRET_ACCESS_KEY", 2, {}),
			_empty("AWS_SESSION_TOKEN", 3),
			_var("REMOTION_AWS_ACCESS_KEY_ID", 4, {}),
			_var("REMOTION_AWS_SECRET_ACCESS_KEY", 5, {}),
		],
		_rem_res,
	)
	got := rule.report with input as _input(env)
	got == {_finding(3, "AWS_SESSION_TOKEN is empty, which Remotion treats as unset, but Remotion does not use the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair here anyway (it uses the REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair)")}
}

test_fires_empty_token_without_pair if {
	env := _env([_empty("REMOTION_AWS_SESSION_TOKEN", 3)], _res("the AWS SDK default credential chain", {"source": "default-chain"}))
	got := rule.report with input as _input(env)
	got == {_finding(3, "REMOTION_AWS_SESSION_TOKEN is empty, which Remotion treats as unset, and the REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair it would go with is not complete either")}
}

test_fires_go_empty_token_beside_alias_pair if {
	env := _sdk_env(["go"], [
		_var("AWS_ACCESS_KEY_ID", 1, {"shape": "aws-access-key-id", "display": "AKIA…AAAA"}),
		_var("AWS_SECRET_KEY", 2, {}),
		_empty("AWS_SESSION_TOKEN", 3),
	])
	got := rule.report with input as _input(env)
	got == {_finding(3, "AWS_SESSION_TOKEN is empty, which counts as unset: the Go client uses the AWS_ACCESS_KEY_ID/AWS_SECRET_KEY pair without a token, which is fine for its long-term key id (AKIA…AAAA)")}
}

test_quiet_sdk_empty_tokens_without_pair_or_remotion if {
	env := _sdk_env(["python"], [
		_var("AWS_ACCESS_KEY_ID", 1, {}),
		_empty("AWS_SESSION_TOKEN", 3),
		_empty("REMOTION_AWS_SESSION_TOKEN", 4),
	])
	got := rule.report with input as _input(env)
	every f in got {
		not contains(f.message, "SESSION_TOKEN")
	}
}

# A half pair whose missing half is defined empty in the process
# environment (not in an env file): reported as not set, at the half that is.
test_fires_half_with_empty_partner_in_process_environment if {
	env := object.union(
		_env(
			[
				_var("REMOTION_AWS_ACCESS_KEY_ID", 1, {}),
				_empty("REMOTION_AWS_SECRET_ACCESS_KEY", 2),
			],
			_res(_aws_pair, {}),
		),
		{"process": true},
	)
	got := rule.report with input as _input(env)
	got == {_finding(1, "REMOTION_AWS_ACCESS_KEY_ID is set but REMOTION_AWS_SECRET_ACCESS_KEY is not, so the REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair is ignored: Remotion silently uses the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair")}
}

# What Remotion does instead, for each shape of the resolution: an empty
# error, an error without needs-runtime, no source used, and a check error
# on a check that passes; several environments of one tree, each with its
# own half pair.
_half_env(line, res) := object.union(
	_env([_var("REMOTION_AWS_ACCESS_KEY_ID", line, {})], res),
	{"id": sprintf("e%d", [line])},
)

test_fires_half_outcomes if {
	envs := [
		_half_env(1, _res(_aws_pair, {"error": ""})),
		_half_env(2, _res(_aws_pair, {"error": "Access denied"})),
		_half_env(3, _res("", {})),
		_half_env(4, _res(_aws_pair, {"check": {"passes": true, "error": "odd"}})),
	]
	got := rule.report with input as {"environments": envs}
	pre := "REMOTION_AWS_ACCESS_KEY_ID is set but REMOTION_AWS_SECRET_ACCESS_KEY is not, so the REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair is ignored: "
	got == {
		_finding(1, concat("", [pre, "Remotion silently uses the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair"])),
		_finding(2, concat("", [pre, "Remotion silently uses the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair, which fails with \"Access denied\""])),
		_finding(3, concat("", [pre, "the next credential source is used"])),
		_finding(4, concat("", [pre, "Remotion silently uses the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair"])),
	}
}

# Halves in different environments of one tree make no pair, crossed or
# not: each environment is on its own.
test_fires_halves_in_separate_environments if {
	a := _env([_var("REMOTION_AWS_ACCESS_KEY_ID", 1, {})], _res(_aws_pair, {}))
	b := object.union(_env([_var("AWS_SECRET_ACCESS_KEY", 2, {})], _res(_aws_pair, {})), {"id": "b"})
	c := object.union(_env([_var("REMOTION_AWS_SECRET_ACCESS_KEY", 3, {})], _res(_aws_pair, {})), {"id": "c"})
	got := rule.report with input as {"environments": [a, b, c]}
	got == {
		_finding(1, "REMOTION_AWS_ACCESS_KEY_ID is set but REMOTION_AWS_SECRET_ACCESS_KEY is not, so the REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair is ignored: Remotion silently uses the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair"),
		_finding(2, "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not, so the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair is ignored: Remotion silently uses the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair"),
		_finding(3, "REMOTION_AWS_SECRET_ACCESS_KEY is set but REMOTION_AWS_ACCESS_KEY_ID is not, so the REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair is ignored: Remotion silently uses the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair"),
	}
}
