package remolint.rules.accounts.account_pair_incomplete_test

import data.remolint.rules.accounts.account_pair_incomplete as rule

_loc(path, line) := {"path": path, "line": line, "column": 1}

_role(prefix) := "key" if endswith(prefix, "KEY")

_role(prefix) := "secret" if endswith(prefix, "SECRET")

_stem(prefix) := concat("_", array.slice(parts, 0, count(parts) - 1)) if parts := split(prefix, "_")

# _v builds a numbered variable: _v(".env", 3, "AWS_KEY", "4") is AWS_KEY_4 on line 3.
_v(path, line, prefix, num) := {
	"name": sprintf("%s_%s", [prefix, num]),
	"set": true, "secret": true, "shape": "other",
	"location": _loc(path, line),
	"family": {
		"prefix": prefix, "index": to_number(num), "padded": startswith(num, "0"),
		"credential": true, "role": _role(prefix), "stem": _stem(prefix),
	},
}

_empty(v) := object.union(v, {"set": false, "shape": "empty"})

_file(path, template, entries) := {"path": path, "dir": ".", "project": ".", "template": template, "entries": entries}

# _env is one environment made of one layered .env file.
_env(vars) := {
	"envFiles": [_file(".env", false, vars)],
	"environments": [{"id": ".", "dir": ".", "project": ".", "files": [".env"], "variables": vars}],
}

_finding(loc, msg) := {"rule": "account-pair-incomplete", "severity": "error", "location": loc, "message": msg}

test_fires_key_without_secret if {
	got := rule.report with input as _env([
		_v(".env", 1, "AWS_KEY", "1"),
		_v(".env", 2, "AWS_SECRET", "1"),
		_v(".env", 3, "AWS_KEY", "2"),
	])
	got == {_finding(_loc(".env", 3), "AWS_KEY_2 has no matching AWS_SECRET_2: the account count stops at 1, so account 2 and every later account are never used")}
}

test_fires_secret_without_key_at_one if {
	got := rule.report with input as _env([
		_v(".env", 1, "AWS_SECRET", "1"),
		_v(".env", 2, "AWS_KEY", "2"),
		_v(".env", 3, "AWS_SECRET", "2"),
	])
	got == {_finding(_loc(".env", 1), "AWS_SECRET_1 has no matching AWS_KEY_1: the account count is 0, so the chosen number is 0, the copied values are undefined and Node stores the string \"undefined\"")}
}

test_quiet_complete_pairs if {
	got := rule.report with input as _env([
		_v(".env", 1, "AWS_KEY", "1"),
		_v(".env", 2, "AWS_SECRET", "1"),
		_v(".env", 3, "AWS_KEY", "2"),
		_v(".env", 4, "AWS_SECRET", "2"),
	])
	count(got) == 0
}

test_fires_empty_half_in_env_file if {
	got := rule.report with input as _env([
		_v(".env", 1, "AWS_KEY", "1"),
		_v(".env", 2, "AWS_SECRET", "1"),
		_v(".env", 3, "AWS_KEY", "2"),
		_empty(_v(".env", 4, "AWS_SECRET", "2")),
	])
	got == {_finding(_loc(".env", 4), "AWS_SECRET_2 is empty and an empty value counts as unset: the account count stops at 1, so account 2 and every later account are never used")}
}

test_quiet_empty_halves_in_template if {
	got := rule.report with input as {"envFiles": [_file(".env.example", true, [
		_empty(_v(".env.example", 1, "AWS_KEY", "1")),
		_empty(_v(".env.example", 2, "AWS_SECRET", "1")),
	])]}
	count(got) == 0
}

test_fires_template_key_without_secret if {
	got := rule.report with input as {"envFiles": [_file(".env.example", true, [
		_empty(_v(".env.example", 1, "AWS_KEY", "1")),
		_empty(_v(".env.example", 2, "AWS_SECRET", "1")),
		_empty(_v(".env.example", 3, "AWS_KEY", "2")),
	])]}
	got == {_finding(_loc(".env.example", 3), "AWS_KEY_2 has no matching AWS_SECRET_2: the account count stops at 1, so account 2 and every later account are never used")}
}

test_fires_pair_known_from_template if {
	# The environment has keys only; the template shows AWS_KEY_n pairs with AWS_SECRET_n.
	inp := {
		"envFiles": [
			_file(".env", false, [_v(".env", 1, "AWS_KEY", "1")]),
			_file(".env.example", true, [_empty(_v(".env.example", 1, "AWS_KEY", "1")), _empty(_v(".env.example", 2, "AWS_SECRET", "1"))]),
		],
		"environments": [{"id": ".", "dir": ".", "project": ".", "files": [".env"], "variables": [_v(".env", 1, "AWS_KEY", "1")]}],
	}
	got := rule.report with input as inp
	{f.location | some f in got} == {_loc(".env", 1)}
}

test_quiet_lone_key_family if {
	got := rule.report with input as _env([_v(".env", 1, "API_KEY", "1"), _v(".env", 2, "API_KEY", "2")])
	count(got) == 0
}

test_quiet_halves_in_different_layers if {
	key := _v(".env", 1, "AWS_KEY", "1")
	secret := _v(".env.local", 1, "AWS_SECRET", "1")
	inp := {
		"envFiles": [_file(".env", false, [key]), _file(".env.local", false, [secret])],
		"environments": [{"id": ".", "dir": ".", "project": ".", "files": [".env", ".env.local"], "variables": [key, secret]}],
	}
	got := rule.report with input as inp
	count(got) == 0
}

test_fires_zero_padded_half if {
	got := rule.report with input as _env([_v(".env", 1, "AWS_KEY", "01"), _v(".env", 2, "AWS_SECRET", "1")])
	got == {
		_finding(_loc(".env", 1), "AWS_KEY_01 has no matching AWS_SECRET_01: the account cannot be used, and the count-until-missing loop never reads this number anyway"),
		_finding(_loc(".env", 2), "AWS_SECRET_1 has no matching AWS_KEY_1: the account count is 0, so the chosen number is 0, the copied values are undefined and Node stores the string \"undefined\""),
	}
}

_read(path, prefix, family) := object.union(
	{"prefix": concat("", [prefix, "_"]), "dynamic": true, "language": "js", "project": ".", "location": _loc(path, 7)},
	family,
)

# RENDER_KEY and ACCOUNT_SECRET have different stems: only the code pairs them.
_code_vars := [
	_v(".env", 1, "RENDER_KEY", "1"),
	_v(".env", 2, "ACCOUNT_SECRET", "1"),
	_v(".env", 3, "RENDER_KEY", "2"),
]

test_fires_families_read_with_one_index if {
	reads := [
		_read("src/pick.ts", "RENDER_KEY", {"family": {"prefix": "RENDER_KEY", "role": "key", "stem": "RENDER", "credential": true}}),
		_read("src/pick.ts", "ACCOUNT_SECRET", {}), # no family: the role comes from the env entries
	]
	got := rule.report with input as object.union(_env(_code_vars), {"code": {"reads": reads}})
	got == {_finding(_loc(".env", 3), "RENDER_KEY_2 has no matching ACCOUNT_SECRET_2: the account count stops at 1, so account 2 and every later account are never used")}
}

test_quiet_families_read_in_different_files if {
	reads := [
		_read("src/a.ts", "RENDER_KEY", {"family": {"prefix": "RENDER_KEY", "role": "key", "stem": "RENDER", "credential": true}}),
		_read("src/b.ts", "ACCOUNT_SECRET", {"family": {"prefix": "ACCOUNT_SECRET", "role": "secret", "stem": "ACCOUNT", "credential": true}}),
	]
	got := rule.report with input as object.union(_env(_code_vars), {"code": {"reads": reads}})
	count(got) == 0
}

test_fires_once_for_a_file_shared_by_two_environments if {
	vars := [_v(".env", 1, "AWS_KEY", "1")]
	inp := {
		"envFiles": [_file(".env", false, array.concat(vars, [_empty(_v(".env", 2, "AWS_SECRET", "1"))]))],
		"environments": [
			{"id": ".", "dir": ".", "project": ".", "files": [".env"], "variables": array.concat(vars, [_empty(_v(".env", 2, "AWS_SECRET", "1"))])},
			{"id": ". (production)", "dir": ".", "project": ".", "files": [".env"], "variables": array.concat(vars, [_empty(_v(".env", 2, "AWS_SECRET", "1"))])},
		],
	}
	got := rule.report with input as inp
	{f.location | some f in got} == {_loc(".env", 2)}
	count(got) == 1
}

test_fires_go_rotation_copies_empty_values if {
	reads := [
		_read("main.go", "AWS_KEY", {"language": "go", "family": {"prefix": "AWS_KEY", "role": "key", "stem": "AWS", "credential": true}}),
		_read("main.go", "AWS_SECRET", {"language": "go", "family": {"prefix": "AWS_SECRET", "role": "secret", "stem": "AWS", "credential": true}}),
	]
	inp := object.union(_env([_v(".env", 1, "AWS_SECRET", "1")]), {"projects": [{"dir": ".", "consumers": ["go"]}], "code": {"reads": reads}})
	got := rule.report with input as inp
	got == {_finding(_loc(".env", 1), "AWS_SECRET_1 has no matching AWS_KEY_1: the account count is 0, so the chosen number is 0, and the copied values are empty (os.Getenv returns \"\")")}
}

test_fires_python_client_has_no_account_zero if {
	inp := object.union(_env([_v(".env", 1, "AWS_KEY", "1")]), {
		"projects": [{"dir": ".", "consumers": ["python"]}],
		"code": {"reads": []},
	})
	got := rule.report with input as object.union(inp, {"envFiles": [
		_file(".env", false, [_v(".env", 1, "AWS_KEY", "1")]),
		_file(".env.example", true, [_empty(_v(".env.example", 1, "AWS_KEY", "1")), _empty(_v(".env.example", 2, "AWS_SECRET", "1"))]),
	]})
	got == {_finding(_loc(".env", 1), "AWS_KEY_1 has no matching AWS_SECRET_1: the account count is 0, so the chosen number is 0, and there is no account 0 to copy")}
}

test_fires_names_the_environment_when_another_layer_completes_the_pair if {
	# .env.production adds AWS_SECRET_2: only the default environment misses it.
	base := [_v(".env", 1, "AWS_KEY", "1"), _v(".env", 2, "AWS_SECRET", "1"), _v(".env", 3, "AWS_KEY", "2")]
	prod := [_v(".env.production", 1, "AWS_SECRET", "2")]
	inp := {
		"envFiles": [_file(".env", false, base), _file(".env.production", false, prod)],
		"environments": [
			{"id": ".", "dir": ".", "project": ".", "files": [".env"], "variables": base},
			{"id": ". (production)", "dir": ".", "project": ".", "files": [".env", ".env.production"], "variables": array.concat(base, prod)},
		],
	}
	got := rule.report with input as inp
	got == {_finding(_loc(".env", 3), "in environment .: AWS_KEY_2 has no matching AWS_SECRET_2: the account count stops at 1, so account 2 and every later account are never used")}
}

test_quiet_account_left_blank if {
	# Both halves empty (a template copied, account 2 not filled in): no account 2, nothing half-filled.
	got := rule.report with input as _env([
		_v(".env", 1, "AWS_KEY", "1"),
		_v(".env", 2, "AWS_SECRET", "1"),
		_empty(_v(".env", 3, "AWS_KEY", "2")),
		_empty(_v(".env", 4, "AWS_SECRET", "2")),
		_empty(_v(".env", 5, "AWS_KEY", "3")),
	])
	count(got) == 0
}

test_fires_empty_half_set_in_another_layer if {
	# .env.local blanks AWS_SECRET_1 while .env sets AWS_KEY_1.
	key := _v(".env", 1, "AWS_KEY", "1")
	secret := _empty(_v(".env.local", 1, "AWS_SECRET", "1"))
	inp := {
		"envFiles": [_file(".env", false, [key]), _file(".env.local", false, [secret])],
		"environments": [{"id": ".", "dir": ".", "project": ".", "files": [".env", ".env.local"], "variables": [key, secret]}],
	}
	got := rule.report with input as inp
	got == {_finding(_loc(".env.local", 1), "AWS_SECRET_1 is empty and an empty value counts as unset: the account count is 0, so the chosen number is 0, the copied values are undefined and Node stores the string \"undefined\"")}
}

test_fires_after_an_earlier_gap_says_where_the_count_stops if {
	# Account 2 is missing: the count stops at 1 before AWS_KEY_3 matters.
	got := rule.report with input as _env([
		_v(".env", 1, "AWS_KEY", "1"),
		_v(".env", 2, "AWS_SECRET", "1"),
		_v(".env", 3, "AWS_KEY", "3"),
		_v(".env", 4, "AWS_KEY", "4"),
		_v(".env", 5, "AWS_SECRET", "4"),
	])
	got == {_finding(_loc(".env", 3), "AWS_KEY_3 has no matching AWS_SECRET_3: account 3 cannot be used, and the account count already stops at 1 before it")}
}

test_fires_after_a_missing_first_account_says_the_count_is_zero if {
	got := rule.report with input as {"envFiles": [_file(".env.example", true, [
		_empty(_v(".env.example", 1, "AWS_KEY", "2")),
		_empty(_v(".env.example", 2, "AWS_SECRET", "2")),
		_empty(_v(".env.example", 3, "AWS_SECRET", "3")),
	])]}
	got == {_finding(_loc(".env.example", 3), "AWS_SECRET_3 has no matching AWS_KEY_3: account 3 cannot be used, and the account count is already 0 before it")}
}
