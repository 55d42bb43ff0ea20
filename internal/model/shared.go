package model

import (
	"github.com/remolint/remolint/internal/awsini"
	"github.com/remolint/remolint/internal/discover"
	"github.com/remolint/remolint/internal/facts"
	"github.com/remolint/remolint/internal/resolve"
	"github.com/remolint/remolint/internal/secret"
)

func iniLoc(p string, s awsini.Span) facts.Location {
	return facts.Location{Path: p, Line: s.Start.Line, Column: s.Start.Col, EndLine: s.End.Line, EndColumn: s.End.Col}
}

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
			sf.Anomalies = append(sf.Anomalies, facts.Anomaly{Kind: a.Kind, Key: a.Key, Dialect: "both", Detail: a.Detail, Location: iniLoc(p.File.Path, a.Span)})
		}
		b.doc.SharedFiles = append(b.doc.SharedFiles, sf)
		for _, s := range p.INI.Sections {
			name, effective := awsini.ProfileName(s.Header, flavour)
			if name == "" && !effective {
				continue // sso-session, services: not profiles
			}
			prof := facts.Profile{
				Name: name, Header: s.Header, Flavour: flavour, Path: p.File.Path,
				Location: iniLoc(p.File.Path, s.HeaderSpan), Keys: []facts.ProfileKey{}, Effective: effective,
			}
			for _, k := range s.Keys {
				value := k.Value
				pk := facts.ProfileKey{
					Name: k.Name, Set: value != "", Shape: secret.Shape(value), Display: secret.Display(value),
					Known: awsini.Suggest(k.Name) == "" && isKnownKey(k.Name), Suggestion: awsini.Suggest(k.Name),
					Location: iniLoc(p.File.Path, k.NameSpan),
				}
				vl := iniLoc(p.File.Path, k.ValueSpan)
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
	shared := resolve.SharedFrom(b.doc.SharedFiles, b.doc.Profiles)
	for i := range b.doc.Environments {
		env := &b.doc.Environments[i]
		m := resolve.NewMapEnv(env.Variables)
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
}
