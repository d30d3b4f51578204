package coder

import (
	"testing"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/text"
)

func TestFindWhen(t *testing.T) {
	article := domain.Date{Year: 2023, Month: 9, Day: 21} // a Thursday
	for _, tc := range []struct {
		in     string
		future bool
		want   string
		words  string
	}{
		{"Azerbaijan launched an offensive on Tuesday.", false, "2023-09-19", "Tuesday"},
		{"Talks will be held on Monday.", true, "2023-09-25", "Monday"},
		{"Shelling resumed yesterday.", false, "2023-09-20", "yesterday"},
		{"Fighting broke out on 19 September.", false, "2023-09-19", "19 September"},
		{"A convoy arrived on September 18, 2023.", false, "2023-09-18", "September 18, 2023"},
		{"The truce of 25 December was broken.", false, "2022-12-25", "25 December"},
		{"The army withdrew last week.", false, "2023-09-14", "last week"},
		{"Protests continued on Thursday.", false, "2023-09-21", "Thursday"},
		{"The ministry may respond.", false, "", ""},
	} {
		toks := text.Tokenize(tc.in, 0, len(tc.in), nil)
		w, ok := FindWhen(tc.in, toks, article, tc.future)
		if got := w.Date.String(); got != tc.want || (ok && w.Text != tc.words) {
			t.Errorf("FindWhen(%q) = %s %q, want %s %q", tc.in, got, w.Text, tc.want, tc.words)
		}
	}
}
