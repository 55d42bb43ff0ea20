//go:build unix

package cli

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

// hostileTree writes a tree full of inputs that break naive linters, and one
// ordinary problem that must still be reported. Each entry of the README's
// hostile-input table is one of these.
func hostileTree(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	put := func(name string, data []byte) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rng := rand.New(rand.NewSource(1))
	binary := make([]byte, 64<<10)
	rng.Read(binary)
	put("binary/.env", binary)                                                      // binary named like an env file
	put("nul/.env", []byte("A=1\x00\nREMOTION_AWS_REGION=eu-central-1\x00x\n"))     // NUL bytes
	put("utf8/.env", []byte("\xef\xbb\xbfA=\xff\xfe\r\nB=caf\xc3\r\n"))             // BOM, invalid UTF-8, CRLF
	put("huge/.env", bytes.Repeat([]byte("A=1\n"), 10<<20))                         // 40 MB env file
	put("longline/.env", append([]byte("A="), bytes.Repeat([]byte("x"), 5<<20)...)) // 5 MB single line
	put("badjson/package.json", []byte(`{"dependencies": {"@remotion/lambda": `))   // malformed package.json
	put("badjson/vercel.json", []byte("{\"env\": [1, 2,,]}"))                       // malformed vercel.json
	put("badini/.aws/credentials", []byte("[default\naws_access_key_id\n= =\n[x]]]\n\x00"))
	put("badcode/a.ts", []byte("const x = `${`${process.env[\"A\" + }`; /re[/ / 2 <div>{'"))
	put("badcode/b.go", []byte("package main\nfunc main() { os.Getenv(\"REMOTION_AWS_REGION\" \n"))
	many := filepath.Join(dir, "many")
	if err := os.MkdirAll(many, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 10000; i++ { // 10,000 files in one folder
		if err := os.WriteFile(filepath.Join(many, fmt.Sprintf("f%05d.ts", i)), []byte("export const x = 1;\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	deep := "deep"
	for i := 0; i < 120; i++ { // 120 folders deep
		deep += "/d"
	}
	put(deep+"/.env", []byte("REMOTION_AWS_REGION=mars-north-1\n"))
	if err := os.MkdirAll(filepath.Join(dir, "links"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, err := range []error{
		os.Symlink("..", filepath.Join(dir, "links", "loop")),                 // directory symlink loop
		os.Symlink("nowhere/.env", filepath.Join(dir, "links", ".env")),       // dangling symlink
		syscall.Mkfifo(filepath.Join(dir, "links", ".env.production"), 0o644), // FIFO named like an env file
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	put("good/.env", []byte("REMOTION_SKIP_AWS_CREDENTIALS_CHECK=false\n")) // an ordinary problem
	return dir
}

// TestHostileTree: every hostile input yields findings or a clear note,
// never a crash, a hang, exit 2 or a lost finding elsewhere.
func TestHostileTree(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 45 MB tree")
	}
	dir := hostileTree(t)
	stdout, stderr, code := runCLI(t, dir, nil, "--no-git", ".")
	if code != ExitFindings {
		t.Fatalf("exit %d, want 1 (findings); stderr:\n%s", code, stderr)
	}
	if stderr != "" {
		t.Errorf("stderr: %s", stderr)
	}
	for _, want := range []string{
		"good/.env:1:1: error skip-check-falsy-value", // the ordinary finding survives
		"huge/.env: note skipped: 41943040 bytes is over the 8388608-byte size cap (--max-file-size)",
		"links/.env.production: note skipped: not a regular file",
		"unsupported-region: REMOTION_AWS_REGION=mars-north-1", // 120 folders down
		"dotenv-syntax", // the binary, NUL and UTF-8 files are read as text
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if t.Failed() {
		t.Logf("output:\n%s", stdout)
	}
}

// TestDeterministicOutput: the same tree gives byte-identical output across
// runs and across GOMAXPROCS=1 and 8, in every format.
func TestDeterministicOutput(t *testing.T) {
	root := repoRoot(t)
	for _, format := range []string{"text", "json", "sarif", "github", "junit"} {
		run := func(procs int) string {
			old := runtime.GOMAXPROCS(procs)
			defer runtime.GOMAXPROCS(old)
			out, _, _ := runCLI(t, root, nil, "--no-git", "--format", format, "fixtures")
			return out
		}
		a, b, c := run(1), run(8), run(8)
		if a != b || b != c {
			t.Errorf("format %s: output differs between runs or GOMAXPROCS values", format)
		}
		if len(a) < 1000 {
			t.Errorf("format %s: suspiciously short output (%d bytes)", format, len(a))
		}
	}
}
