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
# notes at lib's account_* block): the definitions are read once, by lib,
# into the sets of numbers of each group (a prefix in a scope:
# lib.account_filled, lib.account_unfilled). A half whose partners hold the
# same numbers, all with a value, has no finding: only the scopes with
# another group are looked at, with set operations on those numbers. Names,
# locations and messages are built for the findings alone.

# --- pairs ---

# _others[[scope, prefix]] holds the prefixes of the other half of the
# group's pair (lib.account_partners in the scope's project), for the groups
# of a pair.
_others := lib.account_group_partners

# A group is matched when it is a twin (lib.account_twins: its partner holds
# a value at the same numbers), none of its numbers is 0
# (lib.account_plain_twins: a name with no number or `<prefix>_0`), and
# neither has a definition without a value or zero-padded. A scope whose
# pair groups are all matched has no finding; _groups are the pair groups of
# the other scopes.
_matched := lib.account_plain_twins & object.keys(_others)

_unmatched_groups := ((object.keys(_others) - _matched) | {[s, p] |
	some [s, p, padded, _], _ in lib.account_numbers
	padded != false
}) | {[s, p] |
	some [s, p, _, exists], _ in lib.account_numbers
	exists != true
}

_groups := {g |
	scopes := {s | some [s, _] in _unmatched_groups}
	some g, _ in _others
	scopes[g[0]]
}

# _keys[[scope, prefix]] holds [filled, unfilled] for the groups of _groups
# (a partner in the scope of one is one too): the numbers a definition of the
# group holds a value
# at, and those a definition has no value at. A number is the index of a
# plain name, and the suffix as written of a zero-padded one (AWS_KEY_01
# pairs with AWS_SECRET_01 only); a name with no number is left out.
_keys := {g: [filled, unfilled] |
	all_filled := lib.account_filled
	all_unfilled := lib.account_unfilled
	padded_defs := lib.account_padded_defs
	some g in _groups
	[s, p] := g
	zeros := [exists | some [_, exists, _] in lib.account_named(s, concat("", [p, "_0"]))]
	padded := [[exists, trim_prefix(name, concat("", [p, "_"]))] |
		some [[s2, p2, true, exists], _, name, _] in padded_defs
		[s2, p2] == g
	]
	filled := ((object.get(all_filled, [g], set()) - {0}) | {0 | true in zeros}) | {k | some [true, k] in padded}
	unfilled := ((object.get(all_unfilled, [g], set()) - {0}) | {0 | false in zeros}) | {k | some [false, k] in padded}
}

# _sets[[scope, prefix]] is [filled, unfilled, matched, present] for each
# group of _groups: its numbers with and without a value, and the numbers
# its partners hold a value at and are defined at.
_sets := {g: [filled, unfilled, matched, present] |
	keys := _keys
	others := _others
	some g, [filled, unfilled] in keys
	halves := [object.get(keys, [[g[0], q]], [set(), set()]) | some q in others[g]]
	matched := union({v | some [v, _] in halves})
	present := matched | union({n | some [_, n] in halves})
}

# _stop[[scope, prefix]] is the first number the loop does not accept (the
# account count is one less), for the groups with a finding: the least
# number from 1 on that it does not accept (lib.account_stop). The loop
# accepts a plain number that the group and a partner both hold.
_stop := {g: lib.account_stop(c) | some g, c in _complete}

_complete := {g: c |
	filled := lib.account_filled
	others := _others
	some g, [v, n, matched, present] in _sets
	count(((v - present) | (n & matched))) > 0
	theirs := union({object.get(filled, [[g[0], q]], set()) | some q in others[g]})
	c := (object.get(filled, [g], set()) & theirs) - {0}
}

_name(prefix, n) := sprintf("%s_%d", [prefix, n]) if is_number(n)

_name(prefix, suffix) := concat("", [prefix, "_", suffix]) if is_string(suffix)

# A plain number is one the loop reads: neither zero-padded nor 0.
_plain(n) if {
	is_number(n)
	n > 0
} else := false

_candidates contains {"location": loc, "env": lib.account_scope_env(g[0]), "message": msg, "name": name} if {
	stops := _stop
	others := _others
	projects := lib.account_scope_projects
	some g, [v, _, _, present] in _sets
	some k in (v - present)
	name := _name(g[1], k)
	some [_, true, loc] in lib.account_named(g[0], name)
	wanted := concat(" or ", sort({_name(q, k) | some q in others[g]}))
	reader := lib.account_reader(projects[g[0]])
	msg := sprintf("%s has no matching %s: %s", [name, wanted, _consequence(_plain(k), k, reader, stops[g])])
}

_candidates contains {"location": loc, "env": lib.account_scope_env(g[0]), "message": msg, "name": name} if {
	stops := _stop
	projects := lib.account_scope_projects
	some g, [_, n, matched, _] in _sets
	some k in (n & matched)
	name := _name(g[1], k)
	some [_, false, loc] in lib.account_named(g[0], name)
	reader := lib.account_reader(projects[g[0]])
	msg := sprintf("%s is empty and an empty value counts as unset: %s", [name, _consequence(_plain(k), k, reader, stops[g])])
}

# The same env file is a layer of several environments. A finding that only
# some of the environments seeing that definition produce names them.
_fired_pairs contains [[_at(c.location), c.message], c.env] if some c in _candidates

_fired_keys contains k if some [k, _] in _fired_pairs

_fired := {k: ids | some k in _fired_keys; ids := {id | some [k2, id] in _fired_pairs; k2 == k}}

# _seen[[path, line, column]] holds the environments whose winning variable
# is defined there, where an environment has a finding: those with a
# variable of the name defined there.
_seen := {at: ids |
	some c in _candidates
	c.env != ""
	at := _at(c.location)
	ids := {input.environments[i].id |
		some [i, j] in lib.variables[c.name]
		_at(input.environments[i].variables[j].location) == at
	}
}

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
# lib.account_reader value (what copying account 0 yields), stop the first
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
