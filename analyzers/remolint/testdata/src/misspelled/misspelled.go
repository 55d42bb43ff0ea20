package misspelled

import "os"

func f() []string {
	return []string{
		os.Getenv("REMOTION_AWS_ACESS_KEY_ID"), // want `^misspelled-variable: .*REMOTION_AWS_ACCESS_KEY_ID`
		os.Getenv("REMOTION_AWS_ACCESS_KEY_ID"),
		os.Getenv("REMOTION_APP_TITLE"),
	}
}
