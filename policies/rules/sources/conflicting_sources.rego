# METADATA
# title: conflicting-sources
# description: |
#   Finds an environment that configures more than one AWS credential source
#   for Remotion. Only one source is ever used; the others are dead
#   configuration that someone will one day edit and wonder why nothing
#   changes. For each environment of a Remotion project it reports:
#
#   - every source that loses to a stronger one (per the real precedence,
#     not the documented one), at its definition, naming the winner;
#   - a `REMOTION_AWS_*` pair and an `AWS_*` pair that hold different keys:
#     Remotion uses one, the AWS CLI and other SDKs the other;
#   - `AWS_PROFILE` beside the `AWS_*` pair in a project with both Node (or
#     CLI) and Go consumers: the Node SDK prefers the profile, the Go SDK
#     prefers the keys;
#   - a credential variable set twice with different values, in one file or
#     across layers (`.env`, `.env.<mode>`, `.env.local`, `.env.<mode>.local`),
#     at the definition that loses.
#
#   The same values under both prefixes (a REMOTION pair and an AWS pair with
#   the same key id and secret, or the same profile name or token) are one
#   source, not two, and are not reported, as a variable set twice to the same
#   value is not.
#
#   Where Go, Python or PHP clients read the same environment as Node code,
#   a source that Remotion's Node code ignores but such a client uses is
#   reported as such, naming which client uses which source. In an
#   environment read only by those clients, their own precedence applies:
#   the Go resolver's verdict for the Go client; for Python and PHP the
#   `AWS_*` pair, and `REMOTION_*` names are never read, so they lose to it.
# custom:
#   severity: warning
#   summary: more than one credential source in one environment; all but one are silently ignored
#   requires_remotion: true
#   bad: |
#     AWS_PROFILE=render
#     REMOTION_AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
#     REMOTION_AWS_SECRET_ACCESS_KEY=...
#   good: |
#     REMOTION_AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
#     REMOTION_AWS_SECRET_ACCESS_KEY=...
#   remotion: |
#     Node APIs and the CLI use, first match wins: REMOTION_AWS_PROFILE, the
#     REMOTION pair, AWS_PROFILE, the AWS pair, the SDK default chain. Remotion's
#     docs list "REMOTION_AWS_PROFILE or AWS_PROFILE" first, but a complete
#     REMOTION pair beats AWS_PROFILE. The AWS SDK for Go uses the AWS pair
#     before AWS_PROFILE, the opposite of Node.
package remolint.rules.sources.conflicting_sources

import data.remolint.lib

# Credential variables whose repeated definitions matter.
_credential_names := {
	lib.remotion_id, lib.remotion_secret, lib.remotion_token, lib.remotion_profile,
	lib.aws_id, lib.aws_secret, lib.aws_token, lib.aws_profile,
	"AWS_ACCESS_KEY", "AWS_SECRET_KEY", "AWS_DEFAULT_PROFILE", "AWS_ROLE_ARN",
	"AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE",
}

_credential(v) if v.name in _credential_names

_credential(v) if v.family.credential

# Locations of env-file entries with the empty value, as "path:line:column".
# A complete rule: built once, then each lookup is constant time.
_empty_entries := {_loc_key(e.location) |
	some f in input.envFiles
	some e in f.entries
	not e.set
}

_loc_key(loc) := sprintf("%s:%d:%d", [loc.path, loc.line, loc.column])

_remotion_envs contains env if {
	some env in input.environments
	env.remotion
}

# Environments that Remotion's Node APIs or CLI read (or an unknown consumer,
# taken as Node), and those read only by the Go, Python or PHP clients.
_node_envs contains env if {
	some env in _remotion_envs
	env.id in lib.node_envs
}

_sdk_envs contains env if {
	some env in _remotion_envs
	not env.id in lib.node_envs
}

_pair_names := {lib.aws_id, lib.aws_secret}

_both_pairs(env) if {
	every n in [lib.remotion_id, lib.remotion_secret, lib.aws_id, lib.aws_secret] {
		lib.is_set(env, n)
	}
}

# The REMOTION and AWS pairs hold different keys and Remotion does use its
# own pair (the skip flag would make it use the AWS pair too).
_pairs_differ(env) if {
	_both_pairs(env)
	not lib.is_set(env, lib.skip_flag)
	vars := lib.env_vars[env.id]
	some n in [lib.aws_id, lib.aws_secret]
	vars[n].hash != vars[concat("", ["REMOTION_", n])].hash
}

_shown(v) := sprintf(" (%s)", [v.display]) if v.display != ""

else := ""

# The definition of the winning source, by environment id.
_winner_loc := {env.id: w.location |
	some env in _node_envs
	w := lib.env_vars[env.id][env.resolution.node.source]
}

_docs_note(name, source) := " (Remotion's docs list AWS_PROFILE first, but a complete REMOTION pair wins)" if {
	name == lib.aws_profile
	source == lib.remotion_id
} else := ""

# Environments whose pairs differ, by id (the pair finding replaces the
# lower-precedence findings of the AWS pair there).
_differ_ids := {env.id | some env in _node_envs; _pairs_differ(env)}

# ---------------------------------------------------------------------------
# What the Go, Python and PHP clients of an environment use.
# ---------------------------------------------------------------------------

# _sdk_uses[[env id, client]] is [the names the client takes its credentials
# from, the source in words]. Go: the Go resolver's winner when it is the
# AWS pair (AWS_ACCESS_KEY/AWS_SECRET_KEY aliases second) or a profile
# variable. Python and PHP: the AWS_* pair, with AWS_SESSION_TOKEN.
# Complete rules, built once (a partial object queried with computed keys
# may be re-derived for each lookup).
_sdk_uses := object.union_n([_go_pair_uses, _go_profile_uses, _boto_uses])

_go_pair_uses := {[env.id, "go"]: [names, res.using] |
	some env in _remotion_envs
	"go" in lib.sdk_clients[env.id]
	res := env.resolution.go
	res.outcome != "profile-not-found"
	res.source == lib.aws_id
	vars := lib.env_vars[env.id]
	id := [n | some n in [lib.aws_id, "AWS_ACCESS_KEY"]; vars[n].set][0]
	secret := [n | some n in [lib.aws_secret, "AWS_SECRET_KEY"]; vars[n].set][0]
	names := {id, secret} | {lib.aws_token | res.sessionToken}
}

_go_profile_uses := {[env.id, "go"]: [{name}, res.using] |
	some env in _remotion_envs
	"go" in lib.sdk_clients[env.id]
	res := env.resolution.go
	res.outcome != "profile-not-found"
	res.source == lib.aws_profile
	vars := lib.env_vars[env.id]
	name := [n | some n in [lib.aws_profile, "AWS_DEFAULT_PROFILE"]; vars[n].set][0]
}

_boto_uses := {[env.id, c]: [names, "the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair"] |
	some env in _remotion_envs
	some c in lib.sdk_clients[env.id]
	c in {"python", "php"}
	vars := lib.env_vars[env.id]
	vars[lib.aws_id].set
	vars[lib.aws_secret].set
	names := {n | some n in [lib.aws_id, lib.aws_secret, lib.aws_token]; vars[n].set}
}

# Clients of an environment that use name, and what they use, as
# [clients, using]; one entry per distinct "using".
_used_by(env_id, name) := {[cs, using] |
	some c in lib.sdk_clients[env_id]
	[names, using] := _sdk_uses[[env_id, c]]
	name in names
	cs := {d |
		some d in lib.sdk_clients[env_id]
		[ns, u] := _sdk_uses[[env_id, d]]
		u == using
		name in ns
	}
}

# "Remotion and the AWS CLI", or with SDK clients beside Node code,
# "Remotion's Node code and the Go client (like the AWS CLI)".
_sides(env_id) := sprintf("Remotion's Node code and %s (like the AWS CLI)", [lib.clients_phrase(cs)]) if {
	cs := {c | some c in lib.sdk_clients[env_id]; _sdk_uses[[env_id, c]]}
	count(cs) > 0
} else := "Remotion and the AWS CLI"

# ---------------------------------------------------------------------------
# Same values under both prefixes are one source, not two (as a variable set
# twice to the same value is not reported either).
# ---------------------------------------------------------------------------

_counterpart := {
	lib.aws_id: lib.remotion_id, lib.aws_secret: lib.remotion_secret,
	lib.aws_token: lib.remotion_token, lib.aws_profile: lib.remotion_profile,
}

# Both pairs are set and hold the same key id and the same secret.
_same_pairs(env_id) if {
	vars := lib.env_vars[env_id]
	every n in [lib.aws_id, lib.aws_secret] {
		vars[n].set
		vars[_counterpart[n]].set
		vars[n].hash == vars[_counterpart[n]].hash
	}
}

# name (under either prefix) holds the same value as its counterpart: a key
# id or secret when both whole pairs are the same, a token or profile name
# when both are set to the same value.
_duplicate(env_id, name) if {
	name in {lib.aws_id, lib.aws_secret, lib.remotion_id, lib.remotion_secret}
	_same_pairs(env_id)
}

_duplicate(env_id, name) if {
	some a, r in _counterpart
	name in {a, r}
	not a in {lib.aws_id, lib.aws_secret}
	vars := lib.env_vars[env_id]
	vars[a].set
	vars[r].set
	vars[a].hash == vars[r].hash
}

# ---------------------------------------------------------------------------
# Environments Remotion's Node code reads.
# ---------------------------------------------------------------------------

# AWS_PROFILE beside the AWS pair, read by both Node and Go: one finding
# names which client uses which, and replaces the losers of the pair.
_profile_pair_ids := {env.id |
	some env in _node_envs
	"go" in env.consumers
	lib.is_set(env, lib.aws_profile)
	lib.is_set(env, lib.aws_id)
	lib.is_set(env, lib.aws_secret)
	_node_picks_aws_profile(env)
}

# Sources that lose to a stronger one, as [env id, location, message].
# Functions here take only small arguments: OPA hashes arguments per call,
# so passing an environment would make the rule quadratic.
_losers contains [env.id, v.location, msg] if {
	some env in _node_envs
	res := env.resolution.node
	source := res.source
	using := res.using
	some ig in res.ignored
	ig.code == "lower-precedence"
	v := lib.env_vars[env.id][ig.name]
	not _covered(env.id, ig.name)
	not _duplicate(env.id, ig.name)
	not _sdk_used(env.id, ig.name)
	msg := sprintf("%s is ignored: Remotion uses %s, which takes precedence%s", [ig.name, using, _docs_note(ig.name, source)])
}

# A source Remotion's Node code ignores but a Go, Python or PHP client of the
# same environment uses.
_losers contains [env.id, v.location, msg] if {
	some env in _node_envs
	res := env.resolution.node
	some ig in res.ignored
	ig.code == "lower-precedence"
	v := lib.env_vars[env.id][ig.name]
	not _covered(env.id, ig.name)
	not _duplicate(env.id, ig.name)
	some [cs, sdk_using] in _used_by(env.id, ig.name)
	msg := sprintf("%s is ignored by Remotion's Node code, which uses %s, but %s %s %s: the clients of this environment authenticate from different sources", [ig.name, res.using, lib.clients_phrase(cs), _verb(cs, "uses", "use"), sdk_using])
}

_sdk_used(env_id, name) if {
	some c in lib.sdk_clients[env_id]
	[names, _] := _sdk_uses[[env_id, c]]
	name in names
}

_covered(id, name) if {
	name in _pair_names
	id in _differ_ids
}

_covered(id, name) if {
	id in _profile_pair_ids
	_sdk_used(id, name)
}

# A source that loses to a stronger one.
report contains lib.finding_related(rego.metadata.chain(), loc, msg, _winner_loc[id]) if {
	some [id, loc, msg] in _losers
}

report contains lib.finding(rego.metadata.chain(), loc, msg) if {
	some [id, loc, msg] in _losers
	not _winner_loc[id]
}

# REMOTION and AWS pairs with different keys.
report contains lib.finding_related(rego.metadata.chain(), aws.location, msg, rem.location) if {
	some env in _node_envs
	_pairs_differ(env)
	vars := lib.env_vars[env.id]
	aws := vars[lib.aws_id]
	rem := vars[lib.remotion_id]
	aws.hash != rem.hash
	msg := sprintf("the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair holds a different key%s than the REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair%s: %s will use different accounts", [_shown(aws), _shown(rem), _sides(env.id)])
}

report contains lib.finding_related(rego.metadata.chain(), aws.location, msg, rem.location) if {
	some env in _node_envs
	_pairs_differ(env)
	vars := lib.env_vars[env.id]
	vars[lib.aws_id].hash == vars[lib.remotion_id].hash
	aws := vars[lib.aws_secret]
	rem := vars[lib.remotion_secret]
	msg := sprintf("AWS_SECRET_ACCESS_KEY differs from REMOTION_AWS_SECRET_ACCESS_KEY for the same key id%s: %s will not both authenticate, one of the two secrets is wrong", [_shown(vars[lib.aws_id]), _sides(env.id)])
}

# Node picks AWS_PROFILE when no REMOTION source applies, or under the skip
# flag (the SDK chain skips the AWS pair when AWS_PROFILE is set).
_node_picks_aws_profile(env) if lib.is_set(env, lib.skip_flag)

_node_picks_aws_profile(env) if {
	not lib.is_set(env, lib.remotion_profile)
	not _remotion_pair(env)
}

_remotion_pair(env) if {
	lib.is_set(env, lib.remotion_id)
	lib.is_set(env, lib.remotion_secret)
}

# AWS_PROFILE beside the AWS pair, read by both Node and Go.
report contains lib.finding_related(rego.metadata.chain(), prof.location, msg, keys.location) if {
	some id in _profile_pair_ids
	vars := lib.env_vars[id]
	prof := vars[lib.aws_profile]
	keys := vars[lib.aws_id]
	msg := "AWS_PROFILE and the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair are both set: Node picks the profile, the Go SDK picks the keys"
}

# ---------------------------------------------------------------------------
# Environments read only by the Go, Python or PHP clients.
# ---------------------------------------------------------------------------

# The Go client: sources the Go resolver reports as losing, or as never read
# (REMOTION_* names), when it has a winner of its own. A REMOTION_* session
# token is session-token-mismatch's to report.
report contains lib.finding_related(rego.metadata.chain(), v.location, msg, w.location) if {
	some env in _sdk_envs
	[names, using] := _sdk_uses[[env.id, "go"]]
	vars := lib.env_vars[env.id]
	w := vars[_winner_name(names)]
	some ig in env.resolution.go.ignored
	ig.code in {"lower-precedence", "not-read"}
	ig.name != lib.remotion_token
	not _duplicate(env.id, ig.name)
	v := vars[ig.name]
	msg := sprintf("%s is ignored: the Go client uses %s%s", [ig.name, using, _go_why(ig.code, ig.name)])
}

_winner_name(names) := [n | some n in [lib.aws_id, "AWS_ACCESS_KEY", lib.aws_profile, "AWS_DEFAULT_PROFILE"]; n in names][0]

_go_why("not-read", _) := " (it never reads REMOTION_* names)"

_go_why("lower-precedence", name) := ", which the AWS SDK for Go takes first (the profile must still exist, or configuration loading fails)" if {
	name in {lib.aws_profile, "AWS_DEFAULT_PROFILE"}
}

_go_why("lower-precedence", name) := ", which the AWS SDK for Go takes first" if {
	not name in {lib.aws_profile, "AWS_DEFAULT_PROFILE"}
}

# The Python and PHP clients: REMOTION_* names lose to the AWS pair (a
# REMOTION_* session token is session-token-mismatch's to report).
report contains lib.finding_related(rego.metadata.chain(), v.location, msg, w.location) if {
	some env in _sdk_envs
	vars := lib.env_vars[env.id]
	cs := {c | some c in lib.sdk_clients[env.id]; c in {"python", "php"}; _sdk_uses[[env.id, c]]}
	count(cs) > 0
	some name in [lib.remotion_id, lib.remotion_secret, lib.remotion_profile]
	v := vars[name]
	v.set
	not _duplicate(env.id, name)
	w := vars[lib.aws_id]
	msg := sprintf("%s is ignored: %s never %s REMOTION_* names and %s the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair", [name, lib.clients_phrase(cs), _verb(cs, "reads", "read"), _verb(cs, "uses", "use")])
}

# The verb for one client or several.
_verb(cs, one, _) := one if count(cs) == 1

_verb(cs, _, many) := many if count(cs) != 1

# ---------------------------------------------------------------------------
# Every environment.
# ---------------------------------------------------------------------------

# The same credential variable set twice with different values.
report contains lib.finding_related(rego.metadata.chain(), o.location, msg, v.location) if {
	some env in _remotion_envs
	some v in env.variables
	v.set
	_credential(v)
	some o in v.overrides
	o.sameValue == false
	not _overridden_empty(o)
	msg := sprintf("%s is set again with a different value at %s:%d, which wins: this definition is ignored", [v.name, v.location.path, v.location.line])
}

# An overridden definition that was empty was never "set" (Remotion's sense).
_overridden_empty(o) if _loc_key(o.location) in _empty_entries
