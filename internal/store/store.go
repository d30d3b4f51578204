// Package store defines the storage contract: what truce keeps (articles,
// the records coded from them, the ledger and the contradictions) and how
// it is queried. Backends implement Store (sqlite now, postgres later) and
// must all pass the conformance suite in storetest.
package store

import (
	"context"

	"github.com/truce/truce/internal/domain"
)

// Store is the storage contract. Every method is safe for concurrent use.
// Errors a user should see are *domain.Error (ENOTFOUND for a missing id,
// EINVALID for a bad filter or cursor); others are internal.
type Store interface {
	// AddArticles stores a batch of articles in one transaction: either
	// all of the batch's new articles are stored or none is. Each article
	// must have ID, Hash and Signature set. An article whose ID, Hash or
	// URL is already stored (or earlier in the batch) is a Duplicate and
	// not stored; one whose Signature is within
	// domain.NearDuplicateThreshold of a stored article is stored as a
	// NearDuplicate with DuplicateOf set to the earliest such article.
	// The results are in the order of the batch.
	AddArticles(ctx context.Context, articles []*domain.Article) ([]AddResult, error)

	// Article returns one article with its text, or ENOTFOUND.
	Article(ctx context.Context, id string) (*domain.Article, error)
	// Articles lists articles, newest publication first (unknown dates
	// last), with their text only when f.WithText is set.
	Articles(ctx context.Context, f ArticleFilter) ([]*domain.Article, Cursor, error)
	// CountArticles counts the articles that f selects (ignoring Limit
	// and After).
	CountArticles(ctx context.Context, f ArticleFilter) (int, error)

	// Uncoded returns up to limit articles, oldest ingested first, that
	// need coding by coder version: never coded, or coded by another
	// version. Near-duplicates are never returned.
	Uncoded(ctx context.Context, version string, limit int) ([]*domain.Article, error)
	// SaveCodings stores each article's records in one transaction,
	// replacing that article's earlier records, and marks the article
	// coded by the coding's CoderVersion.
	SaveCodings(ctx context.Context, codings []domain.Coding) error

	// Mentions returns an article's mentions in text order.
	Mentions(ctx context.Context, articleID string) ([]domain.Mention, error)
	// Event returns one event, or ENOTFOUND.
	Event(ctx context.Context, id string) (*domain.Event, error)
	// Events lists events, newest first.
	Events(ctx context.Context, f EventFilter) ([]domain.Event, Cursor, error)
	// Claims lists claims, newest first.
	Claims(ctx context.Context, f ClaimFilter) ([]domain.Claim, Cursor, error)
	// Commitments lists commitments, newest first.
	Commitments(ctx context.Context, f CommitmentFilter) ([]domain.Commitment, Cursor, error)
	// UpdateCommitments writes the status and evidence of commitments
	// already stored (matched by id), in one transaction.
	UpdateCommitments(ctx context.Context, cs []domain.Commitment) error
	// Contradictions lists contradictions, newest first.
	Contradictions(ctx context.Context, f ContradictionFilter) ([]domain.Contradiction, Cursor, error)
	// SaveContradictions stores contradictions in one transaction; one
	// whose id is already stored replaces it.
	SaveContradictions(ctx context.Context, cs []domain.Contradiction) error

	// Timeline counts events per day or week.
	Timeline(ctx context.Context, f TimelineFilter) ([]TimelineBucket, error)
	// Dyads returns the most frequent (source, target) actor pairs.
	Dyads(ctx context.Context, f DyadFilter) ([]Dyad, error)
	// Stats returns the number of records of each kind.
	Stats(ctx context.Context) (Stats, error)

	// Close releases the store; it is safe to call once.
	Close() error
}

// AddStatus says what AddArticles did with an article.
type AddStatus int

const (
	// New: stored.
	New AddStatus = iota + 1
	// Duplicate: the same article (id, normalised text or URL) is stored
	// already; nothing was written.
	Duplicate
	// NearDuplicate: stored, with DuplicateOf pointing to the first.
	NearDuplicate
)

func (s AddStatus) String() string {
	switch s {
	case New:
		return "new"
	case Duplicate:
		return "duplicate"
	case NearDuplicate:
		return "near_duplicate"
	}
	return "unknown"
}

// AddResult is the outcome for one article of AddArticles.
type AddResult struct {
	ID     string
	Status AddStatus
	// DuplicateOf is the stored article this one duplicates (Duplicate)
	// or nearly duplicates (NearDuplicate).
	DuplicateOf string
}

// Cursor is an opaque position in a listing: pass the Cursor a listing
// returned as the next filter's After to get the page that follows. The
// empty Cursor means there is no next page.
type Cursor string

// Page is what every listing filter shares.
type Page struct {
	// Limit is the most items to return; 0 means the backend's default
	// (100), and it is capped at 10,000.
	Limit int
	// After continues a listing from a Cursor it returned.
	After Cursor
}

// Default and most items a listing returns.
const (
	DefaultLimit = 100
	MaxLimit     = 10000
)

// ArticleFilter selects articles. Zero fields select everything.
type ArticleFilter struct {
	// Q is a full-text query over title and text (FTS5 syntax in SQLite,
	// plain words elsewhere).
	Q string
	// Since and Until bound the publication day, inclusive.
	Since, Until domain.Date
	Source       string
	// WithText includes each article's text.
	WithText bool
	Page
}

// EventFilter selects events. Zero fields select everything.
type EventFilter struct {
	Since, Until domain.Date
	// Actor is an actor code or a prefix of one (AZE, AZEMIL, IGOUNO):
	// the event's source or target.
	Actor string
	// Country is an ISO alpha-3 code: a source's, a target's or the
	// place's country.
	Country string
	// Type is a PLOVER type (PROTEST) or a CAMEO code prefix (14, 141).
	Type string
	// Place is a place's name, GeoNames id or region id.
	Place     string
	Modality  string
	QuadClass int
	ArticleID string
	// Q is words that must appear in the event's sentence.
	Q string
	Page
}

// ClaimFilter selects claims.
type ClaimFilter struct {
	Since, Until domain.Date
	// Actor and Country select by speaker.
	Actor, Country string
	Topic          string
	Place          string
	ArticleID      string
	Q              string
	Page
}

// CommitmentFilter selects commitments.
type CommitmentFilter struct {
	Since, Until   domain.Date
	Actor, Country string
	Category       string
	// Status is one status, or empty for all.
	Status    string
	Place     string
	ArticleID string
	Q         string
	Page
}

// ContradictionFilter selects contradictions.
type ContradictionFilter struct {
	Since, Until domain.Date
	Topic        string
	// Country selects by the place's country; Place by its name or id.
	Country   string
	Place     string
	ArticleID string
	Page
}

// TimelineFilter selects the events a timeline counts and how.
type TimelineFilter struct {
	Since, Until domain.Date
	Actor        string
	Country      string
	Place        string
	// Interval is "day" (default) or "week" (weeks start on Monday).
	Interval string
	// By is "quad" (default: quad classes 1-4) or "plover" (types).
	By string
}

// TimelineBucket is the count of events of one group in one interval.
type TimelineBucket struct {
	// Start is the interval's first day.
	Start domain.Date `json:"start"`
	// Group is the quad class ("1".."4") or the PLOVER type.
	Group string `json:"group"`
	Count int    `json:"count"`
}

// DyadFilter selects the events whose actor pairs are counted.
type DyadFilter struct {
	Since, Until domain.Date
	Country      string
	Actor        string
	Limit        int
}

// Dyad is a (source, target) actor pair and how many events it has.
type Dyad struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Count  int    `json:"count"`
}

// Stats counts what the store holds.
type Stats struct {
	Articles       int `json:"articles"`
	Duplicates     int `json:"near_duplicates"`
	Events         int `json:"events"`
	Claims         int `json:"claims"`
	Commitments    int `json:"commitments"`
	Contradictions int `json:"contradictions"`
	Mentions       int `json:"mentions"`
}
