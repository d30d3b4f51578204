package storetest

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/store"
)

// NewArticle returns an article ready for AddArticles: its hash from the
// text, and a signature drawn at random from the text, so that different
// texts are not near-duplicates of each other. published may be zero
// (unknown).
func NewArticle(id, text string, published time.Time) *domain.Article {
	return &domain.Article{
		ID:        id,
		Title:     "Article " + id,
		Source:    "Test Wire",
		Text:      text,
		Published: published,
		Format:    "text",
		Origin:    "test/" + id + ".txt",
		Hash:      domain.NormalizedHash(text),
		Signature: RandomSignature(seedOf(text)),
	}
}

// RandomSignature returns a signature of random values: unrelated to any
// other with overwhelming probability.
func RandomSignature(seed uint64) domain.Signature {
	r := rand.New(rand.NewPCG(seed, 0x5157))
	sig := make(domain.Signature, domain.SignatureSize)
	for i := range sig {
		sig[i] = r.Uint32()
	}
	return sig
}

// Alter returns a copy of sig with the values at positions changed, so
// that its similarity to sig is 1 - len(positions)/SignatureSize.
func Alter(sig domain.Signature, positions ...int) domain.Signature {
	out := slices.Clone(sig)
	for _, p := range positions {
		out[p] = ^out[p]
	}
	return out
}

func seedOf(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

// day returns a time on the given day of November 2023, at noon UTC.
func day(d int) time.Time { return time.Date(2023, time.November, d, 12, 0, 0, 0, time.UTC) }

// date returns the Date of the given day of November 2023.
func date(d int) domain.Date { return domain.Date{Year: 2023, Month: time.November, Day: d} }

// fixture is what every subtest works with.
type fixture struct {
	t    *testing.T
	s    store.Store
	ctx  context.Context
	open func(t *testing.T) store.Store
}

func newFixture(t *testing.T, open func(t *testing.T) store.Store) *fixture {
	return &fixture{t: t, s: open(t), ctx: t.Context(), open: open}
}

// with returns the fixture for a subtest.
func (f *fixture) with(t *testing.T) *fixture {
	g := *f
	g.t = t
	return &g
}

// add stores articles and fails the test on error.
func (f *fixture) add(as ...*domain.Article) []store.AddResult {
	f.t.Helper()
	res, err := f.s.AddArticles(f.ctx, as)
	if err != nil {
		f.t.Fatalf("AddArticles: %v", err)
	}
	return res
}

// save stores codings and fails the test on error.
func (f *fixture) save(cs ...domain.Coding) {
	f.t.Helper()
	if err := f.s.SaveCodings(f.ctx, cs); err != nil {
		f.t.Fatalf("SaveCodings: %v", err)
	}
}

// articles adds one article per id, with distinct texts.
func (f *fixture) articles(ids ...string) {
	f.t.Helper()
	as := make([]*domain.Article, len(ids))
	for i, id := range ids {
		as[i] = NewArticle(id, "The text of article "+id+".", day(1))
	}
	f.add(as...)
}

// wantCode fails the test unless err carries the domain error code.
func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if err == nil {
		t.Fatalf("got no error, want %s", code)
	}
	if got := domain.ErrorCode(err); got != code {
		t.Fatalf("got error %v (code %s), want code %s", err, got, code)
	}
	var e *domain.Error
	if !errors.As(err, &e) || e.Message == "" {
		t.Fatalf("got error %v, want a *domain.Error with a message", err)
	}
}

// walk pages through a listing limit items at a time, checking that every
// page but the last is full, and returns the ids in the order seen.
func walk[T any](t *testing.T, limit int, page func(after store.Cursor) ([]T, store.Cursor, error), id func(T) string) []string {
	t.Helper()
	var (
		out   []string
		after store.Cursor
		seen  = map[string]bool{}
	)
	for range 1000 {
		items, next, err := page(after)
		if err != nil {
			t.Fatalf("page after %q: %v", after, err)
		}
		for _, it := range items {
			if seen[id(it)] {
				t.Errorf("got %s a second time", id(it))
			}
			seen[id(it)] = true
			out = append(out, id(it))
		}
		if next == "" {
			return out
		}
		if len(items) != limit {
			t.Fatalf("got a page of %d items with a next cursor, want %d", len(items), limit)
		}
		after = next
	}
	t.Fatalf("got more than 1000 pages")
	return nil
}

func eventIDs(es []domain.Event) []string {
	out := []string{}
	for _, e := range es {
		out = append(out, e.ID)
	}
	return out
}

func claimIDs(cs []domain.Claim) []string {
	out := []string{}
	for _, c := range cs {
		out = append(out, c.ID)
	}
	return out
}

func commitmentIDs(cs []domain.Commitment) []string {
	out := []string{}
	for _, c := range cs {
		out = append(out, c.ID)
	}
	return out
}

func contradictionIDs(cs []domain.Contradiction) []string {
	out := []string{}
	for _, c := range cs {
		out = append(out, c.ID)
	}
	return out
}

func articleIDs(as []*domain.Article) []string {
	out := []string{}
	for _, a := range as {
		out = append(out, a.ID)
	}
	return out
}

// Corpus generates synthetic articles for benchmarks: ~3 KB of word-like
// text with a Zipf-distributed vocabulary (as in real text, which is what
// the cost of a full-text index depends on), all distinct, with random
// signatures. Article(i) is the same for the same seed and i.
type Corpus struct {
	seed  uint64
	vocab []string
	// draws is a precomputed Zipf sample of vocabulary indexes, so that a
	// word costs a table lookup.
	draws []uint32
}

// NewCorpus returns a corpus of a 30,000-word vocabulary.
func NewCorpus(seed uint64) *Corpus {
	r := rand.New(rand.NewPCG(seed, 1))
	syllables := []string{"ka", "ro", "mi", "tu", "se", "la", "vo", "ni", "pe", "da",
		"gor", "stan", "ar", "el", "in", "qu", "be", "zi", "sha", "kh", "ov", "an", "ye", "ti"}
	seen := make(map[string]bool)
	c := &Corpus{seed: seed}
	for len(c.vocab) < 30000 {
		var b strings.Builder
		for range 1 + r.IntN(4) {
			b.WriteString(syllables[r.IntN(len(syllables))])
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			c.vocab = append(c.vocab, w)
		}
	}
	z := rand.NewZipf(r, 1.07, 2, uint64(len(c.vocab)-1))
	c.draws = make([]uint32, 1<<16)
	for i := range c.draws {
		c.draws[i] = uint32(z.Uint64())
	}
	return c
}

// Article returns the corpus's i-th article: ~3 KB, published i minutes
// after 2023-01-01.
func (c *Corpus) Article(i int) *domain.Article {
	r := rand.New(rand.NewPCG(c.seed, uint64(i)+2))
	var b strings.Builder
	b.Grow(3200)
	fmt.Fprintf(&b, "Report %d.", i)
	n := 0
	for b.Len() < 3000 {
		w := c.vocab[c.draws[r.Uint32()&(1<<16-1)]]
		b.WriteByte(' ')
		if n%12 == 0 {
			b.WriteString(strings.ToUpper(w[:1]) + w[1:])
		} else {
			b.WriteString(w)
		}
		n++
		if n%12 == 11 {
			b.WriteByte('.')
		}
	}
	text := b.String()
	id := fmt.Sprintf("c%d-%d", c.seed, i)
	a := NewArticle(id, text, time.Date(2023, 1, 1, 0, i, 0, 0, time.UTC))
	a.Title = c.vocab[c.draws[r.Uint32()&(1<<16-1)]] + " " + c.vocab[c.draws[r.Uint32()&(1<<16-1)]]
	a.URL = "https://example.org/" + id
	a.Signature = RandomSignature(r.Uint64())
	return a
}
