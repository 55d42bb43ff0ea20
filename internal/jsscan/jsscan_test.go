package jsscan

import (
	"fmt"
	"strings"
	"testing"

	"github.com/remolint/remolint/internal/facts"
)

// Fake credentials, built so that no real-looking value sits in the source
// as one literal.
var (
	keyID     = "AKIA" + "IOSFODNN7" + "ABCDEFG"                          // 20 chars, access key id
	tempKeyID = "ASIA" + "IOSFODNN7" + "ABCDEFG"                          // temporary key id
	secretKey = "abcdefghij" + "0123456789" + "ABCDEFGHIJ" + "klmnopqrst" // 40 chars
)

func pos(l facts.Location) string {
	return fmt.Sprintf("%d:%d-%d:%d", l.Line, l.Column, l.EndLine, l.EndColumn)
}

func renderAccess(kind string, a facts.EnvAccess) string {
	var b strings.Builder
	b.WriteString(kind)
	if a.Unset {
		b.WriteString(" unset")
	}
	if a.Dynamic {
		fmt.Fprintf(&b, " dyn prefix=%q", a.Prefix)
	} else {
		b.WriteString(" " + a.Name)
	}
	b.WriteString(" " + pos(a.Location))
	if a.Guard {
		b.WriteString(" guard")
	}
	if a.Literal {
		fmt.Fprintf(&b, " lit shape=%s", a.Shape)
	}
	if a.Value != "" {
		fmt.Fprintf(&b, " value=%q", a.Value)
	}
	if a.Language != "js" {
		b.WriteString(" BAD-LANGUAGE")
	}
	return b.String()
}

// render lists every fact of r except comments, one string each.
func render(r *Result) []string {
	var out []string
	for _, a := range r.Reads {
		out = append(out, renderAccess("read", a))
	}
	for _, a := range r.Writes {
		out = append(out, renderAccess("write", a))
	}
	for _, i := range r.Imports {
		out = append(out, fmt.Sprintf("import %s %s", i.Package, pos(i.Location)))
	}
	for _, c := range r.RemotionCalls {
		s := fmt.Sprintf("call %s %s", c.Function, pos(c.Location))
		if c.Region != "" {
			s += fmt.Sprintf(" region=%s@%s", c.Region, pos(c.RegionLocation))
		}
		for _, v := range c.RegionValues {
			s += fmt.Sprintf(" value=%s:%s@%s", v.Constant, v.Value, pos(v.Location))
		}
		for _, im := range c.RegionImports {
			s += fmt.Sprintf(" import=%s:%s from %s@%s", im.Local, im.Name, im.Module, pos(im.Location))
		}
		if c.Credentials {
			s += " creds"
		}
		out = append(out, s)
	}
	for _, e := range r.Exports {
		out = append(out, fmt.Sprintf("export %s=%s %s", e.Name, e.Value, pos(e.Location)))
	}
	for _, l := range r.DotenvLoads {
		s := "load " + l.Kind
		if l.Path != "" {
			s += " path=" + l.Path
		}
		out = append(out, s+" "+pos(l.Location))
	}
	for _, l := range r.Literals {
		s := "literal " + l.Shape
		if l.Display != "" {
			s += " " + l.Display
		}
		if l.Context != "" {
			s += " ctx=" + l.Context
		}
		out = append(out, s+" "+pos(l.Location))
	}
	return out
}

type scanCase struct {
	name string
	src  string
	want []string
}

func runCases(t *testing.T, cases []scanCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := render(Scan([]byte(tc.src)))
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("Scan(%q)\n got:\n\t%s\nwant:\n\t%s", tc.src, strings.Join(got, "\n\t"), strings.Join(tc.want, "\n\t"))
			}
		})
	}
}

var readCases = []scanCase{
	{"member", `x = process.env.AWS_REGION;`, []string{"read AWS_REGION 1:5-1:27"}},
	{"bracket double", `x = process.env["AWS_REGION"];`, []string{"read AWS_REGION 1:5-1:30"}},
	{"bracket single", `x = process.env['A'];`, []string{"read A 1:5-1:21"}},
	{"bracket template", "x = process.env[`A`];", []string{"read A 1:5-1:21"}},
	{"escaped key", `x = process.env["A\x42"];`, []string{"read AB 1:5-1:25"}},
	{"optional chaining", `x = process?.env?.A;`, []string{"read A 1:5-1:20"}},
	{"globalThis", `x = globalThis.process.env.A;`, []string{"read A 1:5-1:29"}},
	{"other object's process", `x = foo.process.env.A; y = env.A;`, nil},
	{"bare env object", `const e = process.env; f({...process.env});`, nil},
	{"destructuring", `const { X, Y: alias, Z = "d" } = process.env;`, []string{
		"read X 1:9-1:10",
		"read Y 1:12-1:13",
		"read Z 1:22-1:23 guard",
	}},
	{"destructuring multiline", "const {\n  AWS_REGION,\n  'QUOTED': q,\n  ...rest\n} = process.env;", []string{
		"read AWS_REGION 2:3-2:13",
		"read QUOTED 3:3-3:11",
	}},
	{"import.meta.env", `const v = import.meta.env.VITE_X;`, []string{"read VITE_X 1:11-1:33"}},
	{"Deno.env.get", `const v = Deno.env.get("X");`, []string{"read X 1:11-1:28"}},
	{"Deno.env.has", `if (Deno.env.has("X")) {}`, []string{"read X 1:5-1:22 guard"}},
	{"Bun.env", `const v = Bun.env.X;`, []string{"read X 1:11-1:20"}},
	{"dynamic concat", `f(process.env["AWS_KEY_" + n]);`, []string{`read dyn prefix="AWS_KEY_" 1:3-1:30`}},
	{"dynamic template", "f(process.env[`AWS_SECRET_${i}`]);", []string{`read dyn prefix="AWS_SECRET_" 1:3-1:33`}},
	{"dynamic Deno", `Deno.env.get("AWS_KEY_" + i);`, []string{`read dyn prefix="AWS_KEY_" 1:1-1:29`}},
	{"complete key ending in underscore", `f(process.env["AWS_SECRET_"]);`, []string{"read AWS_SECRET_ 1:3-1:29"}},
	{"dynamic variable", `f(process.env[k]);`, []string{`read dyn prefix="" 1:3-1:17`}},
	{"TS cast key", `f(process.env["X" as Key]);`, []string{"read X 1:3-1:26"}},
	{"several on lines", "a = process.env.A;\n\tb = process.env.B;", []string{"read A 1:5-1:18", "read B 2:6-2:19"}},
	{"CRLF lines", "a = 1;\r\nb = process.env.B;\r\n", []string{"read B 2:5-2:18"}},
	{"multibyte before", `s = "é"; b = process.env.B;`, []string{"read B 1:15-1:28"}},
}

var guardCases = []scanCase{
	{"not", `if (!process.env.X) {}`, []string{"read X 1:6-1:19 guard"}},
	{"nullish", `a = process.env.X ?? "d";`, []string{"read X 1:5-1:18 guard"}},
	{"or", `a = process.env.X || "d";`, []string{"read X 1:5-1:18 guard"}},
	{"if", `if (process.env.X) {}`, []string{"read X 1:5-1:18 guard"}},
	{"while", `while (process.env.X) {}`, []string{"read X 1:8-1:21 guard"}},
	{"and", `process.env.X && go();`, []string{"read X 1:1-1:14 guard"}},
	{"=== undefined", `if (process.env.X === undefined) {}`, []string{"read X 1:5-1:18 guard"}},
	{"undefined ==", `if (undefined == process.env.X) {}`, []string{"read X 1:18-1:31 guard"}},
	{"!== empty", `if (process.env.X !== "") {}`, []string{"read X 1:5-1:18 guard"}},
	{"ternary", `a = process.env.X ? 1 : 2;`, []string{"read X 1:5-1:18 guard"}},
	{"typeof", `if (typeof process.env.X === "string") {}`, []string{"read X 1:12-1:25 guard"}},
	{"operand in if", `if (a && process.env.X) {}`, []string{"read X 1:10-1:23 guard"}},
	{"fallback value is not a guard", `a = b || process.env.X;`, []string{"read X 1:10-1:23"}},
	{"argument is not a guard", `f(process.env.X);`, []string{"read X 1:3-1:16"}},
	{"compared with a value is not a guard", `if (process.env.X === "1") {}`, []string{"read X 1:5-1:18"}},
	{"optional chaining is not a ternary", `a = process.env.X?.trim();`, []string{"read X 1:5-1:18"}},
}

var writeCases = []scanCase{
	{"literal non-secret name", `process.env.AWS_REGION = "eu-west-1";`, []string{
		`write AWS_REGION 1:1-1:23 lit shape=other value="eu-west-1"`,
	}},
	{"key id to secret name", `process.env.AWS_ACCESS_KEY_ID = "` + keyID + `";`, []string{
		"write AWS_ACCESS_KEY_ID 1:1-1:30 lit shape=aws-access-key-id",
		"literal aws-access-key-id AKIA…DEFG ctx=AWS_ACCESS_KEY_ID 1:33-1:55",
	}},
	{"bracket", `process.env["NODE_ENV"] = 'production';`, []string{
		`write NODE_ENV 1:1-1:24 lit shape=other value="production"`,
	}},
	{"number", `process.env.PORT = 3000;`, []string{"write PORT 1:1-1:17 lit shape=other"}},
	{"negative number to region", `process.env.X_REGION = -1;`, []string{`write X_REGION 1:1-1:21 lit shape=other value="-1"`}},
	{"boolean", `process.env.REMOTION_SKIP_AWS_CREDENTIALS_CHECK = true;`, []string{
		`write REMOTION_SKIP_AWS_CREDENTIALS_CHECK 1:1-1:48 lit shape=other value="true"`,
	}},
	{"empty string", `process.env.AWS_PROFILE = "";`, []string{"write AWS_PROFILE 1:1-1:24 lit shape=empty"}},
	{"undefined is stored as a string", "process.env.REMOTION_SKIP_AWS_CREDENTIALS_CHECK = undefined;", []string{`write REMOTION_SKIP_AWS_CREDENTIALS_CHECK 1:1-1:48 lit shape=placeholder value="undefined"`}},
	{"undefined inside an expression is not a literal", "process.env.AWS_PROFILE = undefined || p;", []string{"write AWS_PROFILE 1:1-1:24"}},
	{"literal ended by newline", "process.env.AWS_PROFILE = 'p'\nfoo()", []string{`write AWS_PROFILE 1:1-1:24 lit shape=other value="p"`}},
	{"literal continued on next line", "process.env.AWS_PROFILE = 'p'\n+ foo()", []string{"write AWS_PROFILE 1:1-1:24"}},
	{"TS as", `process.env.AWS_PROFILE = "p" as string;`, []string{`write AWS_PROFILE 1:1-1:24 lit shape=other value="p"`}},
	{"variable", `process.env.X = y;`, []string{"write X 1:1-1:14"}},
	{"expression", `process.env.X = "a" + y;`, []string{"write X 1:1-1:14"}},
	{"compound", `process.env.X += "a";`, []string{"write X 1:1-1:14"}},
	{"logical assignment", `process.env.X ??= "a";`, []string{"write X 1:1-1:14 lit shape=other"}},
	{"chained", `process.env.A = process.env.B = "v";`, []string{
		"write A 1:1-1:14",
		"write B 1:17-1:30 lit shape=other",
	}},
	{"dynamic", "process.env[`AWS_KEY_${i}`] = k;", []string{`write dyn prefix="AWS_KEY_" 1:1-1:28`}},
	{"dynamic concat", `process.env["AWS_SECRET_" + i] = "";`, []string{`write dyn prefix="AWS_SECRET_" 1:1-1:31 lit shape=empty`}},
	{"delete", `delete process.env.AWS_PROFILE;`, []string{"write unset AWS_PROFILE 1:8-1:31"}},
	{"delete bracket", `delete process.env["X"];`, []string{"write unset X 1:8-1:24"}},
	{"Object.assign", `Object.assign(process.env, { AWS_REGION: "us-east-1", TOKEN });`, []string{
		`write AWS_REGION 1:30-1:40 lit shape=other value="us-east-1"`,
		"write TOKEN 1:55-1:60",
	}},
	{"Object.assign several objects", "Object.assign(process.env, { 'A': x }, { B: `b` }, other);", []string{
		"write A 1:30-1:33",
		"write B 1:42-1:43 lit shape=other",
	}},
	{"Object.assign other target", `Object.assign(target, { AWS_REGION: "us-east-1" });`, nil},
	{"Deno.env.set", `Deno.env.set("AWS_REGION", "eu-west-2");`, []string{
		`write AWS_REGION 1:1-1:40 lit shape=other value="eu-west-2"`,
	}},
	{"Deno.env.set secret", `Deno.env.set("AWS_SECRET_ACCESS_KEY", "` + secretKey + `");`, []string{
		"write AWS_SECRET_ACCESS_KEY 1:1-1:82 lit shape=other",
		"literal secret ctx=AWS_SECRET_ACCESS_KEY 1:39-1:81",
	}},
	{"Deno.env.delete", `Deno.env.delete("X");`, []string{"write unset X 1:1-1:21"}},
	{"comparison is a read", `if (process.env.X == "1") {}`, []string{"read X 1:5-1:18"}},
}

var importCases = []scanCase{
	{"named", `import { renderMediaOnLambda } from "@remotion/lambda";`, []string{"import @remotion/lambda 1:1-1:55"}},
	{"side effect dotenv/config", `import "dotenv/config";`, []string{
		"import dotenv/config 1:1-1:23",
		"load dotenv-config-import 1:1-1:23",
	}},
	{"require", `const d = require("dotenv");`, []string{"import dotenv 1:11-1:28"}},
	{"dynamic import", `const m = await import("@remotion/lambda-client");`, []string{"import @remotion/lambda-client 1:17-1:50"}},
	{"export from", `export { deploySite } from "@remotion/lambda/client";`, []string{"import @remotion/lambda/client 1:1-1:53"}},
	{"export star", `export * as dx from '@dotenvx/dotenvx';`, []string{"import @dotenvx/dotenvx 1:1-1:39"}},
	{"type import", `import type { AwsRegion } from "@remotion/lambda";`, []string{"import @remotion/lambda 1:1-1:50"}},
	{"multiline", "import {\n  a,\n  b as c,\n} from '@remotion/lambda';", []string{"import @remotion/lambda 1:1-4:26"}},
	{"other packages", `import x from "react"; require("dotenv-flow"); import "remotion";`, nil},
	{"require member", `const r = require.resolve("dotenv");`, nil},
}

var callCases = []scanCase{
	{"aliased named import",
		"import { renderMediaOnLambda as render } from \"@remotion/lambda\";\nawait render({ region: \"us-east-1\", credentials: c });",
		[]string{
			"import @remotion/lambda 1:1-1:65",
			"call renderMediaOnLambda 2:7-2:54 region=us-east-1@2:25-2:34 creds",
		}},
	{"namespace import",
		"import * as lambda from \"@remotion/lambda\";\nlambda.getFunctions({ region: 'eu-west-1' });",
		[]string{
			"import @remotion/lambda 1:1-1:43",
			"call getFunctions 2:1-2:45 region=eu-west-1@2:32-2:41",
		}},
	{"default import",
		"import lambda from '@remotion/lambda/client';\nlambda.getSites({region: `us-west-2` as const})",
		[]string{
			"import @remotion/lambda/client 1:1-1:45",
			"call getSites 2:1-2:48 region=us-west-2@2:27-2:36",
		}},
	{"require destructuring",
		"const { deploySite: ds, presignUrl } = require(\"@remotion/lambda\");\nds({ region });\npresignUrl({\n  credentials,\n});",
		[]string{
			"import @remotion/lambda 1:40-1:67",
			"call deploySite 2:1-2:15",
			"call presignUrl 3:1-5:3 creds",
		}},
	{"require namespace",
		"const lambda = require('@remotion/lambda-client');\nlambda.renderStillOnLambda({ region: r });",
		[]string{
			"import @remotion/lambda-client 1:16-1:50",
			"call renderStillOnLambda 2:1-2:42",
		}},
	{"require member binding",
		"const est = require('@remotion/lambda').estimatePrice;\nest({ region: 'us-east-1' });",
		[]string{
			"import @remotion/lambda 1:13-1:40",
			"call estimatePrice 2:1-2:29 region=us-east-1@2:16-2:25",
		}},
	{"require direct call",
		`require("@remotion/lambda").getRegions();`,
		[]string{
			"import @remotion/lambda 1:1-1:28",
			"call getRegions 1:1-1:41",
		}},
	{"dynamic import destructuring",
		"const { getRenderProgress } = await import('@remotion/lambda/client');\ngetRenderProgress({ region: \"ap-south-1\", renderId });",
		[]string{
			"import @remotion/lambda/client 1:37-1:70",
			"call getRenderProgress 2:1-2:54 region=ap-south-1@2:30-2:40",
		}},
	{"any named export",
		"import { someFutureApi } from '@remotion/lambda';\nsomeFutureApi();",
		[]string{
			"import @remotion/lambda 1:1-1:49",
			"call someFutureApi 2:1-2:16",
		}},
	{"region not a literal",
		"import { deploySite } from '@remotion/lambda';\ndeploySite({ region: 'us-' + x, other: { region: 'eu-west-1' } });",
		[]string{
			"import @remotion/lambda 1:1-1:46",
			"call deploySite 2:1-2:66",
		}},
	{"template region with substitution",
		"import { deploySite } from '@remotion/lambda';\ndeploySite({ region: `${r}` });",
		[]string{
			"import @remotion/lambda 1:1-1:46",
			"call deploySite 2:1-2:31",
		}},
	{"call before require (catch-up)",
		"function f() { lambda.getSites(); }\nconst lambda = require('@remotion/lambda');",
		[]string{"import @remotion/lambda 2:16-2:43", "call getSites 1:16-1:33"}},
	{"binding repeated or changed",
		"import { getSites as g } from '@remotion/lambda';\ng();\nimport { getRegions as g } from '@remotion/lambda';\ng();",
		[]string{
			"import @remotion/lambda 1:1-1:49",
			"import @remotion/lambda 3:1-3:51",
			"call getSites 2:1-2:4",
			"call getRegions 4:1-4:4",
		}},
	{"not imported", `renderMediaOnLambda({ region: "us-east-1" });`, nil},
	{"member with the same name",
		"import { deploySite } from '@remotion/lambda';\nobj.deploySite();\nfunction deploySite() {}",
		[]string{"import @remotion/lambda 1:1-1:46"}},
	{"call before import (hoisting)",
		"getSites();\nimport { getSites } from '@remotion/lambda';",
		[]string{"import @remotion/lambda 2:1-2:44", "call getSites 1:1-1:11"}},
}

var loadCases = []scanCase{
	{"require config with path", `require("dotenv").config({ path: ".env.local" });`, []string{
		"import dotenv 1:1-1:18",
		"load dotenv path=.env.local 1:1-1:49",
	}},
	{"default import", "import dotenv from \"dotenv\";\ndotenv.config();", []string{
		"import dotenv 1:1-1:28",
		"load dotenv 2:1-2:16",
	}},
	{"named config", "import { config } from \"dotenv\";\nconfig({ path: \".env.local\" });", []string{
		"import dotenv 1:1-1:32",
		"load dotenv path=.env.local 2:1-2:31",
	}},
	{"dotenvx alias with path array", "import { config as load } from '@dotenvx/dotenvx';\nload({ path: ['.env.local', '.env'] });", []string{
		"import @dotenvx/dotenvx 1:1-1:50",
		"load dotenv path=.env.local 2:1-2:39",
		"load dotenv path=.env 2:1-2:39",
	}},
	{"require dotenv/config", `require("dotenv/config");`, []string{
		"import dotenv/config 1:1-1:25",
		"load dotenv 1:1-1:25",
	}},
	{"require binding", "const dotenv = require('dotenv');\ndotenv.config({ path: `.env.${mode}` });", []string{
		"import dotenv 1:16-1:33",
		"load dotenv 2:1-2:40",
	}},
	{"dynamic import of config", `await import("dotenv/config");`, []string{
		"import dotenv/config 1:7-1:30",
		"load dotenv-config-import 1:7-1:30",
	}},
	{"parse is not a load", "import dotenv from 'dotenv';\ndotenv.parse(buf);", []string{"import dotenv 1:1-1:28"}},
}

var literalCases = []scanCase{
	{"key id", `const id = "` + keyID + `";`, []string{"literal aws-access-key-id AKIA…DEFG ctx=id 1:12-1:34"}},
	{"placeholder key id", `const k = "AKIAIOSFODNN7EXAMPLE";`, nil},
	{"temporary key id in object", `const t = { key: '` + tempKeyID + `' };`, []string{"literal aws-temporary-key-id ASIA…DEFG ctx=key 1:18-1:40"}},
	{"key id without context", `f("` + keyID + `");`, []string{"literal aws-access-key-id AKIA…DEFG 1:3-1:25"}},
	{"key id in template", "f(`" + keyID + "`);", []string{"literal aws-access-key-id AKIA…DEFG 1:3-1:25"}},
	{"key id with escape", `f("AKIA\u0049OSFODNN7ABCDEFG");`, []string{"literal aws-access-key-id AKIA…DEFG 1:3-1:30"}},
	{"secret to secret-named variable", `const secretAccessKey = "` + secretKey + `";`, []string{"literal secret ctx=secretAccessKey 1:25-1:67"}},
	{"secret to other name", `const token = "` + secretKey + `";`, nil},
	{"secret under quoted key", `const c = { "SECRET_KEY": "` + secretKey + `" };`, []string{"literal secret ctx=SECRET_KEY 1:27-1:69"}},
	{"secret with TS annotation", `const mySecret: string = "` + secretKey + `";`, []string{"literal secret ctx=mySecret 1:26-1:68"}},
	{"secret as fallback", `const s = process.env.AWS_SECRET_ACCESS_KEY ?? "` + secretKey + `";`, []string{
		"read AWS_SECRET_ACCESS_KEY 1:11-1:44 guard",
		"literal secret ctx=AWS_SECRET_ACCESS_KEY 1:48-1:90",
	}},
	{"secret in JSX attribute", `const a = <Comp secretKey="` + secretKey + `" />;`, []string{"literal secret ctx=secretKey 1:27-1:69"}},
	{"placeholder secret", `const secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";`, nil},
	{"key id in a comment", `// ` + keyID, nil},
}

var lexCases = []scanCase{
	{"line comment", "// process.env.X\nz = 1;", nil},
	{"block comment", "/* process.env.X\n process.env.Y */ z = process.env.Z;", []string{"read Z 2:23-2:36"}},
	{"double-quoted string", `a = "process.env.X";`, nil},
	{"single-quoted string with escape", `a = 'it\'s process.env.X';`, nil},
	{"string line continuation", "a = 'x\\\nprocess.env.X'; b = process.env.B;", []string{"read B 2:21-2:34"}},
	{"template text", "a = `process.env.X ${1}`;", nil},
	{"template substitution", "a = `v=${process.env.X}`;", []string{"read X 1:10-1:23"}},
	{"nested templates", "a = `a ${ `b ${ process.env.X } c` } d ${ \"}\" } e ${ {k: 1}.k } process.env.NO`; b = process.env.Y;", []string{
		"read X 1:17-1:30", "read Y 1:86-1:99",
	}},
	{"deep nesting", "a = `${`${`${`${process.env.X}`}`}`}`;", []string{"read X 1:17-1:30"}},
	{"template with braces and strings", "a = `${ f({ s: '}`', t: \"${\" }) }${process.env.X}`", []string{"read X 1:36-1:49"}},
	{"regex", `a = /process.env.X/;`, nil},
	{"regex with slash in class", `a = /[/]process.env.X/; b = process.env.B;`, []string{"read B 1:29-1:42"}},
	{"regex with escaped slash", `a = /\/process.env.X/g; b = process.env.B;`, []string{"read B 1:29-1:42"}},
	{"division", `a = b / process.env.X / 2;`, []string{"read X 1:9-1:22"}},
	{"division after paren", `a = (b) / process.env.X / 2;`, []string{"read X 1:11-1:24"}},
	{"division after bracket", `a = b[0] / process.env.X / 2;`, []string{"read X 1:12-1:25"}},
	{"division after number", `a = 1 / process.env.X / 2;`, []string{"read X 1:9-1:22"}},
	{"division after this", `a = this / process.env.X / 2;`, []string{"read X 1:12-1:25"}},
	{"division after object literal", `a = {} / process.env.X / 2;`, []string{"read X 1:10-1:23"}},
	{"division after property named like a keyword", `a = b.return / process.env.X / 2;`, []string{"read X 1:16-1:29"}},
	{"regex after control paren", `if (x) /process.env.X/.test(s);`, nil},
	{"regex after block", "function f() {}\n/process.env.X/.test(s);", nil},
	{"regex after return", `return /process.env.X/;`, nil},
	{"regex after typeof", `a = typeof /process.env.X/;`, nil},
	{"regex after comma and operators", `f(a, /process.env.X/, !/process.env.Y/, b && /process.env.Z/);`, nil},
	{"TS non-null assertion is not a regex start", `a = b! / process.env.X / 2;`, []string{"read X 1:10-1:23"}},
	{"unclosed regex is division", "a = b\n/ process.env.X;", []string{"read X 2:3-2:16"}},
	{"JSX text with apostrophes", "const a = <p>Don't {process.env.X} it's</p>;\nconst b = process.env.Y;", []string{
		"read X 1:21-1:34", "read Y 2:11-2:24",
	}},
	{"JSX text is not code", "const a = <div className=\"x\">process.env.X\n  <b>it's</b> {`${process.env.Y}`}</div>;", []string{"read Y 2:19-2:32"}},
	{"JSX attribute expression", `const a = <C v={process.env.X} w='it"s' {...p} />;`, []string{"read X 1:17-1:30"}},
	{"JSX fragment and nesting", "x = <><A>{a ? <b>'</b> : null}</A></>;\ny = process.env.Y;", []string{"read Y 2:5-2:18"}},
	{"comparison is not JSX", "if (a <b) { c = process.env.X; }", []string{"read X 1:17-1:30"}},
	{"unclosed JSX is rewound", "const a = <div>\nconst b = process.env.X;", []string{"read X 2:11-2:24"}},
	{"TS generic arrow in TSX", "const f = <T,>(x: T) => x;\nconst b = process.env.X;", []string{"read X 2:11-2:24"}},
	{"TS generic extends in TSX", "const f = <T extends object>(x: T) => x;\nconst b = process.env.X;", []string{"read X 2:11-2:24"}},
	{"TS type assertion rewound", "const w = <any>window;\nconst b = process.env.X;", []string{"read X 2:11-2:24"}},
	{"hashbang", "#!/usr/bin/env node\nprocess.env.X;", []string{"read X 2:1-2:14"}},
	{"BOM", "\ufeffprocess.env.X;", []string{"read X 1:4-1:17"}},
	{"unterminated string ends at line end", "a = \"abc\nprocess.env.X;", []string{"read X 2:1-2:14"}},
	{"unterminated template", "a = `abc process.env.X", nil},
	{"unterminated block comment", "/* process.env.X", nil},
	{"private name", "class A { #env = 1; f() { return this.#env / process.env.X; } }", []string{"read X 1:46-1:59"}},
}

func TestReads(t *testing.T)    { runCases(t, readCases) }
func TestGuards(t *testing.T)   { runCases(t, guardCases) }
func TestWrites(t *testing.T)   { runCases(t, writeCases) }
func TestImports(t *testing.T)  { runCases(t, importCases) }
func TestCalls(t *testing.T)    { runCases(t, callCases) }
func TestLoads(t *testing.T)    { runCases(t, loadCases) }
func TestLiterals(t *testing.T) { runCases(t, literalCases) }
func TestLexing(t *testing.T)   { runCases(t, lexCases) }

func allCases() []scanCase {
	var all []scanCase
	for _, cs := range [][]scanCase{readCases, guardCases, writeCases, importCases, callCases, loadCases, literalCases, lexCases, regionCases, aliasCases} {
		all = append(all, cs...)
	}
	return all
}
