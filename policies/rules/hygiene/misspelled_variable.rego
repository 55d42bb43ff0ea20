# METADATA
# title: misspelled-variable
# description: |
#   Finds a variable name that is almost, but not exactly, one that Remotion
#   or the AWS SDKs read: within two edits of a known name
#   (`REMOTION_AWS_ACESS_KEY_ID`, `REMOTION_SKIP_AWS_CREDENTIAL_CHECK`), the
#   right name in the wrong case, or a known name with its prefix doubled or
#   cut (`REMOTION_REMOTION_AWS_SECRET_ACCESS_KEY`, `EMOTION_AWS_PROFILE`).
#   It looks at every env file (templates too: people copy them) and at the
#   names code reads and sets (`process.env.X`, `os.Getenv("X")`).
#
#   Nothing fails at the misspelled line: the value is simply never read.
#   Remotion and the AWS SDKs then fall back to the next credential source
#   (another prefix, a profile, the machine's `[default]` profile or the
#   default chain), a flag stays off, or a region falls back to its default,
#   which shows up much later as a render under the wrong account or in the
#   wrong region. The message names the variable it probably means and what
#   happens instead. Names of your own (`REMOTION_APP_*`, `MY_AWS_BUCKET`)
#   are not close enough to a known name to be reported, and numbered copies
#   of a known name (`REMOTION_AWS_ACCESS_KEY_ID_2`, a rotation convention)
#   are left to the account rules.
# custom:
#   severity: warning
#   summary: a variable name one or two typos away from one Remotion or the AWS SDKs read
#   requires_remotion: false
#   bad: |
#     REMOTION_AWS_ACESS_KEY_ID=AKIA...
#     REMOTION_SKIP_AWS_CREDENTIAL_CHECK=true
#   good: |
#     REMOTION_AWS_ACCESS_KEY_ID=AKIA...
#     REMOTION_SKIP_AWS_CREDENTIALS_CHECK=true
#   remotion: |
#     Remotion reads exactly `REMOTION_AWS_ACCESS_KEY_ID`,
#     `REMOTION_AWS_SECRET_ACCESS_KEY`, `REMOTION_AWS_SESSION_TOKEN`,
#     `REMOTION_AWS_PROFILE`, `REMOTION_AWS_REGION` (CLI only),
#     `REMOTION_SKIP_AWS_CREDENTIALS_CHECK` and
#     `REMOTION_DISABLE_AWS_CLIENT_CACHE`, plus the `AWS_*` names of the AWS
#     SDK. Names are case-sensitive and nothing warns about an unknown one:
#     a misspelled key id leaves the REMOTION pair incomplete, so Remotion
#     silently uses the `AWS_*` pair, a profile or the default chain.
package remolint.rules.hygiene.misspelled_variable

import data.remolint.lib

# What happens when the variable a misspelled name means is not set.
_consequence := {
	lib.remotion_id: "the key id is ignored and Remotion falls back to other credentials",
	lib.remotion_secret: "the secret is ignored and Remotion falls back to other credentials",
	lib.remotion_token: "the token is ignored and Remotion uses the REMOTION pair without one (a temporary ASIA key then fails with \"The security token included in the request is invalid\")",
	lib.remotion_profile: "the profile is ignored and Remotion falls back to other credentials",
	"REMOTION_AWS_REGION": "the region is ignored and the Remotion CLI uses AWS_REGION or us-east-1",
	lib.skip_flag: "the flag is ignored and Remotion's credentials check still runs",
	lib.cache_flag: "the flag is ignored and Remotion keeps caching its AWS clients",
	lib.aws_id: "the key id is ignored and Remotion and the AWS SDKs fall back to other credentials",
	"AWS_ACCESS_KEY": "the key id is ignored and the AWS SDKs fall back to other credentials",
	lib.aws_secret: "the secret is ignored and Remotion and the AWS SDKs fall back to other credentials",
	"AWS_SECRET_KEY": "the secret is ignored and the AWS SDKs fall back to other credentials",
	lib.aws_token: "the token is ignored and the AWS pair is used without one (a temporary ASIA key then fails with \"The security token included in the request is invalid\")",
	lib.aws_profile: "the profile is ignored and Remotion and the AWS SDKs fall back to other credentials",
	"AWS_DEFAULT_PROFILE": "the profile is ignored and the AWS SDKs fall back to other credentials",
	"AWS_REGION": "the region is ignored and the AWS SDKs fall back to their other region settings (the Remotion CLI to us-east-1)",
	"AWS_DEFAULT_REGION": "the region is ignored and the AWS SDKs fall back to their other region settings",
	"AWS_SHARED_CREDENTIALS_FILE": "the path is ignored and the AWS SDKs read ~/.aws/credentials",
	"AWS_CONFIG_FILE": "the path is ignored and the AWS SDKs read ~/.aws/config",
}

_what_happens(s) := _consequence[s]

_what_happens(s) := "the AWS SDKs ignore it" if not _consequence[s]

# Who reads the name the misspelling means.
_reads(s) := "is not a variable Remotion reads" if startswith(s, "REMOTION_")

_reads(s) := "is not a variable the AWS SDKs read" if not startswith(s, "REMOTION_")

# _numbered is true for a numbered name (REMOTION_AWS_ACCESS_KEY_ID_2,
# REMOTION_AWS_ACCESS_KEY_1) and for a known name with its number missing
# (REMOTION_AWS_ACCESS_KEY_ID_): numbered names are a rotation convention,
# not a typo, and account-number-missing and account-sequence-gap judge
# their numbers.
_numbered(v) if v.family.prefix == v.suggestion

_numbered(v) if {
	v.family
	not v.family.missing
}

# The suggestion and the family depend only on the name: the rule reads
# them once per name with a suggestion (lib.suggested), from the name's
# first definition (through the name index), and goes to the other
# definitions only for those names. _x_suggested[name] is the known name
# that name misspells (numbered names left out).

_entry_suggested := {name: s |
	files := input.envFiles
	entries := lib.env_entries
	some name in lib.suggested
	[i, j] := entries[name][0]
	s := files[i].entries[j].suggestion
	s != ""
	not _numbered(files[i].entries[j])
}

_write_suggested := {name: s |
	writes := lib.writes
	some name in lib.suggested
	w := input.code.writes[writes[name][0]]
	s := w.suggestion
	s != ""
	not _numbered(w)
}

_read_suggested := {name: s |
	reads := lib.reads
	some name in lib.suggested
	r := input.code.reads[reads[name][0]]
	s := r.suggestion
	s != ""
	not _numbered(r)
}

report contains lib.finding(rego.metadata.chain(), e.location, msg) if {
	some name, s in _entry_suggested
	some [i, j] in lib.env_entries[name]
	e := input.envFiles[i].entries[j]
	msg := sprintf("%s %s (did you mean %s?): %s", [e.name, _reads(s), s, _what_happens(s)])
}

report contains lib.finding(rego.metadata.chain(), w.location, msg) if {
	some name, s in _write_suggested
	some k in lib.writes[name]
	w := input.code.writes[k]
	not w.unset
	msg := sprintf("setting %s has no effect, it %s (did you mean %s?): %s", [w.name, _reads(s), s, _what_happens(s)])
}

report contains lib.finding(rego.metadata.chain(), w.location, msg) if {
	some name, s in _write_suggested
	some k in lib.writes[name]
	w := input.code.writes[k]
	w.unset
	msg := sprintf("deleting %s has no effect, it %s (did you mean %s?): %s stays as it was", [w.name, _reads(s), s, s])
}

report contains lib.finding(rego.metadata.chain(), r.location, msg) if {
	some name, s in _read_suggested
	some k in lib.reads[name]
	r := input.code.reads[k]
	msg := sprintf("%s looks misspelled (did you mean %s?): this read gets no value where the environment sets %s, so the code acts as if it were missing", [r.name, s, s])
}
