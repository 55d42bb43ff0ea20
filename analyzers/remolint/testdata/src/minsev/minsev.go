package minsev

import "os"

func f() {
	os.Setenv("REMOTION_SKIP_AWS_CREDENTIALS_CHECK", "false") // want `^skip-check-falsy-value: `
	_ = os.Getenv("REMOTION_AWS_REGION")                      // remolint:ignore skip-check-falsy-value nothing to hide // want `^unused-suppression: `
}
