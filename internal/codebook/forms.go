package codebook

import (
	"fmt"
	"strings"

	"github.com/truce/truce/internal/dict"
)

// Form is the grammatical form in which a pattern's verb was found, or
// Noun for a nominal pattern.
type Form uint8

// Forms.
const (
	Base       Form = iota + 1 // declare: infinitive or present
	Third                      // declares
	Past                       // declared: simple past
	Participle                 // declared after have/be, or a distinct participle (taken)
	Gerund                     // declaring
	Noun                       // a nominal pattern: no verb element
)

var formNames = [...]string{"", "base", "third", "past", "participle", "gerund", "noun"}

// String returns the form's name, "" for the zero Form.
func (f Form) String() string {
	if int(f) < len(formNames) {
		return formNames[f]
	}
	return fmt.Sprintf("Form(%d)", f)
}

// MarshalText writes the form's name.
func (f Form) MarshalText() ([]byte, error) { return []byte(f.String()), nil }

// formSet is the set of forms a written word can be: "put" is base, past
// and participle; "declared" is past and participle.
type formSet uint8

const (
	canBase formSet = 1 << iota
	canThird
	canPast
	canPart
	canGerund
)

// irregular holds forms.txt: irregular verbs and noun plurals.
type irregular struct {
	verbs  map[string]*verbIrr // by lemma
	plural map[string][]string // noun -> plurals
}

type verbIrr struct {
	past, part, third, gerund []string
}

func newIrregular() *irregular {
	return &irregular{verbs: map[string]*verbIrr{}, plural: map[string][]string{}}
}

// add reads one forms.txt entry: "LEMMA = verb past=A|B participle=C
// [third=..] [gerund=..]" or "NOUN = noun plural=A|B". A later entry for
// the same word replaces an earlier one (a user's file overrides).
func (ir *irregular) add(e *dict.Entry) error {
	alts := func(key string) []string {
		v := e.Attr(key)
		if v == "" {
			return nil
		}
		var out []string
		for a := range strings.SplitSeq(v, "|") {
			if a = strings.ToLower(strings.TrimSpace(a)); a != "" {
				out = append(out, a)
			}
		}
		return out
	}
	for k := range e.Attrs {
		switch k {
		case "past", "participle", "third", "gerund", "plural":
		default:
			return e.Errorf("unknown attribute %q (want past, participle, third, gerund or plural)", k)
		}
	}
	for _, name := range e.Names {
		w := strings.ToLower(name)
		if strings.ContainsAny(w, " \t") {
			return e.Errorf("%q: one word expected", name)
		}
		switch e.Code {
		case "verb":
			v := &verbIrr{past: alts("past"), part: alts("participle"), third: alts("third"), gerund: alts("gerund")}
			if len(v.past) == 0 && len(v.part) == 0 && len(v.third) == 0 && len(v.gerund) == 0 {
				return e.Errorf("verb %q: give at least one of past=, participle=, third=, gerund=", name)
			}
			ir.verbs[w] = v
		case "noun":
			p := alts("plural")
			if len(p) == 0 {
				return e.Errorf("noun %q: plural= expected", name)
			}
			ir.plural[w] = p
		default:
			return e.Errorf("code %q: want verb or noun", e.Code)
		}
	}
	return nil
}

// verbForms returns every written form of lemma with the forms each can
// be. Regular forms are generated generously: a doubled and an undoubled
// consonant are both produced, since a form no one writes is harmless.
func (ir *irregular) verbForms(lemma string) map[string]formSet {
	out := map[string]formSet{lemma: canBase}
	put := func(w string, f formSet) {
		if w != "" {
			out[w] |= f
		}
	}
	irr := ir.verbs[lemma]
	if irr != nil && len(irr.third) > 0 {
		for _, w := range irr.third {
			put(w, canThird)
		}
	} else {
		for _, w := range regularThird(lemma) {
			put(w, canThird)
		}
	}
	if irr != nil && (len(irr.past) > 0 || len(irr.part) > 0) {
		for _, w := range irr.past {
			put(w, canPast)
		}
		for _, w := range irr.part {
			put(w, canPart)
		}
		// A verb with only one of the two lists uses it for both.
		if len(irr.part) == 0 {
			for _, w := range irr.past {
				put(w, canPart)
			}
		}
		if len(irr.past) == 0 {
			for _, w := range irr.part {
				put(w, canPast)
			}
		}
	} else {
		for _, w := range regularPast(lemma) {
			put(w, canPast|canPart)
		}
	}
	if irr != nil && len(irr.gerund) > 0 {
		for _, w := range irr.gerund {
			put(w, canGerund)
		}
	} else {
		for _, w := range regularGerund(lemma) {
			put(w, canGerund)
		}
	}
	return out
}

// nounPlurals returns the plurals of a noun: forms.txt's, else regular.
func (ir *irregular) nounPlurals(w string) []string {
	if p, ok := ir.plural[w]; ok {
		return p
	}
	return regularPlural(w)
}

func isVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }

// consonantY reports whether w ends in a consonant and y (deny, rally).
func consonantY(w string) bool {
	n := len(w)
	return n >= 2 && w[n-1] == 'y' && !isVowel(w[n-2])
}

// doubles reports whether the final consonant of w may be doubled before
// -ed and -ing: one vowel before a final consonant other than w, x, y
// (ban, plan, stop; also visit and offer, whose doubled forms nobody
// writes but which are harmless to generate).
func doubles(w string) bool {
	n := len(w)
	if n < 2 {
		return false
	}
	c := w[n-1]
	if isVowel(c) || c == 'w' || c == 'x' || c == 'y' || c < 'a' || c > 'z' {
		return false
	}
	if !isVowel(w[n-2]) {
		return false
	}
	return n == 2 || !isVowel(w[n-3])
}

func regularThird(w string) []string {
	switch {
	case consonantY(w):
		return []string{w[:len(w)-1] + "ies"}
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z") ||
		strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		return []string{w + "es"}
	case strings.HasSuffix(w, "o"):
		return []string{w + "es", w + "s"}
	}
	return []string{w + "s"}
}

func regularPast(w string) []string {
	switch {
	case strings.HasSuffix(w, "e"):
		return []string{w + "d"}
	case consonantY(w):
		return []string{w[:len(w)-1] + "ied"}
	case strings.HasSuffix(w, "ic"):
		return []string{w + "ked", w + "ed"}
	case doubles(w):
		return []string{w + "ed", w + w[len(w)-1:] + "ed"}
	}
	return []string{w + "ed"}
}

func regularGerund(w string) []string {
	switch {
	case strings.HasSuffix(w, "ie"):
		return []string{w[:len(w)-2] + "ying"}
	case strings.HasSuffix(w, "ee") || strings.HasSuffix(w, "ye") || strings.HasSuffix(w, "oe"):
		return []string{w + "ing"}
	case strings.HasSuffix(w, "e") && len(w) > 2:
		return []string{w[:len(w)-1] + "ing"}
	case strings.HasSuffix(w, "ic"):
		return []string{w + "king", w + "ing"}
	case doubles(w):
		return []string{w + "ing", w + w[len(w)-1:] + "ing"}
	}
	return []string{w + "ing"}
}

func regularPlural(w string) []string {
	switch {
	case consonantY(w):
		return []string{w[:len(w)-1] + "ies"}
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z") ||
		strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		return []string{w + "es"}
	}
	return []string{w + "s"}
}
