package awsini

import (
	"strings"

	"github.com/remolint/remolint/internal/names"
)

// knownKeys are the settings the AWS SDKs and the AWS CLI read from a
// profile (or an sso-session section), in a fixed order that breaks ties in
// Suggest.
var knownKeys = [...]string{
	// Credentials.
	"aws_access_key_id",
	"aws_secret_access_key",
	"aws_session_token",
	"aws_security_token", // legacy alias of aws_session_token (AWS CLI, boto3)
	"aws_account_id",
	// General.
	"region",
	"output",
	"ca_bundle",
	"endpoint_url",
	"ignore_configured_endpoint_urls",
	"services",
	"retry_mode",
	"max_attempts",
	"defaults_mode",
	"parameter_validation",
	"tcp_keepalive",
	"use_dualstack_endpoint",
	"use_fips_endpoint",
	"endpoint_discovery_enabled",
	"sts_regional_endpoints",
	"account_id_endpoint_mode",
	"auth_scheme_preference",
	"sigv4a_signing_region_set",
	"disable_request_compression",
	"request_min_compression_size_bytes",
	"request_checksum_calculation",
	"response_checksum_validation",
	"sdk_ua_app_id",
	"api_versions",
	"s3",
	"s3_use_arn_region",
	"s3_disable_multiregion_access_points",
	"s3_disable_express_session_auth",
	// Assume role and other credential providers.
	"role_arn",
	"source_profile",
	"credential_source",
	"external_id",
	"mfa_serial",
	"role_session_name",
	"duration_seconds",
	"web_identity_token_file",
	"credential_process",
	// IAM Identity Center (SSO).
	"sso_session",
	"sso_account_id",
	"sso_role_name",
	"sso_region",
	"sso_start_url",
	"sso_registration_scopes",
	// Instance metadata.
	"ec2_metadata_service_endpoint",
	"ec2_metadata_service_endpoint_mode",
	"ec2_metadata_v1_disabled",
	"metadata_service_timeout",
	"metadata_service_num_attempts",
	// AWS CLI.
	"cli_pager",
	"cli_timestamp_format",
	"cli_follow_urlparam",
	"cli_binary_format",
	"cli_auto_prompt",
	"cli_history",
}

var knownKeySet = func() map[string]bool {
	m := make(map[string]bool, len(knownKeys))
	for _, k := range knownKeys {
		m[k] = true
	}
	return m
}()

// misspellings maps names people write for a known key, normalised (lower
// case, '-' and ' ' as '_'), to the key they meant. They are too far from
// the right name for the edit-distance rule.
var misspellings = map[string]string{
	"aws_secret_key":           "aws_secret_access_key",
	"aws_secret":               "aws_secret_access_key",
	"aws_secretkey":            "aws_secret_access_key",
	"aws_access_key_secret":    "aws_secret_access_key",
	"aws_secret_access_key_id": "aws_secret_access_key",
	"aws_access_secret_key":    "aws_secret_access_key",
	"aws_access_secret":        "aws_secret_access_key",
	"secret_access_key":        "aws_secret_access_key",
	"secret_key":               "aws_secret_access_key",
	"aws_secret_key_id":        "aws_secret_access_key",
	"aws_access_key":           "aws_access_key_id",
	"aws_accesskey":            "aws_access_key_id",
	"aws_access_id":            "aws_access_key_id",
	"aws_key_id":               "aws_access_key_id",
	"aws_key":                  "aws_access_key_id",
	"access_key_id":            "aws_access_key_id",
	"access_key":               "aws_access_key_id",
	"aws_session_key":          "aws_session_token",
	"aws_token":                "aws_session_token",
	"session_token":            "aws_session_token",
	"aws_sessiontoken":         "aws_session_token",
	"aws_region":               "region",
	"aws_default_region":       "region",
	"default_region":           "region",
	"aws_role_arn":             "role_arn",
	"aws_output":               "output",
}

// KnownKeys returns the known profile keys in a fixed order.
func KnownKeys() []string {
	return append([]string(nil), knownKeys[:]...)
}

// IsKnownKey reports whether name is a known profile key, exactly as written
// (the AWS SDK for JavaScript reads key names case-sensitively).
func IsKnownKey(name string) bool {
	return knownKeySet[name]
}

// IsSecretKey reports whether a key's value must be withheld:
// aws_secret_access_key, aws_session_token, and any name containing
// "secret", "token" or "password" (any case). web_identity_token_file names a
// file, not a secret, and is the one exception.
func IsSecretKey(name string) bool {
	n := strings.ToLower(name)
	if n == "web_identity_token_file" {
		return false
	}
	return strings.Contains(n, "secret") || strings.Contains(n, "token") || strings.Contains(n, "password")
}

// Suggest returns the known key that key most likely misspells, or "" when
// key is known or resembles none. It suggests, in this order: the known key
// that key equals up to case, '-' for '_' or surrounding space (the AWS SDK
// for JavaScript reads "AWS_ACCESS_KEY_ID" as a different key); a listed
// common misspelling ("aws_secret_key"); the closest known key within two
// edits (insertions, deletions, substitutions, adjacent swaps), one edit for
// names of four or five characters, none for shorter names.
func Suggest(key string) string {
	if IsKnownKey(key) {
		return ""
	}
	n := normalise(key)
	if IsKnownKey(n) {
		return n
	}
	if s, ok := misspellings[n]; ok {
		return s
	}
	limit := 2
	switch {
	case len(n) < 4:
		return ""
	case len(n) < 6:
		limit = 1
	}
	best, bestD := "", limit+1
	for _, k := range knownKeys {
		if d := editDistance(n, k, limit); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

func normalise(key string) string {
	n := strings.ToLower(strings.TrimSpace(key))
	return strings.Map(func(r rune) rune {
		if r == '-' || r == ' ' {
			return '_'
		}
		return r
	}, n)
}

// editDistance returns the optimal-string-alignment distance between a and b
// (byte-wise), or limit+1 when it exceeds limit.
func editDistance(a, b string, limit int) int { return names.Distance(a, b, limit) }
