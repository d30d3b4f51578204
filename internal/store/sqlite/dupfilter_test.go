package sqlite

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/store"
	"github.com/truce/truce/internal/store/storetest"
)

// TestBloomNoFalseNegatives: every key added is reported as maybe
// stored, and keys never added mostly are not.
func TestBloomNoFalseNegatives(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	f := newBloom(bloomMinCapacity)
	added := make([]uint64, f.capacity)
	for i := range added {
		added[i] = r.Uint64() >> 1
		f.add(added[i])
	}
	for _, h := range added {
		if !f.mayHave(h) {
			t.Fatalf("key %d added but not found", h)
		}
	}
	fp := 0
	const tries = 100000
	for range tries {
		if f.mayHave(r.Uint64() >> 1) {
			fp++
		}
	}
	// Full to capacity, the rate should be under 1%.
	if rate := float64(fp) / tries; rate > 0.01 {
		t.Errorf("false positive rate %.4f at capacity, want under 0.01", rate)
	}
}

// TestDupFilterNear: an article that shares only domain.MinSharedBands
// bands with a stored one, whichever they are, may be near it; one that
// shares as many bands but each with a different stored article may not.
func TestDupFilterNear(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	random := func() domain.Signature {
		sig := make(domain.Signature, domain.SignatureSize)
		for i := range sig {
			sig[i] = r.Uint32()
		}
		return sig
	}
	// spoil changes one row of every band of sig but those in keep.
	spoil := func(sig domain.Signature, keep []int) domain.Signature {
		out := slices.Clone(sig)
		for b := range domain.SignatureBands {
			if !slices.Contains(keep, b) {
				out[b*domain.SignatureRows] = ^out[b*domain.SignatureRows]
			}
		}
		return out
	}
	near, apart := 0, 0
	const tries = 2000
	f := &dupFilter{keys: newBloom(0), pairs: newBloom(0)}
	for range tries {
		clear(f.keys.words)
		clear(f.pairs.words)
		stored := random()
		f.addArticle(nil, stored.Bands())
		keep := r.Perm(domain.SignatureBands)[:domain.MinSharedBands]
		if !f.mayBeNear(spoil(stored, keep).Bands()) {
			t.Fatalf("an article sharing bands %v with a stored one is not a candidate", keep)
		}
		if stored.Similarity(spoil(stored, keep)) >= domain.NearDuplicateThreshold {
			near++
		}
		// The same bands, each from another stored article.
		mixed := random()
		for _, b := range keep {
			other := random()
			copy(mixed[b*domain.SignatureRows:(b+1)*domain.SignatureRows], other[b*domain.SignatureRows:])
			f.addArticle(nil, other.Bands())
		}
		if f.mayBeNear(mixed.Bands()) {
			apart++
		}
	}
	if near != tries {
		t.Errorf("%d of %d spoilt signatures are the threshold; not near-duplicates; the test should make them all near", tries-near, tries)
	}
	if apart > tries/100 {
		t.Errorf("%d of %d articles sharing bands with different stored ones are candidates, want under 1%%", apart, tries)
	}
}

// TestDupFilterOtherWriter: duplicates and a near-duplicate of an article
// that another connection stored after this store built its filter are
// still found, and so is a near-duplicate of an article of the same batch.
func TestDupFilterOtherWriter(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "truce.db")
	open := func() *Store {
		s := openPath(t, path)
		s.dupFilterAfter = 0
		return s
	}
	a, b := open(), open()
	add := func(s *Store, arts ...*domain.Article) []store.AddResult {
		t.Helper()
		res, err := s.AddArticles(ctx, arts)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	for i := range 3 {
		add(a, storetest.NewArticle(fmt.Sprintf("a%d", i), fmt.Sprintf("Article %d of the first store.", i), time.Time{}))
	}
	// Each article's bands, id and hash (they have no URL).
	if a.filter == nil || a.filter.keys.n != 3*(domain.SignatureBands+2) || a.filter.pairs.n != 3*pairsPerArticle {
		t.Fatalf("the first store's filter is missing or holds the wrong number of keys")
	}
	other := storetest.NewArticle("b0", "An article the second store keeps.", time.Time{})
	other.URL = "https://example.org/b0"
	add(b, other)
	// Exact duplicates of it by id, by text and by URL.
	byID := storetest.NewArticle("b0", "Another text under the same id.", time.Time{})
	byText := storetest.NewArticle("b0-again", "An article the second store keeps.", time.Time{})
	byURL := storetest.NewArticle("b0-url", "Another text at the same address.", time.Time{})
	byURL.URL = other.URL
	for _, r := range add(a, byID, byText, byURL) {
		if r.Status != store.Duplicate || r.DuplicateOf != "b0" {
			t.Errorf("%s: got %v of %q, want a duplicate of b0", r.ID, r.Status, r.DuplicateOf)
		}
	}

	near := storetest.NewArticle("near-b0", "Near the second store's article.", time.Time{})
	near.Signature = storetest.Alter(other.Signature, 0, 9, 21, 33, 50)
	orig := storetest.NewArticle("c0", "A new one.", time.Time{})
	nearC := storetest.NewArticle("near-c0", "Near the new one.", time.Time{})
	nearC.Signature = storetest.Alter(orig.Signature, 1, 2, 3)
	res := add(a, near, orig, nearC)
	want := []store.AddResult{
		{ID: "near-b0", Status: store.NearDuplicate, DuplicateOf: "b0"},
		{ID: "c0", Status: store.New},
		{ID: "near-c0", Status: store.NearDuplicate, DuplicateOf: "c0"},
	}
	for i := range want {
		if res[i] != want[i] {
			t.Errorf("got %+v, want %+v", res[i], want[i])
		}
	}
}
