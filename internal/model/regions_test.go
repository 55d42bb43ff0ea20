package model

import (
	"fmt"
	"strings"
	"testing"

	"github.com/remolint/remolint/internal/discover"
	"github.com/remolint/remolint/internal/jsscan"
)

func js(path, src string) Parsed {
	r := jsscan.ScanFile(path, []byte(src))
	return Parsed{File: discover.File{Path: path, Kind: discover.KindJS}, Code: &r.SourceFacts}
}

// TestRegionImportsResolve checks that a constant imported from a relative
// module resolves to the exported literal of the file Node or a bundler
// would load, located in that file, and that the use sites of a same-file
// constant get their path.
func TestRegionImportsResolve(t *testing.T) {
	const call = "import { deploySite } from '@remotion/lambda';\n"
	doc := Build(Input{Roots: []string{"."}, Files: []Parsed{
		js("app/config.ts", "export const REGION = 'me-south-1';\nexport const OTHER = 'eu-west-1';\nexport const NAME = 'my-video';"),
		js("app/config.js", "export const REGION = 'ca-west-1';"), // config.ts wins for "./config"
		js("app/lib/index.mjs", "exports.LIB = 'il-central-1';"),
		js("app/a.ts", call+"import { REGION as R } from './config';\nimport { LIB } from './lib';\nimport { NAME, MISSING } from './config.js';\nconst LOCAL = 'us-east1';\n"+
			"deploySite({ region: R });\ndeploySite({ region: LIB });\ndeploySite({ region: NAME ?? MISSING ?? LOCAL });"),
		js("app/b.mjs", call+"import { REGION } from \"./config.mjs\";\nimport { OTHER } from '../app/config.ts';\ndeploySite({ region: REGION });\ndeploySite({ region: OTHER });"),
	}})
	var got []string
	for _, c := range doc.Code.RemotionCalls {
		s := c.Location.Path + ":" + fmt.Sprint(c.Location.Line)
		for _, v := range c.RegionValues {
			s += fmt.Sprintf(" %s=%s@%s:%d:%d-%d:%d", v.Constant, v.Value, v.Location.Path, v.Location.Line, v.Location.Column, v.Location.EndLine, v.Location.EndColumn)
		}
		if len(c.RegionImports) > 0 {
			s += " UNRESOLVED"
		}
		got = append(got, s)
	}
	want := []string{
		"app/a.ts:6 REGION=me-south-1@app/config.ts:1:24-1:34",
		"app/a.ts:7 LIB=il-central-1@app/lib/index.mjs:1:16-1:28",
		// NAME is not region-shaped, MISSING is not exported, LOCAL is this file's
		"app/a.ts:8 LOCAL=us-east1@app/a.ts:8:41-8:46",
		// config.mjs is not a scanned file
		"app/b.mjs:4",
		"app/b.mjs:5 OTHER=eu-west-1@app/config.ts:2:23-2:32",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}
