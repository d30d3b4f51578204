package ingest

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/store"
)

// benchArticles is the size of the benchmark corpus: 100,000 articles of
// about 3 KB.
const benchArticles = 100_000

// benchCorpus writes the corpus (300 MB) as JSON lines: each article a
// different mix of the same sentences, so no two are alike.
func benchCorpus(b *testing.B) string {
	path := filepath.Join(b.TempDir(), "corpus.jsonl")
	{
		f, err := os.Create(path)
		if err != nil {
			b.Fatal(err)
		}
		sentences := strings.Split(wire+" "+unrelated+" "+sameTopic, ". ")
		w := bufio.NewWriter(f)
		var text strings.Builder
		for i := range benchArticles {
			text.Reset()
			for j := 0; text.Len() < 3000; j++ {
				text.WriteString(sentences[(i*7+j*13)%len(sentences)])
				text.WriteString(". ")
			}
			fmt.Fprintf(w, `{"id":"b%d","title":"Report %d","date":"2024-01-%02dT10:00:00Z","source":"Bench","text":"%d %s"}`+"\n",
				i, i, i%28+1, i, text.String())
		}
		if err := w.Flush(); err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
	return path
}

// BenchmarkReadJSONL reads the corpus through Articles: parse, clean,
// date, hash and MinHash, one goroutine, no store.
func BenchmarkReadJSONL(b *testing.B) {
	path := benchCorpus(b)
	n := 0
	cpu := cpuTime()
	for b.Loop() {
		for _, err := range Articles(context.Background(), path, Options{}) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
	}
	reportRate(b, n, cpuTime()-cpu)
}

// discardStore takes every article as new and keeps nothing.
type discardStore struct{ store.Store }

func (discardStore) AddArticles(ctx context.Context, as []*domain.Article) ([]store.AddResult, error) {
	res := make([]store.AddResult, len(as))
	for i, a := range as {
		res[i] = store.AddResult{ID: a.ID, Status: store.New}
	}
	return res, nil
}

// BenchmarkRunJSONL runs the pipeline over the corpus with a store that
// keeps nothing: reading on one goroutine, hashing spread over the CPUs.
func BenchmarkRunJSONL(b *testing.B) {
	path := benchCorpus(b)
	n := 0
	cpu := cpuTime()
	for b.Loop() {
		sum, err := Run(context.Background(), discardStore{}, []string{path}, Options{})
		if err != nil {
			b.Fatal(err)
		}
		n += sum.New
	}
	reportRate(b, n, cpuTime()-cpu)
}

// reportRate reports articles per second of wall time, and the CPU time
// each article took (all goroutines together).
func reportRate(b *testing.B, n int, cpu time.Duration) {
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
	if cpu > 0 && n > 0 {
		b.ReportMetric(float64(cpu.Microseconds())/float64(n), "cpu-µs/article")
	}
}
