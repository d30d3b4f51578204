package text

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func norms(s string) []string {
	var out []string
	for _, t := range Tokenize(s, 0, len(s), nil) {
		out = append(out, t.Norm)
	}
	return out
}

func TestTokenize(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"Nagorno-Karabakh’s breakaway", []string{"nagorno", "-", "karabakh", "'s", "breakaway"}},
		{"The U.S. State Dept. said", []string{"the", "u.s.", "state", "dept", ".", "said"}},
		{"Côte d'Ivoire and O’Brien", []string{"cote", "d'ivoire", "and", "o'brien"}},
		{"they didn't shell Xankəndi", []string{"they", "did", "n't", "shell", "xankendi"}},
		{"at least 1,000 killed on 19th Sept.", []string{"at", "least", "1,000", "killed", "on", "19th", "sept", "."}},
		{"“Peace,” he said — 3.5%", []string{`"`, "peace", ",", `"`, "he", "said", "-", "3.5", "%"}},
		{"the Armenians' homes", []string{"the", "armenians", "'", "homes"}},
	} {
		if got := norms(tc.in); !cmp.Equal(got, tc.want) {
			t.Errorf("Tokenize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTokenSpansAndShapes(t *testing.T) {
	s := "UN and NATO met McDonald in Yerevan"
	toks := Tokenize(s, 0, len(s), nil)
	want := []Shape{Upper, Lower, Upper, Lower, Mixed, Lower, Title}
	for i, tok := range toks {
		if tok.Shape != want[i] {
			t.Errorf("token %q shape = %d, want %d", tok.Text(s), tok.Shape, want[i])
		}
	}
	if got := toks[6].Text(s); got != "Yerevan" {
		t.Errorf("span text = %q, want Yerevan", got)
	}
}

func TestKeyAndHash(t *testing.T) {
	if got, want := Key("Nagorno-Karabakh"), "nagorno - karabakh"; got != want {
		t.Errorf("Key = %q, want %q", got, want)
	}
	h := Hash("nagorno")
	h = Extend(h, "-")
	h = Extend(h, "karabakh")
	if h != Hash(Key("Nagorno–Karabakh")) {
		t.Errorf("Extend hash differs from Hash(Key)")
	}
}

func TestSentences(t *testing.T) {
	s := "Title line\n\nThey have fought since 2016. The talks resumed.\n\nThe U.S. State Dept. said on Monday that Gen. Lee met Mr. Smith. Prices rose 3.5 per cent.\nA long hard-wrapped line of text that goes on and on past sixty bytes\nand ends here. Fine."
	var got []string
	for _, sp := range Sentences(s) {
		got = append(got, s[sp[0]:sp[1]])
	}
	want := []string{
		"Title line",
		"They have fought since 2016.",
		"The talks resumed.",
		"The U.S. State Dept. said on Monday that Gen. Lee met Mr. Smith.",
		"Prices rose 3.5 per cent.",
		"A long hard-wrapped line of text that goes on and on past sixty bytes\nand ends here.",
		"Fine.",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Sentences (-want +got):\n%s", diff)
	}
}

// TestPlainEnds pins which full stops are split without the model and
// which it is asked about.
func TestPlainEnds(t *testing.T) {
	for _, c := range []struct {
		s     string
		plain bool
	}{
		{"the talks resumed. Then", true},
		{"supplies since July. The", true},
		{"left Nagorno-Karabakh. Officials", true},
		{"the war in November 2020. Under", true},
		{"by 60 votes to 22. The", true},
		{"Azerbaijan. Residents", true},
		{"met Gen. Lee", false},
		{"in Sacramento, Calif. The", false},
		{"the U.S. State", false},
		{"U.S.-led. The", false},
		{"e.g. The", false},
		{"1. The first", false},
		{"met Mr. Smith", false},
		{"the F-16. Then", false},
	} {
		i := strings.Index(c.s, ". ")
		if got := plainWordBefore(c.s, i); got != c.plain {
			t.Errorf("%q: plain end = %v, want %v", c.s, got, c.plain)
		}
	}
	for s, want := range map[string]bool{
		"Prices rose 3.5 per cent.":     false,
		"The U.S. said so.":             true,
		"It ends at 1 p.m. local time.": true,
		"Nothing doubtful here!":        false,
		"A question? Then an answer.":   true,
		"The \"U.S.\" is a name.":       true,
	} {
		if got := doubtful(s); got != want {
			t.Errorf("doubtful(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestSentencesSeed(t *testing.T) {
	raw, err := os.ReadFile("../../../shared/seed/2023-11-07-nagorno-karabakh.txt")
	if err != nil {
		t.Skip("../shared/seed is absent: skipping the founding-article check")
	}
	s := string(raw)
	spans := Sentences(s)
	if len(spans) != 14 {
		t.Errorf("founding article: %d sentences, want 14", len(spans))
	}
	for _, sp := range spans {
		if sen := s[sp[0]:sp[1]]; strings.TrimSpace(sen) != sen || sen == "" {
			t.Errorf("sentence %q is not trimmed", sen)
		}
	}
	if got := s[spans[2][0]:spans[2][1]]; !strings.HasPrefix(got, "Amidst these tensions, David Babayan") || !strings.HasSuffix(got, "harm.") {
		t.Errorf("third sentence = %q", got)
	}
}

func FuzzTokenize(f *testing.F) {
	f.Add("Nagorno-Karabakh’s U.S. didn't 1,000 “x”")
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, tok := range Tokenize(s, 0, len(s), nil) {
			if tok.Start < prev || tok.End <= tok.Start || tok.End > len(s) {
				t.Fatalf("bad span %d-%d after %d in %q", tok.Start, tok.End, prev, s)
			}
			prev = tok.End
			if testMore.At(&tok) != testMore.Has(tok.Norm) {
				t.Fatalf("token %q: WordSet.At and Has disagree", tok.Norm)
			}
		}
		for _, sp := range Sentences(s) {
			if sp[0] < 0 || sp[1] > len(s) || sp[0] >= sp[1] {
				t.Fatalf("bad sentence span %v in %q", sp, s)
			}
		}
	})
}

func BenchmarkTokenize(b *testing.B) {
	s := "Amidst these tensions, David Babayan, an adviser to Nagorno-Karabakh’s breakaway ethnic Armenian leader, emphasized the need for security guarantees to protect their people from potential harm."
	var toks []Token
	for b.Loop() {
		toks = Tokenize(s, 0, len(s), toks[:0])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

func TestParseDocument(t *testing.T) {
	s := "Azerbaijan declared a ceasefire. Reports of gunfire continued."
	d := Parse(s)
	if len(d.Sentences) != 2 {
		t.Fatalf("Parse: %d sentences, want 2", len(d.Sentences))
	}
	if got := d.SentenceText(1); got != "Reports of gunfire continued." {
		t.Errorf("sentence 1 = %q", got)
	}
	if tok := d.Sentences[1].Tokens[0]; tok.Text(s) != "Reports" {
		t.Errorf("first token of sentence 1 = %q, want Reports", tok.Text(s))
	}
}

func TestEnglish(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       bool
	}{
		{"english", "Azerbaijan said on Tuesday that its forces had taken control of the region, and that the separatists had agreed to disarm after a ceasefire was announced by the Russian peacekeepers who are deployed there.", true},
		{"english with Arabic and Korean names", "Al-Shabab fighters attacked a base held by el-Sisi's allies, and Kim Jong Il was said to have been in the capital when it was hit by the rockets that the group had fired.", true},
		{"french", "Le gouvernement se défend de toute similarité avec les dispositifs mis en place par la NSA américaine, arguant notamment que les données ne seront pas conservées et que la loi est encadrée par le juge.", false},
		{"spanish", "El gobierno de Venezuela anunció que los observadores de la ONU podrán visitar las cárceles del país, según un comunicado del ministerio, pero la oposición dijo que es una maniobra para ganar tiempo con sus aliados.", false},
		{"german", "Die Regierung in Berlin hat am Montag angekündigt, dass sie die Hilfe für die Ukraine erhöhen wird, und der Kanzler sagte, dass es keine Alternative zu den Sanktionen gegen Russland gebe, die auch nach dem Krieg gelten.", false},
		{"too short to tell", "Le Monde", true},
	} {
		if got := Parse(tc.text).English(); got != tc.want {
			t.Errorf("%s: English() = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestParseAfterRelease checks that a document parsed into the tokens of
// a released one has the tokens a fresh parse gives, whatever the
// released one held.
func TestParseAfterRelease(t *testing.T) {
	long := strings.Repeat("Armenian forces shelled Stepanakert on Tuesday, officials in Baku said. ", 40)
	short := "Ceasefire holds. Talks résumé in Doha!"
	want := func(s string) [][]Token {
		var out [][]Token
		for _, sp := range Sentences(s) {
			out = append(out, Tokenize(s, sp[0], sp[1], nil))
		}
		return out
	}
	got := func(d *Document) [][]Token {
		var out [][]Token
		for _, s := range d.Sentences {
			out = append(out, slices.Clone(s.Tokens))
		}
		return out
	}
	for _, order := range [][]string{{long, short, long}, {short, long, short}} {
		for _, s := range order {
			d := Parse(s)
			if diff := cmp.Diff(want(s), got(d)); diff != "" {
				t.Errorf("Parse(%.30q…) after a release: tokens differ from a fresh parse (-want +got):\n%s", s, diff)
			}
			d.Release()
			if d.Sentences != nil {
				t.Errorf("sentences still set after Release")
			}
			d.Release() // twice is harmless
		}
	}
}
