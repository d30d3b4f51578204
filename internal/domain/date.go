package domain

import (
	"cmp"
	"encoding/json"
	"fmt"
	"time"
)

// Date is a calendar day without a time or zone: the day an article was
// published, or the day an event happened. The zero Date is unknown and is
// null in JSON.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// How exactly an event's words fix its day (an event's date_precision).
const (
	DateDay   = "day"   // the day itself: "on Tuesday", "on 19 September"
	DateWeek  = "week"  // a day of the week named: "last week"
	DateMonth = "month" // the middle of the month named: "in January"
	DateYear  = "year"  // the middle of the year named: "last year"
)

// DateOf returns the calendar day of t in UTC.
func DateOf(t time.Time) Date {
	if t.IsZero() {
		return Date{}
	}
	y, m, d := t.UTC().Date()
	return Date{y, m, d}
}

// ParseDate reads a date in the form YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("date %q: want YYYY-MM-DD", s)
	}
	return DateOf(t), nil
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d == Date{} }

// Time returns midnight UTC at the start of the day.
func (d Date) Time() time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
}

// AddDays returns the date n days later (earlier when n is negative).
func (d Date) AddDays(n int) Date {
	if d.IsZero() {
		return d
	}
	return DateOf(d.Time().AddDate(0, 0, n))
}

// Compare returns -1, 0 or +1 as d is a day before, the same day as, or a
// day after e; the unknown date is before every known one. Dates that are
// calendar days (or unknown) compare field by field, as the ledger and
// contradictions do millions of times; others (a Day of 0 or 32, which
// Time carries into the next month) compare by their Time.
func (d Date) Compare(e Date) int {
	if !d.calendar() || !e.calendar() {
		return d.Time().Compare(e.Time())
	}
	return cmp.Or(cmp.Compare(d.Year, e.Year), cmp.Compare(d.Month, e.Month), cmp.Compare(d.Day, e.Day))
}

// calendar reports whether d is the unknown date or a day of the calendar
// from year 2 on (the unknown date's Time is 1 January of year 1), which
// Time leaves as it is.
func (d Date) calendar() bool {
	if d.IsZero() {
		return true
	}
	if d.Year < 2 || d.Month < time.January || d.Month > time.December || d.Day < 1 {
		return false
	}
	return d.Day <= 28 || d.Day <= daysIn(d.Year, d.Month)
}

// daysIn returns the number of days in month m of year y.
func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// Before reports whether d is a day before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is a day after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// DaysUntil returns the number of days from d to e.
func (d Date) DaysUntil(e Date) int {
	return int(e.Time().Sub(d.Time()).Hours() / 24)
}

// String returns YYYY-MM-DD, or the empty string when unknown.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// MarshalJSON writes "YYYY-MM-DD" or null.
func (d Date) MarshalJSON() ([]byte, error) {
	return appendDate(nil, d), nil
}

// UnmarshalJSON reads "YYYY-MM-DD" or null.
func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = Date{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s == "" {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}
