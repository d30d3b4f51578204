package codebook

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestPETRARCHSample reads a small handwritten PETRARCH dictionary and
// checks what its rules match.
func TestPETRARCHSample(t *testing.T) {
	path := filepath.Join("testdata", "petrarch_sample.txt")
	cb, err := LoadPETRARCH(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		sentence string
		want     []string // code, trigger, rule file
	}{
		{"The government pronounced a truce.", []string{"0871 pronounced truce petrarch_sample.txt:21"}},
		{"The rebels pulled back their soldiers from the town.", []string{"0874 pulled back soldiers from petrarch_sample.txt:28"}},
		{"The army pulled back.", []string{"0874 pulled back petrarch_sample.txt:27"}},
		{"The president pronounced a state of emergency.", []string{"1724 pronounced state of emergency petrarch_sample.txt:22"}},
		{"He pulled strings to get the job.", nil},
		{"Artillery bombarded the city.", []string{"194 bombarded petrarch_sample.txt:34"}},
	} {
		toks := tokenize(tc.sentence)
		var got []string
		for _, m := range cb.Match(toks, nil) {
			if !strings.Contains(m.Rule, "petrarch_sample") {
				continue
			}
			var words []string
			for _, i := range m.Trigger {
				words = append(words, toks[i].Text(tc.sentence))
			}
			got = append(got, m.Code+" "+strings.Join(words, " ")+" "+filepath.Base(m.Rule))
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tc.sentence, diff)
		}
	}
}

// TestPETRARCHDetect checks that a dictionary folder's PETRARCH file is
// recognised by its content, and other files are left alone.
func TestPETRARCHDetect(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "petrarch_sample.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !IsPETRARCH(data) {
		t.Errorf("IsPETRARCH(sample) = false, want true")
	}
	if IsPETRARCH([]byte("AFGHANISTAN_ [AFG]\n--- not a header\n")) {
		t.Errorf("IsPETRARCH(actor file) = true, want false")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "MyVerbs.txt"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "actors.txt"), []byte("SUDAN_ [SDN]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cb, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, m := range cb.Match(tokenize("The army pulled back."), nil) {
		if strings.HasSuffix(filepath.Dir(m.Rule), filepath.Base(dir)) || strings.Contains(m.Rule, "MyVerbs.txt") {
			found = true
		}
	}
	if !found {
		t.Errorf("the PETRARCH file in %s was not loaded", dir)
	}
}

// TestPETRARCHFull loads the production PETRARCH CAMEO 2.0 dictionary
// from the shared material and reports how many patterns it gives.
func TestPETRARCHFull(t *testing.T) {
	dir := sharedDir(t)
	path := filepath.Join(dir, "dictionaries/petrarch/CAMEO.2.0.txt")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("CAMEO.2.0.txt absent: %v", err)
	}
	base := mustLoad(t)
	cb, err := LoadPETRARCH(path)
	if err != nil {
		t.Fatal(err)
	}
	added := len(cb.Patterns()) - len(base.Patterns())
	if added < 1000 {
		t.Errorf("CAMEO.2.0.txt gave %d patterns, want thousands", added)
	}
	t.Logf("CAMEO.2.0.txt: %d patterns, %d skipped (code not in the codebook or not a pattern truce can match)", added, cb.Skipped())
	s := "Israeli jets bombed targets in Gaza after militants fired rockets."
	t.Logf("with CAMEO.2.0.txt, %q: %d matches", s, len(cb.Match(tokenize(s), nil)))
}
