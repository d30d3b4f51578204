package gazetteer

import (
	"strconv"
	"strings"
	"time"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/text"
)

// compose turns the atoms of sentence si into mentions.
func (st *state) compose(si int) {
	if d, ok := st.sentenceYear(si); ok {
		// "In 1998, Bin Laden's agents …": who held what then.
		saved := st.date
		st.date = d
		defer func() { st.date = saved }()
	}
	toks := st.toks(si)
	st.atomAt = fill(st.atomAt, len(toks))
	st.covered = fill(st.covered, len(toks))
	st.tokCue = st.tokCue[:0]
	for i := range toks {
		st.tokCue = append(st.tokCue, st.g.cues[text.Hash(toks[i].Norm)])
	}
	st.cueSent = si
	for k := st.sentAtom[si]; k < st.sentAtom[si+1]; k++ {
		a := &st.atoms[k]
		st.atomAt[a.tok] = k
		for t := a.tok; t < a.end; t++ {
			st.covered[t] = k
		}
	}
	var ph phrase
	for i := 0; i < len(toks); {
		if st.parsePhrase(si, i, &ph) {
			if next := st.emitPhrase(si, &ph); next > i {
				i = next
				continue
			}
		}
		if k := st.atomAt[i]; k < 0 || st.weakAtom(&st.atoms[k]) {
			if next, ok := st.emitPronoun(si, i); ok {
				i = next
				continue
			}
			if next, ok := st.emitBodyAnaphor(si, i); ok {
				i = next
				continue
			}
			if next, ok := st.emitApposed(si, i); ok {
				i = next
				continue
			}
		}
		if k := st.atomAt[i]; k >= 0 {
			a := &st.atoms[k]
			st.emitAtom(si, a)
			i = a.end
			continue
		}
		i++
	}
}

// weakAtom reports whether an atom is only a place name or a word that is
// a place only in context: a pronoun or a name may take its tokens.
//
// A surname that names no one here (not short=, not named in full before)
// is weak too: "Christopher" of "Christopher Wray".
func (st *state) weakAtom(a *atom) bool {
	for _, ln := range st.names[a.n0:a.n1] {
		e := &st.g.entries[ln.entry]
		switch {
		case e.kind == kNotPlace:
		case ln.surname && !e.short && !st.seen[e.person]:
		default:
			return false
		}
	}
	return true
}

func fill(s []int32, n int) []int32 {
	if cap(s) < n {
		s = make([]int32, n)
	}
	s = s[:n]
	for i := range s {
		s[i] = -1
	}
	return s
}

// emit appends m for tokens [tok, end) of sentence si.
func (st *state) emit(si, tok, end int, m Mention) {
	toks := st.toks(si)
	m.Sentence, m.Tok, m.TokEnd = si, tok, end
	m.Span = domain.Span{Start: toks[tok].Start, End: toks[end-1].End}
	m.Text = st.doc.Text[m.Span.Start:m.Span.End]
	if m.Code != "" && m.Country == "" && m.Sector == "" {
		c, s := domain.SplitCode(string(m.Code))
		m.Country, m.Sector = domain.NullString(c), domain.NullString(s)
	}
	if tok > 0 && toks[tok-1].Norm == "the" && strings.HasPrefix(string(m.Code), domain.UnknownCountry) {
		if end == tok+1 {
			st.namedBefore(&m)
		}
		if m.Sector == domain.SectorRebels && !strings.HasSuffix(string(m.Text), "s") {
			st.groupBefore(&m)
		}
	}
	st.out = append(st.out, m)
}

// namedBefore resolves "the court", "the council", "the agency" to the
// organisation of the article named so before ("the International
// Criminal Court … the court"): the last one whose name ends in the word.
func (st *state) namedBefore(m *Mention) {
	word := strings.ToLower(m.Text)
	for i := len(st.out) - 1; i >= 0; i-- {
		o := &st.out[i]
		if o.Type != domain.MentionOrg || o.Code == "" {
			continue
		}
		name := strings.ToLower(string(o.Name))
		if !strings.HasSuffix(name, " "+word) {
			continue
		}
		m.Type = domain.MentionOrg
		referTo(m, o)
		return
	}
}

// referTo makes m a reference back to mention o: o's actor, and the words
// that first named it.
func referTo(m, o *Mention) {
	ref := o.Ref
	if ref == "" {
		ref = domain.NullString(o.Text)
	}
	m.Code, m.Country, m.Sector = o.Code, o.Country, o.Sector
	m.Name, m.Ref, m.Entry = o.Name, ref, o.Entry
}

// sentenceYear returns the middle of the year a sentence opens with, "In
// 1998," or "In March 1998,", when that is before the article's year or
// the article has no date: people's tenures are read at that date.
func (st *state) sentenceYear(si int) (domain.Date, bool) {
	toks := st.toks(si)
	if len(toks) < 3 || toks[0].Norm != "in" {
		return domain.Date{}, false
	}
	k := 1
	if st.cueAt(si, 1) == cueTime {
		k = 2 // a month
	}
	if k+1 >= len(toks) || toks[k].Kind != text.Number || len(toks[k].Norm) != 4 || toks[k+1].Norm != "," {
		return domain.Date{}, false
	}
	y, err := strconv.Atoi(toks[k].Norm)
	if err != nil || y < 1900 || !st.date.IsZero() && y >= st.date.Year {
		return domain.Date{}, false
	}
	return domain.Date{Year: y, Month: time.July, Day: 1}, true
}

// groupBefore resolves "the paramilitary force", "the militia", "the
// rebel group" to the armed group the article named last, as "the RSF"
// or "M23" before it: one group, not "the rebels", who may be several.
func (st *state) groupBefore(m *Mention) {
	for i := len(st.out) - 1; i >= 0; i-- {
		o := &st.out[i]
		if len(o.Code) > 6 && strings.HasPrefix(string(o.Sector), domain.SectorRebels) && !o.Former {
			referTo(m, o)
			return
		}
	}
}

// emitBodyAnaphor resolves "the group", "the movement", "the
// organisation" at token i (on "the") to the group or organisation named
// last in the article, within the two sentences before or in this one:
// "The RSF did not comment. The group has denied targeting civilians",
// "Human Rights Watch said … the group said". Not "the group of
// protesters", which says what group.
func (st *state) emitBodyAnaphor(si, i int) (int, bool) {
	if st.norm(si, i) != "the" || !bodyWords[st.norm(si, i+1)] || i+1 >= len(st.toks(si)) ||
		st.atomAt[i+1] >= 0 || st.norm(si, i+2) == "-" {
		return 0, false
	}
	if st.norm(si, i+2) == "of" && !strings.HasSuffix(st.norm(si, i+3), "ing") {
		return 0, false // "the group of protesters", not "accused the group of using"
	}
	for k := len(st.out) - 1; k >= 0; k-- {
		o := &st.out[k]
		if o.Sentence < si-2 {
			break
		}
		if o.Pronoun || o.Former || o.Person != "" || len(o.Code) <= 6 && o.Type != domain.MentionOrg ||
			o.Type != domain.MentionActor && o.Type != domain.MentionOrg {
			continue
		}
		var m Mention
		m.Type = o.Type
		referTo(&m, o)
		st.emit(si, i+1, i+2, m)
		return i + 2, true
	}
	return 0, false
}

// bodyWords name a group or an organisation named before.
var bodyWords = map[string]bool{"group": true, "movement": true, "organisation": true, "organization": true}

// actor fills the code fields of m from a code.
func (st *state) actor(m *Mention, code string) {
	m.Code = domain.NullString(code)
	c, s := domain.SplitCode(code)
	m.Country, m.Sector = domain.NullString(c), domain.NullString(s)
	if m.Name == "" {
		m.Name = domain.NullString(st.codeName(code))
	}
}

// codeName names a code: "Government of Armenia", "Armenian civilians",
// a group's or an organisation's name.
func (st *state) codeName(code string) string {
	g := st.g
	if ix, ok := g.groupByCode[code]; ok {
		return g.entries[ix].name
	}
	c, s := domain.SplitCode(code)
	if s == "" {
		if ix, ok := g.country[c]; ok {
			return g.entries[ix].name
		}
		return ""
	}
	if len(code) > 6 || s == domain.SectorIGO || s == domain.SectorNGO {
		return ""
	}
	t := g.sectorName[s]
	if t == nil {
		return ""
	}
	if c == "" {
		return t.word
	}
	ix, ok := g.country[c]
	if !ok {
		return ""
	}
	ce := &g.entries[ix]
	dem := ce.demonym
	if dem == "" {
		dem = ce.name
	}
	r := strings.ReplaceAll(t.name, "{country}", ce.name)
	return strings.ReplaceAll(r, "{demonym}", dem)
}

// emitPhrase resolves a parsed phrase and emits it; it returns the token
// after what it consumed, or -1 when the phrase resolves to nothing.
func (st *state) emitPhrase(si int, ph *phrase) int {
	var m Mention
	m.Type = domain.MentionActor
	m.Former = ph.former
	m.Ethnic = ph.ethnic
	end := ph.end
	agent := st.mainAgent(ph)
	if len(ph.dems) > 1 && ph.coord && ph.owner == nil && (ph.person != nil || ph.capseq[0] >= 0 || agent != nil && !ph.agentPl && agent.traits&agTitle != 0) {
		// "Syria and Palestinian leader Yasser Arafat": one person is of
		// one country; the names coordinated before stand alone.
		last := ph.dems[len(ph.dems)-1]
		for j, d := range ph.dems[:len(ph.dems)-1] {
			tok := d.tok
			if j == 0 {
				tok = ph.start
			}
			st.emitDemonym(si, tok, d)
		}
		ph.start = last.tok
		ph.dems = ph.dems[len(ph.dems)-1:]
	}
	switch {
	case ph.person != nil:
		st.resolvePerson(&m, ph.person, ph)
		if ph.personAtom != nil {
			st.seen[ph.person.person] = true
		}
	case ph.capseq[0] >= 0:
		m.Type = domain.MentionPerson
		name := st.doc.Text[st.toks(si)[ph.capseq[0]].Start:st.toks(si)[ph.capseq[1]-1].End]
		m.Person = name
		m.Name = domain.NullString(name)
		m.Role = domain.NullString(st.doc.Text[st.toks(si)[ph.start].Start:st.toks(si)[ph.capseq[0]-1].End])
		c := st.ownerCountry(ph)
		var near *Mention // "White House press secretary Josh Earnest"
		if n := len(st.out); c == domain.UnknownCountry && n > 0 {
			if o := &st.out[n-1]; o.Sentence == si && o.TokEnd < ph.start && o.TokEnd+1 >= ph.start && o.Code != "" &&
				o.Type != domain.MentionPlace && o.Type != domain.MentionPerson && !strings.HasPrefix(string(o.Code), domain.UnknownCountry) &&
				st.toks(si)[o.TokEnd].Shape == text.Lower {
				near = o
			}
		}
		if c == domain.UnknownCountry {
			// "The US commander in Iraq, General David Petraeus,": the
			// post named before the comma says whose he is; else
			// "President Abdelaziz Bouteflika" in an article about one
			// country is that country's.
			if near != nil && len(near.Code) >= 3 {
				c = string(near.Code)[:3]
			} else if r := st.rolePosted(si, ph.start); r != nil {
				c = string(r.Country)
			} else if d := st.dominantCountry(); d != "" {
				c = d
			}
		}
		code := c + agent.sector
		if ph.former {
			code = c + "ELI"
		}
		if o := ph.owner; o != nil && (o.kind == kOrg || o.kind == kGroup || o.kind == kInstitution) {
			// "Arab League Secretary-General Chedli Klibi", "Pentagon
			// spokesman Pat Ryder": the body's.
			code = o.code
		} else if near != nil && ph.owner == nil {
			code = string(near.Code) // "White House press secretary …"
		}
		st.actor(&m, code)
		m.Name = domain.NullString(name)
	case ph.pron != 0:
		var ante *Mention
		var ok bool
		if ph.pron == cuePossIt {
			ante, ok = st.itsAntecedent(si, ph.pronTok)
		} else {
			ante, ok = st.antecedent(si, ph.pronTok, ph.pron == cuePossMany)
		}
		if !ok || agent == nil {
			return -1
		}
		c := string(ante.Code)
		// A state's organ with a code of its own (MMRGOVJNT, the junta)
		// has the state's forces: "its forces" are MMRMIL.
		organ := len(c) > 6 && c[:3] == string(ante.Country) && stateSectors[c[3:6]]
		c = string(ante.Country)
		group := len(ante.Code) > 6 && !organ || strings.HasPrefix(string(ante.Code), domain.SectorIGO) || strings.HasPrefix(string(ante.Code), domain.SectorNGO)
		if c == "" && !group {
			return -1
		}
		m.Pronoun = true
		m.Ref = domain.NullString(ante.Text)
		if ante.Ref != "" {
			m.Ref = ante.Ref
		}
		if group {
			// "The TPLF agreed to disarm its fighters": an organisation's
			// or a group's agents are the group, as "Hamas fighters" are.
			st.actor(&m, string(ante.Code))
			m.Name = ante.Name
		} else {
			st.actor(&m, c+agent.sector)
		}
		m.Plural = ph.agentPl
		m.Entry = domain.NullString(agent.ref)
	default:
		if !st.resolveGroupPhrase(si, &m, ph, agent) {
			return -1
		}
		if q, ok := st.agentOf(si, ph, agent, &m); ok {
			end = q
		} else if agent != nil && agent.traits&agOfOnly != 0 {
			return -1 // "the head of" what we cannot tell
		} else if e := st.appositiveGroup(si, end); e != nil && strings.HasPrefix(string(m.Code), domain.UnknownCountry) && agent != nil {
			// "The main rebel group, the FDD, ...": the group named.
			m.Code, m.Country, m.Sector, m.Name = "", "", "", ""
			st.actor(&m, e.code)
		}
	}
	if len(ph.dems) > 1 && ph.coord && ph.person == nil && ph.owner == nil && ph.capseq[0] < 0 {
		// "Hungarian and Romanian officials": one mention each.
		for j, d := range ph.dems {
			var dm Mention
			dm.Type = domain.MentionActor
			dm.Plural, dm.Ethnic = ph.agentPl, ph.ethnic
			_, e, ok := st.first(d, kDemonym)
			if !ok {
				_, e, _ = st.first(d, kCountry)
			}
			code := e.country
			if agent != nil {
				code += agent.sector
			} else if e.kind == kPeople {
				code += domain.SectorCivilians
			}
			st.actor(&dm, code)
			dm.Entry = domain.NullString(e.ref)
			tok, stop := d.tok, d.end
			if j == 0 {
				tok = ph.start
			}
			if j == len(ph.dems)-1 {
				stop = end
			}
			st.emit(si, tok, stop, dm)
		}
		return end
	}
	// A person followed by an apposition: "John Smith, a UN spokesman,".
	if ph.person != nil || ph.capseq[0] >= 0 {
		if q, role, code, ok := st.apposition(si, end); ok {
			// The text's own role wins over an unknown country, and over a
			// dictionary that has the person out of office on the date.
			outOfOffice := ph.person != nil && m.Sector == "ELI" && !ph.former
			if code != "" && !strings.HasPrefix(code, domain.UnknownCountry) && (outOfOffice || ph.person == nil && strings.HasPrefix(string(m.Code), domain.UnknownCountry)) {
				m.Role = ""
				m.Former = false
				m.Code = ""
				m.Country, m.Sector = "", ""
				m.Name = ""
				st.actor(&m, code)
				m.Name = domain.NullString(m.Person)
			}
			if m.Role == "" {
				m.Role = domain.NullString(role)
			}
			st.emit(si, ph.start, end, m)
			st.emitPlacesIn(si, end, q)
			return q
		}
	}
	if ph.owner != nil && ph.owner.kind == kRegion && m.Lat == nil {
		// "West Bank refugees", "Nagorno-Karabakh's leader": the actor is
		// placed in the region.
		r := ph.owner
		m.Region = domain.NullString(r.code)
		m.Lat, m.Lon = ptr(r.lat), ptr(r.lon)
		m.Precision = domain.PrecisionRegion
	}
	st.emit(si, ph.start, end, m)
	return end
}

// agentOf extends an agent without an owner by "of" and whom it serves,
// as one mention: "representatives of Nagorno-Karabakh's ethnic Armenian
// community" (or "of the Karabakh Armenians", where the article's region
// has a breakaway authority) are that authority, "officials of Armenia"
// ARMGOV, "leaders of the opposition coalition" the opposition, "members
// of Hamas" Hamas, "supporters of former President X" X's; "from" as
// "of" ("ministers from the Turkish government", "troops from Chad"). It
// returns the token after the extension.
func (st *state) agentOf(si int, ph *phrase, agent *entry, m *Mention) (int, bool) {
	if agent == nil || ph.owner != nil || len(ph.dems) > 0 || ph.pron != 0 || st.norm(si, ph.end) != "of" && st.norm(si, ph.end) != "from" {
		return 0, false
	}
	authority := agent.traits&agAuthority != 0 || agent.sector == domain.SectorGovernment
	generic := authority || agent.traits&agGeneric != 0
	set := func(code string, e *entry, end int) (int, bool) {
		m.Code, m.Country, m.Sector, m.Name = "", "", "", ""
		st.actor(m, code)
		if e != nil {
			m.Entry = domain.NullString(e.ref)
		}
		return end, true
	}
	var of phrase
	if st.parsePhrase(si, ph.end+1, &of) {
		if of.owner != nil && of.owner.kind == kRegion && of.owner.actor != "" && authority {
			m.Ethnic = of.ethnic || len(of.dems) > 0
			return set(of.owner.actor, of.owner, of.end)
		}
		if of.person == nil && of.people == nil && len(of.agents) == 0 && of.owner == nil && of.capseq[0] < 0 {
			return 0, false // "a member of the Chadian team": an adjective
		}
		var om Mention
		switch {
		case of.person != nil:
			if !generic {
				return 0, false
			}
			st.resolvePerson(&om, of.person, &of)
		case of.capseq[0] >= 0, of.pron != 0:
			return 0, false
		default:
			if !st.resolveGroupPhrase(si, &om, &of, st.mainAgent(&of)) {
				return 0, false
			}
		}
		c, sec := string(om.Country), string(om.Sector)
		if authority && om.Ethnic && sec == domain.SectorCivilians {
			// "representatives of the Karabakh Armenians": the community's
			// authority where the article names its breakaway region.
			if r := st.breakawayIn(c); r != nil {
				m.Ethnic = true
				return set(r.actor, r, of.end)
			}
		}
		switch {
		case len(om.Code) > 6 || strings.HasPrefix(string(om.Code), domain.SectorIGO) || strings.HasPrefix(string(om.Code), domain.SectorNGO):
			return set(string(om.Code), nil, of.end) // a group or an organisation
		case generic && sec != "" && sec != domain.SectorCivilians:
			return set(string(om.Code), nil, of.end) // "leaders of the opposition": theirs
		case c != "" && c != domain.UnknownCountry:
			return set(c+agent.sector, nil, of.end)
		}
		return 0, false
	}
	q := ph.end + 1
	if st.cueAt(si, q) == cueDeterminer {
		q++
	}
	if q >= len(st.atomAt) || st.atomAt[q] < 0 {
		return 0, false
	}
	a := &st.atoms[st.atomAt[q]]
	if st.locativeBefore(si, a.tok) {
		return 0, false
	}
	if _, e, ok := st.first(a, kCountry); ok {
		return set(e.country+agent.sector, nil, a.end)
	}
	for _, k := range []kind{kOrg, kGroup} {
		if _, e, ok := st.first(a, k); ok {
			return set(e.code, e, a.end)
		}
	}
	if _, r, ok := st.first(a, kRegion); ok {
		if r.actor != "" && authority {
			return set(r.actor, r, a.end)
		}
		return set(r.country+agent.sector, r, a.end)
	}
	return 0, false
}

// appositiveGroup returns the armed group or organisation an apposition
// after token p names: ", the FDD," or ", Forces for ... (FDD)".
func (st *state) appositiveGroup(si, p int) *entry {
	if st.norm(si, p) != "," {
		return nil
	}
	q := p + 1
	if st.cueAt(si, q) == cueDeterminer {
		q++
	}
	if q >= len(st.atomAt) || st.atomAt[q] < 0 {
		return nil
	}
	a := &st.atoms[st.atomAt[q]]
	switch st.norm(si, a.end) {
	case ",", "(", ".", ";", "":
	default:
		return nil
	}
	for _, k := range []kind{kGroup, kOrg} {
		if _, e, ok := st.first(a, k); ok {
			return e
		}
	}
	return nil
}

// breakawayIn returns the one region of country c the article names that
// has a breakaway authority.
func (st *state) breakawayIn(c string) *entry {
	var found *entry
	for _, ix := range st.regions {
		r := &st.g.entries[ix]
		if r.actor == "" || r.country != c {
			continue
		}
		if found != nil && found.actor != r.actor {
			return nil
		}
		found = r
	}
	return found
}

// dominantCountry returns the country the article is clearly about: the
// most weighed, at least half again the next and at least a demonym in
// the lead; "" when there is none.
func (st *state) dominantCountry() string {
	best, second := st.leading("")
	// A demonym in the lead (0.75) is enough where nothing else competes.
	if best == "" || st.focus[best] < 0.75 || st.focus[best] < 1.5*second {
		return ""
	}
	return best
}

// leading returns the country of the article's focus with the most
// weight, skip aside, and the weight of the next ("", 0 when none).
func (st *state) leading(skip string) (best string, second float64) {
	for c, w := range st.focus {
		if c == skip {
			continue
		}
		if best == "" || w > st.focus[best] {
			if best != "" {
				second = max(second, st.focus[best])
			}
			best = c
		} else {
			second = max(second, w)
		}
	}
	return best, second
}

// mainAgent is the phrase's agent: the first that is not generic
// ("foreign ministry spokesman" is GOV by the ministry), unless it is an
// adjective before another that is not ("government forces" are MIL,
// "military police" COP; "opposition leader" stays OPP).
func (st *state) mainAgent(ph *phrase) *entry {
	if len(ph.agents) == 0 {
		return nil
	}
	var best *entry
	for _, a := range ph.agents {
		switch {
		case a.traits&agGeneric != 0:
		case best == nil, best.traits&agAdjective != 0:
			best = a
		}
	}
	if best == nil {
		return ph.agents[0]
	}
	return best
}

// ownerCountry returns the country the phrase's owner or demonym gives,
// or "---".
func (st *state) ownerCountry(ph *phrase) string {
	if ph.owner != nil && ph.owner.country != "" {
		return ph.owner.country
	}
	if c, _ := st.demsCountry(ph); c != "" {
		return c
	}
	return domain.UnknownCountry
}

// demsCountry returns the country the phrase's demonyms give: the first
// that names a state ("Iraqi Kurds" are Iraqi), else a people's own
// (Tamil: LKA; Kurds, who live in several: "---"); ethnic says the
// country came from a people, whose text may place it elsewhere. "" when
// the phrase has no demonym.
func (st *state) demsCountry(ph *phrase) (c string, ethnic bool) {
	for _, d := range ph.dems {
		e := st.demEntry(d)
		if e == nil {
			continue
		}
		if e.country != domain.UnknownCountry && !e.ethnicGroup {
			return e.country, false
		}
		if c == "" || c == domain.UnknownCountry {
			c, ethnic = e.country, true
		}
	}
	return c, ethnic
}

// demEntry returns the demonym, people or country entry of a demonym atom.
func (st *state) demEntry(d *atom) *entry {
	for _, k := range []kind{kDemonym, kPeople, kCountry} {
		if _, e, ok := st.first(d, k); ok {
			return e
		}
	}
	return nil
}

// resolveGroupPhrase codes a phrase without a person: an agent with its
// owner, a people, an ethnic community, a breakaway authority.
func (st *state) resolveGroupPhrase(si int, m *Mention, ph *phrase, agent *entry) bool {
	demCountry, fromPeople := st.demsCountry(ph)
	for _, d := range ph.dems {
		for _, ln := range st.names[d.n0:d.n1] {
			if st.g.entries[ln.entry].ethnicGroup {
				m.Ethnic = true
			}
		}
	}
	peopleLike := ph.people != nil || (agent != nil && agent.traits&agPeople != 0)
	authority := agent != nil && (agent.traits&agAuthority != 0 || agent.sector == domain.SectorGovernment)
	m.Plural = ph.people != nil || ph.agentPl || ph.quantity
	// A region's breakaway authority: "Nagorno-Karabakh's ethnic Armenian
	// leader", "Karabakh Armenian officials", "separatist authorities",
	// "ethnic Armenian officials" in an article about the region.
	var reg *entry
	if ph.owner != nil && ph.owner.kind == kRegion {
		reg = ph.owner
	} else if ph.owner == nil && (ph.ethnic || ph.separatist) {
		reg = st.breakawayRegion(demCountry)
	}
	if reg != nil {
		actor := reg.actor
		eth := st.groupEthnicity(actor)
		matches := actor != "" && (demCountry == "" || eth == "" || eth == demCountry)
		switch {
		case matches && !peopleLike && (authority || ph.separatist || ph.ethnic || agent != nil && agent.sector != domain.SectorCivilians):
			st.actor(m, actor)
			m.Entry = domain.NullString(reg.ref)
			m.Ethnic = ph.ethnic || demCountry != ""
			return true
		case peopleLike && (demCountry != "" || ph.ethnic):
			// The region's ethnic community: civilians of the country the
			// region is in, marked ethnic.
			st.actor(m, reg.country+domain.SectorCivilians)
			m.Ethnic = true
			m.Entry = domain.NullString(reg.ref)
			return true
		case agent == nil && ph.people == nil:
			return false
		}
		if ph.owner == reg && demCountry == "" {
			// "Donbas residents": the region's country.
			st.actor(m, reg.country+agent.sector)
			m.Entry = domain.NullString(reg.ref)
			return true
		}
	}
	switch {
	case ph.owner != nil && ph.owner.kind != kCountry && ph.owner.kind != kRegion && ph.owner.kind != kPerson && len(ph.owner.code) != 3:
		// An organisation's or group's agents are the organisation:
		// "UN peacekeepers", "Hamas fighters".
		st.actor(m, ph.owner.code)
		m.Entry = domain.NullString(ph.owner.ref)
		if ph.owner.kind == kOrg {
			m.Type = domain.MentionOrg
		}
		m.Name = domain.NullString(ph.owner.name)
		return true
	case agent != nil && ph.owner != nil && ph.owner.kind == kPerson:
		var pm Mention
		st.resolvePerson(&pm, ph.owner, nil)
		if len(pm.Code) > 6 {
			// "Bin Laden's agents": a group leader's people are the group.
			st.actor(m, string(pm.Code))
			m.Entry = domain.NullString(agent.ref)
			return true
		}
		c := string(pm.Country)
		if c == "" {
			return false
		}
		st.actor(m, c+agent.sector)
		m.Entry = domain.NullString(agent.ref)
		return true
	case agent != nil && len(ph.agents) == 1 && agent.traits&agAdjective != 0 && !ph.agentInfl && ph.owner == nil && len(ph.dems) == 0 && !ph.quantity &&
		(st.lowerNounAt(si, ph.end) || st.adjectiveBeforeName(si, ph.start, ph.end)):
		return false // "a military operation", "government buildings"
	case agent != nil:
		c := st.ownerCountry(ph)
		if (ph.owner == nil || ph.owner.country == "") && (fromPeople || ph.ethnic) {
			if ec := st.ethnicCountry(si, ph, c); ec != "" {
				c = ec
			}
		}
		if c == domain.UnknownCountry {
			c = st.agentPlaceCountry(si, ph.end)
		}
		sector := agent.sector
		if ph.former && sector == domain.SectorGovernment {
			sector = "ELI"
		}
		if ph.ethnic && len(ph.dems) == 0 && sector == domain.SectorMilitary {
			// "ethnic armies", "ethnic armed groups" with no people
			// named: a country's non-state armed groups, not its army.
			sector = domain.SectorRebels
		}
		st.actor(m, c+sector)
		m.Entry = domain.NullString(agent.ref)
		return true
	case ph.people != nil:
		m.Ethnic = m.Ethnic || ph.people.ethnicGroup
		c := demCountry
		if fromPeople || ph.ethnic {
			if ec := st.ethnicCountry(si, ph, c); ec != "" {
				c = ec
			}
		}
		st.actor(m, c+domain.SectorCivilians)
		m.Entry = domain.NullString(ph.people.ref)
		return true
	case demCountry == domain.UnknownCountry:
		// "Kurdish" alone: a people of several countries, no actor
		// unless the text places it.
		c := st.ethnicCountry(si, ph, demCountry)
		if c == "" {
			return false
		}
		st.actor(m, c)
		return true
	case demCountry != "":
		st.actor(m, demCountry)
		if _, e, ok := st.first(ph.dems[0], kDemonym); ok {
			m.Entry = domain.NullString(e.ref)
		}
		return true
	}
	return false
}

// agentPlaceCountry gives an agent without a country the country of a
// place right after it: "protesters in Yerevan", "police in Moscow",
// "students throughout Indonesia", "guerrillas operating in Macedonia",
// "Albanians of southern Serbia".
func (st *state) agentPlaceCountry(si, p int) string {
	if placeParticiples[st.norm(si, p)] {
		p++
	}
	switch st.norm(si, p) {
	case "in", "from", "of", "throughout", "across", "inside":
	default:
		return domain.UnknownCountry
	}
	p++
	if st.cueAt(si, p) == cueDeterminer && (p >= len(st.atomAt) || st.atomAt[p] < 0) {
		p++ // unless the name starts with it: "the West Bank"
	}
	if q, ok := st.cueStartingAt(si, p, cueDirection); ok && (p >= len(st.atomAt) || st.atomAt[p] < 0) {
		p = q
	}
	if p >= len(st.atomAt) || st.atomAt[p] < 0 {
		return domain.UnknownCountry
	}
	a := &st.atoms[st.atomAt[p]]
	if c := st.placeCountry(a); c != "" {
		return c
	}
	return domain.UnknownCountry
}

// placeCountry returns the country of the place an atom most likely is.
func (st *state) placeCountry(a *atom) string {
	if _, e, ok := st.first(a, kCountry); ok {
		return e.country
	}
	if _, e, ok := st.first(a, kRegion); ok {
		return e.country
	}
	if _, e, ok := st.first(a, kAdmin1); ok {
		return e.country
	}
	if _, e, ok := st.first(a, kNotPlace); ok && e.word == "never" {
		return "" // "aid groups in Asia" are of no town called Asia
	}
	if a.hasPlace {
		if ix, ok := st.bestPlace(a.place, "", -1); ok {
			return st.placeState(st.g.countryIx[st.g.places.PlaceCountry(ix)])
		}
	}
	return ""
}

// placeParticiples may stand between an actor and where it is:
// "guerrillas operating in Macedonia".
var placeParticiples = map[string]bool{"operating": true, "based": true, "living": true, "stationed": true,
	"deployed": true, "fighting": true, "active": true, "trapped": true, "sheltering": true, "camped": true, "residing": true}

// ethnicCountry returns where an ethnic group of a phrase lives, when the
// text says it differs from the country its name gives: the place after
// it ("ethnic Albanians in south Serbia", "Tamils in India"), else the
// country the article is clearly about if that is another ("ethnic
// Albanian guerrillas" in an article about Macedonia, "Shona rebels" in
// one about Mozambique). "" when nothing says.
func (st *state) ethnicCountry(si int, ph *phrase, own string) string {
	if c := st.agentPlaceCountry(si, ph.end); c != domain.UnknownCountry {
		return c
	}
	best, second := st.leading(own)
	second = max(second, st.focus[own])
	if best == "" || st.focus[best] < 1 || st.focus[best] < 1.5*second {
		return ""
	}
	return best
}

// breakawayRegion returns the one region the article mentions that has a
// breakaway authority of the given ethnicity ("" for any).
func (st *state) breakawayRegion(ethnicity string) *entry {
	var found *entry
	for _, ix := range st.regions {
		r := &st.g.entries[ix]
		if r.actor == "" {
			continue
		}
		if ethnicity != "" {
			if eth := st.groupEthnicity(r.actor); eth != "" && eth != ethnicity {
				continue
			}
		}
		if found != nil && found.actor != r.actor {
			return nil // two candidates: ambiguous
		}
		found = r
	}
	return found
}

func (st *state) groupEthnicity(code string) string {
	if ix, ok := st.g.groupByCode[code]; ok {
		return st.g.entries[ix].ethnicity
	}
	return ""
}

// resolvePerson codes a dictionary person by the date: the tenure that
// holds on the date; outside every tenure the person is an elite of the
// country (CAMEO ELI, as PETRARCH's Phoenix dictionaries code former
// leaders), with Former set after a tenure.
func (st *state) resolvePerson(m *Mention, e *entry, ph *phrase) {
	g := st.g
	m.Type = domain.MentionPerson
	tenures := g.tenures[e.person]
	var best *entry
	for _, ix := range tenures {
		t := &g.entries[ix]
		if len(t.dated) > 0 {
			continue
		}
		if inOffice(t.from, t.until, st.date) && (best == nil || best.from.Before(t.from)) {
			best = t
		}
	}
	if best == nil && ph != nil && !ph.former {
		// Out of office on the date, but the text gives the title of one
		// of the person's tenures ("President Yeltsin"): the text wins
		// over a date that may be the archive's, not the story's.
		best = st.titledTenure(tenures, ph)
	}
	first := &g.entries[tenures[0]]
	name := first.name
	if pe := st.petrCode(tenures); pe != "" && best == nil {
		st.actor(m, pe)
		m.Person, m.Name = name, domain.NullString(name)
		m.Entry = domain.NullString(first.ref)
		return
	}
	switch {
	case best != nil && !(ph != nil && ph.former):
		st.actor(m, best.code)
		m.Role = domain.NullString(best.role)
		m.Entry = domain.NullString(best.ref)
	default:
		// Out of office: the latest tenure that ended before the date, or
		// the first if the date is before them all.
		var last *entry
		for _, ix := range tenures {
			t := &g.entries[ix]
			if !t.until.IsZero() && !st.date.IsZero() && !t.until.After(st.date) && (last == nil || last.until.Before(t.until)) {
				last = t
			}
		}
		ref := first
		if last != nil {
			ref = last
			m.Former = true
			if last.role != "" {
				m.Role = domain.NullString("former " + last.role)
			}
		} else if ph != nil && ph.former {
			m.Former = true
		}
		c := ref.country
		if c == "" {
			c, _ = domain.SplitCode(ref.code)
		}
		if c == "" {
			c = ref.code // an IGO's former head stays with the IGO
			st.actor(m, c)
		} else {
			st.actor(m, c+"ELI")
		}
		m.Entry = domain.NullString(ref.ref)
	}
	m.Person = name
	m.Name = domain.NullString(name)
}

// titledTenure returns the tenure the phrase's title gives: one whose
// role starts with it ("Prime Minister" for "Prime Minister of Israel",
// also "Acting ..."), any for "leader", one with the military for a rank
// ("General Michel Aoun"); the title may open the name itself ("King
// Hussein"). Of those, the latest that began before the date, else the
// first; nil when none has that title.
func (st *state) titledTenure(tenures []int32, ph *phrase) *entry {
	if ph.personAtom == nil {
		return nil
	}
	toks := st.toks(ph.personAtom.sent)
	span, agent := ph.title, ph.titleAgent
	if span[0] < 0 {
		// "King Hussein": the name's first word is a title.
		a := ph.personAtom
		s := st.g.lex[text.Hash(toks[a.tok].Norm)]
		if s == nil || a.end-a.tok < 2 {
			return nil
		}
		for _, ln := range s.names {
			if e := &st.g.entries[ln.entry]; e.kind == kAgent && e.traits&agTitle != 0 {
				span, agent = [2]int{a.tok, a.tok + 1}, e
				break
			}
		}
		if agent == nil {
			return nil
		}
	}
	var b strings.Builder
	for k := span[0]; k < span[1]; k++ {
		if toks[k].Norm == "-" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(toks[k].Norm)
	}
	title := b.String()
	var before, after *entry
	for _, ix := range tenures {
		t := &st.g.entries[ix]
		if len(t.dated) > 0 {
			continue
		}
		switch {
		case agent != nil && agent.traits&agTitle == 0:
			// "leader", "ruler": whatever they led.
		case agent != nil && agent.sector == "MIL" && agent.traits&agNameOnly != 0:
			if t.sector != "MIL" {
				continue // a rank: a military tenure
			}
		case !roleHasTitle(t.role, title):
			continue
		}
		if st.date.IsZero() || t.from.IsZero() || t.from.Before(st.date) {
			if before == nil || before.from.Before(t.from) {
				before = t
			}
		} else if after == nil || t.from.Before(after.from) {
			after = t
		}
	}
	if before != nil {
		return before
	}
	return after
}

// roleHasTitle reports whether a role ("Prime Minister of Israel",
// "Acting President of Russia") is held under title (a Key: "prime
// minister").
func roleHasTitle(role, title string) bool {
	r := canonicalTitle(strings.ReplaceAll(text.Key(role), " - ", " "))
	title = canonicalTitle(strings.ReplaceAll(title, " - ", " "))
	for _, p := range []string{"", "acting ", "interim ", "caretaker "} {
		if rest, ok := strings.CutPrefix(r, p+title); ok && (rest == "" || rest[0] == ' ') {
			return true
		}
	}
	return false
}

// titleSynonyms are ways of naming one office: the key is replaced by
// the value at the start of a title or role.
var titleSynonyms = []struct{ from, to string }{
	{"minister of foreign affairs", "foreign minister"},
	{"foreign affairs minister", "foreign minister"},
	{"external affairs minister", "foreign minister"},
	{"foreign secretary", "foreign minister"},
	{"secretary of state", "foreign minister"},
	{"minister of defence", "defence minister"},
	{"minister of defense", "defence minister"},
	{"minister of the armed forces", "defence minister"},
	{"defense minister", "defence minister"},
	{"defence secretary", "defence minister"},
	{"defense secretary", "defence minister"},
	{"secretary of defense", "defence minister"},
	{"premier", "prime minister"},
	{"secretary general", "secretary-general"},
}

// canonicalTitle names a title or role's office one way.
func canonicalTitle(s string) string {
	for _, sy := range titleSynonyms {
		if rest, ok := strings.CutPrefix(s, sy.from); ok && (rest == "" || rest[0] == ' ') {
			return sy.to + rest
		}
	}
	return s
}

// petrCode resolves a PETRARCH person's dated codes on the date.
func (st *state) petrCode(tenures []int32) string {
	var undated string
	for _, ix := range tenures {
		e := &st.g.entries[ix]
		for _, d := range e.dated {
			if d.from.IsZero() && d.until.IsZero() {
				if undated == "" {
					undated = d.code
				}
				continue
			}
			if inOffice(d.from, d.until, st.date) {
				return d.code
			}
		}
	}
	return undated
}

// antecedent finds what a pronoun at token p of sentence si refers to: the
// last person for he/she/his/her, the last plural actor for they/their —
// only where that is unambiguous.
func (st *state) antecedent(si, p int, plural bool) (*Mention, bool) {
	if !plural {
		for j := len(st.out) - 1; j >= 0; j-- {
			m := &st.out[j]
			if m.Sentence < si-2 {
				break
			}
			if m.Type == domain.MentionPerson && !m.Plural {
				return m, true
			}
		}
		return nil, false
	}
	// "The Houthis have attacked more than 100 merchant ships. They have
	// said …": a sentence that opens with "They" means the plural subject
	// the sentence before opened with (a group or agents, not a country:
	// "The United States sanctioned two commanders. They are accused …"),
	// not its object.
	if p == 0 && si > 0 {
		if m, ok := st.openingSubject(si - 1); ok && m.Sector != "" && (m.Plural || strings.HasSuffix(strings.ToLower(m.Text), "s")) {
			return m, true
		}
	}
	// They: the plural actors of this sentence before the pronoun, else of
	// the sentence before; all must agree. An actor of this sentence that
	// is not plural keeps it from the sentence before: in "The US claimed
	// that they had attacked Iraq", "they" is not the troops of the last
	// sentence.
	for _, s := range []int{si, si - 1} {
		var found *Mention
		singular := false
		for j := len(st.out) - 1; j >= 0; j-- {
			m := &st.out[j]
			if m.Sentence < s {
				break
			}
			if m.Sentence == si && m.Tok < p && !m.Plural && m.Code != "" && m.Type != domain.MentionPlace {
				singular = true
			}
			if m.Sentence != s || (s == si && m.Tok >= p) || !m.Plural || m.Code == "" {
				continue
			}
			if found != nil && found.Code != m.Code {
				return nil, false
			}
			if found == nil {
				found = m
			}
		}
		if found != nil {
			return found, true
		}
		if singular {
			return nil, false
		}
	}
	return nil, false
}

// openingSubject returns the actor a sentence opens with ("Rwanda
// denies …", "The Sudanese army said …"): a country, organisation or
// state body with a country, not a person; or nil.
func (st *state) openingSubject(si int) (*Mention, bool) {
	toks := st.toks(si)
	for j := len(st.out) - 1; j >= 0; j-- {
		m := &st.out[j]
		if m.Sentence > si {
			continue
		}
		if m.Sentence < si {
			break
		}
		if m.Tok != 0 && !(m.Tok == 1 && toks[0].Norm == "the") {
			continue
		}
		if m.Type == domain.MentionPerson || m.Pronoun || m.Code == "" || m.Country == "" || m.Type == domain.MentionPlace && !m.Metonymy {
			return nil, false
		}
		return m, true
	}
	return nil, false
}

// rolePosted returns the post named just before a comma that opens a
// name at token start ("The US commander in Iraq, General David
// Petraeus"): an actor mention with a country and a sector, followed by
// the comma or by a short phrase of place ("in Iraq") before it; or nil.
func (st *state) rolePosted(si, start int) *Mention {
	toks := st.toks(si)
	if start < 2 || toks[start-1].Norm != "," {
		return nil
	}
	for j := len(st.out) - 1; j >= 0; j-- {
		m := &st.out[j]
		if m.Sentence != si || m.TokEnd >= start {
			if m.Sentence < si {
				return nil
			}
			continue
		}
		if m.Type == domain.MentionPlace && !m.Metonymy {
			continue // the place of "in Iraq"
		}
		gap := start - 1 - m.TokEnd
		if m.Type != domain.MentionActor || m.Country == "" || m.Sector == "" || gap > 4 {
			return nil
		}
		if gap > 0 {
			switch toks[m.TokEnd].Norm {
			case "in", "to", "at", "for", "of":
			default:
				return nil
			}
		}
		return m
	}
	return nil
}

// stateSectors are the sectors of a state's own organs.
var stateSectors = map[string]bool{domain.SectorGovernment: true, domain.SectorMilitary: true, domain.SectorPolice: true,
	domain.SectorLegislature: true, domain.SectorJudiciary: true}

// itsAntecedent returns what "its" at token p stands for: the country,
// government or body named before it in the same sentence, when every
// such actor before it is of one country ("Russia's Defence Ministry said
// its peacekeepers"), agents of no country aside; in "Armenia accused
// Azerbaijan of attacking its soldiers" it is either, so none.
func (st *state) itsAntecedent(si, p int) (*Mention, bool) {
	if p == 0 && si > 0 {
		// "Rwanda denies supporting M23. Its government says …": a
		// sentence that opens with "its" means the subject the sentence
		// before opened with.
		return st.openingSubject(si - 1)
	}
	var found, unknown *Mention
	var other domain.NullString // the country of a place after the antecedent
	for j := len(st.out) - 1; j >= 0; j-- {
		m := &st.out[j]
		if m.Sentence < si {
			break
		}
		if m.Sentence != si || m.Tok >= p || m.Type == domain.MentionPerson {
			continue
		}
		if m.Type == domain.MentionPlace && !m.Metonymy || m.Code == "" {
			// A place of another country may be what "its" means
			// ("demanded that Yerevan withdraw its troops").
			if m.Country != "" && found != nil && found.Country != m.Country {
				return nil, false
			}
			if m.Country != "" && found == nil {
				other = m.Country
			}
			continue
		}
		if m.Country == "" && strings.HasPrefix(string(m.Code), domain.UnknownCountry) {
			// "Pakistan said 26 civilians were killed, and that its
			// forces …": agents of no country are nobody's "its" beside
			// a country; alone, they may be.
			if unknown == nil {
				unknown = m
			}
			continue
		}
		if found != nil && found.Country != m.Country || other != "" && other != m.Country {
			return nil, false
		}
		if found == nil {
			found = m
		}
	}
	if found == nil {
		found = unknown
	}
	return found, found != nil
}

// itSubject resolves "It" opening sentence si before a verb of speech or
// of a political act ("It accused Armenian sources of …", "It also
// said"): the body or country that opened the sentence before as its
// subject. Not "It is unclear", and not a person ("he", "she").
func (st *state) itSubject(si int) (*Mention, bool) {
	next := 1
	if n := st.norm(si, next); n == "also" || n == "has" || n == "had" || n == "later" || n == "then" {
		next++
	}
	if si == 0 || st.cueAt(si, next) != cueSpeech {
		return nil, false
	}
	var first *Mention
	prev := st.toks(si - 1)
	for j := len(st.out) - 1; j >= 0; j-- {
		m := &st.out[j]
		if m.Sentence < si-1 {
			break
		}
		if m.Sentence != si-1 {
			continue
		}
		if m.Tok > 0 && prev[m.Tok-1].Norm == "," && m.TokEnd+4 >= len(prev) && st.cueAt(si-1, m.TokEnd) == cueSpeech {
			// "…, Russia's Defence Ministry said." It said …: the
			// speaker who closed the sentence before.
			first = m
			break
		}
		first = m
	}
	if first == nil || first.Code == "" || first.Plural || first.Type == domain.MentionPerson ||
		first.Type == domain.MentionPlace && !first.Metonymy {
		return nil, false
	}
	if first.Tok > 1 && (first.Tok == 0 || prev[first.Tok-1].Norm != ",") {
		return nil, false
	}
	if n := st.norm(si-1, first.TokEnd); n == "were" || n == "are" || n == "have" {
		return nil, false // "Russian peacekeepers were killed": they, not it
	}
	return first, true
}

// emitDemonym emits a demonym or a country named as one of coordinated
// owners, from token tok ("Syria" of "Syria and Palestinian leader ...").
func (st *state) emitDemonym(si, tok int, d *atom) {
	if st.has(d, kCountry) && !st.has(d, kDemonym) {
		st.emitAtom(si, d)
		return
	}
	var m Mention
	m.Type = domain.MentionActor
	_, e, ok := st.first(d, kDemonym)
	if !ok {
		_, e, ok = st.first(d, kPeople)
	}
	if !ok {
		return
	}
	st.actor(&m, e.country)
	m.Entry = domain.NullString(e.ref)
	st.emit(si, tok, d.end, m)
}

// emitPronoun emits a resolved pronoun at token i.
func (st *state) emitPronoun(si, i int) (int, bool) {
	c := st.cueAt(si, i)
	var plural bool
	var ante *Mention
	var ok bool
	switch {
	case c == cuePronounOne, c == cuePossOne:
		ante, ok = st.antecedent(si, i, false)
	case c == cuePronounMany, c == cuePossMany:
		plural = true
		ante, ok = st.antecedent(si, i, true)
	case i == 0 && st.norm(si, i) == "it":
		ante, ok = st.itSubject(si)
	}
	if !ok {
		return 0, false
	}
	m := Mention{Pronoun: true, Plural: plural}
	m.Type = ante.Type
	m.Ref = domain.NullString(ante.Text)
	if ante.Ref != "" {
		m.Ref = ante.Ref
	}
	m.Code, m.Country, m.Sector, m.Name, m.Role, m.Entry = ante.Code, ante.Country, ante.Sector, ante.Name, ante.Role, ante.Entry
	m.Person, m.Ethnic, m.Former = ante.Person, ante.Ethnic, ante.Former
	st.emit(si, i, i+1, m)
	return i + 1, true
}

// apposition reads ", a ROLE," after a person's name ending at token p: it
// returns the token after it, the role's text and the code of the first
// actor the role names ("an adviser to Nagorno-Karabakh's breakaway
// ethnic Armenian leader" gives the breakaway authority).
func (st *state) apposition(si, p int) (next int, role, code string, ok bool) {
	toks := st.toks(si)
	if st.norm(si, p) != "," {
		return 0, "", "", false
	}
	q := p + 1
	if c := st.cueAt(si, q); c == cueSpeech || c == cueAux {
		return 0, "", "", false // ", held talks with …": a predicate, no role
	}
	if st.cueAt(si, q) == cueDeterminer {
		q++
	}
	r := q
	for r < len(toks) && r-q < maxPhrase && toks[r].Norm != "," && toks[r].Norm != "." && toks[r].Norm != ";" && toks[r].Norm != "(" {
		r++
	}
	if r == q || (r < len(toks) && toks[r].Norm != "," && toks[r].Norm != ".") {
		return 0, "", "", false
	}
	// The role must name an agent or an actor.
	var ph phrase
	hasAgent := false
	best := ""
	for j := q; j < r; j++ {
		if k := st.atomAt[j]; k >= 0 && st.has(&st.atoms[k], kAgent) {
			hasAgent = true
		}
		if best != "" && !strings.HasPrefix(best, domain.UnknownCountry) {
			continue
		}
		if st.parsePhrase(si, j, &ph) && ph.end <= r {
			if len(ph.agents) > 0 || ph.person != nil {
				hasAgent = true
			}
			var m Mention
			agent := st.mainAgent(&ph)
			if ph.person != nil {
				st.resolvePerson(&m, ph.person, &ph)
			} else if !st.resolveGroupPhrase(si, &m, &ph, agent) {
				continue
			}
			if best == "" || !strings.HasPrefix(string(m.Code), domain.UnknownCountry) {
				best = string(m.Code)
			}
			j = ph.end - 1
		} else if k := st.atomAt[j]; k >= 0 {
			a := &st.atoms[k]
			if e := st.ownerKind(a); e != nil && e.kind != kRegion {
				c := e.code
				if e.kind == kCountry {
					c = e.country
				}
				if best == "" || strings.HasPrefix(best, domain.UnknownCountry) {
					best = c
				}
			}
		}
	}
	if !hasAgent {
		return 0, "", "", false
	}
	role = st.doc.Text[toks[q].Start:toks[r-1].End]
	next = r
	if r < len(toks) && toks[r].Norm == "," {
		next = r + 1
	}
	return next, role, best, true
}

// emitPlacesIn emits the places (not the actors) named in tokens [p, q):
// an apposition's region is still a place of the article.
func (st *state) emitPlacesIn(si, p, q int) {
	for i := p; i < q; i++ {
		k := st.atomAt[i]
		if k < 0 {
			continue
		}
		a := &st.atoms[k]
		if st.has(a, kRegion) || (a.hasPlace && !st.has(a, kCountry) && !st.has(a, kDemonym) && !st.has(a, kAgent)) {
			st.emitAtom(si, a)
		}
		i = a.end - 1
	}
}

// emitApposed emits an unknown person named before an apposition that
// names their role: "John Smith, a UN spokesman, said".
func (st *state) emitApposed(si, i int) (int, bool) {
	if !st.isCapWord(si, i) {
		return 0, false
	}
	if c := st.cueAt(si, i); c == cueLocative || c == cueDeterminer || c == cueTime {
		return 0, false // "In Mombasa, demonstrators looted shops": no one's name
	}
	if k := st.covered[i]; k >= 0 && st.atoms[k].tok != i {
		return 0, false
	}
	q, ok := st.capSeq(si, i)
	if !ok || q-i < 2 {
		return 0, false
	}
	if k := st.covered[i]; k >= 0 && st.atoms[k].end == q && st.atoms[k].hasPlace {
		return 0, false // a place's name: "Rafah and Khan Younis, Gaza officials said"
	}
	// An unknown name needs a nominal apposition: "John Smith, a UN
	// spokesman," not "Khan Younis, Gaza health officials said".
	if st.norm(si, q) != "," || !st.nominalAt(si, q+1) {
		return 0, false
	}
	next, role, code, ok := st.apposition(si, q)
	if !ok {
		return 0, false
	}
	if st.speechIn(si, q+1, next) {
		return 0, false
	}
	toks := st.toks(si)
	name := st.doc.Text[toks[i].Start:toks[q-1].End]
	var m Mention
	m.Type = domain.MentionPerson
	if code == "" {
		code = domain.UnknownCountry
	}
	st.actor(&m, code)
	m.Person, m.Name, m.Role = name, domain.NullString(name), domain.NullString(role)
	st.emit(si, i, q, m)
	st.emitPlacesIn(si, q, next)
	return next, true
}

// lowerNounAt reports whether token p is a lower-case word that is no
// dictionary word and no cue: the noun an adjective-like agent modifies.
func (st *state) lowerNounAt(si, p int) bool {
	toks := st.toks(si)
	if p >= len(toks) || toks[p].Kind != text.Word || toks[p].Capitalised() || st.covered[p] >= 0 {
		return false
	}
	switch st.cueAt(si, p) {
	case 0, cuePolicyNoun, cueThing:
	case cuePortfolio:
		if !portfolioThings[toks[p].Norm] {
			return false
		}
	default:
		return false
	}
	return !strings.HasSuffix(toks[p].Norm, "ed") || toks[p].Norm == "need"
}

// adjectiveBeforeName reports whether an adjective-like agent at tokens
// [start, end) follows an article and stands before a capitalised word
// that goes on into the noun it modifies: "an official Syrian newspaper",
// "the official Xinhua news agency". A day or month is no such word ("the
// government Monday said"), nor the end of the phrase.
func (st *state) adjectiveBeforeName(si, start, end int) bool {
	toks := st.toks(si)
	if start == 0 || st.cueAt(si, start-1) != cueDeterminer || end+1 >= len(toks) {
		return false
	}
	next := toks[end]
	if next.Kind != text.Word || !next.Capitalised() || st.cueAt(si, end) == cueTime {
		return false
	}
	return toks[end+1].Kind == text.Word && st.cueAt(si, end+1) != cueSpeech && st.cueAt(si, end+1) != cueAux
}

// speechIn reports whether a speech verb stands in tokens [p, q).
func (st *state) speechIn(si, p, q int) bool {
	for i := p; i < q; i++ {
		if st.cueAt(si, i) == cueSpeech {
			return true
		}
	}
	return false
}

// nominalAt reports whether an apposition can start at token p: an
// article, or a country, people or organisation ("Azerbaijan's president",
// "Russian foreign minister", "UN envoy").
func (st *state) nominalAt(si, p int) bool {
	if st.cueAt(si, p) == cueDeterminer || st.cueAt(si, p) == cueFormer {
		return true
	}
	if p >= len(st.atomAt) || st.atomAt[p] < 0 {
		return false
	}
	a := &st.atoms[st.atomAt[p]]
	return st.has(a, kCountry) || st.has(a, kDemonym) || st.has(a, kOrg) || st.has(a, kGroup) || st.has(a, kAgent)
}
