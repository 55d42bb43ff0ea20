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
# number of variables in the tree. A test of a value is a comparison
# (`env.remotion != false`, not a bare `env.remotion`), which spares OPA a
# generated variable on each evaluation: the two forms pass and fail alike.

# Each Remotion environment (by index) that deploys to Vercel or Netlify,
# that Remotion's Node APIs or CLI read, and that sets the flag: [flag
# variable index, its platforms among vercel and netlify]. The platforms
# are tested first: most environments have neither.
_candidates := {i: [j, platforms] |
	envs := input.environments
	some [i, j] in lib.variables[lib.skip_flag]
	env := envs[i]
	some p in env.platforms
	p in {"vercel", "netlify"}
	env.variables[j].set != false
	env.remotion != false
	platforms := [q | some q in ["vercel", "netlify"]; q in env.platforms]
	lib.node_reader(object.get(env, "consumers", []))
}

# The candidates (by index) that set each of the other credential sources'
# names. (`i in candidates` is a built-in call: the bare test
# `candidates[i]` would cost a generated variable on every definition.)
_setting(name) := {i |
	candidates := _candidate_envs
	envs := input.environments
	some [i, j] in lib.variables[name]
	i in candidates
	envs[i].variables[j].set != false
}

_candidate_envs := {i | some i, _ in _candidates}

# The candidates that show another credential source: a web identity (role
# and token file), an AWS_* key pair, or one of _single_sources. The sets
# are combined in Go.
_other_source := ((_setting("AWS_ROLE_ARN") & _setting("AWS_WEB_IDENTITY_TOKEN_FILE")) | (_setting(lib.aws_id) & _setting(lib.aws_secret))) | {i |
	some name in _single_sources
	some i in _setting(name)
}

_single_sources := [
	lib.aws_profile, "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE",
	"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
]

# The message for each list of platforms a candidate can have.
_messages := {platforms: msg |
	some platforms in [["vercel"], ["netlify"], ["vercel", "netlify"]]
	names := concat(" and ", [lib.platform_names[p] | some p in platforms])
	msg := sprintf("REMOTION_SKIP_AWS_CREDENTIALS_CHECK is set for a %s deployment that shows no other credential source (no AWS_ROLE_ARN with AWS_WEB_IDENTITY_TOKEN_FILE, no AWS_PROFILE, no AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair): Remotion ignores the REMOTION_AWS_* variables and renders will fail with \"Could not load credentials from any providers\"%s", [names, _vercel_note(platforms)])
}

_vercel_note(platforms) := "; where Vercel injects its own AWS_* keys, requests are denied instead, as those keys grant no AWS permissions" if {
	"vercel" in platforms
} else := ""

report contains lib.finding(rego.metadata.chain(), input.environments[i].variables[j].location, _messages[platforms]) if {
	some i, [j, platforms] in _candidates
	not i in _other_source
}
