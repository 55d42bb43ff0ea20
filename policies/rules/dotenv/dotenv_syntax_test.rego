package remolint.rules.dotenv.dotenv_syntax_test

import data.remolint.rules.dotenv.dotenv_syntax as rule

_loc(line, col) := {"path": "app/.env", "line": line, "column": col}

_anomaly(kind, key, dialect, detail, line) := {"kind": kind, "key": key, "dialect": dialect, "detail": detail, "location": _loc(line, 5)}

_hash := _anomaly("hash-in-unquoted-value", "REMOTION_AWS_SECRET_ACCESS_KEY", "node", "Node's dotenv reads '#' as the start of a comment: the value is silently cut to 12 characters; quote the value to keep it whole", 2)

_bom := _anomaly("bom", "", "go", "the file starts with a UTF-8 byte-order mark: Node's dotenv skips it, godotenv rejects the whole file", 1)

_spaces := _anomaly("space-around-equals", "REMOTION_AWS_REGION", "both", "spaces around '=': both dotenv dialects drop them, but shells, docker --env-file and other env-file readers keep or reject them", 3)

_differ := _anomaly("dialects-differ", "REMOTION_AWS_SECRET_ACCESS_KEY", "both", "Node's dotenv reads 12 characters, godotenv reads 20", 4)

_input(consumers, anomalies) := {
	"projects": [{"dir": "app", "remotion": true, "platforms": [], "consumers": consumers}],
	"envFiles": [{"path": "app/.env", "dir": "app", "project": "app", "template": false, "entries": [], "anomalies": anomalies}],
}

_finding(line, msg) := {"rule": "dotenv-syntax", "severity": "warning", "location": _loc(line, 5), "message": msg}

test_fires_node_anomaly_for_node_consumer if {
	got := rule.report with input as _input(["node"], [_hash])
	got == {_finding(2, "REMOTION_AWS_SECRET_ACCESS_KEY gets a shorter value than the file shows: Node's dotenv reads '#' as the start of a comment: the value is silently cut to 12 characters; quote the value to keep it whole")}
}

test_fires_node_anomaly_for_cli_and_unknown_consumer if {
	every consumers in [["cli"], []] {
		got := rule.report with input as _input(consumers, [_hash])
		{f.location | some f in got} == {_loc(2, 5)}
	}
}

test_fires_node_anomaly_for_unknown_project if {
	doc := object.union(_input(["go"], [_hash]), {"projects": []})
	got := rule.report with input as doc
	{f.location | some f in got} == {_loc(2, 5)}
}

test_quiet_node_anomaly_for_go_only if {
	every consumers in [["go"], ["python"], ["php", "go"]] {
		got := rule.report with input as _input(consumers, [_hash])
		count(got) == 0
	}
}

test_fires_go_anomaly_for_go_consumer if {
	got := rule.report with input as _input(["go"], [_bom])
	got == {_finding(1, "a Go program cannot load this file: the file starts with a UTF-8 byte-order mark: Node's dotenv skips it, godotenv rejects the whole file")}
}

test_quiet_go_anomaly_for_node_only if {
	every consumers in [["node"], ["cli"], []] {
		got := rule.report with input as _input(consumers, [_bom])
		count(got) == 0
	}
}

test_fires_both_always if {
	every consumers in [["node"], ["go"], ["python"], []] {
		got := rule.report with input as _input(consumers, [_spaces])
		got == {_finding(3, "REMOTION_AWS_REGION works with dotenv but not with every env-file reader: spaces around '=': both dotenv dialects drop them, but shells, docker --env-file and other env-file readers keep or reject them")}
	}
}

test_fires_dialects_differ_with_node_and_go if {
	every consumers in [["node", "go"], ["cli", "go"]] {
		got := rule.report with input as _input(consumers, [_differ])
		got == {_finding(4, "Node and Go programs get different values for REMOTION_AWS_SECRET_ACCESS_KEY: Node's dotenv reads 12 characters, godotenv reads 20")}
	}
}

test_quiet_dialects_differ_with_one_reader if {
	every consumers in [["node"], ["go"], ["go", "python"], []] {
		got := rule.report with input as _input(consumers, [_differ])
		count(got) == 0
	}
}

test_fires_related_location if {
	dup := object.union(
		_anomaly("duplicate-key", "AWS_PROFILE", "both", "this key is already defined on line 1: the later definition (a different value) wins", 6),
		{"related": _loc(1, 1)},
	)
	got := rule.report with input as _input(["node"], [dup])
	got == {object.union(
		_finding(6, "AWS_PROFILE is defined more than once in this file: this key is already defined on line 1: the later definition (a different value) wins"),
		{"related": _loc(1, 1)},
	)}
}

test_fires_keyless_and_unknown_kinds if {
	line := _anomaly("line-not-understood", "", "both", "neither dialect reads an entry from this line", 7)
	future := _anomaly("some-future-kind", "", "both", "a new detail", 8)
	keyed_file_kind := _anomaly("nul-byte", "X", "both", "the file contains 1 NUL byte", 9)
	got := rule.report with input as _input(["node"], [line, future, keyed_file_kind])
	{f.message | some f in got} == {
		"this line sets no variable: neither dialect reads an entry from this line",
		"this line is read differently from how it looks: a new detail",
		"this file is not plain text: the file contains 1 NUL byte",
	}
}

test_fires_in_templates if {
	doc := _input(["node"], [_spaces])
	t := object.union(doc, {"envFiles": [object.union(doc.envFiles[0], {"template": true})]})
	got := rule.report with input as t
	count(got) == 1
}

test_fires_rejection_by_go if {
	rejected := _anomaly("key-rejected-by-go", "RENDER-BUCKET", "go", "godotenv rejects the whole file: it does not allow '-' in a variable name", 5)
	unterminated := _anomaly("unterminated-quote", "", "go", "godotenv finds no closing quote for the quote opened here and rejects the whole file", 6)
	dropped := _anomaly("key-dropped", "RENDER_FN", "go", "godotenv does not read this entry", 7)
	got := rule.report with input as _input(["go"], [rejected, unterminated, dropped])
	{f.message | some f in got} == {
		"RENDER-BUCKET stops a Go program from loading this file: godotenv rejects the whole file: it does not allow '-' in a variable name",
		"a Go program cannot load this file: godotenv finds no closing quote for the quote opened here and rejects the whole file",
		"RENDER_FN is silently left out: godotenv does not read this entry",
	}
}

test_quiet_no_anomalies if {
	got := rule.report with input as _input(["node", "go"], [])
	count(got) == 0
}

test_fires_duplicate_key_whatever_the_dialect if {
	dup := _anomaly("duplicate-key", "REMOTION_AWS_REGION", "node", "defined again with the same value", 6)
	got := rule.report with input as _input(["go"], [dup])
	{f.location | some f in got} == {_loc(6, 5)}
}

test_quiet_node_dialects_differ_for_node_only if {
	differ := object.union(_differ, {"dialect": "node"})
	got := rule.report with input as _input(["node"], [differ])
	count(got) == 0
}

test_fires_go_dialects_differ_with_node_and_go if {
	differ := object.union(_differ, {"dialect": "go"})
	got := rule.report with input as _input(["cli", "go"], [differ])
	{f.location | some f in got} == {_loc(4, 5)}
}

test_rejection_lead_only_for_go_dialect if {
	both := _anomaly("unterminated-quote", "A", "both", "godotenv rejects the whole file", 5)
	node := _anomaly("text-after-quote", "", "node", "godotenv rejects the whole file", 6)
	got := rule.report with input as _input([], [both, node])
	{f.message | some f in got} == {
		"A does not get the value the file shows: godotenv rejects the whole file",
		"a value is not what the file shows: godotenv rejects the whole file",
	}
}

test_fires_without_key_or_detail if {
	bare := {"kind": "expansion", "dialect": "go", "location": _loc(3, 5)}
	bare_node := {"kind": "bom", "dialect": "both", "key": "%s", "location": _loc(4, 5)}
	got := rule.report with input as _input(["go"], [bare, bare_node])
	{f.message | some f in got} == {
		"a value is not what the file shows: ",
		"an invisible byte-order mark starts the file: ",
	}
}

test_related_false_null_and_odd_anomalies if {
	no_related := object.union(_spaces, {"related": false})
	null_related := object.union(_anomaly("duplicate-key", "A", "both", "again", 6), {"related": null})
	got := rule.report with input as _input(["node"], [no_related, null_related, "bom", {"kind", "dialect"}, ["duplicate-key"]])
	got == {
		_finding(3, "REMOTION_AWS_REGION works with dotenv but not with every env-file reader: spaces around '=': both dotenv dialects drop them, but shells, docker --env-file and other env-file readers keep or reject them"),
		object.union(_finding(6, "A is defined more than once in this file: again"), {"related": null}),
	}
}
