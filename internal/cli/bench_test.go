package cli

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/truce/truce/internal/ingest"
)

// writeCorpus writes n distinct articles of about size bytes as JSON lines.
func writeCorpus(tb testing.TB, path string, n, size int) {
	tb.Helper()
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	r := rand.New(rand.NewPCG(7, 11))
	words := strings.Fields("the army shelled village near border on Tuesday officials said talks ceasefire convoy aid " +
		"refugees crossed bridge ministry statement forces withdrew troops protesters gathered capital government " +
		"opposition leader accused rebels attack killed wounded hospital residents reported gunfire overnight")
	var b strings.Builder
	for i := range n {
		b.Reset()
		for b.Len() < size {
			b.WriteString(words[r.IntN(len(words))])
			fmt.Fprintf(&b, "%d ", r.IntN(100000))
		}
		fmt.Fprintf(w, "{\"id\":\"b%d\",\"date\":\"2023-09-%02d\",\"title\":\"Report %d\",\"source\":\"bench\",\"text\":%q}\n",
			i, 1+i%28, i, b.String())
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	f.Close()
}

// BenchmarkIngestJSONL stores 100,000 articles of about 3 KB read from JSON
// lines into a fresh SQLite store (no coding): parsing, hashing, MinHash,
// dedupe, FTS indexing and the batched transactions. Peak memory is
// measured on the binary: see the README.
func BenchmarkIngestJSONL(b *testing.B) {
	if testing.Short() {
		b.Skip("writes and ingests 300 MB: skipped with -short")
	}
	dir := b.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	const n = 100000
	writeCorpus(b, in, n, 3000)
	total := 0
	for i := 0; b.Loop(); i++ {
		st, err := openStore(context.Background(), filepath.Join(dir, fmt.Sprintf("b%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		sum, err := ingest.Run(context.Background(), st, []string{in}, ingest.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if sum.New != n {
			b.Fatalf("stored %d of %d", sum.New, n)
		}
		total += sum.New
		st.Close()
	}
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "articles/s")
}
