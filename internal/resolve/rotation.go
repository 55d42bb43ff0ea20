package resolve

import "strings"

// Rotation is what happens when a Node program changes a credential variable
// while it runs (the account-rotation pattern), per sections 4 and 5.
type Rotation struct {
	// Effective is true when later Remotion calls use the new value.
	Effective bool
	// Reason explains the verdict; "" for names that are not credential
	// variables (Effective is then true).
	Reason string
}

// rotatable are the credential variables whose run-time changes matter.
var rotatable = map[string]bool{
	RemotionProfile: true, RemotionAccessKeyID: true, RemotionSecretKey: true, RemotionSessionToken: true,
	AWSProfile: true, AWSAccessKeyID: true, AWSSecretKey: true, AWSSessionToken: true,
}

// Rotate reports whether changing the variable name at run time changes the
// credentials Remotion's Node client uses in the environment env: the skip
// flag removes credentials from the client cache key (one client per region
// and service for the whole process) and makes REMOTION_* names ignored;
// without it the cache key holds the profile name or key pair but not the
// session token. REMOTION_DISABLE_AWS_CLIENT_CACHE turns the cache off.
func Rotate(env Env, name string) Rotation {
	if !rotatable[name] {
		return Rotation{Effective: true}
	}
	v := vars{env}
	skip, noCache := v.set(SkipCheck), v.set(DisableClientCache)
	token := name == RemotionSessionToken || name == AWSSessionToken
	switch {
	case skip && strings.HasPrefix(name, "REMOTION_"):
		return Rotation{Reason: SkipCheck + " is set: Remotion ignores " + name + " entirely, whatever the client cache does"}
	case skip && !noCache:
		return Rotation{Reason: "with " + SkipCheck + " set, Remotion's client cache key holds no credentials: one client per region and service " +
			"lives for the whole process and keeps the first credentials (the skip flag does not disable the cache; " + DisableClientCache + " does)"}
	case skip:
		return Rotation{Effective: true, Reason: DisableClientCache + " is set: every call builds a new client, and the AWS SDK default chain reads the new " + name}
	case noCache:
		return Rotation{Effective: true, Reason: DisableClientCache + " is set: every call builds a new client with the new " + name}
	case token:
		return Rotation{Reason: "Remotion's client cache key holds the profile name or key pair but not the session token: changing only " +
			name + " keeps the cached client and the old token"}
	}
	return Rotation{Effective: true, Reason: "Remotion's client cache key holds the profile name or key pair: a new " + name + " gets a new client"}
}
