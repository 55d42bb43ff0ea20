// Package names knows the environment variable names Remotion and the AWS
// SDKs read: which names are known, which known name a misspelled one means,
// and how numbered account families (AWS_KEY_1, AWS_SECRET_2, AWS_SECRET_) are
// built.
package names

import (
	"sort"
	"strconv"
	"strings"

	"github.com/remolint/remolint/internal/facts"
)

// known lists every variable of remotion-credentials.md and the SDK aliases.
var known = []string{
	"REMOTION_AWS_ACCESS_KEY_ID",
	"REMOTION_AWS_SECRET_ACCESS_KEY",
	"REMOTION_AWS_SESSION_TOKEN",
	"REMOTION_AWS_PROFILE",
	"REMOTION_AWS_REGION",
	"REMOTION_SKIP_AWS_CREDENTIALS_CHECK",
	"REMOTION_DISABLE_AWS_CLIENT_CACHE",
	"AWS_ACCESS_KEY_ID",
	"AWS_SECRET_ACCESS_KEY",
	"AWS_SESSION_TOKEN",
	"AWS_PROFILE",
	"AWS_REGION",
	"AWS_DEFAULT_REGION",
	"AWS_DEFAULT_PROFILE",
	"AWS_ACCESS_KEY",
	"AWS_SECRET_KEY",
	"AWS_SHARED_CREDENTIALS_FILE",
	"AWS_CONFIG_FILE",
	"AWS_ROLE_ARN",
	"AWS_ROLE_SESSION_NAME",
	"AWS_WEB_IDENTITY_TOKEN_FILE",
	"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
	"AWS_CONTAINER_CREDENTIALS_FULL_URI",
	"AWS_CONTAINER_AUTHORIZATION_TOKEN",
	"AWS_EC2_METADATA_DISABLED",
	"AWS_SDK_LOAD_CONFIG",
	"AWS_EXECUTION_ENV",
	"AWS_LAMBDA_FUNCTION_NAME",
	"AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
	"AWS_LAMBDA_FUNCTION_VERSION",
	"AWS_LAMBDA_LOG_GROUP_NAME",
	"AWS_LAMBDA_LOG_STREAM_NAME",
}

var knownSet = func() map[string]bool {
	m := make(map[string]bool, len(known))
	for _, k := range known {
		m[k] = true
	}
	return m
}()

// Known returns the known variable names, sorted.
func Known() []string {
	out := append([]string(nil), known...)
	sort.Strings(out)
	return out
}

// IsKnown reports whether name is a variable Remotion or the AWS SDKs read.
func IsKnown(name string) bool { return knownSet[name] }

// Suggest returns the known name that name most likely misspells: within two
// edits of a known name (each differing `_`-separated word changed by at most
// a third of its letters, so REMOTION_APP_REGION is a convention, not a typo),
// or a known name with its prefix doubled (REMOTION_REMOTION_AWS_PROFILE) or
// cut (MOTION_AWS_PROFILE). It returns "" for known names and for names that
// are not close to any.
func Suggest(name string) string {
	if name == "" || knownSet[name] {
		return ""
	}
	if f := ParseFamily(name); f != nil && !f.Missing {
		return "" // a numbered copy (REMOTION_AWS_ACCESS_KEY_ID_2): the account rules judge it
	}
	upper := strings.ToUpper(name)
	if upper != name && knownSet[upper] {
		return upper
	}
	for _, p := range []string{"REMOTION_", "AWS_"} {
		if rest, ok := strings.CutPrefix(upper, p+p); ok && knownSet[p+rest] {
			return p + rest
		}
	}
	if rest, ok := strings.CutPrefix(upper, "REMOTION_AWS_AWS_"); ok && knownSet["REMOTION_AWS_"+rest] {
		return "REMOTION_AWS_" + rest
	}
	best, bestDist := "", 3
	for _, k := range known {
		if abs(len(k)-len(upper)) > 2 && !strings.HasSuffix(k, upper) {
			continue
		}
		d := distance(upper, k, bestDist)
		if d < bestDist && plausibleTypo(upper, k) {
			best, bestDist = k, d
		}
	}
	if best != "" {
		return best
	}
	// A cut prefix: OTION_AWS_PROFILE, _AWS_PROFILE. Only for REMOTION_ names
	// whose cut form is not itself known (AWS_PROFILE is).
	if len(upper) >= 10 {
		for _, k := range known {
			if strings.HasPrefix(k, "REMOTION_") && strings.HasSuffix(k, upper) && len(k)-len(upper) <= 6 {
				return k
			}
		}
	}
	return ""
}

// plausibleTypo rejects matches that replace a whole word (APP for AWS): when
// both names have the same words, each differing word may change by at most a
// third of its letters (at least one).
func plausibleTypo(name, k string) bool {
	a, b := strings.Split(name, "_"), strings.Split(k, "_")
	if len(a) != len(b) {
		return true
	}
	for i := range a {
		if a[i] == b[i] {
			continue
		}
		limit := max(1, len(b[i])/3)
		if distance(a[i], b[i], limit+1) > limit {
			return false
		}
	}
	return true
}

// Distance returns the optimal-string-alignment distance between a and b
// (byte-wise edits, with adjacent transpositions), or limit+1 when it
// exceeds limit.
func Distance(a, b string, limit int) int { return distance(a, b, limit+1) }

// distance is the optimal-string-alignment distance between a and b (edits,
// with adjacent transpositions), capped: it returns cap as soon as the
// distance is known to reach it.
func distance(a, b string, cap int) int {
	if abs(len(a)-len(b)) >= cap {
		return cap
	}
	// Three rows of the table; for the names compared here (variable names
	// and their words) they fit in an array on the stack, which spares an
	// allocation per candidate when Suggest tries every known name.
	var rows [3 * 48]int
	n := len(b) + 1
	var prev2, prev, cur []int
	if 3*n <= len(rows) {
		prev2, prev, cur = rows[:n:n], rows[n:2*n:2*n], rows[2*n:3*n]
	} else {
		prev2, prev, cur = make([]int, n), make([]int, n), make([]int, n)
	}
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin >= cap {
			return cap
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(b)], cap)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// credentialWords mark a family prefix as naming credentials.
var credentialWords = []string{"KEY", "SECRET", "TOKEN", "PASSWORD", "PASS", "ACCOUNT", "CREDENTIAL", "CRED"}

// roleSuffixes map the last words of a prefix to the role of its members,
// longest first.
var roleSuffixes = []struct{ suffix, role string }{
	{"SECRET_ACCESS_KEY", "secret"},
	{"ACCESS_KEY_SECRET", "secret"},
	{"SECRET_KEY", "secret"},
	{"SECRET", "secret"},
	{"ACCESS_KEY_ID", "key"},
	{"ACCESS_KEY", "key"},
	{"KEY_ID", "key"},
	{"KEY", "key"},
	{"SESSION_TOKEN", "token"},
	{"TOKEN", "token"},
}

// ParseFamily returns the numbered family of a name (AWS_KEY_2: prefix
// AWS_KEY, index 2), a member with its number missing (AWS_SECRET_), or nil.
func ParseFamily(name string) *facts.Family {
	i := strings.LastIndexByte(name, '_')
	if i <= 0 {
		return nil
	}
	prefix, num := name[:i], name[i+1:]
	// Built on the stack and copied to the heap only when it is returned:
	// most names with a final '_' are not families.
	f := facts.Family{Prefix: prefix}
	switch {
	case num == "":
		f.Missing = true
	case allDigits(num):
		n, err := strconv.Atoi(num)
		if err != nil || n > 1_000_000 {
			return nil
		}
		f.Index = n
		f.Padded = len(num) > 1 && num[0] == '0'
	default:
		return nil
	}
	if !strings.ContainsAny(prefix[len(prefix)-1:], "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") {
		return nil
	}
	classify(&f)
	if f.Missing && !f.Credential {
		return nil
	}
	out := f
	return &out
}

// DynamicFamily returns the family of a name computed at run time from a
// constant prefix such as "AWS_KEY_" (code reads with a run-time index).
func DynamicFamily(prefix string) *facts.Family {
	p := strings.TrimSuffix(prefix, "_")
	if p == "" {
		return nil
	}
	f := &facts.Family{Prefix: p}
	classify(f)
	return f
}

func classify(f *facts.Family) {
	up := strings.ToUpper(f.Prefix)
	for _, w := range credentialWords {
		if strings.Contains(up, w) {
			f.Credential = true
			break
		}
	}
	for _, rs := range roleSuffixes {
		if up == rs.suffix || strings.HasSuffix(up, "_"+rs.suffix) {
			f.Role = rs.role
			f.Stem = strings.TrimSuffix(f.Prefix[:len(f.Prefix)-len(rs.suffix)], "_")
			return
		}
	}
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
