package sqlite

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/store"
	"github.com/truce/truce/internal/store/storetest"
)

// TestDupFilterNoFalseNegatives: every band added is reported as maybe
// stored, and bands never added mostly are not.
func TestDupFilterNoFalseNegatives(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	f := newDupFilter(dupFilterMinCapacity)
	added := make([]uint64, dupFilterMinCapacity)
	for i := range added {
		added[i] = r.Uint64() >> 1
		f.add(added[i])
	}
	for _, h := range added {
		if !f.mayHave(h) {
			t.Fatalf("band %d added but not found", h)
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

// TestDupFilterOtherWriter: duplicates and a near-duplicate of an article
// that another connection stored after this store built its filter are
// still found, and so is a near-duplicate of an article of the same batch.
func TestDupFilterOtherWriter(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "truce.db")
	open := func() *Store {
		s, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
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
	if a.filter == nil || a.filter.n != 3*(domain.SignatureBands+2) {
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
