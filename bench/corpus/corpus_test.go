package corpus

import (
	"bytes"
	"crypto/sha256"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/remolint/remolint/internal/discover"
	"github.com/remolint/remolint/internal/dotenv"
)

// digest hashes every file's path and content under dir.
func digest(t *testing.T, dir string) ([32]byte, map[string]bool) {
	t.Helper()
	h := sha256.New()
	paths := map[string]bool{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		paths[rel] = true
		b, err := os.ReadFile(p)
		h.Write([]byte(rel + "\x00"))
		h.Write(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var sum [32]byte
	copy(sum[:], h.Sum(nil))
	return sum, paths
}

func TestGenerateIsDeterministicAndCounted(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	sa, err := Generate(a, Options{Packages: 40})
	if err != nil {
		t.Fatal(err)
	}
	sb, err := Generate(b, Options{Packages: 40})
	if err != nil {
		t.Fatal(err)
	}
	da, paths := digest(t, a)
	db, _ := digest(t, b)
	if da != db || sa != sb {
		t.Fatalf("two runs differ: %+v vs %+v", sa, sb)
	}
	// What remolint's classifier reads must be what the stats call read.
	read, skipped := 0, 0
	for p := range paths {
		if !strings.Contains(p, "node_modules/") && discover.Classify(p) != "" {
			read++
		} else {
			skipped++
		}
	}
	if read != sa.Read || skipped != sa.Skipped {
		t.Errorf("classifier reads %d and skips %d files; stats say %d and %d", read, skipped, sa.Read, sa.Skipped)
	}
	// About 13 files to read and 40 to skip per package.
	if per := float64(sa.Read) / 40; per < 12 || per > 14 {
		t.Errorf("%.1f files to read per package, want about 13", per)
	}
	if per := float64(sa.Skipped) / 40; per < 39 || per > 41 {
		t.Errorf("%.1f files to skip per package, want about 40", per)
	}
}

func TestPackagesDoNotDependOnTreeSize(t *testing.T) {
	small, large := t.TempDir(), t.TempDir()
	if _, err := Generate(small, Options{Packages: 3}); err != nil {
		t.Fatal(err)
	}
	if _, err := Generate(large, Options{Packages: 6}); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join("packages", "pkg-0002", "src", "config.ts")
	x, err := os.ReadFile(filepath.Join(small, p))
	if err != nil {
		t.Fatal(err)
	}
	y, err := os.ReadFile(filepath.Join(large, p))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(x, y) {
		t.Error("package 2 differs between a 3-package and a 6-package tree")
	}
}

func TestEnvOnlyHoldsTheSameEnvFiles(t *testing.T) {
	full, env := t.TempDir(), t.TempDir()
	sf, err := Generate(full, Options{Packages: 12})
	if err != nil {
		t.Fatal(err)
	}
	se, err := Generate(env, Options{Packages: 12, EnvOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if se.Env != sf.Env || se.Skipped != 0 {
		t.Fatalf("env-only tree: %+v; full tree: %+v", se, sf)
	}
	_, paths := digest(t, env)
	for p := range paths {
		k := discover.Classify(p)
		if k != discover.KindEnv && k != discover.KindPackageJSON {
			t.Errorf("env-only tree holds %s (%s)", p, k)
		}
		x, _ := os.ReadFile(filepath.Join(env, p))
		y, err := os.ReadFile(filepath.Join(full, p))
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs from the full tree's", p)
		}
	}
}

func TestPathological(t *testing.T) {
	for _, n := range []int{10, 4000} {
		f := dotenv.Parse(Pathological(n))
		if len(f.Entries) != n {
			t.Errorf("Pathological(%d) has %d entries", n, len(f.Entries))
		}
	}
	src := string(Pathological(4000))
	for _, want := range []string{"\nAWS_SECRET_=", "\nAWS_KEY_07=", "\nAWS_KEY_249=", "\nAWS_KEY_251="} {
		if !strings.Contains(src, want) {
			t.Errorf("no %q line", strings.TrimPrefix(want, "\n"))
		}
	}
	if strings.Contains(src, "\nAWS_KEY_250=") {
		t.Error("AWS_KEY_250 present: the gap is missing")
	}
}
