package server

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/truce/truce/examples"
	"github.com/truce/truce/internal/coder"
	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/ingest"
	narr "github.com/truce/truce/internal/narrative"
	"github.com/truce/truce/internal/store"
	"github.com/truce/truce/internal/store/sqlite"
)

// demoStore builds what `truce demo` serves: the bundled sample corpus
// ingested and coded into a fresh SQLite store, with the contradictions
// and the ledger brought up to date.
func demoStore(t *testing.T) (store.Store, *coder.Coder) {
	t.Helper()
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	if err := os.CopyFS(corpus, examples.Corpus); err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(context.Background(), filepath.Join(dir, "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	c, err := coder.New(coder.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var errs []string
	sum, err := ingest.Run(context.Background(), st, []string{corpus}, ingest.Options{Coder: c,
		Error: func(err error) { errs = append(errs, err.Error()) }})
	if err != nil || sum.Failed > 0 {
		t.Fatalf("ingest the demo corpus: %v %v", err, errs)
	}
	if err := narr.Refresh(context.Background(), st, domain.Date{Year: 2023, Month: 8, Day: 1}, domain.Date{Year: 2023, Month: 12, Day: 1}, narr.Options{}); err != nil {
		t.Fatal(err)
	}
	return st, c
}

// TestDemoBrowser loads the pages of the demo in Chromium and checks what
// a person opening `truce demo` would look for: a timeline with bars, map
// points on Armenia and on Azerbaijan, the founding article with its coded
// words highlighted where the records say, a contradiction, the ledger.
func TestDemoBrowser(t *testing.T) {
	if chromePath() == "" {
		t.Skip("browser tests need Chromium: apt-get install chromium (Debian), or set CHROME")
	}
	if testing.Short() {
		t.Skip("browser tests are skipped in -short mode")
	}
	st, c := demoStore(t)
	srv := httptest.NewServer(New(Config{Version: "demo", Label: func(code string) string {
		if k, ok := c.Codebook().Code(code); ok {
			return k.Label
		}
		return ""
	}}, st, c, nil, nil).Handler())
	defer srv.Close()
	b := newBrowser(t, srv.URL)

	// Where the coded events are, by country, from the API's GeoJSON.
	var geo struct {
		Features []struct {
			Geometry   struct{ Coordinates []float64 }
			Properties struct{ Place *domain.Place }
		}
	}
	resp, err := http.Get(srv.URL + "/api/v1/events?format=geojson&limit=10000")
	if err != nil {
		t.Fatal(err)
	}
	err = json.NewDecoder(resp.Body).Decode(&geo)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	byCountry := map[string]int{}
	for _, f := range geo.Features {
		if f.Properties.Place != nil {
			byCountry[string(f.Properties.Place.Country)]++
		}
	}
	if byCountry["ARM"] == 0 || byCountry["AZE"] == 0 {
		t.Fatalf("events placed by country %v, want some in ARM and in AZE", byCountry)
	}

	t.Run("overview", func(t *testing.T) {
		b.open(t, "/")
		var bars int
		b.chartOption(t, "timeline", `o.series.reduce((n, s) => n + s.data.filter(v => v > 0).length, 0)`, &bars)
		if bars < 10 {
			t.Errorf("%d bars in the timeline, want the corpus's days", bars)
		}
		var pts [][]float64
		b.chartOption(t, "map", `o.series.flatMap(s => s.data.map(d => d.value))`, &pts)
		// Points in Armenia (Yerevan, Goris, Kornidzor) and in Azerbaijan
		// (Nagorno-Karabakh, Baku, Aghdam): inside the countries' rough
		// outlines.
		in := func(p []float64, lon0, lon1, lat0, lat1 float64) bool {
			return p[0] >= lon0 && p[0] <= lon1 && p[1] >= lat0 && p[1] <= lat1
		}
		var arm, aze int
		for _, p := range pts {
			switch {
			case in(p, 43.4, 45.0, 39.8, 41.3), in(p, 45.9, 46.6, 38.8, 39.6): // Yerevan and the north; Syunik
				arm++
			case in(p, 46.5, 47.1, 39.5, 40.3), in(p, 48.5, 50.5, 39.5, 41.0): // Karabakh; Baku
				aze++
			}
		}
		if arm == 0 || aze == 0 {
			t.Errorf("map points: %d in Armenia, %d in Azerbaijan of %d; want both", arm, aze, len(pts))
		}
		var contradictions, statuses int
		b.eval(t, `document.querySelectorAll('ul.contradictions li').length`, &contradictions)
		b.eval(t, `document.body.innerText.includes('Commitments by status') ? document.querySelectorAll('.status, [class*=status]').length : 0`, &statuses)
		if contradictions == 0 {
			t.Error("no contradiction on the overview")
		}
		if statuses == 0 {
			t.Error("no commitment status on the overview")
		}
		b.checkClean(t)
		b.screenshot(t, "demo-overview")
	})

	t.Run("founding article", func(t *testing.T) {
		arts, _, err := st.Articles(context.Background(), store.ArticleFilter{Q: "Babayan", WithText: true})
		if err != nil || len(arts) == 0 {
			t.Fatalf("the founding article is not in the demo: %v", err)
		}
		var a *domain.Article
		for _, x := range arts {
			if strings.HasPrefix(x.Text, "In the wake of Azerbaijan") {
				a = x
			}
		}
		if a == nil {
			t.Fatal("the founding article is not in the demo")
		}
		evs, _, err := st.Events(context.Background(), store.EventFilter{ArticleID: a.ID})
		if err != nil || len(evs) < 5 {
			t.Fatalf("%d events in the founding article (%v)", len(evs), err)
		}
		b.open(t, "/articles/"+a.ID)
		for _, e := range evs {
			var got string
			// The words, without the record labels (sup.ref) inside.
			b.eval(t, `(() => { const m = document.getElementById('t-`+e.ID+`'); if (!m) return '';
				const c = m.cloneNode(true); c.querySelectorAll('sup.ref').forEach(s => s.remove()); return c.textContent; })()`, &got)
			want := a.Text[e.TriggerSpan.Start:e.TriggerSpan.End]
			if !strings.HasPrefix(want, got) || got == "" {
				t.Errorf("event %s: highlighted %q, want the trigger's words %q", e.CAMEO, got, want)
			}
		}
		var marks map[string]int
		b.eval(t, `[...document.querySelectorAll('#text mark.hl')].reduce((m, e) => (m[e.classList[1]] = (m[e.classList[1]] || 0) + 1, m), {})`, &marks)
		for _, kind := range []string{"hl-actor", "hl-place", "hl-trigger", "hl-claim"} {
			if marks[kind] == 0 {
				t.Errorf("no %s highlighted in the founding article (%v)", kind, marks)
			}
		}
		b.checkClean(t)
		b.screenshot(t, "demo-article")
	})

	t.Run("narratives", func(t *testing.T) {
		b.open(t, "/narratives")
		var n int
		b.eval(t, `document.querySelectorAll('section.narrative').length`, &n)
		if n == 0 {
			t.Error("no contradiction on the narratives page")
		}
		b.checkClean(t)
		b.screenshot(t, "demo-narratives")
	})

	t.Run("commitments", func(t *testing.T) {
		b.open(t, "/commitments")
		var n int
		b.eval(t, `document.querySelectorAll('table.commitments tbody tr').length`, &n)
		if n < 3 {
			t.Errorf("%d commitments in the ledger, want the demo's promises", n)
		}
		b.checkClean(t)
		b.screenshot(t, "demo-commitments")
	})
}
