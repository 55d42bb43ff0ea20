package schematest

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/remolint/remolint/internal/awsini"
	"github.com/remolint/remolint/internal/facts"
	"github.com/remolint/remolint/internal/resolve"
)

// inputSchemaID is where the published fact-document schema lives.
const inputSchemaID = "https://raw.githubusercontent.com/remolint/remolint/main/schemas/input.schema.json"

// inputEnums closes the value sets that Go constants define, by
// "Type.jsonField". Value sets that only doc comments describe stay open:
// comments list examples, and the schema must accept every document remolint
// builds.
var inputEnums = map[string][]string{
	"Variable.shape":        shapes,
	"ProfileKey.shape":      shapes,
	"EnvAccess.shape":       shapes,
	"File.kind":             {facts.KindEnv, facts.KindAWSCredentials, facts.KindAWSConfig, facts.KindPackageJSON, facts.KindGoMod, facts.KindJS, facts.KindGo, facts.KindPlatformMarker, facts.KindOther},
	"Project.platforms":     platforms,
	"Project.consumers":     consumers,
	"Environment.platforms": platforms,
	"Environment.consumers": consumers,
	"SharedFile.flavour":    {awsini.FlavourCredentials, awsini.FlavourConfig},
	"Profile.flavour":       {awsini.FlavourCredentials, awsini.FlavourConfig},
	"Resolution.source":     {resolve.SourceRemotionProfile, resolve.SourceRemotionKeys, resolve.SourceAWSProfile, resolve.SourceAWSKeys, resolve.SourceDefaultChain},
	"Resolution.outcome":    {resolve.OutcomeOK, resolve.OutcomeThrows, resolve.OutcomeProfileNotFound, resolve.OutcomeNoCredentials, resolve.OutcomeNeedsRuntime},
	"Ignored.code":          {resolve.CodeLowerPrecedence, resolve.CodeHalfPair, resolve.CodeCrossedPair, resolve.CodeTokenOtherPrefix, resolve.CodeSkipCheck, resolve.CodeEmpty, resolve.CodeNotRead},
}

var (
	shapes    = []string{facts.ShapeEmpty, facts.ShapeAccessKeyID, facts.ShapeTempKeyID, facts.ShapePlaceholder, facts.ShapeOther}
	platforms = []string{facts.PlatformVercel, facts.PlatformNetlify, facts.PlatformLambda}
	consumers = []string{facts.ConsumerNode, facts.ConsumerCLI, facts.ConsumerGo, facts.ConsumerPython, facts.ConsumerPHP}
)

// inputDocs supplies descriptions for fields facts.go leaves without a doc
// comment of their own, by "Type.jsonField". A field is described by, in
// order: its own doc or line comment; the nearest preceding doc comment of
// its struct when that comment names the field; for the names in
// sharedDocs, the doc comment of the first field of that name in facts.go;
// this table. The generator fails when none applies, so a new field cannot
// be published undocumented.
var inputDocs = map[string]string{
	"Document.version":            "The fact document's schema version (facts.Version). It changes only when a field changes meaning; fields are added without a new version.",
	"Document.files":              "Every file remolint read, with its kind, project and git state.",
	"Document.envFiles":           "Every env file (.env, .env.*, *.env), templates included, in path order.",
	"Document.environments":       "The environments: env files in one folder layered per mode, and the process environment when it is checked (--env).",
	"Document.sharedFiles":        "Every AWS shared credentials or config file read.",
	"Document.code":               "Facts extracted from source code (JS/TS, Go) and JSON configuration.",
	"Location.path":               "Path relative to the working directory, slash-separated, without a leading \"./\".",
	"Location.line":               "1-based line (0 only in a location that is not set, e.g. regionLocation of a call without a literal region).",
	"Location.column":             "1-based column, counting bytes.",
	"Location.endLine":            "Line of the end of the span, when set.",
	"Location.endColumn":          "Column one past the last byte of the span (exclusive), when set.",
	"Project.platforms":           "The platforms the project deploys to, which own the AWS_* names: vercel, netlify, aws-lambda.",
	"Project.consumers":           "What reads the credentials: node (the @remotion/lambda Node APIs), cli (the remotion CLI), go, python, php.",
	"Signal.reason":               "Why, in words.",
	"Anomaly.location":            "Where the line or construct is.",
	"Signal.location":             "Where the evidence is.",
	"File.path":                   "Path relative to the working directory, slash-separated.",
	"File.kind":                   "What the file is: env, aws-credentials, aws-config, package.json, go.mod, js, go, platform-marker or other.",
	"EnvFile.path":                "Path relative to the working directory, slash-separated.",
	"EnvFile.dir":                 "The folder of the file (relative to the working directory); env files in one folder layer into environments.",
	"EnvFile.entries":             "Every entry in file order, duplicates kept.",
	"Variable.name":               "The variable name.",
	"Override.location":           "Where the replaced definition is.",
	"Override.sameValue":          "True when the replaced definition had the same value.",
	"Environment.dir":             "The folder whose env files make up the environment (\"\" for the process environment).",
	"Environment.mode":            "The mode (.env.<mode>) of the environment, \"\" for the default one.",
	"Environment.resolution":      "The resolver's verdict for this environment, per consumer family.",
	"Resolutions.node":            "What the Node APIs and the Remotion CLI will do (absent when the project has no such consumer).",
	"Resolutions.go":              "What the Go, Python and PHP clients (which read only AWS_* names) will do (absent when the project has no such consumer).",
	"Resolution.consumer":         "The consumer family this verdict is for.",
	"Resolution.check":            "The result of Remotion's pre-flight credentials check.",
	"Resolution.sessionToken":     "True when a session token goes with the access key id.",
	"Resolution.ignored":          "Every credential source that loses or is ignored, with the reason.",
	"Check.passes":                "True when the check passes.",
	"Check.error":                 "The error the check throws (\"\" when it passes).",
	"Ignored.name":                "The variable (or source) that is ignored.",
	"Ignored.reason":              "Why, in words.",
	"SharedFile.path":             "Path relative to the working directory, slash-separated.",
	"SharedFile.anomalies":        "Lines the AWS readers handle differently from how they look.",
	"Profile.path":                "Path of the file that defines the profile.",
	"Profile.location":            "Where the section header is.",
	"Profile.keys":                "The keys of the section, in file order.",
	"ProfileKey.value":            "The value, present only for keys that are not secret (region, source_profile, role_arn, output, ...).",
	"ProfileKey.name":             "The key, as written (aws_access_key_id, region, ...).",
	"ProfileKey.shape":            "Classifies the value without revealing it.",
	"ProfileKey.location":         "Spans the key.",
	"Code.reads":                  "Reads of environment variables in code.",
	"Code.writes":                 "Writes (assignments, Setenv, delete/Unsetenv) of environment variables in code.",
	"Code.remotionCalls":          "Calls of Remotion Lambda APIs.",
	"Code.dotenvLoads":            "Code and scripts that load env files.",
	"Code.literals":               "String literals shaped like credentials.",
	"Code.imports":                "Imports of Remotion and dotenv packages.",
	"EnvAccess.location":          "Where the access is.",
	"RemotionCall.regionLocation": "Where the region literal is (a zero location when there is none).",
	"RemotionCall.language":       "The source language: \"js\" or \"go\".",
	"RemotionCall.location":       "Where the call is.",
	"DotenvLoad.path":             "The file it loads, when named.",
	"DotenvLoad.location":         "Where the load is.",
	"Literal.location":            "Where the literal is.",
	"Import.package":              "The imported package.",
	"Import.language":             "The source language: \"js\" or \"go\".",
	"Import.location":             "Where the import is.",
	"Diagnostic.message":          "What went wrong, in words.",
	"Diagnostic.location":         "The file concerned.",
}

// sharedDocs are the Go field names whose doc comment means the same in
// every struct with a field of that name and type (other names, such as Name
// or Kind, differ between structs).
var sharedDocs = map[string]bool{
	"GitKnown": true, "Tracked": true, "Ignored": true, "Project": true,
	"Known": true, "Suggestion": true, "Family": true, "Secret": true,
	"Set": true, "Display": true, "ValueLocation": true,
}

// goStruct is one struct type of facts.go.
type goStruct struct {
	name   string
	doc    string
	fields []goField
}

type goField struct {
	goName    string
	json      string
	omitempty bool
	typ       ast.Expr
	doc       string // own doc or line comment
}

// factsSource parses facts.go into its struct types, in source order.
func factsSource(t *testing.T) []goStruct {
	t.Helper()
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, filepath.Join(repoRoot(t), "internal", "facts", "facts.go"), nil, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	var out []goStruct
	for _, d := range file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.TYPE {
			continue
		}
		for _, spec := range gd.Specs {
			ts := spec.(*ast.TypeSpec)
			st, ok := ts.Type.(*ast.StructType)
			if !ok {
				t.Fatalf("facts.%s is not a struct: teach the schema generator about it", ts.Name.Name)
			}
			doc := ts.Doc
			if doc == nil {
				doc = gd.Doc
			}
			s := goStruct{name: ts.Name.Name, doc: commentText(doc)}
			for _, f := range st.Fields.List {
				if len(f.Names) != 1 {
					t.Fatalf("facts.%s: embedded or grouped fields are not supported by the schema generator", s.name)
				}
				if !f.Names[0].IsExported() {
					continue
				}
				tag := ""
				if f.Tag != nil {
					tag, _ = strconv.Unquote(f.Tag.Value)
				}
				jt := reflect.StructTag(tag).Get("json")
				name, opts, _ := strings.Cut(jt, ",")
				if name == "-" {
					continue
				}
				if name == "" {
					t.Fatalf("facts.%s.%s has no json name", s.name, f.Names[0].Name)
				}
				doc := commentText(f.Doc)
				if doc == "" && f.Comment != nil {
					// A line comment lists values or examples: name the
					// field, as doc comments do.
					doc = f.Names[0].Name + ": " + commentText(f.Comment)
				}
				s.fields = append(s.fields, goField{
					goName: f.Names[0].Name, json: name, omitempty: strings.Contains(opts, "omitempty"),
					typ: f.Type, doc: doc,
				})
			}
			out = append(out, s)
		}
	}
	return out
}

// commentText returns a comment as paragraphs: the lines of a paragraph
// joined by spaces, paragraphs separated by a blank line.
func commentText(g *ast.CommentGroup) string {
	if g == nil {
		return ""
	}
	var paras []string
	for _, p := range strings.Split(strings.TrimSpace(g.Text()), "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			paras = append(paras, p)
		}
	}
	return strings.Join(paras, "\n\n")
}

// inputSchema generates the JSON Schema of the fact document from facts.go.
func inputSchema(t *testing.T) object {
	t.Helper()
	structs := factsSource(t)
	byName := map[string]*goStruct{}
	for i := range structs {
		byName[structs[i].name] = &structs[i]
	}
	// local[struct][i] is a field's own doc comment, or the nearest
	// preceding doc comment of its struct when that comment names it.
	local := map[string][]string{}
	for _, s := range structs {
		docs := make([]string, len(s.fields))
		for i, f := range s.fields {
			docs[i] = f.doc
			if f.doc != "" {
				continue
			}
			word := regexp.MustCompile(`\b` + f.goName + `\b`)
			for j := i - 1; j >= 0; j-- {
				if d := s.fields[j].doc; d != "" {
					if word.MatchString(d) {
						docs[i] = d
					}
					break
				}
			}
		}
		local[s.name] = docs
	}
	// sameName holds, for the names in sharedDocs, the first local doc of a
	// field of that name and type.
	sameName := map[string]string{}
	for _, s := range structs {
		for i, f := range s.fields {
			if d := local[s.name][i]; d != "" && sharedDocs[f.goName] {
				if _, seen := sameName[f.goName+" "+types.ExprString(f.typ)]; !seen {
					sameName[f.goName+" "+types.ExprString(f.typ)] = d
				}
			}
		}
	}
	used := map[string]bool{}
	describe := func(s *goStruct, i int) string {
		f := s.fields[i]
		if d := local[s.name][i]; d != "" {
			return d
		}
		if d, ok := sameName[f.goName+" "+types.ExprString(f.typ)]; ok {
			return d
		}
		key := s.name + "." + f.json
		if d, ok := inputDocs[key]; ok {
			used[key] = true
			return d
		}
		t.Errorf("facts.%s.%s has no doc comment: document it in facts.go (or add %q to inputDocs)", s.name, f.goName, key)
		return ""
	}

	var typeSchema func(owner string, e ast.Expr) object
	typeSchema = func(owner string, e ast.Expr) object {
		switch x := e.(type) {
		case *ast.Ident:
			switch x.Name {
			case "string":
				o := object{{"type", "string"}}
				if vals, ok := inputEnums[owner]; ok {
					used["enum "+owner] = true
					o.set("enum", vals)
				}
				return o
			case "int":
				return object{{"type", "integer"}}
			case "bool":
				return object{{"type", "boolean"}}
			}
			if _, ok := byName[x.Name]; ok {
				return object{{"$ref", "#/definitions/" + x.Name}}
			}
		case *ast.StarExpr:
			return typeSchema(owner, x.X)
		case *ast.ArrayType:
			if x.Len == nil {
				return object{{"type", "array"}, {"items", typeSchema(owner, x.Elt)}}
			}
			if n, ok := x.Len.(*ast.BasicLit); ok && n.Kind == token.INT {
				size, err := strconv.Atoi(n.Value)
				if err == nil {
					return object{{"type", "array"}, {"items", typeSchema(owner, x.Elt)}, {"minItems", size}, {"maxItems", size}}
				}
			}
		case *ast.MapType:
			if k, ok := x.Key.(*ast.Ident); ok && k.Name == "string" {
				return object{{"type", "object"}, {"additionalProperties", typeSchema(owner, x.Value)}}
			}
		}
		t.Fatalf("%s: type %T is not supported by the schema generator", owner, e)
		return nil
	}

	structSchema := func(s *goStruct) object {
		o := object{{"type", "object"}}
		if s.doc != "" {
			o.set("description", s.doc)
		}
		props := object{}
		var required []string
		for i, f := range s.fields {
			ts := typeSchema(s.name+"."+f.json, f.typ)
			p := object{{"description", describe(s, i)}}
			if ref, ok := refOf(ts); ok {
				// draft-07 ignores the siblings of $ref: wrap it so the
				// description survives for editors.
				p.set("allOf", []any{object{{"$ref", ref}}})
			} else {
				p = append(p, ts...)
			}
			props.set(f.json, p)
			if !f.omitempty {
				required = append(required, f.json)
			}
		}
		o.set("properties", props)
		if len(required) > 0 {
			o.set("required", required)
		}
		o.set("additionalProperties", true)
		return o
	}

	doc := byName["Document"]
	if doc == nil {
		t.Fatal("facts.go has no Document type")
	}
	root := object{
		{"$schema", "http://json-schema.org/draft-07/schema#"},
		{"$id", inputSchemaID},
		{"title", "remolint fact document (policy input)"},
		{"description", "The one document every remolint policy, built-in or a team's own, reads as `input`. Generated from internal/facts/facts.go by `go test ./internal/schematest -update`; do not edit. Fields are added over time and never renamed, so additional properties are allowed everywhere. Secret values never appear: names that may hold secrets carry only a shape, a redacted display form and a hash."},
	}
	body := structSchema(doc)
	for _, m := range body {
		if m.key == "description" {
			continue
		}
		root.set(m.key, m.value)
	}
	props := root[slices.IndexFunc(root, func(m member) bool { return m.key == "properties" })].value.(object)
	for i := range props {
		if props[i].key == "version" {
			p := props[i].value.(object)
			p.set("const", facts.Version)
			props[i].value = p
		}
	}
	defs := object{}
	for i := range structs {
		if structs[i].name != "Document" {
			defs.set(structs[i].name, structSchema(&structs[i]))
		}
	}
	root.set("definitions", defs)

	for key := range inputDocs {
		if !used[key] {
			t.Errorf("inputDocs[%q] is not used: remove it (facts.go documents the field now, or it is gone)", key)
		}
	}
	for key := range inputEnums {
		if !used["enum "+key] {
			t.Errorf("inputEnums[%q] matches no string field of facts.go", key)
		}
	}
	return root
}

// refOf returns the $ref of a one-member {"$ref": ...} schema.
func refOf(o object) (string, bool) {
	if len(o) == 1 && o[0].key == "$ref" {
		return o[0].value.(string), true
	}
	return "", false
}

// TestInputSchemaGenerated fails when schemas/input.schema.json no longer
// matches facts.go (-update rewrites it).
func TestInputSchemaGenerated(t *testing.T) {
	got := indentJSON(t, inputSchema(t))
	checkGenerated(t, filepath.Join(repoRoot(t), "schemas", "input.schema.json"), got)
}

// TestInputSchemaCoversEveryField walks facts.Document with reflection and
// checks that the published schema names every JSON field, so the generator
// cannot skip one silently.
func TestInputSchemaCoversEveryField(t *testing.T) {
	sch := readJSON(t, filepath.Join(repoRoot(t), "schemas", "input.schema.json")).(map[string]any)
	defs := sch["definitions"].(map[string]any)
	seen := map[reflect.Type]bool{}
	var walk func(rt reflect.Type, where string, node map[string]any)
	walk = func(rt reflect.Type, where string, node map[string]any) {
		if seen[rt] {
			return
		}
		seen[rt] = true
		props, _ := node["properties"].(map[string]any)
		for i := 0; i < rt.NumField(); i++ {
			f := rt.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if !f.IsExported() || name == "-" {
				continue
			}
			p, ok := props[name].(map[string]any)
			if !ok {
				t.Errorf("%s: field %q (%s) is missing from input.schema.json", where, name, f.Name)
				continue
			}
			ft := f.Type
			for ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Slice {
				ft = ft.Elem()
			}
			if ft.Kind() != reflect.Struct {
				continue
			}
			def, ok := defs[ft.Name()].(map[string]any)
			if !ok {
				t.Errorf("%s.%s: definition %s is missing", where, name, ft.Name())
				continue
			}
			if !strings.Contains(fmt.Sprint(p), "#/definitions/"+ft.Name()) {
				t.Errorf("%s.%s does not refer to #/definitions/%s", where, name, ft.Name())
			}
			walk(ft, ft.Name(), def)
		}
	}
	walk(reflect.TypeOf(facts.Document{}), "Document", sch)
	if len(seen) < 20 {
		t.Errorf("walked only %d types of the fact document", len(seen))
	}
}
