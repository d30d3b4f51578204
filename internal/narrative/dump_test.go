package narrative_test

import (
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/narrative"
)

var (
	dumpCase     = flag.String("corpus.dump", "", "print the records coded from the corpus case folders whose names contain this")
	dumpMentions = flag.Bool("corpus.mentions", false, "with -corpus.dump, print the mentions too")
)

// TestDumpCorpus prints what the coder makes of a corpus case, sentence by
// sentence, for working on the coder: go test -run DumpCorpus -corpus.dump=jeddah -v.
func TestDumpCorpus(t *testing.T) {
	if *dumpCase == "" {
		t.Skip("set -corpus.dump")
	}
	dirs, _ := filepath.Glob("testdata/corpus/*")
	for _, dir := range dirs {
		if !strings.Contains(filepath.Base(dir), *dumpCase) || !strings.HasSuffix(dir, "") {
			continue
		}
		if ok, _ := filepath.Match("*.md", filepath.Base(dir)); ok {
			continue
		}
		cd := loadCase(t, dir)
		evs, cls, cms := cd.records(domain.Date{})
		for _, x := range narrative.Contradictions(cls, evs, narrative.Options{}) {
			fmt.Printf("CONTRADICTION %s %s: %s\n", x.Topic, x.Reason, x.Explanation)
		}
		for _, cm := range narrative.Ledger(cms, evs, cls, narrative.Options{}) {
			fmt.Printf("LEDGER %s %s %s %q due=%s:", cm.Actor.Code, cm.Category, cm.Status, cm.Action, cm.Due)
			for _, e := range cm.Evidence {
				fmt.Printf(" [%s %s %s %s]", e.Date, e.Status, e.Note, e.Record)
			}
			fmt.Println()
		}
		for _, a := range cd.articles {
			fmt.Printf("=== %s\n", a.file)
			sents := map[int]string{}
			var order []int
			note := func(si int, sentence, line string) {
				if _, ok := sents[si]; !ok {
					order = append(order, si)
					sents[si] = "  [" + sentence + "]\n"
				}
				sents[si] += line + "\n"
			}
			if *dumpMentions {
				for _, m := range a.cod.Mentions {
					fmt.Printf("  mention %q %s %v code=%s place=%s\n", m.Text, m.Type, m.Span, m.Code, m.Name)
				}
			}
			for _, e := range a.cod.Events {
				note(e.SentenceIndex, e.Sentence, fmt.Sprintf("    event %s %s %s→%s %s date=%s place=%s trigger=%q fat=%v attr=%v", e.CAMEO, e.PLOVER.Type, codesOf(e.Source), codesOf(e.Target), e.Modality, e.Date, placeOf(e.Place), e.Trigger, ptr(e.Fatalities.Best), attr(e.AttributedTo)))
			}
			for _, c := range a.cod.Claims {
				note(c.SentenceIndex, c.Sentence, fmt.Sprintf("    claim %s %s by %s(%s) about=%s place=%s count=%v/%s actors=%s prop=%q verb=%q", c.Topic, c.Polarity, c.Speaker.Code, c.Speaker.Text, c.About, placeOf(c.Place), ptr(c.Count), c.CountKind, codesOf(c.Actors), c.Proposition, c.Verb))
			}
			for _, c := range a.cod.Commitments {
				note(c.SentenceIndex, c.Sentence, fmt.Sprintf("    commitment %s %s by %s(%s) due=%s cond=%q place=%s action=%q", c.Category, c.Status, c.Actor.Code, c.Actor.Text, c.Due, c.Condition, placeOf(c.Place), c.Action))
			}
			for _, si := range order {
				fmt.Print(sents[si])
			}
		}
	}
}

func codesOf(as []domain.Actor) string {
	var s []string
	for _, a := range as {
		s = append(s, string(a.Code)+"("+a.Text+")")
	}
	return strings.Join(s, ",")
}

func placeOf(p *domain.Place) string {
	if p == nil {
		return "-"
	}
	return p.Name + "/" + string(p.Country) + "/" + p.Precision
}

func ptr(p *int) string {
	if p == nil {
		return "-"
	}
	return fmt.Sprint(*p)
}

func attr(a *domain.Actor) string {
	if a == nil {
		return "-"
	}
	return string(a.Code) + "(" + a.Text + ")"
}
