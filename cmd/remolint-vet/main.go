// Command remolint-vet runs remolint's analyzers as a go vet tool:
//
//	go install github.com/remolint/remolint/cmd/remolint-vet@latest
//	go vet -vettool=$(command -v remolint-vet) ./...
//
// Each diagnostic reads "rule-id: message" at the finding's file, line and
// column. The project around each package (env files, platform markers,
// go.mod, .remolint.yaml) is read from its module root, so rules that span
// files still fire.
package main

import (
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/remolint/remolint/analyzers"
)

func main() { unitchecker.Main(analyzers.All()...) }
