package coder

import (
	"strconv"
	"strings"
	"time"

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
		return When{Date: d, Text: s[t.Start:toks[end-1].End], Start: i, End: end}, true
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
				return mk(article.AddDays(-7), i+2)
			case "night":
				return mk(article.AddDays(-1), i+2)
			}
			if wd, ok := weekdays[toks[i+1].Norm]; ok {
				return mk(weekdayBefore(article, wd, true), i+2)
			}
		}
	case "earlier":
		if i+2 < len(toks) && toks[i+1].Norm == "this" && toks[i+2].Norm == "week" {
			return mk(article.AddDays(-2), i+3)
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
				year, ok := yearAt(toks, end)
				if ok {
					end++
				}
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
			year, ok := yearAt(toks, end)
			if ok {
				end++
			}
			return mk(dayOf(article, year, m, day, future), end)
		}
	}
	return When{}, false
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
