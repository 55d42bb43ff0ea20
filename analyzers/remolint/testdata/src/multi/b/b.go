package b

import "os"

func G() {
	os.Setenv("REMOTION_SKIP_AWS_CREDENTIALS_CHECK", "disabled") // want `^skip-check-falsy-value: .*"disabled"`
}
