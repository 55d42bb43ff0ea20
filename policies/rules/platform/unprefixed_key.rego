# METADATA
# title: unprefixed-key
# description: |
#   Finds a Remotion Node or CLI project that keeps its Lambda credentials in
#   a non-template env file under the `AWS_*` names (`AWS_ACCESS_KEY_ID`,
#   `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`). Every AWS SDK and the AWS
#   CLI read those names, so any other AWS client in the same process, or any
#   `aws` command run from a shell that loaded the file, silently acts with
#   Remotion's render credentials. The `REMOTION_AWS_*` names are read by
#   Remotion alone, and Remotion prefers them.
#
#   The rule stays quiet on Vercel, Netlify and AWS Lambda (there the `AWS_*`
#   names are the platform's: see `platform-reserved-key`) and for projects
#   that also have a Go, Python or PHP consumer: those clients read only the
#   `AWS_*` names, so renaming would leave them without credentials.
# custom:
#   severity: warning
#   summary: Node/CLI Remotion credentials under AWS_* names that every AWS tool also picks up
#   requires_remotion: true
#   bad: |
#     AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
#     AWS_SECRET_ACCESS_KEY=...
#   good: |
#     REMOTION_AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
#     REMOTION_AWS_SECRET_ACCESS_KEY=...
#   remotion: |
#     The Node APIs and the CLI use the REMOTION_AWS_* pair first and the AWS_*
#     pair only as a fallback, so the rename changes nothing for Remotion. The
#     Go, Python and PHP clients never read REMOTION_* names.
package remolint.rules.platform.unprefixed_key

import data.remolint.lib

_instead := {
	"AWS_ACCESS_KEY_ID": "REMOTION_AWS_ACCESS_KEY_ID",
	"AWS_SECRET_ACCESS_KEY": "REMOTION_AWS_SECRET_ACCESS_KEY",
	"AWS_SESSION_TOKEN": "REMOTION_AWS_SESSION_TOKEN",
}

_node_consumer(dir) if lib.has_consumer(dir, "node")

_node_consumer(dir) if lib.has_consumer(dir, "cli")

_sdk_consumer(dir) if {
	some c in {"go", "python", "php"}
	lib.has_consumer(dir, c)
}

report contains lib.finding(rego.metadata.chain(), e.location, msg) if {
	some f in lib.live_env_files
	lib.remotion_project(f.project)
	not lib.on_owning_platform(f.project)
	_node_consumer(f.project)
	not _sdk_consumer(f.project)
	some e in f.entries
	e.set
	_instead[e.name]
	msg := sprintf("%s is a name every AWS SDK and the AWS CLI read, so other AWS clients in the same process or shell silently use Remotion's credentials: use %s, which only Remotion reads", [e.name, _instead[e.name]])
}
