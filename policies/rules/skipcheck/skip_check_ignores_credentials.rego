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

report contains lib.finding_related(rego.metadata.chain(), v.location, msg, flag.location) if {
	some env in input.environments
	env.id in lib.node_envs
	lib.is_set(env, lib.skip_flag)
	flag := lib.env_vars[env.id][lib.skip_flag]
	some name in _ignored_names
	v := lib.env_vars[env.id][name]
	v.set
	msg := sprintf("%s is ignored because REMOTION_SKIP_AWS_CREDENTIALS_CHECK is set: Remotion then passes no credentials and uses the AWS SDK default credential chain (AWS_* variables, the default profile, web identity, container and instance credentials) instead", [name])
}
