package codebook

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/truce/truce/internal/text"
)

// benchSentences returns the sentences of a text, tokenized once.
func benchSentences(s string) [][]text.Token {
	doc := text.Parse(s)
	out := make([][]text.Token, len(doc.Sentences))
	for i, sen := range doc.Sentences {
		out[i] = sen.Tokens
	}
	return out
}

func benchMatch(b *testing.B, sentences [][]text.Token) {
	cb := mustLoad(b)
	var buf []Match
	tokens := 0
	for _, s := range sentences {
		tokens += len(s)
	}
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sentences {
			buf = cb.Match(s, buf[:0])
		}
	}
	secs := b.Elapsed().Seconds()
	if secs > 0 {
		b.ReportMetric(float64(b.N*len(sentences))/secs, "sentences/s")
		b.ReportMetric(float64(tokens)/float64(len(sentences)), "tokens/sentence")
	}
}

// BenchmarkMatchSeed matches the founding article's sentences.
func BenchmarkMatchSeed(b *testing.B) {
	dir := sharedDir(b)
	data, err := os.ReadFile(filepath.Join(dir, "seed/2023-11-07-nagorno-karabakh.txt"))
	if err != nil {
		b.Skipf("seed article absent: %v", err)
	}
	benchMatch(b, benchSentences(string(data)))
}

// BenchmarkMatchCorpus matches the sentences of the pattern corpus.
func BenchmarkMatchCorpus(b *testing.B) {
	var cases []string
	for _, c := range readCorpus(b) {
		cases = append(cases, c.sentence)
	}
	var sentences [][]text.Token
	for _, s := range cases {
		sentences = append(sentences, tokenize(s))
	}
	benchMatch(b, sentences)
}

// BenchmarkLoad measures the cold start: parsing and compiling the
// embedded dictionaries.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMatchSeedPETRARCH matches the founding article with the
// production PETRARCH CAMEO 2.0 dictionary loaded as well.
func BenchmarkMatchSeedPETRARCH(b *testing.B) {
	dir := sharedDir(b)
	data, err := os.ReadFile(filepath.Join(dir, "seed/2023-11-07-nagorno-karabakh.txt"))
	if err != nil {
		b.Skipf("seed article absent: %v", err)
	}
	cb, err := LoadPETRARCH(filepath.Join(dir, "dictionaries/petrarch/CAMEO.2.0.txt"))
	if err != nil {
		b.Skipf("CAMEO.2.0.txt: %v", err)
	}
	sentences := benchSentences(string(data))
	var buf []Match
	for b.Loop() {
		for _, s := range sentences {
			buf = cb.Match(s, buf[:0])
		}
	}
	if secs := b.Elapsed().Seconds(); secs > 0 {
		b.ReportMetric(float64(b.N*len(sentences))/secs, "sentences/s")
	}
}
