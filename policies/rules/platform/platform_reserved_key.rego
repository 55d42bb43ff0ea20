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
#   Use the `REMOTION_AWS_*` names, which only Remotion reads.
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

# Env-file entries, templates included.
report contains lib.finding(rego.metadata.chain(), e.location, msg) if {
	some f in input.envFiles
	some p in _owning[f.project]
	some e in f.entries
	_owned(p, e.name)
	msg := sprintf("%s: %s", [_what(p, e.name), _advice(e.name)])
}

# Presence guards on a name the platform always sets.
report contains lib.finding(rego.metadata.chain(), r.location, msg) if {
	some r in input.code.reads
	r.guard
	some p in _owning[r.project]
	r.name in _injected[p]
	_instead[r.name]
	msg := sprintf("this check of %s is a presence guard that can never fire on %s because the platform always sets it: check %s instead", [r.name, lib.platform_names[p], _instead[r.name]])
}

# Other reads, and writes, of a platform-owned credential or region name.
report contains lib.finding(rego.metadata.chain(), r.location, msg) if {
	some r in input.code.reads
	some p in _owning[r.project]
	not r.guard
	_owned(p, r.name)
	_instead[r.name]
	msg := sprintf("code reads %s, but %s: %s", [r.name, _what(p, r.name), _advice(r.name)])
}

report contains lib.finding(rego.metadata.chain(), w.location, msg) if {
	some w in input.code.writes
	some p in _owning[w.project]
	not w.unset
	_owned(p, w.name)
	_instead[w.name]
	msg := sprintf("code sets %s, but %s: %s", [w.name, _what(p, w.name), _advice(w.name)])
}
