package gazetteer

import (
	"github.com/truce/truce/internal/text"
)

// phrase is an actor phrase as parsed, before resolution: "thousands of
// Armenians", "Azerbaijan's President Ilham Aliyev", "Nagorno-Karabakh's
// breakaway ethnic Armenian leader", "their government".
type phrase struct {
	start, end int // tokens of the sentence
	quantity   bool
	former     bool
	ethnic     bool
	separatist bool
	owner      *entry // a country, region, organisation or group before the agent
	ownerAtom  *atom
	pron       cue     // a possessive pronoun owner: their, his
	pronTok    int     // its token
	dems       []*atom // demonyms (and countries used as adjectives), coordinated
	agents     []*entry
	agentPl    bool // the last agent is plural
	people     *entry
	person     *entry // a dictionary person (one tenure)
	personAtom *atom
	capseq     [2]int // an unknown name after a title, tokens [a, b)
}

// maxPhrase bounds a phrase's tokens, parsing and apposition alike.
const maxPhrase = 16

// parsePhrase reads an actor phrase at token i of sentence si. ok is false
// when none starts there.
func (st *state) parsePhrase(si, i int, ph *phrase) bool {
	toks := st.toks(si)
	*ph = phrase{dems: ph.dems[:0], agents: ph.agents[:0], capseq: [2]int{-1, -1}, pronTok: -1}
	p := i
	if st.cueAt(si, p) == cueDeterminer {
		p++
	}
	ph.start = p
	// "thousands of", "tens of thousands of", "2,000"
	for p < len(toks) && (toks[p].Kind == text.Number || st.cueAt(si, p) == cueQuantity) {
		ph.quantity = true
		p++
		if st.norm(si, p) == "of" {
			p++
		}
	}
	if ph.quantity && st.cueAt(si, p) == cueDeterminer {
		p++ // "hundreds of the protesters"
	}
	gap := 0
loop:
	for p < len(toks) && p-ph.start < maxPhrase {
		c := st.cueAt(si, p)
		switch c {
		case cueEthnic:
			ph.ethnic = true
			p++
			continue
		case cueSeparatist:
			ph.separatist = true
			p++
			continue
		case cueModifier:
			p++
			continue
		case cueFormer:
			ph.former = true
			p++
			continue
		case cuePossMany, cuePossOne:
			if p == ph.start && ph.pron == 0 {
				ph.pron, ph.pronTok = c, p
				p++
				continue
			}
			break loop
		}
		k := st.atomAt[p]
		if k < 0 {
			// After a possessive, a word or two may come before the agent:
			// "Azerbaijan's lightning military operation".
			if (ph.owner != nil || ph.pron != 0) && len(ph.agents) == 0 && gap < 2 && toks[p].Kind == text.Word &&
				!toks[p].Capitalised() && st.nextAgentWithin(si, p+1, 2-gap) {
				gap++
				p++
				continue
			}
			break
		}
		a := &st.atoms[k]
		switch {
		case st.personOf(a) != nil:
			if len(ph.agents) > 0 && ph.agents[len(ph.agents)-1].traits&agTitle == 0 && ph.owner == nil && len(ph.dems) == 0 {
				break loop // "troops Ilham Aliyev" is no phrase
			}
			if ph.owner == nil && len(ph.agents) == 0 && len(ph.dems) == 0 && ph.pron == 0 {
				// "Putin's government", "the Bush administration": the
				// person owns the agent after them.
				q := a.end
				if st.norm(si, q) == "'s" {
					q++
				}
				if k := st.agentOrDemonymAtom(si, q); k >= 0 && !st.has(&st.atoms[k], kDemonym) {
					ph.owner, ph.ownerAtom = st.personOf(a), a
					p = q
					continue
				}
			}
			ph.person, ph.personAtom = st.personOf(a), a
			p = a.end
			break loop
		case st.has(a, kPeople) && len(ph.agents) == 0:
			_, e, _ := st.first(a, kPeople)
			ph.people = e
			ph.dems = append(ph.dems, a)
			p = a.end
			break loop
		case st.has(a, kDemonym) && len(ph.agents) == 0:
			ph.dems = append(ph.dems, a)
			p = a.end
			if st.coordinated(si, p) {
				p++
			}
			// "Vietnamese-led forces" are Vietnamese; "Russian-backed
			// separatists" are not Russian: their country is elsewhere.
			if st.norm(si, p) == "-" && st.agentOrDemonymAt(si, p+2) {
				if own, ok := ledWords[st.norm(si, p+1)]; ok {
					if !own {
						ph.dems = ph.dems[:len(ph.dems)-1]
					}
					p += 2
				}
			}
			continue
		case st.has(a, kAgent):
			_, e, _ := st.first(a, kAgent)
			ln, _, _ := st.first(a, kAgent)
			if st.ownerKind(a) != nil && len(ph.agents) == 0 && ph.owner == nil && len(ph.dems) == 0 && !st.agentFirst(a) {
				// A name that is also an agent word: the name wins.
				goto owner
			}
			if e.traits&agNameOnly != 0 && !st.nameAt(si, a.end) {
				break loop
			}
			ph.agents = append(ph.agents, e)
			ph.agentPl = ln.plural
			p = a.end
			if e.traits&agTitle != 0 {
				if k := st.atomAt[min(p, len(st.atomAt)-1)]; p < len(st.atomAt) && k >= 0 && st.personOf(&st.atoms[k]) != nil {
					continue
				}
				if q, ok := st.capSeq(si, p); ok {
					ph.capseq = [2]int{p, q}
					p = q
					break loop
				}
			}
			continue
		}
	owner:
		if e := st.ownerKind(a); e != nil && len(ph.agents) == 0 && ph.owner == nil && len(ph.dems) == 0 && ph.pron == 0 {
			q := a.end
			poss := st.norm(si, q) == "'s" || st.norm(si, q) == "'"
			if poss {
				q++
			}
			if e.kind == kCountry && !poss && st.coordinated(si, q) {
				// "U.S. and Russian negotiators": a country as an adjective.
				ph.dems = append(ph.dems, a)
				p = q + 1
				continue
			}
			if poss || st.agentOrDemonymAt(si, q) {
				ph.owner, ph.ownerAtom = e, a
				p = q
				continue
			}
			if e.kind == kCountry && len(ph.dems) > 0 {
				break loop
			}
		}
		break
	}
	ph.end = p
	// Trim a dangling possessive: the phrase ends at its last word.
	switch {
	case ph.person != nil, ph.people != nil, len(ph.agents) > 0:
	case len(ph.dems) > 0 && ph.owner == nil && ph.pron == 0:
		// A demonym alone, or coordinated demonyms without an agent.
		last := ph.dems[len(ph.dems)-1]
		ph.end = last.end
	default:
		return false
	}
	if ph.end <= ph.start {
		return false
	}
	// The span ends at the last atom or name that belongs to it.
	return true
}

// personOf returns the person entry an atom names, resolving surnames: a
// surname alone names a person the dictionary marks short=, or one named
// in full earlier in the article.
func (st *state) personOf(a *atom) *entry {
	for _, ln := range st.names[a.n0:a.n1] {
		e := &st.g.entries[ln.entry]
		if e.kind != kPerson {
			continue
		}
		if ln.surname && !e.short && !st.seen[e.person] {
			continue
		}
		return e
	}
	return nil
}

// ownerKind returns the entry of an atom that can own an agent: a country,
// a region, an organisation, a group or an institution.
func (st *state) ownerKind(a *atom) *entry {
	for _, k := range []kind{kCountry, kOrg, kGroup, kInstitution, kRegion} {
		if _, e, ok := st.first(a, k); ok {
			return e
		}
	}
	return nil
}

// agentFirst reports whether the atom is written in lower case: an agent
// word rather than a name ("police" vs. "Police").
func (st *state) agentFirst(a *atom) bool {
	return !st.toks(a.sent)[a.tok].Capitalised() || a.tok == 0
}

func (st *state) agentOrDemonymAt(si, p int) bool { return st.agentOrDemonymAtom(si, p) >= 0 }

// agentOrDemonymAtom returns the atom of an agent or demonym at token p,
// past modifiers, or -1.
func (st *state) agentOrDemonymAtom(si, p int) int32 {
	for p < len(st.toks(si)) && (st.cueAt(si, p) == cueModifier || st.cueAt(si, p) == cueEthnic || st.cueAt(si, p) == cueSeparatist) {
		p++
	}
	if p >= len(st.toks(si)) {
		return -1
	}
	k := st.atomAt[p]
	if k < 0 {
		return -1
	}
	a := &st.atoms[k]
	if st.has(a, kAgent) || st.has(a, kDemonym) || st.has(a, kPeople) {
		return k
	}
	return -1
}

func (st *state) nextAgentWithin(si, p, n int) bool {
	for q := p; q < p+n+1 && q < len(st.toks(si)); q++ {
		if k := st.atomAt[q]; k >= 0 && st.has(&st.atoms[k], kAgent) {
			return true
		}
		if st.toks(si)[q].Kind != text.Word {
			return false
		}
	}
	return false
}

// coordinated reports whether "and" or "," at token p joins the demonym
// before to another demonym or country after.
func (st *state) coordinated(si, p int) bool {
	if n := st.norm(si, p); n != "and" && n != "," {
		return false
	}
	if p+1 >= len(st.toks(si)) {
		return false
	}
	k := st.atomAt[p+1]
	if k < 0 {
		return false
	}
	a := &st.atoms[k]
	return st.has(a, kDemonym) || (st.has(a, kCountry) && st.agentOrDemonymAt(si, a.end))
}

// capSeq returns the end of an unknown capitalised name of one to four
// words at token p ("John Smith", "Mohammed al-Sudani"), after a title.
func (st *state) capSeq(si, p int) (int, bool) {
	toks := st.toks(si)
	q := p
	words := 0
	for q < len(toks) && words < 4 {
		t := &toks[q]
		switch {
		case t.Kind == text.Word && t.Capitalised() && st.cueAt(si, q) != cueTime:
			if k := st.covered[q]; k >= 0 {
				a := &st.atoms[k]
				// Names that are also places or common words may be part
				// of a person's name; other dictionary words may not.
				if st.has(a, kAgent) || st.has(a, kCountry) || st.has(a, kDemonym) || st.has(a, kOrg) || st.has(a, kGroup) {
					return q, words > 0
				}
			}
			words++
			q++
		case t.Norm == "-" && words > 0 && q+1 < len(toks) && toks[q+1].Kind == text.Word:
			q++
		case t.Kind == text.Word && words > 0 && (t.Norm == "al" || t.Norm == "bin" || t.Norm == "ibn" || t.Norm == "de" || t.Norm == "van" || t.Norm == "von" || t.Norm == "el"):
			q++
		default:
			return q, words > 0
		}
	}
	return q, words > 0
}

// nameAt reports whether a person's name starts at token p: a dictionary
// person or a capitalised word.
func (st *state) nameAt(si, p int) bool {
	if p >= len(st.atomAt) {
		return false
	}
	if k := st.atomAt[p]; k >= 0 && st.personOf(&st.atoms[k]) != nil {
		return true
	}
	_, ok := st.capSeq(si, p)
	return ok
}

// ledWords join a demonym to the agent it leads: "Russian-backed".
// The value tells whether the demonym is the agent's own country.
var ledWords = map[string]bool{"led": true, "based": true, "run": true, "controlled": true, "dominated": true,
	"backed": false, "allied": false, "sponsored": false, "trained": false, "funded": false, "armed": false, "aligned": false}
