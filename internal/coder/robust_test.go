package coder

import (
	"context"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/truce/truce/internal/domain"
)

// corpusSentences returns the sentences of the sample corpus.
func corpusSentences(tb testing.TB) []string {
	var out []string
	for _, a := range demoArticles(tb) {
		for line := range strings.SplitSeq(a.Text, "\n") {
			for s := range strings.SplitAfterSeq(line, ". ") {
				if s = strings.TrimSpace(s); len(s) > 20 {
					out = append(out, s)
				}
			}
		}
	}
	return out
}

// TestMixedArticles codes articles made of sentences drawn at random from
// the corpus, in random order: contexts no case file has (a pronoun with
// no antecedent, a speaker before any actor). Nothing may panic, and
// every record must point into its article's text.
func TestMixedArticles(t *testing.T) {
	c := sharedCoder(t)
	sents := corpusSentences(t)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 300 {
		var b strings.Builder
		for range 1 + r.IntN(12) {
			b.WriteString(sents[r.IntN(len(sents))])
			b.WriteString([]string{" ", "\n\n", " "}[r.IntN(3)])
		}
		a := &domain.Article{ID: "mix", Text: b.String()}
		if i%2 == 0 {
			a.Published = domain.Date{Year: 2023, Month: 9, Day: 1 + r.IntN(28)}.Time()
		}
		cod, err := c.Code(context.Background(), a)
		if err != nil {
			t.Fatal(err)
		}
		checkSpans(t, a, cod)
	}
}

func checkSpans(t *testing.T, a *domain.Article, cod domain.Coding) {
	t.Helper()
	in := func(s domain.Span) bool { return s.Start >= 0 && s.Start <= s.End && s.End <= len(a.Text) }
	for _, e := range cod.Events {
		if !in(e.Span) || !in(e.TriggerSpan) || a.Text[e.Span.Start:e.Span.End] != e.Sentence {
			t.Fatalf("event %s: spans %v %v outside the text or not its sentence", e.CAMEO, e.Span, e.TriggerSpan)
		}
	}
	for _, cl := range cod.Claims {
		if !in(cl.Span) || !in(cl.PropositionSpan) || !in(cl.VerbSpan) {
			t.Fatalf("claim %q: spans outside the text", cl.Proposition)
		}
	}
	for _, cm := range cod.Commitments {
		if !in(cm.Span) || !in(cm.ActionSpan) {
			t.Fatalf("commitment %q: spans outside the text", cm.Action)
		}
	}
	for _, m := range cod.Mentions {
		if !in(m.Span) || a.Text[m.Span.Start:m.Span.End] != m.Text {
			t.Fatalf("mention %q: span %v is not its text", m.Text, m.Span)
		}
	}
}

// FuzzCode codes arbitrary text: the coder must not panic on any input
// and its spans must stay inside the text.
func FuzzCode(f *testing.F) {
	for _, s := range []string{
		"Azerbaijan declared that a ceasefire had been reached, reports of ongoing gunfire said.",
		"He said, saying: “they will not” — if, unless, only if 2016. The U.S. Dept. said.",
		"Russia said its troops had returned fire, adding that at least 30 were killed between 20 and 25 dead.",
		"  , . ! ? ’s n't",
		"Gunmen killed five soldiers in an attack, in an assault, killing two and wounding three in a landmine explosion.",
		"A mortar bomb was fired, killed by, the newspaper Al- an open-ended strike in",
	} {
		f.Add(s)
	}
	c := sharedCoder(f)
	f.Fuzz(func(t *testing.T, s string) {
		a := &domain.Article{ID: "f", Text: s, Published: domain.Date{Year: 2023, Month: 9, Day: 21}.Time()}
		cod, err := c.Code(context.Background(), a)
		if err != nil {
			t.Fatal(err)
		}
		checkSpans(t, a, cod)
	})
}

// TestSpeakerFromEarlierSentence codes "It said …" after a sentence whose
// speaker stands further in than the later sentence is long: the speaker
// carried over is resolved against its own sentence's words, not the
// shorter one's (this sequence of sample-corpus sentences panicked).
func TestSpeakerFromEarlierSentence(t *testing.T) {
	c := sharedCoder(t)
	text := "At least 27 people were killed and more than 200 wounded on the first day of Azerbaijan's offensive in " +
		"Nagorno-Karabakh, the region's human rights ombudsman Gegham Stepanyan said on Tuesday evening. It said 290 " +
		"people had been treated for injuries, many for severe burns. Diplomats in Brussels, Washington and Moscow have " +
		"each tried to broker a formula under which both roads would open at once. It said the humanitarian needs " +
		"remained very high and called for sustained access. Luis Moreno Ocampo, the first prosecutor of the International " +
		"Criminal Court, said in a report published on Monday that Azerbaijan's obstruction of the Lachin corridor, the only " +
		"road linking Nagorno-Karabakh with Armenia, should be treated as genocide under the 1948 Genocide Convention."
	cod, err := c.Code(context.Background(), &domain.Article{ID: "x", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	if len(cod.Claims) == 0 {
		t.Errorf("no claims from %d sentences of reported speech", 5)
	}
}
