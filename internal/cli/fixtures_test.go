package cli

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/remolint/remolint/internal/awsini"
	"github.com/remolint/remolint/internal/discover"
	"github.com/remolint/remolint/internal/secret"
)

var update = flag.Bool("update", false, "rewrite golden files")

// repoRoot is the module root, the working directory of golden runs, so
// paths in transcripts read fixtures/NAME/...
func repoRoot(t *testing.T) string {
	t.Helper()
	abs, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// runCLI runs Main like a user would, from dir, with a fixed environment.
func runCLI(t *testing.T, dir string, environ []string, args ...string) (stdout, stderr string, code ExitCode) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Main(context.Background(), args, System{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Environ: environ, WorkDir: dir,
	})
	return out.String(), errb.String(), code
}

func transcript(args []string, stdout, stderr string, code ExitCode) string {
	var b strings.Builder
	fmt.Fprintf(&b, "$ remolint %s\n", strings.Join(args, " "))
	b.WriteString(stdout)
	if stderr != "" {
		b.WriteString("--- stderr\n")
		b.WriteString(stderr)
	}
	fmt.Fprintf(&b, "--- exit %d\n", code)
	return b.String()
}

func golden(t *testing.T, file, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/cli -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs (run go test ./internal/cli -update after checking the change):\n--- want\n%s\n--- got\n%s", file, want, got)
	}
}

func fixtureDirs(t *testing.T) []string {
	t.Helper()
	root := repoRoot(t)
	entries, err := os.ReadDir(filepath.Join(root, "fixtures"))
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, e := range entries {
		if e.IsDir() {
			dirs = append(dirs, e.Name())
		}
	}
	sort.Strings(dirs)
	if len(dirs) == 0 {
		t.Fatal("no fixtures")
	}
	return dirs
}

// fixtureArgs are the arguments a fixture runs with: its args.txt (one
// argument per line) or the defaults.
func fixtureArgs(t *testing.T, name string) []string {
	b, err := os.ReadFile(filepath.Join(repoRoot(t), "fixtures", name, "args.txt"))
	if err != nil {
		return []string{"--no-git", "fixtures/" + name}
	}
	var args []string
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			args = append(args, l)
		}
	}
	return args
}

// TestFixtures runs remolint on every fixture and compares the transcript
// with fixtures/NAME/expected.txt.
func TestFixtures(t *testing.T) {
	root := repoRoot(t)
	for _, name := range fixtureDirs(t) {
		t.Run(name, func(t *testing.T) {
			args := fixtureArgs(t, name)
			stdout, stderr, code := runCLI(t, root, []string{"HOME=/nonexistent"}, args...)
			golden(t, filepath.Join(root, "fixtures", name, "expected.txt"), transcript(args, stdout, stderr, code))
		})
	}
}

var assignment = regexp.MustCompile(`(?m)^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*[=:][ \t]*["'` + "`" + `]?([^"'` + "`" + `#\r\n]*)`)

// fixtureSecrets collects every secret-looking value in a fixture's env and
// AWS shared files: values of secret names, eight characters or longer.
func fixtureSecrets(t *testing.T, dir string) []string {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		ini := filepath.Base(filepath.Dir(p)) == ".aws"
		if !discover.IsEnvFile(d.Name()) && !ini {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return nil
		}
		for _, m := range assignment.FindAllStringSubmatch(string(b), -1) {
			name, value := m[1], strings.TrimSpace(m[2])
			secretName := !secret.NonSecretName(strings.ToUpper(name))
			if ini {
				secretName = awsini.IsSecretKey(name)
			}
			if len(value) < 8 || !(secretName || secret.IsKeyID(value) || secret.IsSecretKey(value)) {
				continue
			}
			out = append(out, value)
			if secret.IsKeyID(value) {
				// The redacted form keeps four characters at each end; the
				// middle must never appear.
				out = append(out, value[4:16])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestNoSecretInOutput runs every fixture in every format and asserts that no
// secret value from the fixture's files appears in stdout or stderr.
func TestNoSecretInOutput(t *testing.T) {
	root := repoRoot(t)
	total := 0
	for _, name := range fixtureDirs(t) {
		secrets := fixtureSecrets(t, filepath.Join(root, "fixtures", name))
		total += len(secrets)
		for _, format := range []string{"text", "json", "sarif", "github", "junit"} {
			stdout, stderr, _ := runCLI(t, root, []string{"HOME=/nonexistent"}, "--format", format, "fixtures/"+name)
			for _, s := range secrets {
				if strings.Contains(stdout, s) || strings.Contains(stderr, s) {
					t.Errorf("fixture %s, format %s: output contains a secret value (%d characters)", name, format, len(s))
				}
			}
		}
	}
	if total == 0 {
		t.Fatal("the fixtures hold no secret values: this test would prove nothing")
	}
}
