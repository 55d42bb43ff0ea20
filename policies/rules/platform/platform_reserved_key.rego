# METADATA
# title: platform-reserved-key
# description: |
#   Finds Remotion credentials or a region set or read under names that the
#   deployment platform owns: `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`,
#   `AWS_SESSION_TOKEN`, `AWS_REGION`, and the names each platform refuses or
#   reserves for its own runtime. It runs on projects that deploy to Vercel,
#   Netlify or AWS Lambda, and looks at every env file (templates too: a
#   template tells people to set the name) and at every read or write of those
#   names in code.
#
#   - **Vercel** puts its own `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`,
#     `AWS_SESSION_TOKEN` and `AWS_REGION` into every function. The keys grant
#     no AWS permissions, yet Remotion silently uses them whenever the
#     `REMOTION_AWS_*` pair is missing or empty, and a presence guard such as
#     `if (!process.env.AWS_ACCESS_KEY_ID)` can never fire there. Vercel refuses
#     outright to save `AWS_SECRET_KEY`, `AWS_EXECUTION_ENV`, `AWS_LAMBDA_*`
#     runtime names, `NOW_REGION`, `TZ`, `LAMBDA_TASK_ROOT` and
#     `LAMBDA_RUNTIME_DIR`.
#   - **Netlify** runs its functions on AWS Lambda and refuses to save the
#     names Lambda reserves, the `AWS_*` credential names among them.
#   - **Inside AWS Lambda** those names are reserved and hold the function
#     role's credentials and the function's own region.
#
#   For Remotion's Node APIs and CLI: use the `REMOTION_AWS_*` names, which
#   only Remotion reads. The Go, Python and PHP clients read no `REMOTION_*`
#   name (their AWS SDKs read the `AWS_*` names), so for Go code and for
#   projects whose only consumers are those clients the message says what
#   their SDK does instead: inside AWS Lambda it uses the function role's
#   credentials (grant the role what Remotion needs); on Vercel it picks up
#   the platform's powerless keys; so pass keys explicitly (Python:
#   `access_key`/`secret_key`, PHP: the credential argument) or, for the Go
#   client, which has no credential option, copy keys kept under names of
#   your own into the `AWS_*` variables in code, replacing or unsetting
#   `AWS_SESSION_TOKEN` too, or use a role. A Go write of the key pair on
#   Vercel or Netlify that also replaces or unsets `AWS_SESSION_TOKEN` is
#   that fix, and is not reported.
# custom:
#   severity: error
#   summary: Remotion credentials or region under a name that Vercel, Netlify or AWS Lambda owns
#   requires_remotion: true
#   bad: |
#     # .env of a Next.js app deployed to Vercel
#     AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
#     AWS_SECRET_ACCESS_KEY=...
#   good: |
#     REMOTION_AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
#     REMOTION_AWS_SECRET_ACCESS_KEY=...
#   remotion: |
#     Remotion uses the REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY
#     pair first and falls back to AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY when
#     that pair is incomplete. On Vercel the fallback always exists (the
#     platform's powerless keys), so a missing REMOTION pair never fails the
#     pre-flight check: renders fail later with an access error instead.
package remolint.rules.platform.platform_reserved_key

import data.remolint.lib

# Names every platform sets in its functions.
_injected_common := {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION"}

# Names AWS Lambda reserves besides (Netlify functions run on Lambda).
_lambda_reserved := {
	"AWS_ACCESS_KEY", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME",
	"AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
	"AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
	"AWS_LAMBDA_LOG_STREAM_NAME", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT",
	"LAMBDA_RUNTIME_DIR", "TZ", "_HANDLER", "_X_AMZN_TRACE_ID",
}

# injected[platform] is the set of names the platform fills itself.
_injected := {
	"vercel": _injected_common,
	"netlify": (_injected_common | {"AWS_DEFAULT_REGION"}),
	"aws-lambda": (_injected_common | {"AWS_DEFAULT_REGION"}),
}

# refused[platform] is the set of names the platform refuses or reserves
# besides the injected ones.
_refused := {
	"vercel": {
		"AWS_SECRET_KEY", "AWS_EXECUTION_ENV", "AWS_LAMBDA_LOG_GROUP_NAME",
		"AWS_LAMBDA_LOG_STREAM_NAME", "AWS_LAMBDA_FUNCTION_NAME",
		"AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
		"NOW_REGION", "TZ", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR",
	},
	"netlify": _lambda_reserved,
	"aws-lambda": _lambda_reserved,
}

# The Remotion name to use instead of a platform-owned credential or region name.
_instead := {
	"AWS_ACCESS_KEY_ID": "REMOTION_AWS_ACCESS_KEY_ID",
	"AWS_ACCESS_KEY": "REMOTION_AWS_ACCESS_KEY_ID",
	"AWS_SECRET_ACCESS_KEY": "REMOTION_AWS_SECRET_ACCESS_KEY",
	"AWS_SECRET_KEY": "REMOTION_AWS_SECRET_ACCESS_KEY",
	"AWS_SESSION_TOKEN": "REMOTION_AWS_SESSION_TOKEN",
	"AWS_REGION": "REMOTION_AWS_REGION",
	"AWS_DEFAULT_REGION": "REMOTION_AWS_REGION",
}

_region_names := {"AWS_REGION", "AWS_DEFAULT_REGION"}

_owned(p, name) if name in _injected[p]

_owned(p, name) if name in _refused[p]

# What the platform does with name, as a clause.
_what("vercel", name) := sprintf("Vercel injects its own %s into every function, a credential that grants no AWS permissions and that Remotion silently uses whenever the REMOTION_AWS_* pair is missing or empty", [name]) if {
	name in _injected.vercel
	not name in _region_names
}

_what("vercel", name) := sprintf("Vercel sets %s to the region its own functions run in", [name]) if {
	name in _injected.vercel
	name in _region_names
}

_what("vercel", name) := sprintf("Vercel refuses to save %s, a name its function runtime reserves", [name]) if name in _refused.vercel

_what("netlify", name) := sprintf("Netlify refuses to save %s because AWS Lambda, which runs Netlify Functions, reserves it", [name]) if _owned("netlify", name)

_what("aws-lambda", name) := sprintf("inside AWS Lambda %s is reserved and holds the function role's credentials", [name]) if {
	name in _injected["aws-lambda"]
	not name in _region_names
}

_what("aws-lambda", name) := sprintf("inside AWS Lambda %s is reserved and holds the function's own region", [name]) if {
	name in _injected["aws-lambda"]
	name in _region_names
}

_what("aws-lambda", name) := sprintf("inside AWS Lambda %s is reserved by the runtime", [name]) if name in _refused["aws-lambda"]

# What to do instead.
_advice(name) := sprintf("use %s instead (the Remotion CLI reads it; the Node APIs take region as an argument)", [_instead[name]]) if name in _region_names

_advice(name) := sprintf("use %s instead", [_instead[name]]) if {
	not name in _region_names
	_instead[name]
}

_advice(name) := "rename it" if not _instead[name]

_platforms := ["vercel", "netlify", "aws-lambda"]

# _owning[dir] lists the platforms of a Remotion project that own names. A
# complete rule, built once: each env file, read and write then costs one
# lookup instead of four function calls.
#
# Each value is [platforms, node, clients]: node is true when Remotion's Node
# APIs or CLI read the project (or no consumer is known: lib.node_projects),
# clients is its set of Go, Python and PHP consumers
# (lib.project_sdk_clients). Only the projects of the env files, reads and
# writes the rule looks at are worked out (_candidate_dirs, through the name
# index and lib.projects), not every project of the tree, and each distinct
# list of platforms or consumers once, not once per project.
_owning := {proj.dir: [ps, kind[0], kind[1]] |
	lists := _platform_lists
	kinds := _consumer_kinds
	some proj in _platform_projects
	ps := lists[proj.platforms]
	count(ps) > 0
	kind := kinds[object.get(proj, "consumers", [])]
}

# The dir of every project with an env-file entry of a platform-owned name,
# or a read or write of one with a Remotion name to use instead: the only
# dirs the report clauses look up in _owning.
_candidate_dirs contains files[i].project if {
	files := input.envFiles
	some name in _owned_names
	some [i, _] in lib.env_entries[name]
}

_candidate_dirs contains reads[i].project if {
	reads := input.code.reads
	some name, _ in _instead
	some i in lib.reads[name]
}

_candidate_dirs contains writes[i].project if {
	writes := input.code.writes
	some name, _ in _instead
	some i in lib.writes[name]
}

# The candidate projects that are Remotion projects with a platform.
_platform_projects := [proj |
	projects := lib.projects
	some dir in _candidate_dirs
	proj := projects[dir]
	proj.platforms[0]
	proj.remotion
]

# The owning platforms, in _platforms order, by list of platforms.
_platform_lists := {ps: [p | some p in _platforms; p in ps] |
	some ps in {proj.platforms | some proj in _platform_projects}
}

# [node, clients] by list of consumers (a project without the key has none,
# as in lib).
_consumer_kinds := {cs: [_node_reader(consumers), consumers & lib.sdk_consumers] |
	some cs in {object.get(proj, "consumers", []) | some proj in _platform_projects}
	consumers := {c | some c in cs}
}

_node_reader(cs) if {
	lib.node_reader(cs)
} else := false

# _owned_by[platform] is the set of names the platform fills, refuses or
# reserves (_owned), and _owned_names every such name of any platform: the
# names looked up in the index.
_owned_by := {p: (_injected[p] | _refused[p]) | some p in _platforms}

_owned_names := {name | some names in _owned_by; some name in names}

# ---------------------------------------------------------------------------
# Go, Python and PHP clients: their AWS SDKs read the AWS_* names.
# ---------------------------------------------------------------------------

_credential_names := {"AWS_ACCESS_KEY_ID", "AWS_ACCESS_KEY", "AWS_SECRET_ACCESS_KEY", "AWS_SECRET_KEY", "AWS_SESSION_TOKEN"}

# What the platform does with name, for the SDK clients cs.
_sdk_what("vercel", name, cs) := sprintf("Vercel injects its own %s into every function, a credential that grants no AWS permissions and that %s %s", [name, lib.clients_phrase(cs), _through("read", cs)]) if {
	name in _injected.vercel
	not name in _region_names
}

_sdk_what("aws-lambda", name, cs) := sprintf("inside AWS Lambda %s is reserved and holds the function role's credentials, which %s %s", [name, lib.clients_phrase(cs), _through("use", cs)]) if {
	name in _injected["aws-lambda"]
	not name in _region_names
}

# "reads through its AWS SDK" for one client, "read through their AWS SDKs"
# for several.
_through(verb, cs) := sprintf("%ss through its AWS SDK", [verb]) if count(cs) == 1

else := sprintf("%s through their AWS SDKs", [verb])

_sdk_what(p, name, _) := _what(p, name) if {
	not _sdk_specific(p, name)
}

_sdk_specific(p, name) if {
	p in {"vercel", "aws-lambda"}
	name in _injected[p]
	not name in _region_names
}

# What each client should do instead.
_client_advice(_, name, "go") := "set RemotionOptions.Region to the region of your Remotion deployment (a constant, or a variable of your own)" if name in _region_names

_client_advice(_, name, c) := "pass the region of your Remotion deployment to the client explicitly (a constant, or a variable of your own)" if {
	c != "go"
	name in _region_names
}

_client_advice("aws-lambda", name, "go") := "grant the function role the permissions Remotion needs (or have it assume a role) instead of replacing its credentials" if name in _credential_names

_client_advice(p, name, "go") := "keep the keys under names of your own and copy them into AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY in code before the first call (the Go client has no credential option), replacing or unsetting AWS_SESSION_TOKEN too, or give it a role" if {
	p != "aws-lambda"
	name in _credential_names
}

_client_advice(p, name, "python") := sprintf("%skeep the keys under names of your own and pass them to RemotionClient as access_key/secret_key", [_role_first(p)]) if name in _credential_names

_client_advice(p, name, "php") := sprintf("%skeep the keys under names of your own and pass them to PHPClient as its credential", [_role_first(p)]) if name in _credential_names

_role_first("aws-lambda") := "grant the function role the permissions Remotion needs, or "

_role_first(p) := "" if p != "aws-lambda"

# Advice for the SDK clients cs, one clause per client when there are several.
_sdk_advice(p, name, cs) := _client_advice(p, name, c) if {
	count(cs) == 1
	some c in cs
} else := concat("; ", [sprintf("for %s, %s", [lib.client_names[c], _client_advice(p, name, c)]) | some c in sort(cs)]) if {
	count(cs) > 1
	_instead[name]
} else := "rename it"

# For a project with Node and SDK consumers: the SDK clients need their own fix.
_mixed_note(cs, p, name) := sprintf("; %s %s only the AWS_* names: %s", [lib.clients_phrase(cs), _reads_verb(cs), _sdk_advice(p, name, cs)]) if {
	count(cs) > 0
	name in (_credential_names | _region_names)
} else := ""

_reads_verb(cs) := "reads" if count(cs) == 1

else := "read"

# Projects whose code replaces or unsets AWS_SESSION_TOKEN.
_token_handled := {writes[i].project |
	writes := input.code.writes
	some i in lib.writes.AWS_SESSION_TOKEN
}

# A Go write of the key pair on Vercel or Netlify that also replaces or
# unsets AWS_SESSION_TOKEN: the way to give the Go client other keys there.
_go_write_ok(p, name, project) if {
	p in {"vercel", "netlify"}
	name in _credential_names
	project in _token_handled
}

# What to do about the platform's session token after a Go write of keys.
_token_advice("aws-lambda") := _client_advice("aws-lambda", lib.aws_id, "go")

_token_advice(p) := "unset AWS_SESSION_TOKEN (or replace it) in the same place, or give the Go client a role" if p != "aws-lambda"

# What a Go write of a platform-owned name does.
_go_write_effect(p, name, project) := sprintf("the AWS_SESSION_TOKEN that the platform set stays in place and the AWS SDK for Go sends it with the new key, so AWS rejects every request with \"The security token included in the request is invalid\"; %s", [_token_advice(p)]) if {
	name in _credential_names
	name != "AWS_SESSION_TOKEN"
	not project in _token_handled
} else := sprintf("every AWS client in the process now uses these credentials instead of the function role's; %s", [_client_advice(p, name, "go")]) if {
	name in _credential_names
} else := _client_advice(p, name, "go")

_go := {"go"}

# Every clause below goes through the name index to the platform-owned
# names only, binds the lookups and input collections it needs once before
# the loop, and tests names by set lookup (`owned[p][name]`, cheaper than the
# `in` built-in or a function call) before it formats anything.

# Env-file entries, templates included. The message depends on who reads
# the project: Remotion's Node APIs and CLI (or an unknown consumer), or
# only the Go, Python or PHP clients.
report contains lib.finding(chain, e.location, msg) if {
	chain := rego.metadata.chain()
	files := input.envFiles
	owning := _owning
	owned := _owned_by
	some name in _owned_names
	some [i, j] in lib.env_entries[name]
	f := files[i]
	o := owning[f.project]
	some p in o[0]
	owned[p][name]
	e := f.entries[j]
	msg := _env_message(o[1], o[2], p, name)
}

# Read by Remotion's Node APIs and CLI (or an unknown consumer).
_env_message(true, cs, p, name) := sprintf("%s: %s%s", [_what(p, name), _advice(name), _mixed_note(cs, p, name)])

# Read only by the Go, Python or PHP clients cs.
_env_message(false, cs, p, name) := sprintf("%s: %s", [_sdk_what(p, name, cs), _sdk_advice(p, name, cs)])

# Presence guards on a name the platform always sets.
report contains lib.finding(chain, r.location, msg) if {
	chain := rego.metadata.chain()
	reads := input.code.reads
	owning := _owning
	some name, _ in _instead
	some i in lib.reads[name]
	r := reads[i]
	r.guard
	some p in owning[r.project][0]
	_injected[p][name]
	msg := sprintf("this check of %s is a presence guard that can never fire on %s because the platform always sets it: %s", [name, lib.platform_names[p], _guard_advice(r.language, name)])
}

_guard_advice("go", _) := "check the variables of your own that hold the keys instead"

_guard_advice(lang, name) := sprintf("check %s instead", [_instead[name]]) if lang != "go"

# Other reads of a platform-owned credential or region name: JS/TS code
# (Remotion's Node client), or Go code (the AWS SDK for Go).
report contains lib.finding(chain, r.location, msg) if {
	chain := rego.metadata.chain()
	reads := input.code.reads
	owning := _owning
	owned := _owned_by
	some name, _ in _instead
	some i in lib.reads[name]
	r := reads[i]
	o := owning[r.project]
	not r.guard
	some p in o[0]
	owned[p][name]
	go := r.language == "go"
	msg := sprintf("code reads %s, but %s", [name, _read_effect(go, p, name)])
}

_read_effect(false, p, name) := sprintf("%s: %s", [_what(p, name), _advice(name)])

_read_effect(true, p, name) := sprintf("%s: %s", [_sdk_what(p, name, _go), _client_advice(p, name, "go")])

# Writes of a platform-owned credential or region name.
report contains lib.finding(chain, w.location, msg) if {
	chain := rego.metadata.chain()
	writes := input.code.writes
	owning := _owning
	owned := _owned_by
	some name, _ in _instead
	some i in lib.writes[name]
	w := writes[i]
	not w.unset
	w.language != "go"
	some p in owning[w.project][0]
	owned[p][name]
	msg := sprintf("code sets %s, but %s: %s", [name, _what(p, name), _advice(name)])
}

report contains lib.finding(chain, w.location, msg) if {
	chain := rego.metadata.chain()
	writes := input.code.writes
	owning := _owning
	owned := _owned_by
	some name, _ in _instead
	some i in lib.writes[name]
	w := writes[i]
	not w.unset
	w.language == "go"
	some p in owning[w.project][0]
	owned[p][name]
	not _go_write_ok(p, name, w.project)
	msg := sprintf("code sets %s, but %s: %s", [name, _sdk_what(p, name, _go), _go_write_effect(p, name, w.project)])
}
