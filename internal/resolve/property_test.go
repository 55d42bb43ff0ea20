package resolve

import (
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/remolint/remolint/internal/facts"
)

// propertyNames are the variables the random environments draw from.
var propertyNames = []string{
	SkipCheck, DisableClientCache,
	RemotionProfile, RemotionAccessKeyID, RemotionSecretKey, RemotionSessionToken,
	AWSProfile, AWSDefaultProfile, AWSAccessKeyID, AWSAccessKey, AWSSecretKey, AWSSecretKeyAlias, AWSSessionToken,
	AWSWebIdentityFile, AWSRoleARN, AWSContainerRelative, AWSEC2MetadataDisabled,
}

// randomCase draws an environment (each name absent, empty, or set to a
// value of a plausible shape) and a shared-file state.
func randomCase(t testing.TB, r *rand.Rand) (MapEnv, Shared) {
	var defs []string
	for _, name := range propertyNames {
		switch r.IntN(4) {
		case 0, 1:
			continue
		case 2:
			defs = append(defs, name+"=")
			continue
		}
		var v string
		switch {
		case strings.HasSuffix(name, "KEY_ID") || name == AWSAccessKey:
			v = []string{"AKIA", "ASIA", "AKIA:1111"}[r.IntN(3)]
		case strings.Contains(name, "SECRET"):
			v = "secret"
		case strings.HasSuffix(name, "TOKEN"):
			v = "token"
		case strings.HasSuffix(name, "PROFILE"):
			v = []string{"default", "render", "ghost", " "}[r.IntN(4)]
		default:
			v = []string{"true", "false", "0", "no", "/x"}[r.IntN(5)]
		}
		defs = append(defs, name+"="+v)
	}
	var sh Shared
	switch r.IntN(4) {
	case 0:
		sh = unread
	case 1:
		sh = files(false)
	case 2:
		sh = files(true, "default")
	default:
		sh = files(r.IntN(2) == 0, "render", "bare:none", "sso:other")
	}
	return env(t, defs...), sh
}

var (
	validSources  = map[string]bool{SourceRemotionProfile: true, SourceRemotionKeys: true, SourceAWSProfile: true, SourceAWSKeys: true, SourceDefaultChain: true}
	validOutcomes = map[string]bool{OutcomeOK: true, OutcomeThrows: true, OutcomeProfileNotFound: true, OutcomeNoCredentials: true, OutcomeNeedsRuntime: true}
	validCodes    = map[string]bool{CodeLowerPrecedence: true, CodeHalfPair: true, CodeCrossedPair: true, CodeTokenOtherPrefix: true, CodeSkipCheck: true, CodeEmpty: true, CodeNotRead: true}
)

// TestProperties checks invariants over many random environments: the
// outcome is never ok when the check fails (and is "throws" exactly then),
// every enum is valid, ignored entries come in the fixed order without
// duplicates, the result is deterministic, and no secret value leaks.
func TestProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 5000; i++ {
		e, sh := randomCase(t, r)
		for _, res := range []facts.Resolution{Node(e, sh, "node"), Go(e, sh)} {
			if !res.Check.Passes && res.Outcome == OutcomeOK {
				t.Fatalf("case %d: outcome ok while the check fails: %+v", i, res)
			}
			if res.Check.Passes == (res.Outcome == OutcomeThrows) {
				t.Fatalf("case %d: check passes=%v but outcome %q", i, res.Check.Passes, res.Outcome)
			}
			if !validSources[res.Source] || !validOutcomes[res.Outcome] || res.Using == "" || res.Check.Reason == "" {
				t.Fatalf("case %d: invalid resolution %+v", i, res)
			}
			order := nodeOrder
			if res.Consumer == facts.ConsumerGo {
				order = goOrder
			}
			pos := -1
			for _, ig := range res.Ignored {
				if !validCodes[ig.Code] || ig.Reason == "" {
					t.Fatalf("case %d: bad ignored entry %+v", i, ig)
				}
				p := indexOf(order, ig.Name)
				if p <= pos {
					t.Fatalf("case %d: ignored out of order or duplicated at %s: %+v", i, ig.Name, res.Ignored)
				}
				pos = p
			}
			for _, ig := range res.Ignored {
				if winnerNames[res.Source][ig.Name] && ig.Code != CodeEmpty {
					t.Fatalf("case %d: %s supplies the credentials (source %s) but is listed as ignored", i, ig.Name, res.Source)
				}
			}
			b, err := json.Marshal(res)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(string(b), secretValue) || strings.Contains(string(b), tokenValue) || strings.Contains(string(b), "QRSTUV234567") {
				t.Fatalf("case %d: a secret leaked: %s", i, b)
			}
		}
		if a, b := Node(e, sh, "cli"), Node(e, sh, "cli"); !reflect.DeepEqual(a, b) {
			t.Fatalf("case %d: not deterministic", i)
		}
	}
}

// winnerNames are the variables each source reads (any consumer).
var winnerNames = map[string]map[string]bool{
	SourceRemotionProfile: {RemotionProfile: true},
	SourceRemotionKeys:    {RemotionAccessKeyID: true, RemotionSecretKey: true},
	SourceAWSProfile:      {AWSProfile: true},
	SourceAWSKeys:         {AWSAccessKeyID: true, AWSSecretKey: true},
	SourceDefaultChain:    {},
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}
