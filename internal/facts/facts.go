// Package facts defines the fact document: the one JSON-serialisable value that
// every extractor fills, the credential resolver annotates, and every policy
// (built-in or a team's own) reads as `input`.
//
// The document is a public contract. Field names are fixed once published: add
// fields freely, rename none. Secret values never enter it: variables whose
// names may hold secrets carry only a shape, a redacted display form and a hash.
package facts

// Version is the fact document's schema version (`input.version`).
const Version = 1

// Location is a position in a scanned file. Path is relative to the working
// directory, slash-separated, without a leading "./". Line and Column are
// 1-based; Column counts bytes. EndLine/EndColumn, when set, point one past the
// last byte of the span (exclusive), on the same convention.
type Location struct {
	Path      string `json:"path"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine,omitempty"`
	EndColumn int    `json:"endColumn,omitempty"`
}

// Value shapes. A shape says what a value looks like without revealing it.
const (
	ShapeEmpty       = "empty"                // "" (counts as unset for Remotion)
	ShapeAccessKeyID = "aws-access-key-id"    // AKIA/ABIA/ACCA/A3T... + 16, long-term
	ShapeTempKeyID   = "aws-temporary-key-id" // ASIA... + 16, needs a session token
	ShapePlaceholder = "placeholder"          // xxx, <your-key>, ..., AKIA...EXAMPLE, changeme
	ShapeOther       = "other"
)

// Document is `input` for every policy.
type Document struct {
	Version int `json:"version"`
	// Project aggregates every project below the scanned roots (union of
	// platforms and consumers; remotion when any project is a Remotion project).
	Project Project `json:"project"`
	// Projects lists each project folder (nearest package.json, go.mod, .git,
	// or the scan root) with its own platforms and consumers.
	Projects     []Project     `json:"projects"`
	Files        []File        `json:"files"`
	EnvFiles     []EnvFile     `json:"envFiles"`
	Environments []Environment `json:"environments"`
	SharedFiles  []SharedFile  `json:"sharedFiles"`
	// Profiles lists every profile defined by a scanned AWS shared file, in
	// file order.
	Profiles []Profile `json:"profiles"`
	Code     Code      `json:"code"`
	// Diagnostics are problems remolint had reading the tree (a file over the
	// size cap, an unreadable file). Policies may read them; the CLI prints them.
	Diagnostics []Diagnostic `json:"diagnostics"`
	// Index holds lookups by variable name over the lists above, so that a
	// policy goes straight to the definitions of the names it checks: its
	// cost follows those definitions, not the size of the tree.
	Index Index `json:"index"`
	// Accounts holds the numbers of the numbered account families that
	// each scope defines, worked out from the lists above for the account
	// rules (which read it through policies/lib).
	Accounts Accounts `json:"accounts"`
}

// Accounts is the count of the numbered account families (AWS_KEY_1,
// AWS_SECRET_1, ...), as the account rules count them: in every scope, the
// numbers each family's definitions use. A scope is an environment (its
// winning variables), or an env file checked on its own entries (a
// template, or a file no environment layers). A family counts when its
// prefix names a credential, or when code reads the prefix with a
// run-time index (`process.env["AWS_KEY_" + i]`). remolint fills it with
// the index (model.Build); policies/lib derives the same for a document
// without it (policies/accounts_test.go checks that both agree).
type Accounts struct {
	// Numbers lists one group per scope, prefix, padded and exists, in the
	// order of those four, with the numbers its definitions use (a name
	// with no number counts as number 0).
	Numbers []AccountGroup `json:"numbers"`
	// PaddedDefs lists the definitions of zero-padded names (AWS_KEY_01),
	// which the count-until-missing loop never reads.
	PaddedDefs []PaddedDef `json:"paddedDefs"`
	// StemNumbers lists, for each env file that defines a name with no
	// number (AWS_SECRET_) and each prefix of that name's stem (AWS), the
	// numbers the prefix uses in the file that the loop can read: not
	// zero-padded, 1 and up. Sorted by file, stem and prefix.
	StemNumbers []StemNumbers `json:"stemNumbers"`
}

// StemNumbers is the numbers one family uses in one env file.
type StemNumbers struct {
	// File is the env file's index in envFiles.
	File int `json:"file"`
	// Stem is the stem the family shares with a name of the file that has
	// no number.
	Stem string `json:"stem"`
	// Prefix is the family's prefix (AWS_KEY for AWS_KEY_1).
	Prefix string `json:"prefix"`
	// Numbers are the numbers, ascending.
	Numbers []int `json:"numbers"`
}

// AccountGroup is the numbers of one family in one scope.
type AccountGroup struct {
	// Scope is an environment's index in environments when at least 0,
	// else that of env file -1-Scope in envFiles.
	Scope int `json:"scope"`
	// Prefix is the family's prefix (AWS_KEY for AWS_KEY_1).
	Prefix string `json:"prefix"`
	// Padded is true for the zero-padded names of the family (AWS_KEY_01).
	Padded bool `json:"padded"`
	// Exists is true for definitions that hold an account: a value, or any
	// line of a template.
	Exists bool `json:"exists"`
	// Numbers are the numbers the group's names use, ascending (0 for a
	// name with no number, AWS_SECRET_).
	Numbers []int `json:"numbers"`
}

// PaddedDef is one definition of a zero-padded name.
type PaddedDef struct {
	// Scope is the definition's scope, as in AccountGroup.
	Scope int `json:"scope"`
	// Prefix is the name's family prefix.
	Prefix string `json:"prefix"`
	// Exists is true when the definition holds an account, as in
	// AccountGroup.
	Exists bool `json:"exists"`
	// Number is the name's number (1 for AWS_KEY_01).
	Number int `json:"number"`
	// Name is the variable name.
	Name string `json:"name"`
	// At is the definition's index in the scope's variables or entries.
	At int `json:"at"`
}

// Index maps each variable name to where the document holds it, and lists
// the names a rule looks for among all of them. Every list of positions is
// in document order; a name absent from a map has no such occurrence.
// remolint fills it last, from the finished document (model.Build).
type Index struct {
	// EnvEntries maps a name to its env-file entries, as [file, entry] pairs:
	// envFiles[file].entries[entry].
	EnvEntries map[string][][2]int `json:"envEntries"`
	// Variables maps a name to its environment variables, as [environment,
	// variable] pairs: environments[environment].variables[variable].
	Variables map[string][][2]int `json:"variables"`
	// Reads and Writes map a name to the indexes of its accesses in
	// code.reads and code.writes. A dynamic access is under its name, ""
	// when it has none.
	Reads  map[string][]int `json:"reads"`
	Writes map[string][]int `json:"writes"`
	// Suggested lists, sorted, the distinct names of env-file entries and
	// code accesses that have a Suggestion (a misspelling of a known name;
	// it depends only on the name).
	Suggested []string `json:"suggested"`
	// Overriding lists the environment variables that override an earlier
	// definition of their name (their overrides are not empty), as
	// [environment, variable] pairs in document order.
	Overriding [][2]int `json:"overriding"`
	// Anomalies lists every env-file anomaly, as [file, anomaly] pairs:
	// envFiles[file].anomalies[anomaly], in document order.
	Anomalies [][2]int `json:"anomalies"`
	// CommittedKeys lists the env-file entries whose value looks like a key
	// (a key id, with its display form, or a secret access key) in files
	// that are templates or that git tracks, as [file, entry] pairs in
	// document order.
	CommittedKeys [][2]int `json:"committedKeys"`
	// RegionValues maps each region variable that env files set
	// (AWS_REGION, REMOTION_AWS_REGION) to the values they set it to, and
	// each value to those entries, as [file, entry] pairs in document order:
	// the few distinct regions a rule compares with its lists, instead of
	// every entry (a monorepo sets a region in every project). Only entries
	// that are set count.
	RegionValues map[string]map[string][][2]int `json:"regionValues"`
}

// Consumers: what reads the credentials.
const (
	ConsumerNode   = "node"   // @remotion/lambda or @remotion/lambda-client Node APIs
	ConsumerCLI    = "cli"    // the remotion CLI (`remotion lambda ...`)
	ConsumerGo     = "go"     // github.com/remotion-dev/lambda_go_sdk
	ConsumerPython = "python" // remotion-lambda
	ConsumerPHP    = "php"    // remotion/lambda
)

// Platforms that own AWS_* names.
const (
	PlatformVercel  = "vercel"
	PlatformNetlify = "netlify"
	PlatformLambda  = "aws-lambda"
)

// Project describes one project folder.
type Project struct {
	// Dir is the project folder relative to the working directory ("." for the
	// working directory itself). Empty in the aggregate Document.Project.
	Dir string `json:"dir,omitempty"`
	// Remotion is true when the project is a Remotion project (rules.md: a
	// Remotion dependency or import, a remotion.config.*, or any REMOTION_AWS_* name).
	Remotion  bool     `json:"remotion"`
	Platforms []string `json:"platforms"`
	Consumers []string `json:"consumers"`
	// Signals records why each platform, consumer and the remotion flag were
	// decided, with the location of the evidence.
	Signals []Signal `json:"signals,omitempty"`
	// Loaders lists what loads env files for this project's Node code:
	// "dotenv" (import/call), "node-env-file" (node --env-file), "dotenv-cli",
	// "nextjs", "bun". Filled from package.json and code facts.
	Loaders []string `json:"loaders,omitempty"`
}

// Signal is one piece of evidence about a project.
type Signal struct {
	Kind     string   `json:"kind"`  // "platform", "consumer", "remotion", "loader"
	Value    string   `json:"value"` // e.g. "vercel", "node", "dotenv"
	Reason   string   `json:"reason"`
	Location Location `json:"location"`
}

// File kinds.
const (
	KindEnv            = "env"
	KindAWSCredentials = "aws-credentials"
	KindAWSConfig      = "aws-config"
	KindPackageJSON    = "package.json"
	KindGoMod          = "go.mod"
	KindJS             = "js"
	KindGo             = "go"
	KindPlatformMarker = "platform-marker"
	KindOther          = "other"
)

// File is one file remolint read.
type File struct {
	Path string `json:"path"`
	Kind string `json:"kind"`
	// Project is the Dir of the enclosing project.
	Project string `json:"project"`
	// Git state, when the file is inside a git work tree: Tracked (in the
	// index) and Ignored (matched by .gitignore). GitKnown is false outside a
	// work tree, in which case both are false and git rules stay silent.
	GitKnown bool `json:"gitKnown"`
	Tracked  bool `json:"tracked"`
	Ignored  bool `json:"ignored"`
}

// EnvFile is one env file with every entry in file order (duplicates kept).
type EnvFile struct {
	Path    string `json:"path"`
	Dir     string `json:"dir"`
	Project string `json:"project"`
	// Template marks documentation files (.env.example, .env.sample,
	// .env.template, .env.dist, .env.defaults, example.env, ...).
	Template bool `json:"template"`
	// Backup marks copies no tool loads (.env.bak, .env.old, .env.orig,
	// .env.backup, .env.save, .env.swp, .env.tmp): checked like other env
	// files, never layered into an environment.
	Backup bool `json:"backup,omitempty"`
	// Mode is the <mode> of .env.<mode> / .env.<mode>.local, "" for .env and
	// .env.local; Local marks the .local layers.
	Mode  string `json:"mode"`
	Local bool   `json:"local"`
	// Dialect is the dialect that decides values for this file's consumers:
	// "node" or "go".
	Dialect  string     `json:"dialect"`
	GitKnown bool       `json:"gitKnown"`
	Tracked  bool       `json:"tracked"`
	Ignored  bool       `json:"ignored"`
	Entries  []Variable `json:"entries"`
	// Anomalies are lines a dialect reads differently from how they look.
	Anomalies []Anomaly `json:"anomalies"`
}

// Anomaly is one syntax problem in an env or shared file.
type Anomaly struct {
	// Kind is a stable identifier, e.g. "hash-in-unquoted-value",
	// "space-around-equals", "unterminated-quote", "text-after-quote",
	// "key-dropped", "key-rejected-by-go", "expansion", "bom",
	// "duplicate-key", "dialects-differ".
	Kind string `json:"kind"`
	// Key is the entry's key when the anomaly belongs to one.
	Key string `json:"key,omitempty"`
	// Dialect says which reader is affected: "node", "go" or "both".
	Dialect string `json:"dialect"`
	// Detail is a short human explanation with no secret value in it.
	Detail   string   `json:"detail"`
	Location Location `json:"location"`
	// Related points at the other place involved (e.g. the first definition
	// of a duplicated key).
	Related *Location `json:"related,omitempty"`
}

// Variable is one environment variable definition: an env-file entry, a
// process-environment variable, or the winning definition in an environment.
type Variable struct {
	Name string `json:"name"`
	// Value is present only for names that are not secret (regions, flags,
	// profile names, file paths); see Secret.
	Value string `json:"value,omitempty"`
	// Secret is true when the value was withheld.
	Secret bool `json:"secret"`
	// Set is true when the value is non-empty (Remotion's definition of set).
	Set bool `json:"set"`
	// Shape classifies the value; Display is the redacted form for key ids
	// ("AKIA…WXYZ"), "" otherwise; Hash is a stable hash of the value for
	// equality checks ("" when empty).
	Shape   string `json:"shape"`
	Display string `json:"display,omitempty"`
	Hash    string `json:"hash,omitempty"`
	// LooksLikeSecretKey: 40 base64-ish characters (an AWS secret access key).
	LooksLikeSecretKey bool `json:"looksLikeSecretKey,omitempty"`
	// Location spans the key; ValueLocation spans the value text.
	Location      Location  `json:"location"`
	ValueLocation *Location `json:"valueLocation,omitempty"`
	// Known is true for a known Remotion/AWS variable name; Suggestion is the
	// known name this one probably misspells ("" when none).
	Known      bool   `json:"known"`
	Suggestion string `json:"suggestion,omitempty"`
	// Family is set for numbered names such as AWS_KEY_2 or AWS_SECRET_.
	Family *Family `json:"family,omitempty"`
	// Overrides lists earlier definitions of the same name that this one
	// replaces (same file or weaker layer), in an environment only.
	Overrides []Override `json:"overrides,omitempty"`
}

// Family describes a numbered variable name `<Prefix>_<n>`.
type Family struct {
	Prefix string `json:"prefix"` // "AWS_KEY"
	// Index is n; 0 when the number is missing (AWS_SECRET_).
	Index int `json:"index"`
	// Missing is true for a name that ends in "_" with no number.
	Missing bool `json:"missing"`
	// Padded is true for a zero-padded number (AWS_KEY_01), which the
	// count-until-missing loop never reads.
	Padded bool `json:"padded"`
	// Credential is true when Prefix names a key, secret, token, password,
	// account or credential.
	Credential bool `json:"credential"`
	// Role is "key", "secret", "token" or "" and Stem groups the two halves of
	// a pair: AWS_KEY_n and AWS_SECRET_n share Stem "AWS".
	Role string `json:"role,omitempty"`
	Stem string `json:"stem,omitempty"`
}

// Override records that a definition replaced an earlier one.
type Override struct {
	Location  Location `json:"location"`
	SameValue bool     `json:"sameValue"`
}

// Environment is the set of variables one program sees.
type Environment struct {
	// ID is "DIR", "DIR (MODE)" or "process environment".
	ID      string `json:"id"`
	Dir     string `json:"dir"`
	Mode    string `json:"mode"`
	Project string `json:"project"`
	// Process is true for the process environment (--env).
	Process bool `json:"process"`
	// Files are the layers, weakest first.
	Files []string `json:"files"`
	// Variables holds the winning definition of each name, sorted by name.
	Variables []Variable `json:"variables"`
	// Platforms, Consumers and Remotion are copied from the project.
	Platforms []string `json:"platforms"`
	Consumers []string `json:"consumers"`
	Remotion  bool     `json:"remotion"`
	// SharedFiles are the AWS shared files that apply to this environment:
	// the ones its AWS_SHARED_CREDENTIALS_FILE/AWS_CONFIG_FILE name, else the
	// scanned ones that no environment names. The resolver sees only these.
	SharedFiles []string    `json:"sharedFiles"`
	Resolution  Resolutions `json:"resolution"`
}

// Resolutions holds the resolver's verdict per consumer family.
type Resolutions struct {
	Node *Resolution `json:"node,omitempty"`
	Go   *Resolution `json:"go,omitempty"`
}

// Resolution is what a consumer will do with an environment.
type Resolution struct {
	Consumer string `json:"consumer"`
	Check    Check  `json:"check"`
	// Source: REMOTION_AWS_PROFILE | REMOTION_AWS_ACCESS_KEY_ID | AWS_PROFILE |
	// AWS_ACCESS_KEY_ID | default-chain.
	Source string `json:"source"`
	// Profile is the profile used (source is a profile, or the chain's).
	Profile string `json:"profile"`
	// AccessKeyID is the redacted id that will be used ("" when none).
	AccessKeyID  string `json:"accessKeyId"`
	SessionToken bool   `json:"sessionToken"`
	// Outcome: ok | throws | profile-not-found | no-credentials | needs-runtime.
	Outcome string    `json:"outcome"`
	Ignored []Ignored `json:"ignored"`
	// Using describes the winner in words, for messages: "the
	// REMOTION_AWS_ACCESS_KEY_ID/REMOTION_AWS_SECRET_ACCESS_KEY pair".
	Using string `json:"using"`
	// Error is the error the user will see at run time, when known.
	Error string `json:"error,omitempty"`
}

// Check is the result of Remotion's pre-flight credentials check.
type Check struct {
	Passes bool   `json:"passes"`
	Error  string `json:"error"`
	// Reason says in words which step decided the check, and notes an
	// assumption (e.g. no shared credentials file was scanned, so "[default]"
	// is taken as absent).
	Reason string `json:"reason,omitempty"`
}

// Ignored is a credential source that loses or is ignored, with the reason.
type Ignored struct {
	Name   string `json:"name"`
	Reason string `json:"reason"`
	// Code classifies the reason: "lower-precedence", "half-pair",
	// "crossed-pair", "token-other-prefix", "skip-check", "empty",
	// "not-read" (a name this consumer never reads, e.g. REMOTION_* for Go).
	Code string `json:"code,omitempty"`
}

// SharedFile is one AWS shared credentials or config file.
type SharedFile struct {
	Path string `json:"path"`
	// Flavour is "credentials" or "config".
	Flavour  string `json:"flavour"`
	GitKnown bool   `json:"gitKnown"`
	Tracked  bool   `json:"tracked"`
	Ignored  bool   `json:"ignored"`
	// HasDefault is true when the file contains the text "[default]" (what
	// Remotion's check looks for).
	HasDefault bool      `json:"hasDefault"`
	Anomalies  []Anomaly `json:"anomalies"`
}

// Profile is one section of an AWS shared file.
type Profile struct {
	// Name is the profile name as the SDKs see it ("render" for
	// "[profile render]" in a config file; "profile render" for the same
	// header in a credentials file).
	Name string `json:"name"`
	// Header is the literal section name between the brackets.
	Header string `json:"header"`
	// Flavour is the flavour of the file that defines it.
	Flavour  string       `json:"flavour"`
	Path     string       `json:"path"`
	Location Location     `json:"location"`
	Keys     []ProfileKey `json:"keys"`
	// Effective is false for sections the SDKs ignore (a non-default [NAME]
	// in a config file).
	Effective bool `json:"effective"`
}

// ProfileKey is one key of a profile. Values are present only for non-secret
// keys (region, source_profile, role_arn, output, ...).
type ProfileKey struct {
	Name string `json:"name"`
	// LooksLikeSecretKey: the value has the shape of an AWS secret access key.
	LooksLikeSecretKey bool      `json:"looksLikeSecretKey,omitempty"`
	Value              string    `json:"value,omitempty"`
	Secret             bool      `json:"secret"`
	Set                bool      `json:"set"`
	Shape              string    `json:"shape"`
	Display            string    `json:"display,omitempty"`
	Suggestion         string    `json:"suggestion,omitempty"`
	Known              bool      `json:"known"`
	Location           Location  `json:"location"`
	ValueLocation      *Location `json:"valueLocation,omitempty"`
}

// Code holds facts extracted from source code (JS/TS, Go) and JSON config.
type Code struct {
	Reads         []EnvAccess    `json:"reads"`
	Writes        []EnvAccess    `json:"writes"`
	RemotionCalls []RemotionCall `json:"remotionCalls"`
	DotenvLoads   []DotenvLoad   `json:"dotenvLoads"`
	Literals      []Literal      `json:"literals"`
	Imports       []Import       `json:"imports"`
}

// EnvAccess is a read or write of an environment variable in code.
type EnvAccess struct {
	// Name is the variable name; for a dynamic name ("AWS_KEY_" + n) Name is
	// "" and Prefix holds the constant prefix.
	Name   string `json:"name,omitempty"`
	Prefix string `json:"prefix,omitempty"`
	// Dynamic is true when the name is computed at run time.
	Dynamic bool `json:"dynamic"`
	// Guard is true for presence checks (!process.env.X, process.env.X ??, if (...)).
	Guard bool `json:"guard,omitempty"`
	// Unset is true for a delete/Unsetenv.
	Unset bool `json:"unset,omitempty"`
	// Value is the assigned literal for writes of non-secret names, Shape
	// classifies it; Literal is true when a literal was assigned.
	Value    string   `json:"value,omitempty"`
	Shape    string   `json:"shape,omitempty"`
	Literal  bool     `json:"literal,omitempty"`
	Language string   `json:"language"` // "js" or "go"
	Project  string   `json:"project"`
	Location Location `json:"location"`
	// Known/Suggestion as for Variable.
	Known      bool    `json:"known"`
	Suggestion string  `json:"suggestion,omitempty"`
	Family     *Family `json:"family,omitempty"`
}

// RemotionCall is a call of a Remotion Lambda API.
type RemotionCall struct {
	Function string `json:"function"` // renderMediaOnLambda, RenderMediaOnLambda, ...
	// Region is the literal passed as region, if any (the whole argument is
	// one string literal).
	Region         string   `json:"region,omitempty"`
	RegionLocation Location `json:"regionLocation"`
	// RegionValues lists the other regions the call can receive: through a
	// string constant (`region: REGION`, `Region: region` in Go) and string
	// literals that are one operand of a conditional or fallback
	// (`region: staging ? STAGING_REGION : "eu-west-1"`,
	// `region: process.env.R ?? "us-east-1"`). See RegionValue.
	RegionValues []RegionValue `json:"regionValues,omitempty"`
	// RegionImports are the imported names the scanner could not resolve on
	// its own; the model resolves them into RegionValues. Never in the
	// document.
	RegionImports []ImportedConst `json:"-"`
	Language      string          `json:"language"`
	Project       string          `json:"project"`
	Location      Location        `json:"location"`
	// Credentials is true when the call passes credentials explicitly.
	Credentials bool `json:"credentials,omitempty"`
}

// RegionValue is one region a Remotion call receives other than as the
// whole-argument literal (RemotionCall.Region).
type RegionValue struct {
	// Constant names the constant that holds the value (absent for a
	// literal operand); `pkg.Name` for another Go package's constant.
	Constant string `json:"constant,omitempty"`
	// Value is the region.
	Value string `json:"value"`
	// Location spans the identifier at the call for a constant of the same
	// file (or, in Go, the same package); the constant's literal (without
	// quotes) in the defining module for a constant imported from another
	// file, so that every call of every importer points at that one place;
	// and the literal's text without quotes for a literal operand.
	Location Location `json:"location"`
}

// DotenvLoad is code or a script that loads env files.
type DotenvLoad struct {
	Kind     string   `json:"kind"` // dotenv, dotenv-config-import, node-env-file, dotenv-cli, godotenv
	Path     string   `json:"path,omitempty"`
	Project  string   `json:"project"`
	Location Location `json:"location"`
}

// Literal is a string literal shaped like a credential, in code or JSON.
type Literal struct {
	// Shape: aws-access-key-id, aws-temporary-key-id, or "secret" for a
	// 40-character value assigned to a secret-named key.
	Shape   string `json:"shape"`
	Display string `json:"display,omitempty"`
	// Context names what it is assigned to, when known.
	Context string `json:"context,omitempty"`
	// Language is "js", "go" or "json" (vercel.json).
	Language string   `json:"language"`
	Project  string   `json:"project"`
	Location Location `json:"location"`
}

// Import is an import of a Remotion or dotenv package.
type Import struct {
	Package  string   `json:"package"`
	Language string   `json:"language"`
	Project  string   `json:"project"`
	Location Location `json:"location"`
}

// Diagnostic is a problem remolint had with the input itself.
type Diagnostic struct {
	Kind     string   `json:"kind"` // too-large, not-regular, unreadable, internal, parse, git
	Message  string   `json:"message"`
	Location Location `json:"location"`
}
