package codebook

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/truce/truce/internal/text"
)

// sharedDir is the project's shared material (DESIGN.md, gold sets),
// next to the repository; tests that read it skip where it is absent.
func sharedDir(t testing.TB) string {
	t.Helper()
	for _, d := range []string{os.Getenv("TRUCE_SHARED"), "../../../shared", "/work/shared"} {
		if d == "" {
			continue
		}
		if _, err := os.Stat(filepath.Join(d, "DESIGN.md")); err == nil {
			return d
		}
	}
	t.Skip("shared material (../shared or $TRUCE_SHARED) is absent: skipping")
	return ""
}

// legacyPLOVER maps the event names of the older PLOVER drafts that the
// gold-standard records use to the PLOVER 2.0 types.
var legacyPLOVER = map[string]string{
	"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT",
}

// TestGoldCoverage measures, over the PLOVER gold-standard sentences, the
// share where some match has the gold event type. It only logs: the gold
// set is for finding missing general vocabulary, never for a rule per
// sentence. Run with -v to read it.
func TestGoldCoverage(t *testing.T) {
	dir := sharedDir(t)
	data, err := os.ReadFile(filepath.Join(dir, "gold/plover_gsr/PLOVER_GSR_CAMEO.txt"))
	if err != nil {
		t.Skipf("PLOVER gold standard absent: %v", err)
	}
	var recs []struct {
		Event string `json:"event"`
		Text  string `json:"text"`
	}
	if err := json.Unmarshal(data, &recs); err != nil {
		t.Fatalf("PLOVER gold standard: %v", err)
	}
	cb := mustLoad(t)
	type tally struct{ n, hit, any int }
	byType := map[string]*tally{}
	var total, hit, matched int
	var misses []string
	var buf []Match
	for _, r := range recs {
		if r.Event == "DOCUMENT" || r.Text == "" {
			continue
		}
		want := r.Event
		if v, ok := legacyPLOVER[want]; ok {
			want = v
		}
		toks := text.Tokenize(r.Text, 0, len(r.Text), nil)
		buf = cb.Match(toks, buf[:0])
		ok := false
		var got []string
		for _, m := range buf {
			got = append(got, m.Code+":"+m.PLOVER)
			if m.PLOVER == want {
				ok = true
			}
		}
		tl := byType[want]
		if tl == nil {
			tl = &tally{}
			byType[want] = tl
		}
		tl.n++
		total++
		if len(buf) > 0 {
			matched++
			tl.any++
		}
		if ok {
			hit++
			tl.hit++
		} else {
			misses = append(misses, want+" | "+r.Text+" | got "+strings.Join(got, " "))
		}
	}
	t.Logf("PLOVER GSR: %d sentences, gold type among matches in %d (%.1f%%), any match in %d (%.1f%%)",
		total, hit, 100*float64(hit)/float64(total), matched, 100*float64(matched)/float64(total))
	types := make([]string, 0, len(byType))
	for k := range byType {
		types = append(types, k)
	}
	sort.Strings(types)
	for _, k := range types {
		tl := byType[k]
		t.Logf("  %-10s %3d/%3d", k, tl.hit, tl.n)
	}
	if os.Getenv("TRUCE_SHOW_MISSES") != "" {
		for _, m := range misses {
			t.Log("miss: " + m)
		}
	}
}

func mustLoad(t testing.TB) *Codebook {
	t.Helper()
	cb, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return cb
}

// TestGoldPETRARCH measures, over the PETRARCH2 validation sentences, the
// share of coded sentences where some match has a gold event's code, and
// where it has a gold event's root. Logs only.
func TestGoldPETRARCH(t *testing.T) {
	dir := sharedDir(t)
	data, err := os.ReadFile(filepath.Join(dir, "gold/petr2_gsr/PETR2_GSR_validation.jsonl"))
	if err != nil {
		t.Skipf("PETR2 gold standard absent: %v", err)
	}
	cb := mustLoad(t)
	var total, code, root int
	for line := range strings.SplitSeq(strings.TrimSpace(string(data)), "\n") {
		var r struct {
			Text   string `json:"text"`
			Events []struct {
				Code string `json:"code"`
			} `json:"events"`
		}
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("PETR2 gold standard: %v", err)
		}
		if len(r.Events) == 0 {
			continue
		}
		total++
		ms := cb.Match(tokenize(r.Text), nil)
		okCode, okRoot := false, false
		for _, m := range ms {
			for _, e := range r.Events {
				okCode = okCode || m.Code == e.Code
				okRoot = okRoot || Root(m.Code) == Root(e.Code)
			}
		}
		if okCode {
			code++
		}
		if okRoot {
			root++
		}
		if !okRoot && os.Getenv("TRUCE_SHOW_MISSES") != "" {
			var got []string
			for _, m := range ms {
				got = append(got, m.Code)
			}
			t.Logf("miss: %v | %s | got %v", r.Events, r.Text, got)
		}
	}
	t.Logf("PETR2 GSR: %d coded sentences, a gold code among matches in %d (%.1f%%), a gold root in %d (%.1f%%)",
		total, code, pct(code, total), root, pct(root, total))
}

// ploverQuad is the PLOVER manual's quad of each type (table 7.2), 0 for
// statements: the classes the ConfliBERT set uses (it puts SUPPORT in
// verbal cooperation and SANCTION in verbal conflict, as PLOVER does and
// GDELT's CAMEO quads do not).
var ploverQuad = map[string]int{
	"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
	"COOPERATE": 2, "AID": 2, "RETREAT": 2,
	"REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "SANCTION": 3, "THREATEN": 3,
	"PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}

// TestGoldConfliBERT measures, over the ConfliBERT five-class sentences
// (0 statement, 1 verbal cooperation, 2 material cooperation, 3 verbal
// conflict, 4 material conflict), how often a match's PLOVER quad is the
// gold class. Logs only.
func TestGoldConfliBERT(t *testing.T) {
	dir := sharedDir(t)
	data, err := os.ReadFile(filepath.Join(dir, "gold/conflibert_cameo_train/cameo_class_train.tsv"))
	if err != nil {
		t.Skipf("ConfliBERT set absent: %v", err)
	}
	cb := mustLoad(t)
	var total, any, first, none int
	for line := range strings.SplitSeq(strings.TrimSpace(string(data)), "\n") {
		text, label, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		total++
		ms := cb.Match(tokenize(text), nil)
		if len(ms) == 0 {
			none++
			if os.Getenv("TRUCE_SHOW_MISSES") != "" {
				t.Logf("none: %s | %s", label, text)
			}
			continue
		}
		hit := false
		for i, m := range ms {
			if m.Class == ClassReport {
				continue
			}
			class := strconv.Itoa(ploverQuad[m.PLOVER])
			if class == strings.TrimSpace(label) {
				hit = true
				if i == 0 {
					first++
				}
			}
		}
		if hit {
			any++
		} else if os.Getenv("TRUCE_SHOW_MISSES") != "" {
			var got []string
			for _, m := range ms {
				got = append(got, m.Code)
			}
			t.Logf("wrong: %s | %s | got %v", label, text, got)
		}
	}
	t.Logf("ConfliBERT: %d sentences, gold class among matches in %d (%.1f%%), first match in %d (%.1f%%), no match in %d",
		total, any, pct(any, total), first, pct(first, total), none)
}

func pct(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return 100 * float64(n) / float64(d)
}
