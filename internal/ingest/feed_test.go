package ingest

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestSharedFeeds reads every file of ../shared/feeds: each feed gives all
// its items, decoded right whatever its charset.
func TestSharedFeeds(t *testing.T) {
	dir := sharedDir(t, "feeds")
	tests := []struct {
		file  string
		items int
		words []string // words that must appear, decoded, in the texts or titles
		dated bool     // every item has a date
		errs  []string // errors after the path
	}{
		{"news-outlets/reuters_rss.xml", 10, []string{"North Korea", "Reuters"}, true, nil},
		{"news-outlets/huffpost_atom.xml", 1, []string{"PayPal"}, true, nil},
		{"real-world/encoding_ISO-8859-1.xml", 40, []string{"wünschen", "Überwachung", "für"}, true, nil},
		{"real-world/encoding_WINDOWS-1251.xml", 50, []string{"Цитата", "программер"}, true, nil},
		// Its fourth item is empty: no title, no link, no description.
		{"real-world/no_encoding_ISO-8859-1.xml", 9, []string{"études", "très", "cerveau"}, true, []string{": item 4: no article text"}},
		{"real-world/urdu_UTF8.xml", 26, []string{"پاکستان", "امریکہ"}, true, nil},
		{"real-world/rdf_UTF8.xml", 60, []string{"Vorsichtsmaßnahmen", "übernimmt"}, false, nil},
		{"real-world/small_atom.xml", 20, []string{"podcast"}, true, nil},
		{"real-world/large_atom.xml", 25, []string{"vale"}, true, nil},
		{"real-world/large_rss.xml", 25, []string{"vale"}, true, nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join(dir, tt.file)
			arts, errs, warns := collect(t, path, Options{})
			var wantErrs []string
			for _, e := range tt.errs {
				wantErrs = append(wantErrs, path+e)
			}
			if diff := cmp.Diff(wantErrs, errStrings(errs)); diff != "" || len(warns) > 0 {
				t.Errorf("errors (-want +got):\n%swarnings: %q", diff, errStrings(warns))
			}
			if len(arts) != tt.items {
				t.Fatalf("got %d articles, want %d", len(arts), tt.items)
			}
			var all strings.Builder
			for _, a := range arts {
				all.WriteString(a.Title + "\n" + a.Text + "\n")
				if a.Format != FormatFeed || a.Source == "" || a.ID == "" {
					t.Errorf("got format %q source %q id %q, want feed, the feed's title and an id", a.Format, a.Source, a.ID)
				}
				if tt.dated && a.Published.IsZero() {
					t.Errorf("item %q: no date, want the item's own (%q)", a.Title, a.DateText)
				}
				if strings.Contains(a.Text, "\uFFFD") || strings.Contains(a.Title, "\uFFFD") {
					t.Errorf("item %q: undecodable bytes in %q", a.Title, a.Text)
				}
			}
			for _, w := range tt.words {
				if !strings.Contains(all.String(), w) {
					t.Errorf("no %q in the decoded items", w)
				}
			}
		})
	}
	t.Run("every file", func(t *testing.T) {
		files, errs := Expand([]string{dir})
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		for _, f := range files {
			// Licence files are read as plain-text articles.
			arts, _, _ := collect(t, f, Options{})
			if len(arts) == 0 {
				t.Errorf("%s: no articles", f)
			}
		}
	})
}

func TestFeedItem(t *testing.T) {
	dir := t.TempDir()
	rss := writeFile(t, dir, "world.rss", `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Conflict Wire</title>
<item>
  <title>Shelling &amp; strikes near Bakhmut</title>
  <guid>urn:wire:1</guid>
  <link>https://example.org/1</link>
  <pubDate>Tue, 09 May 2023 08:00:00 +0300</pubDate>
  <description><![CDATA[<p>Shelling hit the town&nbsp;overnight.</p><script>track()</script><style>p{}</style><p>Two people died, officials said &mdash; the third day in a row.</p>]]></description>
</item>
<item>
  <title>Headline only: talks postponed</title>
  <link>https://example.org/2</link>
</item>
</channel></rss>`)
	arts, errs, warns := collect(t, rss, Options{})
	if len(errs)+len(warns) > 0 || len(arts) != 2 {
		t.Fatalf("got %d articles, errors %q, warnings %q; want 2 articles", len(arts), errStrings(errs), errStrings(warns))
	}
	a := arts[0]
	want := "Shelling hit the town overnight.\n\nTwo people died, officials said — the third day in a row."
	if a.Text != want {
		t.Errorf("text: got %q, want %q", a.Text, want)
	}
	if a.ID != "urn:wire:1" || a.Title != "Shelling & strikes near Bakhmut" || a.Source != "Conflict Wire" || a.URL != "https://example.org/1" {
		t.Errorf("got id %q title %q source %q url %q", a.ID, a.Title, a.Source, a.URL)
	}
	if w := time.Date(2023, 5, 9, 5, 0, 0, 0, time.UTC); !a.Published.Equal(w) || a.DateText != "Tue, 09 May 2023 08:00:00 +0300" {
		t.Errorf("published: got %v (%q), want %v", a.Published, a.DateText, w)
	}
	if b := arts[1]; b.Text != "Headline only: talks postponed" || b.ID == "" {
		t.Errorf("headline-only item: got text %q id %q, want the title as text and a content id", b.Text, b.ID)
	}
	arts, _, _ = collect(t, rss, Options{Source: "My list"})
	if arts[0].Source != "My list" {
		t.Errorf("source: got %q, want the option's", arts[0].Source)
	}
}

func TestFeedFormats(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, content string
		want          []string // title|text|date
	}{
		{"atom.xml", `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Monitor</title>
<entry><id>tag:m,1</id><title>Convoy reaches Goma</title><updated>2024-02-01T10:00:00Z</updated>
<content type="html">&lt;p&gt;The convoy reached Goma.&lt;/p&gt;</content></entry></feed>`,
			[]string{"Convoy reaches Goma|The convoy reached Goma.|2024-02-01T10:00:00Z"}},
		{"rdf.xml", `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="x"><title>Old wire</title></channel>
<item rdf:about="https://example.org/r"><title>Border closed</title><link>https://example.org/r</link><description>The border was closed.</description><dc:date>2024-02-02</dc:date></item></rdf:RDF>`,
			[]string{"Border closed|The border was closed.|2024-02-02"}},
		{"feed.json", `{"version": "https://jsonfeed.org/version/1.1", "title": "JSON wire", "items": [
{"id": "j1", "title": "Truce extended", "content_html": "<p>The truce was extended.</p>", "date_published": "2024-02-03T09:00:00+01:00"}]}`,
			[]string{"Truce extended|The truce was extended.|2024-02-03T09:00:00+01:00"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, errs, _ := collect(t, writeFile(t, dir, tt.name, tt.content), Options{})
			var got []string
			for _, a := range arts {
				got = append(got, a.Title+"|"+a.Text+"|"+a.DateText)
			}
			if len(errs) > 0 {
				t.Errorf("errors: %q", errStrings(errs))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestFeedHard(t *testing.T) {
	dir := t.TempDir()
	t.Run("10,000 items", func(t *testing.T) {
		var b strings.Builder
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Big</title>`)
		for i := range 10000 {
			fmt.Fprintf(&b, "<item><guid>g%d</guid><title>Report %d</title><pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate><description>Report number %d from the front.</description></item>\n", i, i, i)
		}
		b.WriteString("</channel></rss>")
		arts, errs, _ := collect(t, writeFile(t, dir, "big.xml", b.String()), Options{})
		if len(errs) > 0 || len(arts) != 10000 {
			t.Fatalf("got %d articles and %d errors, want 10000 and none", len(arts), len(errs))
		}
		if arts[9999].ID != "g9999" || arts[9999].Text != "Report number 9999 from the front." {
			t.Errorf("last item: got id %q text %q", arts[9999].ID, arts[9999].Text)
		}
	})
	t.Run("truncated XML", func(t *testing.T) {
		path := writeFile(t, dir, "cut.xml", `<?xml version="1.0"?><rss version="2.0"><channel><title>Cut</title><item><title>One</title><description>First item`)
		_, errs, _ := collect(t, path, Options{})
		if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), path+": not a valid feed") {
			t.Errorf("got errors %q, want one naming %s: not a valid feed", errStrings(errs), path)
		}
	})
	t.Run("XML that is no feed", func(t *testing.T) {
		path := writeFile(t, dir, "other.xml", `<?xml version="1.0"?><library><book>x</book></library>`)
		_, errs, _ := collect(t, path, Options{})
		if len(errs) != 1 || errs[0].Error() != path+": not a feed: no RSS, Atom or JSON Feed found" {
			t.Errorf("got errors %q", errStrings(errs))
		}
	})
	t.Run("declared charset", func(t *testing.T) {
		// "Война" in windows-1251, declared.
		path := writeFile(t, dir, "cp1251.xml", "<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss version=\"2.0\"><channel><title>T</title><item><title>\xc2\xee\xe9\xed\xe0</title><description>\xc2\xee\xe9\xed\xe0 \xe8 \xec\xe8\xf0</description></item></channel></rss>")
		arts, errs, _ := collect(t, path, Options{})
		if len(errs) > 0 || len(arts) != 1 || arts[0].Title != "Война" || arts[0].Text != "Война и мир" {
			t.Errorf("got %d articles, errors %q; want title Война, text Война и мир", len(arts), errStrings(errs))
		}
	})
	t.Run("undeclared and not UTF-8", func(t *testing.T) {
		path := writeFile(t, dir, "latin.xml", "<rss version=\"2.0\"><channel><title>T</title><item><title>R\xe9fugi\xe9s</title><description>Les r\xe9fugi\xe9s \x96 \xe0 la fronti\xe8re.</description></item></channel></rss>")
		arts, errs, _ := collect(t, path, Options{})
		if len(errs) > 0 || len(arts) != 1 || arts[0].Text != "Les réfugiés – à la frontière." {
			t.Errorf("got %d articles, errors %q, want the text read as windows-1252", len(arts), errStrings(errs))
		}
	})
}

func TestHTMLFragmentText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text &amp; entities\nkept lines", "plain text & entities\nkept lines"},
		{"<p>One</p><p>Two <b>bold</b>, <a href='x'>link</a>.</p>", "One\n\nTwo bold, link."},
		{"Line<br>break<br/>again", "Line\nbreak\nagain"},
		{"<div><div><p>Nested</p></div></div><p>Next</p>", "Nested\n\nNext"},
		{"<ul><li>a</li><li>b</li></ul>after", "a\n\nb\n\nafter"}, // a list item is a paragraph of its own
		{"<p>Keep</p><script>var x = '<p>no</p>';</script><style>.a{}</style><noscript>no</noscript>", "Keep"},
		{"<p>  spaced \n\t out  </p>", "spaced out"},
		{"<pre>a\n  b</pre>", "a\n  b"},
		{"<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\nc"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := htmlFragmentText(tt.in); got != tt.want {
			t.Errorf("htmlFragmentText(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzReadFeed(f *testing.F) {
	f.Add(`<rss version="2.0"><channel><title>T</title><item><title>x</title><description>&lt;p&gt;y&lt;/p&gt;</description></item></channel></rss>`)
	f.Add(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>x</title><content type="html">y</content></entry></feed>`)
	f.Add(`{"version": "https://jsonfeed.org/version/1", "items": [{"content_text": "x"}]}`)
	f.Add("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss><channel><item><description>\xe9</description></item></channel></rss>")
	f.Fuzz(func(t *testing.T, content string) {
		checkRead(t, FormatFeed, content)
	})
}

func FuzzHTMLText(f *testing.F) {
	f.Add("<p>One</p><p>Two <b>bold</b></p>")
	f.Add("<pre>a\n b</pre><br><table><td>x")
	f.Fuzz(func(t *testing.T, s string) {
		got := htmlFragmentText(s)
		if len(got) > 4*len(s)+16 {
			t.Errorf("htmlFragmentText(%q) grew to %d bytes", s, len(got))
		}
	})
}
