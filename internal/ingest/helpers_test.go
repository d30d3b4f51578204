package ingest

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/truce/truce/internal/domain"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// sharedDir returns a folder of ../shared, the team's read-only test
// material, or skips the test where it is absent (a user's checkout).
func sharedDir(t testing.TB, elem ...string) string {
	t.Helper()
	dir := filepath.Join(append([]string{"..", "..", "..", "shared"}, elem...)...)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared test material %s is absent; this test runs where ../shared exists", dir)
	}
	return dir
}

// collect reads one input with Articles and returns its articles, its
// errors and its warnings.
func collect(t testing.TB, input string, opt Options) (arts []*domain.Article, errs, warns []error) {
	t.Helper()
	opt.Warn = func(err error) { warns = append(warns, err) }
	for a, err := range Articles(context.Background(), input, opt) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		arts = append(arts, a)
	}
	return arts, errs, warns
}

// writeFile writes a file under dir and returns its path.
func writeFile(t testing.TB, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func errStrings(errs []error) []string {
	var out []string
	for _, e := range errs {
		out = append(out, e.Error())
	}
	return out
}

// checkRead reads content as stdin in format ("" to detect it) and checks
// what every article must be: text non-empty, valid UTF-8, NFC, with \n
// line breaks; hashed and signed.
func checkRead(t *testing.T, format, content string) {
	t.Helper()
	opt := &Options{Format: format, Stdin: strings.NewReader(content)}
	readInput(t.Context(), "-", opt, nil, func(a *domain.Article, err error) bool {
		if err != nil {
			if _, ok := err.(*InputError); !ok {
				t.Errorf("got error %T %v, want *InputError", err, err)
			}
			if !utf8.ValidString(err.Error()) || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q is not one line of UTF-8", err)
			}
			return true
		}
		finish(a)
		switch {
		case strings.TrimSpace(a.Text) == "":
			t.Errorf("empty text stored")
		case !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title):
			t.Errorf("invalid UTF-8 stored: %q", a.Text)
		case !norm.NFC.IsNormalString(a.Text):
			t.Errorf("text not NFC: %q", a.Text)
		case strings.Contains(a.Text, "\r"):
			t.Errorf("text with \\r: %q", a.Text)
		case a.ID == "" || a.Hash == "" || len(a.Signature) != domain.SignatureSize:
			t.Errorf("article not finished: id %q hash %q", a.ID, a.Hash)
		case !a.Published.IsZero() && a.Published.Location() != time.UTC:
			t.Errorf("published %v not UTC", a.Published)
		}
		return true
	})
}
