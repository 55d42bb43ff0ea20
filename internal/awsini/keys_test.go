package awsini

import (
	"slices"
	"testing"
)

func TestKnownKeys(t *testing.T) {
	keys := KnownKeys()
	for _, k := range []string{
		"aws_access_key_id", "aws_secret_access_key", "aws_session_token", "region", "output",
		"role_arn", "source_profile", "credential_source", "external_id", "mfa_serial",
		"role_session_name", "duration_seconds", "web_identity_token_file", "credential_process",
		"sso_session", "sso_account_id", "sso_role_name", "sso_region", "sso_start_url",
		"sso_registration_scopes", "ca_bundle", "endpoint_url", "retry_mode", "max_attempts", "s3",
	} {
		if !slices.Contains(keys, k) || !IsKnownKey(k) {
			t.Errorf("%q is not known", k)
		}
	}
	seen := map[string]bool{}
	for _, k := range keys {
		if seen[k] {
			t.Errorf("%q listed twice", k)
		}
		seen[k] = true
	}
	keys[0] = "mutated"
	if KnownKeys()[0] == "mutated" {
		t.Error("KnownKeys exposes its backing array")
	}
	for _, k := range []string{"AWS_ACCESS_KEY_ID", "aws_secret_key", "", "profile"} {
		if IsKnownKey(k) {
			t.Errorf("%q should not be known", k)
		}
	}
}

func TestIsSecretKey(t *testing.T) {
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"aws_secret_access_key", true},
		{"aws_session_token", true},
		{"aws_security_token", true},
		{"AWS_SECRET_ACCESS_KEY", true},
		{"db_password", true},
		{"my_secret", true},
		{"oauth_token", true},
		{"aws_access_key_id", false},
		{"region", false},
		{"role_arn", false},
		{"source_profile", false},
		{"web_identity_token_file", false},
		{"credential_process", false},
	} {
		if got := IsSecretKey(tc.name); got != tc.want {
			t.Errorf("IsSecretKey(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestSuggest(t *testing.T) {
	for _, tc := range []struct{ key, want string }{
		// Known keys: nothing to suggest.
		{"aws_access_key_id", ""},
		{"region", ""},
		{"s3", ""},
		// Listed misspellings.
		{"aws_secret_key", "aws_secret_access_key"},
		{"aws_access_key", "aws_access_key_id"},
		{"aws_access_key_secret", "aws_secret_access_key"},
		{"aws_session_key", "aws_session_token"},
		{"secret_access_key", "aws_secret_access_key"},
		{"aws_region", "region"},
		{"AWS_SECRET_KEY", "aws_secret_access_key"},
		// Case, dashes, surrounding space.
		{"AWS_ACCESS_KEY_ID", "aws_access_key_id"},
		{"Region", "region"},
		{"aws-secret-access-key", "aws_secret_access_key"},
		// Within two edits.
		{"aws_acess_key_id", "aws_access_key_id"},
		{"aws_secret_acces_key", "aws_secret_access_key"},
		{"aws_secret_acess_kye", "aws_secret_access_key"},
		{"aws_sesion_token", "aws_session_token"},
		{"regoin", "region"},
		{"ouptut", "output"},
		{"sso_regoin", "sso_region"},
		{"source_profle", "source_profile"},
		// One edit for short names, none for very short ones.
		{"outpt", "output"},
		{"rgn", ""},
		{"s4", ""},
		// Too far or unrelated.
		{"aws_acess_kee_idd", ""},
		{"okta_username", ""},
		{"azure_tenant", ""},
		{"", ""},
	} {
		if got := Suggest(tc.key); got != tc.want {
			t.Errorf("Suggest(%q) = %q, want %q", tc.key, got, tc.want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b  string
		limit int
		want  int
	}{
		{"region", "region", 2, 0},
		{"regoin", "region", 2, 1},
		{"regin", "region", 2, 1},
		{"reggion", "region", 2, 1},
		{"rgeoin", "region", 2, 2},
		{"abcdef", "region", 2, 3},
		{"", "ab", 2, 2},
		{"", "abc", 2, 3},
	} {
		if got := editDistance(tc.a, tc.b, tc.limit); got != tc.want {
			t.Errorf("editDistance(%q, %q, %d) = %d, want %d", tc.a, tc.b, tc.limit, got, tc.want)
		}
	}
}
