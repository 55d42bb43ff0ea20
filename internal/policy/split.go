package policy

import (
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// splitModules divides the modules between compilers that run concurrently:
// OPA compiles on one core, and compiling the policies is most of the time a
// one-file run takes. The rule packages are partitioned as the queries are
// (queryGroups: contiguous runs in package order, one per CPU), and each part
// also holds every module that defines no report (lib and helpers), which is
// compiled once per part. Splitting is only sound when no module refers to a
// rule package of another part: with custom policies (which may use a
// built-in rule's helpers), or any reference into another package's rules,
// or one computed at run time, everything goes to one compiler, as does a
// single CPU.
func splitModules(modules map[string]*ast.Module, cpus int) []map[string]*ast.Module {
	one := []map[string]*ast.Module{modules}
	if cpus < 2 {
		return one
	}
	// The rule packages in the order rulePackages gives them.
	byPkg := map[string][]string{} // package -> module names
	var shared []string
	var order []ast.Ref
	for name, m := range modules {
		path := m.Package.Path
		if path.HasPrefix(customRoot) {
			return one
		}
		if !path.HasPrefix(rulesRoot) || !definesReport(m) {
			shared = append(shared, name)
			continue
		}
		key := path.String()
		if _, seen := byPkg[key]; !seen {
			order = append(order, path)
		}
		byPkg[key] = append(byPkg[key], name)
	}
	slices.SortFunc(order, func(a, b ast.Ref) int { return strings.Compare(a.String(), b.String()) })
	// A module of a rule package may hold no report itself when another
	// module of the same package defines it: it goes with its package.
	for i := 0; i < len(shared); {
		if key := modules[shared[i]].Package.Path.String(); byPkg[key] != nil {
			byPkg[key] = append(byPkg[key], shared[i])
			shared = slices.Delete(shared, i, i+1)
			continue
		}
		i++
	}
	groups := partition(len(order), cpus)
	if len(groups) < 2 {
		return one
	}
	partOf := map[string]int{}
	for g, members := range groups {
		for _, i := range members {
			partOf[order[i].String()] = g
		}
	}
	for _, m := range modules {
		if refersAcross(m, order, partOf) {
			return one
		}
	}
	parts := make([]map[string]*ast.Module, len(groups))
	for g, members := range groups {
		part := make(map[string]*ast.Module, len(shared)+len(members))
		for _, name := range shared {
			part[name] = modules[name]
		}
		for _, i := range members {
			for _, name := range byPkg[order[i].String()] {
				part[name] = modules[name]
			}
		}
		parts[g] = part
	}
	return parts
}

// definesReport reports whether the module defines a rule named report.
func definesReport(m *ast.Module) bool {
	for _, r := range m.Rules {
		if ref := r.Head.Ref(); len(ref) > 0 && ast.Compare(ref[0].Value, reportVar) == 0 {
			return true
		}
	}
	return false
}

// refersAcross reports whether module m refers to a rule package that is not
// in its own part (a module in no part, such as lib, refers across when it
// names any rule package), or to data.remolint through a computed key.
func refersAcross(m *ast.Module, order []ast.Ref, partOf map[string]int) bool {
	own, inPart := partOf[m.Package.Path.String()]
	across := false
	check := func(r ast.Ref) {
		if across || !r.HasPrefix(ast.DefaultRootRef) {
			return
		}
		// The static prefix is what a reference names; a key computed at
		// run time inside data.remolint.rules may reach any package, unless
		// the prefix is inside one already (a compiled module's references
		// to its own rules, data.remolint.rules.p._x[__local1__]): the key
		// then reaches that package's rules and the packages below the
		// prefix, which the loop below checks.
		g := staticPrefix(r)
		if len(g) < len(r) && (rulesRoot.HasPrefix(g) || g.HasPrefix(rulesRoot)) &&
			!slices.ContainsFunc(order, func(p ast.Ref) bool { return g.HasPrefix(p) }) {
			across = true
			return
		}
		for _, p := range order {
			if !g.HasPrefix(p) && !p.HasPrefix(g) {
				continue
			}
			if part := partOf[p.String()]; !inPart || part != own {
				across = true
				return
			}
		}
	}
	for _, imp := range m.Imports {
		if r, ok := imp.Path.Value.(ast.Ref); ok {
			check(r)
		}
	}
	ast.WalkRefs(m, func(r ast.Ref) bool {
		check(r)
		return across
	})
	return across
}

// definesPackage reports whether compiler c compiled a module of package path.
func definesPackage(c *ast.Compiler, path ast.Ref) bool {
	for _, m := range c.Modules {
		if m.Package.Path.Equal(path) {
			return true
		}
	}
	return false
}

// staticPrefix is the leading part of r whose keys are written out as
// strings (GroundPrefix would also take a key such as input.k).
func staticPrefix(r ast.Ref) ast.Ref {
	for i := 1; i < len(r); i++ {
		if _, ok := r[i].Value.(ast.String); !ok {
			return r[:i]
		}
	}
	return r
}
