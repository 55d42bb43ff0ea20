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

# The family/pair model (which families are the two halves of a pair, which
# env files are checked on their own) is lib's account_* block, shared with
# account-sequence-gap. Lookups are complete rules (built once) queried by
# key; grouping goes through plain sets of [key, value] pairs and indexed
# comprehensions, as lib explains: ref-head rules (_x[k] contains v) are
# quadratic in OPA.

# --- pairs ---

# _rows are the numbered entries of every scope whose family has a partner,
# in a compact form (sets of small objects hash fast).
_rows contains _row(concat("", ["environment ", env.id]), env.id, env.project, false, v) if {
	partners := lib.account_partners
	some env in input.environments
	some v in env.variables
	not v.family.missing
	partners[[env.project, v.family.prefix]]
}

_rows contains _row(concat("", ["file ", f.path]), "", f.project, f.template, v) if {
	partners := lib.account_partners
	own := lib.account_own_scope
	some f in input.envFiles
	f.path in own
	some v in f.entries
	not v.family.missing
	partners[[f.project, v.family.prefix]]
}

# env is the environment's id for an environment's variable, "" for an
# entry of a file checked on its own.
_row(scope, env, proj, template, v) := {
	"scope": scope,
	"env": env,
	"project": proj,
	"template": template,
	"set": object.get(v, "set", false),
	"prefix": v.family.prefix,
	"suffix": trim_prefix(v.name, concat("", [v.family.prefix, "_"])),
	"index": v.family.index,
	"plain": lib.account_plain(v.family),
	"name": v.name,
	"location": v.location,
}

# _present[[scope, prefix]] holds the number suffixes defined in the scope.
_present_pairs contains [[r.scope, r.prefix], r.suffix] if some r in _rows

_present_keys contains k if some [k, _] in _present_pairs

_present := {k: ss | some k in _present_keys; ss := {s | some [k2, s] in _present_pairs; k2 == k}}

# _filled_at[[scope, prefix]] holds the number suffixes that hold an account
# in the scope (a value; in a template, being there).
_filled_pairs contains [[r.scope, r.prefix], r.suffix] if {
	some r in _rows
	_filled(r)
}

_filled_keys contains k if some [k, _] in _filled_pairs

_filled_at := {k: ss | some k in _filled_keys; ss := {s | some [k2, s] in _filled_pairs; k2 == k}}

# _complete[[scope, prefix]] holds the plain numbers at which the prefix and
# one of its partners both hold an account: the numbers the
# count-until-missing loop accepts.
_complete_pairs contains [[r.scope, r.prefix], r.index] if {
	partners := lib.account_partners
	filled := _filled_at
	some r in _rows
	r.plain
	_filled(r)
	some q in partners[[r.project, r.prefix]]
	r.suffix in object.get(filled, [[r.scope, q]], set())
}

_complete_keys contains k if some [k, _] in _complete_pairs

_complete := {k: ns | some k in _complete_keys; ns := {n | some [k2, n] in _complete_pairs; k2 == k}}

# _stop[[scope, prefix]] is the first number the loop does not accept; the
# account count is one less. It is at most count(complete) + 1, so the search
# stays linear.
_scope_prefixes contains [r.scope, r.prefix] if some r in _rows

_stop := {k: first |
	complete := _complete
	some k in _scope_prefixes
	c := object.get(complete, [k], set())
	first := min({n | some n in numbers.range(1, count(c) + 1); not n in c})
}

# A half with a value (in a template: any half) whose partners lack the number.
_candidates contains {"location": r.location, "env": r.env, "message": msg} if {
	partners := lib.account_partners
	present := _present
	some r in _rows
	_filled(r)
	others := partners[[r.project, r.prefix]]
	every q in others {
		not r.suffix in object.get(present, [[r.scope, q]], set())
	}
	wanted := concat(" or ", sort({sprintf("%s_%s", [q, r.suffix]) | some q in others}))
	reader := object.get(lib.account_readers, r.project, "node")
	msg := sprintf("%s has no matching %s: %s", [r.name, wanted, _consequence(r, reader, _stop[[r.scope, r.prefix]])])
}

# An empty half in a non-template file whose other half has a value: Remotion
# counts "" as unset. (With every half empty or missing the account does not
# exist, and a gap before later accounts is account-sequence-gap's finding.)
_candidates contains {"location": r.location, "env": r.env, "message": msg} if {
	partners := lib.account_partners
	filled := _filled_at
	some r in _rows
	not r.template
	not r.set
	some q in partners[[r.project, r.prefix]]
	r.suffix in object.get(filled, [[r.scope, q]], set())
	reader := object.get(lib.account_readers, r.project, "node")
	msg := sprintf("%s is empty and an empty value counts as unset: %s", [r.name, _consequence(r, reader, _stop[[r.scope, r.prefix]])])
}

# The same env file is a layer of several environments. A finding that only
# some of the environments seeing that definition produce names them.
_fired_pairs contains [[_at(c.location), c.message], c.env] if some c in _candidates

_fired_keys contains k if some [k, _] in _fired_pairs

_fired := {k: ids | some k in _fired_keys; ids := {id | some [k2, id] in _fired_pairs; k2 == k}}

# _seen[[path, line, column]] holds the environments whose winning variable
# is defined there.
_seen_pairs contains [_at(r.location), r.env] if {
	some r in _rows
	r.env != ""
}

_seen_keys contains k if some [k, _] in _seen_pairs

_seen := {k: ids | some k in _seen_keys; ids := {id | some [k2, id] in _seen_pairs; k2 == k}}

report contains lib.finding(rego.metadata.chain(), c.location, c.message) if {
	some c in _candidates
	c.env == ""
}

report contains lib.finding(rego.metadata.chain(), c.location, concat("", [prefix, c.message])) if {
	fired := _fired
	seen := _seen
	some c in _candidates
	c.env != ""
	at := _at(c.location)
	prefix := lib.account_env_prefix(fired[[at, c.message]], seen[at])
}

_at(loc) := [loc.path, loc.line, loc.column]

_filled(r) if r.template

_filled(r) if r.set

# _consequence says what the count-until-missing loop does; reader is the
# project's lib.account_readers value (what copying account 0 yields), stop
# the first number the loop does not accept (at most r.index).
_consequence(r, reader, 1) := concat("", ["the account count is 0, so the chosen number is 0", lib.account_zero_copy[reader]]) if {
	r.plain
	r.index == 1
}

_consequence(r, _, stop) := sprintf("the account count stops at %d, so account %d and every later account are never used", [r.index - 1, r.index]) if {
	r.plain
	r.index > 1
	stop >= r.index
}

# An earlier number already stops the count (account-sequence-gap's finding).
_consequence(r, _, stop) := sprintf("account %d cannot be used, and the account count already stops at %d before it", [r.index, stop - 1]) if {
	r.plain
	stop > 1
	stop < r.index
}

_consequence(r, _, 1) := sprintf("account %d cannot be used, and the account count is already 0 before it", [r.index]) if {
	r.plain
	r.index > 1
}

_consequence(r, _, _) := "the account cannot be used, and the count-until-missing loop never reads this number anyway" if not r.plain
