package ingest

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// ErrAmbiguousDate is the reason a numeric date such as 03/04/2023 is not
// read on its own: it is 3 April day-first and 4 March month-first.
var ErrAmbiguousDate = errors.New("ambiguous: day-first and month-first give different days")

// ParseTime reads a date or a time as news inputs write it and returns it
// in UTC:
//
//   - ISO 8601 / RFC 3339, date only too: 2023-09-20, 2023-09-20T10:04Z,
//     2023-09-20 10:04:05+03:00, 2023/09/20;
//   - RFC 822/1123 and their relatives, with or without weekday, seconds
//     and zone: Wed, 20 Sep 2023 10:04:05 GMT, 20 Sep 2023 10:04 +0300;
//   - day-first words: 03 November 2021, 20 Sept 2023, 3rd Nov. 2021;
//   - month-first words: November 3, 2021, Sept. 20, 2023;
//   - numeric day and month: 20/09/2023, 09/20/2023, 20.09.2023.
//
// A time without a zone is read as UTC. A named zone is read by a table
// of common abbreviations (EST is -5); an unknown one is an error rather
// than a time silently hours off. A numeric date whose day and month could
// be swapped (03/04/2023) returns ErrAmbiguousDate; readers of files
// resolve it with the file's other dates.
func ParseTime(s string) (time.Time, error) {
	p, err := parseDate(s)
	if err != nil {
		return time.Time{}, err
	}
	if p.ambiguous {
		return time.Time{}, ErrAmbiguousDate
	}
	return p.t, nil
}

// dateOrder is what numeric dates show about an input's day-month order.
type dateOrder uint8

const (
	orderUnknown    dateOrder = iota
	orderDayFirst             // 20/09/2023 seen
	orderMonthFirst           // 09/20/2023 seen
	orderConflict             // both seen: the input is inconsistent
)

// parsedDate is a date as read: t, or for an ambiguous numeric date the
// day-first reading t and the month-first reading alt.
type parsedDate struct {
	t, alt    time.Time
	ambiguous bool
	// evidence is the order an unambiguous numeric date proves.
	evidence dateOrder
}

// resolve picks the reading of an ambiguous date for an input's order.
func (p parsedDate) resolve(o dateOrder) (time.Time, bool) {
	switch {
	case !p.ambiguous:
		return p.t, true
	case o == orderDayFirst:
		return p.t, true
	case o == orderMonthFirst:
		return p.alt, true
	}
	return time.Time{}, false
}

// isoLayouts are tried first, in order; time.Parse accepts fractional
// seconds after the seconds of any of them.
var isoLayouts = []string{
	time.RFC3339,
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04Z0700",
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 Z07:00",
	"2006-01-02 15:04:05 Z0700",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	time.DateOnly,
	"2006-1-2",
	"2006/01/02",
	"2006/1/2",
	"2006/01/02 15:04:05",
	"2006/01/02 15:04",
	"2006.01.02",
}

const (
	weekdayRE = `(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\.?,?\s+)?`
	monthRE   = `(jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december)\.?`
	dayRE     = `(\d{1,2})(?:st|nd|rd|th)?`
	timeRE    = `(?:(?:,|\s)\s*(?:at\s+)?(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:\.\d+)?)?(?:\s*([ap])\.?m\b\.?)?)?`
	zoneRE    = `(?:\s*\(?([+-]\d{2}:?\d{2}|(?:gmt|utc|ut)(?:\s*[+-]\d{1,2}(?::?\d{2})?)?|[a-z]{1,5})\)?)?`
)

var (
	// 20 Sep 2023 10:04 GMT, with weekday and ordinal optional.
	dayMonthRE = regexp.MustCompile(`^` + weekdayRE + dayRE + `\s*(?:of\s+)?` + monthRE + `,?\s*(\d{4}|\d{2})` + timeRE + zoneRE + `$`)
	// Sept. 20, 2023 10:04 am EST
	monthDayRE = regexp.MustCompile(`^` + weekdayRE + monthRE + `\s*` + dayRE + `,?\s+(\d{4})` + timeRE + zoneRE + `$`)
	// 20/09/2023, 09-20-2023 10:04
	numericRE = regexp.MustCompile(`^(\d{1,2})([/.-])(\d{1,2})[/.-](\d{4}|\d{2})` + timeRE + zoneRE + `$`)
)

var months = map[string]time.Month{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
	"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
	"september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

// zones holds the offsets, in minutes, of the zone abbreviations news
// sites write. Abbreviations that name two zones (IST: India, Israel,
// Ireland; AST: Atlantic, Arabia) are left out on purpose.
var zones = map[string]int{
	"z": 0, "ut": 0, "utc": 0, "gmt": 0, "wet": 0,
	"est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360,
	"pst": -480, "pdt": -420, "akst": -540, "akdt": -480, "hst": -600,
	"bst": 60, "cet": 60, "cest": 120, "met": 60, "mest": 120, "west": 60, "wat": 60,
	"eet": 120, "eest": 180, "cat": 120, "sast": 120, "eat": 180, "msk": 180, "trt": 180,
	"pkt": 300, "npt": 345, "ict": 420, "wib": 420, "hkt": 480, "sgt": 480, "awst": 480,
	"pht": 480, "jst": 540, "kst": 540, "acst": 570, "acdt": 630, "aest": 600, "aedt": 660,
	"nzst": 720, "nzdt": 780,
}

// parseDate reads s; see ParseTime.
func parseDate(s string) (parsedDate, error) {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return parsedDate{}, errors.New("empty")
	}
	if len(s) > 100 {
		return parsedDate{}, errors.New("not a date")
	}
	for _, layout := range isoLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return parsedDate{t: t.UTC()}, nil
		}
	}
	l := strings.ToLower(s)
	if m := dayMonthRE.FindStringSubmatch(l); m != nil {
		t, err := build(year(m[3]), months[m[2]], m[1], m[4:])
		return parsedDate{t: t}, err
	}
	if m := monthDayRE.FindStringSubmatch(l); m != nil {
		t, err := build(year(m[3]), months[m[1]], m[2], m[4:])
		return parsedDate{t: t}, err
	}
	if m := numericRE.FindStringSubmatch(l); m != nil {
		return numericDate(m)
	}
	return parsedDate{}, errors.New("not a date this reader knows")
}

// numericDate reads the match of numericRE: first and second number, the
// separator, the year, then the time and zone.
func numericDate(m []string) (parsedDate, error) {
	a, _ := strconv.Atoi(m[1])
	b, _ := strconv.Atoi(m[3])
	y := year(m[4])
	rest := m[5:]
	switch {
	case a > 12 && b > 12:
		return parsedDate{}, errors.New("no month in it")
	case a > 12:
		t, err := build(y, time.Month(b), m[1], rest)
		return parsedDate{t: t, evidence: orderDayFirst}, err
	case b > 12:
		t, err := build(y, time.Month(a), m[3], rest)
		return parsedDate{t: t, evidence: orderMonthFirst}, err
	}
	dayFirst, err := build(y, time.Month(b), m[1], rest)
	if err != nil {
		return parsedDate{}, err
	}
	if a == b {
		return parsedDate{t: dayFirst}, nil
	}
	monthFirst, err := build(y, time.Month(a), m[3], rest)
	if err != nil {
		return parsedDate{}, err
	}
	return parsedDate{t: dayFirst, alt: monthFirst, ambiguous: true}, nil
}

// year reads a year of four digits, or of two as RFC 2822 does (00-49 is
// 2000-2049).
func year(s string) int {
	y, _ := strconv.Atoi(s)
	if len(s) == 2 {
		if y < 50 {
			return 2000 + y
		}
		return 1900 + y
	}
	return y
}

// build makes the time from its parts; clock holds the hour, minute,
// second, am/pm and zone groups of timeRE and zoneRE.
func build(y int, mon time.Month, dayText string, clock []string) (time.Time, error) {
	day, _ := strconv.Atoi(dayText)
	var hour, minute, sec int
	if clock[0] != "" {
		hour, _ = strconv.Atoi(clock[0])
		minute, _ = strconv.Atoi(clock[1])
		if clock[2] != "" {
			sec, _ = strconv.Atoi(clock[2])
		}
		switch clock[3] {
		case "a", "p":
			if hour < 1 || hour > 12 {
				return time.Time{}, fmt.Errorf("hour %d with am/pm", hour)
			}
			hour %= 12
			if clock[3] == "p" {
				hour += 12
			}
		}
		if hour > 23 || minute > 59 || sec > 60 {
			return time.Time{}, errors.New("no such time of day")
		}
		sec = min(sec, 59) // a leap second is the second before it
	}
	offset, err := zoneOffset(clock[4])
	if err != nil {
		return time.Time{}, err
	}
	if y < 1000 || mon < 1 || mon > 12 || day < 1 {
		return time.Time{}, errors.New("no such day")
	}
	t := time.Date(y, mon, day, hour, minute, sec, 0, time.FixedZone("", offset*60))
	if t.Day() != day || t.Month() != mon {
		return time.Time{}, errors.New("no such day")
	}
	return t.UTC(), nil
}

// zoneOffset reads a zone as minutes east of UTC.
func zoneOffset(z string) (int, error) {
	if z == "" {
		return 0, nil
	}
	if off, ok := zones[z]; ok {
		return off, nil
	}
	sign := 1
	rest := z
	switch {
	case strings.HasPrefix(z, "gmt"), strings.HasPrefix(z, "utc"):
		rest = strings.TrimSpace(z[3:])
	case strings.HasPrefix(z, "ut"):
		rest = strings.TrimSpace(z[2:])
	}
	if rest == "" || (rest[0] != '+' && rest[0] != '-') {
		return 0, fmt.Errorf("unknown time zone %q", strings.ToUpper(z))
	}
	if rest[0] == '-' {
		sign = -1
	}
	digits := strings.ReplaceAll(rest[1:], ":", "")
	var h, m int
	switch len(digits) {
	case 1, 2:
		h, _ = strconv.Atoi(digits)
	case 3, 4:
		h, _ = strconv.Atoi(digits[:len(digits)-2])
		m, _ = strconv.Atoi(digits[len(digits)-2:])
	default:
		return 0, fmt.Errorf("time zone %q", z)
	}
	if h > 14 || m > 59 {
		return 0, fmt.Errorf("time zone %q out of range", z)
	}
	return sign * (h*60 + m), nil
}
