package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	testKeyID  = "AKIAQ3EGRUZ7MDYQ4XKA"
	testSecret = "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"
	testToken  = "FwoGZXIvYXdzEJr//////////wEaDHmN3Qx7Lk9PqRsTuV"
)

// leaks reports which of the test secrets, or the hidden middle of the key
// id, appear in s.
func leaks(s string) []string {
	var out []string
	for _, v := range []string{testKeyID, testKeyID[4:16], testSecret, testSecret[5:30], testToken[10:40]} {
		if strings.Contains(s, v) {
			out = append(out, v[:4]+"…")
		}
	}
	return out
}

// TestNoSecretOnAnyPath runs the resolve command and every error path with
// known secret values in the input and checks that none is printed.
func TestNoSecretOnAnyPath(t *testing.T) {
	dir := t.TempDir()
	put := func(name, text string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	put("app/.env", "REMOTION_AWS_ACCESS_KEY_ID="+testKeyID+"\nREMOTION_AWS_SECRET_ACCESS_KEY=\""+testSecret+"\nAWS_SESSION_TOKEN="+testToken+"#x\n")
	put("app/package.json", `{"dependencies": {"@remotion/lambda": "4"}, "secret": `+testSecret+`}`)
	put("app/vercel.json", `{"env": {"AWS_SECRET_ACCESS_KEY": "`+testSecret+`", "AWS_ACCESS_KEY_ID": "`+testKeyID+`"`)
	put("app/.aws/credentials", "[default]\naws_access_key_id = "+testKeyID+"\naws_secret_access_key "+testSecret+"\n")
	put("app/src/render.ts", "const k = '"+testKeyID+"'; const secretKey = `"+testSecret+"`; process.env.AWS_SECRET_ACCESS_KEY = \""+testSecret)
	put("app/main.go", "package main\nconst awsSecret = \""+testSecret+"\"\nfunc main() { os.Setenv(\"AWS_ACCESS_KEY_ID\", \""+testKeyID+"\" \n")
	put("bad-config/.remolint.yaml", "fail-on: "+testSecret+"\nrules:\n  "+testKeyID+": off\n")
	put("bad-policy/p.rego", "package remolint.custom.team.p\n\nx := \""+testSecret+"\" +\n")
	put("bad-baseline.json", `{"version": 1, "findings": [{"rule": "`+testSecret+`"}]}`)

	environ := []string{"HOME=/nonexistent", "REMOTION_AWS_ACCESS_KEY_ID=" + testKeyID, "REMOTION_AWS_SECRET_ACCESS_KEY=" + testSecret,
		"AWS_SESSION_TOKEN=" + testToken, "AWS_ACCESS_KEY_ID=" + testKeyID}
	cases := [][]string{
		{"--no-git", "app"},
		{"--no-git", "--env", "--format", "json", "app"},
		{"--no-git", "--format", "sarif", "app"},
		{"--no-git", "--format", "github", "app"},
		{"--no-git", "--format", "junit", "app"},
		{"resolve"},
		{"resolve", "--format", "json"},
		{"resolve", "--env-file", "app/.env", "--consumer", "go"},
		{"--no-git", "--config", "bad-config/.remolint.yaml", "app"},
		{"--no-git", "--policy", "bad-policy", "app"},
		{"--no-git", "--baseline", "bad-baseline.json", "app"},
		{"--no-git", "--format", testSecret, "app"},
		{"--no-git", "app/" + testKeyID},
		{"explain", testSecret},
	}
	for _, args := range cases {
		stdout, stderr, code := runCLI(t, dir, environ, args...)
		if l := leaks(stdout + stderr); len(l) > 0 {
			t.Errorf("remolint %s (exit %d) printed %v", strings.Join(args, " ")[:min(40, len(strings.Join(args, " ")))], code, l)
		}
		if stdout == "" && stderr == "" {
			t.Errorf("remolint %v printed nothing: this case proves nothing", args[:1])
		}
	}
}
