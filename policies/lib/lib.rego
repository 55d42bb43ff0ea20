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

# ---------------------------------------------------------------------------
# Lookups by name. remolint indexes the finished document by variable name
# (input.index); a rule goes through these straight to the definitions of
# the names it checks, so its cost follows those definitions, not the size of
# the tree (a pass over every entry costs milliseconds per rule on a large
# monorepo). A document without an index, such as a policy test's input,
# gets the same lookups derived here (policies/index_test.go checks that the
# two agree on every fixture).
# ---------------------------------------------------------------------------

# env_entries maps a name to its env-file entries as [file, entry] pairs:
# input.envFiles[file].entries[entry], in document order.
env_entries := input.index.envEntries if {
	is_object(input.index.envEntries)
} else := {name: [[i, j] | some i, f in input.envFiles; some j, e in f.entries; e.name == name] |
	some f in input.envFiles
	some e in f.entries
	name := e.name
}

# variables maps a name to its environment variables as [environment,
# variable] pairs: input.environments[environment].variables[variable].
variables := input.index.variables if {
	is_object(input.index.variables)
} else := {name: [[i, j] | some i, env in input.environments; some j, v in env.variables; v.name == name] |
	some env in input.environments
	some v in env.variables
	name := v.name
}

# reads and writes map a name to the indexes of its accesses in
# input.code.reads and input.code.writes ("" for a dynamic access with no
# name).
reads := input.index.reads if {
	is_object(input.index.reads)
} else := {name: [i | some i, r in input.code.reads; _access_name(r) == name] |
	some r in input.code.reads
	name := _access_name(r)
}

writes := input.index.writes if {
	is_object(input.index.writes)
} else := {name: [i | some i, w in input.code.writes; _access_name(w) == name] |
	some w in input.code.writes
	name := _access_name(w)
}

_access_name(a) := object.get(a, "name", "")

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

# ---------------------------------------------------------------------------
# Numbered account families (appended; the model that account-sequence-gap
# and account-pair-incomplete share). A family is `<PREFIX>_<n>` (facts
# Family). Two families are the key and secret halves of one pair when they
# share a stem in one project (`AWS_KEY_n`/`AWS_SECRET_n`,
# `X_ACCESS_KEY_ID_n`/`X_SECRET_ACCESS_KEY_n`), or when one code file reads
# both with a run-time index. Every lookup below is a complete rule: facts
# are joined in plain sets of [key, value] pairs and grouped by the indexed
# comprehension {k: vs | some k in keys; vs := {v | some [k2, v] in pairs;
# k2 == k}}, which must stay inline in a rule (inside a function it is not
# indexed, and a ref-head rule `x[k] contains v` is quadratic).
#
# Performance of the account rules, which read every numbered entry of every
# scope (one env file may hold thousands; bench/rules_bench_test.go over
# `go run ./bench/gen -pathological 4000` measures them):
# - Read each entry once, into a tuple built inline. A function call per
#   entry is the dearest expression there (OPA caches every call under its
#   arguments and evaluates every body of the function), then object.union
#   (it copies its operands) and other built-in calls; a reference or a
#   `not` is cheap.
# - Keep entries as arrays of short tuples, not objects, and read them with
#   tuple patterns (`some [k, _, n, true] in rows`): the cheapest way to
#   filter and read an entry. A pattern binds every element, `_` included,
#   so what only a finding needs goes into one nested element.
# - Sets for `in` lookups; arrays for what is only iterated (iterating a set
#   sorts it first).
# - Look a complete rule up per entry through a variable bound before the
#   loop (`stops := _stop; some ...; n > stops[k]`), then group the result.
#   The same lookup inside an indexed comprehension made the steps of
#   bench/linear_test.go grow faster than the tree.
# ---------------------------------------------------------------------------

# account_own_scope contains the path of every env file that is checked on
# its own entries: templates, and files that no environment layers. Every
# other env file is checked through the environments that layer it.
account_own_scope := {f.path | some f in input.envFiles; f.template} | {f.path |
	some f in input.envFiles
	not f.path in _acct_layered
}

_acct_layered := {p | some env in input.environments; some p in env.files}

# account_loop_prefixes contains every prefix that code reads with a run-time
# index (`process.env["AWS_KEY_" + i]` gives AWS_KEY), whatever its name.
account_loop_prefixes := {trim_suffix(r.prefix, "_") |
	some r in input.code.reads
	r.dynamic
	r.prefix != ""
}

# account_partners maps [project, prefix] to the prefixes of the other half
# of its key/secret pair (a set; absent for a family with no partner):
# account_partners[[".", "AWS_KEY"]] == {"AWS_SECRET"}.
account_partners := {k: ps |
	some k in _acct_partner_keys
	ps := {p | some [k2, p] in _acct_partner_pairs; k2 == k}
}

# _acct_halves lists every [project, stem, role, prefix] of a key or secret
# family (env entries, environment variables, code reads). Only scalars go
# into the set: sets of objects hash slowly.
_acct_halves contains [proj, object.get(fam, "stem", ""), fam.role, fam.prefix] if {
	some f in input.envFiles
	proj := f.project
	some e in f.entries
	fam := e.family
	fam.role in {"key", "secret"}
}

_acct_halves contains [proj, object.get(fam, "stem", ""), fam.role, fam.prefix] if {
	some env in input.environments
	proj := env.project
	some v in env.variables
	fam := v.family
	fam.role in {"key", "secret"}
}

_acct_halves contains [r.project, object.get(fam, "stem", ""), fam.role, fam.prefix] if {
	some r in input.code.reads
	fam := r.family
	fam.role in {"key", "secret"}
}

# Key and secret prefixes by [project, stem].
_acct_stem_keys contains [[proj, stem], prefix] if some [proj, stem, "key", prefix] in _acct_halves

_acct_stem_secret_pairs contains [[proj, stem], prefix] if some [proj, stem, "secret", prefix] in _acct_halves

_acct_stem_secret_keys contains k if some [k, _] in _acct_stem_secret_pairs

_acct_stem_secrets := {k: ps |
	some k in _acct_stem_secret_keys
	ps := {p | some [k2, p] in _acct_stem_secret_pairs; k2 == k}
}

# Roles of each prefix, for code reads that carry no family.
_acct_role_pairs contains [prefix, role] if some [_, _, role, prefix] in _acct_halves

_acct_role_keys contains k if some [k, _] in _acct_role_pairs

_acct_roles := {k: rs | some k in _acct_role_keys; rs := {r | some [k2, r] in _acct_role_pairs; k2 == k}}

# Key and secret prefixes read with a run-time index, by [code file, project]:
# the read's own role, else the roles its prefix has elsewhere.
_acct_read_prefixes contains [[r.location.path, r.project], r.family.role, prefix] if {
	some r in input.code.reads
	r.dynamic
	prefix := trim_suffix(r.prefix, "_")
	prefix != ""
	r.family.role
}

_acct_read_prefixes contains [[r.location.path, r.project], role, prefix] if {
	roles := _acct_roles
	some r in input.code.reads
	r.dynamic
	prefix := trim_suffix(r.prefix, "_")
	prefix != ""
	not r.family.role
	some role in roles[prefix]
}

_acct_read_secret_pairs contains [k, p] if some [k, "secret", p] in _acct_read_prefixes

_acct_read_secret_keys contains k if some [k, _] in _acct_read_secret_pairs

_acct_read_secrets := {k: ps |
	some k in _acct_read_secret_keys
	ps := {p | some [k2, p] in _acct_read_secret_pairs; k2 == k}
}

# _acct_pair_links holds [key prefix, secret prefix, project] for the halves
# of a pair: same stem, or read by the same code file with a run-time index.
_acct_pair_links contains [k, s, proj] if {
	secrets := _acct_stem_secrets
	some [[proj, stem], k] in _acct_stem_keys
	some s in secrets[[proj, stem]]
}

_acct_pair_links contains [k, s, proj] if {
	secrets := _acct_read_secrets
	some [[path, proj], "key", k] in _acct_read_prefixes
	some s in secrets[[path, proj]]
}

_acct_partner_pairs contains [[proj, k], s] if some [k, s, proj] in _acct_pair_links

_acct_partner_pairs contains [[proj, s], k] if some [k, s, proj] in _acct_pair_links

_acct_partner_keys contains k if some [k, _] in _acct_partner_pairs

# account_readers maps a project dir to the language of the code that runs
# its account rotation, which decides what account 0 copies: "node" (the
# documented pattern: process.env yields undefined, which Node stores as the
# string "undefined"), "go" (os.Getenv yields "") or "other" (a Python or
# PHP client: no rotation code seen). The code that reads numbered names with
# a run-time index decides; without such code, the project's clients do.
account_readers := {p.dir: _acct_reader(p.dir in _acct_js_loops, p.dir in _acct_go_loops, p.dir in node_projects, project_sdk_clients[p.dir]) |
	some p in input.projects
}

_acct_js_loops := {r.project | some r in input.code.reads; r.dynamic; r.prefix != ""; r.language != "go"}

_acct_go_loops := {r.project | some r in input.code.reads; r.dynamic; r.prefix != ""; r.language == "go"}

_acct_reader(true, _, _, _) := "node"

_acct_reader(false, true, _, _) := "go"

_acct_reader(false, false, true, _) := "node"

_acct_reader(false, false, false, sdk) := "go" if "go" in sdk

_acct_reader(false, false, false, sdk) := "other" if not "go" in sdk

# account_zero_copy says, by account_readers value, what copying account 0
# (the number picked when the account count is 0) yields; it follows "the
# chosen number is 0".
account_zero_copy := {
	"node": ", the copied values are undefined and Node stores the string \"undefined\"",
	"go": ", and the copied values are empty (os.Getenv returns \"\")",
	"other": ", and there is no account 0 to copy",
}

# account_env_prefix is the message prefix of a finding that the environments
# in ids report at a definition of an env file that the environments in seen
# all take as the winning one: "" when every one of them reports it, else the
# names of those that do, sorted: "in environment web (production): ",
# "in environments a and b: ".
account_env_prefix(ids, seen) := "" if ids == seen

account_env_prefix(ids, seen) := sprintf("in environment %s: ", [s[0]]) if {
	ids != seen
	s := sort(ids)
	count(s) == 1
}

account_env_prefix(ids, seen) := sprintf("in environments %s and %s: ", [concat(", ", array.slice(s, 0, count(s) - 1)), s[count(s) - 1]]) if {
	ids != seen
	s := sort(ids)
	count(s) > 1
}
