package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/truce/truce/internal/domain"
)

// SaveCodings replaces each coding's article's records and marks the
// article coded, all in one transaction: a failure stores none of the
// codings. Contradictions that cite a re-coded article go with its old
// records; the analysis that found them runs again over the new ones.
func (s *Store) SaveCodings(ctx context.Context, codings []domain.Coding) error {
	for i := range codings {
		if err := validCoding(&codings[i]); err != nil {
			return domain.Errorf(domain.EINVALID, "save codings: coding of article %q: %s", codings[i].ArticleID, err)
		}
	}
	if len(codings) == 0 {
		return nil
	}
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		w, err := newCodingWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.close()
		// As in AddArticles: short statements without the context's
		// cancellation (the driver would start a goroutine to watch it
		// for each of the hundred or so statements of an article), and
		// ctx checked between articles.
		qctx := context.WithoutCancel(ctx)
		for i := range codings {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := w.save(qctx, &codings[i]); err != nil {
				return fmt.Errorf("article %q: %w", codings[i].ArticleID, err)
			}
		}
		return nil
	})
	if err != nil {
		if domain.ErrorCode(err) != domain.EINTERNAL {
			return err
		}
		return errf("save codings: %w", err)
	}
	return nil
}

// validCoding says what is wrong with a coding's ids: every record must
// have an id (mentions have none) and belong to the coding's article.
func validCoding(c *domain.Coding) error {
	if c.ArticleID == "" {
		return fmt.Errorf("no article id")
	}
	check := func(kind, id, article string) error {
		if id == "" && kind != "mention" {
			return fmt.Errorf("%s with no id", kind)
		}
		if article != c.ArticleID {
			return fmt.Errorf("%s %q: article_id %q, want %q", kind, id, article, c.ArticleID)
		}
		return nil
	}
	for i := range c.Mentions {
		if err := check("mention", "", c.Mentions[i].ArticleID); err != nil {
			return err
		}
	}
	for i := range c.Events {
		if err := check("event", c.Events[i].ID, c.Events[i].ArticleID); err != nil {
			return err
		}
	}
	for i := range c.Claims {
		if err := check("claim", c.Claims[i].ID, c.Claims[i].ArticleID); err != nil {
			return err
		}
	}
	for i := range c.Commitments {
		if err := check("commitment", c.Commitments[i].ID, c.Commitments[i].ArticleID); err != nil {
			return err
		}
	}
	return nil
}

// codingWriter holds the statements SaveCodings runs, prepared once per
// call.
type codingWriter struct {
	markCoded, dropContradictions, dropMentions, dropEvents, dropClaims, dropCommitments *sql.Stmt
	mention, event, actor, country, claim, commitment                                    *sql.Stmt
}

func newCodingWriter(ctx context.Context, tx *sql.Tx) (*codingWriter, error) {
	w := &codingWriter{}
	for _, p := range []struct {
		stmt **sql.Stmt
		sql  string
	}{
		{&w.markCoded, `UPDATE articles SET coder_version = ? WHERE id = ?`},
		{&w.dropContradictions, `DELETE FROM contradictions WHERE id IN (
			SELECT contradiction_id FROM contradiction_articles WHERE article_id = ?)`},
		{&w.dropMentions, `DELETE FROM mentions WHERE article_id = ?`},
		// Cascades to event_actors and event_countries, whose triggers
		// keep event_counts.
		{&w.dropEvents, `DELETE FROM events WHERE article_id = ?`},
		{&w.dropClaims, `DELETE FROM claims WHERE article_id = ?`},
		{&w.dropCommitments, `DELETE FROM commitments WHERE article_id = ?`},
		{&w.mention, `INSERT INTO mentions(article_id, ord, span_start, span_end, record)
			VALUES (?, ?, ?, ?, ?)`},
		{&w.event, `INSERT INTO events(id, article_id, date, cameo, root, quad_class,
			plover_type, modality, place_key, place_name, place_country, lat, lon, record)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&w.actor, `INSERT INTO event_actors(event_id, role, ord, code, country)
			VALUES (?, ?, ?, ?, ?)`},
		{&w.country, `INSERT INTO event_countries(country, date, event_id, quad_class, plover_type)
			VALUES (?, ?, ?, ?, ?)`},
		{&w.claim, `INSERT INTO claims(id, article_id, date, topic, polarity, speaker_code,
			speaker_country, place_key, place_name, place_country, record)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&w.commitment, `INSERT INTO commitments(id, article_id, date, actor_code,
			actor_country, category, status, due, place_key, place_name, place_country, record)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
	} {
		st, err := tx.PrepareContext(ctx, p.sql)
		if err != nil {
			w.close()
			return nil, fmt.Errorf("prepare: %w", err)
		}
		*p.stmt = st
	}
	return w, nil
}

func (w *codingWriter) close() {
	for _, st := range []*sql.Stmt{w.markCoded, w.dropContradictions, w.dropMentions,
		w.dropEvents, w.dropClaims, w.dropCommitments, w.mention, w.event, w.actor,
		w.country, w.claim, w.commitment} {
		if st != nil {
			st.Close()
		}
	}
}

// save replaces one article's records.
func (w *codingWriter) save(ctx context.Context, c *domain.Coding) error {
	r, err := w.markCoded.ExecContext(ctx, c.CoderVersion, c.ArticleID)
	if err != nil {
		return fmt.Errorf("mark coded: %w", err)
	}
	if n, err := r.RowsAffected(); err != nil {
		return fmt.Errorf("mark coded: %w", err)
	} else if n == 0 {
		return domain.Errorf(domain.ENOTFOUND, "save codings: article %q not found", c.ArticleID)
	}
	for _, st := range []*sql.Stmt{w.dropContradictions, w.dropMentions, w.dropEvents,
		w.dropClaims, w.dropCommitments} {
		if _, err := st.ExecContext(ctx, c.ArticleID); err != nil {
			return fmt.Errorf("delete old records: %w", err)
		}
	}
	for i := range c.Mentions {
		m := &c.Mentions[i]
		rec, err := json.Marshal(m)
		if err != nil {
			return fmt.Errorf("mention %d: %w", i, err)
		}
		if _, err := w.mention.ExecContext(ctx, c.ArticleID, i, m.Span.Start, m.Span.End, string(rec)); err != nil {
			return fmt.Errorf("insert mention %d: %w", i, err)
		}
	}
	places := make(map[string]*domain.Place, len(c.Events))
	for i := range c.Events {
		e := &c.Events[i]
		places[e.ID] = e.Place
		if err := w.saveEvent(ctx, e); err != nil {
			return conflict("event", e.ID, err)
		}
	}
	for i := range c.Claims {
		cl := &c.Claims[i]
		rec, err := json.Marshal(cl)
		if err != nil {
			return fmt.Errorf("claim %q: %w", cl.ID, err)
		}
		key, name, country := placeCols(cl.Place)
		_, err = w.claim.ExecContext(ctx, cl.ID, c.ArticleID, dateKey(cl.Date), cl.Topic,
			cl.Polarity, string(cl.Speaker.Code), actorCountry(&cl.Speaker), key, name, country, string(rec))
		if err != nil {
			return conflict("claim", cl.ID, err)
		}
	}
	for i := range c.Commitments {
		m := &c.Commitments[i]
		rec, err := json.Marshal(m)
		if err != nil {
			return fmt.Errorf("commitment %q: %w", m.ID, err)
		}
		key, name, country := placeCols(places[string(m.EventID)])
		_, err = w.commitment.ExecContext(ctx, m.ID, c.ArticleID, dateKey(m.Date),
			string(m.Actor.Code), actorCountry(&m.Actor), m.Category, m.Status,
			dateKey(m.Due), key, name, country, string(rec))
		if err != nil {
			return conflict("commitment", m.ID, err)
		}
	}
	return nil
}

// saveEvent inserts an event with its actors and countries.
func (w *codingWriter) saveEvent(ctx context.Context, e *domain.Event) error {
	rec, err := json.Marshal(e)
	if err != nil {
		return err
	}
	key, name, country := placeCols(e.Place)
	var lat, lon any
	if e.Place != nil {
		lat, lon = e.Place.Lat, e.Place.Lon
	}
	root := e.CAMEO
	if len(root) > 2 {
		root = root[:2]
	}
	date := dateKey(e.Date)
	if _, err := w.event.ExecContext(ctx, e.ID, e.ArticleID, date, e.CAMEO, root, e.QuadClass,
		e.PLOVER.Type, e.Modality, key, name, country, lat, lon, string(rec)); err != nil {
		return err
	}
	countries := make(map[string]bool, 4)
	if e.Place != nil && e.Place.Country != "" {
		countries[string(e.Place.Country)] = true
	}
	for _, side := range []struct {
		role   string
		actors []domain.Actor
	}{{"source", e.Source}, {"target", e.Target}} {
		for i := range side.actors {
			a := &side.actors[i]
			c := actorCountry(a)
			if c != "" {
				countries[c] = true
			}
			if a.Code == "" {
				continue
			}
			if _, err := w.actor.ExecContext(ctx, e.ID, side.role, i, string(a.Code), c); err != nil {
				return fmt.Errorf("insert actor: %w", err)
			}
		}
	}
	for c := range countries {
		if _, err := w.country.ExecContext(ctx, c, date, e.ID, e.QuadClass, e.PLOVER.Type); err != nil {
			return fmt.Errorf("insert country: %w", err)
		}
	}
	return nil
}

// actorCountry is the actor's country: as coded, else the country part
// of its code.
func actorCountry(a *domain.Actor) string {
	if a.Country != "" {
		return string(a.Country)
	}
	c, _ := domain.SplitCode(string(a.Code))
	return c
}

// conflict turns a violated uniqueness of a record id (a record id that
// another article's coding stored already) into ECONFLICT.
func conflict(kind, id string, err error) error {
	if isConstraint(err) {
		return domain.Errorf(domain.ECONFLICT, "save codings: %s %q is stored already for another article", kind, id)
	}
	return fmt.Errorf("insert %s %q: %w", kind, id, err)
}

// Mentions returns an article's mentions in text order, or ENOTFOUND when
// the article is not stored.
func (s *Store) Mentions(ctx context.Context, articleID string) ([]domain.Mention, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT record FROM mentions WHERE article_id = ?
		ORDER BY span_start, span_end, ord`, articleID)
	if err != nil {
		return nil, errf("mentions of %q: %w", articleID, err)
	}
	out, err := decodeRows[domain.Mention](rows)
	if err != nil {
		return nil, errf("mentions of %q: %w", articleID, err)
	}
	if len(out) == 0 {
		if err := s.articleExists(ctx, articleID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// articleExists returns ENOTFOUND when the article is not stored.
func (s *Store) articleExists(ctx context.Context, id string) error {
	var one int
	err := s.r.QueryRowContext(ctx, `SELECT 1 FROM articles WHERE id = ?`, id).Scan(&one)
	switch {
	case err == sql.ErrNoRows:
		return domain.Errorf(domain.ENOTFOUND, "article %q not found", id)
	case err != nil:
		return errf("article %q: %w", id, err)
	}
	return nil
}

// decodeRows reads rows of one JSON record column into values of T, and
// closes rows.
func decodeRows[T any](rows *sql.Rows) ([]T, error) {
	defer rows.Close()
	var (
		out []T
		rec []byte
	)
	for rows.Next() {
		if err := rows.Scan(&rec); err != nil {
			return nil, err
		}
		var v T
		if err := json.Unmarshal(rec, &v); err != nil {
			return nil, fmt.Errorf("decode record: %w", err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
