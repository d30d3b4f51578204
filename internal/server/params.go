package server

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/store"
)

// params reads a request's query parameters and path values, checking
// each as it goes and keeping the first error. It notes every name read,
// so that an API handler can refuse names it does not know (a typo must
// not silently widen a query) and the OpenAPI test can compare the names
// handlers read with the names the document lists.
type params struct {
	r    *http.Request
	v    url.Values
	read map[string]bool
	err  error
}

func newParams(r *http.Request) *params {
	return &params{r: r, v: r.URL.Query(), read: map[string]bool{}}
}

// paramRecorder collects the parameter names handlers read, per route;
// tests put one in the request context.
type paramRecorder struct{ names map[string]bool }

type recorderKey struct{}

func (p *params) note(name string) {
	p.read[name] = true
	if rec, ok := p.r.Context().Value(recorderKey{}).(*paramRecorder); ok {
		rec.names[name] = true
	}
}

func (p *params) fail(format string, args ...any) {
	if p.err == nil {
		p.err = errorf(domain.EINVALID, format, args...)
	}
}

// str returns a query parameter, trimmed; "" when absent.
func (p *params) str(name string) string {
	p.note(name)
	vs := p.v[name]
	if len(vs) > 1 {
		p.fail("parameter %s is given %d times; give it once", name, len(vs))
	}
	if len(vs) == 0 {
		return ""
	}
	s := strings.TrimSpace(vs[0])
	if len(s) > 500 {
		p.fail("parameter %s is longer than 500 bytes", name)
		return ""
	}
	return s
}

// path returns a path value ({id} in the route's pattern).
func (p *params) path(name string) string {
	p.note(name)
	return p.r.PathValue(name)
}

func (p *params) date(name string) domain.Date {
	s := p.str(name)
	if s == "" {
		return domain.Date{}
	}
	d, err := domain.ParseDate(s)
	if err != nil {
		p.fail("parameter %s: %q is not a date; want YYYY-MM-DD", name, s)
	}
	return d
}

// dates reads since and until and checks their order.
func (p *params) dates() (since, until domain.Date) {
	since, until = p.date("since"), p.date("until")
	if !since.IsZero() && !until.IsZero() && until.Before(since) {
		p.fail("until (%s) is before since (%s)", until, since)
	}
	return since, until
}

func (p *params) integer(name string, lo, hi, def int) int {
	s := p.str(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		p.fail("parameter %s: %q is not a whole number from %d to %d", name, s, lo, hi)
		return def
	}
	return n
}

// oneOf returns the parameter when it is one of allowed, def when absent.
func (p *params) oneOf(name, def string, allowed ...string) string {
	s := p.str(name)
	if s == "" {
		return def
	}
	if !slices.Contains(allowed, s) {
		p.fail("parameter %s: %q is not one of %s", name, s, strings.Join(allowed, ", "))
		return def
	}
	return s
}

// code reads an actor, country or type code: letters, digits and dashes,
// upper-cased.
func (p *params) code(name string, maxLen int) string {
	s := strings.ToUpper(p.str(name))
	if len(s) > maxLen || strings.IndexFunc(s, func(r rune) bool {
		return !('A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '-' || r == '_')
	}) >= 0 {
		p.fail("parameter %s: %q is not a code (letters, digits and dashes, at most %d)", name, s, maxLen)
		return ""
	}
	return s
}

func (p *params) country() string {
	s := p.code("country", 3)
	if s != "" && len(s) != 3 {
		p.fail("parameter country: %q is not an ISO 3166 alpha-3 code (ARM, AZE)", s)
	}
	return s
}

func (p *params) page(def int) store.Page {
	return store.Page{
		Limit: p.integer("limit", 1, store.MaxLimit, def),
		After: store.Cursor(p.str("cursor")),
	}
}

// done returns the first error, or with strict an error for any query
// parameter the handler did not read.
func (p *params) done(strict bool) error {
	if p.err != nil || !strict {
		return p.err
	}
	var unknown []string
	for name := range p.v {
		if !p.read[name] {
			unknown = append(unknown, name)
		}
	}
	if len(unknown) > 0 {
		known := make([]string, 0, len(p.read))
		for name := range p.read {
			if p.r.PathValue(name) == "" {
				known = append(known, name)
			}
		}
		sort.Strings(unknown)
		sort.Strings(known)
		return errorf(domain.EINVALID, "unknown parameter %s; this endpoint reads %s",
			strings.Join(unknown, ", "), strings.Join(known, ", "))
	}
	return nil
}

// The filters, read the same way by the API and the dashboard.

func articleFilter(p *params) store.ArticleFilter {
	f := store.ArticleFilter{Q: p.str("q"), Source: p.str("source")}
	f.Since, f.Until = p.dates()
	f.Page = p.page(50)
	return f
}

// eventFilter reads every EventFilter field; limit's default is def.
func eventFilter(p *params, def int) store.EventFilter {
	f := store.EventFilter{
		Actor:     p.code("actor", 32),
		Country:   p.country(),
		Type:      p.code("type", 32),
		Place:     p.str("place"),
		Modality:  p.oneOf("modality", "", domain.Modalities...),
		QuadClass: p.integer("quad_class", 1, 4, 0),
		ArticleID: p.str("article_id"),
		Q:         p.str("q"),
	}
	f.Since, f.Until = p.dates()
	f.Page = p.page(def)
	return f
}

func claimFilter(p *params) store.ClaimFilter {
	f := store.ClaimFilter{
		Actor: p.code("actor", 32), Country: p.country(), Topic: p.str("topic"),
		Place: p.str("place"), ArticleID: p.str("article_id"), Q: p.str("q"),
	}
	f.Since, f.Until = p.dates()
	f.Page = p.page(store.DefaultLimit)
	return f
}

var commitmentStatuses = []string{
	domain.StatusPending, domain.StatusFulfilled, domain.StatusViolated,
	domain.StatusOverdue, domain.StatusConditional,
}

var commitmentCategories = []string{
	domain.CategoryCeasefire, domain.CategoryAid, domain.CategoryDisarmament,
	domain.CategoryWithdrawal, domain.CategoryRelease, domain.CategoryRights,
	domain.CategoryTalks, domain.CategoryOther,
}

func commitmentFilter(p *params) store.CommitmentFilter {
	f := store.CommitmentFilter{
		Actor: p.code("actor", 32), Country: p.country(),
		Category:  p.oneOf("category", "", commitmentCategories...),
		Status:    p.oneOf("status", "", commitmentStatuses...),
		Place:     p.str("place"),
		ArticleID: p.str("article_id"), Q: p.str("q"),
	}
	f.Since, f.Until = p.dates()
	f.Page = p.page(store.DefaultLimit)
	return f
}

func contradictionFilter(p *params) store.ContradictionFilter {
	f := store.ContradictionFilter{
		Topic: p.str("topic"), Country: p.country(), Place: p.str("place"),
		ArticleID: p.str("article_id"),
	}
	f.Since, f.Until = p.dates()
	f.Page = p.page(store.DefaultLimit)
	return f
}

func timelineFilter(p *params) store.TimelineFilter {
	f := store.TimelineFilter{
		Actor: p.code("actor", 32), Country: p.country(), Place: p.str("place"),
		Interval: p.oneOf("interval", "day", "day", "week"),
		By:       p.oneOf("by", "quad", "quad", "plover"),
	}
	f.Since, f.Until = p.dates()
	return f
}

func dyadFilter(p *params) store.DyadFilter {
	f := store.DyadFilter{
		Actor: p.code("actor", 32), Country: p.country(),
		Limit: p.integer("limit", 1, 1000, 20),
	}
	f.Since, f.Until = p.dates()
	return f
}

// withRecorder returns ctx carrying rec.
func withRecorder(ctx context.Context, rec *paramRecorder) context.Context {
	return context.WithValue(ctx, recorderKey{}, rec)
}
