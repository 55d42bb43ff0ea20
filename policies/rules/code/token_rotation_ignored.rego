# METADATA
# title: token-rotation-ignored
# description: |
#   Finds Node code in a Remotion project that changes a session token at run
#   time (`process.env.REMOTION_AWS_SESSION_TOKEN = ...` or
#   `process.env.AWS_SESSION_TOKEN = ...`, typically after refreshing
#   temporary STS or SSO credentials) while no code in the project writes the
#   key id or the secret of the same prefix. Each such token write is
#   reported.
#
#   Remotion caches its AWS clients per process. Without the skip flag the
#   cache key is the key id and secret (or the profile name) plus region and
#   service: the session token is not part of it. A new token with the same
#   key id and secret therefore reuses the client built with the old token,
#   which keeps being sent until it expires and every request fails.
#
#   The rule looks only at JavaScript/TypeScript writes in projects that use
#   the Node APIs: the Remotion CLI is a process of its own (each run starts
#   with an empty cache), and the Go, Python and PHP clients do not use
#   Remotion's Node client cache. It is quiet when:
#
#   - code in the project also writes `*_ACCESS_KEY_ID` or
#     `*_SECRET_ACCESS_KEY` of the token's prefix (either changes the cache
#     key), or writes a variable whose name is computed at run time and could
#     be one of them;
#   - `REMOTION_DISABLE_AWS_CLIENT_CACHE` is set in an environment of the
#     project or by its code (every call then builds a new client);
#   - `REMOTION_SKIP_AWS_CREDENTIALS_CHECK` is set in an environment of the
#     project or by its code: then no credential is in the cache key at all,
#     and `skip-check-defeats-rotation` reports these writes.
#
#   Writes that delete the token or assign the empty string are not rotations
#   and are not reported.
# custom:
#   severity: warning
#   summary: a session token changed at run time while Remotion's cached client keeps the old one
#   requires_remotion: true
#   bad: |
#     const creds = await refreshSession();
#     process.env.REMOTION_AWS_SESSION_TOKEN = creds.SessionToken;
#     await renderMediaOnLambda({...});
#   good: |
#     const creds = await refreshSession();
#     process.env.REMOTION_AWS_ACCESS_KEY_ID = creds.AccessKeyId;
#     process.env.REMOTION_AWS_SECRET_ACCESS_KEY = creds.SecretAccessKey;
#     process.env.REMOTION_AWS_SESSION_TOKEN = creds.SessionToken;
#     await renderMediaOnLambda({...});
#   remotion: |
#     Without REMOTION_SKIP_AWS_CREDENTIALS_CHECK, Remotion's client cache key
#     is the profile name or the id/secret pair of the winning source, plus
#     region and service. Session tokens are not in the key: rotating the
#     REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair at run
#     time works, rotating only the session token keeps the old client and the
#     old token. REMOTION_DISABLE_AWS_CLIENT_CACHE turns the cache off.
package remolint.rules.code.token_rotation_ignored

import data.remolint.lib

# The key id and secret that share a cache key with each token.
_pair_of := {
	lib.remotion_token: {lib.remotion_id, lib.remotion_secret},
	lib.aws_token: {lib.aws_id, lib.aws_secret},
}

# The rule goes through the name index (lib.writes, lib.variables) to the
# writes of the two token names; the exemptions and the rekeying writes are
# worked out only when there is such a write.

# Indexes of the JavaScript writes of a name that give it a new, non-empty
# value.
_js_sets(name) := [k |
	some k in lib.writes[name]
	w := input.code.writes[k]
	w.language == "js"
	not w.unset
	object.get(w, "shape", "") != "empty"
]

# [project, token] for each token whose key id or secret code in the project
# also writes, under its exact name or under a computed name that may be it.
_rekeyed contains [input.code.writes[k].project, token] if {
	some token, halves in _pair_of
	some half in halves
	some k in _js_sets(half)
}

_rekeyed contains [w.project, token] if {
	some k in _js_sets("")
	w := input.code.writes[k]
	w.dynamic
	some token, halves in _pair_of
	some half in halves
	startswith(half, object.get(w, "prefix", ""))
}

# Projects where every call builds a new client (cache flag) or where the
# skip flag leaves credentials out of the cache key (skip-check-defeats-rotation).
_exempt contains input.environments[i].project if {
	some name in [lib.cache_flag, lib.skip_flag]
	some [i, j] in lib.variables[name]
	input.environments[i].variables[j].set
}

_exempt contains input.code.writes[k].project if {
	some name in [lib.cache_flag, lib.skip_flag]
	some k in _js_sets(name)
}

report contains lib.finding(rego.metadata.chain(), w.location, msg) if {
	some token, halves in _pair_of
	some k in _js_sets(token)
	w := input.code.writes[k]
	lib.remotion_project(w.project)
	lib.has_consumer(w.project, "node")
	not w.project in _exempt
	not [w.project, token] in _rekeyed
	pair := concat("/", sort(halves))
	msg := sprintf("%s is changed at run time but %s are not: Remotion's client cache is keyed by the key id and secret, not the token, so the cached client keeps sending the old token until it expires and requests fail; write the new key id and secret too, or set REMOTION_DISABLE_AWS_CLIENT_CACHE", [w.name, pair])
}
