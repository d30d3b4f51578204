package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// run runs truce with args against a fresh database in dir and returns
// stdout, stderr and the exit status.
func run(t *testing.T, dir string, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	full := append([]string{args[0], "--db", filepath.Join(dir, "t.db")}, args[1:]...)
	if args[0] == "help" || args[0] == "version" {
		full = args
	}
	code := Main(context.Background(), full, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

const seedPath = "../../../shared/seed/2023-11-07-nagorno-karabakh.txt"

func TestIngestSeedTwice(t *testing.T) {
	if _, err := os.Stat(seedPath); err != nil {
		t.Skip("../shared/seed is absent: skipping the founding-article ingest")
	}
	dir := t.TempDir()
	out, errs, code := run(t, dir, "", "ingest", seedPath)
	if code != 0 {
		t.Fatalf("ingest: exit %d, stderr %s", code, errs)
	}
	if want := "ingested 1 new, 0 duplicates, 0 failed"; strings.TrimSpace(out) != want {
		t.Errorf("ingest said %q, want %q", out, want)
	}
	out, _, code = run(t, dir, "", "articles", "--format", "jsonl")
	if code != 0 {
		t.Fatalf("articles: exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 1 {
		t.Fatalf("articles: %d lines, want 1:\n%s", len(lines), out)
	}
	var a map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &a); err != nil {
		t.Fatal(err)
	}
	if a["date"] != "2023-11-07" {
		t.Errorf("date = %v, want 2023-11-07", a["date"])
	}
	out, _, _ = run(t, dir, "", "articles", "--format", "jsonl", "--text")
	if !strings.Contains(out, `"text":"In the wake of Azerbaijan`) {
		t.Errorf("text does not start with %q:\n%.300s", "In the wake of Azerbaijan", out)
	}
	out, _, code = run(t, dir, "", "ingest", seedPath)
	if code != 0 || strings.TrimSpace(out) != "ingested 0 new, 1 duplicates, 0 failed" {
		t.Errorf("second ingest: exit %d, %q; want 0 new, 1 duplicate", code, out)
	}
}

func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"nosuch"}, 2, `unknown command "nosuch"`},
		{[]string{"ingest"}, 2, "no input given"},
		{[]string{"events", "--since", "yesterday"}, 2, "yesterday"},
		{[]string{"events", "--format", "xml"}, 2, `unknown --format "xml"`},
		{[]string{"eval", "plover"}, 2, "want KIND FILE"},
		{[]string{"articles"}, 1, "no database here"},
	} {
		_, errs, code := run(t, dir, "", tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.msg) {
			t.Errorf("truce %v: exit %d, stderr %q; want exit %d and %q", tc.args, code, errs, tc.code, tc.msg)
		}
		if strings.Count(strings.TrimSpace(errs), "\n") > 1 {
			t.Errorf("truce %v: more than a line and its usage on stderr: %q", tc.args, errs)
		}
	}
}

func TestIngestMixedDirectory(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.MkdirAll(in, 0o755)
	os.WriteFile(filepath.Join(in, "good.txt"), []byte("date 2023-09-20\nAzerbaijani forces shelled Stepanakert on Tuesday.\n"), 0o644)
	os.WriteFile(filepath.Join(in, "empty.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(in, "bad.jsonl"), []byte("{\"text\": \"Armenia protested.\"}\n{not json\n"), 0o644)
	out, errs, code := run(t, dir, "", "ingest", in)
	if code != 1 {
		t.Errorf("exit %d, want 1 (some inputs failed)", code)
	}
	if !strings.Contains(errs, "empty.txt") || !strings.Contains(errs, "bad.jsonl") {
		t.Errorf("stderr does not name both bad inputs:\n%s", errs)
	}
	if !strings.HasPrefix(strings.TrimSpace(out), "ingested 2 new") {
		t.Errorf("summary %q, want 2 new (the good file and the good line)", out)
	}
}

func TestCodeStdin(t *testing.T) {
	out, errs, code := run(t, t.TempDir(), "date 2023-11-07 Thousands of Armenians protested in Yerevan, demanding accountability from their government.", "code", "--mentions")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	kinds := map[string]int{}
	for line := range strings.SplitSeq(strings.TrimSpace(out), "\n") {
		var r struct{ Kind string }
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("not JSON: %q", line)
		}
		kinds[r.Kind]++
	}
	if kinds["mention"] == 0 || kinds["event"] == 0 {
		t.Errorf("record kinds %v, want mentions and events", kinds)
	}
}

// With --per-article, truce code prints each article's records together,
// its commitments included, and nothing across articles: the same events,
// claims and commitments as without it, and no contradictions.
func TestCodePerArticle(t *testing.T) {
	corpus := "../../examples/nagorno-karabakh"
	kinds := func(out string) (map[string]int, []string) {
		n := map[string]int{}
		var order []string
		for line := range strings.SplitSeq(strings.TrimSpace(out), "\n") {
			var r struct {
				Kind      string
				ArticleID string `json:"article_id"`
			}
			if err := json.Unmarshal([]byte(line), &r); err != nil {
				t.Fatalf("not JSON: %q", line)
			}
			n[r.Kind]++
			if r.ArticleID != "" && (len(order) == 0 || order[len(order)-1] != r.ArticleID) {
				order = append(order, r.ArticleID)
			}
		}
		return n, order
	}
	whole, errs, code := run(t, t.TempDir(), "", "code", corpus)
	if code != 0 {
		t.Fatalf("code: exit %d: %s", code, errs)
	}
	per, errs, code := run(t, t.TempDir(), "", "code", "--per-article", corpus)
	if code != 0 {
		t.Fatalf("code --per-article: exit %d: %s", code, errs)
	}
	w, _ := kinds(whole)
	p, order := kinds(per)
	if w["contradiction"] == 0 || p["contradiction"] != 0 {
		t.Errorf("contradictions: %d without --per-article, %d with it; want some, then none", w["contradiction"], p["contradiction"])
	}
	for _, k := range []string{"event", "claim", "commitment"} {
		if w[k] == 0 || p[k] != w[k] {
			t.Errorf("%d %s records with --per-article, %d without", p[k], k, w[k])
		}
	}
	seen := map[string]bool{}
	for _, id := range order {
		if seen[id] {
			t.Errorf("article %s's records are not together", id)
		}
		seen[id] = true
	}
}

// An article in another language is not coded into English nonsense:
// no records, and a warning that names it.
func TestCodeNotEnglish(t *testing.T) {
	fr := "date 2023-11-07 Le gouvernement arménien a dénoncé mardi les tirs de l'armée azerbaïdjanaise sur les positions de ses forces, selon un communiqué du ministère de la Défense, qui a ajouté que les soldats ont riposté et que la situation est restée tendue dans la région."
	out, errs, code := run(t, t.TempDir(), fr, "code", "--mentions")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if strings.TrimSpace(out) != "" {
		t.Errorf("records for a French article:\n%s", out)
	}
	if !strings.Contains(errs, "not coded: it does not read as English") || strings.Count(strings.TrimSpace(errs), "\n") != 0 {
		t.Errorf("stderr %q, want one warning line saying why", errs)
	}
}

func TestIngestNotEnglish(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "fr.txt")
	os.WriteFile(in, []byte("date 2023-11-07\nLe gouvernement arménien a dénoncé mardi les tirs de l'armée azerbaïdjanaise sur les positions de ses forces, selon un communiqué du ministère de la Défense, qui a ajouté que les soldats ont riposté et que la situation est restée tendue dans la région.\n"), 0o644)
	out, errs, code := run(t, dir, "", "ingest", in)
	if code != 0 || !strings.Contains(out, "ingested 1 new, 0 duplicates, 0 failed, 1 not coded (not English)") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

// An attack reported by a named party contradicts a ceasefire claim, as
// that party's word, through the store as through truce code.
func TestIngestReportedContradiction(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	os.WriteFile(a, []byte("date 2023-09-20\nAzerbaijan said the ceasefire was holding in Nagorno-Karabakh on Wednesday.\n"), 0o644)
	os.WriteFile(b, []byte("date 2023-09-20\nRussian peacekeepers were killed in Nagorno-Karabakh on Wednesday when their vehicle came under small-arms fire, Russia's Defence Ministry said.\n"), 0o644)
	if _, errs, code := run(t, dir, "", "ingest", a, b); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	out, errs, code := run(t, dir, "", "contradictions", "--format", "jsonl")
	if code != 0 {
		t.Fatalf("contradictions: exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "AZEGOV said vs fighting ongoing in Nagorno-Karabakh on 2023-09-20, RUSMIL said") {
		t.Errorf("no contradiction of Azerbaijan's ceasefire by Russia's report:\n%s", out)
	}
}

func TestListingFormats(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.txt")
	os.WriteFile(in, []byte("date 2023-11-07\nThousands of Armenians protested in Yerevan, demanding accountability from their government.\n"), 0o644)
	if _, errs, code := run(t, dir, "", "ingest", in); code != 0 {
		t.Fatalf("ingest: %s", errs)
	}
	out, errs, code := run(t, dir, "", "events", "--format", "geojson")
	if code != 0 {
		t.Fatalf("events --format geojson: exit %d: %s", code, errs)
	}
	var fc struct {
		Type     string
		Features []struct {
			Geometry   struct{ Coordinates []float64 }
			Properties struct{ Kind, CAMEO string }
		}
	}
	if err := json.Unmarshal([]byte(out), &fc); err != nil {
		t.Fatalf("geojson is not JSON: %v\n%s", err, out)
	}
	if fc.Type != "FeatureCollection" || len(fc.Features) == 0 {
		t.Fatalf("geojson: %+v", fc)
	}
	// Yerevan is at about 44.5 E, 40.2 N.
	if c := fc.Features[0].Geometry.Coordinates; len(c) != 2 || c[0] < 44 || c[0] > 45 || c[1] < 40 || c[1] > 40.5 {
		t.Errorf("first feature at %v, want Yerevan", c)
	}
	out, _, code = run(t, dir, "", "events", "--format", "csv", "--country", "ARM")
	if code != 0 || !strings.HasPrefix(out, "id,date,source,cameo,plover") || strings.Count(out, "\n") < 2 {
		t.Errorf("events --format csv --country ARM: exit %d\n%s", code, out)
	}
	if _, errs, code := run(t, dir, "", "claims", "--format", "geojson"); code != 2 || !strings.Contains(errs, `unknown --format "geojson"`) {
		t.Errorf("claims --format geojson: exit %d, %q; want a usage error", code, errs)
	}
	out, _, _ = run(t, dir, "", "events", "--format", "geojson", "--country", "NOR")
	if strings.TrimSpace(out) != `{"type":"FeatureCollection","features":[]}` {
		t.Errorf("no events as geojson: %q", out)
	}
}
