// Package remolint defines an Analyzer that reports remolint's findings in
// Go source: the same rules, facts and policies as the remolint command, run
// from go vet (cmd/remolint-vet) and golangci-lint (analyzers/golangci).
//
// # Analyzer remolint
//
// remolint: report Remotion Lambda credential misconfigurations
//
// The analyzer checks how Go code sets and reads the environment variables
// that Remotion Lambda and the AWS SDKs take credentials and regions from:
// REMOTION_SKIP_AWS_CREDENTIALS_CHECK set to "false" (which still skips the
// check), misspelled variable names, hardcoded access keys, unsupported
// regions passed to the Go SDK, platform-owned names on Vercel or Netlify,
// and the other rules that `remolint rules` lists.
//
// Many rules depend on more than one package: the env files, platform
// markers (vercel.json, netlify.toml, .vercel) and go.mod beside the code.
// The analyzer therefore reads the project at the module root (the nearest
// folder holding go.mod above the package's first file, or that file's
// folder when there is none) the way `remolint` run there does, honouring
// .remolint.yaml (rule severities and exclusions, platforms, consumers,
// the team's own policies), and replaces the facts of the package's own
// files with type-aware ones: a local function or a variable named like
// os.Getenv is not mistaken for it, and constants are folded across files.
// It then evaluates the policies and reports the findings that fall in the
// package's files, at their exact line and column, as
//
//	rule-id: message
//
// with the rule ID as the diagnostic's category. Findings in env files and
// other non-Go files are left to the remolint command.
//
// Suppress a finding with `// remolint:ignore RULE reason` on its line or
// alone on the line above, as with the command; golangci-lint users may
// also use `//nolint:remolint`, which golangci-lint applies itself.
//
// # Process state
//
// The analyzer keeps one piece of process state: a cache, behind a mutex,
// of every module root read so far (its files, configuration and compiled
// policies), filled once per root. go vet starts one process per package, so
// there each process reads its root once; golangci-lint analyzes packages
// concurrently in one process, and they share one read of each root. The
// cache is never invalidated: a process lives for one run.
//
// Packages none of whose files sets or reads the environment, calls the
// Remotion SDK, holds a credential-shaped literal or carries a suppression
// comment cannot hold a finding and are skipped without
// reading the project.
package remolint
