// Package golangci registers remolint as a golangci-lint v2 module plugin
// named "remolint". Build a golangci-lint that includes it with
// `golangci-lint custom` and a .custom-gcl.yml naming this module, then
// enable it in .golangci.yml:
//
//	version: "2"
//	linters:
//	  enable:
//	    - remolint
//	  settings:
//	    custom:
//	      remolint:
//	        type: module
//	        description: Remotion Lambda credential checks
//	        settings:
//	          rules:
//	            opt-in-region: "off"
//	            unprefixed-key: error
//	          min-severity: warning
//
// Settings are decoded strictly: an unknown key, an unknown rule ID or a
// severity other than off, on, error, warning or info is an error that
// names it, and golangci-lint stops before linting. Each issue reads
// "rule-id: message"; `//nolint:remolint` silences one the usual way.
package golangci

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/remolint/remolint/analyzers/remolint"
)

// Name is the plugin's name: the key under linters.settings.custom and the
// linter name in //nolint comments.
const Name = "remolint"

func init() { register.Plugin(Name, New) }

// Settings are the plugin's settings (linters.settings.custom.remolint.settings).
type Settings struct {
	// Rules maps rule IDs to off, on, error, warning or info; it takes
	// precedence over the project's .remolint.yaml.
	Rules map[string]RuleSetting `json:"rules"`
	// MinSeverity (error, warning or info) reports only findings at that
	// severity or stronger.
	MinSeverity string `json:"min-severity"`
}

// RuleSetting is one rule's setting. YAML 1.1 readers turn an unquoted off
// or on into a boolean, so false and true are accepted as "off" and "on".
type RuleSetting string

// UnmarshalJSON accepts a string or a boolean.
func (r *RuleSetting) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*r = RuleSetting(s)
		return nil
	}
	var on bool
	if err := json.Unmarshal(b, &on); err != nil {
		return fmt.Errorf("want off, on, error, warning or info, not %s", clip(string(b)))
	}
	*r = remolint.Off
	if on {
		*r = remolint.On
	}
	return nil
}

// Plugin is the registered linter plugin.
type Plugin struct {
	cfg remolint.Config
}

// New decodes the settings strictly and returns the plugin.
func New(settings any) (register.LinterPlugin, error) {
	s, err := Decode(settings)
	if err != nil {
		return nil, err
	}
	cfg := remolint.Config{MinSeverity: s.MinSeverity}
	if len(s.Rules) > 0 {
		cfg.Rules = map[string]string{}
		for id, v := range s.Rules {
			cfg.Rules[id] = string(v)
		}
	}
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("remolint settings: %w", err)
	}
	return &Plugin{cfg: cfg}, nil
}

// Decode decodes golangci-lint's raw settings (a map from YAML, or nil)
// into Settings, refusing unknown keys. It does not check rule IDs.
func Decode(settings any) (Settings, error) {
	var s Settings
	if settings == nil {
		return s, nil
	}
	b, err := json.Marshal(settings)
	if err != nil {
		return s, fmt.Errorf("remolint settings: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return Settings{}, fmt.Errorf("remolint settings: %w", describe(err))
	}
	return s, nil
}

// describe rewrites encoding/json's errors in the settings' own terms.
func describe(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if te.Field == "" {
			return fmt.Errorf("settings must be a mapping, not %s", article(te.Value))
		}
		return fmt.Errorf("%s: %s is not allowed here", te.Field, article(te.Value))
	}
	msg := err.Error()
	if rest, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		return fmt.Errorf("unknown key %s (want rules or min-severity)", rest)
	}
	return errors.New(strings.TrimPrefix(msg, "json: "))
}

// BuildAnalyzers returns the remolint analyzer configured by the settings.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{remolint.New(p.cfg)}, nil
}

// GetLoadMode asks for type information: calls and constants are resolved
// through it.
func (p *Plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

// Config returns the analyzer configuration the settings decoded to.
func (p *Plugin) Config() remolint.Config {
	c := p.cfg
	if c.Rules != nil {
		m := make(map[string]string, len(c.Rules))
		for k, v := range c.Rules {
			m[k] = v
		}
		c.Rules = m
	}
	return c
}

// article puts "a" or "an" before a JSON type name.
func article(kind string) string {
	if kind == "" {
		return "a value"
	}
	if strings.IndexByte("aeiou", kind[0]) >= 0 {
		return "an " + kind
	}
	return "a " + kind
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}
