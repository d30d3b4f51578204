package codebook

import (
	"strings"
	"testing"
)

// FuzzCompile feeds arbitrary text to the pattern parser, and a pattern
// that compiles to the matcher: neither may panic.
func FuzzCompile(f *testing.F) {
	for _, s := range []string{
		"+declare * ceasefire~|truce~", "+accuse T of", "+call_on|call_upon T to * withdraw",
		"air_strike~|airstrike~", "+de-escalate", "* x", "T", "+", "a|", "~", "+a_b_c|d_e",
		"heart_attack~", "+be ready|willing to", "x * * y T z", "ceasefire~ * +hold|take_effect",
	} {
		f.Add(s, "Azerbaijan declared a ceasefire, then accused Armenia of shelling.")
	}
	irr := newIrregular()
	f.Fuzz(func(t *testing.T, pattern, sentence string) {
		comp := newCompiler(irr)
		elems, err := comp.compile(pattern)
		if err != nil {
			return
		}
		r := rule{code: "010", text: pattern, elems: elems}
		r.head, r.verb = headOf(elems)
		cb := &Codebook{codes: map[string]*Code{}, rules: []rule{r}}
		cb.buildIndex()
		checkMatches(t, cb, sentence)
	})
}

// FuzzMatch runs the embedded codebook on arbitrary sentences.
func FuzzMatch(f *testing.F) {
	for _, s := range []string{
		"Russian forces shelled the city overnight, killing 5 civilians.",
		"While Azerbaijan declared that a ceasefire had been reached, reports of gunfire continued.",
		"“Peace,” he said — U.S.-backed forces didn't attack.", "", "-", "'s", "a - - b",
	} {
		f.Add(s)
	}
	cb := mustLoad(f)
	f.Fuzz(func(t *testing.T, sentence string) {
		checkMatches(t, cb, sentence)
	})
}

// FuzzPETRARCH reads arbitrary text as a PETRARCH verb dictionary.
func FuzzPETRARCH(f *testing.F) {
	f.Add("---  SHELL   [194]  ---\nSHELL\n- * (ON +) [:194]\n")
	f.Add("&S\n+A_B_\n---  X [---] ---\n+Y_Z {+YS_Z} [010]\n- $ {A B} * &S ^ % + [0871:087]\n")
	f.Add("--- [ ---\n- [\n- * {\n")
	all, err := embeddedSources()
	if err != nil {
		f.Fatal(err)
	}
	// The codes and forms only: the embedded patterns would only slow
	// each run down.
	var srcs []source
	for _, s := range all {
		if s.kind != FileVerbs {
			srcs = append(srcs, s)
		}
	}
	f.Fuzz(func(t *testing.T, dict string) {
		all := append(append([]source(nil), srcs...), source{name: "fuzz.txt", kind: "petrarch", data: []byte(dict), prio: 1})
		cb, err := build(all)
		if err != nil {
			return
		}
		checkMatches(t, cb, "The army shelled the town and pulled back its troops.")
	})
}

// checkMatches matches s and checks the invariants of every match.
func checkMatches(t *testing.T, cb *Codebook, s string) {
	t.Helper()
	toks := tokenize(s)
	for _, m := range cb.Match(toks, nil) {
		if m.Start < 0 || m.End > len(toks) || m.Start >= m.End {
			t.Fatalf("%q: match %v: span [%d,%d) outside %d tokens", s, m.Pattern, m.Start, m.End, len(toks))
		}
		if m.Head < m.Start || m.Head >= m.End {
			t.Fatalf("%q: match %v: head %d outside [%d,%d)", s, m.Pattern, m.Head, m.Start, m.End)
		}
		if m.Target != -1 && (m.Target < m.Start || m.Target >= m.End) {
			t.Fatalf("%q: match %v: target %d outside [%d,%d)", s, m.Pattern, m.Target, m.Start, m.End)
		}
		if len(m.Trigger) == 0 {
			t.Fatalf("%q: match %v: no trigger", s, m.Pattern)
		}
		for i, k := range m.Trigger {
			if k < m.Start || k >= m.End || (i > 0 && k <= m.Trigger[i-1]) {
				t.Fatalf("%q: match %v: trigger %v not increasing inside the span", s, m.Pattern, m.Trigger)
			}
		}
		if m.Code == StopCode || strings.TrimSpace(m.Code) == "" {
			t.Fatalf("%q: match %v: code %q", s, m.Pattern, m.Code)
		}
	}
}
