package resolve

import "testing"

func TestNode(t *testing.T) {
	const (
		rID, rSec, rTok, rProf = "REMOTION_AWS_ACCESS_KEY_ID", "REMOTION_AWS_SECRET_ACCESS_KEY", "REMOTION_AWS_SESSION_TOKEN", "REMOTION_AWS_PROFILE"
		aID, aSec, aTok, aProf = "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"
	)
	tests := []struct {
		name     string
		consumer string // "node" when empty
		env      []string
		shared   Shared
		want     want
	}{
		// Section 1: reading a variable.
		{
			name:   "s1 empty REMOTION pair counts as unset",
			env:    []string{rID + "=", rSec + "=", aID + "=AKIA", aSec + "=secret"},
			shared: unread,
			want: want{Source: "AWS_ACCESS_KEY_ID", AccessKeyID: akia, Outcome: "ok", Passes: true,
				CheckReason: "a key id and a secret access key are set", Using: usingAPair,
				Ignored: []string{rID + ":empty", rSec + ":empty"},
				Reasons: map[string][]string{rSec: {"empty value", "treats as unset", "Remotion uses " + usingAPair}}},
		},
		{
			name:   "s1 only empty values: the check throws",
			env:    []string{rID + "=", aSec + "="},
			shared: files(false),
			want: want{Source: "default-chain", Outcome: "throws", CheckError: errID, CheckReason: "neither AWS_ACCESS_KEY_ID nor REMOTION_AWS_ACCESS_KEY_ID",
				Using: usingThrow, Error: errID, Ignored: []string{rID + ":empty", aSec + ":empty"},
				Reasons: map[string][]string{rID: {"the credentials check throws", errID}}},
		},
		{
			name:   "s1 a space is a set value",
			env:    []string{rProf + "= "},
			shared: files(false, "render"),
			want: want{Source: "REMOTION_AWS_PROFILE", Profile: " ", Outcome: "profile-not-found", Passes: true,
				CheckReason: "REMOTION_AWS_PROFILE is set", Using: `the profile " " (REMOTION_AWS_PROFILE)`,
				Error: "Could not resolve credentials using profile: [ ] in configuration/credentials file(s)."},
		},
		{
			name:   "s1 values are not trimmed",
			env:    []string{aProf + "=render "},
			shared: files(false, "render"),
			want: want{Source: "AWS_PROFILE", Profile: "render ", Outcome: "profile-not-found", Passes: true,
				CheckReason: "AWS_PROFILE is set", Using: `the profile "render " (AWS_PROFILE)`,
				Error: "Could not resolve credentials using profile: [render ] in configuration/credentials file(s)."},
		},

		// Section 2: the pre-flight check, step by step.
		{
			name:   "s2.1 skip flag: no check",
			env:    []string{"REMOTION_SKIP_AWS_CREDENTIALS_CHECK=1"},
			shared: unread,
			want: want{Source: "default-chain", Profile: "default", Outcome: "needs-runtime", Passes: true,
				CheckReason: "no check runs", Using: usingChain, Error: errNoProv},
		},
		{
			name:   "s2.2 REMOTION_AWS_PROFILE passes, existence unknown",
			env:    []string{rProf + "=render"},
			shared: unread,
			want: want{Source: "REMOTION_AWS_PROFILE", Profile: "render", Outcome: "needs-runtime", Passes: true,
				CheckReason: "whether or not the profile exists", Using: `the profile "render" (REMOTION_AWS_PROFILE)`},
		},
		{
			name:   "s2.2 AWS_PROFILE passes, existence unknown",
			env:    []string{aProf + "=render"},
			shared: unread,
			want: want{Source: "AWS_PROFILE", Profile: "render", Outcome: "needs-runtime", Passes: true,
				CheckReason: "AWS_PROFILE is set", Using: `the profile "render" (AWS_PROFILE)`},
		},
		{
			name:   "s2.3 [default] in the credentials file passes; row 7 uses it",
			shared: files(true, "default"),
			want: want{Source: "default-chain", Profile: "default", Outcome: "ok", Passes: true,
				CheckReason: `contains "[default]"`, Using: `the profile "default"` + viaChain},
		},
		{
			name:   "s2.3 [default] text without a usable default profile",
			shared: files(true),
			want: want{Source: "default-chain", Profile: "default", Outcome: "needs-runtime", Passes: true,
				CheckReason: `contains "[default]"`, Using: usingChain, Error: errNoProv},
		},
		{
			name:   "s2.3 a default profile in the config file is not consulted by the check",
			shared: files(false, "default"),
			want: want{Source: "default-chain", Outcome: "throws", CheckError: errID, CheckReason: `has no "[default]"`,
				Using: usingThrow, Error: errID},
		},
		{
			name:   "s2.4 nothing set, shared files unread: the assumption is noted",
			shared: unread,
			want: want{Source: "default-chain", Outcome: "throws", CheckError: errID,
				CheckReason: "no AWS shared credentials file was scanned", Using: usingThrow, Error: errID},
		},
		{
			name:   "s2.4 only secrets: the id check throws",
			env:    []string{rSec + "=secret", aSec + "=secret"},
			shared: files(false),
			want: want{Source: "default-chain", Outcome: "throws", CheckError: errID, CheckReason: "neither AWS_ACCESS_KEY_ID",
				Using: usingThrow, Error: errID, Ignored: []string{rSec + ":half-pair", aSec + ":half-pair"},
				Reasons: map[string][]string{rSec: {"REMOTION_AWS_ACCESS_KEY_ID is not, and neither is AWS_ACCESS_KEY_ID", errID}}},
		},
		{
			name:   "s2.5 only ids: the secret check throws",
			env:    []string{rID + "=AKIA", aID + "=AKIA:1111"},
			shared: files(false),
			want: want{Source: "default-chain", Outcome: "throws", CheckError: errSecret, CheckReason: "neither AWS_SECRET_ACCESS_KEY",
				Using: usingThrow, Error: errSecret, Ignored: []string{rID + ":half-pair", aID + ":half-pair"},
				Reasons: map[string][]string{aID: {"AWS_SECRET_ACCESS_KEY is not, and neither is REMOTION_AWS_SECRET_ACCESS_KEY", errSecret}}},
		},
		{
			name:   "s2.5 id and secret under different prefixes pass the check",
			env:    []string{aID + "=AKIA", rSec + "=secret"},
			shared: files(false, "render"),
			want: want{Source: "default-chain", Profile: "default", Outcome: "needs-runtime", Passes: true,
				CheckReason: "different prefixes", Using: usingChain, Error: errNoProv,
				Ignored: []string{rSec + ":crossed-pair", aID + ":crossed-pair"}},
		},

		// Section 3: every row, with every lower source present.
		{
			name: "s3 row 1: REMOTION_AWS_PROFILE beats everything",
			env: []string{rProf + "=render", rID + "=AKIA", rSec + "=secret", rTok + "=token",
				aProf + "=other", aID + "=AKIA:1111", aSec + "=secret", aTok + "=token"},
			shared: files(false, "render", "other"),
			want: want{Source: "REMOTION_AWS_PROFILE", Profile: "render", Outcome: "ok", Passes: true,
				CheckReason: "REMOTION_AWS_PROFILE is set", Using: `the profile "render" (REMOTION_AWS_PROFILE)`,
				Ignored: []string{rID + ":lower-precedence", rSec + ":lower-precedence", rTok + ":lower-precedence",
					aProf + ":lower-precedence", aID + ":lower-precedence", aSec + ":lower-precedence", aTok + ":lower-precedence"},
				Reasons: map[string][]string{
					rID:   {"comes after REMOTION_AWS_PROFILE", `Remotion uses the profile "render" (REMOTION_AWS_PROFILE)`},
					aProf: {"REMOTION_AWS_PROFILE comes first"},
				}},
		},
		{
			name: "s3 row 2: REMOTION pair with its token",
			env: []string{rID + "=AKIA", rSec + "=secret", rTok + "=token",
				aProf + "=other", aID + "=AKIA:1111", aSec + "=secret", aTok + "=token"},
			shared: files(false, "other"),
			want: want{Source: "REMOTION_AWS_ACCESS_KEY_ID", AccessKeyID: akia, Token: true, Outcome: "ok", Passes: true,
				CheckReason: "AWS_PROFILE is set", Using: usingRPair + " with REMOTION_AWS_SESSION_TOKEN",
				Ignored: []string{aProf + ":lower-precedence", aID + ":lower-precedence", aSec + ":lower-precedence", aTok + ":lower-precedence"}},
		},
		{
			name:   "s3 row 3: REMOTION pair without a token",
			env:    []string{rID + "=AKIA", rSec + "=secret", aProf + "=other", aID + "=AKIA:1111", aSec + "=secret"},
			shared: files(false, "other"),
			want: want{Source: "REMOTION_AWS_ACCESS_KEY_ID", AccessKeyID: akia, Outcome: "ok", Passes: true,
				CheckReason: "AWS_PROFILE is set", Using: usingRPair,
				Ignored: []string{aProf + ":lower-precedence", aID + ":lower-precedence", aSec + ":lower-precedence"}},
		},
		{
			name:   "s3 row 4: AWS_PROFILE beats the AWS pair",
			env:    []string{aProf + "=render", aID + "=AKIA", aSec + "=secret", aTok + "=token"},
			shared: files(false, "render"),
			want: want{Source: "AWS_PROFILE", Profile: "render", Outcome: "ok", Passes: true,
				CheckReason: "AWS_PROFILE is set", Using: `the profile "render" (AWS_PROFILE)`,
				Ignored: []string{aID + ":lower-precedence", aSec + ":lower-precedence", aTok + ":lower-precedence"},
				Reasons: map[string][]string{aTok: {"comes after AWS_PROFILE"}}},
		},
		{
			name:   "s3 row 5: AWS pair with its token",
			env:    []string{aID + "=AKIA", aSec + "=secret", aTok + "=token"},
			shared: unread,
			want: want{Source: "AWS_ACCESS_KEY_ID", AccessKeyID: akia, Token: true, Outcome: "ok", Passes: true,
				CheckReason: "a key id and a secret", Using: usingAPair + " with AWS_SESSION_TOKEN"},
		},
		{
			name:     "s3 row 6: AWS pair (CLI consumer)",
			consumer: "cli",
			env:      []string{aID + "=AKIA", aSec + "=secret"},
			shared:   unread,
			want: want{Source: "AWS_ACCESS_KEY_ID", AccessKeyID: akia, Outcome: "ok", Passes: true,
				CheckReason: "a key id and a secret", Using: usingAPair},
		},
		{
			name:   "s3 row 7: the default chain with a static default profile",
			env:    []string{"AWS_REGION=eu-central-1"},
			shared: files(true, "default"),
			want: want{Source: "default-chain", Profile: "default", Outcome: "ok", Passes: true,
				CheckReason: `contains "[default]"`, Using: `the profile "default"` + viaChain},
		},

		// Section 3: consequences that users get wrong.
		{
			name:   "a complete REMOTION pair beats AWS_PROFILE",
			env:    []string{rID + "=AKIA", rSec + "=secret", aProf + "=render"},
			shared: files(false, "render"),
			want: want{Source: "REMOTION_AWS_ACCESS_KEY_ID", AccessKeyID: akia, Outcome: "ok", Passes: true,
				CheckReason: "AWS_PROFILE is set", Using: usingRPair, Ignored: []string{aProf + ":lower-precedence"},
				Reasons: map[string][]string{aProf: {"Remotion's docs list", "first", "beats AWS_PROFILE", "Remotion uses " + usingRPair}}},
		},
		{
			name:   "AWS_SESSION_TOKEN is not used with a REMOTION pair",
			env:    []string{rID + "=AKIA", rSec + "=secret", aTok + "=token"},
			shared: unread,
			want: want{Source: "REMOTION_AWS_ACCESS_KEY_ID", AccessKeyID: akia, Outcome: "ok", Passes: true,
				CheckReason: "a key id and a secret", Using: usingRPair, Ignored: []string{aTok + ":token-other-prefix"},
				Reasons: map[string][]string{aTok: {"not used with the REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair", "never cross prefixes"}}},
		},
		{
			name:   "AWS_SESSION_TOKEN beside a winning REMOTION pair, AWS pair losing",
			env:    []string{rID + "=AKIA", rSec + "=secret", aID + "=AKIA:1111", aSec + "=secret", aTok + "=token"},
			shared: unread,
			want: want{Source: "REMOTION_AWS_ACCESS_KEY_ID", AccessKeyID: akia, Outcome: "ok", Passes: true,
				CheckReason: "a key id and a secret", Using: usingRPair,
				Ignored: []string{aID + ":lower-precedence", aSec + ":lower-precedence", aTok + ":token-other-prefix"}},
		},
		{
			name:   "AWS_SESSION_TOKEN beside a REMOTION pair that has its own token",
			env:    []string{rID + "=AKIA", rSec + "=secret", rTok + "=token", aTok + "=token"},
			shared: unread,
			want: want{Source: "REMOTION_AWS_ACCESS_KEY_ID", AccessKeyID: akia, Token: true, Outcome: "ok", Passes: true,
				CheckReason: "a key id and a secret", Using: usingRPair + " with REMOTION_AWS_SESSION_TOKEN",
				Ignored: []string{aTok + ":token-other-prefix"},
				Reasons: map[string][]string{aTok: {"without a complete AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair"}}},
		},
		{
			name:   "REMOTION_AWS_SESSION_TOKEN is not used with an AWS pair",
			env:    []string{rTok + "=token", aID + "=AKIA", aSec + "=secret"},
			shared: unread,
			want: want{Source: "AWS_ACCESS_KEY_ID", AccessKeyID: akia, Outcome: "ok", Passes: true,
				CheckReason: "a key id and a secret", Using: usingAPair, Ignored: []string{rTok + ":token-other-prefix"},
				Reasons: map[string][]string{rTok: {"not used with the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair"}}},
		},
		{
			name:   "REMOTION_AWS_SESSION_TOKEN alone is never used",
			env:    []string{rTok + "=token"},
			shared: files(false),
			want: want{Source: "default-chain", Outcome: "throws", CheckError: errID, CheckReason: "neither AWS_ACCESS_KEY_ID",
				Using: usingThrow, Error: errID, Ignored: []string{rTok + ":token-other-prefix"},
				Reasons: map[string][]string{rTok: {"without a complete REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair", "the credentials check throws"}}},
		},
		{
			name:   "temporary REMOTION key id without a token",
			env:    []string{rID + "=ASIA", rSec + "=secret"},
			shared: unread,
			want: want{Source: "REMOTION_AWS_ACCESS_KEY_ID", AccessKeyID: asia, Outcome: "ok", Passes: true,
				CheckReason: "a key id and a secret", Using: usingRPair, Error: errToken},
		},
		{
			name:   "temporary REMOTION key id with only AWS_SESSION_TOKEN",
			env:    []string{rID + "=ASIA", rSec + "=secret", aTok + "=token"},
			shared: unread,
			want: want{Source: "REMOTION_AWS_ACCESS_KEY_ID", AccessKeyID: asia, Outcome: "ok", Passes: true,
				CheckReason: "a key id and a secret", Using: usingRPair, Error: errToken,
				Ignored: []string{aTok + ":token-other-prefix"},
				Reasons: map[string][]string{aTok: {"AWS rejects its temporary key id", errToken}}},
		},
		{
			name:   "temporary AWS key id with its own token works",
			env:    []string{aID + "=ASIA", aSec + "=secret", aTok + "=token"},
			shared: unread,
			want: want{Source: "AWS_ACCESS_KEY_ID", AccessKeyID: asia, Token: true, Outcome: "ok", Passes: true,
				CheckReason: "a key id and a secret", Using: usingAPair + " with AWS_SESSION_TOKEN"},
		},
		{
			name:   "temporary AWS key id with only REMOTION_AWS_SESSION_TOKEN",
			env:    []string{aID + "=ASIA", aSec + "=secret", rTok + "=token"},
			shared: unread,
			want: want{Source: "AWS_ACCESS_KEY_ID", AccessKeyID: asia, Outcome: "ok", Passes: true,
				CheckReason: "a key id and a secret", Using: usingAPair, Error: errToken,
				Ignored: []string{rTok + ":token-other-prefix"}},
		},
		{
			name:   "half pair falls through to the AWS pair",
			env:    []string{rID + "=AKIA:1111", aID + "=AKIA", aSec + "=secret"},
			shared: unread,
			want: want{Source: "AWS_ACCESS_KEY_ID", AccessKeyID: akia, Outcome: "ok", Passes: true,
				CheckReason: "a key id and a secret", Using: usingAPair, Ignored: []string{rID + ":half-pair"},
				Reasons: map[string][]string{rID: {"REMOTION_AWS_ACCESS_KEY_ID is set but REMOTION_AWS_SECRET_ACCESS_KEY is not", "silently ignores", "Remotion uses " + usingAPair}}},
		},
		{
			name:   "half pair falls through to [default]",
			env:    []string{rSec + "=secret"},
			shared: files(true, "default"),
			want: want{Source: "default-chain", Profile: "default", Outcome: "ok", Passes: true,
				CheckReason: `contains "[default]"`, Using: `the profile "default"` + viaChain, Ignored: []string{rSec + ":half-pair"},
				Reasons: map[string][]string{rSec: {`Remotion uses the profile "default"`}}},
		},
		{
			name:   "half pair falls through to AWS_PROFILE",
			env:    []string{aID + "=AKIA", aProf + "=render"},
			shared: files(false, "render"),
			want: want{Source: "AWS_PROFILE", Profile: "render", Outcome: "ok", Passes: true,
				CheckReason: "AWS_PROFILE is set", Using: `the profile "render" (AWS_PROFILE)`, Ignored: []string{aID + ":half-pair"}},
		},
		{
			name:   "half pair fails only when the same half is missing everywhere",
			env:    []string{rID + "=AKIA"},
			shared: unread,
			want: want{Source: "default-chain", Outcome: "throws", CheckError: errSecret, CheckReason: "no AWS shared credentials file was scanned",
				Using: usingThrow, Error: errSecret, Ignored: []string{rID + ":half-pair"},
				Reasons: map[string][]string{rID: {"neither is AWS_SECRET_ACCESS_KEY", "the credentials check throws"}}},
		},
		{
			name:   "crossed pair passes the check and fails at the first request",
			env:    []string{rID + "=AKIA", aSec + "=secret"},
			shared: files(false),
			want: want{Source: "default-chain", Profile: "default", Outcome: "needs-runtime", Passes: true,
				CheckReason: "different prefixes", Using: usingChain, Error: errNoProv,
				Ignored: []string{rID + ":crossed-pair", aSec + ":crossed-pair"},
				Reasons: map[string][]string{rID: {"REMOTION_AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are halves of two different pairs", "never combines", errNoProv}}},
		},
		{
			name:   "crossed pair with instance metadata disabled: provably no credentials",
			env:    []string{aID + "=AKIA", rSec + "=secret", "AWS_EC2_METADATA_DISABLED=true"},
			shared: files(false),
			want: want{Source: "default-chain", Profile: "default", Outcome: "no-credentials", Passes: true,
				CheckReason: "different prefixes", Using: usingChain, Error: errNoProv,
				Ignored: []string{rSec + ":crossed-pair", aID + ":crossed-pair"}},
		},
		{
			name:   "crossed pair, shared files unread",
			env:    []string{rID + "=AKIA", aSec + "=secret", "AWS_EC2_METADATA_DISABLED=true"},
			shared: unread,
			want: want{Source: "default-chain", Profile: "default", Outcome: "needs-runtime", Passes: true,
				CheckReason: "different prefixes", Using: usingChain, Error: errNoProv,
				Ignored: []string{rID + ":crossed-pair", aSec + ":crossed-pair"}},
		},
		{
			name:   "a missing REMOTION_AWS_PROFILE is not a fallback",
			env:    []string{rProf + "=ghost", aID + "=AKIA", aSec + "=secret"},
			shared: files(false, "render"),
			want: want{Source: "REMOTION_AWS_PROFILE", Profile: "ghost", Outcome: "profile-not-found", Passes: true,
				CheckReason: "whether or not the profile exists", Using: `the profile "ghost" (REMOTION_AWS_PROFILE)`,
				Error:   "Could not resolve credentials using profile: [ghost] in configuration/credentials file(s).",
				Ignored: []string{aID + ":lower-precedence", aSec + ":lower-precedence"},
				Reasons: map[string][]string{aID: {"the first request fails with", "[ghost]"}}},
		},
		{
			name:   "a missing AWS_PROFILE does not fall back to [default]",
			env:    []string{aProf + "=ghost", aID + "=AKIA", aSec + "=secret"},
			shared: files(true, "default"),
			want: want{Source: "AWS_PROFILE", Profile: "ghost", Outcome: "profile-not-found", Passes: true,
				CheckReason: "AWS_PROFILE is set", Using: `the profile "ghost" (AWS_PROFILE)`,
				Error:   "Could not resolve credentials using profile: [ghost] in configuration/credentials file(s).",
				Ignored: []string{aID + ":lower-precedence", aSec + ":lower-precedence"}},
		},
		{
			name:   "a profile defined without credentials",
			env:    []string{rProf + "=bare"},
			shared: files(false, "bare:none"),
			want: want{Source: "REMOTION_AWS_PROFILE", Profile: "bare", Outcome: "needs-runtime", Passes: true,
				CheckReason: "REMOTION_AWS_PROFILE is set", Using: `the profile "bare" (REMOTION_AWS_PROFILE)`,
				Error: "Could not resolve credentials using profile: [bare] in configuration/credentials file(s)."},
		},
		{
			name:   "an SSO or role profile counts as credentials",
			env:    []string{rProf + "=sso"},
			shared: files(false, "sso:other"),
			want: want{Source: "REMOTION_AWS_PROFILE", Profile: "sso", Outcome: "ok", Passes: true,
				CheckReason: "REMOTION_AWS_PROFILE is set", Using: `the profile "sso" (REMOTION_AWS_PROFILE)`},
		},
		{
			name:   "default chain: web identity needs the run time",
			env:    []string{"REMOTION_SKIP_AWS_CREDENTIALS_CHECK=1", "AWS_WEB_IDENTITY_TOKEN_FILE=/var/run/token", "AWS_ROLE_ARN=arn:aws:iam::1:role/r", "AWS_EC2_METADATA_DISABLED=true"},
			shared: files(false),
			want: want{Source: "default-chain", Profile: "default", Outcome: "needs-runtime", Passes: true,
				CheckReason: "no check runs", Using: usingChain},
		},
		{
			name:   "default chain: web identity needs a role ARN too",
			env:    []string{"REMOTION_SKIP_AWS_CREDENTIALS_CHECK=1", "AWS_WEB_IDENTITY_TOKEN_FILE=/var/run/token", "AWS_EC2_METADATA_DISABLED=TRUE"},
			shared: files(false),
			want: want{Source: "default-chain", Profile: "default", Outcome: "no-credentials", Passes: true,
				CheckReason: "no check runs", Using: usingChain, Error: errNoProv},
		},
		{
			name:   "default chain: container credentials need the run time",
			env:    []string{"REMOTION_SKIP_AWS_CREDENTIALS_CHECK=1", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI=/v2/creds", "AWS_EC2_METADATA_DISABLED=true"},
			shared: files(false),
			want: want{Source: "default-chain", Profile: "default", Outcome: "needs-runtime", Passes: true,
				CheckReason: "no check runs", Using: usingChain},
		},
		{
			name:   "default chain: instance metadata left on",
			env:    []string{"REMOTION_SKIP_AWS_CREDENTIALS_CHECK=1", "AWS_EC2_METADATA_DISABLED=false"},
			shared: files(false),
			want: want{Source: "default-chain", Profile: "default", Outcome: "needs-runtime", Passes: true,
				CheckReason: "no check runs", Using: usingChain, Error: errNoProv},
		},

		// Section 4: REMOTION_SKIP_AWS_CREDENTIALS_CHECK.
		{
			name:   "s4 skip flag 0 ignores the REMOTION pair",
			env:    []string{"REMOTION_SKIP_AWS_CREDENTIALS_CHECK=0", rID + "=AKIA", rSec + "=secret"},
			shared: unread,
			want: want{Source: "default-chain", Profile: "default", Outcome: "needs-runtime", Passes: true,
				CheckReason: "even 0, false or no", Using: usingChain, Error: errNoProv,
				Ignored: []string{rID + ":skip-check", rSec + ":skip-check"},
				Reasons: map[string][]string{rID: {"REMOTION_SKIP_AWS_CREDENTIALS_CHECK is set", "ignores REMOTION_AWS_ACCESS_KEY_ID entirely", "default chain"}}},
		},
		{
			name:   "s4 skip flag false ignores REMOTION_AWS_PROFILE",
			env:    []string{"REMOTION_SKIP_AWS_CREDENTIALS_CHECK=false", rProf + "=render"},
			shared: files(false, "render"),
			want: want{Source: "default-chain", Profile: "default", Outcome: "needs-runtime", Passes: true,
				CheckReason: "no check runs", Using: usingChain, Error: errNoProv,
				Ignored: []string{rProf + ":skip-check"}},
		},
		{
			name:   "s4 skip flag no: the chain takes the AWS pair",
			env:    []string{"REMOTION_SKIP_AWS_CREDENTIALS_CHECK=no", rID + "=AKIA:1111", rSec + "=secret", rTok + "=token", aID + "=AKIA", aSec + "=secret"},
			shared: unread,
			want: want{Source: "default-chain", AccessKeyID: akia, Outcome: "ok", Passes: true,
				CheckReason: "no check runs", Using: usingAPair + viaChain,
				Ignored: []string{rID + ":skip-check", rSec + ":skip-check", rTok + ":skip-check"}},
		},
		{
			name:   "s4 skip flag: AWS_PROFILE beats the AWS pair inside the chain",
			env:    []string{"REMOTION_SKIP_AWS_CREDENTIALS_CHECK=1", aProf + "=render", aID + "=AKIA", aSec + "=secret", aTok + "=token"},
			shared: files(false, "render"),
			want: want{Source: "default-chain", Profile: "render", Outcome: "ok", Passes: true,
				CheckReason: "no check runs", Using: `the profile "render" (AWS_PROFILE)` + viaChain,
				Ignored: []string{aID + ":lower-precedence", aSec + ":lower-precedence", aTok + ":lower-precedence"},
				Reasons: map[string][]string{aID: {"skips the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair"}}},
		},
		{
			name:   "s4 skip flag: a missing profile in the chain is not fatal, and the pair stays skipped",
			env:    []string{"REMOTION_SKIP_AWS_CREDENTIALS_CHECK=1", aProf + "=ghost", aID + "=AKIA", aSec + "=secret", "AWS_EC2_METADATA_DISABLED=true"},
			shared: files(false, "render"),
			want: want{Source: "default-chain", Profile: "ghost", Outcome: "no-credentials", Passes: true,
				CheckReason: "no check runs", Using: usingChain, Error: errNoProv,
				Ignored: []string{aID + ":lower-precedence", aSec + ":lower-precedence"}},
		},
		{
			name:   "s4 an empty skip flag counts as unset: the check runs",
			env:    []string{"REMOTION_SKIP_AWS_CREDENTIALS_CHECK="},
			shared: files(false),
			want: want{Source: "default-chain", Outcome: "throws", CheckError: errID, CheckReason: "neither AWS_ACCESS_KEY_ID",
				Using: usingThrow, Error: errID},
		},
		{
			name:   "s4 skip flag: REMOTION token ignored, temporary AWS id without its token",
			env:    []string{"REMOTION_SKIP_AWS_CREDENTIALS_CHECK=1", rTok + "=token", aID + "=ASIA", aSec + "=secret"},
			shared: unread,
			want: want{Source: "default-chain", AccessKeyID: asia, Outcome: "ok", Passes: true,
				CheckReason: "no check runs", Using: usingAPair + viaChain, Error: errToken,
				Ignored: []string{rTok + ":skip-check"}},
		},
		{
			name:   "s4 skip flag: half AWS pair beside a REMOTION half is a half pair, not crossed",
			env:    []string{"REMOTION_SKIP_AWS_CREDENTIALS_CHECK=1", rID + "=AKIA", aSec + "=secret"},
			shared: files(false, "default"),
			want: want{Source: "default-chain", Profile: "default", Outcome: "ok", Passes: true,
				CheckReason: "no check runs", Using: `the profile "default"` + viaChain,
				Ignored: []string{rID + ":skip-check", aSec + ":half-pair"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			consumer := tc.consumer
			if consumer == "" {
				consumer = "node"
			}
			got := Node(env(t, tc.env...), tc.shared, consumer)
			assertResolution(t, consumer, got, tc.want)
		})
	}
}

func TestNodeNilEnv(t *testing.T) {
	got := Node(nil, Shared{}, "node")
	if got.Outcome != OutcomeThrows || got.Check.Error != errID {
		t.Fatalf("nil env: outcome %q, check error %q", got.Outcome, got.Check.Error)
	}
}
