# METADATA
# title: skip-check-without-role
# description: |
#   Finds `REMOTION_SKIP_AWS_CREDENTIALS_CHECK` set for a Vercel or Netlify
#   deployment of a Remotion project whose environment shows no other
#   credential source: no `AWS_ROLE_ARN` with `AWS_WEB_IDENTITY_TOKEN_FILE`, no
#   `AWS_PROFILE` or shared-file path, no `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`
#   pair, no container credentials. The flag is meant for machines that carry
#   their own role (EC2, ECS, Lambda). With it on, Remotion ignores the
#   `REMOTION_AWS_*` variables and uses only the AWS SDK default chain, which
#   finds nothing on these platforms.
#
#   Only Remotion's Node APIs and CLI read the flag: the rule is quiet for
#   environments whose only consumers are the Go, Python or PHP clients.
# custom:
#   severity: warning
#   summary: the skip flag on Vercel or Netlify with no role or other credential source
#   requires_remotion: true
#   bad: |
#     # Vercel project
#     REMOTION_SKIP_AWS_CREDENTIALS_CHECK=1
#     REMOTION_AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
#   good: |
#     REMOTION_AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
#     REMOTION_AWS_SECRET_ACCESS_KEY=...
#   remotion: |
#     With the skip flag, Remotion builds its AWS clients with no explicit
#     credentials: the SDK default chain tries the AWS_* variables, the shared
#     files, web identity, container credentials and the instance metadata
#     service, and fails with "Could not load credentials from any providers"
#     when none yields credentials. On Vercel the chain may instead pick up the
#     platform's own AWS_* keys, which grant no AWS permissions.
package remolint.rules.skipcheck.skip_check_without_role

import data.remolint.lib

# The rule goes through the name index (lib.variables) to the definitions
# of the flag, and looks at the other credential sources only in the
# environments that set it: its cost follows those definitions, not the
# number of variables in the tree.

# Each Remotion environment (by index) that deploys to Vercel or Netlify,
# that Remotion's Node APIs or CLI read, and that sets the flag: [flag
# variable index, its platforms among vercel and netlify].
_candidates := {i: [j, platforms] |
	some [i, j] in lib.variables[lib.skip_flag]
	env := input.environments[i]
	env.variables[j].set
	env.remotion
	platforms := [p | some p in ["vercel", "netlify"]; p in env.platforms]
	count(platforms) > 0
	lib.node_reader(object.get(env, "consumers", []))
}

_source_names := [
	"AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE", lib.aws_id, lib.aws_secret,
	lib.aws_profile, "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE",
	"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
]

# [environment index, name] for each of those names a candidate sets.
_sources := {[i, name] |
	candidates := _candidates
	some name in _source_names
	some [i, j] in lib.variables[name]
	candidates[i]
	input.environments[i].variables[j].set
}

_other_source(i) if {
	[i, "AWS_ROLE_ARN"] in _sources
	[i, "AWS_WEB_IDENTITY_TOKEN_FILE"] in _sources
}

_other_source(i) if {
	[i, lib.aws_id] in _sources
	[i, lib.aws_secret] in _sources
}

_other_source(i) if {
	some name in [
		lib.aws_profile, "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE",
		"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
	]
	[i, name] in _sources
}

_vercel_note(platforms) := "; where Vercel injects its own AWS_* keys, requests are denied instead, as those keys grant no AWS permissions" if {
	"vercel" in platforms
} else := ""

report contains lib.finding(rego.metadata.chain(), flag.location, msg) if {
	some i, [j, platforms] in _candidates
	not _other_source(i)
	flag := input.environments[i].variables[j]
	names := concat(" and ", [lib.platform_names[p] | some p in platforms])
	msg := sprintf("REMOTION_SKIP_AWS_CREDENTIALS_CHECK is set for a %s deployment that shows no other credential source (no AWS_ROLE_ARN with AWS_WEB_IDENTITY_TOKEN_FILE, no AWS_PROFILE, no AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair): Remotion ignores the REMOTION_AWS_* variables and renders will fail with \"Could not load credentials from any providers\"%s", [names, _vercel_note(platforms)])
}
