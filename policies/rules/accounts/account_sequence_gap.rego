# METADATA
# title: account-sequence-gap
# description: |
#   Finds a numbered credential family (`AWS_KEY_1`, `AWS_KEY_2`, ...: a prefix
#   naming a key, secret, token, password, account or credential, or any prefix
#   that code reads with a run-time index such as `process.env["AWS_KEY_" + i]`)
#   that does not run 1..N without gaps. Each environment is checked with its
#   winning variables (an empty value counts as missing), and each template on
#   its own entries.
#
#   The account-rotation pattern counts accounts with a loop that stops at the
#   first number whose key or secret is missing (for a key/secret pair both
#   halves must exist; for a lone family its own entry). Every account after a
#   gap is unreachable. Zero-padded numbers (`AWS_KEY_01`) never match the
#   loop's `AWS_KEY_1`. When the sequence does not start at 1 the count is 0:
#   the chosen number is 0, the copied values are `undefined`, and Node stores
#   the string "undefined" in the credential variables, so every render fails
#   with an invalid key.
#
#   The finding sits at the first unreachable entry and names every account
#   the loop never reaches; each zero-padded entry gets its own finding.
# custom:
#   severity: error
#   summary: a gap in a numbered credential family hides every later account from the count-until-missing loop
#   requires_remotion: false
#   bad: |
#     AWS_KEY_1=AKIA...
#     AWS_SECRET_1=...
#     AWS_KEY_2=AKIA...
#     AWS_SECRET_2=...
#     AWS_SECRET_3=...
#     AWS_KEY_4=AKIA...
#     AWS_SECRET_4=...
#   good: |
#     AWS_KEY_1=AKIA...
#     AWS_SECRET_1=...
#     AWS_KEY_2=AKIA...
#     AWS_SECRET_2=...
#     AWS_KEY_3=AKIA...
#     AWS_SECRET_3=...
#   remotion: |
#     Remotion's documented rotation pattern counts `AWS_KEY_n`/`AWS_SECRET_n`
#     until the first missing number and picks `ceil(random() * count)`. A gap
#     (1, 2, 4) silently retires every account after it; real projects also
#     zero-pad (`AWS_KEY_01`), which the loop never reads.
package remolint.rules.accounts.account_sequence_gap

import data.remolint.lib

# The family/pair model (which families are the two halves of a pair, which
# prefixes code reads with a run-time index, which env files are checked on
# their own) is lib's account_* block, shared with account-pair-incomplete.
#
# Performance (one env file may hold thousands of numbered keys; see the
# notes at lib's account_* block): lib reads the definitions once, into the
# sets of numbers of each group (a prefix in a scope: lib.account_filled).
# A scope whose groups hold 1..n in step with their partners has no finding
# and is skipped; in the others a sequence is counted on those sets with set
# operations. Only the numbers past the stop are listed, and names,
# locations and messages are built for the findings alone.

# --- sequences ---

# A sequence (unit) is a group [scope, prefix] counted on its own, or
# [scope, "pair", least prefix] for the key and secret halves of a pair,
# counted together: the least of the group's prefix and its partners
# (lib.account_group_partners).
#
# _unit_of[[scope, prefix]] is the unit each group is counted in, for the
# groups of the scopes that may have a finding.
_unit_of := object.union({g: g | some g in _groups}, {g: [g[0], "pair", least] |
	partners := lib.account_group_partners
	some g in _groups
	least := min(partners[g] | {g[1]})
})

# A scope has no finding when each of its groups is settled: a twin
# (lib.account_twins: its partner holds the same numbers) that holds 1..n
# (no 0, lib.account_plain_twins: a name with no number or `<prefix>_0`),
# and none of its zero-padded names holds an account. Then every unit of the
# scope accepts 1..n and stops after it. _groups are the groups of the other
# scopes.
_settled contains g if {
	filled := lib.account_filled
	some g in lib.account_plain_twins
	ns := filled[g]
	max(ns) == count(ns)
}

_unsettled := (lib.account_groups - _settled) | {[s, p] | some [s, p, true, true], _ in lib.account_numbers}

_groups := {g |
	groups := lib.account_groups
	some s in {s | some [s, _] in _unsettled}
	some p, _ in lib.account_prefix_family
	g := [s, p]
	groups[g]
}

_units := {u | some _, u in _unit_of}

# _members[unit] holds the groups counted in the unit.
_members := {u: gs | some u in _units; gs := {g | some g, u2 in _unit_of; u2 == u}}

# _complete[unit] holds the numbers the loop accepts: every number a lone
# family holds; a number that both a key and a secret of a pair hold.
_complete := object.union(
	{g: c | filled := lib.account_filled; some g, u in _unit_of; u == g; c := object.get(filled, [g], set())},
	{u: c |
		numbers := _pair_numbers
		some u in _units
		[_, "pair", _] = u
		c := object.get(numbers, [[u, "key"]], set()) & object.get(numbers, [[u, "secret"]], set())
	},
)

# _pair_numbers[[unit, role]] holds the numbers that the key (or secret)
# halves of a pair hold.
_pair_numbers := {k: union(sets) | some k in _pair_roles; sets := {ns | some [k2, ns] in _pair_sets; k2 == k}}

_pair_roles := {k | some [k, _] in _pair_sets}

_pair_sets contains [[u, families[g[1]].role], filled[g]] if {
	filled := lib.account_filled
	families := lib.account_prefix_family
	some g, u in _unit_of
	[_, "pair", _] = u
	filled[g]
}

# _stop[unit] is the first number the loop does not accept (the account count
# is one less): the least number from 1 on that is not accepted
# (lib.account_stop).
_stop := {u: lib.account_stop(c) | some u, c in _complete}

# _past[[scope, prefix]] holds the numbers of the group that hold an account
# past its unit's stop: the loop never reaches them.
_past := {g: ns |
	filled := lib.account_filled
	stops := _stop
	some g, u in _unit_of
	stop := stops[u]
	max(filled[g]) > stop
	ns := filled[g] - {n | some n in numbers.range(0, stop)}
}

# _unread lists the definitions the loop never reads (zero-padded or number
# 0) that hold an account: [[scope, prefix], number, name, at].
_unread := array.concat(
	[[g, n, name, j] |
		defs := lib.account_padded_defs
		some [[s, p, true, true], n, name, j] in defs
		g := [s, p]
	],
	[[g, 0, name, j] |
		filled := lib.account_filled
		some g in _groups
		0 in filled[g]
		name := _name(g[1], 0)
		some [j, true, _] in lib.account_named(g[0], name)
	],
)

# _unit_prefixes[unit]: every prefix of the unit, partners included, for the
# units with a finding.
_unit_prefixes := {u: ps |
	partners := lib.account_group_partners
	members := _members
	some u in _phrase_units
	ps := {p |
		some g in members[u]
		some p in (object.get(partners, [g], set()) | {g[1]})
	}
}

_name(prefix, n) := sprintf("%s_%d", [prefix, n])

# _phrases[unit] says where the count of the unit stops and why, for the
# units with a finding.
_phrases := {u: _count_phrase(n, _why(u[0], n, prefixes[u]), lib.account_reader(projects[u[0]])) |
	stops := _stop
	prefixes := _unit_prefixes
	projects := lib.account_scope_projects
	some u in _phrase_units
	n := stops[u]
}

# (An entry the loop never reads names the stop only when the count is 0.)
_phrase_units := {u | unit_of := _unit_of; some g, _ in _past; u := unit_of[g]} | {u |
	unit_of := _unit_of
	stops := _stop
	some [g, _, _, _] in _unread
	u := unit_of[g]
	stops[u] == 1
}

# _why says why the loop of a unit in scope, whose prefixes are ps, stops at
# n: which names are missing or empty (and where the empty ones are set).
_why(scope, n, ps) := concat(" and ", [phrase |
	some state in ["missing", "empty"]
	names := sort({_name(p, n) |
		some p in ps
		_state(scope, p, n) == state
	})
	count(names) > 0
	phrase := sprintf("%s %s %s%s", [_join(names), _verb(count(names)), state, _where(scope, names, state)])
])

_where(_, _, "missing") := ""

_where(scope, names, "empty") := sprintf(" (%s)", [concat(", ", [sprintf("%s:%d", [l[0], l[1]]) |
	some name in names
	l := min({[loc.path, loc.line] | some [_, false, loc] in lib.account_named(scope, name)})
])])

_state(scope, p, n) := "empty" if {
	not n in object.get(lib.account_filled, [[scope, p]], set())
	n in object.get(lib.account_unfilled, [[scope, p]], set())
}

_state(scope, p, n) := "missing" if {
	not n in object.get(lib.account_filled, [[scope, p]], set())
	not n in object.get(lib.account_unfilled, [[scope, p]], set())
}

_verb(1) := "is"

_verb(n) := "are" if n > 1

_count_phrase(n, why, _) := sprintf("the account count stops at %d because %s", [n - 1, why]) if n > 1

_count_phrase(1, why, reader) := sprintf("the account count is 0 because %s, so the chosen number is 0%s", [why, lib.account_zero_copy[reader]])

# _join lists names as "A", "A and B", "A, B and C".
_join(names) := names[0] if count(names) == 1

_join(names) := concat(" and ", [concat(", ", array.slice(names, 0, count(names) - 1)), names[count(names) - 1]]) if count(names) > 1

# _join_first lists the first names of total as _join does; past six it
# counts the rest.
_join_first(names, total) := _join(names) if total <= 6

_join_first(names, total) := sprintf("%s and %d more", [concat(", ", array.slice(names, 0, 6)), total - 6]) if total > 6

# _candidates are the findings of every scope, with the name defined at
# their location. The same env file is a layer of several environments;
# where not all of them report the same at one place, the message names the
# environments that do.
#
# Every unreachable entry of a unit is named (in number order) at the first
# one: the lowest number, then the earliest place. The names of a group past
# the stop are its prefix and numbers; the first six of the unit are among
# the first six of its groups.
_candidates contains {"location": loc, "env": env, "message": msg, "name": name} if {
	phrases := _phrases
	past := _past
	some u, gs in _members
	pasts := [[g, ns] | some g in gs; ns := past[g]]
	count(pasts) > 0
	numbered := sort([[n, _name(g[1], n)] | some [g, ns] in pasts; some n in array.slice(sort(ns), 0, 6)])
	total := sum([count(ns) | some [_, ns] in pasts])
	least := numbered[0][0]
	env := lib.account_scope_env(u[0])
	[_, _, _, loc, name] := min({[l.path, l.line, l.column, l, name] |
		some [g, ns] in pasts
		least in ns
		name := _name(g[1], least)
		some [_, true, l] in lib.account_named(u[0], name)
	})
	names := [name | some [_, name] in array.slice(numbered, 0, 6)]
	msg := sprintf("%s %s never used: %s", [_join_first(names, total), _verb(total), phrases[u]])
}

# Zero-padded numbers and number 0: the loop reads AWS_KEY_1, not AWS_KEY_01.
_candidates contains {"location": lib.account_location(g[0], j), "env": lib.account_scope_env(g[0]), "message": msg, "name": name} if {
	unit_of := _unit_of
	stops := _stop
	some [g, n, name, j] in _unread
	stops[unit_of[g]] > 1
	msg := sprintf("%s is never read: %s", [name, _loop_reads(g[1], n)])
}

# When the count is 0, the message also says why.
_candidates contains {"location": lib.account_location(g[0], j), "env": lib.account_scope_env(g[0]), "message": msg, "name": name} if {
	unit_of := _unit_of
	stops := _stop
	phrases := _phrases
	some [g, n, name, j] in _unread
	u := unit_of[g]
	stops[u] == 1
	msg := sprintf("%s is never read: %s; %s", [name, _loop_reads(g[1], n), phrases[u]])
}

_loop_reads(prefix, n) := sprintf("the loop reads %s", [_name(prefix, n)]) if n > 0

_loop_reads(prefix, 0) := sprintf("the loop starts at %s", [_name(prefix, 1)])

# A finding that only some of the environments seeing that definition
# produce names them.
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
