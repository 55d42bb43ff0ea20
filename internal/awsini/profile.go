package awsini

import "strings"

// ProfileName returns the profile name the AWS SDKs give a section of a file
// of the given flavour, and whether the SDKs use that section as a profile at
// all. header is Section.Header: the trimmed text between the brackets,
// without the brackets.
//
// credentials: "x" -> "x", true; "profile x" -> "profile x", true (a profile
// literally named so; the AWS SDK for Go v2 drops such sections and the
// JavaScript SDK files them as "profile.x", so no SDK finds profile "x").
//
// config: "default" and "profile default" -> "default", true; "profile x" ->
// "x", true (white space after "profile" is skipped and one pair of matching
// quotes around the name removed, as the JavaScript SDK does); "x" for any
// other x -> "x", false (ignored by the SDKs); "sso-session x" and
// "services x" -> "", false.
//
// An empty header or an unknown flavour gives "", false.
func ProfileName(header, flavour string) (name string, effective bool) {
	if header == "" {
		return "", false
	}
	switch flavour {
	case FlavourCredentials:
		return header, true
	case FlavourConfig:
	default:
		return "", false
	}
	if header == "default" {
		return "default", true
	}
	i := strings.IndexAny(header, " \t")
	if i < 0 {
		return header, false
	}
	typ, rest := header[:i], strings.TrimLeft(header[i:], " \t")
	switch typ {
	case "profile":
		if n := len(rest); n >= 2 && (rest[0] == '"' || rest[0] == '\'') && rest[n-1] == rest[0] {
			rest = rest[1 : n-1]
		}
		return rest, rest != ""
	case "sso-session", "services":
		return "", false
	}
	return header, false
}
