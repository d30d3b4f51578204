package ingest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestSamples reads every sample input under examples/samples (one of
// each format) and compares what it gives with testdata/samples.golden;
// go test -update rewrites the golden file.
func TestSamples(t *testing.T) {
	dir := filepath.Join("..", "..", "examples", "samples")
	files, errs := Expand([]string{dir})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	formats := map[string]bool{}
	var b strings.Builder
	for _, f := range files {
		arts, errs, warns := collect(t, f, Options{Now: func() time.Time { return time.Time{} }})
		if len(errs)+len(warns) > 0 || len(arts) == 0 {
			t.Errorf("%s: got %d articles, errors %q, warnings %q", f, len(arts), errStrings(errs), errStrings(warns))
		}
		fmt.Fprintf(&b, "== %s\n", filepath.Base(f))
		for _, a := range arts {
			formats[a.Format] = true
			published := "unknown"
			if !a.Published.IsZero() {
				published = a.Published.Format(time.RFC3339)
			}
			fmt.Fprintf(&b, "id: %s\nformat: %s\nsource: %s\ntitle: %s\nurl: %s\nbyline: %s\npublished: %s (%s)\nhash: %s\ntext:\n%s\n\n",
				a.ID, a.Format, a.Source, a.Title, a.URL, a.Byline, published, a.DateText, a.Hash[:16], a.Text)
		}
	}
	for _, f := range []string{FormatText, FormatJSONL, FormatFeed, FormatHTML, FormatCSV} {
		if !formats[f] {
			t.Errorf("no sample of format %s", f)
		}
	}
	golden := filepath.Join("testdata", "samples.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), b.String()); diff != "" {
		t.Errorf("samples differ from %s (-want +got); run go test -update if the change is right:\n%s", golden, diff)
	}
}
