package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	"modernc.org/sqlite"

	"github.com/truce/truce/internal/domain"
)

// The full-text index of the articles lives in a database file of its own
// beside the store's (textIndexPath), attached to the store's connections
// as "fts", and is brought up to date with the articles by a connection of
// its own: a database has one writer at a time, and indexing was over a
// third of the writer's work on a bulk ingest, the stage that bounded it.
// Now the writer commits a batch and goes on with the next while the
// indexer indexes the batch, handed over in memory, on the other core.
//
// The index is derived data: it holds only articles already committed, and
// records the seq and id of the last one it holds (fts.indexed), so a
// crash leaves it behind, never ahead or half-written, and a catch-up
// (catchUp) adds the articles after that seq. Searches catch up first, so
// they see every article stored before they began, by any process. An
// index that does not match its store (the store file replaced, its
// newest article deleted) is rebuilt, and so is a missing one.
//
// The index is contentless (content=''): it keeps no copy of the text.

// textIndexSuffix names the index's file after the store's.
const textIndexSuffix = "-fts"

// textIndexVersion is the user_version of an index of this code's schema;
// an index of an older one is rebuilt.
const textIndexVersion = 1

// textIndexSchema creates the index in the attached database fts.
// automerge: merge sixteen segments of a level at a time rather than
// eight: on a bulk ingest of 100,000 articles merging took 3.3 s of CPU at
// 8 and 1.8 s at 16, and a search reads at most sixteen segments a level
// either way (crisismerge, 16 by default, bounds them).
const textIndexSchema = `
CREATE VIRTUAL TABLE fts.articles_fts USING fts5(title, text, content='');
INSERT INTO fts.articles_fts(articles_fts, rank) VALUES ('automerge', 16);
CREATE TABLE fts.indexed (through INTEGER NOT NULL, id TEXT NOT NULL);
INSERT INTO fts.indexed(through, id) VALUES (0, '');
`

// textIndexChunk is the most articles one catch-up transaction indexes,
// so that rebuilding a large index does not hold a read of the store open
// for minutes (which keeps the WAL from being reset), and because FTS5
// indexes a transaction of a few hundred articles faster than one of
// thousands: a bulk ingest that caught up 5,000 at a time took 25% longer.
const textIndexChunk = 500

// textIndexPath is the path of the index of the store at path.
func textIndexPath(path string) string { return path + textIndexSuffix }

// A textIndex brings the full-text index up to date.
type textIndex struct {
	// db is one connection with the store's database as main and the
	// index attached as fts; in memory, the store's only connection.
	db *sql.DB
	// mu serialises this process's catch-ups; other processes' wait on
	// the index's write lock.
	mu sync.Mutex
	// batches carries the articles of each batch the writer stored, in
	// order, to the background indexer, which indexes them from memory
	// rather than reading them back; done closes when it has stopped.
	// Both nil in memory, where searches catch up.
	batches chan storedBatch
	done    chan struct{}
	// storedAny is set once this process has stored articles, so that Close
	// leaves the index complete. (Not under mu: the writer must not wait
	// for a catch-up.)
	storedAny atomic.Bool
}

// A storedBatch is the articles of one committed AddArticles, in seq order.
type storedBatch []storedText

// storedText is what the index needs of a stored article.
type storedText struct {
	seq             int64
	id, title, text string
}

// textIndexQueue is how many stored batches wait for the indexer before
// the writer drops the next (a catch-up then reads it back from the store).
const textIndexQueue = 4

// attachIndex attaches the index at indexPath to a new connection as fts.
func attachIndex(indexPath string) sqlite.ConnectionHookFn {
	return func(conn sqlite.ExecQuerierContext, _ string) error {
		_, err := conn.ExecContext(context.Background(), `ATTACH DATABASE ? AS fts`,
			[]driver.NamedValue{{Ordinal: 1, Value: indexPath}})
		return err
	}
}

// hookedConnector opens connections through base, a connector of the
// driver registered as "sqlite" (with the functions registered on it), and
// runs hook on each.
type hookedConnector struct {
	base driver.Connector
	dsn  string
	hook sqlite.ConnectionHookFn
}

// openHooked opens a pool of connections to dsn that run hook when opened.
func openHooked(dsn string, hook sqlite.ConnectionHookFn) (*sql.DB, error) {
	base, err := sqlite.NewConnector(dsn)
	if err != nil {
		return nil, err
	}
	return sql.OpenDB(hookedConnector{base: base, dsn: dsn, hook: hook}), nil
}

func (c hookedConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.base.Connect(ctx)
	if err != nil {
		return nil, err
	}
	eq, ok := conn.(sqlite.ExecQuerierContext)
	if !ok {
		conn.Close()
		return nil, errors.New("sqlite connection cannot run statements")
	}
	if err := c.hook(eq, c.dsn); err != nil {
		conn.Close()
		return nil, err
	}
	return conn, nil
}

func (c hookedConnector) Driver() driver.Driver { return c.base.Driver() }

// openTextIndex opens the index of the store at path (creating it, or
// making it anew when it is of an older schema) through a connection of
// its own, and starts its background catch-up.
func openTextIndex(ctx context.Context, path string) (*textIndex, error) {
	indexPath := textIndexPath(path)
	fresh, err := checkIndexFile(indexPath)
	if err != nil {
		return nil, err
	}
	if fresh {
		if err := create(ctx, indexPath); err != nil {
			return nil, err
		}
	}
	db, err := openHooked(dsn(path, indexer), func(conn sqlite.ExecQuerierContext, dsn string) error {
		if err := attachIndex(indexPath)(conn, dsn); err != nil {
			return err
		}
		_, err := conn.ExecContext(context.Background(), `PRAGMA fts.synchronous = NORMAL`, nil)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", indexPath, err)
	}
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxIdleTime(0)
	x := &textIndex{db: db, batches: make(chan storedBatch, textIndexQueue), done: make(chan struct{})}
	if err := x.migrate(ctx, indexPath); err != nil {
		db.Close()
		return nil, err
	}
	go x.background()
	return x, nil
}

// memoryTextIndex is the index of an in-memory store: attached to its only
// connection, db.
func memoryTextIndex(ctx context.Context, db *sql.DB) (*textIndex, error) {
	if _, err := db.ExecContext(ctx, `ATTACH DATABASE ':memory:' AS fts`); err != nil {
		return nil, fmt.Errorf("sqlite: full-text index: %w", err)
	}
	x := &textIndex{db: db}
	if err := x.migrate(ctx, Memory); err != nil {
		return nil, err
	}
	return x, nil
}

// checkIndexFile refuses an index path that holds something other than a
// SQLite database; fresh is whether there is none there yet.
func checkIndexFile(indexPath string) (fresh bool, err error) {
	fresh, isDB, err := inspectFile(indexPath)
	if err != nil {
		return false, err
	}
	if !fresh && !isDB {
		return false, domain.Errorf(domain.EINVALID, "open full-text index %s: not a SQLite database", indexPath)
	}
	return fresh, nil
}

// migrate creates the index in a new file, and makes it anew in one of an
// older schema: it is derived, so the next catch-up fills it. A file of a
// newer schema, or a database that is not an index, is refused.
func (x *textIndex) migrate(ctx context.Context, indexPath string) error {
	tx, err := x.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: full-text index %s: %w", indexPath, err)
	}
	defer tx.Rollback()
	var version, objects, ours int
	err = tx.QueryRowContext(ctx, `PRAGMA fts.user_version`).Scan(&version)
	if err == nil {
		err = tx.QueryRowContext(ctx, `SELECT count(*), count(*) FILTER (WHERE name = 'indexed')
			FROM fts.sqlite_schema`).Scan(&objects, &ours)
	}
	if err != nil {
		return fmt.Errorf("sqlite: full-text index %s: %w", indexPath, err)
	}
	switch {
	case version == textIndexVersion:
		return nil
	case version > textIndexVersion:
		return domain.Errorf(domain.EINVALID,
			"open full-text index %s: its version %d is newer than this truce understands (%d); use a newer truce",
			indexPath, version, textIndexVersion)
	case objects > 0 && ours == 0:
		return domain.Errorf(domain.EINVALID, "open full-text index %s: not a truce full-text index", indexPath)
	}
	for _, q := range []string{`DROP TABLE IF EXISTS fts.articles_fts`, `DROP TABLE IF EXISTS fts.indexed`,
		textIndexSchema, fmt.Sprintf(`PRAGMA fts.user_version = %d`, textIndexVersion)} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("sqlite: full-text index %s: %w", indexPath, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: full-text index %s: %w", indexPath, err)
	}
	return nil
}

// background indexes the stored batches until batches closes. Its errors
// are dropped: the index stays behind, and the next catch-up (the next
// batch's, a search's, Close's) tries again and reports.
func (x *textIndex) background() {
	defer close(x.done)
	for b := range x.batches {
		x.indexBatch(context.Background(), b)
	}
}

// stored hands the articles of a committed batch to the indexer, or drops
// them when it is behind: it must not hold the writer up.
func (x *textIndex) stored(b storedBatch) {
	if x.batches == nil || len(b) == 0 {
		return
	}
	x.storedAny.Store(true)
	select {
	case x.batches <- b:
	default:
	}
}

// indexBatch indexes a stored batch from memory when the index holds
// every article before it, and else catches up from the store.
func (x *textIndex) indexBatch(ctx context.Context, b storedBatch) error {
	x.mu.Lock()
	defer x.mu.Unlock()
	tx, err := x.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	through, err := lockIndex(ctx, tx)
	if err != nil {
		return err
	}
	last := b[len(b)-1]
	switch {
	case through >= last.seq:
		return nil
	case through != b[0].seq-1:
		tx.Rollback()
		return x.catchUpLocked(ctx)
	}
	ins, err := tx.PrepareContext(ctx, `INSERT INTO fts.articles_fts(rowid, title, text) VALUES (?, ?, ?)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	for _, a := range b {
		if _, err := ins.ExecContext(ctx, a.seq, a.title, a.text); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE fts.indexed SET through = ?, id = ?`, last.seq, last.id); err != nil {
		return err
	}
	return tx.Commit()
}

// lockIndex takes the index's write lock in tx and returns the seq of the
// last article it holds, after emptying an index that does not match the
// store (the store file replaced, its newest indexed article deleted and
// its seq reused).
func lockIndex(ctx context.Context, tx *sql.Tx) (through int64, err error) {
	// Write first: the index's write lock is then waited for (another
	// process catching up) rather than found taken after reading, which
	// fails the transaction.
	if _, err := tx.ExecContext(ctx, `UPDATE fts.indexed SET through = through`); err != nil {
		return 0, err
	}
	var (
		id     string
		stored sql.NullString
	)
	err = tx.QueryRowContext(ctx, `SELECT i.through, i.id, a.id FROM fts.indexed i
		LEFT JOIN main.articles a ON a.seq = i.through`).Scan(&through, &id, &stored)
	if err != nil {
		return 0, err
	}
	if through > 0 && stored.String != id {
		if _, err := tx.ExecContext(ctx, `INSERT INTO fts.articles_fts(articles_fts) VALUES ('delete-all')`); err != nil {
			return 0, err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE fts.indexed SET through = 0, id = ''`); err != nil {
			return 0, err
		}
		through = 0
	}
	return through, nil
}

// catchUp adds the articles stored after the last one indexed, a chunk a
// transaction, and rebuilds an index that does not match the store.
func (x *textIndex) catchUp(ctx context.Context) error {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.catchUpLocked(ctx)
}

func (x *textIndex) catchUpLocked(ctx context.Context) error {
	for {
		more, err := x.catchUpChunk(ctx)
		if err != nil {
			return fmt.Errorf("full-text index: %w", err)
		}
		if !more {
			return nil
		}
	}
}

// catchUpChunk indexes up to textIndexChunk articles read from the store
// and reports whether there may be more.
func (x *textIndex) catchUpChunk(ctx context.Context) (more bool, err error) {
	tx, err := x.db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	through, err := lockIndex(ctx, tx)
	if err != nil {
		return false, err
	}
	var last sql.NullInt64
	err = tx.QueryRowContext(ctx, `SELECT max(seq) FROM (SELECT seq FROM main.articles
		WHERE seq > ? ORDER BY seq LIMIT ?)`, through, textIndexChunk).Scan(&last)
	if err != nil {
		return false, err
	}
	if !last.Valid {
		// Nothing new; an emptied index still commits.
		return false, tx.Commit()
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO fts.articles_fts(rowid, title, text)
		SELECT seq, title, text FROM main.articles WHERE seq > ? AND seq <= ?`, through, last.Int64); err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE fts.indexed SET through = ?,
		id = (SELECT id FROM main.articles WHERE seq = ?)`, last.Int64, last.Int64); err != nil {
		return false, err
	}
	return true, tx.Commit()
}

// close stops the background catch-up and, when this process stored
// articles, leaves the index complete.
func (x *textIndex) close() error {
	if x.batches == nil {
		return nil
	}
	close(x.batches)
	<-x.done
	var err error
	if x.storedAny.Load() {
		err = x.catchUp(context.Background())
	}
	return errors.Join(err, x.db.Close())
}
