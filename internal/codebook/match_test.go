package codebook

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/truce/truce/internal/text"
)

func tokenize(s string) []text.Token { return text.Tokenize(s, 0, len(s), nil) }

// corpusCase is one line of testdata/corpus.txt:
//
//	SENTENCE => CODE trigger words ; !CODE ; ...
//
// Each CODE must be matched, with those trigger words when given; each
// !CODE must not be.
type corpusCase struct {
	line     int
	sentence string
	want     []corpusWant
}

type corpusWant struct {
	code    string
	trigger string
	absent  bool
}

func readCorpus(t testing.TB) []corpusCase {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "corpus.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []corpusCase
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		sentence, expect, ok := strings.Cut(line, "=>")
		if !ok {
			t.Fatalf("corpus.txt:%d: want SENTENCE => EXPECTED", n)
		}
		c := corpusCase{line: n, sentence: strings.TrimSpace(sentence)}
		for e := range strings.SplitSeq(expect, ";") {
			e = strings.TrimSpace(e)
			if e == "" {
				continue
			}
			var w corpusWant
			if strings.HasPrefix(e, "!") {
				w.absent = true
				e = e[1:]
			}
			code, trig, _ := strings.Cut(e, " ")
			w.code, w.trigger = code, strings.TrimSpace(trig)
			c.want = append(c.want, w)
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// describe renders a match for the golden file and failure messages.
func describe(s string, toks []text.Token, m Match) string {
	var words []string
	for _, i := range m.Trigger {
		words = append(words, toks[i].Text(s))
	}
	target := ""
	if m.Target >= 0 {
		target = " target=" + toks[m.Target].Text(s)
	}
	extra := ""
	if m.Class != "" {
		extra += " class=" + m.Class
	}
	if m.Modality != "" {
		extra += " modality=" + m.Modality
	}
	if m.Passive {
		extra += " passive"
	}
	return fmt.Sprintf("%s %s/%s %s %q%s%s", m.Code, m.PLOVER, m.Mode, m.Form,
		strings.Join(words, " "), target, extra)
}

// TestCorpus runs the pattern corpus: every expected code and trigger is
// matched, nothing forbidden is, and the full output equals the golden
// file (refresh with go test -update after reviewing the change).
func TestCorpus(t *testing.T) {
	cb := mustLoad(t)
	var golden strings.Builder
	roots := map[string]bool{}
	for _, c := range readCorpus(t) {
		toks := tokenize(c.sentence)
		ms := cb.Match(toks, nil)
		fmt.Fprintf(&golden, "%s\n", c.sentence)
		for _, m := range ms {
			fmt.Fprintf(&golden, "\t%s\n", describe(c.sentence, toks, m))
		}
		for _, w := range c.want {
			found := false
			for _, m := range ms {
				if m.Code != w.code {
					continue
				}
				var words []string
				for _, i := range m.Trigger {
					words = append(words, toks[i].Text(c.sentence))
				}
				if w.trigger == "" || strings.Join(words, " ") == w.trigger {
					found = true
				}
			}
			if !w.absent {
				roots[Root(w.code)] = true
			}
			switch {
			case w.absent && found:
				t.Errorf("corpus.txt:%d: %q: got code %s, want none", c.line, c.sentence, w.code)
			case !w.absent && !found:
				var got []string
				for _, m := range ms {
					got = append(got, describe(c.sentence, toks, m)+" ["+m.Pattern+"]")
				}
				t.Errorf("corpus.txt:%d: %q: got %v, want %s %q", c.line, c.sentence, got, w.code, w.trigger)
			}
		}
	}
	for r := 1; r <= 20; r++ {
		if root := fmt.Sprintf("%02d", r); !roots[root] {
			t.Errorf("corpus has no case for root %s", root)
		}
	}
	path := filepath.Join("testdata", "corpus.golden")
	if *update {
		if err := os.WriteFile(path, []byte(golden.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), golden.String()); diff != "" {
		t.Errorf("corpus output differs from %s (-want +got); review and run go test -update:\n%s", path, diff)
	}
}

// TestMatchRules checks the matcher's semantics on small handwritten
// dictionaries, independent of the embedded vocabulary.
func TestMatchRules(t *testing.T) {
	for _, tc := range []struct {
		name     string
		verbs    string
		sentence string
		want     []string // "code trigger [target=word] [form]"
	}{
		{"inflections", "+declare * ceasefire = 0871\n",
			"They are declaring a truce and declared a ceasefire.",
			[]string{"0871 declared ceasefire past"}},
		{"gerund and third", "+shell = 194\n+accuse T of = 112\n",
			"He accuses Kyiv of shelling the plant.",
			[]string{"112 accuses of target=Kyiv third", "194 shelling gerund"}},
		{"passive", "+shell = 194\n", "The town was shelled overnight.",
			[]string{"194 shelled participle passive"}},
		{"perfect is not passive", "+shell = 194\n", "The army has shelled the town.",
			[]string{"194 shelled participle"}},
		{"irregular", "+fight = 190\n+take * hostage~ = 181\n", "They fought on and took two hostages.",
			[]string{"190 fought past", "181 took hostages past"}},
		{"doubling", "+ban = 172\n+kidnap = 181\n", "Police banned the rally; gunmen kidnapped a priest.",
			[]string{"172 banned past", "181 kidnapped past"}},
		{"most specific wins on one head", "+declare = 010\n+declare * ceasefire = 0871\n",
			"Azerbaijan declared a ceasefire.", []string{"0871 declared ceasefire past"}},
		{"trigger words belong to one match", "+declare * ceasefire = 0871\nceasefire~ = 0871\n",
			"Azerbaijan declared a ceasefire.", []string{"0871 declared ceasefire past"}},
		{"longest wins a tie", "+call for = 100\n+call * for = 106\n",
			"They called urgently for talks.", []string{"106 called for past"}},
		{"stop pattern", "+attack = 190\nheart attack~ = ---\n",
			"He died of a heart attack after troops attacked.", []string{"190 attacked past"}},
		{"gap stops at a comma", "+attack * village = 180\n",
			"They attacked, then left the village.", nil},
		{"gap counts hyphenated words once", "+call_off * strike~ = 082\n",
			"The union called off a four-day strike.", []string{"082 called off strike past"}},
		{"gap limit", "+call_off * strike~ = 082\n",
			"The union called off its long and bitter nationwide strike.", nil},
		{"target skips prepositions", "+support T = 051\n",
			"With the support of Russia, and support for Iran.", nil},
		{"capitalised word is a name", "+march = 141\n", "In March, thousands march in Yerevan.",
			[]string{"141 march base"}},
		{"hyphen makes an adjective", "+back T = 051\n", "Russian-backed separatists backed the plan.",
			[]string{"051 backed target=the past"}},
		{"hyphen after a verb makes a compound", "+open * strike~ = 190\n+hand_over T = 0874\n",
			"Workers began an open-ended strike after the hand-over of Kherson.", nil},
		{"hyphenated verb", "+de-escalate = 087\n", "Both sides agreed to de-escalate.",
			[]string{"087 de - escalate base"}},
		{"phrasal alternatives", "+call_on|urge T to = 100\n", "They called on Moscow to leave and urged Kyiv to wait.",
			[]string{"100 called on to target=Moscow past", "100 urged to target=Kyiv past"}},
		{"plural and multiword alternative", "air_strike~|airstrike~ = 195\n", "Two air strikes and an airstrike hit.",
			[]string{"195 air strikes noun", "195 airstrike noun"}},
		{"pattern plover override", "+resign = 0831 plover=RETREAT mode=resign\n", "The minister resigned.",
			[]string{"0831 resigned past"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cb := loadVerbs(t, tc.verbs)
			toks := tokenize(tc.sentence)
			var got []string
			for _, m := range cb.Match(toks, nil) {
				var words []string
				for _, i := range m.Trigger {
					words = append(words, toks[i].Text(tc.sentence))
				}
				g := m.Code + " " + strings.Join(words, " ")
				if m.Target >= 0 {
					g += " target=" + toks[m.Target].Text(tc.sentence)
				}
				g += " " + m.Form.String()
				if m.Passive {
					g += " passive"
				}
				got = append(got, g)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Match(%q) (-want +got):\n%s", tc.sentence, diff)
			}
		})
	}
}

// loadVerbs loads the embedded codes with verbs as the only patterns: a
// user verbs.txt adds to the embedded ones, so this builds the codebook
// from sources directly.
func loadVerbs(t *testing.T, verbs string) *Codebook {
	t.Helper()
	srcs, err := embeddedSources()
	if err != nil {
		t.Fatal(err)
	}
	for i := range srcs {
		if srcs[i].kind == FileVerbs {
			srcs[i].data = []byte(verbs)
		}
	}
	cb, err := build(srcs)
	if err != nil {
		t.Fatal(err)
	}
	return cb
}

func TestMatchFields(t *testing.T) {
	cb := loadVerbs(t, "+pledge|promise|vow to = 030 class=promise modality=intended\n"+
		"+shell = 194 acled=\"Explosions/Remote violence: Shelling/artillery/missile attack\"\n")
	s := "Moscow vowed to stop shelling the town."
	toks := tokenize(s)
	ms := cb.Match(toks, nil)
	if len(ms) != 2 {
		t.Fatalf("got %d matches, want 2: %v", len(ms), ms)
	}
	m := ms[0]
	want := Match{Code: "030", Rule: m.Rule, Pattern: "+pledge|promise|vow to", Start: 1, End: 3, Head: 1,
		Form: Past, Target: -1, Trigger: []int{1, 2}, Class: ClassPromise, Modality: "intended",
		PLOVER: "AGREE", Context: []string{"diplomatic"}}
	if diff := cmp.Diff(want, m); diff != "" {
		t.Errorf("promise match (-want +got):\n%s", diff)
	}
	if !strings.HasPrefix(m.Rule, "verbs.txt:") {
		t.Errorf("Rule = %q, want verbs.txt:LINE", m.Rule)
	}
	if a := ms[1].ACLED; a == nil || a.SubEventType != "Shelling/artillery/missile attack" {
		t.Errorf("shelling ACLED = %v, want the pattern's", a)
	}
	if ms[1].Mode != "heavy-weapons" {
		t.Errorf("shelling mode = %q, want the code's heavy-weapons", ms[1].Mode)
	}
}

func TestMatchAppendsAndEmpty(t *testing.T) {
	cb := mustLoad(t)
	if got := cb.Match(nil, nil); got != nil {
		t.Errorf("Match(nil) = %v, want nil", got)
	}
	prev := []Match{{Code: "x"}}
	got := cb.Match(tokenize("Rebels shelled the city."), prev)
	if len(got) < 2 || got[0].Code != "x" {
		t.Errorf("Match did not append to dst: %v", got)
	}
}

// TestMatchConcurrent matches from several goroutines at once: the
// codebook is shared read-only and each call has its own scratch.
func TestMatchConcurrent(t *testing.T) {
	cb := mustLoad(t)
	cases := readCorpus(t)
	want := make([]string, len(cases))
	for i, c := range cases {
		want[i] = codes(cb, c.sentence)
	}
	done := make(chan error, 4)
	for g := 0; g < 4; g++ {
		go func() {
			for i, c := range cases {
				if got := codes(cb, c.sentence); got != want[i] {
					done <- fmt.Errorf("%q: got %q concurrently, want %q", c.sentence, got, want[i])
					return
				}
			}
			done <- nil
		}()
	}
	for g := 0; g < 4; g++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
