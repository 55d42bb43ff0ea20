package resolve

import "testing"

func TestGo(t *testing.T) {
	const (
		aID, aSec, aTok, aProf = "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"
		aKey, aSecKey, aDef    = "AWS_ACCESS_KEY", "AWS_SECRET_KEY", "AWS_DEFAULT_PROFILE"
		rID, rSec, rProf, rTok = "REMOTION_AWS_ACCESS_KEY_ID", "REMOTION_AWS_SECRET_ACCESS_KEY", "REMOTION_AWS_PROFILE", "REMOTION_AWS_SESSION_TOKEN"
		noCheck                = "no pre-flight credentials check"
	)
	tests := []struct {
		name   string
		env    []string
		shared Shared
		want   want
	}{
		{
			name:   "the AWS pair beats AWS_PROFILE (the opposite of Node)",
			env:    []string{aProf + "=render", aID + "=AKIA", aSec + "=secret"},
			shared: files(false, "render"),
			want: want{Source: "AWS_ACCESS_KEY_ID", AccessKeyID: akia, Outcome: "ok", Passes: true, CheckReason: noCheck,
				Using: usingAPair, Ignored: []string{aProf + ":lower-precedence"},
				Reasons: map[string][]string{aProf: {"takes the AWS key pair from the environment first", "the opposite of Node"}}},
		},
		{
			name:   "aliases AWS_ACCESS_KEY and AWS_SECRET_KEY",
			env:    []string{aKey + "=AKIA", aSecKey + "=secret", aTok + "=token"},
			shared: unread,
			want: want{Source: "AWS_ACCESS_KEY_ID", AccessKeyID: akia, Token: true, Outcome: "ok", Passes: true, CheckReason: noCheck,
				Using: "the AWS_ACCESS_KEY/AWS_SECRET_KEY pair with AWS_SESSION_TOKEN"},
		},
		{
			name:   "AWS_ACCESS_KEY_ID is read before its alias",
			env:    []string{aID + "=AKIA:1111", aKey + "=AKIA", aSecKey + "=secret"},
			shared: unread,
			want: want{Source: "AWS_ACCESS_KEY_ID", AccessKeyID: "AKIA…1111", Outcome: "ok", Passes: true, CheckReason: noCheck,
				Using: "the AWS_ACCESS_KEY_ID/AWS_SECRET_KEY pair", Ignored: []string{aKey + ":lower-precedence"},
				Reasons: map[string][]string{aKey: {"reads AWS_ACCESS_KEY_ID first"}}},
		},
		{
			name:   "an empty AWS_ACCESS_KEY_ID lets the alias through",
			env:    []string{aID + "=", aKey + "=AKIA", aSec + "=secret", aSecKey + "=secret"},
			shared: unread,
			want: want{Source: "AWS_ACCESS_KEY_ID", AccessKeyID: akia, Outcome: "ok", Passes: true, CheckReason: noCheck,
				Using: "the AWS_ACCESS_KEY/AWS_SECRET_ACCESS_KEY pair", Ignored: []string{aID + ":empty", aSecKey + ":lower-precedence"}},
		},
		{
			name:   "a missing AWS_PROFILE fails config loading even with the pair",
			env:    []string{aProf + "=ghost", aID + "=AKIA", aSec + "=secret", aTok + "=token"},
			shared: files(false, "render"),
			want: want{Source: "AWS_PROFILE", Profile: "ghost", Outcome: "profile-not-found", Passes: true, CheckReason: noCheck,
				Using: `the profile "ghost" (AWS_PROFILE)`, Error: "failed to get shared config profile, ghost",
				Ignored: []string{aID + ":lower-precedence", aSec + ":lower-precedence", aTok + ":lower-precedence"},
				Reasons: map[string][]string{aID: {"configuration loading fails first", "even when the AWS key pair is set"}}},
		},
		{
			name:   "a missing AWS_DEFAULT_PROFILE fails config loading",
			env:    []string{aDef + "=ghost"},
			shared: files(true, "default"),
			want: want{Source: "AWS_PROFILE", Profile: "ghost", Outcome: "profile-not-found", Passes: true, CheckReason: noCheck,
				Using: `the profile "ghost" (AWS_DEFAULT_PROFILE)`, Error: "failed to get shared config profile, ghost"},
		},
		{
			name:   "AWS_PROFILE is read before AWS_DEFAULT_PROFILE",
			env:    []string{aProf + "=render", aDef + "=ghost"},
			shared: files(false, "render"),
			want: want{Source: "AWS_PROFILE", Profile: "render", Outcome: "ok", Passes: true, CheckReason: noCheck,
				Using: `the profile "render" (AWS_PROFILE)`, Ignored: []string{aDef + ":lower-precedence"}},
		},
		{
			name:   "profile existence unknown: the pair is used, with a warning",
			env:    []string{aProf + "=ghost", aID + "=AKIA", aSec + "=secret"},
			shared: unread,
			want: want{Source: "AWS_ACCESS_KEY_ID", AccessKeyID: akia, Outcome: "ok", Passes: true, CheckReason: noCheck,
				Using: usingAPair, Ignored: []string{aProf + ":lower-precedence"},
				Reasons: map[string][]string{aProf: {"must still exist"}}},
		},
		{
			name:   "a half pair is ignored: the default profile is used",
			env:    []string{aID + "=AKIA"},
			shared: files(true, "default"),
			want: want{Source: "default-chain", Profile: "default", Outcome: "ok", Passes: true, CheckReason: noCheck,
				Using: `the profile "default"` + viaGoChain, Ignored: []string{aID + ":half-pair"},
				Reasons: map[string][]string{aID: {"neither AWS_SECRET_ACCESS_KEY nor AWS_SECRET_KEY", "ignores a half pair"}}},
		},
		{
			name:   "a half pair (secret alias) with nothing else",
			env:    []string{aSecKey + "=secret"},
			shared: unread,
			want: want{Source: "default-chain", Profile: "default", Outcome: "needs-runtime", Passes: true, CheckReason: noCheck,
				Using: usingGo, Ignored: []string{aSecKey + ":half-pair"},
				Reasons: map[string][]string{aSecKey: {"neither AWS_ACCESS_KEY_ID nor AWS_ACCESS_KEY"}}},
		},
		{
			name:   "REMOTION-only: unauthenticated",
			env:    []string{rID + "=AKIA", rSec + "=secret"},
			shared: unread,
			want: want{Source: "default-chain", Profile: "default", Outcome: "needs-runtime", Passes: true, CheckReason: noCheck,
				Using: usingGo, Ignored: []string{rID + ":not-read", rSec + ":not-read"},
				Reasons: map[string][]string{rID: {"never read", "unauthenticated", "default profile"}}},
		},
		{
			name:   "REMOTION-only: silently the default profile",
			env:    []string{rProf + "=render", rID + "=AKIA", rSec + "=secret", rTok + "=token"},
			shared: files(true, "default", "render"),
			want: want{Source: "default-chain", Profile: "default", Outcome: "ok", Passes: true, CheckReason: noCheck,
				Using: `the profile "default"` + viaGoChain, Ignored: []string{rID + ":not-read", rProf + ":not-read", rSec + ":not-read", rTok + ":not-read"},
				Reasons: map[string][]string{rProf: {`silently uses the profile "default"`}}},
		},
		{
			name:   "REMOTION-only: provably no credentials",
			env:    []string{rID + "=AKIA", rSec + "=secret", rTok + "=", "AWS_EC2_METADATA_DISABLED=true"},
			shared: files(false),
			want: want{Source: "default-chain", Profile: "default", Outcome: "no-credentials", Passes: true, CheckReason: noCheck,
				Using: usingGo, Ignored: []string{rID + ":not-read", rSec + ":not-read"},
				Reasons: map[string][]string{rSec: {"finds no credentials"}}},
		},
		{
			name:   "web identity beats the profile",
			env:    []string{"AWS_WEB_IDENTITY_TOKEN_FILE=/var/run/token", aProf + "=render"},
			shared: files(false, "render"),
			want: want{Source: "default-chain", Outcome: "needs-runtime", Passes: true, CheckReason: noCheck,
				Using: "web identity (AWS_WEB_IDENTITY_TOKEN_FILE)" + viaGoChain, Ignored: []string{aProf + ":lower-precedence"}},
		},
		{
			name:   "temporary key id without a token",
			env:    []string{aID + "=ASIA", aSec + "=secret"},
			shared: unread,
			want: want{Source: "AWS_ACCESS_KEY_ID", AccessKeyID: asia, Outcome: "ok", Passes: true, CheckReason: noCheck,
				Using: usingAPair, Error: errToken},
		},
		{
			name:   "a token alone is never used",
			env:    []string{aTok + "=token"},
			shared: files(false, "default"),
			want: want{Source: "default-chain", Profile: "default", Outcome: "ok", Passes: true, CheckReason: noCheck,
				Using: `the profile "default"` + viaGoChain, Ignored: []string{aTok + ":token-other-prefix"}},
		},
		{
			name:   "a named profile without credentials falls through to container credentials",
			env:    []string{aProf + "=bare", "AWS_CONTAINER_CREDENTIALS_FULL_URI=http://169.254.170.23/v1/credentials", "AWS_EC2_METADATA_DISABLED=true"},
			shared: files(false, "bare:none"),
			want: want{Source: "default-chain", Profile: "bare", Outcome: "needs-runtime", Passes: true, CheckReason: noCheck,
				Using: usingGo},
		},
		{
			name:   "a named profile, shared files unread",
			env:    []string{aProf + "=render"},
			shared: unread,
			want: want{Source: "AWS_PROFILE", Profile: "render", Outcome: "needs-runtime", Passes: true, CheckReason: noCheck,
				Using: `the profile "render" (AWS_PROFILE)`},
		},
		{
			name:   "the skip flag means nothing to Go",
			env:    []string{"REMOTION_SKIP_AWS_CREDENTIALS_CHECK=1", aID + "=AKIA", aSec + "=secret"},
			shared: unread,
			want: want{Source: "AWS_ACCESS_KEY_ID", AccessKeyID: akia, Outcome: "ok", Passes: true, CheckReason: noCheck,
				Using: usingAPair},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Go(env(t, tc.env...), tc.shared)
			assertResolution(t, "go", got, tc.want)
		})
	}
}
