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

# _file_credentials[project] contains [path, line, column, location] of each
# credential variable set in an env-file environment of the project.
_file_credentials_partial[env.project] contains [l.path, l.line, l.column, l] if {
	some env in input.environments
	env.project in _call_projects
	not env.process
	some v in env.variables
	v.name in _credential_names
	v.set
	l := v.location
}

# The first credential definition of each project, by position.
_first_credential := {p: sort(defs)[0][3] | some p, defs in _file_credentials_partial}

# [project, name] for the credentials the process environment (--env) sets.
_process_credentials contains [env.project, name] if {
	some env in input.environments
	env.process
	some name in _credential_names
	lib.env_vars[env.id][name].set
}

_process_has_credentials contains p if some [p, _] in _process_credentials

# Projects whose Node code has its env files loaded: a dotenv import or
# call, a script with node --env-file or dotenv-cli, Next.js or Bun. A
# godotenv load serves only the Go code (and is counted as a "dotenv"
# loader, so that loader name is taken from the JS loads instead).
_loaded contains l.project if {
	some l in input.code.dotenvLoads
	l.kind != "godotenv"
}

_loaded contains p.dir if {
	some p in input.projects
	some loader in p.loaders
	loader != "dotenv"
}

_injecting_platforms := {"vercel", "netlify"}

_env_injected contains p.dir if {
	some p in input.projects
	some platform in p.platforms
	platform in _injecting_platforms
}

# Remotion calls from JavaScript that rely on the environment.
_calls_partial[c.project] contains [l.path, l.line, l.column, c] if {
	some c in input.code.remotionCalls
	c.language == "js"
	not c.credentials
	l := c.location
}

_first_call := {p: sort(calls)[0][3] | some p, calls in _calls_partial}

_call_projects := {p | some p, _ in _calls_partial}

report contains lib.finding_related(rego.metadata.chain(), c.location, msg, cred) if {
	some p, c in _first_call
	lib.remotion_project(p)
	lib.has_consumer(p, "node")
	not p in _loaded
	not p in _env_injected
	not p in _process_has_credentials
	cred := _first_credential[p]
	msg := sprintf("%s() needs the credentials set in %s, but nothing loads that file: the Node APIs never read env files, so Remotion throws \"...have not set the environment variable AWS_ACCESS_KEY_ID or REMOTION_AWS_ACCESS_KEY_ID\" or silently uses the default profile of the machine it runs on; %s", [c.function, cred.path, _load_advice(_base(cred.path))])
}

_load_advice(file) := "add import \"dotenv/config\" (or require(\"dotenv\").config()) or run node --env-file=.env" if file == ".env"

else := sprintf("load it with dotenv.config({ path: \"%s\" }) or run node --env-file=%s", [file, file])

# The CLI case.

# Remotion projects that use the CLI and do not run it through a loader.
_cli_projects contains p.dir if {
	some p in input.projects
	p.remotion
	"cli" in p.consumers
	not p.dir in _cli_loaded
}

# Loaders that put other env files into the CLI's process environment.
_cli_loaded contains p.dir if {
	some p in input.projects
	some loader in p.loaders
	loader in {"dotenv-cli", "bun"}
}

_is_dot_env(path) if path == ".env"

_is_dot_env(path) if endswith(path, "/.env")

# [dir, name] for each credential that ./.env of a folder sets.
_in_dot_env contains [f.dir, e.name] if {
	some f in input.envFiles
	f.project in _cli_projects
	not f.template
	_is_dot_env(f.path)
	some e in f.entries
	e.name in _credential_names
	e.set
}

report contains lib.finding(rego.metadata.chain(), e.location, msg) if {
	some f in input.envFiles
	f.project in _cli_projects
	f.dir == f.project
	not f.template
	not f.backup
	not _is_dot_env(f.path)
	some e in f.entries
	e.name in _credential_names
	e.set
	not [f.dir, e.name] in _in_dot_env
	not [f.project, e.name] in _process_credentials
	file := _base(f.path)
	msg := sprintf("%s is set in %s but not in .env: the Remotion CLI loads exactly ./.env before authenticating (--env-file only feeds the composition), so remotion lambda commands never see it; move it to .env or run dotenv -e %s -- remotion lambda ...", [e.name, file, file])
}

_base(path) := parts[count(parts) - 1] if parts := split(path, "/")
