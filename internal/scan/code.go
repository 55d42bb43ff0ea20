package scan

import (
	"bytes"
	"slices"

	"github.com/remolint/remolint/internal/discover"
	"github.com/remolint/remolint/internal/finding"
	"github.com/remolint/remolint/internal/goscan"
	"github.com/remolint/remolint/internal/jsscan"
	"github.com/remolint/remolint/internal/model"
	"github.com/remolint/remolint/internal/prefilter"
)

var ignoreDirective = []byte(finding.DirectiveWord)

// mayBeDirective is finding.MayBeDirective for a comment's bytes: the JS
// scanner keeps no other comment.
func mayBeDirective(text []byte) bool { return bytes.Contains(text, ignoreDirective) }

// directiveAnchor is the index in the directive word of the byte a search
// of a whole source stops at: the 'g' of "remolint:ignore", rarer in code
// than the 'r' bytes.Contains would stop at (half the time over the
// benchmark tree's TypeScript).
const directiveAnchor = 10

// mayHoldDirective reports whether a source holds the directive word.
func mayHoldDirective(src []byte) bool {
	return prefilter.Contains(src, finding.DirectiveWord, directiveAnchor)
}

// readCode extracts facts from a JS/TS or Go source file. Go is parsed for
// syntax only: no type checking, no module download, no toolchain. A file
// that cannot hold a fact (the scanner's byte prefilter) and no suppression
// is skipped without tokenizing.
func readCode(kind, path string, data []byte) (*model.CodeFacts, []Comment) {
	if kind == discover.KindJS {
		if !jsscan.MayContainFacts(data) && !mayHoldDirective(data) {
			return nil, nil
		}
		r := jsscan.ScanFileKeeping(path, data, mayBeDirective)
		var cs []Comment
		for _, c := range r.Comments {
			cs = append(cs, Comment{Line: c.Location.Line, Column: c.Location.Column, Text: c.Text, Own: true})
		}
		return &r.SourceFacts, markOwn(cs, data)
	}
	if !goscan.MayContainFacts(data) && !mayHoldDirective(data) {
		return nil, nil
	}
	r, _ := goscan.Parse(path, data) // a syntax error still yields the partial tree's facts
	var cs []Comment
	for _, c := range r.Comments {
		cs = append(cs, Comment{Line: c.Location.Line, Column: c.Location.Column, Text: c.Text})
	}
	return GoFacts(r), markOwn(cs, data)
}

// GoFacts converts goscan's result (shared with the go/analysis driver).
func GoFacts(r *goscan.Result) *model.CodeFacts {
	return &r.SourceFacts
}

// markOwn keeps the comments that may be suppression directives and decides
// for each whether it stands alone on its line.
func markOwn(cs []Comment, data []byte) []Comment {
	cs = slices.DeleteFunc(cs, func(c Comment) bool { return !finding.MayBeDirective(c.Text) })
	if len(cs) == 0 {
		return nil
	}
	lines := lineCursor{data: data}
	for i := range cs {
		cs[i].Own = lines.ownLine(cs[i].Line, cs[i].Column)
	}
	return cs
}
