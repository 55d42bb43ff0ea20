# METADATA
# title: skip-check-defeats-rotation
# description: |
#   Finds code that changes credential variables at run time (the
#   account-rotation pattern: copy a random `AWS_KEY_n`/`AWS_SECRET_n` pair into
#   the credential variables before each render) in a project where
#   `REMOTION_SKIP_AWS_CREDENTIALS_CHECK` is set, in one of its environments or
#   by the code itself. Each such write is reported.
#
#   With the skip flag on, Remotion's client cache key holds no credential
#   information: one client per region and service lives for the whole
#   process, so changing `AWS_*` variables has no effect after the first call.
#   Setting `REMOTION_DISABLE_AWS_CLIENT_CACHE` as well makes every call build
#   a new client, and rotating the `AWS_*` names then works; the rule is quiet
#   for that combination. Rotated `REMOTION_AWS_*` names are ignored under the
#   skip flag whatever the cache does.
#
#   Only writes in JavaScript/TypeScript code of a project that Remotion's
#   Node APIs or CLI read (or whose consumer is unknown) count: the Go,
#   Python and PHP clients read no `REMOTION_*` variable and have no such
#   cache, so the skip flag means nothing to them.
# custom:
#   severity: error
#   summary: the skip flag makes run-time credential rotation a no-op
#   requires_remotion: false
#   bad: |
#     // .env: REMOTION_SKIP_AWS_CREDENTIALS_CHECK=1
#     process.env.REMOTION_AWS_ACCESS_KEY_ID = process.env[`AWS_KEY_${n}`];
#   good: |
#     // .env: no skip flag
#     process.env.REMOTION_AWS_ACCESS_KEY_ID = process.env[`AWS_KEY_${n}`];
#   remotion: |
#     The docs say the skip flag also disables caching. It does not: the
#     variable that disables the client cache is
#     REMOTION_DISABLE_AWS_CLIENT_CACHE. Verified against the real client:
#     skip flag + cache keeps the first AWS_* key; skip flag +
#     REMOTION_DISABLE_AWS_CLIENT_CACHE uses the rotated AWS_* pair; rotated
#     REMOTION_AWS_* names are ignored under the skip flag in both cases.
package remolint.rules.skipcheck.skip_check_defeats_rotation

import data.remolint.lib

_suffixes := ["_ACCESS_KEY_ID", "_SECRET_ACCESS_KEY", "_SESSION_TOKEN", "_PROFILE"]

_credential_name(name) if {
	some s in _suffixes
	endswith(name, s)
}

_aws_name(name) if startswith(name, "AWS_")

_remotion_name(name) if startswith(name, "REMOTION_AWS_")

# A write that assigns the empty literal leaves a flag unset.
_assigns_empty(w) if {
	w.literal
	object.get(w, "value", "") == ""
}

# Writes that run in Remotion's Node client: JS/TS code of a project that
# the Node APIs or CLI read. Go code talks to the Go SDK, which has neither
# the skip flag nor Remotion's client cache.
_node_writes contains w if {
	some w in input.code.writes
	w.language == "js"
	w.project in lib.node_projects
}

# Flags that code in a project sets: _code_flags[project] is a set of names.
# Complete rules, built once (a partial object queried with computed keys may
# be re-derived for each lookup); flag writes are few.
_flag_writes := {[w.project, w.name] |
	some w in _node_writes
	w.name in {lib.skip_flag, lib.cache_flag}
	not w.unset
	not _assigns_empty(w)
}

_code_flags := {p: {n | some [q, n] in _flag_writes; q == p} | some [p, _] in _flag_writes}

_has_env := {env.project | some env in input.environments}

_skip_in(env) if lib.is_set(env, lib.skip_flag)

_skip_in(env) if lib.skip_flag in _code_flags[env.project]

_cache_in(env) if lib.is_set(env, lib.cache_flag)

_cache_in(env) if lib.cache_flag in _code_flags[env.project]

# Projects where the skip flag is on in some environment (or in code).
_skip_on := {env.project | some env in input.environments; _skip_in(env)} | {p | some p, flags in _code_flags; lib.skip_flag in flags}

# Projects where the skip flag is on and the client cache is not disabled.
_skip_with_cache := {env.project |
	some env in input.environments
	_skip_in(env)
	not _cache_in(env)
} | {p |
	some p, flags in _code_flags
	not p in _has_env
	lib.skip_flag in flags
	not lib.cache_flag in flags
}

_rotations contains w if {
	some w in _node_writes
	not w.unset
	_credential_name(w.name)
}

report contains lib.finding(rego.metadata.chain(), w.location, msg) if {
	some w in _rotations
	_aws_name(w.name)
	w.project in _skip_with_cache
	msg := sprintf("%s is changed at run time, but REMOTION_SKIP_AWS_CREDENTIALS_CHECK is set: Remotion's cached client keeps the first credentials for the whole process; set REMOTION_DISABLE_AWS_CLIENT_CACHE as well (the skip flag does not disable the cache, whatever the docs say)", [w.name])
}

report contains lib.finding(rego.metadata.chain(), w.location, msg) if {
	some w in _rotations
	_remotion_name(w.name)
	w.project in _skip_on
	msg := sprintf("%s is changed at run time, but REMOTION_SKIP_AWS_CREDENTIALS_CHECK is set: Remotion ignores every REMOTION_AWS_* variable and keeps using the AWS SDK default credential chain, so the rotation has no effect whatever REMOTION_DISABLE_AWS_CLIENT_CACHE says; remove the skip flag", [w.name])
}
