// Package clean touches no environment variable: the analyzer must not even
// read its module.
package clean

import "strings"

func f(s string) string { return strings.ToUpper(s) }
