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

# Performance: one env file may hold thousands of numbered keys. The names
# with no number are found among the distinct names (lib.env_entries), by
# their trailing "_" (a name ending in "_" is the only one that can have a
# missing number), and only they are read. Only the files holding one are
# read again, for the hint, and only their entries of the stems involved.

# A name with no number belongs to a numbered family when its prefix names a
# credential (the Go side only marks those as missing) or when the same prefix
# or stem is numbered somewhere else.
_member(fam) if fam.credential

_member(fam) if {
	not fam.credential
	fam.prefix in _numbered_prefixes
}

_member(fam) if {
	not fam.credential
	fam.stem != ""
	fam.stem in _numbered_stems
}

# The families numbered anywhere (entries of env files, code reads with a
# run-time index), looked at only for a family that names no credential.
_numbered_families := [fam |
	files := input.envFiles
	some refs in lib.env_entries
	fam := files[refs[0][0]].entries[refs[0][1]].family
	not fam.missing
]

_numbered_prefixes := {fam.prefix | some fam in _numbered_families} | lib.account_loop_prefixes

_numbered_stems := {fam.stem | some fam in _numbered_families} | {r.family.stem |
	all_reads := input.code.reads
	some i in lib.reads[""]
	r := all_reads[i]
	r.dynamic
}

# _missing lists [file, entry, name, family] (input.envFiles[file].entries[entry])
# for every env entry whose number is missing.
#
# The names ending in "_" are found in Go, without a regular expression
# (whose matcher walks every byte of every name at a cost of its own): the
# list of names, one a line, is split at each "_" that ends a line, and
# each piece but the last ends with such a name (with its "_" cut off): its
# last line, which strings.split_n returns alone (split would make a string
# of every line of the piece).
_missing := [[i, j, name, fam] |
	files := input.envFiles
	by_name := lib.env_entries
	pieces := split(concat("", [concat("\n", object.keys(by_name)), "\n"]), "_\n")
	some k in numbers.range(0, count(pieces) - 2)
	name := concat("", [strings.split_n(pieces[k], "\n", -1)[0], "_"])
	refs := by_name[name]
	fam := files[refs[0][0]].entries[refs[0][1]].family
	fam.missing
	some [i, j] in refs
]

# _stem_numbers[[file, stem]] maps each prefix of the stem to the set of
# numbers it uses in the file that the loop can read (neither zero-padded nor
# 0), for the files and stems of an entry with no number
# (lib.account_stem_numbers).
_stem_numbers := lib.account_stem_numbers

# _hints[[file, stem, prefix]] names the numbered name an entry of the file
# with no number most likely means: the lowest number its pair partner (the
# same stem) uses in the file that its own prefix lacks. Worked out once per
# [file, stem, prefix], however many entries share it.
_hints := {k: _hint_text(prefix, free) |
	numbers := _stem_numbers
	some k in _hint_keys
	[i, stem, prefix] := k
	pns := object.get(numbers, [[i, stem]], {})
	free := union({ns | some ns in pns}) - object.get(pns, prefix, set())
}

_hint_keys := {[i, fam.stem, fam.prefix] | some [i, _, _, fam] in _missing}

_hint_text(prefix, free) := sprintf(": did you mean %s_%d?", [prefix, min(free)]) if count(free) > 0

_hint_text(_, free) := "" if count(free) == 0

_hint(hints, i, fam) := h if {
	h := hints[[i, fam.stem, fam.prefix]]
} else := ""

report contains lib.finding(rego.metadata.chain(), e.location, msg) if {
	hints := _hints
	files := input.envFiles
	some [i, j, name, fam] in _missing
	_member(fam)
	e := files[i].entries[j]
	msg := sprintf(
		"%s has no account number: the count-until-missing loop reads %s_1, %s_2, ... and never this name, so the account count stops early (the example in Remotion's docs has this same typo)%s",
		[name, fam.prefix, fam.prefix, _hint(hints, i, fam)],
	)
}

report contains lib.finding(rego.metadata.chain(), r.location, msg) if {
	all_reads := input.code.reads
	some name, idxs in lib.reads
	name != ""
	fam := all_reads[idxs[0]].family
	fam.missing
	_member(fam)
	some k in idxs
	r := all_reads[k]
	not r.dynamic
	msg := sprintf(
		"the code reads %s with no account number appended: no numbered variable (%s_1, %s_2, ...) is ever read here, so the account count stops early or %s",
		[name, fam.prefix, fam.prefix, _unset_value(r.language)],
	)
}

# What a read of an unset variable yields, by language.
_unset_value("go") := "the copied value is empty (os.Getenv returns \"\")"

_unset_value(lang) := "the copied value is undefined, which Node stores as the string \"undefined\"" if lang != "go"
