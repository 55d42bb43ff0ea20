# METADATA
# title: skip-check-falsy-value
# description: |
#   Finds `REMOTION_SKIP_AWS_CREDENTIALS_CHECK` set to a value that reads as
#   "off" (`0`, `false`, `no`, `off`, `disabled`, `undefined`, `null`, in any
#   case) in any env file (templates too: people copy them) or assigned as a
#   literal in code. In JavaScript, `process.env.X = undefined` (or `null`)
#   does not remove the variable: it stores the string "undefined" ("null").
#   Remotion only asks whether the variable is non-empty, so every one of these
#   values turns the flag on: the pre-flight credentials check is skipped,
#   `REMOTION_AWS_PROFILE` and every `REMOTION_AWS_*` key are ignored, and only
#   the AWS SDK default chain is used.
#
#   Only Remotion's Node APIs and CLI read the flag: the rule is quiet for env
#   files and code of projects whose only consumers are the Go, Python or PHP
#   clients. A write in Go code of a project with no known consumer still
#   counts (a Go program that sets the flag and then runs the Remotion CLI
#   passes it on).
# custom:
#   severity: error
#   summary: REMOTION_SKIP_AWS_CREDENTIALS_CHECK set to a value that reads as "off" still skips the check
#   requires_remotion: false
#   bad: |
#     REMOTION_SKIP_AWS_CREDENTIALS_CHECK=false
#   good: |
#     # Remove the line: any non-empty value enables the flag.
#   remotion: |
#     Any non-empty value enables the flag, including "0", "false" and "no";
#     only an unset or empty variable leaves the check on. With the flag on,
#     Remotion builds its AWS clients with no explicit credentials.
package remolint.rules.skipcheck.skip_check_falsy_value

import data.remolint.lib

_off_words := {"0", "false", "no", "off", "disabled", "undefined", "null"}

_reads_off(value) if lower(trim_space(value)) in _off_words

_consequence := "Remotion treats any non-empty value as on, so the credentials check is skipped and the REMOTION_AWS_* variables are ignored"

# (`e.set != false` passes and fails as a bare `e.set` does, without the
# variable OPA generates to evaluate a bare reference.)
report contains lib.finding(rego.metadata.chain(), e.location, msg) if {
	some [i, j] in lib.env_entries[lib.skip_flag]
	f := input.envFiles[i]
	f.project in lib.node_projects
	e := f.entries[j]
	e.set != false
	_reads_off(e.value)
	msg := sprintf("REMOTION_SKIP_AWS_CREDENTIALS_CHECK=%s still skips the check: %s; delete the line to keep the check", [e.value, _consequence])
}

report contains lib.finding(rego.metadata.chain(), w.location, msg) if {
	some i in lib.writes[lib.skip_flag]
	w := input.code.writes[i]
	w.project in lib.node_projects
	not w.unset
	_reads_off(w.value)
	not _js_nullish(w)
	msg := sprintf("setting REMOTION_SKIP_AWS_CREDENTIALS_CHECK to \"%s\" still skips the check: %s; delete the variable instead", [w.value, _consequence])
}

# process.env.X = undefined (or null) in JS stores the string "undefined"
# ("null"): the variable is set, not removed.
_js_nullish(w) if {
	w.language == "js"
	w.value in {"undefined", "null"}
}

report contains lib.finding(rego.metadata.chain(), w.location, msg) if {
	some i in lib.writes[lib.skip_flag]
	w := input.code.writes[i]
	w.project in lib.node_projects
	not w.unset
	_js_nullish(w)
	msg := sprintf("assigning %s to process.env.REMOTION_SKIP_AWS_CREDENTIALS_CHECK stores the string \"%s\", which still skips the check: %s; use delete process.env.REMOTION_SKIP_AWS_CREDENTIALS_CHECK instead", [w.value, w.value, _consequence])
}
