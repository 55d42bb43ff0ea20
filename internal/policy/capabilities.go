package policy

import (
	"slices"

	"github.com/open-policy-agent/opa/v1/ast"
)

// refused lists the built-in functions that remolint policies may not call:
// everything that reaches the network, reads the clock, draws randomness or
// inspects the running process. Every built-in OPA marks non-deterministic is
// refused too, so a future OPA release cannot widen the sandbox silently.
var refused = []string{
	"http.send",
	"net.lookup_ip_addr",
	"opa.runtime",
	"time.now_ns",
	"rand.intn",
	"uuid.rfc4122",
	"io.jwt.decode_verify",
	"io.jwt.encode_sign",
	"io.jwt.encode_sign_raw",
	"json.match_schema",
	"json.verify_schema",
}

// Capabilities returns the capabilities every remolint policy is compiled
// against: OPA's current built-ins less the refused ones, and no network
// hosts. print stays available: the engine compiles it away (a lint run prints
// nothing), and RunTests shows its output next to a failing test.
func Capabilities() *ast.Capabilities {
	caps := ast.CapabilitiesForThisVersion()
	caps.Builtins = slices.DeleteFunc(slices.Clone(caps.Builtins), isRefused)
	caps.AllowNet = []string{}
	return caps
}

func isRefused(b *ast.Builtin) bool {
	return b.Nondeterministic || slices.Contains(refused, b.Name)
}

// refusedBuiltin reports whether name is an OPA built-in that Capabilities
// removed, for a clearer load error than "undefined function".
func refusedBuiltin(name string) bool {
	if slices.Contains(refused, name) {
		return true
	}
	b, ok := ast.BuiltinMap[name]
	return ok && isRefused(b)
}
