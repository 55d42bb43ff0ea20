# METADATA
# title: remolint.lib
# description: |
#   Helpers shared by every built-in rule. A rule builds its findings with
#   finding/3 from its own metadata chain, so it cannot mislabel itself.
package remolint.lib

# Writing rules that stay linear in the size of the input:
# - OPA hashes a function's arguments on every call: never pass a whole
#   environment, file or resolution object into a function inside a loop over
#   entries; pass ids and names and look objects up in complete rules.
# - Build lookups as complete rules (evaluated once per query), not partial
#   objects queried with computed keys (which may re-scan the input).
# - `not x in coll[key]` is never true when coll[key] is undefined: check
#   membership through a helper that is false in that case.

# finding returns a finding for the rule whose metadata chain is given.
# Call it as lib.finding(rego.metadata.chain(), location, message).
finding(chain, location, message) := {
	"rule": _annotation(chain).title,
	"severity": _annotation(chain).custom.severity,
	"message": message,
	"location": _location(location),
}

# finding_related is finding/3 with a second location the message refers to.
finding_related(chain, location, message, related) := object.union(
	finding(chain, location, message),
	{"related": _location(related)},
)

_annotation(chain) := [e.annotations | some e in chain; e.annotations.title][0]

_location(loc) := {k: v |
	some k in {"path", "line", "column", "endLine", "endColumn"}
	v := loc[k]
}

# projects maps a project dir to the project object. A complete rule, so it
# is built once per evaluation and every lookup is constant time.
projects := {p.dir: p | some p in input.projects}

# remotion_project is true when the project at dir is a Remotion project.
remotion_project(dir) if projects[dir].remotion

# has_platform is true when the project at dir deploys to platform.
has_platform(dir, platform) if platform in projects[dir].platforms

# has_consumer is true when the project at dir has consumer.
has_consumer(dir, consumer) if consumer in projects[dir].consumers

# on_owning_platform is true when a platform owns the AWS_* names in dir.
on_owning_platform(dir) if some p in projects[dir].platforms

platform_names := {"vercel": "Vercel", "netlify": "Netlify", "aws-lambda": "AWS Lambda"}

# Every env file that is not a template, with its entries.
live_env_files contains f if {
	some f in input.envFiles
	not f.template
}

# Names of the credential variables, by prefix.
remotion_id := "REMOTION_AWS_ACCESS_KEY_ID"

remotion_secret := "REMOTION_AWS_SECRET_ACCESS_KEY"

remotion_token := "REMOTION_AWS_SESSION_TOKEN"

remotion_profile := "REMOTION_AWS_PROFILE"

aws_id := "AWS_ACCESS_KEY_ID"

aws_secret := "AWS_SECRET_ACCESS_KEY"

aws_token := "AWS_SESSION_TOKEN"

aws_profile := "AWS_PROFILE"

skip_flag := "REMOTION_SKIP_AWS_CREDENTIALS_CHECK"

cache_flag := "REMOTION_DISABLE_AWS_CLIENT_CACHE"

# env_vars maps an environment id and a variable name to the winning
# definition: lib.env_vars[env.id][name]. A complete rule, built once per
# evaluation, so each lookup is constant time and rules stay linear in the
# number of variables (a partial object would be re-derived for every
# lookup by key).
env_vars := {env.id: {v.name: v | some v in env.variables} | some env in input.environments}

# is_set is true when the environment sets name to a non-empty value.
is_set(env, name) if env_vars[env.id][name].set

# The 25 regions Remotion Lambda supports.
supported_regions := {
	"eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3",
	"eu-south-1", "eu-north-1", "us-east-1", "us-east-2", "us-west-1",
	"us-west-2", "af-south-1", "ap-south-1", "ap-east-1", "ap-southeast-1",
	"ap-southeast-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
	"ap-southeast-4", "ap-southeast-5", "ca-central-1", "cn-north-1",
	"cn-northwest-1", "sa-east-1",
}

# Supported regions that must first be enabled in the AWS account.
opt_in_regions := {
	"eu-central-2", "eu-south-1", "af-south-1", "ap-east-1",
	"ap-southeast-4", "ap-southeast-5", "cn-north-1", "cn-northwest-1",
}

# ---------------------------------------------------------------------------
# Consumers: which client reads an environment (appended; rules about the
# behaviour of Remotion's Node client or CLI use these to stay quiet for the
# Go, Python and PHP clients, which read no REMOTION_* name).
# ---------------------------------------------------------------------------

# Consumers that run Remotion's own credential logic (pre-flight check, skip
# flag, REMOTION_* names, client cache).
node_consumers := {"node", "cli"}

# Clients that read only the AWS_* names, through their AWS SDK's chain.
sdk_consumers := {"go", "python", "php"}

# client_names names each consumer in messages.
client_names := {
	"node": "Remotion's Node APIs",
	"cli": "the Remotion CLI",
	"go": "the Go client",
	"python": "the Python client",
	"php": "the PHP client",
}

# env_consumers maps an environment id to its set of consumers (empty when
# none is known). A complete rule: built once, constant-time lookups.
env_consumers := {env.id: {c | some c in env.consumers} | some env in input.environments}

# node_envs contains the id of every environment that Remotion's Node APIs
# or CLI read. An environment with no known consumer counts: Node is the
# default reader. A complete rule, like every lookup below: built once per
# evaluation.
node_envs := {id | some id, cs in env_consumers; _node_reader(cs)}

# sdk_clients maps an environment id to its Go, Python and PHP consumers.
sdk_clients := {id: (cs & sdk_consumers) | some id, cs in env_consumers}

# node_projects contains the dir of every project that Remotion's Node APIs
# or CLI read (or with no known consumer), as node_envs does for projects.
node_projects := {p.dir | some p in input.projects; _node_reader({c | some c in p.consumers})}

# project_sdk_clients maps a project dir to its Go, Python and PHP consumers.
project_sdk_clients := {p.dir: {c | some c in p.consumers; c in sdk_consumers} | some p in input.projects}

_node_reader(cs) if count(cs) == 0

_node_reader(cs) if count(cs & node_consumers) > 0

# clients_phrase names a set of consumers in words, sorted: "the Go client",
# "the Go client and the Python client".
clients_phrase(cs) := concat(" and ", [client_names[c] | some c in sort(cs)])

# ---------------------------------------------------------------------------
# Region variables (appended).
# ---------------------------------------------------------------------------

# region_var_unread contains the dir of every Remotion project where nothing
# reads REMOTION_AWS_REGION: its only consumer is the Node API, which takes
# region as an argument and reads no region variable, and none of its code
# reads the variable (to pass it on).
region_var_unread := {p.dir |
	some p in input.projects
	p.remotion
	{c | some c in p.consumers} == {"node"}
	not p.dir in _region_var_read
}

_region_var_read := {r.project | some r in input.code.reads; r.name == "REMOTION_AWS_REGION"}
