package coder

import (
	"slices"
	"strings"

	"github.com/truce/truce/internal/codebook"
	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/gazetteer"
	"github.com/truce/truce/internal/text"
)

// event turns a draft into an event record, or nil when its code is
// unknown.
func (c *Coder) event(d *Doc, dr *draft) *domain.Event {
	code, ok := c.book.Code(dr.code)
	if !ok {
		return nil
	}
	si := dr.sent
	toks := d.tokens(si)
	sen := d.Text.Sentences[si]
	trig, trigSpan := triggerText(d.Text.Text, toks, dr.trigger)
	var id string
	if dr.pair > 0 {
		id = recordID("e", d.Article.ID, si, dr.match.Head, dr.code, dr.reversed, dr.pair)
	} else {
		// Without the pair, so that a two-party event keeps its ids.
		id = recordID("e", d.Article.ID, si, dr.match.Head, dr.code, dr.reversed)
	}
	ev := &domain.Event{
		ID:            id,
		ArticleID:     d.Article.ID,
		Sentence:      d.Text.SentenceText(si),
		SentenceIndex: si,
		Span:          domain.Span{Start: sen.Start, End: sen.End},
		Trigger:       trig,
		TriggerSpan:   trigSpan,
		Source:        eventActors(d, dr.source),
		Target:        eventActors(d, dr.target),
		CAMEO:         dr.code,
		QuadClass:     code.Quad,
		Goldstein:     code.Goldstein,
		PLOVER:        code.PLOVER,
		Modality:      dr.modality,
		Rule:          dr.match.Rule,
		CoderVersion:  c.version,
	}
	ev.PLOVER.Context = slices.Clone(code.PLOVER.Context)
	if dr.code == dr.match.Code {
		withMatch(ev, &dr.match)
	}
	if dr.gov != nil {
		ev.Rule = dr.gov.Rule + "+" + dr.match.Rule
	}
	if a := dr.also; a != nil {
		ev.Rule += "+" + a.Rule
		if dr.code == a.Code {
			withMatch(ev, a)
		}
	}
	if dr.accusing != nil {
		// The verb of saying, then the attack it reports.
		ev.Rule = "report:" + dr.match.Rule + "+" + dr.accusing.match.Rule
	}
	ev.Place = c.placeOf(d, dr)
	if r := codebook.Root(dr.code); len(ev.Target) == 0 && (r != "01" || strings.HasPrefix(dr.code, "015") || strings.HasPrefix(dr.code, "018")) && r != "02" && (r != "04" || visitLike(toks, dr)) {
		dr.event = ev
		if t := placeTarget(d, dr); t != nil {
			ev.Target = []domain.Actor{*t}
		}
		dr.event = nil
	}
	if d.focusVenue && ev.Place != nil && ev.Place.Key() == d.Focus.Key() {
		// The focus is only where talks were held: forces of no
		// stated country are those named before.
		fromNamed(d, ev.Source, dr.source)
		fromNamed(d, ev.Target, dr.target)
	} else {
		localise(d, ev.Source, dr.source, ev.Place)
		localise(d, ev.Target, dr.target, ev.Place)
	}
	if len(ev.Source) == 1 && len(ev.Target) == 1 && len(dr.target) == 1 && ev.Source[0].Code == ev.Target[0].Code && ev.Target[0].Code != "" &&
		strings.HasPrefix(string(d.Mentions[dr.target[0]].Code), domain.UnknownCountry) {
		// An agent of no stated country that the place made the source's
		// own ("It said talks with representatives of …"): no target
		// rather than the source against itself.
		ev.Target = ev.Target[:0]
	}
	ev.ACLED = acledOf(code, dr, ev, toks)
	future := dr.modality == domain.ModalityIntended || dr.modality == domain.ModalityDemanded
	ev.Date = d.Date
	if w, ok := eventWhen(d.Text.Text, toks, dr, d.Date, future); ok {
		ev.Date, ev.DateText, ev.DatePrecision = w.Date, domain.NullString(w.Text), domain.NullString(w.Precision)
	}
	root := codebook.Root(dr.code)
	if violent(root) || root == "14" {
		counts := d.counts(si)
		if violent(root) {
			if d.counted == nil {
				d.counted = map[int]uint8{}
			}
			// The dead and wounded are an attack's, the arrested an
			// arrest's, where the sentence holds both: "arrested three
			// journalists after they reported that soldiers had killed
			// dozens of civilians".
			if d.counted[si]&tookToll == 0 && (root != "17" && root != "15" || !d.sentenceHas(si, "18", "19", "20")) {
				ev.Fatalities, ev.Injured = counts.Fatalities, counts.Injured
				d.counted[si] |= tookToll
			}
			if d.counted[si]&tookArrests == 0 && (root == "17" || !d.sentenceHas(si, "17")) {
				ev.Arrested = counts.Arrested
				d.counted[si] |= tookArrests
			}
		}
		if root == "14" && counts.Size != "" {
			ev.Size, ev.SizeEstimate = domain.NullString(counts.Size), counts.SizeEstimate
		}
	}
	if dr.speaker >= 0 {
		// The speaker as its claim names it: "local health authorities"
		// are the authorities of the place the article is about, "Saudi
		// Arabia said" its government.
		a := resolvedActor(d, si, dr.speaker, true)
		ev.AttributedTo = &a
	} else if dr.unnamed != "" {
		ev.AttributedTo = &domain.Actor{Text: dr.unnamed, Name: "unnamed"}
	}
	if root == "14" || root == "10" || dr.govClass == classDemand {
		src := dr
		if dr.issueFrom != nil {
			src = dr.issueFrom
		}
		ev.Issue = domain.NullString(issueOf(d.Text.Text, toks, src))
	}
	ev.Confidence = confidence(dr, ev)
	return ev
}

// withMatch adds the PLOVER mode and contexts a pattern sets to the event
// of its code.
func withMatch(ev *domain.Event, m *codebook.Match) {
	if m.Mode != "" {
		ev.PLOVER.Mode = domain.NullString(m.Mode)
	}
	for _, cx := range m.Context {
		if !slices.Contains(ev.PLOVER.Context, cx) {
			ev.PLOVER.Context = append(ev.PLOVER.Context, cx)
		}
	}
}

// violent reports whether a CAMEO root is material conflict that counts
// casualties or arrests.
func violent(root string) bool {
	switch root {
	case "15", "17", "18", "19", "20":
		return true
	}
	return false
}

func actorOf(m *gazetteer.Mention) domain.Actor {
	a := domain.Actor{Text: m.Text, Span: m.Span, Code: m.Code, Country: m.Country, Sector: m.Sector,
		Name: m.Name, Person: domain.NullString(m.Person), Role: m.Role, Entry: m.Entry}
	if m.Pronoun && m.Ref != "" && a.Person == "" {
		a.Person = m.Ref
	}
	return a
}

func actorsOf(d *Doc, idx []int) []domain.Actor {
	out := make([]domain.Actor, 0, len(idx))
	for _, i := range idx {
		out = append(out, actorOf(&d.Mentions[i]))
	}
	return out
}

// eventActors returns the actors of mentions idx. "The
// government" of no stated country is the one the article named before,
// as in claims ("… Prime Minister Nikol Pashinyan. … until the
// government stepped down"); other agents of no stated country are left
// for localise.
func eventActors(d *Doc, idx []int) []domain.Actor {
	out := actorsOf(d, idx)
	for k, i := range idx {
		a := &out[k]
		if a.Country == "" && strings.HasPrefix(string(a.Code), domain.UnknownCountry) {
			if r := sameHeadBefore(d, i); r != "" {
				// "The officers … announced": the "Army officers in
				// Gabon" of the sentence before.
				a.Code, a.Country, a.Sector = domain.NullString(r), domain.NullString(r[:3]), domain.NullString(r[3:6])
				continue
			}
		}
		if a.Country != "" || a.Code != domain.UnknownCountry+domain.SectorGovernment || elsewhere(actorWords(d, a, idx, k), string(a.Sector)) {
			continue
		}
		if r := namedBefore(d, i, domain.SectorGovernment); r != "" {
			a.Code, a.Country = domain.NullString(r), domain.NullString(r[:3])
		}
	}
	return out
}

// triggerText returns the trigger words as written (a gap between them is
// shown as " … ") and the span from the first to the last.
func triggerText(s string, toks []text.Token, idx []int) (string, domain.Span) {
	if len(idx) == 0 {
		return "", domain.Span{}
	}
	idx = slices.Clone(idx)
	slices.Sort(idx)
	idx = slices.Compact(idx)
	var b strings.Builder
	runStart := idx[0]
	for k := 1; k <= len(idx); k++ {
		if k < len(idx) && idx[k] == idx[k-1]+1 {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(" … ")
		}
		b.WriteString(s[toks[runStart].Start:toks[idx[k-1]].End])
		if k < len(idx) {
			runStart = idx[k]
		}
	}
	return b.String(), domain.Span{Start: toks[idx[0]].Start, End: toks[idx[len(idx)-1]].End}
}

// inConditionAfter reports whether token t lies in a condition opened
// after token from, in the same clause: "would halt the attacks once a
// ceasefire takes hold in Gaza" halts them wherever they are, not in Gaza.
// (A clause of time is another matter: "returned fire after Ukrainian
// forces shelled their positions in the Donetsk region" is most often
// where the act was too.)
func inConditionAfter(toks []text.Token, from, t int) bool {
	for k := from; k < t; k++ {
		if conditionalOpener(toks, k) {
			return clauseEnd(toks, k+1) > t
		}
	}
	return false
}

// placeOf chooses where an event happened: a place the sentence puts it in
// ("in Yerevan", "near Stepanakert"), else a place the sentence names,
// else the article's focus place.
func (c *Coder) placeOf(d *Doc, dr *draft) *domain.Place {
	toks := d.tokens(dr.sent)
	var best *domain.Place
	bestScore, bestMention := -1000, -1
	bestCapital := false // a capital named as where ("in Mogadishu")
	// A town or region, scored, of the kind a country named as the best
	// place may give way to.
	var finer *domain.Place
	finerScore, finerMention := -1000, -1
	venueLike := codebook.Root(dr.code) >= "03" && codebook.Root(dr.code) <= "05"
	// A relative clause set off by commas ends at its comma: "The rebels,
	// who rejected the deal, kidnapped four soldiers in Cauca" puts no
	// rejection in Cauca.
	relEnd := relativeClose(toks, dr.match.Start, dr.match.End)
	for _, i := range d.Sentence[dr.sent] {
		m := &d.Mentions[i]
		p := m.Place()
		if p == nil || m.Metonymy || originOf(toks, m.Tok) || namesAgreement(toks, m) || ownsPlace(d, dr.sent, m) ||
			inConditionAfter(toks, dr.match.End, m.Tok) || brokerAgent(toks, m.Tok, 0) || relEnd >= 0 && m.Tok > relEnd ||
			contrastBetween(toks, dr.match.End, m.Tok) {
			// (A capital "mediated by Washington" is the mediator.)
			continue
		}
		score := 1
		venue := false
		if k := prepBefore(toks, m.Tok); k >= 0 {
			venue = toks[k].Norm == "in" || toks[k].Norm == "at"
			switch toks[k].Norm {
			case "in", "at", "near", "outside", "across", "into", "inside", "around", "on", "from", "towards", "toward":
				score += 3
			case "of":
				if k > 0 && placeParts.At(&toks[k-1]) {
					score += 3 // "the centre of Goma", "the outskirts of Kharkiv"
				}
			}
		}
		if p.Precision != domain.PrecisionCountry {
			score++
		}
		if m.Tok == dr.match.End && dr.match.End > dr.match.Head+1 && toks[m.Tok-1].Norm == "to" {
			// "a visit to Beirut", "travelled to Moscow": where it goes.
			score += 3
		}
		// Closer to the trigger is better; a place in the trigger's own
		// clause is better still, and one in a trailing attribution ("…,
		// relief officials in Nairobi said") says where the news came
		// from, not where the event was.
		if dist := abs(m.Tok - dr.match.Head); dist < 8 {
			score++
		}
		if cs, ce := clauseStart(toks, dr.match.Head), clauseEnd(toks, dr.match.Head); m.Tok >= cs && m.Tok < ce {
			score += 2
		}
		attributed, filed := inAttribution(toks, m.Tok), dateline(toks, m)
		if attributed {
			score -= 4
		}
		if filed {
			score -= 6
		}
		if named := d.namedCountries(); len(named) > 0 && !named[p.Country] && !(venueLike && venue) && !(venue && d.capitalOf(p)) {
			// A town of a country the article never names (but talks
			// "in Istanbul", a meeting "at Doha" are held abroad, and
			// "in Mogadishu" is no misread name).
			score -= 6
		}
		if score > bestScore {
			best, bestScore, bestMention = p, score, i
			bestCapital = venue && d.capitalOf(p)
		}
		if p.Precision != domain.PrecisionCountry && !filed && !attributed && score > finerScore {
			finer, finerScore, finerMention = p, score, i
		}
	}
	if best != nil && best.Precision == domain.PrecisionCountry && finer != nil && finer.Country == best.Country && finerScore >= bestScore-3 {
		// "launched drones at Ukraine, killing four people in the southern
		// city of Kherson": the town, where the country is named as the
		// target or the whole.
		best, bestScore, bestMention = finer, finerScore, finerMention
	}
	if best != nil {
		if named := d.namedCountries(); len(named) > 0 && !named[best.Country] && !(venueLike && bestScore > 0) && !bestCapital && d.Focus != nil && named[d.Focus.Country] {
			p := *d.Focus
			return &p
		}
		if bestMention >= 0 && dateline(toks, &d.Mentions[bestMention]) && !actorsFrom(d, dr, best.Country) {
			// "WASHINGTON (Reuters) - … Syrian forces attacked citizens
			// with chlorine": where the story was filed, not where the
			// event was; with no other place named, none.
			return nil
		}
		if ownsNoThing(toks, &d.Mentions[bestMention]) {
			// "demanded that Armenia come to Karabakh's aid": a place
			// owning what is no thing is no scene ("Tunisia's national
			// museum" is one); the one set before is.
			if p := sceneBefore(d, dr); p != nil {
				return p
			}
		}
		return best
	}
	if visitLike(toks, dr) {
		// "Putin will visit North Korea": where the visit goes, the
		// country visited, when the sentence names no place.
		for _, t := range dr.target {
			m := &d.Mentions[t]
			if len(m.Code) == 3 && m.Lat != nil && m.Lon != nil {
				return &domain.Place{Text: m.Text, Span: m.Span, Name: string(m.Name), Country: m.Country,
					Lat: *m.Lat, Lon: *m.Lon, Precision: domain.PrecisionCountry}
			}
		}
	}
	if p := sceneBefore(d, dr); p != nil {
		return p
	}
	if d.Focus != nil {
		if r := codebook.Root(dr.code); d.focusVenue && (r < "03" || r > "06") {
			// Where talks were held is no place for fighting or
			// protest the sentence does not place: unknown.
			return nil
		}
		p := *d.Focus
		return &p
	}
	return nil
}

// sceneBefore returns the place where the sentences before set their
// scene (the first the nearer of the two before puts something in) when
// that is in another country than the article's focus ("… rallied in Tel
// Aviv. Police said they had detained 20" in an article on Gaza), for an
// event whose sentence names no place and whose actors are of no other
// country; else nil, and the article's focus is the place.
func sceneBefore(d *Doc, dr *draft) *domain.Place {
	for si := dr.sent - 1; si >= 0 && si >= dr.sent-2; si-- {
		toks := d.tokens(si)
		for _, i := range d.Sentence[si] {
			m := &d.Mentions[i]
			p := m.Place()
			if k := prepBefore(toks, m.Tok); p == nil || p.Country == "" || m.Metonymy || k < 0 || !scenePrep[toks[k].Norm] || inAttribution(toks, m.Tok) {
				continue
			}
			if d.Focus != nil && p.Country == d.Focus.Country {
				return nil
			}
			// Not where the sentence names another country ("Tunisian
			// security forces have also fought gunbattles with jihadists
			// at home", after jihadists in Syria), nor for a government
			// the article named before of another ("the government will
			// use the attack").
			cur := d.tokens(dr.sent)
			for _, i := range d.Sentence[dr.sent] {
				o := &d.Mentions[i]
				if ownsNoThing(cur, o) {
					continue // "Gaza's aid": no scene
				}
				if o.Country != "" && o.Country != p.Country {
					return nil
				}
			}
			for _, a := range slices.Concat(dr.source, dr.target) {
				if d.Mentions[a].Code == domain.UnknownCountry+domain.SectorGovernment {
					if r := namedBefore(d, a, domain.SectorGovernment); r != "" && r[:3] != string(p.Country) {
						return nil
					}
				}
			}
			p.Text, p.Span = "", domain.Span{}
			return p
		}
	}
	return nil
}

// prepBefore returns the token before a place name at token k, past one
// word of direction ("in central Yerevan", "in northern Gaza"), or -1.
func prepBefore(toks []text.Token, k int) int {
	if k > 1 && directionWords.At(&toks[k-1]) {
		k--
	}
	if k > 2 && toks[k-1].Norm == "'s" && toks[k-2].Shape == text.Title {
		// "in Nigeria's northwestern Kaduna state": past the owner.
		j := k - 2
		for j > 1 && toks[j-1].Shape == text.Title {
			j--
		}
		k = j
	}
	return k - 1
}

// placeParts name a part of the place after "of": "the centre of Goma".
var placeParts = text.NewWordSet("centre", "center", "outskirts", "heart", "suburbs", "suburb", "edge", "streets",
	"town", "city", "village", "port", "district", "province", "region", "capital", "north", "south", "east", "west")

var directionWords = text.NewWordSet("central", "northern", "southern", "eastern", "western", "north", "south", "east", "west",
	"northeastern", "northwestern", "southeastern", "southwestern", "downtown", "greater", "occupied", "rural", "coastal")

// ownsPlace reports whether a place mention owns the next place, of its
// country, that the sentence names: "Nigeria's northwestern Kaduna
// state" is in Kaduna state.
func ownsPlace(d *Doc, si int, m *gazetteer.Mention) bool {
	toks := d.tokens(si)
	if m.TokEnd >= len(toks) || toks[m.TokEnd].Norm != "'s" || m.Country == "" {
		return false
	}
	for _, i := range d.Sentence[si] {
		o := &d.Mentions[i]
		if o.Tok > m.TokEnd && o.Tok <= m.TokEnd+3 && o.Place() != nil && o.Country == m.Country && o.Precision != domain.PrecisionCountry {
			return true
		}
	}
	return false
}

// ownsNoThing reports whether a place mention owns what is no place
// anything happens: "come to Karabakh's aid", "Ukraine's future".
func ownsNoThing(toks []text.Token, m *gazetteer.Mention) bool {
	return m.TokEnd+1 < len(toks) && toks[m.TokEnd].Norm == "'s" && abstractOwned.At(&toks[m.TokEnd+1])
}

var abstractOwned = text.NewWordSet("aid", "help", "rescue", "defence", "defense", "side", "future", "fate", "cause",
	"sovereignty", "independence", "security", "support", "behalf", "interests", "people")

// capitalOf reports whether a place is a national capital: a name the
// gazetteer is sure of, whether or not the article names its country.
func (d *Doc) capitalOf(p *domain.Place) bool {
	return d.gaz != nil && p.GeonameID != 0 && d.gaz.CapitalOf(int64(p.GeonameID)) != ""
}

// contrastBetween reports whether a clause set against the one before
// (", but", ", while") opens between tokens a and b: "would not invade
// Eritrea, but insisted that access to the Red Sea …" puts no invasion
// on the Red Sea.
func contrastBetween(toks []text.Token, a, b int) bool {
	for k := max(a, 1); k < b && k < len(toks); k++ {
		if toks[k-1].Norm == "," && contrastWords.At(&toks[k]) {
			return true
		}
	}
	return false
}

// namesAgreement reports whether a place names an agreement or a process
// rather than where anything happens: "in line with the Luanda
// decisions", "under the Minsk agreements", "the Astana process".
func namesAgreement(toks []text.Token, m *gazetteer.Mention) bool {
	return m.Tok > 0 && toks[m.Tok-1].Norm == "the" && m.TokEnd < len(toks) && agreementNouns.At(&toks[m.TokEnd])
}

var agreementNouns = text.NewWordSet("decisions", "decision", "agreement", "agreements", "accord", "accords", "process",
	"format", "declaration", "protocol", "protocols", "communique", "roadmap", "framework", "understanding", "formula")

// originOf reports whether the place at token k says where people come
// from rather than where anything happened: "the slain foreigners — from
// Italy, Poland and Spain", "tourists from Germany".
func originOf(toks []text.Token, k int) bool {
	j := k - 1
	// Back over the list the place ends: "Italy, Poland and".
	for n := 0; j > 0 && n < 12 && (toks[j].Norm == "," || toks[j].Norm == "and" || toks[j].Capitalised()); n++ {
		j--
	}
	if j < 1 || toks[j].Norm != "from" {
		return false
	}
	j--
	if toks[j].Norm == "-" || toks[j].Norm == "," || toks[j].Norm == "(" {
		j--
	}
	return j >= 0 && originNouns.At(&toks[j])
}

// originNouns are people whose origin "from" gives.
var originNouns = text.NewWordSet("tourists", "foreigners", "visitors", "nationals", "citizens", "pilgrims", "students",
	"migrants", "immigrants", "journalists", "delegates", "volunteers", "passengers", "fans", "athletes", "workers",
	"tourist", "foreigner", "visitor", "national", "citizen", "pilgrim", "student", "migrant", "journalist", "worker")

// scenePrep holds the prepositions that set a scene: "in Yerevan", "at
// the border", "near Stepanakert".
var scenePrep = map[string]bool{"in": true, "at": true, "near": true, "outside": true, "inside": true}

// dateline reports whether a place mention is a story's dateline: the
// capitalised name that opens the sentence, then "(Reuters)", "-", "," or
// ":" ("MONROVIA (Reuters) -", "GAZA CITY, Palestinian Territories:").
func dateline(toks []text.Token, m *gazetteer.Mention) bool {
	if m.Tok != 0 || m.TokEnd >= len(toks) || toks[0].Shape != text.Upper {
		return false
	}
	switch toks[m.TokEnd].Norm {
	case "(", "-", ",", ":":
		return true
	}
	return false
}

// actorsFrom reports whether the draft's source or target is of a country,
// or names none with a country at all (then the dateline may well be the
// place).
func actorsFrom(d *Doc, dr *draft, country domain.NullString) bool {
	known := false
	for _, i := range slices.Concat(dr.source, dr.target) {
		c := d.Mentions[i].Country
		if c == country {
			return true
		}
		if c != "" {
			known = true
		}
	}
	return !known
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// acledOf gives the ACLED-style type of an event that happened (asserted
// or reported), refined by what it was done to: an attack on civilians is
// violence against civilians; a protest met by police is a protest with
// intervention. Events that did not happen have none.
func acledOf(code codebook.Code, dr *draft, ev *domain.Event, toks []text.Token) *domain.ACLED {
	if ev.Modality != domain.ModalityAsserted && ev.Modality != domain.ModalityReported {
		return nil
	}
	var a *domain.ACLED
	if dr.code == dr.match.Code && dr.match.ACLED != nil {
		a = dr.match.ACLED
	} else if code.ACLED != nil {
		a = code.ACLED
	}
	if a == nil {
		return nil
	}
	out := *a
	civilians := false
	for _, t := range ev.Target {
		if t.Sector == domain.SectorCivilians || t.Sector == domain.SectorRefugees || t.Sector == domain.SectorMedia ||
			t.Sector == domain.SectorEducation {
			civilians = true
		}
	}
	if out.SubEventType == "Non-state actor overtakes territory" && stateForces(ev.Source) {
		// "The Government of National Unity said it had taken control
		// of the Abu Salim district".
		out.SubEventType = "Government regains territory"
	}
	switch out.EventType {
	case "Battles", "Violence against civilians":
		if rioters(ev.Source) {
			// "Protesters attacked several embassies": a riot, not a
			// battle.
			out = domain.ACLED{EventType: "Riots", SubEventType: "Violent demonstration"}
			break
		}
		if out.EventType != "Battles" {
			break
		}
		if sub, ok := weaponUsed(toks, dr); ok {
			// "attacked the tanker with drones and missiles": remote
			// violence, whoever it struck.
			out = domain.ACLED{EventType: "Explosions/Remote violence", SubEventType: sub}
			break
		}
		if civilians {
			out = domain.ACLED{EventType: "Violence against civilians", SubEventType: "Attack"}
		}
	case "Protests":
		if strings.HasPrefix(dr.code, "175") && !civilians && len(ev.Target) > 0 {
			// "coast guard vessels fired water cannon at a Philippine
			// supply boat": force used on a state's vessel or forces is
			// no protest; ACLED's types name none such, so none.
			return nil
		}
		hasAny := func(words ...string) bool {
			for _, t := range toks {
				if slices.Contains(words, t.Norm) {
					return true
				}
			}
			return false
		}
		switch {
		case (hasAny("killed", "killing", "shot", "shooting", "live") || hasAny("fired", "fire", "bullets") && !hasAny("tear", "rubber", "water", "pellets", "warning")) &&
			hasAny("police", "troops", "security", "forces", "soldiers"):
			// Lethal force: "opened fire", "killing five"; not tear gas,
			// rubber bullets or warning shots fired.
			out.SubEventType = "Excessive force against protesters"
		case hasAny("dispersed", "tear", "detained", "arrested", "batons", "cannon", "police") && hasAny("dispersed", "tear", "detained", "arrested", "batons", "cannon", "clashed"):
			out.SubEventType = "Protest with intervention"
		case hasAny("rioters", "riot", "rioting", "torched", "looted", "stormed", "smashed"):
			out = domain.ACLED{EventType: "Riots", SubEventType: "Violent demonstration"}
		}
	}
	return &out
}

// weapons are the arms whose use makes an attack remote violence, by
// ACLED's sub-event type.
var weapons = map[string]string{
	"drone": "Air/drone strike", "drones": "Air/drone strike", "uav": "Air/drone strike", "uavs": "Air/drone strike",
	"airstrike": "Air/drone strike", "airstrikes": "Air/drone strike", "warplanes": "Air/drone strike",
	"jets": "Air/drone strike", "aircraft": "Air/drone strike", "helicopters": "Air/drone strike",
	"missile": "Shelling/artillery/missile attack", "missiles": "Shelling/artillery/missile attack",
	"rocket": "Shelling/artillery/missile attack", "rockets": "Shelling/artillery/missile attack",
	"artillery": "Shelling/artillery/missile attack", "mortar": "Shelling/artillery/missile attack",
	"mortars": "Shelling/artillery/missile attack", "shells": "Shelling/artillery/missile attack",
	"howitzers":  "Shelling/artillery/missile attack",
	"explosives": "Remote explosive/landmine/IED", "ied": "Remote explosive/landmine/IED",
	"ieds": "Remote explosive/landmine/IED", "landmine": "Remote explosive/landmine/IED",
	"landmines": "Remote explosive/landmine/IED", "grenade": "Grenade", "grenades": "Grenade",
}

// stateForces reports whether every source is a state's government,
// military or police.
func stateForces(as []domain.Actor) bool {
	if len(as) == 0 {
		return false
	}
	for _, a := range as {
		switch a.Sector {
		case domain.SectorGovernment, domain.SectorMilitary, domain.SectorPolice:
		default:
			return false
		}
	}
	return true
}

// rioters reports whether the sources of an attack are a crowd of
// protest: protesters, demonstrators, rioters, a crowd or a mob.
func rioters(as []domain.Actor) bool {
	if len(as) == 0 {
		return false
	}
	for _, a := range as {
		if a.Sector != domain.SectorCivilians || !slices.ContainsFunc(strings.Fields(strings.ToLower(a.Text)), protestWord) {
			return false
		}
	}
	return true
}

func protestWord(w string) bool {
	return strings.HasPrefix(w, "protest") || strings.HasPrefix(w, "demonstrator") || strings.HasPrefix(w, "rioter") ||
		strings.HasPrefix(w, "crowd") || w == "mob" || w == "mobs"
}

// firing are the verbs whose object is the arms used.
var firing = text.NewWordSet("fired", "fires", "fire", "firing", "launched", "launches", "launch", "launching")

// weaponUsed returns the ACLED sub-event type of the arms an attack was
// made "with" in its clause ("attacked the tanker with drones and
// missiles": the first named), or that its verb fired.
func weaponUsed(toks []text.Token, dr *draft) (string, bool) {
	// The arms fired: "fired dozens of rockets at military targets".
	if firing.At(&toks[dr.match.Head]) {
		for k := dr.match.Head + 1; k < dr.match.End; k++ {
			if sub, ok := weapons[toks[k].Norm]; ok {
				return sub, true
			}
		}
	}
	end := clauseEnd(toks, dr.match.Head)
	for k := dr.match.End; k < end; k++ {
		if toks[k].Norm != "with" {
			continue
		}
		for j := k + 1; j < min(end, k+5); j++ {
			if sub, ok := weapons[toks[j].Norm]; ok {
				return sub, true
			}
			if toks[j].Kind == text.Punct {
				break
			}
		}
	}
	return "", false
}

// issueOf returns what a protest or demand is about: the words after
// "demanding", "calling for", "for" or the trigger, to the next clause
// boundary or preposition.
func issueOf(s string, toks []text.Token, dr *draft) string {
	from := -1
	for k := dr.match.Start; k < len(toks) && k < dr.match.End+8; k++ {
		switch toks[k].Norm {
		case "demanding", "for", "against", "over", "urging", "seeking":
			from = k + 1
		}
		if from >= 0 {
			break
		}
	}
	if from < 0 {
		if dr.govClass != classDemand && codebook.Root(dr.code) != "10" {
			return ""
		}
		from = dr.match.End
	}
	end := from
	for end < len(toks) && end < from+8 {
		w := toks[end].Norm
		if toks[end].Kind == text.Punct || w == "from" || w == "before" || w == "to" || w == "in" || w == "after" ||
			w == "of" && end > from+2 || w == "and" && end > from+3 || w == "if" || w == "unless" || w == "until" {
			break
		}
		end++
	}
	if end <= from {
		return ""
	}
	return s[toks[from].Start:toks[end-1].End]
}

// confidence scores how sure the coder is of an event: higher with a
// source and a target, a verb rather than a noun, and a specific code.
func confidence(dr *draft, ev *domain.Event) float64 {
	c := 0.5
	if len(ev.Source) > 0 && len(ev.Target) > 0 {
		c += 0.2
	} else if len(ev.Source) > 0 {
		c += 0.1
	}
	if !dr.match.Nominal {
		c += 0.1
	}
	if len(dr.code) >= 3 && !strings.HasSuffix(dr.code, "0") {
		c += 0.1
	}
	if ev.Modality == domain.ModalityReported || ev.Modality == domain.ModalityHypothetical {
		c -= 0.1
	}
	if c > 0.95 {
		c = 0.95
	}
	return float64(int(c*100+0.5)) / 100
}

// visitLike reports whether a consultation takes place somewhere the
// source travels to ("arrived in Amman", "visited Russia", "talks in
// Beirut"): then the host country is its target.
func visitLike(toks []text.Token, dr *draft) bool {
	for _, t := range dr.trigger {
		switch toks[t].Norm {
		case "visit", "visited", "visits", "visiting", "arrived", "arrives", "arrive", "toured", "tour", "trip", "travelled", "traveled", "flew":
			return true
		}
	}
	return false
}

// localise gives agents of no stated country ("police", "protesters",
// "guerrillas") the country where the event happens, as ACLED codes
// local actors: "protesters in Kathmandu" are NPLCVL. The words and the
// dictionary entry are kept; only the code and country are filled in.
func localise(d *Doc, as []domain.Actor, idx []int, p *domain.Place) {
	if p == nil || p.Country == "" {
		return
	}
	for i := range as {
		a := &as[i]
		if strings.HasPrefix(string(a.Code), domain.UnknownCountry) && len(a.Code) > 3 && a.Country == "" && !elsewhere(actorWords(d, a, idx, i), string(a.Sector)) {
			a.Code = p.Country + a.Code[3:]
			a.Country = p.Country
		}
	}
}

// elsewhere reports whether an agent's words say it is not of the place
// at hand: "foreign diplomats", "Western governments", and of
// governments "several other governments" ("other armed groups" may be
// of the same country).
// actorWords returns the words that name actor k of those whose mentions
// idx holds (see referent).
func actorWords(d *Doc, a *domain.Actor, idx []int, k int) string {
	if k < len(idx) {
		return referent(&d.Mentions[idx[k]])
	}
	return a.Text
}

// referent returns the words a mention names by: its own, or for a
// pronoun those it stands for ("they": "The mediators").
func referent(m *gazetteer.Mention) string {
	if m.Pronoun && m.Ref != "" {
		return string(m.Ref)
	}
	return string(m.Text)
}

func elsewhere(words, sector string) bool {
	for _, w := range strings.Fields(strings.ToLower(words)) {
		switch w {
		case "foreign", "western", "international", "mediator", "mediators":
			// (Mediators are by their office from neither side.)
			return true
		case "other", "neighbouring", "neighboring":
			if sector == domain.SectorGovernment {
				return true
			}
		}
	}
	return false
}

// fromNamed gives armed forces of no stated country ("both forces") the
// code of the last forces the article named, leaving the others unknown
// (eventActors did so for "the government").
func fromNamed(d *Doc, as []domain.Actor, idx []int) {
	for k := range as {
		if k < len(idx) && as[k].Country == "" && as[k].Code == domain.UnknownCountry+domain.SectorMilitary {
			if r := namedBefore(d, idx[k], domain.SectorMilitary); r != "" {
				as[k].Code, as[k].Country = domain.NullString(r), domain.NullString(r[:3])
			}
		}
	}
}

// counts reads the numbers of sentence si once.
// Which of a sentence's numbers an event has taken.
const (
	tookToll uint8 = 1 << iota
	tookArrests
)

// sentenceHas reports whether sentence si has an event drafted of one of
// the CAMEO roots.
func (d *Doc) sentenceHas(si int, roots ...string) bool {
	for _, dr := range d.drafts {
		if dr.sent == si && !dr.drop && slices.Contains(roots, codebook.Root(dr.code)) {
			return true
		}
	}
	return false
}

func (d *Doc) counts(si int) Counts {
	if d.countsOf == nil {
		d.countsOf = make(map[int]Counts)
	}
	c, ok := d.countsOf[si]
	if !ok {
		c = ReadCounts(d.Text.Text, d.tokens(si))
		d.countsOf[si] = c
	}
	return c
}

// inAttribution reports whether token k lies in a trailing attribution:
// after a comma, before a verb of saying that ends the sentence's clause
// ("…, relief officials in Nairobi said").
func inAttribution(toks []text.Token, k int) bool {
	comma := -1
	for j := k - 1; j >= 0 && j >= k-6; j-- {
		if toks[j].Norm == "," {
			comma = j
			break
		}
	}
	if comma < 0 {
		return false
	}
	for j := k + 1; j < len(toks) && j <= k+4; j++ {
		if sayVerbs.At(&toks[j]) {
			return true
		}
		if toks[j].Kind == text.Punct {
			return false
		}
	}
	return false
}
