package narrative

import (
	"testing"

	"github.com/truce/truce/internal/domain"
)

func TestStatedDays(t *testing.T) {
	for _, tc := range []struct {
		words string
		days  int
		ok    bool
	}{
		{"agreed to a seven-day ceasefire", 7, true},
		{"ordered Russian forces to observe a 36-hour ceasefire", 2, true},
		{"agreed on Monday to extend the ceasefire by five days", 5, true},
		{"agreed on Thursday to extend the truce in Gaza for a seventh day", 1, true},
		{"agreed to renew the truce for two more months", 60, true},
		{"would observe a ceasefire at the plant from Thursday to Saturday", 3, true},
		{"after the week-long truce expired", 7, true},
		{"a ceasefire had been reached", 0, false},
		{"a truce starting at 7 p.m. on Saturday", 0, false},
	} {
		t.Run(tc.words, func(t *testing.T) {
			days, ok := statedDays(tc.words)
			if days != tc.days || ok != tc.ok {
				t.Errorf("got %d, %v; want %d, %v", days, ok, tc.days, tc.ok)
			}
		})
	}
}

func TestStartOf(t *testing.T) {
	thursday := domain.Date{Year: 2023, Month: 1, Day: 5}
	for _, tc := range []struct {
		words string
		want  string
	}{
		{"ordered a 36-hour ceasefire from noon on Friday", "2023-01-06"},
		{"a two-month truce starting at 7 p.m. on Thursday", "2023-01-05"},
		{"agreed on Monday to extend the ceasefire", "2023-01-05"},
	} {
		if got := startOf(tc.words, thursday).String(); got != tc.want {
			t.Errorf("startOf(%q) = %s, want %s", tc.words, got, tc.want)
		}
	}
}

func TestDayNumber(t *testing.T) {
	a := domain.Date{Year: 2023, Month: 1, Day: 1}
	for n := range 800 {
		b := a.AddDays(n)
		if got := dayNumber(b) - dayNumber(a); got != n {
			t.Fatalf("dayNumber(%s) - dayNumber(%s) = %d, want %d", b, a, got, n)
		}
	}
}
