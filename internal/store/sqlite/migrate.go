package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/truce/truce/internal/domain"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one schema change: migrations/NNNN_name.sql.
type migration struct {
	version int
	name    string
	sql     string
}

// loadMigrations returns the embedded migrations in version order; their
// versions must be 1, 2, 3… without gaps, so that a database's version says
// exactly which have been applied.
func loadMigrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		return nil, fmt.Errorf("sqlite: read migrations: %w", err)
	}
	var ms []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || !strings.HasSuffix(e.Name(), ".sql") {
			return nil, fmt.Errorf("sqlite: migration %s: want NNNN_name.sql", e.Name())
		}
		b, err := migrationFiles.ReadFile(path.Join("migrations", e.Name()))
		if err != nil {
			return nil, fmt.Errorf("sqlite: read migration %s: %w", e.Name(), err)
		}
		ms = append(ms, migration{version: v, name: e.Name(), sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("sqlite: migration %s: want version %d", m.name, i+1)
		}
	}
	return ms, nil
}

// schemaVersion is the version the embedded migrations bring a database to.
func schemaVersion() int {
	ms, err := loadMigrations()
	if err != nil {
		return 0
	}
	return len(ms)
}

// migrate applies the migrations the database lacks, each in its own
// transaction together with its schema_migrations row, so a crash leaves
// the schema at one version or the next. The writer's transactions are
// IMMEDIATE: two processes opening a new database at once take turns, and
// the second sees the first's version.
func (s *Store) migrate(ctx context.Context) error {
	ms, err := loadMigrations()
	if err != nil {
		return err
	}
	for {
		done, err := s.migrateOne(ctx, ms)
		if err != nil {
			return err
		}
		if done {
			return nil
		}
	}
}

// migrateOne applies the next migration the database lacks and reports
// whether there was none.
func (s *Store) migrateOne(ctx context.Context, ms []migration) (done bool, err error) {
	err = s.withTx(ctx, func(tx *sql.Tx) error {
		version, err := s.currentVersion(ctx, tx)
		if err != nil {
			return err
		}
		if err := checkVersion(s.path, version); err != nil {
			return err
		}
		if version == len(ms) {
			done = true
			return nil
		}
		m := ms[version]
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return fmt.Errorf("sqlite: migration %s: %w", m.name, err)
		}
		if _, err := tx.ExecContext(ctx,
			`INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)`,
			m.version, m.name, s.now().UTC().Format("2006-01-02T15:04:05Z")); err != nil {
			return fmt.Errorf("sqlite: record migration %s: %w", m.name, err)
		}
		return nil
	})
	if err != nil {
		if domain.ErrorCode(err) == domain.EINVALID {
			return false, err
		}
		return false, fmt.Errorf("sqlite: migrate %s: %w", s.path, err)
	}
	return done, nil
}

// currentVersion returns the database's schema version, creating
// schema_migrations in a new database. A database that has tables but no
// schema_migrations belongs to another program and is refused.
func (s *Store) currentVersion(ctx context.Context, tx *sql.Tx) (int, error) {
	var tables int
	err := tx.QueryRowContext(ctx,
		`SELECT count(*) FROM sqlite_schema WHERE name = 'schema_migrations'`).Scan(&tables)
	if err != nil {
		return 0, fmt.Errorf("read schema: %w", err)
	}
	if tables == 0 {
		var others int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema`).Scan(&others); err != nil {
			return 0, fmt.Errorf("read schema: %w", err)
		}
		if others > 0 {
			return 0, domain.Errorf(domain.EINVALID, "open database %s: not a truce database", s.path)
		}
		if _, err := tx.ExecContext(ctx, `CREATE TABLE schema_migrations (
			version    INTEGER PRIMARY KEY,
			name       TEXT NOT NULL,
			applied_at TEXT NOT NULL
		)`); err != nil {
			return 0, fmt.Errorf("create schema_migrations: %w", err)
		}
	}
	var version int
	if err := tx.QueryRowContext(ctx,
		`SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&version); err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return version, nil
}
