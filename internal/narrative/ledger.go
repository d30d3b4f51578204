package narrative

import (
	"slices"
	"strings"

	"github.com/truce/truce/internal/domain"
)

// Ledger judges each commitment against the records that came after it,
// and returns the commitments with their status and evidence trail:
//
//   - fulfilled: a later asserted or reported event by the same actor
//     that carries it out (aid delivered, a withdrawal, a release, talks
//     held, a ceasefire observed);
//   - violated: a later one that breaks it (violence after a ceasefire or
//     a pledge to withdraw or disarm, aid blocked after a pledge of aid,
//     talks cancelled);
//   - overdue: its deadline passed before opt.AsOf with neither;
//   - conditional: it depends on a condition and nothing settled it;
//   - pending: otherwise.
//
// The status follows the latest evidence; the evidence trail keeps every
// record that moved it, oldest first. Records from the commitment's own
// article do not count: a text does not keep or break its own promise.
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
	out := make([]domain.Commitment, len(commitments))
	for i := range commitments {
		c := commitments[i]
		c.Evidence = nil
		for j := range events {
			if ev, ok := judgeEvent(&c, &events[j]); ok {
				c.Evidence = append(c.Evidence, ev)
			}
		}
		for j := range claims {
			if ev, ok := judgeClaim(&c, &claims[j]); ok {
				c.Evidence = append(c.Evidence, ev)
			}
		}
		slices.SortStableFunc(c.Evidence, func(a, b domain.Evidence) int {
			if n := a.Date.Time().Compare(b.Date.Time()); n != 0 {
				return n
			}
			return strings.Compare(a.Record, b.Record)
		})
		c.Status = status(&c, asOf)
		out[i] = c
	}
	return out
}

func status(c *domain.Commitment, asOf domain.Date) string {
	if n := len(c.Evidence); n > 0 {
		return c.Evidence[n-1].Status
	}
	if !c.Due.IsZero() && !asOf.IsZero() && c.Due.Before(asOf) {
		return domain.StatusOverdue
	}
	if c.Condition != "" {
		return domain.StatusConditional
	}
	return domain.StatusPending
}

// later reports whether a record of article art on day d comes after the
// commitment: another article, on or after its day.
func later(c *domain.Commitment, art string, d domain.Date) bool {
	if art == c.ArticleID || d.IsZero() || c.Date.IsZero() {
		return false
	}
	return !d.Before(c.Date)
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
	if ca == "" || ca != cb {
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
	switch code[3:6] {
	case "GOV", "MIL", "COP", "JUD", "LEG", "SPY":
		return "state"
	}
	return code[3:]
}

// judgeEvent decides whether an event fulfils or violates a commitment.
func judgeEvent(c *domain.Commitment, e *domain.Event) (domain.Evidence, bool) {
	if e.Modality != domain.ModalityAsserted && e.Modality != domain.ModalityReported {
		return domain.Evidence{}, false
	}
	if !later(c, e.ArticleID, e.Date) {
		return domain.Evidence{}, false
	}
	bySource := false
	unknownSource := len(e.Source) == 0
	for _, s := range e.Source {
		if sameActor(c, string(s.Code)) {
			bySource = true
		}
		if s.Code == "" || strings.HasPrefix(string(s.Code), domain.UnknownCountry) {
			unknownSource = true
		}
	}
	involves := bySource
	for _, t := range e.Target {
		if sameActor(c, string(t.Code)) {
			involves = true
		}
	}
	code := e.CAMEO
	violent := strings.HasPrefix(code, "18") || strings.HasPrefix(code, "19") || strings.HasPrefix(code, "20")
	ev := domain.Evidence{Record: e.ID, ArticleID: e.ArticleID, Date: e.Date}
	switch c.Category {
	case domain.CategoryCeasefire, domain.CategoryDisarmament, domain.CategoryWithdrawal:
		if violent && (bySource || unknownSource && samePlaceOrNone(c, e.Place)) {
			ev.Status, ev.Note = domain.StatusViolated, "violence after the commitment: "+e.Trigger
			return ev, true
		}
		var keeps bool
		switch c.Category {
		case domain.CategoryCeasefire:
			keeps = strings.HasPrefix(code, "0871")
		case domain.CategoryDisarmament:
			keeps = strings.HasPrefix(code, "0873")
		case domain.CategoryWithdrawal:
			keeps = strings.HasPrefix(code, "0874")
		}
		if keeps && bySource {
			ev.Status, ev.Note = domain.StatusFulfilled, "carried out: "+e.Trigger
			return ev, true
		}
	case domain.CategoryAid:
		if strings.HasPrefix(code, "07") && bySource {
			ev.Status, ev.Note = domain.StatusFulfilled, "aid provided: "+e.Trigger
			return ev, true
		}
		if bySource && (strings.HasPrefix(code, "122") || strings.HasPrefix(code, "1246") || strings.HasPrefix(code, "191") || strings.HasPrefix(code, "1721")) {
			ev.Status, ev.Note = domain.StatusViolated, "aid refused or blocked: "+e.Trigger
			return ev, true
		}
	case domain.CategoryRelease:
		if strings.HasPrefix(code, "084") && bySource {
			ev.Status, ev.Note = domain.StatusFulfilled, "released: "+e.Trigger
			return ev, true
		}
		if strings.HasPrefix(code, "1243") && bySource {
			ev.Status, ev.Note = domain.StatusViolated, "refused to release: "+e.Trigger
			return ev, true
		}
	case domain.CategoryRights:
		if strings.HasPrefix(code, "0833") && bySource {
			ev.Status, ev.Note = domain.StatusFulfilled, "rights granted: "+e.Trigger
			return ev, true
		}
	case domain.CategoryTalks:
		if (strings.HasPrefix(code, "04") || strings.HasPrefix(code, "057")) && involves {
			ev.Status, ev.Note = domain.StatusFulfilled, "talks held: "+e.Trigger
			return ev, true
		}
		if strings.HasPrefix(code, "125") && involves {
			ev.Status, ev.Note = domain.StatusViolated, "talks rejected: "+e.Trigger
			return ev, true
		}
	}
	return domain.Evidence{}, false
}

// samePlaceOrNone reports whether an event's place is the commitment's or
// lies within it.
func samePlaceOrNone(c *domain.Commitment, p *domain.Place) bool {
	return samePlace(c.Place, p)
}

// judgeClaim decides whether a claim settles a commitment: aid reported
// delivered or blocked, a corridor closed, a withdrawal done or not.
func judgeClaim(c *domain.Commitment, cl *domain.Claim) (domain.Evidence, bool) {
	if !later(c, cl.ArticleID, cl.Date) {
		return domain.Evidence{}, false
	}
	mentions := false
	for _, a := range cl.Actors {
		if sameActor(c, string(a.Code)) {
			mentions = true
		}
	}
	if sameActor(c, string(cl.Speaker.Code)) {
		mentions = true
	}
	ev := domain.Evidence{Record: cl.ID, ArticleID: cl.ArticleID, Date: cl.Date}
	switch {
	case c.Category == domain.CategoryAid && cl.Topic == domain.TopicAidAccess:
		if cl.Polarity == "blocked" {
			ev.Status, ev.Note = domain.StatusViolated, "aid reported blocked: "+cl.Proposition
			return ev, true
		}
		if cl.Polarity == "delivered" && mentions {
			ev.Status, ev.Note = domain.StatusFulfilled, "aid reported delivered: "+cl.Proposition
			return ev, true
		}
	case c.Category == domain.CategoryWithdrawal && cl.Topic == domain.TopicWithdrawal && mentions:
		if cl.Polarity == "done" {
			ev.Status, ev.Note = domain.StatusFulfilled, "withdrawal reported: "+cl.Proposition
		} else {
			ev.Status, ev.Note = domain.StatusViolated, "withdrawal reported not done: "+cl.Proposition
		}
		return ev, true
	case c.Category == domain.CategoryCeasefire && cl.Topic == domain.TopicCeasefire && (cl.Polarity == "violated" || cl.Polarity == "collapsed"):
		ev.Status, ev.Note = domain.StatusViolated, "ceasefire reported "+cl.Polarity+": "+cl.Proposition
		return ev, true
	case c.Category == domain.CategoryTalks && cl.Topic == domain.TopicTalks && mentions:
		if cl.Polarity == "held" {
			ev.Status, ev.Note = domain.StatusFulfilled, "talks reported held: "+cl.Proposition
		} else {
			ev.Status, ev.Note = domain.StatusViolated, "talks reported "+cl.Polarity+": "+cl.Proposition
		}
		return ev, true
	}
	return domain.Evidence{}, false
}
