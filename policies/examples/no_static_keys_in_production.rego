# METADATA
# title: no-static-keys-in-production
# description: |
#   Production must not render with long-lived access keys written into an
#   env file: production gets its credentials from the platform's secret
#   store or an IAM role, so a key in `.env.production` (or
#   `.env.production.local`) is either a leak waiting to happen or a key that
#   silently overrides the real one. Finds `REMOTION_AWS_ACCESS_KEY_ID` and
#   `AWS_ACCESS_KEY_ID` entries whose value is shaped like an access key id
#   (`AKIA…`, or a temporary `ASIA…`) in the production env files;
#   placeholders and empty values are fine.
#
#   A worked example of a team policy: it reads only the shape and the
#   redacted display form of the key, never its value (the fact document
#   does not hold secret values).
# custom:
#   severity: error
#   summary: an access key id written into a production env file
#   bad: |
#     # .env.production
#     REMOTION_AWS_ACCESS_KEY_ID=AKIA...
#   good: |
#     # .env.production: nothing; the platform's secret store provides
#     # REMOTION_AWS_ACCESS_KEY_ID and REMOTION_AWS_SECRET_ACCESS_KEY.
package remolint.custom.examples.no_static_keys_in_production

import data.remolint.lib

# The modes (.env.<mode>, .env.<mode>.local) this team deploys to production.
_production_modes := {"production", "prod"}

_key_names := {"REMOTION_AWS_ACCESS_KEY_ID", "AWS_ACCESS_KEY_ID"}

_key_shapes := {
	"aws-access-key-id": "an access key id",
	"aws-temporary-key-id": "a temporary access key id",
}

report contains lib.finding(rego.metadata.chain(), e.location, msg) if {
	some f in input.envFiles
	not f.template
	f.mode in _production_modes
	some e in f.entries
	e.name in _key_names
	what := _key_shapes[e.shape]
	msg := sprintf("%s holds %s (%s) in a production env file: production must take its credentials from the platform's secret store or an IAM role, not from a file", [e.name, what, e.display])
}
