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
# notes at lib's account_* block): every entry is read once, into the tuples
# of _rows, built inline (no function call per entry). Everything else is a
# complete rule built once from _rows by matching tuple patterns: sets of
# small tuples answer "is this number there" with `in`, and the groupings use
# the indexed comprehension {k: vs | some k in keys; vs := {v | some [k2, v]
# in pairs; k2 == k}}. Messages, and the numbers they name, are built only
# for the units with a finding.

# --- sequences ---

# A sequence (unit) is keyed by its scope: [scope, prefix] for a family
# counted on its own, [scope, "pair", least prefix] for the key and secret
# halves of a pair, counted together. _pair_units[project] maps the prefix of
# each half of a pair to that least prefix.
_pair_units := {proj: units |
	some [proj, _], _ in lib.account_partners
	units := {prefix: min(ps | {prefix}) | some [proj2, prefix], ps in lib.account_partners; proj2 == proj}
}

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

# _counted_loops maps each prefix read with a run-time index to true: those
# families count whatever their name.
_counted_loops := {p: true | some p in lib.account_loop_prefixes}

# _rows holds one tuple per numbered entry of a counted family (a credential
# prefix, or one read with a run-time index) in every scope:
#   [key, prefix, role, number, exists, plain, [env, name, location]]
# key is the unit the entry is counted in; exists is true when the entry
# holds an account (a value; in a template, being there); plain when the
# loop can read its number (neither zero-padded nor 0). An array (every
# entry is there once), and short: matching a tuple pattern binds every
# element, so what only findings need is one element.
_rows := [[key, prefix, object.get(fam, "role", ""), fam.index, exists, plain, [env, v.name, v.location]] |
	loops := _counted_loops
	pair_units := _pair_units
	some [scope, env, proj, template, entries] in _scopes
	pairs := {p: [scope, "pair", least] | some p, least in object.get(pair_units, proj, {})}
	some v in entries
	fam := v.family
	prefix := fam.prefix
	object.get(loops, prefix, object.get(fam, "credential", false))
	not fam.missing
	key := object.get(pairs, prefix, [scope, prefix])
	exists := true in [template, object.get(v, "set", false)]
	plain := {object.get(fam, "padded", false), fam.index < 1} == {false}
]

# _numbers holds [scope, prefix, number, exists] for every number the loop
# can read (present at all, and holding an account when exists is true) that
# is where some count stops: what the messages say about.
_numbers contains [scope, prefix, n, exists] if {
	stops := {n | some _, n in _stop}
	some [k, prefix, _, n, exists, true, _] in _rows
	n in stops
	scope := k[0]
}

# _held holds [unit key, role, number] for every readable number that holds
# an account.
_held contains [k, role, n] if some [k, _, role, n, true, true, _] in _rows

# _complete holds [unit key, number] for the numbers the loop accepts: any
# held number of a lone family, a number that both a key and a secret of a
# pair hold.
_complete contains [k, n] if {
	some [k, _, n] in _held
	[_, _] = k
}

_complete contains [k, n] if {
	held := _held
	some [k, "key", n] in held
	[_, "pair", _] = k
	[k, "secret", n] in held
}

# _families holds [unit key, prefix] once per family of each unit.
_families contains [k, prefix] if some [k, prefix, _, _, _, _, _] in _rows

_unit_keys := {k | some [k, _] in _families}

_scope_projects := {scope: proj | some [scope, _, proj, _, _] in _scopes}

# _stop[unit key] is the first number the loop does not accept (the
# account count is one less): the least of 1 when 1 is not accepted and of
# every n + 1 not accepted after an accepted n.
_breaks contains [k, 1] if {
	some k in _unit_keys
	not [k, 1] in _complete
}

_breaks contains [k, n + 1] if {
	complete := _complete
	some [k, n] in complete
	not [k, n + 1] in complete
}

_stop := {k: min(ns) | some k in _unit_keys; ns := {n | some [k2, n] in _breaks; k2 == k}}

# _unit_prefixes[unit key]: every prefix of the unit, partners included.
_unit_prefix_pairs contains [k, p] if {
	partners := lib.account_partners
	projects := _scope_projects
	some [k, prefix] in _families
	some p in (object.get(partners, [[projects[k[0]], prefix]], set()) | {prefix})
}

_unit_prefixes := {k: ps | some k in _unit_keys; ps := {p | some [k2, p] in _unit_prefix_pairs; k2 == k}}

# _scope_readers[scope] is what copying account 0 yields in the scope's
# project (lib.account_readers).
_scope_readers := {scope: object.get(readers, proj, "node") |
	readers := lib.account_readers
	some scope, proj in _scope_projects
}

_name(prefix, n) := sprintf("%s_%d", [prefix, n])

# _empty_at[[scope, name]] is where an empty numbered variable is set, for
# messages ("AWS_SECRET_2 is empty (.env.staging:2)").
_empty_pairs contains [[k[0], name], [loc.path, loc.line]] if some [k, _, _, _, false, true, [_, name, loc]] in _rows

_empty_keys contains k if some [k, _] in _empty_pairs

_empty_at := {k: min(ls) | some k in _empty_keys; ls := {l | some [k2, l] in _empty_pairs; k2 == k}}

# _unreachable[unit key] holds [number, [env, name, location]] for
# every entry past the stop that holds an account: the loop never reaches it.
_unreachable_pairs contains [k, [n, def]] if {
	stops := _stop
	some [k, _, _, n, true, true, def] in _rows
	n > stops[k]
}

_unreachable_keys contains k if some [k, _] in _unreachable_pairs

_unreachable := {k: us | some k in _unreachable_keys; us := {u | some [k2, u] in _unreachable_pairs; k2 == k}}

# Entries the loop never reads (zero-padded or 0) that hold an account:
# [unit key, prefix, number, [env, name, location]].
_unread contains [k, prefix, n, def] if some [k, prefix, _, n, true, false, def] in _rows

# _phrases[unit key] says where the count of the unit stops and why, for
# the units with a finding.
_phrases := {k: _count_phrase(n, _why(k[0], n, prefixes[k], numbers, empty_at), readers[k[0]]) |
	stops := _stop
	readers := _scope_readers
	prefixes := _unit_prefixes
	numbers := _numbers
	empty_at := _empty_at
	some k in _phrase_keys
	n := stops[k]
}

# (An entry the loop never reads names the stop only when the count is 0.)
_phrase_keys := _unreachable_keys | {k | stops := _stop; some [k, _, _, _] in _unread; stops[k] == 1}

# _why says why the loop of a unit in scope, whose prefixes are ps, stops at
# n: which names are missing or empty (and where the empty ones are set).
_why(scope, n, ps, numbers, empty_at) := concat(" and ", [phrase |
	some state in ["missing", "empty"]
	names := sort({_name(p, n) |
		some p in ps
		_state(numbers, scope, p, n) == state
	})
	count(names) > 0
	phrase := sprintf("%s %s %s%s", [_join(names), _verb(names), state, _where(scope, names, state, empty_at)])
])

_where(_, _, "missing", _) := ""

_where(scope, names, "empty", empty_at) := sprintf(" (%s)", [concat(", ", [sprintf("%s:%d", [l[0], l[1]]) |
	some name in names
	l := empty_at[[scope, name]]
])])

_state(numbers, scope, p, n) := "empty" if {
	not [scope, p, n, true] in numbers
	[scope, p, n, false] in numbers
}

_state(numbers, scope, p, n) := "missing" if {
	not [scope, p, n, true] in numbers
	not [scope, p, n, false] in numbers
}

_verb(names) := "is" if count(names) == 1

_verb(names) := "are" if count(names) > 1

_count_phrase(n, why, _) := sprintf("the account count stops at %d because %s", [n - 1, why]) if n > 1

_count_phrase(1, why, reader) := sprintf("the account count is 0 because %s, so the chosen number is 0%s", [why, lib.account_zero_copy[reader]])

# _join lists names as "A", "A and B", "A, B and C"; past six it counts the rest.
_join(names) := names[0] if count(names) == 1

_join(names) := concat(" and ", [concat(", ", array.slice(names, 0, count(names) - 1)), names[count(names) - 1]]) if {
	count(names) > 1
	count(names) <= 6
}

_join(names) := sprintf("%s and %d more", [concat(", ", array.slice(names, 0, 6)), count(names) - 6]) if count(names) > 6

# _candidates are the findings of every scope. The same env file is a layer
# of several environments; where not all of them report the same at one
# place, the message names the environments that do.
#
# Every unreachable entry of a unit is named (in number order) at the first
# one: the lowest number, then the earliest place.
_candidates contains {"location": loc, "env": env, "message": msg} if {
	phrases := _phrases
	some k, us in _unreachable
	numbered := sort({[n, name] | some [n, [_, name, _]] in us})
	least := numbered[0][0]
	[_, _, _, loc, env] := min({[l.path, l.line, l.column, l, e] | some [n, [e, _, l]] in us; n == least})
	names := [name | some [_, name] in numbered]
	msg := sprintf("%s %s never used: %s", [_join(names), _verb(names), phrases[k]])
}

# Zero-padded numbers and number 0: the loop reads AWS_KEY_1, not AWS_KEY_01.
_candidates contains {"location": loc, "env": env, "message": msg} if {
	stops := _stop
	some [k, prefix, n, [env, name, loc]] in _unread
	stops[k] > 1
	msg := sprintf("%s is never read: %s", [name, _loop_reads(prefix, n)])
}

# When the count is 0, the message also says why.
_candidates contains {"location": loc, "env": env, "message": msg} if {
	stops := _stop
	phrases := _phrases
	some [k, prefix, n, [env, name, loc]] in _unread
	stops[k] == 1
	msg := sprintf("%s is never read: %s; %s", [name, _loop_reads(prefix, n), phrases[k]])
}

_loop_reads(prefix, n) := sprintf("the loop reads %s", [_name(prefix, n)]) if n > 0

_loop_reads(prefix, 0) := sprintf("the loop starts at %s", [_name(prefix, 1)])

# A finding that only some of the environments seeing that definition
# produce names them.
_fired_pairs contains [[_at(c.location), c.message], c.env] if some c in _candidates

_fired_keys contains k if some [k, _] in _fired_pairs

_fired := {k: ids | some k in _fired_keys; ids := {id | some [k2, id] in _fired_pairs; k2 == k}}

# _seen[[path, line, column]] holds the environments whose winning variable
# is defined there, where an environment has a finding. (A definition has one
# location object, whichever environment sees it.)
_finding_locations := {c.location | some c in _candidates; c.env != ""}

_seen_pairs contains [_at(loc), env] if {
	locations := _finding_locations
	some [_, _, _, _, _, _, [env, _, loc]] in _rows
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
