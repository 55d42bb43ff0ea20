package facts

import "sort"

// SourceFacts are the facts one source file (JS/TS or Go) yields. The
// scanners fill them without Location.Path, Project, Known, Suggestion and
// Family, which the model adds.
type SourceFacts struct {
	Reads         []EnvAccess
	Writes        []EnvAccess
	RemotionCalls []RemotionCall
	DotenvLoads   []DotenvLoad
	Literals      []Literal
	Imports       []Import
	// Exports are the string constants of a JS/TS module that look like an
	// AWS region, exported by name (`export const REGION = "eu-west-1"`,
	// `export { REGION }`, `exports.REGION = ...`, `module.exports = {...}`),
	// for RemotionCall.RegionImports of other files. Location spans the
	// literal without quotes.
	Exports []ExportedConst
}

// ExportedConst is a string constant a module exports.
type ExportedConst struct {
	Name     string
	Value    string
	Location Location
}

// ImportedConst is an identifier passed as a region that names a binding
// imported from a relative module (`import { REGION as R } from
// "./config"`, `const { REGION } = require("./config")`): Local is the
// local name, Name the exported one, Module the specifier as written.
// Location spans the identifier at the call.
type ImportedConst struct {
	Local    string
	Name     string
	Module   string
	Location Location
}

// Sort puts every slice in source order (stable for facts at one place).
func (f *SourceFacts) Sort() {
	sort.SliceStable(f.Reads, func(i, j int) bool { return Before(f.Reads[i].Location, f.Reads[j].Location) })
	sort.SliceStable(f.Writes, func(i, j int) bool { return Before(f.Writes[i].Location, f.Writes[j].Location) })
	sort.SliceStable(f.RemotionCalls, func(i, j int) bool {
		return Before(f.RemotionCalls[i].Location, f.RemotionCalls[j].Location)
	})
	sort.SliceStable(f.DotenvLoads, func(i, j int) bool { return Before(f.DotenvLoads[i].Location, f.DotenvLoads[j].Location) })
	sort.SliceStable(f.Literals, func(i, j int) bool { return Before(f.Literals[i].Location, f.Literals[j].Location) })
	sort.SliceStable(f.Imports, func(i, j int) bool { return Before(f.Imports[i].Location, f.Imports[j].Location) })
	sort.SliceStable(f.Exports, func(i, j int) bool { return Before(f.Exports[i].Location, f.Exports[j].Location) })
}

// Before orders two locations of one file by line, then column.
func Before(a, b Location) bool {
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	return a.Column < b.Column
}

// Comment is one comment of a source file and its span. Text is the raw
// comment with its markers: source text, for matching suppressions only,
// never to be printed as is.
type Comment struct {
	Text     string
	Location Location
}
