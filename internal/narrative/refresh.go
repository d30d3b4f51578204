package narrative

import (
	"context"
	"fmt"
	"reflect"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/store"
)

// Refresh brings the store's contradictions and ledger up to date after
// articles dated from since to until were coded: it compares the claims
// and events of that period (widened by the longest reach of a claim)
// and judges every commitment made up to until against the events and
// claims that follow it. Records are read through the storage contract; results are written
// with SaveContradictions and UpdateCommitments (only the commitments
// whose status or evidence changed). Run again with nothing new, it
// changes nothing.
func Refresh(ctx context.Context, st store.Store, since, until domain.Date, opt Options) error {
	opt = opt.withDefaults()
	// Records within the longest reach of a claim: a ceasefire's window
	// on either side, or a casualty toll's incident window.
	reach := max(2*opt.Window+1, opt.IncidentWindow)
	from, to := since.AddDays(-reach), until.AddDays(reach)
	claims, err := all(ctx, func(p store.Page) ([]domain.Claim, store.Cursor, error) {
		return st.Claims(ctx, store.ClaimFilter{Since: from, Until: to, Page: p})
	})
	if err != nil {
		return fmt.Errorf("narrative: claims: %w", err)
	}
	// Asserted events, and reported ones as their speakers' statements.
	var events []domain.Event
	for _, mod := range []string{domain.ModalityAsserted, domain.ModalityReported} {
		evs, err := all(ctx, func(p store.Page) ([]domain.Event, store.Cursor, error) {
			return st.Events(ctx, store.EventFilter{Since: from, Until: to, Modality: mod, Page: p})
		})
		if err != nil {
			return fmt.Errorf("narrative: events: %w", err)
		}
		events = append(events, evs...)
	}
	if cs := Contradictions(claims, events, opt); len(cs) > 0 {
		if err := st.SaveContradictions(ctx, cs); err != nil {
			return fmt.Errorf("narrative: save contradictions: %w", err)
		}
	}
	return refreshLedger(ctx, st, opt)
}

// refreshLedger judges every stored commitment against the records dated
// on or after the earliest of them.
func refreshLedger(ctx context.Context, st store.Store, opt Options) error {
	commitments, err := all(ctx, func(p store.Page) ([]domain.Commitment, store.Cursor, error) {
		return st.Commitments(ctx, store.CommitmentFilter{Page: p})
	})
	if err != nil {
		return fmt.Errorf("narrative: commitments: %w", err)
	}
	if len(commitments) == 0 {
		return nil
	}
	first := commitments[0].Date
	for _, c := range commitments {
		if !c.Date.IsZero() && (first.IsZero() || c.Date.Before(first)) {
			first = c.Date
		}
	}
	var events []domain.Event
	for _, mod := range []string{domain.ModalityAsserted, domain.ModalityReported} {
		evs, err := all(ctx, func(p store.Page) ([]domain.Event, store.Cursor, error) {
			return st.Events(ctx, store.EventFilter{Since: first, Modality: mod, Page: p})
		})
		if err != nil {
			return fmt.Errorf("narrative: events: %w", err)
		}
		events = append(events, evs...)
	}
	claims, err := all(ctx, func(p store.Page) ([]domain.Claim, store.Cursor, error) {
		return st.Claims(ctx, store.ClaimFilter{Since: first, Page: p})
	})
	if err != nil {
		return fmt.Errorf("narrative: claims: %w", err)
	}
	if opt.AsOf.IsZero() {
		// The ledger is judged on the latest day the store knows of.
		arts, _, err := st.Articles(ctx, store.ArticleFilter{Page: store.Page{Limit: 1}})
		if err != nil {
			return fmt.Errorf("narrative: latest article: %w", err)
		}
		if len(arts) > 0 {
			opt.AsOf = arts[0].Date()
		}
	}
	judged := Ledger(commitments, events, claims, opt)
	var changed []domain.Commitment
	for i := range judged {
		if judged[i].Status != commitments[i].Status || !reflect.DeepEqual(judged[i].Evidence, commitments[i].Evidence) &&
			!(len(judged[i].Evidence) == 0 && len(commitments[i].Evidence) == 0) {
			changed = append(changed, judged[i])
		}
	}
	if len(changed) == 0 {
		return nil
	}
	if err := st.UpdateCommitments(ctx, changed); err != nil {
		return fmt.Errorf("narrative: update commitments: %w", err)
	}
	return nil
}

// all reads every page of a listing.
func all[T any](ctx context.Context, list func(store.Page) ([]T, store.Cursor, error)) ([]T, error) {
	var out []T
	p := store.Page{Limit: store.MaxLimit}
	for {
		items, next, err := list(p)
		if err != nil {
			return nil, err
		}
		out = append(out, items...)
		if next == "" || ctx.Err() != nil {
			return out, ctx.Err()
		}
		p.After = next
	}
}
