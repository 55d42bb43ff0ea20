package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestGitState runs remolint on a real git repository: rules that depend on
// what git tracks and ignores (env-file-not-ignored, hardcoded-credential in
// tracked files) read the index and .gitignore files in-process.
func TestGitState(t *testing.T) {
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command(git, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_SYSTEM=/dev/null",
			"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	creds := "REMOTION_AWS_ACCESS_KEY_ID=AKIAQ3EGRUZ7MDYQ4XKA\nREMOTION_AWS_SECRET_ACCESS_KEY=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\n"
	run("init", "-q")
	write("package.json", `{"dependencies": {"@remotion/lambda": "4.0.0"}, "scripts": {"render": "node --env-file=.env render.mjs"}}`)
	write(".gitignore", ".env.local\n")
	write(".env", creds)            // committed: tracked
	write(".env.local", creds)      // ignored: fine
	write(".env.production", creds) // neither tracked nor ignored
	run("add", "package.json", ".gitignore", ".env")
	run("commit", "-qm", "init")

	stdout, stderr, code := runCLI(t, dir, nil, ".")
	if code != ExitFindings || stderr != "" {
		t.Fatalf("exit %d, stderr %q\n%s", code, stderr, stdout)
	}
	has := func(path, rule string) bool {
		for _, l := range strings.Split(stdout, "\n") {
			if strings.HasPrefix(l, path+":") && strings.Contains(l, " "+rule+": ") {
				return true
			}
		}
		return false
	}
	for _, c := range []struct {
		path, rule string
		want       bool
	}{
		{".env", "env-file-not-ignored", true},             // tracked
		{".env", "hardcoded-credential", true},             // tracked
		{".env.production", "env-file-not-ignored", true},  // not ignored
		{".env.production", "hardcoded-credential", false}, // not tracked
		{".env.local", "env-file-not-ignored", false},      // ignored
	} {
		if has(c.path, c.rule) != c.want {
			t.Errorf("%s %s: reported %t, want %t", c.path, c.rule, !c.want, c.want)
		}
	}
	if strings.Contains(stdout, "Q3EGRUZ7MDYQ") || strings.Contains(stdout, "q8Vn2Lr5") {
		t.Error("a secret value was printed")
	}
	if t.Failed() {
		t.Logf("output:\n%s", stdout)
	}
}
