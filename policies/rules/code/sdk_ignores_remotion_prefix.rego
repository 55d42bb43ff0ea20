# METADATA
# title: sdk-ignores-remotion-prefix
# description: |
#   Finds an environment of a Remotion project whose only Remotion clients
#   are the Go, Python or PHP clients (no Node API, no Remotion CLI) and
#   whose credentials are set only under `REMOTION_AWS_*` names
#   (`REMOTION_AWS_ACCESS_KEY_ID`, `REMOTION_AWS_SECRET_ACCESS_KEY`,
#   `REMOTION_AWS_SESSION_TOKEN`, `REMOTION_AWS_PROFILE`). Each such
#   variable is reported.
#
#   Only Remotion's Node APIs and CLI read `REMOTION_*` names. The Go client
#   (`github.com/remotion-dev/lambda_go_sdk`) has no credential option and
#   uses the AWS SDK for Go default chain; the Python client
#   (`remotion-lambda`) uses boto3's default chain unless `access_key` and
#   `secret_key` are passed; the PHP client uses the AWS PHP default
#   provider unless a credential is passed. None of them reads a
#   `REMOTION_*` variable, so the program silently uses whatever the chain
#   finds on the machine it runs on (its `default` profile, its role), or
#   fails for lack of credentials.
#
#   The rule is quiet when the environment also holds a source those SDKs
#   read: the `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY` pair (for Go also
#   `AWS_ACCESS_KEY`/`AWS_SECRET_KEY`), `AWS_PROFILE` or
#   `AWS_DEFAULT_PROFILE`, a shared-file path, web identity
#   (`AWS_ROLE_ARN` with `AWS_WEB_IDENTITY_TOKEN_FILE`) or container
#   credentials; and when code in the project reads a `REMOTION_AWS_*`
#   credential name (by name, or with a computed name starting with
#   `REMOTION_`), which suggests the program passes the values on itself.
#   Python and PHP code is not analysed: for them the environment alone
#   decides.
# custom:
#   severity: error
#   summary: a Go, Python or PHP client given credentials only under REMOTION_AWS_* names, which it never reads
#   requires_remotion: true
#   bad: |
#     # .env of a Go service using lambda_go_sdk
#     REMOTION_AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
#     REMOTION_AWS_SECRET_ACCESS_KEY=...
#   good: |
#     AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
#     AWS_SECRET_ACCESS_KEY=...
#     # Python/PHP: or pass the keys to RemotionClient/PHPClient explicitly
#   remotion: |
#     Only the Node APIs and the CLI read the REMOTION_AWS_* variables.
#     RemotionOptions of the Go client has no credential fields and the Go
#     client reads no REMOTION_* variable: credentials come from the AWS SDK
#     for Go v2 default chain (the AWS_* pair, web identity, the named or
#     default profile, container credentials, instance metadata). Python's
#     RemotionClient uses keys only when access_key and secret_key are both
#     passed (and takes no token), otherwise boto3's chain; PHP's PHPClient
#     uses the AWS PHP default provider unless given a credential.
package remolint.rules.code.sdk_ignores_remotion_prefix

import data.remolint.lib

_renamed := {
	lib.remotion_id: lib.aws_id,
	lib.remotion_secret: lib.aws_secret,
	lib.remotion_token: lib.aws_token,
	lib.remotion_profile: lib.aws_profile,
}

_sdk_clients := {"go": "Go", "python": "Python", "php": "PHP"}

_node_clients := {"node", "cli"}

# The rule goes through the name index (lib.variables, lib.reads) to the
# definitions of the four REMOTION_AWS_* credential names, and looks at the
# other sources, the reads and the projects only for the environments with
# such a definition and a Go, Python or PHP client. Most definitions are in
# environments without such a client: that test comes first, as a lookup in
# a constant (a function call or a built-in costs several times more), and
# always-present booleans are compared with true.

# [environment index, variable index, name, the environment's SDK clients]
# for each REMOTION_AWS_* credential set in a Remotion environment with a
# Go, Python or PHP client. A set: an environment with two of those
# clients passes the first test once for each.
_candidates := {[i, j, name, clients] |
	sdk := _is_sdk_client
	envs := input.environments
	some name, _ in _renamed
	some [i, j] in lib.variables[name]
	sdk[envs[i].consumers[_]] == true
	envs[i].remotion == true
	clients := _clients_of(envs[i].consumers)
	envs[i].variables[j].set == true
}

_is_sdk_client := {c: true | some c, _ in _sdk_clients}

# The Go, Python and PHP clients among consumers, by name. A function of a
# short list that takes few distinct values: OPA caches each call.
_clients_of(consumers) := [_sdk_clients[c] | some c in consumers; _sdk_clients[c]]

_candidate_envs := {i | some [i, _, _, _] in _candidates}

# Projects whose code reads a REMOTION_AWS_* credential name.
_reads_remotion contains input.code.reads[k].project if {
	some name, _ in _renamed
	some k in lib.reads[name]
}

_reads_remotion contains r.project if {
	some k in lib.reads[""]
	r := input.code.reads[k]
	startswith(object.get(r, "prefix", ""), "REMOTION_")
}

_node_projects contains p.dir if {
	some p in input.projects
	some c in p.consumers
	c in _node_clients
}

_source_names := [
	lib.aws_id, lib.aws_secret, "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE",
	lib.aws_profile, "AWS_DEFAULT_PROFILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE",
	"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
	"AWS_ACCESS_KEY", "AWS_SECRET_KEY",
]

# [environment index, name] for each of those names a candidate sets.
_set_sources := {[i, name] |
	envs := _candidate_envs
	some name in _source_names
	some [i, j] in lib.variables[name]
	envs[i]
	input.environments[i].variables[j].set
}

# Environments (by index) with a credential source that the AWS SDKs read.
_sdk_source contains i if {
	some i in _candidate_envs
	some names in [
		[lib.aws_id, lib.aws_secret],
		["AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE"],
		[lib.aws_profile],
		["AWS_DEFAULT_PROFILE"],
		["AWS_SHARED_CREDENTIALS_FILE"],
		["AWS_CONFIG_FILE"],
		["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"],
		["AWS_CONTAINER_CREDENTIALS_FULL_URI"],
	]
	every name in names {
		[i, name] in _set_sources
	}
}

# The Go SDK also reads AWS_ACCESS_KEY and AWS_SECRET_KEY.
_sdk_source contains i if {
	some i in _candidate_envs
	"go" in input.environments[i].consumers
	some id in [lib.aws_id, "AWS_ACCESS_KEY"]
	[i, id] in _set_sources
	some secret in [lib.aws_secret, "AWS_SECRET_KEY"]
	[i, secret] in _set_sources
}

report contains lib.finding(rego.metadata.chain(), v.location, msg) if {
	some [i, j, name, clients] in _candidates
	env := input.environments[i]
	not env.project in _node_projects
	not i in _sdk_source
	not env.project in _reads_remotion
	aws_name := _renamed[name]
	v := env.variables[j]
	msg := sprintf("%s is never read by Remotion's %s: with no AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair or AWS_PROFILE in this environment, the program silently uses whatever that chain finds on the machine it runs on (its default profile or role) or fails for lack of credentials; rename it to %s%s", [name, _clients(clients), aws_name, _advice(clients, name)])
}

_clients(clients) := "Go client, which has no credential option and uses the AWS SDK default chain" if clients == ["Go"]

else := sprintf("%s client, which uses the AWS SDK default chain unless keys are passed in code", [clients[0]]) if count(clients) == 1

else := sprintf("%s clients, which use the AWS SDK default chain unless keys are passed in code", [concat(" and ", clients)])

# The Go client takes no credentials; Python and PHP can be given the key
# id and secret (a profile cannot be passed, and Python takes no token).
_advice(clients, name) := " or pass the keys to the client explicitly" if {
	clients != ["Go"]
	name in {lib.remotion_id, lib.remotion_secret}
} else := ""
