package model

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/remolint/remolint/internal/awsini"
	"github.com/remolint/remolint/internal/discover"
	"github.com/remolint/remolint/internal/dotenv"
)

// sharedTree is n projects, each with an env file and a .aws folder; the
// last one names its own credentials file.
func sharedTree(n int) Input {
	in := Input{Roots: []string{"."}}
	for i := range n {
		env := "REMOTION_AWS_PROFILE=render\n"
		if i == n-1 {
			env += "AWS_SHARED_CREDENTIALS_FILE=.aws/credentials\n"
		}
		in.Files = append(in.Files,
			Parsed{File: discover.File{Path: fmt.Sprintf("p%d/.env", i), Kind: discover.KindEnv}, Env: dotenv.Parse([]byte(env))},
			Parsed{File: discover.File{Path: fmt.Sprintf("p%d/.aws/credentials", i), Kind: discover.KindAWSCredentials},
				INI: awsini.Parse([]byte("[render]\naws_access_key_id = x\naws_secret_access_key = y\n"), awsini.FlavourCredentials)},
		)
	}
	return in
}

func TestSharedFilesOfEachEnvironment(t *testing.T) {
	doc := Build(sharedTree(3))
	if len(doc.Environments) != 3 {
		t.Fatalf("%d environments, want 3", len(doc.Environments))
	}
	// Every environment without an override reads every shared file no
	// environment names; the last reads only the file it names.
	want := [][]string{
		{"p0/.aws/credentials", "p1/.aws/credentials"},
		{"p0/.aws/credentials", "p1/.aws/credentials"},
		{"p2/.aws/credentials"},
	}
	for i, env := range doc.Environments {
		if fmt.Sprint(env.SharedFiles) != fmt.Sprint(want[i]) {
			t.Errorf("%s reads %v, want %v", env.ID, env.SharedFiles, want[i])
		}
	}
	// Environments that read the same files share one read-only list,
	// clipped so that appending to one copies it.
	if &doc.Environments[0].SharedFiles[0] != &doc.Environments[1].SharedFiles[0] {
		t.Error("environments reading the same files hold copies of the list")
	}
	if s := doc.Environments[0].SharedFiles; cap(s) != len(s) {
		t.Errorf("the shared list has room to grow (len %d, cap %d): an append would change every environment", len(s), cap(s))
	}
}

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestSharedFilesCostLittlePerPair builds a tree of 400 projects, each with
// its own .aws folder: every environment reads 399 shared files, and the
// document lists them all, so some cost per environment and shared file is
// unavoidable, but it must stay that of listing a path. Resolving what
// applies per environment (copying every file and profile, merging the
// profiles again) cost twenty times as much.
func TestSharedFilesCostLittlePerPair(t *testing.T) {
	in := sharedTree(400)
	Build(in) // warm up
	b := allocated(func() { Build(in) })
	perPair := float64(b) / (400 * 400)
	t.Logf("%d bytes allocated, %.1f per environment and shared file", b, perPair)
	if perPair > 64 {
		t.Errorf("%.1f bytes allocated per environment and shared file, want at most 64", perPair)
	}
}
