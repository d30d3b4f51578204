package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is what a token is.
type Kind uint8

// Token kinds.
const (
	Word   Kind = iota + 1 // letters, with internal apostrophes or periods (O'Brien, U.S.)
	Number                 // starts with a digit (30, 1,000, 3.5, 19th)
	Punct                  // one mark; every hyphen and dash is "-"
)

// Shape is the letter case of a word as written.
type Shape uint8

// Shapes.
const (
	NoLetters Shape = iota
	Lower           // all lower case
	Title           // first letter upper, the rest lower (or one letter)
	Upper           // two or more letters, all upper case (UN, NATO, U.S.)
	Mixed           // anything else (McDonald, iPhone)
)

// Token is a word, number or mark with its byte span in the text it came
// from.
type Token struct {
	Start, End int
	Kind       Kind
	Shape      Shape
	// Word numbers Norm among the words of the WordSets made (0: in none).
	Word int32
	// Norm is the token normalised for matching (see Fold); for plain
	// lower-case ASCII words it shares the text's memory.
	Norm string
}

// Text returns the token as written in s, the text it was cut from.
func (t Token) Text(s string) string { return s[t.Start:t.End] }

// Capitalised reports whether the word starts with an upper-case letter.
func (t Token) Capitalised() bool { return t.Shape == Title || t.Shape == Upper || t.Shape == Mixed }

// Tokenize appends the tokens of s[start:end] to dst and returns it. Spans
// are offsets into s.
func Tokenize(s string, start, end int, dst []Token) []Token {
	from := len(dst)
	i := start
	for i < end {
		r, size := utf8.DecodeRuneInString(s[i:end])
		switch {
		case r == ' ' || r == '\n' || r == '\t' || r == '\r' || unicode.IsSpace(r):
			i += size
		case unicode.IsDigit(r):
			j := scanNumber(s, i, end)
			dst = append(dst, Token{Start: i, End: j, Kind: Number, Norm: Fold(s[i:j])})
			i = j
		case unicode.IsLetter(r):
			var t Token
			t, i = scanWord(s, i, end)
			dst = append(dst, t)
		case isApostrophe(r) && possessiveAt(s, i+size, end):
			// A possessive after a closing quote or a name that ended the
			// previous word ("Azerbaijan’s" splits as Azerbaijan + ’s).
			j := i + size + 1
			dst = append(dst, Token{Start: i, End: j, Kind: Word, Shape: Lower, Norm: "'s"})
			i = j
		case isHyphen(r):
			dst = append(dst, Token{Start: i, End: i + size, Kind: Punct, Norm: "-"})
			i += size
		default:
			dst = append(dst, Token{Start: i, End: i + size, Kind: Punct, Norm: punctNorm(r, s[i:i+size])})
			i += size
		}
	}
	number(dst[from:])
	return dst
}

func punctNorm(r rune, raw string) string {
	switch r {
	case '“', '”', '„', '«', '»', '″':
		return `"`
	case '‘', '’', '`', 'ʼ':
		return "'"
	}
	return raw
}

// possessiveAt reports whether s[i:] starts with "s" not followed by a
// letter (the s of a possessive 's).
func possessiveAt(s string, i, end int) bool {
	if i >= end || (s[i] != 's' && s[i] != 'S') {
		return false
	}
	if i+1 >= end {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i+1 : end])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// scanWord reads a word starting at i: letters, digits and marks, with
// internal apostrophes (O'Brien, d'Ivoire) and dotted abbreviations
// (U.S., U.N.). A possessive 's and a negative n't are split off as tokens
// of their own, so "Azerbaijan's" gives "azerbaijan" and "'s", "didn't"
// gives "did" and "n't".
func scanWord(s string, i, end int) (Token, int) {
	start := i
	// A dotted abbreviation: single letters each followed by a period.
	if j := scanAbbrev(s, i, end); j > i {
		return Token{Start: start, End: j, Kind: Word, Shape: shape(s[start:j]), Norm: Fold(s[start:j])}, j
	}
	for i < end {
		r, size := utf8.DecodeRuneInString(s[i:end])
		if isWordRune(r) {
			i += size
			continue
		}
		if isApostrophe(r) && i+size < end {
			next, _ := utf8.DecodeRuneInString(s[i+size : end])
			if !unicode.IsLetter(next) {
				break
			}
			if possessiveAt(s, i+size, end) {
				break
			}
			if (next == 't' || next == 'T') && (s[i-1] == 'n' || s[i-1] == 'N') && endsWord(s, i+size+1, end) {
				if i-1 > start {
					// "didn't": the word ends before its "n".
					w := Token{Start: start, End: i - 1, Kind: Word, Shape: shape(s[start : i-1]), Norm: Fold(s[start : i-1])}
					return w, i - 1
				}
				// At the "n't" itself.
				j := i + size + 1
				return Token{Start: start, End: j, Kind: Word, Shape: Lower, Norm: "n't"}, j
			}
			i += size
			continue
		}
		break
	}
	return Token{Start: start, End: i, Kind: Word, Shape: shape(s[start:i]), Norm: Fold(s[start:i])}, i
}

func endsWord(s string, i, end int) bool {
	if i >= end {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:end])
	return !isWordRune(r)
}

// scanAbbrev returns the end of a dotted abbreviation at i (U.S., U.N.,
// e.g.), or i when there is none. At least two letter-period pairs.
func scanAbbrev(s string, i, end int) int {
	j, pairs := i, 0
	for j < end {
		r, size := utf8.DecodeRuneInString(s[j:end])
		if !unicode.IsLetter(r) || j+size >= end || s[j+size] != '.' {
			break
		}
		j += size + 1
		pairs++
		if j < end {
			if r2, _ := utf8.DecodeRuneInString(s[j:end]); !unicode.IsLetter(r2) {
				break
			}
		}
	}
	if pairs < 2 {
		return i
	}
	// Not an abbreviation if a letter follows directly (e.g. "a.b.cde").
	if j < end {
		if r, _ := utf8.DecodeRuneInString(s[j:end]); unicode.IsLetter(r) {
			return i
		}
	}
	return j
}

// scanNumber reads a number: digits with internal "," or "." before a
// digit, and letters that follow directly (19th, 3km).
func scanNumber(s string, i, end int) int {
	for i < end {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			i++
		case (c == ',' || c == '.') && i+1 < end && s[i+1] >= '0' && s[i+1] <= '9':
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:end])
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				i += size
				continue
			}
			return i
		}
	}
	return i
}

// shape classifies the letter case of w.
func shape(w string) Shape {
	upper, lower, first := 0, 0, Shape(NoLetters)
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			if upper+lower == 0 {
				first = Upper
			}
			upper++
		case unicode.IsLower(r):
			if upper+lower == 0 {
				first = Lower
			}
			lower++
		}
	}
	switch {
	case upper+lower == 0:
		return NoLetters
	case upper == 0:
		return Lower
	case lower == 0 && upper >= 2:
		return Upper
	case lower == 0:
		return Title
	case first == Upper && upper == 1:
		return Title
	}
	return Mixed
}

// Key returns the normalised form of a name for dictionary lookup: its
// tokens' Norm joined by single spaces. "Nagorno-Karabakh’s" has the key
// "nagorno - karabakh 's".
func Key(name string) string {
	toks := Tokenize(name, 0, len(name), nil)
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Norm)
	}
	return b.String()
}

// FNV-1a, 64 bits: the hash of a Key, extensible one token at a time so
// that a matcher can look up growing token sequences without building
// strings.
const (
	HashSeed  uint64 = 14695981039346656037
	hashPrime uint64 = 1099511628211
)

// Hash returns the hash of key (a Key).
func Hash(key string) uint64 { return hashMore(HashSeed, key) }

// Extend returns the hash of key+" "+norm given h, the hash of key. For the
// first token of a sequence, use Hash(norm).
func Extend(h uint64, norm string) uint64 {
	h ^= ' '
	h *= hashPrime
	return hashMore(h, norm)
}

func hashMore(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= hashPrime
	}
	return h
}
