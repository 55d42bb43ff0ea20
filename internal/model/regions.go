package model

import (
	"path"
	"strings"

	"github.com/remolint/remolint/internal/facts"
)

// moduleExts are the extensions a relative import may leave out, in the
// order they are tried.
var moduleExts = []string{".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"}

// tsForJS maps an extension written in an import to the TypeScript
// extensions it may stand for (TypeScript's node16/bundler resolution:
// "./config.js" is config.ts).
var tsForJS = map[string][]string{
	".js":  {".ts", ".tsx"},
	".jsx": {".tsx"},
	".mjs": {".mts"},
	".cjs": {".cts"},
}

// moduleExports indexes the exported region-shaped constants of every
// scanned JS/TS file by path, and records every scanned path, so that a
// relative import resolves to the file a bundler or Node would load.
type moduleExports struct {
	files   map[string]bool
	exports map[string][]facts.ExportedConst
}

func (b *builder) moduleExports() *moduleExports {
	m := &moduleExports{files: make(map[string]bool, len(b.in.Files))}
	for _, p := range b.in.Files {
		m.files[p.File.Path] = true
		if p.Code == nil || len(p.Code.Exports) == 0 {
			continue
		}
		if m.exports == nil {
			m.exports = map[string][]facts.ExportedConst{}
		}
		m.exports[p.File.Path] = p.Code.Exports
	}
	return m
}

// resolve returns the path of the file that the import of module from the
// file at from loads, or "" when it is not a scanned file.
func (m *moduleExports) resolve(from, module string) string {
	p := path.Join(path.Dir(from), module)
	ext := path.Ext(p)
	if m.files[p] && isModuleExt(ext) {
		return p
	}
	for _, e := range tsForJS[ext] {
		if q := strings.TrimSuffix(p, ext) + e; m.files[q] {
			return q
		}
	}
	for _, e := range moduleExts {
		if m.files[p+e] {
			return p + e
		}
	}
	for _, e := range moduleExts {
		if q := p + "/index" + e; m.files[q] {
			return q
		}
	}
	return ""
}

func isModuleExt(ext string) bool {
	for _, e := range moduleExts {
		if e == ext {
			return true
		}
	}
	return false
}

// regionImports turns the imported names a call passes as its region into
// RegionValues located at the exported constant's literal in the module
// that defines it (one place, however many files import it). Names that do
// not resolve to a scanned module's region-shaped export are dropped.
func (m *moduleExports) regionImports(from string, call *facts.RemotionCall) {
	for _, im := range call.RegionImports {
		if m.exports == nil {
			break
		}
		target := m.resolve(from, im.Module)
		if target == "" {
			continue
		}
		for _, e := range m.exports[target] {
			if e.Name != im.Name {
				continue
			}
			l := e.Location
			l.Path = target
			call.RegionValues = append(call.RegionValues, facts.RegionValue{Constant: e.Name, Value: e.Value, Location: l})
			break
		}
	}
	call.RegionImports = nil
}
