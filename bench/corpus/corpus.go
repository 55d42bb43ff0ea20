// Package corpus writes a deterministic synthetic monorepo for remolint's
// benchmarks: packages with package.json, layered env files, TypeScript that
// reads and assigns process.env, Go services, vercel.json and .aws folders,
// a node_modules folder full of files that must be skipped, and one
// pathological env file with thousands of keys in numbered families.
//
// Package i's content depends only on i, so the tree of 2N packages holds the
// tree of N packages: doubling the tree doubles exactly the work. Every value
// shaped like a credential is synthetic (drawn from a seeded generator).
package corpus

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Options say what to write.
type Options struct {
	// Packages is the number of packages under packages/.
	Packages int
	// EnvOnly writes only env files and package.json files (the same bytes
	// the full tree holds for them): the input of the env-only comparison.
	EnvOnly bool
	// PathologicalKeys is the number of keys in the pathological env file,
	// packages/accounts/.env (0: DefaultPathologicalKeys).
	PathologicalKeys int
}

// DefaultPathologicalKeys is the size of the pathological env file.
const DefaultPathologicalKeys = 4000

// Stats count what was written.
type Stats struct {
	// Read counts files remolint reads (env, package.json, go.mod, JS/TS,
	// Go, vercel.json, AWS shared files).
	Read int
	// Skipped counts files remolint must not read (node_modules, .d.ts,
	// READMEs, tsconfig.json, ...).
	Skipped int
	// Env counts env files, Bytes every byte written.
	Env   int
	Bytes int64
}

// Generate writes the tree under dir, which must be empty or absent.
func Generate(dir string, opts Options) (Stats, error) {
	if opts.PathologicalKeys <= 0 {
		opts.PathologicalKeys = DefaultPathologicalKeys
	}
	w := &writer{root: dir, envOnly: opts.EnvOnly}
	w.write("package.json", readKind, rootPackageJSON)
	w.write(".gitignore", skipKind, "node_modules/\n.env.local\n.env.*.local\ndist/\n")
	w.write("README.md", skipKind, "# monorepo\n\nSynthetic benchmark tree written by remolint's bench/gen.\n")
	w.write("packages/accounts/package.json", readKind, `{"name": "accounts", "private": true, "dependencies": {"@remotion/lambda": "4.0.527"}}`+"\n")
	w.write("packages/accounts/.env", envKind, string(Pathological(opts.PathologicalKeys)))
	for i := 0; i < opts.Packages; i++ {
		pkg(w, i)
	}
	return w.stats, w.err
}

// Pathological returns an env file of n keys: numbered credential families
// (with a gap, a missing number and a zero-padded number), numbered
// non-credential families, duplicates and plain keys.
func Pathological(n int) []byte {
	r := rand.New(rand.NewPCG(7, 7))
	var b bytes.Buffer
	b.WriteString("# Accounts for load balancing (synthetic).\n")
	keys := 0
	line := func(format string, args ...any) {
		if keys >= n {
			return
		}
		fmt.Fprintf(&b, format, args...)
		b.WriteByte('\n')
		keys++
	}
	for i := 1; keys < n; i++ {
		switch {
		case i == 3:
			line("AWS_SECRET_=%s", secretKey(r)) // missing number
			line("AWS_KEY_%d=%s", i, accessKeyID(r))
		case i == 7:
			line("AWS_KEY_0%d=%s", i, accessKeyID(r)) // padded
			line("AWS_SECRET_0%d=%s", i, secretKey(r))
		case i%250 == 0:
			// a gap: no AWS_*_i
		default:
			line("AWS_KEY_%d=%s", i, accessKeyID(r))
			line("AWS_SECRET_%d=%s", i, secretKey(r))
		}
		line("RENDER_QUEUE_%d=queue-%d", i, i)
		switch i % 4 {
		case 0:
			line("FEATURE_%d_ENABLED=true", i)
		case 1:
			line("REGION_%d=%s", i, regions[i%len(regions)])
		case 2:
			fmt.Fprintf(&b, "# account %d\n", i)
			line("DB_PASSWORD_%d=%s", i, token(r, 24))
		case 3:
			line("RENDER_QUEUE_%d=queue-%d-again", i, i) // duplicate
		}
	}
	return b.Bytes()
}

type kind int

const (
	readKind kind = iota // read by remolint, written in both modes
	envKind              // an env file (read)
	codeKind             // read by remolint, full tree only
	skipKind             // not read by remolint, full tree only
)

type writer struct {
	root    string
	envOnly bool
	stats   Stats
	err     error
}

func (w *writer) write(rel string, k kind, content string) {
	if w.err != nil {
		return
	}
	if w.envOnly && k != envKind && !(k == readKind && filepath.Base(rel) == "package.json") {
		return
	}
	p := filepath.Join(w.root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		w.err = fmt.Errorf("writing corpus: %w", err)
		return
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		w.err = fmt.Errorf("writing corpus: %w", err)
		return
	}
	w.stats.Bytes += int64(len(content))
	switch k {
	case skipKind:
		w.stats.Skipped++
	case envKind:
		w.stats.Env++
		w.stats.Read++
	default:
		w.stats.Read++
	}
}

const rootPackageJSON = `{
  "name": "monorepo",
  "private": true,
  "workspaces": ["packages/*"],
  "devDependencies": {"typescript": "5.9.3", "turbo": "2.5.8"}
}
`

var regions = []string{"us-east-1", "eu-central-1", "eu-west-1", "us-west-2", "ap-southeast-1", "eu-south-1", "me-south-1"}

var deps = []string{"react", "react-dom", "zod", "lodash", "date-fns", "clsx", "axios", "uuid", "chalk", "commander"}

const upperDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
const base64ish = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

func token(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = base64ish[r.IntN(62)]
	}
	return string(b)
}

func accessKeyID(r *rand.Rand) string {
	b := []byte("AKIA")
	for range 16 {
		b = append(b, upperDigits[r.IntN(len(upperDigits))])
	}
	return string(b)
}

func secretKey(r *rand.Rand) string {
	b := make([]byte, 40)
	for i := range b {
		b[i] = base64ish[r.IntN(len(base64ish))]
	}
	return string(b)
}

// pkg writes package i: about 13 files to read and 40 to skip.
func pkg(w *writer, i int) {
	r := rand.New(rand.NewPCG(1, uint64(i)))
	dir := fmt.Sprintf("packages/pkg-%04d/", i)
	remotion := i%3 == 0
	useDotenv := i%2 == 0
	region := regions[i%len(regions)]

	// package.json
	var pj strings.Builder
	fmt.Fprintf(&pj, "{\n  \"name\": \"@mono/pkg-%04d\",\n  \"version\": \"1.%d.0\",\n  \"private\": true,\n", i, i%17)
	fmt.Fprintf(&pj, "  \"scripts\": {\"build\": \"tsc -p .\", \"test\": \"vitest run\"")
	if remotion {
		pj.WriteString(", \"render\": \"remotion lambda render\"")
	}
	pj.WriteString("},\n  \"dependencies\": {")
	for j := 0; j < 3; j++ {
		fmt.Fprintf(&pj, "\"%s\": \"^%d.%d.0\", ", deps[(i+j)%len(deps)], 1+r.IntN(9), r.IntN(20))
	}
	if remotion {
		pj.WriteString("\"@remotion/lambda\": \"4.0.527\", ")
	}
	if useDotenv {
		pj.WriteString("\"dotenv\": \"17.3.1\", ")
	}
	if i%5 == 0 {
		pj.WriteString("\"next\": \"15.5.4\", ")
	}
	pj.WriteString("\"typescript\": \"5.9.3\"}\n}\n")
	w.write(dir+"package.json", readKind, pj.String())

	// env files
	var env strings.Builder
	fmt.Fprintf(&env, "# pkg-%04d settings\nNODE_ENV=development\nPORT=%d\n", i, 3000+i%1000)
	fmt.Fprintf(&env, "DATABASE_URL=\"postgres://app@db-%d.internal:5432/app\"\n", i%13)
	fmt.Fprintf(&env, "LOG_LEVEL=info # verbose in dev\n")
	switch i % 6 {
	case 0:
		fmt.Fprintf(&env, "REMOTION_AWS_REGION=%s\nREMOTION_AWS_ACCESS_KEY_ID=%s\nREMOTION_AWS_SECRET_ACCESS_KEY=%s\n", region, accessKeyID(r), secretKey(r))
	case 1:
		fmt.Fprintf(&env, "AWS_REGION=%s\nAWS_ACCESS_KEY_ID=%s\nAWS_SECRET_ACCESS_KEY=%s\n", region, accessKeyID(r), secretKey(r))
	case 2:
		fmt.Fprintf(&env, "export AWS_PROFILE=render-%d\nREMOTION_AWS_REGION='%s'\n", i%4, region)
	case 3:
		fmt.Fprintf(&env, "REMOTION_AWS_ACCESS_KEY_ID=%s\nREMOTION_SKIP_AWS_CREDENTIALS_CHECK=false\n", accessKeyID(r))
	case 4:
		fmt.Fprintf(&env, "API_TOKEN=%s\nSENTRY_DSN=https://public@sentry.example.com/%d\n", token(r, 32), i)
	case 5:
		fmt.Fprintf(&env, "AWS_KEY_1=%s\nAWS_SECRET_1=%s\nAWS_KEY_2=%s\nAWS_SECRET_2=%s\n", accessKeyID(r), secretKey(r), accessKeyID(r), secretKey(r))
	}
	fmt.Fprintf(&env, "FEATURE_FLAGS=\"a,b,c\"\nCACHE_TTL=%d\n", 60*(1+i%10))
	w.write(dir+".env", envKind, env.String())

	var local strings.Builder
	fmt.Fprintf(&local, "# local overrides\nPORT=%d\nDEBUG=true\n", 4000+i%1000)
	if i%6 == 1 {
		fmt.Fprintf(&local, "AWS_SESSION_TOKEN=%s\n", token(r, 64))
	}
	if i%4 == 0 {
		fmt.Fprintf(&local, "REMOTION_AWS_REGION=%s\n", regions[(i+1)%len(regions)])
	}
	w.write(dir+".env.local", envKind, local.String())

	w.write(dir+".env.example", envKind, "# copy to .env.local\nREMOTION_AWS_REGION=us-east-1\nREMOTION_AWS_ACCESS_KEY_ID=<your-key>\nREMOTION_AWS_SECRET_ACCESS_KEY=<your-secret>\nDATABASE_URL=\n")

	// TypeScript: a config reader, a renderer or writer, and plain modules.
	w.write(dir+"src/config.ts", codeKind, configTS(r, i))
	if remotion {
		w.write(dir+"src/render.ts", codeKind, renderTS(r, i, region))
	} else {
		w.write(dir+"src/setup.ts", codeKind, setupTS(r, i))
	}
	nPlain := 4 + i%2
	for j := 0; j < nPlain; j++ {
		w.write(fmt.Sprintf("%ssrc/lib/mod%d.ts", dir, j), codeKind, plainTS(r, i, j))
	}
	w.write(dir+"src/components/Panel.tsx", codeKind, panelTSX(r, i))
	w.write(dir+"src/types.d.ts", skipKind, "export interface Options { id: string; size?: number }\n")
	w.write(dir+"README.md", skipKind, fmt.Sprintf("# pkg-%04d\n\nRun `npm run build`.\n", i))
	w.write(dir+"tsconfig.json", skipKind, `{"extends": "../../tsconfig.base.json", "include": ["src"]}`+"\n")

	// Some Go services.
	if i%4 == 1 {
		w.write(dir+"service/go.mod", readKind, fmt.Sprintf("module example.com/mono/pkg%04d/service\n\ngo 1.24\n\nrequire github.com/remotion-dev/lambda_go_sdk v0.0.0-20250301000000-000000000000\n", i))
		w.write(dir+"service/main.go", codeKind, mainGo(r, i))
		w.write(dir+"service/handler.go", codeKind, handlerGo(r, i))
	}
	if i%5 == 2 {
		w.write(dir+"vercel.json", readKind, `{"framework": "nextjs", "regions": ["iad1"], "env": {"NODE_ENV": "production"}}`+"\n")
	}
	if i%7 == 3 {
		w.write(dir+".aws/credentials", readKind, fmt.Sprintf("[default]\naws_access_key_id = %s\naws_secret_access_key = %s\n\n[render-%d]\naws_access_key_id = %s\naws_secret_access_key = %s\n", accessKeyID(r), secretKey(r), i%4, accessKeyID(r), secretKey(r)))
		w.write(dir+".aws/config", readKind, fmt.Sprintf("[default]\nregion = %s\n\n[profile render-%d]\nregion = %s\noutput = json\n", region, i%4, regions[(i+2)%len(regions)]))
	}

	// node_modules: 37 files remolint must never open, env files included.
	for d := 0; d < 4; d++ {
		nm := fmt.Sprintf("%snode_modules/%s/", dir, deps[(i+d)%len(deps)])
		w.write(nm+"package.json", skipKind, fmt.Sprintf(`{"name": "%s", "version": "1.0.%d", "main": "index.js"}`+"\n", deps[(i+d)%len(deps)], d))
		w.write(nm+"index.js", skipKind, "module.exports = require('./lib/main.js');\nconst key = process.env.AWS_ACCESS_KEY_ID;\n")
		w.write(nm+".env", skipKind, fmt.Sprintf("AWS_ACCESS_KEY_ID=%s\n", accessKeyID(r)))
		n := 6
		if d == 3 {
			n = 7
		}
		for k := 0; k < n; k++ {
			w.write(fmt.Sprintf("%slib/part%d.js", nm, k), skipKind, plainJS(r, k))
		}
	}
}

var words = []string{"frame", "clip", "track", "layer", "scene", "asset", "render", "queue", "chunk", "codec", "audio", "video", "timeline", "effect", "title"}

func ident(r *rand.Rand) string {
	return words[r.IntN(len(words))] + strings.ToUpper(words[r.IntN(len(words))][:1]) + words[r.IntN(len(words))][1:]
}

// filler writes n functions of ordinary TypeScript with no env access.
func filler(b *strings.Builder, r *rand.Rand, n int) {
	for k := 0; k < n; k++ {
		name := ident(r)
		fmt.Fprintf(b, "\n/** %s computes a %s for the %s. */\n", name, words[r.IntN(len(words))], words[r.IntN(len(words))])
		fmt.Fprintf(b, "export function %s%d(items: number[], scale = %d): number {\n", name, k, 1+r.IntN(9))
		fmt.Fprintf(b, "  let total = 0;\n  for (const item of items) {\n    if (item > %d) {\n      total += item * scale;\n    } else {\n      total -= item / scale;\n    }\n  }\n", r.IntN(100))
		fmt.Fprintf(b, "  const label = `%s-${total.toFixed(2)}`;\n  return label.length > %d ? total : Math.round(total);\n}\n", words[r.IntN(len(words))], 5+r.IntN(20))
	}
}

func configTS(r *rand.Rand, i int) string {
	var b strings.Builder
	if i%2 == 0 {
		b.WriteString("import 'dotenv/config';\n")
	}
	b.WriteString("import { z } from 'zod';\n\n")
	b.WriteString("export const config = {\n")
	fmt.Fprintf(&b, "  port: Number(process.env.PORT ?? %d),\n", 3000+i%1000)
	b.WriteString("  databaseUrl: process.env.DATABASE_URL,\n  logLevel: process.env.LOG_LEVEL || 'info',\n")
	switch i % 6 {
	case 0, 3:
		b.WriteString("  region: process.env.REMOTION_AWS_REGION,\n")
	case 1:
		b.WriteString("  region: process.env['AWS_REGION'],\n")
	case 5:
		b.WriteString("  accounts: Number(process.env.ACCOUNT_COUNT ?? 1),\n")
	}
	b.WriteString("};\n")
	if i%6 == 5 {
		b.WriteString("\nexport function account(n: number) {\n  return { key: process.env['AWS_KEY_' + n], secret: process.env[`AWS_SECRET_${n}`] };\n}\n")
	}
	filler(&b, r, 6+r.IntN(6))
	return b.String()
}

func renderTS(r *rand.Rand, i int, region string) string {
	var b strings.Builder
	b.WriteString("import { renderMediaOnLambda, getRenderProgress } from '@remotion/lambda/client';\nimport { config } from './config';\n\n")
	if i%9 == 0 {
		fmt.Fprintf(&b, "process.env.REMOTION_AWS_REGION = '%s';\n\n", region)
	}
	b.WriteString("export async function render(composition: string) {\n")
	fmt.Fprintf(&b, "  const { renderId, bucketName } = await renderMediaOnLambda({\n    region: '%s',\n    functionName: 'remotion-render-%d',\n", region, i%5)
	b.WriteString("    serveUrl: process.env.SERVE_URL!,\n    composition,\n    codec: 'h264',\n  });\n")
	fmt.Fprintf(&b, "  return getRenderProgress({ renderId, bucketName, functionName: 'remotion-render-%d', region: '%s' });\n}\n", i%5, region)
	filler(&b, r, 6+r.IntN(6))
	return b.String()
}

func setupTS(r *rand.Rand, i int) string {
	var b strings.Builder
	b.WriteString("// Test and script setup.\n")
	fmt.Fprintf(&b, "process.env.NODE_ENV = process.env.NODE_ENV ?? 'test';\nprocess.env.PORT = '%d';\n", 5000+i%1000)
	if i%8 == 1 {
		b.WriteString("delete process.env.AWS_PROFILE;\n")
	}
	filler(&b, r, 6+r.IntN(6))
	return b.String()
}

func plainTS(r *rand.Rand, i, j int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "import { clsx } from 'clsx';\nimport type { Options } from '../types';\n\n// module %d of pkg-%04d\n", j, i)
	filler(&b, r, 8+r.IntN(10))
	return b.String()
}

func panelTSX(r *rand.Rand, i int) string {
	var b strings.Builder
	b.WriteString("import React from 'react';\n\n")
	fmt.Fprintf(&b, "export const Panel: React.FC<{ title: string }> = ({ title }) => (\n  <section className=\"panel-%d\">\n    <h2>{title}</h2>\n    <p>Rendered by pkg-%04d</p>\n  </section>\n);\n", i%7, i)
	filler(&b, r, 4+r.IntN(4))
	return b.String()
}

func mainGo(r *rand.Rand, i int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "// Command service %d renders videos.\npackage main\n\nimport (\n\t\"fmt\"\n\t\"log\"\n\t\"os\"\n)\n\n", i)
	b.WriteString("func main() {\n\tregion := os.Getenv(\"REMOTION_AWS_REGION\")\n\tif region == \"\" {\n\t\tlog.Fatal(\"REMOTION_AWS_REGION is not set\")\n\t}\n")
	b.WriteString("\tif v, ok := os.LookupEnv(\"AWS_PROFILE\"); ok {\n\t\tfmt.Println(\"profile\", v)\n\t}\n\tserve(region)\n}\n")
	goFiller(&b, r, 5+r.IntN(5))
	return b.String()
}

func handlerGo(r *rand.Rand, i int) string {
	var b strings.Builder
	b.WriteString("package main\n\nimport (\n\t\"fmt\"\n\t\"strings\"\n)\n\n")
	fmt.Fprintf(&b, "func serve(region string) {\n\tfmt.Println(strings.ToUpper(region), %d)\n}\n", i)
	goFiller(&b, r, 5+r.IntN(5))
	return b.String()
}

func goFiller(b *strings.Builder, r *rand.Rand, n int) {
	for k := 0; k < n; k++ {
		name := ident(r)
		fmt.Fprintf(b, "\n// %s%d sums the %s weights.\nfunc %s%d(xs []int) int {\n\ttotal := 0\n\tfor _, x := range xs {\n\t\tif x > %d {\n\t\t\ttotal += x\n\t\t}\n\t}\n\treturn total\n}\n", name, k, words[r.IntN(len(words))], name, k, r.IntN(50))
	}
}

func plainJS(r *rand.Rand, k int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "'use strict';\n// part %d\n", k)
	for n := 0; n < 3+r.IntN(6); n++ {
		fmt.Fprintf(&b, "exports.%s%d = function (a, b) { return a %s b; };\n", ident(r), n, []string{"+", "-", "*"}[r.IntN(3)])
	}
	return b.String()
}
