package region

import lambda_go_sdk "github.com/remotion-dev/lambda_go_sdk"

func f() {
	_, _ = lambda_go_sdk.RenderMediaOnLambda(lambda_go_sdk.RemotionOptions{Region: "me-south-1"}) // want `^unsupported-region: .*me-south-1`
	_, _ = lambda_go_sdk.RenderMediaOnLambda(lambda_go_sdk.RemotionOptions{Region: "eu-central-1"})
}
