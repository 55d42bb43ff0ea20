# METADATA
# title: incomplete-key-pair
# description: |
#   Finds, in each environment of a Remotion project, an access key id without
#   its secret access key (or the reverse) under one prefix, a crossed pair
#   (`REMOTION_AWS_ACCESS_KEY_ID` with `AWS_SECRET_ACCESS_KEY`, or
#   `AWS_ACCESS_KEY_ID` with `REMOTION_AWS_SECRET_ACCESS_KEY`), and a key id or
#   secret or session token set to the empty value in an env file (`KEY=` is
#   the same as not setting it).
#
#   Remotion never fails on a half pair by itself: it silently moves on to the
#   next source (the other prefix, a profile, the `[default]` profile, or the
#   AWS SDK default chain), or its pre-flight check throws when the same half
#   is missing under both prefixes. A crossed pair passes the check and then
#   fails at the first request. The message says which of these happens.
# custom:
#   severity: error
#   summary: an access key id without its secret (or the reverse), a crossed pair, or an empty key
#   requires_remotion: true
#   bad: |
#     REMOTION_AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
#     AWS_SECRET_ACCESS_KEY=...
#   good: |
#     REMOTION_AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
#     REMOTION_AWS_SECRET_ACCESS_KEY=...
#   remotion: |
#     A pair counts only when both halves of one prefix are non-empty. The
#     pre-flight check looks at the id and the secret independently across
#     both prefixes, so a crossed pair passes it; credentials are then taken
#     per prefix, none is complete, and the first request fails with "Could
#     not load credentials from any providers".
package remolint.rules.sources.incomplete_key_pair

import data.remolint.lib

_partner := {
	lib.remotion_id: lib.remotion_secret,
	lib.remotion_secret: lib.remotion_id,
	lib.aws_id: lib.aws_secret,
	lib.aws_secret: lib.aws_id,
}

_pair := {
	lib.remotion_id: "the REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair",
	lib.remotion_secret: "the REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair",
	lib.aws_id: "the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair",
	lib.aws_secret: "the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair",
}

_envs contains env if {
	some env in input.environments
	env.remotion
}

# A crossed pair: [the REMOTION half, the AWS half], each without its partner.
_crossed(env) := [r, a] if {
	some [r, a] in [[lib.remotion_id, lib.aws_secret], [lib.remotion_secret, lib.aws_id]]
	lib.is_set(env, r)
	lib.is_set(env, a)
	not lib.is_set(env, _partner[r])
	not lib.is_set(env, _partner[a])
}

_in_crossed(env, name) if name in _crossed(env)

# An env-file definition with the empty value (counts as unset).
_empty_def(env, name) := v if {
	not env.process
	v := lib.env_vars[env.id][name]
	not v.set
}

_fails(res) := sprintf(", which fails with \"%s\"%s", [res.error, _unless(res)]) if {
	res.error != ""
} else := ""

# What Remotion does instead, per the resolver.
_outcome(env) := sprintf("Remotion's credentials check throws \"%s\"", [res.check.error]) if {
	res := env.resolution.node
	not res.check.passes
	res.check.error != ""
} else := sprintf("Remotion silently uses %s%s", [res.using, _fails(res)]) if {
	res := env.resolution.node
	res.using != ""
} else := sprintf("the Go SDK uses %s%s", [res.using, _fails(res)]) if {
	res := env.resolution.go
	res.using != ""
} else := "the next credential source is used"

# A half pair whose missing half is defined empty: report at the empty line.
report contains lib.finding_related(rego.metadata.chain(), v.location, msg, h.location) if {
	some env in _envs
	some have, miss in _partner
	lib.is_set(env, have)
	not lib.is_set(env, miss)
	not _in_crossed(env, have)
	v := _empty_def(env, miss)
	h := lib.env_vars[env.id][have]
	msg := sprintf("%s is empty, which counts as unset, while %s is set, so %s is ignored: %s", [miss, have, _pair[have], _outcome(env)])
}

# A half pair whose missing half is not defined at all.
report contains lib.finding(rego.metadata.chain(), h.location, msg) if {
	some env in _envs
	some have, miss in _partner
	lib.is_set(env, have)
	not lib.is_set(env, miss)
	not _in_crossed(env, have)
	not _empty_def(env, miss)
	h := lib.env_vars[env.id][have]
	msg := sprintf("%s is set but %s is not, so %s is ignored: %s", [have, miss, _pair[have], _outcome(env)])
}

_unless(res) := " unless the machine it runs on supplies credentials" if {
	res.outcome == "needs-runtime"
} else := ""

_crossed_outcome(env) := sprintf("the first request fails with \"%s\"%s", [res.error, _unless(res)]) if {
	res := env.resolution.node
	res.error != ""
} else := sprintf("Remotion silently uses %s", [res.using]) if {
	res := env.resolution.node
	res.using != ""
} else := "neither pair is used"

# A crossed pair.
report contains lib.finding_related(rego.metadata.chain(), r.location, msg, a.location) if {
	some env in _envs
	[rn, an] := _crossed(env)
	r := lib.env_vars[env.id][rn]
	a := lib.env_vars[env.id][an]
	msg := sprintf("%s and %s form a crossed pair: Remotion's credentials check accepts it, but credentials are taken per prefix and neither pair is complete, so %s", [rn, an, _crossed_outcome(env)])
}

# An empty key id or secret whose partner is not set either.
report contains lib.finding(rego.metadata.chain(), v.location, msg) if {
	some env in _envs
	some name, partner in _partner
	v := _empty_def(env, name)
	not lib.is_set(env, partner)
	msg := sprintf("%s is empty, which Remotion treats as unset: %s", [name, _outcome(env)])
}

# An empty session token.
report contains lib.finding(rego.metadata.chain(), v.location, msg) if {
	some env in _envs
	some name in [lib.remotion_token, lib.aws_token]
	v := _empty_def(env, name)
	msg := sprintf("%s is empty, which Remotion treats as unset: %s", [name, _outcome(env)])
}
