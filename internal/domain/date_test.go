package domain

import (
	"testing"
	"time"
)

// TestDateCompare checks the field-by-field comparison against the days'
// times, on every pair of a set of dates that covers month ends, leap
// days, the unknown date and dates that are no calendar day.
func TestDateCompare(t *testing.T) {
	dates := []Date{{},
		{2024, time.February, 28}, {2024, time.February, 29}, {2024, time.March, 1},
		{2023, time.February, 28}, {2023, time.March, 1}, {2023, time.February, 29},
		{2100, time.February, 29}, {2000, time.February, 29},
		{2024, time.April, 30}, {2024, time.April, 31}, {2024, time.May, 1},
		{2024, time.December, 31}, {2025, time.January, 1}, {2024, time.December, 32},
		{2025, time.January, 0}, {2024, time.June, 15}, {2024, time.June, -3},
		{2024, time.Month(13), 1}, {1, time.January, 1},
	}
	for _, a := range dates {
		for _, b := range dates {
			want := a.Time().Compare(b.Time())
			if got := a.Compare(b); got != want {
				t.Errorf("%v.Compare(%v) = %d, want %d", a, b, got, want)
			}
			if got := a.Before(b); got != (want < 0) {
				t.Errorf("%v.Before(%v) = %v", a, b, got)
			}
			if got := a.After(b); got != (want > 0) {
				t.Errorf("%v.After(%v) = %v", a, b, got)
			}
		}
	}
}
