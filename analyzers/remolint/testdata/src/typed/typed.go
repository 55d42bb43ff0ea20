package typed

import "os"

type fakeEnv struct{}

func (fakeEnv) Setenv(string, string) error { return nil }

// Getenv is a local function, not os.Getenv.
func Getenv(name string) string { return name }

func f() {
	_ = Getenv("REMOTION_AWS_ACESS_KEY_ID")
	os := fakeEnv{}
	_ = os.Setenv("REMOTION_SKIP_AWS_CREDENTIALS_CHECK", "false")
}

func g() {
	os.Setenv(skipFlag, "false") // want `^skip-check-falsy-value: `
}
