package eval

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/truce/truce/internal/domain"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// golden compares got with testdata/golden/name, or rewrites it with
// -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got); run go test -update if the change is right:\n%s", p, diff)
	}
}

// fakeCoder returns the codings it is given, by article id, and records
// the articles it was asked to code.
type fakeCoder struct {
	codings map[string]domain.Coding
	fail    map[string]bool

	mu   sync.Mutex
	seen map[string]domain.Article
}

func newFake(codings map[string]domain.Coding, fail ...string) *fakeCoder {
	f := &fakeCoder{codings: codings, fail: map[string]bool{}, seen: map[string]domain.Article{}}
	for _, id := range fail {
		f.fail[id] = true
	}
	return f
}

func (f *fakeCoder) Code(_ context.Context, a *domain.Article) (domain.Coding, error) {
	f.mu.Lock()
	f.seen[a.ID] = *a
	f.mu.Unlock()
	if f.fail[a.ID] {
		return domain.Coding{}, errors.New("coder broke")
	}
	c := f.codings[a.ID]
	c.ArticleID = a.ID
	return c, nil
}

func (f *fakeCoder) Version() string { return "fake-1" }

func fl(v float64) *float64 { return &v }

// mention returns a mention of sub, found in text.
func mention(t *testing.T, text, sub, typ, code, country, sector string) domain.Mention {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("mention %q is not in %q", sub, text)
	}
	return domain.Mention{
		Text: sub, Span: domain.Span{Start: i, End: i + len(sub)}, Type: typ,
		Code: domain.NullString(code), Country: domain.NullString(country), Sector: domain.NullString(sector),
	}
}

// at returns a mention at a byte span, for the rebuilt span sentences.
func at(typ string, start, end int) domain.Mention {
	return domain.Mention{Span: domain.Span{Start: start, End: end}, Type: typ}
}

func actor(code, country string) domain.Actor {
	return domain.Actor{Code: domain.NullString(code), Country: domain.NullString(country)}
}

func actors(as ...domain.Actor) []domain.Actor { return as }

func ploverEvent(typ string, src, tgt []domain.Actor) domain.Event {
	return domain.Event{PLOVER: domain.PLOVER{Type: typ}, Source: src, Target: tgt}
}

func cameoEvent(code string, src, tgt []domain.Actor) domain.Event {
	return domain.Event{CAMEO: code, Source: src, Target: tgt}
}

func classEvent(code string, quad int, conf float64) domain.Event {
	return domain.Event{CAMEO: code, QuadClass: quad, Confidence: conf}
}

func acledEvent2(event, sub, modality string, conf float64) domain.Event {
	return domain.Event{ACLED: &domain.ACLED{EventType: event, SubEventType: sub}, Modality: modality, Confidence: conf}
}

// texts reads the fixture's sentences by id, so that the codings below
// can point into them.
func ploverTexts(t *testing.T) map[string]string {
	t.Helper()
	f, err := os.Open("testdata/plover.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := ReadPLOVER(f, "plover.json")
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, r := range recs {
		m[r.ID] = r.Text
	}
	return m
}

// ploverCoder codes the PLOVER fixture; the comments give what each
// sentence scores.
func ploverCoder(t *testing.T) *fakeCoder {
	tx := ploverTexts(t)
	agree, protest, assault, demand := tx["T-AGREE-0001"], tx["T-PROTEST-0001"], tx["T-ASSAULT-0001"], tx["T-DEMAND-0001"]
	return newFake(map[string]domain.Coding{
		// Type found; the two AGREE events together carry KEN and UGA as
		// sources and no target: actors match. CONSULT is one extra.
		// Kenyan: country and sector; Ugandan: country, wrong sector.
		// Busia: a place in KEN, the gold's KE.
		"T-AGREE-0001": {
			Events: []domain.Event{
				ploverEvent("AGREE", actors(actor("KENGOV", "KEN")), nil),
				ploverEvent("AGREE", actors(actor("UGAGOV", "UGA")), nil),
				ploverEvent("CONSULT", actors(actor("KENGOV", "KEN")), actors(actor("UGAGOV", "UGA"))),
			},
			Mentions: []domain.Mention{
				mention(t, agree, "Kenyan", domain.MentionActor, "KENGOV", "KEN", "GOV"),
				mention(t, agree, "Ugandan ministers", domain.MentionActor, "UGAMIL", "UGA", "MIL"),
				mention(t, agree, "Busia", domain.MentionPlace, "", "KEN", ""),
			},
		},
		// Type and actors found. Students: country and sector; the
		// Chilean government: no mention. Santiago: found (no gold
		// country to check).
		"T-PROTEST-0001": {
			Events: []domain.Event{
				ploverEvent("PROTEST", actors(actor("CHLEDU", "CHL")), actors(actor("CHLGOV", "CHL"))),
			},
			Mentions: []domain.Mention{
				mention(t, protest, "students", domain.MentionActor, "CHLEDU", "CHL", "EDU"),
				mention(t, protest, "Santiago", domain.MentionPlace, "", "CHL", ""),
			},
		},
		// Type missed (FIGHT, one extra). Gunmen: coded with an unknown
		// country; Rebel fighters: not in the sentence; the UN
		// peacekeepers: IGOUNO matches the gold's IGO, and IGOUNOMIL
		// carries the gold sector MIL.
		"T-ASSAULT-0001": {
			Events: []domain.Event{ploverEvent("FIGHT", nil, nil)},
			Mentions: []domain.Mention{
				mention(t, assault, "Gunmen", domain.MentionActor, "---REB", "", "REB"),
				mention(t, assault, "United Nations", domain.MentionOrg, "IGOUNO", "", "IGO"),
				mention(t, assault, "peacekeepers", domain.MentionOrg, "IGOUNOMIL", "", "IGO"),
			},
		},
		// Type found (case folded) but a target where the gold has none.
		// Opposition leaders: country, but a sector where the gold has
		// "***" (none). Harare: not in the sentence.
		"T-DEMAND-0001": {
			Events: []domain.Event{
				ploverEvent("request", actors(actor("ZWEOPP", "ZWE")), actors(actor("ZWEMED", "ZWE"))),
			},
			Mentions: []domain.Mention{
				mention(t, demand, "Opposition leaders", domain.MentionActor, "ZWEOPP", "ZWE", "OPP"),
			},
		},
	})
}

var wantPLOVER = &PLOVERReport{
	EventType:        Ratio{3, 4, fl(0.75)},
	TypeActors:       Ratio{2, 4, fl(0.5)},
	ExtraEvents:      2,
	ExtraPerSentence: fl(0.5),
	ByType: []ClassScore{
		{Class: "AGREE", Gold: 1, Coded: 1, PRF: PRF{TP: 1, Precision: fl(1), Recall: fl(1), F1: fl(1)}},
		{Class: "ASSAULT", Gold: 1, Coded: 0, PRF: PRF{FN: 1, Recall: fl(0), F1: fl(0)}},
		{Class: "CONSULT", Gold: 0, Coded: 1, PRF: PRF{FP: 1, Precision: fl(0), F1: fl(0)}},
		{Class: "FIGHT", Gold: 0, Coded: 1, PRF: PRF{FP: 1, Precision: fl(0), F1: fl(0)}},
		{Class: "PROTEST", Gold: 1, Coded: 1, PRF: PRF{TP: 1, Precision: fl(1), Recall: fl(1), F1: fl(1)}},
		{Class: "REQUEST", Gold: 1, Coded: 1, PRF: PRF{TP: 1, Precision: fl(1), Recall: fl(1), F1: fl(1)}},
	},
	// Eight gold actors: Kenyan ✓✓, Ugandan ✓✗, students ✓✓, Chilean
	// government ✗✗, Gunmen ✗✗, Rebel fighters (not located), UN
	// peacekeepers ✓✓, Opposition leaders ✓✗.
	Actors: ActorScore{
		Country:       Ratio{5, 8, fl(0.625)},
		CountrySector: Ratio{3, 8, fl(0.375)},
		NotLocated:    1,
	},
	// Busia ✓, Santiago ✓, Harare not in its sentence.
	Locations:           Ratio{2, 3, fl(0.6667)},
	LocationsNotLocated: 1,
}

func petrarchCoder() *fakeCoder {
	return newFake(map[string]domain.Coding{
		// Gold NOR>COL 043, COL>COL 040. Coded 043 right, 042 for 040:
		// full code tp 1, fp 1, fn 1; root tp 2.
		"S1": {Events: []domain.Event{
			cameoEvent("043", actors(actor("NORGOV", "NOR")), actors(actor("COLGOV", "COL"))),
			cameoEvent("042", actors(actor("COLGOV", "COL")), actors(actor("COLREB", "COL"))),
		}},
		// Gold --->--- 173 (unknown countries). Coded 173 with no target
		// (---): tp; 145 against two targets of unknown country gives one
		// triple: fp (at both levels).
		"S2": {Events: []domain.Event{
			cameoEvent("173", actors(actor("---COP", "")), nil),
			cameoEvent("145", actors(actor("---COP", "")), actors(actor("---CVL", ""), actor("---CVL", ""))),
		}},
		// No event in the gold: 010 is a false positive; an event without
		// a CAMEO code is left out.
		"S3": {Events: []domain.Event{
			cameoEvent("010", actors(actor("NOR", "NOR")), nil),
			{PLOVER: domain.PLOVER{Type: "CONSULT"}},
		}},
		// Gold IGOUNO>--- 122; IGOUNOGOV matches by prefix: tp.
		"S4": {Events: []domain.Event{
			cameoEvent("122", actors(actor("IGOUNOGOV", "")), nil),
		}},
	})
}

var wantPETRARCH = &PETRARCHReport{
	Root:                  PRF{TP: 4, FP: 2, FN: 0, Precision: fl(0.6667), Recall: fl(1), F1: fl(0.8)},
	Full:                  PRF{TP: 3, FP: 3, FN: 1, Precision: fl(0.5), Recall: fl(0.75), F1: fl(0.6)},
	NoEventSentences:      1,
	NoEventFalsePositives: 1,
}

func conflibertCoder() *fakeCoder {
	return newFake(map[string]domain.Coding{
		// line 1, gold 0: no event, 0 ✓
		"conflibert.tsv:2": {Events: []domain.Event{ // gold 1: the more confident 036 → 1 ✓
			classEvent("057", 1, 0.5), classEvent("036", 1, 0.9)}},
		"conflibert.tsv:3": {Events: []domain.Event{ // gold 2: no quad class, root 07 → 2 ✓
			classEvent("073", 0, 0.7)}},
		"conflibert.tsv:4": {Events: []domain.Event{ // gold 3: a tie, the first → 3 ✓
			classEvent("112", 3, 0.6), classEvent("190", 4, 0.6)}},
		"conflibert.tsv:5": {Events: []domain.Event{ // gold 4: root 02 → 0 ✗
			classEvent("020", 1, 0.8)}},
		"conflibert.tsv:6": {Events: []domain.Event{ // gold 4: 111 → 3 ✗
			classEvent("111", 3, 0.9), classEvent("180", 4, 0.5)}},
	})
}

var wantConfliBERT = &ClassReport{
	Accuracy: Ratio{4, 6, fl(0.6667)},
	// (2/3 + 1 + 1 + 2/3 + 0) / 5
	MacroF1: fl(0.6667),
	Classes: []ClassScore{
		{Class: "0 statement", Gold: 1, Coded: 2, PRF: PRF{TP: 1, FP: 1, Precision: fl(0.5), Recall: fl(1), F1: fl(0.6667)}},
		{Class: "1 verbal cooperation", Gold: 1, Coded: 1, PRF: PRF{TP: 1, Precision: fl(1), Recall: fl(1), F1: fl(1)}},
		{Class: "2 material cooperation", Gold: 1, Coded: 1, PRF: PRF{TP: 1, Precision: fl(1), Recall: fl(1), F1: fl(1)}},
		{Class: "3 verbal conflict", Gold: 1, Coded: 2, PRF: PRF{TP: 1, FP: 1, Precision: fl(0.5), Recall: fl(1), F1: fl(0.6667)}},
		{Class: "4 material conflict", Gold: 2, Coded: 0, PRF: PRF{FN: 2, Recall: fl(0), F1: fl(0)}},
	},
	Confusion: [5][5]int{
		{1, 0, 0, 0, 0},
		{0, 1, 0, 0, 0},
		{0, 0, 1, 0, 0},
		{0, 0, 0, 1, 0},
		{1, 0, 0, 1, 0},
	},
}

// The spans fixture rebuilds to
//
//	"A Swiss court fined the Greek shipowner ." (S [2,13), T [20,39))
//	"Kenya and Somalia met rebels ."           (R [0,5), R [10,17), S [22,28))
func spansCoder() *fakeCoder {
	return newFake(map[string]domain.Coding{
		"conflibert_spans.txt:1": {Mentions: []domain.Mention{
			at(domain.MentionActor, 2, 13),   // "Swiss court": exact
			at(domain.MentionPerson, 24, 39), // "Greek shipowner": overlaps T
			at(domain.MentionPlace, 24, 29),  // a place: not scored
		}},
		"conflibert_spans.txt:10": {Mentions: []domain.Mention{
			at(domain.MentionActor, 0, 5), // "Kenya": exact
			at(domain.MentionOrg, 10, 21), // "Somalia met": overlaps R
			at(domain.MentionActor, 18, 21),
		}},
	})
}

var wantSpans = &SpanReport{
	GoldSpans: 5,
	Mentions:  5,
	Exact:     SpanScore{Precision: Ratio{2, 5, fl(0.4)}, Recall: Ratio{2, 5, fl(0.4)}, F1: fl(0.4)},
	Overlap:   SpanScore{Precision: Ratio{4, 5, fl(0.8)}, Recall: Ratio{4, 5, fl(0.8)}, F1: fl(0.8)},
	ByRole: []RoleScore{
		{Role: "source", Exact: Ratio{1, 2, fl(0.5)}, Overlap: Ratio{1, 2, fl(0.5)}},
		{Role: "target", Exact: Ratio{0, 1, fl(0)}, Overlap: Ratio{1, 1, fl(1)}},
		{Role: "reciprocal", Exact: Ratio{1, 2, fl(0.5)}, Overlap: Ratio{2, 2, fl(1)}},
	},
}

func acledCoder() *fakeCoder {
	return newFake(map[string]domain.Coding{
		"a1": {Events: []domain.Event{ // ✓ sub, ✓ event type
			acledEvent2("Explosions/Remote violence", "Air/drone strike", domain.ModalityAsserted, 0.9)}},
		"a2": {Events: []domain.Event{ // ✗ sub, ✓ event type (Protests)
			acledEvent2("Protests", "Protest with intervention", "", 0.7)}},
		"a3": {Events: []domain.Event{ // no ACLED type: none ✓ ✓
			{CAMEO: "042"}}},
		"a4": {Events: []domain.Event{ // the denied clash does not count: Attack ✗ ✗
			acledEvent2("Battles", "ARMED_CLASH", domain.ModalityNegated, 0.9),
			acledEvent2("Violence against civilians", "Attack", domain.ModalityReported, 0.4)}},
		"a5": {Events: []domain.Event{ // a type outside ACLED's: ✗, event type Riots ✓
			acledEvent2("Riots", "Rioting", domain.ModalityAsserted, 0.8)}},
		// a6 fails: none coded ✗ ✗
	}, "a6")
}

var wantACLED = &ACLEDReport{
	SubEventType: Ratio{2, 6, fl(0.3333)},
	EventType:    Ratio{4, 6, fl(0.6667)},
	Classes: []ClassScore{
		{Class: "Armed clash", Gold: 1, PRF: PRF{FN: 1, Recall: fl(0), F1: fl(0)}},
		{Class: "Air/drone strike", Gold: 1, Coded: 1, PRF: PRF{TP: 1, Precision: fl(1), Recall: fl(1), F1: fl(1)}},
		{Class: "Attack", Coded: 1, PRF: PRF{FP: 1, Precision: fl(0), F1: fl(0)}},
		{Class: "Peaceful protest", Gold: 1, PRF: PRF{FN: 1, Recall: fl(0), F1: fl(0)}},
		{Class: "Protest with intervention", Coded: 1, PRF: PRF{FP: 1, Precision: fl(0), F1: fl(0)}},
		{Class: "Mob violence", Gold: 1, PRF: PRF{FN: 1, Recall: fl(0), F1: fl(0)}},
		{Class: "Arrests", Gold: 1, PRF: PRF{FN: 1, Recall: fl(0), F1: fl(0)}},
		{Class: "Rioting", Coded: 1, PRF: PRF{FP: 1, Precision: fl(0), F1: fl(0)}},
		{Class: "(none)", Gold: 1, Coded: 2, PRF: PRF{TP: 1, FP: 1, Precision: fl(0.5), Recall: fl(1), F1: fl(0.6667)}},
	},
}

func TestRun(t *testing.T) {
	for _, tc := range []struct {
		name, kind, file string
		coder            func(*testing.T) *fakeCoder
		want             Report
	}{
		{"plover", KindPLOVER, "testdata/plover.json", ploverCoder,
			Report{Sentences: 4, PLOVER: wantPLOVER}},
		{"petrarch_jsonl", KindPETRARCH, "testdata/petrarch.jsonl", func(*testing.T) *fakeCoder { return petrarchCoder() },
			Report{Sentences: 4, Skipped: 1, PETRARCH: wantPETRARCH}},
		{"petrarch_xml", KindPETRARCH, "testdata/petrarch.xml", func(*testing.T) *fakeCoder { return petrarchCoder() },
			Report{Sentences: 4, Skipped: 1, PETRARCH: wantPETRARCH}},
		{"conflibert", KindConfliBERT, "testdata/conflibert.tsv", func(*testing.T) *fakeCoder { return conflibertCoder() },
			Report{Sentences: 6, ConfliBERT: wantConfliBERT}},
		{"conflibert_spans", KindConfliBERT, "testdata/conflibert_spans.txt", func(*testing.T) *fakeCoder { return spansCoder() },
			Report{Sentences: 2, Spans: wantSpans}},
		{"acled", KindACLED, "testdata/acled.tsv", func(*testing.T) *fakeCoder { return acledCoder() },
			Report{Sentences: 6, Failed: 1, ACLED: wantACLED}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := tc.want
			want.Kind, want.File, want.CoderVersion = tc.kind, tc.file, "fake-1"
			var misses bytes.Buffer
			got, err := Run(context.Background(), tc.kind, tc.file, tc.coder(t), Options{Workers: 3, Verbose: &misses})
			if err != nil {
				t.Fatalf("Run: %v", err)
			}
			if diff := cmp.Diff(&want, got); diff != "" {
				t.Errorf("report (-want +got):\n%s", diff)
			}

			// One worker gives the same report and the same misses.
			var misses1 bytes.Buffer
			got1, err := Run(context.Background(), tc.kind, tc.file, tc.coder(t), Options{Workers: 1, Verbose: &misses1})
			if err != nil {
				t.Fatalf("Run with one worker: %v", err)
			}
			if diff := cmp.Diff(got, got1); diff != "" {
				t.Errorf("one worker changes the report (-3 workers +1):\n%s", diff)
			}
			if misses.String() != misses1.String() {
				t.Errorf("one worker changes the misses:\n%s\nwant\n%s", misses1.String(), misses.String())
			}

			var table bytes.Buffer
			if err := got.WriteTable(&table); err != nil {
				t.Fatalf("WriteTable: %v", err)
			}
			golden(t, tc.name+".table", table.Bytes())
			js, err := json.MarshalIndent(got, "", "  ")
			if err != nil {
				t.Fatalf("marshal: %v", err)
			}
			golden(t, tc.name+".json", append(js, '\n'))
			golden(t, tc.name+".misses", misses.Bytes())
		})
	}
}

func TestRunArticles(t *testing.T) {
	c := ploverCoder(t)
	if _, err := Run(context.Background(), KindPLOVER, "testdata/plover.json", c, Options{}); err != nil {
		t.Fatal(err)
	}
	tx := ploverTexts(t)
	for _, tc := range []struct {
		id   string
		want time.Time
	}{
		{"T-AGREE-0001", time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)},
		{"T-ASSAULT-0001", time.Time{}}, // the record has no date
	} {
		a, ok := c.seen[tc.id]
		if !ok {
			t.Errorf("%s was not coded", tc.id)
			continue
		}
		if !a.Published.Equal(tc.want) {
			t.Errorf("%s: Published = %v, want %v", tc.id, a.Published, tc.want)
		}
		if a.Text != tx[tc.id] {
			t.Errorf("%s: Text = %q, want %q", tc.id, a.Text, tx[tc.id])
		}
	}
	if _, ok := c.seen["T-DOCUMENT-0001"]; ok {
		t.Errorf("the DOCUMENT record was coded")
	}

	p := petrarchCoder()
	if _, err := Run(context.Background(), KindPETRARCH, "testdata/petrarch.xml", p, Options{}); err != nil {
		t.Fatal(err)
	}
	if got := p.seen["S2"].Published; !got.IsZero() {
		t.Errorf("S2 (date 240103): Published = %v, want unknown", got)
	}
	if got, want := p.seen["S1"].Published, time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("S1: Published = %v, want %v", got, want)
	}
	if _, ok := p.seen["S5"]; ok {
		t.Errorf("S5, without text, was coded")
	}
}

func TestRunLimit(t *testing.T) {
	rep, err := Run(context.Background(), KindPLOVER, "testdata/plover.json", ploverCoder(t), Options{Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Sentences != 2 || rep.PLOVER.EventType != (Ratio{2, 2, rep.PLOVER.EventType.Value}) {
		t.Errorf("Limit 2: %d sentences, event type %+v; want 2 sentences, 2/2", rep.Sentences, rep.PLOVER.EventType)
	}
}

func TestRunErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.tsv")
	if err := os.WriteFile(bad, []byte("a1\tJets bombed a market.\tAIR_STRIKE\na2\tTroops looted shops.\tLOOTING\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, kind, path string
		code, msg        string
	}{
		{"unknown kind", "gdelt", "testdata/acled.tsv", domain.EINVALID,
			`eval: unknown kind "gdelt": want plover, petrarch, conflibert, acled`},
		{"missing file", KindACLED, filepath.Join(dir, "none.tsv"), domain.ENOTFOUND,
			filepath.Join(dir, "none.tsv") + ": no such file"},
		{"bad record", KindACLED, bad, domain.EINVALID,
			bad + `:2: unknown sub-event type "LOOTING"`},
		{"wrong kind", KindPLOVER, "testdata/acled.tsv", domain.EINVALID,
			"testdata/acled.tsv:1: want a JSON array of PLOVER records"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Run(context.Background(), tc.kind, tc.path, newFake(nil), Options{})
			if err == nil {
				t.Fatal("no error")
			}
			if got := domain.ErrorCode(err); got != tc.code {
				t.Errorf("code %q, want %q", got, tc.code)
			}
			if got := domain.ErrorMessage(err); got != tc.msg {
				t.Errorf("message %q, want %q", got, tc.msg)
			}
		})
	}
}

func TestRunCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Run(ctx, KindACLED, "testdata/acled.tsv", newFake(nil), Options{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}

// brokenWriter fails every write.
type brokenWriter struct{}

func (brokenWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestRunVerboseWriteError(t *testing.T) {
	_, err := Run(context.Background(), KindACLED, "testdata/acled.tsv", acledCoder(), Options{Verbose: brokenWriter{}})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("got %v, want the write error", err)
	}
	rep := &Report{Kind: KindACLED, ACLED: wantACLED}
	if err := rep.WriteTable(brokenWriter{}); err == nil {
		t.Errorf("WriteTable to a broken writer: no error")
	}
}

func TestReportJSONNulls(t *testing.T) {
	// A report with nothing to score writes null shares, never 0.
	rep := &Report{Kind: KindACLED, ACLED: &ACLEDReport{SubEventType: newRatio(0, 0)}}
	b, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"sub_event_type":{"hits":0,"total":0,"value":null}`, `"plover":null`} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("JSON %s lacks %s", b, want)
		}
	}
}

func TestLoaders(t *testing.T) {
	open := func(t *testing.T, name string) *os.File {
		t.Helper()
		f, err := os.Open(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		return f
	}
	opts := cmpopts.EquateEmpty()

	t.Run("plover", func(t *testing.T) {
		got, err := ReadPLOVER(open(t, "plover.json"), "plover.json")
		if err != nil {
			t.Fatal(err)
		}
		want := []PLOVERRecord{
			{ID: "T-AGREE-0001", Line: 8, Date: "2024-03-05", Event: "AGREE", Context: "diplomatic",
				Text:     "Kenyan and Ugandan ministers agreed on Monday to reopen the border crossing at Busia.",
				Source:   []PLOVERActor{{"Kenyan", "KEN", "GOV"}, {"Ugandan", "UGA", "GOV"}},
				Location: &PLOVERLocation{"Busia", "KE"}},
			{ID: "T-PROTEST-0001", Line: 21, Date: "2024-03-06", Event: "PROTEST", Mode: "demo-org", Context: "political",
				Text:     "Thousands of students protested in Santiago against the Chilean government.",
				Source:   []PLOVERActor{{"Thousands of students", "CHL", "EDU"}},
				Target:   []PLOVERActor{{"Chilean government", "CHL", "GOV"}},
				Location: &PLOVERLocation{Name: "Santiago"}},
			{ID: "T-ASSAULT-0001", Line: 33, Event: "ASSAULT", Context: "military",
				Text:   "Gunmen killed four United Nations peacekeepers near Gao, the mission said.",
				Source: []PLOVERActor{{"Gunmen", "MLI", "REB"}, {"Rebel fighters", "MLI", "REB"}},
				Target: []PLOVERActor{{"United Nations ... peacekeepers", "IGO", "MIL"}}},
			{ID: "T-DEMAND-0001", Line: 43, Date: "2024-03-08", Event: "REQUEST", Context: "political, rights",
				Text:     "Opposition leaders demanded the release of jailed journalists.",
				Source:   []PLOVERActor{{"Opposition  leaders", "ZWE", "***"}},
				Location: &PLOVERLocation{"Harare", "ZW"}},
		}
		if diff := cmp.Diff(want, got, opts); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})

	t.Run("petrarch", func(t *testing.T) {
		want := []PETRARCHRecord{
			{ID: "S1", Date: "20240102", Text: "Norway hosted talks between Colombian officials & rebel envoys in Oslo.",
				Events: []PETRARCHEvent{{"NORGOV", "COLGOV", "043"}, {"COLGOV", "COLREB", "040"}}},
			{ID: "S2", Date: "240103", Text: "Security forces arrested ten protesters in the capital.",
				Events: []PETRARCHEvent{{"---COP", "---CVL", "173"}}},
			{ID: "S3", Date: "20240105", Text: "The weather was calm over the weekend.", NoEvents: true},
			{ID: "S4", Date: "20240106", Text: "The UN Security Council condemned the shelling of a hospital.",
				Events: []PETRARCHEvent{{"IGOUNO", "---", "122"}}},
			{ID: "S5", Date: "20240107", Events: []PETRARCHEvent{{"NGAREB", "NGA", "190"}}},
		}
		for _, f := range []struct {
			name  string
			lines []int
		}{{"petrarch.jsonl", []int{1, 2, 5, 6, 7}}, {"petrarch.xml", []int{17, 29, 44, 52, 59}}} {
			got, err := ReadPETRARCH(open(t, f.name), f.name)
			if err != nil {
				t.Fatal(err)
			}
			for i := range want {
				want[i].Line = f.lines[i]
			}
			if diff := cmp.Diff(want, got, opts); diff != "" {
				t.Errorf("%s (-want +got):\n%s", f.name, diff)
			}
		}
	})

	t.Run("conflibert", func(t *testing.T) {
		got, err := ReadConfliBERT(open(t, "conflibert.tsv"), "conflibert.tsv")
		if err != nil {
			t.Fatal(err)
		}
		want := []ClassRecord{
			{1, "The minister said the talks would continue.", 0},
			{2, "Both sides pledged to cooperate on trade.", 1},
			{3, "The army delivered food aid to the village.", 2},
			{4, `The government accused rebels of "lying".`, 3},
			{5, "Rebels shelled the town overnight.", 4},
			{6, "Police fired tear gas at marchers.", 4},
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})

	t.Run("spans", func(t *testing.T) {
		got, err := ReadSpans(open(t, "conflibert_spans.txt"), "conflibert_spans.txt")
		if err != nil {
			t.Fatal(err)
		}
		want := []SpanRecord{
			{Line: 1, Tokens: strings.Fields("A Swiss court fined the Greek shipowner ."),
				Text:  "A Swiss court fined the Greek shipowner .",
				Spans: []GoldSpan{{"S", domain.Span{Start: 2, End: 13}}, {"T", domain.Span{Start: 20, End: 39}}}},
			{Line: 10, Tokens: strings.Fields("Kenya and Somalia met rebels ."),
				Text:  "Kenya and Somalia met rebels .",
				Spans: []GoldSpan{{"R", domain.Span{Start: 0, End: 5}}, {"R", domain.Span{Start: 10, End: 17}}, {"S", domain.Span{Start: 22, End: 28}}}},
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})

	t.Run("acled", func(t *testing.T) {
		got, err := ReadACLED(open(t, "acled.tsv"), "acled.tsv")
		if err != nil {
			t.Fatal(err)
		}
		want := []ACLEDRecord{
			{"a1", 2, "Jets bombed a market in the north.", "Air/drone strike", "AIR_STRIKE"},
			{"a2", 3, "Farmers marched peacefully to the ministry.", "Peaceful protest", "Peaceful protest"},
			{"a3", 4, "The minister visited the region.", "", "NEGATIVE"},
			{"a4", 6, "Militants overran an army post.", "Armed clash", "armed clash"},
			{"a5", 7, "A mob burned the mayor's house.", "Mob violence", "MOB_VIOL"},
			{"a6", 8, "Police detained five journalists.", "Arrests", "ARREST"},
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})
}

func TestLoaderErrors(t *testing.T) {
	type reader func(string) error
	plover := func(s string) error { _, err := ReadPLOVER(strings.NewReader(s), "f"); return err }
	petrarch := func(s string) error { _, err := ReadPETRARCH(strings.NewReader(s), "f"); return err }
	class := func(s string) error { _, err := ReadConfliBERT(strings.NewReader(s), "f"); return err }
	spans := func(s string) error { _, err := ReadSpans(strings.NewReader(s), "f"); return err }
	acled := func(s string) error { _, err := ReadACLED(strings.NewReader(s), "f"); return err }
	for _, tc := range []struct {
		name string
		read reader
		in   string
		want string
	}{
		{"plover not an array", plover, `{"id": "x"}`, "f:1: want a JSON array of PLOVER records"},
		{"plover no id", plover, "[\n{\"event\": \"AGREE\", \"text\": \"a\"}]", "f:2: record 1: no id"},
		{"plover no event", plover, "[\n{\"id\": \"x\"},\n{\"id\": \"y\", \"text\": \"a\"}]", "f:2: record 1 (x): no event type"},
		{"plover wrong type", plover, "[\n\n{\"id\": 5}]", `f:3: record 1: field "id": unexpected JSON number`},
		{"plover bad actors", plover, "[{\"id\": \"x\", \"event\": \"AGREE\", \"source\": 3}]", "f:1: record 1: want a list of actors"},
		{"plover bad actor", plover, "[{\"id\": \"x\", \"event\": \"AGREE\", \"source\": [{\"code\": 3}]}]", `f:1: record 1: actors: field "code": unexpected JSON number`},
		{"plover syntax", plover, "[\n{\"id\": \"x\",,}]", "f:2: record 1: invalid JSON: invalid character ',' looking for beginning of object key string"},
		{"plover truncated", plover, "[\n{\"id\": \"x\", \"event\": \"AGREE\"}", "f:2: unterminated array: unexpected end of file"},
		{"plover trailing", plover, "[]\n[]", "f:2: unexpected data after the array"},
		{"petrarch jsonl syntax", petrarch, "{\"id\": \"a\", \"text\": \"b\"}\n{\"id\": ", "f:2: invalid JSON: unexpected end of JSON input"},
		{"petrarch jsonl no id", petrarch, "{\"text\": \"b\"}", "f:1: no id"},
		{"petrarch jsonl no code", petrarch, "{\"id\": \"a\", \"text\": \"b\", \"events\": [{\"source\": \"USA\"}]}", "f:1: record a: event 1 has no code"},
		{"petrarch xml no id", petrarch, "<Sentences>\n<Sentence date=\"20240101\"/>", "f:2: <Sentence> without an id"},
		{"petrarch xml no eventcode", petrarch, "<Sentences>\n<Sentence id=\"a\"/>\n<EventCoding sourcecode=\"USA\"/>", "f:3: <EventCoding> without an eventcode (sentence a)"},
		{"petrarch xml open text", petrarch, "<Sentences>\n<Sentence id=\"a\"/>\n<Text>\nwords", "f:3: unterminated <Text>"},
		{"petrarch xml second text", petrarch, "<Sentences><Sentence id=\"a\"/><Text>x</Text>\n<Text>y</Text>", "f:2: sentence a has a second <Text>"},
		{"petrarch xml open quote", petrarch, "<Sentences>\n<Sentence id=\"a/>", `f:2: <Sentence>: attribute id: unterminated quote`},
		{"petrarch xml open comment", petrarch, "<Sentences>\n\n<!-- no end", "f:3: unterminated comment"},
		{"class no tab", class, "A sentence without a class", "f:1: want a sentence, a tab and a class 0 to 4"},
		{"class out of range", class, "ok\t1\nA sentence.\t7", `f:2: class "7": want 0 to 4`},
		{"class no sentence", class, "\t1", "f:1: no sentence before the class"},
		{"spans bad tag", spans, "Kenya B-S\nsigned B-V", `f:2: tag "B-V": want O, B-S, I-S, B-T, I-T, B-R or I-R`},
		{"spans no tag", spans, "Kenya", "f:1: want a token, a space and a BIO tag"},
		{"acled two fields", acled, "a1\tJets bombed a market.", "f:1: want 3 tab-separated fields (id, text, sub_event_type), got 2"},
		{"acled unknown", acled, "a1\tJets bombed a market.\tBOMBING", `f:1: unknown sub-event type "BOMBING"`},
		{"acled empty type", acled, "a1\tJets bombed a market.\t", "f:1: no sub-event type (write NEGATIVE for none)"},
		{"acled no text", acled, "a1\t\tAIR_STRIKE", "f:1: no text"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.read(tc.in)
			if err == nil {
				t.Fatal("no error")
			}
			if got := domain.ErrorMessage(err); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error spans lines: %q", err)
			}
		})
	}
}

func TestClassOf(t *testing.T) {
	for _, tc := range []struct {
		name string
		evs  []domain.Event
		want int
	}{
		{"no event", nil, 0},
		{"statement", []domain.Event{classEvent("010", 1, 1)}, 0},
		{"appeal", []domain.Event{classEvent("0214", 1, 1)}, 0},
		{"root wins over quad class", []domain.Event{classEvent("051", 2, 1)}, 1},
		{"reduce relations is verbal conflict", []domain.Event{classEvent("1622", 4, 1)}, 3},
		{"protest is material conflict", []domain.Event{classEvent("145", 0, 1)}, 4},
		{"verbal conflict root", []domain.Event{classEvent("112", 0, 1)}, 3},
		{"quad class when no root", []domain.Event{classEvent("x", 2, 1)}, 2},
		{"no code, no quad class", []domain.Event{classEvent("", 0, 1)}, 0},
		{"highest confidence", []domain.Event{classEvent("190", 4, 0.2), classEvent("036", 1, 0.7)}, 1},
		{"first on a tie", []domain.Event{classEvent("190", 4, 0.5), classEvent("036", 1, 0.5)}, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := ClassOf(domain.Coding{Events: tc.evs}); got != tc.want {
				t.Errorf("got %d, want %d", got, tc.want)
			}
		})
	}
}

func TestACLEDOf(t *testing.T) {
	for _, tc := range []struct {
		name          string
		evs           []domain.Event
		wantEv, wantS string
	}{
		{"none", []domain.Event{{CAMEO: "042"}}, "", ""},
		{"name", []domain.Event{acledEvent2("x", "air/drone STRIKE", "", 1)}, "Explosions/Remote violence", "Air/drone strike"},
		{"code", []domain.Event{acledEvent2("", "PEACE_PROTEST", "", 1)}, "Protests", "Peaceful protest"},
		{"not in the vocabulary", []domain.Event{acledEvent2("Riots", "Rioting", "", 1)}, "Riots", "Rioting"},
		{"threat left out", []domain.Event{acledEvent2("Battles", "Armed clash", domain.ModalityIntended, 1)}, "", ""},
		{"highest confidence", []domain.Event{
			acledEvent2("", "Armed clash", domain.ModalityAsserted, 0.3),
			acledEvent2("", "Grenade", domain.ModalityReported, 0.6)}, "Explosions/Remote violence", "Grenade"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ev, sub := ACLEDOf(domain.Coding{Events: tc.evs})
			if ev != tc.wantEv || sub != tc.wantS {
				t.Errorf("got (%q, %q), want (%q, %q)", ev, sub, tc.wantEv, tc.wantS)
			}
		})
	}
}

func TestACLEDVocabulary(t *testing.T) {
	// Every CASE 2021 code the command line documents maps to a name.
	for _, code := range strings.Fields(`ARMED_CLASH AIR_STRIKE ART_MISS_ATTACK PEACE_PROTEST
		PROTEST_WITH_INTER EXCESSIVE_FORCE VIOL_DEMONSTR MOB_VIOL ATTACK ABDUCT_DISSAP
		SEXUAL_VIOLENCE GRENADE SUICIDE_BOMB REMOTE_EXPLOS CHEM_WEAPON CHANGE_TO_GROUP_ACT
		AGREEMENT ARREST DISR_WEAPON HQ_ESTABLISHED LOOT_PROP_DESTRUCT NONV_TRANSF_TERRIT
		GOV_REGAINS_TERRIT NON_STATE_ACTOR_OVERTAKES_TER OTHER`) {
		if i, ok := acledIndex[acledKey(code)]; !ok || i < 0 {
			t.Errorf("%s has no ACLED name", code)
		}
	}
	// No name or code of one type is another's.
	for i, ty := range acledTypes {
		for _, k := range []string{ty.sub, ty.code} {
			if got := acledIndex[acledKey(k)]; got != i {
				t.Errorf("%q finds %d, want %d (%s)", k, got, i, ty.sub)
			}
		}
	}
}

func TestLocate(t *testing.T) {
	for _, tc := range []struct {
		sentence, gold string
		want           []string
	}{
		{"Kenyan and Ugandan ministers agreed", "Ugandan", []string{"Ugandan"}},
		{"The Homeland Union (Conservatives) began", "Homeland Union  (Conservatives)", []string{"Homeland Union (Conservatives)"}},
		{"U.S. and Russian negotiators return", "U.S. ... negotiators", []string{"U.S.", "negotiators"}},
		{"French and Egyptian warships sailed", "French warships", []string{"French", "warships"}},
		{"The Turkish and Greek sides agreed", "Greek-Cypriot", []string{"Greek"}},
		{"USA troops left", "US", nil}, // not inside a word
		{"Busan and US officials", "US", []string{"US"}},
		{"Benin refused Ghanaians", "Ghanians", nil},
		{"anything", "  ", nil},
	} {
		var got []string
		for _, s := range locate(tc.sentence, tc.gold) {
			got = append(got, s.Of(tc.sentence))
		}
		if !cmp.Equal(got, tc.want) {
			t.Errorf("locate(%q, %q) = %q, want %q", tc.sentence, tc.gold, got, tc.want)
		}
	}
}

func TestKeys(t *testing.T) {
	for _, tc := range []struct {
		gold, gotCountry, gotCode string
		want                      bool
	}{
		{"USA", "USA", "USAGOV", true},
		{"USAGOV", "", "USAMIL", true},
		{"USA", "", "", false},            // nothing coded is "---"
		{"---REB", "", "---GOV", true},    // unknown matches unknown
		{"IGO", "", "IGOUNO", true},       // PLOVER's bare IGO
		{"IGOUNOMIL", "", "IGOUNO", true}, // the same organisation named
		{"IGOUNO", "", "IGO", false},      // a vague coding earns nothing
		{"IGOUNO", "", "IGOEUREEC", false},
		{"NGO", "", "IGOUNO", false},
		{"USA", "", "IGOUNO", false},
		{"JAP", "JPN", "JPNGOV", true}, // the gold's own spelling of Japan
		{"ITLGOV", "", "ITAGOV", true}, // and of Italy
		{"JAP", "", "JAMGOV", false},
	} {
		if got := keysMatch(goldKey(tc.gold), codedKey(domain.NullString(tc.gotCountry), domain.NullString(tc.gotCode))); got != tc.want {
			t.Errorf("gold %s, coded %s/%s: match %v, want %v", tc.gold, tc.gotCountry, tc.gotCode, got, tc.want)
		}
	}
	if got := iso3("TL"); got != "TLS" {
		t.Errorf(`iso3("TL") = %q, want "TLS"`, got)
	}
	if got := iso3("Narnia"); got != "" {
		t.Errorf(`iso3("Narnia") = %q, want ""`, got)
	}
}
