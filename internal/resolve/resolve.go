// Package resolve decides which AWS credentials a Remotion Lambda consumer
// will use for one environment, and why every other credential source loses.
//
// It models remotion-credentials.md: sections 1 to 5 for the Node APIs and the
// Remotion CLI (Node), and the AWS SDK for Go v2 chain of section 9 (Go). The
// functions are pure: they read only the facts passed in (the winning
// variables of an environment and what the scan knows of AWS shared files),
// never the process environment, the file system or the clock.
//
// No secret value ever enters a Resolution: key ids appear only in their
// redacted display form ("AKIA…WXYZ"), other credential values not at all.
package resolve

import (
	"sort"
	"strconv"
	"strings"

	"github.com/remolint/remolint/internal/facts"
)

// Variable names the resolver reads.
const (
	SkipCheck              = "REMOTION_SKIP_AWS_CREDENTIALS_CHECK"
	DisableClientCache     = "REMOTION_DISABLE_AWS_CLIENT_CACHE"
	RemotionProfile        = "REMOTION_AWS_PROFILE"
	RemotionAccessKeyID    = "REMOTION_AWS_ACCESS_KEY_ID"
	RemotionSecretKey      = "REMOTION_AWS_SECRET_ACCESS_KEY"
	RemotionSessionToken   = "REMOTION_AWS_SESSION_TOKEN"
	AWSProfile             = "AWS_PROFILE"
	AWSDefaultProfile      = "AWS_DEFAULT_PROFILE"
	AWSAccessKeyID         = "AWS_ACCESS_KEY_ID"
	AWSAccessKey           = "AWS_ACCESS_KEY" // Go SDK alias of AWS_ACCESS_KEY_ID
	AWSSecretKey           = "AWS_SECRET_ACCESS_KEY"
	AWSSecretKeyAlias      = "AWS_SECRET_KEY" // Go SDK alias of AWS_SECRET_ACCESS_KEY
	AWSSessionToken        = "AWS_SESSION_TOKEN"
	AWSWebIdentityFile     = "AWS_WEB_IDENTITY_TOKEN_FILE"
	AWSRoleARN             = "AWS_ROLE_ARN"
	AWSContainerRelative   = "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"
	AWSContainerFull       = "AWS_CONTAINER_CREDENTIALS_FULL_URI"
	AWSEC2MetadataDisabled = "AWS_EC2_METADATA_DISABLED"
)

// Sources (facts.Resolution.Source).
const (
	SourceRemotionProfile = "REMOTION_AWS_PROFILE"
	SourceRemotionKeys    = "REMOTION_AWS_ACCESS_KEY_ID"
	SourceAWSProfile      = "AWS_PROFILE"
	SourceAWSKeys         = "AWS_ACCESS_KEY_ID"
	SourceDefaultChain    = "default-chain"
)

// Outcomes (facts.Resolution.Outcome).
const (
	// OutcomeOK: the credentials are determined locally (a complete pair, or
	// a profile that a scanned shared file defines with credentials). Error
	// may still be set when AWS will reject them (a temporary key id without
	// its session token).
	OutcomeOK = "ok"
	// OutcomeThrows: Remotion's pre-flight check throws.
	OutcomeThrows = "throws"
	// OutcomeProfileNotFound: a profile that must exist is not defined by any
	// scanned shared file (only when at least one was read).
	OutcomeProfileNotFound = "profile-not-found"
	// OutcomeNoCredentials: the default chain provably finds nothing.
	OutcomeNoCredentials = "no-credentials"
	// OutcomeNeedsRuntime: the answer depends on the machine that runs the
	// program (unscanned shared files, web identity, container or instance
	// credentials). Error, when set, is what the user sees unless that
	// machine supplies credentials.
	OutcomeNeedsRuntime = "needs-runtime"
)

// Ignored codes (facts.Ignored.Code).
const (
	CodeLowerPrecedence  = "lower-precedence"
	CodeHalfPair         = "half-pair"
	CodeCrossedPair      = "crossed-pair"
	CodeTokenOtherPrefix = "token-other-prefix"
	CodeSkipCheck        = "skip-check"
	CodeEmpty            = "empty"
	CodeNotRead          = "not-read"
)

// Run-time errors the user sees, verbatim.
const (
	ErrNoProviders  = "Could not load credentials from any providers"
	ErrInvalidToken = "The security token included in the request is invalid"
)

// CheckError is the first line of the error Remotion's pre-flight check
// throws when neither of the named variables is set; missing is
// "AWS_ACCESS_KEY_ID or REMOTION_AWS_ACCESS_KEY_ID" or
// "AWS_SECRET_ACCESS_KEY or REMOTION_AWS_SECRET_ACCESS_KEY".
func CheckError(missing string) string {
	return "You have tried to call a Remotion Lambda function, but have not set the environment variable " + missing + "."
}

// ProfileError is the error the Node AWS SDK raises at the first request when
// a profile named by REMOTION_AWS_PROFILE or AWS_PROFILE yields no credentials.
func ProfileError(name string) string {
	return "Could not resolve credentials using profile: [" + name + "] in configuration/credentials file(s)."
}

// GoProfileError is the error the AWS SDK for Go v2 returns from config
// loading when AWS_PROFILE or AWS_DEFAULT_PROFILE names a missing profile.
func GoProfileError(name string) string {
	return "failed to get shared config profile, " + name
}

// Usings for the default chains.
const (
	UsingNodeChain = "the AWS SDK default credential chain (AWS_* variables, the default profile, web identity, container and instance credentials)"
	UsingGoChain   = "the AWS SDK for Go default credential chain (AWS_* variables, web identity, the default profile, container and instance credentials)"
	usingThrows    = "no credentials: Remotion's pre-flight credentials check throws before any request"
)

// Env gives the winning definition of each variable of one environment.
// Lookup reports a variable that is defined, even with an empty value;
// Variable.Set tells whether it counts as set.
type Env interface {
	Lookup(name string) (facts.Variable, bool)
}

// MapEnv is an Env backed by a map from name to variable.
type MapEnv map[string]facts.Variable

// NewMapEnv builds a MapEnv; a later definition of a name replaces an earlier one.
func NewMapEnv(vars []facts.Variable) MapEnv {
	m := make(MapEnv, len(vars))
	for _, v := range vars {
		m[v.Name] = v
	}
	return m
}

// Lookup implements Env.
func (m MapEnv) Lookup(name string) (facts.Variable, bool) {
	v, ok := m[name]
	return v, ok
}

// SortedEnv is an Env backed by variables sorted by name (as a fact
// document's environments hold them); where a name repeats, the last
// definition wins, as with NewMapEnv. It needs no map: the resolver looks up
// a few dozen names in environments of a few dozen variables.
type SortedEnv []facts.Variable

// Lookup implements Env.
func (s SortedEnv) Lookup(name string) (facts.Variable, bool) {
	// the first index past every definition of name
	i := sort.Search(len(s), func(i int) bool { return s[i].Name > name })
	if i > 0 && s[i-1].Name == name {
		return s[i-1], true
	}
	return facts.Variable{}, false
}

// Shared is what the scan knows of the AWS shared files that apply to an
// environment.
type Shared struct {
	// Read is true when at least one shared file was read; otherwise profile
	// existence is unknown and "[default]" is taken as absent.
	Read bool
	// CredentialsHasDefault is true when the shared credentials file contains
	// the text "[default]" (what Remotion's check looks for).
	CredentialsHasDefault bool
	// Profiles holds the effective profiles by SDK name.
	Profiles map[string]Profile
}

// Profile is what a profile provides.
type Profile struct {
	// StaticKeys: both aws_access_key_id and aws_secret_access_key are set.
	StaticKeys bool
	// Other: role, SSO, credential_process or web identity settings.
	Other bool
}

func (p Profile) credentials() bool { return p.StaticKeys || p.Other }

// vars reads an Env with Remotion's notion of "set" (section 1).
type vars struct{ env Env }

func (v vars) lookup(name string) (facts.Variable, bool) {
	if v.env == nil {
		return facts.Variable{}, false
	}
	return v.env.Lookup(name)
}

// set: defined with a non-empty value.
func (v vars) set(name string) bool {
	x, ok := v.lookup(name)
	return ok && x.Set
}

// empty: defined with the empty value (counts as unset).
func (v vars) empty(name string) bool {
	x, ok := v.lookup(name)
	return ok && !x.Set
}

func (v vars) value(name string) string {
	x, _ := v.lookup(name)
	return x.Value
}

func (v vars) display(name string) string {
	x, _ := v.lookup(name)
	return x.Display
}

func (v vars) temporary(name string) bool {
	x, ok := v.lookup(name)
	return ok && x.Set && x.Shape == facts.ShapeTempKeyID
}

// imdsDisabled: AWS_EC2_METADATA_DISABLED=true (any case) turns off the
// instance metadata service for both SDKs.
func (v vars) imdsDisabled() bool {
	return v.set(AWSEC2MetadataDisabled) && strings.EqualFold(v.value(AWSEC2MetadataDisabled), "true")
}

func (v vars) container() bool { return v.set(AWSContainerRelative) || v.set(AWSContainerFull) }

// prefix describes one family of credential names.
type prefix struct {
	id, secret, token, profile string
}

var (
	remotionNames = prefix{RemotionAccessKeyID, RemotionSecretKey, RemotionSessionToken, RemotionProfile}
	awsNames      = prefix{AWSAccessKeyID, AWSSecretKey, AWSSessionToken, AWSProfile}
)

func (p prefix) pair() string { return p.id + "/" + p.secret + " pair" }

func (p prefix) other() prefix {
	if p.id == RemotionAccessKeyID {
		return awsNames
	}
	return remotionNames
}

func quote(s string) string { return strconv.Quote(s) }

func usingProfile(name, variable string) string {
	return "the profile " + quote(name) + " (" + variable + ")"
}

func usingPair(id, secret, token string) string {
	s := "the " + id + "/" + secret + " pair"
	if token != "" {
		s += " with " + token
	}
	return s
}
