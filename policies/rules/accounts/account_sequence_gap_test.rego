package remolint.rules.accounts.account_sequence_gap_test

import data.remolint.rules.accounts.account_sequence_gap as rule

_loc(path, line) := {"path": path, "line": line, "column": 1}

_role(prefix) := "key" if contains(prefix, "KEY")

_role(prefix) := "secret" if contains(prefix, "SECRET")

_role(prefix) := "token" if contains(prefix, "TOKEN")

_role(prefix) := "" if {
	not contains(prefix, "KEY")
	not contains(prefix, "SECRET")
	not contains(prefix, "TOKEN")
}

_stem(prefix) := s if {
	parts := split(prefix, "_")
	count(parts) > 1
	s := concat("_", array.slice(parts, 0, count(parts) - 1))
} else := ""

# _v builds a numbered variable: _v(".env", 3, "AWS_KEY", "4") is AWS_KEY_4 on line 3.
_v(path, line, prefix, num) := {
	"name": sprintf("%s_%s", [prefix, num]),
	"set": true, "secret": true, "shape": "other",
	"location": _loc(path, line),
	"family": {
		"prefix": prefix, "index": to_number(num), "padded": _padded(num),
		"credential": _role(prefix) != "", "role": _role(prefix), "stem": _stem(prefix),
	},
}

_padded(num) if {
	count(num) > 1
	startswith(num, "0")
}

_padded(num) := false if not startswith(num, "0")

_padded(num) := false if num == "0"

_empty(v) := object.union(v, {"set": false, "shape": "empty"})

# _env is one environment made of one layered env file.
_env(vars) := {
	"envFiles": [{"path": ".env", "dir": ".", "project": ".", "template": false, "entries": vars}],
	"environments": [{"id": ".", "dir": ".", "project": ".", "files": [".env"], "variables": vars}],
}

_template(entries) := {"envFiles": [{"path": ".env.example", "dir": ".", "project": ".", "template": true, "entries": entries}]}

_finding(loc, msg) := {"rule": "account-sequence-gap", "severity": "error", "location": loc, "message": msg}

_pairs(path, nums) := [v |
	some i, n in nums
	some j, prefix in ["AWS_KEY", "AWS_SECRET"]
	v := _v(path, ((2 * i) + j) + 1, prefix, n)
]

test_fires_gap_in_environment if {
	vars := array.concat(_pairs(".env", ["1", "2"]), [
		_v(".env", 5, "AWS_SECRET", "3"),
		_v(".env", 6, "AWS_KEY", "4"),
		_v(".env", 7, "AWS_SECRET", "4"),
	])
	got := rule.report with input as _env(vars)
	got == {_finding(_loc(".env", 6), "AWS_KEY_4 and AWS_SECRET_4 are never used: the account count stops at 2 because AWS_KEY_3 is missing")}
}

test_quiet_complete_sequence if {
	got := rule.report with input as _env(_pairs(".env", ["1", "2", "3", "4"]))
	count(got) == 0
}

test_fires_at_first_unreachable_by_number if {
	# AWS_SECRET_5 comes first in the file, but account 4 is the first the loop misses.
	vars := [
		_v(".env", 1, "AWS_SECRET", "5"),
		_v(".env", 2, "AWS_KEY", "1"),
		_v(".env", 3, "AWS_SECRET", "1"),
		_v(".env", 4, "AWS_KEY", "4"),
		_v(".env", 5, "AWS_SECRET", "4"),
		_v(".env", 6, "AWS_KEY", "5"),
	]
	got := rule.report with input as _env(vars)
	got == {_finding(_loc(".env", 4), "AWS_KEY_4, AWS_SECRET_4, AWS_KEY_5 and AWS_SECRET_5 are never used: the account count stops at 1 because AWS_KEY_2 and AWS_SECRET_2 are missing")}
}

test_fires_empty_value_stops_the_count if {
	vars := [
		_v(".env", 1, "AWS_KEY", "1"),
		_v(".env", 2, "AWS_SECRET", "1"),
		_empty(_v(".env", 3, "AWS_KEY", "2")),
		_v(".env", 4, "AWS_SECRET", "2"),
		_v(".env", 5, "AWS_KEY", "3"),
		_v(".env", 6, "AWS_SECRET", "3"),
	]
	got := rule.report with input as _env(vars)
	got == {_finding(_loc(".env", 5), "AWS_KEY_3 and AWS_SECRET_3 are never used: the account count stops at 1 because AWS_KEY_2 is empty (.env:3)")}
}

test_fires_template_not_starting_at_one if {
	got := rule.report with input as _template([_empty(_v(".env.example", 1, "AWS_KEY", "2")), _empty(_v(".env.example", 2, "AWS_SECRET", "2"))])
	got == {_finding(_loc(".env.example", 1), "AWS_KEY_2 and AWS_SECRET_2 are never used: the account count is 0 because AWS_KEY_1 and AWS_SECRET_1 are missing, so the chosen number is 0, the copied values are undefined and Node stores the string \"undefined\"")}
}

test_quiet_template_with_empty_values if {
	entries := [_empty(v) | some v in _pairs(".env.example", ["1", "2"])]
	got := rule.report with input as _template(entries)
	count(got) == 0
}

test_fires_zero_padded_each_entry if {
	got := rule.report with input as _template(_pairs(".env.example", ["01", "02"]))
	zero := "; the account count is 0 because AWS_KEY_1 and AWS_SECRET_1 are missing, so the chosen number is 0, the copied values are undefined and Node stores the string \"undefined\""
	got == {
		_finding(_loc(".env.example", 1), concat("", ["AWS_KEY_01 is never read: the loop reads AWS_KEY_1", zero])),
		_finding(_loc(".env.example", 2), concat("", ["AWS_SECRET_01 is never read: the loop reads AWS_SECRET_1", zero])),
		_finding(_loc(".env.example", 3), concat("", ["AWS_KEY_02 is never read: the loop reads AWS_KEY_2", zero])),
		_finding(_loc(".env.example", 4), concat("", ["AWS_SECRET_02 is never read: the loop reads AWS_SECRET_2", zero])),
	}
}

test_fires_zero_padded_after_good_accounts if {
	vars := array.concat(_pairs(".env", ["1"]), [_v(".env", 3, "AWS_KEY", "02"), _v(".env", 4, "AWS_SECRET", "2")])
	got := rule.report with input as _env(vars)
	got == {_finding(_loc(".env", 3), "AWS_KEY_02 is never read: the loop reads AWS_KEY_2")}
}

test_fires_number_zero if {
	got := rule.report with input as _env([_v(".env", 1, "API_TOKEN", "0")])
	got == {_finding(_loc(".env", 1), "API_TOKEN_0 is never read: the loop starts at API_TOKEN_1; the account count is 0 because API_TOKEN_1 is missing, so the chosen number is 0, the copied values are undefined and Node stores the string \"undefined\"")}
}

test_fires_lone_family if {
	got := rule.report with input as _env([_v(".env", 1, "API_TOKEN", "1"), _v(".env", 2, "API_TOKEN", "3")])
	got == {_finding(_loc(".env", 2), "API_TOKEN_3 is never used: the account count stops at 1 because API_TOKEN_2 is missing")}
}

test_fires_many_unreachable_names_are_counted if {
	vars := [_v(".env", i, "API_TOKEN", format_int(i, 10)) | some i in numbers.range(1, 10); i != 2]
	got := rule.report with input as _env(vars)
	some f in got
	f.message == "API_TOKEN_3, API_TOKEN_4, API_TOKEN_5, API_TOKEN_6, API_TOKEN_7, API_TOKEN_8 and 2 more are never used: the account count stops at 1 because API_TOKEN_2 is missing"
	f.location == _loc(".env", 3)
}

test_quiet_non_credential_family if {
	got := rule.report with input as _env([_v(".env", 1, "BUCKET", "1"), _v(".env", 2, "BUCKET", "3")])
	count(got) == 0
}

_dyn(path, prefix) := {
	"prefix": concat("", [prefix, "_"]), "dynamic": true, "language": "js", "project": ".",
	"location": _loc(path, 4),
	"family": {"prefix": prefix, "credential": _role(prefix) != "", "role": _role(prefix), "stem": _stem(prefix)},
}

test_fires_family_read_by_a_loop if {
	inp := object.union(_env([_v(".env", 1, "BUCKET", "1"), _v(".env", 2, "BUCKET", "3")]), {"code": {"reads": [_dyn("src/pick.ts", "BUCKET")]}})
	got := rule.report with input as inp
	got == {_finding(_loc(".env", 2), "BUCKET_3 is never used: the account count stops at 1 because BUCKET_2 is missing")}
}

test_fires_pair_known_only_from_template if {
	# The environment has keys only; the template shows they pair with AWS_SECRET_n.
	inp := {
		"envFiles": [
			{"path": ".env", "dir": ".", "project": ".", "template": false, "entries": [_v(".env", 1, "AWS_KEY", "1"), _v(".env", 2, "AWS_KEY", "2")]},
			{"path": ".env.example", "dir": ".", "project": ".", "template": true, "entries": [_empty(_v(".env.example", 1, "AWS_SECRET", "1"))]},
		],
		"environments": [{"id": ".", "dir": ".", "project": ".", "files": [".env"], "variables": [_v(".env", 1, "AWS_KEY", "1"), _v(".env", 2, "AWS_KEY", "2")]}],
	}
	got := rule.report with input as inp
	got == {_finding(_loc(".env", 2), "AWS_KEY_2 is never used: the account count is 0 because AWS_SECRET_1 is missing, so the chosen number is 0, the copied values are undefined and Node stores the string \"undefined\"")}
}

_code_pair_vars := [
	_v(".env", 1, "RENDER_KEY", "1"),
	_v(".env", 2, "AWS_SECRET", "1"),
	_v(".env", 3, "RENDER_KEY", "2"),
	_v(".env", 4, "RENDER_KEY", "3"),
	_v(".env", 5, "AWS_SECRET", "3"),
]

test_fires_pair_read_by_code_with_one_index if {
	inp := object.union(_env(_code_pair_vars), {"code": {"reads": [_dyn("src/pick.ts", "RENDER_KEY"), _dyn("src/pick.ts", "AWS_SECRET")]}})
	got := rule.report with input as inp
	got == {_finding(_loc(".env", 4), "AWS_SECRET_3 and RENDER_KEY_3 are never used: the account count stops at 1 because AWS_SECRET_2 is missing")}
}

test_fires_lone_families_when_read_in_different_files if {
	inp := object.union(_env(_code_pair_vars), {"code": {"reads": [_dyn("src/a.ts", "RENDER_KEY"), _dyn("src/b.ts", "AWS_SECRET")]}})
	got := rule.report with input as inp
	got == {_finding(_loc(".env", 5), "AWS_SECRET_3 is never used: the account count stops at 1 because AWS_SECRET_2 is missing")}
}

test_quiet_layer_fills_the_gap if {
	# .env alone has a gap, but the environment's winning variables do not.
	inp := {
		"envFiles": [
			{"path": ".env", "dir": ".", "project": ".", "template": false, "entries": [_v(".env", 1, "API_TOKEN", "1"), _v(".env", 2, "API_TOKEN", "3")]},
			{"path": ".env.local", "dir": ".", "project": ".", "template": false, "entries": [_v(".env.local", 1, "API_TOKEN", "2")]},
		],
		"environments": [{"id": ".", "dir": ".", "project": ".", "files": [".env", ".env.local"], "variables": [
			_v(".env", 1, "API_TOKEN", "1"),
			_v(".env.local", 1, "API_TOKEN", "2"),
			_v(".env", 2, "API_TOKEN", "3"),
		]}],
	}
	got := rule.report with input as inp
	count(got) == 0
}

test_fires_once_for_a_file_shared_by_two_environments if {
	vars := [_v(".env", 1, "API_TOKEN", "1"), _v(".env", 2, "API_TOKEN", "3")]
	inp := {
		"envFiles": [{"path": ".env", "dir": ".", "project": ".", "template": false, "entries": vars}],
		"environments": [
			{"id": ".", "dir": ".", "project": ".", "files": [".env"], "variables": vars},
			{"id": ". (production)", "dir": ".", "mode": "production", "project": ".", "files": [".env"], "variables": vars},
		],
	}
	got := rule.report with input as inp
	count(got) == 1
}

test_fires_orphan_env_file if {
	inp := {"envFiles": [{"path": "deploy/prod.env", "dir": "deploy", "project": ".", "template": false, "entries": [
		_v("deploy/prod.env", 1, "API_TOKEN", "1"),
		_v("deploy/prod.env", 2, "API_TOKEN", "3"),
	]}]}
	got := rule.report with input as inp
	{f.location | some f in got} == {_loc("deploy/prod.env", 2)}
}

test_fires_per_environment_when_environments_disagree if {
	# .env alone stops at 2; the staging layer also blanks AWS_SECRET_2.
	base := array.concat(_pairs(".env", ["1", "2"]), [_v(".env", 5, "AWS_KEY", "4"), _v(".env", 6, "AWS_SECRET", "4")])
	staging := [v | some v in base; v.name != "AWS_SECRET_2"]
	inp := {
		"envFiles": [
			{"path": ".env", "dir": ".", "project": ".", "template": false, "entries": base},
			{"path": ".env.staging", "dir": ".", "project": ".", "template": false, "mode": "staging", "entries": [_empty(_v(".env.staging", 2, "AWS_SECRET", "2"))]},
		],
		"environments": [
			{"id": ".", "dir": ".", "project": ".", "files": [".env"], "variables": base},
			{"id": ". (staging)", "dir": ".", "mode": "staging", "project": ".", "files": [".env", ".env.staging"], "variables": array.concat(staging, [_empty(_v(".env.staging", 2, "AWS_SECRET", "2"))])},
		],
	}
	got := rule.report with input as inp
	got == {
		_finding(_loc(".env", 5), "in environment .: AWS_KEY_4 and AWS_SECRET_4 are never used: the account count stops at 2 because AWS_KEY_3 and AWS_SECRET_3 are missing"),
		_finding(_loc(".env", 5), "in environment . (staging): AWS_KEY_4 and AWS_SECRET_4 are never used: the account count stops at 1 because AWS_SECRET_2 is empty (.env.staging:2)"),
	}
}

test_fires_go_rotation_copies_empty_values if {
	# A Go worker's loop: os.Getenv("AWS_KEY_0") is "", not Node's "undefined".
	vars := [_v(".env", 1, "AWS_KEY", "2"), _v(".env", 2, "AWS_SECRET", "2")]
	reads := [object.union(_dyn("main.go", "AWS_KEY"), {"language": "go"}), object.union(_dyn("main.go", "AWS_SECRET"), {"language": "go"})]
	inp := object.union(_env(vars), {"projects": [{"dir": ".", "consumers": ["go"]}], "code": {"reads": reads}})
	got := rule.report with input as inp
	got == {_finding(_loc(".env", 1), "AWS_KEY_2 and AWS_SECRET_2 are never used: the account count is 0 because AWS_KEY_1 and AWS_SECRET_1 are missing, so the chosen number is 0, and the copied values are empty (os.Getenv returns \"\")")}
}

test_fires_names_the_environment_when_another_layer_fills_the_gap if {
	# .env.production adds account 3: only the default environment has the gap.
	base := array.concat(_pairs(".env", ["1", "2"]), [_v(".env", 5, "AWS_KEY", "4"), _v(".env", 6, "AWS_SECRET", "4")])
	prod := [_v(".env.production", 1, "AWS_KEY", "3"), _v(".env.production", 2, "AWS_SECRET", "3")]
	inp := {
		"envFiles": [
			{"path": ".env", "dir": ".", "project": ".", "template": false, "entries": base},
			{"path": ".env.production", "dir": ".", "project": ".", "template": false, "mode": "production", "entries": prod},
		],
		"environments": [
			{"id": ".", "dir": ".", "project": ".", "files": [".env"], "variables": base},
			{"id": ". (production)", "dir": ".", "mode": "production", "project": ".", "files": [".env", ".env.production"], "variables": array.concat(base, prod)},
		],
	}
	got := rule.report with input as inp
	got == {_finding(_loc(".env", 5), "in environment .: AWS_KEY_4 and AWS_SECRET_4 are never used: the account count stops at 2 because AWS_KEY_3 and AWS_SECRET_3 are missing")}
}
