package server

import (
	"cmp"
	"html/template"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/truce/truce/internal/domain"
)

// mark is one highlighted stretch of an article's text.
type mark struct {
	Span domain.Span
	// Kind is the CSS class suffix: actor, person, org, place, trigger,
	// claim, commitment.
	Kind string
	// ID is the anchor of the mark's first fragment ("t-…"), so records
	// can link to their words; Ref and Label, when set, add a link to the
	// record after the mark ("E1" → "#r-…").
	ID    string
	Ref   string
	Label string
	Title string
}

// highlight renders text as HTML with marks around the spans, escaping
// every piece of text. Marks may nest or overlap: where an inner mark
// outlives the one that must close, the inner one is closed and reopened
// as a continuation fragment (class "cont", no id), so the HTML stays
// well nested. Marks outside the text or not on UTF-8 boundaries are
// dropped (a stale span must not split a character). It returns the marks
// it kept, in the order they open.
func highlight(text string, marks []mark) (template.HTML, []mark) {
	kept := make([]mark, 0, len(marks))
	for _, m := range marks {
		if validSpan(text, m.Span) {
			kept = append(kept, m)
		}
	}
	// Outer marks open first: by start, then the longer one.
	slices.SortStableFunc(kept, func(a, b mark) int {
		return cmp.Or(cmp.Compare(a.Span.Start, b.Span.Start), cmp.Compare(b.Span.End, a.Span.End))
	})
	cuts := make([]int, 0, 2*len(kept)+2)
	cuts = append(cuts, 0, len(text))
	for _, m := range kept {
		cuts = append(cuts, m.Span.Start, m.Span.End)
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)

	var b strings.Builder
	b.Grow(len(text) + 80*len(kept))
	var open []int // indexes into kept, innermost last
	next := 0      // the next mark to open
	for i, pos := range cuts {
		// Close the marks that end here, with every mark opened inside
		// them; reopen those that go on.
		if k := slices.IndexFunc(open, func(j int) bool { return kept[j].Span.End == pos }); k >= 0 {
			var reopen []int
			for n := len(open) - 1; n >= k; n-- {
				j := open[n]
				b.WriteString("</mark>")
				if kept[j].Span.End == pos {
					writeRef(&b, kept[j])
				} else {
					reopen = append(reopen, j)
				}
			}
			open = open[:k]
			for n := len(reopen) - 1; n >= 0; n-- {
				writeOpen(&b, kept[reopen[n]], false)
				open = append(open, reopen[n])
			}
		}
		for next < len(kept) && kept[next].Span.Start == pos {
			writeOpen(&b, kept[next], true)
			open = append(open, next)
			next++
		}
		if i+1 < len(cuts) {
			b.WriteString(template.HTMLEscapeString(text[pos:cuts[i+1]]))
		}
	}
	return template.HTML(b.String()), kept
}

func validSpan(text string, s domain.Span) bool {
	if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
		return false
	}
	return utf8.RuneStart(text[s.Start]) && (s.End == len(text) || utf8.RuneStart(text[s.End]))
}

func writeOpen(b *strings.Builder, m mark, first bool) {
	b.WriteString(`<mark class="hl hl-`)
	b.WriteString(template.HTMLEscapeString(m.Kind))
	if !first {
		b.WriteString(` cont`)
	}
	b.WriteString(`"`)
	if first && m.ID != "" {
		b.WriteString(` id="`)
		b.WriteString(template.HTMLEscapeString(m.ID))
		b.WriteString(`"`)
	}
	if m.Ref != "" {
		b.WriteString(` data-ref="`)
		b.WriteString(template.HTMLEscapeString(m.Ref))
		b.WriteString(`"`)
	}
	if m.Title != "" {
		b.WriteString(` title="`)
		b.WriteString(template.HTMLEscapeString(m.Title))
		b.WriteString(`"`)
	}
	b.WriteString(`>`)
}

// writeRef writes the link from a mark to its record, after the mark's
// last fragment. Marks are never links themselves, so no link nests in
// another.
func writeRef(b *strings.Builder, m mark) {
	if m.Ref == "" || m.Label == "" {
		return
	}
	b.WriteString(`<sup class="ref"><a href="#`)
	b.WriteString(template.HTMLEscapeString(fragment(m.Ref)))
	b.WriteString(`">`)
	b.WriteString(template.HTMLEscapeString(m.Label))
	b.WriteString(`</a></sup>`)
}

// fragment escapes an anchor name for use after # in a URL.
func fragment(id string) string {
	var b strings.Builder
	for i := 0; i < len(id); i++ {
		c := id[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~:", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteString("%")
		b.WriteByte("0123456789ABCDEF"[c>>4])
		b.WriteByte("0123456789ABCDEF"[c&15])
	}
	return b.String()
}
