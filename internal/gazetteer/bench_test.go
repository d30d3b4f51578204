package gazetteer

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/text"
)

// BenchmarkLoad measures loading everything: the embedded dictionaries
// parsed and indexed, the place file opened in place.
func BenchmarkLoad(b *testing.B) {
	opts := fixtureOptions(b)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var g *Gazetteer
	for b.Loop() {
		var err error
		if g, err = Load(opts); err != nil {
			b.Fatal(err)
		}
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "heap-MB")
	runtime.KeepAlive(g)
}

// corpus is the text of the test cases and, where shared/ is present, the
// founding article: parsed once, coded in the loop.
func corpus(b *testing.B) []*text.Document {
	var docs []*text.Document
	files, _ := filepath.Glob("testdata/cases/*.txt")
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		_, body, _ := strings.Cut(string(raw), "\n---\n")
		docs = append(docs, text.Parse(body))
	}
	if raw, err := os.ReadFile(seedPath); err == nil {
		docs = append(docs, text.Parse(string(raw)))
	}
	return docs
}

// BenchmarkMentions measures recognition and resolution, in sentences a
// second on one core.
func BenchmarkMentions(b *testing.B) {
	g := fixtureGazetteer(b)
	docs := corpus(b)
	n := 0
	for _, d := range docs {
		n += len(d.Sentences)
	}
	date := domain.Date{Year: 2023, Month: 11, Day: 7}
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			g.Mentions(d, date)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "sentences/s")
}
