package remolint.rules.profiles.profile_not_found_test

import data.remolint.rules.profiles.profile_not_found as rule

_loc(path, line) := {"path": path, "line": line, "column": 1}

_var(name, line, extra) := object.union(
	{"name": name, "set": true, "secret": true, "shape": "other", "location": _loc(".env", line)},
	extra,
)

_prof_var(name, line, value) := _var(name, line, {"secret": false, "value": value})

_profile(name, effective) := {
	"name": name, "header": name, "flavour": "credentials", "path": ".aws/credentials",
	"location": _loc(".aws/credentials", 1), "keys": [], "effective": effective,
}

_input(vars, consumers, profiles) := {
	"sharedFiles": [{"path": ".aws/credentials", "flavour": "credentials", "hasDefault": false}],
	"profiles": profiles,
	"environments": [{
		"id": ".", "dir": ".", "mode": "", "project": ".", "files": [".env"],
		"variables": vars, "platforms": [], "consumers": consumers, "remotion": true, "resolution": {},
	}],
}

_finding(line, msg) := {"rule": "profile-not-found", "severity": "error", "location": _loc(".env", line), "message": msg}

test_fires_remotion_profile_missing if {
	got := rule.report with input as _input([_prof_var("REMOTION_AWS_PROFILE", 2, "remotion")], ["node"], [_profile("render", true)])
	got == {_finding(2, "REMOTION_AWS_PROFILE names the profile \"remotion\", which no AWS shared file read by this environment defines: Remotion's credentials check still passes, then the first request fails with \"Could not resolve credentials using profile: [remotion]\"")}
}

test_quiet_profile_defined if {
	got := rule.report with input as _input([_prof_var("REMOTION_AWS_PROFILE", 2, "render")], ["node"], [_profile("render", true)])
	count(got) == 0
}

test_quiet_no_shared_file_read if {
	inp := object.union(_input([_prof_var("REMOTION_AWS_PROFILE", 2, "remotion")], ["node"], []), {"sharedFiles": []})
	got := rule.report with input as inp
	count(got) == 0
}

test_quiet_not_remotion if {
	inp := _input([_prof_var("REMOTION_AWS_PROFILE", 2, "remotion")], ["node"], [_profile("render", true)])
	env := object.union(inp.environments[0], {"remotion": false})
	got := rule.report with input as object.union(inp, {"environments": [env]})
	count(got) == 0
}

test_quiet_empty_profile_variable if {
	v := _var("AWS_PROFILE", 2, {"secret": false, "set": false, "shape": "empty"})
	got := rule.report with input as _input([v], ["node"], [_profile("render", true)])
	count(got) == 0
}

test_fires_only_ineffective_section if {
	p := object.union(_profile("render", false), {"flavour": "config", "path": ".aws/config"})
	got := rule.report with input as _input([_prof_var("AWS_PROFILE", 1, "render")], ["cli"], [p])
	got == {_finding(1, "AWS_PROFILE names the profile \"render\", which no AWS shared file read by this environment defines (a config-file section [render] is ignored by the SDKs: name it [profile render]): Remotion's credentials check still passes, then the first request fails with \"Could not resolve credentials using profile: [render]\"")}
}

test_fires_aws_profile_with_go_consumer if {
	got := rule.report with input as _input([_prof_var("AWS_PROFILE", 1, "prod")], ["go", "node"], [_profile("default", true)])
	got == {_finding(1, "AWS_PROFILE names the profile \"prod\", which no AWS shared file read by this environment defines: Remotion's credentials check still passes, then the first request fails with \"Could not resolve credentials using profile: [prod]\"; the Go SDK fails to load its configuration with \"failed to get shared config profile, prod\"")}
}

test_fires_aws_profile_behind_remotion_pair if {
	got := rule.report with input as _input(
		[
			_prof_var("AWS_PROFILE", 1, "prod"),
			_var("REMOTION_AWS_ACCESS_KEY_ID", 2, {}),
			_var("REMOTION_AWS_SECRET_ACCESS_KEY", 3, {}),
		],
		["node"], [_profile("default", true)],
	)
	got == {_finding(1, "AWS_PROFILE names the profile \"prod\", which no AWS shared file read by this environment defines: Remotion uses a stronger source here, but the AWS CLI and any other SDK that reads AWS_PROFILE fail")}
}

test_fires_aws_profile_under_skip_flag if {
	got := rule.report with input as _input(
		[
			_prof_var("AWS_PROFILE", 1, "prod"),
			_prof_var("REMOTION_SKIP_AWS_CREDENTIALS_CHECK", 2, "1"),
		],
		["node"], [_profile("default", true)],
	)
	got == {_finding(1, "AWS_PROFILE names the profile \"prod\", which no AWS shared file read by this environment defines: with REMOTION_SKIP_AWS_CREDENTIALS_CHECK set the SDK chain moves past it, and renders fail with \"Could not load credentials from any providers\" unless another source supplies credentials")}
}

test_fires_remotion_profile_under_skip_flag if {
	got := rule.report with input as _input(
		[
			_prof_var("REMOTION_AWS_PROFILE", 1, "prod"),
			_prof_var("REMOTION_SKIP_AWS_CREDENTIALS_CHECK", 2, "1"),
		],
		["node"], [_profile("default", true)],
	)
	got == {_finding(1, "REMOTION_AWS_PROFILE names the profile \"prod\", which no AWS shared file read by this environment defines: Remotion ignores it while REMOTION_SKIP_AWS_CREDENTIALS_CHECK is set, and the first request fails once the flag is removed")}
}

# Go, Python and PHP clients read AWS_PROFILE only.

test_fires_go_only_with_go_wording if {
	got := rule.report with input as _input([_prof_var("AWS_PROFILE", 1, "production")], ["go"], [_profile("render", true)])
	got == {_finding(1, "AWS_PROFILE names the profile \"production\", which no AWS shared file read by this environment defines: the AWS SDK for Go fails to load its configuration with \"failed to get shared config profile, production\"")}
}

test_fires_python_and_php if {
	got := rule.report with input as _input([_prof_var("AWS_PROFILE", 1, "production")], ["php", "python"], [_profile("render", true)])
	got == {_finding(1, "AWS_PROFILE names the profile \"production\", which no AWS shared file read by this environment defines: the AWS SDK for PHP, which the PHP client uses, cannot load credentials from that profile; boto3, which the Python client uses, fails with \"The config profile (production) could not be found\"")}
}

test_quiet_sdk_only_remotion_profile if {
	got := rule.report with input as _input([_prof_var("REMOTION_AWS_PROFILE", 2, "remotion")], ["go"], [_profile("render", true)])
	count(got) == 0
}

test_quiet_go_only_profile_defined if {
	got := rule.report with input as _input([_prof_var("AWS_PROFILE", 1, "render")], ["go"], [_profile("render", true)])
	count(got) == 0
}

test_fires_node_wording_beside_go if {
	got := rule.report with input as _input([_prof_var("AWS_PROFILE", 1, "production")], ["go", "node"], [_profile("render", true)])
	some f in got
	startswith(f.message, "AWS_PROFILE names the profile \"production\", which no AWS shared file read by this environment defines: Remotion's credentials check still passes")
	endswith(f.message, "; the Go SDK fails to load its configuration with \"failed to get shared config profile, production\"")
}

test_fires_go_only_notes_the_pair if {
	got := rule.report with input as _input(
		[_prof_var("AWS_PROFILE", 1, "production"), _var("AWS_ACCESS_KEY_ID", 2, {}), _var("AWS_SECRET_KEY", 3, {})],
		["go"], [_profile("render", true)],
	)
	some f in got
	endswith(f.message, "\"failed to get shared config profile, production\" (even though the AWS key pair is set and would come first)")
}

# Each environment reads its own shared files.
_two_envs := {
	"sharedFiles": [
		{"path": "a/creds", "flavour": "credentials", "hasDefault": false},
		{"path": "b/creds", "flavour": "credentials", "hasDefault": false},
	],
	"profiles": [
		object.union(_profile("ci", true), {"path": "a/creds"}),
		object.union(_profile("ci-render", true), {"path": "b/creds"}),
	],
	"environments": [
		{
			"id": "a", "dir": "a", "mode": "", "project": "a", "files": ["a/.env"], "sharedFiles": ["a/creds"],
			"variables": [_prof_var("REMOTION_AWS_PROFILE", 2, "ci-render")], "platforms": [], "consumers": ["node"], "remotion": true, "resolution": {},
		},
		{
			"id": "b", "dir": "b", "mode": "", "project": "b", "files": ["b/.env"], "sharedFiles": ["b/creds"],
			"variables": [_prof_var("REMOTION_AWS_PROFILE", 3, "ci-render")], "platforms": [], "consumers": ["node"], "remotion": true, "resolution": {},
		},
	],
}

test_fires_profile_only_in_another_environments_file if {
	got := rule.report with input as _two_envs
	got == {_finding(2, "REMOTION_AWS_PROFILE names the profile \"ci-render\", which no AWS shared file read by this environment defines (b/creds defines it, but this environment does not read that file): Remotion's credentials check still passes, then the first request fails with \"Could not resolve credentials using profile: [ci-render]\"")}
}

test_quiet_environment_without_shared_files if {
	env := object.union(_two_envs.environments[0], {"sharedFiles": []})
	got := rule.report with input as object.union(_two_envs, {"environments": [env]})
	count(got) == 0
}

# Pinned (the cost rewrite keeps it): an ignored section in the file the
# environment reads does not define the profile; the note names the first,
# by path, of the files that define it, and the section note follows.
test_fires_with_first_other_definer_and_ignored_section if {
	inp := object.union(_two_envs, {
		"sharedFiles": array.concat(_two_envs.sharedFiles, [{"path": "0/creds", "flavour": "credentials", "hasDefault": false}]),
		"profiles": array.concat(_two_envs.profiles, [
			object.union(_profile("ci-render", true), {"path": "0/creds"}),
			object.union(_profile("ci-render", false), {"path": "a/creds"}),
		]),
	})
	got := rule.report with input as inp
	got == {_finding(2, "REMOTION_AWS_PROFILE names the profile \"ci-render\", which no AWS shared file read by this environment defines (0/creds defines it, but this environment does not read that file) (a config-file section [ci-render] is ignored by the SDKs: name it [profile ci-render]): Remotion's credentials check still passes, then the first request fails with \"Could not resolve credentials using profile: [ci-render]\"")}
}
