package text

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// modelSentences is Sentences with the model asked about every full stop,
// as before the plain ends were split without it: the two must agree.
func modelSentences(s string) [][2]int {
	tok, _ := englishSplitter()
	var out [][2]int
	for _, blk := range blocks(s) {
		part := s[blk[0]:blk[1]]
		var spans [][2]int
		for _, sen := range tok.Tokenize(part) {
			a, b := trimSpan(part, sen.Start, sen.End)
			if a >= b {
				continue
			}
			if n := len(spans); n > 0 && joinsPrevious(part[spans[n-1][0]:spans[n-1][1]], part[a:b]) {
				spans[n-1][1] = b
				continue
			}
			spans = append(spans, [2]int{a, b})
		}
		for _, sp := range spans {
			for _, sub := range splitAfterNumbers(part, sp[0], sp[1]) {
				out = append(out, [2]int{blk[0] + sub[0], blk[0] + sub[1]})
			}
		}
	}
	return out
}

// TestPlainSplitsAgreeWithModel splits every article of the sample and
// narrative corpora both ways.
func TestPlainSplitsAgreeWithModel(t *testing.T) {
	var files []string
	for _, g := range []string{"../../examples/nagorno-karabakh/*.txt", "../narrative/testdata/corpus/*/*.txt", "../../examples/samples/*"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	if len(files) < 50 {
		t.Fatalf("%d files found", len(files))
	}
	n := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		got, want := Sentences(s), modelSentences(s)
		n += len(want)
		if !slices.Equal(got, want) {
			for _, sp := range got {
				if !slices.Contains(want, sp) {
					t.Errorf("%s: split %q; the model does not", f, strings.TrimSpace(s[sp[0]:sp[1]]))
				}
			}
		}
	}
	t.Logf("%d files, %d sentences", len(files), n)
}
