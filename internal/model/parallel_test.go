package model

import (
	"fmt"
	"reflect"
	"runtime"
	"testing"

	"github.com/remolint/remolint/internal/discover"
)

// TestEnvFilesParallel: a tree with enough env files to be converted in
// parallel parts (and environments to be resolved in parallel) gets the
// same document as on one CPU, names with a misspelling, a family or
// neither spread over every part.
func TestEnvFilesParallel(t *testing.T) {
	var in Input
	for i := range minParallelEnvFiles + 37 {
		dir := fmt.Sprintf("app%03d", i)
		in.Files = append(in.Files,
			manifest(dir+"/package.json", discover.KindPackageJSON, `{"dependencies":{"@remotion/lambda":"4.0.0"}}`),
			env(dir+"/.env", fmt.Sprintf("REMOTION_AWS_REGION=us-east-1\nAWS_KEY_%d=AKIA\nREMOTON_AWS_REGION=x\nOTHER_%d=1\n", i%7+1, i)),
			env(dir+"/.env.example", "REMOTION_AWS_ACCESS_KEY_ID=\nAWS_SECRET_1=\n"),
		)
	}
	old := runtime.GOMAXPROCS(1)
	one := Build(in)
	runtime.GOMAXPROCS(4)
	four := Build(in)
	runtime.GOMAXPROCS(old)
	if len(one.EnvFiles) != 2*(minParallelEnvFiles+37) || len(one.Environments) < minParallelEnvironments {
		t.Fatalf("%d env files, %d environments", len(one.EnvFiles), len(one.Environments))
	}
	if !reflect.DeepEqual(one, four) {
		t.Error("the document built on 4 CPUs differs from the one built on 1")
	}
	var suggested, families int
	for _, f := range four.EnvFiles {
		for _, e := range f.Entries {
			if e.Suggestion != "" {
				suggested++
			}
			if e.Family != nil {
				families++
			}
		}
	}
	if suggested == 0 || families == 0 {
		t.Errorf("the input has %d misspelled and %d numbered definitions; it should have both", suggested, families)
	}
}
