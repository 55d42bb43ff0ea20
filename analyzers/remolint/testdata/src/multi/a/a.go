// Package a shares its module root with package b: each reports only its
// own files' findings.
package a

import "os"

func F() { os.Setenv("REMOTION_SKIP_AWS_CREDENTIALS_CHECK", "false") } // want `^skip-check-falsy-value: `
