package main

import (
	"fmt"
	"os"

	"github.com/joho/godotenv"
	lambda_go_sdk "github.com/remotion-dev/lambda_go_sdk"
)

const keyPrefix = "AWS_KEY_"

func main() {
	_ = godotenv.Load(".env")
	for i := 1; ; i++ {
		if os.Getenv(fmt.Sprintf("%s%d", keyPrefix, i)) == "" {
			break
		}
	}
	os.Setenv("AWS_ACCESS_KEY_ID", "AKIAQQQQRRRRSSSSZZZZ")
	os.Setenv("AWS_REGION", "eu-central-1")
	os.Unsetenv("AWS_SESSION_TOKEN")
	_ = os.Getenv("REMOTION_AWS_PROFILE")
	_, _ = lambda_go_sdk.RenderMediaOnLambda(lambda_go_sdk.RemotionOptions{Region: "us-east-1"})
}
