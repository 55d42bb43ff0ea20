// Package awsini reads AWS shared credentials and config files into sections
// and keys with exact positions.
//
// # Whose semantics
//
// The AWS readers disagree on the edges of the format, so one of them has to
// be the reference. Parse follows the AWS SDK for JavaScript v3
// (@smithy/shared-ini-file-loader parseIni), because that is what Remotion's
// Node APIs and CLI use, and records an Anomaly wherever another reader (the
// AWS SDK for Go v2, the AWS CLI and boto3, gopkg.in/ini.v1) reads the same
// text differently. In detail:
//
//   - Lines end at "\n"; a "\r" before it is dropped (CRLF). Any other "\r",
//     a byte-order mark and the other JavaScript white-space characters are
//     white space and are trimmed.
//   - Comments: a '#' or ';' at the start of a line or preceded by white space
//     starts a comment that runs to the end of the line, on section lines and
//     on key lines alike ("k = v # c" is "v"; "url = https://x/#a" keeps the
//     '#'). The AWS SDK for Go v2 agrees for values. The AWS CLI and boto3 (Python
//     configparser) do not strip comments after a value at all; such lines
//     carry an "inline-comment" anomaly. The brief's claim that "the AWS CLI
//     strips ' #'" holds for the JavaScript and Go SDKs, not for the CLI.
//   - A section is a line that, comments removed and trimmed, starts with '['
//     and ends with ']'. Header is the text between the brackets, trimmed
//     (the JavaScript SDK does not trim it: "[ default ]" is not "default"
//     there, hence the "section-name-spaces" anomaly). "[default]#x" or
//     "[default] x" is not a section for the JavaScript SDK (the keys below
//     stay in the previous section); Parse follows it and records
//     "text-after-section-header".
//   - A key line is any other line with '=' at a position greater than zero;
//     name and value are trimmed. Values are never unquoted, unescaped,
//     joined with continuation lines or converted: Key.Value is always exactly
//     the source text at Key.ValueSpan. The Go SDK v2 strips surrounding
//     quotes ("quoted-value" anomaly); ':' is no separator for the JavaScript
//     SDK ("line-not-understood").
//   - A key with an empty value opens a sub-section: following indented key
//     lines are nested in it (Key.Nested, Key.Parent, as "s3 =\n  x = 1"
//     becomes "s3.x"); the first non-indented key line closes it.
//   - Keys before any section are ignored by every SDK: they are reported as
//     "key-outside-section" and left out of Sections.
//   - Duplicate sections and duplicate keys are kept in file order; the SDKs
//     merge duplicate sections and the last definition of a key wins.
//
// # gopkg.in/ini.v1
//
// ini.v1 loses positions, so it cannot be the scanner; Parse loads every file
// with it a second time, with options as close to the SDKs as it offers (no
// value coercion or %(x)s expansion, case kept, no shadows, inline comments
// only after a space, no continuation lines, quotes preserved, '=' as the
// only delimiter, AWS nested values, unrecognisable lines skipped), and
// correlates both by section and key. Where ini.v1 refuses the file the
// scanner's result stands and an "ini-rejected" anomaly records why; where it
// decodes the winning definition of a key differently, a "readers-differ"
// anomaly marks the value. ini.v1 copies multi-line quoted values in
// quadratic time, so a large file containing `"""` or '`' is not handed to it
// ("ini-skipped").
//
// # Secrets
//
// Parse never puts file content into an Anomaly: details are fixed sentences
// and Anomaly.Key is set only for key names the scanner parsed. Key.Value and
// Comment.Text do hold file content, secrets included; callers must consult
// IsSecretKey before showing a value.
//
// Positions are 1-based lines and 1-based byte columns; Span.End is
// exclusive. A byte-order mark occupies columns 1-3 of line 1.
package awsini
