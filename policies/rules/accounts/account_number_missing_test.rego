package remolint.rules.accounts.account_number_missing_test

import data.remolint.rules.accounts.account_number_missing as rule

_loc(path, line, col) := {"path": path, "line": line, "column": col}

_fam(prefix, stem, role, index) := {"prefix": prefix, "stem": stem, "role": role, "index": index, "credential": true}

_missing(prefix, stem, role) := object.union(_fam(prefix, stem, role, 0), {"missing": true})

_entry(path, name, line, fam) := {
	"name": name, "set": true, "secret": true, "shape": "other",
	"location": _loc(path, line, 1), "family": fam,
}

_env(path, template, entries) := {"path": path, "dir": ".", "project": ".", "template": template, "entries": entries}

_finding(loc, msg) := {"rule": "account-number-missing", "severity": "error", "location": loc, "message": msg}

_docs_example := [
	_entry(".env", "AWS_KEY_1", 1, _fam("AWS_KEY", "AWS", "key", 1)),
	_entry(".env", "AWS_SECRET_", 2, _missing("AWS_SECRET", "AWS", "secret")),
	_entry(".env", "AWS_KEY_2", 3, _fam("AWS_KEY", "AWS", "key", 2)),
	_entry(".env", "AWS_SECRET_2", 4, _fam("AWS_SECRET", "AWS", "secret", 2)),
]

test_fires_docs_typo_in_env_file if {
	got := rule.report with input as {"envFiles": [_env(".env", false, _docs_example)]}
	got == {_finding(
		_loc(".env", 2, 1),
		"AWS_SECRET_ has no account number: the count-until-missing loop reads AWS_SECRET_1, AWS_SECRET_2, ... and never this name, so the account count stops early (the example in Remotion's docs has this same typo): did you mean AWS_SECRET_1?",
	)}
}

test_fires_in_template if {
	got := rule.report with input as {"envFiles": [_env(".env.example", true, [
		object.union(_entry(".env.example", "AWS_KEY_", 7, _missing("AWS_KEY", "AWS", "key")), {"set": false, "shape": "empty"}),
	])]}
	{f.location | some f in got} == {_loc(".env.example", 7, 1)}
}

test_fires_without_hint_when_no_partner_number if {
	got := rule.report with input as {"envFiles": [_env(".env", false, [
		_entry(".env", "AWS_SECRET_", 3, _missing("AWS_SECRET", "AWS", "secret")),
	])]}
	some f in got
	f.location == _loc(".env", 3, 1)
	endswith(f.message, "(the example in Remotion's docs has this same typo)")
}

test_fires_hint_skips_numbers_already_present if {
	got := rule.report with input as {"envFiles": [_env(".env", false, [
		_entry(".env", "AWS_KEY_1", 1, _fam("AWS_KEY", "AWS", "key", 1)),
		_entry(".env", "AWS_SECRET_1", 2, _fam("AWS_SECRET", "AWS", "secret", 1)),
		_entry(".env", "AWS_KEY_2", 3, _fam("AWS_KEY", "AWS", "key", 2)),
		_entry(".env", "AWS_SECRET_", 4, _missing("AWS_SECRET", "AWS", "secret")),
	])]}
	some f in got
	endswith(f.message, "did you mean AWS_SECRET_2?")
}

# Names ending in "_" are found wherever they sort among the names: first,
# between others, and last.
test_fires_every_unnumbered_name_whatever_its_place if {
	got := rule.report with input as {"envFiles": [_env(".env", false, [
		_entry(".env", "A_KEY_", 1, _missing("A_KEY", "A", "key")),
		_entry(".env", "AWS_KEY_1", 2, _fam("AWS_KEY", "AWS", "key", 1)),
		_entry(".env", "AWS_SECRET_", 3, _missing("AWS_SECRET", "AWS", "secret")),
		_entry(".env", "B_TOKEN", 4, null),
		_entry(".env", "Z_SECRET_", 5, _missing("Z_SECRET", "Z", "secret")),
	])]}
	{f.location | some f in got} == {_loc(".env", 1, 1), _loc(".env", 3, 1), _loc(".env", 5, 1)}
}

test_quiet_numbered_names if {
	fixed := array.concat(array.slice(_docs_example, 0, 1), [
		_entry(".env", "AWS_SECRET_1", 2, _fam("AWS_SECRET", "AWS", "secret", 1)),
	])
	got := rule.report with input as {"envFiles": [_env(".env", false, fixed)]}
	count(got) == 0
}

test_quiet_trailing_underscore_outside_families if {
	# The Go side gives FOO_ no family (not a credential prefix).
	got := rule.report with input as {"envFiles": [_env(".env", false, [
		{"name": "FOO_", "set": true, "secret": false, "shape": "other", "location": _loc(".env", 1, 1)},
	])]}
	count(got) == 0
}

test_fires_non_credential_member_of_numbered_family if {
	got := rule.report with input as {"envFiles": [_env(".env", false, [
		_entry(".env", "BUCKET_1", 1, {"prefix": "BUCKET", "index": 1}),
		_entry(".env", "BUCKET_", 2, {"prefix": "BUCKET", "missing": true}),
	])]}
	{f.location | some f in got} == {_loc(".env", 2, 1)}
}

test_quiet_non_credential_missing_alone if {
	got := rule.report with input as {"envFiles": [_env(".env", false, [
		_entry(".env", "BUCKET_", 2, {"prefix": "BUCKET", "missing": true}),
	])]}
	count(got) == 0
}

_read(name, fam, line) := {
	"name": name, "dynamic": false, "language": "js", "project": ".",
	"location": _loc("src/rotate.ts", line, 22), "family": fam,
}

test_fires_code_read_without_index if {
	got := rule.report with input as {"envFiles": [], "code": {"reads": [
		_read("AWS_SECRET_", _missing("AWS_SECRET", "AWS", "secret"), 9),
	]}}
	got == {_finding(
		_loc("src/rotate.ts", 9, 22),
		"the code reads AWS_SECRET_ with no account number appended: no numbered variable (AWS_SECRET_1, AWS_SECRET_2, ...) is ever read here, so the account count stops early or the copied value is undefined, which Node stores as the string \"undefined\"",
	)}
}

test_quiet_code_read_with_index if {
	got := rule.report with input as {"envFiles": [], "code": {"reads": [
		_read("AWS_SECRET_1", _fam("AWS_SECRET", "AWS", "secret", 1), 9),
		{"prefix": "AWS_SECRET_", "dynamic": true, "language": "js", "project": ".", "location": _loc("src/rotate.ts", 10, 22), "family": _fam("AWS_SECRET", "AWS", "secret", 0)},
	]}}
	count(got) == 0
}

test_fires_go_read_without_index if {
	r := object.union(_read("AWS_SECRET_", _missing("AWS_SECRET", "AWS", "secret"), 15), {"language": "go", "location": _loc("worker/main.go", 15, 55)})
	got := rule.report with input as {"envFiles": [], "code": {"reads": [r]}}
	got == {_finding(
		_loc("worker/main.go", 15, 55),
		"the code reads AWS_SECRET_ with no account number appended: no numbered variable (AWS_SECRET_1, AWS_SECRET_2, ...) is ever read here, so the account count stops early or the copied value is empty (os.Getenv returns \"\")",
	)}
}
