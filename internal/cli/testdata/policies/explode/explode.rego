# METADATA
# title: team-explode
# description: A policy that builds an enormous set and must be stopped.
# custom:
#   severity: error
#   summary: never finishes
package remolint.custom.team.explode

import data.remolint.lib

_n := count({[a, b, c, d] |
	some a in numbers.range(1, 300)
	some b in numbers.range(1, 300)
	some c in numbers.range(1, 300)
	some d in numbers.range(1, 300)
})

report contains lib.finding(rego.metadata.chain(), {"path": "x", "line": 1, "column": 1}, "n") if _n > 1
