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
_credential_names := lib.credential_names

# ---------------------------------------------------------------------------
# Lookups, through the name index. Every finding is at the definition of one
# of _names: the credential names (among them every name the Node and Go
# resolvers report on) and the skip flag. So the rule looks only at the
# environments that define one of them, and never makes a pass over every
# variable of the tree. Environments are named by their index in
# input.environments; functions take only that index and a name (OPA hashes
# the arguments of every call). A loop over definitions binds the rules it
# reads (_var, lib's names) to variables first: naming a rule inside the
# loop evaluates the reference on every pass. A rule about a combination of
# names (both pairs, a profile beside a pair) starts from the intersection,
# in Go, of the sets of environments that define each name, and looks only
# at the few it leaves; and it is undefined at once when one of the names
# is defined nowhere. In a loop, `x != false` is the truth test of x written
# out (a bare reference tested for truth costs OPA a few allocations more
# on every pass).
# ---------------------------------------------------------------------------

_names := _credential_names | {lib.skip_flag}

# _var[[i, name]] is the definition of name in input.environments[i], for
# _names (lib.credential_variables, shared with the other rules of this
# family).
_var := lib.credential_variables

# Environments that define one of _names, in index order (a set of
# indices, built in one pass over their definitions).
_defining := {i | some name in _names; some [i, _] in lib.variables[name]}

# Remotion's Node APIs or CLI read input.environments[i], or no consumer is
# known (Node is the default reader), as lib.node_reader says.
_node(i) if lib.node_reader(input.environments[i].consumers)

# _sdk_clients[i] is the set of Go, Python and PHP consumers of the
# environment, as lib.sdk_clients (a missing entry reads as none), for the
# environments where one can use something (_sdk_uses): those that define
# the AWS key id (or its Go alias) or a profile variable. Grouped by an
# indexed comprehension.
_sdk_client_pairs contains [i, c] if {
	sdk := lib.sdk_consumers
	some name in [lib.aws_id, "AWS_ACCESS_KEY", lib.aws_profile, "AWS_DEFAULT_PROFILE"]
	some [i, _] in lib.variables[name]
	some c in input.environments[i].consumers
	c in sdk
	input.environments[i].remotion
}

_sdk_client_envs := {i | some [i, _] in _sdk_client_pairs}

_sdk_clients := {i: cs |
	some i in _sdk_client_envs
	cs := {c | some [i2, c] in _sdk_client_pairs; i2 == i}
}

# Environments read only by the Go, Python or PHP clients (not by Node),
# among those.
_sdk_envs := [i | some i in _sdk_client_envs; not _node(i)]

_pair_names := {lib.aws_id, lib.aws_secret}

_shown(v) := sprintf(" (%s)", [v.display]) if v.display != ""

else := ""

_docs_note(name, source) := " (Remotion's docs list AWS_PROFILE first, but a complete REMOTION pair wins)" if {
	name == lib.aws_profile
	source == lib.remotion_id
} else := ""

# Environments whose REMOTION and AWS pairs hold different keys while
# Remotion's Node code uses its own pair (the skip flag would make it use the
# AWS pair too), by index (the pair finding replaces the lower-precedence
# findings of the AWS pair there). Only environments that define all four
# names can.
_differ_ids := {i |
	vars := _var
	[rid, rsecret, aid, asecret] := [lib.remotion_id, lib.remotion_secret, lib.aws_id, lib.aws_secret]
	skip := lib.skip_flag
	by_name := lib.variables
	[rids, rsecrets, aids, asecrets] := [by_name[rid], by_name[rsecret], by_name[aid], by_name[asecret]]
	some i in ((({i | some [i, _] in rids} & {i | some [i, _] in rsecrets}) & {i | some [i, _] in aids}) & {i | some [i, _] in asecrets})
	vars[[i, rid]].set
	vars[[i, rsecret]].set
	vars[[i, aid]].set
	vars[[i, asecret]].set
	not vars[[i, skip]].set
	input.environments[i].remotion
	_node(i)
	some [a, r] in [[aid, rid], [asecret, rsecret]]
	vars[[i, a]].hash != vars[[i, r]].hash
}

# ---------------------------------------------------------------------------
# What the Go, Python and PHP clients of an environment use.
# ---------------------------------------------------------------------------

# _sdk_uses[[env index, client]] is [the names the client takes its
# credentials from, the source in words]. Go: the Go resolver's winner when
# it is the AWS pair (AWS_ACCESS_KEY/AWS_SECRET_KEY aliases second) or a
# profile variable. Python and PHP: the AWS_* pair, with AWS_SESSION_TOKEN.
# Complete rules, built once (a partial object queried with computed keys
# may be re-derived for each lookup).
_sdk_uses := object.union_n([_go_pair_uses, _go_profile_uses, _boto_uses])

_go_pair_uses := {[i, "go"]: [names, res.using] |
	some i, cs in _sdk_clients
	"go" in cs
	res := input.environments[i].resolution.go
	res.outcome != "profile-not-found"
	res.source == lib.aws_id
	id := [n | some n in [lib.aws_id, "AWS_ACCESS_KEY"]; _var[[i, n]].set][0]
	secret := [n | some n in [lib.aws_secret, "AWS_SECRET_KEY"]; _var[[i, n]].set][0]
	names := {id, secret} | {lib.aws_token | res.sessionToken}
}

_go_profile_uses := {[i, "go"]: [{name}, res.using] |
	some i, cs in _sdk_clients
	"go" in cs
	res := input.environments[i].resolution.go
	res.outcome != "profile-not-found"
	res.source == lib.aws_profile
	name := [n | some n in [lib.aws_profile, "AWS_DEFAULT_PROFILE"]; _var[[i, n]].set][0]
}

_boto_uses := {[i, c]: [names, "the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair"] |
	some i, cs in _sdk_clients
	some c in cs
	c in {"python", "php"}
	_var[[i, lib.aws_id]].set
	_var[[i, lib.aws_secret]].set
	names := {n | some n in [lib.aws_id, lib.aws_secret, lib.aws_token]; _var[[i, n]].set}
}

# Clients of an environment that use name, and what they use, as
# [clients, using]; one entry per distinct "using".
_used_by(i, name) := {[cs, using] |
	some c in _sdk_clients[i]
	[names, using] := _sdk_uses[[i, c]]
	name in names
	cs := {d |
		some d in _sdk_clients[i]
		[ns, u] := _sdk_uses[[i, d]]
		u == using
		name in ns
	}
}

# "Remotion and the AWS CLI", or with SDK clients beside Node code,
# "Remotion's Node code and the Go client (like the AWS CLI)".
_sides(i) := sprintf("Remotion's Node code and %s (like the AWS CLI)", [lib.clients_phrase(cs)]) if {
	cs := {c | some c in _sdk_clients[i]; _sdk_uses[[i, c]]}
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
_same_pairs(i) if {
	every n in [lib.aws_id, lib.aws_secret] {
		_var[[i, n]].set
		_var[[i, _counterpart[n]]].set
		_var[[i, n]].hash == _var[[i, _counterpart[n]]].hash
	}
}

# name (under either prefix) holds the same value as its counterpart: a key
# id or secret when both whole pairs are the same, a token or profile name
# when both are set to the same value.
_duplicate(i, name) if {
	name in {lib.aws_id, lib.aws_secret, lib.remotion_id, lib.remotion_secret}
	_same_pairs(i)
}

_duplicate(i, name) if {
	some a, r in _counterpart
	name in {a, r}
	not a in {lib.aws_id, lib.aws_secret}
	_var[[i, a]].set
	_var[[i, r]].set
	_var[[i, a]].hash == _var[[i, r]].hash
}

# ---------------------------------------------------------------------------
# Environments Remotion's Node code reads.
# ---------------------------------------------------------------------------

# AWS_PROFILE beside the AWS pair, read by both Node and Go: one finding
# names which client uses which, and replaces the losers of the pair. Only
# environments that define AWS_PROFILE and both halves of the pair can.
_profile_pair_ids := {i |
	vars := _var
	[aid, asecret] := [lib.aws_id, lib.aws_secret]
	by_name := lib.variables
	[profiles, aids, asecrets] := [by_name[lib.aws_profile], by_name[aid], by_name[asecret]]
	some i in (({i | some [i, _] in profiles} & {i | some [i, _] in aids}) & {i | some [i, _] in asecrets})
	vars[[i, lib.aws_profile]].set
	vars[[i, aid]].set
	vars[[i, asecret]].set
	"go" in input.environments[i].consumers
	input.environments[i].remotion
	_node(i)
	_node_picks_aws_profile(i)
}

# The sources that Remotion's Node code ignores because a stronger one wins,
# as [env index, ignored], in environments of Remotion projects that define
# one of _names: one pass over those environments (their lists of ignored
# sources are mostly empty, so they are read first).
_lower := [[i, ig] |
	envs := input.environments
	some i in _defining
	some ig in envs[i].resolution.node.ignored
	ig.code == "lower-precedence"
	envs[i].remotion
	_node(i)
]

# The definition of the winning source, by environment index.
_winner_loc := {i: w.location |
	some [i, _] in _lower
	w := _var[[i, input.environments[i].resolution.node.source]]
}

# Sources that lose to a stronger one, as [env index, location, message].
_losers contains [i, v.location, msg] if {
	some [i, ig] in _lower
	res := input.environments[i].resolution.node
	v := _var[[i, ig.name]]
	not _covered(i, ig.name)
	not _duplicate(i, ig.name)
	not _sdk_used(i, ig.name)
	msg := sprintf("%s is ignored: Remotion uses %s, which takes precedence%s", [ig.name, res.using, _docs_note(ig.name, res.source)])
}

# A source Remotion's Node code ignores but a Go, Python or PHP client of the
# same environment uses.
_losers contains [i, v.location, msg] if {
	some [i, ig] in _lower
	res := input.environments[i].resolution.node
	v := _var[[i, ig.name]]
	not _covered(i, ig.name)
	not _duplicate(i, ig.name)
	some [cs, sdk_using] in _used_by(i, ig.name)
	msg := sprintf("%s is ignored by Remotion's Node code, which uses %s, but %s %s %s: the clients of this environment authenticate from different sources", [ig.name, res.using, lib.clients_phrase(cs), _verb(cs, "uses", "use"), sdk_using])
}

_sdk_used(i, name) if {
	some c in _sdk_clients[i]
	[names, _] := _sdk_uses[[i, c]]
	name in names
}

_covered(i, name) if {
	name in _pair_names
	i in _differ_ids
}

_covered(i, name) if {
	i in _profile_pair_ids
	_sdk_used(i, name)
}

# A source that loses to a stronger one.
report contains lib.finding_related(rego.metadata.chain(), loc, msg, _winner_loc[i]) if {
	some [i, loc, msg] in _losers
}

report contains lib.finding(rego.metadata.chain(), loc, msg) if {
	some [i, loc, msg] in _losers
	not _winner_loc[i]
}

# REMOTION and AWS pairs with different keys.
report contains lib.finding_related(rego.metadata.chain(), aws.location, msg, rem.location) if {
	some i in _differ_ids
	aws := _var[[i, lib.aws_id]]
	rem := _var[[i, lib.remotion_id]]
	aws.hash != rem.hash
	msg := sprintf("the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair holds a different key%s than the REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair%s: %s will use different accounts", [_shown(aws), _shown(rem), _sides(i)])
}

report contains lib.finding_related(rego.metadata.chain(), aws.location, msg, rem.location) if {
	some i in _differ_ids
	id := _var[[i, lib.aws_id]]
	id.hash == _var[[i, lib.remotion_id]].hash
	aws := _var[[i, lib.aws_secret]]
	rem := _var[[i, lib.remotion_secret]]
	msg := sprintf("AWS_SECRET_ACCESS_KEY differs from REMOTION_AWS_SECRET_ACCESS_KEY for the same key id%s: %s will not both authenticate, one of the two secrets is wrong", [_shown(id), _sides(i)])
}

# Node picks AWS_PROFILE when no REMOTION source applies, or under the skip
# flag (the SDK chain skips the AWS pair when AWS_PROFILE is set).
_node_picks_aws_profile(i) if _var[[i, lib.skip_flag]].set

_node_picks_aws_profile(i) if {
	not _var[[i, lib.remotion_profile]].set
	not _remotion_pair(i)
}

_remotion_pair(i) if {
	_var[[i, lib.remotion_id]].set
	_var[[i, lib.remotion_secret]].set
}

# AWS_PROFILE beside the AWS pair, read by both Node and Go.
report contains lib.finding_related(rego.metadata.chain(), prof.location, msg, keys.location) if {
	some i in _profile_pair_ids
	prof := _var[[i, lib.aws_profile]]
	keys := _var[[i, lib.aws_id]]
	msg := "AWS_PROFILE and the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair are both set: Node picks the profile, the Go SDK picks the keys"
}

# ---------------------------------------------------------------------------
# Environments read only by the Go, Python or PHP clients.
# ---------------------------------------------------------------------------

# The Go client: sources the Go resolver reports as losing, or as never read
# (REMOTION_* names), when it has a winner of its own. A REMOTION_* session
# token is session-token-mismatch's to report.
report contains lib.finding_related(rego.metadata.chain(), v.location, msg, w.location) if {
	some i in _sdk_envs
	[names, using] := _sdk_uses[[i, "go"]]
	w := _var[[i, _winner_name(names)]]
	some ig in input.environments[i].resolution.go.ignored
	ig.code in {"lower-precedence", "not-read"}
	ig.name != lib.remotion_token
	not _duplicate(i, ig.name)
	v := _var[[i, ig.name]]
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
	some i in _sdk_envs
	cs := {c | some c in _sdk_clients[i]; c in {"python", "php"}; _sdk_uses[[i, c]]}
	count(cs) > 0
	some name in [lib.remotion_id, lib.remotion_secret, lib.remotion_profile]
	v := _var[[i, name]]
	v.set
	not _duplicate(i, name)
	w := _var[[i, lib.aws_id]]
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
	some [v, o] in _overrides
	not [o.location.path, o.location.line, o.location.column] in _empty_locs
	msg := sprintf("%s is set again with a different value at %s:%d, which wins: this definition is ignored", [v.name, v.location.path, v.location.line])
}

# Set definitions of credential variables, in environments of Remotion
# projects, that override an earlier definition with a different value, as
# [variable, override]: the credential names, and the numbered credential
# families. Through the index of the variables that override another
# (lib.overriding), the few among every definition.
_overrides contains [v, o] if {
	names := _credential_names
	envs := input.environments
	some [i, j] in lib.overriding
	v := envs[i].variables[j]
	v.name in names
	v.set != false
	envs[i].remotion != false
	some o in v.overrides
	o.sameValue == false
}

_overrides contains [v, o] if {
	names := _credential_names
	envs := input.environments
	some [i, j] in lib.overriding
	v := envs[i].variables[j]
	v.family.credential != false
	not v.name in names
	v.set != false
	envs[i].remotion != false
	some o in v.overrides
	o.sameValue == false
}

# An overridden definition that was empty was never "set" (Remotion's
# sense): the locations, as [path, line, column], of the env-file entries
# with the empty value among the names overridden above (an override is an
# earlier definition of the same name).
_empty_locs := {[l.path, l.line, l.column] |
	some name in {v.name | some [v, _] in _overrides}
	some [i, j] in lib.env_entries[name]
	e := input.envFiles[i].entries[j]
	not e.set
	l := e.location
}
