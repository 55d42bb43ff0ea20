package awsini

import (
	"fmt"
	"strings"
	"testing"
)

// render lists a parsed file one fact per line, with exact spans.
func render(f *File) []string {
	var out []string
	for _, s := range f.Sections {
		out = append(out, fmt.Sprintf("S %q %v name %v", s.Header, s.HeaderSpan, s.NameSpan))
		for _, k := range s.Keys {
			nest := ""
			if k.Nested {
				nest = "~" + k.Parent + " "
			}
			out = append(out, fmt.Sprintf("K %s%q %v = %q %v", nest, k.Name, k.NameSpan, k.Value, k.ValueSpan))
		}
	}
	for _, c := range f.Comments {
		out = append(out, fmt.Sprintf("C %q %v", c.Text, c.Span))
	}
	for _, a := range f.Anomalies {
		key := ""
		if a.Key != "" {
			key = " key=" + a.Key
		}
		out = append(out, fmt.Sprintf("A %s %v%s", a.Kind, a.Span, key))
	}
	return out
}

type parseCase struct {
	name    string
	src     string
	flavour string
	want    []string
}

var parseCases = []parseCase{
	{
		name: "credentials LF",
		src:  "[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n",
		want: []string{
			`S "default" 1:1-1:10 name 1:2-1:9`,
			`K "aws_access_key_id" 2:1-2:18 = "AKIAIOSFODNN7EXAMPLE" 2:21-2:41`,
			`K "aws_secret_access_key" 3:1-3:22 = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" 3:25-3:65`,
		},
	},
	{
		name: "CRLF",
		src:  "[default]\r\nregion = eu-west-1\r\n\r\n[profile render]\r\nregion=us-east-1\r\n",
		want: []string{
			`S "default" 1:1-1:10 name 1:2-1:9`,
			`K "region" 2:1-2:7 = "eu-west-1" 2:10-2:19`,
			`S "profile render" 4:1-4:17 name 4:2-4:16`,
			`K "region" 5:1-5:7 = "us-east-1" 5:8-5:17`,
		},
	},
	{
		name: "equals with and without spaces, '=' inside a value",
		src:  "[a]\nk1=v1\nk2 =v2\nk3= v3\nk4   =   v4   \nk5 = abc==\nk6 =\nk7=\n",
		want: []string{
			`S "a" 1:1-1:4 name 1:2-1:3`,
			`K "k1" 2:1-2:3 = "v1" 2:4-2:6`,
			`K "k2" 3:1-3:3 = "v2" 3:5-3:7`,
			`K "k3" 4:1-4:3 = "v3" 4:5-4:7`,
			`K "k4" 5:1-5:3 = "v4" 5:10-5:12`,
			`K "k5" 6:1-6:3 = "abc==" 6:6-6:11`,
			`K "k6" 7:1-7:3 = "" 7:5-7:5`,
			`K "k7" 8:1-8:3 = "" 8:4-8:4`,
		},
	},
	{
		name: "indentation of headers and keys",
		src:  "  [default]  \n\tregion = x\n    output = json\n",
		want: []string{
			`S "default" 1:3-1:12 name 1:4-1:11`,
			`K "region" 2:2-2:8 = "x" 2:11-2:12`,
			`K "output" 3:5-3:11 = "json" 3:14-3:18`,
		},
	},
	{
		name: "duplicate sections and keys are kept in order",
		src:  "[a]\nk = 1\nk = 2\n[b]\n[a]\nk = 3\n",
		want: []string{
			`S "a" 1:1-1:4 name 1:2-1:3`,
			`K "k" 2:1-2:2 = "1" 2:5-2:6`,
			`K "k" 3:1-3:2 = "2" 3:5-3:6`,
			`S "b" 4:1-4:4 name 4:2-4:3`,
			`S "a" 5:1-5:4 name 5:2-5:3`,
			`K "k" 6:1-6:2 = "3" 6:5-6:6`,
		},
	},
	{
		name: "keys before any section",
		src:  "region = x\nfoo=bar\n[a]\nk=v\n",
		want: []string{
			`S "a" 3:1-3:4 name 3:2-3:3`,
			`K "k" 4:1-4:2 = "v" 4:3-4:4`,
			`A key-outside-section 1:1-1:11 key=region`,
			`A key-outside-section 2:1-2:8`,
		},
	},
	{
		name: "comments with # and ;",
		src: "# remolint:ignore profile-malformed reason\n; semi\n  # indented\n[a] # on header\n" +
			"k = v # trailing\nk2 = v\t; tab\nurl = https://x/#frag\nk3 = a;b\n",
		want: []string{
			`S "a" 4:1-4:4 name 4:2-4:3`,
			`K "k" 5:1-5:2 = "v" 5:5-5:6`,
			`K "k2" 6:1-6:3 = "v" 6:6-6:7`,
			`K "url" 7:1-7:4 = "https://x/#frag" 7:7-7:22`,
			`K "k3" 8:1-8:3 = "a;b" 8:6-8:9`,
			`C "# remolint:ignore profile-malformed reason" 1:1-1:43`,
			`C "; semi" 2:1-2:7`,
			`C "# indented" 3:3-3:13`,
			`C "# on header" 4:5-4:16`,
			`C "# trailing" 5:7-5:17`,
			`C "; tab" 6:8-6:13`,
			`A inline-comment 5:7-5:17 key=k`,
			`A readers-differ 6:6-6:7 key=k2`, // ini.v1 only strips after a space
			`A inline-comment 6:8-6:13 key=k2`,
		},
	},
	{
		name: "non-ASCII white space before a comment",
		src:  "[a]\nk = v\u00a0# c\n",
		want: []string{
			`S "a" 1:1-1:4 name 1:2-1:3`,
			`K "k" 2:1-2:2 = "v" 2:5-2:6`,
			`C "# c" 2:8-2:11`,
			`A readers-differ 2:5-2:6 key=k`,
			`A inline-comment 2:8-2:11 key=k`,
		},
	},
	{
		name: "byte-order mark",
		src:  "\ufeff[default]\nregion = x\n",
		want: []string{
			`S "default" 1:4-1:13 name 1:5-1:12`,
			`K "region" 2:1-2:7 = "x" 2:10-2:11`,
			`A bom 1:1-1:4`,
		},
	},
	{
		name:    "nested sub-section",
		flavour: FlavourConfig,
		src:     "[default]\ns3 =\n  max_concurrent_requests = 20\n  addressing_style = path\nregion = x\n  indented = y\n",
		want: []string{
			`S "default" 1:1-1:10 name 1:2-1:9`,
			`K "s3" 2:1-2:3 = "" 2:5-2:5`,
			`K ~s3 "max_concurrent_requests" 3:3-3:26 = "20" 3:29-3:31`,
			`K ~s3 "addressing_style" 4:3-4:19 = "path" 4:22-4:26`,
			`K "region" 5:1-5:7 = "x" 5:10-5:11`,
			`K "indented" 6:3-6:11 = "y" 6:14-6:15`,
		},
	},
	{
		name: "a new section closes a sub-section",
		src:  "[a]\ns3 =\n[b]\n  k = v\n",
		want: []string{
			`S "a" 1:1-1:4 name 1:2-1:3`,
			`K "s3" 2:1-2:3 = "" 2:5-2:5`,
			`S "b" 3:1-3:4 name 3:2-3:3`,
			`K "k" 4:3-4:4 = "v" 4:7-4:8`,
		},
	},
	{
		name: "section header variants",
		src:  "[ default ]\n[profile  x]\n[default]#c\n[default] x\n[open\n[]\n[ ]\n[profile x] ; c\n",
		want: []string{
			`S "default" 1:1-1:12 name 1:3-1:10`,
			`S "profile  x" 2:1-2:13 name 2:2-2:12`,
			`S "" 6:1-6:3 name 6:2-6:2`,
			`S "" 7:1-7:4 name 7:2-7:2`,
			`S "profile x" 8:1-8:12 name 8:2-8:11`,
			`C "; c" 8:13-8:16`,
			`A section-name-spaces 1:3-1:10`,
			`A section-name-spaces 2:2-2:12`,
			`A text-after-section-header 3:1-3:12`,
			`A text-after-section-header 4:1-4:12`,
			`A ini-rejected 5:1-5:6`, // ini.v1 stops at the first unclosed header
			`A unterminated-section-header 5:1-5:6`,
			`A empty-section-name 6:1-6:3`,
			`A empty-section-name 7:1-7:4`,
		},
	},
	{
		name: "keys after an unrecognised header stay in the previous section",
		src:  "[a]\n[b]#c\nk = v\n",
		want: []string{
			`S "a" 1:1-1:4 name 1:2-1:3`,
			`K "k" 3:1-3:2 = "v" 3:5-3:6`,
			`A text-after-section-header 2:1-2:6`,
		},
	},
	{
		name: "lines not understood",
		src:  "[a]\nregion: eu-west-1\njust text\n= value\n  \t \n",
		want: []string{
			`S "a" 1:1-1:4 name 1:2-1:3`,
			`A line-not-understood 2:1-2:18`,
			`A line-not-understood 3:1-3:10`,
			`A line-not-understood 4:1-4:8`,
		},
	},
	{
		name: "quoted values keep their quotes",
		src:  "[a]\nk = \"v\"\nk2 = 'v'\nk3 = \"v'\nk4 = \"\"\n",
		want: []string{
			`S "a" 1:1-1:4 name 1:2-1:3`,
			`K "k" 2:1-2:2 = "\"v\"" 2:5-2:8`,
			`K "k2" 3:1-3:3 = "'v'" 3:6-3:9`,
			`K "k3" 4:1-4:3 = "\"v'" 4:6-4:9`,
			`K "k4" 5:1-5:3 = "\"\"" 5:6-5:8`,
			`A quoted-value 2:5-2:8 key=k`,
			`A quoted-value 3:6-3:9 key=k2`,
			`A quoted-value 5:6-5:8 key=k4`,
		},
	},
	{
		name: "readers differ on a value that starts with a comment",
		src:  "[a]\nk = #x\nk2=#x\n",
		want: []string{
			`S "a" 1:1-1:4 name 1:2-1:3`,
			`K "k" 2:1-2:2 = "" 2:4-2:4`,
			`K "k2" 3:1-3:3 = "#x" 3:4-3:6`,
			`C "#x" 2:5-2:7`,
			`A readers-differ 2:4-2:4 key=k`, // ini.v1 reads "#x"
			`A inline-comment 2:5-2:7 key=k`,
		},
	},
	{
		name: "only the winning definition is cross-checked",
		src:  "[a]\nk = v\t# c\nk = w\n",
		want: []string{
			`S "a" 1:1-1:4 name 1:2-1:3`,
			`K "k" 2:1-2:2 = "v" 2:5-2:6`,
			`K "k" 3:1-3:2 = "w" 3:5-3:6`,
			`C "# c" 2:7-2:10`,
			`A inline-comment 2:7-2:10 key=k`,
		},
	},
	{
		name: "ini.v1 rejects an unterminated multi-line quote",
		src:  "[a]\nk = \"\"\"abc\nj = 1\n",
		want: []string{
			`S "a" 1:1-1:4 name 1:2-1:3`,
			`K "k" 2:1-2:2 = "\"\"\"abc" 2:5-2:11`,
			`K "j" 3:1-3:2 = "1" 3:5-3:6`,
			`A ini-rejected 2:5-2:11`,
		},
	},
	{
		name: "ini.v1 rejects an unclosed section",
		src:  "[a]\nk=v\n[b\n",
		want: []string{
			`S "a" 1:1-1:4 name 1:2-1:3`,
			`K "k" 2:1-2:2 = "v" 2:3-2:4`,
			`A ini-rejected 3:1-3:3`,
			`A unterminated-section-header 3:1-3:3`,
		},
	},
	{
		name: "ini.v1 rejects an empty section name",
		src:  "[a]\n[]\nk=v\n",
		want: []string{
			`S "a" 1:1-1:4 name 1:2-1:3`,
			`S "" 2:1-2:3 name 2:2-2:2`,
			`K "k" 3:1-3:2 = "v" 3:3-3:4`,
			`A empty-section-name 2:1-2:3`,
			`A ini-rejected 2:1-2:3`,
		},
	},
	{
		name: "reserved section name",
		src:  "[__proto__]\n",
		want: []string{
			`S "__proto__" 1:1-1:12 name 1:2-1:11`,
			`A reserved-section-name 1:2-1:11`,
		},
	},
	{
		name: "NUL bytes and invalid UTF-8 are reported once",
		src:  "[a]\nk = a\x00b\nj = \xff\xfe\nl = \x00\n",
		want: []string{
			`S "a" 1:1-1:4 name 1:2-1:3`,
			`K "k" 2:1-2:2 = "a\x00b" 2:5-2:8`,
			`K "j" 3:1-3:2 = "\xff\xfe" 3:5-3:7`,
			`K "l" 4:1-4:2 = "\x00" 4:5-4:6`,
			`A nul-byte 2:6-2:7`,
			`A invalid-utf8 3:5-3:6`,
		},
	},
	{
		name: "no trailing newline, lone CR is white space",
		src:  "[a]\rk = v\r\n[b]\nk=v\r",
		// "[a]\rk = v" starts with '[' and does not end with ']'.
		want: []string{
			`S "b" 2:1-2:4 name 2:2-2:3`,
			`K "k" 3:1-3:2 = "v" 3:3-3:4`,
			`A text-after-section-header 1:1-1:10`,
		},
	},
	{
		name: "empty input",
		src:  "",
		want: nil,
	},
}

func TestParse(t *testing.T) {
	for _, tc := range parseCases {
		t.Run(tc.name, func(t *testing.T) {
			fl := tc.flavour
			if fl == "" {
				fl = FlavourCredentials
			}
			f := Parse([]byte(tc.src), fl)
			got := render(f)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("Parse(%q):\ngot:\n\t%s\nwant:\n\t%s", tc.src, strings.Join(got, "\n\t"), strings.Join(tc.want, "\n\t"))
			}
			if f.Flavour != fl {
				t.Errorf("Flavour = %q, want %q", f.Flavour, fl)
			}
			checkInvariants(t, []byte(tc.src), f)
		})
	}
}

func TestHasDefault(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want bool
	}{
		{"[default]\n", true},
		{"# [default] is commented out\n[render]\n", true}, // Remotion only looks at the text
		{"[ default ]\n", false},
		{"[profile default]\n", false},
		{"[Default]\n", false},
		{"", false},
	} {
		if got := Parse([]byte(tc.src), FlavourCredentials).HasDefault; got != tc.want {
			t.Errorf("HasDefault(%q) = %v, want %v", tc.src, got, tc.want)
		}
	}
}

// TestAnomalyDetailsHoldNoValue puts secret-looking values into every
// construct that produces an anomaly and checks that no detail or key
// field repeats them.
func TestAnomalyDetailsHoldNoValue(t *testing.T) {
	const secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
	src := strings.Join([]string{
		"aws_secret_access_key = " + secret,
		secret,
		"[" + secret,
		"[" + secret + "]x",
		"[default]",
		secret + ": x",
		secret + "=x",
		"aws_secret_access_key = \"" + secret + "\" # " + secret,
		"aws_session_token = \t#" + secret,
		"k = \"\"\"" + secret,
	}, "\n")
	f := Parse([]byte(src), FlavourCredentials)
	if len(f.Anomalies) < 8 {
		t.Fatalf("expected many anomalies, got %d", len(f.Anomalies))
	}
	for _, a := range f.Anomalies {
		if strings.Contains(a.Detail, "EXAMPLEKEY") || strings.Contains(a.Key, "EXAMPLEKEY") {
			t.Errorf("anomaly %s leaks the value", a.Kind)
		}
	}
}
