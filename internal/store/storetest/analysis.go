package storetest

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/store"
)

// seedTimeline stores events over three weeks of November 2023 in
// articles T1 and T2 (which holds only t5): 5 November is a Sunday, 6 and
// 13 and 20 are Mondays.
func seedTimeline(f *fixture) {
	f.t.Helper()
	f.articles("T1", "T2")
	e := func(id, article string, d domain.Date, quad int, plover string, src, tgt []domain.Actor, p *domain.Place) domain.Event {
		return ev(id, article, d, "190", quad, plover, domain.ModalityAsserted, src, tgt, p, "Event "+id+".")
	}
	f.save(domain.Coding{ArticleID: "T1", CoderVersion: "v1", Events: []domain.Event{
		e("t1", "T1", date(5), 4, "ASSAULT", actors("AZEMIL"), actors("ARMMIL"), stepanakert),
		e("t2", "T1", date(5), 4, "ASSAULT", actors("AZEMIL"), actors("ARMCVL"), nil),
		e("t3", "T1", date(6), 3, "ACCUSE", actors("ARMGOV"), actors("AZEGOV"), nil),
		e("t4", "T1", date(7), 1, "CONSULT", actors("RUSGOV"), actors("ARMGOV"), yerevan),
		e("t6", "T1", domain.Date{}, 3, "PROTEST", actors("ARMCVL"), actors("ARMGOV"), yerevan),
		e("t7", "T1", date(7), 2, "", actors("IGOUNO"), nil, nil),
		e("t8", "T1", date(20), 4, "ASSAULT", actors("AZEMIL", "AZEGOV"), actors("ARMMIL"), nil),
	}}, domain.Coding{ArticleID: "T2", CoderVersion: "v1", Events: []domain.Event{
		e("t5", "T2", date(13), 4, "ASSAULT", actors("AZEMIL"), actors("ARMMIL"), nil),
	}})
}

// bucket is shorthand for a TimelineBucket in November 2023, or October
// when d is negative (-30: 30 October).
func bucket(d int, group string, n int) store.TimelineBucket {
	start := date(d)
	if d < 0 {
		start = domain.Date{Year: 2023, Month: time.October, Day: -d}
	}
	return store.TimelineBucket{Start: start, Group: group, Count: n}
}

var timelineTests = []test{
	{"Counts", func(t *testing.T, f *fixture) {
		seedTimeline(f)
		tests := []struct {
			name string
			f    store.TimelineFilter
			want []store.TimelineBucket
		}{
			{"day by quad", store.TimelineFilter{}, []store.TimelineBucket{
				bucket(5, "4", 2), bucket(6, "3", 1), bucket(7, "1", 1), bucket(7, "2", 1),
				bucket(13, "4", 1), bucket(20, "4", 1)}},
			{"named defaults", store.TimelineFilter{Interval: "day", By: "quad"}, []store.TimelineBucket{
				bucket(5, "4", 2), bucket(6, "3", 1), bucket(7, "1", 1), bucket(7, "2", 1),
				bucket(13, "4", 1), bucket(20, "4", 1)}},
			{"week by quad", store.TimelineFilter{Interval: "week"}, []store.TimelineBucket{
				bucket(-30, "4", 2), bucket(6, "1", 1), bucket(6, "2", 1), bucket(6, "3", 1),
				bucket(13, "4", 1), bucket(20, "4", 1)}},
			{"day by plover", store.TimelineFilter{By: "plover"}, []store.TimelineBucket{
				bucket(5, "ASSAULT", 2), bucket(6, "ACCUSE", 1), bucket(7, "CONSULT", 1),
				bucket(13, "ASSAULT", 1), bucket(20, "ASSAULT", 1)}},
			{"week by plover", store.TimelineFilter{Interval: "week", By: "plover"}, []store.TimelineBucket{
				bucket(-30, "ASSAULT", 2), bucket(6, "ACCUSE", 1), bucket(6, "CONSULT", 1),
				bucket(13, "ASSAULT", 1), bucket(20, "ASSAULT", 1)}},
			{"country", store.TimelineFilter{Country: "ARM"}, []store.TimelineBucket{
				bucket(5, "4", 2), bucket(6, "3", 1), bucket(7, "1", 1), bucket(13, "4", 1), bucket(20, "4", 1)}},
			{"country until", store.TimelineFilter{Country: "AZE", Until: date(5)}, []store.TimelineBucket{
				bucket(5, "4", 2)}},
			{"country RUS", store.TimelineFilter{Country: "RUS"}, []store.TimelineBucket{bucket(7, "1", 1)}},
			{"actor", store.TimelineFilter{Actor: "AZEMIL"}, []store.TimelineBucket{
				bucket(5, "4", 2), bucket(13, "4", 1), bucket(20, "4", 1)}},
			{"place", store.TimelineFilter{Place: "Yerevan"}, []store.TimelineBucket{bucket(7, "1", 1)}},
			{"dates", store.TimelineFilter{Since: date(6), Until: date(7)}, []store.TimelineBucket{
				bucket(6, "3", 1), bucket(7, "1", 1), bucket(7, "2", 1)}},
			{"country and actor", store.TimelineFilter{Country: "ARM", Actor: "AZE"}, []store.TimelineBucket{
				bucket(5, "4", 2), bucket(6, "3", 1), bucket(13, "4", 1), bucket(20, "4", 1)}},
			{"no events", store.TimelineFilter{Country: "USA"}, []store.TimelineBucket{}},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				got, err := f.s.Timeline(f.ctx, tc.f)
				if err != nil {
					t.Fatalf("Timeline: %v", err)
				}
				if diff := cmp.Diff(tc.want, got, equateEmpty); diff != "" {
					t.Errorf("buckets (-want +got):\n%s", diff)
				}
			})
		}
	}},
	{"AfterRecode", func(t *testing.T, f *fixture) {
		seedTimeline(f)
		f.save(domain.Coding{ArticleID: "T2", CoderVersion: "v2", Events: []domain.Event{
			ev("t9", "T2", date(14), "141", 3, "PROTEST", domain.ModalityAsserted, actors("ARMCVL"), nil, nil, "Event t9."),
		}})
		got, err := f.s.Timeline(f.ctx, store.TimelineFilter{Country: "ARM", Since: date(13), Until: date(14)})
		if err != nil {
			t.Fatalf("Timeline: %v", err)
		}
		if diff := cmp.Diff([]store.TimelineBucket{bucket(14, "3", 1)}, got, equateEmpty); diff != "" {
			t.Errorf("buckets after re-coding (-want +got):\n%s", diff)
		}
		got, err = f.s.Timeline(f.ctx, store.TimelineFilter{Since: date(13), Until: date(14)})
		if err != nil {
			t.Fatalf("Timeline: %v", err)
		}
		if diff := cmp.Diff([]store.TimelineBucket{bucket(14, "3", 1)}, got, equateEmpty); diff != "" {
			t.Errorf("buckets of all countries after re-coding (-want +got):\n%s", diff)
		}
	}},
	{"Invalid", func(t *testing.T, f *fixture) {
		for _, tf := range []store.TimelineFilter{{Interval: "month"}, {By: "cameo"}} {
			_, err := f.s.Timeline(f.ctx, tf)
			wantCode(t, err, domain.EINVALID)
		}
	}},
}

var dyadTests = []test{
	{"Counts", func(t *testing.T, f *fixture) {
		seedTimeline(f)
		d := func(src, tgt string, n int) store.Dyad { return store.Dyad{Source: src, Target: tgt, Count: n} }
		tests := []struct {
			name string
			f    store.DyadFilter
			want []store.Dyad
		}{
			{"all", store.DyadFilter{}, []store.Dyad{
				d("AZEMIL", "ARMMIL", 3), d("ARMCVL", "ARMGOV", 1), d("ARMGOV", "AZEGOV", 1),
				d("AZEGOV", "ARMMIL", 1), d("AZEMIL", "ARMCVL", 1), d("RUSGOV", "ARMGOV", 1)}},
			{"limit", store.DyadFilter{Limit: 2}, []store.Dyad{d("AZEMIL", "ARMMIL", 3), d("ARMCVL", "ARMGOV", 1)}},
			{"country", store.DyadFilter{Country: "RUS"}, []store.Dyad{d("RUSGOV", "ARMGOV", 1)}},
			{"actor", store.DyadFilter{Actor: "AZE"}, []store.Dyad{
				d("AZEMIL", "ARMMIL", 3), d("ARMGOV", "AZEGOV", 1), d("AZEGOV", "ARMMIL", 1), d("AZEMIL", "ARMCVL", 1)}},
			{"since", store.DyadFilter{Since: date(6)}, []store.Dyad{
				d("AZEMIL", "ARMMIL", 2), d("ARMGOV", "AZEGOV", 1), d("AZEGOV", "ARMMIL", 1), d("RUSGOV", "ARMGOV", 1)}},
			{"until", store.DyadFilter{Until: date(5)}, []store.Dyad{d("AZEMIL", "ARMCVL", 1), d("AZEMIL", "ARMMIL", 1)}},
			{"none", store.DyadFilter{Country: "USA"}, []store.Dyad{}},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				got, err := f.s.Dyads(f.ctx, tc.f)
				if err != nil {
					t.Fatalf("Dyads: %v", err)
				}
				if diff := cmp.Diff(tc.want, got, equateEmpty); diff != "" {
					t.Errorf("dyads (-want +got):\n%s", diff)
				}
			})
		}
	}},
}

var statsTests = []test{
	{"Counts", func(t *testing.T, f *fixture) {
		got, err := f.s.Stats(f.ctx)
		if err != nil {
			t.Fatalf("Stats: %v", err)
		}
		if diff := cmp.Diff(store.Stats{}, got); diff != "" {
			t.Errorf("empty store (-want +got):\n%s", diff)
		}
		seedContradictions(f)
		a, err := f.s.Article(f.ctx, "A")
		if err != nil {
			t.Fatalf("Article: %v", err)
		}
		near := NewArticle("near", "Nearly article A.", day(2))
		near.Signature = Alter(a.Signature, 5)
		f.add(near)
		got, err = f.s.Stats(f.ctx)
		if err != nil {
			t.Fatalf("Stats: %v", err)
		}
		want := store.Stats{Articles: 3, Duplicates: 1, Events: 5, Claims: 4, Commitments: 3,
			Contradictions: 3, Mentions: 2}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("stats (-want +got):\n%s", diff)
		}
	}},
}

var concurrencyTests = []test{
	{"ReadWhileWriting", func(t *testing.T, f *fixture) {
		const batches, size = 10, 20
		done := make(chan struct{})
		errs := make(chan error, 16)
		var wg sync.WaitGroup
		wg.Go(func() {
			defer close(done)
			for b := range batches {
				var as []*domain.Article
				var cs []domain.Coding
				for i := range size {
					id := fmt.Sprintf("w%d-%d", b, i)
					as = append(as, NewArticle(id, "Concurrent text "+id+".", day(1+i%20)))
					cs = append(cs, domain.Coding{ArticleID: id, CoderVersion: "v1", Events: []domain.Event{
						ev("e-"+id, id, date(1+i%20), "190", 4, "ASSAULT", "", actors("AZEMIL"), actors("ARMMIL"), nil, "Shelling."),
					}})
				}
				if _, err := f.s.AddArticles(f.ctx, as); err != nil {
					errs <- fmt.Errorf("AddArticles: %w", err)
					return
				}
				if err := f.s.SaveCodings(f.ctx, cs); err != nil {
					errs <- fmt.Errorf("SaveCodings: %w", err)
					return
				}
			}
		})
		for range 3 {
			wg.Go(func() {
				for {
					select {
					case <-done:
						return
					default:
					}
					if _, _, err := f.s.Articles(f.ctx, store.ArticleFilter{Page: store.Page{Limit: 10}}); err != nil {
						errs <- fmt.Errorf("Articles: %w", err)
						return
					}
					if _, _, err := f.s.Events(f.ctx, store.EventFilter{Country: "ARM", Page: store.Page{Limit: 10}}); err != nil {
						errs <- fmt.Errorf("Events: %w", err)
						return
					}
					if _, err := f.s.Timeline(f.ctx, store.TimelineFilter{Country: "ARM"}); err != nil {
						errs <- fmt.Errorf("Timeline: %w", err)
						return
					}
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		st, err := f.s.Stats(f.ctx)
		if err != nil {
			t.Fatalf("Stats: %v", err)
		}
		if st.Articles != batches*size || st.Events != batches*size {
			t.Errorf("got %d articles and %d events, want %d of each", st.Articles, st.Events, batches*size)
		}
	}},
}
