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
_owning := {dir: ps |
	some dir, proj in lib.projects
	proj.remotion
	ps := [p | some p in _platforms; p in proj.platforms]
	count(ps) > 0
}

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
_mixed_note(dir, p, name) := sprintf("; %s %s only the AWS_* names: %s", [lib.clients_phrase(cs), _reads_verb(cs), _sdk_advice(p, name, cs)]) if {
	cs := lib.project_sdk_clients[dir]
	count(cs) > 0
	name in (_credential_names | _region_names)
} else := ""

_reads_verb(cs) := "reads" if count(cs) == 1

else := "read"

# Projects whose code replaces or unsets AWS_SESSION_TOKEN.
_token_handled := {w.project | some w in input.code.writes; w.name == "AWS_SESSION_TOKEN"}

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

# Env-file entries, templates included: Remotion's Node APIs and CLI (or an
# unknown consumer) read the project.
report contains lib.finding(rego.metadata.chain(), e.location, msg) if {
	some f in input.envFiles
	some p in _owning[f.project]
	f.project in lib.node_projects
	some e in f.entries
	_owned(p, e.name)
	msg := sprintf("%s: %s%s", [_what(p, e.name), _advice(e.name), _mixed_note(f.project, p, e.name)])
}

# Env-file entries of a project read only by the Go, Python or PHP clients.
report contains lib.finding(rego.metadata.chain(), e.location, msg) if {
	some f in input.envFiles
	some p in _owning[f.project]
	not f.project in lib.node_projects
	cs := lib.project_sdk_clients[f.project]
	some e in f.entries
	_owned(p, e.name)
	msg := sprintf("%s: %s", [_sdk_what(p, e.name, cs), _sdk_advice(p, e.name, cs)])
}

# Presence guards on a name the platform always sets.
report contains lib.finding(rego.metadata.chain(), r.location, msg) if {
	some r in input.code.reads
	r.guard
	some p in _owning[r.project]
	r.name in _injected[p]
	_instead[r.name]
	msg := sprintf("this check of %s is a presence guard that can never fire on %s because the platform always sets it: %s", [r.name, lib.platform_names[p], _guard_advice(r.language, r.name)])
}

_guard_advice("go", _) := "check the variables of your own that hold the keys instead"

_guard_advice(lang, name) := sprintf("check %s instead", [_instead[name]]) if lang != "go"

# Other reads of a platform-owned credential or region name: JS/TS code
# (Remotion's Node client), then Go code (the AWS SDK for Go).
report contains lib.finding(rego.metadata.chain(), r.location, msg) if {
	some r in input.code.reads
	r.language != "go"
	some p in _owning[r.project]
	not r.guard
	_owned(p, r.name)
	_instead[r.name]
	msg := sprintf("code reads %s, but %s: %s", [r.name, _what(p, r.name), _advice(r.name)])
}

report contains lib.finding(rego.metadata.chain(), r.location, msg) if {
	some r in input.code.reads
	r.language == "go"
	some p in _owning[r.project]
	not r.guard
	_owned(p, r.name)
	_instead[r.name]
	msg := sprintf("code reads %s, but %s: %s", [r.name, _sdk_what(p, r.name, _go), _client_advice(p, r.name, "go")])
}

# Writes of a platform-owned credential or region name.
report contains lib.finding(rego.metadata.chain(), w.location, msg) if {
	some w in input.code.writes
	w.language != "go"
	some p in _owning[w.project]
	not w.unset
	_owned(p, w.name)
	_instead[w.name]
	msg := sprintf("code sets %s, but %s: %s", [w.name, _what(p, w.name), _advice(w.name)])
}

report contains lib.finding(rego.metadata.chain(), w.location, msg) if {
	some w in input.code.writes
	w.language == "go"
	some p in _owning[w.project]
	not w.unset
	_owned(p, w.name)
	_instead[w.name]
	not _go_write_ok(p, w.name, w.project)
	msg := sprintf("code sets %s, but %s: %s", [w.name, _sdk_what(p, w.name, _go), _go_write_effect(p, w.name, w.project)])
}
