# METADATA
# title: dotenv-syntax
# description: |
#   Finds env-file lines that the program reading them decodes differently
#   from how they look. Node's dotenv (the Remotion CLI, Next.js and most
#   Node programs) and Go's godotenv disagree on many details, and neither
#   warns about any of them:
#
#   - an unquoted value containing `#` (Node's dotenv cuts the value there,
#     so a secret is silently truncated and AWS rejects the signature);
#   - spaces around `=`, an unterminated or mismatched quote, text after a
#     closing quote;
#   - a key that a parser drops or rejects (`A B=`, `A:x`, `A-B=` for
#     godotenv, which then rejects the whole file);
#   - `$VAR`/`${VAR}`, which godotenv expands and Node's dotenv keeps as
#     written;
#   - a byte-order mark (godotenv rejects the file), NUL bytes, invalid
#     UTF-8, a line that sets nothing;
#   - a key defined twice in one file (the later definition wins);
#   - when the project has both Node and Go consumers, any value the two
#     dialects decode differently.
#
#   Each line is judged for the project's consumers: Node-dialect problems
#   when a Node API or the Remotion CLI reads the file (or no consumer is
#   known: Node is the default reader), Go-dialect problems when a Go program
#   does, problems of both dialects always.
# custom:
#   severity: warning
#   summary: an env-file line its reader decodes differently from how it looks (#, quotes, spaces, $, duplicates)
#   requires_remotion: false
#   bad: |
#     REMOTION_AWS_SECRET_ACCESS_KEY=abc#def...
#     REMOTION_AWS_REGION = eu-central-1
#   good: |
#     REMOTION_AWS_SECRET_ACCESS_KEY="abc#def..."
#     REMOTION_AWS_REGION=eu-central-1
#   remotion: |
#     The Remotion CLI reads `./.env` with Node's dotenv (v17), and the Node
#     APIs see whatever the program's loader (dotenv, Next.js, node
#     --env-file) decoded; the Go client reads the process environment, which
#     a Go program usually fills with godotenv. A secret cut at `#` passes
#     Remotion's credentials check (it only asks whether the variable is
#     set) and fails at AWS with "The request signature we calculated does
#     not match the signature you provided".
package remolint.rules.dotenv.dotenv_syntax

import data.remolint.lib

# Project dirs by reader, as complete rules built once (and only when an
# anomaly of that reader needs them): Node reads a project that has a Node
# or CLI consumer or no known consumer at all (lib.node_projects: Node is
# the default reader); Go reads a project with a Go consumer.
_go_dirs := {p.dir | some p in input.projects; "go" in p.consumers}

_node_and_go_dirs := {p.dir |
	some p in input.projects
	"go" in p.consumers
	some c in p.consumers
	c in lib.node_consumers
}

# _matters is true when an anomaly of kind and dialect matters for the
# project at dir. A file whose project is unknown is read by Node.
# A duplicate key is reported whatever the dialect; a line the dialects read
# differently only when both kinds of reader exist, whatever the dialect.
_matters(_, _, "duplicate-key")

_matters(dir, _, "dialects-differ") if dir in _node_and_go_dirs

_matters(_, "both", kind) if kind != "dialects-differ"

_matters(dir, "node", kind) if {
	kind != "dialects-differ"
	dir in lib.node_projects
}

_matters(dir, "node", kind) if {
	kind != "dialects-differ"
	not lib.projects[dir]
}

_matters(dir, "go", kind) if {
	kind != "dialects-differ"
	dir in _go_dirs
}

# What the reader does and what the user sees, per kind, for an anomaly
# of an entry (%s is its key) and for one of a line or the whole file. The
# detail that follows says how.
_lead_key := {
	"hash-in-unquoted-value": "%s gets a shorter value than the file shows",
	"space-around-equals": "%s works with dotenv but not with every env-file reader",
	"unterminated-quote": "%s does not get the value the file shows",
	"mismatched-quote": "%s does not get the value the file shows",
	"text-after-quote": "%s does not get the value the file shows",
	"key-dropped": "%s is silently left out",
	"key-rejected-by-go": "%s stops a Go program from loading this file",
	"expansion": "%s gets a different value than the file shows",
	"duplicate-key": "%s is defined more than once in this file",
	"dialects-differ": "Node and Go programs get different values for %s",
}

_lead_line := {
	"hash-in-unquoted-value": "a value is shorter than the file shows",
	"space-around-equals": "this line works with dotenv but not with every env-file reader",
	"unterminated-quote": "a value is not what the file shows",
	"mismatched-quote": "a value is not what the file shows",
	"text-after-quote": "a value is not what the file shows",
	"key-dropped": "an entry is silently left out",
	"key-rejected-by-go": "a Go program cannot load this file",
	"expansion": "a value is not what the file shows",
	"bom": "an invisible byte-order mark starts the file",
	"duplicate-key": "a key is defined more than once in this file",
	"dialects-differ": "Node and Go programs get different values here",
	"line-not-understood": "this line sets no variable",
	"invalid-utf8": "some values are not what the file shows",
	"nul-byte": "this file is not plain text",
}

# The format of an anomaly's message, from [its dialect, whether its detail
# says that Go rejects the whole file, whether it has a key, kind]: the
# message is sprintf(format, [key, detail]), its lead, a colon and the
# detail (the lead of a format for no key ends in "%.0s", which prints
# nothing). Only a Go anomaly's detail can make the lead about the whole
# file. Scalars only, few distinct: OPA caches each call, so the formats
# cost one call per kind of anomaly, not per anomaly.
_format("go", rejects, keyed, kind) := concat("", [_lead_format(rejects, keyed, kind), ": %s"])

_format(dialect, _, keyed, kind) := concat("", [_lead_format(false, keyed, kind), ": %s"]) if dialect != "go"

# The format of the lead, from [whether Go rejects the whole file, whether
# the anomaly has a key, kind].
_lead_format(true, false, _) := "a Go program cannot load this file%.0s"

_lead_format(true, true, _) := "%s stops a Go program from loading this file"

_lead_format(false, true, kind) := _lead_key[kind]

_lead_format(false, keyed, kind) := _line_format(kind) if not _keyed(keyed, kind)

# _keyed is true when the anomaly has a key and its kind a keyed lead.
_keyed(true, kind) if _lead_key[kind]

_line_format(kind) := concat("", [line, "%.0s"]) if line := _lead_line[kind]

else := "this line is read differently from how it looks%.0s"

# The anomalies that matter, through the list of every anomaly of every env
# file (lib.anomalies): no pass over the files. The two clauses differ only
# in whether the anomaly points at a related place; each builds its messages
# in place, for the anomalies it reports. The first tests that it does not
# with object.get (cheaper than `not a.related`), once _matters has found
# the anomaly an object (object.get fails with an error on anything else).
report contains lib.finding(chain, a.location, msg) if {
	chain := rego.metadata.chain()
	files := input.envFiles
	some [i, k] in lib.anomalies
	f := files[i]
	a := f.anomalies[k]
	dialect := a.dialect
	kind := a.kind
	_matters(f.project, dialect, kind)
	object.get(a, "related", false) == false
	detail := object.get(a, "detail", "")
	key := object.get(a, "key", "")
	msg := sprintf(_format(dialect, contains(detail, "rejects the whole file"), key != "", kind), [key, detail])
}

report contains lib.finding_related(chain, a.location, msg, a.related) if {
	chain := rego.metadata.chain()
	files := input.envFiles
	some [i, k] in lib.anomalies
	f := files[i]
	a := f.anomalies[k]
	a.related
	dialect := a.dialect
	kind := a.kind
	_matters(f.project, dialect, kind)
	detail := object.get(a, "detail", "")
	key := object.get(a, "key", "")
	msg := sprintf(_format(dialect, contains(detail, "rejects the whole file"), key != "", kind), [key, detail])
}
