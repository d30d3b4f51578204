package gazetteer

import (
	"math"
	"strconv"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/gazetteer/internal/placefile"
)

// computeFocus weighs the countries the article is about: each country,
// demonym, region, admin-1 region and unambiguous place counts, those of
// the first two sentences (the headline and lead) half again.
func (st *state) computeFocus() {
	g := st.g
	for k := range st.atoms {
		a := &st.atoms[k]
		if st.attitude(a.sent, a.tok) || st.currency(a.sent, a) {
			continue
		}
		w := 1.0
		if a.sent < 2 {
			w = 1.5
		}
		country := ""
		for _, ln := range st.names[a.n0:a.n1] {
			e := &g.entries[ln.entry]
			switch e.kind {
			case kCountry:
				if country == "" {
					country = e.country
				}
			case kDemonym, kPeople:
				// A people is a weaker sign of where than a country's name,
				// a people without a state weaker still (Tamil Nadu is in
				// India).
				if country == "" && e.country != domain.UnknownCountry {
					country = e.country
					w *= 0.5
					if e.ethnicGroup {
						w *= 0.5
					}
				}
			case kRegion:
				if country == "" {
					country = e.country
				}
				if !containsInt32(st.regions, ln.entry) {
					st.regions = append(st.regions, ln.entry)
				}
			case kPerson, kInstitution, kGroup:
				if country == "" && !ln.surname {
					country = e.country
					w *= 0.5
				}
			}
		}
		if country == "" && a.hasPlace && a.n1 == a.n0 {
			// A place counts only where it is not itself in doubt: one
			// candidate, or one ten times bigger than any other.
			if ix, ok := st.dominantPlace(a.place); ok {
				country = g.countryIx[g.places.PlaceCountry(ix)]
				w *= 0.5
			}
		}
		if country != "" {
			st.focus[country] += w
			st.maxFocus = max(st.maxFocus, st.focus[country])
		}
	}
}

// dominantPlace returns the place a key names when there is no doubt:
// the only one, or one at least ten times as populous as any other.
func (st *state) dominantPlace(v placefile.Value) (uint32, bool) {
	g := st.g
	n := min(g.places.Len(v), 32)
	if n == 0 {
		return 0, false
	}
	best, first, second := uint32(0), uint32(0), uint32(0)
	for k := range n {
		ix := g.places.At(v, k)
		p := g.places.Place(ix).Population
		switch {
		case p > first:
			second, first, best = first, p, ix
		case p > second:
			second = p
		}
	}
	if n == 1 || first >= 10*second && first >= 10000 {
		return best, true
	}
	return 0, false
}

func containsInt32(s []int32, v int32) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

var featureScore = [...]float64{
	placefile.FeatureCapital:  2.0,
	placefile.FeatureAdmin1:   1.2,
	placefile.FeatureAdmin2:   0.8,
	placefile.FeatureAdmin3:   0.4,
	placefile.FeaturePlace:    0.2,
	placefile.FeatureSection:  0,
	placefile.FeatureAbandon:  -1,
	placefile.FeatureLocality: -0.5,
}

// bestPlace picks the most likely of the places a key names: in a country
// the article is about, then by rank and population; restricted to a
// country (alpha-3) or an admin-1 region when the text names one
// ("Lachin, Azerbaijan").
func (st *state) bestPlace(v placefile.Value, country string, admin1 int32) (uint32, bool) {
	g := st.g
	n := min(g.places.Len(v), 256)
	// News names a town of the United States or Canada with its state or
	// province ("Geneva, Illinois"); unqualified, the name is another
	// country's bigger place, whatever the article's focus on the US.
	var abroad uint32
	if country == "" && admin1 < 0 {
		for k := range n {
			p := g.places.Place(g.places.At(v, k))
			if !qualifiedCountry[g.countryIx[p.Country]] {
				abroad = max(abroad, p.Population)
			}
		}
	}
	best, bestScore := uint32(0), math.Inf(-1)
	for k := range n {
		ix := g.places.At(v, k)
		p := g.places.Place(ix)
		a3 := g.countryIx[p.Country]
		if country != "" && a3 != country {
			continue
		}
		if admin1 >= 0 && int32(p.Admin1) != admin1 {
			continue
		}
		s := featureScore[p.Feature] + math.Log10(float64(p.Population)+1)/2.5
		if st.maxFocus > 0 && !(qualifiedCountry[a3] && p.Population < abroad) {
			s += 2 * st.focus[a3] / st.maxFocus
		}
		if s > bestScore {
			best, bestScore = ix, s
		}
	}
	return best, !math.IsInf(bestScore, -1)
}

// placeState returns the state a place of country c belonged to on the
// article's date: Juba was Sudan's until South Sudan's independence.
func (st *state) placeState(c string) string {
	if p, ok := st.g.partOf[c]; ok && !st.date.IsZero() && st.date.Before(p.from) {
		return p.code
	}
	return c
}

// qualifiedCountry: countries whose towns news writes with their state or
// province (AP style).
var qualifiedCountry = map[string]bool{"USA": true, "CAN": true}

// emitAtom emits an atom that no actor phrase took: an organisation, a
// group, a country, a region, an admin-1 region or a populated place.
func (st *state) emitAtom(si int, a *atom) {
	g := st.g
	if st.attitude(si, a.tok) || st.currency(si, a) {
		return // "anti-Syria", "pro-Taliban"; "US $50 million"
	}
	if e := st.personOf(a); e != nil {
		var m Mention
		st.resolvePerson(&m, e, nil)
		st.seen[e.person] = true
		st.emit(si, a.tok, a.end, m)
		return
	}
	for _, k := range []kind{kOrg, kGroup, kInstitution} {
		if _, e, ok := st.first(a, k); ok {
			var m Mention
			m.Type = domain.MentionActor
			if k == kOrg {
				m.Type = domain.MentionOrg
			}
			m.Name = domain.NullString(e.name)
			st.actor(&m, e.code)
			m.Entry = domain.NullString(e.ref)
			st.emit(si, a.tok, a.end, m)
			return
		}
	}
	if a.end-a.tok == 1 && st.cueAt(si, a.tok) == cueDirection {
		return // "Western Cambodia", "in the South": a part of a place
	}
	_, given, isGiven := st.first(a, kNotPlace)
	partOfName := st.unknownCap(si, a.end) || st.unknownCap(si, a.tok-1) || st.givenBefore(si, a.tok)
	if _, e, ok := st.first(a, kCountry); ok && !st.placeOfOther(si, a, e) {
		if isGiven && given.word == "given" && (partOfName || st.nameBefore(si, a.tok)) {
			return // "Michael Jordan", "Chad Smith"
		}
		if _, adm, ok := st.first(a, kAdmin1); ok && adm.country != e.country && st.preferAdmin1(si, a, adm, e) {
			st.emitAdmin1(si, a, adm)
			return
		}
		var m Mention
		m.Type = domain.MentionActor
		if st.locativeBefore(si, a.tok) {
			m.Type = domain.MentionPlace
		}
		st.actor(&m, e.country)
		m.Name = domain.NullString(e.name)
		m.Entry = domain.NullString(e.ref)
		if e.hasLL {
			m.Lat, m.Lon = ptr(e.lat), ptr(e.lon)
			m.Precision = domain.PrecisionCountry
		}
		st.emit(si, a.tok, a.end, m)
		return
	}
	if _, e, ok := st.first(a, kRegion); ok {
		var m Mention
		m.Type = domain.MentionPlace
		m.Name = domain.NullString(e.name)
		m.Region = domain.NullString(e.code)
		m.Country = domain.NullString(e.country)
		m.Lat, m.Lon = ptr(e.lat), ptr(e.lon)
		m.Precision = domain.PrecisionRegion
		m.Entry = domain.NullString(e.ref)
		st.emit(si, a.tok, a.end, m)
		return
	}
	if isGiven && given.word == "never" {
		return // Africa, the Middle East: no town, whatever the context
	}
	if isGiven && !st.placeContext(si, a) {
		return // David, Nice, Mobile: places only where the text says so
	}
	if isGiven && given.word == "word" && a.end-a.tok == 1 && st.nameRunsOn(si, a.end) {
		return // "at the Council on Foreign Relations": a body's name
	}
	if partOfName && !st.locativeBefore(si, a.tok) {
		return // Yerevan State University, Washington Post
	}
	if st.titleOfOutlet(si, a.tok) {
		return // "the opposition newspaper La Prensa", "the daily Al-Ahram"
	}
	if a.end-a.tok == 1 && genericToponyms[st.norm(si, a.tok)] {
		return // "Puerto Jordan", "Pont-Sondé": the first word of a name
	}
	if st.hyphenedToUnknown(si, a) {
		return // "Ville-Bonheur": a compound name no dictionary knows
	}
	rc, ra := st.restriction(si, a)
	if cue := st.cueAt(si, a.tok); cue != 0 && a.end-a.tok == 1 && rc == "" && ra < 0 &&
		(cue == cueTime || !st.locativeBefore(si, a.tok)) {
		// A cue word is not a place without context, and a month or a day
		// not even after "in" ("in March"); "March, England" is a town.
		return
	}
	_, adm, hasAdm := st.first(a, kAdmin1)
	if !a.hasPlace {
		if hasAdm {
			st.emitAdmin1(si, a, adm)
		}
		return
	}
	ix, ok := st.bestPlace(a.place, rc, ra)
	if !ok {
		ix, ok = st.bestPlace(a.place, "", -1)
	}
	if !ok {
		return
	}
	p := g.places.Place(ix)
	if hasAdm && (adm.admin1 < 0 || int32(p.Admin1) != adm.admin1) {
		// A region's name that is not also the name of a city in it:
		// the region.
		st.emitAdmin1(si, a, adm)
		return
	}
	var m Mention
	m.Type = domain.MentionPlace
	m.Name = domain.NullString(g.places.PlaceName(ix))
	m.GeonameID = domain.NullInt(p.GeonameID)
	m.Country = domain.NullString(st.placeState(g.countryIx[p.Country]))
	if p.Admin1 != placefile.NoAdmin1 {
		m.Admin1 = domain.NullString(g.admin1Name[int32(p.Admin1)])
	}
	m.Lat, m.Lon = ptr(p.Lat), ptr(p.Lon)
	m.Precision = domain.PrecisionCity
	m.Entry = domain.NullString("geonames:" + strconv.Itoa(int(p.GeonameID)))
	if c, ok := g.capital[p.GeonameID]; ok && st.metonymic(si, a) {
		m.Type = domain.MentionActor
		m.Metonymy = true
		m.Name = ""
		st.actor(&m, c+domain.SectorGovernment)
	}
	st.emit(si, a.tok, a.end, m)
}

func (st *state) emitAdmin1(si int, a *atom, e *entry) {
	var m Mention
	m.Type = domain.MentionPlace
	m.Name = domain.NullString(e.name)
	m.Admin1 = domain.NullString(e.name)
	m.Region = domain.NullString(e.code)
	m.Country = domain.NullString(e.country)
	m.Lat, m.Lon = ptr(e.lat), ptr(e.lon)
	m.Precision = domain.PrecisionAdmin1
	m.Entry = domain.NullString(e.ref)
	st.emit(si, a.tok, a.end, m)
}

// placeOfOther reports whether a country's name is here a town of
// another country, as ", Country" after it says: "Trinidad, Cuba".
func (st *state) placeOfOther(si int, a *atom, e *entry) bool {
	if !a.hasPlace {
		return false
	}
	c, _ := st.restriction(si, a)
	if c == "" || c == e.country {
		return false
	}
	_, ok := st.bestPlace(a.place, c, -1) // a list of countries is no address
	return ok
}

// preferAdmin1 decides between a country and another country's admin-1
// region of the same name (Georgia): the region where the text says so
// ("Atlanta, Georgia", "the state of Georgia", "Georgia, USA") or the
// article is more about the region's country; else the country.
func (st *state) preferAdmin1(si int, a *atom, adm, country *entry) bool {
	if _, ok := st.cueEndingAt(si, a.tok, cueStateWord); ok {
		return true
	}
	if st.norm(si, a.end) == "," {
		if k := st.atomAt[min(a.end+1, len(st.atomAt)-1)]; a.end+1 < len(st.atomAt) && k >= 0 {
			if c := st.placeCountry(&st.atoms[k]); c == adm.country {
				return true
			}
		}
	}
	if st.norm(si, a.tok-1) == "," {
		if k := st.covered[max(a.tok-2, 0)]; a.tok >= 2 && k >= 0 {
			if c := st.placeCountry(&st.atoms[k]); c == adm.country {
				return true
			}
		}
	}
	return st.focus[adm.country] > st.focus[country.country]
}

// restriction returns the country or admin-1 region the text gives after
// a place: "Bam, Iran", "Springfield, Illinois".
func (st *state) restriction(si int, a *atom) (string, int32) {
	if st.norm(si, a.end) != "," || a.end+1 >= len(st.atomAt) {
		return "", -1
	}
	k := st.atomAt[a.end+1]
	if k < 0 {
		return "", -1
	}
	b := &st.atoms[k]
	if _, e, ok := st.first(b, kCountry); ok {
		return e.country, -1
	}
	if _, e, ok := st.first(b, kAdmin1); ok && e.admin1 >= 0 {
		return "", e.admin1
	}
	return "", -1
}

// placeContext reports whether the text marks an atom as a place: a
// preposition or head before it, or ", Country" after it.
func (st *state) placeContext(si int, a *atom) bool {
	if st.locativeBefore(si, a.tok) {
		return true
	}
	c, r := st.restriction(si, a)
	return c != "" || r >= 0
}

// metonymic reports whether a capital stands for its government: the
// subject or object of a political verb ("Moscow said", "urged Baku"),
// in "talks with Kyiv", "Moscow as an ally", "Moscow's position".
func (st *state) metonymic(si int, a *atom) bool {
	if _, ok := st.cueStartingAt(si, a.end, cueAlly); ok {
		return true
	}
	if st.locativeBefore(si, a.tok) {
		if _, ok := st.cueEndingAt(si, a.tok, cueRelation); !ok && !st.speechBefore(si, a.tok) {
			return false
		}
	}
	switch {
	case st.speechAfter(si, a.end):
		return true
	case st.speechBefore(si, a.tok):
		return true
	case st.norm(si, a.end) == "'s" && st.cueAt(si, a.end+1) == cuePolicyNoun:
		return true
	}
	if _, ok := st.cueEndingAt(si, a.tok, cueRelation); ok {
		return true
	}
	if _, ok := st.cueStartingAt(si, a.end, cueAlly); ok {
		return true
	}
	// "Kyiv and Moscow agreed": a capital joined to one that speaks or
	// acts for its government.
	if q := a.end + 1; st.norm(si, a.end) == "and" && q < len(st.atomAt) && st.atomAt[q] >= 0 {
		if b := &st.atoms[st.atomAt[q]]; b.hasPlace && st.capitalAtom(b) && st.speechAfter(si, b.end) {
			return true
		}
	}
	return false
}

// capitalAtom reports whether an atom's likeliest place is a capital.
func (st *state) capitalAtom(a *atom) bool {
	ix, ok := st.bestPlace(a.place, "", -1)
	if !ok {
		return false
	}
	_, ok = st.g.capital[st.g.places.Place(ix).GeonameID]
	return ok
}

func ptr(f float64) *float64 { return &f }

// attitude reports whether "anti-" or "pro-" stands before token i: what
// follows is an attitude's object, no actor ("anti-Syria journalist").
func (st *state) attitude(si, i int) bool {
	if st.norm(si, i-1) != "-" {
		return false
	}
	n := st.norm(si, i-2)
	return n == "anti" || n == "pro"
}

// currency reports whether a country's abbreviation names its currency:
// "US $50 million", "U.S. dollars".
func (st *state) currency(si int, a *atom) bool {
	if !st.has(a, kCountry) {
		return false
	}
	n := st.norm(si, a.end)
	return n == "$" || n == "dollar" || n == "dollars" || n == "cents"
}

// givenBefore reports whether a capitalised first name stands right
// before token i, or before a middle initial there: "Robert Danin" and
// "Robert M. Danin" are a person, not the Chinese town that GeoNames also
// calls Danin.
func (st *state) givenBefore(si, i int) bool {
	if i >= 3 && st.norm(si, i-1) == "." && st.initialAt(si, i-2) {
		i -= 2
	}
	if i == 0 || !st.isCapWord(si, i-1) {
		return false
	}
	k := st.covered[i-1]
	if k < 0 {
		return false
	}
	_, e, ok := st.first(&st.atoms[k], kNotPlace)
	return ok && e.word == "given"
}

// initialAt reports whether token k is an initial: one capital letter
// (the "M" of "Robert M. Danin").
func (st *state) initialAt(si, k int) bool {
	t := &st.toks(si)[k]
	return t.End-t.Start == 1 && st.doc.Text[t.Start] >= 'A' && st.doc.Text[t.Start] <= 'Z'
}

// genericToponyms are the words that open place names ("Puerto", "Fort",
// "San") and that GeoNames also gives, alone, as another name of one
// town: alone, in English news, they name none.
var genericToponyms = map[string]bool{"puerto": true, "pont": true, "port": true, "fort": true, "san": true,
	"santa": true, "santo": true, "saint": true, "st": true, "sainte": true, "mount": true, "lake": true,
	"ciudad": true, "villa": true, "ville": true, "bandar": true, "kafr": true, "tel": true, "ras": true,
	"deir": true, "beit": true, "bir": true, "nueva": true, "nuevo": true, "bahia": true, "cape": true}

// hyphenedToUnknown reports whether a town's name is joined by a hyphen,
// without spaces, to a capitalised word that no dictionary knows: the
// name is the compound's ("Pont-Sondé"), not the town's. "Israel-Gaza"
// joins two known names and keeps both.
func (st *state) hyphenedToUnknown(si int, a *atom) bool {
	toks := st.toks(si)
	joined := func(h, w int) bool {
		return h > 0 && w >= 0 && w < len(toks) && h < len(toks) && toks[h].Norm == "-" &&
			toks[h-1].End == toks[h].Start && toks[h].End == toks[h+1].Start && st.unknownCap(si, w)
	}
	return a.end+1 < len(toks) && joined(a.end, a.end+1) || a.tok >= 2 && joined(a.tok-1, a.tok-2)
}

// mediaNouns name an outlet, and a name right after one is its title,
// not the place of a town that shares it.
var mediaNouns = map[string]bool{"newspaper": true, "daily": true, "weekly": true, "magazine": true,
	"tabloid": true, "broadsheet": true, "paper": true, "agency": true, "broadcaster": true, "channel": true,
	"station": true, "network": true, "website": true, "outlet": true, "radio": true, "television": true, "tv": true}

// titleOfOutlet reports whether the capitalised word at i, or the name
// it ends with a hyphen ("Al-Ahram"), follows a word for an outlet.
func (st *state) titleOfOutlet(si, i int) bool {
	if !st.isCapWord(si, i) {
		return false
	}
	if st.norm(si, i-1) == "-" && st.isCapWord(si, i-2) {
		i -= 2
	}
	return mediaNouns[st.norm(si, i-1)]
}

// nameRunsOn reports whether "of", "on" or "for" and a capitalised word
// follow token i-1: the word before is the head of a name ("Council on
// Foreign Relations", "Academy of Sciences").
func (st *state) nameRunsOn(si, i int) bool {
	switch st.norm(si, i) {
	case "of", "on", "for":
		return st.isCapWord(si, i+1) && st.cueAt(si, i+1) != cueTime // not "in Bath on Monday"
	}
	return false
}

// nameBefore reports whether a capitalised word that is no cue, no
// dictionary word and no sentence's end stands just before token i, even
// at the start of a sentence ("Michael Jordan").
func (st *state) nameBefore(si, i int) bool {
	return i == 1 && st.isCapWord(si, 0) && (st.covered[0] < 0 || st.weakAtom(&st.atoms[st.covered[0]])) && st.cueAt(si, 0) == 0
}
