package resolve

import (
	"strings"

	"github.com/remolint/remolint/internal/facts"
)

// nodeWinner is the row of section 3 that supplies the credentials.
type nodeWinner int

const (
	winChain           nodeWinner = iota // row 7, or anything under the skip flag
	winRemotionProfile                   // row 1
	winRemotionPair                      // rows 2 and 3
	winAWSProfile                        // row 4
	winAWSPair                           // rows 5 and 6
)

// nodeOrder lists the credential names the Node resolver reports on, in
// precedence order (section 3) and then by name.
var nodeOrder = []string{
	RemotionProfile,
	RemotionAccessKeyID, RemotionSecretKey, RemotionSessionToken,
	AWSProfile,
	AWSAccessKeyID, AWSSecretKey, AWSSessionToken,
}

type node struct {
	v      vars
	shared Shared
	skip   bool
	win    nodeWinner
	// chainEnvPair: the default chain takes the AWS pair from the environment.
	chainEnvPair bool
	res          facts.Resolution
}

// Node resolves the credentials the Remotion Node APIs (consumer "node") or
// the Remotion CLI (consumer "cli") will use for one environment: the
// pre-flight check of section 2, the row of section 3 that wins, the skip
// flag of section 4, and every credential variable that loses or is ignored,
// with the consequence in words.
func Node(env Env, shared Shared, consumer string) facts.Resolution {
	v := vars{env}
	n := &node{v: v, shared: shared, skip: v.set(SkipCheck)}
	n.res = facts.Resolution{Consumer: consumer, Ignored: []facts.Ignored{}}
	n.res.Check = nodeCheck(v, shared)

	switch {
	case n.skip:
		n.win = winChain
	case v.set(RemotionProfile):
		n.win = winRemotionProfile
	case n.pairSet(remotionNames):
		n.win = winRemotionPair
	case v.set(AWSProfile):
		n.win = winAWSProfile
	case n.pairSet(awsNames):
		n.win = winAWSPair
	default:
		n.win = winChain
	}

	switch n.win {
	case winRemotionProfile:
		n.profileRow(RemotionProfile, SourceRemotionProfile)
	case winRemotionPair:
		n.pairRow(remotionNames, SourceRemotionKeys)
	case winAWSProfile:
		n.profileRow(AWSProfile, SourceAWSProfile)
	case winAWSPair:
		n.pairRow(awsNames, SourceAWSKeys)
	default:
		n.chain()
	}

	if !n.res.Check.Passes {
		// Only reachable on row 7: the check throws only when no profile
		// variable is set and no pair is complete.
		n.res.Source = SourceDefaultChain
		n.res.Profile = ""
		n.res.AccessKeyID = ""
		n.res.SessionToken = false
		n.res.Outcome = OutcomeThrows
		n.res.Error = n.res.Check.Error
		n.res.Using = usingThrows
	}

	for _, name := range nodeOrder {
		if code, reason := n.why(name); code != "" {
			n.res.Ignored = append(n.res.Ignored, facts.Ignored{Name: name, Reason: reason, Code: code})
		}
	}
	return n.res
}

// nodeCheck is Remotion's pre-flight check (section 2).
func nodeCheck(v vars, shared Shared) facts.Check {
	switch {
	case v.set(SkipCheck):
		return facts.Check{Passes: true, Reason: SkipCheck + " is set (any non-empty value counts, even 0, false or no): no check runs"}
	case v.set(RemotionProfile):
		return facts.Check{Passes: true, Reason: RemotionProfile + " is set: the check passes whether or not the profile exists"}
	case v.set(AWSProfile):
		return facts.Check{Passes: true, Reason: AWSProfile + " is set: the check passes whether or not the profile exists"}
	case shared.Read && shared.CredentialsHasDefault:
		return facts.Check{Passes: true, Reason: `the shared credentials file contains "[default]": the check passes`}
	}
	context := `no profile variable is set and the shared credentials file has no "[default]"`
	if !shared.Read {
		context += ` (no AWS shared credentials file was scanned, so remolint assumes it has none; a "[default]" profile on the machine that runs the program would make the check pass)`
	}
	if !v.set(AWSAccessKeyID) && !v.set(RemotionAccessKeyID) {
		return facts.Check{
			Error:  CheckError(AWSAccessKeyID + " or " + RemotionAccessKeyID),
			Reason: "neither " + AWSAccessKeyID + " nor " + RemotionAccessKeyID + " is set, and " + context,
		}
	}
	if !v.set(AWSSecretKey) && !v.set(RemotionSecretKey) {
		return facts.Check{
			Error:  CheckError(AWSSecretKey + " or " + RemotionSecretKey),
			Reason: "neither " + AWSSecretKey + " nor " + RemotionSecretKey + " is set, and " + context,
		}
	}
	if !v.set(AWSAccessKeyID) || !v.set(AWSSecretKey) {
		if !v.set(RemotionAccessKeyID) || !v.set(RemotionSecretKey) {
			return facts.Check{Passes: true, Reason: "a key id and a secret access key are set under different prefixes: the check passes because it looks at each separately"}
		}
	}
	return facts.Check{Passes: true, Reason: "a key id and a secret access key are set: the check passes"}
}

func (n *node) pairSet(p prefix) bool { return n.v.set(p.id) && n.v.set(p.secret) }

// profileRow fills rows 1 and 4: the profile named by variable.
func (n *node) profileRow(variable, source string) {
	name := n.v.value(variable)
	r := &n.res
	r.Source = source
	r.Profile = name
	r.Using = usingProfile(name, variable)
	p, known := n.shared.Profiles[name]
	switch {
	case !n.shared.Read:
		r.Outcome = OutcomeNeedsRuntime
	case !known:
		r.Outcome = OutcomeProfileNotFound
		r.Error = ProfileError(name)
	case p.credentials():
		r.Outcome = OutcomeOK
	default:
		// Defined, but with no credentials in the scanned files: fromIni fails
		// with the same error unless an unscanned file completes it.
		r.Outcome = OutcomeNeedsRuntime
		r.Error = ProfileError(name)
	}
}

// pairRow fills rows 2, 3, 5 and 6: the pair of prefix p, with its own token.
func (n *node) pairRow(p prefix, source string) {
	tok := ""
	if n.v.set(p.token) {
		tok = p.token
	}
	r := &n.res
	r.Source = source
	r.AccessKeyID = n.v.display(p.id)
	r.SessionToken = tok != ""
	r.Outcome = OutcomeOK
	r.Using = usingPair(p.id, p.secret, tok)
	if tok == "" && n.v.temporary(p.id) {
		r.Error = ErrInvalidToken
	}
}

// chain fills row 7: the AWS SDK default chain of the Node SDK.
func (n *node) chain() {
	v, r := n.v, &n.res
	r.Source = SourceDefaultChain
	r.Using = UsingNodeChain
	// fromEnv, skipped when AWS_PROFILE is set.
	if !v.set(AWSProfile) && n.pairSet(awsNames) {
		n.chainEnvPair = true
		tok := ""
		if v.set(AWSSessionToken) {
			tok = AWSSessionToken
		}
		r.AccessKeyID = v.display(AWSAccessKeyID)
		r.SessionToken = tok != ""
		r.Outcome = OutcomeOK
		r.Using = usingPair(AWSAccessKeyID, AWSSecretKey, tok) + ", through the AWS SDK default credential chain"
		if tok == "" && v.temporary(AWSAccessKeyID) {
			r.Error = ErrInvalidToken
		}
		return
	}
	// fromSSO, fromIni, fromProcess: the named or default profile. A missing
	// profile is not fatal inside the chain.
	name := "default"
	if v.set(AWSProfile) {
		name = v.value(AWSProfile)
	}
	r.Profile = name
	if p, ok := n.shared.Profiles[name]; n.shared.Read && ok && p.credentials() {
		r.Outcome = OutcomeOK
		if v.set(AWSProfile) {
			r.Using = usingProfile(name, AWSProfile) + ", through the AWS SDK default credential chain"
		} else {
			r.Using = "the profile " + quote(name) + ", through the AWS SDK default credential chain"
		}
		return
	}
	// fromTokenFile, then container or instance metadata.
	if (v.set(AWSWebIdentityFile) && v.set(AWSRoleARN)) || v.container() {
		r.Outcome = OutcomeNeedsRuntime
		return
	}
	r.Error = ErrNoProviders
	if n.shared.Read && v.imdsDisabled() {
		r.Outcome = OutcomeNoCredentials
	} else {
		r.Outcome = OutcomeNeedsRuntime
	}
}

// used reports whether name supplies the credentials.
func (n *node) used(name string) bool {
	switch n.win {
	case winRemotionProfile:
		return name == RemotionProfile
	case winRemotionPair:
		return name == RemotionAccessKeyID || name == RemotionSecretKey || name == RemotionSessionToken
	case winAWSProfile:
		return name == AWSProfile
	case winAWSPair:
		return name == AWSAccessKeyID || name == AWSSecretKey || name == AWSSessionToken
	}
	if n.chainEnvPair {
		return name == AWSAccessKeyID || name == AWSSecretKey || name == AWSSessionToken
	}
	// Under the skip flag the chain consults AWS_PROFILE.
	return n.skip && name == AWSProfile
}

// winsWithPair reports whether the pair of prefix p supplies the credentials.
func (n *node) winsWithPair(p prefix) bool {
	if p.id == RemotionAccessKeyID {
		return n.win == winRemotionPair
	}
	return n.win == winAWSPair || n.chainEnvPair
}

// winner names the winning source, for "comes first" sentences.
func (n *node) winner() string {
	switch n.win {
	case winRemotionProfile:
		return RemotionProfile
	case winRemotionPair:
		return "the " + remotionNames.pair()
	case winAWSProfile:
		return AWSProfile
	case winAWSPair:
		return "the " + awsNames.pair()
	}
	return "the AWS SDK default credential chain"
}

// consequence says what happens instead, as a clause.
func (n *node) consequence() string {
	r := n.res
	if r.Outcome == OutcomeThrows {
		return "the credentials check throws " + quote(r.Check.Error)
	}
	s := "Remotion uses " + r.Using
	switch {
	case r.Error == "":
	case r.Outcome == OutcomeNeedsRuntime:
		s += ", and unless the machine that runs it supplies credentials the first request fails with " + quote(r.Error)
	default:
		s += ", and the first request fails with " + quote(r.Error)
	}
	return s
}

// loses says why the complete pair of prefix p is not used.
func (n *node) loses(p prefix) string {
	if n.skip && p.id == AWSAccessKeyID {
		return "with " + AWSProfile + " set, the AWS SDK default chain skips the " + p.pair() + " and uses the profile"
	}
	return "the " + p.pair() + " comes after " + n.winner()
}

// why returns the code and reason for a credential name that is ignored or
// loses, or "" when it is unset or supplies the credentials.
func (n *node) why(name string) (code, reason string) {
	v := n.v
	if v.empty(name) {
		return CodeEmpty, name + " is set to an empty value, which Remotion treats as unset; " + n.consequence()
	}
	if !v.set(name) || n.used(name) {
		return "", ""
	}
	p := awsNames
	if strings.HasPrefix(name, "REMOTION_") {
		if n.skip {
			return CodeSkipCheck, SkipCheck + " is set, so Remotion ignores " + name + " entirely and leaves credentials to the AWS SDK default chain; " + n.consequence()
		}
		p = remotionNames
	}
	switch name {
	case p.profile:
		if n.win == winRemotionPair {
			return CodeLowerPrecedence, name + ` is not used: Remotion's docs list "REMOTION_AWS_PROFILE or AWS_PROFILE" first, but a complete ` +
				remotionNames.pair() + " beats " + name + "; " + n.consequence()
		}
		return CodeLowerPrecedence, name + " is not used: " + n.winner() + " comes first; " + n.consequence()
	case p.token:
		return n.whyToken(p)
	}
	return n.whyHalf(p, name)
}

func (n *node) whyToken(p prefix) (code, reason string) {
	o := p.other()
	if n.winsWithPair(o) && !n.v.set(o.token) {
		s := p.token + " is not used with the " + o.pair() + ": session tokens never cross prefixes, so Remotion sends that pair without a token"
		if n.res.Error == ErrInvalidToken {
			s += ", and AWS rejects its temporary key id with " + quote(ErrInvalidToken)
		}
		return CodeTokenOtherPrefix, s
	}
	if n.pairSet(p) {
		return CodeLowerPrecedence, p.token + " is not used: " + n.loses(p) + "; " + n.consequence()
	}
	return CodeTokenOtherPrefix, p.token + " is set without a complete " + p.pair() +
		": it is never used (session tokens never cross prefixes); " + n.consequence()
}

func (n *node) whyHalf(p prefix, name string) (code, reason string) {
	o := p.other()
	mate, otherSame, otherMate := p.secret, o.id, o.secret
	if name == p.secret {
		mate, otherSame, otherMate = p.id, o.secret, o.id
	}
	if n.v.set(mate) {
		return CodeLowerPrecedence, name + " is not used: " + n.loses(p) + "; " + n.consequence()
	}
	if !n.skip && n.v.set(otherMate) && !n.v.set(otherSame) {
		return CodeCrossedPair, name + " and " + otherMate + " are halves of two different pairs: the credentials check passes " +
			"(it looks at the key id and the secret separately), but Remotion never combines them; " + n.consequence()
	}
	if n.res.Outcome == OutcomeThrows {
		return CodeHalfPair, name + " is set but " + mate + " is not, and neither is " + otherMate +
			": the credentials check throws " + quote(n.res.Check.Error)
	}
	return CodeHalfPair, name + " is set but " + mate + " is not: Remotion silently ignores the half pair; " + n.consequence()
}
