package eval

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/truce/truce/internal/domain"
)

// goldDir is the shared gold data, present on developer machines and in
// CI, never in the repository.
const goldDir = "../../../shared/gold"

// goldFile returns the path of a shared gold file, skipping the test when
// it is absent.
func goldFile(t *testing.T, rel string) string {
	t.Helper()
	p := filepath.Join(goldDir, rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("gold file %s is absent (../shared is not checked out here): %v", p, err)
	}
	return p
}

// nothing is a coder that codes nothing.
type nothing struct{}

func (nothing) Code(_ context.Context, a *domain.Article) (domain.Coding, error) {
	return domain.Coding{ArticleID: a.ID}, nil
}
func (nothing) Version() string { return "nothing" }

func TestGoldFiles(t *testing.T) {
	for _, tc := range []struct {
		kind, rel  string
		n, skipped int
		read       func(*bytes.Reader, string) (int, error)
	}{
		{KindPLOVER, "plover_gsr/PLOVER_GSR_CAMEO.txt", 322, 0, count(ReadPLOVER)},
		{KindPETRARCH, "petr2_gsr/PETR2_GSR_validation.jsonl", 78, 1, count(ReadPETRARCH)},
		{KindPETRARCH, "petr2_gsr/PETR2_GSR_validation.xml", 78, 1, count(ReadPETRARCH)},
		{KindConfliBERT, "conflibert_cameo_train/cameo_class_train.tsv", 1349, 0, count(ReadConfliBERT)},
		{KindConfliBERT, "conflibert_cameo_train/cameo_spans_train.txt", 1153, 0, count(ReadSpans)},
	} {
		t.Run(filepath.Base(tc.rel), func(t *testing.T) {
			p := goldFile(t, tc.rel)
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			n, err := tc.read(bytes.NewReader(data), p)
			if err != nil {
				t.Fatalf("read: %v", err)
			}
			if n != tc.n {
				t.Errorf("read %d records, want %d", n, tc.n)
			}
			rep, err := Run(context.Background(), tc.kind, p, nothing{}, Options{})
			if err != nil {
				t.Fatalf("Run: %v", err)
			}
			if rep.Sentences != tc.n-tc.skipped || rep.Skipped != tc.skipped {
				t.Errorf("Run scored %d sentences and skipped %d, want %d and %d", rep.Sentences, rep.Skipped, tc.n-tc.skipped, tc.skipped)
			}
		})
	}
}

func count[T any](read func(r io.Reader, name string) ([]T, error)) func(*bytes.Reader, string) (int, error) {
	return func(r *bytes.Reader, name string) (int, error) {
		recs, err := read(r, name)
		return len(recs), err
	}
}

// TestGoldPETRARCHFormats checks that the tolerant XML reader gives the
// same records as the JSON lines version of the same gold set.
func TestGoldPETRARCHFormats(t *testing.T) {
	var got [2][]PETRARCHRecord
	for i, rel := range []string{"petr2_gsr/PETR2_GSR_validation.jsonl", "petr2_gsr/PETR2_GSR_validation.xml"} {
		p := goldFile(t, rel)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if got[i], err = ReadPETRARCH(bytes.NewReader(data), p); err != nil {
			t.Fatalf("read %s: %v", p, err)
		}
	}
	if diff := cmp.Diff(got[0], got[1], cmpopts.IgnoreFields(PETRARCHRecord{}, "Line")); diff != "" {
		t.Errorf("XML records differ from JSON lines (-jsonl +xml):\n%s", diff)
	}
}
