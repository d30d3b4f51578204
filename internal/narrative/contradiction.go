package narrative

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/truce/truce/internal/domain"
)

// Options tune the analysis.
type Options struct {
	// Window is how many days a claim about an ongoing state covers when
	// its words give no end: a ceasefire claimed in force covers three
	// days from the day it is about (default 3).
	Window int
	// IncidentWindow is how many days apart two casualty or
	// responsibility claims about one incident (same place) may be
	// reported and still be compared: they are tied to the incident, not
	// to a period (default 30).
	IncidentWindow int
	// CountRatio is how far apart two numbers may be before they
	// contradict: the larger over the smaller (default 1.5), with at least
	// MinCountGap between them (default 3), so 30 vs 32 dead agree and 2
	// vs 200 dead do not.
	CountRatio  float64
	MinCountGap int
	// MaxPerClaim is how many contradictions one claim takes part in
	// before the rest are only counted (default 10).
	MaxPerClaim int
	// MaxEvidence is how many records of each status a commitment's
	// trail lists, the earliest (default 10).
	MaxEvidence int
	// AsOf is the day the ledger is judged on (deadlines passed before it
	// are overdue); zero means the latest record's date.
	AsOf domain.Date
}

func (o Options) withDefaults() Options {
	if o.MaxPerClaim <= 0 {
		o.MaxPerClaim = 10
	}
	if o.MaxEvidence <= 0 {
		o.MaxEvidence = 10
	}
	if o.Window <= 0 {
		o.Window = 3
	}
	if o.IncidentWindow <= 0 {
		o.IncidentWindow = 30
	}
	if o.CountRatio <= 1 {
		o.CountRatio = 1.5
	}
	if o.MinCountGap <= 0 {
		o.MinCountGap = 3
	}
	return o
}

// statement is a claim, or an asserted event read as one, normalised for
// comparison.
type statement struct {
	id, article string
	sentence    int
	event       bool
	topic       string
	polarity    string
	place       *domain.Place
	// date is the day the statement is about; for a ceasefire in force
	// (or fighting stopped), per is the period it covers.
	date         domain.Date
	explicitDate bool
	per          period
	count        *int
	kind, class  string // casualties: killed or injured; people, soldiers, fighters
	side         string // whose dead, where the words say
	speaker      string // a code, or "unnamed …"
	party        string // the speaker's code; "" for unnamed sources
	actors       []string
	verb         string
	// day numbers date, for sorting and scanning.
	day int
	// said is the day the statement was made; a toll its speaker revised
	// later is superseded from the day of the revision (rule 8).
	said, superseded domain.Date
	// goods are the kinds of aid the words name ("fuel"), none for aid
	// in general.
	goods []string
	// preTruce: the words put the act before a truce ("killed 13 people
	// in the hours before the truce began"), which it cannot break.
	preTruce bool
}

// family groups topics that can contradict each other: a ceasefire in
// force and ongoing fighting.
func family(topic string) string {
	if topic == domain.TopicFighting {
		return domain.TopicCeasefire
	}
	return topic
}

// calm reports whether a ceasefire-family statement says the guns are
// silent: a ceasefire in force, fighting stopped.
func (s *statement) calm() bool {
	return s.topic == domain.TopicCeasefire && s.polarity == "in_force" ||
		s.topic == domain.TopicFighting && s.polarity == "stopped"
}

// broken reports whether a ceasefire-family statement says they are not:
// a ceasefire violated or collapsed, fighting ongoing.
func (s *statement) broken() bool {
	return s.topic == domain.TopicCeasefire && (s.polarity == "violated" || s.polarity == "collapsed") ||
		s.topic == domain.TopicFighting && s.polarity == "ongoing"
}

func fromClaim(c *domain.Claim) statement {
	s := statement{id: c.ID, article: c.ArticleID, sentence: c.SentenceIndex, topic: c.Topic,
		polarity: c.Polarity, place: c.Place, date: c.About, count: c.Count,
		speaker: label(c.Speaker), party: string(c.Speaker.Code), verb: c.Verb, said: c.Date,
		preTruce: beforeTruce(c.Sentence)}
	if s.date.IsZero() {
		s.date = c.Date
	}
	if s.topic == domain.TopicAidAccess {
		s.goods = goodsOf(c.Proposition)
	}
	s.explicitDate = datesItself(c.Proposition)
	if f := strings.Fields(string(c.CountKind)); len(f) > 0 {
		s.kind = f[0]
		if len(f) > 1 {
			s.class = f[1]
		}
		if len(f) > 2 {
			s.side = f[2]
		}
	}
	for _, a := range c.Actors {
		if a.Code != "" && !slices.Contains(s.actors, string(a.Code)) {
			s.actors = append(s.actors, string(a.Code))
		}
	}
	if s.calm() && s.topic == domain.TopicCeasefire {
		if n, ok := statedDays(c.Proposition); ok {
			s.per = period{start: s.date, end: s.date.AddDays(n), stated: true}
		}
	}
	return s
}

// fromEvent reads an asserted event as a statement about the state of
// things: violence means fighting is ongoing, a delivery that aid got
// through, a withdrawal that it was done. A reported event is the
// statement of whoever it is attributed to ("Russian peacekeepers were
// killed …, Russia's Defence Ministry said"), as a claim would be. ok is
// false for events that say nothing a claim could contradict, or that the
// text dates only to a month or year.
func fromEvent(e *domain.Event) (statement, bool) {
	s := statement{id: e.ID, article: e.ArticleID, sentence: e.SentenceIndex, event: true, place: e.Place,
		date: e.Date, explicitDate: e.DateText != "", verb: e.Trigger, speaker: "the report", said: e.Date,
		preTruce: beforeTruce(e.Sentence)}
	switch {
	case e.Modality == domain.ModalityAsserted:
	case e.Modality == domain.ModalityReported && e.AttributedTo != nil:
		s.event, s.verb = false, "said"
		s.speaker, s.party = label(*e.AttributedTo), string(e.AttributedTo.Code)
	default:
		return statement{}, false
	}
	if e.DatePrecision == domain.DateMonth || e.DatePrecision == domain.DateYear {
		// "fighting in September 2022" names no day a claim could be
		// held against.
		return statement{}, false
	}
	for _, a := range e.Source {
		s.actors = append(s.actors, string(a.Code))
	}
	code := e.CAMEO
	switch {
	case strings.HasPrefix(code, "18"), strings.HasPrefix(code, "19"), strings.HasPrefix(code, "20"):
		s.topic, s.polarity = domain.TopicFighting, "ongoing"
	case strings.HasPrefix(code, "07"):
		s.topic, s.polarity = domain.TopicAidAccess, "delivered"
	case strings.HasPrefix(code, "0874"):
		s.topic, s.polarity = domain.TopicWithdrawal, "done"
	default:
		return statement{}, false
	}
	return s, true
}

func label(a domain.Actor) string {
	if a.Code != "" {
		return string(a.Code)
	}
	if a.Name == "unnamed" {
		if a.Text == "" {
			return "the report"
		}
		return "unnamed " + a.Text
	}
	return a.Text
}

// opposites are the polarities of one topic that cannot both hold (the
// ceasefire family is judged by calm and broken, with its time rules).
var opposites = map[string][2]string{
	domain.TopicAidAccess:  {"delivered", "blocked"},
	domain.TopicCorridor:   {"open", "closed"},
	domain.TopicWithdrawal: {"done", "not_done"},
	domain.TopicTalks:      {"held", "cancelled"},
	domain.TopicControl:    {"held", "lost"},
}

// conflict decides whether a and b cannot both be true, and why: the
// README's rules 1, 2, 4 and 6 to 9.
func (o Options) conflict(a, b *statement) (string, bool) {
	if a.topic == domain.TopicCasualties || b.topic == domain.TopicCasualties {
		return o.countConflict(a, b)
	}
	if family(a.topic) != family(b.topic) {
		return "", false
	}
	switch family(a.topic) {
	case domain.TopicCeasefire:
		return o.ceasefireConflict(a, b)
	case domain.TopicResponsibility:
		if days(a.date, b.date) > o.IncidentWindow {
			return "", false
		}
		deny := func(x, y *statement) bool {
			return x.polarity == "denied" && (y.polarity == "accused" || y.polarity == "claimed") && shareActor(x.actors, y.actors)
		}
		if deny(a, b) || deny(b, a) {
			return "polarity", true
		}
		if a.polarity == "accused" && b.polarity == "accused" && a.date == b.date && mutualBlame(a, b) {
			return "actors", true
		}
		return "", false
	}
	// A crossing closed on Friday and open on Saturday is a change of
	// state: reports of aid and crossings cover their own day; the
	// others the window.
	switch a.topic {
	case domain.TopicAidAccess, domain.TopicCorridor:
		if a.date != b.date {
			return "", false
		}
		// Fuel kept out says nothing of food let in.
		if (len(a.goods) > 0 || len(b.goods) > 0) && !slices.ContainsFunc(a.goods, func(g string) bool { return slices.Contains(b.goods, g) }) {
			return "", false
		}
	default:
		if days(a.date, b.date) > o.Window {
			return "", false
		}
	}
	p, ok := opposites[a.topic]
	if !ok {
		return "", false
	}
	if a.polarity == p[0] && b.polarity == p[1] || a.polarity == p[1] && b.polarity == p[0] {
		if a.topic == domain.TopicControl && len(a.actors) > 0 && len(b.actors) > 0 && !shareActor(a.actors, b.actors) {
			return "", false // one side lost it, another holds it
		}
		return "polarity", true
	}
	if a.topic == domain.TopicControl && a.polarity == "held" && b.polarity == "held" &&
		len(a.actors) > 0 && len(b.actors) > 0 && !shareActor(a.actors, b.actors) {
		return "actors", true
	}
	return "", false
}

// countConflict compares two tolls of one incident: the same kind of
// dead, counted by two speakers (a speaker revising its own toll is an
// update), further apart than the tolerance.
func (o Options) countConflict(a, b *statement) (string, bool) {
	if a.topic != b.topic || a.count == nil || b.count == nil || a.kind != b.kind {
		return "", false
	}
	if a.party != "" && a.party == b.party {
		return "", false
	}
	if a.class != "" && b.class != "" && a.class != b.class {
		return "", false
	}
	if a.side != "" && b.side != "" && !sameParty(a.side, b.side) {
		return "", false
	}
	if days(a.date, b.date) > o.IncidentWindow {
		return "", false
	}
	// A toll its speaker has since revised is compared only with what was
	// said before the revision.
	if !a.superseded.IsZero() && !b.said.Before(a.superseded) || !b.superseded.IsZero() && !a.said.Before(b.superseded) {
		return "", false
	}
	lo, hi := min(*a.count, *b.count), max(*a.count, *b.count)
	if hi-lo >= o.MinCountGap && (lo == 0 || float64(hi)/float64(lo) > o.CountRatio) {
		return "count", true
	}
	return "", false
}

// ceasefireConflict applies rules 2 and 4: a truce in force (or fighting
// stopped) against fighting on a day of its period, a violation reported
// in its window, or a collapse reported by its day; and mutual blame for
// a breach.
func (o Options) ceasefireConflict(a, b *statement) (string, bool) {
	if a.broken() && b.broken() {
		// Mutual blame is about one breach: the same day.
		if a.topic == domain.TopicCeasefire && b.topic == domain.TopicCeasefire && a.date == b.date && mutualBlame(a, b) {
			return "actors", true
		}
		return "", false
	}
	calm, other := a, b
	if !calm.calm() {
		calm, other = b, a
	}
	if !calm.calm() || !other.broken() {
		return "", false
	}
	d := other.date
	if d.Before(calm.per.start) || other.preTruce {
		return "", false
	}
	switch {
	case other.topic == domain.TopicFighting:
		// Fighting covers its own day: it must fall in the truce.
		if !d.Before(calm.per.end) {
			return "", false
		}
	case other.polarity == "violated":
		// A breach is reported in the truce's window, up to the day its
		// stated period ends.
		if days(d, calm.date) > o.Window || calm.per.stated && d.After(calm.per.end) {
			return "", false
		}
	case other.polarity == "collapsed":
		// A collapse after the claim is a change of state.
		if d.After(calm.date) || days(d, calm.date) > o.Window {
			return "", false
		}
	}
	return "polarity", true
}

// beforeTruce reports whether a sentence puts what it tells before a
// truce: "before the truce began", "before the ceasefire took effect".
func beforeTruce(sentence string) bool {
	low := strings.ToLower(sentence)
	for _, w := range []string{"truce", "ceasefire", "cease-fire"} {
		if strings.Contains(low, "before the "+w) || strings.Contains(low, "before a "+w) {
			return true
		}
	}
	return false
}

// mutualBlame reports rule 9's "actors" case: both say the same thing
// happened, and each side names the other as responsible.
func mutualBlame(a, b *statement) bool {
	if a.party == "" || b.party == "" || sameParty(a.party, b.party) || len(a.actors) == 0 || len(b.actors) == 0 {
		return false
	}
	if shareActor(a.actors, b.actors) || shareActor(a.actors, []string{a.party}) || shareActor(b.actors, []string{b.party}) {
		return false
	}
	return shareActor([]string{a.party}, b.actors) || shareActor([]string{b.party}, a.actors)
}

// shareActor reports whether two lists name one party: the same code, a
// code and its extension (RUS, RUSMIL), or two organs of one state.
func shareActor(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == "" || y == "" {
				continue
			}
			if x == y || sameParty(x, y) || len(x) >= 6 && strings.HasPrefix(y, x) || len(y) >= 6 && strings.HasPrefix(x, y) ||
				len(x) == 3 && strings.HasPrefix(y, x) || len(y) == 3 && strings.HasPrefix(x, y) {
				return true
			}
		}
	}
	return false
}

// sameParty reports whether two actor codes are one party to a conflict:
// the same code, or one country's state organs (AZE, AZEGOV, AZEMIL); a
// named group is its own party.
func sameParty(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	if a == b {
		return true
	}
	ca, cb := country(a), country(b)
	if ca == "" || ca != cb || ca == domain.UnknownCountry {
		return false
	}
	return sectorParty(a) == sectorParty(b)
}

func days(a, b domain.Date) int {
	if a.IsZero() || b.IsZero() {
		return 0
	}
	d := dayNumber(b) - dayNumber(a)
	if d < 0 {
		return -d
	}
	return d
}

// dayNumber counts the days from 1 March of year 0 to d: day arithmetic
// without the cost of building a time.Time.
func dayNumber(d domain.Date) int {
	y, m := d.Year, int(d.Month)
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d.Day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe
}

// comparable reports whether a and b are about the same place, and not
// one statement twice.
func (o Options) comparable(a, b *statement) bool {
	if a.id == b.id {
		return false
	}
	if a.event && b.event {
		return false // two acts do not contradict; the ledger weighs them
	}
	// One speaker's words in one sentence are one statement.
	if a.article == b.article && a.sentence == b.sentence && (a.speaker == b.speaker || a.event || b.event) {
		return false
	}
	// An event the text does not date, in the article of the claim, is
	// background ("the offensive has caused…"), not a report of the day.
	if (a.event && !a.explicitDate && a.article == b.article) || (b.event && !b.explicitDate && a.article == b.article) {
		return false
	}
	if a.date.IsZero() || b.date.IsZero() {
		if a.article != b.article {
			return false
		}
	}
	if a.place == nil || b.place == nil {
		return a.place == nil && b.place == nil && a.article == b.article
	}
	if a.topic == domain.TopicCasualties {
		// Tolls are of one incident: the same spot, not an area holding
		// it (a region's dead and one town's are not one count).
		return sameSpot(a.place, b.place)
	}
	return samePlace(a.place, b.place)
}

// Contradictions finds the claims, and claims and asserted events, that
// cannot both be true (the rules of testdata/corpus/README.md): same
// topic (or a ceasefire against fighting), places that are the same or
// contain one another, and times that meet: a ceasefire claim covers its
// stated period, else Window days; fighting, aid and crossings their own
// day; casualty and responsibility claims their incident, compared over
// IncidentWindow days at the same place. Statements are blocked by topic
// family and country, then by place (towns by a grid cell, areas against
// their country), and compared within the time reach only, so the cost
// grows with the records, not their pairs.
func Contradictions(claims []domain.Claim, events []domain.Event, opt Options) []domain.Contradiction {
	opt = opt.withDefaults()
	// An event whose sentence gave a claim of its family is that claim.
	covered := map[string]bool{}
	for i := range claims {
		covered[sentenceKey(claims[i].ArticleID, claims[i].SentenceIndex, family(claims[i].Topic))] = true
	}
	all := make([]statement, 0, len(claims)+len(events))
	for i := range claims {
		all = append(all, fromClaim(&claims[i]))
	}
	for i := range events {
		if s, ok := fromEvent(&events[i]); ok && !covered[sentenceKey(s.article, s.sentence, family(s.topic))] {
			all = append(all, s)
		}
	}
	for i := range all {
		all[i].day = dayNumber(all[i].date)
	}
	all, echoes := collapseEchoes(all)
	opt.periods(all)
	supersede(all)
	blocks := map[string][]int{}
	for i := range all {
		k := family(all[i].topic) + "|" + countryOf(all[i].place)
		blocks[k] = append(blocks[k], i)
	}
	keys := make([]string, 0, len(blocks))
	for k := range blocks {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	type found struct {
		i, j   int
		reason string
	}
	var pairs []found
	check := func(i, j int) {
		a, b := &all[i], &all[j]
		if !opt.comparable(a, b) {
			return
		}
		if reason, ok := opt.conflict(a, b); ok {
			pairs = append(pairs, found{i, j, reason})
		}
	}
	for _, k := range keys {
		opt.compareBlock(all, blocks[k], check)
	}
	// One disagreement per claim and report: where one article gives
	// several statements at one place against the same claim (residents,
	// witnesses and both parties all report the fighting of one night),
	// the first in the article is the contradiction and the rest
	// corroborate it.
	for n := range pairs {
		if all[pairs[n].i].after(&all[pairs[n].j]) {
			pairs[n].i, pairs[n].j = pairs[n].j, pairs[n].i
		}
	}
	slices.SortFunc(pairs, func(x, y found) int {
		a, b := &all[x.j], &all[y.j]
		return cmp.Or(a.said.Compare(b.said), strings.Compare(a.article, b.article), cmp.Compare(a.sentence, b.sentence),
			cmp.Compare(all[x.i].sentence, all[y.i].sentence), strings.Compare(a.id, b.id), strings.Compare(all[x.i].id, all[y.i].id))
	})
	first := map[string]int{}
	more := map[int]int{}
	var kept []found
	for _, p := range pairs {
		calm, other := &all[p.i], &all[p.j]
		if !calm.calm() {
			calm, other = other, calm
		}
		if !calm.calm() || !other.broken() {
			kept = append(kept, p)
			continue
		}
		k := calm.id + "|" + other.article + "|" + placeKey(other.place)
		if n, ok := first[k]; ok {
			more[n]++
			continue
		}
		first[k] = len(kept)
		kept = append(kept, p)
	}
	// A claim contradicted by many others (a truce claim against every
	// report of a month of fighting) keeps its first MaxPerClaim
	// contradictions; the rest are counted on them, not listed.
	perClaim := map[string]int{}
	over := map[string]int{}
	var listed []int
	for n, p := range kept {
		a, b := all[p.i].id, all[p.j].id
		if perClaim[a] >= opt.MaxPerClaim || perClaim[b] >= opt.MaxPerClaim {
			if perClaim[a] >= opt.MaxPerClaim {
				over[a]++
			} else {
				over[b]++
			}
			continue
		}
		perClaim[a]++
		perClaim[b]++
		listed = append(listed, n)
	}
	out := make([]domain.Contradiction, 0, len(listed))
	for _, n := range listed {
		p := kept[n]
		c := contradiction(&all[p.i], &all[p.j], p.reason)
		if more[n] > 0 {
			c.Explanation += fmt.Sprintf(" (and %d more statements of that article)", more[n])
		}
		for _, x := range []int{p.i, p.j} {
			if n := echoes[x]; n > 0 {
				c.Explanation += fmt.Sprintf(" (%d more reports repeat %s)", n, all[x].id)
			}
		}
		for _, id := range []string{all[p.i].id, all[p.j].id} {
			if over[id] > 0 {
				c.Explanation += fmt.Sprintf(" (%d more statements contradict %s, not listed)", over[id], id)
			}
		}
		out = append(out, c)
	}
	slices.SortFunc(out, func(x, y domain.Contradiction) int { return strings.Compare(x.ID, y.ID) })
	return out
}

// collapseEchoes sets apart the echoes: a statement that says what an
// earlier one says (same topic, polarity, place, day, numbers, speaker,
// verb and actors, made the same day) in another sentence or article — a
// wire paragraph reprinted in articles that are not near-duplicates of
// each other, a claim quoted again. It returns the first report of each,
// in input order, which alone are compared, and how many others repeat
// each, which the contradictions it takes part in mention. Without this a
// day of reprints compared every copy with every other, and the pairs grew
// with their square. (What the periods and revisions of tolls add to a
// statement depends only on what it says, so echoes would get the same.)
func collapseEchoes(all []statement) (first []statement, echoes []int) {
	keys := make([]string, len(all))
	at := map[string]int{}
	for i := range all {
		keys[i] = all[i].echoKey()
		r, ok := at[keys[i]]
		if !ok || all[r].after(&all[i]) {
			at[keys[i]] = i
		}
	}
	first = make([]statement, 0, len(at))
	pos := make(map[string]int, len(at))
	for i := range all {
		if at[keys[i]] == i {
			pos[keys[i]] = len(first)
			first = append(first, all[i])
		}
	}
	echoes = make([]int, len(first))
	for i := range all {
		if at[keys[i]] != i {
			echoes[pos[keys[i]]]++
		}
	}
	return first, echoes
}

// echoKey is what two statements that say the same share: all but where
// they were said.
func (s *statement) echoKey() string {
	count := "-"
	if s.count != nil {
		count = fmt.Sprint(*s.count)
	}
	return strings.Join([]string{fmt.Sprint(s.event), s.topic, s.polarity, placeKey(s.place),
		s.date.String(), fmt.Sprint(s.explicitDate), s.per.start.String(), s.per.end.String(),
		fmt.Sprint(s.per.stated), count, s.kind, s.class, s.side, s.speaker, s.party,
		strings.Join(s.actors, ","), s.verb, s.said.String(), strings.Join(s.goods, ",")}, "|")
}

// after reports whether s was made after t: a later day, or later in
// the same article.
func (s *statement) after(t *statement) bool {
	if s.said != t.said {
		return s.said.After(t.said)
	}
	if s.article != t.article {
		return s.article > t.article
	}
	return s.sentence > t.sentence
}

func placeKey(p *domain.Place) string {
	if p == nil {
		return ""
	}
	if nameOnly(p) {
		return "n" + strings.ToLower(p.Name)
	}
	return p.Key()
}

func sentenceKey(article string, sentence int, fam string) string {
	return fmt.Sprintf("%s|%d|%s", article, sentence, fam)
}

// periods sets the period each calm ceasefire statement covers: from the
// day it is about (or, for a truce it speaks of as already running, "its
// troops were observing the ceasefire", the start of the truce claimed
// there before) to its stated end, else Window days on.
func (o Options) periods(all []statement) {
	// Calm statements by country, in date order: a truce is inherited
	// only within its country.
	byCountry := map[string][]int{}
	for i := range all {
		if all[i].calm() {
			k := countryOf(all[i].place)
			byCountry[k] = append(byCountry[k], i)
		}
	}
	for _, calm := range byCountry {
		byDate(all, calm)
		for n, i := range calm {
			s := &all[i]
			if s.per.stated {
				continue
			}
			s.per = period{start: s.date, end: s.date.AddDays(o.Window + 1)}
			if s.explicitDate || s.topic != domain.TopicCeasefire {
				continue
			}
			for m := n - 1; m >= 0; m-- {
				e := &all[calm[m]]
				if days(e.date, s.date) > o.Window {
					break
				}
				if e.topic == domain.TopicCeasefire && e.per.start.Before(s.per.start) && e.place != nil && s.place != nil && samePlace(e.place, s.place) {
					s.per.start = e.per.start
					if e.per.stated {
						s.per.end, s.per.stated = e.per.end, true
					}
				}
			}
		}
	}
}

// supersede marks the tolls their speakers revised: a later toll by the
// same speaker, of the same dead at the same spot, replaces an earlier
// one from the day it was given.
func supersede(all []statement) {
	groups := map[string][]int{}
	for i := range all {
		a := &all[i]
		if a.topic == domain.TopicCasualties && a.party != "" && a.count != nil && a.place != nil {
			k := a.party + "|" + a.kind + "|" + placeKey(a.place)
			groups[k] = append(groups[k], i)
		}
	}
	for _, g := range groups {
		slices.SortFunc(g, func(x, y int) int { return cmp.Or(all[x].said.Compare(all[y].said), cmp.Compare(x, y)) })
		for n, i := range g {
			a := &all[i]
			for _, j := range g[n+1:] {
				b := &all[j]
				if !b.said.After(a.said) || a.class != "" && b.class != "" && a.class != b.class {
					continue
				}
				a.superseded = b.said
				break
			}
		}
	}
}

// goodsOf returns the kinds of aid words name.
func goodsOf(prop string) []string {
	var out []string
	for _, w := range words(prop) {
		g := ""
		switch w {
		case "fuel", "diesel", "petrol", "gas":
			g = "fuel"
		case "food", "flour", "wheat", "grain":
			g = "food"
		case "water":
			g = "water"
		case "medicine", "medicines", "medical", "drugs":
			g = "medicine"
		}
		if g != "" && !slices.Contains(out, g) {
			out = append(out, g)
		}
	}
	return out
}

// byDate sorts statement indices by day, then by index, so that the order
// does not depend on the sort.
func byDate(all []statement, idx []int) {
	slices.SortFunc(idx, func(x, y int) int {
		return cmp.Or(cmp.Compare(all[x].day, all[y].day), cmp.Compare(x, y))
	})
}

// reach is how many days after a statement's day another may be and
// still be compared with it.
func (o Options) reach(s *statement) int {
	switch family(s.topic) {
	case domain.TopicCasualties, domain.TopicResponsibility:
		return o.IncidentWindow
	case domain.TopicCeasefire:
		r := 2*o.Window + 1
		if s.calm() && !s.per.end.IsZero() {
			r = max(r, s.date.DaysUntil(s.per.end)+o.Window)
		}
		return r
	}
	return o.Window
}

// compareBlock compares the statements of one topic family and country.
// Towns are compared with towns in their grid cell and the cells around
// it (a town lies within a cell's width of the towns it may be); places
// known only by name with the same name; statements without a place
// within their article; a region with the towns within its reach or in
// the first-level division it names, and with the other areas; a
// country with everything. Each is compared only with those within the
// block's reach in time.
func (o Options) compareBlock(all []statement, idx []int, check func(i, j int)) {
	byDate(all, idx)
	maxReach := 0
	for _, i := range idx {
		maxReach = max(maxReach, o.reach(&all[i]))
	}
	// span returns the statements of the date-sorted xs within reach of
	// statement i.
	span := func(xs []int, i int) []int {
		d := all[i].day
		lo, _ := slices.BinarySearchFunc(xs, d-maxReach, func(x, t int) int { return cmp.Compare(all[x].day, t) })
		hi, _ := slices.BinarySearchFunc(xs, d+maxReach+1, func(x, t int) int { return cmp.Compare(all[x].day, t) })
		return xs[lo:hi]
	}
	towns := map[[2]int][]int{}
	named := map[string][]int{}
	byAdmin1 := map[string][]int{}
	var areas []int
	for _, i := range idx {
		p := all[i].place
		switch {
		case p == nil:
			named["a|"+all[i].article] = append(named["a|"+all[i].article], i)
		case nameOnly(p):
			named["n|"+strings.ToLower(p.Name)] = append(named["n|"+strings.ToLower(p.Name)], i)
		case p.Precision == domain.PrecisionCity:
			c := cell(p.Lat, p.Lon)
			towns[c] = append(towns[c], i)
			if p.Admin1 != "" {
				byAdmin1[strings.ToLower(string(p.Admin1))] = append(byAdmin1[strings.ToLower(string(p.Admin1))], i)
			}
		default:
			areas = append(areas, i)
		}
	}
	// within compares the statement at position n of the date-sorted xs
	// with those after it in reach.
	within := func(xs []int, n int) {
		for _, j := range xs[n+1:] {
			if all[j].day-all[xs[n]].day > maxReach {
				break
			}
			check(xs[n], j)
		}
	}
	for _, xs := range named {
		for n := range xs {
			within(xs, n)
		}
	}
	for c, xs := range towns {
		for n := range xs {
			within(xs, n)
		}
		// Each pair of neighbouring cells once.
		for _, d := range [][2]int{{0, 1}, {1, -1}, {1, 0}, {1, 1}} {
			ys := towns[[2]int{c[0] + d[0], c[1] + d[1]}]
			for _, i := range xs {
				for _, j := range span(ys, i) {
					check(i, j)
				}
			}
		}
	}
	for n, i := range areas {
		within(areas, n)
		p := all[i].place
		if p.Precision == domain.PrecisionCountry {
			// A country holds every town of the block.
			for _, xs := range towns {
				for _, j := range span(xs, i) {
					check(i, j)
				}
			}
			continue
		}
		// A region: the towns within its reach, and those of the
		// division it names.
		seen := map[int]bool{}
		r := max(radiusKm[p.Precision], radiusKm[domain.PrecisionCity])
		c := cell(p.Lat, p.Lon)
		dlat := int(math.Ceil(r/cellKm)) + 1
		dlon := int(math.Ceil(r/(cellKm*max(0.1, math.Cos(p.Lat*math.Pi/180))))) + 1
		for a := c[0] - dlat; a <= c[0]+dlat; a++ {
			for b := c[1] - dlon; b <= c[1]+dlon; b++ {
				for _, j := range span(towns[[2]int{a, b}], i) {
					seen[j] = true
					check(i, j)
				}
			}
		}
		for _, j := range span(byAdmin1[strings.ToLower(p.Name)], i) {
			if !seen[j] {
				check(i, j)
			}
		}
	}
}

// cellKm is the side of a grid cell, 0.2 degrees of latitude: more than
// a town's reach.
const cellKm = 0.2 * 111.2

func cell(lat, lon float64) [2]int {
	return [2]int{int(math.Floor(lat / 0.2)), int(math.Floor(lon / 0.2))}
}

func contradiction(a, b *statement, reason string) domain.Contradiction {
	// Order the pair so the id does not depend on input order.
	if a.id > b.id {
		a, b = b, a
	}
	sum := sha256.Sum256([]byte(a.id + "|" + b.id))
	c := domain.Contradiction{
		ID:       "x" + hex.EncodeToString(sum[:8]),
		Topic:    family(a.topic),
		Claims:   []string{a.id, b.id},
		Articles: []string{a.article},
		Reason:   reason,
		Date:     a.date,
	}
	if b.date.After(a.date) {
		c.Date = b.date
	}
	if b.article != a.article {
		c.Articles = append(c.Articles, b.article)
	}
	c.Place = finer(a.place, b.place)
	c.Explanation = fmt.Sprintf("%s vs %s", describe(a), describe(b))
	return c
}

// finer returns the more precise of two places.
func finer(a, b *domain.Place) *domain.Place {
	rank := map[string]int{domain.PrecisionCity: 0, domain.PrecisionAdmin1: 1, domain.PrecisionRegion: 2, domain.PrecisionCountry: 3, "": 4}
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	case rank[b.Precision] < rank[a.Precision]:
		return b
	}
	return a
}

func describe(s *statement) string {
	what := s.topic + " " + strings.ReplaceAll(s.polarity, "_", " ")
	if s.topic == domain.TopicCasualties && s.count != nil {
		what = fmt.Sprintf("%d %s", *s.count, cmp.Or(strings.TrimSpace(s.kind+" "+s.class), "killed"))
	}
	if len(s.actors) > 0 && s.topic != domain.TopicCasualties {
		what += " (" + strings.Join(s.actors, ", ") + ")"
	}
	if s.place != nil {
		what += " in " + s.place.Name
	}
	what += " on " + s.date.String()
	switch {
	case s.event:
		return what + ", reported as fact"
	case s.speaker != "":
		return fmt.Sprintf("%s, %s %s", what, s.speaker, s.verb)
	}
	return what
}
