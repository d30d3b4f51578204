package ingest

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestReadCSV(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, file, content string
		opt                 Options
		want                []string // text|date (YYYY-MM-DD or "?")|title|source|id
		errs                []string // suffixes after the path
	}{
		{
			name: "ACLED-like", file: "events.csv",
			content: "event_id_cnty,event_date,notes,source\n" +
				"SDN1,03 November 2021,\"Clashes in El Fasher, two killed.\",Radio Dabanga\n" +
				"SDN2,04 November 2021,\"Protest in Khartoum against the coup.\",AFP\n",
			want: []string{
				"Clashes in El Fasher, two killed.|2021-11-03||Radio Dabanga|",
				"Protest in Khartoum against the coup.|2021-11-04||AFP|",
			},
		},
		{
			name: "case-insensitive header, TSV by content", file: "events.txt",
			content: "ID\tTitle\tText\tDate\n1\tA\tTroops entered the village.\t2023-09-20\n",
			want:    []string{"Troops entered the village.|2023-09-20|A||1"},
		},
		{
			name: "semicolons", file: "events.csv",
			content: "id;text;date\n1;Aid trucks crossed at Rafah.;2023-11-21\n",
			want:    []string{"Aid trucks crossed at Rafah.|2023-11-21|||1"},
		},
		{
			name: "column override", file: "events.csv", opt: Options{Columns: map[string]string{"text": "summary"}},
			content: "text,summary\nnot this,Ceasefire took hold at noon.\n",
			want:    []string{"Ceasefire took hold at noon.|?|||"},
		},
		{
			name: "bad rows", file: "events.csv",
			content: "id,text\n1,Good row.\n2,\"unterminated\n",
			want:    []string{"Good row.|?|||1"},
			errs:    []string{`:3: extraneous or missing " in quoted-field`},
		},
		{
			name: "empty text and bad UTF-8", file: "events.csv",
			content: "id,text\n1,\n2,caf\xe9\n3,Fine.\n",
			want:    []string{"Fine.|?|||3"},
			errs:    []string{":2: no article text", ":3: not valid UTF-8 (convert it to UTF-8, or name its encoding)"},
		},
		{
			name: "no text column", file: "events.csv",
			content: "id,summary\n1,x\n",
			errs:    []string{":1: no text column (want one of text, body, notes, content; found id, summary)"},
		},
		{
			name: "override names a missing column", file: "events.csv", opt: Options{Columns: map[string]string{"text": "notes"}},
			content: "id,text\n1,x\n",
			errs:    []string{`:1: no text column (want one of "notes" (from the column mapping); found id, text)`},
		},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, dir, fmt.Sprintf("%d/%s", i, tt.file), tt.content)
			arts, errs, _ := collect(t, path, tt.opt)
			var got []string
			for _, a := range arts {
				d := "?"
				if !a.Published.IsZero() {
					d = a.Published.Format(time.DateOnly)
				}
				id := a.ID
				if strings.HasPrefix(id, "a") && len(id) == 17 {
					id = "" // derived from the content
				}
				got = append(got, strings.Join([]string{a.Text, d, a.Title, a.Source, id}, "|"))
				if a.Format != FormatCSV {
					t.Errorf("format: got %q, want csv", a.Format)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("articles (-want +got):\n%s", diff)
			}
			var wantErrs []string
			for _, e := range tt.errs {
				wantErrs = append(wantErrs, path+e)
			}
			if diff := cmp.Diff(wantErrs, errStrings(errs)); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

// TestAmbiguousDates checks that 03/04/2023 is read by the other dates of
// its file, and left unknown with a warning where none settles it.
func TestAmbiguousDates(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name  string
		dates []string
		want  []string // YYYY-MM-DD or ?
		warns int
	}{
		{"day-first later in the file", []string{"03/04/2023", "05/06/2023", "25/12/2023"}, []string{"2023-04-03", "2023-06-05", "2023-12-25"}, 0},
		{"month-first first", []string{"12/25/2023", "03/04/2023"}, []string{"2023-12-25", "2023-03-04"}, 0},
		{"nothing settles it", []string{"03/04/2023", "2023-05-01", "05/06/2023"}, []string{"?", "2023-05-01", "?"}, 2},
		{"same day either way", []string{"05/05/2023"}, []string{"2023-05-05"}, 0},
		{"inconsistent file", []string{"25/12/2023", "12/26/2023", "03/04/2023"}, []string{"2023-12-25", "2023-12-26", "?"}, 2},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString("text,date\n")
			for j, d := range tt.dates {
				fmt.Fprintf(&b, "Event number %d happened.,%s\n", j, d)
			}
			path := writeFile(t, dir, fmt.Sprintf("%d.csv", i), b.String())
			arts, errs, warns := collect(t, path, Options{})
			if len(errs) > 0 {
				t.Fatalf("errors: %q", errStrings(errs))
			}
			var got []string
			for j, a := range arts {
				if want := fmt.Sprintf("Event number %d happened.", j); a.Text != want {
					t.Errorf("article %d: got %q, want %q (input order)", j, a.Text, want)
				}
				d := "?"
				if !a.Published.IsZero() {
					d = a.Published.Format(time.DateOnly)
				}
				got = append(got, d)
				if a.DateText != tt.dates[j] {
					t.Errorf("article %d: date text %q, want %q", j, a.DateText, tt.dates[j])
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("dates (-want +got):\n%s", diff)
			}
			if len(warns) != tt.warns {
				t.Errorf("got warnings %q, want %d", errStrings(warns), tt.warns)
			}
		})
	}
}

func FuzzCSV(f *testing.F) {
	f.Add("id,text,date\n1,\"A, b\",03/04/2023\n2,c,25/12/2023\n")
	f.Add("text\tdate\nx\t2023-01-01\n")
	f.Add("text\n\"unterminated\n")
	f.Fuzz(func(t *testing.T, content string) {
		checkRead(t, FormatCSV, content)
	})
}
