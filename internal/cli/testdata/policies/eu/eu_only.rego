# METADATA
# title: team-eu-only
# description: Our renders must stay in eu-central-1.
# custom:
#   severity: error
#   summary: Remotion regions other than eu-central-1
package remolint.custom.team.eu_only

import data.remolint.lib

report contains lib.finding(rego.metadata.chain(), v.location, sprintf("%s is %s: renders must run in eu-central-1", [v.name, v.value])) if {
	some f in input.envFiles
	some v in f.entries
	v.name in {"REMOTION_AWS_REGION", "AWS_REGION"}
	v.value != "eu-central-1"
}
