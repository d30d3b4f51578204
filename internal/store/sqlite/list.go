package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
	"unicode"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/store"
)

// listing is a keyset-paginated query over one record table: rows of
// (record, date, id) newest first.
type listing struct {
	kind string // names the listing in cursors and errors
	from string
	// dateCol and idCol are the sort key; an index must end in them.
	dateCol, idCol, recordCol string
	// prefix is the alias, with its dot, of the table that has the
	// quad_class and plover_type columns (events only).
	prefix string
	w      *where
}

// list runs a listing and decodes its records into T.
func list[T any](ctx context.Context, db *sql.DB, l listing, p store.Page) ([]T, store.Cursor, error) {
	limit, err := pageLimit(p)
	if err != nil {
		return nil, "", err
	}
	after, err := decodeCursor(l.kind, p.After)
	if err != nil {
		return nil, "", err
	}
	l.w.keyset(l.dateCol, l.idCol, after)
	q := `SELECT ` + l.recordCol + `, ` + l.dateCol + `, ` + l.idCol + ` FROM ` + l.from + l.w.String() +
		` ORDER BY ` + l.dateCol + ` DESC, ` + l.idCol + ` DESC LIMIT ` + itoa(limit+1)
	rows, err := db.QueryContext(ctx, q, l.w.args...)
	if err != nil {
		return nil, "", errf("%s: %w", l.kind+"s", err)
	}
	defer rows.Close()
	var (
		out  []T
		rec  []byte
		last = cursor{Kind: l.kind}
	)
	for rows.Next() {
		if len(out) == limit {
			// The extra row only says that there is a next page.
			return out, last.encode(), nil
		}
		if err := rows.Scan(&rec, &last.Key, &last.ID); err != nil {
			return nil, "", errf("%s: %w", l.kind+"s", err)
		}
		var v T
		if err := json.Unmarshal(rec, &v); err != nil {
			return nil, "", errf("%s %q: decode record: %w", l.kind, last.ID, err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, "", errf("%s: %w", l.kind+"s", err)
	}
	return out, "", nil
}

// eventSel is what every event query can filter on.
type eventSel struct {
	Since, Until domain.Date
	Actor        string
	Country      string
	Type         string
	Place        string
	Modality     string
	QuadClass    int
	ArticleID    string
	Q            string
}

// eventSource returns the FROM clause, the (date, id) sort columns and the
// conditions of an event selection. With a country the query is driven by
// event_countries, whose key is (country, date, event_id): the newest
// events of a country are the end of one index range, and its rows carry
// the quad class and PLOVER type, so that counting them does not read the
// events unless another filter (or the record) needs them. prefix is the
// alias of the table with quad_class and plover_type.
func eventSource(f eventSel, needRecord bool) (l listing) {
	w := &where{}
	l = listing{kind: "event", from: "events e", dateCol: "e.date", idCol: "e.id", recordCol: "e.record", prefix: "e.", w: w}
	t := strings.TrimSpace(f.Type)
	cameo := t != "" && !isLetters(t)
	if f.Country != "" {
		l.from, l.prefix = "event_countries x", "x."
		l.dateCol, l.idCol = "x.date", "x.event_id"
		if needRecord || cameo || f.Place != "" || f.Modality != "" || f.ArticleID != "" || strings.TrimSpace(f.Q) != "" {
			l.from += " JOIN events e ON e.id = x.event_id"
		}
		w.add("x.country = ?", f.Country)
	}
	w.dateRange(l.dateCol, f.Since, f.Until)
	if f.Actor != "" {
		end, _ := prefixEnd(f.Actor)
		// With a country, the unary + keeps the planner driving the query
		// from the country's date range: starting from the actor's events
		// instead looked cheaper to it and was ten times slower for a busy
		// actor.
		id := l.idCol
		if f.Country != "" {
			id = "+" + id
		}
		w.add(id+" IN (SELECT event_id FROM event_actors WHERE code >= ? AND code < ?)", f.Actor, end)
	}
	switch {
	case cameo:
		w.prefix("e.cameo", t)
	case t != "":
		w.add(l.prefix+"plover_type = ?", strings.ToUpper(t))
	}
	if f.Place != "" {
		w.place("e.place", f.Place)
	}
	if f.Modality != "" {
		w.add("e.modality = ?", f.Modality)
	}
	if f.QuadClass != 0 {
		w.add(l.prefix+"quad_class = ?", f.QuadClass)
	}
	if f.ArticleID != "" {
		w.add("e.article_id = ?", f.ArticleID)
	}
	w.words("e.record", "$.sentence", f.Q)
	return l
}

func isLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}

// Event returns one event, or ENOTFOUND.
func (s *Store) Event(ctx context.Context, id string) (*domain.Event, error) {
	var rec []byte
	err := s.r.QueryRowContext(ctx, `SELECT record FROM events WHERE id = ?`, id).Scan(&rec)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.Errorf(domain.ENOTFOUND, "event %q not found", id)
	}
	if err != nil {
		return nil, errf("event %q: %w", id, err)
	}
	var e domain.Event
	if err := json.Unmarshal(rec, &e); err != nil {
		return nil, errf("event %q: decode record: %w", id, err)
	}
	return &e, nil
}

// Events lists events, newest first.
func (s *Store) Events(ctx context.Context, f store.EventFilter) ([]domain.Event, store.Cursor, error) {
	l := eventSource(eventSel{
		Since: f.Since, Until: f.Until, Actor: f.Actor, Country: f.Country, Type: f.Type,
		Place: f.Place, Modality: f.Modality, QuadClass: f.QuadClass, ArticleID: f.ArticleID, Q: f.Q,
	}, true)
	return list[domain.Event](ctx, s.r, l, f.Page)
}

// Claims lists claims, newest first.
func (s *Store) Claims(ctx context.Context, f store.ClaimFilter) ([]domain.Claim, store.Cursor, error) {
	w := &where{}
	w.dateRange("c.date", f.Since, f.Until)
	if f.Actor != "" {
		w.prefix("c.speaker_code", f.Actor)
	}
	if f.Country != "" {
		w.add("c.speaker_country = ?", f.Country)
	}
	if f.Topic != "" {
		w.add("c.topic = ?", f.Topic)
	}
	if f.Place != "" {
		w.place("c.place", f.Place)
	}
	if f.ArticleID != "" {
		w.add("c.article_id = ?", f.ArticleID)
	}
	w.words("c.record", "$.sentence", f.Q)
	l := listing{kind: "claim", from: "claims c", dateCol: "c.date", idCol: "c.id", recordCol: "c.record", w: w}
	return list[domain.Claim](ctx, s.r, l, f.Page)
}

// Commitments lists commitments, newest first. Place selects by the place
// of the event coded from the same words (a commitment has none of its
// own).
func (s *Store) Commitments(ctx context.Context, f store.CommitmentFilter) ([]domain.Commitment, store.Cursor, error) {
	w := &where{}
	w.dateRange("m.date", f.Since, f.Until)
	if f.Actor != "" {
		w.prefix("m.actor_code", f.Actor)
	}
	if f.Country != "" {
		w.add("m.actor_country = ?", f.Country)
	}
	if f.Category != "" {
		w.add("m.category = ?", f.Category)
	}
	if f.Status != "" {
		w.add("m.status = ?", f.Status)
	}
	if f.Place != "" {
		w.place("m.place", f.Place)
	}
	if f.ArticleID != "" {
		w.add("m.article_id = ?", f.ArticleID)
	}
	w.words("m.record", "$.sentence", f.Q)
	l := listing{kind: "commitment", from: "commitments m", dateCol: "m.date", idCol: "m.id", recordCol: "m.record", w: w}
	return list[domain.Commitment](ctx, s.r, l, f.Page)
}

// Contradictions lists contradictions, newest first.
func (s *Store) Contradictions(ctx context.Context, f store.ContradictionFilter) ([]domain.Contradiction, store.Cursor, error) {
	w := &where{}
	w.dateRange("x.date", f.Since, f.Until)
	if f.Topic != "" {
		w.add("x.topic = ?", f.Topic)
	}
	if f.Country != "" {
		w.add("x.place_country = ?", f.Country)
	}
	if f.Place != "" {
		w.place("x.place", f.Place)
	}
	if f.ArticleID != "" {
		w.add("x.id IN (SELECT contradiction_id FROM contradiction_articles WHERE article_id = ?)", f.ArticleID)
	}
	l := listing{kind: "contradiction", from: "contradictions x", dateCol: "x.date", idCol: "x.id", recordCol: "x.record", w: w}
	return list[domain.Contradiction](ctx, s.r, l, f.Page)
}
