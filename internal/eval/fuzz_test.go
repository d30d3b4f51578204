package eval

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/truce/truce/internal/domain"
)

// seed adds the fixture files to a fuzz corpus, then the extra inputs.
func seed(f *testing.F, files []string, extra ...string) {
	f.Helper()
	for _, name := range files {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range extra {
		f.Add([]byte(s))
	}
}

// checkErr checks that a loader error is one line a user can read, naming
// the file.
func checkErr(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	if code := domain.ErrorCode(err); code != domain.EINVALID {
		t.Fatalf("error code %q, want %q: %v", code, domain.EINVALID, err)
	}
	msg := domain.ErrorMessage(err)
	if !strings.HasPrefix(msg, "f") || strings.ContainsAny(msg, "\n\r") {
		t.Fatalf("error %q does not name the file on one line", msg)
	}
}

func FuzzReadPLOVER(f *testing.F) {
	seed(f, []string{"plover.json"}, `[]`, `[{"id":"a","event":"AGREE","text":"x","source":""}]`,
		`[{"id":"a","event":"AGREE","text":"x","eventLoc":{"name":"Gao","country code":"ML"}}]`, `[{`, `{}`)
	f.Fuzz(func(t *testing.T, b []byte) {
		recs, err := ReadPLOVER(bytes.NewReader(b), "f")
		checkErr(t, err)
		for _, r := range recs {
			if r.ID == "" || r.Event == "" || r.Event == ploverDocument || r.Line < 1 {
				t.Fatalf("bad record %+v", r)
			}
		}
	})
}

func checkPETRARCH(t *testing.T, recs []PETRARCHRecord) {
	t.Helper()
	for _, r := range recs {
		if r.ID == "" || r.Text != collapse(r.Text) || r.Line < 1 {
			t.Fatalf("bad record %+v", r)
		}
		for _, e := range r.Events {
			if e.Code == "" {
				t.Fatalf("event without a code in %+v", r)
			}
		}
	}
}

func FuzzReadPETRARCH(f *testing.F) {
	seed(f, []string{"petrarch.jsonl", "petrarch.xml"}, `{"id":"a","text":"b","events":[{"code":"01"}]}`, "\n\n{}")
	f.Fuzz(func(t *testing.T, b []byte) {
		recs, err := ReadPETRARCH(bytes.NewReader(b), "f")
		checkErr(t, err)
		checkPETRARCH(t, recs)
	})
}

func FuzzReadPETRARCHXML(f *testing.F) {
	seed(f, []string{"petrarch.xml"},
		`<Sentences><Sentence id="a"><EventCoding eventcode="01"/><Text>x</Text></Sentence>`,
		`<Sentence id='a' evaluate=false/><Text/><Parse>< </Parse>`, `<!-- <Sentence id="b"> -->`,
		`<Sentences><Sentence id="a"><Text>x &amp; y</Text><![CDATA[<Text>]]>`)
	f.Fuzz(func(t *testing.T, b []byte) {
		recs, err := readPETRARCHXML(b, "f")
		checkErr(t, err)
		checkPETRARCH(t, recs)
	})
}

func FuzzReadConfliBERT(f *testing.F) {
	seed(f, []string{"conflibert.tsv"}, "label\tclass\nx\t0", "\"a \"\"b\"\"\"\t1", "\t\t4")
	f.Fuzz(func(t *testing.T, b []byte) {
		recs, err := ReadConfliBERT(bytes.NewReader(b), "f")
		checkErr(t, err)
		for _, r := range recs {
			if r.Text == "" || r.Class < 0 || r.Class >= len(ClassNames) {
				t.Fatalf("bad record %+v", r)
			}
		}
	})
}

func FuzzReadSpans(f *testing.F) {
	seed(f, []string{"conflibert_spans.txt"}, "a I-T\nb I-T\nc B-T\n\n\nd O", "x\tB-R\r\n")
	f.Fuzz(func(t *testing.T, b []byte) {
		recs, err := ReadSpans(bytes.NewReader(b), "f")
		checkErr(t, err)
		for _, r := range recs {
			if r.Text != strings.Join(r.Tokens, " ") || len(r.Tokens) == 0 {
				t.Fatalf("text %q is not its tokens %q", r.Text, r.Tokens)
			}
			end := 0
			for _, s := range r.Spans {
				if s.Span.Start < end || s.Span.End <= s.Span.Start || s.Span.End > len(r.Text) ||
					!slices.Contains([]string{RoleSource, RoleTarget, RoleReciprocal}, s.Role) {
					t.Fatalf("bad span %+v in %q", s, r.Text)
				}
				end = s.Span.End
			}
		}
	})
}

func FuzzReadACLED(f *testing.F) {
	seed(f, []string{"acled.tsv"}, "id\ttext\tsub-event_type\n", "a\tb\tc\tNEGATIVE", "a\tb")
	f.Fuzz(func(t *testing.T, b []byte) {
		recs, err := ReadACLED(bytes.NewReader(b), "f")
		checkErr(t, err)
		for _, r := range recs {
			if r.ID == "" || r.Text == "" {
				t.Fatalf("bad record %+v", r)
			}
			if r.SubEventType != "" && acledEvent(r.SubEventType) == "" {
				t.Fatalf("sub-event type %q is not ACLED's", r.SubEventType)
			}
		}
	})
}

// FuzzLocate checks that gold texts are found within the sentence.
func FuzzLocate(f *testing.F) {
	f.Add("U.S. and Russian negotiators return", "U.S. ... negotiators")
	f.Add("Kenyan and Ugandan ministers", "kenyan")
	f.Add("Busan and US", "US forces")
	f.Fuzz(func(t *testing.T, sentence, gold string) {
		for _, s := range locate(sentence, gold) {
			if s.Start < 0 || s.End > len(sentence) || s.End <= s.Start {
				t.Fatalf("locate(%q, %q) gives %+v", sentence, gold, s)
			}
		}
	})
}
