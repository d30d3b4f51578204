package coder

import (
	"strconv"
	"strings"
	"time"

	"github.com/truce/truce/internal/codebook"
	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/text"
)

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

var months = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
	"sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

// When is a time expression found in a sentence and the day it names.
type When struct {
	Date domain.Date
	Text string
	// Precision is how exactly the words fix the day: domain.DateDay,
	// DateWeek ("last week": Date is a day of it), DateMonth ("in
	// January": the middle of the month) or DateYear ("last year": the
	// middle of the year); a past period's day is never after the article.
	Precision string
	// Start and End are the token range of the expression.
	Start, End int
}

// FindWhen finds the first expression of a day in the tokens and resolves
// it against the article date: "on Tuesday" (the last Tuesday on or
// before the article date; the next one for a future event), "yesterday",
// "today", "last week" (seven days before), "on 19 September",
// "September 19", "19 September 2023". future says the event is intended or
// expected rather than past. It returns false when there is none or the
// article date is unknown and the expression needs it.
func FindWhen(s string, toks []text.Token, article domain.Date, future bool) (When, bool) {
	for i := 0; i < len(toks); i++ {
		w, ok := whenAt(s, toks, i, article, future)
		if ok {
			return w, true
		}
	}
	return When{}, false
}

func whenAt(s string, toks []text.Token, i int, article domain.Date, future bool) (When, bool) {
	t := toks[i]
	mk := func(d domain.Date, end int) (When, bool) {
		if d.IsZero() {
			return When{}, false
		}
		return When{Date: d, Text: s[t.Start:toks[end-1].End], Start: i, End: end, Precision: domain.DateDay}, true
	}
	week := func(d domain.Date, end int) (When, bool) {
		w, ok := mk(d, end)
		w.Precision = domain.DateWeek
		return w, ok
	}
	switch t.Norm {
	case "yesterday":
		return mk(article.AddDays(-1), i+1)
	case "today", "tonight":
		return mk(article, i+1)
	case "tomorrow":
		return mk(article.AddDays(1), i+1)
	case "last":
		if i+1 < len(toks) {
			switch toks[i+1].Norm {
			case "week":
				return week(article.AddDays(-7), i+2)
			case "weekend":
				return week(weekdayBefore(article, time.Saturday, true), i+2)
			case "night":
				return mk(article.AddDays(-1), i+2)
			}
			if wd, ok := weekdays[toks[i+1].Norm]; ok {
				return mk(weekdayBefore(article, wd, true), i+2)
			}
		}
	case "earlier":
		if i+2 < len(toks) && toks[i+1].Norm == "this" && toks[i+2].Norm == "week" {
			return week(article.AddDays(-2), i+3)
		}
	case "ago":
		// "two days ago", "a week ago", "three weeks ago".
		if n, unit, ok := agoBefore(toks, i); ok && i-2 >= 0 {
			w, ok := When{}, false
			switch unit {
			case "day":
				w, ok = mk(article.AddDays(-n), i+1)
			case "week":
				w, ok = week(article.AddDays(-7*n), i+1)
			}
			if ok {
				w.Start, w.Text = i-2, s[toks[i-2].Start:t.End]
			}
			return w, ok
		}
	}
	// The rest are dates, which start with a number or a capital.
	if t.Shape != text.Title && t.Kind != text.Number {
		return When{}, false
	}
	if wd, ok := weekdays[t.Norm]; ok && t.Shape == text.Title {
		if future {
			return mk(weekdayAfter(article, wd), i+1)
		}
		return mk(weekdayBefore(article, wd, false), i+1)
	}
	// "19 September [2023]" and "September 19[, 2023]".
	if t.Kind == text.Number {
		day, err := strconv.Atoi(strings.TrimRight(t.Norm, "stndrh"))
		if err == nil && day >= 1 && day <= 31 && i+1 < len(toks) {
			if m, ok := months[toks[i+1].Norm]; ok && toks[i+1].Shape == text.Title {
				end := i + 2
				year, end := yearAfter(toks, end, article)
				return mk(dayOf(article, year, m, day, future), end)
			}
		}
	}
	if m, ok := months[t.Norm]; ok && t.Shape == text.Title && t.Norm != "may" && i+1 < len(toks) && toks[i+1].Kind == text.Number {
		day, err := strconv.Atoi(strings.TrimRight(toks[i+1].Norm, "stndrh"))
		if err == nil && day >= 1 && day <= 31 {
			end := i + 2
			if end < len(toks) && toks[end].Norm == "," {
				if _, ok := yearAt(toks, end+1); ok {
					end++
				}
			}
			year, end := yearAfter(toks, end, article)
			return mk(dayOf(article, year, m, day, future), end)
		}
	}
	return When{}, false
}

// agoBefore reads the "two days" or "a week" before toks[i] = "ago".
func agoBefore(toks []text.Token, i int) (n int, unit string, ok bool) {
	if i < 2 {
		return 0, "", false
	}
	unit = strings.TrimSuffix(toks[i-1].Norm, "s")
	n, ok = numberWords[toks[i-2].Norm] // "a week", "two days"
	if !ok {
		v, err := strconv.Atoi(toks[i-2].Norm)
		if err != nil || v < 1 || v > 99 {
			return 0, "", false
		}
		n = v
	}
	return n, unit, true
}

// FindPeriod is FindWhen for an event's date: a day or week where the
// words name one, else the month or year they name ("last month", "in
// early March", "in January 2024", "two months ago", "last year", "in
// 2020"), a date of lesser precision that still beats the article's day.
// A month or year without a day does not count before "since", "until",
// "by", … ("since January" dates no event to January).
func FindPeriod(s string, toks []text.Token, article domain.Date, future bool) (When, bool) {
	if w, ok := FindWhen(s, toks, article, future); ok {
		return w, true
	}
	if article.IsZero() {
		return When{}, false
	}
	for i := range toks {
		if w, ok := periodAt(s, toks, i, article, future); ok && !periodBound(toks, w.Start) {
			return w, true
		}
	}
	return When{}, false
}

// periodBound reports whether the period starting at toks[i] bounds a
// span rather than dating an act: "since last month", "by the end of
// March", "until January".
func periodBound(toks []text.Token, i int) bool {
	p := i - 1
	for p >= 0 && (toks[p].Norm == "the" || toks[p].Norm == "at") {
		p--
	}
	if p < 0 {
		return false
	}
	switch toks[p].Norm {
	case "since", "until", "till", "by", "before", "after", "from", "through", "to", "between", "and", "of":
		return true
	}
	return false
}

// eventWhen finds the date of the event dr. Its own time is the one named
// in its clause from the clause's start, or from the trigger where a verb
// governs or reports it ("agreed on Monday to withdraw": Monday is the
// agreeing's), a verb after ", and" starting its own clause; or the time
// that a clause opened by "when" refers to ("fighting in September 2022,
// when troops attacked"). A modal before the trigger in that clause makes
// the time one to come. Else it is the first day the sentence names, read
// as past: the day the event was reported, promised or demanded. A month
// or year in another clause is another act's ("hosts a base, but relations
// have cooled since troops advanced in 2022"). A past act's date is never
// after the article's.
func eventWhen(s string, toks []text.Token, dr *draft, article domain.Date, future bool) (When, bool) {
	k := dr.match.Start
	fits := func(w When, ok, future bool) (When, bool) {
		if !ok || !future && !article.IsZero() && w.Date.After(article) {
			return When{}, false
		}
		return w, true
	}
	if k < 0 || k >= len(toks) {
		w, ok := FindWhen(s, toks, article, future)
		return fits(w, ok, future)
	}
	a, b := clauseStart(toks, k), clauseEnd(toks, k)
	head := max(k, dr.match.Head)
	modal := hasWord(toks, max(a, head-4), head, "will", "would", "shall", "should", "'ll")
	own := future || modal
	// "had signed a ceasefire in August": the signing's time, past; but
	// "agreed to a truce starting on Saturday" is the truce's, to come.
	pastAct := future && !modal && dr.gov == nil && (dr.match.Form == codebook.Past || dr.match.Form == codebook.Participle)
	if pastAct {
		own = false
	}
	for _, m := range []*codebook.Match{dr.gov, dr.report} {
		if m != nil && m.End <= k {
			a = max(a, k)
		}
	}
	if k > 0 && toks[k-1].Norm == "," && isGerund(toks[k].Norm) {
		a = max(a, k) // ", accusing the United States of …"
	}
	for j := k - 1; j > a; j-- {
		if (toks[j].Norm == "and" || toks[j].Norm == "but") && toks[j-1].Norm == "," {
			a = j + 1
			break
		}
	}
	if w, ok := FindPeriod(s, toks[a:b], article, own); ok {
		if pastAct && hasWord(toks, head, a+w.Start, "starting", "beginning", "effective", "from") {
			w, ok = FindPeriod(s, toks[a:b], article, true)
			return fits(w, ok, true)
		}
		if own && !modal && a+w.End <= k {
			// "marched in Tbilisi on Sunday to demand new elections": a
			// time before the act's words is the time of the verb that
			// governs it, which was done (the demand, the march), not
			// one to come.
			if pw, ok := FindPeriod(s, toks[a:b], article, false); ok {
				return fits(pw, ok, false)
			}
		}
		return fits(w, ok, own)
	}
	if a >= 2 && toks[a-1].Norm == "when" && toks[a-2].Norm == "," {
		if w, ok := FindPeriod(s, toks[clauseStart(toks, a-2):a-2], article, false); ok {
			return fits(w, ok, false)
		}
	}
	w, ok := FindWhen(s, toks, article, false)
	return fits(w, ok, false)
}

func periodAt(s string, toks []text.Token, i int, article domain.Date, future bool) (When, bool) {
	t := toks[i]
	switch t.Norm {
	case "last", "next", "this", "ago", "in", "early", "late", "mid", "end", "beginning", "start":
	default:
		return When{}, false // most words open no period
	}
	mk := func(d domain.Date, prec string, start, end int) (When, bool) {
		if d.IsZero() {
			return When{}, false
		}
		if !future && d.After(article) {
			d = article
		}
		return When{Date: d, Text: s[toks[start].Start:toks[end-1].End], Start: start, End: end, Precision: prec}, true
	}
	monthOf := func(y int, m time.Month) domain.Date { return domain.Date{Year: y, Month: m, Day: 15} }
	yearOf := func(y int) domain.Date { return domain.Date{Year: y, Month: time.July, Day: 1} }
	next := func(k int) string {
		if i+k < len(toks) {
			return toks[i+k].Norm
		}
		return ""
	}
	switch t.Norm {
	case "last", "next", "this":
		if t.Norm == "next" && !future || t.Norm == "last" && future {
			return When{}, false
		}
		start := i
		if t.Norm == "this" && i > 0 && toks[i-1].Norm == "earlier" {
			start = i - 1
		}
		if w := next(2); w == "'s" || w == "’s" {
			return When{}, false // "last year's election"
		}
		shift := relShift(t.Norm)
		switch next(1) {
		case "month":
			d := domain.DateOf(time.Date(article.Year, article.Month+time.Month(shift), 15, 0, 0, 0, 0, time.UTC))
			return mk(d, domain.DateMonth, start, i+2)
		case "year":
			return mk(yearOf(article.Year+shift), domain.DateYear, start, i+2)
		}
		if m, ok := months[next(1)]; ok && t.Norm == "last" && toks[i+1].Shape == text.Title && next(1) != "may" {
			// "last January": the last one before the article's month.
			y := article.Year
			if m >= article.Month {
				y--
			}
			return mk(monthOf(y, m), domain.DateMonth, i, i+2)
		}
	case "ago":
		if n, unit, ok := agoBefore(toks, i); ok && !future {
			switch unit {
			case "month":
				d := domain.DateOf(article.Time().AddDate(0, -n, 0))
				return mk(d, domain.DateMonth, i-2, i+1)
			case "year":
				return mk(yearOf(article.Year-n), domain.DateYear, i-2, i+1)
			}
		}
	case "in", "early", "late", "mid", "end", "beginning", "start":
		// "in March", "in early March", "mid-March", "at the end of March",
		// "in March 2024", "in 2020".
		j := i + 1
		switch t.Norm {
		case "in":
			if w := next(1); w == "early" || w == "late" || w == "mid" {
				j++
			}
		case "mid":
			if next(1) == "-" {
				j++
			}
		case "end", "beginning", "start":
			if next(1) != "of" {
				return When{}, false
			}
			j++
		}
		if j >= len(toks) {
			return When{}, false
		}
		if y, ok := yearAt(toks, j); ok && t.Norm == "in" && j == i+1 {
			if !future && y > article.Year {
				return When{}, false
			}
			return mk(yearOf(y), domain.DateYear, i, j+1)
		}
		m, ok := months[toks[j].Norm]
		if !ok || toks[j].Shape != text.Title || len(toks[j].Norm) < 3 || toks[j].Norm == "mar" {
			return When{}, false
		}
		end := j + 1
		y, ok := yearAt(toks, end)
		if ok {
			end++
		} else if shift, ok := yearShift(toks, end); ok {
			y, end = article.Year+shift, end+2 // "in August last year"
		} else {
			y = article.Year
			switch {
			case !future && m > article.Month:
				y--
			case future && m < article.Month:
				y++
			}
		}
		return mk(monthOf(y, m), domain.DateMonth, i, end)
	}
	return When{}, false
}

// yearAfter reads the year a date gives after its day and month at
// toks[i] ("2023", "last year"), 0 when none, and the token after it.
func yearAfter(toks []text.Token, i int, article domain.Date) (year, end int) {
	if y, ok := yearAt(toks, i); ok {
		return y, i + 1
	}
	if shift, ok := yearShift(toks, i); ok && !article.IsZero() {
		return article.Year + shift, i + 2
	}
	return 0, i
}

// yearShift reads "last year", "this year" or "next year" at toks[i]: the
// years from the article's.
func yearShift(toks []text.Token, i int) (int, bool) {
	if i+1 >= len(toks) || toks[i+1].Norm != "year" {
		return 0, false
	}
	switch w := toks[i].Norm; w {
	case "last", "this", "next":
		return relShift(w), true
	}
	return 0, false
}

// relShift is the step "last", "this" or "next" takes from the article's
// month or year.
func relShift(w string) int {
	switch w {
	case "last":
		return -1
	case "next":
		return 1
	}
	return 0
}

func yearAt(toks []text.Token, i int) (int, bool) {
	if i >= len(toks) || toks[i].Kind != text.Number || len(toks[i].Norm) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(toks[i].Norm)
	if err != nil || y < 1900 || y > 2100 {
		return 0, false
	}
	return y, true
}

// dayOf builds the date of day/month: in the given year, else the article's
// year, moved a year back when that would put a past event after the
// article (or a year on for a future one before it).
func dayOf(article domain.Date, year int, m time.Month, day int, future bool) domain.Date {
	if year == 0 {
		if article.IsZero() {
			return domain.Date{}
		}
		year = article.Year
		d := domain.Date{Year: year, Month: m, Day: day}
		switch {
		case !future && d.After(article) && article.DaysUntil(d) <= 60:
			// "on 20 November" in an article of 16 November is a day to
			// come, not a past act's a year before.
			return domain.Date{}
		case !future && d.After(article):
			d.Year--
		case future && d.Before(article):
			d.Year++
		}
		return valid(d)
	}
	return valid(domain.Date{Year: year, Month: m, Day: day})
}

// valid returns d, or the zero Date when it does not exist (31 June).
func valid(d domain.Date) domain.Date {
	if domain.DateOf(d.Time()) != d {
		return domain.Date{}
	}
	return d
}

// weekdayBefore returns the last wd on or before the article date (strictly
// before when strict is set: "last Tuesday").
func weekdayBefore(article domain.Date, wd time.Weekday, strict bool) domain.Date {
	if article.IsZero() {
		return article
	}
	back := (int(article.Time().Weekday()) - int(wd) + 7) % 7
	if back == 0 && strict {
		back = 7
	}
	return article.AddDays(-back)
}

// weekdayAfter returns the next wd on or after the article date.
func weekdayAfter(article domain.Date, wd time.Weekday) domain.Date {
	if article.IsZero() {
		return article
	}
	ahead := (int(wd) - int(article.Time().Weekday()) + 7) % 7
	return article.AddDays(ahead)
}
