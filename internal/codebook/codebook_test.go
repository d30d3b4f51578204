package codebook

import (
	"bufio"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

// TestCodes checks every code of cameo.txt: parented, in range, with a
// PLOVER type and mode from the manual, and labelled.
func TestCodes(t *testing.T) {
	cb := mustLoad(t)
	codes := cb.Codes()
	if len(codes) < 300 {
		t.Errorf("got %d codes, want the whole codebook (about 310)", len(codes))
	}
	roots := 0
	for _, c := range codes {
		if len(c.Code) == 2 {
			roots++
		}
		if p := Parent(c.Code); p != "" {
			if _, ok := cb.Code(p); !ok {
				t.Errorf("%s (%s): parent %s missing", c.Code, c.Rule, p)
			}
		}
		if c.Quad < 1 || c.Quad > 4 {
			t.Errorf("%s: quad %d, want 1 to 4", c.Code, c.Quad)
		}
		if want := quadOf(Root(c.Code)); c.Quad != want {
			t.Errorf("%s: quad %d, want %d (GDELT's assignment for root %s)", c.Code, c.Quad, want, Root(c.Code))
		}
		if c.Goldstein < -10 || c.Goldstein > 10 {
			t.Errorf("%s: goldstein %v, want -10 to 10", c.Code, c.Goldstein)
		}
		if c.Label == "" {
			t.Errorf("%s: no label", c.Code)
		}
		if c.PLOVER.Type == "" && Root(c.Code) != "01" {
			t.Errorf("%s: no PLOVER type; only root 01 (statements) has none", c.Code)
		}
		if c.ACLED != nil && c.Quad != 4 && c.Quad != 2 {
			t.Errorf("%s: ACLED type %v on a verbal code", c.Code, c.ACLED)
		}
	}
	if roots != 20 {
		t.Errorf("got %d roots, want 20", roots)
	}
}

func quadOf(root string) int {
	switch {
	case root <= "04":
		return 1
	case root <= "08":
		return 2
	case root <= "13":
		return 3
	}
	return 4
}

// TestPatternsCoverCodes checks that every pattern codes a known code and
// that every root and every three-digit code has patterns, and logs the
// pattern count of each root.
func TestPatternsCoverCodes(t *testing.T) {
	cb := mustLoad(t)
	per := map[string]int{}
	perRoot := map[string]int{}
	stops := 0
	for _, p := range cb.Patterns() {
		if p.Code == StopCode {
			stops++
			continue
		}
		if _, ok := cb.Code(p.Code); !ok {
			t.Errorf("%s: code %s not in cameo.txt", p.Rule, p.Code)
		}
		per[p.Code]++
		perRoot[Root(p.Code)]++
	}
	total := 0
	for _, c := range cb.Codes() {
		n := 0
		for code, k := range per {
			if strings.HasPrefix(code, c.Code) {
				n += k
			}
		}
		if len(c.Code) <= 3 && n == 0 {
			t.Errorf("code %s (%s) has no pattern", c.Code, c.Label)
		}
		if len(c.Code) == 2 {
			t.Logf("root %s %-34s %4d patterns", c.Code, c.Label, n)
			total += n
		}
	}
	t.Logf("%d patterns, %d stop patterns", total, stops)
}

// TestPatternsIndexable checks that no embedded pattern starts with a
// word so common that indexing by it would slow every sentence.
func TestPatternsIndexable(t *testing.T) {
	common := setOf("the", "a", "an", "of", "to", "and", "or", "is", "was", "that", "for", "it", "with", "as", "by")
	cb := mustLoad(t)
	for _, p := range cb.Patterns() {
		first := strings.Fields(p.Text)[0]
		for _, w := range strings.Split(strings.TrimPrefix(first, "+"), "|") {
			w = strings.SplitN(w, "_", 2)[0]
			if common[strings.TrimSuffix(w, "~")] {
				t.Errorf("%s: pattern %q starts with the common word %q", p.Rule, p.Text, w)
			}
		}
	}
}

// TestCAMEO2PLOVER compares our CAMEO-to-PLOVER types with the OEDA
// table and logs every difference; cameo.txt says why for each.
func TestCAMEO2PLOVER(t *testing.T) {
	dir := sharedDir(t)
	f, err := os.Open(filepath.Join(dir, "gold/plover_gsr/CAMEO2PLOVER-2021.txt"))
	if err != nil {
		t.Skipf("CAMEO2PLOVER table absent: %v", err)
	}
	defer f.Close()
	cb := mustLoad(t)
	sc := bufio.NewScanner(f)
	var same, differ, missing int
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		code, rest, ok := strings.Cut(line, ":")
		code = strings.TrimSpace(code)
		if !ok || !isCode(code) || len(code) < 3 {
			continue
		}
		fields := strings.Split(rest, ",")
		typ := strings.TrimSpace(fields[0])
		c, ok := cb.Code(code)
		if !ok {
			missing++
			t.Logf("%s: in the table (%s), not in CAMEO 1.1b3 nor cameo.txt", code, typ)
			continue
		}
		if c.PLOVER.Type != typ {
			differ++
			t.Logf("%s %s: ours %s, table %s", code, c.Label, c.PLOVER.Type, typ)
			continue
		}
		same++
	}
	t.Logf("CAMEO2PLOVER: %d codes agree, %d differ, %d not ours", same, differ, missing)
}

// TestLoadErrors checks that a bad user dictionary fails with its file
// and line named.
func TestLoadErrors(t *testing.T) {
	for _, tc := range []struct {
		name, file, body, want string
	}{
		{"unknown code", FileVerbs, "+frobnicate = 999\n", "verbs.txt:1: code 999 is not in cameo.txt"},
		{"bad attribute", FileVerbs, "# c\n+frobnicate = 010 colour=red\n", "verbs.txt:2: unknown attribute"},
		{"bad modality", FileVerbs, "+frobnicate = 010 modality=maybe\n", "verbs.txt:1: modality=maybe"},
		{"bad roles", FileVerbs, "+frobnicate = 010 roles=swapped\n", "verbs.txt:1: roles=swapped: want inverse, passive or strict"},
		{"bad acled", FileVerbs, "+frobnicate = 190 acled=\"Battles: Skirmish\"\n", "verbs.txt:1: acled="},
		{"bad mode", FileVerbs, "+frobnicate = 190 mode=waltz\n", "verbs.txt:1: mode=waltz: not a mode of ASSAULT"},
		{"gap first", FileVerbs, "* frobnicate = 010\n", "verbs.txt:1: pattern"},
		{"two targets", FileVerbs, "+frobnicate T to T = 010\n", "more than one T"},
		{"no code", FileVerbs, "+frobnicate =\n", "verbs.txt:1: missing the code"},
		{"quad", FileCodes, "Frob = 0101 quad=7 goldstein=1 plover=AGREE\n", "cameo.txt:1: quad=7"},
		{"goldstein", FileCodes, "Frob = 0101 quad=1 goldstein=11 plover=AGREE\n", "cameo.txt:1: goldstein=11"},
		{"plover type", FileCodes, "Frob = 0101 quad=1 goldstein=1 plover=HUG\n", "cameo.txt:1: plover=HUG"},
		{"orphan", FileCodes, "Frob = 0991 quad=3 goldstein=1 plover=ACCUSE\n", "code 0991 has no parent 099"},
		{"forms", FileForms, "frob = verb\n", "forms.txt:1: verb \"frob\""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, tc.file), []byte(tc.body), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Load(dir)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Load error = %v, want one containing %q", err, tc.want)
			}
		})
	}
}

// TestUserOverride checks that a user's files add to and override the
// embedded ones, and change the version.
func TestUserOverride(t *testing.T) {
	base := mustLoad(t)
	dir := t.TempDir()
	write := func(name, body string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(FileCodes, "Declare truce, ceasefire = 0871 quad=2 goldstein=8.5 plover=RETREAT mode=ceasefire\n")
	write(FileVerbs, "+frobnicate = 0871\nceasefire~ ; cease-fire~ ; truce~ ; armistice~ ; cessation_of_hostilities ; humanitarian_truce~ = ---\n")
	write(FileForms, "frobnicate = verb past=frobnicatd participle=frobnicatd\n")
	write("notes.txt", "not a dictionary\n")
	cb, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if c, _ := cb.Code("0871"); c.Goldstein != 8.5 {
		t.Errorf("0871 goldstein = %v, want the user's 8.5", c.Goldstein)
	}
	if cb.Version() == base.Version() {
		t.Errorf("version unchanged by a user dictionary: %s", cb.Version())
	}
	for _, tc := range []struct{ sentence, want string }{
		{"The rebels frobnicatd the town.", "0871"},
		{"The ceasefire was fragile.", ""},
	} {
		got := codes(cb, tc.sentence)
		if got != tc.want {
			t.Errorf("%q: got codes %q, want %q", tc.sentence, got, tc.want)
		}
	}
}

func TestVersionStable(t *testing.T) {
	a, b := mustLoad(t), mustLoad(t)
	if a.Version() != b.Version() || len(a.Version()) != 16 {
		t.Errorf("versions %q and %q: want the same 16 hex digits", a.Version(), b.Version())
	}
}

func TestRootParent(t *testing.T) {
	for _, tc := range []struct{ code, root, parent string }{
		{"0871", "08", "087"}, {"087", "08", "08"}, {"08", "08", ""}, {"19", "19", ""},
	} {
		if got := Root(tc.code); got != tc.root {
			t.Errorf("Root(%s) = %s, want %s", tc.code, got, tc.root)
		}
		if got := Parent(tc.code); got != tc.parent {
			t.Errorf("Parent(%s) = %s, want %s", tc.code, got, tc.parent)
		}
	}
}

// codes returns the codes matched in a sentence, space-separated, sorted.
func codes(cb *Codebook, s string) string {
	var out []string
	for _, m := range cb.Match(tokenize(s), nil) {
		out = append(out, m.Code)
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

var _ = cmp.Diff
