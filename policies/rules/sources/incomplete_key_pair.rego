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

# ---------------------------------------------------------------------------
# Lookups, through the name index. Every finding is at the definition of one
# of the credential names, so the rule looks only at the environments that define one, and
# never makes a pass over every environment or variable of the tree.
# Environments are named by their index in input.environments; functions
# take only that index and names (OPA hashes the arguments of every call).
# A loop over definitions binds the rules it reads (_var, lib's names) to
# variables first: naming a rule inside the loop evaluates the reference on
# every pass.
# ---------------------------------------------------------------------------

# _var[[i, name]] is the definition of name in input.environments[i], for
# the credential names (lib.credential_variables, shared with the other
# rules of this family).
_var := lib.credential_variables

# _set[name] is the set of environments (by index) that set name to a
# non-empty value, and _defined[name] the set of those that define it at
# all, for the names of the key pairs that some environment defines (a name
# no environment defines has no entry: read through object.get with the
# empty set): the half pairs and crossed pairs below are set operations on
# these, which run in Go. (`x != false` is the truth test of x, written
# out: a bare reference tested for truth costs OPA a few allocations more on
# every pass.)
_set := {name: {i | some [i, j] in refs; envs[i].variables[j].set != false} |
	envs := input.environments
	by_name := lib.variables
	some name in _key_names
	refs := by_name[name]
}

_defined := {name: {i | some [i, _] in refs} |
	by_name := lib.variables
	some name in _key_names
	refs := by_name[name]
}

_key_names := [lib.remotion_id, lib.remotion_secret, lib.aws_id, lib.aws_secret]

# The environment belongs to a Remotion project, and Remotion's Node APIs or
# CLI read it (or an unknown consumer, taken as Node, as lib.node_reader says):
# Remotion's own rules apply. Checked last, on the few definitions that
# would make a finding.
_node_env(i) if {
	env := input.environments[i]
	env.remotion != false
	lib.node_reader(env.consumers)
}

_node(i) if lib.node_reader(input.environments[i].consumers)

# Crossed pairs: [env index, the REMOTION half, the AWS half], each set
# without its partner.
_crossed contains [i, r, a] if {
	sets := _set
	some [r, a] in [[lib.remotion_id, lib.aws_secret], [lib.remotion_secret, lib.aws_id]]
	some i in (((sets[r] & sets[a]) - object.get(sets, _partner[r], set())) - object.get(sets, _partner[a], set()))
}

# _in_crossed[name] is the set of environments (by index) where name is a
# half of a crossed pair (no entry when there is none).
_in_crossed := {n: {i | some [i, r, a] in crossed; n in [r, a]} |
	crossed := _crossed
	some [_, r, a] in crossed
	some n in [r, a]
}

# An env-file definition with the empty value (counts as unset).
_empty_def(i, name) := v if {
	not input.environments[i].process
	v := _var[[i, name]]
	not v.set
}

_fails(res) := sprintf(", which fails with \"%s\"%s", [res.error, _unless(res)]) if {
	res.error != ""
} else := ""

# What Remotion does instead, per the resolver (the failure, when there is
# one, is _fails(res) spelled out). The first branch is the usual case, a
# source used without an error (no check error, no error), tested first so
# that the others are looked at only when it does not hold; where it holds,
# the branches below it, whose order decides, give the same.
_outcome(i) := sprintf("Remotion silently uses %s", [res.using]) if {
	res := input.environments[i].resolution.node
	res.check.error == ""
	object.get(res, "error", "") == ""
	res.using != ""
} else := sprintf("Remotion's credentials check throws \"%s\"", [res.check.error]) if {
	res := input.environments[i].resolution.node
	res.check.error != ""
	not res.check.passes
} else := sprintf("Remotion silently uses %s, which fails with \"%s\"%s", [res.using, res.error, _unless(res)]) if {
	res := input.environments[i].resolution.node
	res.using != ""
	res.error != ""
} else := sprintf("Remotion silently uses %s", [res.using]) if {
	res := input.environments[i].resolution.node
	res.using != ""
} else := "the next credential source is used"

# Half pairs, as [env index, the half that is set, the half that is
# missing]: set operations on the environments that set each name, so that
# only the few environments they leave are looked at. _empty_halves holds
# those whose missing half is defined but not set (the empty value); those
# whose missing half is not defined at all are reported straight from the
# same set operations, without an intermediate set.
_empty_halves contains [i, have, miss] if {
	sets := _set
	defined := _defined
	crossed := _in_crossed
	envs := input.environments
	some have, miss in _partner
	some i in (((sets[have] & defined[miss]) - object.get(sets, miss, set())) - object.get(crossed, have, set()))
	env := envs[i]
	env.remotion != false
	lib.node_reader(env.consumers)
}

# A half pair whose missing half is defined empty in an env file: report at
# the empty line.
report contains lib.finding_related(rego.metadata.chain(), v.location, msg, h.location) if {
	some [i, have, miss] in _empty_halves
	v := _empty_def(i, miss)
	h := _var[[i, have]]
	msg := sprintf("%s is empty, which counts as unset, while %s is set, so %s is ignored: %s%s", [miss, have, _pair[have], _outcome(i), _go_alias_note(i, miss)])
}

# A half pair whose missing half is not defined at all. (_go_alias_notes is
# named in the loop, not bound before it, so that it is built only when
# there is such a half pair.)
report contains lib.finding(rego.metadata.chain(), h.location, msg) if {
	sets := _set
	defined := _defined
	crossed := _in_crossed
	envs := input.environments
	vars := _var
	some have, miss in _partner
	some i in ((sets[have] - object.get(defined, miss, set())) - object.get(crossed, have, set()))
	env := envs[i]
	env.remotion != false
	lib.node_reader(env.consumers)
	h := vars[[i, have]]
	msg := sprintf("%s is set but %s is not, so %s is ignored: %s%s", [have, miss, _pair[have], _outcome(i), object.get(_go_alias_notes, [[i, miss]], "")])
}

# A half pair whose missing half is defined empty, but in the process
# environment, not in an env file: as if it were not defined.
report contains lib.finding(rego.metadata.chain(), h.location, msg) if {
	some [i, have, miss] in _empty_halves
	not _empty_def(i, miss)
	h := _var[[i, have]]
	msg := sprintf("%s is set but %s is not, so %s is ignored: %s%s", [have, miss, _pair[have], _outcome(i), _go_alias_note(i, miss)])
}

# The Go SDK's alias for each AWS_* half.
_go_alias := {lib.aws_id: "AWS_ACCESS_KEY", lib.aws_secret: "AWS_SECRET_KEY"}

# When a Go consumer reads the same environment and the missing AWS_* half
# is set under its Go alias, the Go client has a complete pair.
_go_alias_note(i, miss) := sprintf(" (the Go client reads %s in place of %s and so has a complete pair; Remotion's Node code does not)", [alias, miss]) if {
	"go" in input.environments[i].consumers
	alias := _go_alias[miss]
	_var[[i, alias]].set
} else := ""

# _go_alias_notes[[i, miss]] is _go_alias_note(i, miss) where it is not
# empty: from the definitions of the Go aliases, a complete rule built once.
_go_alias_notes := {[i, miss]: note |
	envs := input.environments
	some miss, alias in _go_alias
	some [i, j] in lib.variables[alias]
	envs[i].variables[j].set != false
	"go" in envs[i].consumers
	note := _go_alias_note(i, miss)
}

_unless(res) := " unless the machine it runs on supplies credentials" if {
	res.outcome == "needs-runtime"
} else := ""

_crossed_outcome(i) := sprintf("the first request fails with \"%s\"%s", [res.error, _unless(res)]) if {
	res := input.environments[i].resolution.node
	res.error != ""
} else := sprintf("Remotion silently uses %s", [res.using]) if {
	res := input.environments[i].resolution.node
	res.using != ""
} else := "neither pair is used"

# A crossed pair.
report contains lib.finding_related(rego.metadata.chain(), r.location, msg, a.location) if {
	some [i, rn, an] in _crossed
	_node_env(i)
	r := _var[[i, rn]]
	a := _var[[i, an]]
	msg := sprintf("%s and %s form a crossed pair: Remotion's credentials check accepts it, but credentials are taken per prefix and neither pair is complete, so %s", [rn, an, _crossed_outcome(i)])
}

# An empty key id or secret whose partner is not set either.
report contains lib.finding(rego.metadata.chain(), v.location, msg) if {
	envs := input.environments
	by_name := lib.variables
	some name, partner in _partner
	some [i, j] in by_name[name]
	envs[i].variables[j].set == false
	not envs[i].process
	v := envs[i].variables[j]
	not _var[[i, partner]].set
	_node_env(i)
	msg := sprintf("%s is empty, which Remotion treats as unset: %s", [name, _outcome(i)])
}

# The key pair each session token goes with: [id, secret, pair in words].
_token_pair := {
	lib.remotion_token: [lib.remotion_id, lib.remotion_secret, "the REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair"],
	lib.aws_token: [lib.aws_id, lib.aws_secret, "the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair"],
}

# An empty session token: what it means for the pair it goes with.
report contains lib.finding(rego.metadata.chain(), v.location, msg) if {
	some name, [id, secret, pair] in _token_pair
	some [i, j] in lib.variables[name]
	input.environments[i].variables[j].set == false
	not input.environments[i].process
	v := input.environments[i].variables[j]
	_node_env(i)
	res := object.get(input.environments[i].resolution, "node", {})
	msg := sprintf("%s is empty, which Remotion treats as unset%s", [name, _token_effect(object.get(_var, [[i, id]], {}), object.get(_var, [[i, secret]], {}), pair, res, id)])
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

# Every finding below is at or beside a definition of a name these SDKs read.
_sdk_read_names := [lib.aws_id, "AWS_ACCESS_KEY", lib.aws_secret, "AWS_SECRET_KEY"]

# _sdk_clients[i] is the set of Go, Python and PHP consumers of an
# environment read only by those clients (not by Node) that defines one of
# _sdk_read_names, as lib.sdk_clients. Grouped by an indexed comprehension.
_sdk_client_pairs contains [i, c] if {
	sdk := lib.sdk_consumers
	some name in _sdk_read_names
	some [i, _] in lib.variables[name]
	some c in input.environments[i].consumers
	c in sdk
	input.environments[i].remotion
}

_sdk_client_envs := {i | some [i, _] in _sdk_client_pairs; not _node(i)}

_sdk_clients := {i: cs |
	some i in _sdk_client_envs
	cs := {c | some [i2, c] in _sdk_client_pairs; i2 == i}
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

# _sees[[env index, client, half]] is the name the client takes that half
# from. A complete rule, built once (a partial object queried with computed
# keys may be re-derived for each lookup).
_sees := {[i, c, half]: set[0] |
	some i, cs in _sdk_clients
	some c in cs
	some half, names in _reads[c]
	set := [n | some n in names; _var[[i, n]].set]
	count(set) > 0
}

# What the client does with a half pair, by client and the half it has.
_half_outcome(i, "go", _) := sprintf("the AWS SDK for Go ignores the half pair and uses %s", [_go_using(i)])

_half_outcome(_, "python", "id") := "boto3, which the Python client uses, fails every call with \"Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY\""

_half_outcome(_, "python", "secret") := "boto3, which the Python client uses, skips a secret without its key id and moves on along its default chain (the shared files, container and instance credentials)"

_half_outcome(_, "php", _) := "the AWS SDK for PHP, which the PHP client uses, ignores the half pair and moves on along its default provider chain (the shared files, container and instance credentials)"

# What the client falls back to when it sees neither half.
_fallback(i, "go") := sprintf("the AWS SDK for Go uses %s", [_go_using(i)])

_fallback(_, "python") := "boto3, which the Python client uses, moves on along its default chain (the shared files, container and instance credentials)"

_fallback(_, "php") := "the AWS SDK for PHP, which the PHP client uses, moves on along its default provider chain (the shared files, container and instance credentials)"

# What the AWS SDK for Go uses instead, per the Go resolver.
_go_using(i) := sprintf("%s%s", [res.using, _fails(res)]) if {
	res := input.environments[i].resolution.go
	res.using != ""
} else := "the next source of its default credential chain"

# "AWS_SECRET_ACCESS_KEY is not" or "neither AWS_SECRET_ACCESS_KEY nor AWS_SECRET_KEY is".
_missing_phrase(names) := sprintf("%s is not", [names[0]]) if count(names) == 1

_missing_phrase(names) := sprintf("neither %s nor %s is", [names[0], names[1]]) if count(names) == 2

# The REMOTION_* counterpart of a missing half, when it is set: the client
# never reads it.
_remotion_note(i, c, names) := sprintf(" (%s never reads %s)", [lib.client_names[c], r]) if {
	r := concat("", ["REMOTION_", names[0]])
	_var[[i, r]].set
} else := ""

# The first of names defined with the empty value in an env file.
_sdk_empty_def(i, names) := v if {
	not input.environments[i].process
	v := [x | some n in names; x := _var[[i, n]]; not x.set][0]
}

# A half pair the client sees, whose missing half is not defined empty.
report contains lib.finding(rego.metadata.chain(), h.location, msg) if {
	some i, cs in _sdk_clients
	some c in cs
	some half in ["id", "secret"]
	have := _sees[[i, c, half]]
	other := _other_half[half]
	not _sees[[i, c, other]]
	misses := _reads[c][other]
	not _sdk_empty_def(i, misses)
	h := _var[[i, have]]
	msg := sprintf("%s is set but %s%s: %s", [have, _missing_phrase(misses), _remotion_note(i, c, misses), _half_outcome(i, c, half)])
}

# A half pair the client sees, whose missing half is defined empty.
report contains lib.finding_related(rego.metadata.chain(), v.location, msg, h.location) if {
	some i, cs in _sdk_clients
	some c in cs
	some half in ["id", "secret"]
	have := _sees[[i, c, half]]
	other := _other_half[half]
	not _sees[[i, c, other]]
	v := _sdk_empty_def(i, _reads[c][other])
	h := _var[[i, have]]
	msg := sprintf("%s is empty, which %s treats as unset, while %s is set: %s", [v.name, _sdk_name[c], have, _half_outcome(i, c, half)])
}

# An empty key id or secret when the client sees neither half.
report contains lib.finding(rego.metadata.chain(), v.location, msg) if {
	some i, cs in _sdk_clients
	not input.environments[i].process
	some c in cs
	not _sees[[i, c, "id"]]
	not _sees[[i, c, "secret"]]
	some names in _reads[c]
	some name in names
	v := _var[[i, name]]
	not v.set
	msg := sprintf("%s is empty, which %s treats as unset: %s", [name, _sdk_name[c], _fallback(i, c)])
}

# An empty AWS_SESSION_TOKEN beside the AWS pair a Go, Python or PHP client
# uses: the pair goes without a token.
report contains lib.finding(rego.metadata.chain(), v.location, msg) if {
	some i, _ in _sdk_clients
	v := _sdk_empty_def(i, [lib.aws_token])
	cs := {c |
		some c in _sdk_clients[i]
		_sees[[i, c, "id"]]
		_sees[[i, c, "secret"]]
	}
	count(cs) > 0
	some c in cs
	id := _sees[[i, c, "id"]]
	secret := _sees[[i, c, "secret"]]
	msg := sprintf("AWS_SESSION_TOKEN is empty, which counts as unset: %s %s the %s/%s pair without a token%s", [lib.clients_phrase(cs), _verb(cs), id, secret, _without_token(_var[[i, id]])])
}

_verb(cs) := "uses" if count(cs) == 1

else := "use"
