package coder

import (
	"context"
	"io/fs"
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
	c := sharedCoder(b)
	arts := demoArticles(b)
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
	b.ReportMetric(float64(sentences), "sentences/corpus")
}
