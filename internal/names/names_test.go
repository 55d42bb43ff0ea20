package names

import (
	"reflect"
	"testing"

	"github.com/remolint/remolint/internal/facts"
)

func TestSuggest(t *testing.T) {
	cases := map[string]string{
		"REMOTION_AWS_ACESS_KEY_ID":               "REMOTION_AWS_ACCESS_KEY_ID",
		"REMOTION_SKIP_AWS_CREDENTIAL_CHECK":      "REMOTION_SKIP_AWS_CREDENTIALS_CHECK",
		"REMOTION_REMOTION_AWS_SECRET_ACCESS_KEY": "REMOTION_AWS_SECRET_ACCESS_KEY",
		"EMOTION_AWS_PROFILE":                     "REMOTION_AWS_PROFILE",
		"OTION_AWS_PROFILE":                       "REMOTION_AWS_PROFILE",
		"AWS_SECERT_ACCESS_KEY":                   "AWS_SECRET_ACCESS_KEY",
		"AWS_AWS_PROFILE":                         "AWS_PROFILE",
		"remotion_aws_profile":                    "REMOTION_AWS_PROFILE",
		"REMOTION_AWS_REGOIN":                     "REMOTION_AWS_REGION",
		// Quiet: known names, conventions, numbered families, unrelated names.
		"REMOTION_AWS_ACCESS_KEY_ID":   "",
		"AWS_PROFILE":                  "",
		"REMOTION_APP_REGION":          "",
		"REMOTION_APP_PROFILE":         "",
		"AWS_KEY_1":                    "",
		"AWS_SECRET_2":                 "",
		"REMOTION_AWS_ACCESS_KEY_ID_2": "",
		"DATABASE_URL":                 "",
		"NEXT_PUBLIC_URL":              "",
		"":                             "",
	}
	for in, want := range cases {
		if got := Suggest(in); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseFamily(t *testing.T) {
	cases := []struct {
		name string
		want *facts.Family
	}{
		{"AWS_KEY_1", &facts.Family{Prefix: "AWS_KEY", Index: 1, Credential: true, Role: "key", Stem: "AWS"}},
		{"AWS_SECRET_12", &facts.Family{Prefix: "AWS_SECRET", Index: 12, Credential: true, Role: "secret", Stem: "AWS"}},
		{"AWS_SECRET_", &facts.Family{Prefix: "AWS_SECRET", Missing: true, Credential: true, Role: "secret", Stem: "AWS"}},
		{"AWS_KEY_01", &facts.Family{Prefix: "AWS_KEY", Index: 1, Padded: true, Credential: true, Role: "key", Stem: "AWS"}},
		{"REMOTION_AWS_ACCESS_KEY_ID_3", &facts.Family{Prefix: "REMOTION_AWS_ACCESS_KEY_ID", Index: 3, Credential: true, Role: "key", Stem: "REMOTION_AWS"}},
		{"REMOTION_AWS_SECRET_ACCESS_KEY_3", &facts.Family{Prefix: "REMOTION_AWS_SECRET_ACCESS_KEY", Index: 3, Credential: true, Role: "secret", Stem: "REMOTION_AWS"}},
		{"SERVER_2", &facts.Family{Prefix: "SERVER", Index: 2}},
		{"DB_PASSWORD_2", &facts.Family{Prefix: "DB_PASSWORD", Index: 2, Credential: true}},
		{"SERVER_", nil},
		{"AWS_REGION", nil},
		{"_1", nil},
		{"V1_2", nil},
		{"X_99999999999999999999", nil},
	}
	for _, c := range cases {
		if got := ParseFamily(c.name); !reflect.DeepEqual(got, c.want) {
			t.Errorf("ParseFamily(%q) = %+v, want %+v", c.name, got, c.want)
		}
	}
}

func TestDynamicFamily(t *testing.T) {
	got := DynamicFamily("AWS_SECRET_")
	want := &facts.Family{Prefix: "AWS_SECRET", Credential: true, Role: "secret", Stem: "AWS"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("DynamicFamily = %+v, want %+v", got, want)
	}
	if DynamicFamily("_") != nil {
		t.Error("DynamicFamily(\"_\") should be nil")
	}
}

func FuzzSuggest(f *testing.F) {
	for _, s := range []string{"REMOTION_AWS_ACESS_KEY_ID", "AWS_KEY_1", "", "_", "A_0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got := Suggest(s); got != "" && !IsKnown(got) {
			t.Fatalf("Suggest(%q) = %q, not a known name", s, got)
		}
		_ = ParseFamily(s)
		_ = DynamicFamily(s)
	})
}

// distance keeps short rows on the stack and allocates longer ones: both
// must give the distance of the plain algorithm.
func TestDistanceRowStorage(t *testing.T) {
	long := "REMOTION_AWS_SECRET_ACCESS_KEY_OF_THE_RENDERING_ACCOUNT_IN_PRODUCTION"
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"AWS_PROFILE", "AWS_PROFILE", 0},
		{"AWS_PROFLIE", "AWS_PROFILE", 1},
		{"AWS_PRFILE", "AWS_PROFILE", 1},
		{"REMOTION_AWS_REGOIN", "REMOTION_AWS_REGION", 1},
		{long, long, 0},
		{long[1:] + "X", long, 2},
		{long[:20] + long[21:], long, 1},
		{long[:30] + "_" + long[30:], long, 1},
	} {
		if got := Distance(tc.a, tc.b, 5); got != tc.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
	if n := testing.AllocsPerRun(10, func() { Distance("REMOTION_AWS_ACESS_KEY_ID", "REMOTION_AWS_ACCESS_KEY_ID", 2) }); n != 0 {
		t.Errorf("Distance of two variable names allocates %v times", n)
	}
}

// Most names are not families: telling so must not allocate.
func TestParseFamilyNoneAllocatesNothing(t *testing.T) {
	for _, name := range []string{"AWS_ACCESS_KEY_ID", "NODE_ENV", "DEBUG_", "X_1A"} {
		if n := testing.AllocsPerRun(10, func() { ParseFamily(name) }); n != 0 {
			t.Errorf("ParseFamily(%q) allocates %v times", name, n)
		}
	}
}
