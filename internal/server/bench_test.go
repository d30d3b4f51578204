package server

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/store"
	"github.com/truce/truce/internal/store/sqlite"
)

// Benchmarks over a store of a million events, built once per run in a
// temporary directory (or kept at $TRUCE_BENCH_DB, and reused when it is
// already there). They measure server time: a request through the whole
// handler, in process, with its latency distribution reported as p50 and
// p99 alongside ns/op.
//
//	go test ./internal/server -run '^$' -bench . -benchtime 2000x
//
// TestServeBenchStore serves the same store for load tests from outside
// (wrk), when TRUCE_SERVE_BENCH is set to an address.

const (
	benchEvents      = 1_000_000
	benchPerArticle  = 20
	benchArticles    = benchEvents / benchPerArticle
	benchDays        = 730
	benchBatchCoding = 250
)

var benchPlaces = []*domain.Place{yerevan, khankendi, shusha, agdam, martuni, lachin, goris, kapan, gyumri, baku, moscow, brussels, karabakh,
	city("Ganja", 586523, "AZE", "Ganja", 40.6828, 46.3606),
	city("Tbilisi", 611717, "GEO", "Tbilisi", 41.6941, 44.8337),
	city("Kyiv", 703448, "UKR", "Kyiv City", 50.4547, 30.5238),
	city("Kharkiv", 706483, "UKR", "Kharkiv", 49.9808, 36.2527),
	city("Donetsk", 709717, "UKR", "Donetsk", 48.023, 37.8022),
	city("Gaza", 281133, "PSE", "Gaza Strip", 31.5016, 34.4667),
	city("Khartoum", 379252, "SDN", "Khartoum", 15.5518, 32.5324),
	city("El Fasher", 379555, "SDN", "North Darfur", 13.6279, 25.3494),
	city("Goma", 216281, "COD", "North Kivu", -1.6792, 29.2228),
	city("Sanaa", 71137, "YEM", "Sanaa", 15.3547, 44.2066),
	city("Aleppo", 170063, "SYR", "Aleppo", 36.2021, 37.1343),
}

var benchSectors = []string{"GOV", "MIL", "REB", "CVL", "COP", "OPP"}

type benchKind struct {
	cameo  string
	quad   int
	plover string
}

var benchKinds = []benchKind{
	{"040", 1, "CONSULT"}, {"046", 1, "AGREE"}, {"073", 2, "AID"}, {"0874", 2, "RETREAT"},
	{"112", 3, "ACCUSE"}, {"141", 3, "PROTEST"}, {"173", 4, "ARREST"}, {"190", 4, "FIGHT"}, {"194", 4, "FIGHT"},
}

var (
	benchOnce  sync.Once
	benchStore store.Store
	benchErr   error
	benchDir   string
)

// openBenchStore opens the million-event store, building it the first
// time.
func openBenchStore(tb testing.TB) store.Store {
	tb.Helper()
	if testing.Short() {
		tb.Skip("the million-event store is not built in -short mode")
	}
	benchOnce.Do(func() {
		path := os.Getenv("TRUCE_BENCH_DB")
		if path == "" {
			benchDir, benchErr = os.MkdirTemp("", "truce-bench-")
			if benchErr != nil {
				return
			}
			path = filepath.Join(benchDir, "bench.db")
		}
		ctx := context.Background()
		st, err := sqlite.Open(ctx, path)
		if err != nil {
			benchErr = err
			return
		}
		stats, err := st.Stats(ctx)
		if err == nil && stats.Events < benchEvents {
			start := time.Now()
			err = buildBenchStore(ctx, st)
			fmt.Fprintf(os.Stderr, "built %d events at %s in %s\n", benchEvents, path, time.Since(start).Round(time.Second))
		}
		benchStore, benchErr = st, err
	})
	if benchErr != nil {
		tb.Fatal(benchErr)
	}
	return benchStore
}

func TestMain(m *testing.M) {
	code := m.Run()
	if benchStore != nil {
		benchStore.Close()
	}
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

// buildBenchStore writes benchArticles articles of benchPerArticle events
// each: two years of days, two dozen places (the Caucasus most often),
// actors of the places' countries and their neighbours.
func buildBenchStore(ctx context.Context, st store.Store) error {
	rng := rand.New(rand.NewPCG(1, 2))
	start, _ := domain.ParseDate("2022-01-01")
	countries := []string{"ARM", "AZE", "RUS", "GEO", "UKR", "PSE", "SDN", "COD", "YEM", "SYR", "TUR", "IRN", "USA", "FRA"}
	for first := 0; first < benchArticles; first += benchBatchCoding {
		var articles []*domain.Article
		var codings []domain.Coding
		for a := first; a < min(first+benchBatchCoding, benchArticles); a++ {
			date := start.AddDays(rng.IntN(benchDays))
			id := fmt.Sprintf("bench-%06d", a)
			text := fmt.Sprintf("Bench article %d of %s: forces clashed and officials met.", a, date)
			articles = append(articles, &domain.Article{ID: id, Title: "Bench " + id, Source: "bench",
				Published: date.Time(), Text: text, Format: "text", Hash: domain.NormalizedHash(text + id), Signature: signature(id)})
			c := domain.Coding{ArticleID: id, CoderVersion: "bench-1"}
			for e := range benchPerArticle {
				// The Caucasus holds half of the events.
				var p *domain.Place
				if rng.IntN(2) == 0 {
					p = benchPlaces[rng.IntN(13)]
				} else {
					p = benchPlaces[rng.IntN(len(benchPlaces))]
				}
				k := benchKinds[rng.IntN(len(benchKinds))]
				src := countries[rng.IntN(len(countries))] + benchSectors[rng.IntN(len(benchSectors))]
				tgt := string(p.Country) + benchSectors[rng.IntN(len(benchSectors))]
				actor := func(code string) domain.Actor {
					country, sector := domain.SplitCode(code)
					return domain.Actor{Text: code, Code: domain.NullString(code), Country: domain.NullString(country), Sector: domain.NullString(sector)}
				}
				c.Events = append(c.Events, domain.Event{
					ID: fmt.Sprintf("%s-e%d", id, e), ArticleID: id, Date: date.AddDays(-rng.IntN(3)),
					Sentence: text, Trigger: "clashed", TriggerSpan: domain.Span{Start: 0, End: 5},
					Source: []domain.Actor{actor(src)}, Target: []domain.Actor{actor(tgt)},
					CAMEO: k.cameo, QuadClass: k.quad, Goldstein: goldstein[k.cameo], PLOVER: domain.PLOVER{Type: k.plover},
					Modality: domain.ModalityAsserted, Place: p, Rule: "bench", Confidence: 0.5, CoderVersion: "bench-1",
				})
			}
			codings = append(codings, c)
		}
		if _, err := st.AddArticles(ctx, articles); err != nil {
			return err
		}
		if err := st.SaveCodings(ctx, codings); err != nil {
			return err
		}
	}
	return nil
}

// benchRequest times target through the handler, reporting p50 and p99.
func benchRequest(b *testing.B, s *Server, target string) {
	h := s.Handler()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	// A first request warms the caches the server and SQLite keep.
	warm := httptest.NewRecorder()
	h.ServeHTTP(warm, req)
	if warm.Code != http.StatusOK {
		b.Fatalf("status %d: %s", warm.Code, warm.Body)
	}
	var durs []time.Duration
	var bytes int
	for b.Loop() {
		rec := httptest.NewRecorder()
		t0 := time.Now()
		h.ServeHTTP(rec, req)
		durs = append(durs, time.Since(t0))
		bytes = rec.Body.Len()
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d", rec.Code)
		}
	}
	slices.Sort(durs)
	pct := func(p float64) float64 {
		return float64(durs[min(len(durs)-1, int(p*float64(len(durs))))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(float64(bytes), "body-bytes")
}

func benchServer(b *testing.B) *Server {
	st := openBenchStore(b)
	return New(Config{}, st, nil, nil, slog.New(slog.DiscardHandler))
}

// BenchmarkEventsCountryDate is the events endpoint with a country and a
// date filter: a page of 100 events.
func BenchmarkEventsCountryDate(b *testing.B) {
	s := benchServer(b)
	for _, target := range []string{
		"/api/v1/events?country=ARM&since=2023-06-01&until=2023-06-30",
		"/api/v1/events?country=UKR&since=2022-03-01",
		"/api/v1/events?country=SDN&since=2023-01-01&until=2023-12-31&limit=1000",
	} {
		b.Run(strings.TrimPrefix(target, "/api/v1/events?"), func(b *testing.B) { benchRequest(b, s, target) })
	}
}

// BenchmarkTimeline is the overview's timeline: all events by day and
// quad class, and one country's.
func BenchmarkTimeline(b *testing.B) {
	s := benchServer(b)
	for _, target := range []string{
		"/api/v1/stats/timeline",
		"/api/v1/stats/timeline?country=AZE&since=2023-01-01",
		"/api/v1/stats/timeline?interval=week&by=plover",
	} {
		b.Run(strings.TrimPrefix(target, "/api/v1/stats/timeline"), func(b *testing.B) { benchRequest(b, s, target) })
	}
}

// BenchmarkOverviewPage is the whole overview: stats, timeline, the map's
// 5,000 latest events, dyads, contradictions and the ledger.
func BenchmarkOverviewPage(b *testing.B) {
	s := benchServer(b)
	for _, target := range []string{"/", "/?country=ARM&since=2023-06-01&until=2023-06-30"} {
		b.Run(target, func(b *testing.B) { benchRequest(b, s, target) })
	}
}

// TestServeBenchStore serves the million-event store on $TRUCE_SERVE_BENCH
// (an address) for $TRUCE_SERVE_SECONDS (default 120), for wrk:
//
//	TRUCE_SERVE_BENCH=127.0.0.1:8089 go test ./internal/server -run TestServeBenchStore -timeout 30m &
//	wrk -t2 -c32 -d30s 'http://127.0.0.1:8089/api/v1/events?country=ARM&since=2023-06-01&until=2023-06-30'
func TestServeBenchStore(t *testing.T) {
	addr := os.Getenv("TRUCE_SERVE_BENCH")
	if addr == "" {
		t.Skip("set TRUCE_SERVE_BENCH=host:port to serve the benchmark store for wrk")
	}
	st := openBenchStore(t)
	secs := 120
	fmt.Sscan(os.Getenv("TRUCE_SERVE_SECONDS"), &secs)
	ctx, cancel := context.WithTimeout(context.Background(), time.Duration(secs)*time.Second)
	defer cancel()
	s := New(Config{}, st, nil, nil, slog.New(slog.DiscardHandler))
	fmt.Fprintf(os.Stderr, "serving the benchmark store on http://%s for %ds\n", addr, secs)
	if err := s.Serve(ctx, addr); err != nil {
		t.Fatal(err)
	}
}
