package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/truce/truce/internal/domain"
)

// Browser tests: each page of the seeded store, loaded in a headless
// Chromium, checked for what a person would check, and photographed into
// testdata/screenshots/<page>.png when run with -update (committed, and
// reviewed with the change; a plain run leaves the tree as it was).

// chromePath finds Chromium: $CHROME, else the usual places.
func chromePath() string {
	if p := os.Getenv("CHROME"); p != "" {
		return p
	}
	for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	return ""
}

// watchPage records, in every document the tab loads, CSP violations and
// uncaught errors, for the tests to read as window.__problems. It is
// injected through DevTools, which the page's CSP does not govern.
const watchPage = `window.__problems = [];
document.addEventListener('securitypolicyviolation', e => window.__problems.push('CSP: ' + e.violatedDirective + ' ' + e.blockedURI));
window.addEventListener('error', e => window.__problems.push('error: ' + e.message));
window.addEventListener('unhandledrejection', e => window.__problems.push('rejection: ' + e.reason));`

type browser struct {
	t       *testing.T
	ctx     context.Context
	base    string
	mu      sync.Mutex
	dialogs []string
}

func newBrowser(t *testing.T, base string) *browser {
	path := chromePath()
	if path == "" {
		t.Skip("browser tests need Chromium: apt-get install chromium (Debian), or set CHROME to a Chrome or Chromium binary")
	}
	if testing.Short() {
		t.Skip("browser tests are skipped in -short mode")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1366, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	b := &browser{t: t, ctx: ctx, base: base}
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank"), chromedp.EmulateViewport(1366, 900)); err != nil {
		t.Fatalf("start Chromium (%s): %v", path, err)
	}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: watchPage}); err != nil {
		t.Fatal(err)
	}
	// A dialog would mean that input ran as script: record it, close it.
	dialogs := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range dialogs {
			if err != nil {
				return
			}
			b.mu.Lock()
			b.dialogs = append(b.dialogs, ev.Message)
			b.mu.Unlock()
			chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
		}
	}()
	return b
}

// open loads a page and waits until its charts are drawn.
func (b *browser) open(t *testing.T, path string) {
	t.Helper()
	if err := chromedp.Do(b.ctx, chromedp.Navigate(b.base+path)); err != nil {
		t.Fatalf("navigate %s: %v", path, err)
	}
	b.waitCharts(t)
}

func (b *browser) waitCharts(t *testing.T) {
	t.Helper()
	_, err := chromedp.Run(b.ctx, chromedp.Poll[bool](
		`document.readyState === 'complete' && [...document.querySelectorAll('[data-chart]')].every(e => e.dataset.ready)`,
		chromedp.WithPollingTimeout(20*time.Second)))
	if err != nil {
		t.Fatalf("charts of %s not drawn: %v", b.location(t), err)
	}
	var failed []string
	b.eval(t, `[...document.querySelectorAll('[data-chart]')].filter(e => e.dataset.ready !== 'true').map(e => e.textContent)`, &failed)
	if len(failed) > 0 {
		t.Fatalf("charts failed: %q", failed)
	}
}

// eval runs JavaScript in the page and decodes its value into v.
func (b *browser) eval(t *testing.T, js string, v any) {
	t.Helper()
	raw, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]byte](js))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	if v != nil {
		if err := json.Unmarshal(raw, v); err != nil {
			t.Fatalf("evaluate %s: decode %s: %v", js, raw, err)
		}
	}
}

func (b *browser) location(t *testing.T) string {
	loc, err := chromedp.Run(b.ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// checkClean fails on CSP violations, script errors and dialogs.
func (b *browser) checkClean(t *testing.T) {
	t.Helper()
	var problems []string
	b.eval(t, `window.__problems || ['the page watcher did not run']`, &problems)
	for _, p := range problems {
		t.Errorf("%s: %s", b.location(t), p)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, d := range b.dialogs {
		t.Errorf("a dialog opened: %q", d)
	}
	b.dialogs = nil
}

// screenshot takes the whole page and, with -update, saves it as
// testdata/screenshots/<name>.png.
func (b *browser) screenshot(t *testing.T, name string) {
	t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if !*update {
		return
	}
	dir := filepath.Join("testdata", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// chartOption reads an ECharts option from a chart on the page.
func (b *browser) chartOption(t *testing.T, chart, expr string, v any) {
	t.Helper()
	b.eval(t, `(() => { const o = echarts.getInstanceByDom(document.querySelector('[data-chart=`+chart+`]')).getOption(); return `+expr+`; })()`, v)
}

type seriesSum struct {
	Name string
	Sum  int
	Bars int
}

func TestBrowser(t *testing.T) {
	ts := newTestServer(t, Config{})
	srv := httptest.NewServer(ts.Handler())
	defer srv.Close()
	b := newBrowser(t, srv.URL)

	timelineSeries := func(t *testing.T) []seriesSum {
		var ss []seriesSum
		b.chartOption(t, "timeline", `o.series.map(s => ({name: s.name, sum: s.data.reduce((a, v) => a + v, 0), bars: s.data.filter(v => v > 0).length}))`, &ss)
		return ss
	}
	total := func(ss []seriesSum) int {
		n := 0
		for _, s := range ss {
			n += s.Sum
		}
		return n
	}
	type point struct {
		Name   string
		Key    string
		Value  []float64
		Pixel  []float64
		Series string
	}
	// mapPoints reads the map's points with where ECharts draws them.
	mapPoints := func(t *testing.T) (pts []point, w, h float64) {
		var res struct {
			Points []point
			W, H   float64
		}
		b.eval(t, `(() => {
			const el = document.querySelector('[data-chart=map]'), c = echarts.getInstanceByDom(el);
			const pts = [];
			c.getOption().series.forEach(s => s.data.forEach(d => pts.push({name: d.name, key: d.key, value: d.value, series: s.name,
				pixel: c.convertToPixel({geoIndex: 0}, [d.value[0], d.value[1]])})));
			return {points: pts, w: c.getWidth(), h: c.getHeight()};
		})()`, &res)
		return res.Points, res.W, res.H
	}

	t.Run("overview", func(t *testing.T) {
		b.open(t, "/")
		ss := timelineSeries(t)
		if len(ss) != 4 || ss[0].Name != "Verbal cooperation" || ss[3].Name != "Material conflict" {
			t.Errorf("timeline series %+v, want the four quad classes", ss)
		}
		if got := total(ss); got != ts.info.events {
			t.Errorf("the timeline's bars add up to %d events, want %d", got, ts.info.events)
		}
		bars := 0
		for _, s := range ss {
			bars += s.Bars
		}
		if bars < 30 {
			t.Errorf("%d bars drawn, want one per day with events", bars)
		}
		pts, w, h := mapPoints(t)
		if len(pts) < 10 {
			t.Fatalf("%d points on the map", len(pts))
		}
		var yerevan *point
		for i, p := range pts {
			if p.Key == "g616052" {
				yerevan = &pts[i]
			}
			// Zoomed to where the events are: the Caucasus points are in
			// view (Brussels and Moscow may fall outside).
			inView := p.Pixel[0] >= 0 && p.Pixel[0] <= w && p.Pixel[1] >= 0 && p.Pixel[1] <= h
			if p.Value[0] > 43 && p.Value[0] < 50 && p.Value[1] > 38 && p.Value[1] < 42 && !inView {
				t.Errorf("%s at %v is drawn at %v, outside the %vx%v map", p.Name, p.Value, p.Pixel, w, h)
			}
		}
		if yerevan == nil || yerevan.Series != "Verbal conflict" || yerevan.Value[2] < 3 {
			t.Errorf("Yerevan on the map: %+v", yerevan)
		}
		var zoom float64
		b.chartOption(t, "map", `o.geo[0].zoom`, &zoom)
		if zoom <= 1 {
			t.Errorf("map zoom %v: not zoomed to the events", zoom)
		}
		b.checkClean(t)
		b.screenshot(t, "overview")

		// Brushing the timeline to a period loads the page for it.
		var cats []string
		b.chartOption(t, "timeline", `o.xAxis[0].data`, &cats)
		start, end := 10, 30
		b.eval(t, fmt.Sprintf(`echarts.getInstanceByDom(document.querySelector('[data-chart=timeline]')).dispatchAction({type: 'dataZoom', dataZoomIndex: 1, startValue: %d, endValue: %d}); true`, start, end), nil)
		// The page navigates after a pause: wait for the new URL.
		deadline := time.Now().Add(10 * time.Second)
		for !strings.Contains(b.location(t), "since=") {
			if time.Now().After(deadline) {
				t.Fatal("the brush did not change the URL")
			}
			time.Sleep(100 * time.Millisecond)
		}
		b.waitCharts(t)
		u, _ := url.Parse(b.location(t))
		if got := u.Query().Get("since"); got != cats[start] {
			t.Errorf("since=%s, want %s", got, cats[start])
		}
		if got := u.Query().Get("until"); got != cats[end] {
			t.Errorf("until=%s, want %s", got, cats[end])
		}
		var cats2 []string
		b.chartOption(t, "timeline", `o.xAxis[0].data`, &cats2)
		if len(cats2) == 0 || cats2[0] < cats[start] || cats2[len(cats2)-1] > cats[end] {
			t.Errorf("the timeline after brushing spans %v…, want %s to %s", cats2[:min(3, len(cats2))], cats[start], cats[end])
		}
		var since string
		b.eval(t, `document.querySelector('input[name=since]').value`, &since)
		if since != cats[start] {
			t.Errorf("the filter form says since %q, want %q", since, cats[start])
		}
		b.checkClean(t)
	})

	t.Run("events", func(t *testing.T) {
		b.open(t, "/events")
		var rows int
		b.eval(t, `document.querySelectorAll('tr[data-event]').length`, &rows)
		if rows != 50 {
			t.Errorf("%d rows, want 50", rows)
		}
		b.screenshot(t, "events")
		// Filling the form and submitting changes the table and the URL;
		// empty fields stay out of the URL.
		err := chromedp.Do(b.ctx,
			chromedp.SetValue(chromedp.CSS(`input[name=country]`), "ARM"),
			chromedp.SetValue(chromedp.CSS(`input[name=type]`), "PROTEST"),
		)
		if err != nil {
			t.Fatal(err)
		}
		_, err = chromedp.Run(b.ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(chromedp.CSS(`form.filters button[type=submit]`))))
		if err != nil {
			t.Fatal(err)
		}
		u, _ := url.Parse(b.location(t))
		if u.Path != "/events" || u.RawQuery != "country=ARM&type=PROTEST" {
			t.Errorf("the URL after filtering is %s, want /events?country=ARM&type=PROTEST", u)
		}
		var types []string
		b.eval(t, `[...document.querySelectorAll('tr[data-event] .plover')].map(e => e.textContent)`, &types)
		if len(types) == 0 || len(types) >= 50 {
			t.Errorf("%d rows after filtering", len(types))
		}
		for _, ty := range types {
			if ty != "PROTEST" {
				t.Errorf("a %s row after filtering by PROTEST", ty)
			}
		}
		var csv string
		b.eval(t, `document.querySelector('.exports a').getAttribute('href')`, &csv)
		if csv != "/api/v1/events?country=ARM&format=csv&type=PROTEST" {
			t.Errorf("the CSV export is %q", csv)
		}
		b.checkClean(t)
		b.screenshot(t, "events-filtered")
	})

	t.Run("article", func(t *testing.T) {
		env := decode[articleDetail](t, ts.get(t, "/api/v1/articles/nk-ceasefire"))
		text := env.Data.Article.Text
		b.open(t, "/articles/nk-ceasefire")
		// Each record's words are highlighted, and are the words its span
		// covers in the stored text.
		check := func(id string, sp domain.Span) {
			var got struct {
				Text  string
				Back  bool
				Class string
			}
			b.eval(t, `(() => { const m = document.getElementById('t-`+id+`'); const card = document.getElementById('r-`+id+`');
				// The words, without the reference links nested in them.
				const words = e => { const c = e.cloneNode(true); c.querySelectorAll('sup').forEach(s => s.remove()); return c.textContent; };
				return m ? {text: words(m) + [...document.querySelectorAll('mark.cont[data-ref="r-`+id+`"]')].map(words).join(''),
				  class: m.className, back: !!card && !!card.querySelector('a[href="#t-`+id+`"]')} : {}; })()`, &got)
			if want := sp.Of(text); got.Text != want {
				t.Errorf("%s: highlighted %q, want %q", id, got.Text, want)
			}
			if !got.Back {
				t.Errorf("%s: the record does not link back to its words", id)
			}
		}
		for _, e := range env.Data.Events {
			check(e.ID, e.TriggerSpan)
		}
		for _, c := range env.Data.Claims {
			check(c.ID, c.PropositionSpan)
		}
		for _, c := range env.Data.Commitments {
			check(c.ID, c.ActionSpan)
		}
		var bg string
		b.eval(t, `getComputedStyle(document.querySelector('mark.hl-trigger')).backgroundColor`, &bg)
		if bg == "" || bg == "rgba(0, 0, 0, 0)" {
			t.Errorf("triggers are not highlighted: background %q", bg)
		}
		// Following a word's link reaches its record.
		_, err := chromedp.Run(b.ctx, chromedp.WaitEvent(page.NavigatedWithinDocument, nil, chromedp.Click(chromedp.CSS(`sup.ref a[href="#r-nk-ceasefire-e5"]`))))
		if err != nil {
			t.Fatal(err)
		}
		var target string
		b.eval(t, `document.querySelector(':target') && document.querySelector(':target').id`, &target)
		if target != "r-nk-ceasefire-e5" {
			t.Errorf("after following E5 the target is %q", target)
		}
		b.checkClean(t)
		b.eval(t, `window.scrollTo(0, 0); true`, nil)
		b.screenshot(t, "article")
	})

	t.Run("hostile article", func(t *testing.T) {
		b.open(t, "/articles/hostile")
		var title string
		b.eval(t, `document.querySelector('h1').textContent`, &title)
		if title != hostile {
			t.Errorf("h1 reads %q", title)
		}
		var injected int
		b.eval(t, `document.querySelectorAll('main script, main img, main svg, [onerror], [onload]').length`, &injected)
		if injected != 0 {
			t.Errorf("%d elements from the input", injected)
		}
		b.checkClean(t)
	})

	t.Run("articles", func(t *testing.T) {
		b.open(t, "/articles")
		b.checkClean(t)
		b.screenshot(t, "articles")
	})

	t.Run("narratives", func(t *testing.T) {
		b.open(t, "/narratives")
		var rects []struct{ Left, Top, Width float64 }
		b.eval(t, `[...document.querySelectorAll('#n-x-ceasefire-nk .side')].map(e => { const r = e.getBoundingClientRect(); return {left: r.left, top: r.top, width: r.width}; })`, &rects)
		if len(rects) != 2 || rects[0].Top != rects[1].Top || rects[1].Left <= rects[0].Left+rects[0].Width/2 {
			t.Errorf("the two claims are not side by side: %+v", rects)
		}
		b.checkClean(t)
		b.screenshot(t, "narratives")
	})

	t.Run("commitments", func(t *testing.T) {
		b.open(t, "/commitments")
		var evidence []string
		b.eval(t, `[...document.querySelectorAll('ol.evidence a')].map(a => a.getAttribute('href'))`, &evidence)
		if len(evidence) != 1 || evidence[0] != "/articles/aid-convoy#r-aid-convoy-e1" {
			t.Errorf("evidence links %q", evidence)
		}
		b.checkClean(t)
		b.screenshot(t, "commitments")
	})

	for _, tt := range []struct{ name, path string }{
		{"actor", "/actors/AZEMIL"},
		{"country", "/countries/ARM"},
		{"place", "/places/g616052"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b.open(t, tt.path)
			ss := timelineSeries(t)
			if total(ss) == 0 {
				t.Error("no bars in the timeline")
			}
			pts, _, _ := mapPoints(t)
			if len(pts) == 0 {
				t.Error("no points on the map")
			}
			if tt.name == "country" {
				var region string
				b.chartOption(t, "map", `o.geo[0].regions[0].name`, &region)
				if region != "Armenia" {
					t.Errorf("the map shades %q, want Armenia", region)
				}
			}
			if tt.name == "place" {
				for _, p := range pts {
					if p.Key != "g616052" {
						t.Errorf("a point %s on Yerevan's page", p.Name)
					}
				}
			}
			b.checkClean(t)
			b.screenshot(t, tt.name)
		})
	}

	t.Run("map point links to its place", func(t *testing.T) {
		b.open(t, "/countries/ARM")
		var px []float64
		b.eval(t, `(() => { const c = echarts.getInstanceByDom(document.querySelector('[data-chart=map]'));
			const r = document.querySelector('[data-chart=map]').getBoundingClientRect();
			const p = c.convertToPixel({geoIndex: 0}, [44.5136, 40.1811]); return [r.left + p[0], r.top + p[1] + window.scrollY]; })()`, &px)
		_, err := chromedp.Run(b.ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.MouseClickXY(px[0], px[1]-mustScroll(t, b))))
		if err != nil {
			t.Fatal(err)
		}
		if loc := b.location(t); !strings.HasSuffix(loc, "/places/g616052") {
			t.Errorf("clicking Yerevan on the map went to %s", loc)
		}
	})
}

// mustScroll returns the page's vertical scroll, to turn page coordinates
// into viewport ones.
func mustScroll(t *testing.T, b *browser) float64 {
	var y float64
	b.eval(t, `window.scrollY`, &y)
	return y
}
