package ingest

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/truce/truce/internal/domain"
)

func TestParseTextArticle(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want textArticle
	}{
		{"seed form", "  date 2023-11-07 In the wake of it.\n\nMore.", textArticle{Date: "2023-11-07", Body: "In the wake of it.\n\nMore."}},
		{"date line alone", "date 2023-11-07\nBody here.", textArticle{Date: "2023-11-07", Body: "Body here."}},
		{"no date", "Just a body.\nTwo lines.", textArticle{Body: "Just a body.\nTwo lines."}},
		{"headers before the date", "Title: Ceasefire declared\nsource: Wire\nURL: https://example.org/a\ndate 2023-11-07 Body starts.",
			textArticle{Title: "Ceasefire declared", Source: "Wire", URL: "https://example.org/a", Date: "2023-11-07", Body: "Body starts.\n"}},
		{"headers after the date, blank lines between", "date 2023-11-07\n\ntitle: T\n\nsource: S\n\nBody.",
			textArticle{Title: "T", Source: "S", Date: "2023-11-07", Body: "Body."}},
		{"date header with any date", "title: T\ndate: 7 November 2023\n\nBody.", textArticle{Title: "T", Date: "7 November 2023", Body: "Body."}},
		{"id and byline", "id: x-1\nbyline: A. Writer\nBody.", textArticle{ID: "x-1", Byline: "A. Writer", Body: "Body."}},
		{"a repeated key starts the body", "title: T\ntitle: not a header\nBody.", textArticle{Title: "T", Body: "title: not a header\nBody."}},
		{"header words later are body", "Body first.\ntitle: in the body", textArticle{Body: "Body first.\ntitle: in the body"}},
		{"a second date line is body", "date 2023-11-07\ndate 2023-11-08 x", textArticle{Date: "2023-11-07", Body: "date 2023-11-08 x"}},
		{"not a header key", "Note: this is body.", textArticle{Body: "Note: this is body."}},
		{"empty", "", textArticle{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := parseTextArticle(tt.in)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("parseTextArticle(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestReadTextSeed(t *testing.T) {
	path := filepath.Join(sharedDir(t, "seed"), "2023-11-07-nagorno-karabakh.txt")
	arts, errs, warns := collect(t, path, Options{})
	if len(errs) > 0 || len(warns) > 0 || len(arts) != 1 {
		t.Fatalf("got %d articles, errors %v, warnings %v; want 1 article", len(arts), errs, warns)
	}
	a := arts[0]
	if !strings.HasPrefix(a.Text, "In the wake of Azerbaijan") {
		t.Errorf("text starts %q, want \"In the wake of Azerbaijan\"", a.Text[:40])
	}
	if want := time.Date(2023, 11, 7, 0, 0, 0, 0, time.UTC); !a.Published.Equal(want) || a.DateText != "2023-11-07" {
		t.Errorf("got published %v (%q), want %v (\"2023-11-07\")", a.Published, a.DateText, want)
	}
	if a.Format != FormatText || a.Origin != path {
		t.Errorf("got format %q origin %q, want text and %q", a.Format, a.Origin, path)
	}
	if a.ID != domain.ContentID(a.Hash) || a.Hash != domain.NormalizedHash(a.Text) || len(a.Signature) != domain.SignatureSize {
		t.Errorf("got id %q hash %q signature of %d, want the content id of the normalised hash and %d", a.ID, a.Hash, len(a.Signature), domain.SignatureSize)
	}
}

func TestReadText(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name    string
		content string
		want    *domain.Article // fields compared: Title, Source, URL, Text, DateText, Published
		err     string
		warn    string
	}{
		{name: "headers and CRLF", content: "title: Shelling in Kharkiv\r\nsource: Local radio\r\ndate 2024-05-10 Shells hit the city.\r\n\r\nTwo died.\r\n",
			want: &domain.Article{Title: "Shelling in Kharkiv", Source: "Local radio", DateText: "2024-05-10",
				Published: time.Date(2024, 5, 10, 0, 0, 0, 0, time.UTC), Text: "Shells hit the city.\n\nTwo died."}},
		{name: "no date is unknown, not an error", content: "Troops withdrew from the town.",
			want: &domain.Article{Text: "Troops withdrew from the town."}},
		{name: "bad date is a warning", content: "date: the day after\nTroops withdrew.",
			want: &domain.Article{DateText: "the day after", Text: "Troops withdrew."}, warn: `date "the day after"`},
		{name: "UTF-8 BOM", content: "\xef\xbb\xbfdate 2024-05-10 Body.", want: &domain.Article{DateText: "2024-05-10",
			Published: time.Date(2024, 5, 10, 0, 0, 0, 0, time.UTC), Text: "Body."}},
		{name: "UTF-16 LE with BOM", content: utf16LE("date 2024-05-10 Киев.\n"), want: &domain.Article{DateText: "2024-05-10",
			Published: time.Date(2024, 5, 10, 0, 0, 0, 0, time.UTC), Text: "Киев."}},
		{name: "NFC", content: "Cafe\u0301 bombed.", want: &domain.Article{Text: "Caf\u00e9 bombed."}},
		{name: "empty", content: "", err: "no article text"},
		{name: "only white space", content: " \n\t\n", err: "no article text"},
		{name: "only headers", content: "title: A headline\ndate 2024-01-01\n", err: "no article text"},
		{name: "invalid UTF-8", content: "line one\nline \xff two\n", err: ":2: not valid UTF-8"},
		{name: "binary", content: "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", err: "binary data"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, dir, strings.ReplaceAll(tt.name, " ", "_")+".txt", tt.content)
			arts, errs, warns := collect(t, path, Options{})
			if tt.err != "" {
				if len(errs) != 1 || !strings.Contains(errs[0].Error(), tt.err) || !strings.HasPrefix(errs[0].Error(), path) {
					t.Fatalf("got errors %q, want one naming %s with %q", errStrings(errs), path, tt.err)
				}
				if len(arts) != 0 {
					t.Errorf("got %d articles, want none", len(arts))
				}
				var ie *InputError
				if !errors.As(errs[0], &ie) || domain.ErrorCode(errs[0]) != domain.EINVALID {
					t.Errorf("got error %T code %s, want *InputError with code %s", errs[0], domain.ErrorCode(errs[0]), domain.EINVALID)
				}
				return
			}
			if len(errs) != 0 || len(arts) != 1 {
				t.Fatalf("got %d articles and errors %q, want 1 article", len(arts), errStrings(errs))
			}
			a := arts[0]
			got := &domain.Article{Title: a.Title, Source: a.Source, URL: a.URL, Text: a.Text, DateText: a.DateText, Published: a.Published}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("article (-want +got):\n%s", diff)
			}
			switch {
			case tt.warn == "" && len(warns) > 0:
				t.Errorf("got warnings %q, want none", errStrings(warns))
			case tt.warn != "" && (len(warns) != 1 || !strings.Contains(warns[0].Error(), tt.warn)):
				t.Errorf("got warnings %q, want one with %q", errStrings(warns), tt.warn)
			}
		})
	}
}

// utf16LE encodes s as UTF-16 little-endian with a byte-order mark.
func utf16LE(s string) string {
	b := []byte{0xFF, 0xFE}
	for _, r := range s {
		if r > 0xFFFF {
			r -= 0x10000
			hi, lo := 0xD800+(r>>10), 0xDC00+(r&0x3FF)
			b = append(b, byte(hi), byte(hi>>8), byte(lo), byte(lo>>8))
			continue
		}
		b = append(b, byte(r), byte(r>>8))
	}
	return string(b)
}

func FuzzParseTextArticle(f *testing.F) {
	f.Add("  date 2023-11-07 In the wake of it.\n\nMore.")
	f.Add("title: T\nsource: S\nurl: u\ndate: 7 Nov 2023\n\nBody")
	f.Add("date 2023-11-07\r\ntitle: x\r\n")
	f.Fuzz(func(t *testing.T, s string) {
		got := parseTextArticle(s)
		if len(got.Body) > len(s)+1 {
			t.Errorf("parseTextArticle(%q): body %q longer than the input", s, got.Body)
		}
	})
}
