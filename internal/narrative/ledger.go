package narrative

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/truce/truce/internal/domain"
)

// Ledger judges each commitment against the records that came after it
// (the rules of testdata/corpus/README.md) and returns the commitments
// with their status and evidence trail:
//
//   - fulfilled: a later record shows the thing done: the actor's own act
//     (asserted or reported, or its own statement of it), or for a promise
//     to let something happen (allow aid in, open a crossing) the thing
//     happening; a promise kept late is fulfilled;
//   - violated: a later record shows an act that defeats it: fighting by
//     the party during its ceasefire (its own admission, a report by
//     someone who is not a party naming it, or fighting between the
//     parties reported by neutral witnesses), its convoy stopped, an
//     advance instead of the promised withdrawal, an attack it promised
//     not to make;
//   - overdue: its deadline passed before opt.AsOf with neither; a report
//     that it has not happened, or that a road remained closed, is absence
//     of fulfilment, not an act against it;
//   - conditional: it holds only if a condition is met; once the actor
//     acts on it, it is fulfilled;
//   - pending: otherwise.
//
// An accusation by the adversary is not evidence: another party to the
// conflict saying the actor broke its word settles nothing (the dispute
// shows up as a contradiction instead), though its word that the actor
// kept it counts. A violation outweighs a fulfilment; the trail keeps
// every record that counted, oldest first. Records from the commitment's
// own article do not count: a text does not keep or break its own promise.
func Ledger(commitments []domain.Commitment, events []domain.Event, claims []domain.Claim, opt Options) []domain.Commitment {
	opt = opt.withDefaults()
	asOf := opt.AsOf
	if asOf.IsZero() {
		for i := range events {
			if events[i].Date.After(asOf) {
				asOf = events[i].Date
			}
		}
		for i := range claims {
			if claims[i].Date.After(asOf) {
				asOf = claims[i].Date
			}
		}
		for i := range commitments {
			if commitments[i].Date.After(asOf) {
				asOf = commitments[i].Date
			}
		}
	}
	facts := make([]fact, 0, len(events)+len(claims))
	// The events of one sentence share its words.
	sentenceWords := map[string][]string{}
	for i := range events {
		if f, ok := eventFact(&events[i], sentenceWords); ok {
			facts = append(facts, f)
		}
	}
	for i := range claims {
		if f, ok := claimFact(&claims[i]); ok {
			facts = append(facts, f)
		}
	}
	// The parties to one deal ("Israel and Hamas agreed …") are each
	// other's adversaries, wherever they are from.
	deal := map[string][]string{}
	for i := range commitments {
		c := &commitments[i]
		k := fmt.Sprintf("%s|%d", c.ArticleID, c.SentenceIndex)
		deal[k] = append(deal[k], string(c.Actor.Code))
	}
	// Facts are blocked by the countries they involve and kept in date
	// order, so that a commitment is judged against the facts of its own
	// parties and places from its day on, not against every record.
	slices.SortStableFunc(facts, func(a, b fact) int { return a.date.Compare(b.date) })
	byCountry := map[string][]int{}
	for k := range facts {
		kind := facts[k].kind
		if kind == factOther && (!facts[k].doing || facts[k].absent) {
			// Only words of doing, and none of absence, let an act of
			// no kind settle a promise (thingDone): the rest are
			// filed where no promise looks.
			kind = "other, idle"
		}
		for _, cc := range factCountries(&facts[k]) {
			key := cc + "|" + kind
			byCountry[key] = append(byCountry[key], k)
		}
	}
	out := make([]domain.Commitment, len(commitments))
	// Each commitment's candidates are listed in these, used again.
	var candBuf, breakBuf []int
	var merge merger
	for i := range commitments {
		c := commitments[i]
		c.Evidence = nil
		j := newJudge(&c)
		parties := deal[fmt.Sprintf("%s|%d", c.ArticleID, c.SentenceIndex)]
		for _, o := range parties {
			if !sameActor(&c, o) {
				j.others = append(j.others, o)
			}
		}
		// The first MaxEvidence records of each status, in date order,
		// are its trail; a promise broken again and again (a truce against
		// every report of a month of fighting) stops there, as its status
		// cannot change.
		// Once the trail of fulfilments is full, only the facts that can
		// break it are read on.
		listed := map[string]int{}
		unlisted := map[string]bool{}
		cands := candidates(candBuf[:0], &merge, byCountry, facts, j, parties, kindsFor(j))
		candBuf = cands
		narrowed := false
		for n := 0; n < len(cands); n++ {
			k := cands[n]
			ev, ok := j.judge(&facts[k])
			if !ok {
				continue
			}
			if listed[ev.Status] == opt.MaxEvidence {
				unlisted[ev.Status] = true
				if ev.Status == domain.StatusViolated {
					break
				}
				if !narrowed {
					narrowed = true
					rest := candidates(breakBuf[:0], &merge, byCountry, facts, j, parties, breakingKinds(j))
					breakBuf = rest
					from, _ := slices.BinarySearch(rest, k+1)
					cands, n = rest[from:], -1
				}
				continue
			}
			listed[ev.Status]++
			c.Evidence = append(c.Evidence, ev)
		}
		slices.SortStableFunc(c.Evidence, func(a, b domain.Evidence) int {
			if n := a.Date.Compare(b.Date); n != 0 {
				return n
			}
			return strings.Compare(a.Record, b.Record)
		})
		for st := range unlisted {
			// Note it on the last listed record of that status.
			for n := len(c.Evidence) - 1; n >= 0; n-- {
				if c.Evidence[n].Status == st {
					c.Evidence[n].Note += " (later records to the same effect not listed)"
					break
				}
			}
		}
		c.Status = status(&c, asOf)
		out[i] = c
	}
	return out
}

// status is the commitment's status from its trail: a violation outweighs
// a fulfilment; with neither, a passed deadline makes it overdue.
func status(c *domain.Commitment, asOf domain.Date) string {
	has := func(s string) bool {
		return slices.ContainsFunc(c.Evidence, func(e domain.Evidence) bool { return e.Status == s })
	}
	switch {
	case has(domain.StatusViolated):
		return domain.StatusViolated
	case has(domain.StatusFulfilled):
		return domain.StatusFulfilled
	case !c.Due.IsZero() && !asOf.IsZero() && c.Due.Before(asOf):
		return domain.StatusOverdue
	case c.Condition != "":
		return domain.StatusConditional
	}
	return domain.StatusPending
}

// fact is a record read as evidence: what it shows happened, who did it,
// who says so, where and when.
type fact struct {
	id, article string
	date        domain.Date
	kind        string   // see the fact kinds below
	actors      []string // who did it
	speaker     string   // who says so: a code, "" for the text itself or an unnamed source
	place       *domain.Place
	count       *int // how many were released
	complete    bool // "the last of the 50", "completed"
	goods       []string
	evacuation  bool
	words       []string // the record's words, for promises of other kinds
	// doing and absent say whether words has a word of doing and a word
	// of absence (doneWords, absenceWords): read once, as every promise
	// of another kind asks.
	doing, absent bool
	pkey          string // placeKey(place)
	pname         string // the place's name in lower case
	negated       bool
	claim         bool // read from a claim, not an event
}

// Fact kinds.
const (
	factFight        = "fight"
	factCeasefire    = "ceasefire" // a truce agreed or in force
	factAidDelivered = "aid delivered"
	factAidBlocked   = "aid blocked"
	factOpen         = "open" // a crossing or road opened, an evacuation done
	factWithdrawal   = "withdrawal"
	factAdvance      = "advance" // a place seized
	factRelease      = "release"
	factDisarm       = "disarm"
	factTalks        = "talks"
	factRights       = "rights"
	factOther        = "other" // an act of no kind above, read by its words
)

func codes(as []domain.Actor) []string {
	var out []string
	for _, a := range as {
		if a.Code != "" {
			out = append(out, string(a.Code))
		}
	}
	return out
}

// eventFact reads an asserted or reported event as a fact. An event
// reported by a speaker keeps the speaker, so that an adversary's report
// does not count.
// The words of its sentence are read once for all its events, kept in
// sentenceWords; they are shared and must not be changed.
func eventFact(e *domain.Event, sentenceWords map[string][]string) (fact, bool) {
	if e.Modality != domain.ModalityAsserted && e.Modality != domain.ModalityReported && e.Modality != domain.ModalityIntended {
		return fact{}, false
	}
	ws, ok := sentenceWords[e.Sentence]
	if !ok {
		ws = words(e.Sentence)
		sentenceWords[e.Sentence] = ws
	}
	f := fact{id: e.ID, article: e.ArticleID, date: e.Date, actors: codes(e.Source), place: e.Place, words: ws}
	f.readWords()
	f.pkey, f.pname = placeKey(f.place), placeName(f.place)
	if e.AttributedTo != nil {
		f.speaker = string(e.AttributedTo.Code)
	}
	if e.Modality == domain.ModalityIntended {
		// A plan settles nothing, but its sentence may tell of an act
		// ("took off …, after the government agreed").
		f.kind = factOther
		return f, true
	}
	code := e.CAMEO
	switch {
	case strings.HasPrefix(code, "18"), strings.HasPrefix(code, "19"), strings.HasPrefix(code, "20"):
		f.kind = factFight
		if strings.HasPrefix(code, "192") {
			f.kind = factAdvance // occupy territory
		}
	case strings.HasPrefix(code, "0871"):
		f.kind = factCeasefire
	case strings.HasPrefix(code, "0873"):
		f.kind = factDisarm
	case strings.HasPrefix(code, "0874"):
		f.kind = factWithdrawal
	case strings.HasPrefix(code, "084"):
		f.kind = factRelease
		// The number released, inside the trigger ("released 90
		// Palestinian prisoners") or just after it ("freed … hostages, the
		// last 12").
		after := e.Sentence
		if off := e.TriggerSpan.Start - e.Span.Start; off >= 0 && off <= len(after) {
			after = after[off:]
		}
		f.count, f.complete = releaseCount(after)
	case strings.HasPrefix(code, "0833"):
		f.kind = factRights
	case strings.HasPrefix(code, "07"):
		// "aid trucks waited at the closed crossing" is not a delivery.
		f.kind = factAidDelivered
		if slices.ContainsFunc(f.words, func(w string) bool { return absenceWords[w] || w == "waited" || w == "waiting" || w == "closed" }) {
			f.kind = factOther
		}
		f.goods = goodsOf(e.Sentence)
	case strings.HasPrefix(code, "04"):
		f.kind = factTalks
	default:
		f.kind = factOther
	}
	return f, true
}

// claimFact reads a claim as a fact, with its speaker.
func claimFact(c *domain.Claim) (fact, bool) {
	f := fact{id: c.ID, article: c.ArticleID, date: c.Date, actors: codes(c.Actors), speaker: string(c.Speaker.Code),
		place: c.Place, words: words(c.Proposition), claim: true}
	f.readWords()
	f.pkey, f.pname = placeKey(f.place), placeName(f.place)
	switch {
	case c.Topic == domain.TopicFighting && c.Polarity == "ongoing",
		c.Topic == domain.TopicCeasefire && c.Polarity == "violated":
		f.kind = factFight
		f.date = c.About
	case c.Topic == domain.TopicCeasefire && c.Polarity == "in_force":
		f.kind = factCeasefire
	case c.Topic == domain.TopicAidAccess && c.Polarity == "delivered":
		f.kind = factAidDelivered
		f.goods = goodsOf(c.Proposition)
	case c.Topic == domain.TopicAidAccess && c.Polarity == "blocked":
		f.kind = factAidBlocked
		f.goods = goodsOf(c.Proposition)
		// Whose aid was stopped: the actors the words name besides the
		// one who stopped it ("RSF fighters blocked the WFP convoy").
		for _, w := range words(c.Proposition) {
			f.words = append(f.words, w)
		}
	case c.Topic == domain.TopicCorridor && c.Polarity == "open":
		f.kind = factOpen
		f.evacuation = slices.ContainsFunc(f.words, func(w string) bool { return strings.HasPrefix(w, "evacu") })
	case c.Topic == domain.TopicWithdrawal:
		f.kind = factWithdrawal
		f.negated = c.Polarity == "not_done"
	case c.Topic == domain.TopicControl && c.Polarity == "held":
		f.kind = factAdvance
	case c.Topic == domain.TopicTalks && c.Polarity == "held":
		f.kind = factTalks
	default:
		return fact{}, false
	}
	return f, true
}

// partialWords in a withdrawal's sentence say it was not whole.
var partialWords = map[string]bool{"remained": true, "remain": true, "remains": true, "kept": true, "keeps": true,
	"stayed": true, "partial": true, "partially": true}

// approxWords before a promised number make it a round one: a release
// within a tenth of it keeps the promise.
var approxWords = map[string]bool{"about": true, "around": true, "roughly": true, "approximately": true, "some": true, "nearly": true, "almost": true}

// releaseCount reads how many a release set free, from the words after
// its trigger ("released 39 Palestinian women"), and whether it completed
// what was due ("the last of the 50 hostages").
func releaseCount(after string) (*int, bool) {
	ws := words(joinThousands(after))
	for j := 0; j < len(ws) && j <= 4; j++ {
		if ws[j] == "last" || ws[j] == "all" || ws[j] == "remaining" {
			return nil, true
		}
		if n, ok := countAt(ws[j]); ok && ws[j] != "a" && ws[j] != "an" && ws[j] != "another" {
			return &n, false
		}
	}
	return nil, false
}

// joinThousands drops the commas that group a number's digits ("1,000"
// is one word, not 1 and 000).
func joinThousands(s string) string {
	if !strings.Contains(s, ",") {
		return s
	}
	b := []byte(s)
	out := b[:0]
	for i, c := range b {
		if c == ',' && i > 0 && i+3 < len(b) && isDigit(b[i-1]) && isDigit(b[i+1]) && isDigit(b[i+2]) && isDigit(b[i+3]) &&
			(i+4 == len(b) || !isDigit(b[i+4])) {
			continue
		}
		out = append(out, c)
	}
	return string(out)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// countAt reads a number of people or things: a number word, or digits
// (with no cap, unlike a number of days).
func countAt(w string) (int, bool) {
	if n, ok := numberWords[w]; ok {
		return n, true
	}
	if w == "" || w[0] < '0' || w[0] > '9' {
		return 0, false
	}
	n, err := strconv.Atoi(w)
	return n, err == nil && n > 0
}

// judge weighs the facts for one commitment.
type judge struct {
	c        *domain.Commitment
	actor    string
	start    domain.Date
	end      domain.Date // the ceasefire's stated end; zero when open
	enabling bool        // a promise to let something happen
	negative bool        // a promise not to do something
	count    int         // how many a release promises
	approx   bool        // and whether it says about how many ("about 2,000")
	goods    []string
	evac     bool
	keys     []string        // the nouns of a promise of another kind
	sentence []string        // the words of the commitment's sentence
	near     map[string]bool // placeKey → whether that place is the commitment's (here)
	named    []string        // the words of the actor's name in the text
	others   []string        // the other parties to the deal
	where    *domain.Place   // the place of the fact being judged
	told     string          // and who tells it
}

// enablingWords make a promise one to let something happen rather than
// to do it: whoever then does it keeps the promise.
var enablingWords = map[string]bool{"allow": true, "let": true, "open": true, "reopen": true, "permit": true,
	"guarantee": true, "unhindered": true, "access": true, "involvement": true, "prevent": true, "allowed": true}

func newJudge(c *domain.Commitment) *judge {
	j := &judge{c: c, actor: string(c.Actor.Code), start: c.Date, near: map[string]bool{}}
	ws := words(c.Action)
	for _, w := range ws {
		if enablingWords[w] {
			j.enabling = true
		}
		if strings.HasPrefix(w, "evacu") {
			j.evac = true
		}
	}
	if len(ws) > 0 && ws[0] == "not" {
		j.negative = true
	}
	all := words(c.Sentence)
	j.sentence = all
	if c.Actor.Text != "" {
		j.named = words(c.Actor.Text)
	}
	if slices.ContainsFunc(all, func(w string) bool { return strings.HasPrefix(w, "evacu") }) {
		j.evac = true
	}
	j.goods = goodsOf(c.Sentence)
	prev := ""
	for _, w := range words(joinThousands(c.Action)) {
		if n, ok := countAt(w); ok && w != "a" && w != "an" && w != "another" {
			j.count = n
			j.approx = approxWords[prev]
			break
		}
		prev = w
	}
	if c.Category == domain.CategoryCeasefire {
		j.start = startOf(c.Sentence, c.Date)
		if n, ok := statedDays(c.Action); ok {
			j.end = j.start.AddDays(n)
		} else if n, ok := statedDays(c.Sentence); ok {
			j.end = j.start.AddDays(n)
		}
	}
	for _, w := range ws {
		if len(w) > 3 && !stopWords[w] {
			j.keys = append(j.keys, strings.TrimSuffix(w, "s"))
		}
	}
	return j
}

// stopWords are not the object of a promise of another kind.
var stopWords = map[string]bool{"with": true, "from": true, "into": true, "their": true, "them": true, "this": true,
	"that": true, "week": true, "weeks": true, "days": true, "commercial": true, "between": true, "basic": true,
	"around": true, "besieged": true, "city": true, "region": true, "civilian": true, "traffic": true}

// doneWords say a thing of another kind was done: "flights resumed",
// "took off", "guided the ship", "services returning".
var doneWords = map[string]bool{"resumed": true, "restored": true, "returning": true, "returned": true,
	"reopened": true, "opened": true, "took": true, "flew": true, "guided": true, "dissolved": true, "completed": true,
	"began": true, "left": true, "landed": true, "carried": true, "held": true}

// absenceWords say it was not done: "remained closed", "postponed".
var absenceWords = map[string]bool{"not": true, "remained": true, "postponed": true, "without": true, "never": true,
	"still": true, "yet": true, "cancelled": true, "delayed": true}

// does reports whether codes name the committed actor's party. An agent
// of no known country ("the government released …") acting in the
// actor's country is the actor's, where the sectors agree.
func (j *judge) does(codes []string) bool {
	return slices.ContainsFunc(codes, func(x string) bool {
		if sameActor(j.c, x) {
			return true
		}
		return strings.HasPrefix(x, domain.UnknownCountry) && len(j.actor) > 3 && j.where != nil && j.told == "" &&
			string(j.where.Country) == country(j.actor) && sectorParty(x) == sectorParty(j.actor)
	})
}

// adversary reports whether a speaker is another party to the conflict:
// another party to the deal, or a state or group that is not the actor's,
// of the actor's country or of the country where the commitment applies.
func (j *judge) adversary(speaker string) bool {
	if speaker == "" || strings.HasPrefix(speaker, "IGO") || strings.HasPrefix(speaker, "NGO") || sameActor(j.c, speaker) ||
		strings.HasPrefix(j.actor, "IGO") || strings.HasPrefix(j.actor, "NGO") {
		return false
	}
	if shareActor(j.others, []string{speaker}) {
		return true
	}
	sc := country(speaker)
	if sc == domain.UnknownCountry {
		return false
	}
	if sc == country(j.actor) {
		return true
	}
	return j.c.Place != nil && string(j.c.Place.Country) == sc
}

// own reports whether the actor itself says so.
func (j *judge) own(speaker string) bool { return speaker != "" && sameActor(j.c, speaker) }

// placeName returns the place's name in lower case, "" for none.
func placeName(p *domain.Place) string {
	if p == nil {
		return ""
	}
	return strings.ToLower(p.Name)
}

func (j *judge) here(f *fact) bool {
	if j.c.Place == nil || f.place == nil {
		return true
	}
	// Facts name the same few places over and over: each is weighed
	// once per commitment.
	v, ok := j.near[f.pkey]
	if !ok {
		v = samePlace(j.c.Place, f.place)
		j.near[f.pkey] = v
	}
	return v
}

func (j *judge) sameCountry(p *domain.Place) bool {
	if j.c.Place == nil || p == nil {
		return true
	}
	return j.c.Place.Country == "" || p.Country == "" || j.c.Place.Country == p.Country
}

// goodsMatch reports whether a delivery or a blockade is of the goods the
// promise names (fuel kept out does not break a promise of food).
func (j *judge) goodsMatch(g []string) bool {
	if len(j.goods) == 0 || len(g) == 0 {
		return true
	}
	return slices.ContainsFunc(g, func(x string) bool { return slices.Contains(j.goods, x) })
}

// judge decides whether a fact fulfils or violates the commitment.
func (j *judge) judge(f *fact) (domain.Evidence, bool) {
	c := j.c
	if f.date.IsZero() || c.Date.IsZero() || f.date.Before(c.Date) || f.article == c.ArticleID && !f.date.After(c.Date) {
		return domain.Evidence{}, false
	}
	j.where, j.told = f.place, f.speaker
	ev := domain.Evidence{Record: f.id, ArticleID: f.article, Date: f.date}
	done := func(note string) (domain.Evidence, bool) {
		ev.Status, ev.Note = domain.StatusFulfilled, note
		return ev, true
	}
	// An accusation by the adversary is not evidence; its word that the
	// party kept the promise is ("Cambodia's defence ministry said
	// Thailand released 18 soldiers"). Asked only of a breach.
	broken := func(note string) (domain.Evidence, bool) {
		if j.adversary(f.speaker) {
			return domain.Evidence{}, false
		}
		ev.Status, ev.Note = domain.StatusViolated, note
		return ev, true
	}
	conditional := c.Condition != ""
	switch c.Category {
	case domain.CategoryCeasefire:
		if conditional {
			// Acted on: the actor is a party to the truce it offered, as
			// an announcement of it names it.
			if f.kind == factCeasefire && f.claim && j.does(f.actors) {
				return done("the truce offered on a condition agreed")
			}
			return domain.Evidence{}, false
		}
		if f.kind != factFight || f.date.Before(j.start) || !j.end.IsZero() && !f.date.Before(j.end) || !j.here(f) {
			return domain.Evidence{}, false
		}
		switch {
		case j.does(f.actors):
			return broken("fighting by the party during its ceasefire")
		case len(f.actors) == 0 && f.speaker == "":
			return broken("fighting between the parties reported during the ceasefire")
		}
	case domain.CategoryAid:
		if j.evac && f.kind == factOpen && f.evacuation && j.sameCountry(f.place) {
			return done("evacuation carried out")
		}
		switch f.kind {
		case factAidBlocked:
			if !j.goodsMatch(f.goods) || conditional {
				return domain.Evidence{}, false
			}
			if j.does(f.actors) {
				return broken("aid blocked by the party")
			}
			// Its own delivery stopped by another: "the promised
			// delivery did not happen because of an act against it".
			if !j.enabling && (j.own(f.speaker) || mentionsActor(f.words, j.named)) {
				return broken("the delivery blocked")
			}
		case factAidDelivered:
			if conditional || !j.goodsMatch(f.goods) {
				return domain.Evidence{}, false
			}
			if j.enabling && j.here(f) || j.does(f.actors) && j.here(f) {
				return done("aid delivered")
			}
		case factOpen:
			if !conditional && j.enabling && j.does(f.actors) && j.here(f) {
				return done("opened by the party")
			}
		}
	case domain.CategoryRelease:
		if f.kind != factRelease {
			return domain.Evidence{}, false
		}
		if j.does(f.actors) {
			if f.count != nil && j.count > 0 && *f.count < j.count && !f.complete && !(j.approx && *f.count*10 >= j.count*9) {
				// Some released: not yet kept (but 1,968 keep a promise
				// of "about 2,000").
				return domain.Evidence{}, false
			}
			return done("released")
		}
	case domain.CategoryWithdrawal:
		switch {
		case f.kind == factWithdrawal && !f.negated && j.does(f.actors) &&
			!slices.ContainsFunc(f.words, func(w string) bool { return partialWords[w] }):
			// (Not "withdrew from villages … but remained at five
			// hilltop positions": a part of it.)
			return done("withdrawal carried out")
		case f.kind == factAdvance && j.does(f.actors):
			return broken("a new advance instead of the withdrawal")
		}
	case domain.CategoryDisarmament:
		if f.kind == factDisarm && j.does(f.actors) {
			return done("weapons handed over")
		}
	case domain.CategoryTalks:
		if f.kind == factTalks && (j.does(f.actors) || j.own(f.speaker)) {
			return done("talks held")
		}
	case domain.CategoryRights:
		if f.kind == factRights && j.does(f.actors) {
			return done("rights granted")
		}
	default:
		if j.negative && f.kind == factFight && (j.does(f.actors) || j.own(f.speaker) && len(f.actors) == 0) && j.here(f) {
			return broken("the act it promised not to do")
		}
		if conditional {
			return domain.Evidence{}, false
		}
		if j.evac && f.kind == factOpen && f.evacuation && j.sameCountry(f.place) {
			return done("evacuation carried out")
		}
		if f.kind == factOther && (j.sameCountry(f.place) || f.place != nil && slices.Contains(j.sentence, f.pname)) && j.thingDone(f) {
			return done("carried out")
		}
	}
	return domain.Evidence{}, false
}

// thingDone reports whether a record's words tell that a promise of
// another kind was carried out: the promise's object and a word of doing
// ("restore basic services": "services are gradually returning";
// "flights": "took off … the first commercial flight"), and no word of
// absence.
func (j *judge) thingDone(f *fact) bool {
	if f.absent || !f.doing {
		return false
	}
	for _, w := range f.words {
		if slices.Contains(j.keys, strings.TrimSuffix(w, "s")) {
			return true
		}
	}
	return false
}

// readWords sets doing and absent from words.
func (f *fact) readWords() {
	for _, w := range f.words {
		f.absent = f.absent || absenceWords[w]
		f.doing = f.doing || doneWords[w]
	}
}

// mentionsActor reports whether words name an actor, given by the words
// of its name in the text ("the WFP convoy").
func mentionsActor(ws, name []string) bool {
	if len(name) == 0 {
		return false
	}
	for i := range ws {
		if i+len(name) <= len(ws) && slices.Equal(ws[i:i+len(name)], name) {
			return true
		}
	}
	return false
}

// sameActor reports whether an actor code is the committed actor: the
// same code, or one code extending the other (AZE and AZEGOV, AZEMIL).
func sameActor(c *domain.Commitment, code string) bool {
	a := string(c.Actor.Code)
	if a == "" || code == "" {
		return false
	}
	if a == code {
		return true
	}
	// A country and its state organs are one party to a promise; a named
	// group is its own.
	ca, cb := country(a), country(code)
	if ca == "" || ca != cb || ca == domain.UnknownCountry {
		return false
	}
	return sectorParty(a) == sectorParty(code)
}

func country(code string) string {
	if len(code) < 3 || strings.HasPrefix(code, "IGO") || strings.HasPrefix(code, "NGO") {
		return code
	}
	return code[:3]
}

// sectorParty groups sectors into the party that keeps a promise: the
// state (government, military, police) or a group (rebels by their code).
func sectorParty(code string) string {
	if len(code) <= 3 {
		return "state"
	}
	switch code[3:min(6, len(code))] {
	case "GOV", "MIL", "COP", "JUD", "LEG", "SPY":
		return "state"
	}
	return code[3:]
}

// factCountries returns the keys a fact is found under: the countries (or
// organisations) of its actors, its speaker and its place, or "" when it
// names none.
func factCountries(f *fact) []string {
	var out []string
	add := func(cc string) {
		if strings.HasPrefix(cc, "IGO") || strings.HasPrefix(cc, "NGO") {
			// Organisations deliver, monitor and report everywhere.
			cc = "org"
		}
		if cc != "" && !slices.Contains(out, cc) {
			out = append(out, cc)
		}
	}
	for _, a := range f.actors {
		add(country(a))
	}
	add(country(f.speaker))
	if f.place != nil {
		add(string(f.place.Country))
	}
	if len(out) == 0 {
		out = append(out, "")
	}
	return out
}

// candidates returns, in date order, the facts that may settle c: those
// of its actor's, its partners', its beneficiary's and its place's
// countries, of organisations, and those that name no country, dated on
// or after c. It appends them to dst[:0], merging with m.
func candidates(dst []int, m *merger, byCountry map[string][]int, facts []fact, j *judge, parties []string, kinds []string) []int {
	c := j.c
	keys := []string{"", "org", country(string(c.Actor.Code))}
	for _, p := range parties {
		keys = append(keys, country(p))
	}
	if c.Beneficiary != nil {
		keys = append(keys, country(string(c.Beneficiary.Code)))
	}
	if c.Place != nil {
		keys = append(keys, string(c.Place.Country))
	}
	var runs [][]int
	var seen []string
	for _, kind := range kinds {
		for _, cc := range keys {
			k := cc + "|" + kind
			if slices.Contains(seen, k) {
				continue
			}
			seen = append(seen, k)
			idx := byCountry[k]
			// Skip the facts dated before the commitment.
			cmpDate := func(i int, d domain.Date) int { return facts[i].date.Compare(d) }
			from, _ := slices.BinarySearchFunc(idx, c.Date, cmpDate)
			to := len(idx)
			if kind == factFight && c.Category == domain.CategoryCeasefire && !j.end.IsZero() {
				// Fighting after a truce's stated end does not break it.
				to, _ = slices.BinarySearchFunc(idx, j.end, cmpDate)
				to = max(to, from)
			}
			if from < to {
				runs = append(runs, idx[from:to])
			}
		}
	}
	return m.merge(dst[:0], runs)
}

// merger merges ascending runs of numbers in two buffers it keeps from
// one call to the next.
type merger struct{ a, b []int }

// merge appends to dst the numbers of the ascending runs, in order and
// each once (a fact filed under two countries is in two runs): each run
// is merged into what came before, rather than all sorted again.
func (m *merger) merge(dst []int, runs [][]int) []int {
	var acc []int
	for _, r := range runs {
		if acc == nil {
			acc = r
			continue
		}
		acc = mergeTwo(m.a[:0], acc, r)
		m.a, m.b = m.b, acc
	}
	return append(dst, acc...)
}

// mergeTwo appends to dst the numbers of the ascending runs a and b, each
// once.
func mergeTwo(dst, a, b []int) []int {
	for len(a) > 0 && len(b) > 0 {
		switch {
		case a[0] < b[0]:
			dst, a = append(dst, a[0]), a[1:]
		case b[0] < a[0]:
			dst, b = append(dst, b[0]), b[1:]
		default:
			dst, a, b = append(dst, a[0]), a[1:], b[1:]
		}
	}
	dst = append(dst, a...)
	return append(dst, b...)
}

// breakingKinds lists the kinds of fact that can break a commitment (see
// judge), none for one that can only be kept.
func breakingKinds(j *judge) []string {
	conditional := j.c.Condition != ""
	switch j.c.Category {
	case domain.CategoryCeasefire:
		if !conditional {
			return []string{factFight}
		}
	case domain.CategoryAid:
		if !conditional {
			return []string{factAidBlocked}
		}
	case domain.CategoryWithdrawal:
		return []string{factAdvance}
	case domain.CategoryRelease, domain.CategoryDisarmament, domain.CategoryTalks, domain.CategoryRights:
	default:
		if j.negative {
			return []string{factFight}
		}
	}
	return nil
}

// kindsFor lists the kinds of fact that can settle a commitment of a
// category (see judge): a ceasefire is kept or broken by truces and
// fighting, aid by deliveries, blockades and openings, and so on.
func kindsFor(j *judge) []string {
	switch j.c.Category {
	case domain.CategoryCeasefire:
		if j.c.Condition != "" {
			return []string{factCeasefire} // acted on
		}
		return []string{factFight}
	case domain.CategoryAid:
		if j.c.Condition != "" {
			return []string{factOpen} // an evacuation carried out
		}
		return []string{factOpen, factAidBlocked, factAidDelivered}
	case domain.CategoryRelease:
		return []string{factRelease}
	case domain.CategoryWithdrawal:
		return []string{factWithdrawal, factAdvance}
	case domain.CategoryDisarmament:
		return []string{factDisarm}
	case domain.CategoryTalks:
		return []string{factTalks}
	case domain.CategoryRights:
		return []string{factRights}
	}
	kinds := []string{factOther}
	if j.negative {
		kinds = append(kinds, factFight) // "not to attack"
	}
	if j.evac {
		kinds = append(kinds, factOpen)
	}
	return kinds
}
