package suppress

import "os"

func f() {
	// remolint:ignore skip-check-falsy-value this test turns the check off on purpose
	os.Setenv("REMOTION_SKIP_AWS_CREDENTIALS_CHECK", "false")
	os.Setenv("REMOTION_SKIP_AWS_CREDENTIALS_CHECK", "off") // remolint:ignore skip-check-falsy-value also on purpose
	/* remolint:ignore skip-check-falsy-value */           // want `^invalid-suppression: remolint:ignore skip-check-falsy-value gives no reason`
	os.Setenv("REMOTION_SKIP_AWS_CREDENTIALS_CHECK", "no") // want `^skip-check-falsy-value: `
	_ = os.Getenv("REMOTION_AWS_REGION")                   // remolint:ignore no-such-rule a typo // want `^invalid-suppression: remolint:ignore names "no-such-rule"`
	_ = os.Getenv("REMOTION_AWS_PROFILE")                  // remolint:ignore skip-check-falsy-value nothing to hide // want `^unused-suppression: `
}
