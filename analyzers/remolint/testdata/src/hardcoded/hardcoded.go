package hardcoded

import "os"

const keyID = "AKIAZ2Q7N4XR6TWVQJPL" // want `^hardcoded-credential: `

const example = "AKIAIOSFODNN7EXAMPLE"

func f() {
	os.Setenv("REMOTION_AWS_ACCESS_KEY_ID", os.Getenv("KEY_FROM_VAULT"))
}
