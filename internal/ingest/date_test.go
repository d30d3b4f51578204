package ingest

import (
	"errors"
	"testing"
	"time"
)

func TestParseTime(t *testing.T) {
	utc := func(y int, m time.Month, d, h, min, s int) time.Time {
		return time.Date(y, m, d, h, min, s, 0, time.UTC)
	}
	tests := []struct {
		in   string
		want time.Time
	}{
		// RFC 822/1123, with and without seconds and weekday, zones
		// numeric and named.
		{"Wed, 21 Mar 2018 10:27:32 +0300", utc(2018, 3, 21, 7, 27, 32)},
		{"Tue, 30 Jan 2018 16:14:05 -0500", utc(2018, 1, 30, 21, 14, 5)},
		{"Wed, 17 Oct 2018 10:30:00 GMT", utc(2018, 10, 17, 10, 30, 0)},
		{"Mon, 02 Jan 2006 15:04 MST", utc(2006, 1, 2, 22, 4, 0)},
		{"Thu, 07 Nov 2023 09:15:00 EST", utc(2023, 11, 7, 14, 15, 0)},
		{"7 Nov 2023 09:15 PDT", utc(2023, 11, 7, 16, 15, 0)},
		{"Sun, 28 Oct 2018 13:49:01 +0100", utc(2018, 10, 28, 12, 49, 1)},
		{"Mon, 02 Jan 06 15:04:05 +0000", utc(2006, 1, 2, 15, 4, 5)},
		{"Thursday, 16 November 2017 14:15 UTC", utc(2017, 11, 16, 14, 15, 0)},
		{"21 Nov 2017 11:30 GMT+3", utc(2017, 11, 21, 8, 30, 0)},
		// ISO 8601 / RFC 3339.
		{"2023-11-07", utc(2023, 11, 7, 0, 0, 0)},
		{"2023-11-07T10:04:05Z", utc(2023, 11, 7, 10, 4, 5)},
		{"2019-01-03T07:00:02.000Z", utc(2019, 1, 3, 7, 0, 2)},
		{"2015-07-24T05:36:09+01:00", utc(2015, 7, 24, 4, 36, 9)},
		{"2017-11-16T14:15+0000", utc(2017, 11, 16, 14, 15, 0)},
		{"2019-04-28 06:01:07", utc(2019, 4, 28, 6, 1, 7)},
		{"2023-9-7", utc(2023, 9, 7, 0, 0, 0)},
		{"2023/09/20", utc(2023, 9, 20, 0, 0, 0)},
		// Words, both orders.
		{"03 November 2021", utc(2021, 11, 3, 0, 0, 0)},
		{"November 3, 2021", utc(2021, 11, 3, 0, 0, 0)},
		{"Sept. 20, 2023", utc(2023, 9, 20, 0, 0, 0)},
		{"20 Sept 2023", utc(2023, 9, 20, 0, 0, 0)},
		{"3rd Nov. 2021", utc(2021, 11, 3, 0, 0, 0)},
		{"April 28, 2019 at 6:01 am", utc(2019, 4, 28, 6, 1, 0)},
		{"April 28, 2019 at 3:33 pm", utc(2019, 4, 28, 15, 33, 0)},
		{"  november   3,  2021 ", utc(2021, 11, 3, 0, 0, 0)},
		// Numeric, settled by a part over 12.
		{"20/09/2023", utc(2023, 9, 20, 0, 0, 0)},
		{"09/20/2023", utc(2023, 9, 20, 0, 0, 0)},
		{"20.09.2023 14:05", utc(2023, 9, 20, 14, 5, 0)},
		{"05/05/2023", utc(2023, 5, 5, 0, 0, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseTime(tt.in)
			if err != nil {
				t.Fatalf("ParseTime(%q): got error %v, want %v", tt.in, err, tt.want)
			}
			if !got.Equal(tt.want) || got.Location() != time.UTC {
				t.Errorf("ParseTime(%q): got %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseTimeRefuses(t *testing.T) {
	tests := []struct {
		in        string
		ambiguous bool
	}{
		{"03/04/2023", true},
		{"3-4-2023", true},
		{"", false},
		{"yesterday", false},
		{"November 2021", false},        // no day: not a date to invent one for
		{"31 February 2023", false},     // no such day
		{"2023-13-01", false},           // no such month
		{"13/13/2023", false},           // no month in it
		{"7 Nov 2023 09:15 XYZ", false}, // a zone we cannot place
		{"7 Nov 2023 09:15 IST", false}, // a zone that names three
		{"7 Nov 2023 25:15", false},
		{"7 Nov 2023 13:15 pm", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseTime(tt.in)
			if err == nil {
				t.Fatalf("ParseTime(%q): got %v, want an error", tt.in, got)
			}
			if errors.Is(err, ErrAmbiguousDate) != tt.ambiguous {
				t.Errorf("ParseTime(%q): got error %v, want ambiguous %v", tt.in, err, tt.ambiguous)
			}
		})
	}
}

func TestParseDateEvidence(t *testing.T) {
	tests := []struct {
		in   string
		want dateOrder
	}{
		{"20/09/2023", orderDayFirst},
		{"09/20/2023", orderMonthFirst},
		{"03/04/2023", orderUnknown},
		{"2023-09-20", orderUnknown},
	}
	for _, tt := range tests {
		p, err := parseDate(tt.in)
		if err != nil {
			t.Fatalf("parseDate(%q): %v", tt.in, err)
		}
		if p.evidence != tt.want {
			t.Errorf("parseDate(%q).evidence: got %d, want %d", tt.in, p.evidence, tt.want)
		}
	}
}

func FuzzParseTime(f *testing.F) {
	for _, s := range []string{
		"Wed, 21 Mar 2018 10:27:32 +0300", "2023-11-07", "03/04/2023", "Sept. 20, 2023",
		"20 Sept 2023", "2019-01-03T07:00:02.000Z", "21 Nov 2017 11:30 GMT+3", "April 28, 2019 at 6:01 am",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseTime(s)
		if err == nil && got.Location() != time.UTC {
			t.Errorf("ParseTime(%q): got %v, not in UTC", s, got)
		}
	})
}
