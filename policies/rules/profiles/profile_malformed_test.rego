package remolint.rules.profiles.profile_malformed_test

import data.remolint.rules.profiles.profile_malformed as rule

_creds := ".aws/credentials"

_config := ".aws/config"

_loc(path, line, col) := {"path": path, "line": line, "column": col}

_profile(path, flavour, header, name, line, effective, keys) := {
	"name": name, "header": header, "flavour": flavour, "path": path,
	"location": _loc(path, line, 1), "keys": keys, "effective": effective,
}

_key(path, name, line) := {
	"name": name, "set": true, "secret": true, "shape": "other",
	"location": _loc(path, line, 1), "valueLocation": _loc(path, line, count(name) + 4),
}

_pair(path, line) := [_key(path, "aws_access_key_id", line), _key(path, "aws_secret_access_key", line + 1)]

_finding(loc, msg) := {"rule": "profile-malformed", "severity": "error", "location": loc, "message": msg}

_in(profiles) := _in_project(profiles, ["node"])

# The shared files belong to the project at ".", read by consumers.
_in_project(profiles, consumers) := {
	"profiles": profiles, "sharedFiles": [],
	"projects": [{"dir": ".", "consumers": consumers}],
	"files": [{"path": _creds, "kind": "aws-credentials", "project": "."}, {"path": _config, "kind": "aws-config", "project": "."}],
}

# --- [profile NAME] in a credentials file ---

test_fires_profile_prefix_in_credentials if {
	got := rule.report with input as _in([_profile(_creds, "credentials", "profile render", "profile render", 4, true, _pair(_creds, 5))])
	got == {_finding(_loc(_creds, 4, 1), "[profile render] in a credentials file defines a profile literally named \"profile render\": the AWS SDKs look for \"render\" and do not find it; write [render] (the \"profile \" prefix belongs in config files only)")}
}

test_quiet_profile_prefix_in_config if {
	got := rule.report with input as _in([_profile(_config, "config", "profile render", "render", 4, true, [])])
	count(got) == 0
}

# --- [NAME] in a config file ---

test_fires_bare_name_in_config if {
	got := rule.report with input as _in([_profile(_config, "config", "render", "render", 7, false, [])])
	got == {_finding(_loc(_config, 7, 1), "[render] in a config file is ignored by the AWS SDKs (only [default] goes without the prefix), so none of its settings apply: write [profile render]")}
}

test_quiet_default_in_config if {
	got := rule.report with input as _in([_profile(_config, "config", "default", "default", 1, true, [])])
	count(got) == 0
}

test_quiet_bare_name_in_credentials if {
	got := rule.report with input as _in([_profile(_creds, "credentials", "render", "render", 1, true, _pair(_creds, 2))])
	count(got) == 0
}

# --- a static profile with one half ---

test_fires_key_id_without_secret if {
	got := rule.report with input as _in([_profile(_creds, "credentials", "render", "render", 1, true, [_key(_creds, "aws_access_key_id", 2)])])
	got == {_finding(_loc(_creds, 2, 1), "profile render sets aws_access_key_id but not aws_secret_access_key: the AWS SDKs need both for static credentials, so this profile yields none (Node: \"Could not resolve credentials using profile: [render]\")")}
}

test_fires_secret_without_key_id_when_id_is_empty if {
	id := object.union(_key(_creds, "aws_access_key_id", 2), {"set": false, "shape": "empty"})
	got := rule.report with input as _in([_profile(_creds, "credentials", "render", "render", 1, true, [id, _key(_creds, "aws_secret_access_key", 3)])])
	{f.location | some f in got} == {_loc(_creds, 3, 1)}
}

test_quiet_halves_split_over_the_folder_files if {
	got := rule.report with input as _in([
		_profile(_creds, "credentials", "render", "render", 1, true, [_key(_creds, "aws_access_key_id", 2)]),
		_profile(_config, "config", "profile render", "render", 1, true, [_key(_config, "aws_secret_access_key", 2)]),
	])
	count(got) == 0
}

test_fires_halves_in_different_folders if {
	got := rule.report with input as _in([
		_profile(_creds, "credentials", "render", "render", 1, true, [_key(_creds, "aws_access_key_id", 2)]),
		_profile("ops/.aws/config", "config", "profile render", "render", 1, true, [_key("ops/.aws/config", "aws_secret_access_key", 2)]),
	])
	{f.location | some f in got} == {_loc(_creds, 2, 1), _loc("ops/.aws/config", 2, 1)}
}

test_quiet_role_profile_without_keys if {
	got := rule.report with input as _in([
		_profile(_config, "config", "profile base", "base", 1, true, []),
		_profile(_config, "config", "profile render", "render", 3, true, [
			{"name": "role_arn", "value": "arn:aws:iam::123456789012:role/render", "set": true, "shape": "other", "location": _loc(_config, 4, 1)},
			{"name": "source_profile", "value": "base", "set": true, "shape": "other", "location": _loc(_config, 5, 1), "valueLocation": _loc(_config, 5, 18)},
		]),
	])
	count(got) == 0
}

# The Node SDK's error is quoted only where Node reads the credentials.
test_fires_key_id_without_secret_in_go_project_without_node_error if {
	got := rule.report with input as _in_project([_profile(_creds, "credentials", "render", "render", 1, true, [_key(_creds, "aws_access_key_id", 2)])], ["go"])
	got == {_finding(_loc(_creds, 2, 1), "profile render sets aws_access_key_id but not aws_secret_access_key: the AWS SDKs need both for static credentials, so this profile yields none")}
}

# --- misspelled keys ---

test_fires_misspelled_key if {
	misspelled := object.union(_key(_creds, "aws_secret_key", 3), {"suggestion": "aws_secret_access_key"})
	got := rule.report with input as _in([_profile(_creds, "credentials", "render", "render", 1, true, [_key(_creds, "aws_access_key_id", 2), misspelled])])
	got == {
		_finding(_loc(_creds, 3, 1), "aws_secret_key in profile render is not a key the AWS SDKs read (did you mean aws_secret_access_key?): the setting is ignored"),
		_finding(_loc(_creds, 2, 1), "profile render sets aws_access_key_id but not aws_secret_access_key: the AWS SDKs need both for static credentials, so this profile yields none (Node: \"Could not resolve credentials using profile: [render]\")"),
	}
}

test_quiet_known_keys if {
	got := rule.report with input as _in([_profile(_creds, "credentials", "render", "render", 1, true, _pair(_creds, 2))])
	count(got) == 0
}

# --- a profile defined twice in one file ---

test_fires_second_definition if {
	got := rule.report with input as _in([
		_profile(_creds, "credentials", "render", "render", 1, true, _pair(_creds, 2)),
		_profile(_creds, "credentials", "render", "render", 9, true, [_key(_creds, "region", 10)]),
	])
	got == {object.union(
		_finding(_loc(_creds, 9, 1), "profile render is defined again here (first at line 1): the JavaScript and Go SDKs merge the two sections and later keys silently replace earlier ones, while the AWS CLI and boto3 (Remotion's Python client) refuse the whole file (\"Unable to parse config file\"); keep one section"),
		{"related": _loc(_creds, 1, 1)},
	)}
}

test_quiet_same_name_in_two_files if {
	got := rule.report with input as _in([
		_profile(_creds, "credentials", "render", "render", 1, true, _pair(_creds, 2)),
		_profile(_config, "config", "profile render", "render", 1, true, []),
	])
	count(got) == 0
}

# --- source_profile naming a missing profile ---

_role_profile(source) := _profile(_config, "config", "profile render", "render", 3, true, [
	{"name": "role_arn", "value": "arn:aws:iam::123456789012:role/render", "set": true, "shape": "other", "location": _loc(_config, 4, 1)},
	{"name": "source_profile", "value": source, "set": true, "shape": "other", "location": _loc(_config, 5, 1), "valueLocation": _loc(_config, 5, 18)},
])

test_fires_source_profile_missing if {
	got := rule.report with input as _in([_profile(_creds, "credentials", "base", "base", 1, true, _pair(_creds, 2)), _role_profile("bsae")])
	got == {_finding(_loc(_config, 5, 18), "profile render takes its source credentials from profile \"bsae\", which no scanned AWS shared file defines: assuming the role fails")}
}

test_fires_source_profile_defined_only_as_ignored_section if {
	got := rule.report with input as _in([_profile(_config, "config", "base", "base", 1, false, []), _role_profile("base")])
	{f.location | some f in got} == {_loc(_config, 1, 1), _loc(_config, 5, 18)}
}

test_quiet_source_profile_defined if {
	got := rule.report with input as _in([_profile(_creds, "credentials", "base", "base", 1, true, _pair(_creds, 2)), _role_profile("base")])
	count(got) == 0
}

# --- lines the AWS readers cannot parse ---

test_fires_shared_file_anomaly if {
	a := {"kind": "unterminated-section-header", "dialect": "both", "detail": "the section header has no closing ']': the AWS SDKs ignore the line, so the keys below it stay in the previous section", "location": _loc(_creds, 6, 1)}
	got := rule.report with input as {"profiles": [], "sharedFiles": [{"path": _creds, "flavour": "credentials", "anomalies": [a]}]}
	got == {_finding(_loc(_creds, 6, 1), "the section header has no closing ']': the AWS SDKs ignore the line, so the keys below it stay in the previous section")}
}

test_fires_shared_file_anomaly_without_detail if {
	a := {"kind": "line-not-understood", "dialect": "both", "location": _loc(_creds, 2, 1)}
	got := rule.report with input as {"profiles": [], "sharedFiles": [{"path": _creds, "flavour": "credentials", "anomalies": [a]}]}
	got == {_finding(_loc(_creds, 2, 1), "the AWS readers do not read this line of the credentials file as it looks (line-not-understood)")}
}

test_quiet_ini_skipped if {
	a := {"kind": "ini-skipped", "dialect": "both", "detail": "not run", "location": _loc(_creds, 1, 1)}
	got := rule.report with input as {"profiles": [], "sharedFiles": [{"path": _creds, "flavour": "credentials", "anomalies": [a]}]}
	count(got) == 0
}

# --- pinned behaviour (the cost rewrite keeps these) ---

# A section the SDKs ignore is not checked for one half.
test_quiet_one_half_in_ignored_section if {
	got := rule.report with input as _in([_profile(_config, "config", "render", "render", 1, false, [_key(_config, "aws_access_key_id", 2)])])
	{f.location | some f in got} == {_loc(_config, 1, 1)}
}

# Each definition of a lone half is reported.
test_fires_lone_half_set_twice if {
	got := rule.report with input as _in([_profile(_creds, "credentials", "render", "render", 1, true, [
		_key(_creds, "aws_secret_access_key", 2),
		_key(_creds, "aws_secret_access_key", 3),
	])])
	{f.location | some f in got} == {_loc(_creds, 2, 1), _loc(_creds, 3, 1)}
}

# An unset other half does not count, and neither does one in an ignored
# section of the same name in the folder.
test_fires_other_half_only_unset_or_in_ignored_section if {
	unset := object.union(_key(_creds, "aws_secret_access_key", 3), {"set": false, "shape": "empty"})
	got := rule.report with input as _in([
		_profile(_creds, "credentials", "render", "render", 1, true, [_key(_creds, "aws_access_key_id", 2), unset]),
		_profile(_config, "config", "render", "render", 1, false, [_key(_config, "aws_secret_access_key", 2)]),
	])
	{f.location | some f in got} == {_loc(_creds, 2, 1), _loc(_config, 1, 1)}
}

# Both halves in the profile: quiet, whatever the folder's other file holds.
test_quiet_both_halves_next_to_a_lone_half_elsewhere if {
	got := rule.report with input as _in([
		_profile(_creds, "credentials", "render", "render", 1, true, _pair(_creds, 2)),
		_profile(_creds, "credentials", "ops", "ops", 5, true, [_key(_creds, "aws_access_key_id", 6)]),
	])
	{f.location | some f in got} == {_loc(_creds, 6, 1)}
}

# Three definitions in one file: the second and the third point at the
# first; the same name in another file and an ignored section are not
# duplicates.
test_fires_third_definition if {
	got := rule.report with input as _in([
		_profile(_creds, "credentials", "render", "render", 9, true, []),
		_profile(_creds, "credentials", "render", "render", 1, true, _pair(_creds, 2)),
		_profile(_creds, "credentials", "render", "render", 5, true, []),
		_profile(_config, "config", "profile render", "render", 1, true, []),
		_profile(_config, "config", "ops", "ops", 3, false, []),
		_profile(_config, "config", "ops", "ops", 5, false, []),
	])
	{[f.location, f.related] | some f in got; f.related} == {[_loc(_creds, 9, 1), _loc(_creds, 1, 1)], [_loc(_creds, 5, 1), _loc(_creds, 1, 1)]}
	count(got) == 4
}

# source_profile in a section the SDKs ignore is not checked.
test_quiet_source_profile_in_ignored_section if {
	role := object.union(_role_profile("bsae"), {"effective": false, "header": "render"})
	got := rule.report with input as _in([role])
	{f.location | some f in got} == {_loc(_config, 3, 1)}
}
