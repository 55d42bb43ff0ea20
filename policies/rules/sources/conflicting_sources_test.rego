package remolint.rules.sources.conflicting_sources_test

import data.remolint.rules.sources.conflicting_sources as rule

_loc(path, line) := {"path": path, "line": line, "column": 1}

_var(name, path, line, extra) := object.union(
	{"name": name, "set": true, "secret": true, "shape": "other", "hash": concat("-", ["h", name]), "location": _loc(path, line)},
	extra,
)

_env(vars, res, consumers) := {
	"id": "apps/web", "dir": "apps/web", "mode": "", "project": "apps/web",
	"files": ["apps/web/.env", "apps/web/.env.local"], "variables": vars,
	"platforms": [], "consumers": consumers, "remotion": true,
	"resolution": {"node": res},
}

_input(env, entries) := {
	"projects": [{"dir": "apps/web", "remotion": true, "platforms": [], "consumers": env.consumers}],
	"envFiles": [{"path": "apps/web/.env", "dir": "apps/web", "project": "apps/web", "template": false, "entries": entries}],
	"environments": [env],
}

_finding(loc, msg, related) := {"rule": "conflicting-sources", "severity": "warning", "location": loc, "message": msg, "related": related}

_remotion_pair_res(ignored) := {
	"consumer": "node", "check": {"passes": true, "error": ""},
	"source": "REMOTION_AWS_ACCESS_KEY_ID", "outcome": "ok",
	"using": "the REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair",
	"ignored": ignored,
}

_lower(name) := {"name": name, "reason": "loses", "code": "lower-precedence"}

_profile_vars := [
	_var("AWS_PROFILE", "apps/web/.env", 1, {"secret": false, "value": "render"}),
	_var("REMOTION_AWS_ACCESS_KEY_ID", "apps/web/.env", 2, {"display": "AKIA…AAAA"}),
	_var("REMOTION_AWS_SECRET_ACCESS_KEY", "apps/web/.env", 3, {}),
]

test_fires_lower_precedence_profile if {
	env := _env(_profile_vars, _remotion_pair_res([_lower("AWS_PROFILE")]), ["node"])
	got := rule.report with input as _input(env, [])
	got == {_finding(
		_loc("apps/web/.env", 1),
		"AWS_PROFILE is ignored: Remotion uses the REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair, which takes precedence (Remotion's docs list AWS_PROFILE first, but a complete REMOTION pair wins)",
		_loc("apps/web/.env", 2),
	)}
}

test_quiet_ignored_for_other_reason if {
	ig := {"name": "AWS_PROFILE", "reason": "skip", "code": "skip-check"}
	env := _env(_profile_vars, _remotion_pair_res([ig]), ["node"])
	got := rule.report with input as _input(env, [])
	count(got) == 0
}

test_quiet_not_remotion if {
	env := object.union(_env(_profile_vars, _remotion_pair_res([_lower("AWS_PROFILE")]), ["node"]), {"remotion": false})
	got := rule.report with input as _input(env, [])
	count(got) == 0
}

_four(aws_id_hash, aws_secret_hash) := [
	_var("AWS_ACCESS_KEY_ID", "apps/web/.env", 1, {"hash": aws_id_hash, "display": "AKIA…BBBB"}),
	_var("AWS_SECRET_ACCESS_KEY", "apps/web/.env", 2, {"hash": aws_secret_hash}),
	_var("REMOTION_AWS_ACCESS_KEY_ID", "apps/web/.env", 3, {"hash": "id1", "display": "AKIA…AAAA"}),
	_var("REMOTION_AWS_SECRET_ACCESS_KEY", "apps/web/.env", 4, {"hash": "s1"}),
]

_four_res := _remotion_pair_res([_lower("AWS_ACCESS_KEY_ID"), _lower("AWS_SECRET_ACCESS_KEY")])

test_fires_pairs_differ if {
	env := _env(_four("id2", "s2"), _four_res, ["node"])
	got := rule.report with input as _input(env, [])
	got == {_finding(
		_loc("apps/web/.env", 1),
		"the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair holds a different key (AKIA…BBBB) than the REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair (AKIA…AAAA): Remotion and the AWS CLI will use different accounts",
		_loc("apps/web/.env", 3),
	)}
}

# The same key id and secret under both prefixes are one source.
test_quiet_pairs_equal if {
	env := _env(_four("id1", "s1"), _four_res, ["node"])
	got := rule.report with input as _input(env, [])
	count(got) == 0
}

# The same id with another secret is still reported (see below), and the
# same id alone does not make the halves duplicates.
test_fires_losers_when_only_the_id_matches if {
	env := _env(_four("id1", "s2"), _four_res, ["node"])
	got := rule.report with input as _input(env, [])
	count(got) == 1
}

test_quiet_same_profile_under_both_prefixes if {
	vars := [
		_var("AWS_PROFILE", "apps/web/.env", 1, {"secret": false, "value": "render", "hash": "p"}),
		_var("REMOTION_AWS_PROFILE", "apps/web/.env", 2, {"secret": false, "value": "render", "hash": "p"}),
	]
	res := object.union(_remotion_pair_res([_lower("AWS_PROFILE")]), {"source": "REMOTION_AWS_PROFILE", "using": "the profile \"render\" (REMOTION_AWS_PROFILE)"})
	env := _env(vars, res, ["node"])
	count(rule.report) == 0 with input as _input(env, [])

	other := [vars[0], object.union(vars[1], {"value": "media", "hash": "q"})]
	count(rule.report) == 1 with input as _input(_env(other, res, ["node"]), [])
}

test_quiet_go_only_same_pairs if {
	go := _go_pair_res([_not_read("REMOTION_AWS_ACCESS_KEY_ID"), _not_read("REMOTION_AWS_SECRET_ACCESS_KEY")])
	env := _with(_env(_four("id1", "s1"), _four_res, []), {"go": go}, ["go"])
	got := rule.report with input as _input(env, [])
	count(got) == 0
}

test_fires_same_id_different_secret if {
	env := _env(_four("id1", "s2"), _four_res, ["node"])
	got := rule.report with input as _input(env, [])
	got == {_finding(
		_loc("apps/web/.env", 2),
		"AWS_SECRET_ACCESS_KEY differs from REMOTION_AWS_SECRET_ACCESS_KEY for the same key id (AKIA…BBBB): Remotion and the AWS CLI will not both authenticate, one of the two secrets is wrong",
		_loc("apps/web/.env", 4),
	)}
}

test_quiet_pairs_differ_under_skip_flag if {
	vars := array.concat(_four("id2", "s2"), [_var("REMOTION_SKIP_AWS_CREDENTIALS_CHECK", "apps/web/.env", 5, {"secret": false, "value": "1"})])
	env := _env(vars, _remotion_pair_res([]), ["node"])
	got := rule.report with input as _input(env, [])
	count(got) == 0
}

_profile_and_pair := [
	_var("AWS_ACCESS_KEY_ID", "apps/web/.env", 1, {}),
	_var("AWS_PROFILE", "apps/web/.env", 2, {"secret": false, "value": "render"}),
	_var("AWS_SECRET_ACCESS_KEY", "apps/web/.env", 3, {}),
]

_aws_profile_res := {
	"consumer": "node", "check": {"passes": true, "error": ""},
	"source": "AWS_PROFILE", "outcome": "ok", "using": "the profile \"render\" (AWS_PROFILE)",
	"ignored": [],
}

test_fires_profile_and_pair_node_and_go if {
	env := _env(_profile_and_pair, _aws_profile_res, ["go", "node"])
	got := rule.report with input as _input(env, [])
	got == {_finding(
		_loc("apps/web/.env", 2),
		"AWS_PROFILE and the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair are both set: Node picks the profile, the Go SDK picks the keys",
		_loc("apps/web/.env", 1),
	)}
}

test_quiet_profile_and_pair_node_only if {
	env := _env(_profile_and_pair, _aws_profile_res, ["cli", "node"])
	got := rule.report with input as _input(env, [])
	count(got) == 0
}

test_quiet_profile_and_pair_when_remotion_pair_wins if {
	vars := array.concat(_profile_and_pair, [
		_var("REMOTION_AWS_ACCESS_KEY_ID", "apps/web/.env", 4, {}),
		_var("REMOTION_AWS_SECRET_ACCESS_KEY", "apps/web/.env", 5, {}),
	])
	env := _env(vars, _remotion_pair_res([]), ["go", "node"])
	got := rule.report with input as _input(env, [])
	every f in got {
		not contains(f.message, "Node picks the profile")
	}
}

_override_env(name, same) := _env(
	[_var(name, "apps/web/.env.local", 2, {"overrides": [{"location": _loc("apps/web/.env", 4), "sameValue": same}]})],
	_remotion_pair_res([]),
	["node"],
)

test_fires_override_different_value if {
	got := rule.report with input as _input(_override_env("REMOTION_AWS_SECRET_ACCESS_KEY", false), [_var("REMOTION_AWS_SECRET_ACCESS_KEY", "apps/web/.env", 4, {})])
	got == {_finding(
		_loc("apps/web/.env", 4),
		"REMOTION_AWS_SECRET_ACCESS_KEY is set again with a different value at apps/web/.env.local:2, which wins: this definition is ignored",
		_loc("apps/web/.env.local", 2),
	)}
}

test_fires_override_numbered_family if {
	env := _env(
		[_var("AWS_KEY_1", "apps/web/.env", 9, {"family": {"prefix": "AWS_KEY", "index": 1, "credential": true}, "overrides": [{"location": _loc("apps/web/.env", 4), "sameValue": false}]})],
		_remotion_pair_res([]),
		["node"],
	)
	got := rule.report with input as _input(env, [])
	{f.location | some f in got} == {_loc("apps/web/.env", 4)}
}

test_quiet_override_same_value if {
	got := rule.report with input as _input(_override_env("REMOTION_AWS_SECRET_ACCESS_KEY", true), [_var("REMOTION_AWS_SECRET_ACCESS_KEY", "apps/web/.env", 4, {})])
	count(got) == 0
}

test_quiet_override_of_empty_value if {
	empty := _var("REMOTION_AWS_SECRET_ACCESS_KEY", "apps/web/.env", 4, {"set": false, "shape": "empty"})
	got := rule.report with input as _input(_override_env("REMOTION_AWS_SECRET_ACCESS_KEY", false), [empty])
	count(got) == 0
}

test_quiet_override_not_credential if {
	got := rule.report with input as _input(_override_env("NEXT_PUBLIC_SITE_URL", false), [_var("NEXT_PUBLIC_SITE_URL", "apps/web/.env", 4, {})])
	count(got) == 0
}

# Go, Python and PHP clients beside Node code, or alone.

_go_res(source, using, ignored) := {
	"consumer": "go", "check": {"passes": true, "error": ""}, "source": source,
	"outcome": "ok", "using": using, "ignored": ignored, "sessionToken": false,
}

_go_pair_res(ignored) := _go_res("AWS_ACCESS_KEY_ID", "the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair", ignored)

_with(env, resolution, consumers) := object.union(env, {"resolution": resolution, "consumers": consumers})

_not_read(name) := {"name": name, "reason": "never read", "code": "not-read"}

test_fires_profile_and_pair_node_and_go_replaces_pair_losers if {
	node := object.union(_aws_profile_res, {"ignored": [_lower("AWS_ACCESS_KEY_ID"), _lower("AWS_SECRET_ACCESS_KEY")]})
	env := _with(_env(_profile_and_pair, node, []), {"node": node, "go": _go_pair_res([_lower("AWS_PROFILE")])}, ["go", "node"])
	got := rule.report with input as _input(env, [])
	got == {_finding(
		_loc("apps/web/.env", 2),
		"AWS_PROFILE and the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair are both set: Node picks the profile, the Go SDK picks the keys",
		_loc("apps/web/.env", 1),
	)}
}

_rprof_and_pair := [
	_var("AWS_ACCESS_KEY_ID", "apps/web/.env", 1, {}),
	_var("AWS_SECRET_ACCESS_KEY", "apps/web/.env", 2, {}),
	_var("REMOTION_AWS_PROFILE", "apps/web/.env", 3, {"secret": false, "value": "render"}),
]

_rprof_res := {
	"consumer": "node", "check": {"passes": true, "error": ""}, "source": "REMOTION_AWS_PROFILE",
	"outcome": "ok", "using": "the profile \"render\" (REMOTION_AWS_PROFILE)",
	"ignored": [_lower("AWS_ACCESS_KEY_ID"), _lower("AWS_SECRET_ACCESS_KEY")],
}

test_fires_node_loser_used_by_go_names_both if {
	env := _with(_env(_rprof_and_pair, _rprof_res, []), {"node": _rprof_res, "go": _go_pair_res([_not_read("REMOTION_AWS_PROFILE")])}, ["go", "node"])
	got := rule.report with input as _input(env, [])
	got == {
		_finding(_loc("apps/web/.env", 1), "AWS_ACCESS_KEY_ID is ignored by Remotion's Node code, which uses the profile \"render\" (REMOTION_AWS_PROFILE), but the Go client uses the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair: the clients of this environment authenticate from different sources", _loc("apps/web/.env", 3)),
		_finding(_loc("apps/web/.env", 2), "AWS_SECRET_ACCESS_KEY is ignored by Remotion's Node code, which uses the profile \"render\" (REMOTION_AWS_PROFILE), but the Go client uses the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair: the clients of this environment authenticate from different sources", _loc("apps/web/.env", 3)),
	}
}

test_fires_node_loser_used_by_python if {
	env := _with(_env(_rprof_and_pair, _rprof_res, []), {"node": _rprof_res}, ["cli", "python"])
	got := rule.report with input as _input(env, [])
	{f.location.line | some f in got} == {1, 2}
	every f in got {
		contains(f.message, "but the Python client uses the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair")
	}
}

test_fires_pairs_differ_names_go_client if {
	env := _with(_env(_four("id2", "s2"), _four_res, []), {"node": _four_res, "go": _go_pair_res([])}, ["go", "node"])
	got := rule.report with input as _input(env, [])
	got == {_finding(
		_loc("apps/web/.env", 1),
		"the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair holds a different key (AKIA…BBBB) than the REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair (AKIA…AAAA): Remotion's Node code and the Go client (like the AWS CLI) will use different accounts",
		_loc("apps/web/.env", 3),
	)}
}

test_fires_go_only_remotion_names_lose_to_aws_pair if {
	go := _go_pair_res([_not_read("REMOTION_AWS_ACCESS_KEY_ID"), _not_read("REMOTION_AWS_SECRET_ACCESS_KEY")])
	env := _with(_env(_four("id2", "s2"), _four_res, []), {"go": go}, ["go"])
	got := rule.report with input as _input(env, [])
	got == {
		_finding(_loc("apps/web/.env", 3), "REMOTION_AWS_ACCESS_KEY_ID is ignored: the Go client uses the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair (it never reads REMOTION_* names)", _loc("apps/web/.env", 1)),
		_finding(_loc("apps/web/.env", 4), "REMOTION_AWS_SECRET_ACCESS_KEY is ignored: the Go client uses the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair (it never reads REMOTION_* names)", _loc("apps/web/.env", 1)),
	}
}

test_fires_go_only_profile_loses_to_pair if {
	env := _with(_env(_profile_and_pair, _aws_profile_res, []), {"go": _go_pair_res([_lower("AWS_PROFILE")])}, ["go"])
	got := rule.report with input as _input(env, [])
	got == {_finding(_loc("apps/web/.env", 2), "AWS_PROFILE is ignored: the Go client uses the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair, which the AWS SDK for Go takes first (the profile must still exist, or configuration loading fails)", _loc("apps/web/.env", 1))}
}

test_quiet_go_only_without_winner_or_missing_profile if {
	go := _go_res("default-chain", "the AWS SDK for Go default credential chain", [_not_read("REMOTION_AWS_PROFILE")])
	env := _with(_env(_rprof_and_pair, _rprof_res, []), {"go": go}, ["go"])
	count(rule.report) == 0 with input as _input(env, [])

	missing := object.union(_go_res("AWS_PROFILE", "the profile \"render\" (AWS_PROFILE)", [_lower("AWS_ACCESS_KEY_ID")]), {"outcome": "profile-not-found"})
	env2 := _with(_env(_profile_and_pair, _aws_profile_res, []), {"go": missing}, ["go"])
	count(rule.report) == 0 with input as _input(env2, [])
}

test_fires_python_only_remotion_profile_loses_to_aws_pair if {
	env := _with(_env(_rprof_and_pair, _rprof_res, []), {"node": _rprof_res}, ["python"])
	got := rule.report with input as _input(env, [])
	got == {_finding(_loc("apps/web/.env", 3), "REMOTION_AWS_PROFILE is ignored: the Python client never reads REMOTION_* names and uses the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair", _loc("apps/web/.env", 1))}
}

# Without an AWS pair, sdk-ignores-remotion-prefix reports REMOTION-only setups.
test_quiet_php_only_remotion_names_without_aws_pair if {
	vars := [_var("REMOTION_AWS_ACCESS_KEY_ID", "apps/web/.env", 1, {}), _var("REMOTION_AWS_SECRET_ACCESS_KEY", "apps/web/.env", 2, {})]
	env := _with(_env(vars, _remotion_pair_res([]), []), {"node": _remotion_pair_res([])}, ["php"])
	got := rule.report with input as _input(env, [])
	count(got) == 0
}

test_quiet_sdk_remotion_token_left_to_session_token_mismatch if {
	vars := array.concat(_four("id2", "s2"), [_var("REMOTION_AWS_SESSION_TOKEN", "apps/web/.env", 5, {})])
	go := _go_pair_res([_not_read("REMOTION_AWS_SESSION_TOKEN")])
	env := _with(_env(array.slice(vars, 0, 2), _four_res, []), {"go": go}, ["go"])
	env2 := object.union(env, {"variables": array.concat(array.slice(vars, 0, 2), [vars[4]])})
	count(rule.report) == 0 with input as _input(env2, [])
	count(rule.report) == 0 with input as _input(object.union(env2, {"consumers": ["php"]}), [])
}

# The pairs are compared, and the profile beside the pair found, within one
# environment: the halves of one combination spread over two environments
# of a tree are quiet, one of them defined empty is too, and only the
# environment that holds a whole combination is reported.
test_pairs_and_profile_per_environment if {
	[aws_id, aws_secret, rem_id, rem_secret] := _four("id2", "s2")
	[p_id, p_profile, p_secret] := _profile_and_pair
	envs := [
		object.union(_env([aws_id, aws_secret], _remotion_pair_res([]), ["go", "node"]), {"id": "a"}),
		object.union(_env([rem_id, rem_secret, p_profile], _remotion_pair_res([]), ["go", "node"]), {"id": "b"}),
		object.union(_env([aws_id, object.union(aws_secret, {"set": false, "hash": ""}), rem_id, rem_secret], _remotion_pair_res([]), ["node"]), {"id": "c"}),
		object.union(_env([p_id, object.union(p_profile, {"set": false}), p_secret], _aws_profile_res, ["go", "node"]), {"id": "d"}),
		object.union(_env(_four("id2", "s2"), _remotion_pair_res([]), ["node"]), {"id": "e"}),
		object.union(_env(_profile_and_pair, _aws_profile_res, ["go", "node"]), {"id": "f"}),
	]
	got := rule.report with input as {"environments": envs}
	got == {
		_finding(
			_loc("apps/web/.env", 1),
			"the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair holds a different key (AKIA…BBBB) than the REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair (AKIA…AAAA): Remotion and the AWS CLI will use different accounts",
			_loc("apps/web/.env", 3),
		),
		_finding(
			_loc("apps/web/.env", 2),
			"AWS_PROFILE and the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair are both set: Node picks the profile, the Go SDK picks the keys",
			_loc("apps/web/.env", 1),
		),
	}
}
