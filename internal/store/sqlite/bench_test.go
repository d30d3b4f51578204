package sqlite

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/store"
	"github.com/truce/truce/internal/store/storetest"
)

var benchArticles = flag.Int("articles", 100_000, "number of articles BenchmarkAddArticles stores")

// BenchmarkAddArticles stores 100,000 synthetic ~3 KB articles (-articles)
// in batches of 500 into a new database (5,000 under -short) and reports
// articles/s over the AddArticles calls alone (ns/op includes generating
// the text).
func BenchmarkAddArticles(b *testing.B) {
	n, batch := *benchArticles, 500
	if testing.Short() {
		n = 5_000
	}
	c := storetest.NewCorpus(1)
	var stored, cpu time.Duration
	var size int64
	runs := 0
	for b.Loop() {
		runs++
		path := filepath.Join(b.TempDir(), "bench.db")
		s, err := Open(context.Background(), path)
		if err != nil {
			b.Fatal(err)
		}
		as := make([]*domain.Article, batch)
		for i := 0; i < n; i += batch {
			for j := range as {
				as[j] = c.Article(i + j)
			}
			start, startCPU := time.Now(), cpuTime()
			res, err := s.AddArticles(context.Background(), as)
			stored += time.Since(start)
			cpu += cpuTime() - startCPU
			if err != nil {
				b.Fatal(err)
			}
			if res[0].Status != store.New {
				b.Fatalf("article %d: got %v, want new", i, res[0].Status)
			}
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		size = fileSize(path)
	}
	b.ReportMetric(float64(runs*n)/stored.Seconds(), "articles/s")
	// The process's CPU time per article: a figure that other work on a
	// shared machine does not inflate the way it does wall time.
	b.ReportMetric(float64(cpu.Microseconds())/float64(runs*n), "cpu-µs/article")
	b.ReportMetric(float64(size)/float64(n), "db-bytes/article")
}

// cpuTime returns the user and system CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func fileSize(path string) int64 {
	var total int64
	for _, p := range []string{path, path + "-wal"} {
		if st, err := os.Stat(p); err == nil {
			total += st.Size()
		}
	}
	return total
}

// BenchmarkEvents1M answers the queries of the performance target on a
// store of 1,000,000 events (100,000 articles of 10 events over three
// years, actors and places in 60 countries of Zipf-distributed frequency)
// and reports their latency percentiles. The database is built once
// through the Store API and kept in the temporary directory.
func BenchmarkEvents1M(b *testing.B) {
	if testing.Short() {
		b.Skip("builds a database of 1,000,000 events")
	}
	path := filepath.Join(os.TempDir(), "truce-bench-events-1m-"+schemaHash()+".db")
	if _, err := os.Stat(path); err != nil {
		start := time.Now()
		if err := buildEventsDB(path, 100_000, 10); err != nil {
			b.Fatal(err)
		}
		b.Logf("built %s in %v", path, time.Since(start).Round(time.Second))
	}
	s, err := Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()

	// Queries pick countries as often as events do, so most ask about the
	// busiest countries, as users would.
	r := rand.New(rand.NewPCG(1, 2))
	pick := newCountryPicker(r)
	days := 3 * 365
	first := domain.Date{Year: 2021, Month: 1, Day: 1}
	queries := []struct {
		name string
		run  func() (int, error)
	}{
		{"events-country-30days", func() (int, error) {
			since := first.AddDays(r.IntN(days - 30))
			es, _, err := s.Events(ctx, store.EventFilter{Country: pick(), Since: since, Until: since.AddDays(29),
				Page: store.Page{Limit: 100}})
			return len(es), err
		}},
		{"events-country-year", func() (int, error) {
			since := first.AddDays(r.IntN(days - 365))
			es, _, err := s.Events(ctx, store.EventFilter{Country: pick(), Since: since, Until: since.AddDays(364),
				Page: store.Page{Limit: 100}})
			return len(es), err
		}},
		{"timeline-country", func() (int, error) {
			bs, err := s.Timeline(ctx, store.TimelineFilter{Country: pick()})
			return len(bs), err
		}},
		{"timeline-country-week-plover", func() (int, error) {
			bs, err := s.Timeline(ctx, store.TimelineFilter{Country: pick(), Interval: "week", By: "plover"})
			return len(bs), err
		}},
		// Not part of the target: an actor filter counts the events
		// themselves rather than event_counts.
		{"timeline-country-actor-90days", func() (int, error) {
			since := first.AddDays(r.IntN(days - 90))
			c := pick()
			bs, err := s.Timeline(ctx, store.TimelineFilter{Country: c, Actor: c + "MIL", Since: since, Until: since.AddDays(89)})
			return len(bs), err
		}},
	}
	for _, q := range queries {
		b.Run(q.name, func(b *testing.B) {
			var took []time.Duration
			rows := 0
			for b.Loop() {
				start := time.Now()
				n, err := q.run()
				took = append(took, time.Since(start))
				if err != nil {
					b.Fatal(err)
				}
				rows += n
			}
			slices.Sort(took)
			pct := func(p int) float64 {
				return float64(took[min(len(took)-1, len(took)*p/100)].Microseconds()) / 1000
			}
			b.ReportMetric(pct(50), "p50-ms")
			b.ReportMetric(pct(99), "p99-ms")
			b.ReportMetric(float64(rows)/float64(len(took)), "rows/op")
		})
	}
}

// schemaHash identifies the schema the migrations make, so that a cached
// database built by an older schema is not reused.
func schemaHash() string {
	ms, err := loadMigrations()
	if err != nil {
		return "unknown"
	}
	h := sha256.New()
	for _, m := range ms {
		h.Write([]byte(m.sql))
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// benchCountries are the countries of the 1M-event store, most frequent
// first.
var benchCountries = []string{
	"UKR", "RUS", "ISR", "PSE", "SYR", "USA", "SDN", "YEM", "AFG", "IRQ",
	"IRN", "ARM", "AZE", "ETH", "SOM", "MLI", "NGA", "COD", "MMR", "LBY",
	"TUR", "LBN", "PAK", "IND", "CHN", "BFA", "NER", "CAF", "SSD", "MOZ",
	"COL", "VEN", "MEX", "HTI", "EGY", "SAU", "JOR", "GEO", "BLR", "POL",
	"DEU", "FRA", "GBR", "KEN", "TCD", "CMR", "BGD", "LKA", "PHL", "THA",
	"KOR", "PRK", "JPN", "TWN", "SRB", "XKX", "BIH", "CYP", "GRC", "QAT",
}

// newCountryPicker draws countries with Zipf frequencies: the first is
// about a fifth of all draws.
func newCountryPicker(r *rand.Rand) func() string {
	z := rand.NewZipf(r, 1.2, 1, uint64(len(benchCountries)-1))
	return func() string { return benchCountries[z.Uint64()] }
}

// buildEventsDB writes a database of articles*perArticle events to path,
// through a temporary file so that an interrupted build is not reused.
func buildEventsDB(path string, articles, perArticle int) error {
	tmp := path + ".building"
	for _, p := range []string{tmp, tmp + "-wal", tmp + "-shm"} {
		os.Remove(p)
	}
	ctx := context.Background()
	s, err := Open(ctx, tmp)
	if err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(3, 4))
	pick := newCountryPicker(r)
	sectors := []string{"GOV", "MIL", "REB", "CVL", "COP", "OPP"}
	type kind struct {
		cameo, plover string
		quad          int
	}
	kinds := []kind{{"010", "CONSULT", 1}, {"043", "CONSULT", 1}, {"057", "AGREE", 1}, {"070", "AID", 2},
		{"112", "ACCUSE", 3}, {"130", "THREATEN", 3}, {"141", "PROTEST", 3}, {"173", "COERCE", 4},
		{"183", "ASSAULT", 4}, {"190", "ASSAULT", 4}, {"195", "ASSAULT", 4}}
	first := time.Date(2021, 1, 1, 8, 0, 0, 0, time.UTC)
	const batch = 1000
	for i := 0; i < articles; i += batch {
		as := make([]*domain.Article, 0, batch)
		cs := make([]domain.Coding, 0, batch)
		for j := i; j < i+batch && j < articles; j++ {
			pub := first.Add(time.Duration(r.IntN(3*365*24)) * time.Hour)
			id := fmt.Sprintf("a%07d", j)
			a := storetest.NewArticle(id, fmt.Sprintf("Article %d: a short text about events.", j), pub)
			a.Signature = storetest.RandomSignature(uint64(j))
			as = append(as, a)
			c := domain.Coding{ArticleID: id, CoderVersion: "bench"}
			for k := range perArticle {
				src, tgt := pick(), pick()
				kd := kinds[r.IntN(len(kinds))]
				e := domain.Event{
					ID: fmt.Sprintf("%s-%d", id, k), ArticleID: id, Date: domain.DateOf(pub),
					Sentence: "Forces of " + src + " and " + tgt + " were reported in an incident.",
					Source:   []domain.Actor{{Text: src, Code: domain.NullString(src + sectors[r.IntN(len(sectors))]), Country: domain.NullString(src)}},
					Target:   []domain.Actor{{Text: tgt, Code: domain.NullString(tgt + sectors[r.IntN(len(sectors))]), Country: domain.NullString(tgt)}},
					CAMEO:    kd.cameo, QuadClass: kd.quad, PLOVER: domain.PLOVER{Type: kd.plover},
					Modality: domain.ModalityAsserted, Rule: "bench", Confidence: 0.5, CoderVersion: "bench",
				}
				if r.IntN(10) < 7 {
					e.Place = &domain.Place{Name: "Place " + src, GeonameID: domain.NullInt(1000 + r.IntN(5000)),
						Country: domain.NullString(src), Lat: 40, Lon: 40, Precision: domain.PrecisionCity}
				}
				c.Events = append(c.Events, e)
			}
			cs = append(cs, c)
		}
		if _, err := s.AddArticles(ctx, as); err != nil {
			s.Close()
			return err
		}
		if err := s.SaveCodings(ctx, cs); err != nil {
			s.Close()
			return err
		}
	}
	if _, err := s.w.Exec(`ANALYZE`); err != nil {
		s.Close()
		return err
	}
	if err := s.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
