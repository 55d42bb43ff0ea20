package remolint.rules.hygiene.misspelled_variable_test

import data.remolint.rules.hygiene.misspelled_variable as rule

_loc(path, line, col) := {"path": path, "line": line, "column": col}

_entry(line, name, suggestion) := {
	"name": name, "set": true, "secret": true, "shape": "other", "known": suggestion == "",
	"suggestion": suggestion, "location": _loc(".env", line, 1),
}

_env(template, entries) := {
	"envFiles": [{"path": ".env", "dir": ".", "project": ".", "template": template, "entries": entries}],
	"code": {"reads": [], "writes": []},
}

_access(name, suggestion, extra) := object.union(
	{"name": name, "suggestion": suggestion, "known": false, "dynamic": false, "language": "js", "project": ".", "location": _loc("src/render.ts", 7, 3)},
	extra,
)

_code(reads, writes) := {"envFiles": [], "code": {"reads": reads, "writes": writes}}

_finding(loc, msg) := {"rule": "misspelled-variable", "severity": "warning", "location": loc, "message": msg}

test_fires_remotion_key_id if {
	got := rule.report with input as _env(false, [_entry(2, "REMOTION_AWS_ACESS_KEY_ID", "REMOTION_AWS_ACCESS_KEY_ID")])
	got == {_finding(_loc(".env", 2, 1), "REMOTION_AWS_ACESS_KEY_ID is not a variable Remotion reads (did you mean REMOTION_AWS_ACCESS_KEY_ID?): the key id is ignored and Remotion falls back to other credentials")}
}

test_fires_aws_name if {
	got := rule.report with input as _env(false, [_entry(1, "AWS_SECRET_ACCES_KEY", "AWS_SECRET_ACCESS_KEY")])
	got == {_finding(_loc(".env", 1, 1), "AWS_SECRET_ACCES_KEY is not a variable the AWS SDKs read (did you mean AWS_SECRET_ACCESS_KEY?): the secret is ignored and Remotion and the AWS SDKs fall back to other credentials")}
}

test_fires_skip_flag_in_template if {
	got := rule.report with input as _env(true, [_entry(5, "REMOTION_SKIP_AWS_CREDENTIAL_CHECK", "REMOTION_SKIP_AWS_CREDENTIALS_CHECK")])
	got == {_finding(_loc(".env", 5, 1), "REMOTION_SKIP_AWS_CREDENTIAL_CHECK is not a variable Remotion reads (did you mean REMOTION_SKIP_AWS_CREDENTIALS_CHECK?): the flag is ignored and Remotion's credentials check still runs")}
}

test_fires_doubled_and_cut_prefix if {
	got := rule.report with input as _env(false, [
		_entry(1, "REMOTION_REMOTION_AWS_SECRET_ACCESS_KEY", "REMOTION_AWS_SECRET_ACCESS_KEY"),
		_entry(2, "EMOTION_AWS_PROFILE", "REMOTION_AWS_PROFILE"),
	])
	got == {
		_finding(_loc(".env", 1, 1), "REMOTION_REMOTION_AWS_SECRET_ACCESS_KEY is not a variable Remotion reads (did you mean REMOTION_AWS_SECRET_ACCESS_KEY?): the secret is ignored and Remotion falls back to other credentials"),
		_finding(_loc(".env", 2, 1), "EMOTION_AWS_PROFILE is not a variable Remotion reads (did you mean REMOTION_AWS_PROFILE?): the profile is ignored and Remotion falls back to other credentials"),
	}
}

test_fires_other_aws_name_generic if {
	got := rule.report with input as _env(false, [_entry(3, "AWS_ROLE_AN", "AWS_ROLE_ARN")])
	got == {_finding(_loc(".env", 3, 1), "AWS_ROLE_AN is not a variable the AWS SDKs read (did you mean AWS_ROLE_ARN?): the AWS SDKs ignore it")}
}

test_quiet_known_and_own_names if {
	got := rule.report with input as _env(false, [
		_entry(1, "REMOTION_AWS_ACCESS_KEY_ID", ""),
		object.remove(_entry(2, "REMOTION_APP_REGION", ""), ["suggestion"]),
	])
	count(got) == 0
}

test_quiet_numbered_copies if {
	family := {"prefix": "REMOTION_AWS_ACCESS_KEY_ID", "index": 2, "credential": true, "role": "key", "stem": "REMOTION_AWS"}
	e := object.union(_entry(4, "REMOTION_AWS_ACCESS_KEY_ID_2", "REMOTION_AWS_ACCESS_KEY_ID"), {"family": family})
	got_env := rule.report with input as _env(false, [e])
	count(got_env) == 0
	r := _access("REMOTION_AWS_ACCESS_KEY_ID_2", "REMOTION_AWS_ACCESS_KEY_ID", {"family": family})
	got_code := rule.report with input as _code([r], [r, object.union(r, {"unset": true})])
	count(got_code) == 0
}

test_quiet_other_numbered_and_missing_numbers if {
	numbered := object.union(_entry(4, "REMOTION_AWS_ACCESS_KEY_1", "REMOTION_AWS_ACCESS_KEY_ID"), {"family": {"prefix": "REMOTION_AWS_ACCESS_KEY", "index": 1, "missing": false, "credential": true, "role": "key", "stem": "REMOTION_AWS"}})
	missing := object.union(_entry(5, "AWS_SECRET_ACCESS_KEY_", "AWS_SECRET_ACCESS_KEY"), {"family": {"prefix": "AWS_SECRET_ACCESS_KEY", "index": 0, "missing": true, "credential": true, "role": "secret", "stem": "AWS"}})
	got := rule.report with input as _env(false, [numbered, missing])
	count(got) == 0
}

test_fires_missing_number_of_an_unknown_prefix if {
	# REMOTION_AWS_SECRET_ACESS_KEY_ is a typo whose number is also missing.
	e := object.union(_entry(6, "REMOTION_AWS_SECRET_ACESS_KEY_", "REMOTION_AWS_SECRET_ACCESS_KEY"), {"family": {"prefix": "REMOTION_AWS_SECRET_ACESS_KEY", "index": 0, "missing": true, "credential": true}})
	got := rule.report with input as _env(false, [e])
	{f.location | some f in got} == {_loc(".env", 6, 1)}
}

test_fires_code_read if {
	got := rule.report with input as _code([_access("REMOTION_AWS_SECRET_ACESS_KEY", "REMOTION_AWS_SECRET_ACCESS_KEY", {})], [])
	got == {_finding(_loc("src/render.ts", 7, 3), "REMOTION_AWS_SECRET_ACESS_KEY looks misspelled (did you mean REMOTION_AWS_SECRET_ACCESS_KEY?): this read gets no value where the environment sets REMOTION_AWS_SECRET_ACCESS_KEY, so the code acts as if it were missing")}
}

test_fires_code_write if {
	got := rule.report with input as _code([], [_access("AWS_SESION_TOKEN", "AWS_SESSION_TOKEN", {"language": "go"})])
	got == {_finding(_loc("src/render.ts", 7, 3), "setting AWS_SESION_TOKEN has no effect, it is not a variable the AWS SDKs read (did you mean AWS_SESSION_TOKEN?): the token is ignored and the AWS pair is used without one (a temporary ASIA key then fails with \"The security token included in the request is invalid\")")}
}

test_fires_code_delete if {
	got := rule.report with input as _code([], [_access("REMOTION_SKIP_AWS_CREDENTIALS_CHEK", "REMOTION_SKIP_AWS_CREDENTIALS_CHECK", {"unset": true})])
	got == {_finding(_loc("src/render.ts", 7, 3), "deleting REMOTION_SKIP_AWS_CREDENTIALS_CHEK has no effect, it is not a variable Remotion reads (did you mean REMOTION_SKIP_AWS_CREDENTIALS_CHECK?): REMOTION_SKIP_AWS_CREDENTIALS_CHECK stays as it was")}
}

test_quiet_code_known_and_dynamic if {
	dynamic := {"prefix": "AWS_KEY_", "dynamic": true, "known": false, "language": "js", "project": ".", "location": _loc("src/render.ts", 9, 3)}
	got := rule.report with input as _code(
		[_access("REMOTION_AWS_ACCESS_KEY_ID", "", {"known": true}), dynamic],
		[_access("AWS_REGION", "", {"known": true})],
	)
	count(got) == 0
}
