package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"math/bits"
)

// A bandFilter is a Bloom filter over the band hashes stored in
// article_bands and article_bands_new: it says for certain that a band is
// not stored, and otherwise that it may be. An article can only have a
// near-duplicate among the stored ones when at least domain.MinSharedBands
// of its bands may be stored, so for most articles the filter spares the
// sixteen band lookups (each a seek into a table of millions of rows, and
// together two thirds of the duplicate check on a bulk ingest).
//
// A false positive only costs the lookup the filter would have spared, so
// the filter may hold bands that are no longer stored (a rolled-back batch,
// a deleted article) but must hold every band that is: it is built from
// the tables, then kept up to date by the writer as it inserts, and built
// again when another connection has written since (PRAGMA data_version) or
// when it is full.
type bandFilter struct {
	words []uint64
	// mask is len(words)*64 - 1; the size is a power of two.
	mask uint64
	// n is the number of bands added, capacity how many it was sized for.
	n, capacity int64
	// version is the writer connection's data_version when the filter
	// was last in step with the tables.
	version int64
}

const (
	// bandFilterProbes is the number of bits a band sets: with at least
	// 10 bits a band it gives under one false positive in 100 when full,
	// and an article needs several to cost a lookup.
	bandFilterProbes = 5
	// bandFilterBits is the fewest bits a band of the capacity has (the
	// size is rounded up to a power of two).
	bandFilterBits = 10
	// bandFilterMinCapacity is the fewest bands a filter is sized for.
	bandFilterMinCapacity = 1 << 20
)

// bandFilterAfter is how many articles a Store is given to store before it
// builds a filter: building one reads every stored band, which a small
// ingest into a large database would not earn back.
const bandFilterAfter = 2000

// newBandFilter returns an empty filter for at least capacity bands.
func newBandFilter(capacity int64) *bandFilter {
	capacity = max(capacity, bandFilterMinCapacity)
	size := uint64(1) << bits.Len64(uint64(capacity*bandFilterBits-1))
	return &bandFilter{words: make([]uint64, size/64), mask: size - 1, capacity: capacity}
}

// probe returns the i'th bit position of band hash h: double hashing over
// two halves of a mix of h (band hashes are well mixed already, but a
// filter should not rely on its keys).
func (f *bandFilter) probe(h uint64, i int) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	a, b := h, h>>32|h<<32|1
	return (a + uint64(i)*b) & f.mask
}

func (f *bandFilter) add(h uint64) {
	for i := range bandFilterProbes {
		p := f.probe(h, i)
		f.words[p/64] |= 1 << (p % 64)
	}
	f.n++
}

func (f *bandFilter) mayHave(h uint64) bool {
	for i := range bandFilterProbes {
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

// buildBandFilter reads every stored band into a new filter sized for
// twice as many.
func buildBandFilter(ctx context.Context, tx *sql.Tx, version int64) (*bandFilter, error) {
	var n int64
	err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM article_bands) +
		(SELECT count(*) FROM article_bands_new)`).Scan(&n)
	if err != nil {
		return nil, fmt.Errorf("band filter: %w", err)
	}
	f := newBandFilter(2 * n)
	f.version = version
	rows, err := tx.QueryContext(ctx, `SELECT band_hash FROM article_bands
		UNION ALL SELECT band_hash FROM article_bands_new`)
	if err != nil {
		return nil, fmt.Errorf("band filter: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var h int64
		if err := rows.Scan(&h); err != nil {
			return nil, fmt.Errorf("band filter: %w", err)
		}
		f.add(uint64(h))
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("band filter: %w", err)
	}
	return f, nil
}

// bandFilter returns the store's filter in step with the tables of tx,
// building it when it is missing, stale or full; nil until the store has
// been given s.bandFilterAfter articles. offered is the size of the batch
// about to be stored. It runs inside the writer's transactions only, which
// are serialised.
func (s *Store) bandFilter(ctx context.Context, tx *sql.Tx, offered int) (*bandFilter, error) {
	s.offered += int64(offered)
	if s.offered < s.bandFilterAfter {
		return nil, nil
	}
	v, err := dataVersion(ctx, tx)
	if err != nil {
		return nil, err
	}
	if f := s.bands; f != nil && f.version == v && f.n <= f.capacity {
		return f, nil
	}
	s.bands, err = buildBandFilter(ctx, tx, v)
	return s.bands, err
}
