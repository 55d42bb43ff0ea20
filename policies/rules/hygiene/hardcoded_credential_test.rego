package remolint.rules.hygiene.hardcoded_credential_test

import data.remolint.rules.hygiene.hardcoded_credential as rule

_loc(path, line, col) := {"path": path, "line": line, "column": col}

_key_id(path, line, name) := {
	"name": name, "set": true, "secret": true, "shape": "aws-access-key-id", "display": "AKIA…WXYZ",
	"known": true, "location": _loc(path, line, 1),
}

_secret(path, line, name) := {
	"name": name, "set": true, "secret": true, "shape": "other", "looksLikeSecretKey": true,
	"known": true, "location": _loc(path, line, 1),
}

_env(path, extra, entries) := {"envFiles": [object.union(
	{"path": path, "dir": ".", "project": ".", "template": false, "gitKnown": true, "tracked": false, "ignored": false, "entries": entries},
	extra,
)]}

_finding(loc, msg) := {"rule": "hardcoded-credential", "severity": "error", "location": loc, "message": msg}

_rotate := "rotate the key: the repository history keeps it"

test_fires_template_key_id_and_secret if {
	got := rule.report with input as _env(".env.example", {"template": true, "gitKnown": false}, [
		_key_id(".env.example", 1, "REMOTION_AWS_ACCESS_KEY_ID"),
		_secret(".env.example", 2, "REMOTION_AWS_SECRET_ACCESS_KEY"),
	])
	got == {
		_finding(_loc(".env.example", 1, 1), sprintf("REMOTION_AWS_ACCESS_KEY_ID in this template holds an AWS access key id (AKIA…WXYZ): templates are meant to be committed, so everyone with the repository has the key; leave the value empty and %s", [_rotate])),
		_finding(_loc(".env.example", 2, 1), sprintf("REMOTION_AWS_SECRET_ACCESS_KEY in this template holds an AWS secret access key: templates are meant to be committed, so everyone with the repository has the key; leave the value empty and %s", [_rotate])),
	}
}

test_fires_tracked_env_file if {
	temp := object.union(_key_id(".env", 3, "AWS_ACCESS_KEY_ID"), {"shape": "aws-temporary-key-id", "display": "ASIA…WXYZ"})
	got := rule.report with input as _env(".env", {"tracked": true}, [temp])
	got == {_finding(_loc(".env", 3, 1), sprintf("AWS_ACCESS_KEY_ID holds a temporary AWS access key id (ASIA…WXYZ) and git tracks this file: the key is in the repository; remove the file from the index with git rm --cached, ignore it, and %s", [_rotate]))}
}

test_quiet_untracked_or_ignored_env_file if {
	every git in [{"tracked": false}, {"tracked": false, "ignored": true}, {"gitKnown": false}] {
		got := rule.report with input as _env(".env", git, [_key_id(".env", 1, "AWS_ACCESS_KEY_ID"), _secret(".env", 2, "AWS_SECRET_ACCESS_KEY")])
		count(got) == 0
	}
}

test_quiet_placeholders_and_other_values if {
	got := rule.report with input as _env(".env.example", {"template": true, "tracked": true}, [
		object.union(_key_id(".env.example", 1, "AWS_ACCESS_KEY_ID"), {"shape": "placeholder", "display": ""}),
		object.union(_secret(".env.example", 2, "AWS_SECRET_ACCESS_KEY"), {"shape": "placeholder"}),
		object.union(_secret(".env.example", 3, "AWS_SECRET_ACCESS_KEY"), {"looksLikeSecretKey": false}),
		object.union(_secret(".env.example", 4, "GIT_COMMIT_SHA"), {"known": false}),
		object.union(_key_id(".env.example", 5, "AWS_ACCESS_KEY_ID"), {"set": false, "shape": "empty", "display": ""}),
	])
	count(got) == 0
}

_shared(tracked, keys) := {
	"sharedFiles": [{"path": ".aws/credentials", "flavour": "credentials", "gitKnown": true, "tracked": tracked, "ignored": false}],
	"profiles": [{"name": "render", "header": "render", "flavour": "credentials", "path": ".aws/credentials", "location": _loc(".aws/credentials", 1, 1), "effective": true, "keys": keys}],
}

_pkey(line, name, shape, display) := {
	"name": name, "secret": true, "set": shape != "empty", "shape": shape, "display": display,
	"known": true, "location": _loc(".aws/credentials", line, 1),
}

test_fires_tracked_shared_file if {
	got := rule.report with input as _shared(true, [
		_pkey(2, "aws_access_key_id", "aws-access-key-id", "AKIA…WXYZ"),
		_pkey(3, "aws_secret_access_key", "other", ""),
		_pkey(4, "region", "other", ""),
	])
	got == {
		_finding(_loc(".aws/credentials", 2, 1), sprintf("aws_access_key_id of profile [render] holds an AWS access key id (AKIA…WXYZ) and git tracks this file: the key is in the repository; remove the file from the index with git rm --cached, keep shared files outside the repository, and %s", [_rotate])),
		_finding(_loc(".aws/credentials", 3, 1), sprintf("aws_secret_access_key of profile [render] holds an AWS secret access key and git tracks this file: the key is in the repository; remove the file from the index with git rm --cached, keep shared files outside the repository, and %s", [_rotate])),
	}
}

test_fires_shared_misspelled_secret_key if {
	k := object.union(_pkey(3, "aws_secret_acess_key", "other", ""), {"known": false, "suggestion": "aws_secret_access_key"})
	got := rule.report with input as _shared(true, [k])
	{f.location | some f in got} == {_loc(".aws/credentials", 3, 1)}
}

test_quiet_untracked_shared_file_and_placeholders if {
	got_untracked := rule.report with input as _shared(false, [_pkey(2, "aws_access_key_id", "aws-access-key-id", "AKIA…WXYZ")])
	count(got_untracked) == 0
	got_placeholders := rule.report with input as _shared(true, [
		_pkey(2, "aws_access_key_id", "placeholder", ""),
		_pkey(3, "aws_secret_access_key", "placeholder", ""),
		_pkey(4, "aws_secret_access_key", "empty", ""),
	])
	count(got_placeholders) == 0
}

_lit(shape, display, language, context, path) := {
	"shape": shape, "display": display, "language": language, "context": context, "project": ".",
	"location": _loc(path, 12, 18),
}

test_fires_code_literals if {
	got := rule.report with input as {"code": {"literals": [
		_lit("aws-access-key-id", "AKIA…WXYZ", "js", "accessKeyId", "src/lambda.ts"),
		object.remove(_lit("secret", "", "go", "", "main.go"), ["display", "context"]),
	]}}
	got == {
		_finding(_loc("src/lambda.ts", 12, 18), "an AWS access key id (AKIA…WXYZ) is written into the source code assigned to accessKeyId: everyone who can read the repository or the built code has it; read it from the environment instead, and rotate the key if it was ever committed"),
		_finding(_loc("main.go", 12, 18), "an AWS secret access key is written into the source code: everyone who can read the repository or the built code has it; read it from the environment instead, and rotate the key if it was ever committed"),
	}
}

test_fires_vercel_json if {
	got := rule.report with input as {"code": {"literals": [_lit("aws-temporary-key-id", "ASIA…WXYZ", "json", "REMOTION_AWS_ACCESS_KEY_ID", "vercel.json")]}}
	got == {_finding(_loc("vercel.json", 12, 18), "a temporary AWS access key id (ASIA…WXYZ) is written into vercel.json assigned to REMOTION_AWS_ACCESS_KEY_ID: the file is committed with the project; set it in the platform's environment settings instead, and rotate the key if it was ever committed")}
}

test_quiet_no_literals if {
	got := rule.report with input as {"code": {"literals": [_lit("placeholder", "", "js", "accessKeyId", "src/lambda.ts")]}}
	count(got) == 0
}
