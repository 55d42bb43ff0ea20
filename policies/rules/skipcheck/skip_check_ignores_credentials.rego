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
# number of variables in the tree.

# The variable index of the flag in each environment (by index) read by
# Remotion's Node APIs or CLI where it is set.
_flagged := {i: j |
	some [i, j] in lib.variables[lib.skip_flag]
	env := input.environments[i]
	env.variables[j].set
	lib.node_reader(object.get(env, "consumers", []))
}

# Each ignored definition with the flag that causes it, per environment:
# [[path, line, column, name], variable location, whether the flag is in
# another file, flag path, flag line, flag location, environment id, mode].
# One definition can be ignored in several environments (layers): it is
# reported once.
_ignored := [[[l.path, l.line, l.column, name], l, fl.path != l.path, fl.path, fl.line, fl, env.id, env.mode] |
	flagged := _flagged
	some name in _ignored_names
	some [i, j] in lib.variables[name]
	jf := flagged[i]
	env := input.environments[i]
	v := env.variables[j]
	v.set
	l := v.location
	fl := env.variables[jf].location
]

_ignored_keys := {k | some [k, _, _, _, _, _, _, _] in _ignored}

# The flag to name for a definition: one in the same file when there is
# one (the plain message), else the first other one, with where it is set
# (false sorts before true: a flag in the same file comes first).
_causes := {k: [loc, sort(flags)] |
	some k in _ignored_keys
	flags := [[other, fpath, fline, floc, id, mode] |
		some [k2, _, other, fpath, fline, floc, id, mode] in _ignored
		k2 == k
	]
	loc := [l | some [k2, l, _, _, _, _, _, _] in _ignored; k2 == k][0]
}

report contains lib.finding_related(rego.metadata.chain(), loc, msg, floc) if {
	some [_, _, _, name], [loc, flags] in _causes
	[other, _, _, floc, id, mode] := flags[0]
	msg := sprintf("%s is ignored because REMOTION_SKIP_AWS_CREDENTIALS_CHECK is set%s: Remotion then passes no credentials and uses the AWS SDK default credential chain (AWS_* variables, the default profile, web identity, container and instance credentials) instead", [name, _where(other, id, mode, floc)])
}

# Where the flag is set, when it is not in the same file as the variable:
# " (at .env.production:1, in environment web (production))".
_where(false, _, _, _) := ""

_where(true, id, mode, floc) := sprintf(" (at %s:%d%s)", [floc.path, floc.line, _env_note(id, mode)])

_env_note(id, mode) := sprintf(", in environment %s", [id]) if mode != ""

_env_note(_, "") := ""
