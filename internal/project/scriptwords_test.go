package project

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestScriptWordsPrefilter: a script that any script pattern matches holds
// one of scriptWords, so skipping the patterns for the others loses nothing.
func TestScriptWordsPrefilter(t *testing.T) {
	patterns := []*regexp.Regexp{reRemotionLambda, reNodeEnvFile, reDotenvPreload, reDotenvCLI, reNext, reBun, reVercel, reNetlify}
	tokens := []string{"node", "tsx", "ts-node", " ", "  ", "\t", ";", "&&", "|", "/", "--env-file", "--env-file-if-exists", "=",
		".env", "-r", "--require", "--import", "dotenv/config", "dotenv", "dotenv-cli", "-e", "--", "remotion", "lambda",
		"next", "dev", "build", "start", "bun", "vercel", "netlify", "npx", "Remotion", "NEXT", "x"}
	r := rand.New(rand.NewPCG(4, 2))
	matched := 0
	for i := 0; i < 50000; i++ {
		var b strings.Builder
		for n := r.IntN(8); n >= 0; n-- {
			b.WriteString(tokens[r.IntN(len(tokens))])
		}
		text := b.String()
		hit := slices.ContainsFunc(patterns, func(re *regexp.Regexp) bool { return re.MatchString(text) })
		if !hit {
			continue
		}
		matched++
		if !slices.ContainsFunc(scriptWords, func(w string) bool { return strings.Contains(text, w) }) {
			t.Fatalf("script %q matches a pattern but holds none of %q", text, scriptWords)
		}
	}
	if matched < 1000 {
		t.Fatalf("only %d random scripts matched a pattern", matched)
	}
}
