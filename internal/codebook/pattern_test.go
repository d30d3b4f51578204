package codebook

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/truce/truce/internal/dict"
)

func TestVerbForms(t *testing.T) {
	irr := newIrregular()
	for _, line := range []string{
		"take = verb past=took participle=taken",
		"fight = verb past=fought participle=fought",
		"have = verb past=had participle=had third=has",
	} {
		e, _, err := dict.ParseLine(line, "forms.txt", 1)
		if err != nil {
			t.Fatal(err)
		}
		if err := irr.add(&e); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		lemma string
		want  []string // forms that must be generated
		not   []string // forms that must not
	}{
		{"declare", []string{"declare", "declares", "declared", "declaring"}, []string{"declareing"}},
		{"deny", []string{"denies", "denied", "denying"}, []string{"denys"}},
		{"ban", []string{"bans", "banned", "banning"}, nil},
		{"stop", []string{"stopped", "stopping"}, nil},
		{"cancel", []string{"canceled", "cancelled", "cancelling"}, nil},
		{"agree", []string{"agreed", "agreeing", "agrees"}, []string{"agreeed"}},
		{"die", []string{"died", "dying", "dies"}, nil},
		{"veto", []string{"vetoes", "vetoed", "vetoing"}, nil},
		{"panic", []string{"panicked", "panicking"}, nil},
		{"push", []string{"pushes", "pushed"}, nil},
		{"take", []string{"took", "taken", "takes", "taking"}, []string{"taked"}},
		{"fight", []string{"fought", "fights", "fighting"}, []string{"fighted"}},
		{"have", []string{"has", "had", "having"}, []string{"haves"}},
	} {
		forms := irr.verbForms(tc.lemma)
		for _, w := range tc.want {
			if _, ok := forms[w]; !ok {
				t.Errorf("verbForms(%q): missing %q", tc.lemma, w)
			}
		}
		for _, w := range tc.not {
			if _, ok := forms[w]; ok {
				t.Errorf("verbForms(%q): got %q, want it absent", tc.lemma, w)
			}
		}
	}
}

func TestPlurals(t *testing.T) {
	irr := newIrregular()
	for _, tc := range []struct{ noun, want string }{
		{"truce", "truces"}, {"militia", "militias"}, {"casualty", "casualties"},
		{"crash", "crashes"}, {"box", "boxes"},
	} {
		if got := irr.nounPlurals(tc.noun); !slices.Contains(got, tc.want) {
			t.Errorf("nounPlurals(%q) = %v, want %q among them", tc.noun, got, tc.want)
		}
	}
}

// TestCompileErrors checks that malformed patterns are refused with a
// reason.
func TestCompileErrors(t *testing.T) {
	comp := newCompiler(newIrregular())
	for _, tc := range []struct{ pattern, want string }{
		{"", "empty pattern"},
		{"* shell", "starts with a word or a verb"},
		{"T of", "starts with a word or a verb"},
		{"+shell *", "does not end with a gap"},
		{"+accuse T of T", "more than one T"},
		{"+accuse * T of", "gap before T"},
		{"+speak_to|with", "is not a verb"},
		{"+", "want +lemma"},
		{"a||b", "empty"},
		{"+two words_x", ""},
		{"+co-operate|help", "hyphenated verb takes no alternatives"},
		{"x~~", "malformed"},
	} {
		_, err := comp.compile(tc.pattern)
		if tc.want == "" {
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("compile(%q) error = %v, want one containing %q", tc.pattern, err, tc.want)
		}
	}
}

// TestCompileShapes checks what patterns compile to.
func TestCompileShapes(t *testing.T) {
	comp := newCompiler(newIrregular())
	for _, tc := range []struct {
		pattern string
		want    []string // one line per element
		head    int
		verb    bool
	}{
		{"+declare * ceasefire~|truce", []string{"verb declare", "gap", "lit ceasefire|ceasefires|truce"}, 0, true},
		{"air_strike~|airstrike", []string{"lit air strike|air strikes|airstrike"}, 0, false},
		{"suicide car_bomb~ * +explode", []string{"lit suicide", "lit car bomb|car bombs", "gap", "verb explode"}, 3, true},
		{"clash~ with T", []string{"lit clash|clashes", "lit with", "target"}, 0, false},
		{"state of emergency", []string{"lit state", "lit of", "lit emergency"}, 0, false},
		{"+de-escalate", []string{"lit de", "lit -", "verb escalate"}, 2, true},
		{"+call_off|stop", []string{"verb call off|stop"}, 0, true},
	} {
		elems, err := comp.compile(tc.pattern)
		if err != nil {
			t.Errorf("compile(%q): %v", tc.pattern, err)
			continue
		}
		var got []string
		for _, e := range elems {
			switch e.kind {
			case elemGap:
				got = append(got, "gap")
			case elemTarget:
				got = append(got, "target")
			case elemLit:
				var alts []string
				for _, a := range e.alts {
					alts = append(alts, strings.Join(a, " "))
				}
				got = append(got, "lit "+strings.Join(alts, "|"))
			case elemVerb:
				var alts []string
				for _, g := range e.verbs {
					lemma := ""
					for _, f := range g.forms {
						if f.set&canBase != 0 {
							lemma = f.norm
						}
					}
					alts = append(alts, strings.TrimSpace(lemma+" "+strings.Join(g.particles, " ")))
				}
				got = append(got, "verb "+strings.Join(alts, "|"))
			}
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("compile(%q) (-want +got):\n%s", tc.pattern, diff)
		}
		if head, verb := headOf(elems); head != tc.head || verb != tc.verb {
			t.Errorf("headOf(%q) = %d, %v; want %d, %v", tc.pattern, head, verb, tc.head, tc.verb)
		}
	}
}

// TestStrictVerb checks that "+lemma!" drops the forms that are nouns.
func TestStrictVerb(t *testing.T) {
	cb := loadVerbs(t, "+storm! = 190\n")
	for _, tc := range []struct {
		sentence string
		want     int
	}{
		{"Troops stormed the town.", 1},
		{"They are storming the town.", 1},
		{"A storm hit the coast.", 0},
		{"Storms hit the coast.", 0},
	} {
		if got := len(cb.Match(tokenize(tc.sentence), nil)); got != tc.want {
			t.Errorf("%q: got %d matches, want %d", tc.sentence, got, tc.want)
		}
	}
}
