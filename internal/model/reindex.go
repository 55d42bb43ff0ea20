package model

import "github.com/remolint/remolint/internal/facts"

// Reindex rebuilds doc.Index after a change to the lists it points into (a
// narrowed view of the document, package view).
func Reindex(doc *facts.Document) { index(doc) }
