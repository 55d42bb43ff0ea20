package project

import (
	"fmt"
	"strings"
	"testing"

	"github.com/remolint/remolint/internal/facts"
)

func render(f *Facts) string {
	var b strings.Builder
	for _, s := range f.Signals {
		fmt.Fprintf(&b, "%d:%d %s=%s (%s)\n", s.Location.Line, s.Location.Column, s.Kind, s.Value, s.Reason)
	}
	for _, l := range f.Loads {
		fmt.Fprintf(&b, "%d:%d load %s %s\n", l.Location.Line, l.Location.Column, l.Kind, l.Path)
	}
	for _, l := range f.Literals {
		fmt.Fprintf(&b, "%d:%d literal %s %s %s\n", l.Location.Line, l.Location.Column, l.Shape, l.Display, l.Context)
	}
	if f.Err != "" {
		fmt.Fprintf(&b, "err %s\n", f.Err)
	}
	return b.String()
}

func TestPackageJSON(t *testing.T) {
	src := `{
  "scripts": {
    "render": "remotion lambda render my-comp",
    "start": "node --env-file=.env.local render.mjs",
    "dev": "next dev",
    "deploy": "vercel deploy --prod"
  },
  "dependencies": {
    "@remotion/lambda": "4.0.0",
    "@remotion/cli": "4.0.0",
    "next": "15.0.0"
  }
}`
	got := render(PackageJSON("package.json", []byte(src)))
	want := `3:15 consumer=cli (script "render" runs remotion lambda)
4:14 loader=node-env-file (script "start" runs node --env-file)
5:12 loader=nextjs (script "dev" runs next)
6:15 platform=vercel (script "deploy" runs vercel)
9:5 consumer=node (depends on @remotion/lambda)
9:5 remotion=true (depends on @remotion/lambda)
10:5 consumer=cli (depends on @remotion/cli and @remotion/lambda)
11:5 loader=nextjs (Next.js loads .env, .env.local, .env.<mode> and .env.<mode>.local)
4:14 load node-env-file .env.local
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestPackageJSONQuiet(t *testing.T) {
	got := render(PackageJSON("package.json", []byte(`{"dependencies": {"remotion": "4.0.0"}, "scripts": {"x": "echo remotion-lambda"}}`)))
	if got != "" {
		t.Errorf("got %q, want nothing", got)
	}
}

func TestPackageJSONMalformed(t *testing.T) {
	got := render(PackageJSON("package.json", []byte("{\"dependencies\": {\"@remotion/lambda\": 4.0.0.0}")))
	if !strings.Contains(got, "remotion=true") || !strings.Contains(got, "err invalid JSON at line 1") {
		t.Errorf("got %q", got)
	}
}

func TestGoMod(t *testing.T) {
	src := "module example.com/svc\n\ngo 1.22\n\nrequire (\n\tgithub.com/aws/aws-sdk-go-v2 v1.30.0\n\tgithub.com/remotion-dev/lambda_go_sdk v0.0.0-20240101000000-abcdefabcdef\n)\n"
	got := render(GoMod("go.mod", []byte(src)))
	want := "7:2 remotion=true (requires github.com/remotion-dev/lambda_go_sdk)\n7:2 consumer=go (requires github.com/remotion-dev/lambda_go_sdk)\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got := render(GoMod("go.mod", []byte("module x\nrequire (\n"))); got != "err invalid go.mod\n" {
		t.Errorf("malformed: %q", got)
	}
}

func TestMarkers(t *testing.T) {
	id := "AKIA" + "QWERTYUIOP123456"
	vercel := "{\n  \"env\": {\"AWS_ACCESS_KEY_ID\": \"" + id + "\", \"X\": \"AKIAIOSFODNN7EXAMPLE\"}\n}"
	got := render(Marker("vercel.json", "vercel.json", []byte(vercel)))
	want := "1:1 platform=vercel (vercel.json)\n2:33 literal aws-access-key-id AKIA…3456 AWS_ACCESS_KEY_ID\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if strings.Contains(got, id) {
		t.Error("key id printed in full")
	}
	sam := "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n"
	if got := render(Marker("sam-template", "template.yaml", []byte(sam))); got != "3:11 platform=aws-lambda (SAM template defines a Lambda function)\n" {
		t.Errorf("sam: %q", got)
	}
	if got := render(Marker("sam-template", "template.yaml", []byte("Resources: {}\n"))); got != "" {
		t.Errorf("non-SAM template: %q", got)
	}
	if got := render(PythonDeps("requirements.txt", []byte("boto3\nremotion-lambda==4.0\n"))); !strings.HasPrefix(got, "2:1 remotion=true") || !strings.Contains(got, "consumer="+facts.ConsumerPython) {
		t.Errorf("python: %q", got)
	}
}

func TestPreloadedDotenv(t *testing.T) {
	for _, script := range []string{"node -r dotenv/config worker.mjs", "node --require dotenv/config x.js", "tsx --import=dotenv/config src/a.ts"} {
		got := render(PackageJSON("package.json", []byte(`{"scripts": {"w": "`+script+`"}}`)))
		if !strings.Contains(got, "loader=dotenv") || !strings.Contains(got, "load dotenv-config-import") {
			t.Errorf("%q: %q", script, got)
		}
	}
	if got := render(PackageJSON("package.json", []byte(`{"scripts": {"w": "node -r ts-node/register x.js"}}`))); got != "" {
		t.Errorf("unrelated preload: %q", got)
	}
}
