# METADATA
# title: profile-not-found
# description: |
#   Finds `REMOTION_AWS_PROFILE` or `AWS_PROFILE` naming a profile that none of
#   the scanned AWS shared files defines (`[NAME]` in a credentials file,
#   `[profile NAME]` in a config file). It runs only when at least one shared
#   file was read (a `.aws` folder in the tree, `--aws-dir`, or a file that
#   `AWS_SHARED_CREDENTIALS_FILE`/`AWS_CONFIG_FILE` names), since otherwise
#   the profiles of the machine that runs the program are unknown. Each
#   environment is checked against the shared files it reads: those its own
#   `AWS_SHARED_CREDENTIALS_FILE`/`AWS_CONFIG_FILE` name, else the scanned
#   ones no environment names; a profile defined only in another project's
#   file does not count.
#
#   A missing profile is not a fallback: Remotion's pre-flight check passes as
#   soon as a profile variable is set, and the first request fails.
#
#   For an environment read only by the Go, Python or PHP clients (which read
#   no `REMOTION_*` name) only `AWS_PROFILE` counts, and the message says what
#   their AWS SDK does: the AWS SDK for Go fails to load its configuration
#   ("failed to get shared config profile, NAME") even when the AWS key pair
#   is set; boto3 fails with "The config profile (NAME) could not be found".
# custom:
#   severity: error
#   summary: a profile variable names a profile no scanned AWS shared file defines
#   requires_remotion: true
#   bad: |
#     # .env
#     REMOTION_AWS_PROFILE=remotion
#     # .aws/credentials
#     [render]
#   good: |
#     REMOTION_AWS_PROFILE=render
#   remotion: |
#     The check passes whenever REMOTION_AWS_PROFILE or AWS_PROFILE is set,
#     whether or not the profile exists. Rows 1 and 4 of Remotion's resolution
#     then ask the SDK for that profile and the first request fails with
#     "Could not resolve credentials using profile: [NAME]". The AWS SDK for Go
#     fails earlier, at configuration loading, for a missing AWS_PROFILE.
package remolint.rules.profiles.profile_not_found

import data.remolint.lib

# Cost notes: the rule goes through the name index (lib.variables) straight
# to the REMOTION_AWS_PROFILE and AWS_PROFILE definitions, so its cost
# follows them, not the number of variables in the tree. Environments are
# named by their index in input.environments; whether an environment sets
# another name is looked up in _set_vars, built from the index only when a
# finding needs it. Profiles are read only to find the files that define
# the names those variables set, and whether a variable's profile is
# missing is a function of its environment's shared file list and the
# name, which OPA caches (environments share lists and names). Boolean
# fields, which the input schema types as booleans, are compared with
# `== true`: a bare boolean expression allocates on every evaluation in OPA.

# _paths_of[prof] is the set of paths of the shared files that define the
# profile prof (effectively), for each profile a profile variable names (an
# indexed comprehension: one pass over the profiles).
_paths_of := {prof: {p.path | some p in input.profiles; p.effective == true; p.name == prof} | some prof in _wanted}

# The profiles that the profile variables name (a superset of those a
# candidate below looks up: one read per definition, without the tests).
_wanted := {input.environments[i].variables[j].value |
	some name in [lib.remotion_profile, lib.aws_profile]
	some [i, j] in lib.variables[name]
}

# The shared files that apply to an environment: the ones the model lists
# for it (those its AWS_SHARED_CREDENTIALS_FILE/AWS_CONFIG_FILE name, else
# the scanned ones no environment names); without that list, every scanned
# shared file.
_applying(files) := {f | some f in files} if is_array(files)

_applying(files) := _all_shared if not is_array(files)

_all_shared := {f.path | some f in input.sharedFiles}

# prof is missing from the shared files that apply for an environment's
# list (files), and some apply. False otherwise, so that OPA caches both
# answers.
_missing_from(files, prof) if {
	applying := _applying(files)
	count(applying) > 0
	not _defined(applying, prof)
} else := false

# prof is defined in one of the shared files.
_defined(files, prof) if {
	some path in _paths_of[prof]
	path in files
}

# Where else the profile is defined, for the message: the first such file
# by path.
_elsewhere_note(prof) := sprintf(" (%s defines it, but this environment does not read that file)", [min(paths)]) if {
	paths := _paths_of[prof]
	count(paths) > 0
} else := ""

_ineffective contains p.name if {
	some p in input.profiles
	not p.effective
}

# The names whose definitions the messages look at, and [environment index,
# name] for each one an environment sets (evaluated only for a finding).
_looked_up := [
	lib.skip_flag, lib.remotion_id, lib.remotion_secret, lib.remotion_profile,
	lib.aws_id, "AWS_ACCESS_KEY", lib.aws_secret, "AWS_SECRET_KEY",
]

_set_vars := {[i, name] |
	some name in _looked_up
	some [i, j] in lib.variables[name]
	input.environments[i].variables[j].set == true
}

_is_set(i, name) if [i, name] in _set_vars

_remotion_pair(i) if {
	_is_set(i, lib.remotion_id)
	_is_set(i, lib.remotion_secret)
}

# What happens, per variable and environment.
_consequence(i, name, prof) := sprintf("Remotion's credentials check still passes, then the first request fails with \"Could not resolve credentials using profile: [%s]\"", [prof]) if {
	not _is_set(i, lib.skip_flag)
	_row_used(i, name)
} else := "with REMOTION_SKIP_AWS_CREDENTIALS_CHECK set the SDK chain moves past it, and renders fail with \"Could not load credentials from any providers\" unless another source supplies credentials" if {
	name == lib.aws_profile
	_is_set(i, lib.skip_flag)
} else := "Remotion ignores it while REMOTION_SKIP_AWS_CREDENTIALS_CHECK is set, and the first request fails once the flag is removed" if {
	name == lib.remotion_profile
} else := "Remotion uses a stronger source here, but the AWS CLI and any other SDK that reads AWS_PROFILE fail"

# Row 1: REMOTION_AWS_PROFILE always wins when set.
_row_used(_, name) if name == lib.remotion_profile

# Row 4: AWS_PROFILE when no REMOTION profile or pair comes first.
_row_used(i, name) if {
	name == lib.aws_profile
	not _is_set(i, lib.remotion_profile)
	not _remotion_pair(i)
}

_go_note(i, name, prof) := sprintf("; the Go SDK fails to load its configuration with \"failed to get shared config profile, %s\"", [prof]) if {
	name == lib.aws_profile
	"go" in input.environments[i].consumers
} else := ""

_section_note(prof) := sprintf(" (a config-file section [%s] is ignored by the SDKs: name it [profile %s])", [prof, prof]) if {
	prof in _ineffective
} else := ""

# Each profile variable set in a Remotion environment that reads a shared
# file, with a profile none of those files defines: [environment index,
# variable index, name].
_missing := [[i, j, name] |
	some name in [lib.remotion_profile, lib.aws_profile]
	some [i, j] in lib.variables[name]
	env := input.environments[i]
	env.remotion == true
	v := env.variables[j]
	v.set == true
	_missing_from(object.get(env, "sharedFiles", null), v.value)
]

# Environments that Remotion's Node APIs or CLI read (or an unknown consumer).
report contains lib.finding(rego.metadata.chain(), v.location, msg) if {
	some [i, j, name] in _missing
	env := input.environments[i]
	lib.node_reader(object.get(env, "consumers", []))
	v := env.variables[j]
	prof := v.value
	msg := sprintf("%s names the profile \"%s\", which no AWS shared file read by this environment defines%s%s: %s%s", [
		name, prof, _elsewhere_note(prof), _section_note(prof),
		_consequence(i, name, prof), _go_note(i, name, prof),
	])
}

# Environments read only by the Go, Python or PHP clients: AWS_PROFILE.
report contains lib.finding(rego.metadata.chain(), v.location, msg) if {
	some [i, j, "AWS_PROFILE"] in _missing
	env := input.environments[i]
	not lib.node_reader(object.get(env, "consumers", []))
	v := env.variables[j]
	prof := v.value
	cs := lib.sdk_clients[env.id]
	pair := _pair_note(i)
	consequences := concat("; ", [_sdk_consequence(c, prof, pair) | some c in sort(cs)])
	msg := sprintf("AWS_PROFILE names the profile \"%s\", which no AWS shared file read by this environment defines%s%s: %s", [prof, _elsewhere_note(prof), _section_note(prof), consequences])
}

_sdk_consequence("go", prof, pair) := sprintf("the AWS SDK for Go fails to load its configuration with \"failed to get shared config profile, %s\"%s", [prof, pair])

_sdk_consequence("python", prof, _) := sprintf("boto3, which the Python client uses, fails with \"The config profile (%s) could not be found\"", [prof])

_sdk_consequence("php", _, _) := "the AWS SDK for PHP, which the PHP client uses, cannot load credentials from that profile"

# The Go SDK fails on the missing profile even though it would take the AWS
# pair first.
_pair_note(i) := " (even though the AWS key pair is set and would come first)" if {
	some id in [lib.aws_id, "AWS_ACCESS_KEY"]
	_is_set(i, id)
	some secret in [lib.aws_secret, "AWS_SECRET_KEY"]
	_is_set(i, secret)
} else := ""
