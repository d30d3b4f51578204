package server

import (
	"net/http"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/store"
)

// The read endpoints of /api/v1. Each reads its parameters with params
// (strictly: an unknown parameter is an error), asks the store, and
// returns the data for the envelope.

func (s *Server) listArticles(w http.ResponseWriter, r *http.Request) (*response, error) {
	p := newParams(r)
	f := articleFilter(p)
	if err := p.done(true); err != nil {
		return nil, err
	}
	as, next, err := s.store.Articles(r.Context(), f)
	if err != nil {
		return nil, err
	}
	return listing(nonNil(as), next), nil
}

// articleDetail is one article with everything coded from it.
type articleDetail struct {
	Article        *domain.Article        `json:"article"`
	Mentions       []domain.Mention       `json:"mentions"`
	Events         []domain.Event         `json:"events"`
	Claims         []domain.Claim         `json:"claims"`
	Commitments    []domain.Commitment    `json:"commitments"`
	Contradictions []domain.Contradiction `json:"contradictions"`
}

func (s *Server) getArticle(w http.ResponseWriter, r *http.Request) (*response, error) {
	p := newParams(r)
	id := p.path("id")
	if err := p.done(true); err != nil {
		return nil, err
	}
	d, err := s.articleDetail(r, id)
	if err != nil {
		return nil, err
	}
	return ok(d), nil
}

// articleDetail loads an article and all its records (at most MaxLimit of
// each kind: one article has a few dozen).
func (s *Server) articleDetail(r *http.Request, id string) (*articleDetail, error) {
	ctx := r.Context()
	a, err := s.store.Article(ctx, id)
	if err != nil {
		return nil, err
	}
	d := &articleDetail{Article: a}
	all := store.Page{Limit: store.MaxLimit}
	if d.Mentions, err = s.store.Mentions(ctx, id); err != nil {
		return nil, err
	}
	if d.Events, _, err = s.store.Events(ctx, store.EventFilter{ArticleID: id, Page: all}); err != nil {
		return nil, err
	}
	if d.Claims, _, err = s.store.Claims(ctx, store.ClaimFilter{ArticleID: id, Page: all}); err != nil {
		return nil, err
	}
	if d.Commitments, _, err = s.store.Commitments(ctx, store.CommitmentFilter{ArticleID: id, Page: all}); err != nil {
		return nil, err
	}
	if d.Contradictions, _, err = s.store.Contradictions(ctx, store.ContradictionFilter{ArticleID: id, Page: all}); err != nil {
		return nil, err
	}
	d.Mentions, d.Events, d.Claims = nonNil(d.Mentions), nonNil(d.Events), nonNil(d.Claims)
	d.Commitments, d.Contradictions = nonNil(d.Commitments), nonNil(d.Contradictions)
	return d, nil
}

// Event export formats.
const (
	formatJSON    = "json"
	formatJSONL   = "jsonl"
	formatCSV     = "csv"
	formatGeoJSON = "geojson"
)

func (s *Server) listEvents(w http.ResponseWriter, r *http.Request) (*response, error) {
	p := newParams(r)
	// A limit of 0 means none was given: a page of the default size for
	// JSON, everything up to ExportMax for an export.
	f := eventFilter(p, 0)
	format := p.oneOf("format", formatJSON, formatJSON, formatJSONL, formatCSV, formatGeoJSON)
	if err := p.done(true); err != nil {
		return nil, err
	}
	if format != formatJSON {
		return nil, s.exportEvents(w, r, f, format)
	}
	es, next, err := s.store.Events(r.Context(), f)
	if err != nil {
		return nil, err
	}
	return listing(nonNil(es), next), nil
}

func (s *Server) listClaims(w http.ResponseWriter, r *http.Request) (*response, error) {
	p := newParams(r)
	f := claimFilter(p)
	if err := p.done(true); err != nil {
		return nil, err
	}
	cs, next, err := s.store.Claims(r.Context(), f)
	if err != nil {
		return nil, err
	}
	return listing(nonNil(cs), next), nil
}

func (s *Server) listContradictions(w http.ResponseWriter, r *http.Request) (*response, error) {
	p := newParams(r)
	f := contradictionFilter(p)
	if err := p.done(true); err != nil {
		return nil, err
	}
	cs, next, err := s.store.Contradictions(r.Context(), f)
	if err != nil {
		return nil, err
	}
	return listing(nonNil(cs), next), nil
}

func (s *Server) listCommitments(w http.ResponseWriter, r *http.Request) (*response, error) {
	p := newParams(r)
	f := commitmentFilter(p)
	if err := p.done(true); err != nil {
		return nil, err
	}
	cs, next, err := s.store.Commitments(r.Context(), f)
	if err != nil {
		return nil, err
	}
	return listing(nonNil(cs), next), nil
}

func (s *Server) getStats(w http.ResponseWriter, r *http.Request) (*response, error) {
	if err := newParams(r).done(true); err != nil {
		return nil, err
	}
	st, err := s.store.Stats(r.Context())
	if err != nil {
		return nil, err
	}
	return ok(st), nil
}

func (s *Server) getTimeline(w http.ResponseWriter, r *http.Request) (*response, error) {
	p := newParams(r)
	f := timelineFilter(p)
	if err := p.done(true); err != nil {
		return nil, err
	}
	bs, err := s.store.Timeline(r.Context(), f)
	if err != nil {
		return nil, err
	}
	return ok(nonNil(bs)), nil
}

func (s *Server) getDyads(w http.ResponseWriter, r *http.Request) (*response, error) {
	p := newParams(r)
	f := dyadFilter(p)
	if err := p.done(true); err != nil {
		return nil, err
	}
	ds, err := s.store.Dyads(r.Context(), f)
	if err != nil {
		return nil, err
	}
	return ok(nonNil(ds)), nil
}

// nonNil makes an empty listing [] in JSON, not null.
func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}
