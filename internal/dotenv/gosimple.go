package dotenv

import "strings"

// parseGoSimple is a fast path for parseGoMirror and godotenv together, for
// the files most env files are: printable ASCII, tabs and "\n" line breaks
// only, every line blank, a comment, or one definition
//
//	[ \t]* (export[ \t]+)? NAME [ \t]* (=|:) [ \t]* VALUE
//
// where NAME is [A-Za-z0-9_.]+ and VALUE is one of
//
//   - empty;
//   - unquoted text without '$' (up to the last '#' that follows a space or
//     tab, which starts a comment);
//   - a quoted value closed on the same line, holding no backslash (and no
//     '$' between double quotes), followed by nothing but spaces, tabs and
//     an optional '#' comment.
//
// On such a file godotenv reads exactly these definitions, rejects nothing,
// expands nothing and decodes no escape, so parseGoMirror's statements and
// godotenv's map (the mirror's vars) follow from the line shapes alone. Any
// other file, including every file with "\r", a byte outside printable
// ASCII, a multi-line or unterminated quote, a '$' godotenv may expand, a
// name with another character or a line without a separator, returns false
// and takes the full path. TestGoFastPath and FuzzParse check that both
// paths agree wherever this one applies.
//
// t is the Node text of src: on such a file normalizeNode leaves src
// unchanged, so offsets agree and keys and values share t's memory. The
// statements are appended to buf[:0].
func parseGoSimple(src []byte, t string, buf []goStmt) (goParse, bool) {
	for _, c := range src {
		if c > '~' || c < ' ' && c != '\t' && c != '\n' {
			return goParse{}, false
		}
	}
	if len(t) != len(src) {
		return goParse{}, false // cannot happen: normalizeNode changes no such file
	}
	g := goParse{errPos: -1, errStart: -1, stmts: buf[:0]}
	skip := func(i, end int) int {
		for i < end && (t[i] == ' ' || t[i] == '\t') {
			i++
		}
		return i
	}
	for pos := 0; pos < len(t); {
		end := strings.IndexByte(t[pos:], '\n')
		if end < 0 {
			end = len(t)
		} else {
			end += pos
		}
		i := skip(pos, end)
		pos = end + 1
		if i == end || t[i] == '#' {
			continue // blank line or comment
		}
		st := goStmt{start: i, hash: -1, expand: -1}
		if strings.HasPrefix(t[i:end], "export") && i+6 < end && (t[i+6] == ' ' || t[i+6] == '\t') {
			// godotenv drops "export" and the spaces after it; "export =1"
			// (an empty name for godotenv, the name "export" for Node) is
			// left to the full path by the name check below.
			i = skip(i+6, end)
			st.export = true
		}
		ks := i
		for i < end && isSimpleNameByte(t[i]) {
			i++
		}
		if i == ks {
			return goParse{}, false
		}
		st.keyStart, st.keyEnd, st.key = ks, i, t[ks:i]
		i = skip(i, end)
		if i == end || t[i] != '=' && t[i] != ':' {
			return goParse{}, false
		}
		st.sep = i
		j := skip(i+1, end)
		st.valStart, st.valEnd = j, j
		switch {
		case j == end:
			// empty value
		case t[j] == '"' || t[j] == '\'':
			q := t[j]
			k := j + 1
			for k < end && t[k] != q {
				if c := t[k]; c == '\\' || c == '$' && q == '"' {
					return goParse{}, false
				}
				k++
			}
			if k == end {
				return goParse{}, false // closes on a later line, or never
			}
			if r := skip(k+1, end); r < end && t[r] != '#' {
				return goParse{}, false // godotenv reads a new statement there
			}
			st.quote, st.valEnd, st.value = q, k+1, t[j+1:k]
		default:
			// godotenv ends an unquoted value at the last '#' after a space.
			z := end
			for b := j + 1; b < end; b++ {
				if t[b] == '#' && (t[b-1] == ' ' || t[b-1] == '\t') {
					z = b
				}
			}
			if z < end {
				st.hash = z
			}
			for z > j && (t[z-1] == ' ' || t[z-1] == '\t') {
				z--
			}
			if strings.IndexByte(t[j:z], '$') >= 0 {
				return goParse{}, false
			}
			st.valEnd, st.value = z, t[j:z]
		}
		g.stmts = append(g.stmts, st)
	}
	g.vars = make(map[string]string, len(g.stmts))
	for _, st := range g.stmts {
		g.vars[st.key] = st.value
	}
	return g, true
}

// isSimpleNameByte reports whether c is an ASCII byte godotenv accepts in a
// name (Node's dotenv accepts them too).
func isSimpleNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
}
