package platform

import (
	"os"

	_ "github.com/remotion-dev/lambda_go_sdk"
)

func keys() (string, string) {
	id := os.Getenv("AWS_ACCESS_KEY_ID") // want `^platform-reserved-key: code reads AWS_ACCESS_KEY_ID, but Vercel`
	return id, os.Getenv("REMOTION_AWS_ACCESS_KEY_ID")
}
