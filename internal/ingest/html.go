package ingest

import (
	"bytes"
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/go-shiori/go-readability"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/truce/truce/internal/domain"
)

// readHTML reads a news page (as UTF-8). pageURL is where it was fetched
// from, or "".
func (e *emitter) readHTML(doc []byte, pageURL string) error {
	p, err := extractPage(doc, pageURL)
	if err != nil {
		return err
	}
	a := &domain.Article{
		Title: p.title, Byline: p.byline, Source: p.site, URL: p.url,
		DateText: p.dateText, Text: p.text,
	}
	e.add(a, 0, "", p.date)
	return nil
}

// page is what extractPage finds in a news page.
type page struct {
	title, byline, site, url string
	// dateText is the publication time as the page's metadata writes it;
	// date is the extractor's, used when there is no dateText or it does
	// not parse.
	dateText string
	date     time.Time
	text     string
}

// extractPage finds a page's article. The body comes from Readability
// (go-readability), with the standfirst, captions and credits it keeps;
// a first paragraph that repeats the title is dropped. Title, byline and
// the site's name come from Readability; the publication time from the
// page's own metadata (JSON-LD datePublished, meta tags, else a <time>
// element when the page has only one day in them).
//
// go-trafilatura did this before, merged with Readability. It was
// dropped after measuring it: its date parser (go-dateparser) builds its
// language data when the program starts, 0.32 s and 78 MB on every truce
// command, whether or not it reads HTML, which alone broke the 300 ms
// cold start of `truce code`; Readability with the page's metadata meets
// the same reference pages.
func extractPage(doc []byte, pageURL string) (page, error) {
	root, err := html.Parse(bytes.NewReader(doc))
	if err != nil {
		return page{}, invalid("not HTML: %v", err)
	}
	var u *url.URL
	if pageURL != "" {
		u, _ = url.Parse(pageURL)
	}
	var p page
	var readText string
	var art readability.Article
	err = safely("readability", func() (err error) {
		art, err = readability.FromDocument(root, u)
		return err
	})
	if err == nil {
		if art.Node != nil {
			readText = htmlText(art.Node)
		}
		p.title, p.byline, p.site = art.Title, art.Byline, art.SiteName
		if art.PublishedTime != nil {
			p.date = *art.PublishedTime
		}
	}
	p.text = dropTitle(readText, p.title)
	strong, weak := metaPublished(root)
	p.dateText = strong
	if p.dateText == "" {
		if !p.date.IsZero() {
			p.dateText = sameDay(weak, p.date)
		} else {
			p.dateText = onlyDay(weak)
		}
	}
	p.url = canonicalURL(root)
	if !isURL(p.url) {
		p.url = pageURL
	}
	if !isURL(p.url) {
		p.url = ""
	}
	if p.site == "" && p.url != "" {
		if pu, err := url.Parse(p.url); err == nil {
			p.site = strings.TrimPrefix(pu.Hostname(), "www.")
		}
	}
	return p, nil
}

// dropTitle drops a first paragraph that is the title: the headline is
// kept in Title, and the text starts with the story.
func dropTitle(text, title string) string {
	first, rest, ok := strings.Cut(text, "\n\n")
	if ok && title != "" && squeeze(first) == squeeze(title) {
		return rest
	}
	return text
}

func paragraphsOf(s string) []string {
	var out []string
	for p := range strings.SplitSeq(s, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// squeeze drops white space (and soft hyphens, which extractors keep or
// drop).
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u00ad' {
			return -1
		}
		return r
	}, s)
}

// articleTypes are the schema.org types whose datePublished is the
// story's; another object's (a WebPage, a video) is a fallback.
var articleTypes = []string{
	"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
	"BackgroundNewsArticle", "LiveBlogPosting", "BlogPosting", "Report", "ScholarlyArticle",
}

// publishedMeta are meta elements that hold the publication time, in
// order of trust.
var publishedMeta = []string{
	"article:published_time", "og:published_time", "datepublished", "article.published",
	"parsely-pub-date", "sailthru.date", "publish-date", "publishdate", "pubdate",
	"dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created", "date", "og:article:published_time",
}

// metaPublished returns the publication time a page's metadata gives, as
// written: JSON-LD datePublished of an article, then meta tags, then
// JSON-LD datePublished of another object. weak lists what <time>
// elements say (<time pubdate>, <time itemprop="datePublished">): pages
// use them for the related stories in the margin too, so they count only
// where they agree with the extractor's day.
func metaPublished(root *html.Node) (strong string, weak []string) {
	var ldArticle, ldOther string
	metas := map[string]string{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Script:
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") && n.FirstChild != nil {
					a, o := jsonLDPublished(n.FirstChild.Data)
					if ldArticle == "" {
						ldArticle = a
					}
					if ldOther == "" {
						ldOther = o
					}
				}
				return
			case atom.Meta:
				key := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
				if v := strings.TrimSpace(attr(n, "content")); key != "" && v != "" {
					if _, ok := metas[key]; !ok {
						metas[key] = v
					}
				}
			case atom.Time:
				_, pubdate := hasAttr(n, "pubdate")
				if pubdate || strings.EqualFold(attr(n, "itemprop"), "datePublished") {
					if v := strings.TrimSpace(firstNonEmpty(attr(n, "datetime"), attr(n, "content"))); v != "" {
						weak = append(weak, v)
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	candidates := []string{ldArticle}
	for _, k := range publishedMeta {
		candidates = append(candidates, metas[k])
	}
	candidates = append(candidates, ldOther)
	for _, c := range candidates {
		if c == "" {
			continue
		}
		if _, err := parseDate(c); err == nil {
			return c, weak
		}
	}
	return "", weak
}

// sameDay picks the first of candidates whose time falls on day (the
// extractor's, a calendar day in the page's own zone, which may be up to
// 14 hours either side of UTC).
func sameDay(candidates []string, day time.Time) string {
	if day.IsZero() {
		return ""
	}
	lo, hi := day.Add(-14*time.Hour), day.Add(38*time.Hour)
	for _, c := range candidates {
		if t, err := ParseTime(c); err == nil && !t.Before(lo) && t.Before(hi) {
			return c
		}
	}
	return ""
}

// jsonLDPublished finds datePublished in a JSON-LD script: of an article
// object, and of any other object.
func jsonLDPublished(script string) (article, other string) {
	// Some sites wrap the JSON in CDATA, or write several objects.
	script = strings.TrimSpace(script)
	script = strings.TrimPrefix(strings.TrimPrefix(script, "//"), "<![CDATA[")
	script = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(script), "]]>"), "//")
	dec := json.NewDecoder(strings.NewReader(script))
	var vs []any
	for {
		var v any
		if dec.Decode(&v) != nil {
			break
		}
		vs = append(vs, v)
	}
	v := any(vs)
	var visit func(v any)
	visit = func(v any) {
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e)
			}
		case map[string]any:
			if d, ok := x["datePublished"].(string); ok && strings.TrimSpace(d) != "" {
				if isArticleType(x["@type"]) {
					if article == "" {
						article = strings.TrimSpace(d)
					}
				} else if other == "" {
					other = strings.TrimSpace(d)
				}
			}
			for _, k := range []string{"@graph", "mainEntity", "mainEntityOfPage"} {
				if c, ok := x[k]; ok {
					visit(c)
				}
			}
		}
	}
	visit(v)
	return article, other
}

func isArticleType(t any) bool {
	switch x := t.(type) {
	case string:
		return slices.Contains(articleTypes, x)
	case []any:
		for _, e := range x {
			if s, ok := e.(string); ok && slices.Contains(articleTypes, s) {
				return true
			}
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	v, _ := hasAttr(n, key)
	return v
}

func hasAttr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val, true
		}
	}
	return "", false
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// onlyDay returns the date the <time> elements give when they all give
// the same day, else "": several days mean related stories in the margin.
func onlyDay(candidates []string) string {
	var first string
	var day time.Time
	for _, c := range candidates {
		t, err := ParseTime(c)
		if err != nil {
			continue
		}
		y1, m1, d1 := t.UTC().Date()
		if first == "" {
			first, day = c, t
			continue
		}
		if y2, m2, d2 := day.UTC().Date(); y1 != y2 || m1 != m2 || d1 != d2 {
			return ""
		}
	}
	return first
}

// canonicalURL returns the page's own address from its metadata: <link
// rel="canonical">, else og:url.
func canonicalURL(root *html.Node) string {
	var canonical, og string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && canonical == "" {
					canonical = strings.TrimSpace(attr(n, "href"))
				}
			case atom.Meta:
				if strings.EqualFold(attr(n, "property"), "og:url") && og == "" {
					og = strings.TrimSpace(attr(n, "content"))
				}
			case atom.Body:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	if canonical != "" {
		return canonical
	}
	return og
}
