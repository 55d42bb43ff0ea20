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
#
#   The first two describe Remotion's Node APIs and CLI, and apply to
#   environments they read (or whose consumer is unknown). The Go, Python and
#   PHP clients read no `REMOTION_*` name: their AWS SDKs take a token only
#   from `AWS_SESSION_TOKEN`. For an environment read only by them the rule
#   reports a `REMOTION_AWS_SESSION_TOKEN` set beside the `AWS_*` key pair
#   they use (and no `AWS_SESSION_TOKEN`): the pair goes to AWS without it;
#   and a temporary `AWS_*` key id without `AWS_SESSION_TOKEN`. Without such
#   a pair, credentials held only under `REMOTION_*` names are
#   `sdk-ignores-remotion-prefix`'s to report.
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

# Environments of Remotion projects, and those that Remotion's Node APIs or
# CLI read (or an unknown consumer, taken as Node).
_envs contains env if {
	some env in input.environments
	env.remotion
}

_node_envs contains env if {
	some env in _envs
	env.id in lib.node_envs
}

# Environments read only by the Go, Python or PHP clients.
_sdk_envs contains env if {
	some env in _envs
	not env.id in lib.node_envs
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
	some env in _node_envs
	lib.is_set(env, lib.remotion_token)
	not _remotion_pair(env)
	v := lib.env_vars[env.id][lib.remotion_token]
	msg := "REMOTION_AWS_SESSION_TOKEN is set but the REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair is not complete: Remotion uses this token only with that pair, never with the AWS_* keys, so it is never sent"
}

# AWS_SESSION_TOKEN beside the REMOTION pair Remotion uses, which has no token.
report contains lib.finding_related(rego.metadata.chain(), v.location, msg, id.location) if {
	some env in _node_envs
	lib.is_set(env, lib.aws_token)
	_uses_remotion_pair(env)
	not lib.is_set(env, lib.remotion_token)
	v := lib.env_vars[env.id][lib.aws_token]
	id := lib.env_vars[env.id][lib.remotion_id]
	msg := "AWS_SESSION_TOKEN is never sent with the REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair, which Remotion uses without a token: set REMOTION_AWS_SESSION_TOKEN instead"
}

# Key ids each kind of environment reads, with the token that goes with them:
# Remotion's Node code reads both prefixes; the Go, Python and PHP SDKs read
# the AWS_* id (Go also its AWS_ACCESS_KEY alias, when AWS_ACCESS_KEY_ID is
# not set).
# not set). Keyed by environment id, so no environment object is hashed.
_ids contains [env.id, lib.remotion_id, lib.remotion_token] if some env in _node_envs

_ids contains [env.id, lib.aws_id, lib.aws_token] if some env in _envs

_ids contains [env.id, "AWS_ACCESS_KEY", lib.aws_token] if {
	some env in _sdk_envs
	"go" in lib.sdk_clients[env.id]
	not lib.is_set(env, lib.aws_id)
}

# A temporary key id without a token of its own prefix.
report contains lib.finding(rego.metadata.chain(), v.location, msg) if {
	some [id, name, token] in _ids
	vars := lib.env_vars[id]
	v := vars[name]
	v.set
	v.shape == "aws-temporary-key-id"
	not vars[token].set
	msg := sprintf("%s holds a temporary key id%s but %s is not set: AWS rejects every request with \"The security token included in the request is invalid\"", [name, _shown(v), token])
}

# The key pair each Go, Python or PHP client of an environment uses, as
# [id name, secret name]: the AWS_* pair (Go also reads the AWS_ACCESS_KEY
# and AWS_SECRET_KEY aliases, second).
_sdk_names := {
	"go": [[lib.aws_id, "AWS_ACCESS_KEY"], [lib.aws_secret, "AWS_SECRET_KEY"]],
	"python": [[lib.aws_id], [lib.aws_secret]],
	"php": [[lib.aws_id], [lib.aws_secret]],
}

_sdk_pair := {[env.id, c]: [id, secret] |
	some env in _sdk_envs
	vars := lib.env_vars[env.id]
	some c in lib.sdk_clients[env.id]
	[ids, secrets] := _sdk_names[c]
	id := [n | some n in ids; vars[n].set][0]
	secret := [n | some n in secrets; vars[n].set][0]
}

_sdks_take(clients) := "SDK takes" if count(clients) == 1

else := "SDKs take"

# REMOTION_AWS_SESSION_TOKEN beside the key pair that a Go, Python or PHP
# client uses: the pair goes to AWS without it. (Without such a pair the
# environment holds credentials only under names these clients never read,
# which sdk-ignores-remotion-prefix reports.)
report contains lib.finding_related(rego.metadata.chain(), v.location, msg, idv.location) if {
	some env in _sdk_envs
	vars := lib.env_vars[env.id]
	vars[lib.remotion_token].set
	not vars[lib.aws_token].set
	some pair in {p | some c in lib.sdk_clients[env.id]; p := _sdk_pair[[env.id, c]]}
	clients := {c | some c in lib.sdk_clients[env.id]; _sdk_pair[[env.id, c]] == pair}
	v := vars[lib.remotion_token]
	idv := vars[pair[0]]
	msg := sprintf("REMOTION_AWS_SESSION_TOKEN is never read by %s, whose AWS %s a session token only from AWS_SESSION_TOKEN: the %s/%s pair goes to AWS without it; rename it to AWS_SESSION_TOKEN if it belongs to that pair", [lib.clients_phrase(clients), _sdks_take(clients), pair[0], pair[1]])
}
