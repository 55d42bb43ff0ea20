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
# account-sequence-gap.
#
# Performance (one env file may hold thousands of numbered keys; see the
# notes at lib's account_* block): every entry is read once, into the tuples
# of _rows, built inline (no function call per entry). Everything else is a
# complete rule built once from _rows by matching tuple patterns: sets of
# small tuples answer "is this number there" with `in`, and the groupings use
# the indexed comprehension {k: vs | some k in keys; vs := {v | some [k2, v]
# in pairs; k2 == k}}. Where a count stops is worked out only for the
# families with a finding.

# --- pairs ---

# _scopes holds [scope, environment id, project, template, entries] for every
# environment (its winning variables) and every env file checked on its own
# (the environment id is "" there).
_scopes contains [concat("", ["environment ", env.id]), env.id, env.project, false, env.variables] if {
	some env in input.environments
}

_scopes contains [concat("", ["file ", f.path]), "", f.project, f.template, f.entries] if {
	own := lib.account_own_scope
	some f in input.envFiles
	f.path in own
}

# _partners[project] maps the prefix of each half of a pair to the prefixes of
# its other half (lib.account_partners, looked up by prefix in a scope).
_partners := {proj: ps |
	some [proj, _], _ in lib.account_partners
	ps := {prefix: others | some [proj2, prefix], others in lib.account_partners; proj2 == proj}
}

# _rows holds one tuple per numbered entry, in every scope, of a family that
# has a partner:
#   [scope, prefix, suffix, filled, others, number, plain, [env, project, name, location]]
# suffix is the number as written (AWS_KEY_01 pairs with AWS_SECRET_01
# only); filled is true when the half holds a value (in a template, when it
# is there; Remotion counts an empty value as unset); others are the
# prefixes of the other half; plain is true when the loop can read the
# number (neither zero-padded nor 0). An array (every entry is there once),
# and short: matching a tuple pattern binds every element, so what only
# findings need is one element.
_rows := [[scope, prefix, suffix, filled, others, fam.index, plain, [env, proj, v.name, v.location]] |
	partners_of := _partners
	some [scope, env, proj, template, entries] in _scopes
	partners := partners_of[proj]
	some v in entries
	fam := v.family
	prefix := fam.prefix
	others := partners[prefix]
	not fam.missing
	filled := true in [template, object.get(v, "set", false)]
	suffix := trim_prefix(v.name, concat("", [prefix, "_"]))
	plain := {object.get(fam, "padded", false), fam.index < 1} == {false}
]

# _halves holds [scope, prefix, suffix, filled] for every half in a scope.
_halves contains [scope, prefix, suffix, filled] if some [scope, prefix, suffix, filled, _, _, _, _] in _rows

# _complete holds [scope, prefix, number] for the plain numbers at which the
# prefix and one of its partners both hold a value: the numbers the
# count-until-missing loop accepts.
_complete contains [scope, prefix, n] if {
	halves := _halves
	some [scope, prefix, suffix, true, others, n, true, _] in _rows
	some q in others
	[scope, q, suffix, true] in halves
}

# _unmatched holds the halves with a value (in a template: any half) whose
# partners lack the number:
#   [scope, prefix, suffix, others, number, plain, [env, project, name, location]]
_unmatched contains [scope, prefix, suffix, others, n, plain, def] if {
	halves := _halves
	some [scope, prefix, suffix, true, others, n, plain, def] in _rows
	every q in others {
		not [scope, q, suffix, true] in halves
		not [scope, q, suffix, false] in halves
	}
}

# _empty holds the empty halves in a non-template file whose other half has
# a value (Remotion counts "" as unset):
#   [scope, prefix, number, plain, [env, project, name, location]]
# (With every half empty or missing the account does not exist, and a gap
# before later accounts is account-sequence-gap's finding.)
_empty contains [scope, prefix, n, plain, def] if {
	halves := _halves
	some [scope, prefix, suffix, false, others, n, plain, def] in _rows
	some q in others
	[scope, q, suffix, true] in halves
}

# _stop[[scope, prefix]] is the first number the loop does not accept (the
# account count is one less), for the families with a finding: the least of
# 1 when 1 is not accepted and of every n + 1 not accepted after an accepted
# n.
_stop := {k: stop |
	some k in _firing
	firsts := {1 | not [k[0], k[1], 1] in _complete}
	nexts := {next | some [s, p, n] in _complete; [s, p] == k; next := n + 1; not [s, p, next] in _complete}
	stop := min(firsts | nexts)
}

_firing := {[s, p] | some [s, p, _, _, _, _, _] in _unmatched} | {[s, p] | some [s, p, _, _, _] in _empty}

_candidates contains {"location": loc, "env": env, "message": msg} if {
	readers := lib.account_readers
	stops := _stop
	some [scope, prefix, suffix, others, n, plain, [env, proj, name, loc]] in _unmatched
	wanted := concat(" or ", sort({sprintf("%s_%s", [q, suffix]) | some q in others}))
	reader := object.get(readers, proj, "node")
	msg := sprintf("%s has no matching %s: %s", [name, wanted, _consequence(plain, n, reader, stops[[scope, prefix]])])
}

_candidates contains {"location": loc, "env": env, "message": msg} if {
	readers := lib.account_readers
	stops := _stop
	some [scope, prefix, n, plain, [env, proj, name, loc]] in _empty
	reader := object.get(readers, proj, "node")
	msg := sprintf("%s is empty and an empty value counts as unset: %s", [name, _consequence(plain, n, reader, stops[[scope, prefix]])])
}

# The same env file is a layer of several environments. A finding that only
# some of the environments seeing that definition produce names them.
_fired_pairs contains [[_at(c.location), c.message], c.env] if some c in _candidates

_fired_keys contains k if some [k, _] in _fired_pairs

_fired := {k: ids | some k in _fired_keys; ids := {id | some [k2, id] in _fired_pairs; k2 == k}}

# _seen[[path, line, column]] holds the environments whose winning variable
# is defined there, where an environment has a finding. (A definition has one
# location object, whichever environment sees it.)
_finding_locations := {c.location | some c in _candidates; c.env != ""}

_seen_pairs contains [_at(loc), env] if {
	locations := _finding_locations
	some [_, _, _, _, _, _, _, [env, _, _, loc]] in _rows
	env != ""
	loc in locations
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

# _consequence says what the count-until-missing loop does with the half
# numbered n (plain: the loop reads that number); reader is the project's
# lib.account_readers value (what copying account 0 yields), stop the first
# number the loop does not accept (at most n).
_consequence(true, 1, reader, 1) := concat("", ["the account count is 0, so the chosen number is 0", lib.account_zero_copy[reader]])

_consequence(true, n, _, stop) := sprintf("the account count stops at %d, so account %d and every later account are never used", [n - 1, n]) if {
	n > 1
	stop >= n
}

# An earlier number already stops the count (account-sequence-gap's finding).
_consequence(true, n, _, stop) := sprintf("account %d cannot be used, and the account count already stops at %d before it", [n, stop - 1]) if {
	stop > 1
	stop < n
}

_consequence(true, n, _, 1) := sprintf("account %d cannot be used, and the account count is already 0 before it", [n]) if n > 1

_consequence(false, _, _, _) := "the account cannot be used, and the count-until-missing loop never reads this number anyway"
