package resolve

import (
	"strings"

	"github.com/remolint/remolint/internal/facts"
)

// goState is the step of the Go SDK chain that decides.
type goState int

const (
	goProfileMissing goState = iota // config loading fails
	goPair                          // environment key pair
	goWebIdentity                   // AWS_WEB_IDENTITY_TOKEN_FILE
	goProfile                       // named or default profile, then container, then IMDS
)

// goOrder lists the names the Go resolver reports on: the chain's own names
// in precedence order (then by name), then the REMOTION_* names it never reads.
var goOrder = []string{
	AWSAccessKey, AWSAccessKeyID, AWSSecretKey, AWSSecretKeyAlias, AWSSessionToken,
	AWSProfile,
	AWSDefaultProfile,
	RemotionAccessKeyID, RemotionProfile, RemotionSecretKey, RemotionSessionToken,
}

type goRes struct {
	v      vars
	shared Shared
	state  goState
	// id, secret and profVar are the variables the SDK reads ("" when none):
	// the first set name of each alias list.
	id, secret, profVar string
	res                 facts.Resolution
}

// Go resolves the credentials the Remotion Go client
// (github.com/remotion-dev/lambda_go_sdk) will use: the AWS SDK for Go v2
// default chain of section 9. It has no pre-flight check and never reads
// REMOTION_* names.
func Go(env Env, shared Shared) facts.Resolution {
	v := vars{env}
	g := &goRes{v: v, shared: shared}
	g.id = g.first(AWSAccessKeyID, AWSAccessKey)
	g.secret = g.first(AWSSecretKey, AWSSecretKeyAlias)
	g.profVar = g.first(AWSProfile, AWSDefaultProfile)
	r := &g.res
	*r = facts.Resolution{
		Consumer: facts.ConsumerGo,
		Check:    facts.Check{Passes: true, Reason: "the AWS SDK for Go has no pre-flight credentials check"},
		Ignored:  []facts.Ignored{},
	}
	prof := ""
	if g.profVar != "" {
		prof = v.value(g.profVar)
	}
	_, profKnown := shared.Profiles[prof]

	switch {
	case g.profVar != "" && shared.Read && !profKnown:
		g.state = goProfileMissing
		r.Source = SourceAWSProfile
		r.Profile = prof
		r.Outcome = OutcomeProfileNotFound
		r.Error = GoProfileError(prof)
		r.Using = usingProfile(prof, g.profVar)
	case g.id != "" && g.secret != "":
		g.state = goPair
		tok := ""
		if v.set(AWSSessionToken) {
			tok = AWSSessionToken
		}
		r.Source = SourceAWSKeys
		r.AccessKeyID = v.display(g.id)
		r.SessionToken = tok != ""
		r.Outcome = OutcomeOK
		r.Using = usingPair(g.id, g.secret, tok)
		if tok == "" && v.temporary(g.id) {
			r.Error = ErrInvalidToken
		}
	case v.set(AWSWebIdentityFile):
		g.state = goWebIdentity
		r.Source = SourceDefaultChain
		r.Outcome = OutcomeNeedsRuntime
		r.Using = "web identity (" + AWSWebIdentityFile + "), through the AWS SDK for Go default credential chain"
	default:
		g.state = goProfile
		g.profileStep(prof)
	}

	for _, name := range goOrder {
		if code, reason := g.why(name); code != "" {
			r.Ignored = append(r.Ignored, facts.Ignored{Name: name, Reason: reason, Code: code})
		}
	}
	return g.res
}

// first returns the first of names that is set, or "".
func (g *goRes) first(names ...string) string {
	for _, n := range names {
		if g.v.set(n) {
			return n
		}
	}
	return ""
}

// profileStep: the named (or default) profile, then container credentials,
// then the instance metadata service.
func (g *goRes) profileStep(prof string) {
	v, r := g.v, &g.res
	name := prof
	if g.profVar == "" {
		name = "default"
	}
	r.Profile = name
	p, known := g.shared.Profiles[name]
	switch {
	case g.profVar != "" && (!g.shared.Read || p.credentials()):
		r.Source = SourceAWSProfile
		r.Using = usingProfile(name, g.profVar)
		if g.shared.Read {
			r.Outcome = OutcomeOK
		} else {
			r.Outcome = OutcomeNeedsRuntime
		}
		return
	case g.shared.Read && known && p.credentials():
		r.Source = SourceDefaultChain
		r.Using = "the profile " + quote(name) + ", through the AWS SDK for Go default credential chain"
		r.Outcome = OutcomeOK
		return
	}
	r.Source = SourceDefaultChain
	r.Using = UsingGoChain
	switch {
	case v.container() || !g.shared.Read:
		r.Outcome = OutcomeNeedsRuntime
	case v.imdsDisabled():
		r.Outcome = OutcomeNoCredentials
	default:
		r.Outcome = OutcomeNeedsRuntime
	}
}

func (g *goRes) consequence() string {
	r := g.res
	if r.Outcome == OutcomeProfileNotFound {
		return "configuration loading fails with " + quote(r.Error)
	}
	s := "the Go SDK uses " + r.Using
	if r.Error != "" {
		s += ", and the first request fails with " + quote(r.Error)
	}
	return s
}

// unauthenticated is the consequence for a service that set credentials only
// under names the Go SDK never reads.
func (g *goRes) unauthenticated() string {
	r := g.res
	if g.state != goProfile || g.profVar != "" {
		return g.consequence()
	}
	if r.Outcome == OutcomeOK {
		return "the Go SDK silently uses " + r.Using
	}
	if r.Outcome == OutcomeNoCredentials {
		return "the service is unauthenticated: the AWS SDK for Go default chain finds no credentials"
	}
	return "the service is unauthenticated, or silently uses the default profile (or instance role) of whatever machine it runs on"
}

func (g *goRes) why(name string) (code, reason string) {
	v := g.v
	if strings.HasPrefix(name, "REMOTION_") {
		if !v.set(name) {
			return "", ""
		}
		return CodeNotRead, name + " is never read by the Remotion Go client (lambda_go_sdk passes no credentials; the AWS SDK for Go reads only AWS_* names); " + g.unauthenticated()
	}
	if v.empty(name) {
		return CodeEmpty, name + " is set to an empty value, which the AWS SDK for Go treats as unset; " + g.consequence()
	}
	if !v.set(name) {
		return "", ""
	}
	switch name {
	case AWSAccessKey, AWSSecretKeyAlias, AWSDefaultProfile:
		primary := map[string]string{AWSAccessKey: AWSAccessKeyID, AWSSecretKeyAlias: AWSSecretKey, AWSDefaultProfile: AWSProfile}[name]
		if v.set(primary) {
			return CodeLowerPrecedence, name + " is not used: the AWS SDK for Go reads " + primary + " first and takes " + name + " only when " + primary + " is unset"
		}
	}
	switch name {
	case g.id, g.secret:
		if g.state == goPair {
			return "", ""
		}
		if g.id != "" && g.secret != "" {
			return CodeLowerPrecedence, name + " is not used: " + g.profileFailure() + "; " + g.consequence()
		}
		missing := "neither " + AWSSecretKey + " nor " + AWSSecretKeyAlias
		if name == g.secret {
			missing = "neither " + AWSAccessKeyID + " nor " + AWSAccessKey
		}
		return CodeHalfPair, name + " is set but " + missing + " is: the AWS SDK for Go ignores a half pair; " + g.consequence()
	case AWSSessionToken:
		switch {
		case g.state == goPair:
			return "", ""
		case g.id != "" && g.secret != "":
			return CodeLowerPrecedence, name + " is not used: " + g.profileFailure() + "; " + g.consequence()
		}
		return CodeTokenOtherPrefix, name + " is set without a complete AWS key pair: the AWS SDK for Go never uses a token alone; " + g.consequence()
	case g.profVar:
		switch g.state {
		case goPair:
			s := name + " is not used for credentials: the AWS SDK for Go takes the AWS key pair from the environment first " +
				"(the opposite of Node, where AWS_PROFILE beats the AWS pair); " + g.consequence()
			if !g.shared.Read {
				s += "; the profile must still exist, or configuration loading fails"
			}
			return CodeLowerPrecedence, s
		case goWebIdentity:
			return CodeLowerPrecedence, name + " is not used for credentials: web identity (" + AWSWebIdentityFile + ") comes first in the AWS SDK for Go chain; " + g.consequence()
		}
		return "", ""
	}
	return "", ""
}

func (g *goRes) profileFailure() string {
	return "configuration loading fails first, because " + g.profVar + " names the profile " + quote(g.res.Profile) +
		", which no scanned shared file defines (the AWS SDK for Go fails even when the AWS key pair is set)"
}
