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
# Lookups are complete rules (built once) queried by key; grouping goes
# through plain sets of [key, value] pairs and indexed comprehensions
# {k: vs | some k in keys; vs := {v | some [k2, v] in pairs; k2 == k}}, which
# must stay inline in a rule: ref-head rules (_x[k] contains v) are quadratic
# in OPA.

# --- sequences ---

# _members are the numbered credential entries of every scope, in a compact
# form: exists is true when the entry holds an account (a value; in a
# template, being there), plain when the loop can read its number.
_members contains object.union(_member(concat("", ["environment ", env.id]), env.project, false, v), {"env": env.id}) if {
	some env in input.environments
	some v in env.variables
	_counted(v.family)
}

_members contains _member(concat("", ["file ", f.path]), f.project, f.template, v) if {
	own := lib.account_own_scope
	some f in input.envFiles
	f.path in own
	some v in f.entries
	_counted(v.family)
}

_member(scope, proj, template, v) := {
	"scope": scope,
	"project": proj,
	"prefix": v.family.prefix,
	"index": v.family.index,
	"role": object.get(v.family, "role", ""),
	"name": v.name,
	"location": v.location,
	"exists": _exists(template, v),
	"plain": lib.account_plain(v.family),
	"env": "",
}

_counted(fam) if {
	not fam.missing
	fam.credential
}

_counted(fam) if {
	not fam.missing
	fam.prefix in lib.account_loop_prefixes
}

_exists(true, _) := true

_exists(false, v) := object.get(v, "set", false)

# _unit_of[[project, prefix]] names the sequence a prefix belongs to: a
# key/secret pair counted together, or a lone family.
_project_prefixes contains [m.project, m.prefix] if some m in _members

_unit_of := {k: _unit(k[1], object.get(partners, [k], set())) |
	partners := lib.account_partners
	some k in _project_prefixes
}

_unit(prefix, partners) := ["pair", min(partners | {prefix})] if count(partners) > 0

_unit(prefix, partners) := ["lone", prefix] if count(partners) == 0

# _rows are the members with their unit and side (key, secret or lone).
_rows contains object.union(m, {"unit": unit, "side": _side(unit, m.role)}) if {
	units := _unit_of
	some m in _members
	unit := units[[m.project, m.prefix]]
}

_side(unit, role) := role if unit[0] == "pair"

_side(unit, _) := "lone" if unit[0] == "lone"

_unit_keys contains [r.scope, r.unit] if some r in _rows

# _unit_prefixes[[scope, unit]]: every prefix of the unit, partners included.
_scope_prefixes contains [[r.scope, r.unit], r.project, r.prefix] if some r in _rows

_unit_prefix_pairs contains [k, p] if {
	partners := lib.account_partners
	some [k, proj, prefix] in _scope_prefixes
	some p in (object.get(partners, [[proj, prefix]], set()) | {prefix})
}

_unit_prefixes := {k: ps | some k in _unit_keys; ps := {p | some [k2, p] in _unit_prefix_pairs; k2 == k}}

# Numbers per [scope, prefix]: present at all, and holding an account.
_present_pairs contains [[r.scope, r.prefix], r.index] if {
	some r in _rows
	r.plain
}

_present_keys contains k if some [k, _] in _present_pairs

_present := {k: ns | some k in _present_keys; ns := {n | some [k2, n] in _present_pairs; k2 == k}}

_have_pairs contains [[r.scope, r.prefix], r.index] if {
	some r in _rows
	r.plain
	r.exists
}

_have_keys contains k if some [k, _] in _have_pairs

_have := {k: ns | some k in _have_keys; ns := {n | some [k2, n] in _have_pairs; k2 == k}}

# Numbers holding an account per [scope, unit, side].
_side_pairs contains [[r.scope, r.unit, r.side], r.index] if {
	some r in _rows
	r.plain
	r.exists
}

_side_keys contains k if some [k, _] in _side_pairs

_have_side := {k: ns | some k in _side_keys; ns := {n | some [k2, n] in _side_pairs; k2 == k}}

# _complete[[scope, unit]] holds the numbers the loop accepts.
_complete_pairs contains [[scope, unit], n] if {
	some [scope, unit, "lone"], ns in _have_side
	some n in ns
}

_complete_pairs contains [[scope, unit], n] if {
	sides := _have_side
	some [scope, unit, "key"], ns in sides
	some n in ns
	n in object.get(sides, [[scope, unit, "secret"]], set())
}

_complete_keys contains k if some [k, _] in _complete_pairs

_complete := {k: ns | some k in _complete_keys; ns := {n | some [k2, n] in _complete_pairs; k2 == k}}

# _stop[[scope, unit]] is the first number the loop does not accept; the
# account count is one less. It is at most count(complete) + 1, so the search
# stays linear.
_stop := {k: first |
	complete := _complete
	some k in _unit_keys
	c := object.get(complete, [k], set())
	first := min({n | some n in numbers.range(1, count(c) + 1); not n in c})
}

_name(prefix, n) := sprintf("%s_%d", [prefix, n])

# _ctx bundles the lookups that messages need.
_ctx := {"stops": _stop, "prefixes": _unit_prefixes, "have": _have, "present": _present, "empty_at": _empty_at, "readers": _scope_readers}

# _scope_readers[scope] is what copying account 0 yields in the scope's
# project (lib.account_readers).
_scope_readers := {r.scope: object.get(readers, r.project, "node") |
	readers := lib.account_readers
	some r in _rows
}

# _empty_at[[scope, name]] is where an empty numbered variable is set, for
# messages ("AWS_SECRET_2 is empty (.env.staging:2)").
_empty_pairs contains [[r.scope, r.name], [r.location.path, r.location.line]] if {
	some r in _rows
	r.plain
	not r.exists
}

_empty_keys contains k if some [k, _] in _empty_pairs

_empty_at := {k: min(ls) | some k in _empty_keys; ls := {l | some [k2, l] in _empty_pairs; k2 == k}}

# _phrase says where the count of unit k stops and why (only computed for
# units with a finding).
_phrase(k, ctx) := _count_phrase(n, _why(k, n, ctx), ctx.readers[k[0]]) if n := ctx.stops[k]

# _why says why the loop of unit k stops at n: which names are missing or
# empty (and where the empty ones are set).
_why(k, n, ctx) := concat(" and ", [phrase |
	some state in ["missing", "empty"]
	names := sort({_name(p, n) |
		some p in ctx.prefixes[k]
		have := object.get(ctx.have, [[k[0], p]], set())
		present := object.get(ctx.present, [[k[0], p]], set())
		_state(have, present, n) == state
	})
	count(names) > 0
	phrase := sprintf("%s %s %s%s", [_join(names), _verb(names), state, _where(k[0], names, state, ctx)])
])

_where(_, _, "missing", _) := ""

_where(scope, names, "empty", ctx) := sprintf(" (%s)", [concat(", ", [sprintf("%s:%d", [l[0], l[1]]) |
	some name in names
	l := ctx.empty_at[[scope, name]]
])])

_state(have, present, n) := "empty" if {
	not n in have
	n in present
}

_state(_, present, n) := "missing" if not n in present

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

# Entries past the stop: holding an account the loop never reaches.
_unreachable_pairs contains [k, r] if {
	stops := _stop
	some r in _rows
	r.exists
	r.plain
	k := [r.scope, r.unit]
	r.index > stops[k]
}

_unreachable_keys contains k if some [k, _] in _unreachable_pairs

_unreachable := {k: rs | some k in _unreachable_keys; rs := {r | some [k2, r] in _unreachable_pairs; k2 == k}}

_order(r) := [r.index, r.location.path, r.location.line, r.location.column]

# _candidates are the findings of every scope. The same env file is a layer
# of several environments; where not all of them report the same at one
# place, the message names the environments that do.
_candidates contains {"location": first.location, "env": first.env, "message": msg} if {
	ctx := _ctx
	some k, rs in _unreachable
	best := min({_order(r) | some r in rs})
	first := [r | some r in rs; _order(r) == best][0]
	names := [name | some [_, name] in sort({[r.index, r.name] | some r in rs})]
	msg := sprintf("%s %s never used: %s", [_join(names), _verb(names), _phrase(k, ctx)])
}

# Zero-padded numbers and number 0: the loop reads AWS_KEY_1, not AWS_KEY_01.
_candidates contains {"location": r.location, "env": r.env, "message": msg} if {
	ctx := _ctx
	some r in _rows
	r.exists
	not r.plain
	k := [r.scope, r.unit]
	msg := sprintf("%s is never read: %s%s", [r.name, _loop_reads(r), _zero_count(k, ctx)])
}

# A finding that only some of the environments seeing that definition
# produce names them.
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

_loop_reads(r) := sprintf("the loop reads %s", [_name(r.prefix, r.index)]) if r.index > 0

_loop_reads(r) := sprintf("the loop starts at %s", [_name(r.prefix, 1)]) if r.index == 0

_zero_count(k, ctx) := concat("", ["; ", _phrase(k, ctx)]) if ctx.stops[k] == 1

_zero_count(k, ctx) := "" if ctx.stops[k] > 1
