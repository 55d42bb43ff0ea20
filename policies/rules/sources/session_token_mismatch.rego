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

# ---------------------------------------------------------------------------
# Lookups, through the name index. Every finding is at the definition of a
# session token or a key id, so the rule goes from the definitions of those
# names and never makes a pass over every environment or variable of the
# tree. Environments are named by their index in input.environments;
# functions take only that index (OPA hashes the arguments of every call).
# ---------------------------------------------------------------------------

# _var[[i, name]] is the definition of name in input.environments[i], for
# the credential names (lib.credential_variables, shared with the other
# rules of this family).
_var := lib.credential_variables

# Remotion's Node APIs or CLI read input.environments[i] (or an unknown
# consumer, taken as Node), as lib.node_reader says. Environments read only by the
# Go, Python or PHP clients are the others. Checked on the few definitions
# that would make a finding.
_node(i) if lib.node_reader(input.environments[i].consumers)

_remotion_pair(i) if {
	_var[[i, lib.remotion_id]].set
	_var[[i, lib.remotion_secret]].set
}

# Remotion uses the REMOTION pair (no REMOTION profile before it, no skip flag).
_uses_remotion_pair(i) if {
	_remotion_pair(i)
	not _var[[i, lib.remotion_profile]].set
	not _var[[i, lib.skip_flag]].set
}

_shown(v) := sprintf(" (%s)", [v.display]) if v.display != ""

else := ""

# REMOTION_AWS_SESSION_TOKEN without a complete REMOTION pair.
report contains lib.finding(rego.metadata.chain(), v.location, msg) if {
	some [i, j] in lib.variables[lib.remotion_token]
	v := input.environments[i].variables[j]
	v.set
	not _remotion_pair(i)
	input.environments[i].remotion
	_node(i)
	msg := "REMOTION_AWS_SESSION_TOKEN is set but the REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair is not complete: Remotion uses this token only with that pair, never with the AWS_* keys, so it is never sent"
}

# AWS_SESSION_TOKEN beside the REMOTION pair Remotion uses, which has no token.
# Only the environments that define AWS_SESSION_TOKEN and both halves of the
# REMOTION pair can have it: the intersection of the sets of those that
# define each name (in Go) leaves those few, the only ones looked at.
report contains lib.finding_related(rego.metadata.chain(), v.location, msg, id.location) if {
	by_name := lib.variables
	tokens := by_name[lib.aws_token]
	ids := by_name[lib.remotion_id]
	secrets := by_name[lib.remotion_secret]
	some i in (({i | some [i, _] in tokens} & {i | some [i, _] in ids}) & {i | some [i, _] in secrets})
	v := _var[[i, lib.aws_token]]
	v.set
	not _var[[i, lib.remotion_token]].set
	_uses_remotion_pair(i)
	input.environments[i].remotion
	_node(i)
	id := _var[[i, lib.remotion_id]]
	msg := "AWS_SESSION_TOKEN is never sent with the REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair, which Remotion uses without a token: set REMOTION_AWS_SESSION_TOKEN instead"
}

# Key ids each kind of environment reads, with the token that goes with them:
# Remotion's Node code reads both prefixes; the Go, Python and PHP SDKs read
# the AWS_* id (Go also its AWS_ACCESS_KEY alias, when AWS_ACCESS_KEY_ID is
# not set): _token maps each key id to its token, and _reads_id(i, name) is
# true when the environment reads that key id.
_token := {lib.remotion_id: lib.remotion_token, lib.aws_id: lib.aws_token, "AWS_ACCESS_KEY": lib.aws_token}

_reads_id(i, name) if {
	name == lib.remotion_id
	_node(i)
}

_reads_id(_, name) if name == lib.aws_id

_reads_id(i, name) if {
	name == "AWS_ACCESS_KEY"
	not _node(i)
	"go" in input.environments[i].consumers
	not _var[[i, lib.aws_id]].set
}

# A temporary key id without a token of its own prefix.
report contains lib.finding(rego.metadata.chain(), v.location, msg) if {
	some name, token in _token
	some [i, j] in lib.variables[name]
	v := input.environments[i].variables[j]
	v.shape == "aws-temporary-key-id"
	v.set
	not _var[[i, token]].set
	input.environments[i].remotion
	_reads_id(i, name)
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

# Environments read only by the Go, Python or PHP clients that set
# REMOTION_AWS_SESSION_TOKEN and not AWS_SESSION_TOKEN, with their clients
# (as lib.sdk_clients), grouped by an indexed comprehension.
_sdk_client_pairs contains [i, c] if {
	some [i, j] in lib.variables[lib.remotion_token]
	input.environments[i].variables[j].set
	not _var[[i, lib.aws_token]].set
	env := input.environments[i]
	env.remotion
	some c in env.consumers
	c in lib.sdk_consumers
	not _node(i)
}

_sdk_client_envs := {i | some [i, _] in _sdk_client_pairs}

_sdk_clients := {i: cs |
	some i in _sdk_client_envs
	cs := {c | some [i2, c] in _sdk_client_pairs; i2 == i}
}

_sdk_pair := {[i, c]: [id, secret] |
	some i, cs in _sdk_clients
	some c in cs
	[ids, secrets] := _sdk_names[c]
	id := [n | some n in ids; _var[[i, n]].set][0]
	secret := [n | some n in secrets; _var[[i, n]].set][0]
}

_sdks_take(clients) := "SDK takes" if count(clients) == 1

else := "SDKs take"

# REMOTION_AWS_SESSION_TOKEN beside the key pair that a Go, Python or PHP
# client uses: the pair goes to AWS without it. (Without such a pair the
# environment holds credentials only under names these clients never read,
# which sdk-ignores-remotion-prefix reports.)
report contains lib.finding_related(rego.metadata.chain(), v.location, msg, idv.location) if {
	some i, cs in _sdk_clients
	some pair in {p | some c in cs; p := _sdk_pair[[i, c]]}
	clients := {c | some c in cs; _sdk_pair[[i, c]] == pair}
	v := _var[[i, lib.remotion_token]]
	idv := _var[[i, pair[0]]]
	msg := sprintf("REMOTION_AWS_SESSION_TOKEN is never read by %s, whose AWS %s a session token only from AWS_SESSION_TOKEN: the %s/%s pair goes to AWS without it; rename it to AWS_SESSION_TOKEN if it belongs to that pair", [lib.clients_phrase(clients), _sdks_take(clients), pair[0], pair[1]])
}
