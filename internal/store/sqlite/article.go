package sqlite

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	sqlite3 "modernc.org/sqlite/lib"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/store"
)

// unknownPublished is the published column of an article whose date is
// unknown: Go's zero time, earlier than any real date, so that it sorts
// last in a newest-first listing.
var unknownPublished = time.Time{}.Unix()

// AddArticles stores a batch of articles in one transaction; see
// store.Store. Duplicates are found by looking each article up as it comes,
// inside the transaction, so that the batch's own earlier articles count.
func (s *Store) AddArticles(ctx context.Context, articles []*domain.Article) ([]store.AddResult, error) {
	for i, a := range articles {
		if err := validArticle(a); err != nil {
			return nil, domain.Errorf(domain.EINVALID, "add articles: article %d of the batch: %s", i+1, err)
		}
	}
	results := make([]store.AddResult, len(articles))
	if len(articles) == 0 {
		return results, nil
	}
	now := s.now()
	var stored storedBatch
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		ins, err := newArticleInserter(ctx, tx)
		if err != nil {
			return err
		}
		defer ins.close()
		if ins.filter, err = s.dupFilter(ctx, tx, len(articles)); err != nil {
			return err
		}
		// The statements of each article are short, so they run without
		// ctx's cancellation and ctx is checked between articles: the
		// driver starts a goroutine to watch the context of every
		// statement that has one, three an article, and on a bulk ingest
		// scheduling them cost the writer more than the statements.
		qctx := context.WithoutCancel(ctx)
		for i, a := range articles {
			if err := ctx.Err(); err != nil {
				return err
			}
			if results[i], err = ins.add(qctx, a, now); err != nil {
				return fmt.Errorf("article %q: %w", a.ID, err)
			}
		}
		stored = ins.stored
		return mergeBands(ctx, tx, s.bandMergeRows)
	})
	if err != nil {
		return nil, errf("add articles: %w", err)
	}
	s.text.stored(stored)
	return results, nil
}

// validArticle says what an article lacks that AddArticles needs.
func validArticle(a *domain.Article) error {
	switch {
	case a == nil:
		return errors.New("nil article")
	case a.ID == "":
		return errors.New("no id")
	case a.Hash == "":
		return errors.New("no hash")
	case len(a.Signature) != domain.SignatureSize:
		return fmt.Errorf("signature of %d values, want %d", len(a.Signature), domain.SignatureSize)
	}
	return nil
}

// articleInserter holds the statements AddArticles runs for every article,
// prepared once per batch.
type articleInserter struct {
	// lookupExact is lookup without the near-duplicate candidates.
	lookup, lookupExact, insert, bands *sql.Stmt
	// filter, when not nil, holds every stored band, and the inserter
	// adds the bands it stores.
	filter *dupFilter
	// stored are the articles stored, for the full-text index.
	stored storedBatch
	// args are the lookup's and bandArgs the bands' arguments, reused.
	args, bandArgs []any
}

func newArticleInserter(ctx context.Context, tx *sql.Tx) (*articleInserter, error) {
	ins := &articleInserter{
		args:     make([]any, 0, 3+domain.SignatureBands),
		bandArgs: make([]any, 0, 2*domain.SignatureBands),
	}
	var marks strings.Builder
	for i := range domain.SignatureBands {
		if i > 0 {
			marks.WriteByte(',')
		}
		fmt.Fprintf(&marks, "?%d", 4+i)
	}
	pairs := strings.TrimSuffix(strings.Repeat("(?,?),", domain.SignatureBands), ",")
	for _, p := range []struct {
		stmt **sql.Stmt
		sql  string
	}{
		// The stored articles with the same id, hash or URL (kinds 0, 1,
		// 2), then the near-duplicate candidates (3), earliest first: one
		// query rather than two, as each costs a round trip through the
		// driver per article. A candidate shares at least
		// domain.MinSharedBands bands, as any near-duplicate must: an
		// article that shares one band by chance is not read (each is a
		// random page of a large table; on news with a shared vocabulary
		// there were ten such an article, and reading them was a third of
		// the ingest).
		{&ins.lookup, `SELECT 0 AS kind, seq, id, NULL FROM articles WHERE id = ?1
			UNION ALL SELECT 1, seq, id, NULL FROM articles WHERE hash = ?2
			UNION ALL SELECT 2, seq, id, NULL FROM articles WHERE url = ?3
			UNION ALL SELECT 3, seq, id, signature FROM articles WHERE seq IN (
				SELECT article_seq FROM (
					SELECT article_seq FROM article_bands WHERE band_hash IN (` + marks.String() + `)
					UNION ALL
					SELECT article_seq FROM article_bands_new WHERE band_hash IN (` + marks.String() + `))
				GROUP BY article_seq HAVING count(*) >= ` + strconv.Itoa(domain.MinSharedBands) + `)
			ORDER BY kind, seq`},
		{&ins.lookupExact, `SELECT 0 AS kind, seq, id, NULL FROM articles WHERE id = ?1
			UNION ALL SELECT 1, seq, id, NULL FROM articles WHERE hash = ?2
			UNION ALL SELECT 2, seq, id, NULL FROM articles WHERE url = ?3
			ORDER BY kind, seq`},
		{&ins.insert, `INSERT INTO articles(id, hash, url, title, source, byline,
			published, date_text, format, origin, signature, duplicate_of,
			ingested_at, coder_version, text)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?)`},
		// Two bands of one signature may hash alike; one row is enough.
		{&ins.bands, `INSERT OR IGNORE INTO article_bands_new(band_hash, article_seq) VALUES ` + pairs},
	} {
		st, err := tx.PrepareContext(ctx, p.sql)
		if err != nil {
			ins.close()
			return nil, fmt.Errorf("prepare: %w", err)
		}
		*p.stmt = st
	}
	return ins, nil
}

func (ins *articleInserter) close() {
	for _, st := range []*sql.Stmt{ins.lookup, ins.lookupExact, ins.insert, ins.bands} {
		if st != nil {
			st.Close()
		}
	}
}

// add stores one article unless it is a duplicate.
func (ins *articleInserter) add(ctx context.Context, a *domain.Article, now time.Time) (store.AddResult, error) {
	res := store.AddResult{ID: a.ID, Status: store.New}
	ins.args = append(ins.args[:0], a.ID, a.Hash, nullString(a.URL))
	// The candidates share MinSharedBands bands; when the filter says no
	// stored article may, there are none to look up.
	bands := a.Signature.Bands()
	for _, b := range bands {
		ins.args = append(ins.args, int64(b))
	}
	candidates := ins.filter == nil || ins.filter.mayBeNear(bands)
	var keys []uint64
	if ins.filter != nil {
		keys = articleKeys(a.ID, a.Hash, a.URL)
	}
	var dup, near string
	var err error
	if candidates || ins.filter.mayBeDuplicate(keys) {
		dup, near, err = ins.find(ctx, a.Signature, candidates)
	}
	switch {
	case err != nil:
		return res, err
	case dup != "":
		res.Status, res.DuplicateOf = store.Duplicate, dup
		return res, nil
	case near != "":
		res.Status, res.DuplicateOf = store.NearDuplicate, near
	}

	ingested := a.IngestedAt
	if ingested.IsZero() {
		ingested = now
	}
	r, err := ins.insert.ExecContext(ctx, a.ID, a.Hash, nullString(a.URL), a.Title, a.Source,
		a.Byline, publishedKey(a.Published), a.DateText, a.Format, a.Origin,
		encodeSignature(a.Signature), nullString(res.DuplicateOf), ingested.UnixNano(), a.Text)
	if err != nil {
		return res, fmt.Errorf("insert: %w", err)
	}
	seq, err := r.LastInsertId()
	if err != nil {
		return res, fmt.Errorf("insert: %w", err)
	}
	ins.stored = append(ins.stored, storedText{seq: seq, id: a.ID, title: a.Title, text: a.Text})
	// A near-duplicate's bands are left out: it is never the earliest of
	// anything that it does not itself duplicate.
	if res.Status != store.New {
		bands = nil
	}
	if ins.filter != nil {
		ins.filter.addArticle(keys, bands)
	}
	if len(bands) > 0 {
		ins.bandArgs = ins.bandArgs[:0]
		for _, b := range bands {
			ins.bandArgs = append(ins.bandArgs, int64(b), seq)
		}
		if _, err := ins.bands.ExecContext(ctx, ins.bandArgs...); err != nil {
			return res, fmt.Errorf("insert bands: %w", err)
		}
	}
	return res, nil
}

// find runs the lookup with ins.args and returns the id of the stored
// article that the article duplicates, else the id of the earliest whose
// signature is within the near-duplicate threshold of sig, else "". It
// looks for near-duplicates only when candidates is set.
func (ins *articleInserter) find(ctx context.Context, sig domain.Signature, candidates bool) (dup, near string, err error) {
	var rows *sql.Rows
	if candidates {
		rows, err = ins.lookup.QueryContext(ctx, ins.args...)
	} else {
		rows, err = ins.lookupExact.QueryContext(ctx, ins.args[:3]...)
	}
	if err != nil {
		return "", "", fmt.Errorf("find duplicates: %w", err)
	}
	defer rows.Close()
	var (
		kind, seq int64
		id        string
		blob      []byte
	)
	for rows.Next() {
		if err := rows.Scan(&kind, &seq, &id, &blob); err != nil {
			return "", "", fmt.Errorf("find duplicates: %w", err)
		}
		if kind < 3 {
			return id, "", nil
		}
		if sig.Similarity(decodeSignature(blob)) >= domain.NearDuplicateThreshold {
			return "", id, nil
		}
	}
	if err := rows.Err(); err != nil {
		return "", "", fmt.Errorf("find duplicates: %w", err)
	}
	return "", "", nil
}

// bandMergeRows is how many bands article_bands_new holds before
// mergeBands moves them, given how many article_bands holds: the square
// root of 8,000 times that, and at least 64Ki. A batch's inserts dirty
// about every page of article_bands_new (rows/200 pages), and a merge
// rewrites every page of article_bands (total/200) once per rows/16
// articles; per article that is rows/100,000 + 0.08·total/rows pages, least
// at this size: about 2 pages an article at 100,000 articles, 7 at a
// million, where inserting into article_bands directly dirtied up to 16.
func bandMergeRows(total int64) int64 {
	return max(1<<16, int64(math.Sqrt(8000*float64(total))))
}

// mergeBands moves the bands of article_bands_new into article_bands, in
// key order so that each page of article_bands is written once, when
// article_bands_new has grown to mergeAt(rows in article_bands). The row
// counts are estimated from seqs (16 bands an article), which is cheap and
// close enough: near-duplicates have no bands.
func mergeBands(ctx context.Context, tx *sql.Tx, mergeAt func(total int64) int64) error {
	var merged, last int64
	if err := tx.QueryRowContext(ctx, `SELECT merged_through,
		(SELECT coalesce(max(seq), 0) FROM articles) FROM band_merges`).Scan(&merged, &last); err != nil {
		return fmt.Errorf("merge bands: %w", err)
	}
	bands := int64(domain.SignatureBands)
	if bands*(last-merged) < mergeAt(bands*merged) {
		return nil
	}
	for _, q := range []struct {
		sql  string
		args []any
	}{
		// OR IGNORE: a statement that cannot fail halfway needs no
		// statement journal, which (in memory, temp_store=2) would hold
		// a copy of every page of article_bands the merge changes.
		{`INSERT OR IGNORE INTO article_bands(band_hash, article_seq)
			SELECT band_hash, article_seq FROM article_bands_new ORDER BY band_hash, article_seq`, nil},
		{`DELETE FROM article_bands_new`, nil},
		{`UPDATE band_merges SET merged_through = ?`, []any{last}},
	} {
		if _, err := tx.ExecContext(ctx, q.sql, q.args...); err != nil {
			return fmt.Errorf("merge bands: %w", err)
		}
	}
	return nil
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func publishedKey(t time.Time) int64 {
	if t.IsZero() {
		return unknownPublished
	}
	return t.Unix()
}

func encodeSignature(sig domain.Signature) []byte {
	b := make([]byte, 4*len(sig))
	for i, v := range sig {
		binary.LittleEndian.PutUint32(b[4*i:], v)
	}
	return b
}

func decodeSignature(b []byte) domain.Signature {
	sig := make(domain.Signature, len(b)/4)
	for i := range sig {
		sig[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return sig
}

// articleCols are the columns scanArticle reads, text last and optional.
const articleCols = `a.id, a.hash, a.url, a.title, a.source, a.byline, a.published,
	a.date_text, a.format, a.origin, a.signature, a.duplicate_of, a.ingested_at,
	a.coder_version`

// scanArticle reads a row of articleCols, then text when withText.
func scanArticle(sc interface{ Scan(...any) error }, withText bool) (*domain.Article, error) {
	var (
		a                   domain.Article
		url, dup            sql.NullString
		published, ingested int64
		sig                 []byte
	)
	dest := []any{&a.ID, &a.Hash, &url, &a.Title, &a.Source, &a.Byline, &published,
		&a.DateText, &a.Format, &a.Origin, &sig, &dup, &ingested, &a.CoderVersion}
	if withText {
		dest = append(dest, &a.Text)
	}
	if err := sc.Scan(dest...); err != nil {
		return nil, err
	}
	a.URL, a.DuplicateOf = url.String, dup.String
	if published != unknownPublished {
		a.Published = time.Unix(published, 0).UTC()
	}
	a.IngestedAt = time.Unix(0, ingested).UTC()
	a.Signature = decodeSignature(sig)
	return &a, nil
}

// Article returns one article with its text, or ENOTFOUND.
func (s *Store) Article(ctx context.Context, id string) (*domain.Article, error) {
	row := s.r.QueryRowContext(ctx, `SELECT `+articleCols+`, a.text FROM articles a WHERE a.id = ?`, id)
	a, err := scanArticle(row, true)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.Errorf(domain.ENOTFOUND, "article %q not found", id)
	}
	if err != nil {
		return nil, errf("article %q: %w", id, err)
	}
	return a, nil
}

// articleWhere builds the conditions of an article filter.
func articleWhere(f store.ArticleFilter) *where {
	w := &where{}
	if !f.Since.IsZero() {
		w.add("a.published >= ?", f.Since.Time().Unix())
	}
	if !f.Until.IsZero() {
		w.add("a.published < ?", f.Until.AddDays(1).Time().Unix())
		if f.Since.IsZero() {
			w.add("a.published > ?", unknownPublished)
		}
	}
	if f.Source != "" {
		w.add("a.source = ?", f.Source)
	}
	if strings.TrimSpace(f.Q) != "" {
		w.add("a.seq IN (SELECT rowid FROM fts.articles_fts WHERE articles_fts MATCH ?)", f.Q)
	}
	return w
}

// searchable brings the full-text index up to date when f searches it, so
// that the search sees every article stored before it began.
func (s *Store) searchable(ctx context.Context, f store.ArticleFilter) error {
	if strings.TrimSpace(f.Q) == "" {
		return nil
	}
	return s.text.catchUp(ctx)
}

// Articles lists articles, newest publication first; see store.Store.
func (s *Store) Articles(ctx context.Context, f store.ArticleFilter) ([]*domain.Article, store.Cursor, error) {
	limit, err := pageLimit(f.Page)
	if err != nil {
		return nil, "", err
	}
	after, err := decodeCursor("article", f.After)
	if err != nil {
		return nil, "", err
	}
	if err := s.searchable(ctx, f); err != nil {
		return nil, "", errf("articles: %w", err)
	}
	w := articleWhere(f)
	w.keyset("a.published", "a.id", after)
	cols := articleCols
	if f.WithText {
		cols += ", a.text"
	}
	q := `SELECT ` + cols + ` FROM articles a` + w.String() +
		` ORDER BY a.published DESC, a.id DESC LIMIT ` + itoa(limit+1)
	rows, err := s.r.QueryContext(ctx, q, w.args...)
	if err != nil {
		return nil, "", searchError(f.Q, errf("articles: %w", err))
	}
	defer rows.Close()
	var out []*domain.Article
	for rows.Next() {
		a, err := scanArticle(rows, f.WithText)
		if err != nil {
			return nil, "", errf("articles: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, "", searchError(f.Q, errf("articles: %w", err))
	}
	var next store.Cursor
	if len(out) > limit {
		out = out[:limit]
		last := out[limit-1]
		next = cursor{Kind: "article", Key: publishedKey(last.Published), ID: last.ID}.encode()
	}
	return out, next, nil
}

// CountArticles counts the articles f selects.
func (s *Store) CountArticles(ctx context.Context, f store.ArticleFilter) (int, error) {
	if err := s.searchable(ctx, f); err != nil {
		return 0, errf("count articles: %w", err)
	}
	w := articleWhere(f)
	var n int
	err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM articles a`+w.String(), w.args...).Scan(&n)
	if err != nil {
		return 0, searchError(f.Q, errf("count articles: %w", err))
	}
	return n, nil
}

// searchError turns SQLite's complaint about a full-text query into an
// EINVALID error that names the query; other errors pass through.
func searchError(q string, err error) error {
	if q == "" || sqliteCode(err) != sqlite3.SQLITE_ERROR {
		return err
	}
	msg := err.Error()
	reason := "malformed"
	for _, marker := range []string{"fts5: ", "no such column: ", "unknown special query: "} {
		if i := strings.Index(msg, marker); i >= 0 {
			reason = msg[i:]
			if marker == "fts5: " {
				reason = msg[i+len(marker):]
			}
			break
		}
	}
	reason = strings.TrimSuffix(reason, " (1)")
	return domain.Errorf(domain.EINVALID, "search query %q: %s", q, reason)
}

// Uncoded returns up to limit articles that need coding by version, oldest
// ingested (stored) first, with their text.
//
// "Every coder version but this one" is not one index range, and scanning
// the articles in ingestion order reads every coded article before the
// first uncoded one. So it takes the few distinct versions stored (a skip
// scan of articles_uncoded, one seek each), the first limit articles of
// each other version (one index range each), and merges them.
func (s *Store) Uncoded(ctx context.Context, version string, limit int) ([]*domain.Article, error) {
	if limit <= 0 {
		limit = store.DefaultLimit
	}
	limit = min(limit, store.MaxLimit)
	// One snapshot for the three steps.
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, errf("uncoded: %w", err)
	}
	defer tx.Rollback()
	versions, err := queryStrings(ctx, tx, `WITH RECURSIVE v(x) AS (
			SELECT min(coder_version) FROM articles WHERE duplicate_of IS NULL
			UNION ALL
			SELECT (SELECT min(coder_version) FROM articles
				WHERE duplicate_of IS NULL AND coder_version > x)
			FROM v WHERE x IS NOT NULL)
		SELECT x FROM v WHERE x IS NOT NULL`)
	if err != nil {
		return nil, errf("uncoded: coder versions: %w", err)
	}
	var seqs []string
	for _, v := range versions {
		if v == version {
			continue
		}
		some, err := queryStrings(ctx, tx, `SELECT seq FROM articles
			WHERE duplicate_of IS NULL AND coder_version = ? ORDER BY seq LIMIT ?`, v, limit)
		if err != nil {
			return nil, errf("uncoded: %w", err)
		}
		seqs = append(seqs, some...)
	}
	if len(seqs) == 0 {
		return nil, nil
	}
	args := make([]any, len(seqs))
	for i, q := range seqs {
		args[i] = q
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+articleCols+`, a.text FROM articles a
		WHERE a.seq IN (`+strings.TrimSuffix(strings.Repeat("?,", len(args)), ",")+`)
		ORDER BY a.seq LIMIT `+itoa(limit), args...)
	if err != nil {
		return nil, errf("uncoded: %w", err)
	}
	defer rows.Close()
	var out []*domain.Article
	for rows.Next() {
		a, err := scanArticle(rows, true)
		if err != nil {
			return nil, errf("uncoded: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, errf("uncoded: %w", err)
	}
	return out, nil
}

// queryStrings returns the first column of a query's rows as text.
func queryStrings(ctx context.Context, tx *sql.Tx, q string, args ...any) ([]string, error) {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
