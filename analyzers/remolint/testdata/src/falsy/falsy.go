package falsy

import "os"

func off() {
	os.Setenv("REMOTION_SKIP_AWS_CREDENTIALS_CHECK", "false") // want `^skip-check-falsy-value: setting REMOTION_SKIP_AWS_CREDENTIALS_CHECK to "false" still skips the check`
	_ = os.Setenv("REMOTION_SKIP_AWS_CREDENTIALS_CHECK", "0") // want `^skip-check-falsy-value: .*"0"`
}

func on() {
	os.Setenv("REMOTION_SKIP_AWS_CREDENTIALS_CHECK", "true")
	os.Setenv("REMOTION_SKIP_CHECK", "false")
}
