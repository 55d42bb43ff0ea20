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

# Each ignored definition with the flag that causes it, per environment:
# [variable location, name, flag location, environment id, mode]. One
# definition can be ignored in several environments (layers): it is
# reported once.
_ignored := {[v.location, name, flag.location, env.id, env.mode] |
	some env in input.environments
	env.id in lib.node_envs
	flag := lib.env_vars[env.id][lib.skip_flag]
	flag.set
	some name in _ignored_names
	v := lib.env_vars[env.id][name]
	v.set
}

# The flag to name for a definition: one in the same file when there is
# one (the plain message), else the first other one, with where it is set.
_causes := {[loc, name]: sort(flags) |
	some [loc, name, _, _, _] in _ignored
	flags := [[_same_file(loc, floc), floc.path, floc.line, floc, id, mode] |
		some [l, n, floc, id, mode] in _ignored
		l == loc
		n == name
	]
}

# 0 sorts before 1: a flag in the same file comes first.
_same_file(loc, floc) := 0 if loc.path == floc.path

_same_file(loc, floc) := 1 if loc.path != floc.path

report contains lib.finding_related(rego.metadata.chain(), loc, msg, floc) if {
	some [loc, name], flags in _causes
	[same, _, _, floc, id, mode] := flags[0]
	msg := sprintf("%s is ignored because REMOTION_SKIP_AWS_CREDENTIALS_CHECK is set%s: Remotion then passes no credentials and uses the AWS SDK default credential chain (AWS_* variables, the default profile, web identity, container and instance credentials) instead", [name, _where(same, id, mode, floc)])
}

# Where the flag is set, when it is not in the same file as the variable:
# " (at .env.production:1, in environment web (production))".
_where(0, _, _, _) := ""

_where(1, id, mode, floc) := sprintf(" (at %s:%d%s)", [floc.path, floc.line, _env_note(id, mode)])

_env_note(id, mode) := sprintf(", in environment %s", [id]) if mode != ""

_env_note(_, "") := ""
