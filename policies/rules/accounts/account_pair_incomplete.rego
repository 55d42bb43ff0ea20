# METADATA
# title: account-pair-incomplete
# description: |
#   Finds an account of a numbered key/secret pair that has only one half:
#   `AWS_KEY_3` without `AWS_SECRET_3` (or the reverse), and a half set to an
#   empty value in a non-template env file. Two families form a pair when
#   they share a stem (`AWS_KEY_n`/`AWS_SECRET_n`,
#   `*_ACCESS_KEY_ID_n`/`*_SECRET_ACCESS_KEY_n`) anywhere in the project, or
#   when one code file reads both with a run-time index
#   (`process.env["RENDER_KEY_" + i]` and `process.env["RENDER_SECRET_" + i]`).
#   Each environment is checked with its winning variables; each template on
#   its own entries.
#
#   The account-rotation pattern counts accounts until the first number whose
#   key or secret is missing. An account with one half stops the count there:
#   that account and every later one are never used. Remotion counts an empty
#   value as unset, so an empty half does the same. When account 1 is the
#   incomplete one the count is 0: the chosen number is 0, the copied values
#   are `undefined`, and Node stores the string "undefined" in the credential
#   variables.
# custom:
#   severity: error
#   summary: a numbered account has a key without its secret (or the reverse), which stops the account count there
#   requires_remotion: false
#   bad: |
#     AWS_KEY_1=AKIA...
#     AWS_SECRET_1=...
#     AWS_KEY_2=AKIA...
#     AWS_SECRET_2=
#   good: |
#     AWS_KEY_1=AKIA...
#     AWS_SECRET_1=...
#     AWS_KEY_2=AKIA...
#     AWS_SECRET_2=...
#   remotion: |
#     Remotion's documented rotation pattern copies `AWS_KEY_n`/`AWS_SECRET_n`
#     into `REMOTION_AWS_ACCESS_KEY_ID`/`REMOTION_AWS_SECRET_ACCESS_KEY` after
#     counting the complete pairs; an empty string counts as unset (section 1
#     of the credential rules), so a half-filled account ends the count.
package remolint.rules.accounts.account_pair_incomplete

import data.remolint.lib

# Performance (OPA 1.x). Two traps make naive Rego quadratic:
# - a rule with a ref head (_x[k] contains v, _x[k] := v) checks every body
#   solution against all earlier ones;
# - a direct _rule[key] lookup on such a rule re-runs its body per key.
# So facts are joined in plain sets of [key, value] pairs, and grouped by key in
# complete rules with the form {k: vs | some k in keys; vs := {v | some [k2, v]
# in pairs; k2 == k}}, which OPA indexes (one pass, not one per key). The
# grouping must stay inline in a rule: inside a function it is not indexed.

# _get returns t[k], or d when t has no key k.
_get(t, k, d) := v if {
	v := t[k]
} else := d

# --- numbered families (kept in step with account_sequence_gap.rego) ---

# Env files that some environment layers; every other env file (templates,
# and any file no environment uses) is a scope of its own.
_layered contains p if {
	some env in input.environments
	some p in env.files
}

_own_scope(f) if f.template

_own_scope(f) if not f.path in _layered

# _halves lists every [project, stem, role, prefix] of a key or secret family
# (env entries, environment variables, code reads). Only scalars go into the
# set: sets of objects hash slowly.
_halves contains _half(f.project, e.family) if {
	some f in input.envFiles
	some e in f.entries
	e.family.role in {"key", "secret"}
}

_halves contains _half(env.project, v.family) if {
	some env in input.environments
	some v in env.variables
	v.family.role in {"key", "secret"}
}

_halves contains _half(r.project, r.family) if {
	some r in input.code.reads
	r.family.role in {"key", "secret"}
}

_half(proj, fam) := [proj, object.get(fam, "stem", ""), fam.role, fam.prefix]

# Key and secret prefixes by [project, stem].
_stem_keys contains [[proj, stem], prefix] if some [proj, stem, "key", prefix] in _halves

_stem_secret_pairs contains [[proj, stem], prefix] if some [proj, stem, "secret", prefix] in _halves

_stem_secret_keys contains k if some [k, _] in _stem_secret_pairs

_stem_secrets := {k: ps | some k in _stem_secret_keys; ps := {p | some [k2, p] in _stem_secret_pairs; k2 == k}}

# Roles of each prefix, for code reads that carry no family.
_role_pairs contains [prefix, role] if some [_, _, role, prefix] in _halves

_role_keys contains k if some [k, _] in _role_pairs

_roles := {k: rs | some k in _role_keys; rs := {r | some [k2, r] in _role_pairs; k2 == k}}

# Prefixes that code reads with a run-time index.
_loop_prefixes contains trim_suffix(r.prefix, "_") if {
	some r in input.code.reads
	r.dynamic
	r.prefix != ""
}

# Key and secret prefixes read with a run-time index, by [code file, project].
_read_prefixes contains [[r.location.path, r.project], role, prefix] if {
	some r in input.code.reads
	r.dynamic
	prefix := trim_suffix(r.prefix, "_")
	prefix != ""
	some role in _read_roles(r, prefix, _roles)
}

_read_roles(r, _, _) := {r.family.role} if r.family.role

_read_roles(r, prefix, roles) := _get(roles, prefix, set()) if not r.family.role

_read_secret_pairs contains [k, p] if some [k, "secret", p] in _read_prefixes

_read_secret_keys contains k if some [k, _] in _read_secret_pairs

_read_secrets := {k: ps | some k in _read_secret_keys; ps := {p | some [k2, p] in _read_secret_pairs; k2 == k}}

# _pair_links holds [key prefix, secret prefix, project] for the halves of a
# pair: same stem, or read by the same code file with a run-time index.
_pair_links contains [k, s, proj] if {
	secrets := _stem_secrets
	some [[proj, stem], k] in _stem_keys
	some s in _get(secrets, [proj, stem], set())
}

_pair_links contains [k, s, proj] if {
	secrets := _read_secrets
	some [[path, proj], "key", k] in _read_prefixes
	some s in _get(secrets, [path, proj], set())
}

_partner_pairs contains [[proj, k], s] if some [k, s, proj] in _pair_links

_partner_pairs contains [[proj, s], k] if some [k, s, proj] in _pair_links

_partner_keys contains k if some [k, _] in _partner_pairs

# _partners[[project, prefix]] is the set of the other halves' prefixes.
_partners := {k: ps | some k in _partner_keys; ps := {p | some [k2, p] in _partner_pairs; k2 == k}}

# --- pairs ---

# _rows are the numbered entries of every scope whose family has a partner,
# in a compact form (sets of small objects hash fast).
_rows contains _row(concat("", ["environment ", env.id]), env.project, false, v) if {
	partners := _partners
	some env in input.environments
	some v in env.variables
	_has_partner(partners, env.project, v.family)
}

_rows contains _row(concat("", ["file ", f.path]), f.project, f.template, v) if {
	partners := _partners
	some f in input.envFiles
	_own_scope(f)
	some v in f.entries
	_has_partner(partners, f.project, v.family)
}

_has_partner(partners, proj, fam) if {
	not fam.missing
	partners[[proj, fam.prefix]]
}

_row(scope, proj, template, v) := {
	"scope": scope,
	"project": proj,
	"template": template,
	"set": object.get(v, "set", false),
	"prefix": v.family.prefix,
	"suffix": trim_prefix(v.name, concat("", [v.family.prefix, "_"])),
	"index": v.family.index,
	"plain": _plain(v.family),
	"name": v.name,
	"location": v.location,
}

_plain(fam) if {
	not fam.padded
	fam.index > 0
} else := false

# _present[[scope, prefix]] holds the number suffixes defined in the scope.
_present_pairs contains [[r.scope, r.prefix], r.suffix] if some r in _rows

_present_keys contains k if some [k, _] in _present_pairs

_present := {k: ss | some k in _present_keys; ss := {s | some [k2, s] in _present_pairs; k2 == k}}

# A half with a value (in a template: any half) whose partners lack the number.
report contains lib.finding(rego.metadata.chain(), r.location, msg) if {
	partners := _partners
	present := _present
	some r in _rows
	_filled(r)
	others := partners[[r.project, r.prefix]]
	every q in others {
		not r.suffix in _get(present, [r.scope, q], set())
	}
	wanted := concat(" or ", sort({sprintf("%s_%s", [q, r.suffix]) | some q in others}))
	msg := sprintf("%s has no matching %s: %s", [r.name, wanted, _consequence(r)])
}

# An empty half in a non-template file: Remotion counts "" as unset.
report contains lib.finding(rego.metadata.chain(), r.location, msg) if {
	some r in _rows
	not r.template
	not r.set
	msg := sprintf("%s is empty and an empty value counts as unset: %s", [r.name, _consequence(r)])
}

_filled(r) if r.template

_filled(r) if r.set

_consequence(r) := "the account count is 0, so the chosen number is 0, the copied values are undefined and Node stores the string \"undefined\"" if {
	r.plain
	r.index == 1
}

_consequence(r) := sprintf("the account count stops at %d, so account %d and every later account are never used", [r.index - 1, r.index]) if {
	r.plain
	r.index > 1
}

_consequence(r) := "the account cannot be used, and the count-until-missing loop never reads this number anyway" if not r.plain
