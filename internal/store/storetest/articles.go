package storetest

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/store"
)

// fullArticle has every field AddArticles keeps set.
func fullArticle(id string) *domain.Article {
	a := NewArticle(id, "Azerbaijan declared a ceasefire in Nagorno-Karabakh ("+id+").", day(7))
	a.Title = "Ceasefire declared " + id
	a.URL = "https://example.org/news/" + id
	a.Byline = "A. Reporter"
	a.DateText = "7 November 2023"
	a.Format = "jsonl"
	a.Origin = "feeds/" + id + ".jsonl"
	a.IngestedAt = time.Date(2023, 11, 8, 9, 30, 15, 123456789, time.UTC)
	return a
}

var addArticleTests = []test{
	{"New", func(t *testing.T, f *fixture) {
		a, b := fullArticle("a1"), fullArticle("a2")
		b.Published = time.Time{}
		b.IngestedAt = time.Time{}
		got := f.add(a, b)
		want := []store.AddResult{{ID: "a1", Status: store.New}, {ID: "a2", Status: store.New}}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("results (-want +got):\n%s", diff)
		}
		stored, err := f.s.Article(f.ctx, "a1")
		if err != nil {
			t.Fatalf("Article: %v", err)
		}
		if diff := cmp.Diff(a, stored); diff != "" {
			t.Errorf("stored article (-want +got):\n%s", diff)
		}
		stored, err = f.s.Article(f.ctx, "a2")
		if err != nil {
			t.Fatalf("Article: %v", err)
		}
		if stored.IngestedAt.IsZero() {
			t.Errorf("got zero IngestedAt, want the time it was stored")
		}
		if !stored.Published.IsZero() {
			t.Errorf("got Published %v, want zero (unknown)", stored.Published)
		}
		if stored.CoderVersion != "" || stored.DuplicateOf != "" {
			t.Errorf("got CoderVersion %q DuplicateOf %q, want both empty", stored.CoderVersion, stored.DuplicateOf)
		}
	}},
	{"Empty", func(t *testing.T, f *fixture) {
		got, err := f.s.AddArticles(f.ctx, nil)
		if err != nil || len(got) != 0 {
			t.Fatalf("got %v, %v; want no results and no error", got, err)
		}
	}},
	{"Duplicates", func(t *testing.T, f *fixture) {
		orig := NewArticle("orig", "The original text.", day(1))
		orig.URL = "https://example.org/orig"
		sameID := NewArticle("orig", "Another text under the same id.", day(2))
		sameHash := NewArticle("copy", "the ORIGINAL  text", day(2))
		sameHash.Hash = orig.Hash
		sameURL := NewArticle("moved", "A third text at the same address.", day(2))
		sameURL.URL = orig.URL
		noURL1 := NewArticle("nourl1", "First text without an address.", day(2))
		noURL2 := NewArticle("nourl2", "Second text without an address.", day(2))
		tests := []struct {
			name string
			a    *domain.Article
			want store.AddResult
		}{
			{"id", sameID, store.AddResult{ID: "orig", Status: store.Duplicate, DuplicateOf: "orig"}},
			{"hash", sameHash, store.AddResult{ID: "copy", Status: store.Duplicate, DuplicateOf: "orig"}},
			{"url", sameURL, store.AddResult{ID: "moved", Status: store.Duplicate, DuplicateOf: "orig"}},
			{"no url", noURL1, store.AddResult{ID: "nourl1", Status: store.New}},
			{"no url again", noURL2, store.AddResult{ID: "nourl2", Status: store.New}},
		}
		f.add(orig)
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				got := f.with(t).add(tc.a)
				if diff := cmp.Diff([]store.AddResult{tc.want}, got); diff != "" {
					t.Errorf("results (-want +got):\n%s", diff)
				}
			})
		}
		stored, err := f.s.Article(f.ctx, "orig")
		if err != nil {
			t.Fatalf("Article: %v", err)
		}
		if stored.Text != orig.Text {
			t.Errorf("got text %q, want the original %q", stored.Text, orig.Text)
		}
		for _, id := range []string{"copy", "moved"} {
			_, err := f.s.Article(f.ctx, id)
			wantCode(t, err, domain.ENOTFOUND)
		}
		if n, err := f.s.CountArticles(f.ctx, store.ArticleFilter{}); err != nil || n != 3 {
			t.Errorf("got %d articles (%v), want 3", n, err)
		}
	}},
	{"DuplicatesWithinBatch", func(t *testing.T, f *fixture) {
		a := NewArticle("a", "The first text.", day(1))
		a.URL = "https://example.org/a"
		sameID := NewArticle("a", "Some other text.", day(1))
		sameHash := NewArticle("b", "THE FIRST TEXT", day(1))
		sameHash.Hash = a.Hash
		sameURL := NewArticle("c", "Yet another text.", day(1))
		sameURL.URL = a.URL
		d := NewArticle("d", "A new text.", day(1))
		got := f.add(a, sameID, sameHash, sameURL, d)
		want := []store.AddResult{
			{ID: "a", Status: store.New},
			{ID: "a", Status: store.Duplicate, DuplicateOf: "a"},
			{ID: "b", Status: store.Duplicate, DuplicateOf: "a"},
			{ID: "c", Status: store.Duplicate, DuplicateOf: "a"},
			{ID: "d", Status: store.New},
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("results (-want +got):\n%s", diff)
		}
		if n, err := f.s.CountArticles(f.ctx, store.ArticleFilter{}); err != nil || n != 2 {
			t.Errorf("got %d articles (%v), want 2", n, err)
		}
	}},
	{"NearDuplicates", func(t *testing.T, f *fixture) {
		// first and second differ in 14 of 64 positions (similarity
		// 0.78, below the threshold); third takes half of those from
		// each, so it is within 7 positions (0.89) of both.
		base := RandomSignature(1)
		differ := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}
		first := NewArticle("first", "Wire story, first edition.", day(1))
		first.Signature = base
		second := NewArticle("second", "Wire story, second edition.", day(2))
		second.Signature = Alter(base, differ...)
		third := NewArticle("third", "Wire story, third edition.", day(3))
		third.Signature = Alter(base, differ[:7]...)
		far := NewArticle("far", "Another story.", day(3))
		far.Signature = Alter(base, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33)
		for _, tc := range []struct {
			name    string
			batches [][]*domain.Article
		}{
			{"one batch", [][]*domain.Article{{first, second, third, far}}},
			{"separate batches", [][]*domain.Article{{first}, {second}, {third}, {far}}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				f := newFixtureLike(t, f)
				var got []store.AddResult
				for _, b := range tc.batches {
					got = append(got, f.add(b...)...)
				}
				want := []store.AddResult{
					{ID: "first", Status: store.New},
					{ID: "second", Status: store.New},
					{ID: "third", Status: store.NearDuplicate, DuplicateOf: "first"},
					{ID: "far", Status: store.New},
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Fatalf("results (-want +got):\n%s", diff)
				}
				stored, err := f.s.Article(f.ctx, "third")
				if err != nil {
					t.Fatalf("Article: %v", err)
				}
				if stored.DuplicateOf != "first" {
					t.Errorf("got DuplicateOf %q, want first", stored.DuplicateOf)
				}
				if stored.Text != third.Text {
					t.Errorf("got text %q, want %q (a near-duplicate is stored)", stored.Text, third.Text)
				}
			})
		}
	}},
	{"BatchIsAtomic", func(t *testing.T, f *fixture) {
		f.add(NewArticle("before", "Stored before the failing batch.", day(1)))
		for _, tc := range []struct {
			name string
			bad  func(a *domain.Article)
		}{
			{"empty id", func(a *domain.Article) { a.ID = "" }},
			{"nil signature", func(a *domain.Article) { a.Signature = nil }},
			{"empty hash", func(a *domain.Article) { a.Hash = "" }},
		} {
			t.Run(tc.name, func(t *testing.T) {
				batch := []*domain.Article{
					NewArticle("x1", "First of the failing batch.", day(2)),
					NewArticle("x2", "Second of the failing batch.", day(2)),
					NewArticle("x3", "Third of the failing batch.", day(2)),
				}
				tc.bad(batch[2])
				if _, err := f.s.AddArticles(f.ctx, batch); err == nil {
					t.Fatalf("got no error for a batch with an article with %s", tc.name)
				}
				if n, err := f.s.CountArticles(f.ctx, store.ArticleFilter{}); err != nil || n != 1 {
					t.Errorf("got %d articles (%v), want 1: the failed batch stored something", n, err)
				}
				_, err := f.s.Article(f.ctx, "x1")
				wantCode(t, err, domain.ENOTFOUND)
			})
		}
		got := f.add(NewArticle("x1", "First of the failing batch.", day(2)))
		if got[0].Status != store.New {
			t.Errorf("got %v adding x1 after the failed batches, want new", got[0].Status)
		}
	}},
}

// newFixtureLike returns a fixture over a fresh store opened like f's.
func newFixtureLike(t *testing.T, f *fixture) *fixture {
	return newFixture(t, f.open)
}

var articleTests = []test{
	{"NotFound", func(t *testing.T, f *fixture) {
		_, err := f.s.Article(f.ctx, "missing")
		wantCode(t, err, domain.ENOTFOUND)
	}},
	{"Order", func(t *testing.T, f *fixture) {
		f.add(
			NewArticle("mid", "Middle.", day(5)),
			NewArticle("unknown", "No date.", time.Time{}),
			NewArticle("new", "Newest.", day(9)),
			NewArticle("old", "Oldest.", day(1)),
		)
		got, next, err := f.s.Articles(f.ctx, store.ArticleFilter{})
		if err != nil {
			t.Fatalf("Articles: %v", err)
		}
		if diff := cmp.Diff([]string{"new", "mid", "old", "unknown"}, articleIDs(got)); diff != "" {
			t.Errorf("order (-want +got):\n%s", diff)
		}
		if next != "" {
			t.Errorf("got cursor %q after the last page, want none", next)
		}
	}},
	{"Pagination", func(t *testing.T, f *fixture) {
		var as []*domain.Article
		for i := range 23 {
			// Three articles a day, some days unknown: ties and the
			// unknown tail must page cleanly too.
			pub := day(1 + i/3)
			if i%7 == 6 {
				pub = time.Time{}
			}
			as = append(as, NewArticle(fmt.Sprintf("p%02d", i), fmt.Sprintf("Text %d.", i), pub))
		}
		f.add(as...)
		all, _, err := f.s.Articles(f.ctx, store.ArticleFilter{})
		if err != nil {
			t.Fatalf("Articles: %v", err)
		}
		for _, limit := range []int{1, 5, 23, 30} {
			t.Run(fmt.Sprint(limit), func(t *testing.T) {
				got := walk(t, limit, func(after store.Cursor) ([]*domain.Article, store.Cursor, error) {
					return f.s.Articles(f.ctx, store.ArticleFilter{Page: store.Page{Limit: limit, After: after}})
				}, func(a *domain.Article) string { return a.ID })
				if diff := cmp.Diff(articleIDs(all), got); diff != "" {
					t.Errorf("pages (-one listing +pages):\n%s", diff)
				}
			})
		}
		checkNewestFirst(t, all)
	}},
	{"DefaultLimit", func(t *testing.T, f *fixture) {
		var as []*domain.Article
		for i := range store.DefaultLimit + 5 {
			as = append(as, NewArticle(fmt.Sprintf("d%03d", i), fmt.Sprintf("Text %d.", i), day(1)))
		}
		f.add(as...)
		got, next, err := f.s.Articles(f.ctx, store.ArticleFilter{})
		if err != nil {
			t.Fatalf("Articles: %v", err)
		}
		if len(got) != store.DefaultLimit || next == "" {
			t.Errorf("got %d articles and cursor %q, want %d and a cursor", len(got), next, store.DefaultLimit)
		}
		got, next, err = f.s.Articles(f.ctx, store.ArticleFilter{Page: store.Page{Limit: store.MaxLimit * 2}})
		if err != nil {
			t.Fatalf("Articles: %v", err)
		}
		if len(got) != len(as) || next != "" {
			t.Errorf("got %d articles and cursor %q, want %d and none", len(got), next, len(as))
		}
	}},
	{"Filters", func(t *testing.T, f *fixture) {
		a := NewArticle("a", "Azerbaijan declared a ceasefire in Nagorno-Karabakh.", day(1))
		b := NewArticle("b", "Gunfire was reported near Stepanakert despite the ceasefire.", day(2))
		b.Source = "Other Wire"
		c := NewArticle("c", "Armenia demanded security guarantees.", day(3))
		c.Title = "Guarantees before disarmament"
		u := NewArticle("u", "Undated report of a protest in Yerevan.", time.Time{})
		f.add(a, b, c, u)
		tests := []struct {
			name string
			f    store.ArticleFilter
			want []string
		}{
			{"all", store.ArticleFilter{}, []string{"c", "b", "a", "u"}},
			{"since", store.ArticleFilter{Since: date(2)}, []string{"c", "b"}},
			{"until", store.ArticleFilter{Until: date(2)}, []string{"b", "a"}},
			{"since and until", store.ArticleFilter{Since: date(2), Until: date(2)}, []string{"b"}},
			{"source", store.ArticleFilter{Source: "Other Wire"}, []string{"b"}},
			{"word", store.ArticleFilter{Q: "ceasefire"}, []string{"b", "a"}},
			{"words", store.ArticleFilter{Q: "ceasefire gunfire"}, []string{"b"}},
			{"title word", store.ArticleFilter{Q: "disarmament"}, []string{"c"}},
			{"case", store.ArticleFilter{Q: "YEREVAN"}, []string{"u"}},
			{"no match", store.ArticleFilter{Q: "tanks"}, []string{}},
			{"word and date", store.ArticleFilter{Q: "ceasefire", Since: date(2)}, []string{"b"}},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				got, _, err := f.s.Articles(f.ctx, tc.f)
				if err != nil {
					t.Fatalf("Articles: %v", err)
				}
				if diff := cmp.Diff(tc.want, articleIDs(got)); diff != "" {
					t.Errorf("articles (-want +got):\n%s", diff)
				}
				n, err := f.s.CountArticles(f.ctx, tc.f)
				if err != nil {
					t.Fatalf("CountArticles: %v", err)
				}
				if n != len(tc.want) {
					t.Errorf("got count %d, want %d", n, len(tc.want))
				}
			})
		}
	}},
	{"WithText", func(t *testing.T, f *fixture) {
		a := fullArticle("a")
		f.add(a)
		for _, with := range []bool{false, true} {
			got, _, err := f.s.Articles(f.ctx, store.ArticleFilter{WithText: with})
			if err != nil {
				t.Fatalf("Articles: %v", err)
			}
			want := *a
			if !with {
				want.Text = ""
			}
			if diff := cmp.Diff([]*domain.Article{&want}, got); diff != "" {
				t.Errorf("WithText %v (-want +got):\n%s", with, diff)
			}
		}
	}},
	{"BadCursor", func(t *testing.T, f *fixture) {
		f.articles("a")
		for _, c := range []store.Cursor{"garbage", "!!!", "eyJ4Ijo"} {
			_, _, err := f.s.Articles(f.ctx, store.ArticleFilter{Page: store.Page{After: c}})
			wantCode(t, err, domain.EINVALID)
		}
	}},
}

// checkNewestFirst fails unless articles are by publication, newest first,
// unknown dates last.
func checkNewestFirst(t *testing.T, as []*domain.Article) {
	t.Helper()
	for i := 1; i < len(as); i++ {
		p, q := as[i-1].Published, as[i].Published
		if p.IsZero() && !q.IsZero() || !p.IsZero() && !q.IsZero() && q.After(p) {
			t.Errorf("article %s (%v) listed before %s (%v)", as[i-1].ID, p, as[i].ID, q)
		}
	}
}

var uncodedTests = []test{
	{"Order", func(t *testing.T, f *fixture) {
		// Ingestion order differs from publication order on purpose.
		f.add(NewArticle("a1", "First ingested.", day(9)))
		f.add(NewArticle("a2", "Second ingested.", day(1)), NewArticle("a3", "Third ingested.", day(5)))
		near := NewArticle("near", "A near-duplicate of the first.", day(9))
		first, err := f.s.Article(f.ctx, "a1")
		if err != nil {
			t.Fatalf("Article: %v", err)
		}
		near.Signature = Alter(first.Signature, 0, 1)
		if res := f.add(near); res[0].Status != store.NearDuplicate {
			t.Fatalf("got %v for the near-duplicate, want near_duplicate", res[0].Status)
		}
		f.save(domain.Coding{ArticleID: "a2", CoderVersion: "v1"})
		tests := []struct {
			version string
			limit   int
			want    []string
		}{
			{"v1", 10, []string{"a1", "a3"}},
			{"v2", 10, []string{"a1", "a2", "a3"}},
			{"v2", 2, []string{"a1", "a2"}},
			{"v1", 1, []string{"a1"}},
		}
		for _, tc := range tests {
			got, err := f.s.Uncoded(f.ctx, tc.version, tc.limit)
			if err != nil {
				t.Fatalf("Uncoded: %v", err)
			}
			if diff := cmp.Diff(tc.want, articleIDs(got)); diff != "" {
				t.Errorf("Uncoded(%q, %d) (-want +got):\n%s", tc.version, tc.limit, diff)
			}
			for _, a := range got {
				if a.Text == "" {
					t.Errorf("Uncoded returned %s without its text", a.ID)
				}
			}
		}
		f.save(domain.Coding{ArticleID: "a1", CoderVersion: "v1"}, domain.Coding{ArticleID: "a3", CoderVersion: "v1"})
		got, err := f.s.Uncoded(f.ctx, "v1", 10)
		if err != nil || len(got) != 0 {
			t.Errorf("got %v, %v after coding everything, want none", articleIDs(got), err)
		}
	}},
}

// sortedIDs returns ids sorted, for comparing sets.
func sortedIDs(ids []string) []string {
	out := slices.Clone(ids)
	slices.Sort(out)
	return out
}

// equateEmpty treats nil and empty slices alike where a listing's JSON
// turns one into the other.
var equateEmpty = cmpopts.EquateEmpty()
