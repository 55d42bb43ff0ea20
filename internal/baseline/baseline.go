// Package baseline records today's findings so that only new ones are
// reported. Entries are keyed by rule, path and the finding's stable
// fingerprint (which hashes the normalised text of its line, never stores
// it), so moving lines does not resurrect old findings and a new problem on
// an old line is still new. The file is sorted JSON, reviewable in a diff,
// and holds no secret value: messages never hold one.
package baseline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/remolint/remolint/internal/finding"
)

// Version is the baseline file format version.
const Version = 1

// Entry is one recorded finding.
type Entry struct {
	Rule        string `json:"rule"`
	Path        string `json:"path"`
	Fingerprint string `json:"fingerprint"`
	// Message is kept for reviewers; matching ignores it.
	Message string `json:"message"`
}

// File is a baseline file.
type File struct {
	Version  int     `json:"version"`
	Findings []Entry `json:"findings"`
}

type key struct{ rule, path, fp string }

// Baseline is a loaded baseline.
type Baseline struct{ known map[key]bool }

// Write writes fs as a baseline file.
func Write(w io.Writer, fs []finding.Finding) error {
	f := File{Version: Version, Findings: make([]Entry, 0, len(fs))}
	for _, x := range fs {
		f.Findings = append(f.Findings, Entry{Rule: x.Rule, Path: x.Path, Fingerprint: x.Fingerprint, Message: x.Message})
	}
	sort.Slice(f.Findings, func(i, j int) bool {
		a, b := f.Findings[i], f.Findings[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Fingerprint < b.Fingerprint
	})
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(f); err != nil {
		return fmt.Errorf("writing baseline: %w", err)
	}
	return nil
}

// Load reads the baseline file at osPath; name labels it in messages.
// Unknown fields and other versions are errors.
func Load(osPath, name string) (*Baseline, error) {
	b, err := os.ReadFile(osPath)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("reading baseline %s: %w", name, err)
	}
	return Parse(name, b)
}

// Parse decodes baseline text; name labels errors.
func Parse(name string, b []byte) (*Baseline, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var f File
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("reading baseline %s: not a remolint baseline: %w", name, err)
	}
	if f.Version != Version {
		return nil, fmt.Errorf("reading baseline %s: version %d, want %d (write it again with --write-baseline)", name, f.Version, Version)
	}
	bl := &Baseline{known: map[key]bool{}}
	for _, e := range f.Findings {
		if e.Rule == "" || e.Path == "" || e.Fingerprint == "" {
			return nil, fmt.Errorf("reading baseline %s: an entry lacks rule, path or fingerprint", name)
		}
		bl.known[key{e.Rule, e.Path, e.Fingerprint}] = true
	}
	return bl, nil
}

// New returns the findings that are not in the baseline.
func (b *Baseline) New(fs []finding.Finding) []finding.Finding {
	if b == nil {
		return fs
	}
	out := make([]finding.Finding, 0, len(fs))
	for _, f := range fs {
		if !b.known[key{f.Rule, f.Path, f.Fingerprint}] {
			out = append(out, f)
		}
	}
	return out
}
