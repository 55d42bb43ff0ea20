module example.com/gosdk

go 1.22

require (
	github.com/joho/godotenv v1.5.1
	github.com/remotion-dev/lambda_go_sdk v0.0.0
)
