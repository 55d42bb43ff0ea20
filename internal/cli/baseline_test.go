package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBaselineLifecycle records findings, then checks that moved lines stay
// quiet and a new problem is still reported.
func TestBaselineLifecycle(t *testing.T) {
	dir := t.TempDir()
	env := filepath.Join(dir, ".env")
	write := func(s string) {
		if err := os.WriteFile(env, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("REMOTION_SKIP_AWS_CREDENTIALS_CHECK=false\nREMOTION_AWS_REGION=me-south-1\n")
	_, stderr, code := runCLI(t, dir, nil, "--no-git", "--write-baseline", "baseline.json", ".")
	if code != ExitFindings || stderr != "" {
		t.Fatalf("write: exit %d, stderr %q", code, stderr)
	}
	b, err := os.ReadFile(filepath.Join(dir, "baseline.json"))
	if err != nil || !strings.Contains(string(b), `"rule": "skip-check-falsy-value"`) {
		t.Fatalf("baseline file: %v\n%s", err, b)
	}

	stdout, _, code := runCLI(t, dir, nil, "--no-git", "--baseline", "baseline.json", ".")
	if code != ExitOK || !strings.Contains(stdout, "no problems found") {
		t.Errorf("unchanged tree: exit %d\n%s", code, stdout)
	}

	write("# a comment\n\nOTHER=1\nREMOTION_SKIP_AWS_CREDENTIALS_CHECK=false\nREMOTION_AWS_REGION=me-south-1\n")
	stdout, _, code = runCLI(t, dir, nil, "--no-git", "--baseline", "baseline.json", ".")
	if code != ExitOK {
		t.Errorf("moved lines resurrected findings: exit %d\n%s", code, stdout)
	}

	write("REMOTION_SKIP_AWS_CREDENTIALS_CHECK=no\nREMOTION_AWS_REGION=me-south-1\n")
	stdout, _, code = runCLI(t, dir, nil, "--no-git", "--baseline", "baseline.json", ".")
	if code != ExitFindings || !strings.Contains(stdout, ".env:1:1: error skip-check-falsy-value") || strings.Contains(stdout, "unsupported-region") {
		t.Errorf("a changed line must be new, the unchanged one old: exit %d\n%s", code, stdout)
	}

	if err := os.WriteFile(filepath.Join(dir, "bad.json"), []byte(`{"version": 7, "findings": []}`), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code = runCLI(t, dir, nil, "--no-git", "--baseline", "bad.json", ".")
	if code != ExitError || !strings.Contains(stderr, "version 7, want 1") {
		t.Errorf("bad baseline: exit %d, stderr %q", code, stderr)
	}
}

// TestConfigFoundUpward checks that .remolint.yaml is found from a subfolder.
func TestConfigFoundUpward(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "app"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{".remolint.yaml": "rules:\n  skip-check-falsy-value: off\n", "app/.env": "REMOTION_SKIP_AWS_CREDENTIALS_CHECK=false\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stdout, stderr, code := runCLI(t, filepath.Join(dir, "app"), nil, "--no-git", ".")
	if code != ExitOK || stderr != "" || strings.Contains(stdout, "skip-check-falsy-value") {
		t.Errorf("exit %d, stderr %q\n%s", code, stderr, stdout)
	}
}
