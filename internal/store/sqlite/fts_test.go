package sqlite

import (
	"database/sql"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/store"
	"github.com/truce/truce/internal/store/storetest"
)

// search returns the ids of the articles that match q, sorted.
func search(t *testing.T, s *Store, q string) []string {
	t.Helper()
	as, _, err := s.Articles(t.Context(), store.ArticleFilter{Q: q, Page: store.Page{Limit: 1000}})
	if err != nil {
		t.Fatalf("search %q: %v", q, err)
	}
	var ids []string
	for _, a := range as {
		ids = append(ids, a.ID)
	}
	slices.Sort(ids)
	return ids
}

func addTexts(t *testing.T, s *Store, texts map[string]string) {
	t.Helper()
	var as []*domain.Article
	for id, text := range texts {
		as = append(as, storetest.NewArticle(id, text, time.Time{}))
	}
	if _, err := s.AddArticles(t.Context(), as); err != nil {
		t.Fatal(err)
	}
}

// TestSearchSeesOtherWriters: a search finds the articles another store
// on the same file stored before it, whether or not that store's
// background indexer has got to them.
func TestSearchSeesOtherWriters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "truce.db")
	a, b := openPath(t, path), openPath(t, path)
	addTexts(t, a, map[string]string{"a1": "Shelling near Stepanakert.", "a2": "Talks in Brussels."})
	if got := search(t, b, "shelling"); !slices.Equal(got, []string{"a1"}) {
		t.Errorf("the other store found %v, want [a1]", got)
	}
	addTexts(t, b, map[string]string{"b1": "More shelling reported."})
	addTexts(t, a, map[string]string{"a3": "Shelling resumed at dawn."})
	for _, s := range []*Store{a, b} {
		if got := search(t, s, "shelling"); !slices.Equal(got, []string{"a1", "a3", "b1"}) {
			t.Errorf("found %v, want [a1 a3 b1]", got)
		}
	}
}

// TestIndexCompleteAfterClose: Close leaves every stored article in the
// index, so the next process's first search has nothing to catch up on.
func TestIndexCompleteAfterClose(t *testing.T) {
	path := filepath.Join(t.TempDir(), "truce.db")
	s, err := Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 20 {
		addTexts(t, s, map[string]string{
			"x" + string(rune('a'+i)): "A ceasefire was announced in batch " + string(rune('a'+i)) + ".",
		})
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", "file:"+textIndexPath(path))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var through, n int64
	if err := db.QueryRow(`SELECT through FROM indexed`).Scan(&through); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow(`SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'ceasefire'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if through != 20 || n != 20 {
		t.Errorf("index holds through seq %d and %d matches, want 20 and 20", through, n)
	}
	// Opening the store again keeps the index.
	s = openPath(t, path)
	if err := s.text.db.QueryRow(`SELECT through FROM fts.indexed`).Scan(&through); err != nil {
		t.Fatal(err)
	}
	if through != 20 {
		t.Errorf("reopened, the index holds through seq %d, want 20", through)
	}
}

// TestIndexRebuilt: an index deleted, or one that belongs to another store
// (a store file replaced beside its old index), is made anew from the
// articles rather than answering for articles that are not there.
func TestIndexRebuilt(t *testing.T) {
	dir := t.TempDir()
	first, second := filepath.Join(dir, "first.db"), filepath.Join(dir, "second.db")
	s := openPath(t, first)
	addTexts(t, s, map[string]string{"f1": "Drone strike on a depot.", "f2": "Drone sightings over the border."})
	s.Close()
	s = openPath(t, second)
	addTexts(t, s, map[string]string{"s1": "Protest in the capital."})
	s.Close()

	// The second store's file in the first's place, beside the first's
	// index.
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(first + suffix)
	}
	data, err := os.ReadFile(second)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(first, data, 0o644); err != nil {
		t.Fatal(err)
	}
	s = openPath(t, first)
	if got := search(t, s, "drone"); len(got) != 0 {
		t.Errorf("found %v for drone in a store without it, want none", got)
	}
	if got := search(t, s, "protest"); !slices.Equal(got, []string{"s1"}) {
		t.Errorf("found %v for protest, want [s1]", got)
	}
	s.Close()

	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(textIndexPath(second) + suffix)
	}
	s = openPath(t, second)
	if got := search(t, s, "protest"); !slices.Equal(got, []string{"s1"}) {
		t.Errorf("found %v for protest after the index was deleted, want [s1]", got)
	}
}

// TestIndexFileRefused: something other than a SQLite database where the
// index belongs is an error naming it, and the store file is left alone.
func TestIndexFileRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "truce.db")
	if err := os.WriteFile(textIndexPath(path), []byte("not a database"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Open(t.Context(), path)
	if domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(err.Error(), textIndexPath(path)) {
		t.Fatalf("got %v, want an EINVALID error naming %s", err, textIndexPath(path))
	}
}

// TestUpgradeMovesIndex: a database of schema version 2, whose index was
// inside it, opens at the current version with its articles searchable
// and the old index gone.
func TestUpgradeMovesIndex(t *testing.T) {
	path := filepath.Join(t.TempDir(), "truce.db")
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(WAL)")
	if err != nil {
		t.Fatal(err)
	}
	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	stmts := []string{`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`}
	for _, m := range ms[:2] {
		stmts = append(stmts, m.sql, `INSERT INTO schema_migrations VALUES (`+itoa(m.version)+`, '`+m.name+`', '2026-01-01T00:00:00Z')`)
	}
	stmts = append(stmts, `INSERT INTO articles(id, hash, title, source, byline, published, date_text, format, origin, signature, ingested_at, text)
		VALUES ('old', 'h', 'An old article', 'Wire', '', 0, '', 'text', 'x', x'00', 0, 'Artillery fire near the old bridge.')`,
		`INSERT INTO articles_fts(rowid, title, text) SELECT seq, title, text FROM articles`)
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			db.Close()
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()

	s := openPath(t, path)
	if got := search(t, s, "artillery"); !slices.Equal(got, []string{"old"}) {
		t.Errorf("found %v, want [old]", got)
	}
	var n int
	if err := s.r.QueryRow(`SELECT count(*) FROM main.sqlite_schema WHERE name LIKE 'articles_fts%'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("%d objects of the old index left in the database, want 0", n)
	}
}
