package remolint.custom.team.eu_only_test

import data.remolint.custom.team.eu_only

test_fires_on_other_region if {
	r := eu_only.report with input as {"envFiles": [{"entries": [{"name": "REMOTION_AWS_REGION", "value": "us-east-1", "location": {"path": ".env", "line": 2, "column": 1}}]}]}
	some f in r
	f.rule == "team-eu-only"
	f.location == {"path": ".env", "line": 2, "column": 1}
}

test_quiet_on_eu_central_1 if {
	count(eu_only.report) == 0 with input as {"envFiles": [{"entries": [{"name": "REMOTION_AWS_REGION", "value": "eu-central-1", "location": {"path": ".env", "line": 2, "column": 1}}]}]}
}

test_deliberately_wrong if {
	count(eu_only.report) == 1 with input as {"envFiles": []}
}
