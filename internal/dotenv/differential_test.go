package dotenv

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
)

// randomEnv builds an env-file-like input from tokens that exercise both
// dialects' corner cases.
func randomEnv(r *rand.Rand) []byte {
	tokens := []string{
		"A", "B", "AB", "a.b", "x-y", "_", "1", "export", "export ", "__proto__",
		"=", "=", " = ", ":", ": ", " ", "  ", "\t", "\v", "\n", "\n", "\n", "\r\n", "\r",
		"'", "'", "\"", "\"", "`", "\\", "\\'", "\\\"", "\\n", "\\r", "#", " #", "# c",
		"$", "${A}", "$B", "\\$A", "val", "v v", "\u00a0", "\u2028", "\u2029", "\ufeff",
		"\u3000", "\u0085", "\xff", "\xe2\x82", "\xc3\xa9", "\x00",
	}
	return joinTokens(r, tokens, 24)
}

// joinTokens joins 1 to most tokens drawn at random.
func joinTokens(r *rand.Rand, tokens []string, most int) []byte {
	var b bytes.Buffer
	n := 1 + r.IntN(most)
	for i := 0; i < n; i++ {
		b.WriteString(tokens[r.IntN(len(tokens))])
	}
	return b.Bytes()
}

// TestNodeDifferential compares the Node dialect with the real dotenv
// package. It needs node and an installed dotenv 17: set DOTENV_NODE_DIR to
// a folder holding node_modules/dotenv (npm install dotenv@17). It is
// skipped otherwise.
func TestNodeDifferential(t *testing.T) {
	dir := os.Getenv("DOTENV_NODE_DIR")
	if dir == "" {
		t.Skip("DOTENV_NODE_DIR not set")
	}
	seed := uint64(1)
	if s, err := strconv.ParseUint(os.Getenv("DOTENV_DIFF_SEED"), 10, 64); err == nil {
		seed = s
	}
	r := rand.New(rand.NewPCG(seed, 2))
	var inputs [][]byte
	for _, c := range loadVectors(t) {
		inputs = append(inputs, []byte(c.Input))
	}
	for _, s := range parseSeeds() {
		inputs = append(inputs, []byte(s))
	}
	n := 20000
	if testing.Short() {
		n = 2000
	}
	for i := 0; i < n; i++ {
		in := randomEnv(r)
		for k := r.IntN(3); k > 0 && len(in) > 0; k-- { // random bytes too
			in[r.IntN(len(in))] = byte(r.IntN(256))
		}
		inputs = append(inputs, in)
	}
	enc := make([]string, len(inputs))
	for i, in := range inputs {
		enc[i] = base64.StdEncoding.EncodeToString(in)
	}
	payload, _ := json.Marshal(enc)
	script := `const d=require(process.argv[1]);
const inputs=JSON.parse(require('fs').readFileSync(0,'utf8'));
process.stdout.write(JSON.stringify(inputs.map(b=>{const o=d.parse(Buffer.from(b,'base64'));
return Object.keys(o).map(k=>[k,Buffer.from(o[k],'utf8').toString('base64')])})));`
	cmd := exec.Command("node", "-e", script, filepath.Join(dir, "node_modules", "dotenv"))
	cmd.Stdin = bytes.NewReader(payload)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("run node: %v", err)
	}
	var results [][][2]string
	if err := json.Unmarshal(out, &results); err != nil {
		t.Fatalf("decode node output: %v", err)
	}
	fails := 0
	for i, in := range inputs {
		want := map[string]string{}
		for _, kv := range results[i] {
			v, _ := base64.StdEncoding.DecodeString(kv[1])
			want[kv[0]] = string(v)
		}
		got := Parse(in).Node()
		if !maps.Equal(got, want) {
			t.Errorf("input %q: got %q, node %q", in, got, want)
			if fails++; fails > 20 {
				t.FailNow()
			}
		}
	}
}
