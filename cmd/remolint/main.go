// Command remolint lints the AWS credential setup of Remotion Lambda
// projects. All logic lives in internal/cli.
package main

import (
	"context"
	"os"
	"os/signal"

	"github.com/remolint/remolint/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := cli.Main(ctx, os.Args[1:], cli.OS())
	stop()
	os.Exit(int(code))
}
