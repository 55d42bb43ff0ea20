package remolint.custom.examples.no_static_keys_in_production_test

import data.remolint.custom.examples.no_static_keys_in_production as rule

_loc(path, line, col) := {"path": path, "line": line, "column": col}

_key(path, name, shape, display, line) := {
	"name": name, "secret": true, "set": shape != "empty", "shape": shape,
	"display": display, "location": _loc(path, line, 1),
}

_file(path, mode, template, entries) := {
	"path": path, "dir": ".", "project": ".", "template": template,
	"mode": mode, "local": false, "entries": entries,
}

_finding(loc, msg) := {"rule": "no-static-keys-in-production", "severity": "error", "location": loc, "message": msg}

test_fires_production_keys if {
	got := rule.report with input as {"envFiles": [
		_file(".env.production", "production", false, [
			_key(".env.production", "REMOTION_AWS_ACCESS_KEY_ID", "aws-access-key-id", "AKIA…WXYZ", 2),
			_key(".env.production", "AWS_ACCESS_KEY_ID", "aws-temporary-key-id", "ASIA…ABCD", 5),
		]),
		_file("apps/web/.env.prod.local", "prod", false, [
			_key("apps/web/.env.prod.local", "AWS_ACCESS_KEY_ID", "aws-access-key-id", "AKIA…1234", 1),
		]),
	]}
	got == {
		_finding(_loc(".env.production", 2, 1), "REMOTION_AWS_ACCESS_KEY_ID holds an access key id (AKIA…WXYZ) in a production env file: production must take its credentials from the platform's secret store or an IAM role, not from a file"),
		_finding(_loc(".env.production", 5, 1), "AWS_ACCESS_KEY_ID holds a temporary access key id (ASIA…ABCD) in a production env file: production must take its credentials from the platform's secret store or an IAM role, not from a file"),
		_finding(_loc("apps/web/.env.prod.local", 1, 1), "AWS_ACCESS_KEY_ID holds an access key id (AKIA…1234) in a production env file: production must take its credentials from the platform's secret store or an IAM role, not from a file"),
	}
}

test_quiet_other_modes if {
	got := rule.report with input as {"envFiles": [
		_file(".env", "", false, [_key(".env", "REMOTION_AWS_ACCESS_KEY_ID", "aws-access-key-id", "AKIA…WXYZ", 1)]),
		_file(".env.development", "development", false, [_key(".env.development", "AWS_ACCESS_KEY_ID", "aws-access-key-id", "AKIA…WXYZ", 1)]),
		_file(".env.production.example", "production", true, [_key(".env.production.example", "AWS_ACCESS_KEY_ID", "aws-access-key-id", "AKIA…WXYZ", 1)]),
	]}
	count(got) == 0
}

test_quiet_placeholders_empty_and_other_names if {
	got := rule.report with input as {"envFiles": [_file(".env.production", "production", false, [
		_key(".env.production", "REMOTION_AWS_ACCESS_KEY_ID", "placeholder", "", 1),
		_key(".env.production", "AWS_ACCESS_KEY_ID", "empty", "", 2),
		_key(".env.production", "REMOTION_AWS_SECRET_ACCESS_KEY", "other", "", 3),
		_key(".env.production", "MY_ACCESS_KEY_ID", "aws-access-key-id", "AKIA…WXYZ", 4),
	])]}
	count(got) == 0
}
