package discover

import (
	"path"
	"strings"
)

// File kinds beyond the fact document's (facts.Kind*): the extractors need to
// tell the platform markers and dependency manifests apart.
const (
	KindEnv            = "env"
	KindAWSCredentials = "aws-credentials"
	KindAWSConfig      = "aws-config"
	KindPackageJSON    = "package.json"
	KindGoMod          = "go.mod"
	KindJS             = "js"
	KindGo             = "go"
	KindVercelJSON     = "vercel.json"
	KindNetlifyTOML    = "netlify.toml"
	KindServerless     = "serverless"   // serverless.yml / serverless.yaml
	KindSAMTemplate    = "sam-template" // template.yaml / template.yml
	KindSSTConfig      = "sst-config"   // sst.config.*
	KindRemotionConfig = "remotion-config"
	KindPythonDeps     = "python-deps" // requirements*.txt, pyproject.toml, Pipfile
	KindComposerJSON   = "composer.json"
)

// Marker folder kinds (folders whose presence is a signal).
const (
	DirVercel  = ".vercel"
	DirNetlify = ".netlify"
)

var jsExt = map[string]bool{".js": true, ".mjs": true, ".cjs": true, ".jsx": true, ".ts": true, ".mts": true, ".cts": true, ".tsx": true}

// Classify returns the kind of the file at rel (slash-separated), or "" when
// remolint does not read it.
func Classify(rel string) string {
	name := path.Base(rel)
	dir := path.Base(path.Dir(rel))
	switch {
	case IsEnvFile(name):
		return KindEnv
	case dir == ".aws" && name == "credentials":
		return KindAWSCredentials
	case dir == ".aws" && name == "config":
		return KindAWSConfig
	}
	switch name {
	case "package.json":
		return KindPackageJSON
	case "go.mod":
		return KindGoMod
	case "vercel.json":
		return KindVercelJSON
	case "netlify.toml":
		return KindNetlifyTOML
	case "serverless.yml", "serverless.yaml":
		return KindServerless
	case "template.yaml", "template.yml":
		return KindSAMTemplate
	case "pyproject.toml", "Pipfile", "setup.py":
		return KindPythonDeps
	case "composer.json":
		return KindComposerJSON
	}
	switch {
	case strings.HasPrefix(name, "sst.config."):
		return KindSSTConfig
	case strings.HasPrefix(name, "remotion.config."):
		return KindRemotionConfig
	case strings.HasPrefix(name, "requirements") && strings.HasSuffix(name, ".txt"):
		return KindPythonDeps
	case strings.HasSuffix(name, ".d.ts"):
		return ""
	case jsExt[path.Ext(name)]:
		return KindJS
	case path.Ext(name) == ".go":
		return KindGo
	}
	return ""
}

// IsEnvFile reports whether a file name is an env file: .env, .env.*, *.env.
func IsEnvFile(name string) bool {
	return name == ".env" || strings.HasPrefix(name, ".env.") || (strings.HasSuffix(name, ".env") && len(name) > len(".env"))
}

var templateWords = map[string]bool{
	"example": true, "examples": true, "sample": true, "samples": true, "template": true,
	"tmpl": true, "tpl": true, "dist": true, "defaults": true, "default": true,
}

var backupWords = map[string]bool{
	"bak": true, "old": true, "orig": true, "backup": true, "save": true, "swp": true, "tmp": true,
}

// EnvName describes an env file name: Template, the Mode of .env.<mode> and
// .env.<mode>.local, Local, and Standalone for *.env files that are an
// environment of their own (production.env).
type EnvName struct {
	Template   bool
	Backup     bool
	Mode       string
	Local      bool
	Standalone bool
}

// ParseEnvName parses an env file's base name.
func ParseEnvName(name string) EnvName {
	var n EnvName
	parts := strings.Split(strings.TrimPrefix(name, "."), ".")
	for _, p := range parts {
		if templateWords[strings.ToLower(p)] {
			n.Template = true
		}
		if backupWords[strings.ToLower(p)] {
			n.Backup = true
		}
	}
	if !strings.HasPrefix(name, ".env") || (name != ".env" && !strings.HasPrefix(name, ".env.")) {
		n.Standalone = true
		return n
	}
	rest := parts[1:] // after "env"
	if len(rest) > 0 && rest[len(rest)-1] == "local" {
		n.Local = true
		rest = rest[:len(rest)-1]
	}
	n.Mode = strings.Join(rest, ".")
	return n
}
