package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/truce/truce/examples"
	"github.com/truce/truce/internal/ingest"
	"github.com/truce/truce/internal/text"
)

// writeCorpus writes n distinct articles of about size bytes as JSON
// lines, each made of sentences drawn at random from the sample corpus: a
// news vocabulary (a text of random tokens would make the full-text index
// far bigger than news does).
func writeCorpus(tb testing.TB, path string, n, size int) {
	tb.Helper()
	var sents []string
	fs.WalkDir(examples.Corpus, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(examples.Corpus, p)
		if err != nil {
			return err
		}
		for line := range strings.SplitSeq(string(b), "\n") {
			if strings.HasPrefix(line, "date ") || strings.Contains(line, ": ") && len(line) < 120 {
				continue
			}
			for s := range strings.SplitAfterSeq(line, ". ") {
				if len(s) > 40 {
					sents = append(sents, strings.TrimSpace(s))
				}
			}
		}
		return nil
	})
	if len(sents) < 100 {
		tb.Fatalf("%d sentences in the sample corpus", len(sents))
	}
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	r := rand.New(rand.NewPCG(7, 11))
	var b strings.Builder
	for i := range n {
		b.Reset()
		for b.Len() < size {
			b.WriteString(sents[r.IntN(len(sents))])
			b.WriteByte(' ')
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

// BenchmarkIngestCode runs the whole `truce ingest` on 2,000 articles of
// about 3 KB made of sample-corpus sentences: one conflict over four
// weeks, every sentence reused some 35 times, so claims and commitments
// crowd the same places and days — storing, coding, contradictions and
// the ledger. (With n = 20,000 it takes minutes; see the README.)
func BenchmarkIngestCode(b *testing.B) {
	if testing.Short() {
		b.Skip("codes 2,000 articles: skipped with -short")
	}
	dir := b.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	const n = 2000
	writeCorpus(b, in, n, 3000)
	total := 0
	for i := 0; b.Loop(); i++ {
		var out, errs strings.Builder
		db := filepath.Join(dir, fmt.Sprintf("c%d.db", i))
		if code := Main(context.Background(), []string{"ingest", "--db", db, in}, strings.NewReader(""), &out, &errs); code != 0 {
			b.Fatalf("exit %d: %s", code, errs.String())
		}
		total += n
	}
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkCodeCommand runs the whole `truce code` (on one goroutine with
// -cpu 1) on 600 articles of about 3 KB made of sample-corpus sentences,
// some 11,000 sentences: loading the dictionaries, reading, coding, the
// ledger and the contradictions, and writing every record as JSON.
// BenchmarkCode in internal/coder measures the coder alone.
func BenchmarkCodeCommand(b *testing.B) {
	in := filepath.Join(b.TempDir(), "in.jsonl")
	writeCorpus(b, in, 600, 3000)
	raw, err := os.ReadFile(in)
	if err != nil {
		b.Fatal(err)
	}
	sentences := 0
	for line := range strings.SplitSeq(strings.TrimSpace(string(raw)), "\n") {
		var a struct{ Text string }
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			b.Fatal(err)
		}
		sentences += len(text.Sentences(a.Text))
	}
	n := 0
	for b.Loop() {
		var errs strings.Builder
		if code := Main(context.Background(), []string{"code", in}, strings.NewReader(""), io.Discard, &errs); code != 0 {
			b.Fatalf("exit %d: %s", code, errs.String())
		}
		n += sentences
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(sentences), "sentences/op")
}
