package project

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// TestScriptWordsPrefilter: a script that a script pattern matches holds
// that pattern's word (scriptWord), so skipping the pattern for the others
// loses nothing; and every pattern has a word.
func TestScriptWordsPrefilter(t *testing.T) {
	patterns := []*regexp.Regexp{reRemotionLambda, reNodeEnvFile, reDotenvPreload, reDotenvCLI, reNext, reBun, reVercel, reNetlify}
	for _, re := range patterns {
		if scriptWord[re] == "" {
			t.Fatalf("pattern %s has no word", re)
		}
	}
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
		for _, re := range patterns {
			if !re.MatchString(text) {
				continue
			}
			matched++
			if !strings.Contains(text, scriptWord[re]) {
				t.Fatalf("script %q matches %s but does not hold %q", text, re, scriptWord[re])
			}
		}
	}
	if matched < 1000 {
		t.Fatalf("only %d random scripts matched a pattern", matched)
	}
}
