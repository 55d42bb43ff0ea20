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

# The rule goes through the name index (lib.writes, lib.variables) to the
# writes of credential names and to the definitions of the two flags: its
# cost follows them, not the size of the tree. What decides whether the
# skip flag is on is worked out only when there is a rotation to judge.

_suffixes := ["_ACCESS_KEY_ID", "_SECRET_ACCESS_KEY", "_SESSION_TOKEN", "_PROFILE"]

_credential_name(name) if {
	some s in _suffixes
	endswith(name, s)
}

# A write that assigns the empty literal leaves a flag unset.
_assigns_empty(w) if {
	w.literal
	object.get(w, "value", "") == ""
}

# Writes that run in Remotion's Node client: JS/TS code of a project that
# the Node APIs or CLI read. Go code talks to the Go SDK, which has neither
# the skip flag nor Remotion's client cache.

# [project, name] for each flag that code in a project sets.
_flag_writes := {[w.project, name] |
	some name in [lib.skip_flag, lib.cache_flag]
	some k in lib.writes[name]
	w := input.code.writes[k]
	w.language == "js"
	w.project in lib.node_projects
	not w.unset
	not _assigns_empty(w)
}

_code_skip := {p | some [p, name] in _flag_writes; name == lib.skip_flag}

_code_cache := {p | some [p, name] in _flag_writes; name == lib.cache_flag}

# Environments (by index) that set each flag.
_skip_envs := {i | some [i, j] in lib.variables[lib.skip_flag]; input.environments[i].variables[j].set}

_cache_envs := {i | some [i, j] in lib.variables[lib.cache_flag]; input.environments[i].variables[j].set}

# Environments whose project's code sets the skip flag (a pass over the
# environments only when some code does).
_code_skip_envs := {i |
	count(_code_skip) > 0
	some i, env in input.environments
	env.project in _code_skip
}

_has_env := {env.project | some env in input.environments}

# Projects where the skip flag is on in some environment (or in code).
_skip_on := {input.environments[i].project | some i in _skip_envs} | _code_skip

# Projects where the skip flag is on and the client cache is not disabled.
_skip_with_cache := {env.project |
	some i in (_skip_envs | _code_skip_envs)
	not i in _cache_envs
	env := input.environments[i]
	not env.project in _code_cache
} | {p |
	some p in _code_skip
	not p in _has_env
	not p in _code_cache
}

# Each JS write of a Node project that changes a credential variable, as
# [write index, name]. The name test runs once per distinct name. (Code
# often deletes a credential variable: the unset test, a comparison, costs
# less than `not w.unset`, which it equals on an object.)
_rotations := [[k, name] |
	writes := input.code.writes
	some name, ks in lib.writes
	_credential_name(name)
	some k in ks
	w := writes[k]
	w.language == "js"
	object.get(w, "unset", false) == false
	w.project in lib.node_projects
]

report contains lib.finding(rego.metadata.chain(), w.location, msg) if {
	some [k, name] in _rotations
	startswith(name, "AWS_")
	w := input.code.writes[k]
	w.project in _skip_with_cache
	msg := sprintf("%s is changed at run time, but REMOTION_SKIP_AWS_CREDENTIALS_CHECK is set: Remotion's cached client keeps the first credentials for the whole process; set REMOTION_DISABLE_AWS_CLIENT_CACHE as well (the skip flag does not disable the cache, whatever the docs say)", [w.name])
}

report contains lib.finding(rego.metadata.chain(), w.location, msg) if {
	some [k, name] in _rotations
	startswith(name, "REMOTION_AWS_")
	w := input.code.writes[k]
	w.project in _skip_on
	msg := sprintf("%s is changed at run time, but REMOTION_SKIP_AWS_CREDENTIALS_CHECK is set: Remotion ignores every REMOTION_AWS_* variable and keeps using the AWS SDK default credential chain, so the rotation has no effect whatever REMOTION_DISABLE_AWS_CLIENT_CACHE says; remove the skip flag", [w.name])
}
