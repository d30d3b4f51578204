package server

import (
	"testing"

	"github.com/truce/truce/internal/domain"
)

func TestHighlight(t *testing.T) {
	sp := func(s, e int) domain.Span { return domain.Span{Start: s, End: e} }
	tests := []struct {
		name  string
		text  string
		marks []mark
		want  string
		kept  int
	}{
		{"none", "a < b & c", nil, "a &lt; b &amp; c", 0},
		{"one", "Troops shelled Agdam.", []mark{{Span: sp(7, 14), Kind: "trigger", ID: "t-e1", Ref: "r-e1", Label: "E1"}},
			`Troops <mark class="hl hl-trigger" id="t-e1" data-ref="r-e1">shelled</mark><sup class="ref"><a href="#r-e1">E1</a></sup> Agdam.`, 1},
		{"nested", "near Khankendi today", []mark{
			{Span: sp(0, 14), Kind: "claim", ID: "t-c1"},
			{Span: sp(5, 14), Kind: "place", ID: "t-m1"},
		}, `<mark class="hl hl-claim" id="t-c1">near <mark class="hl hl-place" id="t-m1">Khankendi</mark></mark> today`, 2},
		{"overlapping", "agreed to provide aid", []mark{
			{Span: sp(0, 17), Kind: "trigger", ID: "t-e1"},
			{Span: sp(10, 21), Kind: "commitment", ID: "t-k1", Ref: "r-k1", Label: "K1"},
		}, `<mark class="hl hl-trigger" id="t-e1">agreed to <mark class="hl hl-commitment" id="t-k1" data-ref="r-k1">provide</mark></mark>` +
			`<mark class="hl hl-commitment cont" data-ref="r-k1"> aid</mark><sup class="ref"><a href="#r-k1">K1</a></sup>`, 2},
		{"three deep, ending together", "abcdef", []mark{
			{Span: sp(0, 6), Kind: "claim"}, {Span: sp(2, 6), Kind: "actor"}, {Span: sp(4, 6), Kind: "place"},
		}, `<mark class="hl hl-claim">ab<mark class="hl hl-actor">cd<mark class="hl hl-place">ef</mark></mark></mark>`, 3},
		{"same span twice", "Baku", []mark{{Span: sp(0, 4), Kind: "actor"}, {Span: sp(0, 4), Kind: "place"}},
			`<mark class="hl hl-actor"><mark class="hl hl-place">Baku</mark></mark>`, 2},
		{"outside the text", "short", []mark{{Span: sp(2, 50), Kind: "actor"}, {Span: sp(-1, 2), Kind: "actor"}, {Span: sp(3, 3), Kind: "actor"}},
			"short", 0},
		{"inside a character", "Şuşa", []mark{{Span: sp(1, 4), Kind: "place"}, {Span: sp(0, 2), Kind: "place"}},
			`<mark class="hl hl-place">Ş</mark>uşa`, 1},
		{"hostile text and attributes", `<b onclick=x>`, []mark{{Span: sp(0, 3), Kind: "actor", Title: `"><script>`, Ref: `r-"x`, Label: "<E>"}},
			`<mark class="hl hl-actor" data-ref="r-&#34;x" title="&#34;&gt;&lt;script&gt;">&lt;b </mark><sup class="ref"><a href="#r-%22x">&lt;E&gt;</a></sup>onclick=x&gt;`, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, kept := highlight(tt.text, tt.marks)
			if string(got) != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			if len(kept) != tt.kept {
				t.Errorf("kept %d marks, want %d", len(kept), tt.kept)
			}
		})
	}
}

func FuzzHighlight(f *testing.F) {
	f.Add("agreed to provide aid", 0, 17, 10, 21)
	f.Add("Şuşa", 1, 4, 0, 2)
	f.Fuzz(func(t *testing.T, text string, a, b, c, d int) {
		html, _ := highlight(text, []mark{
			{Span: domain.Span{Start: a, End: b}, Kind: "x", Ref: "r", Label: "L"},
			{Span: domain.Span{Start: c, End: d}, Kind: "y"},
		})
		open, closed := 0, 0
		for i := 0; i+5 <= len(html); i++ {
			switch {
			case string(html[i:i+5]) == "<mark":
				open++
			case i+6 <= len(html) && string(html[i:i+6]) == "</mark":
				closed++
			}
		}
		if open != closed {
			t.Errorf("%d <mark> and %d </mark> in %s", open, closed, html)
		}
	})
}
