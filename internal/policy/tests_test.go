package policy

import (
	"context"
	"os"
	"strings"
	"testing"
)

func TestRunTestsFixture(t *testing.T) {
	var out strings.Builder
	passed, failed, err := RunTests(context.Background(), os.DirFS("testdata"), &out)
	if err != nil {
		t.Fatal(err)
	}
	if passed != 3 || failed != 0 || out.Len() != 0 {
		t.Errorf("passed %d, failed %d, output %q; want 3, 0, nothing", passed, failed, out.String())
	}
}

const teamPolicy = `# METADATA
# title: team-rule
# description: d
# custom:
#   severity: info
#   summary: s
package remolint.custom.team.r

import data.remolint.lib

report contains lib.finding(rego.metadata.chain(), {"path": "x", "line": 1, "column": 1}, "hit") if input.hit
`

const teamTests = `package remolint.custom.team.r_test

import data.remolint.custom.team.r

test_fires if {
	count(r.report) == 1 with input as {"hit": true}
}

test_quiet if {
	count(r.report) == 0 with input as {"hit": false}
}

test_wrong if {
	got := r.report with input as {"hit": true}
	print("report size", count(got))
	count(got) == 2
}

test_builtin_error if {
	to_number("abc") > 1
}

todo_test_later if {
	false
}
`

func TestRunTestsReportsFailures(t *testing.T) {
	var out strings.Builder
	passed, failed, err := RunTests(context.Background(), mapFS("team/r.rego", teamPolicy, "team/r_test.rego", teamTests), &out)
	if err != nil {
		t.Fatal(err)
	}
	if passed != 2 || failed != 2 {
		t.Errorf("passed %d, failed %d; want 2, 2", passed, failed)
	}
	want := `FAIL remolint.custom.team.r_test.test_wrong (team/r_test.rego:13:1)
    print output:
    report size 1
ERROR remolint.custom.team.r_test.test_builtin_error (team/r_test.rego:19:1)
    team/r_test.rego:20: eval_builtin_error: to_number: strconv.ParseFloat: parsing "abc": invalid syntax
`
	if out.String() != want {
		t.Errorf("output:\n%s\nwant:\n%s", out.String(), want)
	}
}

func TestRunTestsLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		fs   []string
		want string
	}{
		{"parse error", []string{"a_test.rego", "package x_test\n\ntest_a if {\n"}, "parse policy a_test.rego: "},
		{"compile error", []string{"a_test.rego", "package x_test\n\ntest_a if undefined_fn(1)\n"}, "a_test.rego:3:11: undefined function undefined_fn"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := RunTests(context.Background(), mapFS(tt.fs...), &strings.Builder{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestRunTestsCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _, err := RunTests(ctx, mapFS("team/r.rego", teamPolicy, "team/r_test.rego", teamTests), &strings.Builder{})
	if err == nil || !strings.Contains(err.Error(), "context canceled") {
		t.Errorf("err = %v, want context canceled", err)
	}
}
