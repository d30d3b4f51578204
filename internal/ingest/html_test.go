package ingest

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// TestSharedPages reads every page of ../shared/html and compares it with
// the reference extraction next to it: the title and the publication time
// of expected-metadata.json (where it has them), and the first and last
// paragraphs of expected.html, which the stored text must contain.
func TestSharedPages(t *testing.T) {
	dir := sharedDir(t, "html")
	pages, err := filepath.Glob(filepath.Join(dir, "*", "source.html"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no pages under %s", dir)
	}
	for _, src := range pages {
		page := filepath.Dir(src)
		t.Run(filepath.Base(page), func(t *testing.T) {
			var meta struct {
				Title         *string
				PublishedTime *string
			}
			b, err := os.ReadFile(filepath.Join(page, "expected-metadata.json"))
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(b, &meta); err != nil {
				t.Fatal(err)
			}
			arts, errs, _ := collect(t, src, Options{})
			if len(errs) > 0 || len(arts) != 1 {
				t.Fatalf("got %d articles and errors %q, want 1 article", len(arts), errStrings(errs))
			}
			a := arts[0]
			if a.Format != FormatHTML {
				t.Errorf("format: got %q, want html", a.Format)
			}
			if meta.Title != nil && a.Title != *meta.Title {
				t.Errorf("title: got %q, want %q", a.Title, *meta.Title)
			}
			if meta.PublishedTime != nil {
				want, err := ParseTime(*meta.PublishedTime)
				if err != nil {
					t.Fatalf("expected time %q: %v", *meta.PublishedTime, err)
				}
				if !a.Published.Equal(want) {
					t.Errorf("published: got %v (%q), want %v (%q)", a.Published, a.DateText, want, *meta.PublishedTime)
				}
			}
			paras := expectedParagraphs(t, filepath.Join(page, "expected.html"))
			// A photo caption leading the reference (the same words as an
			// image's alt text in the page) is not the story's first
			// paragraph: the extractor leaves image captions out.
			captions := imageAlts(t, src)
			for len(paras) > 1 && captions[squeeze(paras[0])] {
				paras = paras[1:]
			}
			text := squeeze(a.Text)
			for _, p := range []string{paras[0], paras[len(paras)-1]} {
				if !strings.Contains(text, squeeze(p)) {
					t.Errorf("text lacks the paragraph %q", p)
				}
			}
		})
	}
}

// TestSharedHTMLTree ingests the whole of ../shared/html, the way a user
// pointing truce at the folder would: every page (source and reference)
// gives one article; the metadata files, which are JSON but not articles,
// give one error each naming them.
func TestSharedHTMLTree(t *testing.T) {
	dir := sharedDir(t, "html")
	files, errs := Expand([]string{dir})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, f := range files {
		arts, errs, _ := collect(t, f, Options{})
		switch filepath.Ext(f) {
		case ".html":
			if len(arts) != 1 || len(errs) > 0 {
				t.Errorf("%s: got %d articles and errors %q, want 1 article", f, len(arts), errStrings(errs))
			}
		case ".json":
			if len(arts) != 0 || len(errs) != 1 || errs[0].Error() != f+": item 1: no text field (want one of text, body, notes, content)" {
				t.Errorf("%s: got %d articles and errors %q, want one error: no text field", f, len(arts), errStrings(errs))
			}
		default:
			if len(arts)+len(errs) == 0 {
				t.Errorf("%s: neither an article nor an error", f)
			}
		}
	}
}

// expectedParagraphs returns the text of the <p> elements of a reference
// extraction that hold a word. A slideshow's "1 / 5" is not a paragraph.
func expectedParagraphs(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	root, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.P {
			if s := htmlText(n); strings.IndexFunc(s, unicode.IsLetter) >= 0 {
				out = append(out, s)
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	if len(out) == 0 {
		t.Fatalf("%s: no paragraphs", path)
	}
	return out
}

func TestReadHTML(t *testing.T) {
	dir := t.TempDir()
	page := `<!DOCTYPE html>
<html><head><meta charset="windows-1252">
<title>Ceasefire collapses in the north - Example News</title>
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Reporter">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Ceasefire collapses in the north","datePublished":"2024-04-02T18:45:00+02:00"}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ceasefire collapses in the north</h1>
<p>Fighting resumed on Tuesday in the northern province, two days after both sides agreed to a ceasefire brokered by regional mediators, residents and officials said.</p>
<p>Artillery fire was heard through the night around the provincial capital, and at least four civilians were killed when a shell hit a market, according to the local health office.</p>
<p>The government accused the rebels of breaking the truce; a rebel spokesman said government troops had attacked first and that the movement was only defending its positions.</p>
<p>Mediators said they would return to the region next week to try to restore the agreement, which had been welcomed by aid agencies as a chance to reach cut-off villages. Caf` + "\xe9" + ` owners closed early.</p>
</article>
<footer>Copyright Example News</footer>
</body></html>`
	path := writeFile(t, dir, "page.html", page)
	arts, errs, warns := collect(t, path, Options{})
	if len(errs)+len(warns) > 0 || len(arts) != 1 {
		t.Fatalf("got %d articles, errors %q, warnings %q", len(arts), errStrings(errs), errStrings(warns))
	}
	a := arts[0]
	if a.Title != "Ceasefire collapses in the north" {
		t.Errorf("title: got %q", a.Title)
	}
	if want := time.Date(2024, 4, 2, 16, 45, 0, 0, time.UTC); !a.Published.Equal(want) {
		t.Errorf("published: got %v, want %v", a.Published, want)
	}
	if !strings.HasPrefix(a.Text, "Fighting resumed on Tuesday") && !strings.Contains(a.Text, "\n\nFighting resumed on Tuesday") {
		t.Errorf("text does not start a paragraph with the lede: %q", a.Text)
	}
	for _, want := range []string{"Café owners closed early.", "\n\nArtillery fire was heard"} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("text lacks %q: %q", want, a.Text)
		}
	}
	if strings.Contains(a.Text, "Copyright") || strings.Contains(a.Text, "Home") {
		t.Errorf("text has the page's chrome: %q", a.Text)
	}
	if a.Source != "Example News" || a.Byline != "Jane Reporter" {
		t.Errorf("got source %q byline %q", a.Source, a.Byline)
	}
}

func FuzzReadHTML(f *testing.F) {
	f.Add(`<html><head><title>T</title><meta property="article:published_time" content="2024-01-01T10:00:00Z"></head><body><article><p>Text of the article.</p></article></body></html>`)
	f.Add(`<p>fragment</p><script type="application/ld+json">{"datePublished": 5}</script>`)
	f.Add("<html><meta charset=koi8-r><p>\xf7\xcf\xca\xce\xc1</p>")
	f.Fuzz(func(t *testing.T, content string) {
		checkRead(t, FormatHTML, content)
	})
}

// imageAlts returns the squeezed alt texts of the page's images.
func imageAlts(t *testing.T, path string) map[string]bool {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	root, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "img" {
			for _, a := range n.Attr {
				if a.Key == "alt" && strings.TrimSpace(a.Val) != "" {
					out[squeeze(html.UnescapeString(a.Val))] = true
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return out
}
