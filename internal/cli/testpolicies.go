package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"

	"github.com/remolint/remolint/internal/policy"
)

// runTestPolicies runs the team's _test.rego files under the same sandbox
// as the policies themselves.
func runTestPolicies(ctx context.Context, args []string, sys System, out *bytes.Buffer) (ExitCode, error) {
	if len(args) == 0 {
		return ExitError, usagef("usage: remolint test-policies DIR...")
	}
	var passed, failed int
	for _, dir := range args {
		p := abs(sys.WorkDir, dir)
		if st, err := os.Stat(p); err != nil || !st.IsDir() {
			return ExitError, usagef("test-policies: %s is not a folder", dir)
		}
		ps, fs, err := policy.RunTests(ctx, os.DirFS(p), out)
		if err != nil {
			return ExitError, fmt.Errorf("testing policies in %s: %w", dir, err)
		}
		passed, failed = passed+ps, failed+fs
	}
	if passed+failed == 0 {
		return ExitError, fmt.Errorf("no tests found (test rules are named test_* in _test.rego files)")
	}
	fmt.Fprintf(out, "%d passed, %d failed\n", passed, failed)
	if failed > 0 {
		return ExitFindings, nil
	}
	return ExitOK, nil
}
