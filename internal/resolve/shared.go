package resolve

import (
	"strings"

	"github.com/remolint/remolint/internal/facts"
)

// otherCredentialKeys are profile keys that yield credentials without a
// static key pair (roles, SSO, credential_process, web identity).
var otherCredentialKeys = map[string]bool{
	"role_arn":                true,
	"credential_process":      true,
	"credential_source":       true,
	"sso_session":             true,
	"sso_start_url":           true,
	"sso_account_id":          true,
	"web_identity_token_file": true,
	"login_session":           true,
}

// SharedFrom builds Shared from the shared files and profiles that apply to
// one environment (the caller picks them, e.g. by AWS_SHARED_CREDENTIALS_FILE).
// Sections of the same name are merged, as the SDKs merge the credentials and
// config files; sections the SDKs ignore (Effective false) are skipped.
func SharedFrom(files []facts.SharedFile, profiles []facts.Profile) Shared {
	s := Shared{Read: len(files) > 0, Profiles: map[string]Profile{}}
	for _, f := range files {
		if f.Flavour == "credentials" && f.HasDefault {
			s.CredentialsHasDefault = true
		}
	}
	type keys struct{ id, secret, other bool }
	merged := map[string]*keys{}
	for _, p := range profiles {
		if !p.Effective {
			continue
		}
		k := merged[p.Name]
		if k == nil {
			k = &keys{}
			merged[p.Name] = k
		}
		for _, key := range p.Keys {
			if !key.Set {
				continue
			}
			switch name := strings.ToLower(key.Name); {
			case name == "aws_access_key_id":
				k.id = true
			case name == "aws_secret_access_key":
				k.secret = true
			case otherCredentialKeys[name]:
				k.other = true
			}
		}
	}
	for name, k := range merged {
		s.Profiles[name] = Profile{StaticKeys: k.id && k.secret, Other: k.other}
	}
	return s
}
