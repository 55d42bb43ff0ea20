//go:build remolint_globcompat

// This file is never built (no build uses its tag). It holds remolint's
// requirements on two of golangci-lint's linters, which `go mod tidy` keeps
// only for an import, so that a `golangci-lint custom` build with this plugin
// compiles.
//
// One build holds one version of each module. OPA (v1.21 and later) requires
// github.com/gobwas/glob v1, whose API dropped the glob.Glob interface that
// golangci-lint v2.15.0's own requirements on depguard (v2.2.1) and
// protogetter (v1.0.1) use: with them, the build fails in those linters.
// depguard v2.3.0 and protogetter v1.0.2 moved to glob v1, and golangci-lint
// v2.15.0 builds with them; requiring them here makes every custom build
// select them. TestDependenciesBuildInsideGolangciLint guards this, and
// scripts/golangci-it.sh builds golangci-lint with the plugin.

package golangci

import (
	_ "github.com/OpenPeeDeeP/depguard/v2"
	_ "github.com/ghostiam/protogetter"
)
