// Package prefilter holds the byte searches that let a source scanner skip a
// file that cannot yield a fact, far more cheaply than lexing or parsing it:
// most sources of a monorepo name no environment variable and hold no key.
//
// Each search reads the source once and stops only at the occurrences of one
// byte, chosen by the caller among the rarer bytes of the word
// (bytes.Contains would stop at every 'e', the commonest letter of code, for
// "env").
package prefilter

import "bytes"

// Contains reports whether word occurs in src, looking for its byte at index
// anchor and comparing the rest of the word around each one found.
func Contains(src []byte, word string, anchor int) bool {
	c := word[anchor]
	for i := anchor; i < len(src); {
		j := bytes.IndexByte(src[i:], c)
		if j < 0 {
			return false
		}
		start := i + j - anchor
		if end := start + len(word); end <= len(src) && string(src[start:end]) == word {
			return true
		}
		i += j + 1
	}
	return false
}

// ContainsFold is Contains ignoring ASCII case: word, in lower case, matches
// "Secret", "SECRET" and "sEcReT" alike. It searches for the lower and the
// upper case of the anchor byte in turn.
func ContainsFold(src []byte, word string, anchor int) bool {
	c := word[anchor]
	for _, b := range [2]byte{c, c - 'a' + 'A'} {
		for i := anchor; i < len(src); {
			j := bytes.IndexByte(src[i:], b)
			if j < 0 {
				break
			}
			start := i + j - anchor
			if end := start + len(word); end <= len(src) && bytes.EqualFold(src[start:end], []byte(word)) {
				return true
			}
			i += j + 1
		}
	}
	return false
}

// Escape reports whether src holds a backslash followed by a byte for which
// spells is true: an escape in a string literal that may decode to a byte
// the other searches look for, hiding it from them. Each scanner says which
// escapes of its language can.
func Escape(src []byte, spells func(c byte) bool) bool {
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\\')
		if j < 0 || i+j+1 >= len(src) {
			return false
		}
		i += j + 1
		if spells(src[i]) {
			return true
		}
	}
}

// KeyID reports whether src contains one of the prefixes of AWS key ids:
// AKIA, ASIA, ABIA, ACCA or A3T (one search, for 'A').
func KeyID(src []byte) bool {
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], 'A')
		if j < 0 {
			return false
		}
		i += j + 1
		rest := src[i:]
		if len(rest) >= 2 && rest[0] == '3' && rest[1] == 'T' {
			return true
		}
		if len(rest) >= 3 {
			switch string(rest[:3]) {
			case "KIA", "SIA", "BIA", "CCA":
				return true
			}
		}
	}
}
