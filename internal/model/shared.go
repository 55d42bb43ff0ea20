package model

import (
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/remolint/remolint/internal/awsini"
	"github.com/remolint/remolint/internal/discover"
	"github.com/remolint/remolint/internal/facts"
	"github.com/remolint/remolint/internal/resolve"
	"github.com/remolint/remolint/internal/secret"
)

// shared converts AWS shared files into sharedFiles and profiles, and
// records what the resolver may know of them.
func (b *builder) shared() {
	for _, p := range b.in.Files {
		if p.INI == nil {
			continue
		}
		flavour := awsini.FlavourCredentials
		if p.File.Kind == discover.KindAWSConfig {
			flavour = awsini.FlavourConfig
		}
		sf := facts.SharedFile{
			Path: p.File.Path, Flavour: flavour, GitKnown: p.File.GitKnown, Tracked: p.File.Tracked,
			Ignored: p.File.Ignored, HasDefault: p.INI.HasDefault, Anomalies: []facts.Anomaly{},
		}
		for _, a := range p.INI.Anomalies {
			sf.Anomalies = append(sf.Anomalies, facts.Anomaly{Kind: a.Kind, Key: a.Key, Dialect: "both", Detail: a.Detail, Location: a.Span.Location(p.File.Path)})
		}
		b.doc.SharedFiles = append(b.doc.SharedFiles, sf)
		for _, s := range p.INI.Sections {
			name, effective := awsini.ProfileName(s.Header, flavour)
			if name == "" && !effective {
				continue // sso-session, services: not profiles
			}
			prof := facts.Profile{
				Name: name, Header: s.Header, Flavour: flavour, Path: p.File.Path,
				Location: s.HeaderSpan.Location(p.File.Path), Keys: []facts.ProfileKey{}, Effective: effective,
			}
			for _, k := range s.Keys {
				value := k.Value
				pk := facts.ProfileKey{
					Name: k.Name, Set: value != "", Shape: secret.Shape(value), Display: secret.Display(value),
					LooksLikeSecretKey: secret.IsSecretKey(value),
					Known:              awsini.Suggest(k.Name) == "" && isKnownKey(k.Name), Suggestion: awsini.Suggest(k.Name),
					Location: k.NameSpan.Location(p.File.Path),
				}
				vl := k.ValueSpan.Location(p.File.Path)
				pk.ValueLocation = &vl
				if awsini.IsSecretKey(k.Name) || secret.IsKeyID(value) || secret.IsSecretKey(value) {
					pk.Secret = true
				} else {
					pk.Value = value
				}
				prof.Keys = append(prof.Keys, pk)
			}
			b.doc.Profiles = append(b.doc.Profiles, prof)
		}
	}
}

var knownKeys = func() map[string]bool {
	m := map[string]bool{}
	for _, k := range awsini.KnownKeys() {
		m[k] = true
	}
	return m
}()

func isKnownKey(k string) bool { return knownKeys[k] }

// resolve runs the credential resolver on every environment.
func (b *builder) resolve() {
	named := b.namedSharedFiles()
	// What applies depends only on the environment's overrides, and most
	// environments have none: computing it once per distinct override keeps
	// the resolver linear in environments plus shared files.
	applying := map[string]*sharedSet{}
	sets := make([]*sharedSet, len(b.doc.Environments))
	for i := range b.doc.Environments {
		override := sharedOverride(&b.doc.Environments[i])
		key := overrideKey(override)
		set, ok := applying[key]
		if !ok {
			files, profiles := b.sharedFor(override, named)
			set = &sharedSet{paths: make([]string, 0, len(files))}
			for _, f := range files {
				set.paths = append(set.paths, f.Path)
			}
			set.shared = resolve.SharedFrom(files, profiles)
			applying[key] = set
		}
		sets[i] = set
	}
	// Environments are resolved independently (the shared sets are only
	// read): a monorepo's, in one part per CPU.
	n := len(b.doc.Environments)
	parallelParts(n, partsFor(n, minParallelEnvironments), func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			resolveEnvironment(&b.doc.Environments[i], sets[i])
		}
	})
}

// minParallelEnvironments is the number of environments from which
// resolve, and folders from which environments, work in parallel.
const minParallelEnvironments = 256

// resolveEnvironment fills env's shared files and resolutions from set.
func resolveEnvironment(env *facts.Environment, set *sharedSet) {
	// Environments with the same override share one (clipped) slice: the
	// same list for every environment of a monorepo, which policy.ValueOf
	// then converts once.
	env.SharedFiles = slices.Clip(set.paths)
	shared := set.shared
	// Variables are sorted by name and distinct (addEnvironment,
	// processEnvironment).
	m := resolve.SortedEnv(env.Variables)
	consumer := facts.ConsumerNode
	hasGo := false
	for _, c := range env.Consumers {
		if c == facts.ConsumerGo {
			hasGo = true
		}
	}
	if len(env.Consumers) == 1 && env.Consumers[0] == facts.ConsumerCLI {
		consumer = facts.ConsumerCLI
	}
	if !(hasGo && len(env.Consumers) == 1) {
		r := resolve.Node(m, shared, consumer)
		env.Resolution.Node = &r
	}
	if hasGo {
		r := resolve.Go(m, shared)
		env.Resolution.Go = &r
	}
}

// sharedVars name the variables that point the SDKs at other shared files.
var sharedVars = map[string]string{
	"AWS_SHARED_CREDENTIALS_FILE": awsini.FlavourCredentials,
	"AWS_CONFIG_FILE":             awsini.FlavourConfig,
}

// sharedTarget returns the display path a shared-file variable of env points
// at ("" when it is not set or not a plain path).
func sharedTarget(env *facts.Environment, v facts.Variable) string {
	if v.Value == "" || strings.HasPrefix(v.Value, "~") {
		return ""
	}
	if path.IsAbs(v.Value) {
		return path.Clean(v.Value)
	}
	return path.Join(env.Dir, v.Value)
}

// namedSharedFiles returns the shared files some environment names with
// AWS_SHARED_CREDENTIALS_FILE or AWS_CONFIG_FILE: they apply only to the
// environments that name them.
func (b *builder) namedSharedFiles() map[string]bool {
	named := map[string]bool{}
	for i := range b.doc.Environments {
		env := &b.doc.Environments[i]
		for _, v := range env.Variables {
			if _, ok := sharedVars[v.Name]; ok {
				if t := sharedTarget(env, v); t != "" {
					named[t] = true
				}
			}
		}
	}
	return named
}

// sharedSet is what applies to the environments with one override.
type sharedSet struct {
	paths  []string
	shared resolve.Shared
}

// sharedOverride maps a flavour to the display path the environment's
// AWS_SHARED_CREDENTIALS_FILE or AWS_CONFIG_FILE names ("" when the
// variable is set but names no plain path).
func sharedOverride(env *facts.Environment) map[string]string {
	override := map[string]string{}
	for _, v := range env.Variables {
		if flavour, ok := sharedVars[v.Name]; ok && v.Set {
			override[flavour] = sharedTarget(env, v)
		}
	}
	return override
}

// overrideKey identifies an override map.
func overrideKey(override map[string]string) string {
	var k strings.Builder
	for _, flavour := range []string{awsini.FlavourCredentials, awsini.FlavourConfig} {
		if t, ok := override[flavour]; ok {
			// length-prefixed: a path may hold any byte
			k.WriteString(strconv.Itoa(len(t)))
			k.WriteByte(':')
			k.WriteString(t)
		} else {
			k.WriteByte('-')
		}
	}
	return k.String()
}

// sharedFor returns the shared files and profiles that apply under an
// environment's override (see sharedOverride): for
// each flavour, the file its AWS_SHARED_CREDENTIALS_FILE/AWS_CONFIG_FILE
// names, else every scanned file of that flavour that no environment names
// (those in .aws folders and --aws-dir).
func (b *builder) sharedFor(override map[string]string, named map[string]bool) ([]facts.SharedFile, []facts.Profile) {
	keep := map[string]bool{}
	var files []facts.SharedFile
	for _, f := range b.doc.SharedFiles {
		want, overridden := override[f.Flavour]
		if (overridden && f.Path == want) || (!overridden && !named[f.Path]) {
			keep[f.Path] = true
			files = append(files, f)
		}
	}
	var profiles []facts.Profile
	for _, p := range b.doc.Profiles {
		if keep[p.Path] {
			profiles = append(profiles, p)
		}
	}
	return files, profiles
}
