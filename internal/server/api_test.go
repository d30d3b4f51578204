package server

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/store"
)

func hasActor(as []domain.Actor, pred func(domain.Actor) bool) bool {
	return slices.ContainsFunc(as, pred)
}

func TestEventsFilters(t *testing.T) {
	ts := newTestServer(t, Config{})
	day := func(s string) domain.Date { d, _ := domain.ParseDate(s); return d }
	tests := []struct {
		query string
		// keep says which events the filter must select.
		keep func(e domain.Event) bool
		want int // the number expected, 0 to only check keep and that some match
	}{
		{"limit=500", func(domain.Event) bool { return true }, ts.info.events},
		{"country=ARM", func(e domain.Event) bool {
			arm := func(a domain.Actor) bool { return a.Country == "ARM" }
			return hasActor(e.Source, arm) || hasActor(e.Target, arm) || e.Place != nil && e.Place.Country == "ARM"
		}, 0},
		{"since=2023-10-01&until=2023-10-31", func(e domain.Event) bool {
			return !e.Date.Before(day("2023-10-01")) && !e.Date.After(day("2023-10-31"))
		}, 0},
		{"country=AZE&since=2023-11-01", func(e domain.Event) bool { return !e.Date.Before(day("2023-11-01")) }, 0},
		{"actor=AZEMIL", func(e domain.Event) bool {
			return hasActor(slices.Concat(e.Source, e.Target), func(a domain.Actor) bool { return a.Code == "AZEMIL" })
		}, 0},
		{"actor=aze", func(e domain.Event) bool {
			return hasActor(slices.Concat(e.Source, e.Target), func(a domain.Actor) bool { return strings.HasPrefix(string(a.Code), "AZE") })
		}, 0},
		{"type=PROTEST", func(e domain.Event) bool { return e.PLOVER.Type == "PROTEST" }, 0},
		{"type=14", func(e domain.Event) bool { return strings.HasPrefix(e.CAMEO, "14") }, 0},
		{"place=Yerevan", func(e domain.Event) bool { return e.Place != nil && e.Place.Name == "Yerevan" }, 0},
		{"place=616052", func(e domain.Event) bool { return e.Place != nil && e.Place.GeonameID == 616052 }, 0},
		{"place=nagorno-karabakh", func(e domain.Event) bool { return e.Place != nil && e.Place.Region == "nagorno-karabakh" }, 0},
		{"modality=reported", func(e domain.Event) bool { return e.Modality == domain.ModalityReported }, 3},
		{"quad_class=4", func(e domain.Event) bool { return e.QuadClass == 4 }, 0},
		{"article_id=nk-ceasefire", func(e domain.Event) bool { return e.ArticleID == "nk-ceasefire" }, 5},
		{"q=ceasefire", func(e domain.Event) bool { return strings.Contains(strings.ToLower(e.Sentence), "ceasefire") }, 0},
		{"type=PROTEST&place=Yerevan&since=2023-09-20&until=2023-09-30", func(e domain.Event) bool {
			return e.PLOVER.Type == "PROTEST" && e.Place.Name == "Yerevan"
		}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			env := decode[[]domain.Event](t, ts.get(t, "/api/v1/events?"+tt.query))
			if len(env.Data) == 0 {
				t.Fatal("no events; the seed has some for every filter here")
			}
			if tt.want != 0 && len(env.Data) != tt.want {
				t.Errorf("got %d events, want %d", len(env.Data), tt.want)
			}
			for _, e := range env.Data {
				if !tt.keep(e) {
					t.Errorf("event %s (%s %s %s) does not match %s", e.ID, e.Date, e.CAMEO, e.Sentence, tt.query)
				}
			}
			// Newest first.
			for i := 1; i < len(env.Data); i++ {
				if env.Data[i].Date.After(env.Data[i-1].Date) {
					t.Errorf("event %d (%s) is newer than event %d (%s)", i, env.Data[i].Date, i-1, env.Data[i-1].Date)
				}
			}
		})
	}
}

func TestEventsPagination(t *testing.T) {
	ts := newTestServer(t, Config{})
	seen := map[string]bool{}
	target := "/api/v1/events?limit=7&country=AZE"
	pages := 0
	for {
		env := decode[[]domain.Event](t, ts.get(t, target))
		pages++
		if len(env.Data) > 7 {
			t.Fatalf("page %d has %d events, want at most 7", pages, len(env.Data))
		}
		for _, e := range env.Data {
			if seen[e.ID] {
				t.Fatalf("event %s on two pages", e.ID)
			}
			seen[e.ID] = true
		}
		if env.Next == nil {
			break
		}
		target = "/api/v1/events?limit=7&country=AZE&cursor=" + url.QueryEscape(*env.Next)
	}
	all := decode[[]domain.Event](t, ts.get(t, "/api/v1/events?limit=1000&country=AZE"))
	if len(seen) != len(all.Data) || pages < 2 {
		t.Errorf("paged through %d events in %d pages, want %d in several", len(seen), pages, len(all.Data))
	}
	if all.Next != nil {
		t.Errorf("next %q on the last page, want null", *all.Next)
	}
	if !strings.Contains(ts.get(t, "/api/v1/events?limit=1").Body.String(), `"next":"`) {
		t.Error("a first page of one event has no next cursor")
	}
}

func TestEventsFormats(t *testing.T) {
	ts := newTestServer(t, Config{})
	t.Run("csv", func(t *testing.T) {
		rec := ts.get(t, "/api/v1/events?format=csv&article_id=nk-ceasefire")
		if got := rec.Header().Get("Content-Type"); !strings.HasPrefix(got, "text/csv") {
			t.Errorf("Content-Type %q, want text/csv", got)
		}
		if got := rec.Header().Get("Content-Disposition"); !strings.Contains(got, "attachment") {
			t.Errorf("Content-Disposition %q, want an attachment", got)
		}
		rows, err := csv.NewReader(strings.NewReader(rec.Body.String())).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if got, want := len(rows), 1+5; got != want {
			t.Fatalf("got %d rows, want %d", got, want)
		}
		for i, col := range []string{"GlobalEventID", "Day", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor2Code",
			"Actor2Name", "Actor2CountryCode", "EventCode", "EventRootCode", "QuadClass", "GoldsteinScale",
			"ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long", "SOURCEURL",
			"PloverType", "PloverMode", "Modality", "Fatalities"} {
			if rows[0][i] != col {
				t.Errorf("column %d is %q, want %q", i, rows[0][i], col)
			}
		}
		if last := rows[0][len(rows[0])-1]; last != "DatePrecision" {
			t.Errorf("last column is %q, want DatePrecision", last)
		}
		golden(t, "events-nk-ceasefire.csv", rec.Body.Bytes())
	})
	t.Run("csv of every event", func(t *testing.T) {
		rec := ts.get(t, "/api/v1/events?format=csv")
		rows, err := csv.NewReader(strings.NewReader(rec.Body.String())).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if got, want := len(rows)-1, ts.info.events; got != want {
			t.Errorf("exported %d events with no limit, want all %d", got, want)
		}
	})
	t.Run("export limit", func(t *testing.T) {
		ts := newTestServerOn(t, Config{ExportMax: 30}, ts.store, ts.info)
		rows, _ := csv.NewReader(strings.NewReader(ts.get(t, "/api/v1/events?format=csv").Body.String())).ReadAll()
		if got := len(rows) - 1; got != 30 {
			t.Errorf("exported %d events, want the cap of 30", got)
		}
		rows, _ = csv.NewReader(strings.NewReader(ts.get(t, "/api/v1/events?format=csv&limit=3").Body.String())).ReadAll()
		if got := len(rows) - 1; got != 3 {
			t.Errorf("exported %d events with limit=3, want 3", got)
		}
	})
	t.Run("geojson", func(t *testing.T) {
		rec := ts.get(t, "/api/v1/events?format=geojson&country=ARM")
		if got := rec.Header().Get("Content-Type"); got != "application/geo+json" {
			t.Errorf("Content-Type %q, want application/geo+json", got)
		}
		var fc struct {
			Type     string
			Features []struct {
				Type     string
				Geometry struct {
					Type        string
					Coordinates []float64
				}
				Properties domain.Event
			}
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &fc); err != nil {
			t.Fatalf("not JSON: %v\n%s", err, rec.Body)
		}
		if fc.Type != "FeatureCollection" || len(fc.Features) == 0 {
			t.Fatalf("got %s with %d features", fc.Type, len(fc.Features))
		}
		for _, f := range fc.Features {
			p := f.Properties.Place
			if f.Geometry.Type != "Point" || p == nil || f.Geometry.Coordinates[0] != p.Lon || f.Geometry.Coordinates[1] != p.Lat {
				t.Errorf("feature %s: geometry %+v, place %+v", f.Properties.ID, f.Geometry, p)
			}
		}
	})
	t.Run("jsonl", func(t *testing.T) {
		rec := ts.get(t, "/api/v1/events?format=jsonl&type=PROTEST")
		sc := bufio.NewScanner(rec.Body)
		n := 0
		for sc.Scan() {
			var e domain.Event
			if err := json.Unmarshal(sc.Bytes(), &e); err != nil || e.PLOVER.Type != "PROTEST" {
				t.Errorf("line %d: %v %s", n, err, sc.Text())
			}
			n++
		}
		if n == 0 {
			t.Error("no lines")
		}
	})
}

func TestAPIErrors(t *testing.T) {
	ts := newTestServer(t, Config{})
	tests := []struct {
		method, target string
		status         int
		code, message  string
	}{
		{"GET", "/api/v1/events?since=yesterday", 400, "invalid", "since"},
		{"GET", "/api/v1/events?since=2023-11-01&until=2023-10-01", 400, "invalid", "before"},
		{"GET", "/api/v1/events?contry=ARM", 400, "invalid", "unknown parameter contry"},
		{"GET", "/api/v1/events?limit=0", 400, "invalid", "limit"},
		{"GET", "/api/v1/events?limit=10001", 400, "invalid", "limit"},
		{"GET", "/api/v1/events?quad_class=9", 400, "invalid", "quad_class"},
		{"GET", "/api/v1/events?modality=certain", 400, "invalid", "modality"},
		{"GET", "/api/v1/events?format=xml", 400, "invalid", "format"},
		{"GET", "/api/v1/events?country=Armenia", 400, "invalid", "country"},
		{"GET", "/api/v1/events?cursor=bogus", 400, "invalid", "cursor"},
		{"GET", "/api/v1/events?format=csv&cursor=bogus", 400, "invalid", "cursor"},
		{"GET", "/api/v1/events?country=ARM&country=AZE", 400, "invalid", "once"},
		{"GET", "/api/v1/stats/timeline?interval=month", 400, "invalid", "interval"},
		{"GET", "/api/v1/stats/timeline?by=actor", 400, "invalid", "by"},
		{"GET", "/api/v1/commitments?status=broken", 400, "invalid", "status"},
		{"GET", "/api/v1/articles/nope", 404, "not_found", "nope"},
		{"GET", "/api/v1/nope", 404, "not_found", "openapi"},
		{"POST", "/api/v1/events", 405, "method_not_allowed", "GET"},
		{"DELETE", "/api/v1/articles", 405, "method_not_allowed", "GET"},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.target, func(t *testing.T) {
			rec := ts.do(t, tt.method, tt.target, nil)
			if rec.Code != tt.status {
				t.Errorf("status %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
			env := decodeError(t, rec)
			if env.Error.Code != tt.code {
				t.Errorf("code %q, want %q", env.Error.Code, tt.code)
			}
			if !strings.Contains(env.Error.Message, tt.message) {
				t.Errorf("message %q does not mention %q", env.Error.Message, tt.message)
			}
		})
	}
	t.Run("allow header", func(t *testing.T) {
		rec := ts.do(t, "POST", "/api/v1/events", nil)
		if got := rec.Header().Get("Allow"); got != "GET" {
			t.Errorf("Allow %q, want GET", got)
		}
	})
}

// TestErrorTable checks the one table: every code maps to its status.
func TestErrorTable(t *testing.T) {
	tests := []struct {
		err    error
		code   string
		status int
	}{
		{domain.Errorf(domain.EINVALID, "bad"), "invalid", 400},
		{domain.Errorf(domain.EUNAUTH, "who"), "unauthorized", 401},
		{errorf(codeForbidden, "read-only"), "forbidden", 403},
		{domain.Errorf(domain.ENOTFOUND, "gone"), "not_found", 404},
		{domain.Errorf(domain.ECONFLICT, "exists"), "conflict", 409},
		{domain.Errorf(domain.ETOOLARGE, "big"), "too_large", 413},
		{&http.MaxBytesError{Limit: 10}, "too_large", 413},
		{fmt.Errorf("sqlite: disk I/O error"), "internal", 500},
		{domain.Errorf("weird", "unknown code"), "internal", 500},
		{fmt.Errorf("events: %w", context.DeadlineExceeded), "timeout", 503},
		{errorf(codeUnavailable, "no coder"), "unavailable", 503},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			code, msg := classify(tt.err)
			if code != tt.code || statusOf[code] != tt.status {
				t.Errorf("got %s %d, want %s %d", code, statusOf[code], tt.code, tt.status)
			}
			if code == domain.EINTERNAL && msg != "internal error" {
				t.Errorf("internal message %q shows details", msg)
			}
		})
	}
}

// failingStore fails or stalls the calls tests choose.
type failingStore struct {
	store.Store
	events func(ctx context.Context) error
}

func (f failingStore) Events(ctx context.Context, ef store.EventFilter) ([]domain.Event, store.Cursor, error) {
	if err := f.events(ctx); err != nil {
		return nil, "", err
	}
	return f.Store.Events(ctx, ef)
}

func TestInternalErrorsAreLoggedNotShown(t *testing.T) {
	st, info := seedStore(t)
	fs := failingStore{st, func(context.Context) error { return errors.New("sqlite: database disk image is malformed") }}
	ts := newTestServerOn(t, Config{}, fs, info)
	for _, target := range []string{"/api/v1/events", "/events"} {
		rec := ts.get(t, target)
		if rec.Code != http.StatusInternalServerError {
			t.Errorf("%s: status %d, want 500", target, rec.Code)
		}
		if strings.Contains(rec.Body.String(), "malformed") {
			t.Errorf("%s: the body shows the internal error: %s", target, rec.Body)
		}
	}
	if !strings.Contains(ts.logs.String(), "malformed") {
		t.Errorf("the internal error was not logged: %s", ts.logs)
	}
	if env := decodeError(t, ts.get(t, "/api/v1/events")); env.Error.Code != "internal" || env.Error.Message != "internal error" {
		t.Errorf("got %+v", env.Error)
	}
}

// TestHandlerDeadline checks that a request past Config.HandlerTimeout is
// stopped and answered 503; the stalled store returns when its context
// ends, as the sqlite store does.
func TestHandlerDeadline(t *testing.T) {
	st, info := seedStore(t)
	stall := func(ctx context.Context) error { <-ctx.Done(); return fmt.Errorf("events: %w", ctx.Err()) }
	ts := newTestServerOn(t, Config{HandlerTimeout: 20 * time.Millisecond}, failingStore{st, stall}, info)
	rec := ts.get(t, "/api/v1/events")
	if rec.Code != http.StatusServiceUnavailable {
		t.Fatalf("status %d, want 503", rec.Code)
	}
	if env := decodeError(t, rec); env.Error.Code != codeTimeout {
		t.Errorf("code %q, want %q", env.Error.Code, codeTimeout)
	}
	if rec := ts.get(t, "/events"); rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "too long") {
		t.Errorf("page: status %d, want 503 with an explanation", rec.Code)
	}
}

func TestArticles(t *testing.T) {
	ts := newTestServer(t, Config{})
	t.Run("list", func(t *testing.T) {
		env := decode[[]map[string]any](t, ts.get(t, "/api/v1/articles?limit=100"))
		if got, want := len(env.Data), 6+30; got != want {
			t.Errorf("got %d articles, want %d", got, want)
		}
		if _, ok := env.Data[0]["text"]; ok {
			t.Error("a listing carries the text")
		}
	})
	t.Run("search", func(t *testing.T) {
		env := decode[[]map[string]any](t, ts.get(t, "/api/v1/articles?q=convoy"))
		if len(env.Data) != 1 || env.Data[0]["id"] != "aid-convoy" {
			t.Errorf("got %v, want the convoy article", env.Data)
		}
	})
	t.Run("filters", func(t *testing.T) {
		env := decode[[]map[string]any](t, ts.get(t, "/api/v1/articles?source=Armenian+Daily&since=2023-09-21&until=2023-09-21"))
		if len(env.Data) != 1 || env.Data[0]["id"] != "yerevan-protest" {
			t.Errorf("got %v, want the Yerevan protest", env.Data)
		}
	})
	t.Run("pages", func(t *testing.T) {
		env := decode[[]map[string]any](t, ts.get(t, "/api/v1/articles?limit=5"))
		if len(env.Data) != 5 || env.Next == nil {
			t.Fatalf("got %d articles and next %v", len(env.Data), env.Next)
		}
		env2 := decode[[]map[string]any](t, ts.get(t, "/api/v1/articles?limit=5&cursor="+url.QueryEscape(*env.Next)))
		if env2.Data[0]["id"] == env.Data[0]["id"] {
			t.Error("the second page repeats the first")
		}
	})
	t.Run("detail", func(t *testing.T) {
		env := decode[struct {
			Article        map[string]any
			Mentions       []domain.Mention
			Events         []domain.Event
			Claims         []domain.Claim
			Commitments    []domain.Commitment
			Contradictions []domain.Contradiction
		}](t, ts.get(t, "/api/v1/articles/nk-ceasefire"))
		d := env.Data
		if d.Article["id"] != "nk-ceasefire" || !strings.HasPrefix(fmt.Sprint(d.Article["text"]), "Azerbaijan declared") {
			t.Errorf("article %v", d.Article)
		}
		if len(d.Mentions) == 0 || len(d.Events) != 5 || len(d.Claims) != 2 || len(d.Commitments) != 2 || len(d.Contradictions) != 1 {
			t.Errorf("got %d mentions, %d events, %d claims, %d commitments, %d contradictions; want some, 5, 2, 2, 1",
				len(d.Mentions), len(d.Events), len(d.Claims), len(d.Commitments), len(d.Contradictions))
		}
		text := fmt.Sprint(d.Article["text"])
		for _, e := range d.Events {
			if got := e.TriggerSpan.Of(text); got != e.Trigger {
				t.Errorf("event %s: span gives %q, want %q", e.ID, got, e.Trigger)
			}
		}
	})
	t.Run("hostile text stays data", func(t *testing.T) {
		rec := ts.get(t, "/api/v1/articles/hostile")
		if strings.Contains(rec.Body.String(), "<script>") {
			t.Errorf("JSON carries a raw <script>: %s", rec.Body)
		}
		env := decode[struct{ Article map[string]any }](t, rec)
		if env.Data.Article["title"] != hostile {
			t.Errorf("title %q, want the hostile text kept as data", env.Data.Article["title"])
		}
	})
}

func TestRecordListings(t *testing.T) {
	ts := newTestServer(t, Config{})
	t.Run("claims", func(t *testing.T) {
		env := decode[[]domain.Claim](t, ts.get(t, "/api/v1/claims?topic=ceasefire"))
		if len(env.Data) != 1 || env.Data[0].Speaker.Code != "AZE" || env.Data[0].Polarity != "in_force" {
			t.Errorf("got %+v", env.Data)
		}
		env = decode[[]domain.Claim](t, ts.get(t, "/api/v1/claims?country=AZE&since=2023-11-01"))
		for _, c := range env.Data {
			if c.Speaker.Country != "AZE" {
				t.Errorf("claim %s by %s", c.ID, c.Speaker.Code)
			}
		}
		if len(env.Data) != 2 {
			t.Errorf("got %d claims by AZE since November, want 2", len(env.Data))
		}
	})
	t.Run("contradictions", func(t *testing.T) {
		env := decode[[]domain.Contradiction](t, ts.get(t, "/api/v1/contradictions?topic=ceasefire&country=AZE"))
		if len(env.Data) != 1 || len(env.Data[0].Claims) != 2 || env.Data[0].Place.Name != "Nagorno-Karabakh" {
			t.Errorf("got %+v", env.Data)
		}
		env = decode[[]domain.Contradiction](t, ts.get(t, "/api/v1/contradictions?since=2024-01-01"))
		if len(env.Data) != 0 || !strings.Contains(ts.get(t, "/api/v1/contradictions?since=2024-01-01").Body.String(), `"data":[]`) {
			t.Errorf("an empty listing is not []: %+v", env.Data)
		}
	})
	t.Run("commitments", func(t *testing.T) {
		env := decode[[]domain.Commitment](t, ts.get(t, "/api/v1/commitments?status=fulfilled"))
		if len(env.Data) != 1 || env.Data[0].Category != "aid" || len(env.Data[0].Evidence) != 1 {
			t.Errorf("got %+v", env.Data)
		}
		env = decode[[]domain.Commitment](t, ts.get(t, "/api/v1/commitments?category=disarmament&actor=AZEREB"))
		if len(env.Data) != 1 || env.Data[0].Condition == "" {
			t.Errorf("got %+v", env.Data)
		}
	})
	t.Run("stats", func(t *testing.T) {
		env := decode[store.Stats](t, ts.get(t, "/api/v1/stats"))
		if env.Data.Events != ts.info.events || env.Data.Articles != 36 || env.Data.Contradictions != 1 {
			t.Errorf("got %+v", env.Data)
		}
	})
}

func TestTimeline(t *testing.T) {
	ts := newTestServer(t, Config{})
	sum := func(bs []store.TimelineBucket) int {
		n := 0
		for _, b := range bs {
			n += b.Count
		}
		return n
	}
	all := decode[[]store.TimelineBucket](t, ts.get(t, "/api/v1/stats/timeline"))
	if got := sum(all.Data); got != ts.info.events {
		t.Errorf("the day timeline counts %d events, want %d", got, ts.info.events)
	}
	for _, b := range all.Data {
		if b.Group < "1" || b.Group > "4" {
			t.Errorf("group %q, want a quad class", b.Group)
		}
	}
	week := decode[[]store.TimelineBucket](t, ts.get(t, "/api/v1/stats/timeline?interval=week&by=plover"))
	if got := sum(week.Data); got != ts.info.events {
		t.Errorf("the week timeline counts %d events, want %d", got, ts.info.events)
	}
	for _, b := range week.Data {
		if b.Start.Time().Weekday() != time.Monday {
			t.Errorf("week starts %s, a %s", b.Start, b.Start.Time().Weekday())
		}
	}
	arm := decode[[]store.TimelineBucket](t, ts.get(t, "/api/v1/stats/timeline?country=ARM&since=2023-10-01&until=2023-10-31"))
	events := decode[[]domain.Event](t, ts.get(t, "/api/v1/events?country=ARM&since=2023-10-01&until=2023-10-31&limit=1000"))
	if sum(arm.Data) != len(events.Data) || len(events.Data) == 0 {
		t.Errorf("Armenia in October: the timeline counts %d, the events listing %d", sum(arm.Data), len(events.Data))
	}
	place := decode[[]store.TimelineBucket](t, ts.get(t, "/api/v1/stats/timeline?place=Yerevan&actor=ARMCVL"))
	if sum(place.Data) == 0 {
		t.Error("no Yerevan protests in the timeline")
	}
}

func TestDyads(t *testing.T) {
	ts := newTestServer(t, Config{})
	env := decode[[]store.Dyad](t, ts.get(t, "/api/v1/stats/dyads?limit=3"))
	if len(env.Data) != 3 {
		t.Fatalf("got %d dyads, want 3", len(env.Data))
	}
	for i := 1; i < len(env.Data); i++ {
		if env.Data[i].Count > env.Data[i-1].Count {
			t.Errorf("dyads not by count: %+v", env.Data)
		}
	}
	env = decode[[]store.Dyad](t, ts.get(t, "/api/v1/stats/dyads?actor=AZEMIL"))
	for _, d := range env.Data {
		if d.Source != "AZEMIL" && d.Target != "AZEMIL" {
			t.Errorf("dyad %+v has no AZEMIL", d)
		}
	}
}

func TestHealthAndMetrics(t *testing.T) {
	ts := newTestServer(t, Config{})
	h := decode[map[string]any](t, ts.get(t, "/healthz"))
	if h.Data["status"] != "ok" || h.Data["read_only"] != true {
		t.Errorf("healthz %v", h.Data)
	}
	ts.get(t, "/api/v1/events?country=ARM")
	ts.get(t, "/api/v1/events?since=nope")
	ts.get(t, "/nowhere")
	rec := ts.get(t, "/metrics")
	if got := rec.Header().Get("Content-Type"); !strings.HasPrefix(got, "text/plain; version=0.0.4") {
		t.Errorf("Content-Type %q", got)
	}
	body := rec.Body.String()
	for _, want := range []string{
		"# TYPE truce_events gauge\ntruce_events " + fmt.Sprint(ts.info.events) + "\n",
		"truce_articles 36\n",
		"truce_claims ",
		"truce_commitments 2\n",
		"truce_contradictions 1\n",
		`truce_http_requests_total{route="GET /api/v1/events",status="200"} 1`,
		`truce_http_requests_total{route="GET /api/v1/events",status="400"} 1`,
		`truce_http_requests_total{route="/",status="404"} 1`,
		"# TYPE truce_http_request_duration_seconds histogram",
		`truce_http_request_duration_seconds_bucket{route="GET /api/v1/events",status="200",le="+Inf"} 1`,
		`truce_http_request_duration_seconds_count{route="GET /healthz",status="200"} 1`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	// Buckets are cumulative.
	var last int
	for line := range strings.Lines(body) {
		if strings.HasPrefix(line, `truce_http_request_duration_seconds_bucket{route="GET /api/v1/events",status="200"`) {
			var n int
			fmt.Sscan(line[strings.LastIndexByte(line, ' ')+1:], &n)
			if n < last {
				t.Errorf("bucket %q below the one before (%d)", line, last)
			}
			last = n
		}
	}
}

func TestWriteToken(t *testing.T) {
	body := `{"id":"posted-1","title":"Ceasefire holds","text":"A ceasefire held in Khankendi."}`
	t.Run("read-only without a token", func(t *testing.T) {
		ts := newTestServer(t, Config{})
		rec := ts.do(t, "POST", "/api/v1/articles", strings.NewReader(body), "Content-Type", "application/json")
		if rec.Code != http.StatusForbidden {
			t.Fatalf("status %d, want 403", rec.Code)
		}
		if env := decodeError(t, rec); env.Error.Code != "forbidden" || !strings.Contains(env.Error.Message, "read-only") {
			t.Errorf("got %+v", env.Error)
		}
		if len(ts.ingest.calls) != 0 {
			t.Error("a read-only server ingested")
		}
	})
	ts := newTestServer(t, Config{Token: "s3cret"})
	tests := []struct {
		name, auth string
		status     int
	}{
		{"no header", "", 401},
		{"wrong token", "Bearer nope", 401},
		{"wrong scheme", "Basic czNjcmV0", 401},
		{"right token", "Bearer s3cret", 201},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := ts.do(t, "POST", "/api/v1/articles", strings.NewReader(body), "Content-Type", "application/json", "Authorization", tt.auth)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
			if tt.status == 401 {
				if env := decodeError(t, rec); env.Error.Code != "unauthorized" {
					t.Errorf("code %q", env.Error.Code)
				}
				if rec.Header().Get("WWW-Authenticate") == "" {
					t.Error("no WWW-Authenticate")
				}
				return
			}
			env := decode[IngestSummary](t, rec)
			if env.Data.New != 1 || len(env.Data.IDs) != 1 {
				t.Errorf("summary %+v", env.Data)
			}
			if got := ts.ingest.last(); got.body != body || got.contentType != "application/json" || got.source != "" {
				t.Errorf("the ingester got %+v", got)
			}
		})
	}
	t.Run("feed body", func(t *testing.T) {
		feed := `<?xml version="1.0"?><rss version="2.0"><channel><item><title>Talks</title></item></channel></rss>`
		rec := ts.do(t, "POST", "/api/v1/articles", strings.NewReader(feed), "Content-Type", "application/rss+xml", "Authorization", "Bearer s3cret")
		if rec.Code != http.StatusCreated || ts.ingest.last().contentType != "application/rss+xml" {
			t.Errorf("status %d, ingester got %+v", rec.Code, ts.ingest.last())
		}
	})
	t.Run("ingest error", func(t *testing.T) {
		rec := ts.do(t, "POST", "/api/v1/articles", strings.NewReader("broken"), "Content-Type", "text/plain", "Authorization", "Bearer s3cret")
		if rec.Code != http.StatusBadRequest {
			t.Errorf("status %d, want 400", rec.Code)
		}
	})
	t.Run("empty body", func(t *testing.T) {
		rec := ts.do(t, "POST", "/api/v1/articles", strings.NewReader("  "), "Authorization", "Bearer s3cret")
		if rec.Code != http.StatusBadRequest {
			t.Errorf("status %d, want 400", rec.Code)
		}
	})
}

func TestBodyLimit(t *testing.T) {
	ts := newTestServer(t, Config{Token: "t", MaxBodyBytes: 1024})
	big := strings.Repeat("Shelling was reported near Khankendi. ", 100)
	for _, target := range []string{"/api/v1/articles", "/api/v1/code"} {
		t.Run(target, func(t *testing.T) {
			rec := ts.do(t, "POST", target, strings.NewReader(big), "Content-Type", "text/plain", "Authorization", "Bearer t")
			if rec.Code != http.StatusRequestEntityTooLarge {
				t.Fatalf("status %d, want 413", rec.Code)
			}
			if env := decodeError(t, rec); env.Error.Code != "too_large" || !strings.Contains(env.Error.Message, "1.0 KiB") {
				t.Errorf("got %+v", env.Error)
			}
		})
	}
	rec := ts.do(t, "POST", "/api/v1/code", strings.NewReader(big[:900]), "Content-Type", "text/plain")
	if rec.Code != http.StatusOK {
		t.Errorf("a body under the limit: status %d", rec.Code)
	}
}

func TestCode(t *testing.T) {
	ts := newTestServer(t, Config{})
	t.Run("json", func(t *testing.T) {
		rec := ts.do(t, "POST", "/api/v1/code", strings.NewReader(`{"text":"Thousands protested in Yerevan.","date":"2023-11-07"}`),
			"Content-Type", "application/json")
		env := decode[codeResult](t, rec)
		if len(env.Data.Events) != 1 || env.Data.Events[0].Date.String() != "2023-11-07" || env.Data.CoderVersion != "fake-1" {
			t.Errorf("got %+v", env.Data)
		}
		if !strings.Contains(rec.Body.String(), `"claims":[]`) {
			t.Errorf("empty claims are not []: %s", rec.Body)
		}
		stats := decode[store.Stats](t, ts.get(t, "/api/v1/stats"))
		if stats.Data.Events != ts.info.events {
			t.Error("coding stored something")
		}
	})
	t.Run("plain text", func(t *testing.T) {
		rec := ts.do(t, "POST", "/api/v1/code?date=2023-09-21&title=Protest", strings.NewReader("Armenians protested in Yerevan."), "Content-Type", "text/plain")
		env := decode[codeResult](t, rec)
		if len(env.Data.Events) != 1 || env.Data.Events[0].Date.String() != "2023-09-21" {
			t.Errorf("got %+v", env.Data)
		}
	})
	for _, tt := range []struct{ name, ct, body, want string }{
		{"unknown field", "application/json", `{"txt":"x"}`, "unknown field"},
		{"bad json", "application/json", `{"text":`, "JSON"},
		{"empty", "text/plain", ` `, "empty"},
		{"not utf-8", "text/plain", "caf\xe9", "UTF-8"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rec := ts.do(t, "POST", "/api/v1/code", strings.NewReader(tt.body), "Content-Type", tt.ct)
			if rec.Code != 400 {
				t.Fatalf("status %d, want 400", rec.Code)
			}
			if env := decodeError(t, rec); !strings.Contains(env.Error.Message, tt.want) {
				t.Errorf("message %q, want it to mention %q", env.Error.Message, tt.want)
			}
		})
	}
	t.Run("no coder", func(t *testing.T) {
		st, _ := seedStore(t)
		s := New(Config{}, st, nil, nil, nil)
		rec := httptestDo(s, "POST", "/api/v1/code", "x")
		if rec.Code != http.StatusServiceUnavailable {
			t.Errorf("status %d, want 503", rec.Code)
		}
	})
}
