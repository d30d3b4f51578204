package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"math/bits"
	"slices"

	"github.com/truce/truce/internal/domain"
)

// A dupFilter is a pair of Bloom filters over what the duplicate check
// looks up: keys holds the ids, hashes and URLs of the stored articles
// (keyOf) and the band hashes stored in article_bands and
// article_bands_new; pairs holds pairs of those bands (bandPairs). A Bloom
// filter says for certain that a key is not stored, and otherwise that it
// may be. An article is a duplicate only if its id, hash or URL may be
// stored, and can only have a near-duplicate when it shares at least
// domain.MinSharedBands bands with one stored article (mayBeNear), so for
// most new articles the filter spares the whole lookup: three index seeks
// and sixteen band seeks into tables of millions of rows, most of the
// duplicate check on a bulk ingest.
//
// A false positive only costs the lookup the filter would have spared, so
// the filter may hold keys that are no longer stored (a rolled-back batch,
// a deleted article) but must hold every key that is: it is built from the
// articles, then kept up to date by the writer as it inserts, and built
// again when another connection has written since (PRAGMA data_version) or
// when it is full.
type dupFilter struct {
	keys, pairs bloom
	// version is the writer connection's data_version when the filter
	// was last in step with the tables.
	version int64
}

// A bloom is a Bloom filter of 64-bit keys.
type bloom struct {
	words []uint64
	// mask is len(words)*64 - 1; the size is a power of two.
	mask uint64
	// n is the number of keys added, capacity how many it was sized for.
	n, capacity int64
}

const (
	// bloomProbes is the number of bits a key sets: with at least 10
	// bits a key it gives under one false positive in 100 when full,
	// and an article needs several bands and a pair to cost a lookup.
	bloomProbes = 5
	// bloomBits is the fewest bits a key of the capacity has (the size
	// is rounded up to a power of two).
	bloomBits = 10
	// bloomMinCapacity is the fewest keys a filter is sized for.
	bloomMinCapacity = 1 << 20
)

// dupFilterAfter is how many articles a Store is given to store before it
// builds a filter: building one reads every stored article's keys, which a
// small ingest into a large database would not earn back.
const dupFilterAfter = 2000

// newBloom returns an empty filter for at least capacity keys: for as
// many as its size, rounded up to a power of two, gives bloomBits each.
func newBloom(capacity int64) bloom {
	capacity = max(capacity, bloomMinCapacity)
	size := uint64(1) << bits.Len64(uint64(capacity*bloomBits-1))
	return bloom{words: make([]uint64, size/64), mask: size - 1, capacity: int64(size / bloomBits)}
}

// probe returns the i'th bit position of key h: double hashing over two
// halves of a mix of h (keys are well mixed already, but a filter should
// not rely on it).
func (f *bloom) probe(h uint64, i int) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	a, b := h, h>>32|h<<32|1
	return (a + uint64(i)*b) & f.mask
}

func (f *bloom) add(h uint64) {
	for i := range bloomProbes {
		p := f.probe(h, i)
		f.words[p/64] |= 1 << (p % 64)
	}
	f.n++
}

func (f *bloom) mayHave(h uint64) bool {
	for i := range bloomProbes {
		p := f.probe(h, i)
		if f.words[p/64]&(1<<(p%64)) == 0 {
			return false
		}
	}
	return true
}

// bandGroups is the number of groups bandPairs splits an article's bands
// into: one fewer than domain.MinSharedBands, so that of any
// MinSharedBands bands two fall into one group.
var bandGroups = domain.MinSharedBands - 1

// bandPairs appends to out the pair keys of an article's bands: one for
// each two bands whose indexes fall into the same of bandGroups groups
// (index modulo bandGroups). Two articles that share MinSharedBands bands
// share them at the same indexes, two of which are in one group, so they
// share that pair's key; an article whose bands are each stored, but for
// different articles, mostly shares none. Nothing when bandGroups < 1.
func bandPairs(out, bands []uint64) []uint64 {
	if bandGroups < 1 {
		return out
	}
	for i := range bands {
		for j := i + bandGroups; j < len(bands); j += bandGroups {
			out = append(out, bands[i]*0x9e3779b97f4a7c15^bits.RotateLeft64(bands[j], 31))
		}
	}
	return out
}

// pairsPerArticle is the number of keys bandPairs gives an article.
var pairsPerArticle = int64(len(bandPairs(nil, make([]uint64, domain.SignatureBands))))

// mayBeNear reports whether an article of these bands may share
// domain.MinSharedBands of them with one stored article, the least a
// near-duplicate shares (domain.MinSharedBands): at least that many of its
// bands may be stored, and so may one of its pairs.
func (f *dupFilter) mayBeNear(bands []uint64) bool {
	shared := 0
	for _, b := range bands {
		if f.keys.mayHave(b) {
			shared++
		}
	}
	if shared < domain.MinSharedBands {
		return false
	}
	if bandGroups < 1 {
		return true
	}
	var buf [64]uint64
	return slices.ContainsFunc(bandPairs(buf[:0], bands), f.pairs.mayHave)
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
// hashes and their pairs, none for a near-duplicate.
func (f *dupFilter) addArticle(keys, bands []uint64) {
	for _, k := range keys {
		f.keys.add(k)
	}
	for _, b := range bands {
		f.keys.add(b)
	}
	var buf [64]uint64
	for _, p := range bandPairs(buf[:0], bands) {
		f.pairs.add(p)
	}
}

// full reports whether either filter holds more keys than it was sized
// for, and so gives more false positives than it should.
func (f *dupFilter) full() bool {
	return f.keys.n > f.keys.capacity || f.pairs.n > f.pairs.capacity
}

// mayBeDuplicate reports whether an article of these keys (articleKeys)
// may duplicate a stored one.
func (f *dupFilter) mayBeDuplicate(keys []uint64) bool {
	return slices.ContainsFunc(keys, f.keys.mayHave)
}

// buildDupFilter reads every stored article's keys into a new filter sized
// for twice as many, in one pass over the articles that reads their short
// columns and not their text (a tenth of a second for 100,000 articles).
// The bands are those of the signature, of the articles that are not
// near-duplicates: the ones whose bands article_bands holds.
func buildDupFilter(ctx context.Context, tx *sql.Tx, version int64) (*dupFilter, error) {
	var n int64
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&n); err != nil {
		return nil, fmt.Errorf("duplicate filter: %w", err)
	}
	f := &dupFilter{
		keys:    newBloom(2 * n * (3 + domain.SignatureBands)),
		pairs:   newBloom(2 * n * pairsPerArticle),
		version: version,
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, hash, url, signature, duplicate_of IS NULL FROM articles`)
	if err != nil {
		return nil, fmt.Errorf("duplicate filter: %w", err)
	}
	defer rows.Close()
	var (
		id, hash string
		url      sql.NullString
		sig      []byte
		original bool
	)
	for rows.Next() {
		if err := rows.Scan(&id, &hash, &url, &sig, &original); err != nil {
			return nil, fmt.Errorf("duplicate filter: %w", err)
		}
		var bands []uint64
		if original {
			bands = decodeSignature(sig).Bands()
		}
		f.addArticle(articleKeys(id, hash, url.String), bands)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("duplicate filter: %w", err)
	}
	return f, nil
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
	if f := s.filter; f != nil && f.version == v && !f.full() {
		return f, nil
	}
	s.filter, err = buildDupFilter(ctx, tx, v)
	return s.filter, err
}
