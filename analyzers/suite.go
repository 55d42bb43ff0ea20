// Package analyzers lists remolint's go/analysis analyzers, for drivers that
// run them all (cmd/remolint-vet, the golangci-lint plugin, multichecker).
package analyzers

import (
	"golang.org/x/tools/go/analysis"

	"github.com/remolint/remolint/analyzers/remolint"
)

// All returns every analyzer with its default configuration, in a fixed
// order. The slice is new on each call; the analyzers are shared.
func All() []*analysis.Analyzer {
	return []*analysis.Analyzer{remolint.Analyzer}
}
