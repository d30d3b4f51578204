package dict

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParse(t *testing.T) {
	in := "\uFEFF# people\n\n" +
		"Ilham Aliyev; Aliyev = AZEGOV role=\"President of Azerbaijan\" from=2003-10-31 # in office\n" +
		"  troops ; soldiers = MIL\n" +
		"UN = IGOUNO name=\"United \\\"Nations\\\"\" note=\"a # kept\"\n"
	got, err := Parse(strings.NewReader(in), "people.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		{File: "people.txt", Line: 3, Names: []string{"Ilham Aliyev", "Aliyev"}, Code: "AZEGOV",
			Attrs: map[string]string{"role": "President of Azerbaijan", "from": "2003-10-31"}},
		{File: "people.txt", Line: 4, Names: []string{"troops", "soldiers"}, Code: "MIL"},
		{File: "people.txt", Line: 5, Names: []string{"UN"}, Code: "IGOUNO",
			Attrs: map[string]string{"name": `United "Nations"`, "note": "a # kept"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Parse (-want +got):\n%s", diff)
	}
	d, err := got[0].Date("from")
	if err != nil || d.String() != "2003-10-31" {
		t.Errorf("Date(from) = %v, %v; want 2003-10-31", d, err)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ line, want string }{
		{"no code here", `x.txt:1: missing "=" between the names and the code`},
		{"a # = B", `x.txt:1: missing "=" between the names and the code`},
		{"a =", `x.txt:1: missing the code after "="`},
		{"a; ; b = X", "x.txt:1: empty name"},
		{`a = X k="open`, "x.txt:1: unterminated quote"},
		{"a = X k=1 k=2", `x.txt:1: attribute "k" given twice`},
		{"a = X novalue", `x.txt:1: attribute "novalue": want key=value`},
	} {
		_, err := Parse(strings.NewReader(tc.line), "x.txt")
		if err == nil || err.Error() != tc.want {
			t.Errorf("Parse(%q) error = %v, want %q", tc.line, err, tc.want)
		}
	}
}

func TestEntryValues(t *testing.T) {
	es, err := Parse(strings.NewReader("x = R lat=39.8 pop=12 from=2020 until=2021-03 bad=abc list=\"a, b,,c\""), "r.txt")
	if err != nil {
		t.Fatal(err)
	}
	e := es[0]
	if f, ok, err := e.Float("lat"); f != 39.8 || !ok || err != nil {
		t.Errorf("Float(lat) = %v %v %v", f, ok, err)
	}
	if n, ok, err := e.Int("pop"); n != 12 || !ok || err != nil {
		t.Errorf("Int(pop) = %v %v %v", n, ok, err)
	}
	if d, _ := e.Date("from"); d.String() != "2020-01-01" {
		t.Errorf("Date(from) = %v, want 2020-01-01", d)
	}
	if d, _ := e.Date("until"); d.String() != "2021-03-01" {
		t.Errorf("Date(until) = %v, want 2021-03-01", d)
	}
	if _, _, err := e.Float("bad"); err == nil || !strings.Contains(err.Error(), "r.txt:1: bad=abc") {
		t.Errorf("Float(bad) error = %v", err)
	}
	if got := e.List("list"); !cmp.Equal(got, []string{"a", "b", "c"}) {
		t.Errorf("List = %q", got)
	}
}

func FuzzParseLine(f *testing.F) {
	f.Add(`Ilham Aliyev; Aliyev = AZEGOV role="President" from=2003-10-31 # c`)
	f.Add(`a = "b c" k="\"x\\"`)
	f.Fuzz(func(t *testing.T, line string) {
		e, ok, err := ParseLine(line, "f.txt", 1)
		if err != nil || !ok {
			return
		}
		if e.Code == "" || len(e.Names) == 0 {
			t.Fatalf("ParseLine(%q) = %+v: an entry without a code or names", line, e)
		}
	})
}
