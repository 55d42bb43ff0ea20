package scan

import (
	"github.com/remolint/remolint/internal/model"
)

// readCode extracts facts from a JS/TS or Go source file.
func readCode(kind, path string, data []byte) (*model.CodeFacts, []Comment) {
	return nil, nil
}
