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
_winner_loc[env.id] := w.location if {
	some env in _remotion_envs
	w := lib.env_vars[env.id][env.resolution.node.source]
}

_docs_note(name, source) := " (Remotion's docs list AWS_PROFILE first, but a complete REMOTION pair wins)" if {
	name == lib.aws_profile
	source == lib.remotion_id
} else := ""

# Environments whose pairs differ, by id (the pair finding replaces the
# lower-precedence findings of the AWS pair there).
_differ_ids contains env.id if {
	some env in _remotion_envs
	_pairs_differ(env)
}

# Sources that lose to a stronger one, as [env id, location, message].
# Functions here take only small arguments: OPA hashes arguments per call,
# so passing an environment would make the rule quadratic.
_losers contains [env.id, v.location, msg] if {
	some env in _remotion_envs
	res := env.resolution.node
	source := res.source
	using := res.using
	some ig in res.ignored
	ig.code == "lower-precedence"
	v := lib.env_vars[env.id][ig.name]
	not _covered(env.id, ig.name)
	msg := sprintf("%s is ignored: Remotion uses %s, which takes precedence%s", [ig.name, using, _docs_note(ig.name, source)])
}

_covered(id, name) if {
	name in _pair_names
	id in _differ_ids
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
	some env in _remotion_envs
	_pairs_differ(env)
	vars := lib.env_vars[env.id]
	aws := vars[lib.aws_id]
	rem := vars[lib.remotion_id]
	aws.hash != rem.hash
	msg := sprintf("the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair holds a different key%s than the REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair%s: Remotion and the AWS CLI will use different accounts", [_shown(aws), _shown(rem)])
}

report contains lib.finding_related(rego.metadata.chain(), aws.location, msg, rem.location) if {
	some env in _remotion_envs
	_pairs_differ(env)
	vars := lib.env_vars[env.id]
	vars[lib.aws_id].hash == vars[lib.remotion_id].hash
	aws := vars[lib.aws_secret]
	rem := vars[lib.remotion_secret]
	msg := sprintf("AWS_SECRET_ACCESS_KEY differs from REMOTION_AWS_SECRET_ACCESS_KEY for the same key id%s: Remotion and the AWS CLI will not both authenticate, one of the two secrets is wrong", [_shown(vars[lib.aws_id])])
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

_node_consumer(env) if "node" in env.consumers

_node_consumer(env) if "cli" in env.consumers

# AWS_PROFILE beside the AWS pair, read by both Node and Go.
report contains lib.finding_related(rego.metadata.chain(), prof.location, msg, keys.location) if {
	some env in _remotion_envs
	_node_consumer(env)
	"go" in env.consumers
	lib.is_set(env, lib.aws_profile)
	lib.is_set(env, lib.aws_id)
	lib.is_set(env, lib.aws_secret)
	_node_picks_aws_profile(env)
	vars := lib.env_vars[env.id]
	prof := vars[lib.aws_profile]
	keys := vars[lib.aws_id]
	msg := "AWS_PROFILE and the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair are both set: Node picks the profile, the Go SDK picks the keys"
}

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
