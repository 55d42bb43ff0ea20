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
#
#   The Go, Python and PHP clients read only the `AWS_*` names, through their
#   AWS SDK's default chain (`REMOTION_*` names are never read, so a
#   REMOTION half or a crossed pair means nothing to them). For an
#   environment whose only consumers are those clients the rule looks at the
#   names each SDK reads and says what it does: the AWS SDK for Go ignores a
#   half pair and moves on (it also accepts `AWS_ACCESS_KEY` and
#   `AWS_SECRET_KEY`, so `AWS_ACCESS_KEY_ID` with `AWS_SECRET_KEY` is a
#   complete pair for it; where Node code reads the same environment, the
#   Node finding says so); boto3, under the Python client, fails on a key id
#   without its secret ("Partial credentials found in env, missing:
#   AWS_SECRET_ACCESS_KEY") and skips a secret without a key id; the AWS SDK
#   for PHP ignores a half pair and moves on.
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

# Environments that Remotion's Node APIs or CLI read (or an unknown
# consumer, taken as Node): Remotion's own rules apply.
_envs contains env if {
	some env in input.environments
	env.remotion
	env.id in lib.node_envs
}

# A crossed pair: [the REMOTION half, the AWS half], each without its partner.
_crossed(env) := [r, a] if {
	some [r, a] in [[lib.remotion_id, lib.aws_secret], [lib.remotion_secret, lib.aws_id]]
	lib.env_vars[env.id][r].set
	lib.env_vars[env.id][a].set
	not lib.env_vars[env.id][_partner[r]].set
	not lib.env_vars[env.id][_partner[a]].set
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
} else := "the next credential source is used"

# A half pair whose missing half is defined empty: report at the empty line.
report contains lib.finding_related(rego.metadata.chain(), v.location, msg, h.location) if {
	some env in _envs
	some have, miss in _partner
	lib.env_vars[env.id][have].set
	not lib.env_vars[env.id][miss].set
	not _in_crossed(env, have)
	v := _empty_def(env, miss)
	h := lib.env_vars[env.id][have]
	msg := sprintf("%s is empty, which counts as unset, while %s is set, so %s is ignored: %s%s", [miss, have, _pair[have], _outcome(env), _go_alias_note(env.id, miss)])
}

# A half pair whose missing half is not defined at all.
report contains lib.finding(rego.metadata.chain(), h.location, msg) if {
	some env in _envs
	some have, miss in _partner
	lib.env_vars[env.id][have].set
	not lib.env_vars[env.id][miss].set
	not _in_crossed(env, have)
	not _empty_def(env, miss)
	h := lib.env_vars[env.id][have]
	msg := sprintf("%s is set but %s is not, so %s is ignored: %s%s", [have, miss, _pair[have], _outcome(env), _go_alias_note(env.id, miss)])
}

# The Go SDK's alias for each AWS_* half.
_go_alias := {lib.aws_id: "AWS_ACCESS_KEY", lib.aws_secret: "AWS_SECRET_KEY"}

# When a Go consumer reads the same environment and the missing AWS_* half
# is set under its Go alias, the Go client has a complete pair.
_go_alias_note(env_id, miss) := sprintf(" (the Go client reads %s in place of %s and so has a complete pair; Remotion's Node code does not)", [alias, miss]) if {
	"go" in lib.sdk_clients[env_id]
	alias := _go_alias[miss]
	lib.env_vars[env_id][alias].set
} else := ""

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
	not lib.env_vars[env.id][partner].set
	msg := sprintf("%s is empty, which Remotion treats as unset: %s", [name, _outcome(env)])
}

# The key pair each session token goes with: [id, secret, pair in words].
_token_pair := {
	lib.remotion_token: [lib.remotion_id, lib.remotion_secret, "the REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair"],
	lib.aws_token: [lib.aws_id, lib.aws_secret, "the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair"],
}

# An empty session token: what it means for the pair it goes with.
report contains lib.finding(rego.metadata.chain(), v.location, msg) if {
	some env in _envs
	some name, [id, secret, pair] in _token_pair
	v := _empty_def(env, name)
	vars := lib.env_vars[env.id]
	res := object.get(env.resolution, "node", {})
	msg := sprintf("%s is empty, which Remotion treats as unset%s", [name, _token_effect(object.get(vars, id, {}), object.get(vars, secret, {}), pair, res, id)])
}

# The pair is used without a token: harmless for a long-term key id; a
# temporary one needs its token (session-token-mismatch reports it).
_token_effect(idv, secret, pair, res, id) := sprintf(": %s is used without a token%s", [pair, _without_token(idv)]) if {
	idv.set
	secret.set
	res.source == id
} else := sprintf(", but Remotion does not use %s here anyway (it uses %s)", [pair, res.using]) if {
	idv.set
	secret.set
	res.using != ""
} else := sprintf(", and %s it would go with is not complete either", [pair])

_without_token(idv) := sprintf(", which is fine for its long-term key id (%s)", [idv.display]) if {
	idv.shape == "aws-access-key-id"
} else := sprintf(", which fails for its temporary key id (%s): AWS needs the token that came with it", [idv.display]) if {
	idv.shape == "aws-temporary-key-id"
} else := " (fine for a long-term AKIA… key id; a temporary ASIA… one needs its token)"

# ---------------------------------------------------------------------------
# Go, Python and PHP clients: no REMOTION_* names, no pre-flight check; each
# SDK reads the AWS_* halves (Go also the AWS_ACCESS_KEY/AWS_SECRET_KEY
# aliases, which come second).
# ---------------------------------------------------------------------------

# Environments read only by the Go, Python or PHP clients.
_sdk_envs contains env if {
	some env in input.environments
	env.remotion
	not env.id in lib.node_envs
}

# _reads[client][half] lists the names the client's SDK takes that half
# from, first match wins.
_reads := {
	"go": {"id": [lib.aws_id, "AWS_ACCESS_KEY"], "secret": [lib.aws_secret, "AWS_SECRET_KEY"]},
	"python": {"id": [lib.aws_id], "secret": [lib.aws_secret]},
	"php": {"id": [lib.aws_id], "secret": [lib.aws_secret]},
}

_other_half := {"id": "secret", "secret": "id"}

_sdk_name := {
	"go": "the AWS SDK for Go",
	"python": "boto3 (the Python client's AWS SDK)",
	"php": "the AWS SDK for PHP",
}

# _sees[[env id, client, half]] is the name the client takes that half from.
# A complete rule, built once (a partial object queried with computed keys
# may be re-derived for each lookup).
_sees := {[env.id, c, half]: set[0] |
	some env in _sdk_envs
	vars := lib.env_vars[env.id]
	some c in lib.sdk_clients[env.id]
	some half, names in _reads[c]
	set := [n | some n in names; vars[n].set]
	count(set) > 0
}

# What the client does with a half pair, by client and the half it has.
_half_outcome(env_id, "go", _) := sprintf("the AWS SDK for Go ignores the half pair and uses %s", [_go_using(env_id)])

_half_outcome(_, "python", "id") := "boto3, which the Python client uses, fails every call with \"Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY\""

_half_outcome(_, "python", "secret") := "boto3, which the Python client uses, skips a secret without its key id and moves on along its default chain (the shared files, container and instance credentials)"

_half_outcome(_, "php", _) := "the AWS SDK for PHP, which the PHP client uses, ignores the half pair and moves on along its default provider chain (the shared files, container and instance credentials)"

# What the client falls back to when it sees neither half.
_fallback(env_id, "go") := sprintf("the AWS SDK for Go uses %s", [_go_using(env_id)])

_fallback(_, "python") := "boto3, which the Python client uses, moves on along its default chain (the shared files, container and instance credentials)"

_fallback(_, "php") := "the AWS SDK for PHP, which the PHP client uses, moves on along its default provider chain (the shared files, container and instance credentials)"

_go_res := {env.id: env.resolution.go | some env in _sdk_envs}

# What the AWS SDK for Go uses instead, per the Go resolver.
_go_using(env_id) := sprintf("%s%s", [res.using, _fails(res)]) if {
	res := _go_res[env_id]
	res.using != ""
} else := "the next source of its default credential chain"

# "AWS_SECRET_ACCESS_KEY is not" or "neither AWS_SECRET_ACCESS_KEY nor AWS_SECRET_KEY is".
_missing_phrase(names) := sprintf("%s is not", [names[0]]) if count(names) == 1

_missing_phrase(names) := sprintf("neither %s nor %s is", [names[0], names[1]]) if count(names) == 2

# The REMOTION_* counterpart of a missing half, when it is set: the client
# never reads it.
_remotion_note(env_id, c, names) := sprintf(" (%s never reads %s)", [lib.client_names[c], r]) if {
	r := concat("", ["REMOTION_", names[0]])
	lib.env_vars[env_id][r].set
} else := ""

# The first of names defined with the empty value in an env file.
_sdk_empty_def(env, names) := v if {
	not env.process
	vars := lib.env_vars[env.id]
	v := [x | some n in names; x := vars[n]; not x.set][0]
}

# A half pair the client sees, whose missing half is not defined empty.
report contains lib.finding(rego.metadata.chain(), h.location, msg) if {
	some env in _sdk_envs
	some c in lib.sdk_clients[env.id]
	some half in ["id", "secret"]
	have := _sees[[env.id, c, half]]
	other := _other_half[half]
	not _sees[[env.id, c, other]]
	misses := _reads[c][other]
	not _sdk_empty_def(env, misses)
	h := lib.env_vars[env.id][have]
	msg := sprintf("%s is set but %s%s: %s", [have, _missing_phrase(misses), _remotion_note(env.id, c, misses), _half_outcome(env.id, c, half)])
}

# A half pair the client sees, whose missing half is defined empty.
report contains lib.finding_related(rego.metadata.chain(), v.location, msg, h.location) if {
	some env in _sdk_envs
	some c in lib.sdk_clients[env.id]
	some half in ["id", "secret"]
	have := _sees[[env.id, c, half]]
	other := _other_half[half]
	not _sees[[env.id, c, other]]
	v := _sdk_empty_def(env, _reads[c][other])
	h := lib.env_vars[env.id][have]
	msg := sprintf("%s is empty, which %s treats as unset, while %s is set: %s", [v.name, _sdk_name[c], have, _half_outcome(env.id, c, half)])
}

# An empty key id or secret when the client sees neither half.
report contains lib.finding(rego.metadata.chain(), v.location, msg) if {
	some env in _sdk_envs
	not env.process
	some c in lib.sdk_clients[env.id]
	not _sees[[env.id, c, "id"]]
	not _sees[[env.id, c, "secret"]]
	some names in _reads[c]
	some name in names
	v := lib.env_vars[env.id][name]
	not v.set
	msg := sprintf("%s is empty, which %s treats as unset: %s", [name, _sdk_name[c], _fallback(env.id, c)])
}

# An empty AWS_SESSION_TOKEN beside the AWS pair a Go, Python or PHP client
# uses: the pair goes without a token.
report contains lib.finding(rego.metadata.chain(), v.location, msg) if {
	some env in _sdk_envs
	v := _sdk_empty_def(env, [lib.aws_token])
	vars := lib.env_vars[env.id]
	cs := {c |
		some c in lib.sdk_clients[env.id]
		_sees[[env.id, c, "id"]]
		_sees[[env.id, c, "secret"]]
	}
	count(cs) > 0
	some c in cs
	id := _sees[[env.id, c, "id"]]
	secret := _sees[[env.id, c, "secret"]]
	msg := sprintf("AWS_SESSION_TOKEN is empty, which counts as unset: %s %s the %s/%s pair without a token%s", [lib.clients_phrase(cs), _verb(cs), id, secret, _without_token(vars[id])])
}

_verb(cs) := "uses" if count(cs) == 1

else := "use"
