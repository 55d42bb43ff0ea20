package jsscan

import "testing"

var regionCases = []scanCase{
	{"same-file constant",
		"import { deploySite } from '@remotion/lambda';\nconst REGION = \"ca-west-1\";\ndeploySite({ region: REGION });",
		[]string{
			"import @remotion/lambda 1:1-1:46",
			"call deploySite 3:1-3:31 value=REGION:ca-west-1@3:22-3:28",
		}},
	{"constant declared after the call, TS annotation and as const",
		"import { deploySite } from '@remotion/lambda';\nfunction f() { deploySite({ region: R }); }\nexport const R: AwsRegion = `me-south-1` as const;",
		[]string{
			"import @remotion/lambda 1:1-1:46",
			"call deploySite 2:16-2:41 value=R:me-south-1@2:37-2:38",
			"export R=me-south-1 3:30-3:40",
		}},
	{"generic annotation and declarator list",
		"import { deploySite } from '@remotion/lambda';\nconst A: Record<string, X> = 'x', B = \"us-east1\";\ndeploySite({ region: B });",
		[]string{
			"import @remotion/lambda 1:1-1:46",
			"call deploySite 3:1-3:26 value=B:us-east1@3:22-3:23",
		}},
	{"shorthand property",
		"import { deploySite } from '@remotion/lambda';\nconst region = 'il-central-1';\ndeploySite({ region });",
		[]string{
			"import @remotion/lambda 1:1-1:46",
			"call deploySite 3:1-3:23 value=region:il-central-1@3:14-3:20",
		}},
	{"conditional: both branches, not the test",
		"import { renderMediaOnLambda } from '@remotion/lambda/client';\nconst F = 'il-central-1';\nconst T = 'eu-west-1';\nrenderMediaOnLambda({ region: T ? F : body.region });",
		[]string{
			"import @remotion/lambda/client 1:1-1:62",
			"call renderMediaOnLambda 4:1-4:53 value=F:il-central-1@4:35-4:36",
		}},
	{"fallback literal and nested parentheses",
		"import { getSites } from '@remotion/lambda';\ngetSites({ region: process.env.R ?? (x ? 'a' : 'b') ?? \"us-east1\" as AwsRegion });",
		[]string{
			"read R 2:20-2:33 guard",
			"import @remotion/lambda 1:1-1:44",
			"call getSites 2:1-2:82 value=:us-east1@2:57-2:65",
		}},
	{"or, and, non-null",
		"import { getSites } from '@remotion/lambda';\nconst A = 'ap-east-1';\ngetSites({ region: a && A! || `me-south-1` });",
		[]string{
			"import @remotion/lambda 1:1-1:44",
			"call getSites 3:1-3:46 value=A:ap-east-1@3:25-3:26 value=:me-south-1@3:32-3:42",
		}},
	{"not candidates: member, call, template, let, ambiguous",
		"import { getSites } from '@remotion/lambda';\nlet L = 'me-south-1';\nconst D = 'a-1'; { const D = 'b-1'; }\nconst C = 'me-south-1';\ngetSites({ region: cfg.C }); getSites({ region: C() });\ngetSites({ region: `${C}` }); getSites({ region: L }); getSites({ region: D });",
		[]string{
			"import @remotion/lambda 1:1-1:44",
			"call getSites 5:1-5:28",
			"call getSites 5:30-5:55",
			"call getSites 6:1-6:29",
			"call getSites 6:31-6:54",
			"call getSites 6:56-6:79",
		}},
	{"same value declared twice",
		"import { getSites } from '@remotion/lambda';\nif (a) { const R = 'me-south-1'; getSites({ region: R }); } else { const R = 'me-south-1'; }",
		[]string{
			"import @remotion/lambda 1:1-1:44",
			"call getSites 2:34-2:57 value=R:me-south-1@2:53-2:54",
		}},
	{"imported from a relative module",
		"import { renderMediaOnLambda } from '@remotion/lambda/client';\nimport { REGION, FALLBACK as F } from \"../config.mjs\";\nimport def, * as ns from './ns';\nrenderMediaOnLambda({ region: x ? F : REGION });\nrenderMediaOnLambda({ region: def });",
		[]string{
			"import @remotion/lambda/client 1:1-1:62",
			"call renderMediaOnLambda 4:1-4:48 import=F:FALLBACK from ../config.mjs@4:35-4:36 import=REGION:REGION from ../config.mjs@4:39-4:45",
			"call renderMediaOnLambda 5:1-5:37",
		}},
	{"imported from a package is not resolved",
		"import { deploySite } from '@remotion/lambda';\nimport { REGION } from 'shared-config';\ndeploySite({ region: REGION });",
		[]string{
			"import @remotion/lambda 1:1-1:46",
			"call deploySite 3:1-3:31",
		}},
	{"required from a relative module",
		"const { deploySite } = require('@remotion/lambda');\nconst { REGION, STAGING: S } = require('./config.cjs');\nconst P = require('./config').PROD;\ndeploySite({ region: REGION }); deploySite({ region: S }); deploySite({ region: P });",
		[]string{
			"import @remotion/lambda 1:24-1:51",
			"call deploySite 4:1-4:31 import=REGION:REGION from ./config.cjs@4:22-4:28",
			"call deploySite 4:33-4:58 import=S:STAGING from ./config.cjs@4:54-4:55",
			"call deploySite 4:60-4:85 import=P:PROD from ./config@4:81-4:82",
		}},
	{"ESM exports",
		"export const REGION = 'me-south-1', NAME = 'my-video';\nconst LOCAL = \"ca-west-1\";\nexport { LOCAL, LOCAL as 'quoted', LOCAL as OTHER };\nexport const RAM = 3009;\nexport let MUTABLE = 'eu-west-1';\nexport type { T };",
		[]string{
			"export REGION=me-south-1 1:24-1:34",
			"export LOCAL=ca-west-1 2:16-2:25",
			"export quoted=ca-west-1 2:16-2:25",
			"export OTHER=ca-west-1 2:16-2:25",
		}},
	{"CommonJS exports",
		"const LOCAL = 'ca-west-1';\nexports.A = 'me-south-1';\nmodule.exports.B = LOCAL;\nmodule.exports = { C: 'il-central-1', LOCAL, D: LOCAL, E: f('us-east-1'), 'F': \"eu-west-1\" };\nx.exports.G = 'us-east-1';",
		[]string{
			"export B=ca-west-1 1:16-1:25",
			"export LOCAL=ca-west-1 1:16-1:25",
			"export D=ca-west-1 1:16-1:25",
			"export A=me-south-1 2:14-2:24",
			"export C=il-central-1 4:24-4:36",
			"export F=eu-west-1 4:81-4:90",
		}},
}

func TestRegions(t *testing.T) { runCases(t, regionCases) }

var aliasCases = []scanCase{
	{"const env = process.env",
		"const env = process.env;\nconst k = env.AWS_KEY_1;\nif (!env[\"AWS_SECRET_1\"]) {}\nenv.AWS_REGION = 'eu-west-1';\ndelete env.AWS_PROFILE;\nconst { AWS_KEY_2, AWS_SECRET_2 = '' } = env;",
		[]string{
			"read AWS_KEY_1 2:11-2:24",
			"read AWS_SECRET_1 3:6-3:25 guard",
			"read AWS_KEY_2 6:9-6:18",
			"read AWS_SECRET_2 6:20-6:32 guard",
			`write AWS_REGION 4:1-4:15 lit shape=other value="eu-west-1"`,
			"write unset AWS_PROFILE 5:8-5:23",
		}},
	{"destructured from process, renamed, used before",
		"function f() { return e?.AWS_KEY_3 ?? e.AWS_SECRET_3; }\nconst { env: e, argv } = process;\nObject.assign(e, { AWS_REGION: 'us-east-1' });",
		[]string{
			"read AWS_KEY_3 1:23-1:35 guard",
			"read AWS_SECRET_3 1:39-1:53",
			`write AWS_REGION 3:20-3:30 lit shape=other value="us-east-1"`,
		}},
	{"destructured env shorthand, globalThis",
		"const { env } = globalThis.process;\nenv.AWS_KEY_4;",
		[]string{"read AWS_KEY_4 2:1-2:14"}},
	{"not aliases: let, var, member, other object, expression",
		"let a = process.env; a.X1;\nvar b = process.env; b.X2;\nconst c = process.env.FOO; c.X3;\nconst { env: d } = proc; d.X4;\nconst e = process.env || {}; e.X5;\nconst f = process.env; o.f.X6; f2.X7;",
		[]string{
			"read FOO 3:11-3:26",
		}},
	{"alias name used as a key or value is not an access",
		"const env = process.env;\nconst o = { env: 1, k: env };\ng(env);",
		nil},
}

func TestAliases(t *testing.T) { runCases(t, aliasCases) }
