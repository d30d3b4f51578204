package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/truce/truce/internal/domain"

	"github.com/truce/truce/internal/store"
	"github.com/truce/truce/internal/store/storetest"
)

// openTemp opens a new database in the test's temporary directory.
func openTemp(t *testing.T) *Store {
	t.Helper()
	return openPath(t, filepath.Join(t.TempDir(), "truce.db"))
}

// openPath opens the database at path, to be closed, without error, when
// the test ends.
func openPath(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(t.Context(), path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return openTemp(t) })
}

// TestConformanceBandFilter runs the suite with the filter of stored bands
// built from the first article, as a bulk ingest has it, so that every
// near-duplicate case also runs through it.
func TestConformanceBandFilter(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s := openTemp(t)
		s.dupFilterAfter = 0
		return s
	})
}

func TestConformanceMemory(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return openPath(t, Memory) })
}

func TestOpenRefuses(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(text, []byte("not a database, just some notes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	foreign := filepath.Join(dir, "other.db")
	db, err := sql.Open("sqlite", foreign)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE accounts(id INTEGER PRIMARY KEY, name TEXT)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	newer := filepath.Join(dir, "newer.db")
	s, err := Open(t.Context(), newer)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.w.Exec(`INSERT INTO schema_migrations(version, name, applied_at) VALUES (999, '0999_future.sql', 'x')`); err != nil {
		t.Fatal(err)
	}
	s.Close()

	tests := []struct {
		name, path string
		want       string
	}{
		{"text file", text, "open database " + text + ": not a SQLite database"},
		{"directory", dir, "open database " + dir + ": is a directory"},
		{"missing directory", filepath.Join(dir, "nowhere", "truce.db"),
			"open database " + filepath.Join(dir, "nowhere", "truce.db") + ": no directory " + filepath.Join(dir, "nowhere")},
		{"another program's database", foreign, "open database " + foreign + ": not a truce database"},
		{"newer schema", newer, "open database " + newer + ": its schema version 999 is newer than this truce understands"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := snapshot(t, dir)
			s, err := Open(t.Context(), tc.path)
			if err == nil {
				s.Close()
				t.Fatalf("got no error, want %q", tc.want)
			}
			if domain.ErrorCode(err) != domain.EINVALID {
				t.Errorf("got code %s, want %s", domain.ErrorCode(err), domain.EINVALID)
			}
			msg := domain.ErrorMessage(err)
			if !strings.HasPrefix(msg, tc.want) || strings.Contains(msg, "\n") {
				t.Errorf("got message %q, want one line starting %q", msg, tc.want)
			}
			if diff := cmp.Diff(before, snapshot(t, dir)); diff != "" {
				t.Errorf("files changed (-before +after):\n%s", diff)
			}
		})
	}
}

// snapshot returns the names and contents of the files in dir.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(b)
	}
	return out
}

func TestMigrations(t *testing.T) {
	path := filepath.Join(t.TempDir(), "truce.db")
	s, err := Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddArticles(t.Context(), []*domain.Article{storetest.NewArticle("a", "Kept across opens.", time.Time{})}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	// Opening again applies nothing and keeps the data.
	s, err = Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rows, err := s.r.Query(`SELECT version, name FROM schema_migrations ORDER BY version`)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for rows.Next() {
		var v int
		var name string
		if err := rows.Scan(&v, &name); err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%d %s", v, name))
	}
	rows.Close()
	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, m := range ms {
		want = append(want, fmt.Sprintf("%d %s", m.version, m.name))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("schema_migrations (-want +got):\n%s", diff)
	}
	if _, err := s.Article(t.Context(), "a"); err != nil {
		t.Errorf("Article after reopening: %v", err)
	}
}

func TestPragmas(t *testing.T) {
	s := openTemp(t)
	for _, tc := range []struct {
		db     *sql.DB
		pragma string
		want   string
	}{
		{s.w, "journal_mode", "wal"},
		{s.w, "foreign_keys", "1"},
		{s.w, "synchronous", "1"},
		{s.w, "busy_timeout", "10000"},
		{s.w, "page_size", fmt.Sprint(pageSize)},
		{s.r, "journal_mode", "wal"},
		{s.r, "query_only", "1"},
		{s.r, "busy_timeout", "10000"},
	} {
		var got string
		if err := tc.db.QueryRow("PRAGMA " + tc.pragma).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != tc.want {
			t.Errorf("got %s = %s, want %s", tc.pragma, got, tc.want)
		}
	}
}

// TestOldPageSize: a database made with SQLite's default page size, as
// truce made them before, opens, keeps its page size and stores articles.
func TestOldPageSize(t *testing.T) {
	path := filepath.Join(t.TempDir(), "truce.db")
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(WAL)")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE t(x)"); err != nil {
		t.Fatal(err)
	}
	db.Exec("DROP TABLE t")
	db.Close()
	s, err := Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var size int
	if err := s.w.QueryRow("PRAGMA page_size").Scan(&size); err != nil {
		t.Fatal(err)
	}
	if size != 4096 {
		t.Errorf("page size %d, want the old database's 4096", size)
	}
	a := storetest.NewArticle("old", "An article stored in an old database.", time.Time{})
	if res, err := s.AddArticles(t.Context(), []*domain.Article{a}); err != nil || res[0].Status != store.New {
		t.Fatalf("AddArticles: %v %v", res, err)
	}
}

// TestReadersDoNotWait holds a write transaction open and reads through
// the store meanwhile.
func TestReadersDoNotWait(t *testing.T) {
	s := openTemp(t)
	ctx := t.Context()
	if _, err := s.AddArticles(ctx, []*domain.Article{storetest.NewArticle("a", "Committed.", time.Time{})}); err != nil {
		t.Fatal(err)
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`UPDATE articles SET coder_version = 'x'`); err != nil {
		t.Fatal(err)
	}
	got, _, err := s.Articles(ctx, store.ArticleFilter{})
	if err != nil {
		t.Fatalf("Articles during a write: %v", err)
	}
	if len(got) != 1 || got[0].CoderVersion != "" {
		t.Errorf("got %+v, want the committed article only", got)
	}
}

func TestSearchErrors(t *testing.T) {
	s := openTemp(t)
	ctx := t.Context()
	if _, err := s.AddArticles(ctx, []*domain.Article{storetest.NewArticle("a", "A ceasefire in Nagorno-Karabakh.", time.Time{})}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`"unbalanced`, `ceasefire AND`, `nosuchcolumn:word`, `(`} {
		t.Run(q, func(t *testing.T) {
			_, _, err := s.Articles(ctx, store.ArticleFilter{Q: q})
			if domain.ErrorCode(err) != domain.EINVALID || !strings.HasPrefix(domain.ErrorMessage(err), "search query") {
				t.Errorf("Articles: got %v (%s), want EINVALID search query …", err, domain.ErrorCode(err))
			}
			_, err = s.CountArticles(ctx, store.ArticleFilter{Q: q})
			if domain.ErrorCode(err) != domain.EINVALID {
				t.Errorf("CountArticles: got %v, want EINVALID", err)
			}
		})
	}
	// FTS5 syntax works: a phrase, a prefix, a column.
	for _, q := range []string{`"nagorno karabakh"`, `cease*`, `title:article`} {
		n, err := s.CountArticles(ctx, store.ArticleFilter{Q: q})
		if err != nil || n != 1 {
			t.Errorf("CountArticles(%q) = %d, %v; want 1", q, n, err)
		}
	}
}

func TestBadPages(t *testing.T) {
	s := openTemp(t)
	ctx := t.Context()
	eventCursor := cursor{Kind: "event", Key: 20231107, ID: "e1"}.encode()
	for _, tc := range []struct {
		name string
		err  func() error
	}{
		{"cursor of another listing", func() error {
			_, _, err := s.Claims(ctx, store.ClaimFilter{Page: store.Page{After: eventCursor}})
			return err
		}},
		{"negative limit", func() error {
			_, _, err := s.Events(ctx, store.EventFilter{Page: store.Page{Limit: -1}})
			return err
		}},
	} {
		if code := domain.ErrorCode(tc.err()); code != domain.EINVALID {
			t.Errorf("%s: got code %q, want %s", tc.name, code, domain.EINVALID)
		}
	}
}

func TestRecordIDConflict(t *testing.T) {
	s := openTemp(t)
	ctx := t.Context()
	if _, err := s.AddArticles(ctx, []*domain.Article{
		storetest.NewArticle("a", "First.", time.Time{}), storetest.NewArticle("b", "Second.", time.Time{}),
	}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveCodings(ctx, []domain.Coding{{ArticleID: "a", Events: []domain.Event{{ID: "e1", ArticleID: "a"}}}}); err != nil {
		t.Fatal(err)
	}
	err := s.SaveCodings(ctx, []domain.Coding{{ArticleID: "b", Events: []domain.Event{{ID: "e1", ArticleID: "b"}}}})
	if code := domain.ErrorCode(err); code != domain.ECONFLICT {
		t.Errorf("got %v (%s), want %s", err, code, domain.ECONFLICT)
	}
	err = s.SaveCodings(ctx, []domain.Coding{{ArticleID: "b", Events: []domain.Event{{ID: "e2", ArticleID: "a"}}}})
	if code := domain.ErrorCode(err); code != domain.EINVALID {
		t.Errorf("got %v (%s) for an event of another article, want %s", err, code, domain.EINVALID)
	}
}

// TestTextStoredOnce checks that the full-text index keeps no copy of the
// text: an external-content FTS5 table has no _content table.
func TestTextStoredOnce(t *testing.T) {
	s := openTemp(t)
	var n int
	if err := s.r.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE name = 'articles_fts_content'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("got an articles_fts_content table, want the text stored once")
	}
}

// TestQueryPlans guards the indexes that the performance targets rest on:
// the plans must not scan a table or sort.
func TestQueryPlans(t *testing.T) {
	s := openTemp(t)
	tests := []struct {
		name string
		sql  func() (string, []any)
		want []string // each must appear in the plan
	}{
		{"events by country and date", func() (string, []any) {
			l := eventSource(eventSel{Country: "ARM", Since: domain.Date{Year: 2023, Month: 1, Day: 1}}, true)
			l.w.keyset(l.dateCol, l.idCol, &cursor{Key: 20231107, ID: "x"})
			return `SELECT e.record FROM ` + l.from + l.w.String() + ` ORDER BY x.date DESC, x.event_id DESC LIMIT 101`, l.w.args
		}, []string{"SEARCH x USING PRIMARY KEY (country=? AND date>? AND (date,event_id)<(?,?))", "SEARCH e USING INDEX sqlite_autoindex_events_1 (id=?)"}},
		{"events by date", func() (string, []any) {
			l := eventSource(eventSel{Since: domain.Date{Year: 2023, Month: 1, Day: 1}}, true)
			return `SELECT e.record FROM ` + l.from + l.w.String() + ` ORDER BY e.date DESC, e.id DESC LIMIT 101`, l.w.args
		}, []string{"SEARCH e USING INDEX events_date (date>?)"}},
		{"timeline by country", func() (string, []any) {
			return `SELECT date, quad_class, sum(n) FROM event_counts WHERE country = ? AND date > 0 AND quad_class BETWEEN 1 AND 4 GROUP BY date, quad_class HAVING sum(n) > 0 ORDER BY date, quad_class`, []any{"ARM"}
		}, []string{"SEARCH event_counts USING PRIMARY KEY (country=? AND date>?)"}},
		{"timeline by country and actor", func() (string, []any) {
			l := eventSource(eventSel{Country: "ARM", Actor: "ARMMIL", Since: domain.Date{Year: 2023, Month: 1, Day: 1}}, false)
			return `SELECT x.date, x.quad_class, count(*) FROM ` + l.from + l.w.String() + ` GROUP BY 1, 2 ORDER BY 1, 2`, l.w.args
		}, []string{"SEARCH x USING PRIMARY KEY (country=? AND date>?)", "SEARCH event_actors USING COVERING INDEX event_actors_code (code>? AND code<?)"}},
		{"uncoded of a version", func() (string, []any) {
			return `SELECT seq FROM articles WHERE duplicate_of IS NULL AND coder_version = ? ORDER BY seq LIMIT ?`, []any{"", 10}
		}, []string{"SEARCH articles USING COVERING INDEX articles_uncoded (coder_version=?)"}},
		{"coder versions", func() (string, []any) {
			return `SELECT (SELECT min(coder_version) FROM articles WHERE duplicate_of IS NULL AND coder_version > ?)`, []any{""}
		}, []string{"SEARCH articles USING COVERING INDEX articles_uncoded (coder_version>?)"}},
		{"articles newest first", func() (string, []any) {
			return `SELECT a.id FROM articles a WHERE (a.published, a.id) < (?, ?) ORDER BY a.published DESC, a.id DESC LIMIT 101`, []any{1, "x"}
		}, []string{"SEARCH a USING COVERING INDEX articles_published"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q, args := tc.sql()
			plan := explain(t, s.r, q, args...)
			for _, w := range tc.want {
				if !strings.Contains(plan, w) {
					t.Errorf("plan lacks %q:\n%s", w, plan)
				}
			}
			if strings.Contains(strings.ReplaceAll(plan, "TEMP B-TREE FOR GROUP BY", ""), "TEMP B-TREE") ||
				strings.Contains(strings.ReplaceAll(plan, "SCAN CONSTANT ROW", ""), "SCAN ") {
				t.Errorf("plan sorts or scans:\n%s", plan)
			}
		})
	}
}

func explain(t *testing.T, db *sql.DB, q string, args ...any) string {
	t.Helper()
	rows, err := db.Query("EXPLAIN QUERY PLAN "+q, args...)
	if err != nil {
		t.Fatalf("explain %s: %v", q, err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		b.WriteString(detail + "\n")
	}
	return b.String()
}

// TestBandMerges adds articles in many small batches with merges of the
// near-duplicate bands after every batch, and checks that near-duplicates
// are found across merged and new bands alike.
func TestBandMerges(t *testing.T) {
	s := openTemp(t)
	s.bandMergeRows = func(int64) int64 { return 40 } // after three articles
	ctx := t.Context()
	var originals []*domain.Article
	for b := range 6 {
		var batch []*domain.Article
		for i := range 2 {
			a := storetest.NewArticle(fmt.Sprintf("o%d-%d", b, i), fmt.Sprintf("Original %d %d.", b, i), time.Time{})
			batch = append(batch, a)
			originals = append(originals, a)
		}
		// A near-duplicate of an article of every earlier batch, whose
		// bands have been merged by now, and of this batch's first.
		for j, o := range append(slices.Clone(originals[:2*b:2*b]), batch[0]) {
			if j%2 == 1 {
				continue
			}
			near := storetest.NewArticle("n-"+o.ID+fmt.Sprint(b), "Near "+o.ID+fmt.Sprint(b), time.Time{})
			near.Signature = storetest.Alter(o.Signature, 1, 2, 3)
			batch = append(batch, near)
		}
		res, err := s.AddArticles(ctx, batch)
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range res {
			want := store.New
			if i >= 2 {
				want = store.NearDuplicate
			}
			if r.Status != want {
				t.Errorf("batch %d: %s: got %v, want %v", b, r.ID, r.Status, want)
			}
			if want == store.NearDuplicate && r.DuplicateOf != strings.TrimSuffix(strings.TrimPrefix(r.ID, "n-"), fmt.Sprint(b)) {
				t.Errorf("batch %d: %s: got duplicate of %s", b, r.ID, r.DuplicateOf)
			}
		}
	}
	var merged, pending int
	if err := s.r.QueryRow(`SELECT (SELECT count(*) FROM article_bands), (SELECT count(*) FROM article_bands_new)`).Scan(&merged, &pending); err != nil {
		t.Fatal(err)
	}
	if merged+pending != 16*len(originals) || merged == 0 {
		t.Errorf("got %d merged and %d new bands, want %d in all, some merged", merged, pending, 16*len(originals))
	}
}

// cancelAfter is a context that is cancelled once Err has been asked n
// times, so that a test can cancel a batch between two of its articles.
type cancelAfter struct {
	context.Context
	mu   sync.Mutex
	n    int
	done chan struct{}
}

func (c *cancelAfter) Done() <-chan struct{} { return c.done }

func (c *cancelAfter) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n--; c.n == 0 {
		close(c.done)
	}
	if c.n <= 0 {
		return context.Canceled
	}
	return nil
}

// TestAddArticlesCancelled: a batch whose context ends before it starts or
// between two of its articles stores none of them.
func TestAddArticlesCancelled(t *testing.T) {
	s := openTemp(t)
	var batch []*domain.Article
	for i := range 20 {
		batch = append(batch, storetest.NewArticle(fmt.Sprintf("c%d", i), fmt.Sprintf("Cancelled article %d.", i), time.Time{}))
	}
	for _, after := range []int{1, 10} {
		ctx := &cancelAfter{Context: context.Background(), n: after, done: make(chan struct{})}
		if _, err := s.AddArticles(ctx, batch); err == nil {
			t.Errorf("cancelled after %d checks: no error", after)
		}
		if n, err := s.CountArticles(t.Context(), store.ArticleFilter{}); err != nil || n != 0 {
			t.Errorf("cancelled after %d checks: %d articles stored (%v), want 0", after, n, err)
		}
	}
}
