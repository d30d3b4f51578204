package gazetteer

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/text"
)

func TestPetrarchReaders(t *testing.T) {
	raw, err := os.ReadFile("testdata/petrarch/sample.actors.txt")
	if err != nil {
		t.Fatal(err)
	}
	if k := petrarchKind(raw); k != petrActors {
		t.Fatalf("actors detected as %d", k)
	}
	es, err := parsePetrarchActors(raw, "sample.actors.txt")
	if err != nil {
		t.Fatal(err)
	}
	var got [][]string
	for _, e := range es {
		row := append([]string{}, e.names...)
		for _, c := range e.codes {
			row = append(row, c.code+" "+c.from.String()+".."+c.until.String())
		}
		got = append(got, row)
	}
	want := [][]string{
		{"freedonia", "freedonian", "republic of freedonia", "FRD .."},
		{"rufus firefly", "president firefly", "FRDGOV 1995-01-01..1999-12-31", "FRDELI .."},
		{"sylvania liberation front", "SYLREB .."},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("actors (-want +got):\n%s", diff)
	}
	raw, err = os.ReadFile("testdata/petrarch/sample.agents.txt")
	if err != nil {
		t.Fatal(err)
	}
	if k := petrarchKind(raw); k != petrAgents {
		t.Fatalf("agents detected as %d", k)
	}
	as, err := parsePetrarchAgents(raw, "sample.agents.txt")
	if err != nil {
		t.Fatal(err)
	}
	got = nil
	for _, e := range as {
		got = append(got, append(append([]string{}, e.names...), e.codes[0].code))
	}
	want = [][]string{
		{"halberdier", "MIL"},
		{"bargeman", "bargemen", "bargewoman", "bargewomen", "BUS"},
		{"grand vizier", "grand viziers", "GOV"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("agents (-want +got):\n%s", diff)
	}
	if k := petrarchKind([]byte("Azerbaijan = AZE kind=country\n")); k != petrNone {
		t.Errorf("our format detected as PETRARCH %d", k)
	}
}

// TestPetrarchDict loads the sample through --dict and codes with it.
func TestPetrarchDict(t *testing.T) {
	opts := fixtureOptions(t)
	opts.Dirs = []string{"testdata/petrarch"}
	g, err := Load(opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		date, text, mention, code string
	}{
		{"1996-06-01", "President Firefly declared war.", "President Firefly", "FRDGOV"},
		{"2005-06-01", "Rufus Firefly declared war.", "Rufus Firefly", "FRDELI"},
		{"1933-06-01", "Freedonian halberdiers marched.", "Freedonian halberdiers", "FRDMIL"},
		{"1933-06-01", "The Sylvania Liberation Front attacked.", "Sylvania Liberation Front", "SYLREB"},
	} {
		d, _ := domain.ParseDate(c.date)
		var got string
		for _, m := range g.Mentions(text.Parse(c.text), d) {
			if m.Text == c.mention {
				got = string(m.Code)
			}
		}
		if got != c.code {
			t.Errorf("%q on %s: %q coded %q, want %q", c.text, c.date, c.mention, got, c.code)
		}
	}
}

// TestUserDictOverride: a user file named like ours adds and overrides.
func TestUserDictOverride(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "regions.txt"),
		[]byte("Karabakh = karabakh-lowlands country=AZE lat=40.0 lon=47.0\nFreedonia Hills = freedonia-hills country=AZE lat=40 lon=47\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := fixtureOptions(t)
	opts.Dirs = []string{dir}
	g, err := Load(opts)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, m := range g.Mentions(text.Parse("Fighting in Karabakh and the Freedonia Hills. Nagorno-Karabakh is calm."), domain.Date{}) {
		got[m.Text] = string(m.Region)
	}
	want := map[string]string{"Karabakh": "karabakh-lowlands", "Freedonia Hills": "freedonia-hills", "Nagorno-Karabakh": "nagorno-karabakh"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("regions (-want +got):\n%s", diff)
	}
}

// TestPhoenixDictionaries loads the four Phoenix files of shared/.
func TestPhoenixDictionaries(t *testing.T) {
	dir := "../../../shared/dictionaries/petrarch"
	if _, err := os.Stat(dir); err != nil {
		t.Skip("../shared/dictionaries/petrarch is absent: skipping the Phoenix dictionaries")
	}
	tmp := t.TempDir()
	for _, f := range []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt", "CAMEO.2.0.txt"} {
		if err := os.Symlink(filepath.Join(mustAbs(t, dir), f), filepath.Join(tmp, f)); err != nil {
			t.Fatal(err)
		}
	}
	opts := fixtureOptions(t)
	opts.Dirs = []string{tmp}
	g, err := Load(opts)
	if err != nil {
		t.Fatalf("Phoenix dictionaries: %v", err)
	}
	d, _ := domain.ParseDate("2010-06-01")
	var got string
	for _, m := range g.Mentions(text.Parse("Hamid Karzai met Taliban leaders."), d) {
		if m.Text == "Hamid Karzai" {
			got = string(m.Code)
		}
	}
	if got != "AFGGOV" {
		t.Errorf("Hamid Karzai in 2010 with the Phoenix dictionaries = %q, want AFGGOV", got)
	}
}

func mustAbs(t *testing.T, p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func FuzzPetrarch(f *testing.F) {
	for _, p := range []string{"testdata/petrarch/sample.actors.txt", "testdata/petrarch/sample.agents.txt"} {
		raw, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}
	f.Add([]byte("X_ [ABC 991301-]\n+[\n\t[~\n!A! = B\n!A! C {D [~EFG]\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		petrarchKind(raw)
		if es, err := parsePetrarchActors(raw, "f"); err == nil {
			for _, e := range es {
				if len(e.codes) == 0 || len(e.names) == 0 {
					t.Fatalf("entry without codes or names: %+v", e)
				}
			}
		}
		parsePetrarchAgents(raw, "f")
	})
}
