# Tests of the numbered-family model in lib (the account_* block) that
# account-sequence-gap and account-pair-incomplete share.
package remolint.rules.accounts.account_families_test

import data.remolint.lib

_loc(path, line) := {"path": path, "line": line, "column": 1}

_fam(prefix, role, stem) := {"prefix": prefix, "index": 1, "padded": false, "credential": true, "role": role, "stem": stem}

_entry(path, line, prefix, role, stem) := {
	"name": concat("", [prefix, "_1"]), "set": true,
	"location": _loc(path, line),
	"family": _fam(prefix, role, stem),
}

_file(path, project, template, entries) := {"path": path, "dir": project, "project": project, "template": template, "entries": entries}

_read(path, project, prefix, family) := object.union(
	{"prefix": concat("", [prefix, "_"]), "dynamic": true, "language": "js", "project": project, "location": _loc(path, 3)},
	family,
)

test_partners_share_a_stem if {
	inp := {"envFiles": [_file(".env", ".", false, [
		_entry(".env", 1, "AWS_KEY", "key", "AWS"),
		_entry(".env", 2, "AWS_SECRET", "secret", "AWS"),
		_entry(".env", 3, "RENDER_AWS_ACCESS_KEY_ID", "key", "RENDER_AWS"),
		_entry(".env", 4, "RENDER_AWS_SECRET_ACCESS_KEY", "secret", "RENDER_AWS"),
		_entry(".env", 5, "API_KEY", "key", "API"), # no secret: no partner
	])]}
	got := lib.account_partners with input as inp
	got == {
		[".", "AWS_KEY"]: {"AWS_SECRET"},
		[".", "AWS_SECRET"]: {"AWS_KEY"},
		[".", "RENDER_AWS_ACCESS_KEY_ID"]: {"RENDER_AWS_SECRET_ACCESS_KEY"},
		[".", "RENDER_AWS_SECRET_ACCESS_KEY"]: {"RENDER_AWS_ACCESS_KEY_ID"},
	}
}

test_partners_stay_in_their_project if {
	inp := {"envFiles": [
		_file("a/.env", "a", false, [_entry("a/.env", 1, "AWS_KEY", "key", "AWS")]),
		_file("b/.env", "b", false, [_entry("b/.env", 1, "AWS_SECRET", "secret", "AWS")]),
	]}
	got := lib.account_partners with input as inp
	got == {}
}

test_partners_read_with_one_index_in_one_file if {
	inp := {
		"envFiles": [_file(".env", ".", false, [
			_entry(".env", 1, "LAMBDA_KEY", "key", "LAMBDA"),
			_entry(".env", 2, "LAMBDA_USER_SECRET", "secret", "LAMBDA_USER"),
		])],
		"code": {"reads": [
			_read("src/pool.ts", ".", "LAMBDA_KEY", {"family": _fam("LAMBDA_KEY", "key", "LAMBDA")}),
			_read("src/pool.ts", ".", "LAMBDA_USER_SECRET", {}), # the role comes from .env
		]},
	}
	got := lib.account_partners with input as inp
	got == {[".", "LAMBDA_KEY"]: {"LAMBDA_USER_SECRET"}, [".", "LAMBDA_USER_SECRET"]: {"LAMBDA_KEY"}}
}

test_no_partners_read_in_two_files if {
	inp := {
		"envFiles": [_file(".env", ".", false, [
			_entry(".env", 1, "LAMBDA_KEY", "key", "LAMBDA"),
			_entry(".env", 2, "LAMBDA_USER_SECRET", "secret", "LAMBDA_USER"),
		])],
		"code": {"reads": [
			_read("src/a.ts", ".", "LAMBDA_KEY", {}),
			_read("src/b.ts", ".", "LAMBDA_USER_SECRET", {}),
		]},
	}
	got := lib.account_partners with input as inp
	got == {}
}

test_own_scope_is_templates_and_unlayered_files if {
	inp := {
		"envFiles": [
			_file(".env", ".", false, []),
			_file(".env.example", ".", true, []),
			_file("old/.env.backup", "old", false, []),
		],
		"environments": [{"id": ".", "dir": ".", "project": ".", "files": [".env"], "variables": []}],
	}
	got := lib.account_own_scope with input as inp
	got == {".env.example", "old/.env.backup"}
}

test_loop_prefixes_are_dynamic_reads if {
	inp := {"code": {"reads": [
		_read("src/a.ts", ".", "RENDER_BUCKET", {}),
		{"name": "AWS_KEY_1", "dynamic": false, "language": "js", "project": ".", "location": _loc("src/a.ts", 4)},
	]}}
	got := lib.account_loop_prefixes with input as inp
	got == {"RENDER_BUCKET"}
}

_project(dir, consumers) := {"dir": dir, "consumers": consumers}

test_readers_follow_the_rotation_code_then_the_clients if {
	inp := {
		"projects": [
			_project("web", ["go"]), # JS code loops, whatever the clients
			_project("worker", ["node", "go"]), # only Go code loops
			_project("api", ["node"]),
			_project("plain", []), # no known client: Node is the default reader
			_project("svc", ["go"]),
			_project("py", ["python"]),
		],
		"code": {"reads": [
			_read("web/pick.ts", "web", "AWS_KEY", {}),
			object.union(_read("worker/main.go", "worker", "AWS_KEY", {}), {"language": "go"}),
			object.union(_read("ghost/main.go", "ghost", "AWS_KEY", {}), {"language": "go"}), # no such project
		]},
	}
	got := {d: lib.account_reader(d) | some d in ["web", "worker", "api", "plain", "svc", "py", "missing", "ghost"]} with input as inp
	got == {"web": "node", "worker": "go", "api": "node", "plain": "node", "svc": "go", "py": "other", "missing": "node", "ghost": "node"}
}

test_env_prefix_names_environments_only_when_some_disagree if {
	lib.account_env_prefix({"a", "b"}, {"a", "b"}) == ""
	lib.account_env_prefix({"b"}, {"a", "b"}) == "in environment b: "
	lib.account_env_prefix({"c", "a"}, {"a", "b", "c"}) == "in environments a and c: "
	lib.account_env_prefix({"c", "a", "b"}, {"a", "b", "c", "d"}) == "in environments a, b and c: "
}

_num(path, line, prefix, num, set, role, stem) := {
	"name": concat("_", [prefix, num]), "set": set,
	"location": _loc(path, line),
	"family": {
		"prefix": prefix, "index": to_number(num), "padded": count(num) > 1,
		"credential": true, "role": role, "stem": stem,
	},
}

test_numbers_group_definitions_by_scope_prefix_padding_and_value if {
	vars := [
		_num(".env", 1, "AWS_KEY", "1", true, "key", "AWS"),
		_num(".env", 2, "AWS_KEY", "2", false, "key", "AWS"),
		_num(".env", 3, "AWS_KEY", "03", true, "key", "AWS"),
	]
	inp := {
		"envFiles": [
			_file(".env", ".", false, vars),
			_file(".env.example", ".", true, [_num(".env.example", 1, "AWS_SECRET", "1", false, "secret", "AWS")]),
		],
		"environments": [{"id": ".", "dir": ".", "project": ".", "files": [".env"], "variables": vars}],
	}
	got := lib.account_numbers with input as inp

	# Environment 0; the template is env file 1, scope -2.
	got == {
		[0, "AWS_KEY", false, true]: {1},
		[0, "AWS_KEY", false, false]: {2},
		[0, "AWS_KEY", true, true]: {3},
		[-2, "AWS_SECRET", false, true]: {1},
	}
}

test_twins_hold_the_same_numbers_as_their_partner if {
	vars := [
		_num(".env", 1, "AWS_KEY", "1", true, "key", "AWS"),
		_num(".env", 2, "AWS_SECRET", "1", true, "secret", "AWS"),
		_num(".env", 3, "AWS_KEY", "2", true, "key", "AWS"),
		_num(".env", 4, "API_TOKEN", "1", true, "token", "API"), # no partner
	]
	gap := array.concat(vars, [_num(".env", 5, "AWS_SECRET", "3", true, "secret", "AWS")])
	even := [vars[0], vars[1]]
	inp := {
		"envFiles": [_file(".env", ".", false, gap)],
		"environments": [
			{"id": ".", "dir": ".", "project": ".", "files": [".env"], "variables": vars},
			{"id": "gap", "dir": ".", "project": ".", "files": [".env"], "variables": gap},
			{"id": "even", "dir": ".", "project": ".", "files": [".env"], "variables": even},
		],
	}
	got := lib.account_twins with input as inp
	got == {[0, "API_TOKEN"], [1, "API_TOKEN"], [2, "AWS_KEY"], [2, "AWS_SECRET"]}
}

# account_stop is the least number from 1 on that the set does not hold,
# wherever the gap falls in the blocks of 32 it searches.
test_stop_is_the_first_number_missing if {
	cases := array.concat(
		[set(), {0}, {1}, {0, 1}, {2}, {0, 2, 3}, {1, 2, 3}, {1, 3}, {0, 1, 2, 4, 5}],
		[ns |
			some gap in [1, 2, 31, 32, 33, 34, 63, 64, 65, 66, 96, 97, 99, 100, 101]
			some zero in [0, 1]
			ns := {n | some n in numbers.range(zero, 100); n != gap} | {150, 160}
		],
	)
	every ns in cases {
		lib.account_stop(ns) == min({n | some n in numbers.range(1, count(ns) + 1)} - ns)
	}
}
