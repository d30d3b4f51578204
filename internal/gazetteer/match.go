package gazetteer

import (
	"slices"
	"sync"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/gazetteer/internal/placefile"
	"github.com/truce/truce/internal/text"
)

// Mention is a resolved mention with what the event coder needs beyond
// the record: where it is in the document's sentences and tokens, and how
// it was resolved.
type Mention struct {
	domain.Mention
	// Sentence is the index of the sentence in the document; [Tok, TokEnd)
	// the range of its tokens.
	Sentence    int
	Tok, TokEnd int
	// Person is the named person behind an actor ("Ilham Aliyev").
	Person string
	// Pronoun: a pronoun resolved to Ref. Metonymy: a capital standing
	// for its government ("Moscow said"); the place fields are set too.
	// Plural: a group of people ("Armenians", "troops"). Ethnic: an
	// ethnic group rather than a state ("ethnic Armenian officials").
	// Former: out of office on the date, or called "former".
	Pronoun, Metonymy, Plural, Ethnic, Former bool
}

// atom is a longest dictionary or place-name match in a sentence.
type atom struct {
	sent     int
	tok, end int // tokens [tok, end) of the sentence
	n0, n1   int // its valid names: state.names[n0:n1]
	place    placefile.Value
	hasPlace bool
}

// state is the work of one Mentions call; pooled.
type state struct {
	g        *Gazetteer
	doc      *text.Document
	date     domain.Date
	atoms    []atom
	names    []lexName
	sentAtom []int32 // per sentence: first atom
	atomAt   []int32 // per token of the current sentence: atom starting there, or -1
	covered  []int32 // per token of the current sentence: atom covering it, or -1
	focus    map[string]float64
	maxFocus float64
	seen     map[string]bool // people named in full so far
	regions  []int32         // region entries the article mentions
	out      []Mention
	used     []bool // per token of the current sentence: inside an emitted mention
	tokCue   []cue  // per token of sentence cueSent: its cue class
	cueSent  int
}

var statePool = sync.Pool{New: func() any {
	return &state{focus: map[string]float64{}, seen: map[string]bool{}}
}}

// Mentions returns the resolved mentions of doc, in text order. date is
// the article's date, against which people's tenures are resolved.
func (g *Gazetteer) Mentions(doc *text.Document, date domain.Date) []Mention {
	st := statePool.Get().(*state)
	st.reset(g, doc, date)
	for si := range doc.Sentences {
		st.sentAtom = append(st.sentAtom, int32(len(st.atoms)))
		st.atomize(si)
	}
	st.sentAtom = append(st.sentAtom, int32(len(st.atoms)))
	st.computeFocus()
	for si := range doc.Sentences {
		st.compose(si)
	}
	// The mentions are made in the pooled buffer and copied out once, at
	// their size: they are large structs.
	var out []Mention
	if len(st.out) > 0 {
		out = slices.Clone(st.out)
	}
	clear(st.out)
	st.out = st.out[:0]
	st.g, st.doc = nil, nil
	statePool.Put(st)
	return out
}

func (st *state) reset(g *Gazetteer, doc *text.Document, date domain.Date) {
	st.g, st.doc, st.date = g, doc, date
	st.atoms = st.atoms[:0]
	st.names = st.names[:0]
	st.sentAtom = st.sentAtom[:0]
	st.regions = st.regions[:0]
	clear(st.focus)
	clear(st.seen)
	st.maxFocus = 0
	st.out = st.out[:0]
	st.cueSent = -1
}

// particles may start a place name in lower case: al-Hasakah, ad-Dawr.
var particles = map[string]bool{
	"al": true, "el": true, "ad": true, "ar": true, "as": true, "ash": true, "at": true, "az": true,
	"an": true, "ed": true, "ez": true, "ul": true, "la": true, "le": true, "de": true, "di": true,
	"da": true, "du": true, "the": true,
}

// atomize finds the longest dictionary and place-name matches of sentence
// si. A place name must be written as one: its last word and every word
// of four letters or more capitalised.
func (st *state) atomize(si int) {
	g := st.g
	toks := st.doc.Sentences[si].Tokens
	for i := 0; i < len(toks); {
		t := &toks[i]
		if t.Kind != text.Word {
			i++
			continue
		}
		h := text.Hash(t.Norm)
		lexAlive := g.mayStartName(h)
		placeAlive := t.Capitalised() || particles[t.Norm]
		lexEnd, placeEnd := -1, -1
		n0 := len(st.names)
		lexN1 := n0
		var pv placefile.Value
		fuzzAt, fuzzH := -1, uint64(0)
		for j := i; j < len(toks) && (lexAlive || placeAlive) && j-i < 12; j++ {
			hp := h
			if j > i {
				h = text.Extend(h, toks[j].Norm)
			}
			if lexAlive {
				s := g.lex[h]
				if s == nil {
					lexAlive = false
					if j > i {
						fuzzAt, fuzzH = j, hp
					}
				} else {
					mark := len(st.names)
					for _, ln := range s.names {
						if caseOK(toks[i:j+1], ln) {
							st.names = append(st.names, ln)
						}
					}
					if len(st.names) > mark {
						// A longer match replaces the shorter names.
						st.names = append(st.names[:n0], st.names[mark:]...)
						lexEnd, lexN1 = j+1, len(st.names)
					} else {
						st.names = st.names[:lexN1]
					}
					lexAlive = s.prefix
				}
			}
			if placeAlive {
				v, ok := g.places.Lookup(h)
				if !ok {
					placeAlive = false
				} else {
					if g.places.Len(v) > 0 && placeCaseOK(toks[i:j+1]) {
						placeEnd, pv = j+1, v
					}
					placeAlive = v.Prefix()
				}
			}
		}
		st.names = st.names[:lexN1]
		if fuzzAt >= 0 && fuzzAt >= max(lexEnd, placeEnd) {
			// "Francois Mitterand": a known person's first names and their
			// surname misspelt.
			if ix, ok := st.misspeltSurname(fuzzH, &toks[fuzzAt]); ok {
				st.names = append(st.names[:n0], lexName{entry: ix})
				lexEnd, lexN1 = fuzzAt+1, len(st.names)
			}
		}
		end := max(lexEnd, placeEnd)
		if end < 0 {
			st.names = st.names[:n0]
			if ix, ok := st.misspelt(t); ok {
				st.names = append(st.names, lexName{entry: ix})
				st.atoms = append(st.atoms, atom{sent: si, tok: i, end: i + 1, n0: n0, n1: n0 + 1})
			}
			i++
			continue
		}
		a := atom{sent: si, tok: i, end: end, n0: n0, n1: n0}
		if lexEnd == end {
			a.n1 = lexN1
		} else {
			st.names = st.names[:n0]
		}
		if placeEnd == end {
			a.place, a.hasPlace = pv, true
		}
		st.atoms = append(st.atoms, a)
		i = end
	}
}

// misspelt returns the country, demonym or people a capitalised word no
// dictionary knows names with one letter added, left out or changed
// ("Ethopia", "Phillippines").
func (st *state) misspelt(t *text.Token) (int32, bool) {
	w := t.Norm
	if !t.Capitalised() || len(w) < minFuzzy-1 || len(w) > 24 || !isASCII(w) {
		return 0, false
	}
	fz := st.g.fuzzy
	best := int32(-1)
	try := func(ix int32, ok bool) bool {
		if !ok {
			return true
		}
		if ix < 0 || best >= 0 && st.g.entries[best].country != st.g.entries[ix].country {
			return false
		}
		if best < 0 {
			best = ix
		}
		return true
	}
	// A letter left out: the word is a deletion of a name.
	if ix, ok := fz[w]; !try(ix, ok) {
		return 0, false
	}
	var buf [24]byte
	// A misspelling keeps the first letter: "Siberian" is no "Liberian".
	for i := 1; i < len(w); i++ {
		k := append(append(buf[:0], w[:i]...), w[i+1:]...)
		// A letter added (the name is a deletion of the word) or changed
		// (both are the same deletion).
		if ix, ok := fz[string(k)]; !try(ix, ok) {
			return 0, false
		}
	}
	return best, best >= 0
}

// misspeltSurname returns the person whose name is the words hashed to h
// and a surname one letter from word t: six letters or more, capitalised,
// one person only.
func (st *state) misspeltSurname(h uint64, t *text.Token) (int32, bool) {
	cands := st.g.surnames[h]
	if len(cands) == 0 || !t.Capitalised() || len(t.Norm) < minSurname {
		return 0, false
	}
	found := int32(-1)
	for _, c := range cands {
		if !oneEdit(t.Norm, c.last) {
			continue
		}
		if found >= 0 && st.g.entries[found].person != st.g.entries[c.entry].person {
			return 0, false
		}
		if found < 0 {
			found = c.entry
		}
	}
	return found, found >= 0
}

// oneEdit reports whether a and b differ by one letter added, left out or
// changed.
func oneEdit(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	switch len(b) - len(a) {
	case 0:
		diff := 0
		for i := range len(a) {
			if a[i] != b[i] {
				diff++
			}
		}
		return diff == 1
	case 1:
		i := 0
		for i < len(a) && a[i] == b[i] {
			i++
		}
		return a[i:] == b[i+1:]
	}
	return false
}

// caseOK reports whether toks are written as the name requires.
func caseOK(toks []text.Token, ln lexName) bool {
	if ln.caps == 0 && ln.upper == 0 {
		return true
	}
	for k := range toks {
		if k >= 16 {
			break
		}
		bit := uint16(1) << k
		if ln.upper&bit != 0 && toks[k].Shape != text.Upper {
			return false
		}
		if ln.caps&bit != 0 && !toks[k].Capitalised() {
			return false
		}
	}
	return true
}

func placeCaseOK(toks []text.Token) bool {
	last := -1
	for k := range toks {
		t := &toks[k]
		if t.Kind != text.Word {
			continue
		}
		last = k
		if len(t.Norm) >= 4 && !t.Capitalised() {
			return false
		}
	}
	return last >= 0 && toks[last].Capitalised()
}

// first returns the first of a's names whose entry is of kind k.
// Groups, organisations and institutions are dated too (the Taliban
// before and after 2021-08-15): the entry valid on the article's date
// wins, else the first.
func (st *state) first(a *atom, k kind) (lexName, *entry, bool) {
	var fb lexName
	var fe *entry
	for _, ln := range st.names[a.n0:a.n1] {
		e := &st.g.entries[ln.entry]
		if e.kind != k {
			continue
		}
		if k != kGroup && k != kOrg && k != kInstitution || (e.from.IsZero() && e.until.IsZero()) || inRange(e.from, e.until, st.date) {
			return ln, e, true
		}
		if fe == nil {
			fb, fe = ln, e
		}
	}
	return fb, fe, fe != nil
}

// inRange is inOffice for things: an unknown date is in every range.
func inRange(from, until, date domain.Date) bool {
	return date.IsZero() || inOffice(from, until, date)
}

func (st *state) has(a *atom, k kind) bool {
	_, _, ok := st.first(a, k)
	return ok
}
