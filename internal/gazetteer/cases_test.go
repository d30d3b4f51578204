package gazetteer

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/text"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/cases")

// A case file is a header, a line "---", then the text:
//
//	# what the case is about
//	date: 2023-11-07
//	expect: Moscow | type=actor code=RUSGOV metonymy=true
//	absent: David | type=place
//	---
//	Moscow said ...
//
// expect: some mention with that text has those fields; absent: none has.
// The file NAME.golden beside it holds every mention, one JSON object a
// line, refreshed with go test -update and reviewed as part of the diff.
func TestCases(t *testing.T) {
	g := fixtureGazetteer(t)
	files, err := filepath.Glob("testdata/cases/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txt")
		t.Run(name, func(t *testing.T) {
			c := readCase(t, file)
			ms := g.Mentions(text.Parse(c.text), c.date)
			for _, e := range c.expect {
				if !slicesAny(ms, func(m Mention) bool { return m.Text == e.text && matches(m, e.fields) }) {
					t.Errorf("want a mention %q with %v; got:\n%s", e.text, e.fields, golden(ms))
				}
			}
			for _, e := range c.absent {
				if slicesAny(ms, func(m Mention) bool { return m.Text == e.text && matches(m, e.fields) }) {
					t.Errorf("want no mention %q with %v; got:\n%s", e.text, e.fields, golden(ms))
				}
			}
			gf := strings.TrimSuffix(file, ".txt") + ".golden"
			got := golden(ms)
			if *update {
				if err := os.WriteFile(gf, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(gf)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", gf, diff)
			}
		})
	}
}

type caseFile struct {
	date           domain.Date
	text           string
	expect, absent []caseWant
}

type caseWant struct {
	text   string
	fields map[string]string
}

func readCase(t *testing.T, file string) caseFile {
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	head, body, ok := strings.Cut(string(raw), "\n---\n")
	if !ok {
		t.Fatalf("%s: no --- line", file)
	}
	c := caseFile{text: body}
	for n, line := range strings.Split(head, "\n") {
		k, v, _ := strings.Cut(line, ":")
		v = strings.TrimSpace(v)
		switch strings.TrimSpace(k) {
		case "date":
			if c.date, err = domain.ParseDate(v); err != nil {
				t.Fatalf("%s:%d: %v", file, n+1, err)
			}
		case "expect", "absent":
			txt, fs, _ := strings.Cut(v, "|")
			w := caseWant{text: strings.TrimSpace(txt), fields: map[string]string{}}
			for f := range strings.FieldsSeq(fs) {
				fk, fv, _ := strings.Cut(f, "=")
				w.fields[fk] = strings.ReplaceAll(fv, "_", " ")
			}
			if k == "expect" {
				c.expect = append(c.expect, w)
			} else {
				c.absent = append(c.absent, w)
			}
		}
	}
	return c
}

func slicesAny(ms []Mention, f func(Mention) bool) bool {
	for _, m := range ms {
		if f(m) {
			return true
		}
	}
	return false
}

// matches compares the fields a case names with a mention's.
func matches(m Mention, fields map[string]string) bool {
	for k, v := range fields {
		if goldenFields(m)[k] != v {
			return false
		}
	}
	return true
}

func goldenFields(m Mention) map[string]string {
	f := map[string]string{
		"type": m.Type, "code": string(m.Code), "country": string(m.Country), "sector": string(m.Sector),
		"name": string(m.Name), "role": string(m.Role), "ref": string(m.Ref), "person": m.Person,
		"region": string(m.Region), "admin1": string(m.Admin1), "precision": string(m.Precision),
		"geonameid": fmt.Sprint(int(m.GeonameID)), "pronoun": fmt.Sprint(m.Pronoun),
		"metonymy": fmt.Sprint(m.Metonymy), "plural": fmt.Sprint(m.Plural), "ethnic": fmt.Sprint(m.Ethnic),
		"former": fmt.Sprint(m.Former), "sentence": fmt.Sprint(m.Sentence),
	}
	return f
}

// golden renders mentions one a line: the fields that are set.
func golden(ms []Mention) string {
	var b bytes.Buffer
	for _, m := range ms {
		type row struct {
			S         int      `json:"s"`
			Text      string   `json:"text"`
			Span      [2]int   `json:"span"`
			Type      string   `json:"type"`
			Code      string   `json:"code,omitempty"`
			Name      string   `json:"name,omitempty"`
			Person    string   `json:"person,omitempty"`
			Role      string   `json:"role,omitempty"`
			Ref       string   `json:"ref,omitempty"`
			GeonameID int      `json:"geonameid,omitempty"`
			Region    string   `json:"region,omitempty"`
			Country   string   `json:"country,omitempty"`
			Admin1    string   `json:"admin1,omitempty"`
			Lat       *float64 `json:"lat,omitempty"`
			Lon       *float64 `json:"lon,omitempty"`
			Precision string   `json:"precision,omitempty"`
			Flags     string   `json:"flags,omitempty"`
			Entry     string   `json:"entry,omitempty"`
		}
		var flags []string
		for _, f := range []struct {
			on   bool
			name string
		}{{m.Pronoun, "pronoun"}, {m.Metonymy, "metonymy"}, {m.Plural, "plural"}, {m.Ethnic, "ethnic"}, {m.Former, "former"}} {
			if f.on {
				flags = append(flags, f.name)
			}
		}
		j, _ := json.Marshal(row{m.Sentence, m.Text, [2]int{m.Span.Start, m.Span.End}, m.Type, string(m.Code), string(m.Name),
			m.Person, string(m.Role), string(m.Ref), int(m.GeonameID), string(m.Region), string(m.Country), string(m.Admin1),
			m.Lat, m.Lon, string(m.Precision), strings.Join(flags, ","), string(m.Entry)})
		b.Write(j)
		b.WriteByte('\n')
	}
	return b.String()
}
