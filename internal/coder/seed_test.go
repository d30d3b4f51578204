package coder

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/ingest"
	"github.com/truce/truce/internal/narrative"
)

const seedFile = "../../../shared/seed/2023-11-07-nagorno-karabakh.txt"

// TestFoundingArticle is the golden test of ../shared/seed/EXPECTED.md:
// every "must" about events, actors, places, modality, claims, the
// contradiction and the commitments, and the "must not"s.
func TestFoundingArticle(t *testing.T) {
	if _, err := os.Stat(seedFile); err != nil {
		t.Skip("../shared/seed is absent: skipping the founding-article golden test")
	}
	var a *domain.Article
	for art, err := range ingest.Articles(context.Background(), seedFile, ingest.Options{}) {
		if err != nil {
			t.Fatal(err)
		}
		a = art
	}
	c := sharedCoder(t)
	cod, err := c.Code(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if t.Failed() {
			logRecords(t, cod)
		}
	}()
	ev := func(si int, want string, ok func(e *domain.Event) bool) {
		t.Helper()
		for i := range cod.Events {
			if cod.Events[i].SentenceIndex == si && ok(&cod.Events[i]) {
				return
			}
		}
		t.Errorf("sentence %d: no event %s", si+1, want)
	}
	code := func(as []domain.Actor, prefix string) bool {
		return slices.ContainsFunc(as, func(a domain.Actor) bool { return strings.HasPrefix(string(a.Code), prefix) })
	}
	const nkr = "AZEREBNKR" // the Nagorno-Karabakh authorities

	// 1. Demand by the Karabakh Armenian officials on Azerbaijan; the
	// disarmament only as a condition.
	ev(0, "DEMAND by the Karabakh officials on Azerbaijan, demanded", func(e *domain.Event) bool {
		return strings.HasPrefix(e.CAMEO, "10") && code(e.Source, nkr) && code(e.Target, "AZE") && e.Modality == domain.ModalityDemanded
	})
	ev(0, "disarmament (087x), conditional", func(e *domain.Event) bool {
		return strings.HasPrefix(e.CAMEO, "087") && e.PLOVER.Type == "RETREAT" && e.Modality == domain.ModalityConditional && code(e.Source, nkr)
	})
	// 3. Babayan's demand, his name kept.
	ev(2, "DEMAND by David Babayan", func(e *domain.Event) bool {
		return strings.HasPrefix(e.CAMEO, "10") && code(e.Source, nkr) && e.Source[0].Person == "David Babayan"
	})
	// 5. Talks between Azerbaijan and the Karabakh representatives; the
	// intent to provide aid.
	ev(4, "CONSULT between AZE and the Karabakh representatives", func(e *domain.Event) bool {
		return strings.HasPrefix(e.CAMEO, "04") && e.PLOVER.Type == "CONSULT" &&
			(code(e.Source, "AZE") && code(e.Target, nkr) || code(e.Source, nkr) && code(e.Target, "AZE"))
	})
	ev(4, "0333 intent to provide humanitarian aid by AZE, intended", func(e *domain.Event) bool {
		return e.CAMEO == "0333" && code(e.Source, "AZE") && e.Modality == domain.ModalityIntended
	})
	// 8. The military operation: FIGHT/ASSAULT by Azerbaijan in
	// Nagorno-Karabakh, asserted, fatalities unknown.
	ev(7, "ASSAULT by AZE in Nagorno-Karabakh, asserted, fatalities null", func(e *domain.Event) bool {
		return strings.HasPrefix(e.CAMEO, "19") && e.PLOVER.Type == "ASSAULT" && code(e.Source, "AZE") && e.Modality == domain.ModalityAsserted &&
			e.Place != nil && e.Place.Name == "Nagorno-Karabakh" && e.Fatalities.IsZero()
	})
	// 9. Aliyev's intent to grant rights.
	ev(8, "034x intent by Ilham Aliyev (AZEGOV), intended", func(e *domain.Event) bool {
		return strings.HasPrefix(e.CAMEO, "034") && code(e.Source, "AZEGOV") && e.Modality == domain.ModalityIntended &&
			e.Source[0].Person == "Ilham Aliyev"
	})
	// 12. The protest in Yerevan, with its demand for accountability.
	ev(11, "PROTEST by ARMCVL against ARMGOV in Yerevan (616052), thousands", func(e *domain.Event) bool {
		return strings.HasPrefix(e.CAMEO, "14") && e.PLOVER.Type == "PROTEST" && code(e.Source, "ARMCVL") && code(e.Target, "ARMGOV") &&
			e.Place != nil && e.Place.GeonameID == 616052 && e.Place.Country == "ARM" &&
			strings.EqualFold(string(e.Size), "thousands") && e.Modality == domain.ModalityAsserted && e.ACLED != nil && e.ACLED.EventType == "Protests"
	})
	ev(11, "the demand for accountability", func(e *domain.Event) bool {
		return strings.Contains(string(e.Issue), "accountability")
	})
	// Must not: an asserted Russian intervention; events in commentary.
	for _, e := range cod.Events {
		if code(e.Source, "RUS") && e.Modality == domain.ModalityAsserted {
			t.Errorf("sentence %d: an asserted event by Russia: %s %q", e.SentenceIndex+1, e.CAMEO, e.Trigger)
		}
		switch e.SentenceIndex {
		case 5, 6, 12, 13:
			t.Errorf("sentence %d is commentary, but coded %s %q", e.SentenceIndex+1, e.CAMEO, e.Trigger)
		}
	}
	// Claims: exactly the declared ceasefire and the reported gunfire.
	if len(cod.Claims) != 2 {
		t.Errorf("%d claims, want 2", len(cod.Claims))
	}
	var cease, gunfire *domain.Claim
	for i := range cod.Claims {
		cl := &cod.Claims[i]
		switch {
		case cl.Topic == domain.TopicCeasefire && cl.Polarity == "in_force" && strings.HasPrefix(string(cl.Speaker.Code), "AZE") && cl.Verb == "declared":
			cease = cl
		case cl.Topic == domain.TopicFighting && cl.Polarity == "ongoing" && cl.Speaker.Name == "unnamed":
			gunfire = cl
		}
	}
	if cease == nil || gunfire == nil {
		t.Fatalf("claims: ceasefire in force by AZE found %v, ongoing gunfire by unnamed reports found %v", cease != nil, gunfire != nil)
	}
	// The one contradiction, between those two, in Nagorno-Karabakh.
	xs := narrative.Contradictions(cod.Claims, cod.Events, narrative.Options{})
	if len(xs) != 1 {
		t.Errorf("%d contradictions, want 1: %v", len(xs), xs)
	} else if x := xs[0]; !slices.Contains(x.Claims, cease.ID) || !slices.Contains(x.Claims, gunfire.ID) ||
		x.Place == nil || x.Place.Name != "Nagorno-Karabakh" {
		t.Errorf("contradiction %+v: want the ceasefire claim vs the gunfire claim in Nagorno-Karabakh", x)
	}
	// The ledger: two pending commitments by Azerbaijan, one conditional
	// by the Karabakh Armenians.
	ledger := narrative.Ledger(cod.Commitments, cod.Events, cod.Claims, narrative.Options{})
	var got []string
	for _, cm := range ledger {
		got = append(got, string(cm.Actor.Code)+"/"+cm.Category+"/"+cm.Status)
	}
	slices.Sort(got)
	want := []string{"AZE/aid/pending", "AZEGOV/rights/pending", nkr + "/disarmament/conditional"}
	if !slices.Equal(got, want) {
		t.Errorf("commitments %v, want %v", got, want)
	}
	for _, cm := range ledger {
		if cm.Category == domain.CategoryAid && cm.Action != "provide fuel and humanitarian aid" {
			t.Errorf("aid commitment action %q, want %q", cm.Action, "provide fuel and humanitarian aid")
		}
		if cm.Category == domain.CategoryDisarmament && !strings.Contains(string(cm.Condition), "security guarantees") {
			t.Errorf("disarmament condition %q, want the security guarantees", cm.Condition)
		}
	}
	// "He" is David Babayan; Karabakh is Nagorno-Karabakh; no other places.
	var places []string
	he := false
	for _, m := range cod.Mentions {
		if m.Text == "He" && m.Ref == "David Babayan" {
			he = true
		}
		if m.Type == domain.MentionPlace {
			places = append(places, string(m.Name))
		}
	}
	if !he {
		t.Error(`"He" does not resolve to David Babayan`)
	}
	for _, p := range places {
		switch p {
		case "Nagorno-Karabakh", "Yerevan":
		default:
			t.Errorf("place %q is not in the article", p)
		}
	}
	// Provenance: every record points to its sentence by byte span, with
	// the article's id and date and a rule.
	for _, e := range cod.Events {
		if a.Text[e.Span.Start:e.Span.End] != e.Sentence || e.ArticleID != a.ID || e.Date.String() != "2023-11-07" || e.Rule == "" ||
			a.Text[e.TriggerSpan.Start:e.TriggerSpan.End] == "" {
			t.Errorf("event %s %q: provenance does not hold (span %v, date %s, rule %q)", e.CAMEO, e.Trigger, e.Span, e.Date, e.Rule)
		}
	}
	for _, cl := range cod.Claims {
		if a.Text[cl.Span.Start:cl.Span.End] != cl.Sentence || a.Text[cl.PropositionSpan.Start:cl.PropositionSpan.End] != cl.Proposition || cl.Rule == "" {
			t.Errorf("claim %q: provenance does not hold", cl.Proposition)
		}
	}
	for _, cm := range cod.Commitments {
		if a.Text[cm.Span.Start:cm.Span.End] != cm.Sentence || a.Text[cm.ActionSpan.Start:cm.ActionSpan.End] != cm.Action || cm.Date.String() != "2023-11-07" {
			t.Errorf("commitment %q: provenance does not hold", cm.Action)
		}
	}
}
