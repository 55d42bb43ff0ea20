package remolint.rules.code.dotenv_not_loaded_test

import data.remolint.rules.code.dotenv_not_loaded as rule

_loc(path, line, col) := {"path": path, "line": line, "column": col}

_span(path, line, col, end) := {"path": path, "line": line, "column": col, "endLine": line, "endColumn": end}

_project(extra) := object.union({"dir": ".", "remotion": true, "platforms": [], "consumers": ["node"]}, extra)

_var(name, path, line) := {
	"name": name, "secret": true, "set": true, "shape": "other",
	"location": _span(path, line, 1, count(name) + 1),
}

_empty(name, path, line) := object.union(_var(name, path, line), {"set": false, "shape": "empty"})

_env(id, mode, vars) := {
	"id": id, "dir": ".", "mode": mode, "project": ".", "files": [],
	"variables": vars, "platforms": [], "consumers": ["node"], "remotion": true, "resolution": {},
}

_call(path, line, col) := {
	"function": "renderMediaOnLambda", "language": "js", "project": ".",
	"location": _loc(path, line, col), "regionLocation": _loc(path, line, col),
}

_code(calls, loads) := {"reads": [], "writes": [], "remotionCalls": calls, "dotenvLoads": loads, "literals": [], "imports": []}

_pair := [_var("REMOTION_AWS_ACCESS_KEY_ID", ".env", 1), _var("REMOTION_AWS_SECRET_ACCESS_KEY", ".env", 2)]

_node_input(project, envs, calls, loads) := {
	"projects": [project],
	"envFiles": [],
	"environments": envs,
	"code": _code(calls, loads),
}

_node_msg(fn, path, file) := sprintf("%s() needs the credentials set in %s, but nothing loads that file: the Node APIs never read env files, so Remotion throws \"...have not set the environment variable AWS_ACCESS_KEY_ID or REMOTION_AWS_ACCESS_KEY_ID\" or silently uses the default profile of the machine it runs on; %s", [fn, path, _advice(file)])

_advice(".env") := "add import \"dotenv/config\" (or require(\"dotenv\").config()) or run node --env-file=.env"

_advice(".env.production") := "load it with dotenv.config({ path: \".env.production\" }) or run node --env-file=.env.production"

_node_finding(path, line, col, related) := {
	"rule": "dotenv-not-loaded", "severity": "warning",
	"location": _loc(path, line, col),
	"message": _node_msg("renderMediaOnLambda", related.path, ".env"),
	"related": related,
}

# --- Node APIs ---

test_fires_node_first_call_per_project if {
	got := rule.report with input as _node_input(
		_project({}), [_env(".", "", _pair)], [
			_call("src/render.ts", 14, 27),
			_call("src/progress.ts", 3, 9),
			_call("src/render.ts", 9, 27),
		],
		[],
	)
	got == {_node_finding("src/progress.ts", 3, 9, _span(".env", 1, 1, 27))}
}

test_fires_node_profile_only_in_mode_file if {
	got := rule.report with input as _node_input(
		_project({}),
		[_env(". (production)", "production", [_var("AWS_PROFILE", ".env.production", 4)])],
		[_call("deploy.mjs", 5, 7)],
		[],
	)
	got == {{
		"rule": "dotenv-not-loaded", "severity": "warning",
		"location": _loc("deploy.mjs", 5, 7),
		"message": _node_msg("renderMediaOnLambda", ".env.production", ".env.production"),
		"related": _span(".env.production", 4, 1, 12),
	}}
}

test_quiet_node_dotenv_import if {
	got := rule.report with input as _node_input(_project({"loaders": ["dotenv"]}), [_env(".", "", _pair)], [_call("src/render.ts", 9, 27)], [
		{"kind": "dotenv-config-import", "project": ".", "location": _loc("src/render.ts", 1, 1)},
	])
	count(got) == 0
}

test_quiet_node_env_file_script if {
	got := rule.report with input as _node_input(
		_project({"loaders": ["node-env-file"]}),
		[_env(".", "", _pair)],
		[_call("src/render.ts", 9, 27)],
		[{"kind": "node-env-file", "path": ".env", "project": ".", "location": _loc("package.json", 5, 14)}],
	)
	count(got) == 0
}

test_quiet_node_nextjs_or_bun if {
	every loader in ["nextjs", "bun", "dotenv-cli"] {
		got := rule.report with input as _node_input(_project({"loaders": [loader]}), [_env(".", "", _pair)], [_call("app/api/render/route.ts", 9, 27)], [])
		count(got) == 0
	}
}

# A godotenv load (Go code) makes the model record a "dotenv" loader, but it
# loads nothing for Node.
test_fires_node_godotenv_does_not_count if {
	got := rule.report with input as _node_input(
		_project({"loaders": ["dotenv"], "consumers": ["go", "node"]}),
		[_env(".", "", _pair)],
		[_call("src/render.ts", 9, 27)],
		[{"kind": "godotenv", "path": ".env", "project": ".", "location": _loc("cmd/worker/main.go", 12, 2)}],
	)
	got == {_node_finding("src/render.ts", 9, 27, _span(".env", 1, 1, 27))}
}

test_fires_node_load_in_other_project_does_not_count if {
	got := rule.report with input as _node_input(_project({}), [_env(".", "", _pair)], [_call("src/render.ts", 9, 27)], [
		{"kind": "dotenv", "project": "tools", "location": _loc("tools/x.ts", 1, 1)},
	])
	got == {_node_finding("src/render.ts", 9, 27, _span(".env", 1, 1, 27))}
}

test_quiet_node_vercel_netlify if {
	every platform in ["vercel", "netlify"] {
		got := rule.report with input as _node_input(_project({"platforms": [platform]}), [_env(".", "", _pair)], [_call("api/render.ts", 9, 27)], [])
		count(got) == 0
	}
}

test_fires_node_on_aws_lambda if {
	got := rule.report with input as _node_input(_project({"platforms": ["aws-lambda"]}), [_env(".", "", _pair)], [_call("src/render.ts", 9, 27)], [])
	got == {_node_finding("src/render.ts", 9, 27, _span(".env", 1, 1, 27))}
}

# credentials false reads as absent.
test_fires_node_credentials_false if {
	got := rule.report with input as _node_input(_project({}), [_env(".", "", _pair)], [object.union(_call("src/render.ts", 9, 27), {"credentials": false})], [])
	got == {_node_finding("src/render.ts", 9, 27, _span(".env", 1, 1, 27))}
}

test_quiet_node_credentials_passed if {
	got := rule.report with input as _node_input(_project({}), [_env(".", "", _pair)], [object.union(_call("src/render.ts", 9, 27), {"credentials": true})], [])
	count(got) == 0
}

test_quiet_node_no_credentials_in_env_files if {
	got := rule.report with input as _node_input(
		_project({}), [_env(".", "", [
			_empty("REMOTION_AWS_ACCESS_KEY_ID", ".env", 1),
			_var("REMOTION_AWS_REGION", ".env", 2),
			_var("AWS_KEY_1", ".env", 3),
		])],
		[_call("src/render.ts", 9, 27)], [],
	)
	count(got) == 0
}

test_quiet_node_process_environment_has_credentials if {
	process := object.union(_env("process environment", "", [_var("REMOTION_AWS_ACCESS_KEY_ID", "(process environment)", 1)]), {"process": true})
	got := rule.report with input as _node_input(_project({}), [_env(".", "", _pair), process], [_call("src/render.ts", 9, 27)], [])
	count(got) == 0
}

test_quiet_node_go_call if {
	go_call := object.union(_call("main.go", 20, 9), {"function": "RenderMediaOnLambda", "language": "go"})
	got := rule.report with input as _node_input(_project({"consumers": ["go", "node"]}), [_env(".", "", _pair)], [go_call], [])
	count(got) == 0
}

test_quiet_node_not_remotion if {
	got := rule.report with input as _node_input(_project({"remotion": false}), [_env(".", "", _pair)], [_call("src/render.ts", 9, 27)], [])
	count(got) == 0
}

# --- Remotion CLI ---

_file(path, mode, local, entries) := {
	"path": path, "dir": ".", "project": ".", "template": false, "mode": mode, "local": local,
	"dialect": "node", "entries": entries, "anomalies": [],
}

_cli_input(project, files) := {"projects": [project], "envFiles": files, "environments": [], "code": _code([], [])}

_cli_msg(name, file) := sprintf("%s is set in %s but not in .env: the Remotion CLI loads exactly ./.env before authenticating (--env-file only feeds the composition), so remotion lambda commands never see it; move it to .env or run dotenv -e %s -- remotion lambda ...", [name, file, file])

_cli_finding(name, path, line) := {
	"rule": "dotenv-not-loaded", "severity": "warning",
	"location": _span(path, line, 1, count(name) + 1),
	"message": _cli_msg(name, path),
}

_cli := _project({"consumers": ["cli"]})

test_fires_cli_credentials_in_env_local if {
	got := rule.report with input as _cli_input(_cli, [
		_file(".env", "", false, [_var("REMOTION_AWS_REGION", ".env", 1), _empty("REMOTION_AWS_ACCESS_KEY_ID", ".env", 2)]),
		_file(".env.local", "", true, [
			_var("REMOTION_AWS_ACCESS_KEY_ID", ".env.local", 1),
			_var("REMOTION_AWS_SECRET_ACCESS_KEY", ".env.local", 2),
			_var("REMOTION_AWS_SERVE_URL", ".env.local", 3),
		]),
	])
	got == {
		_cli_finding("REMOTION_AWS_ACCESS_KEY_ID", ".env.local", 1),
		_cli_finding("REMOTION_AWS_SECRET_ACCESS_KEY", ".env.local", 2),
	}
}

test_fires_cli_mode_file_without_dot_env if {
	got := rule.report with input as _cli_input(_cli, [_file(".env.production", "production", false, [_var("AWS_PROFILE", ".env.production", 3)])])
	got == {_cli_finding("AWS_PROFILE", ".env.production", 3)}
}

test_quiet_cli_same_name_in_dot_env if {
	got := rule.report with input as _cli_input(_cli, [
		_file(".env", "", false, _pair),
		_file(".env.local", "", true, [_var("REMOTION_AWS_ACCESS_KEY_ID", ".env.local", 1), _var("REMOTION_AWS_SECRET_ACCESS_KEY", ".env.local", 2)]),
	])
	count(got) == 0
}

test_quiet_cli_templates_and_backups if {
	got := rule.report with input as _cli_input(_cli, [
		object.union(_file(".env.example", "example", false, _pair), {"template": true}),
		object.union(_file(".env.bak", "", false, _pair), {"backup": true}),
	])
	count(got) == 0
}

test_quiet_cli_loaded_by_dotenv_cli_or_bun if {
	every loader in ["dotenv-cli", "bun"] {
		got := rule.report with input as _cli_input(object.union(_cli, {"loaders": [loader]}), [_file(".env.local", "", true, _pair)])
		count(got) == 0
	}
}

test_quiet_cli_other_folder if {
	got := rule.report with input as _cli_input(_cli, [object.union(_file("config/.env.local", "", true, _pair), {"dir": "config"})])
	count(got) == 0
}

test_quiet_cli_node_only_project if {
	got := rule.report with input as _cli_input(_project({"loaders": ["nextjs"]}), [_file(".env.local", "", true, _pair)])
	count(got) == 0
}

test_quiet_cli_set_in_process_environment if {
	process := object.union(_env("process environment", "", [_var("REMOTION_AWS_ACCESS_KEY_ID", "(process environment)", 1)]), {"process": true})
	got := rule.report with input as object.union(
		_cli_input(_cli, [_file(".env.local", "", true, [_var("REMOTION_AWS_ACCESS_KEY_ID", ".env.local", 1)])]),
		{"environments": [process]},
	)
	count(got) == 0
}

test_fires_cli_in_subproject if {
	sub := {"dir": "apps/render", "remotion": true, "platforms": [], "consumers": ["cli", "node"]}
	f := object.union(_file("apps/render/.env.local", "", true, [_var("REMOTION_AWS_SECRET_ACCESS_KEY", "apps/render/.env.local", 2)]), {"dir": "apps/render", "project": "apps/render"})
	got := rule.report with input as {"projects": [_project({}), sub], "envFiles": [f], "environments": [], "code": _code([], [])}
	got == {{
		"rule": "dotenv-not-loaded", "severity": "warning",
		"location": _span("apps/render/.env.local", 2, 1, 31),
		"message": _cli_msg("REMOTION_AWS_SECRET_ACCESS_KEY", ".env.local"),
	}}
}

# The first credential definition by path, line and column, whatever the
# order of the environments and names.
test_fires_node_points_at_first_definition if {
	got := rule.report with input as _node_input(
		_project({}), [
			_env(". (production)", "production", [_var("AWS_PROFILE", ".env.production", 1)]),
			_env(".", "", [_var("REMOTION_AWS_SECRET_ACCESS_KEY", ".env", 7), _var("AWS_ACCESS_KEY_ID", ".env", 3)]),
		],
		[_call("src/render.ts", 9, 27)], [],
	)
	got == {_node_finding("src/render.ts", 9, 27, _span(".env", 3, 1, 18))}
}

# Only the process environment (--env) of the same project, and only a
# credential it sets, keeps the rule quiet.
test_fires_node_process_environment_elsewhere_or_unset if {
	other := object.union(_env("process environment", "", [_var("REMOTION_AWS_ACCESS_KEY_ID", "(process environment)", 1)]), {"process": true, "project": "tools"})
	unset := object.union(_env("process environment", "", [_empty("REMOTION_AWS_ACCESS_KEY_ID", "(process environment)", 1)]), {"process": true})
	every process in [other, unset] {
		got := rule.report with input as _node_input(_project({}), [_env(".", "", _pair), process], [_call("src/render.ts", 9, 27)], [])
		got == {_node_finding("src/render.ts", 9, 27, _span(".env", 1, 1, 27))}
	}
}

# A credential only the process environment sets: nothing to point at.
test_quiet_node_only_process_environment if {
	process := object.union(_env("process environment", "", [_var("REMOTION_AWS_ACCESS_KEY_ID", "(process environment)", 1)]), {"process": true})
	got := rule.report with input as _node_input(_project({}), [process], [_call("src/render.ts", 9, 27)], [])
	count(got) == 0
}

_sub_file(name, entries) := object.union(_file(sprintf("apps/render/%s", [name]), "", false, entries), {"dir": "apps/render", "project": "apps/render"})

_sub_input(files) := {
	"projects": [_project({}), {"dir": "apps/render", "remotion": true, "platforms": [], "consumers": ["cli"]}],
	"envFiles": files, "environments": [], "code": _code([], []),
}

test_quiet_cli_same_name_in_nested_dot_env if {
	got := rule.report with input as _sub_input([
		_sub_file(".env.local", [_var("AWS_PROFILE", "apps/render/.env.local", 1)]),
		_sub_file(".env", [_var("AWS_PROFILE", "apps/render/.env", 4)]),
	])
	count(got) == 0
}

# A file whose name only ends in ".env" is not ./.env: it neither counts as
# .env nor escapes the rule.
test_fires_cli_file_named_like_dot_env if {
	got := rule.report with input as _sub_input([
		_sub_file("deploy.env", [_var("AWS_PROFILE", "apps/render/deploy.env", 2)]),
		_sub_file(".env.local", [_var("AWS_PROFILE", "apps/render/.env.local", 1)]),
	])
	got == {
		{
			"rule": "dotenv-not-loaded", "severity": "warning",
			"location": _span("apps/render/deploy.env", 2, 1, 12),
			"message": _cli_msg("AWS_PROFILE", "deploy.env"),
		},
		{
			"rule": "dotenv-not-loaded", "severity": "warning",
			"location": _span("apps/render/.env.local", 1, 1, 12),
			"message": _cli_msg("AWS_PROFILE", ".env.local"),
		},
	}
}

# The ./.env of a folder counts for that folder only, and a file in a
# subfolder of a project is not checked.
test_quiet_cli_dot_env_of_other_folder_and_subfolder_file if {
	got := rule.report with input as _sub_input([
		_file(".env", "", false, [_var("AWS_PROFILE", ".env", 1)]),
		object.union(_sub_file("config/.env.local", [_var("REMOTION_AWS_PROFILE", "apps/render/config/.env.local", 1)]), {"dir": "apps/render/config"}),
	])
	count(got) == 0
	got2 := rule.report with input as _sub_input([
		_file(".env", "", false, [_var("AWS_PROFILE", ".env", 1)]),
		_sub_file(".env.local", [_var("AWS_PROFILE", "apps/render/.env.local", 1)]),
	])
	got2 == {{
		"rule": "dotenv-not-loaded", "severity": "warning",
		"location": _span("apps/render/.env.local", 1, 1, 12),
		"message": _cli_msg("AWS_PROFILE", ".env.local"),
	}}
}
