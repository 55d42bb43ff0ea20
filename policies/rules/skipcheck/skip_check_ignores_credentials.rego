# METADATA
# title: skip-check-ignores-credentials
# description: |
#   Finds an environment that sets `REMOTION_SKIP_AWS_CREDENTIALS_CHECK` and
#   also sets `REMOTION_AWS_PROFILE` or `REMOTION_AWS_*` keys. With the flag on,
#   Remotion builds its AWS clients with no explicit credentials, so those
#   variables are ignored entirely: the AWS SDK default credential chain
#   (`AWS_*` variables, the default profile, web identity, container and
#   instance credentials) decides which account renders run in. Each ignored
#   variable is reported at its definition.
#
#   Only Remotion's Node APIs and CLI read the flag: environments whose only
#   consumers are the Go, Python or PHP clients are left to
#   `sdk-ignores-remotion-prefix` (those clients never read a `REMOTION_*`
#   name, flag or not).
# custom:
#   severity: error
#   summary: REMOTION_AWS_* credentials set beside the skip flag, which makes Remotion ignore them
#   requires_remotion: false
#   bad: |
#     REMOTION_SKIP_AWS_CREDENTIALS_CHECK=1
#     REMOTION_AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
#     REMOTION_AWS_SECRET_ACCESS_KEY=...
#   good: |
#     REMOTION_AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
#     REMOTION_AWS_SECRET_ACCESS_KEY=...
#   remotion: |
#     The skip flag does more than skip the pre-flight check: Remotion then
#     passes no credentials to the AWS SDK, so REMOTION_AWS_PROFILE and every
#     REMOTION_AWS_* key stop mattering. Its docs describe it only as skipping
#     the check (and, wrongly, as disabling the client cache).
package remolint.rules.skipcheck.skip_check_ignores_credentials

import data.remolint.lib

_ignored_names := [lib.remotion_profile, lib.remotion_id, lib.remotion_secret, lib.remotion_token]

# The rule goes through the name index (lib.variables) to the definitions
# of the flag and of the four ignored names: its cost follows them, not the
# number of variables in the tree. A test of a value (`v.set != false`, not
# a bare `v.set`; `not k in shared`, not `not shared[k]`) spares OPA a
# generated variable on each evaluation: the two forms pass and fail alike.

# The variable index of the flag in each environment (by index) read by
# Remotion's Node APIs or CLI where it is set.
_flagged := {i: j |
	some [i, j] in lib.variables[lib.skip_flag]
	env := input.environments[i]
	env.variables[j].set != false
	lib.node_reader(object.get(env, "consumers", []))
}

# Each ignored definition with the flag that causes it, per environment:
# [[path, line, column, name], whether the flag is in another file, flag
# path, flag line, environment id, mode, variable location, flag location],
# in document order. One definition can be ignored in several environments
# (layers): it is reported once.
_ignored := [[[l.path, l.line, l.column, name], fl.path != l.path, fl.path, fl.line, env.id, env.mode, l, fl] |
	flagged := _flagged
	envs := input.environments
	some name in _ignored_names
	some [i, j] in lib.variables[name]
	jf := flagged[i]
	env := envs[i]
	v := env.variables[j]
	v.set != false
	l := v.location
	fl := env.variables[jf].location
]

# The definitions ignored in more than one environment: in the sorted
# records, those of one definition are next to each other.
_shared := {k |
	sorted := sort(_ignored)
	some p, [k, _, _, _, _, _, _, _] in sorted
	p > 0
	sorted[p - 1][0] == k
}

_message := "%s is ignored because REMOTION_SKIP_AWS_CREDENTIALS_CHECK is set%s: Remotion then passes no credentials and uses the AWS SDK default credential chain (AWS_* variables, the default profile, web identity, container and instance credentials) instead"

# A definition ignored in one environment, with the flag in its own file.
report contains lib.finding_related(rego.metadata.chain(), l, msg, fl) if {
	shared := _shared
	some [k, false, _, _, _, _, l, fl] in _ignored
	not k in shared
	msg := sprintf(_message, [k[3], ""])
}

# A definition ignored in one environment, with the flag in another file.
report contains lib.finding_related(rego.metadata.chain(), l, msg, fl) if {
	shared := _shared
	some [k, true, _, _, id, mode, l, fl] in _ignored
	not k in shared
	msg := sprintf(_message, [k[3], _where(true, id, mode, fl)])
}

# A definition ignored in several environments: the flag to name is one in
# the same file when there is one (the plain message), else the first other
# one, with where it is set (false sorts before true: a flag in the same
# file comes first). The location is the definition's in the first of them.
report contains lib.finding_related(rego.metadata.chain(), loc, msg, floc) if {
	some k in _shared
	flags := sort([[other, fpath, fline, fl, id, mode] |
		some [k2, other, fpath, fline, id, mode, _, fl] in _ignored
		k2 == k
	])
	[other, _, _, floc, id, mode] := flags[0]
	loc := [l | some [k2, _, _, _, _, _, l, _] in _ignored; k2 == k][0]
	msg := sprintf(_message, [k[3], _where(other, id, mode, floc)])
}

# Where the flag is set, when it is not in the same file as the variable:
# " (at .env.production:1, in environment web (production))".
_where(false, _, _, _) := ""

_where(true, id, mode, floc) := sprintf(" (at %s:%d%s)", [floc.path, floc.line, _env_note(id, mode)])

_env_note(id, mode) := sprintf(", in environment %s", [id]) if mode != ""

_env_note(_, "") := ""
