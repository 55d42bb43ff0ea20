package cli

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestTranscripts runs each testdata/transcripts/*.txt: the first line is
// "$ remolint ARGS" (arguments split at spaces), an optional "# env: K=V ..."
// line sets the environment, and the rest is the expected stdout, stderr and
// exit status. Refresh with -update.
func TestTranscripts(t *testing.T) {
	root := repoRoot(t)
	files, err := filepath.Glob("testdata/transcripts/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no transcripts: %v", err)
	}
	sort.Strings(files)
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txt"), func(t *testing.T) {
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.SplitN(string(b), "\n", 3)
			cmd, ok := strings.CutPrefix(lines[0], "$ remolint")
			if !ok {
				t.Fatalf("first line must start with $ remolint")
			}
			args := strings.Fields(cmd)
			environ := []string{"HOME=/nonexistent"}
			header := lines[0] + "\n"
			if len(lines) > 1 {
				if env, ok := strings.CutPrefix(lines[1], "# env:"); ok {
					environ = append(environ, strings.Fields(env)...)
					header += lines[1] + "\n"
				}
			}
			stdout, stderr, code := runCLI(t, root, environ, args...)
			got := transcript(args, stdout, stderr, code)
			got = header + strings.SplitN(got, "\n", 2)[1]
			golden(t, file, got)
		})
	}
}
