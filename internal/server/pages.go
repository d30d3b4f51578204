package server

import (
	"bytes"
	"cmp"
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/store"
)

//go:embed templates
var templateFS embed.FS

// pages holds one template set per page, each the layout plus the page.
type pages struct {
	sets map[string]*template.Template
}

func mustParsePages(a *assets, label func(string) string) *pages {
	if label == nil {
		label = cameoLabel
	}
	funcs := template.FuncMap{
		"asset":      a.url,
		"link":       link,
		"json":       toJSON,
		"cameoLabel": label,
		"quadLabel":  quadLabel,
		"actorURL":   func(code string) string { return "/actors/" + url.PathEscape(code) },
		"placeURL":   placeURL,
		"count":      domain.FormatCount,
		"articleURL": func(id string) string { return "/articles/" + url.PathEscape(id) },
		"add":        func(a, b int) int { return a + b },
		"bytes":      formatBytes,
		"external":   externalURL,
	}
	layout := template.Must(template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html"))
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		panic(err)
	}
	p := &pages{sets: map[string]*template.Template{}}
	for _, n := range names {
		name := path.Base(n)
		if name == "layout.html" {
			continue
		}
		t := template.Must(template.Must(layout.Clone()).ParseFS(templateFS, n))
		p.sets[strings.TrimSuffix(name, ".html")] = t
	}
	return p
}

// base is what every page's data carries for the layout.
type base struct {
	Page    string // the nav entry to mark current
	Title   string
	Version string
	Charts  bool // load ECharts
	Path    string
	Query   url.Values
}

func (s *Server) base(r *http.Request, page, title string) base {
	return base{Page: page, Title: title, Version: s.cfg.Version, Path: r.URL.Path, Query: r.URL.Query()}
}

type pageFunc func(w http.ResponseWriter, r *http.Request) error

// page wraps a dashboard handler: an error renders the error page with
// the status from statusOf.
func (s *Server) page(h pageFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.writeError(w, r, err)
		}
	})
}

// render executes a page into a buffer first, so that a template error
// is a clean 500 and not half a page.
func (s *Server) render(w http.ResponseWriter, status int, name string, data any) error {
	t, ok := s.pages.sets[name]
	if !ok {
		return fmt.Errorf("server: no page template %q", name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", data); err != nil {
		return fmt.Errorf("server: render %s: %w", name, err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, err := w.Write(buf.Bytes())
	if err != nil {
		s.log.Debug("write page", "err", err)
	}
	return nil
}

type errorView struct {
	base
	Status  int
	Message string
}

func (s *Server) renderError(w http.ResponseWriter, r *http.Request, status int, msg string) {
	v := errorView{base: s.base(r, "", http.StatusText(status)), Status: status, Message: msg}
	if err := s.render(w, status, "error", v); err != nil {
		s.log.Error("render error page", "err", err)
		http.Error(w, msg, status)
	}
}

func (s *Server) notFoundPage(w http.ResponseWriter, r *http.Request) error {
	return errorf(domain.ENOTFOUND, "There is no page at %s.", r.URL.Path)
}

// parallel runs fns at once and returns the first error: a page's
// independent queries.
func parallel(fns ...func() error) error {
	errs := make([]error, len(fns))
	var wg sync.WaitGroup
	for i, fn := range fns {
		wg.Go(func() { errs[i] = fn() })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// link returns p with the query q, changed by key/value pairs: an empty
// value removes the key. The cursor is always dropped unless set, since
// it belongs to one exact filter.
func link(p string, q url.Values, kv ...string) string {
	v := url.Values{}
	for k, vs := range q {
		if k != "cursor" && len(vs) > 0 && vs[0] != "" {
			v.Set(k, vs[0])
		}
	}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] == "" {
			v.Del(kv[i])
		} else {
			v.Set(kv[i], kv[i+1])
		}
	}
	if len(v) == 0 {
		return p
	}
	return p + "?" + v.Encode()
}

// toJSON encodes v for a data-* attribute (html/template escapes it).
func toJSON(v any) (string, error) {
	b, err := json.Marshal(v)
	return string(b), err
}

func placeURL(p *domain.Place) string {
	if p == nil {
		return ""
	}
	return "/places/" + url.PathEscape(p.Key())
}

// externalURL returns u when it is an http(s) URL, else "": an article's
// URL comes from its input and is shown as a link only when it is safe.
func externalURL(u string) string {
	pu, err := url.Parse(u)
	if err != nil || (pu.Scheme != "http" && pu.Scheme != "https") || pu.Host == "" {
		return ""
	}
	return pu.String()
}

func formatBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', -1, 64) + " MiB"
	case n >= 1<<10:
		return strconv.FormatFloat(float64(n)/(1<<10), 'f', 1, 64) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

func itoa(n int) string { return strconv.Itoa(n) }

// timelineView is a timeline for the chart: buckets of events per day or
// week and group, read by app.js from a data attribute.
type timelineView struct {
	Interval string                 `json:"interval"`
	By       string                 `json:"by"`
	Buckets  []store.TimelineBucket `json:"buckets"`
	Total    int                    `json:"total"`
}

// maxDays is the span beyond which a daily timeline is shown by week.
const maxDays = 370

// timeline counts events per day, or per week when the days span more
// than a year (folded here, so the store is asked once).
func (s *Server) timeline(ctx context.Context, f store.TimelineFilter) (timelineView, error) {
	f.Interval, f.By = "day", cmp.Or(f.By, "quad")
	bs, err := s.store.Timeline(ctx, f)
	if err != nil {
		return timelineView{}, err
	}
	v := timelineView{Interval: "day", By: f.By, Buckets: nonNil(bs)}
	for _, b := range bs {
		v.Total += b.Count
	}
	if len(bs) == 0 {
		return v, nil
	}
	first, last := bs[0].Start, bs[0].Start
	for _, b := range bs {
		if b.Start.Before(first) {
			first = b.Start
		}
		if b.Start.After(last) {
			last = b.Start
		}
	}
	if first.DaysUntil(last) <= maxDays {
		return v, nil
	}
	type key struct {
		start domain.Date
		group string
	}
	weeks := map[key]int{}
	for _, b := range bs {
		wd := (int(b.Start.Time().Weekday()) + 6) % 7 // Monday is 0
		weeks[key{b.Start.AddDays(-wd), b.Group}] += b.Count
	}
	v.Interval, v.Buckets = "week", make([]store.TimelineBucket, 0, len(weeks))
	for k, n := range weeks {
		v.Buckets = append(v.Buckets, store.TimelineBucket{Start: k.start, Group: k.group, Count: n})
	}
	slices.SortFunc(v.Buckets, func(a, b store.TimelineBucket) int {
		return cmp.Or(cmp.Compare(a.Start.String(), b.Start.String()), cmp.Compare(a.Group, b.Group))
	})
	return v, nil
}

// mapPoint is one place on the map: how many of the sampled events
// happened there, and their most frequent quad class and PLOVER type.
type mapPoint struct {
	Key     string  `json:"key"`
	Name    string  `json:"name"`
	Country string  `json:"country"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
	Count   int     `json:"count"`
	Quad    int     `json:"quad"`
	Type    string  `json:"type"`
	quads   [5]int
	types   map[string]int
}

// mapView is the map's data: points, and whether the events were
// sampled (the latest Config.MapEvents of the filter).
type mapView struct {
	Points  []*mapPoint `json:"points"`
	Sampled int         `json:"sampled"`
	More    bool        `json:"more"`
	// Country is a country to shade (its name on the map).
	Country string `json:"-"`
}

// mapPoints places the latest Config.MapEvents events of f. The store
// has no aggregate by place, so the map shows a sample when a view holds
// more events than that; the page says so.
func (s *Server) mapPoints(ctx context.Context, f store.EventFilter) (mapView, []domain.Event, error) {
	f.Limit = min(s.cfg.MapEvents, store.MaxLimit)
	es, next, err := s.store.Events(ctx, f)
	if err != nil {
		return mapView{}, nil, err
	}
	return aggregatePlaces(es, next != ""), es, nil
}

func aggregatePlaces(es []domain.Event, more bool) mapView {
	byKey := map[string]*mapPoint{}
	v := mapView{Points: []*mapPoint{}, Sampled: len(es), More: more}
	for i := range es {
		e := &es[i]
		if e.Place == nil || e.Place.Precision == "" {
			continue // no place, or one known by name only
		}
		k := e.Place.Key()
		p := byKey[k]
		if p == nil {
			p = &mapPoint{Key: k, Name: e.Place.Name, Country: string(e.Place.Country),
				Lat: e.Place.Lat, Lon: e.Place.Lon, types: map[string]int{}}
			byKey[k] = p
			v.Points = append(v.Points, p)
		}
		p.Count++
		if e.QuadClass >= 1 && e.QuadClass <= 4 {
			p.quads[e.QuadClass]++
		}
		if e.PLOVER.Type != "" {
			p.types[e.PLOVER.Type]++
		}
	}
	for _, p := range v.Points {
		for q := 1; q <= 4; q++ {
			if p.quads[q] > p.quads[p.Quad] {
				p.Quad = q
			}
		}
		for t, n := range p.types {
			if n > p.types[p.Type] || n == p.types[p.Type] && t < p.Type {
				p.Type = t
			}
		}
	}
	slices.SortFunc(v.Points, func(a, b *mapPoint) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Key, b.Key))
	})
	return v
}

// statusCount is one row of the commitments-by-status table.
type statusCount struct {
	Status string
	Count  int
	Max    int
}

type overviewView struct {
	base
	Stats          store.Stats
	Timeline       timelineView
	Map            mapView
	Dyads          []store.Dyad
	Contradictions []domain.Contradiction
	Statuses       []statusCount
	StatusesMore   bool
	Filtered       bool
}

func (s *Server) overviewPage(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r)
	since, until := p.dates()
	country, actor, place := p.country(), p.code("actor", 32), p.str("place")
	if err := p.done(false); err != nil {
		return err
	}
	ctx := r.Context()
	v := overviewView{base: s.base(r, "overview", "Overview")}
	v.Charts = true
	v.Filtered = !since.IsZero() || !until.IsZero() || country != "" || actor != "" || place != ""
	var commitments []domain.Commitment
	var more store.Cursor
	err := parallel(
		func() (err error) { v.Stats, err = s.store.Stats(ctx); return },
		func() (err error) {
			v.Timeline, err = s.timeline(ctx, store.TimelineFilter{Since: since, Until: until, Actor: actor, Country: country, Place: place})
			return
		},
		func() (err error) {
			var sample []domain.Event
			v.Map, sample, err = s.mapPoints(ctx, store.EventFilter{Since: since, Until: until, Actor: actor, Country: country, Place: place})
			v.Dyads = countDyads(sample, 10)
			return
		},
		func() (err error) {
			v.Contradictions, _, err = s.store.Contradictions(ctx, store.ContradictionFilter{
				Since: since, Until: until, Country: country, Place: place, Page: store.Page{Limit: 5}})
			return
		},
		func() (err error) {
			commitments, more, err = s.store.Commitments(ctx, store.CommitmentFilter{
				Since: since, Until: until, Actor: actor, Country: country, Place: place,
				Page: store.Page{Limit: store.MaxLimit}})
			return
		},
	)
	if err != nil {
		return err
	}
	counts := map[string]int{}
	top := 0
	for _, c := range commitments {
		counts[c.Status]++
		top = max(top, counts[c.Status])
	}
	for _, st := range commitmentStatuses {
		if counts[st] > 0 {
			v.Statuses = append(v.Statuses, statusCount{st, counts[st], top})
		}
	}
	v.StatusesMore = more != ""
	return s.render(w, http.StatusOK, "overview", v)
}

type eventsView struct {
	base
	Filter     store.EventFilter
	Events     []domain.Event
	Next       string
	First      bool
	Modalities []string
	Exports    []exportLink
}

type exportLink struct{ Label, Href string }

func (s *Server) eventsPage(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r)
	f := eventFilter(p, 50)
	if err := p.done(false); err != nil {
		return err
	}
	es, next, err := s.store.Events(r.Context(), f)
	if err != nil {
		return err
	}
	v := eventsView{base: s.base(r, "events", "Events"), Filter: f, Events: es,
		First: f.After == "", Modalities: domain.Modalities}
	if next != "" {
		v.Next = link("/events", v.Query, "cursor", string(next))
	}
	for _, ex := range []struct{ label, format string }{{"CSV", formatCSV}, {"GeoJSON", formatGeoJSON}, {"JSON lines", formatJSONL}} {
		v.Exports = append(v.Exports, exportLink{ex.label, link("/api/v1/events", v.Query, "limit", "", "format", ex.format)})
	}
	return s.render(w, http.StatusOK, "events", v)
}

type articlesView struct {
	base
	Articles []*domain.Article
	Next     string
	First    bool
	Total    int
}

func (s *Server) articlesPage(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r)
	f := articleFilter(p)
	if err := p.done(false); err != nil {
		return err
	}
	v := articlesView{base: s.base(r, "articles", "Articles"), First: f.After == ""}
	var next store.Cursor
	err := parallel(
		func() (err error) { v.Articles, next, err = s.store.Articles(r.Context(), f); return },
		func() (err error) { v.Total, err = s.store.CountArticles(r.Context(), f); return },
	)
	if err != nil {
		return err
	}
	if next != "" {
		v.Next = link("/articles", v.Query, "cursor", string(next))
	}
	return s.render(w, http.StatusOK, "articles", v)
}
