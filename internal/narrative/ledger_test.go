package narrative

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/truce/truce/internal/domain"
)

// TestMerge: merging ascending runs gives what sorting them all and
// dropping repeats gives, with one merger used again and again.
func TestMerge(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var m merger
	for range 2000 {
		var runs [][]int
		var all []int
		for range r.IntN(9) {
			var run []int
			n := 0
			for range r.IntN(12) {
				n += 1 + r.IntN(4)
				run = append(run, n)
			}
			runs = append(runs, run)
			all = append(all, run...)
		}
		slices.Sort(all)
		want := slices.Compact(all)
		got := m.merge([]int{-1}, slices.Clone(runs))
		if len(got) == 0 || got[0] != -1 || !slices.Equal(got[1:], want) {
			t.Fatalf("merge(%v) = %v, want [-1] and %v", runs, got, want)
		}
	}
}

// TestReleaseCounted: a promise to release about 1,000 prisoners is not
// kept by the release of 90 (a comma that groups digits does not make
// the promise one of 1), and is by the release of 1,000.
func TestReleaseCounted(t *testing.T) {
	day := domain.Date{Year: 2025, Month: 1, Day: 15}
	pledge := domain.Commitment{ID: "m1", ArticleID: "a0", Date: day, Actor: domain.Actor{Code: "ISR"},
		Category: domain.CategoryRelease, Action: "release about 1,000 Palestinian prisoners",
		Sentence: "Israel will release about 1,000 Palestinian prisoners.", Status: domain.StatusPending}
	for _, tc := range []struct {
		sentence, trigger, want string
	}{
		{"Israel released 90 Palestinian prisoners on Sunday.", "released 90 Palestinian prisoners", domain.StatusPending},
		{"Israel released 1,000 Palestinian prisoners on Sunday.", "released 1,000 Palestinian prisoners", domain.StatusFulfilled},
		// "about 1,000": within a tenth of it keeps the promise, not more.
		{"Israel released 968 Palestinian prisoners on Sunday.", "released 968 Palestinian prisoners", domain.StatusFulfilled},
		{"Israel released 850 Palestinian prisoners on Sunday.", "released 850 Palestinian prisoners", domain.StatusPending},
	} {
		start := strings.Index(tc.sentence, tc.trigger)
		ev := domain.Event{ID: "e1", ArticleID: "a1", Date: day.AddDays(4), CAMEO: "0841", Modality: domain.ModalityAsserted,
			Source: []domain.Actor{{Code: "ISR"}}, Sentence: tc.sentence, Span: domain.Span{Start: 0, End: len(tc.sentence)},
			TriggerSpan: domain.Span{Start: start, End: start + len(tc.trigger)}}
		got := Ledger([]domain.Commitment{pledge}, []domain.Event{ev}, nil, Options{})[0]
		if got.Status != tc.want {
			t.Errorf("%q: status %s, want %s", tc.sentence, got.Status, tc.want)
		}
	}
}

// TestPartialWithdrawal checks that a withdrawal told with what stayed
// ("withdrew from villages … but remained at five hilltop positions")
// does not keep a promise to withdraw, and a whole one does.
func TestPartialWithdrawal(t *testing.T) {
	day := domain.Date{Year: 2024, Month: 11, Day: 27}
	pledge := domain.Commitment{ID: "m1", ArticleID: "a0", Date: day, Actor: domain.Actor{Code: "ISR"},
		Category: domain.CategoryWithdrawal, Action: "withdraw its troops",
		Sentence: "Israel is to withdraw its troops from southern Lebanon.", Status: domain.StatusPending}
	for _, tc := range []struct{ sentence, trigger, want string }{
		{"Israeli troops withdrew from villages in southern Lebanon but remained at five hilltop positions.", "withdrew from villages", domain.StatusPending},
		{"Israeli troops withdrew from villages in southern Lebanon on Tuesday.", "withdrew from villages", domain.StatusFulfilled},
	} {
		start := strings.Index(tc.sentence, tc.trigger)
		ev := domain.Event{ID: "e1", ArticleID: "a1", Date: day.AddDays(20), CAMEO: "0874", Modality: domain.ModalityAsserted,
			Source: []domain.Actor{{Code: "ISRMIL", Country: "ISR"}}, Sentence: tc.sentence, Span: domain.Span{Start: 0, End: len(tc.sentence)},
			TriggerSpan: domain.Span{Start: start, End: start + len(tc.trigger)}}
		got := Ledger([]domain.Commitment{pledge}, []domain.Event{ev}, nil, Options{})[0]
		if got.Status != tc.want {
			t.Errorf("%q: status %s, want %s", tc.sentence, got.Status, tc.want)
		}
	}
}
