# METADATA
# title: account-number-missing
# description: |
#   Finds a member of a numbered credential family that has no number: an env
#   entry such as `AWS_SECRET_=` next to `AWS_KEY_1` (templates included), or
#   code that reads `process.env.AWS_SECRET_` with no index appended.
#
#   The account-rotation pattern in Remotion's documentation counts accounts
#   with a loop that reads `AWS_KEY_1`/`AWS_SECRET_1`, `AWS_KEY_2`/`AWS_SECRET_2`,
#   ... and stops at the first number whose key or secret is missing. A name
#   without a number is never read by that loop, so the account it was meant
#   for is missing and the count stops early. When the count is 0 the chosen
#   number is 0, the copied values are `undefined`, and Node stores the string
#   "undefined" in the credential variables.
# custom:
#   severity: error
#   summary: a numbered credential variable has no number, so the account-count loop stops early
#   requires_remotion: false
#   bad: |
#     AWS_KEY_1=AKIA...
#     AWS_SECRET_=...
#   good: |
#     AWS_KEY_1=AKIA...
#     AWS_SECRET_1=...
#   remotion: |
#     Remotion's own rotation example has exactly this typo (`AWS_SECRET_=`).
#     The count-until-missing loop reads `AWS_SECRET_1` and finds nothing, so
#     the account count stops before that account.
package remolint.rules.accounts.account_number_missing

import data.remolint.lib

# A name with no number belongs to a numbered family when its prefix names a
# credential (the Go side only marks those as missing) or when the same prefix
# or stem is numbered somewhere else.
_member(fam) if fam.credential

_member(fam) if fam.prefix in _numbered_prefixes

_member(fam) if {
	fam.stem != ""
	fam.stem in _numbered_stems
}

_numbered_prefixes contains e.family.prefix if {
	some f in input.envFiles
	some e in f.entries
	not e.family.missing
}

_numbered_prefixes contains trim_suffix(r.prefix, "_") if {
	some r in input.code.reads
	r.dynamic
	r.prefix != ""
}

_numbered_stems contains e.family.stem if {
	some f in input.envFiles
	some e in f.entries
	not e.family.missing
}

_numbered_stems contains r.family.stem if {
	some r in input.code.reads
	r.dynamic
}

# Performance: one env file may hold thousands of numbered keys. The entries
# are read once to find those with no number; only the files holding one are
# read again, for the hint, and only their entries of the stems involved. The
# rest is built from those few entries.

# _missing holds [path, entry] for every env entry whose number is missing.
_missing contains [f.path, e] if {
	some f in input.envFiles
	some e in f.entries
	e.family.missing
}

# _hint_stems[path] holds the stems of the entries of path with no number.
_hint_stems := {path: stems |
	some [path, _] in _missing
	stems := {e.family.stem | some [path2, e] in _missing; path2 == path}
}

# _stem_numbers[[path, stem]] holds [prefix, number] for every number of the
# stem that the loop can read (neither zero-padded nor 0) in the file, for
# the stems of _hint_stems. (A prefix always has the same stem.)
_stem_number_pairs contains [[f.path, fam.stem], [fam.prefix, fam.index]] if {
	wanted := _hint_stems
	some f in input.envFiles
	stems := wanted[f.path]
	some e in f.entries
	fam := e.family
	fam.stem in stems
	not fam.padded
	fam.index > 0
}

_stem_number_keys contains k if some [k, _] in _stem_number_pairs

_stem_numbers := {k: pns | some k in _stem_number_keys; pns := {pn | some [k2, pn] in _stem_number_pairs; k2 == k}}

# _hints[[path, stem, prefix]] names the numbered name an entry of path with
# no number most likely means: the lowest number its pair partner (the same
# stem) uses in the file that its own prefix lacks. Worked out once per
# [path, stem, prefix] (_hint_keys), however many entries share it.
_hints := {[path, stem, prefix]: _hint_text(prefix, free) |
	numbers := _stem_numbers
	some [path, stem, prefix] in _hint_keys
	pns := object.get(numbers, [[path, stem]], set())
	free := {n | some [_, n] in pns} - {n | some [prefix2, n] in pns; prefix2 == prefix}
}

_hint_keys := {[path, e.family.stem, e.family.prefix] | some [path, e] in _missing}

_hint_text(prefix, free) := sprintf(": did you mean %s_%d?", [prefix, min(free)]) if count(free) > 0

_hint_text(_, free) := "" if count(free) == 0

_hint(hints, path, fam) := h if {
	h := hints[[path, fam.stem, fam.prefix]]
} else := ""

report contains lib.finding(rego.metadata.chain(), e.location, msg) if {
	hints := _hints
	some [path, e] in _missing
	_member(e.family)
	msg := sprintf(
		"%s has no account number: the count-until-missing loop reads %s_1, %s_2, ... and never this name, so the account count stops early (the example in Remotion's docs has this same typo)%s",
		[e.name, e.family.prefix, e.family.prefix, _hint(hints, path, e.family)],
	)
}

report contains lib.finding(rego.metadata.chain(), r.location, msg) if {
	some r in input.code.reads
	not r.dynamic
	r.name != ""
	r.family.missing
	_member(r.family)
	msg := sprintf(
		"the code reads %s with no account number appended: no numbered variable (%s_1, %s_2, ...) is ever read here, so the account count stops early or %s",
		[r.name, r.family.prefix, r.family.prefix, _unset_value(r.language)],
	)
}

# What a read of an unset variable yields, by language.
_unset_value("go") := "the copied value is empty (os.Getenv returns \"\")"

_unset_value(lang) := "the copied value is undefined, which Node stores as the string \"undefined\"" if lang != "go"
