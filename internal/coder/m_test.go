package coder

import (
	"os"
	"testing"
	"time"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/text"
)

func TestM(t *testing.T) {
	c := sharedCoder(t)
	txt := os.Getenv("TXT")
	d := c.Analyse(&domain.Article{ID: "x", Text: txt, Published: time.Date(2023, 9, 21, 0, 0, 0, 0, time.UTC)})
	for si := range d.Text.Sentences {
		for _, i := range d.Sentence[si] {
			m := d.Mentions[i]
			t.Logf("M %q %s code=%s name=%s ref=%s metonymy=%v", m.Text, m.Type, m.Code, m.Name, m.Ref, m.Metonymy)
		}
		for _, m := range d.Matches[si] {
			t.Logf("P %s %s %q class=%s form=%v passive=%v", m.Code, m.Rule, m.Pattern, m.Class, m.Form, m.Passive)
		}
	}
	for _, e := range d.Events {
		t.Logf("EV %s %s %s→%s %s trig=%q", e.CAMEO, e.PLOVER.Type, actorCodes(e.Source), actorCodes(e.Target), e.Modality, e.Trigger)
	}
	for _, c := range d.Claims {
		t.Logf("CL %s %s by %s %q", c.Topic, c.Polarity, c.Speaker.Code, c.Proposition)
	}
	for _, c := range d.Commitments {
		t.Logf("CM %s %s by %s %q due=%s cond=%q", c.Category, c.Status, c.Actor.Code, c.Action, c.Due, c.Condition)
	}
}

func TestDrafts(t *testing.T) {
	c := sharedCoder(t)
	txt := os.Getenv("TXT")
	d := &Doc{Article: &domain.Article{ID: "x", Text: txt}, Date: domain.Date{Year: 2023, Month: 9, Day: 21}, verbs: c.book}
	d.Text = text.Parse(txt)
	c.mentions(d)
	c.matches(d)
	for si := range d.Text.Sentences {
		actors := d.actorMentions(si)
		for _, m := range d.Matches[si] {
			dr := &draft{sent: si, match: m, code: m.Code, speaker: -1, start: m.Start, end: m.End}
			c.actors(d, si, dr, actors, nil)
			pl := c.plausible(d, si, dr, actors)
			mod, cond := modalityOf(d, si, dr)
			dr.modality = mod
			t.Logf("%s src=%v tgt=%v plausible=%v mod=%s cond=%q keep=%v form=%v", m.Code, dr.source, dr.target, pl, mod, cond, keep(d, dr), m.Form)
		}
	}
}
