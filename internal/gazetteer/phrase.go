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
	agentInfl  bool // ... by a regular plural ending: "refugees", no adjective
	coord      bool // the demonyms are coordinated: "Hungarian and Romanian"
	people     *entry
	person     *entry // a dictionary person (one tenure)
	personAtom *atom
	capseq     [2]int // an unknown name after a title, tokens [a, b)
	title      [2]int // the last title's tokens [a, b) ("Prime Minister"), or -1
	titleAgent *entry // its agent
}

// maxPhrase bounds a phrase's tokens, parsing and apposition alike.
const maxPhrase = 16

// parsePhrase reads an actor phrase at token i of sentence si. ok is false
// when none starts there.
func (st *state) parsePhrase(si, i int, ph *phrase) bool {
	toks := st.toks(si)
	*ph = phrase{dems: ph.dems[:0], agents: ph.agents[:0], capseq: [2]int{-1, -1}, title: [2]int{-1, -1}, pronTok: -1}
	p := i
	if st.cueAt(si, p) == cueDeterminer {
		p++
	}
	ph.start = p
	if st.norm(si, p-1) == "-" && (st.norm(si, p-2) == "anti" || st.norm(si, p-2) == "pro") {
		// "anti-Syria journalist", "pro-Moscow rebels": an attitude, not
		// whose they are.
		return false
	}
	// "thousands of", "tens of thousands of", "2,000"
	for p < len(toks) && (toks[p].Kind == text.Number || st.cueAt(si, p) == cueQuantity) {
		if toks[p].Kind != text.Number && st.norm(si, p+1) != "of" {
			if k := st.atomAt[p]; k >= 0 && st.has(&st.atoms[k], kAgent) {
				break // "dispersed the crowd": the crowd itself
			}
		}
		ph.quantity = true
		p++
		if st.norm(si, p) == "of" {
			p++
		}
	}
	if ph.quantity && st.cueAt(si, p) == cueDeterminer {
		p++ // "hundreds of the protesters"
	}
	gap, agentEnd := 0, 0
loop:
	for p < len(toks) && p-ph.start < maxPhrase {
		c := st.cueAt(si, p)
		if k := st.atomAt[p]; k >= 0 && st.atoms[k].end > p+1 {
			c = 0 // a name that starts with a cue word: "Vice-President"
		}
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
		case cuePortfolio:
			// "China's health ministry", "the Lebanese energy minister":
			// a portfolio before the agent it qualifies.
			if st.nextAgentWithin(si, p+1, 0) {
				p++
				continue
			}
		case cueFormer:
			ph.former = true
			p++
			continue
		case cuePossMany, cuePossOne, cuePossIt:
			if p == ph.start && ph.pron == 0 {
				ph.pron, ph.pronTok = c, p
				p++
				continue
			}
			break loop
		}
		k := st.atomAt[p]
		if k < 0 && p == ph.start && ph.owner == nil && ph.pron == 0 && st.norm(si, p-1) == "the" &&
			st.norm(si, p+1) == "'s" && (st.norm(si, p) == "region" || st.norm(si, p) == "enclave") && len(st.regions) == 1 {
			// "the region's leader" in an article that names one region:
			// that region's, as "Nagorno-Karabakh's leader" is.
			ph.owner = &st.g.entries[st.regions[0]]
			p += 2
			continue
		}
		if k < 0 {
			// After a possessive, a word or two may come before the agent:
			// "Azerbaijan's lightning military operation".
			if (ph.owner != nil || ph.pron != 0) && len(ph.agents) == 0 && gap < 2 && toks[p].Kind == text.Word &&
				!toks[p].Capitalised() && st.cueAt(si, p) == 0 && st.nextAgentWithin(si, p+1, 2-gap) {
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
		case st.has(a, kDemonym) && len(ph.agents) == 0 && adminNouns[st.norm(si, a.end)] && (st.has(a, kRegion) || st.has(a, kAdmin1)):
			// "the Amhara region", "Tigray region": the place, not the
			// people of its name.
			break loop
		case st.has(a, kDemonym) && len(ph.agents) == 0:
			ph.dems = append(ph.dems, a)
			p = a.end
			if st.coordinated(si, p) {
				ph.coord = true
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
			if e.traits&agOfOnly != 0 && (st.norm(si, a.end) != "of" || len(ph.agents) > 0 || ph.owner != nil || len(ph.dems) > 0) {
				break loop
			}
			if e.traits&agOwned != 0 && ph.owner == nil && len(ph.dems) == 0 {
				break loop
			}
			if e.traits&agAdjective != 0 && !ln.inflected && !st.toks(si)[a.tok].Capitalised() && len(ph.agents) == 0 &&
				(ph.owner != nil || len(ph.dems) > 0 || ph.pron != 0) && st.thingAt(si, a.end) {
				// "Azerbaijan's military operation", "Israeli government
				// buildings": an adjective, the owner stands alone.
				break loop
			}
			ph.agents = append(ph.agents, e)
			ph.agentPl, ph.agentInfl = ln.plural, ln.inflected
			p = a.end
			if e.traits&(agTitle|agAuthority) != 0 {
				ph.title, ph.titleAgent = [2]int{a.tok, a.end}, e
			}
			if e.traits&agTitle != 0 {
				p = st.portfolioEnd(si, p)
			}
			agentEnd = p
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
		e := st.ownerKind(a)
		if e == nil {
			e = st.capitalOwner(si, a)
		}
		if e != nil && len(ph.agents) == 0 && ph.owner == nil && len(ph.dems) == 0 && ph.pron == 0 {
			q := a.end
			poss := st.norm(si, q) == "'s" || st.norm(si, q) == "'"
			if poss {
				q++
			}
			if e.kind == kCountry && !poss && st.norm(si, q) == "and" && !st.locativeBefore(si, a.tok) && st.coordinated(si, q) {
				// "U.S. and Russian negotiators": a country as an adjective.
				ph.dems = append(ph.dems, a)
				ph.coord = true
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
	case ph.person != nil, ph.people != nil, ph.capseq[0] >= 0:
	case len(ph.agents) > 0:
		// Modifiers after the last agent are not its: "militiamen armed
		// with machetes".
		ph.end = agentEnd
	case len(ph.dems) > 0 && (ph.former || st.cueAt(si, ph.start-1) == cueFormer):
		return false // "former Soviet republics" are not Russia
	case len(ph.dems) > 0 && ph.owner == nil && ph.pron == 0:
		// A demonym alone, or coordinated demonyms without an agent.
		last := ph.dems[len(ph.dems)-1]
		ph.end = last.end
		if e := st.demEntry(last); e != nil && e.ethnicGroup && st.unknownCap(si, last.end) {
			return false // a people's name opening a place's: "Tamil Nadu"
		}
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
//
// Where a name is several people's ("George Bush", "Assad"), the one in
// office on the article's date wins, else the first.
func (st *state) personOf(a *atom) *entry {
	var first *entry
	// "in Masisi territory", "near Masisi": a place, not the surname.
	placed := false
	if a.end-a.tok == 1 {
		switch st.norm(a.sent, a.tok-1) {
		case "in", "near", "outside", "around":
			placed = true
		}
		placed = placed || adminNouns[st.norm(a.sent, a.end)]
	}
	for _, ln := range st.names[a.n0:a.n1] {
		e := &st.g.entries[ln.entry]
		if e.kind != kPerson {
			continue
		}
		if ln.surname && (placed || !e.short && !st.seen[e.person]) {
			continue
		}
		if first == nil {
			first = e
		} else if first.person == e.person {
			continue
		}
		if st.holdsOffice(e.person) {
			return e
		}
	}
	return first
}

// adminNouns after a name make it a place's: "Masisi territory",
// "Rutshuru district".
var adminNouns = map[string]bool{"territory": true, "district": true, "province": true, "county": true,
	"region": true, "governorate": true, "oblast": true, "prefecture": true, "municipality": true, "state": true}

// holdsOffice reports whether a person has a tenure on the article's date.
func (st *state) holdsOffice(person string) bool {
	if st.date.IsZero() {
		return false
	}
	for _, ix := range st.g.tenures[person] {
		t := &st.g.entries[ix]
		if inOffice(t.from, t.until, st.date) {
			return true
		}
	}
	return false
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

// capitalOwner returns the country whose capital an atom names when an
// agent follows it, directly or after 's: "the Khartoum government",
// "Cairo's security chief".
func (st *state) capitalOwner(si int, a *atom) *entry {
	if !a.hasPlace || a.n1 > a.n0 {
		return nil
	}
	q := a.end
	if st.norm(si, q) == "'s" {
		q++
	}
	if k := st.agentOrDemonymAtom(si, q); k < 0 || !st.has(&st.atoms[k], kAgent) {
		return nil
	}
	ix, ok := st.bestPlace(a.place, "", -1)
	if !ok {
		return nil
	}
	c, ok := st.g.capital[st.g.places.Place(ix).GeonameID]
	if !ok {
		return nil
	}
	return &st.g.entries[st.g.country[c]]
}

// agentFirst reports whether the atom is written in lower case: an agent
// word rather than a name ("police" vs. "Police").
func (st *state) agentFirst(a *atom) bool {
	toks := st.toks(a.sent)
	if !toks[a.tok].Capitalised() {
		return true
	}
	if a.tok > 0 {
		return false
	}
	// At a sentence's start only the later words tell: "Security
	// Council members" is the name, "Security forces" the agent.
	for k := a.tok + 1; k < a.end; k++ {
		if toks[k].Kind == text.Word && !toks[k].Capitalised() {
			return true
		}
	}
	return a.end-a.tok == 1
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
			ln, e, _ := st.first(&st.atoms[k], kAgent)
			return e.traits&agAdjective == 0 || ln.inflected || !st.thingAt(si, st.atoms[k].end)
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
				// of a person's name; other dictionary words may not,
				// but for a title word that ends the name: "Defence
				// Secretary Tom King has".
				if st.has(a, kCountry) || st.has(a, kDemonym) || st.has(a, kOrg) || st.has(a, kGroup) {
					return q, words > 0
				}
				if st.has(a, kAgent) {
					if _, e, _ := st.first(a, kAgent); words > 0 && e.traits&agTitle != 0 && a.tok == q && a.end == q+1 &&
						!st.isCapWord(si, q+1) && st.norm(si, q+1) != "'s" {
						return q + 1, true
					}
					return q, words > 0
				}
			}
			words++
			q++
		case t.Norm == "-" && words > 0 && q+1 < len(toks) && toks[q+1].Kind == text.Word:
			q++
		case t.Kind == text.Word && words > 0 && nameParticles[t.Norm]:
			q++
		default:
			return q, words > 0
		}
	}
	return q, words > 0
}

// nameParticles may stand inside a person's name in lower case:
// "Mohammed al-Sudani", "Fazl-ur-Rehman", "Ursula von der Leyen".
var nameParticles = map[string]bool{"al": true, "bin": true, "ibn": true, "de": true, "van": true, "von": true,
	"el": true, "der": true, "ur": true, "ul": true, "ud": true, "e": true, "i": true, "da": true, "dos": true, "du": true}

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

// portfolioEnd returns the token after a minister's portfolio at token p
// ("for Interior", "of Foreign Affairs", "and Expatriates", "Interior"),
// or p when none is there.
func (st *state) portfolioEnd(si, p int) int {
	q := p
	switch st.norm(si, q) {
	case "for", "of":
		q++
	case "and", "&":
		if st.cueAt(si, q+1) != cuePortfolio {
			return p
		}
		q++
	}
	words := 0
	for q < len(st.toks(si)) {
		switch {
		case st.cueAt(si, q) == cuePortfolio && st.isCapWord(si, q):
			words++
		case words > 0 && (st.norm(si, q) == "and" || st.norm(si, q) == "&") && st.cueAt(si, q+1) == cuePortfolio:
		default:
			if words == 0 {
				return p
			}
			return q
		}
		q++
	}
	if words == 0 {
		return p
	}
	return q
}

// thingAt reports whether token p is a noun of a thing or an act that an
// agent word before it describes ("military operation", "government
// buildings"), where a person noun would make it an actor ("military
// officers").
func (st *state) thingAt(si, p int) bool {
	if p >= len(st.toks(si)) || st.covered[p] >= 0 {
		return false
	}
	c := st.cueAt(si, p)
	return c == cueThing || c == cuePolicyNoun || c == cuePortfolio && portfolioThings[st.norm(si, p)]
}

// portfolioThings are words of a minister's portfolio ("minister of
// cooperation") that are also acts an agent word describes: "ended
// military cooperation with the United States".
var portfolioThings = map[string]bool{"cooperation": true, "co-operation": true, "relations": true}
