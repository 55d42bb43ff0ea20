// Package policies holds remolint's built-in Rego policies: the helper
// library under lib/ and one package per rule under rules/<family>/, each with
// its _test.rego beside it. The files are embedded in the binary; the policy
// engine (internal/policy) compiles the non-test files and runs the tests.
package policies

import "embed"

// FS holds lib/ and rules/ with every .rego file, tests included.
//
//go:embed lib rules
var FS embed.FS
