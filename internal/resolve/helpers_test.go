package resolve

import (
	"reflect"
	"strings"
	"testing"

	"github.com/remolint/remolint/internal/facts"
	"github.com/remolint/remolint/internal/secret"
)

// Literal expectations, spelled out so that a wording change fails a test.
const (
	errID       = "You have tried to call a Remotion Lambda function, but have not set the environment variable AWS_ACCESS_KEY_ID or REMOTION_AWS_ACCESS_KEY_ID."
	errSecret   = "You have tried to call a Remotion Lambda function, but have not set the environment variable AWS_SECRET_ACCESS_KEY or REMOTION_AWS_SECRET_ACCESS_KEY."
	errNoProv   = "Could not load credentials from any providers"
	errToken    = "The security token included in the request is invalid"
	usingChain  = "the AWS SDK default credential chain (AWS_* variables, the default profile, web identity, container and instance credentials)"
	usingGo     = "the AWS SDK for Go default credential chain (AWS_* variables, web identity, the default profile, container and instance credentials)"
	usingThrow  = "no credentials: Remotion's pre-flight credentials check throws before any request"
	usingRPair  = "the REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair"
	usingAPair  = "the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair"
	viaChain    = ", through the AWS SDK default credential chain"
	viaGoChain  = ", through the AWS SDK for Go default credential chain"
	akia        = "AKIA…WXYZ"
	asia        = "ASIA…WXYZ"
	secretValue = "wJalrXUtnFEMIK7MDENGbPxRfiCYzz9876543210"
	tokenValue  = "IQoJb3JpZ2luX2VjEXAMPLETOKENzzzz"
)

// env builds an environment from "NAME=value" strings. Value shorthands:
// "AKIA" or "ASIA" (optionally "AKIA:1111" for the last four characters) is a
// 20-character key id; "secret" a 40-character secret; "token" a session
// token; anything else is taken literally ("" is an empty definition).
func env(t testing.TB, defs ...string) MapEnv {
	t.Helper()
	vars := make([]facts.Variable, 0, len(defs))
	for _, d := range defs {
		name, value, ok := strings.Cut(d, "=")
		if !ok {
			t.Fatalf("bad env definition %q", d)
		}
		vars = append(vars, secret.Variable(name, expand(value)))
	}
	return NewMapEnv(vars)
}

func expand(value string) string {
	head, tag, hasTag := strings.Cut(value, ":")
	if !hasTag {
		tag = "WXYZ"
	}
	switch head {
	case "AKIA", "ASIA":
		return head + "QRSTUV234567" + tag
	case "secret":
		return secretValue
	case "token":
		return tokenValue
	}
	return value
}

// unread: no shared file was scanned.
var unread = Shared{}

// files: shared files were read; hasDefault says whether the credentials file
// contains "[default]"; profiles are "NAME" (static keys), "NAME:other"
// (role/SSO/process) or "NAME:none" (defined without credentials).
func files(hasDefault bool, profiles ...string) Shared {
	s := Shared{Read: true, CredentialsHasDefault: hasDefault, Profiles: map[string]Profile{}}
	for _, p := range profiles {
		name, kind, _ := strings.Cut(p, ":")
		switch kind {
		case "":
			s.Profiles[name] = Profile{StaticKeys: true}
		case "other":
			s.Profiles[name] = Profile{Other: true}
		case "none":
			s.Profiles[name] = Profile{}
		}
	}
	return s
}

// want is the expected Resolution: every field, with Ignored as "NAME:code"
// and reasons as substrings the named entry's reason must contain.
type want struct {
	Source      string
	Profile     string
	AccessKeyID string
	Token       bool
	Outcome     string
	Passes      bool
	CheckError  string
	CheckReason string // substring
	Using       string
	Error       string
	Ignored     []string
	Reasons     map[string][]string
}

func assertResolution(t *testing.T, consumer string, got facts.Resolution, w want) {
	t.Helper()
	if got.Consumer != consumer {
		t.Errorf("consumer = %q, want %q", got.Consumer, consumer)
	}
	check := func(field string, g, e any) {
		t.Helper()
		if !reflect.DeepEqual(g, e) {
			t.Errorf("%s = %#v, want %#v", field, g, e)
		}
	}
	check("source", got.Source, w.Source)
	check("profile", got.Profile, w.Profile)
	check("accessKeyId", got.AccessKeyID, w.AccessKeyID)
	check("sessionToken", got.SessionToken, w.Token)
	check("outcome", got.Outcome, w.Outcome)
	check("check.passes", got.Check.Passes, w.Passes)
	check("check.error", got.Check.Error, w.CheckError)
	check("using", got.Using, w.Using)
	check("error", got.Error, w.Error)
	if got.Check.Reason == "" || !strings.Contains(got.Check.Reason, w.CheckReason) {
		t.Errorf("check.reason = %q, want it to contain %q", got.Check.Reason, w.CheckReason)
	}
	ign := []string{}
	for _, i := range got.Ignored {
		ign = append(ign, i.Name+":"+i.Code)
		if i.Reason == "" {
			t.Errorf("ignored %s has no reason", i.Name)
		}
	}
	if w.Ignored == nil {
		w.Ignored = []string{}
	}
	check("ignored", ign, w.Ignored)
	for name, subs := range w.Reasons {
		found := false
		for _, i := range got.Ignored {
			if i.Name != name {
				continue
			}
			found = true
			for _, s := range subs {
				if !strings.Contains(i.Reason, s) {
					t.Errorf("reason of %s = %q, want it to contain %q", name, i.Reason, s)
				}
			}
		}
		if !found {
			t.Errorf("no ignored entry for %s", name)
		}
	}
}
