package narrative

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"github.com/truce/truce/internal/domain"
)

// Options tune the analysis.
type Options struct {
	// Window is how many days apart two statements may be and still be
	// about the same time (default 3).
	Window int
	// CountRatio is how far apart two numbers may be before they
	// contradict: the larger over the smaller (default 1.5), with at least
	// MinCountGap between them (default 3), so 30 vs 32 dead agree and 2
	// vs 200 dead do not.
	CountRatio  float64
	MinCountGap int
	// AsOf is the day the ledger is judged on (deadlines passed before it
	// are overdue); zero means the latest record's date.
	AsOf domain.Date
}

func (o Options) withDefaults() Options {
	if o.Window <= 0 {
		o.Window = 3
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
	id, article  string
	sentence     int
	event        bool
	topic        string
	polarity     string
	place        *domain.Place
	date         domain.Date
	explicitDate bool
	count        *int
	countKind    string
	speaker      string
	actors       []string
	verb         string
}

// family groups topics that can contradict each other: a ceasefire in
// force and ongoing fighting.
func family(topic string) string {
	if topic == domain.TopicFighting {
		return domain.TopicCeasefire
	}
	return topic
}

func fromClaim(c *domain.Claim) statement {
	s := statement{id: c.ID, article: c.ArticleID, sentence: c.SentenceIndex, topic: c.Topic,
		polarity: c.Polarity, place: c.Place, date: c.About, explicitDate: true, count: c.Count,
		countKind: string(c.CountKind), speaker: label(c.Speaker), verb: c.Verb}
	if s.date.IsZero() {
		s.date = c.Date
	}
	for _, a := range c.Actors {
		s.actors = append(s.actors, string(a.Code))
	}
	return s
}

// fromEvent reads an asserted event as a statement about the state of
// things: violence means fighting is ongoing, a delivery that aid got
// through, a withdrawal that it was done. ok is false for events that say
// nothing a claim could contradict.
func fromEvent(e *domain.Event) (statement, bool) {
	if e.Modality != domain.ModalityAsserted {
		return statement{}, false
	}
	s := statement{id: e.ID, article: e.ArticleID, sentence: e.SentenceIndex, event: true, place: e.Place,
		date: e.Date, explicitDate: e.DateText != "", verb: e.Trigger}
	if len(e.Source) > 0 {
		s.speaker = "the report"
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
		return "unnamed " + a.Text
	}
	return a.Text
}

// opposites are the polarities of one topic that cannot both hold.
var opposites = map[string][][2]string{
	domain.TopicCeasefire:      {{"in_force", "violated"}, {"in_force", "collapsed"}},
	domain.TopicFighting:       {{"ongoing", "stopped"}},
	domain.TopicAidAccess:      {{"delivered", "blocked"}},
	domain.TopicCorridor:       {{"open", "closed"}},
	domain.TopicResponsibility: {{"claimed", "denied"}, {"accused", "denied"}},
	domain.TopicWithdrawal:     {{"done", "not_done"}},
	domain.TopicTalks:          {{"held", "cancelled"}},
	domain.TopicControl:        {{"held", "lost"}},
}

// conflict decides whether a and b cannot both be true, and why.
func (o Options) conflict(a, b *statement) (string, bool) {
	if a.topic == domain.TopicCasualties && b.topic == domain.TopicCasualties {
		if a.count == nil || b.count == nil || a.countKind != b.countKind {
			return "", false
		}
		lo, hi := min(*a.count, *b.count), max(*a.count, *b.count)
		if hi-lo >= o.MinCountGap && (lo == 0 || float64(hi)/float64(lo) > o.CountRatio) {
			return "count", true
		}
		return "", false
	}
	ta, tb := a.topic, b.topic
	if ta != tb {
		// A ceasefire in force against ongoing fighting.
		if ta == domain.TopicCeasefire && tb == domain.TopicFighting {
			return "polarity", a.polarity == "in_force" && b.polarity == "ongoing"
		}
		if ta == domain.TopicFighting && tb == domain.TopicCeasefire {
			return "polarity", b.polarity == "in_force" && a.polarity == "ongoing"
		}
		return "", false
	}
	for _, p := range opposites[ta] {
		if (a.polarity == p[0] && b.polarity == p[1]) || (a.polarity == p[1] && b.polarity == p[0]) {
			if ta == domain.TopicResponsibility && !shareActor(a.actors, b.actors) && len(a.actors)+len(b.actors) > 0 && !(len(a.actors) == 0 || len(b.actors) == 0) {
				return "", false
			}
			return "polarity", true
		}
	}
	// Each side blames the other: "A accuses B" against "B accuses A".
	if ta == domain.TopicResponsibility && a.polarity == "accused" && b.polarity == "accused" &&
		a.speaker != "" && b.speaker != "" && a.speaker != b.speaker &&
		len(a.actors) > 0 && len(b.actors) > 0 && !shareActor(a.actors, b.actors) {
		return "actors", true
	}
	if ta == domain.TopicControl && a.polarity == "held" && b.polarity == "held" &&
		len(a.actors) > 0 && len(b.actors) > 0 && !shareActor(a.actors, b.actors) {
		return "polarity", true
	}
	return "", false
}

func shareActor(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x != "" && (x == y || strings.HasPrefix(x, y) || strings.HasPrefix(y, x)) {
				return true
			}
		}
	}
	return false
}

// comparable reports whether a and b are about the same place and time.
func (o Options) comparable(a, b *statement) bool {
	if a.id == b.id {
		return false
	}
	if a.event && b.event {
		return false // two acts do not contradict; the ledger weighs them
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
	} else if d := a.date.DaysUntil(b.date); d > o.Window || d < -o.Window {
		return false
	}
	if a.place == nil || b.place == nil {
		return a.place == nil && b.place == nil && a.article == b.article
	}
	return samePlace(a.place, b.place)
}

// Contradictions finds the claims, and claims and asserted events, that
// cannot both be true: same topic (or a ceasefire against fighting),
// places that are the same or contain one another, dates within the
// window, and opposite polarities or numbers too far apart. Statements
// are blocked by topic family and country and compared within the
// window only, so the cost grows with the records, not their pairs.
func Contradictions(claims []domain.Claim, events []domain.Event, opt Options) []domain.Contradiction {
	opt = opt.withDefaults()
	blocks := map[string][]statement{}
	add := func(s statement) {
		k := family(s.topic) + "|" + countryOf(s.place)
		blocks[k] = append(blocks[k], s)
	}
	for i := range claims {
		add(fromClaim(&claims[i]))
	}
	for i := range events {
		if s, ok := fromEvent(&events[i]); ok {
			add(s)
		}
	}
	keys := make([]string, 0, len(blocks))
	for k := range blocks {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var out []domain.Contradiction
	for _, k := range keys {
		b := blocks[k]
		slices.SortStableFunc(b, func(x, y statement) int { return x.date.Time().Compare(y.date.Time()) })
		for i := range b {
			for j := i + 1; j < len(b); j++ {
				if !b[i].date.IsZero() && !b[j].date.IsZero() && b[i].date.DaysUntil(b[j].date) > opt.Window {
					break
				}
				if !opt.comparable(&b[i], &b[j]) {
					continue
				}
				reason, ok := opt.conflict(&b[i], &b[j])
				if !ok {
					continue
				}
				out = append(out, contradiction(&b[i], &b[j], reason))
			}
		}
	}
	slices.SortFunc(out, func(x, y domain.Contradiction) int { return strings.Compare(x.ID, y.ID) })
	return out
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
	rank := map[string]int{domain.PrecisionCity: 0, domain.PrecisionAdmin1: 1, domain.PrecisionRegion: 2, domain.PrecisionCountry: 3}
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
		what = fmt.Sprintf("%d %s", *s.count, s.countKind)
	}
	switch {
	case s.event:
		return what + " reported as fact"
	case s.speaker != "":
		return fmt.Sprintf("%s (%s %s)", what, s.speaker, s.verb)
	}
	return what
}
