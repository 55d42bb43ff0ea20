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

# _eligible contains the dir of every project the rule checks that holds
# one of the AWS_* names in an env file: a Remotion project on no platform
# (lib.on_owning_platform), read by Remotion's Node APIs or CLI and by no
# Go, Python or PHP client. A complete rule, built once, over the projects
# of those env files only (through the name index and lib.projects), not
# over every project of the tree. A project whose list of consumers is empty
# (no Node or CLI consumer either) is dropped first, before its set of
# consumers is built (a comparison, which no value of the list makes fail
# with an error, unlike count).
_eligible := {dir |
	projects := lib.projects
	some dir in _candidate_dirs
	p := projects[dir]
	p.consumers != []
	p.remotion
	not p.platforms[0]
	consumers := {c | some c in p.consumers}
	count(consumers & lib.node_consumers) > 0
	count(consumers & lib.sdk_consumers) == 0
}

_candidate_dirs := {files[i].project |
	files := input.envFiles
	some name, _ in _instead
	some [i, _] in lib.env_entries[name]
}

# Goes through the name index to the three AWS_* names only, with the set
# and input.envFiles bound once before the loop.
report contains lib.finding(chain, e.location, msg) if {
	chain := rego.metadata.chain()
	eligible := _eligible
	count(eligible) > 0
	files := input.envFiles
	some name, instead in _instead
	some [i, j] in lib.env_entries[name]
	f := files[i]
	eligible[f.project]
	not f.template
	e := f.entries[j]
	e.set
	msg := sprintf("%s is a name every AWS SDK and the AWS CLI read, so other AWS clients in the same process or shell silently use Remotion's credentials: use %s, which only Remotion reads", [name, instead])
}
