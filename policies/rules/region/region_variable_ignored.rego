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

_node_only(dir) if {
	p := lib.projects[dir]
	{c | some c in p.consumers} == {"node"}
}

# Projects whose code reads REMOTION_AWS_REGION (and so may pass it on).
_read_in contains r.project if {
	some r in input.code.reads
	r.name == _region_var
}

report contains lib.finding(rego.metadata.chain(), e.location, msg) if {
	some f in input.envFiles
	lib.remotion_project(f.project)
	_node_only(f.project)
	not f.project in _read_in
	some e in f.entries
	e.name == _region_var
	e.set
	msg := "REMOTION_AWS_REGION is read only by the Remotion CLI, and this project uses only the Node APIs, which take region as an argument and read no region variable: pass region to each call, or read this variable in code"
}
