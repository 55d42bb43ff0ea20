# METADATA
# title: region-variable-ignored
# description: |
#   Finds `REMOTION_AWS_REGION` set in an env file of a Remotion project whose
#   only consumer is the Node API (`@remotion/lambda` or
#   `@remotion/lambda-client` called from code, no Remotion CLI, no Go,
#   Python or PHP client), when nothing in the project's code reads the
#   variable. Only the Remotion CLI reads `REMOTION_AWS_REGION`; the Node APIs
#   take a required `region` argument and read no region variable, so changing
#   the value changes nothing.
# custom:
#   severity: info
#   summary: REMOTION_AWS_REGION set for a project that only uses the Node APIs, which never read it
#   requires_remotion: true
#   bad: |
#     # .env
#     REMOTION_AWS_REGION=eu-central-1
#     // render.ts
#     await renderMediaOnLambda({region: "us-east-1", ...});
#   good: |
#     // render.ts
#     await renderMediaOnLambda({region: process.env.REMOTION_AWS_REGION as AwsRegion, ...});
#   remotion: |
#     The CLI resolves its region as --region, then REMOTION_AWS_REGION, then
#     AWS_REGION, then us-east-1 (AWS_DEFAULT_REGION is ignored). The Node APIs
#     (renderMediaOnLambda, deploySite, ...) use only their region argument.
package remolint.rules.region.region_variable_ignored

import data.remolint.lib

_region_var := "REMOTION_AWS_REGION"

# Goes through the name index straight to the REMOTION_AWS_REGION entries,
# and looks at them only when some project ignores the variable (usually
# none): its cost follows those entries, not the size of the tree. The
# lookup and input.envFiles are bound once before the loop. Membership is
# an object lookup compared with `== true`, and `e.set` (a boolean in the
# input schema) is compared the same way: a bare expression (`unread[dir]`,
# `e.set`) allocates on every evaluation in OPA, and `in` costs more than
# the lookup.
report contains lib.finding(rego.metadata.chain(), e.location, msg) if {
	unread := _unread
	count(unread) > 0
	files := input.envFiles
	some [i, j] in lib.env_entries[_region_var]
	unread[files[i].project] == true
	e := files[i].entries[j]
	e.set == true
	msg := "REMOTION_AWS_REGION is read only by the Remotion CLI, and this project uses only the Node APIs, which take region as an argument and read no region variable: pass region to each call, or read this variable in code"
}

# _unread[dir] is true for every dir of lib.region_var_unread: each Remotion
# project whose only consumer is the Node API and whose code does not read
# REMOTION_AWS_REGION (shared with the other region rules).
_unread := {dir: true | some dir in lib.region_var_unread}
