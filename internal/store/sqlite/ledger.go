package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/truce/truce/internal/domain"
)

// UpdateCommitments writes the status and evidence of stored commitments,
// in one transaction; the rest of each stored record is kept. An id that is
// not stored is ENOTFOUND and nothing is written.
func (s *Store) UpdateCommitments(ctx context.Context, cs []domain.Commitment) error {
	if len(cs) == 0 {
		return nil
	}
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		get, err := tx.PrepareContext(ctx, `SELECT record FROM commitments WHERE id = ?`)
		if err != nil {
			return fmt.Errorf("prepare: %w", err)
		}
		defer get.Close()
		put, err := tx.PrepareContext(ctx, `UPDATE commitments SET status = ?, record = ? WHERE id = ?`)
		if err != nil {
			return fmt.Errorf("prepare: %w", err)
		}
		defer put.Close()
		for i := range cs {
			var rec []byte
			err := get.QueryRowContext(ctx, cs[i].ID).Scan(&rec)
			if errors.Is(err, sql.ErrNoRows) {
				return domain.Errorf(domain.ENOTFOUND, "update commitments: commitment %q not found", cs[i].ID)
			}
			if err != nil {
				return fmt.Errorf("commitment %q: %w", cs[i].ID, err)
			}
			var c domain.Commitment
			if err := json.Unmarshal(rec, &c); err != nil {
				return fmt.Errorf("commitment %q: decode record: %w", cs[i].ID, err)
			}
			c.Status, c.Evidence = cs[i].Status, cs[i].Evidence
			if rec, err = json.Marshal(c); err != nil {
				return fmt.Errorf("commitment %q: %w", c.ID, err)
			}
			if _, err := put.ExecContext(ctx, c.Status, string(rec), c.ID); err != nil {
				return fmt.Errorf("update commitment %q: %w", c.ID, err)
			}
		}
		return nil
	})
	if err != nil && domain.ErrorCode(err) == domain.EINTERNAL {
		return errf("update commitments: %w", err)
	}
	return err
}

// SaveContradictions stores contradictions in one transaction, each
// replacing a stored one with its id. A contradiction is linked to the
// articles it names and to those of the records it cites, so that
// re-coding any of them removes it.
func (s *Store) SaveContradictions(ctx context.Context, cs []domain.Contradiction) error {
	for i := range cs {
		if cs[i].ID == "" {
			return domain.Errorf(domain.EINVALID, "save contradictions: contradiction %d has no id", i+1)
		}
	}
	if len(cs) == 0 {
		return nil
	}
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		stmts := make([]*sql.Stmt, 4)
		defer func() {
			for _, st := range stmts {
				if st != nil {
					st.Close()
				}
			}
		}()
		for i, q := range []string{
			`DELETE FROM contradictions WHERE id = ?`,
			`INSERT INTO contradictions(id, date, topic, place_key, place_name, place_country, record)
				VALUES (?, ?, ?, ?, ?, ?, ?)`,
			`INSERT OR IGNORE INTO contradiction_articles(contradiction_id, article_id) VALUES (?, ?)`,
			`INSERT OR IGNORE INTO contradiction_articles(contradiction_id, article_id)
				SELECT ?1, article_id FROM claims WHERE id = ?2
				UNION SELECT ?1, article_id FROM events WHERE id = ?2`,
		} {
			st, err := tx.PrepareContext(ctx, q)
			if err != nil {
				return fmt.Errorf("prepare: %w", err)
			}
			stmts[i] = st
		}
		del, ins, linkArticle, linkRecord := stmts[0], stmts[1], stmts[2], stmts[3]
		for i := range cs {
			c := &cs[i]
			rec, err := json.Marshal(c)
			if err != nil {
				return fmt.Errorf("contradiction %q: %w", c.ID, err)
			}
			if _, err := del.ExecContext(ctx, c.ID); err != nil {
				return fmt.Errorf("delete contradiction %q: %w", c.ID, err)
			}
			key, name, country := placeCols(c.Place)
			if _, err := ins.ExecContext(ctx, c.ID, dateKey(c.Date), c.Topic, key, name, country, string(rec)); err != nil {
				return fmt.Errorf("insert contradiction %q: %w", c.ID, err)
			}
			for _, a := range c.Articles {
				if _, err := linkArticle.ExecContext(ctx, c.ID, a); err != nil {
					return fmt.Errorf("link contradiction %q: %w", c.ID, err)
				}
			}
			for _, r := range c.Claims {
				if _, err := linkRecord.ExecContext(ctx, c.ID, r); err != nil {
					return fmt.Errorf("link contradiction %q: %w", c.ID, err)
				}
			}
		}
		return nil
	})
	if err != nil {
		return errf("save contradictions: %w", err)
	}
	return nil
}
