package model

import "github.com/remolint/remolint/internal/facts"

// Reindex rebuilds doc.Index and doc.Accounts after a change to the lists
// they point into (a narrowed view of the document, package view).
func Reindex(doc *facts.Document) { index(doc) }
