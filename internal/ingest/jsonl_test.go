package ingest

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestReadJSONLines(t *testing.T) {
	dir := t.TempDir()
	content := strings.Join([]string{
		`{"id":"r1","title":"Strike on depot","text":"A drone struck a fuel depot.","date":"2024-03-01T06:00:00Z","url":"https://example.org/1","source":"Wire"}`,
		``,
		`{"ID": 7, "Body": "Talks resumed in Doha.", "Published": "March 2, 2024", "Outlet": "Gazette", "Author": "A. Writer"}`,
		`{"content": "Aid convoy reached the city.", "published_at": "2 Mar 2024 10:00 GMT", "link": "https://example.org/3"}`,
		`{"text": "broken line"`,
		`{"title": "no text here"}`,
		`{"text": ""}`,
		`[1, 2]`,
		"{\"text\": \"bad \xff byte\"}",
		`{"text": {"nested": true}}`,
		`{"text": "Shelling resumed overnight.", "date": "last Tuesday"}`,
	}, "\n")
	path := writeFile(t, dir, "news.jsonl", content)
	arts, errs, warns := collect(t, path, Options{})

	type row struct{ ID, Title, Text, DateText, URL, Source, Byline string }
	var got []row
	for _, a := range arts {
		got = append(got, row{a.ID, a.Title, a.Text, a.DateText, a.URL, a.Source, a.Byline})
	}
	want := []row{
		{"r1", "Strike on depot", "A drone struck a fuel depot.", "2024-03-01T06:00:00Z", "https://example.org/1", "Wire", ""},
		{"7", "", "Talks resumed in Doha.", "March 2, 2024", "", "Gazette", "A. Writer"},
		{"", "", "Aid convoy reached the city.", "2 Mar 2024 10:00 GMT", "https://example.org/3", "", ""},
		{"", "", "Shelling resumed overnight.", "last Tuesday", "", "", ""},
	}
	for i := range want {
		if want[i].ID == "" && i < len(arts) {
			want[i].ID = arts[i].ID // derived from the content
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("articles (-want +got):\n%s", diff)
	}
	if got, want := arts[2].Published, time.Date(2024, 3, 2, 10, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("published: got %v, want %v", got, want)
	}
	wantErrs := []string{
		path + ":5: not JSON: unexpected end of JSON input",
		path + `:6: no text field (want one of text, body, notes, content)`,
		path + ":7: no article text",
		path + ":8: not a JSON object",
		path + ":9: not valid UTF-8 (convert it to UTF-8, or name its encoding)",
		path + `:10: field "text": an object or array, not a string`,
	}
	if diff := cmp.Diff(wantErrs, errStrings(errs)); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	if len(warns) != 1 || !strings.HasPrefix(warns[0].Error(), path+":11: date \"last Tuesday\"") {
		t.Errorf("got warnings %q, want one for line 11", errStrings(warns))
	}
}

func TestReadJSONArray(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, dir, "news.json", `[
  {"id": "a", "text": "Ceasefire announced."},
  {"title": "no text"},
  {"id": "b", "text": "Ceasefire broken."}
]`)
	arts, errs, _ := collect(t, path, Options{})
	if len(arts) != 2 || arts[0].ID != "a" || arts[1].ID != "b" {
		t.Errorf("got %d articles, want a and b", len(arts))
	}
	if want := []string{path + ": item 2: no text field (want one of text, body, notes, content)"}; !cmp.Equal(want, errStrings(errs)) {
		t.Errorf("got errors %q, want %q", errStrings(errs), want)
	}

	pretty := writeFile(t, dir, "pretty.json", "{\n  \"id\": \"p1\",\n  \"text\": \"Curfew lifted.\"\n}\n{\n  \"id\": \"p2\",\n  \"text\": \"Curfew restored.\"\n}\n")
	arts, errs, _ = collect(t, pretty, Options{})
	if len(errs) > 0 || len(arts) != 2 || arts[1].ID != "p2" {
		t.Errorf("pretty-printed objects: got %d articles and errors %q, want p1 and p2", len(arts), errStrings(errs))
	}

	truncated := writeFile(t, dir, "cut.json", `[{"id": "a", "text": "One."}, {"id": "b", "te`)
	arts, errs, _ = collect(t, truncated, Options{})
	if len(arts) != 1 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "item 2: not JSON") {
		t.Errorf("got %d articles and errors %q, want 1 article and the cut item's error", len(arts), errStrings(errs))
	}
}

func TestJSONColumns(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, dir, "x.jsonl", `{"text": "not this", "summary": "Refugees crossed the border.", "when": "2024-01-05"}`)
	arts, errs, _ := collect(t, path, Options{Columns: map[string]string{"text": "summary", "date": "when"}})
	if len(errs) != 0 || len(arts) != 1 {
		t.Fatalf("got %d articles and errors %q, want 1 article", len(arts), errStrings(errs))
	}
	if arts[0].Text != "Refugees crossed the border." || arts[0].DateText != "2024-01-05" {
		t.Errorf("got text %q date %q, want the mapped fields", arts[0].Text, arts[0].DateText)
	}
	_, errs, _ = collect(t, path, Options{Columns: map[string]string{"body_text": "x"}})
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), `no field "body_text"`) {
		t.Errorf("got errors %q, want one refusing the unknown field", errStrings(errs))
	}
}

// TestJSONLinesBoundedMemory streams a 200 MB file of JSON lines and checks
// that the heap stays far below the file's size: reading it whole would
// need more than 200 MB of heap at once.
func TestJSONLinesBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and reads a 200 MB file; skipped under -short")
	}
	const size = 200 << 20
	path := filepath.Join(t.TempDir(), "big.jsonl")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	body := strings.Repeat("Artillery fire was reported near the front line overnight, officials said. ", 40)
	n := 0
	for written := 0; written < size; n++ {
		k, _ := fmt.Fprintf(w, `{"id":"big-%d","text":"%d %s","date":"2024-01-%02d"}`+"\n", n, n, body, n%28+1)
		written += k
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()

	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	var peak uint64
	count := 0
	for a, err := range Articles(context.Background(), path, Options{}) {
		if err != nil {
			t.Fatalf("read: %v", err)
		}
		_ = a
		count++
		if count%2000 == 0 {
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
		}
	}
	if count != n {
		t.Fatalf("got %d articles, want %d", count, n)
	}
	// Sampling every 2000 articles (6 MB of input) would see a whole-file
	// read: its buffer alone would stay in use for the whole loop.
	if limit := before.HeapInuse + 64<<20; peak > limit {
		t.Errorf("heap in use peaked at %d MiB (from %d MiB), want under %d MiB: the file is not streamed",
			peak>>20, before.HeapInuse>>20, limit>>20)
	}
	t.Logf("%d articles; heap in use %d MiB before, peak %d MiB", count, before.HeapInuse>>20, peak>>20)
}

func FuzzJSONLine(f *testing.F) {
	f.Add([]byte(`{"id":"r1","title":"T","text":"A drone struck.","date":"2024-03-01"}`))
	f.Add([]byte(`{"text": 5, "id": null}`))
	f.Add([]byte(`[{"text":"x"}]`))
	f.Fuzz(func(t *testing.T, line []byte) {
		e := &emitter{opt: &Options{}}
		a, err := e.jsonArticle(line)
		if err == nil && a == nil {
			t.Errorf("jsonArticle(%q): no article and no error", line)
		}
	})
}

// TestJSONRecordNames keeps the fast path's struct in step with
// fieldNames.
func TestJSONRecordNames(t *testing.T) {
	var want []string
	for _, f := range fieldOrder {
		want = append(want, fieldNames[f]...)
	}
	var got []string
	rt := reflect.TypeFor[jsonRecord]()
	for i := range rt.NumField() {
		got = append(got, rt.Field(i).Tag.Get("json"))
	}
	slices.Sort(want)
	slices.Sort(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("jsonRecord's names (-fieldNames +struct):\n%s", diff)
	}
}
