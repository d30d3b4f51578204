package server

import (
	"cmp"
	"context"
	"html/template"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/store"
)

// recordItem is a record beside an article's text: its label (E1, C2,
// K3), and whether its words could be highlighted (a span that lies
// outside the text is not linked).
type recordItem[T any] struct {
	Label  string
	InText bool
	Rec    T
}

type mentionItem struct {
	Code, Name, Text, Type string
	Anchor                 string
	Place                  *domain.Place
	Count                  int
}

type articleView struct {
	base
	Article        *domain.Article
	URL            string
	Text           template.HTML
	Events         []recordItem[domain.Event]
	Claims         []recordItem[domain.Claim]
	Commitments    []recordItem[domain.Commitment]
	Contradictions []domain.Contradiction
	Actors         []*mentionItem
	Places         []*mentionItem
	Dropped        int
}

func (s *Server) articlePage(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r)
	id := p.path("id")
	if err := p.done(false); err != nil {
		return err
	}
	d, err := s.articleDetail(r, id)
	if err != nil {
		return err
	}
	title := d.Article.Title
	if title == "" {
		title = "Article " + d.Article.ID
	}
	v := articleView{base: s.base(r, "articles", title), Article: d.Article,
		URL: externalURL(d.Article.URL), Contradictions: d.Contradictions}
	// Records are numbered in the order of the text, not of the listing.
	slices.SortStableFunc(d.Events, func(a, b domain.Event) int {
		return cmp.Or(cmp.Compare(a.TriggerSpan.Start, b.TriggerSpan.Start), cmp.Compare(a.Span.Start, b.Span.Start))
	})
	slices.SortStableFunc(d.Claims, func(a, b domain.Claim) int {
		return cmp.Compare(orSpan(a.PropositionSpan, a.Span).Start, orSpan(b.PropositionSpan, b.Span).Start)
	})
	slices.SortStableFunc(d.Commitments, func(a, b domain.Commitment) int {
		return cmp.Compare(orSpan(a.ActionSpan, a.Span).Start, orSpan(b.ActionSpan, b.Span).Start)
	})
	var marks []mark
	// Mentions: actors, people, organisations and places.
	actors, places := map[string]*mentionItem{}, map[string]*mentionItem{}
	seen := map[domain.Span]bool{}
	for i, m := range d.Mentions {
		anchor := "t-m" + strconv.Itoa(i)
		title := strings.TrimSpace(string(m.Code) + " " + string(m.Name))
		marks = append(marks, mark{Span: m.Span, Kind: m.Type, ID: anchor, Title: title})
		seen[m.Span] = true
		if pl := m.Place(); pl != nil {
			k := pl.Key()
			if it := places[k]; it != nil {
				it.Count++
			} else {
				places[k] = &mentionItem{Name: pl.Name, Text: m.Text, Type: m.Type, Anchor: anchor, Place: pl, Count: 1}
			}
			continue
		}
		k := cmp.Or(string(m.Code), m.Text)
		if it := actors[k]; it != nil {
			it.Count++
		} else {
			actors[k] = &mentionItem{Code: string(m.Code), Name: cmp.Or(string(m.Name), string(m.Ref)), Text: m.Text, Type: m.Type, Anchor: anchor, Count: 1}
		}
	}
	// Records: each highlights its words and links to its card.
	for i, e := range d.Events {
		label := "E" + strconv.Itoa(i+1)
		marks = append(marks, mark{Span: e.TriggerSpan, Kind: "trigger", ID: "t-" + e.ID, Ref: "r-" + e.ID, Label: label,
			Title: label + " " + e.CAMEO + " " + e.PLOVER.Type})
		// Actors and places the mentions did not cover (a coder that
		// stores no mentions) are still shown.
		for _, a := range slices.Concat(e.Source, e.Target) {
			if !seen[a.Span] {
				seen[a.Span] = true
				marks = append(marks, mark{Span: a.Span, Kind: "actor", Title: string(a.Code)})
			}
		}
		if e.Place != nil && !seen[e.Place.Span] {
			seen[e.Place.Span] = true
			marks = append(marks, mark{Span: e.Place.Span, Kind: "place", Title: e.Place.Name})
		}
	}
	for i, c := range d.Claims {
		label := "C" + strconv.Itoa(i+1)
		marks = append(marks, mark{Span: orSpan(c.PropositionSpan, c.Span), Kind: "claim", ID: "t-" + c.ID, Ref: "r-" + c.ID, Label: label,
			Title: label + " " + c.Topic + ": " + c.Polarity})
	}
	for i, c := range d.Commitments {
		label := "K" + strconv.Itoa(i+1)
		marks = append(marks, mark{Span: orSpan(c.ActionSpan, c.Span), Kind: "commitment", ID: "t-" + c.ID, Ref: "r-" + c.ID, Label: label,
			Title: label + " " + c.Category + ", " + c.Status})
	}
	html, kept := highlight(d.Article.Text, marks)
	v.Text = html
	inText := map[string]bool{}
	for _, m := range kept {
		inText[m.ID] = true
	}
	v.Dropped = len(marks) - len(kept)
	for i, e := range d.Events {
		v.Events = append(v.Events, recordItem[domain.Event]{"E" + strconv.Itoa(i+1), inText["t-"+e.ID], e})
	}
	for i, c := range d.Claims {
		v.Claims = append(v.Claims, recordItem[domain.Claim]{"C" + strconv.Itoa(i+1), inText["t-"+c.ID], c})
	}
	for i, c := range d.Commitments {
		v.Commitments = append(v.Commitments, recordItem[domain.Commitment]{"K" + strconv.Itoa(i+1), inText["t-"+c.ID], c})
	}
	byCount := func(a, b *mentionItem) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Code+a.Name, b.Code+b.Name))
	}
	for _, it := range actors {
		v.Actors = append(v.Actors, it)
	}
	for _, it := range places {
		v.Places = append(v.Places, it)
	}
	slices.SortFunc(v.Actors, byCount)
	slices.SortFunc(v.Places, byCount)
	return s.render(w, http.StatusOK, "article", v)
}

// orSpan returns s, or else when s is unset.
func orSpan(s, or domain.Span) domain.Span {
	if s.IsZero() {
		return or
	}
	return s
}

// side is one of a contradiction's two records, resolved for display.
type side struct {
	ID      string
	Found   bool
	IsEvent bool
	Speaker domain.Actor
	Date    domain.Date
	Verb    string
	// Words is the proposition of a claim or the sentence of an event.
	Words     string
	Sentence  string
	Topic     string
	Polarity  string
	ArticleID string
	Article   *domain.Article
}

type narrative struct {
	domain.Contradiction
	Sides []side
}

type narrativesView struct {
	base
	Items []narrative
	Next  string
	First bool
}

func (s *Server) narrativesPage(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r)
	f := contradictionFilter(p)
	if err := p.done(false); err != nil {
		return err
	}
	if f.Limit == store.DefaultLimit && p.v.Get("limit") == "" {
		f.Limit = 25
	}
	ctx := r.Context()
	cs, next, err := s.store.Contradictions(ctx, f)
	if err != nil {
		return err
	}
	res := newResolver(s.store)
	res.label = s.label
	v := narrativesView{base: s.base(r, "narratives", "Narratives"), First: f.After == ""}
	for _, c := range cs {
		n := narrative{Contradiction: c}
		for i, id := range c.Claims {
			aid := ""
			if i < len(c.Articles) {
				aid = c.Articles[i]
			}
			sd, err := res.side(ctx, id, aid)
			if err != nil {
				return err
			}
			n.Sides = append(n.Sides, sd)
		}
		v.Items = append(v.Items, n)
	}
	if next != "" {
		v.Next = link("/narratives", v.Query, "cursor", string(next))
	}
	return s.render(w, http.StatusOK, "narratives", v)
}

// resolver finds claims and events by id through their articles (the
// store lists records by article, and has no lookup of a claim by id),
// loading each article's records once.
type resolver struct {
	st       store.Store
	label    func(string) string
	articles map[string]*domain.Article
	claims   map[string]domain.Claim
	events   map[string]domain.Event
	loaded   map[string]bool
}

func newResolver(st store.Store) *resolver {
	return &resolver{st: st, articles: map[string]*domain.Article{}, claims: map[string]domain.Claim{},
		events: map[string]domain.Event{}, loaded: map[string]bool{}}
}

func (rs *resolver) load(ctx context.Context, aid string) error {
	if aid == "" || rs.loaded[aid] {
		return nil
	}
	rs.loaded[aid] = true
	a, err := rs.st.Article(ctx, aid)
	if domain.ErrorCode(err) == domain.ENOTFOUND {
		return nil
	}
	if err != nil {
		return err
	}
	a.Text = "" // not shown here
	rs.articles[aid] = a
	all := store.Page{Limit: store.MaxLimit}
	cs, _, err := rs.st.Claims(ctx, store.ClaimFilter{ArticleID: aid, Page: all})
	if err != nil {
		return err
	}
	for _, c := range cs {
		rs.claims[c.ID] = c
	}
	es, _, err := rs.st.Events(ctx, store.EventFilter{ArticleID: aid, Page: all})
	if err != nil {
		return err
	}
	for _, e := range es {
		rs.events[e.ID] = e
	}
	return nil
}

func (rs *resolver) side(ctx context.Context, id, aid string) (side, error) {
	if err := rs.load(ctx, aid); err != nil {
		return side{}, err
	}
	sd := side{ID: id, ArticleID: aid, Article: rs.articles[aid]}
	if c, ok := rs.claims[id]; ok {
		sd.Found, sd.Speaker, sd.Date, sd.Verb = true, c.Speaker, c.Date, c.Verb
		sd.Words, sd.Sentence, sd.Topic, sd.Polarity = c.Proposition, c.Sentence, c.Topic, c.Polarity
		sd.ArticleID = c.ArticleID
	} else if e, ok := rs.events[id]; ok {
		sd.Found, sd.IsEvent, sd.Date, sd.Sentence = true, true, e.Date, e.Sentence
		sd.Speaker = firstActor(e.Source)
		sd.Words, sd.Verb, sd.Polarity = e.Trigger, e.CAMEO+" "+rs.labelOf(e.CAMEO), e.Modality
		sd.ArticleID = e.ArticleID
	}
	return sd, nil
}

// ledgerGroup is one actor's commitments.
type ledgerGroup struct {
	Code   string
	Name   string
	Counts []statusCount
	Items  []domain.Commitment
}

type commitmentsView struct {
	base
	Groups     []*ledgerGroup
	Total      int
	More       bool
	Statuses   []string
	Categories []string
}

func (s *Server) commitmentsPage(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r)
	f := commitmentFilter(p)
	if err := p.done(false); err != nil {
		return err
	}
	if p.v.Get("limit") == "" {
		f.Limit = 1000
	}
	cs, next, err := s.store.Commitments(r.Context(), f)
	if err != nil {
		return err
	}
	v := commitmentsView{base: s.base(r, "commitments", "Commitments"), Total: len(cs), More: next != "",
		Statuses: commitmentStatuses, Categories: commitmentCategories}
	groups := map[string]*ledgerGroup{}
	for _, c := range cs {
		k := cmp.Or(string(c.Actor.Code), c.Actor.Text)
		g := groups[k]
		if g == nil {
			g = &ledgerGroup{Code: string(c.Actor.Code), Name: cmp.Or(string(c.Actor.Name), c.Actor.Text)}
			groups[k] = g
			v.Groups = append(v.Groups, g)
		}
		g.Items = append(g.Items, c)
	}
	for _, g := range v.Groups {
		n := map[string]int{}
		for _, c := range g.Items {
			n[c.Status]++
		}
		for _, st := range commitmentStatuses {
			if n[st] > 0 {
				g.Counts = append(g.Counts, statusCount{st, n[st], len(g.Items)})
			}
		}
	}
	slices.SortStableFunc(v.Groups, func(a, b *ledgerGroup) int {
		return cmp.Or(cmp.Compare(len(b.Items), len(a.Items)), strings.Compare(a.Code, b.Code))
	})
	return s.render(w, http.StatusOK, "commitments", v)
}

// profileView is the page of an actor, a country or a place.
type profileView struct {
	base
	Kind       string // actor, country, place
	Code       string
	Name       string
	Timeline   timelineView
	Map        mapView
	Dyads      []store.Dyad
	Names      map[string]string
	Events     []domain.Event
	EventsHref string
}

const profileEvents = 25

func (s *Server) actorPage(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r)
	code := strings.ToUpper(p.path("code"))
	since, until := p.dates()
	if err := p.done(false); err != nil {
		return err
	}
	if !validCode(code) {
		return errorf(domain.EINVALID, "%q is not an actor code (AZEGOV, ARMCVL, IGOUNO)", code)
	}
	v := s.newProfile(r, "actor", code)
	err := s.fillProfile(r.Context(), &v,
		store.TimelineFilter{Since: since, Until: until, Actor: code},
		store.EventFilter{Since: since, Until: until, Actor: code})
	if err != nil {
		return err
	}
	v.named(v.Names[code])
	v.EventsHref = link("/events", nil, "actor", code, "since", since.String(), "until", until.String())
	return s.render(w, http.StatusOK, "profile", v)
}

func (s *Server) countryPage(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r)
	code := strings.ToUpper(p.path("iso3"))
	since, until := p.dates()
	if err := p.done(false); err != nil {
		return err
	}
	if len(code) != 3 || !validCode(code) {
		return errorf(domain.EINVALID, "%q is not an ISO 3166 alpha-3 country code (ARM, AZE)", code)
	}
	v := s.newProfile(r, "country", code)
	err := s.fillProfile(r.Context(), &v,
		store.TimelineFilter{Since: since, Until: until, Country: code},
		store.EventFilter{Since: since, Until: until, Country: code})
	if err != nil {
		return err
	}
	v.named(cmp.Or(countryNames()[code], v.Names[code]))
	v.Map.Country = countryNames()[code]
	v.EventsHref = link("/events", nil, "country", code, "since", since.String(), "until", until.String())
	return s.render(w, http.StatusOK, "profile", v)
}

func (s *Server) placePage(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r)
	key := p.path("key")
	since, until := p.dates()
	if err := p.done(false); err != nil {
		return err
	}
	if len(key) < 2 {
		return errorf(domain.ENOTFOUND, "there is no place %q", key)
	}
	var place string
	switch key[0] {
	case 'g', 'r':
		place = key[1:]
	case 'c':
		// A place known only by its country is the country.
		http.Redirect(w, r, link("/countries/"+strings.ToUpper(key[1:]), r.URL.Query()), http.StatusFound)
		return nil
	default:
		return errorf(domain.ENOTFOUND, "there is no place %q (a place key is g and a GeoNames id, or r and a region id)", key)
	}
	v := s.newProfile(r, "place", key)
	err := s.fillProfile(r.Context(), &v,
		store.TimelineFilter{Since: since, Until: until, Place: place},
		store.EventFilter{Since: since, Until: until, Place: place})
	if err != nil {
		return err
	}
	for _, pt := range v.Map.Points {
		if pt.Key == key {
			v.named(pt.Name)
		}
	}
	if v.Name == "" && len(v.Events) == 0 {
		return errorf(domain.ENOTFOUND, "no event is coded at place %q", key)
	}
	v.EventsHref = link("/events", nil, "place", place, "since", since.String(), "until", until.String())
	return s.render(w, http.StatusOK, "profile", v)
}

func validCode(code string) bool {
	return code != "" && len(code) <= 32 && strings.IndexFunc(code, func(r rune) bool {
		return !('A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '-' || r == '_')
	}) < 0
}

func (s *Server) newProfile(r *http.Request, kind, code string) profileView {
	v := profileView{base: s.base(r, "", code), Kind: kind, Code: code}
	v.Charts = true
	return v
}

// fillProfile loads a profile's timeline, map, counterparts and latest
// events. The map, the counterparts and the latest events all come from
// one sample: the latest Config.MapEvents events of the view.
func (s *Server) fillProfile(ctx context.Context, v *profileView, tf store.TimelineFilter, ef store.EventFilter) error {
	var sample []domain.Event
	err := parallel(
		func() (err error) { v.Timeline, err = s.timeline(ctx, tf); return },
		func() (err error) { v.Map, sample, err = s.mapPoints(ctx, ef); return },
	)
	if err != nil {
		return err
	}
	v.Names = map[string]string{}
	for _, e := range sample {
		for _, a := range slices.Concat(e.Source, e.Target) {
			if a.Code != "" && a.Name != "" {
				if _, ok := v.Names[string(a.Code)]; !ok {
					v.Names[string(a.Code)] = string(a.Name)
				}
			}
		}
	}
	v.Dyads = countDyads(sample, 15)
	v.Events = sample[:min(len(sample), profileEvents)]
	return nil
}

// named sets the profile's name and title.
func (v *profileView) named(name string) {
	v.Name = name
	if name != "" {
		v.Title = name + " (" + v.Code + ")"
	}
}

// countDyads counts the events of each (source, target) code pair, as
// store.Dyads does: the dashboard counts them over the events it has in
// hand, since the store's count over a whole large store is slow (about
// ten seconds over a million events) and the pages' counts must agree
// with their maps.
func countDyads(es []domain.Event, limit int) []store.Dyad {
	n := map[[2]string]int{}
	for _, e := range es {
		seen := map[[2]string]bool{}
		for _, a := range e.Source {
			for _, b := range e.Target {
				k := [2]string{string(a.Code), string(b.Code)}
				if a.Code != "" && b.Code != "" && !seen[k] {
					seen[k] = true
					n[k]++
				}
			}
		}
	}
	ds := make([]store.Dyad, 0, len(n))
	for k, c := range n {
		ds = append(ds, store.Dyad{Source: k[0], Target: k[1], Count: c})
	}
	slices.SortFunc(ds, func(a, b store.Dyad) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Source, b.Source), strings.Compare(a.Target, b.Target))
	})
	return ds[:min(len(ds), limit)]
}

func (rs *resolver) labelOf(code string) string {
	if rs.label != nil {
		return rs.label(code)
	}
	return cameoLabel(code)
}
