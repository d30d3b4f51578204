package ingest

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlFragmentText reduces a fragment of HTML (a feed item's content) to
// text. A fragment without any tag is plain text that may carry entities:
// its line breaks are kept.
func htmlFragmentText(s string) string {
	if !strings.Contains(s, "<") {
		return html.UnescapeString(s)
	}
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		// The HTML parser recovers from any markup; an error is a read
		// error, impossible on a strings.Reader.
		return html.UnescapeString(s)
	}
	var w textWriter
	for _, n := range nodes {
		w.node(n)
	}
	return w.String()
}

// htmlText reduces an HTML tree to text: blocks (paragraphs, headings,
// list items) become lines separated by blank lines, <br> a line break,
// runs of white space one space; scripts, styles and other non-text
// elements are dropped.
func htmlText(n *html.Node) string {
	var w textWriter
	w.node(n)
	return w.String()
}

// skipped elements hold no article text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Svg: true, atom.Math: true, atom.Head: true, atom.Object: true,
	atom.Embed: true, atom.Canvas: true, atom.Video: true, atom.Audio: true, atom.Picture: true,
	atom.Button: true, atom.Select: true, atom.Textarea: true, atom.Input: true, atom.Form: true,
	atom.Nav: true,
}

// paragraphs end with a blank line; lines with a line break.
var (
	paragraphs = map[atom.Atom]bool{
		atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
		atom.H5: true, atom.H6: true, atom.Blockquote: true, atom.Pre: true, atom.Article: true,
		atom.Section: true, atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Main: true,
		atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Table: true, atom.Figure: true,
		atom.Hr: true, atom.Address: true, atom.Details: true, atom.Fieldset: true, atom.Body: true,
		atom.Html: true,
		// A list item or a caption is a unit of its own: no sentence runs
		// from one into the next ("The UK must stay in the EU" and "He is
		// confident the Iran deal will pass" are two bullets).
		atom.Li: true, atom.Dt: true, atom.Dd: true, atom.Figcaption: true, atom.Caption: true,
	}
	lines = map[atom.Atom]bool{
		atom.Tr: true, atom.Summary: true, atom.Legend: true,
	}
)

// Elements that trafilatura's output uses besides HTML ones.
var (
	extraParagraphs = map[string]bool{"head": true, "list": true, "item": true, "quote": true, "code": false}
	extraLines      = map[string]bool{"row": true, "lb": false}
)

// textWriter accumulates text with pending breaks, so that nested blocks
// give one break, not one per level.
type textWriter struct {
	b       strings.Builder
	breaks  int  // newlines owed before the next text
	space   bool // a space owed before the next text
	pre     int  // depth inside <pre>
	started bool
}

func (w *textWriter) brk(n int) {
	if n == 0 {
		return
	}
	if w.started && n > w.breaks {
		w.breaks = n
	}
	w.space = false
}

func (w *textWriter) text(s string) {
	if s == "" {
		return
	}
	if w.pre > 0 {
		w.flush()
		w.b.WriteString(s)
		w.started = true
		return
	}
	first, _ := utf8.DecodeRuneInString(s)
	if isHTMLSpace(first) {
		w.space = true
	}
	for i, f := range strings.FieldsFunc(s, isHTMLSpace) {
		if i > 0 {
			w.space = true
		}
		w.flush()
		if w.space && w.started {
			w.b.WriteByte(' ')
		}
		w.b.WriteString(f)
		w.started = true
		w.space = false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if isHTMLSpace(last) {
		w.space = true
	}
}

// flush writes the owed breaks.
func (w *textWriter) flush() {
	if w.breaks > 0 {
		for range w.breaks {
			w.b.WriteByte('\n')
		}
		w.breaks = 0
		w.space = false
	}
}

func isHTMLSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\u00a0':
		return true
	}
	return false
}

func (w *textWriter) node(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.DocumentNode:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			w.node(c)
		}
		return
	case html.ElementNode:
	default:
		return
	}
	if skipped[n.DataAtom] {
		return
	}
	if n.DataAtom == atom.Br {
		w.brk(1)
		return
	}
	brk := 0
	switch {
	case paragraphs[n.DataAtom] || (n.DataAtom == 0 && extraParagraphs[n.Data]):
		brk = 2
	case lines[n.DataAtom] || (n.DataAtom == 0 && extraLines[n.Data]):
		brk = 1
	case n.DataAtom == atom.Td || n.DataAtom == atom.Th:
		w.space = w.started
	}
	w.brk(brk)
	if n.DataAtom == atom.Pre {
		w.pre++
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.node(c)
	}
	if n.DataAtom == atom.Pre {
		w.pre--
	}
	w.brk(brk)
}

func (w *textWriter) String() string { return w.b.String() }
