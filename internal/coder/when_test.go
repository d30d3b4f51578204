package coder

import (
	"testing"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/text"
)

// whenCase is a sentence, whether its event is to come, and the date,
// words and precision a finder should give ("" when none).
type whenCase struct {
	in     string
	future bool
	want   string
	words  string
	prec   string
}

// checkWhen runs find on each case against an article of Thursday 21
// September 2023.
func checkWhen(t *testing.T, name string, find func(string, []text.Token, domain.Date, bool) (When, bool), cases []whenCase) {
	t.Helper()
	article := domain.Date{Year: 2023, Month: 9, Day: 21} // a Thursday
	for _, tc := range cases {
		toks := text.Tokenize(tc.in, 0, len(tc.in), nil)
		w, ok := find(tc.in, toks, article, tc.future)
		if got := w.Date.String(); got != tc.want || (ok && (w.Text != tc.words || w.Precision != tc.prec)) {
			t.Errorf("%s(%q) = %s %q %s, want %s %q %s", name, tc.in, got, w.Text, w.Precision, tc.want, tc.words, tc.prec)
		}
	}
}

func TestFindWhen(t *testing.T) {
	checkWhen(t, "FindWhen", FindWhen, []whenCase{
		{"Azerbaijan launched an offensive on Tuesday.", false, "2023-09-19", "Tuesday", domain.DateDay},
		{"Talks will be held on Monday.", true, "2023-09-25", "Monday", domain.DateDay},
		{"Shelling resumed yesterday.", false, "2023-09-20", "yesterday", domain.DateDay},
		{"Fighting broke out on 19 September.", false, "2023-09-19", "19 September", domain.DateDay},
		{"A convoy arrived on September 18, 2023.", false, "2023-09-18", "September 18, 2023", domain.DateDay},
		{"The truce of 25 December was broken.", false, "2022-12-25", "25 December", domain.DateDay},
		{"The army withdrew last week.", false, "2023-09-14", "last week", domain.DateWeek},
		{"Protests continued on Thursday.", false, "2023-09-21", "Thursday", domain.DateDay},
		{"The ministry may respond.", false, "", "", ""},
	})
}

func TestFindPeriod(t *testing.T) {
	checkWhen(t, "FindPeriod", FindPeriod, []whenCase{
		// A day the words name wins over any period.
		{"Azerbaijan launched an offensive on Tuesday.", false, "2023-09-19", "Tuesday", domain.DateDay},
		{"The army withdrew last week.", false, "2023-09-14", "last week", domain.DateWeek},
		{"Gunmen killed 12 villagers two days ago.", false, "2023-09-19", "two days ago", domain.DateDay},
		{"Protesters marched three weeks ago.", false, "2023-08-31", "three weeks ago", domain.DateWeek},
		{"Clashes erupted last weekend.", false, "2023-09-16", "last weekend", domain.DateWeek},
		{"The militia seized the town last month.", false, "2023-08-15", "last month", domain.DateMonth},
		{"The army shelled the camp earlier this month.", false, "2023-09-15", "earlier this month", domain.DateMonth},
		{"Rebels took the airport in January.", false, "2023-01-15", "in January", domain.DateMonth},
		{"Rebels took the airport in November.", false, "2022-11-15", "in November", domain.DateMonth},
		{"Rebels took the airport in early March 2021.", false, "2021-03-15", "in early March 2021", domain.DateMonth},
		{"Troops attacked the village in mid-July.", false, "2023-07-15", "mid-July", domain.DateMonth},
		{"Talks will resume in October.", true, "2023-10-15", "in October", domain.DateMonth},
		{"Talks will resume in March.", true, "2024-03-15", "in March", domain.DateMonth},
		{"The two sides fought a war in 2020.", false, "2020-07-01", "in 2020", domain.DateYear},
		{"The two sides signed a truce in August last year.", false, "2022-08-15", "in August last year", domain.DateMonth},
		{"The two sides signed a truce on 2 October last year.", false, "2022-10-02", "2 October last year", domain.DateDay},
		{"The rebels seized the city last year.", false, "2022-07-01", "last year", domain.DateYear},
		{"The army retook the town two months ago.", false, "2023-07-21", "two months ago", domain.DateMonth},
		{"Police arrested the leader at the end of May.", false, "2023-05-15", "end of May", domain.DateMonth},
		// A period that bounds a span dates no act, and a month's
		// name alone is no date.
		{"Fighting has continued since January.", false, "", "", ""},
		{"The truce must hold until the end of March.", false, "", "", ""},
		{"Shelling has not stopped since last month.", false, "", "", ""},
		{"Last year's election was disputed.", false, "", "", ""},
		{"The ministry may respond in a statement.", false, "", "", ""},
		{"The 2020 war killed thousands.", false, "", "", ""},
		{"The army will attack in 2030.", false, "", "", ""},
	})
}
