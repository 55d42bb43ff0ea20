# METADATA
# title: session-token-mismatch
# description: |
#   Finds session tokens that Remotion will not send with the keys they
#   belong to. Remotion takes a session token only from the prefix of the
#   pair it uses: `REMOTION_AWS_SESSION_TOKEN` goes with the
#   `REMOTION_AWS_ACCESS_KEY_ID`/`REMOTION_AWS_SECRET_ACCESS_KEY` pair and
#   with nothing else, `AWS_SESSION_TOKEN` with the `AWS_*` pair only. In each
#   environment of a Remotion project it reports:
#
#   - `REMOTION_AWS_SESSION_TOKEN` without a complete REMOTION pair (the token
#     is never used);
#   - `AWS_SESSION_TOKEN` beside the REMOTION pair that Remotion uses, when
#     that pair has no token of its own;
#   - a temporary key id (`ASIA…`, from STS or SSO) without a token of its own
#     prefix: AWS rejects every request with "The security token included in
#     the request is invalid".
# custom:
#   severity: error
#   summary: a session token that never reaches AWS with the keys it belongs to
#   requires_remotion: true
#   bad: |
#     REMOTION_AWS_ACCESS_KEY_ID=ASIAIOSFODNN7EXAMPLE
#     REMOTION_AWS_SECRET_ACCESS_KEY=...
#     AWS_SESSION_TOKEN=...
#   good: |
#     REMOTION_AWS_ACCESS_KEY_ID=ASIAIOSFODNN7EXAMPLE
#     REMOTION_AWS_SECRET_ACCESS_KEY=...
#     REMOTION_AWS_SESSION_TOKEN=...
#   remotion: |
#     Rows 2/3 of Remotion's resolution use the REMOTION pair with
#     REMOTION_AWS_SESSION_TOKEN or with no token; rows 5/6 use the AWS pair
#     with AWS_SESSION_TOKEN or with no token. Tokens never cross prefixes.
package remolint.rules.sources.session_token_mismatch

import data.remolint.lib

_envs contains env if {
	some env in input.environments
	env.remotion
}

_remotion_pair(env) if {
	lib.is_set(env, lib.remotion_id)
	lib.is_set(env, lib.remotion_secret)
}

# Remotion uses the REMOTION pair (no REMOTION profile before it, no skip flag).
_uses_remotion_pair(env) if {
	_remotion_pair(env)
	not lib.is_set(env, lib.remotion_profile)
	not lib.is_set(env, lib.skip_flag)
}

_shown(v) := sprintf(" (%s)", [v.display]) if v.display != ""

else := ""

# REMOTION_AWS_SESSION_TOKEN without a complete REMOTION pair.
report contains lib.finding(rego.metadata.chain(), v.location, msg) if {
	some env in _envs
	lib.is_set(env, lib.remotion_token)
	not _remotion_pair(env)
	v := lib.env_vars[env.id][lib.remotion_token]
	msg := "REMOTION_AWS_SESSION_TOKEN is set but the REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair is not complete: Remotion uses this token only with that pair, never with the AWS_* keys, so it is never sent"
}

# AWS_SESSION_TOKEN beside the REMOTION pair Remotion uses, which has no token.
report contains lib.finding_related(rego.metadata.chain(), v.location, msg, id.location) if {
	some env in _envs
	lib.is_set(env, lib.aws_token)
	_uses_remotion_pair(env)
	not lib.is_set(env, lib.remotion_token)
	v := lib.env_vars[env.id][lib.aws_token]
	id := lib.env_vars[env.id][lib.remotion_id]
	msg := "AWS_SESSION_TOKEN is never sent with the REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair, which Remotion uses without a token: set REMOTION_AWS_SESSION_TOKEN instead"
}

_token_of := {lib.remotion_id: lib.remotion_token, lib.aws_id: lib.aws_token}

# A temporary key id without a token of its own prefix.
report contains lib.finding(rego.metadata.chain(), v.location, msg) if {
	some env in _envs
	some name, token in _token_of
	v := lib.env_vars[env.id][name]
	v.set
	v.shape == "aws-temporary-key-id"
	not lib.is_set(env, token)
	msg := sprintf("%s holds a temporary key id%s but %s is not set: AWS rejects every request with \"The security token included in the request is invalid\"", [name, _shown(v), token])
}
