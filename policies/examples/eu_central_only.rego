# METADATA
# title: eu-central-only
# description: |
#   Our renders must stay in eu-central-1 (Frankfurt): customer videos may
#   not leave the EU. Finds every region a Remotion render could run in that
#   is not eu-central-1: `REMOTION_AWS_REGION` or `AWS_REGION` in an env file
#   (templates too, since people copy them), and a literal passed as `region`
#   to a Remotion Lambda API (`renderMediaOnLambda({region: "us-east-1"})`).
#
#   A worked example of a team policy: copy it, change the region, and load
#   it with `remolint --policy DIR` or `policies:` in .remolint.yaml.
# custom:
#   severity: error
#   summary: a Remotion region other than eu-central-1
#   bad: |
#     REMOTION_AWS_REGION=us-east-1
#   good: |
#     REMOTION_AWS_REGION=eu-central-1
package remolint.custom.examples.eu_central_only

import data.remolint.lib

# The one region renders may run in.
_allowed := "eu-central-1"

# The variables the Remotion CLI reads its region from (REMOTION_AWS_REGION
# first, then AWS_REGION). Region values are not secret, so the fact
# document carries them.
_region_vars := {"REMOTION_AWS_REGION", "AWS_REGION"}

report contains lib.finding(rego.metadata.chain(), e.location, msg) if {
	some f in input.envFiles
	some e in f.entries
	e.name in _region_vars
	e.set
	e.value != _allowed
	msg := sprintf("%s=%s renders outside %s: our renders must stay in %s", [e.name, e.value, _allowed, _allowed])
}

# A call whose region is a literal. One whose region is computed at run time
# has region "" and is not reported: the policy cannot tell where it renders.
report contains lib.finding(rego.metadata.chain(), c.regionLocation, msg) if {
	some c in input.code.remotionCalls
	c.region != ""
	c.region != _allowed
	msg := sprintf("%s renders in %s: our renders must stay in %s", [c.function, c.region, _allowed])
}

# A region held in a constant (`region: REGION`), or one literal operand of
# an expression (`region: process.env.R ?? "us-east-1"`).
report contains lib.finding(rego.metadata.chain(), v.location, msg) if {
	some c in input.code.remotionCalls
	some v in c.regionValues
	v.value != _allowed
	msg := sprintf("%s renders in %s%s: our renders must stay in %s", [c.function, v.value, _through(v), _allowed])
}

_through(v) := sprintf(" (constant %s)", [v.constant]) if v.constant != ""
else := ""
