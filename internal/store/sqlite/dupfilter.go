package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"math/bits"
	"slices"
)

// A dupFilter is a Bloom filter over what the duplicate check looks up:
// the band hashes stored in article_bands and article_bands_new, and the
// ids, hashes and URLs of the stored articles (keyOf). It says for certain
// that a key is not stored, and otherwise that it may be. An article is a
// duplicate only if its id, hash or URL may be stored, and can only have a
// near-duplicate when at least domain.MinSharedBands of its bands may be,
// so for most new articles the filter spares the whole lookup: three index
// seeks and sixteen band seeks into tables of millions of rows, most of the
// duplicate check on a bulk ingest.
//
// A false positive only costs the lookup the filter would have spared, so
// the filter may hold keys that are no longer stored (a rolled-back batch,
// a deleted article) but must hold every key that is: it is built from the
// tables, then kept up to date by the writer as it inserts, and built
// again when another connection has written since (PRAGMA data_version) or
// when it is full.
type dupFilter struct {
	words []uint64
	// mask is len(words)*64 - 1; the size is a power of two.
	mask uint64
	// n is the number of keys added, capacity how many it was sized for.
	n, capacity int64
	// version is the writer connection's data_version when the filter
	// was last in step with the tables.
	version int64
}

const (
	// dupFilterProbes is the number of bits a key sets: with at least
	// 10 bits a key it gives under one false positive in 100 when full,
	// and an article needs several bands to cost a band lookup.
	dupFilterProbes = 5
	// dupFilterBits is the fewest bits a key of the capacity has (the
	// size is rounded up to a power of two).
	dupFilterBits = 10
	// dupFilterMinCapacity is the fewest keys a filter is sized for.
	dupFilterMinCapacity = 1 << 20
)

// dupFilterAfter is how many articles a Store is given to store before it
// builds a filter: building one reads every stored band, which a small
// ingest into a large database would not earn back.
const dupFilterAfter = 2000

// newDupFilter returns an empty filter for at least capacity keys.
func newDupFilter(capacity int64) *dupFilter {
	capacity = max(capacity, dupFilterMinCapacity)
	size := uint64(1) << bits.Len64(uint64(capacity*dupFilterBits-1))
	return &dupFilter{words: make([]uint64, size/64), mask: size - 1, capacity: capacity}
}

// probe returns the i'th bit position of key h: double hashing over two
// halves of a mix of h (keys are well mixed already, but a filter should
// not rely on it).
func (f *dupFilter) probe(h uint64, i int) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	a, b := h, h>>32|h<<32|1
	return (a + uint64(i)*b) & f.mask
}

func (f *dupFilter) add(h uint64) {
	for i := range dupFilterProbes {
		p := f.probe(h, i)
		f.words[p/64] |= 1 << (p % 64)
	}
	f.n++
}

func (f *dupFilter) mayHave(h uint64) bool {
	for i := range dupFilterProbes {
		p := f.probe(h, i)
		if f.words[p/64]&(1<<(p%64)) == 0 {
			return false
		}
	}
	return true
}

// dataVersion is the connection's PRAGMA data_version: it changes when
// another connection commits to the database.
func dataVersion(ctx context.Context, tx *sql.Tx) (int64, error) {
	var v int64
	if err := tx.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v); err != nil {
		return 0, fmt.Errorf("data version: %w", err)
	}
	return v, nil
}

// Kinds of key, for keyOf.
const (
	keyID   = 'i'
	keyHash = 'h'
	keyURL  = 'u'
)

// keyOf is the filter key of an article's id, hash or URL (kind says which,
// so that equal strings of different kinds differ): FNV-1a, 63 bits like
// the band hashes.
func keyOf(kind byte, s string) uint64 {
	h := uint64(14695981039346656037)
	h ^= uint64(kind)
	h *= 1099511628211
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h >> 1
}

// articleKeys are the keys of an article's id, hash and URL (no URL key
// for an article without one).
func articleKeys(id, hash, url string) []uint64 {
	keys := []uint64{keyOf(keyID, id), keyOf(keyHash, hash)}
	if url != "" {
		keys = append(keys, keyOf(keyURL, url))
	}
	return keys
}

// addArticle adds the keys of a stored article (articleKeys) and its band
// hashes, none for a near-duplicate.
func (f *dupFilter) addArticle(keys, bands []uint64) {
	for _, k := range keys {
		f.add(k)
	}
	for _, b := range bands {
		f.add(b)
	}
}

// mayBeDuplicate reports whether an article of these keys (articleKeys)
// may duplicate a stored one.
func (f *dupFilter) mayBeDuplicate(keys []uint64) bool {
	return slices.ContainsFunc(keys, f.mayHave)
}

// buildDupFilter reads every stored key into a new filter sized for twice
// as many. Each query reads one narrow index, not the articles.
func buildDupFilter(ctx context.Context, tx *sql.Tx, version int64) (*dupFilter, error) {
	var n int64
	err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM article_bands) +
		(SELECT count(*) FROM article_bands_new) + 3 * (SELECT count(*) FROM articles)`).Scan(&n)
	if err != nil {
		return nil, fmt.Errorf("duplicate filter: %w", err)
	}
	f := newDupFilter(2 * n)
	f.version = version
	for _, q := range []struct {
		kind byte
		sql  string
	}{
		{0, `SELECT band_hash FROM article_bands UNION ALL SELECT band_hash FROM article_bands_new`},
		{keyID, `SELECT id FROM articles INDEXED BY sqlite_autoindex_articles_1`},
		{keyHash, `SELECT hash FROM articles INDEXED BY sqlite_autoindex_articles_2`},
		{keyURL, `SELECT url FROM articles INDEXED BY articles_url WHERE url IS NOT NULL`},
	} {
		if err := f.addRows(ctx, tx, q.kind, q.sql); err != nil {
			return nil, fmt.Errorf("duplicate filter: %w", err)
		}
	}
	return f, nil
}

// addRows adds the keys of kind in the rows of query, or the band hashes
// when kind is 0.
func (f *dupFilter) addRows(ctx context.Context, tx *sql.Tx, kind byte, query string) error {
	rows, err := tx.QueryContext(ctx, query)
	if err != nil {
		return err
	}
	defer rows.Close()
	var (
		h int64
		s string
	)
	for rows.Next() {
		if kind == 0 {
			err = rows.Scan(&h)
			f.add(uint64(h))
		} else {
			err = rows.Scan(&s)
			f.add(keyOf(kind, s))
		}
		if err != nil {
			return err
		}
	}
	return rows.Err()
}

// dupFilter returns the store's filter in step with the tables of tx,
// building it when it is missing, stale or full; nil until the store has
// been given s.dupFilterAfter articles. offered is the size of the batch
// about to be stored. It runs inside the writer's transactions only, which
// are serialised.
func (s *Store) dupFilter(ctx context.Context, tx *sql.Tx, offered int) (*dupFilter, error) {
	s.offered += int64(offered)
	if s.offered < s.dupFilterAfter {
		return nil, nil
	}
	v, err := dataVersion(ctx, tx)
	if err != nil {
		return nil, err
	}
	if f := s.filter; f != nil && f.version == v && f.n <= f.capacity {
		return f, nil
	}
	s.filter, err = buildDupFilter(ctx, tx, v)
	return s.filter, err
}
