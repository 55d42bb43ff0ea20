package model

import "github.com/remolint/remolint/internal/facts"

// Reindex rebuilds doc.Index and doc.Accounts after a change to the lists
// they point into (a narrowed view of the document, package view).
func Reindex(doc *facts.Document) { index(doc) }

// EnsureIndexed indexes doc unless Build already did (it does unless
// Input.NoIndex is set): index always makes the name maps, so a nil one
// means not indexed.
func EnsureIndexed(doc *facts.Document) {
	if doc.Index.EnvEntries == nil {
		index(doc)
	}
}
