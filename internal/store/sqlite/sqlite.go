package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/store"
)

// Memory is the path that opens a private in-memory database, for tests:
// one connection serves reads and writes, and the data goes with Close.
const Memory = ":memory:"

// busyTimeout is how long a statement waits for another process's lock
// (another truce writing the same file) before it fails.
const busyTimeout = 10 * time.Second

// Store is a store.Store over one SQLite database.
type Store struct {
	path string
	// w is the only connection that writes, so writes are serialised here
	// rather than by SQLite's lock; r is a pool of read-only connections
	// that WAL lets read while w writes.
	w, r *sql.DB
	// now stamps IngestedAt; replaced in tests.
	now func() time.Time
	// bandMergeRows is bandMergeRows, replaced in tests.
	bandMergeRows func(total int64) int64
	// offered counts the articles given to AddArticles, and bands is the
	// filter of stored bands built once they reach dupFilterAfter
	// (dupFilterAfter, replaced in tests); the writer's, used inside its
	// transactions only.
	offered, dupFilterAfter int64
	filter                  *dupFilter
	// ckpt is a connection of its own that copies the WAL back into the
	// database after writes, on another core than the writer's, so that
	// the writer rarely does it in the middle of a commit. kick wakes it;
	// ckptDone closes when it has stopped.
	ckpt     *sql.DB
	kick     chan struct{}
	ckptDone chan struct{}
	// text brings the full-text index, in a file of its own, up to date
	// with the articles.
	text *textIndex

	closeOnce sync.Once
	closeErr  error
}

var _ store.Store = (*Store)(nil)

// Open opens the database at path, creating it when it does not exist, and
// brings its schema up to date. A path that holds something other than a
// SQLite database, a SQLite database of another program, or a truce
// database of a newer version is an EINVALID *domain.Error naming the path;
// nothing is written to it.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, domain.Errorf(domain.EINVALID, "open database: no path given")
	}
	if path != Memory {
		fresh, err := checkFile(ctx, path)
		if err != nil {
			return nil, err
		}
		if fresh {
			if err := create(ctx, path); err != nil {
				return nil, err
			}
		}
	}
	s := &Store{path: path, now: time.Now, bandMergeRows: bandMergeRows, dupFilterAfter: dupFilterAfter}
	var err error
	if path == Memory {
		s.w, err = sql.Open("sqlite", "file::memory:?"+params(writer))
		if err != nil {
			return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
		}
		// An in-memory database lives in its connection: keep exactly one.
		s.w.SetMaxOpenConns(1)
		s.w.SetMaxIdleConns(1)
		s.w.SetConnMaxLifetime(0)
		s.w.SetConnMaxIdleTime(0)
		s.r = s.w
	} else {
		s.w, err = sql.Open("sqlite", dsn(path, writer))
		if err != nil {
			return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
		}
		s.w.SetMaxOpenConns(1)
		s.w.SetMaxIdleConns(1)
		s.w.SetConnMaxIdleTime(0)
	}
	if err := s.migrate(ctx); err != nil {
		s.w.Close()
		return nil, err
	}
	if path == Memory {
		if s.text, err = memoryTextIndex(ctx, s.w); err != nil {
			s.w.Close()
			return nil, err
		}
	} else {
		if s.text, err = openTextIndex(ctx, path); err != nil {
			s.w.Close()
			return nil, err
		}
		s.r, err = openHooked(dsn(path, reader), attachIndex(textIndexPath(path)))
		if err != nil {
			s.text.close()
			s.w.Close()
			return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
		}
		n := max(4, runtime.GOMAXPROCS(0))
		s.r.SetMaxOpenConns(n)
		s.r.SetMaxIdleConns(n)
		s.ckpt, err = sql.Open("sqlite", plainDSN(path))
		if err != nil {
			s.text.close()
			s.r.Close()
			s.w.Close()
			return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
		}
		s.ckpt.SetMaxOpenConns(1)
		s.kick = make(chan struct{}, 1)
		s.ckptDone = make(chan struct{})
		go s.checkpoints()
	}
	return s, nil
}

// checkpoints runs a passive checkpoint after writes until Close: it
// copies committed pages from the WAL into the database file without
// waiting for or blocking the writer or readers. It is best effort; the
// writer's own automatic checkpoint (at walAutoCheckpoint pages) bounds
// the WAL when it falls behind.
func (s *Store) checkpoints() {
	defer close(s.ckptDone)
	for range s.kick {
		s.ckpt.Exec("PRAGMA wal_checkpoint(PASSIVE)")
	}
}

// walAutoCheckpoint is the size of the WAL, in pages, at which the writer
// checkpoints itself (40 MiB at pageSize): ten times SQLite's default,
// since the background checkpoint normally keeps the WAL below it.
const walAutoCheckpoint = 40 << 20 / pageSize

// wrote tells the checkpointer that a write committed.
func (s *Store) wrote() {
	if s.kick == nil {
		return
	}
	select {
	case s.kick <- struct{}{}:
	default:
	}
}

// pageSize is the page size of a new database: eight times SQLite's
// default. Articles are long and mostly appended, and so are the
// full-text index's segments; with 4 KiB pages a bulk ingest spent a fifth
// of its time in the system calls that write each page to the WAL and
// copy it into the database (two a page each way), and these are a
// quarter as many with 32 KiB pages, which cost the small records' reads
// and writes little.
const pageSize = 32768

// create makes the empty database at path with its page size, which a
// database in WAL mode can no longer change, before the store's
// connections (whose settings switch it to WAL mode first) open it.
func create(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite", plainDSN(path))
	if err != nil {
		return fmt.Errorf("sqlite: create %s: %w", path, err)
	}
	defer db.Close()
	for _, q := range []string{fmt.Sprintf("PRAGMA page_size = %d", pageSize), "PRAGMA journal_mode = WAL"} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("sqlite: create %s: %w", path, err)
		}
	}
	return nil
}

// sqliteHeader starts every SQLite database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// checkFile refuses a path that exists and is not a truce database of a
// version this code understands, before anything is written to it:
// opening it for the store would switch it to WAL mode first. fresh is
// whether there is no database there yet: no file, or an empty one.
func checkFile(ctx context.Context, path string) (fresh bool, err error) {
	fresh, isDB, err := inspectFile(path)
	switch {
	case err != nil:
		return false, err
	case fresh:
		return true, nil
	case !isDB:
		return false, domain.Errorf(domain.EINVALID, "open database %s: not a SQLite database", path)
	}
	return false, checkSchema(ctx, path)
}

// inspectFile says whether there is no database at path yet (no file, or
// an empty one), and else whether the file is a SQLite database; the error
// names what is wrong with path.
func inspectFile(path string) (fresh, isDB bool, err error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		// A new database; SQLite would say only "unable to open database
		// file" about a missing directory.
		if st, err := os.Stat(filepath.Dir(path)); err != nil || !st.IsDir() {
			return false, false, domain.Errorf(domain.EINVALID, "open database %s: no directory %s", path, filepath.Dir(path))
		}
		return true, false, nil
	}
	if err != nil {
		return false, false, domain.Errorf(domain.EINVALID, "open database %s: %v", path, unwrapPathError(err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return false, false, domain.Errorf(domain.EINVALID, "open database %s: %v", path, unwrapPathError(err))
	}
	if st.IsDir() {
		return false, false, domain.Errorf(domain.EINVALID, "open database %s: is a directory", path)
	}
	if st.Size() == 0 {
		// SQLite treats an empty file as an empty database.
		return true, false, nil
	}
	head := make([]byte, len(sqliteHeader))
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, sqliteHeader) {
		return false, false, nil
	}
	return false, true, nil
}

// checkSchema reads the schema of an existing database through a plain
// connection that changes nothing. (A read-only one would leave the -wal
// and -shm files of a WAL database behind, since it may not remove them.)
func checkSchema(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite", plainDSN(path))
	if err != nil {
		return fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	defer db.Close()
	var ours, objects int
	err = db.QueryRowContext(ctx, `SELECT count(*) FILTER (WHERE name = 'schema_migrations'),
		count(*) FROM sqlite_schema`).Scan(&ours, &objects)
	if err != nil {
		if sqliteCode(err) == sqlite3.SQLITE_NOTADB {
			return domain.Errorf(domain.EINVALID, "open database %s: not a SQLite database", path)
		}
		return fmt.Errorf("sqlite: open %s: read schema: %w", path, err)
	}
	if ours == 0 {
		if objects > 0 {
			return domain.Errorf(domain.EINVALID, "open database %s: not a truce database", path)
		}
		return nil
	}
	var version int
	if err := db.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&version); err != nil {
		return fmt.Errorf("sqlite: open %s: read schema version: %w", path, err)
	}
	return checkVersion(path, version)
}

// checkVersion refuses a database whose schema is newer than the
// migrations this code carries: its writes could break what the newer
// version relies on.
func checkVersion(path string, version int) error {
	if known := schemaVersion(); version > known {
		return domain.Errorf(domain.EINVALID,
			"open database %s: its schema version %d is newer than this truce understands (%d); use a newer truce",
			path, version, known)
	}
	return nil
}

func unwrapPathError(err error) error {
	if pe, ok := errors.AsType[*os.PathError](err); ok {
		return pe.Err
	}
	return err
}

// A role is what a connection is for, which its settings follow.
type role int

const (
	writer role = iota
	reader
	// indexer reads the store and writes its full-text index.
	indexer
)

// dsn is the connection string for path: a file: URI, so that a path with
// '?' or '#' in it stays a path.
func dsn(path string, r role) string {
	return "file:" + escapePath(path) + "?" + params(r)
}

// params are the connection's settings. WAL lets readers read while the
// writer writes; synchronous=NORMAL is durable against a crash of the
// process (only a power loss can take the last transactions back, never
// corrupt the file); busy_timeout makes a second process wait rather than
// fail. The writer begins its transactions IMMEDIATE, so that two
// processes never both read and then find they cannot write.
func params(r role) string {
	p := []string{
		fmt.Sprintf("_pragma=busy_timeout(%d)", busyTimeout.Milliseconds()),
		"_pragma=foreign_keys(1)",
		"_pragma=journal_mode(WAL)",
		"_pragma=synchronous(NORMAL)",
	}
	switch r {
	case writer:
		// A bigger page cache for the writer keeps the b-tree interiors
		// of the indexes it inserts into in memory (16 MiB: 32 MiB was no
		// faster on a bulk ingest of 100,000 articles, and 30 MB more at
		// its peak); statement
		// journals (multi-row statements that may fail halfway) in
		// memory rather than in temporary files saves a write system
		// call per page.
		p = append(p, "_pragma=cache_size(-16384)", "_pragma=temp_store(2)", "_txlock=immediate",
			fmt.Sprintf("_pragma=wal_autocheckpoint(%d)", walAutoCheckpoint))
	case reader:
		p = append(p, "_pragma=cache_size(-8192)", "_pragma=query_only(1)")
	case indexer:
		// Its transactions are deferred: an immediate one would take the
		// store's write lock too, which it never writes.
		p = append(p, "_pragma=cache_size(-4096)", "_pragma=temp_store(2)")
	}
	return strings.Join(p, "&")
}

// plainDSN is the connection string for path with none of the store's
// settings but the busy timeout: for a connection that must not change
// the file (checkSchema), or sets it up itself (create, the checkpointer).
func plainDSN(path string) string {
	return "file:" + escapePath(path) + "?" + fmt.Sprintf("_pragma=busy_timeout(%d)", busyTimeout.Milliseconds())
}

// escapePath escapes what a URI would take for something else.
func escapePath(path string) string {
	var b strings.Builder
	for i := 0; i < len(path); i++ {
		c := path[i]
		if c == '?' || c == '#' || c == '%' || c < 0x20 || c == 0x7f {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// Close closes the database; calls after the first return its result.
func (s *Store) Close() error {
	s.closeOnce.Do(func() {
		errs := []error{s.text.close()}
		if s.kick != nil {
			close(s.kick)
			<-s.ckptDone
			errs = append(errs, s.ckpt.Close())
		}
		if s.r != s.w {
			errs = append(errs, s.r.Close())
		}
		// Let SQLite refresh its statistics for the query planner, as it
		// advises at close; it is quick when nothing changed.
		if _, err := s.w.Exec("PRAGMA optimize"); err != nil {
			errs = append(errs, err)
		}
		errs = append(errs, s.w.Close())
		if err := errors.Join(errs...); err != nil {
			s.closeErr = fmt.Errorf("sqlite: close %s: %w", s.path, err)
		}
	})
	return s.closeErr
}

// withTx runs fn in a transaction on the writer connection and commits it,
// or rolls it back when fn or the commit fails.
func (s *Store) withTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	s.wrote()
	return nil
}

// sqliteCode returns the primary SQLite result code of err, or 0.
func sqliteCode(err error) int {
	if e, ok := errors.AsType[*sqlite.Error](err); ok {
		return e.Code() & 0xff
	}
	return 0
}

// isConstraint reports whether err is a violated constraint (a unique id
// stored twice, a reference to a missing row).
func isConstraint(err error) bool { return sqliteCode(err) == sqlite3.SQLITE_CONSTRAINT }
