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
# The location is kept as given: remolint reads its path, line, column,
# endLine and endColumn and ignores any other key. (Filtering it here with
# object.filter cost about 30 allocations per finding, a twentieth of all
# the allocations of the rules on a monorepo.)
finding(chain, location, message) := {
	"rule": a.title,
	"severity": a.custom.severity,
	"message": message,
	"location": location,
} if {
	a := _annotation(chain)
}

# finding_related is finding/3 with a second location the message refers to.
# (Built whole, not as object.union(finding(...), {"related": related}): the
# union and the inner call cost about 27 allocations per finding, half its
# cost.)
finding_related(chain, location, message, related) := {
	"rule": a.title,
	"severity": a.custom.severity,
	"message": message,
	"location": location,
	"related": related,
} if {
	a := _annotation(chain)
}

_annotation(chain) := [e.annotations | some e in chain; e.annotations.title][0]

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

# variables_named(names)[[environment, name]] is the definition of each of
# names in each environment that holds it: the lookup by environment and
# name for a few names, built from their definitions only (not from every
# variable of the tree). Bind it once in a complete rule.
variables_named(names) := {[i, name]: input.environments[i].variables[j] |
	some name in names
	some [i, j] in variables[name]
}

# overriding lists, as [environment, variable] pairs in document order, the
# environment variables that override an earlier definition of their name
# (their overrides are not empty): the few a rule about overrides reads, out
# of every variable.
overriding := input.index.overriding if {
	is_array(input.index.overriding)
} else := [[i, j] |
	some i, env in input.environments
	some j, v in env.variables
	count(object.get(v, "overrides", [])) > 0
]

# anomalies lists every env-file anomaly as a [file, anomaly] pair
# (input.envFiles[file].anomalies[anomaly]), in document order: the few
# lines a rule about them reads, without a pass over every file.
anomalies := input.index.anomalies if {
	is_array(input.index.anomalies)
} else := [[i, k] |
	some i, f in input.envFiles
	some k, _ in object.get(f, "anomalies", [])
]

# committed_keys lists, as [file, entry] pairs in document order, the
# env-file entries whose value looks like a key (a key id with its display
# form, or a secret access key) in files that are templates or that git
# tracks: the values a rule about committed keys reads, out of every entry.
committed_keys := input.index.committedKeys if {
	is_array(input.index.committedKeys)
} else := [[i, j] |
	some i, f in input.envFiles
	true in [object.get(f, "template", false), object.get(f, "tracked", false)]
	some j, e in f.entries
	true in [object.get(e, "display", "") != "", object.get(e, "looksLikeSecretKey", false)]
]

# region_names are the variables that name a region.
region_names := {"AWS_REGION", "REMOTION_AWS_REGION"}

# region_values maps each region variable that env files set to the values
# they set it to, and each value to those entries as [file, entry] pairs, in
# document order: a rule that compares regions with its lists goes through
# the few distinct values, not every entry (a monorepo sets a region in
# every project). Only entries that are set count.
region_values := input.index.regionValues if {
	is_object(input.index.regionValues)
} else := {name: values |
	some name in region_names
	values := {value: [[i, j] |
		some [i, j] in env_entries[name]
		input.envFiles[i].entries[j].set
		input.envFiles[i].entries[j].value == value
	] |
		some [i0, j0] in env_entries[name]
		e := input.envFiles[i0].entries[j0]
		e.set
		value := e.value
		value != ""
	}
	count(values) > 0
}

# credential_names are the variables that choose credentials: both
# prefixes' key pairs, session tokens and profiles, the legacy
# AWS_ACCESS_KEY and AWS_SECRET_KEY, and the other AWS_ names that point the
# SDKs at credentials.
credential_names := {
	remotion_id, remotion_secret, remotion_token, remotion_profile,
	aws_id, aws_secret, aws_token, aws_profile,
	"AWS_ACCESS_KEY", "AWS_SECRET_KEY", "AWS_DEFAULT_PROFILE", "AWS_ROLE_ARN",
	"AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE",
}

# credential_variables[[environment, name]] is variables_named over
# credential_names and the skip flag: the lookup the credential rules share,
# built once per evaluation for all of them (a lookup of a name outside
# these is undefined).
credential_variables := variables_named(credential_names | {skip_flag})

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

# suggested holds the names of env-file entries and code accesses that
# misspell a known name (they have a suggestion, which depends only on the
# name): the few names a rule about misspellings reads, out of every name.
suggested := input.index.suggested if {
	is_array(input.index.suggested)
} else := ({name |
	some name, refs in env_entries
	[i, j] := refs[0]
	input.envFiles[i].entries[j].suggestion != ""
} | {name |
	some name, ks in reads
	input.code.reads[ks[0]].suggestion != ""
}) | {name |
	some name, ks in writes
	input.code.writes[ks[0]].suggestion != ""
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

# Every env file that is not a template, with its entries. (For team
# policies: the built-in rules go through the name index instead.)
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
# evaluation from every variable of the tree, for team policies; the
# built-in rules look up only the names they check (variables_named).
env_vars := {env.id: {v.name: v | some v in env.variables} | some env in input.environments}

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

# node_reader is true when Remotion's Node APIs or CLI read what has these
# consumers (an array or a set): one of them is, or none is known (Node is
# the default reader). Rules call it on an environment's or a project's own
# consumer list, which is short and repeats, so OPA answers most calls from
# its cache.
node_reader(consumers) if count(consumers) == 0

node_reader(consumers) if {
	some c in consumers
	c in node_consumers
}

# sdk_clients maps an environment id to its Go, Python and PHP consumers.
sdk_clients := {id: (cs & sdk_consumers) | some id, cs in env_consumers}

# node_projects contains the dir of every project that Remotion's Node APIs
# or CLI read (node_reader). A complete rule, like every lookup below: built
# once per evaluation.
node_projects := {p.dir | some p in input.projects; node_reader(object.get(p, "consumers", []))}

# project_sdk_clients maps a project dir to its Go, Python and PHP consumers.
project_sdk_clients := {p.dir: {c | some c in p.consumers; c in sdk_consumers} | some p in input.projects}

# clients_phrase names a set of consumers in words, sorted: "the Go client",
# "the Go client and the Python client".
clients_phrase(cs) := concat(" and ", [client_names[c] | some c in sort(cs)])

# ---------------------------------------------------------------------------
# Region variables (appended).
# ---------------------------------------------------------------------------

# region_var_unread contains the dir of every Remotion project where nothing
# reads REMOTION_AWS_REGION: its only consumer is the Node API, which takes
# region as an argument and reads no region variable, and none of its code
# reads the variable (to pass it on). The three region rules share it. The
# first consumer is tested before the set of consumers is built, and the
# reads of the variable are looked up only when some project passes.
region_var_unread := {p.dir |
	some p in input.projects
	p.consumers[0] == "node"
	p.remotion
	{c | some c in p.consumers} == {"node"}
	not _region_var_read[p.dir]
}

_region_var_read := {all_reads[i].project | all_reads := input.code.reads; some i in reads.REMOTION_AWS_REGION}

# ---------------------------------------------------------------------------
# Numbered account families (appended; the model that account-sequence-gap
# and account-pair-incomplete share). A family is `<PREFIX>_<n>` (facts
# Family). Two families are the key and secret halves of one pair when they
# share a stem in one project (`AWS_KEY_n`/`AWS_SECRET_n`,
# `X_ACCESS_KEY_ID_n`/`X_SECRET_ACCESS_KEY_n`), or when one code file reads
# both with a run-time index.
#
# Performance of the account rules, which read every numbered definition of
# every scope (one env file may hold thousands; bench/rules_bench_test.go
# over `go run ./bench/gen -pathological 4000` measures them):
# - A family is a function of the name alone (names.ParseFamily), so the
#   model goes through the lookups by name: it reads the family of each
#   distinct name once, from its first definition, and expands the
#   definitions only of the names that count (_acct_names). No other entry,
#   variable or read is looked at.
# - Each definition is then read once, into a one-key object {[scope,
#   prefix, padded, exists]: {number: true}}, and object.union_n merges them
#   all (in Go, in one call) into the sets of numbers of each group
#   (account_numbers). remolint does all of this in Go (input.accounts,
#   model.accounts) and the library reads its result; the derivation here
#   specifies it, and serves documents without it (policy tests). The
#   rules work on those sets with set operations,
#   which also run in Go (`keys & secrets`, `filled - counted`), skip the
#   scopes whose groups hold 1..n in step with their partners
#   (account_twins), and build names, locations and messages only for
#   findings.
# - What each expression costs per element: a function call is the dearest
#   (OPA caches every call under its arguments), then built-in calls that
#   build objects, then binding a reference to a variable; comparing a
#   reference with a constant (`f.template == true`) or matching a tuple
#   pattern (`some [k, n, _, _] in defs`) is cheap. Bind a rule to a
#   variable before a loop instead of naming it inside (`own :=
#   _acct_own_files`).
# - The indexed comprehension {k: vs | some k in keys; vs := {v | some [k2,
#   v] in pairs; k2 == k}} is one pass only for keys that all have values: a
#   key with none is a scan of every pair, as is a comprehension that names
#   a variable bound outside it. object.union_n of one-key objects groups in
#   Go instead. (Inside the comprehension, `some [k, v] in pairs` would
#   declare a new k: compare a fresh variable with the outer one.)
# - In allocations (what the benchmark trees weigh): iterating, matching a
#   pattern and looking a term up cost next to nothing; a tuple built for
#   each element costs about four, a lookup by a composite key builds its key
#   (`partners[[proj, p]]`), a negation about nine, an indexed grouping about
#   ten a member, a nested one-key object for object.union_n about twenty.
#   Making a number past the few hundred OPA interns costs about five: never
#   numbers.range over thousands (account_stop). The pairs are therefore
#   joined by indexed lookups (_acct_pair_links), not by merging objects, and
#   the rules look a group's partners up once (account_group_partners).
# ---------------------------------------------------------------------------

# account_own_scope contains the path of every env file that is checked on
# its own entries: templates, and files that no environment layers. Every
# other env file is checked through the environments that layer it.
account_own_scope := ({f.path | some f in input.envFiles} - _acct_layered) | {f.path |
	some f in input.envFiles
	f.template == true
}

_acct_layered := {p | some env in input.environments; some p in env.files}

# _acct_loop_reads lists [code file, project, prefix, role, language,
# credential, stem] for the code reads with a run-time index and a constant
# prefix (`process.env["AWS_KEY_" + i]` gives AWS_KEY; role and stem are ""
# and credential false when the read carries no family). A dynamic access
# has no name: the lookup by name holds them all under "".
_acct_loop_reads := [[r.location.path, r.project, trim_suffix(r.prefix, "_"), object.get(fam, "role", ""), r.language, object.get(fam, "credential", false), object.get(fam, "stem", "")] |
	all_reads := input.code.reads
	some i in reads[""]
	r := all_reads[i]
	r.dynamic == true
	r.prefix != ""
	fam := object.get(r, "family", {})
]

# account_loop_prefixes contains every prefix that code reads with a run-time
# index, whatever its name.
account_loop_prefixes := {p | some [_, _, p, _, _, _, _] in _acct_loop_reads}

# _acct_loose_loops contains the loop prefixes that name no credential: their
# families count too.
_acct_loose_loops := {p | some [_, _, p, _, _, false, _] in _acct_loop_reads}

# --- numbered definitions ---

# _acct_names lists [name, prefix, number, padded, refs] for every name of a
# counted family (a credential prefix, or one read with a run-time index)
# that an environment or an env file defines: the names of the environments'
# variables, then those that only env files define (templates, files no
# environment layers). Names with no number are there (number 0, missing).
# refs are the name's variables (lib.variables; none for a name only env
# files define). (facts.Family always holds prefix, index, padded and
# credential.)
_acct_names := array.concat(array.concat(_acct_credential_names, _acct_loose_names), _acct_entry_names)

_acct_credential_names := [[name, fam.prefix, fam.index, fam.padded, refs] |
	envs := input.environments
	some name, refs in variables
	[i, j] := refs[0]
	fam := envs[i].variables[j].family
	fam.credential == true
]

_acct_loose_names := [[name, prefix, fam.index, fam.padded, refs] |
	loops := _acct_loose_loops
	count(loops) > 0
	envs := input.environments
	some name, refs in variables
	[i, j] := refs[0]
	fam := envs[i].variables[j].family
	not fam.credential == true
	prefix := fam.prefix
	loops[prefix]
]

_acct_entry_names := [[name, prefix, fam.index, fam.padded, []] |
	loops := account_loop_prefixes
	files := input.envFiles
	by_name := env_entries
	some name in (object.keys(by_name) - object.keys(variables))
	[i, j] := by_name[name][0]
	fam := files[i].entries[j].family
	prefix := fam.prefix
	true in [object.get(fam, "credential", false), prefix in loops]
]

# The definitions of a counted family in every scope: the winning variables
# of each environment, and the entries of each env file checked on its own
# (account_own_scope). A scope s is an environment (input.environments[s])
# when s >= 0, else an env file (input.envFiles[-1 - s]). An entry of a file
# that an environment layers is also a variable of that environment, in the
# same project (model.addEnvironment): the scopes hold every definition that
# counts. Each definition is read once, into {[scope, prefix, padded,
# exists]: {number: true}}, where exists is true when it holds an account (a
# value; in a template, being there); object.union_n merges them all into
# one object (in Go, in one call), which account_numbers reads.
_acct_merged := object.union_n(array.concat(
	array.concat(_acct_variable_numbers, [{k: {n: true}} | some [k, n, _, _] in _acct_padded_variable_defs]),
	[{k: {n: true}} | some [k, n, _, _] in _acct_entry_defs],
))

_acct_variable_numbers := [{[i, prefix, false, envs[i].variables[j].set]: {n: true}} |
	envs := input.environments
	some [_, prefix, n, false, refs] in _acct_names
	some [i, j] in refs
]

# account_padded_defs lists the definitions of zero-padded names as
# [[scope, prefix, true, exists], number, name, at], where at is the
# definition's index in the scope's variables or entries (account_location).
account_padded_defs := [[[d.scope, d.prefix, true, d.exists], d.number, d.name, d.at] |
	some d in input.accounts.paddedDefs
] if {
	is_array(input.accounts.paddedDefs)
} else := array.concat(_acct_padded_variable_defs, [d | some d in _acct_entry_defs; d[0][2] == true])

_acct_padded_variable_defs := [[[i, prefix, true, envs[i].variables[j].set], n, name, j] |
	envs := input.environments
	some [name, prefix, n, true, refs] in _acct_names
	some [i, j] in refs
]

# _acct_entry_defs lists the definitions in the env files checked on their
# own as account_padded_defs does.
_acct_entry_defs := [[[-1 - i, prefix, padded, exists], n, name, j] |
	own := _acct_own_files
	count(own) > 0
	files := input.envFiles
	by_name := env_entries
	some [name, prefix, n, padded, _] in _acct_names
	some [i, j] in by_name[name]
	own[i]
	exists := true in [files[i].template, object.get(files[i].entries[j], "set", false)]
]

# _acct_own_files contains the index of every env file checked on its own
# that defines a counted name.
_acct_own_files := {i |
	files := input.envFiles
	some i in _acct_entry_files
	files[i].template == true
} | {i |
	layered := _acct_layered
	files := input.envFiles
	some i in _acct_entry_files
	not layered[files[i].path]
}

_acct_entry_files := {i |
	by_name := env_entries
	some [name, _, _, _, _] in _acct_names
	some [i, _] in by_name[name]
}

# account_numbers[[scope, prefix, padded, exists]] holds the numbers of those
# definitions (a name with no number counts as number 0). remolint counts
# them in Go (input.accounts, model.accounts: the derivation above is its
# specification, and policies/accounts_test.go checks both agree on every
# fixture); a document without them, such as a policy test's input, gets
# them derived here.
account_numbers := {[g.scope, g.prefix, g.padded, g.exists]: {n | some n in g.numbers} |
	some g in input.accounts.numbers
} if {
	is_array(input.accounts.numbers)
} else := {k: object.keys(ns) | some k, ns in _acct_merged}

# account_stem_numbers[[file, stem]] maps each prefix of the stem to the set
# of numbers it uses in the env file that the count-until-missing loop can
# read (neither zero-padded nor 0), for the files and stems of a name with no
# number (AWS_SECRET_, of the stem AWS): what account-number-missing suggests
# a number from. remolint lists them in Go (input.accounts.stemNumbers, only
# the files with such a name are read); the derivation below serves documents
# without them, and policies/accounts_test.go checks that both agree.
account_stem_numbers := {[f, s]: {p: ns | some [f2, s2, p, ns] in records; [f2, s2] == [f, s]} |
	records := _acct_stem_records
	some [f, s, _, _] in records
}

_acct_stem_records := [[g.file, g.stem, g.prefix, {n | some n in g.numbers}] | some g in input.accounts.stemNumbers] if {
	is_array(input.accounts.stemNumbers)
} else := [[i, stem, prefix, ns] |
	some i, f in input.envFiles
	some stem in {fam.stem | some e in f.entries; fam := e.family; fam.missing; fam.stem != ""}
	some prefix in {fam.prefix | some e in f.entries; fam := e.family; fam.stem == stem; not fam.padded; fam.index > 0}
	ns := {fam.index | some e in f.entries; fam := e.family; fam.prefix == prefix; fam.stem == stem; not fam.padded; fam.index > 0}
]

# account_groups contains every [scope, prefix] with a definition.
account_groups := {[s, p] | some [s, p, _, _], _ in account_numbers}

# account_filled[[scope, prefix]] holds the numbers (zero-padded ones left
# out) that hold an account in the scope, account_unfilled those defined
# without one (an empty value); a group with no such number is absent.
# Number 0 there is `<prefix>_0` or a name with no number: a rule that reads
# it looks the name up (account_named).
account_filled := {[s, p]: ns | some [s, p, false, true], ns in account_numbers}

account_unfilled := {[s, p]: ns | some [s, p, false, false], ns in account_numbers}

# account_prefix_family[prefix] is the family of one name of each prefix with
# a definition: what the prefix says (role, stem, credential) is the same for
# all its names. The name is found in the sorted list of every name: the
# first `<prefix>_<n>` with n of at most six digits (a larger number makes no
# family), else `<prefix>_`.
account_prefix_family := {p: fam |
	names := _acct_all_names
	some p in {prefix | some [_, prefix] in account_groups}
	quoted := strings.replace_n(_acct_regex_escapes, p)
	name := _acct_first_name(names, quoted, p)
	fam := _acct_family_of(name)
}

_acct_all_names := concat("\n", object.keys(variables) | object.keys(env_entries))

_acct_regex_escapes := {c: concat("", ["\\", c]) | some c in ["\\", ".", "+", "*", "?", "(", ")", "|", "[", "]", "{", "}", "^", "$"]}

_acct_first_name(names, quoted, p) := found[0] if {
	found := regex.find_n(concat("", ["(?m)^", quoted, "_[0-9]{1,6}$"]), names, 1)
	count(found) == 1
} else := concat("", [p, "_"])

_acct_family_of(name) := input.environments[i].variables[j].family if {
	[i, j] := variables[name][0]
} else := input.envFiles[i].entries[j].family if {
	[i, j] := env_entries[name][0]
}

# account_scope_projects maps each scope with a definition to its project.
account_scope_projects := object.union(
	{s: envs[s].project | envs := input.environments; some [s, _] in account_groups; s >= 0},
	{s: files[-1 - s].project | files := input.envFiles; some [s, _] in account_groups; s < 0},
)

# account_group_partners[[scope, prefix]] is account_partners of the group's
# family in the scope's project, for the groups of a family with a partner:
# what the account rules look up, one lookup per group.
account_group_partners := {g: ps |
	partners := account_partners
	projects := account_scope_projects
	some g in account_groups
	ps := partners[[projects[g[0]], g[1]]]
}

# account_twins contains every group [scope, prefix] that holds a value at
# the same numbers as its partner in the scope (zero-padded names left out),
# and every group of a family with no partner (in a scope with a project). A
# group whose family has more than one partner is never one (unless the
# scope has a group of prefix "", which it is compared with). The account
# rules look no further at a scope whose groups are all twins with plain
# numbers from 1 on.
account_twins := (_acct_project_groups - object.keys(account_group_partners)) | _acct_partnered_twins

# account_plain_twins contains the twins that hold no number 0 (a name with
# no number, or `<prefix>_0`): what both rules skip a scope on, found in one
# pass for both.
account_plain_twins contains g if {
	filled := account_filled
	some g in account_twins
	min(filled[g]) > 0
}

_acct_project_groups := {g |
	projects := account_scope_projects
	some g, _ in account_filled
	projects[g[0]]
}

_acct_partnered_twins contains g if {
	filled := account_filled
	some g, ps in account_group_partners
	ns := filled[g]
	filled[[g[0], _acct_twin(ps)]] == ns
}

# _acct_twin is the prefix of the only partner in ps, or "" (no prefix) when
# there are several.
_acct_twin(ps) := p if {
	count(ps) == 1
	some p in ps
} else := ""

# account_stop is the first number from 1 on that ns, a set of account
# numbers (integers from 0 on), does not hold: where the count-until-missing
# loop stops when it accepts the numbers of ns. k distinct numbers from 1 sum
# to k(k + 1)/2 only when they are 1..k: then it is k + 1. Else, in the
# sorted numbers s from 1 on, s[i] == i + 1 holds from i = 0 up to the last
# number before the gap and at no index after it: that index is found first
# among every 32nd index, then in its block of 32, so that about 2k/32 + 64
# numbers are made, not the k of 1..k (making numbers is what costs, past
# the few hundred that OPA interns).
account_stop(ns) := k + 1 if {
	c := ns - {0}
	k := count(c)
	sum(c) == (k * (k + 1)) / 2
} else := 1 if {
	not 1 in ns
} else := i + 2 if {
	s := sort(ns - {0})
	last := count(s) - 1
	b := max({b | some b in numbers.range_step(0, last, 32); s[b] == b + 1})
	i := max({i | some i in numbers.range(b, min([b + 31, last])); s[i] == i + 1})
}

# account_scope_env is the id of a scope's environment ("" for an env file).
account_scope_env(s) := input.environments[s].id if s >= 0

account_scope_env(s) := "" if s < 0

# account_location is where the definition at index at of scope s is.
account_location(s, at) := input.environments[s].variables[at].location if s >= 0

account_location(s, at) := input.envFiles[-1 - s].entries[at].location if s < 0

# account_named lists [at, exists, location] for every definition of name in
# scope s (an env file may define a name twice).
account_named(s, name) := [[j, v.set, v.location] |
	some [s2, j] in variables[name]
	s2 == s
	v := input.environments[s].variables[j]
] if s >= 0

account_named(s, name) := [[j, exists, e.location] |
	f := input.envFiles[-1 - s]
	some [i, j] in env_entries[name]
	i == -1 - s
	e := f.entries[j]
	exists := true in [f.template, object.get(e, "set", false)]
] if s < 0

# --- pairs ---

# account_partners maps [project, prefix] to the prefixes of the other half
# of its key/secret pair (a set; absent for a family with no partner):
# account_partners[[".", "AWS_KEY"]] == {"AWS_SECRET"}. It groups the pairs
# of _acct_partner_pairs by their first two terms (an indexed comprehension:
# one pass over the pairs, whose keys all have values).
account_partners := {[proj, p]: ps |
	some [proj, p, _] in _acct_partner_pairs
	ps := {q | some [proj2, p2, q] in _acct_partner_pairs; proj2 == proj; p2 == p}
}

# _acct_partner_pairs holds [project, prefix, partner] in both directions
# for each pair link.
_acct_partner_pairs contains [proj, k, s] if some [k, s, proj] in _acct_pair_links

_acct_partner_pairs contains [proj, s, k] if some [k, s, proj] in _acct_pair_links

# _acct_pair_links holds [key prefix, secret prefix, project] for the halves
# of a pair: same stem, or read by the same code file with a run-time index.
# The halves of a stem are those of the groups (env files and environments)
# and of code reads (_acct_stem_halves); those of a code file, its reads
# with a run-time index (_acct_read_halves). Each key half is joined with
# the secret prefixes of its stem (in any project), or of its file, that are
# halves of that stem, or read in that file, in its own project: a lookup
# by a string and a membership test, not a grouping by [project, stem].
_acct_pair_links contains [k, s, proj] if {
	secrets := _acct_stem_secrets
	halves := _acct_stem_halves
	some [proj, stem, "key", k] in halves
	some s in secrets[stem]
	halves[[proj, stem, "secret", s]]
}

_acct_pair_links contains [k, s, proj] if {
	secrets := _acct_read_secrets
	halves := _acct_read_halves
	some [path, proj, "key", k] in halves
	some s in secrets[path]
	halves[[path, proj, "secret", s]]
}

# _acct_stem_secrets[stem] and _acct_read_secrets[code file] hold the
# secret prefixes of each stem, in every project, and of each file (indexed
# comprehensions, like account_partners): a stem has a few (its roles'
# suffixes), a file those it reads.
_acct_stem_secrets := {stem: ss |
	some [_, stem, "secret", _] in _acct_stem_halves
	ss := {s | some [_, stem2, "secret", s] in _acct_stem_halves; stem2 == stem}
}

_acct_read_secrets := {path: ss |
	some [path, _, "secret", _] in _acct_read_halves
	ss := {s | some [path2, _, "secret", s] in _acct_read_halves; path2 == path}
}

# _acct_stem_halves holds [project, stem, role, prefix] for the key and
# secret halves of each stem in a project: the groups' prefixes, and those
# of code reads (_acct_read_stems).
_acct_stem_halves contains [projects[s], stem, role, prefix] if {
	projects := account_scope_projects
	halves := _acct_half_prefixes
	some [s, prefix] in account_groups
	[stem, role] := halves[prefix]
}

_acct_stem_halves contains h if some h in _acct_read_stems

# _acct_half_prefixes maps each key or secret prefix with a definition to
# its [stem, role].
_acct_half_prefixes := {p: [object.get(fam, "stem", ""), fam.role] |
	some p, fam in account_prefix_family
	fam.role in {"key", "secret"}
}

# _acct_read_stems lists [project, stem, role, prefix] for the key and
# secret families of code reads: with a run-time index, and by name.
_acct_read_stems contains [proj, stem, role, prefix] if {
	some [_, proj, prefix, role, _, _, stem] in _acct_loop_reads
	role in {"key", "secret"}
}

_acct_read_stems contains [r.project, object.get(fam, "stem", ""), fam.role, fam.prefix] if {
	all_reads := input.code.reads
	some name, idxs in reads
	name != ""
	all_reads[idxs[0]].family.role in {"key", "secret"}
	some i in idxs
	r := all_reads[i]
	fam := r.family
}

# _acct_read_halves lists [code file, project, role, prefix] for the key and
# secret prefixes read with a run-time index: the read's own role, else the
# roles its prefix has elsewhere (_acct_roles).
_acct_read_halves contains [path, proj, role, prefix] if {
	some [path, proj, prefix, role, _, _, _] in _acct_loop_reads
	prefix != ""
	role in {"key", "secret"}
}

_acct_read_halves contains [path, proj, role, prefix] if {
	some [path, proj, prefix, "", _, _, _] in _acct_loop_reads
	prefix != ""
	some role, _ in _acct_roles[prefix]
}

# _acct_roles maps each key or secret prefix to its roles ({role: true}).
_acct_roles := object.union_n(array.concat(
	[{p: {role: true}} | some p, [_, role] in _acct_half_prefixes],
	[{prefix: {role: true}} | some [_, _, role, prefix] in _acct_read_stems],
))

# --- messages ---

# account_reader is the language of the code that runs the account rotation
# of the project at dir, which decides what account 0 copies: "node" (the
# documented pattern: process.env yields undefined, which Node stores as the
# string "undefined"), "go" (os.Getenv yields "") or "other" (a Python or
# PHP client: no rotation code seen). The code that reads numbered names with
# a run-time index decides; without such code, the project's clients do. A
# dir that is no project reads as "node". (The project is looked up in
# lib.projects, which other rules build anyway, not found by a pass over
# every project.)
account_reader(dir) := _acct_reader(dir in _acct_js_loops, dir in _acct_go_loops, _acct_node_reader(cs), cs & sdk_consumers) if {
	p := projects[dir]
	cs := {c | some c in p.consumers}
} else := "node"

_acct_js_loops := {proj | some [_, proj, _, _, lang, _, _] in _acct_loop_reads; lang != "go"}

_acct_go_loops := {proj | some [_, proj, _, _, "go", _, _] in _acct_loop_reads}

_acct_node_reader(cs) if {
	node_reader(cs)
} else := false

_acct_reader(true, _, _, _) := "node"

_acct_reader(false, true, _, _) := "go"

_acct_reader(false, false, true, _) := "node"

_acct_reader(false, false, false, sdk) := "go" if "go" in sdk

_acct_reader(false, false, false, sdk) := "other" if not "go" in sdk

# account_zero_copy says, by account_reader value, what copying account 0
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
