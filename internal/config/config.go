// Package config reads .remolint.yaml. Decoding is strict: an unknown key, a
// value of the wrong type or an unknown rule ID is an error naming the file
// and line, so a typo never silently turns a rule back on.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/gobwas/glob"
	"go.yaml.in/yaml/v3"
)

// FileName is the configuration file remolint looks for.
const FileName = ".remolint.yaml"

// maxSize bounds the configuration file.
const maxSize = 1 << 20

// Config is a decoded .remolint.yaml.
type Config struct {
	// Path names the file in messages (relative to the working directory).
	Path string `yaml:"-"`
	// Base is the absolute folder of the file: relative paths in it are
	// relative to Base.
	Base string `yaml:"-"`
	// Rules maps rule IDs to off, error, warning or info.
	Rules map[string]string `yaml:"rules"`
	// Exclude and Include are globs (with **) over slash-separated paths
	// relative to the configuration file's folder: findings in excluded
	// files are not reported unless an include pattern matches them too.
	Exclude []string `yaml:"exclude"`
	Include []string `yaml:"include"`
	// Platforms and Consumers override detection.
	Platforms []string `yaml:"platforms"`
	Consumers []string `yaml:"consumers"`
	// FailOn is the default of --fail-on.
	FailOn string `yaml:"fail-on"`
	// Policies are folders of the team's own Rego, relative to the file.
	Policies []string `yaml:"policies"`
	// AWSDir is read like --aws-dir, relative to the file.
	AWSDir string `yaml:"aws-dir"`

	ruleLines map[string]int
	exclude   []*glob.Pattern
	include   []*glob.Pattern
}

// Error is a configuration problem at a line of the file.
type Error struct {
	Path string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

// Find looks for .remolint.yaml in dir and its parents, up to the folder
// that holds .git (the repository root) or the file-system root. It returns
// "" when there is none.
func Find(dir string) string {
	for d := dir; ; d = filepath.Dir(d) {
		p := filepath.Join(d, FileName)
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			return p
		}
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return ""
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

// Load reads and decodes the configuration file at osPath (absolute); name
// labels it in messages. known, when non-nil, reports whether a rule ID
// exists.
func Load(osPath, name string, known func(string) bool) (*Config, error) {
	st, err := os.Stat(osPath)
	if err != nil {
		return nil, &Error{Path: name, Msg: "cannot read the configuration file: " + unwrap(err).Error()}
	}
	if !st.Mode().IsRegular() || st.Size() > maxSize {
		return nil, &Error{Path: name, Msg: fmt.Sprintf("not a regular file of at most %d bytes", maxSize)}
	}
	b, err := os.ReadFile(osPath)
	if err != nil {
		return nil, &Error{Path: name, Msg: "cannot read the configuration file: " + unwrap(err).Error()}
	}
	c, err := Parse(name, b, known)
	if err != nil {
		return nil, err
	}
	c.Base = filepath.Dir(osPath)
	return c, nil
}

func unwrap(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// Parse decodes configuration text; path names it in errors.
func Parse(path string, src []byte, known func(string) bool) (*Config, error) {
	c := &Config{Path: path}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	if err := dec.Decode(c); err != nil && !errors.Is(err, io.EOF) {
		return nil, yamlError(path, err)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		return nil, yamlError(path, err)
	}
	c.ruleLines = ruleLines(&root)
	if err := c.validate(known); err != nil {
		return nil, err
	}
	return c, nil
}

// yamlError turns the YAML library's error into file:line form. Its
// messages quote values of the wrong type; configuration holds no secrets.
func yamlError(path string, err error) error {
	var te *yaml.TypeError
	msg := err.Error()
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1]) // the regexp matched digits
		text := strings.Replace(m[2], "in type config.Config", "in .remolint.yaml", 1)
		return &Error{Path: path, Line: line, Msg: text}
	}
	return &Error{Path: path, Msg: msg}
}

// ruleLines finds the line of every key under the top-level "rules" key.
func ruleLines(root *yaml.Node) map[string]int {
	out := map[string]int{}
	if root.Kind != yaml.DocumentNode || len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return out
	}
	m := root.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value != "rules" || m.Content[i+1].Kind != yaml.MappingNode {
			continue
		}
		r := m.Content[i+1]
		for j := 0; j+1 < len(r.Content); j += 2 {
			out[r.Content[j].Value] = r.Content[j].Line
		}
	}
	return out
}

var (
	severities = map[string]bool{"off": true, "error": true, "warning": true, "info": true}
	platforms  = map[string]bool{"vercel": true, "netlify": true, "aws-lambda": true}
	consumers  = map[string]bool{"node": true, "cli": true, "go": true, "python": true, "php": true}
)

// CheckRules reports the first rule ID (in file order) that known rejects.
// Parse calls it when given known; callers that learn the rule set later (the
// team's own policies are loaded from the configuration) call it then.
func (c *Config) CheckRules(known func(string) bool) error {
	var bad []string
	for id := range c.Rules {
		if !known(id) {
			bad = append(bad, id)
		}
	}
	if len(bad) == 0 {
		return nil
	}
	sort.Slice(bad, func(i, j int) bool { return c.ruleLines[bad[i]] < c.ruleLines[bad[j]] })
	return &Error{Path: c.Path, Line: c.ruleLines[bad[0]], Msg: fmt.Sprintf("unknown rule %q (run 'remolint rules' for the list)", bad[0])}
}

func (c *Config) validate(known func(string) bool) error {
	if known != nil {
		if err := c.CheckRules(known); err != nil {
			return err
		}
	}
	for id, sev := range c.Rules {
		line := c.ruleLines[id]
		if !severities[sev] {
			return &Error{Path: c.Path, Line: line, Msg: fmt.Sprintf("rule %s: %q is not off, error, warning or info", id, sev)}
		}
	}
	if c.FailOn != "" && (c.FailOn == "off" || !severities[c.FailOn]) {
		return &Error{Path: c.Path, Msg: fmt.Sprintf("fail-on: %q is not error, warning or info", c.FailOn)}
	}
	for _, p := range c.Platforms {
		if !platforms[p] {
			return &Error{Path: c.Path, Msg: fmt.Sprintf("platforms: %q is not vercel, netlify or aws-lambda", p)}
		}
	}
	for _, p := range c.Consumers {
		if !consumers[p] {
			return &Error{Path: c.Path, Msg: fmt.Sprintf("consumers: %q is not node, cli, go, python or php", p)}
		}
	}
	var err error
	if c.exclude, err = compile(c.Path, "exclude", c.Exclude); err != nil {
		return err
	}
	c.include, err = compile(c.Path, "include", c.Include)
	return err
}

// globs compiles the patterns: `*` and `?` stay within a folder, `**`
// crosses folders, and `**/` also matches no folder at all (`**/x` matches
// x, `a/**/b` matches a/b), as in .gitignore.
var globs = glob.Compiler{Separators: []rune{'/'}, Globstar: true}

func compile(path, key string, pats []string) ([]*glob.Pattern, error) {
	var out []*glob.Pattern
	for _, p := range pats {
		g, err := globs.Compile(strings.TrimPrefix(p, "./"))
		if err != nil {
			return nil, &Error{Path: path, Msg: fmt.Sprintf("%s: %q is not a valid glob", key, p)}
		}
		out = append(out, g)
	}
	return out, nil
}

// Dir is the folder of the configuration file; relative paths in it are
// relative to Dir. It is Base when the file was loaded from disk.
func (c *Config) Dir() string {
	if c.Base != "" {
		return c.Base
	}
	return filepath.Dir(c.Path)
}

// Reported reports whether findings in rel (slash-separated, relative to the
// configuration file's folder) are reported: not excluded, or included again.
func (c *Config) Reported(rel string) bool {
	if c == nil {
		return true
	}
	excluded := false
	for _, g := range c.exclude {
		if g.Match(rel) {
			excluded = true
			break
		}
	}
	if !excluded {
		return true
	}
	for _, g := range c.include {
		if g.Match(rel) {
			return true
		}
	}
	return false
}

// Severity returns the configured severity of a rule: "" when not
// configured, "off" when turned off.
func (c *Config) Severity(rule string) string {
	if c == nil {
		return ""
	}
	return c.Rules[rule]
}
