package server

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/truce/truce/internal/domain"
)

// page fetches a dashboard page and parses it.
func (ts *testServer) page(t *testing.T, target string, status int) (string, *html.Node) {
	t.Helper()
	rec := ts.get(t, target)
	if rec.Code != status {
		t.Fatalf("GET %s: status %d, want %d: %s", target, rec.Code, status, rec.Body)
	}
	if ct := rec.Header().Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Fatalf("Content-Type %q", ct)
	}
	body := rec.Body.String()
	doc, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return body, doc
}

// find returns the elements that match: a tag, and attributes that must
// have the value given ("" means present with any value).
func find(n *html.Node, tag string, attrs ...string) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (tag == "" || n.Data == tag) && hasAttrs(n, attrs...) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func hasAttrs(n *html.Node, attrs ...string) bool {
	for i := 0; i+1 < len(attrs); i += 2 {
		v, ok := attr(n, attrs[i])
		if !ok || attrs[i+1] != "" && v != attrs[i+1] {
			return false
		}
	}
	return true
}

func attr(n *html.Node, name string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val, true
		}
	}
	return "", false
}

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func byID(t *testing.T, doc *html.Node, id string) *html.Node {
	t.Helper()
	ns := find(doc, "", "id", id)
	if len(ns) != 1 {
		t.Fatalf("%d elements with id %q, want 1", len(ns), id)
	}
	return ns[0]
}

func links(n *html.Node) []string {
	var out []string
	for _, a := range find(n, "a", "href", "") {
		h, _ := attr(a, "href")
		out = append(out, h)
	}
	return out
}

func hasLink(n *html.Node, href string) bool {
	for _, h := range links(n) {
		if h == href {
			return true
		}
	}
	return false
}

// checkSafe fails on anything in a page that could run script: a script
// that is not one of ours, an event handler attribute, an element the
// hostile input carried, a javascript: URL.
func checkSafe(t *testing.T, doc *html.Node) {
	t.Helper()
	for _, n := range find(doc, "") {
		if n.Data == "script" {
			src, _ := attr(n, "src")
			if !strings.HasPrefix(src, "/static/") || n.FirstChild != nil {
				t.Errorf("a script that is not ours: src %q, content %q", src, text(n))
			}
		}
		if n.Data == "img" || n.Data == "svg" || n.Data == "iframe" {
			t.Errorf("a <%s> element from the input", n.Data)
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") {
				t.Errorf("<%s> has an event handler %s=%q", n.Data, a.Key, a.Val)
			}
			if (a.Key == "href" || a.Key == "src") && strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:") {
				t.Errorf("<%s %s=%q>", n.Data, a.Key, a.Val)
			}
		}
	}
}

func chartData(t *testing.T, doc *html.Node, chart, attrName string, v any) {
	t.Helper()
	ns := find(doc, "div", "data-chart", chart)
	if len(ns) != 1 {
		t.Fatalf("%d %s charts, want 1", len(ns), chart)
	}
	raw, _ := attr(ns[0], attrName)
	if err := json.Unmarshal([]byte(raw), v); err != nil {
		t.Fatalf("%s: %v: %s", attrName, err, raw)
	}
}

type timelineData struct {
	Interval string
	Buckets  []struct {
		Start string
		Group string
		Count int
	}
}

type pointData struct {
	Key, Name, Country, Type string
	Lat, Lon                 float64
	Count, Quad              int
}

func TestOverviewPage(t *testing.T) {
	ts := newTestServer(t, Config{})
	body, doc := ts.page(t, "/", 200)
	checkSafe(t, doc)
	if got := text(find(doc, "title")[0]); got != "Overview · truce" {
		t.Errorf("title %q", got)
	}
	var tl timelineData
	chartData(t, doc, "timeline", "data-timeline", &tl)
	total := 0
	for _, b := range tl.Buckets {
		total += b.Count
	}
	if tl.Interval != "day" || total != ts.info.events {
		t.Errorf("timeline: %s, %d events, want day and %d", tl.Interval, total, ts.info.events)
	}
	var pts []pointData
	chartData(t, doc, "map", "data-points", &pts)
	byKey := map[string]pointData{}
	for _, p := range pts {
		byKey[p.Key] = p
	}
	if y := byKey["g616052"]; y.Name != "Yerevan" || y.Count < 3 || y.Lat != 40.1811 || y.Quad != 3 || y.Type != "PROTEST" {
		t.Errorf("Yerevan on the map: %+v", y)
	}
	if kh := byKey["g174875"]; kh.Count < 5 || kh.Country != "AZE" {
		t.Errorf("Khankendi on the map: %+v", kh)
	}
	if _, ok := byKey["rnagorno-karabakh"]; !ok {
		t.Error("Nagorno-Karabakh is not on the map")
	}
	dyads := find(byID(t, doc, "dyads"), "tr")
	if len(dyads) < 5 {
		t.Errorf("%d dyad rows", len(dyads))
	}
	if !hasLink(byID(t, doc, "dyads"), "/actors/AZEMIL") {
		t.Error("the dyads do not link to the actors")
	}
	if got := text(byID(t, doc, "contradictions")); !strings.Contains(got, "ceasefire claimed in force by AZE vs fighting reported ongoing") {
		t.Errorf("latest contradictions: %q", got)
	}
	ledger := text(byID(t, doc, "ledger"))
	for _, want := range []string{"fulfilled 1", "conditional 1"} {
		if !strings.Contains(ledger, want) {
			t.Errorf("commitments by status %q lack %q", ledger, want)
		}
	}
	if !strings.Contains(body, `src="/static/vendor/echarts.min.js?v=`) {
		t.Error("ECharts is not loaded from /static")
	}
	for _, s := range find(doc, "script") {
		if src, _ := attr(s, "src"); strings.Contains(src, "//") {
			t.Errorf("a script from elsewhere: %s", src)
		}
	}
}

func TestOverviewFiltered(t *testing.T) {
	ts := newTestServer(t, Config{})
	_, doc := ts.page(t, "/?country=ARM&since=2023-10-01&until=2023-10-31", 200)
	var tl timelineData
	chartData(t, doc, "timeline", "data-timeline", &tl)
	for _, b := range tl.Buckets {
		if b.Start < "2023-10-01" || b.Start > "2023-10-31" {
			t.Errorf("bucket %s outside October", b.Start)
		}
	}
	if v, _ := attr(find(doc, "input", "name", "country")[0], "value"); v != "ARM" {
		t.Errorf("the country field says %q, want ARM", v)
	}
	if !hasLink(doc, "/") {
		t.Error("no link to clear the filters")
	}
	_, doc = ts.page(t, "/?since=2031-01-01", 200)
	if len(find(doc, "div", "data-chart", "")) != 0 {
		t.Error("charts for an empty view")
	}
	if got := text(byID(t, doc, "timeline")); !strings.Contains(got, "No dated events match this view") {
		t.Errorf("empty timeline says %q", got)
	}
}

func TestEventsPage(t *testing.T) {
	ts := newTestServer(t, Config{})
	t.Run("first page", func(t *testing.T) {
		_, doc := ts.page(t, "/events", 200)
		checkSafe(t, doc)
		rows := find(doc, "tr", "data-event", "")
		if len(rows) != 50 {
			t.Errorf("%d rows, want a page of 50", len(rows))
		}
		next := find(doc, "a", "rel", "next")
		if len(next) != 1 {
			t.Fatal("no next page link")
		}
		href, _ := attr(next[0], "href")
		if !strings.HasPrefix(href, "/events?cursor=") {
			t.Errorf("next page %q", href)
		}
		_, doc2 := ts.page(t, href, 200)
		rows2 := find(doc2, "tr", "data-event", "")
		if len(rows2) != ts.info.events-50 && len(rows2) != 50 {
			t.Errorf("%d rows on page 2", len(rows2))
		}
		id1, _ := attr(rows[0], "data-event")
		id2, _ := attr(rows2[0], "data-event")
		if id1 == id2 {
			t.Error("page 2 starts like page 1")
		}
		if !hasLink(doc2, "/events") {
			t.Error("page 2 has no link to the first page")
		}
	})
	t.Run("filtered", func(t *testing.T) {
		_, doc := ts.page(t, "/events?country=ARM&type=PROTEST&place=Yerevan", 200)
		rows := find(doc, "tr", "data-event", "")
		if len(rows) < 3 {
			t.Fatalf("%d rows", len(rows))
		}
		for _, r := range rows {
			row := text(r)
			if !strings.Contains(row, "PROTEST") || !strings.Contains(row, "Yerevan") || !strings.Contains(row, "141 Protest") {
				t.Errorf("row %q is not a protest in Yerevan", row)
			}
		}
		for name, want := range map[string]string{"country": "ARM", "type": "PROTEST", "place": "Yerevan"} {
			if v, _ := attr(find(doc, "input", "name", name)[0], "value"); v != want {
				t.Errorf("field %s = %q, want %q", name, v, want)
			}
		}
		exports := links(find(doc, "p", "class", "exports")[0])
		want := []string{
			"/api/v1/events?country=ARM&format=csv&place=Yerevan&type=PROTEST",
			"/api/v1/events?country=ARM&format=geojson&place=Yerevan&type=PROTEST",
			"/api/v1/events?country=ARM&format=jsonl&place=Yerevan&type=PROTEST",
		}
		if strings.Join(exports, " ") != strings.Join(want, " ") {
			t.Errorf("exports %q, want %q", exports, want)
		}
		for _, u := range exports {
			if rec := ts.get(t, u); rec.Code != 200 || rec.Body.Len() == 0 {
				t.Errorf("export %s: %d", u, rec.Code)
			}
		}
	})
	t.Run("row", func(t *testing.T) {
		_, doc := ts.page(t, "/events?article_id=nk-offensive&type=19", 200)
		rows := find(doc, "tr", "data-event", "")
		if len(rows) != 1 {
			t.Fatalf("%d rows", len(rows))
		}
		got := text(rows[0])
		for _, want := range []string{"2023-09-19", "AZEMIL", "AZEREB", "194 Fight", "FIGHT", "Khankendi", "asserted", "27", "“shelling”"} {
			if !strings.Contains(got, want) {
				t.Errorf("row %q lacks %q", got, want)
			}
		}
		if !hasLink(rows[0], "/articles/nk-offensive#r-nk-offensive-e1") || !hasLink(rows[0], "/places/g174875") {
			t.Errorf("row links %v", links(rows[0]))
		}
	})
	t.Run("none", func(t *testing.T) {
		body, _ := ts.page(t, "/events?q=volcano", 200)
		if !strings.Contains(body, "No events match these filters") {
			t.Error("no empty state")
		}
	})
	t.Run("bad filter", func(t *testing.T) {
		body, _ := ts.page(t, "/events?since=last+week", 400)
		if !strings.Contains(body, "is not a date") {
			t.Error("the error page does not say what is wrong")
		}
	})
}

func TestArticlesPage(t *testing.T) {
	ts := newTestServer(t, Config{})
	body, doc := ts.page(t, "/articles", 200)
	checkSafe(t, doc)
	if !strings.Contains(body, "36 articles.") {
		t.Error("no count")
	}
	_, doc = ts.page(t, "/articles?q=convoy", 200)
	rows := find(find(doc, "tbody")[0], "tr")
	if len(rows) != 1 || !strings.Contains(text(rows[0]), "Red Cross convoy reaches Khankendi") || !hasLink(rows[0], "/articles/aid-convoy") {
		t.Errorf("search rows %d: %q", len(rows), text(doc))
	}
	body, _ = ts.page(t, "/articles?q=volcano", 200)
	if !strings.Contains(body, "No article matches “volcano”.") {
		t.Error("no empty state")
	}
}

func TestArticlePage(t *testing.T) {
	ts := newTestServer(t, Config{})
	_, doc := ts.page(t, "/articles/nk-ceasefire", 200)
	checkSafe(t, doc)
	textDiv := byID(t, doc, "text")
	golden(t, "article-nk-ceasefire.html", []byte(renderNode(t, textDiv)+"\n"))
	// Records are numbered in the order of the text.
	for i, id := range []string{"nk-ceasefire-e1", "nk-ceasefire-e2", "nk-ceasefire-e3", "nk-ceasefire-e4", "nk-ceasefire-e5"} {
		if got, want := text(find(byID(t, doc, "r-"+id), "b")[0]), "E"+string(rune('1'+i)); got != want {
			t.Errorf("record %s is labelled %s, want %s", id, got, want)
		}
	}
	// Each event's trigger is highlighted, linked to its record, and the
	// record links back.
	for i, trig := range []string{"declared", "gunfire", "demanded", "agreed to provide", "protested"} {
		id := "nk-ceasefire-e" + string(rune('1'+i))
		m := byID(t, doc, "t-"+id)
		if m.Data != "mark" || text(m) != trig || !hasAttrs(m, "class", "hl hl-trigger") {
			t.Errorf("mark t-%s: <%s> %q", id, m.Data, text(m))
		}
		if !hasLink(textDiv, "#r-"+id) {
			t.Errorf("no link from the text to record %s", id)
		}
		card := byID(t, doc, "r-"+id)
		if !hasLink(card, "#t-"+id) {
			t.Errorf("record %s does not link to its words", id)
		}
	}
	// A claim's proposition holds a place mention: nested marks.
	claim := byID(t, doc, "t-nk-ceasefire-c1")
	if got := text(claim); got != "a ceasefire had been reached in Nagorno-Karabakh" {
		t.Errorf("claim mark %q", got)
	}
	if inner := find(claim, "mark", "class", "hl hl-place"); len(inner) != 1 || text(inner[0]) != "Nagorno-Karabakh" {
		t.Error("the place inside the claim is not highlighted inside it")
	}
	// The text reads the same as the stored text.
	for _, sup := range find(textDiv, "sup") {
		sup.Parent.RemoveChild(sup)
	}
	if got, want := text(textDiv), "Azerbaijan declared that a ceasefire had been reached"; !strings.HasPrefix(got, want) {
		t.Errorf("text %q", got)
	}
	records := text(find(doc, "aside")[0])
	for _, want := range []string{"E5", "141 Protest", "PROTEST", "ARMCVL", "Yerevan", "Size: thousands",
		"C1", "a ceasefire had been reached in Nagorno-Karabakh", "ceasefire: in_force",
		"K1", "disarmament", "Only if: security guarantees from Baku", "conditional",
		"K2", "provide fuel and humanitarian aid", "fulfilled",
		"ceasefire claimed in force by AZE vs fighting reported ongoing"} {
		if !strings.Contains(records, want) {
			t.Errorf("the records beside the text lack %q", want)
		}
	}
	if !hasLink(byID(t, doc, "mentions"), "/actors/ARMCVL") || !hasLink(byID(t, doc, "mentions"), "/places/g616052") {
		t.Error("mentions do not link to actor and place pages")
	}

	t.Run("not found", func(t *testing.T) {
		body, _ := ts.page(t, "/articles/nope", 404)
		if !strings.Contains(body, "nope") {
			t.Error("the 404 page does not name the article")
		}
	})
}

func renderNode(t *testing.T, n *html.Node) string {
	var b strings.Builder
	if err := html.Render(&b, n); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestHostileArticle stores HTML meant to run in a title, a text, an
// actor's name and a place's name, and checks that every page shows it as
// text.
func TestHostileArticle(t *testing.T) {
	ts := newTestServer(t, Config{})
	for _, target := range []string{
		"/articles/hostile", "/articles", "/articles?q=Brussels", "/events?article_id=hostile",
		"/", "/places/g2800866", "/actors/AZEGOV", "/narratives", "/commitments", "/countries/BEL",
	} {
		t.Run(target, func(t *testing.T) {
			body, doc := ts.page(t, target, 200)
			checkSafe(t, doc)
			for _, raw := range []string{"<script>alert", "<img src=x", "<svg onload", `"><svg`} {
				if strings.Contains(body, raw) {
					t.Errorf("the page carries %q unescaped", raw)
				}
			}
		})
	}
	_, doc := ts.page(t, "/articles/hostile", 200)
	if got := text(find(doc, "h1")[0]); got != hostile {
		t.Errorf("the title reads %q, want the hostile text shown as text", got)
	}
	if got := text(byID(t, doc, "text")); !strings.Contains(got, hostile) {
		t.Errorf("the text reads %q", got)
	}
	if hasLink(doc, "javascript:alert(3)") {
		t.Error("the article's javascript: URL is a link")
	}
	if got := text(byID(t, doc, "t-hostile-c1")); !strings.HasPrefix(got, "<script>") {
		t.Errorf("the claim over hostile words reads %q", got)
	}
}

func TestNarrativesPage(t *testing.T) {
	ts := newTestServer(t, Config{})
	_, doc := ts.page(t, "/narratives", 200)
	checkSafe(t, doc)
	n := byID(t, doc, "n-x-ceasefire-nk")
	sides := find(n, "div", "data-record", "")
	if len(sides) != 2 {
		t.Fatalf("%d sides, want 2", len(sides))
	}
	left, right := text(sides[0]), text(sides[1])
	for _, want := range []string{"AZE", "declared", "2023-11-07", "a ceasefire had been reached in Nagorno-Karabakh", "ceasefire: in_force", "Caucasus Wire"} {
		if !strings.Contains(left, want) {
			t.Errorf("left side %q lacks %q", left, want)
		}
	}
	for _, want := range []string{"reports", "reports of", "ongoing gunfire near Khankendi", "fighting: ongoing"} {
		if !strings.Contains(right, want) {
			t.Errorf("right side %q lacks %q", right, want)
		}
	}
	if !hasLink(sides[0], "/articles/nk-ceasefire#r-nk-ceasefire-c1") || !hasLink(sides[1], "/articles/nk-ceasefire#r-nk-ceasefire-c2") {
		t.Errorf("sides do not link to their claims: %v %v", links(sides[0]), links(sides[1]))
	}
	body, _ := ts.page(t, "/narratives?topic=casualties", 200)
	if !strings.Contains(body, "No contradictions match these filters") {
		t.Error("no empty state")
	}
}

func TestCommitmentsPage(t *testing.T) {
	ts := newTestServer(t, Config{})
	_, doc := ts.page(t, "/commitments", 200)
	checkSafe(t, doc)
	aze := text(byID(t, doc, "actor-AZEGOV"))
	for _, want := range []string{"AZEGOV", "Government of Azerbaijan", "fulfilled 1", "aid", "provide fuel and humanitarian aid", "AZECVL",
		"2023-11-12", "Red Cross convoy delivered fuel to Khankendi"} {
		if !strings.Contains(aze, want) {
			t.Errorf("the AZEGOV ledger %q lacks %q", aze, want)
		}
	}
	if !hasLink(byID(t, doc, "actor-AZEGOV"), "/articles/aid-convoy#r-aid-convoy-e1") {
		t.Error("the evidence does not link to its record")
	}
	reb := text(byID(t, doc, "actor-AZEREB"))
	if !strings.Contains(reb, "conditional") || !strings.Contains(reb, "security guarantees from Baku") || !strings.Contains(reb, "no later report yet") {
		t.Errorf("the AZEREB ledger %q", reb)
	}
	_, doc = ts.page(t, "/commitments?status=conditional", 200)
	if len(find(doc, "section", "class", "ledger")) != 1 {
		t.Error("the status filter does not narrow the ledger")
	}
	body, _ := ts.page(t, "/commitments?category=release", 200)
	if !strings.Contains(body, "No commitments match these filters") {
		t.Error("no empty state")
	}
}

func TestProfilePages(t *testing.T) {
	ts := newTestServer(t, Config{})
	tests := []struct {
		target, h1 string
		dyads      bool
		keep       *regexp.Regexp
	}{
		{"/actors/AZEMIL", "actor Azerbaijani military AZEMIL", true, regexp.MustCompile(`AZEMIL`)},
		{"/actors/armcvl", "actor Armenian civilians ARMCVL", true, regexp.MustCompile(`ARMCVL`)},
		{"/countries/ARM", "country Armenia ARM", true, nil},
		{"/places/g616052", "place Yerevan g616052", true, regexp.MustCompile(`Yerevan`)},
		{"/places/rnagorno-karabakh", "place Nagorno-Karabakh rnagorno-karabakh", false, regexp.MustCompile(`Nagorno-Karabakh`)},
		{"/actors/AZEMIL?since=2023-10-01&until=2023-10-15", "actor Azerbaijani military AZEMIL", true, regexp.MustCompile(`2023-10-(0[1-9]|1[0-5])`)},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			_, doc := ts.page(t, tt.target, 200)
			checkSafe(t, doc)
			if got := text(find(doc, "h1")[0]); got != tt.h1 {
				t.Errorf("h1 %q, want %q", got, tt.h1)
			}
			var tl timelineData
			chartData(t, doc, "timeline", "data-timeline", &tl)
			if len(tl.Buckets) == 0 {
				t.Error("empty timeline")
			}
			var pts []pointData
			chartData(t, doc, "map", "data-points", &pts)
			if len(pts) == 0 {
				t.Error("no points")
			}
			rows := find(byID(t, doc, "latest"), "tr", "data-event", "")
			if len(rows) == 0 || len(rows) > profileEvents {
				t.Errorf("%d latest events", len(rows))
			}
			for _, r := range rows {
				if tt.keep != nil && !tt.keep.MatchString(text(r)) {
					t.Errorf("row %q does not match %s", text(r), tt.keep)
				}
			}
			if got := len(find(byID(t, doc, "dyads"), "tr")) > 1; got != tt.dyads {
				t.Errorf("counterparts shown: %v, want %v", got, tt.dyads)
			}
		})
	}
	t.Run("country shaded", func(t *testing.T) {
		_, doc := ts.page(t, "/countries/AZE", 200)
		if len(find(doc, "div", "data-chart", "map", "data-country", "Azerbaijan")) != 1 {
			t.Error("the map does not shade Azerbaijan")
		}
	})
	t.Run("place by country", func(t *testing.T) {
		rec := ts.get(t, "/places/cARM?since=2023-10-01")
		if rec.Code != http.StatusFound || rec.Header().Get("Location") != "/countries/ARM?since=2023-10-01" {
			t.Errorf("status %d, Location %q", rec.Code, rec.Header().Get("Location"))
		}
	})
	for _, tt := range []struct {
		target string
		status int
	}{
		{"/actors/not%20a%20code", 400},
		{"/countries/ARMENIA", 400},
		{"/places/g999999", 404},
		{"/places/x1", 404},
	} {
		t.Run(tt.target, func(t *testing.T) { ts.page(t, tt.target, tt.status) })
	}
	t.Run("unknown actor", func(t *testing.T) {
		body, _ := ts.page(t, "/actors/CHNGOV", 200)
		if !strings.Contains(body, "No dated events here") {
			t.Error("no empty state")
		}
	})
}

func TestNotFoundPage(t *testing.T) {
	ts := newTestServer(t, Config{})
	body, doc := ts.page(t, "/nowhere", 404)
	checkSafe(t, doc)
	if !strings.Contains(body, "There is no page at /nowhere.") || !hasLink(doc, "/") {
		t.Error("the 404 page says nothing useful")
	}
}

// TestEmptyStore renders every page of a store with no records: each
// section explains itself rather than failing.
func TestEmptyStore(t *testing.T) {
	st, _ := emptyStore(t)
	ts := newTestServerOn(t, Config{}, st, seedInfo{})
	for _, tt := range []struct{ target, want string }{
		{"/", "No dated events yet"},
		{"/", "No contradictions"},
		{"/", "No commitments"},
		{"/events", "No events match these filters"},
		{"/articles", "No articles yet"},
		{"/narratives", "No contradictions yet"},
		{"/commitments", "No commitments yet"},
		{"/actors/AZEGOV", "No dated events here"},
	} {
		t.Run(tt.target+" "+tt.want, func(t *testing.T) {
			body, _ := ts.page(t, tt.target, 200)
			if !strings.Contains(body, tt.want) {
				t.Errorf("no %q", tt.want)
			}
		})
	}
}

// TestEventDate: an event the text dates only to a month or year shows
// that beside its date; one dated to the day, or to the article, does not.
func TestEventDate(t *testing.T) {
	p := mustParsePages(newAssets(), nil)
	day := domain.Date{Year: 2022, Month: 9, Day: 15}
	for _, tc := range []struct {
		prec, words, want string
	}{
		{domain.DateMonth, "in September 2022", `2022-09-15</time> <span class="muted" title="the text names only the month: in September 2022">(month)</span>`},
		{domain.DateDay, "on 15 September", `2022-09-15</time>`},
		{"", "", `2022-09-15</time>`},
	} {
		var b strings.Builder
		e := domain.Event{Date: day, DateText: domain.NullString(tc.words), DatePrecision: domain.NullString(tc.prec)}
		if err := p.sets["article"].ExecuteTemplate(&b, "event-date", e); err != nil {
			t.Fatal(err)
		}
		if got := b.String(); !strings.HasSuffix(got, tc.want) {
			t.Errorf("event dated %q (%s) shows %q, want it to end %q", tc.words, tc.prec, got, tc.want)
		}
	}
}
