package model

import (
	"slices"
	"strings"

	"github.com/remolint/remolint/internal/facts"
	"github.com/remolint/remolint/internal/names"
	"github.com/remolint/remolint/internal/project"
)

// code collects code facts, fills their project and name-derived fields, and
// turns imports and loads into project signals.
func (b *builder) code() {
	mods := b.moduleExports()
	reads, writes := 0, 0
	for _, p := range b.in.Files {
		if p.Code != nil {
			reads += len(p.Code.Reads)
			writes += len(p.Code.Writes)
		}
	}
	b.doc.Code.Reads = slices.Grow(b.doc.Code.Reads, reads)
	b.doc.Code.Writes = slices.Grow(b.doc.Code.Writes, writes)
	for i, p := range b.in.Files {
		c := p.Code
		if c == nil {
			continue
		}
		pd := b.fileProject[i]
		fix := func(l *facts.Location) { l.Path = p.File.Path }
		for _, r := range c.Reads {
			b.doc.Code.Reads = append(b.doc.Code.Reads, b.access(r, pd, fix))
		}
		for _, w := range c.Writes {
			b.doc.Code.Writes = append(b.doc.Code.Writes, b.access(w, pd, fix))
		}
		// rules.md: a tree where any REMOTION_AWS_* name appears is a
		// Remotion project, in code as in env files.
		for _, as := range [2][]facts.EnvAccess{c.Reads, c.Writes} {
			if k := slices.IndexFunc(as, func(a facts.EnvAccess) bool { return looksRemotion(a.Name) || looksRemotion(a.Prefix) }); k >= 0 {
				a := &as[k]
				l := a.Location
				fix(&l)
				b.signal(pd, project.SignalRemotion, "true", "names "+a.Name+a.Prefix, l)
				break
			}
		}
		for _, im := range c.Imports {
			fix(&im.Location)
			im.Project = pd
			b.doc.Code.Imports = append(b.doc.Code.Imports, im)
			switch {
			case strings.HasPrefix(im.Package, "@remotion/lambda"):
				b.signal(pd, project.SignalRemotion, "true", "imports "+im.Package, im.Location)
				b.signal(pd, project.SignalConsumer, facts.ConsumerNode, "imports "+im.Package, im.Location)
			case strings.HasPrefix(im.Package, project.GoSDK):
				b.signal(pd, project.SignalRemotion, "true", "imports "+im.Package, im.Location)
				b.signal(pd, project.SignalConsumer, facts.ConsumerGo, "imports "+im.Package, im.Location)
			}
		}
		for _, call := range c.RemotionCalls {
			fix(&call.Location)
			if call.Region != "" {
				fix(&call.RegionLocation)
			} else {
				call.RegionLocation = call.Location
			}
			if len(call.RegionValues) > 0 {
				// The scanner's slice is shared with c: copy before fixing.
				vs := make([]facts.RegionValue, len(call.RegionValues), len(call.RegionValues)+len(call.RegionImports))
				copy(vs, call.RegionValues)
				for i := range vs {
					fix(&vs[i].Location)
				}
				call.RegionValues = vs
			}
			mods.regionImports(p.File.Path, &call)
			call.Project = pd
			b.doc.Code.RemotionCalls = append(b.doc.Code.RemotionCalls, call)
		}
		for _, l := range c.DotenvLoads {
			fix(&l.Location)
			l.Project = pd
			b.doc.Code.DotenvLoads = append(b.doc.Code.DotenvLoads, l)
			loader := "dotenv"
			if l.Kind == "godotenv" {
				loader = "godotenv" // a Go program's load says nothing about Node's
			}
			b.signal(pd, project.SignalLoader, loader, "loads env files ("+l.Kind+")", l.Location)
		}
		for _, l := range c.Literals {
			fix(&l.Location)
			l.Project = pd
			b.doc.Code.Literals = append(b.doc.Code.Literals, l)
		}
	}
}

func (b *builder) access(a facts.EnvAccess, pd string, fix func(*facts.Location)) facts.EnvAccess {
	fix(&a.Location)
	a.Project = pd
	if a.Name != "" {
		nf := b.nameFacts(a.Name)
		a.Known, a.Suggestion, a.Family = nf.known, nf.suggestion, nf.family
	} else if a.Prefix != "" {
		a.Family = names.DynamicFamily(a.Prefix)
	}
	return a
}
