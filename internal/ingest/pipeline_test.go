package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/store"
)

// fakeStore keeps articles in memory with the dedupe semantics of
// store.Store's AddArticles, and the coding bookkeeping of Uncoded and
// SaveCodings. Other methods are not used by the pipeline.
type fakeStore struct {
	store.Store
	mu       sync.Mutex
	articles []*domain.Article
	codings  map[string]domain.Coding
	batches  []int // the size of each AddArticles call
	failAdd  error // AddArticles fails with it, when set
}

func newFakeStore() *fakeStore { return &fakeStore{codings: map[string]domain.Coding{}} }

func (s *fakeStore) AddArticles(ctx context.Context, batch []*domain.Article) ([]store.AddResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if s.failAdd != nil {
		return nil, s.failAdd
	}
	s.batches = append(s.batches, len(batch))
	stored := append([]*domain.Article(nil), s.articles...)
	var res []store.AddResult
	for _, a := range batch {
		if a.ID == "" || a.Hash == "" || len(a.Signature) != domain.SignatureSize {
			return nil, fmt.Errorf("fake store: article without id, hash or signature")
		}
		r := store.AddResult{ID: a.ID, Status: store.New}
		for _, b := range stored {
			if b.ID == a.ID || b.Hash == a.Hash || (a.URL != "" && b.URL == a.URL) {
				r.Status, r.DuplicateOf = store.Duplicate, b.ID
				break
			}
		}
		if r.Status == store.New {
			for _, b := range stored {
				if b.DuplicateOf == "" && a.Signature.Similarity(b.Signature) >= domain.NearDuplicateThreshold {
					r.Status, r.DuplicateOf = store.NearDuplicate, b.ID
					break
				}
			}
		}
		if r.Status != store.Duplicate {
			c := *a
			c.DuplicateOf = r.DuplicateOf
			stored = append(stored, &c)
		}
		res = append(res, r)
	}
	s.articles = stored
	return res, nil
}

func (s *fakeStore) Uncoded(ctx context.Context, version string, limit int) ([]*domain.Article, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []*domain.Article
	for _, a := range s.articles {
		if len(out) == limit {
			break
		}
		if a.DuplicateOf == "" && a.CoderVersion != version {
			c := *a
			out = append(out, &c)
		}
	}
	return out, nil
}

func (s *fakeStore) SaveCodings(ctx context.Context, codings []domain.Coding) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range codings {
		for _, a := range s.articles {
			if a.ID == c.ArticleID {
				a.CoderVersion = c.CoderVersion
			}
		}
		s.codings[c.ArticleID] = c
	}
	return nil
}

func (s *fakeStore) ids() []string {
	var out []string
	for _, a := range s.articles {
		out = append(out, a.ID)
	}
	return out
}

// fakeCoder codes an article as one event per paragraph; it fails on
// articles whose text contains "UNCODABLE".
type fakeCoder struct{ version string }

func (c fakeCoder) Version() string { return c.version }

func (c fakeCoder) Code(ctx context.Context, a *domain.Article) (domain.Coding, error) {
	if strings.Contains(a.Text, "UNCODABLE") {
		return domain.Coding{}, errors.New("no sentence")
	}
	var evs []domain.Event
	for range strings.Split(a.Text, "\n\n") {
		evs = append(evs, domain.Event{ArticleID: a.ID})
	}
	return domain.Coding{ArticleID: a.ID, Events: evs}, nil
}

// TestRunMixedDirectory ingests a directory of good and bad files: each
// bad one gives one error naming it and the reason; every good article is
// stored.
func TestRunMixedDirectory(t *testing.T) {
	dir := t.TempDir()
	good := map[string]string{
		"a.txt":       "title: Strike on a depot\ndate 2024-03-01 A drone struck a fuel depot near the border overnight.",
		"b.jsonl":     `{"id":"j1","text":"Talks resumed in Doha on Monday."}` + "\n" + `{"id":"j2","text":"Aid trucks crossed into the north."}` + "\n",
		"c.csv":       "id,text,date\nc1,Protesters gathered in the capital.,2024-03-02\n",
		"feeds/d.xml": `<rss version="2.0"><channel><title>W</title><item><guid>f1</guid><description>Shelling resumed in the east.</description></item></channel></rss>`,
	}
	bad := map[string]string{
		"empty.txt":     "",
		"binary.bin":    "\x00\x01\x02\x03garbage\x00",
		"latin1.txt":    "caf\xe9 bombed",
		"cut.xml":       `<?xml version="1.0"?><rss version="2.0"><channel><item><title>x`,
		"notext.csv":    "id,summary\n1,x\n",
		"feeds/bad.rss": "<rss><channel><item><description>unclosed",
	}
	for name, content := range good {
		writeFile(t, dir, name, content)
	}
	for name, content := range bad {
		writeFile(t, dir, name, content)
	}
	writeFile(t, dir, ".hidden/skip.txt", "never read")

	st := newFakeStore()
	var reported []string
	sum, err := Run(context.Background(), st, []string{dir, dir + "/missing.txt"}, Options{Error: func(err error) { reported = append(reported, err.Error()) }})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if want := (Summary{New: 5, Failed: len(bad) + 1}); sum != want {
		t.Errorf("summary: got %+v, want %+v", sum, want)
	}
	var texts []string
	for _, a := range st.articles {
		texts = append(texts, a.Text)
	}
	wantTexts := []string{
		"A drone struck a fuel depot near the border overnight.", "Talks resumed in Doha on Monday.",
		"Aid trucks crossed into the north.", "Protesters gathered in the capital.", "Shelling resumed in the east.",
	}
	if diff := cmp.Diff(wantTexts, texts); diff != "" {
		t.Errorf("stored (-want +got):\n%s", diff)
	}
	if len(reported) != len(bad)+1 {
		t.Errorf("got %d errors, want %d: %q", len(reported), len(bad)+1, reported)
	}
	for name := range bad {
		n := 0
		for _, r := range reported {
			if strings.HasPrefix(r, dir+"/"+name+":") {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s: got %d errors naming it, want 1 (errors: %q)", name, n, reported)
		}
	}
}

func TestRunDuplicates(t *testing.T) {
	dir := t.TempDir()
	story := strings.Repeat("Government forces and rebels exchanged fire near the northern town on Sunday, residents said. ", 6)
	edited := strings.Replace(story, "on Sunday", "late on Sunday", 1)
	writeFile(t, dir, "1.txt", "date 2024-01-07 "+story)
	writeFile(t, dir, "2.txt", "date 2024-01-07 "+story+"\n") // same text
	writeFile(t, dir, "3.txt", "date 2024-01-07 "+edited)     // a reprint with an edit
	writeFile(t, dir, "4.txt", "Another story entirely: the port reopened to grain ships.")
	st := newFakeStore()
	sum, err := Run(context.Background(), st, []string{dir}, Options{Coder: fakeCoder{"v1"}})
	if err != nil {
		t.Fatal(err)
	}
	want := Summary{New: 3, Duplicates: 1, NearDuplicates: 1, Coded: 2}
	if sum != want {
		t.Errorf("summary: got %+v, want %+v", sum, want)
	}
	if got, want := sum.String(), "ingested 3 new, 1 duplicates, 0 failed, 1 near-duplicates"; got != want {
		t.Errorf("summary line: got %q, want %q", got, want)
	}
	// Ingesting again stores nothing and codes nothing.
	sum, err = Run(context.Background(), st, []string{dir}, Options{Coder: fakeCoder{"v1"}})
	if err != nil {
		t.Fatal(err)
	}
	if want := (Summary{Duplicates: 4}); sum != want {
		t.Errorf("second run: got %+v, want %+v", sum, want)
	}
}

func TestSummaryString(t *testing.T) {
	tests := []struct {
		s    Summary
		want string
	}{
		{Summary{}, "ingested 0 new, 0 duplicates, 0 failed"},
		{Summary{New: 12, Duplicates: 3, Failed: 1, Coded: 12}, "ingested 12 new, 3 duplicates, 1 failed"},
		{Summary{New: 5, NearDuplicates: 2}, "ingested 5 new, 0 duplicates, 0 failed, 2 near-duplicates"},
	}
	for _, tt := range tests {
		if got := tt.s.String(); got != tt.want {
			t.Errorf("%+v: got %q, want %q", tt.s, got, tt.want)
		}
	}
}

func jsonLines(n int, prefix string) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, `{"id":"%s%d","text":"Report %d: clashes were reported in district %d."}`+"\n", prefix, i, i, i)
	}
	return b.String()
}

// TestRunBatchBytes: long articles end a batch at DefaultBatchBytes of
// text, before the article count does.
func TestRunBatchBytes(t *testing.T) {
	st := newFakeStore()
	long := strings.Repeat("Shelling was reported along the line of contact. ", DefaultBatchBytes/4/49+1)
	var in strings.Builder
	for i := range 10 {
		fmt.Fprintf(&in, `{"id":"l%d","text":"%d %s"}`+"\n", i, i, long)
	}
	if _, err := Run(context.Background(), st, []string{"-"}, Options{Stdin: strings.NewReader(in.String())}); err != nil {
		t.Fatal(err)
	}
	// Each text is a little over a quarter of the limit: the fourth ends
	// a batch.
	if diff := cmp.Diff([]int{4, 4, 2}, st.batches); diff != "" {
		t.Errorf("batch sizes (-want +got):\n%s", diff)
	}
}

func TestRunBatches(t *testing.T) {
	st := newFakeStore()
	sum, err := Run(context.Background(), st, []string{"-"}, Options{Batch: 3, Stdin: strings.NewReader(jsonLines(10, "b"))})
	if err != nil {
		t.Fatal(err)
	}
	if sum.New != 10 {
		t.Errorf("new: got %d, want 10", sum.New)
	}
	if diff := cmp.Diff([]int{3, 3, 3, 1}, st.batches); diff != "" {
		t.Errorf("batch sizes (-want +got):\n%s", diff)
	}
	var want []string
	for i := range 10 {
		want = append(want, fmt.Sprintf("b%d", i))
	}
	if diff := cmp.Diff(want, st.ids()); diff != "" {
		t.Errorf("stored in input order (-want +got):\n%s", diff)
	}
}

func TestRunCoding(t *testing.T) {
	st := newFakeStore()
	input := jsonLines(7, "c") + `{"id":"bad","text":"UNCODABLE text"}` + "\n"
	var reported []string
	opt := Options{Batch: 3, Coder: fakeCoder{"v1"}, Stdin: strings.NewReader(input), Error: func(err error) { reported = append(reported, err.Error()) }}
	sum, err := Run(context.Background(), st, []string{"-"}, opt)
	if err != nil {
		t.Fatal(err)
	}
	if want := (Summary{New: 8, Failed: 1, Coded: 7}); sum != want {
		t.Errorf("summary: got %+v, want %+v", sum, want)
	}
	if want := []string{"stdin: article bad: coding failed: no sentence"}; !cmp.Equal(want, reported) {
		t.Errorf("errors: got %q, want %q", reported, want)
	}
	for _, a := range st.articles {
		if c, ok := st.codings[a.ID]; a.ID != "bad" && (!ok || c.CoderVersion != "v1" || len(c.Events) != 1) {
			t.Errorf("article %s: coding %+v, want one event by v1", a.ID, c)
		}
	}

	// A new coder version recodes everything; a run with no input resumes
	// coding left undone (as after a crash).
	sum, err = Run(context.Background(), st, nil, Options{Batch: 2, Coder: fakeCoder{"v2"}})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Coded != 7 || sum.Failed != 1 {
		t.Errorf("recode: got %+v, want 7 coded and 1 failed", sum)
	}
}

// cancelAfter is stdin that cancels the run once n bytes have been read,
// then goes on giving lines.
type cancelAfter struct {
	r      io.Reader
	n      int
	cancel func()
}

func (c *cancelAfter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p[:min(len(p), 100)])
	c.n -= n
	if c.n <= 0 {
		c.cancel()
	}
	return n, err
}

func TestRunCancel(t *testing.T) {
	st := newFakeStore()
	ctx, cancel := context.WithCancel(context.Background())
	in := &cancelAfter{r: strings.NewReader(jsonLines(1000, "x")), n: 20_000, cancel: cancel}
	_, err := Run(ctx, st, []string{"-"}, Options{Batch: 50, Stdin: in, Coder: fakeCoder{"v1"}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("got error %v, want context.Canceled", err)
	}
	if n := len(st.articles); n == 1000 || n%50 != 0 {
		t.Errorf("stored %d articles, want whole batches of 50 and not all 1000", n)
	}
	if len(st.codings) != 0 {
		t.Errorf("coded %d articles after the cancel, want none", len(st.codings))
	}
}

func TestRunStoreFails(t *testing.T) {
	st := newFakeStore()
	st.failAdd = errors.New("disk full")
	_, err := Run(context.Background(), st, []string{"-"}, Options{Stdin: strings.NewReader(jsonLines(3, "f"))})
	if err == nil || !strings.Contains(err.Error(), "disk full") || !strings.HasPrefix(err.Error(), "ingest: store 3 articles") {
		t.Errorf("got error %v, want the store's, wrapped", err)
	}
}

func TestRunBadOptions(t *testing.T) {
	_, err := Run(context.Background(), newFakeStore(), []string{"-"}, Options{Format: "pdf"})
	if err == nil || err.Error() != `format "pdf": want one of text, jsonl, feed, html, csv, tsv` {
		t.Errorf("got error %v", err)
	}
}

func TestRunProgress(t *testing.T) {
	var out bytes.Buffer
	dir := t.TempDir()
	path := writeFile(t, dir, "x.jsonl", jsonLines(100, "p"))
	if _, err := Run(context.Background(), newFakeStore(), []string{path}, Options{Progress: &out, Coder: fakeCoder{"v"}}); err != nil {
		t.Fatal(err)
	}
	if out.Len() == 0 {
		t.Errorf("no progress shown on the writer")
	}
}
