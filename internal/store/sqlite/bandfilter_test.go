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

// TestBandFilterNoFalseNegatives: every band added is reported as maybe
// stored, and bands never added mostly are not.
func TestBandFilterNoFalseNegatives(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	f := newBandFilter(bandFilterMinCapacity)
	added := make([]uint64, bandFilterMinCapacity)
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

// TestBandFilterOtherWriter: a near-duplicate of an article that another
// connection stored after this store built its filter is still found, and
// so is one of an article stored in the same batch.
func TestBandFilterOtherWriter(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "truce.db")
	open := func() *Store {
		s, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		s.bandFilterAfter = 0
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
	if a.bands == nil || a.bands.n != 3*domain.SignatureBands {
		t.Fatalf("the first store's filter holds %v", a.bands)
	}
	other := storetest.NewArticle("b0", "An article the second store keeps.", time.Time{})
	add(b, other)

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
