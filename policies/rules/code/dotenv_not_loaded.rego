# METADATA
# title: dotenv-not-loaded
# description: |
#   Finds credentials that sit in env files no program loads. Two cases:
#
#   - **Node APIs.** JavaScript/TypeScript code of a Remotion project calls a
#     Remotion Lambda API (`renderMediaOnLambda`, `deploySite`, ...) without
#     passing credentials, the project's env files set credential variables
#     (`REMOTION_AWS_ACCESS_KEY_ID`, `REMOTION_AWS_SECRET_ACCESS_KEY`,
#     `REMOTION_AWS_SESSION_TOKEN`, `REMOTION_AWS_PROFILE` or their `AWS_*`
#     twins), and nothing loads them: no `import "dotenv/config"`, no
#     `dotenv.config()`, no `node --env-file` or `dotenv -e` in a
#     package.json script, no Next.js or Bun (which load `.env` files
#     themselves). The Node APIs never read `.env`, so the program sees none
#     of those variables. One finding per project, at its first Remotion call
#     (by path, line, column), pointing at the first credential definition.
#   - **Remotion CLI.** The project uses the Remotion CLI and a credential
#     variable is set in an env file of the project folder other than `.env`
#     (`.env.local`, `.env.production`, ...) while `.env` does not set it.
#     The CLI loads exactly `./.env` before authenticating, so
#     `remotion lambda ...` never sees it. Reported at each such entry.
#
#   The rule is quiet on Vercel and Netlify, whose dashboards (and `vercel
#   dev`/`netlify dev` locally) provide the variables; when `--env` shows the
#   same credentials in the process environment; and, for the CLI case, when
#   a script runs it through `dotenv -e` or Bun, which load the other files
#   into its environment. For the Node case any loader counts, whatever
#   file it names (`dotenv.config({path})`, `--env-file=.env.local`).
#   Loaders outside the project's code and package.json (a Docker Compose
#   `env_file:`, a systemd `EnvironmentFile=`, a CI step) are not seen:
#   suppress the finding there with a reason.
# custom:
#   severity: warning
#   summary: credentials in env files that the Node program or the Remotion CLI never loads
#   requires_remotion: true
#   bad: |
#     // .env: REMOTION_AWS_ACCESS_KEY_ID=... REMOTION_AWS_SECRET_ACCESS_KEY=...
#     import { renderMediaOnLambda } from "@remotion/lambda/client";
#     await renderMediaOnLambda({...});
#   good: |
#     import "dotenv/config";
#     import { renderMediaOnLambda } from "@remotion/lambda/client";
#     await renderMediaOnLambda({...});
#     // or: "render": "node --env-file=.env render.mjs" in package.json
#   remotion: |
#     The Node APIs (renderMediaOnLambda, deploySite, ...) read process.env
#     only; they never load an env file. The program must load it, or run
#     under a framework that does (Next.js loads .env, .env.local,
#     .env.<mode>, .env.<mode>.local; Bun loads .env, .env.<NODE_ENV>,
#     .env.local). The remotion CLI loads exactly ./.env from the current
#     folder before authenticating, without overriding variables already
#     set; its --env-file option and Config.setDotEnvLocation() only feed the
#     rendered composition, not authentication.
package remolint.rules.code.dotenv_not_loaded

import data.remolint.lib

_credential_names := {
	lib.remotion_id, lib.remotion_secret, lib.remotion_token, lib.remotion_profile,
	lib.aws_id, lib.aws_secret, lib.aws_token, lib.aws_profile,
}

# Cost notes (a large monorepo has thousands of credential definitions,
# most of them in templates):
# - Every pass goes through the name index (lib.env_entries,
#   lib.variables) to the definitions of the eight credential names, and the
#   Node case looks at definitions only for projects with a call that can
#   have a finding (none: no pass at all).
# - Per definition, a built-in call (`x in s`, `!=`, endswith, object.get)
#   costs about as much as the step that enumerates it, binding a value to a
#   variable costs more than comparing a reference with a constant, and a
#   `not` costs more: the test that rejects most comes first, references are
#   tested in place and bound only for what passes, always-present booleans
#   are compared with a constant, and what only a rare finding needs is
#   worked out in its report rule. Lists of index pairs are arrays: OPA
#   hashes an array of numbers by their sum, so a set of them collides.
# - A comprehension inside a report rule names only the variable it is
#   looked up by (OPA then builds it once, indexed): one that names another
#   variable bound outside it is evaluated again for each finding.

# Projects with a Remotion call from JavaScript that relies on the
# environment (credentials is absent or true: comparing its default with
# false allocates less than a `not`).
_call_projects := {c.project |
	some c in input.code.remotionCalls
	c.language == "js"
	object.get(c, "credentials", false) == false
}

# Projects whose Node code has its env files loaded: a dotenv import or
# call, a script with node --env-file or dotenv-cli, Next.js or Bun. A
# godotenv load serves only the Go code (and is counted as a "dotenv"
# loader, so that loader name is taken from the JS loads instead).
_dotenv_loaded := {l.project |
	some l in input.code.dotenvLoads
	l.kind != "godotenv"
}

_injecting_platforms := {"vercel", "netlify"}

# Remotion projects read by the Node APIs, with a call that relies on the
# environment and nothing that loads or injects their env files. (The
# process environment is checked with their definitions.)
_node_projects := {p |
	projects := lib.projects
	some p in (_call_projects - _dotenv_loaded)
	proj := projects[p]
	proj.remotion == true
	proj.consumers[_] == "node"
	_only_dotenv(object.get(proj, "loaders", []))
	_not_injected(object.get(proj, "platforms", []))
}

# Tests of a project's loaders and platforms: functions of short lists that
# take few distinct values, so OPA answers most calls from its cache.
_only_dotenv(loaders) if count([x | some x in loaders; x != "dotenv"]) == 0

_not_injected(platforms) if count([x | some x in platforms; x in _injecting_platforms]) == 0

# The credentials set in the environments of those projects, as [project,
# process, environment, variable]: process is the environment's process
# flag (false when absent), true for the process environment (--env).
# One pass serves both the check of the process environment and the
# definitions a finding points at.
_node_defs := [[envs[i].project, process, i, j] |
	projects := _node_projects
	count(projects) > 0
	envs := input.environments
	some name in _credential_names
	some [i, j] in lib.variables[name]
	envs[i].project in projects
	envs[i].variables[j].set == true
	process := object.get(envs[i], "process", false)
]

# The projects reported: credentials set in an env-file environment (the
# process flag false) and none in the process environment.
_node_findings := {p | some [p, false, _, _] in _node_defs} - {p | some [p, true, _, _] in _node_defs}

# The calls of those projects that rely on the environment, as [project,
# [path, line, column], index into code.remotionCalls].
_calls := [[c.project, [l.path, l.line, l.column], i] |
	projects := _node_findings
	some i, c in input.code.remotionCalls
	c.project in projects
	c.language == "js"
	object.get(c, "credentials", false) == false
	l := c.location
]

report contains lib.finding_related(rego.metadata.chain(), c.location, msg, cred) if {
	some p in _node_findings
	defs := [[l.path, l.line, l.column, l] |
		some [q, false, i, j] in _node_defs
		q == p
		l := input.environments[i].variables[j].location
	]
	count(defs) > 0
	cred := min(defs)[3]
	calls := [[pos, i] | some [q, pos, i] in _calls; q == p]
	c := input.code.remotionCalls[min(calls)[1]]
	msg := sprintf("%s() needs the credentials set in %s, but nothing loads that file: the Node APIs never read env files, so Remotion throws \"...have not set the environment variable AWS_ACCESS_KEY_ID or REMOTION_AWS_ACCESS_KEY_ID\" or silently uses the default profile of the machine it runs on; %s", [c.function, cred.path, _load_advice(_base(cred.path))])
}

_load_advice(file) := "add import \"dotenv/config\" (or require(\"dotenv\").config()) or run node --env-file=.env" if file == ".env"

else := sprintf("load it with dotenv.config({ path: \"%s\" }) or run node --env-file=%s", [file, file])

# The CLI case.

# Remotion projects that use the CLI and do not run it through a loader.
_cli_projects := {p.dir |
	some p in input.projects
	p.consumers[_] == "cli"
	p.remotion == true
	_cli_unloaded(object.get(p, "loaders", []))
}

# No loader puts other env files into the CLI's process environment (a
# function of a short list with few distinct values: OPA caches the calls).
_cli_unloaded(loaders) if count([x | some x in loaders; x in {"dotenv-cli", "bun"}]) == 0

# Credential entries set in a live env file of a CLI project, as [file,
# entry, name, whether the file's path ends with "/.env"]. Most credential
# entries are in templates: that test comes first. A file ./.env of its
# folder is one whose path ends with "/.env" or is ".env": that second,
# rare case is tested only where it matters (_in_dot_env, the report).
_cli_entries := [[i, j, name, nested_dot_env] |
	cli := _cli_projects
	files := input.envFiles
	some name in _credential_names
	some [i, j] in lib.env_entries[name]
	files[i].template == false
	files[i].project in cli
	files[i].entries[j].set == true
	nested_dot_env := endswith(files[i].path, "/.env")
]

# [dir, name] for each credential that ./.env of a folder sets.
_in_dot_env := {[files[i].dir, name] |
	files := input.envFiles
	some [i, _, name, true] in _cli_entries
} | {[files[i].dir, name] |
	files := input.envFiles
	some [i, _, name, false] in _cli_entries
	files[i].path == ".env"
}

# [project, name] for the credentials the process environment (--env) sets.
_process_credentials := {[env.project, name] |
	envs := input.environments
	some name in _credential_names
	some [i, j] in lib.variables[name]
	envs[i].process == true
	env := envs[i]
	env.variables[j].set
}

report contains lib.finding(rego.metadata.chain(), e.location, msg) if {
	some [i, j, name, false] in _cli_entries
	f := input.envFiles[i]
	f.path != ".env"
	dir := f.dir
	dir == f.project
	not [dir, name] in _in_dot_env
	not f.backup
	not [dir, name] in _process_credentials
	e := f.entries[j]
	file := _base(f.path)
	msg := sprintf("%s is set in %s but not in .env: the Remotion CLI loads exactly ./.env before authenticating (--env-file only feeds the composition), so remotion lambda commands never see it; move it to .env or run dotenv -e %s -- remotion lambda ...", [e.name, file, file])
}

_base(path) := parts[count(parts) - 1] if parts := split(path, "/")
