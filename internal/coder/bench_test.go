package coder

import (
	"context"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/truce/truce/examples"
	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/text"
)

// demoArticles reads the bundled sample corpus (plain-text articles)
// without the ingest package: the date line, header lines, then the body.
func demoArticles(tb testing.TB) []*domain.Article {
	tb.Helper()
	var out []*domain.Article
	err := fs.WalkDir(examples.Corpus, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") {
			return err
		}
		raw, err := fs.ReadFile(examples.Corpus, path)
		if err != nil {
			return err
		}
		s := strings.TrimSpace(string(raw))
		var date time.Time
		if rest, ok := strings.CutPrefix(s, "date "); ok {
			date, _ = time.Parse(time.DateOnly, rest[:10])
			s = rest[10:]
		}
		var body []string
		for line := range strings.SplitSeq(s, "\n") {
			if strings.HasPrefix(line, "title:") || strings.HasPrefix(line, "source:") {
				continue
			}
			body = append(body, line)
		}
		out = append(out, &domain.Article{ID: path, Text: strings.TrimSpace(strings.Join(body, "\n")), Published: date})
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// BenchmarkCode codes the sample corpus (48 articles) over and over and
// reports sentences per second on one goroutine: run with -cpu 1.
func BenchmarkCode(b *testing.B) {
	benchCode(b, demoArticles(b))
}

// benchCode codes arts over and over and reports sentences per second.
func benchCode(b *testing.B, arts []*domain.Article) {
	c := sharedCoder(b)
	sentences := 0
	for _, a := range arts {
		sentences += len(text.Sentences(a.Text))
	}
	n := 0
	for b.Loop() {
		for _, a := range arts {
			if _, err := c.Code(context.Background(), a); err != nil {
				b.Fatal(err)
			}
		}
		n += sentences
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(sentences), "sentences/op")
}

// mixedArticles makes n articles of about size bytes, each of sentences
// drawn at random from the sample corpus (as the cli benchmarks do): news
// text with more sentences than the corpus holds.
func mixedArticles(tb testing.TB, n, size int) []*domain.Article {
	tb.Helper()
	var sents []string
	for _, a := range demoArticles(tb) {
		for _, sp := range text.Sentences(a.Text) {
			if s := a.Text[sp[0]:sp[1]]; len(s) > 40 {
				sents = append(sents, s)
			}
		}
	}
	r := rand.New(rand.NewPCG(7, 11))
	out := make([]*domain.Article, n)
	for i := range out {
		var b strings.Builder
		for b.Len() < size {
			b.WriteString(sents[r.IntN(len(sents))])
			b.WriteByte(' ')
		}
		out[i] = &domain.Article{ID: fmt.Sprintf("m%d", i), Text: b.String(),
			Published: time.Date(2023, 9, 1+i%28, 0, 0, 0, 0, time.UTC)}
	}
	return out
}

// BenchmarkCodeMixed codes 600 articles of about 3 KB mixed from the
// sample corpus's sentences, some 12,000 sentences a pass, on one
// goroutine: run with -cpu 1.
func BenchmarkCodeMixed(b *testing.B) {
	benchCode(b, mixedArticles(b, 600, 3000))
}
