# METADATA
# title: phone-home
# description: A policy that must be refused.
# custom:
#   severity: error
#   summary: calls http.send
package remolint.custom.team.phone_home

import data.remolint.lib

report contains lib.finding(rego.metadata.chain(), {"path": "x", "line": 1, "column": 1}, "x") if {
	http.send({"method": "GET", "url": "http://127.0.0.1:1"}).status_code == 200
}
