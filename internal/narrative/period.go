package narrative

import (
	"strings"
	"unicode"

	"github.com/truce/truce/internal/domain"
)

// The words of a claim say how long the state it claims lasts: "a
// seven-day ceasefire", "a 36-hour truce", "extend the pause by two days",
// "extend the truce for a seventh day", "from Thursday to Saturday".
// Claims carry their words but not a period; reading it here keeps the
// rule next to the one that uses it (README rule 4).

var numberWords = map[string]int{
	"one": 1, "a": 1, "an": 1, "another": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15, "twenty": 20,
	"thirty": 30, "sixty": 60, "ninety": 90,
}

var weekdayIndex = map[string]int{
	"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
}

var monthWords = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
}

// words splits text into lower-case words, hyphenated words into their
// parts ("seven-day" gives "seven", "day").
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
}

// numberAt reads a small number (of days, of hours): a number word, or
// digits below 1,000 (countAt reads counts of any size).
func numberAt(w string) (int, bool) {
	n, ok := countAt(w)
	if _, word := numberWords[w]; ok && !word && n >= 1000 {
		return 0, false
	}
	return n, ok
}

// unitDays returns how many days a unit word lasts (hours round up to
// whole days), or 0.
func unitDays(w string, n int) int {
	switch strings.TrimSuffix(w, "s") {
	case "hour":
		return (n + 23) / 24
	case "day":
		return n
	case "week":
		return 7 * n
	case "month":
		return 30 * n
	}
	return 0
}

// statedDays returns how many days the words of a ceasefire claim say it
// lasts from its start, and whether they say.
func statedDays(prop string) (int, bool) {
	ws := words(prop)
	for i, w := range ws {
		// "from Thursday to Saturday".
		if w == "from" && i+3 < len(ws) {
			if a, ok := weekdayIndex[ws[i+1]]; ok && ws[i+2] == "to" {
				if b, ok := weekdayIndex[ws[i+3]]; ok {
					return (b-a+7)%7 + 1, true
				}
			}
		}
		// "week-long".
		if w == "week" && i+1 < len(ws) && ws[i+1] == "long" {
			return 7, true
		}
		n, ok := numberAt(w)
		if !ok || i+1 >= len(ws) {
			continue
		}
		next := ws[i+1]
		// "seven-day", "36-hour", "by five days", "for two more months".
		if next == "more" || next == "further" || next == "extra" || next == "additional" {
			if i+2 < len(ws) {
				next = ws[i+2]
			}
		}
		if d := unitDays(next, n); d > 0 && (w != "a" && w != "an" || i > 0 && ws[i-1] == "for") {
			return d, true
		}
		// "for a seventh day", "for another day".
		if (w == "a" || w == "another") && i > 0 && ws[i-1] == "for" && i+2 < len(ws) && unitDays(ws[i+2], 1) == 1 {
			return 1, true
		}
	}
	return 0, false
}

// datesItself reports whether a claim's words name a day ("on Friday",
// "on 19 September"), so that the day it is about is the text's, not
// the article's.
func datesItself(prop string) bool {
	for _, w := range words(prop) {
		if _, ok := weekdayIndex[w]; ok || monthWords[w] || w == "yesterday" || w == "today" || w == "tonight" {
			return true
		}
	}
	return false
}

// period is the days a ceasefire claim covers, [start, end); stated says
// whether its words give the end.
type period struct {
	start, end domain.Date
	stated     bool
}

// startOf returns the day a truce its words announce begins: the weekday
// after "from" or "starting" ("from noon on Friday", "starting at 7 p.m.
// on Saturday"), on or after the day it was announced; else that day.
func startOf(words0 string, announced domain.Date) domain.Date {
	ws := words(words0)
	for i, w := range ws {
		if w != "from" && w != "starting" {
			continue
		}
		for j := i + 1; j < len(ws) && j <= i+6; j++ {
			if wd, ok := weekdayIndex[ws[j]]; ok {
				ahead := (wd - int(announced.Time().Weekday()) + 7) % 7
				return announced.AddDays(ahead)
			}
		}
	}
	return announced
}
