package text

import "sync"

// Sentence is one sentence of a Document: its byte span in the text and its
// tokens (whose spans are offsets into the whole text).
type Sentence struct {
	Start, End int
	Tokens     []Token
}

// Document is a text split into sentences and tokens: the shared input of
// every coder stage.
type Document struct {
	Text      string
	Sentences []Sentence
	tokens    []Token // the backing array of every sentence's Tokens
}

// tokenPool holds the token arrays of released documents. Tokens hold
// strings, so every array the collector finds it must scan: one array
// reused from article to article spares it most of the coder's garbage.
var tokenPool sync.Pool

// Parse splits s into sentences and tokens.
func Parse(s string) *Document {
	spans := Sentences(s)
	d := &Document{Text: s, Sentences: make([]Sentence, len(spans))}
	// One backing array for all tokens: fewer allocations.
	var all []Token
	if p, ok := tokenPool.Get().(*[]Token); ok {
		all = (*p)[:0]
	} else {
		all = make([]Token, 0, len(s)/5+8)
	}
	for i, sp := range spans {
		from := len(all)
		all = Tokenize(s, sp[0], sp[1], all)
		d.Sentences[i] = Sentence{Start: sp[0], End: sp[1], Tokens: all[from:len(all):len(all)]}
	}
	d.tokens = all
	return d
}

// Release hands the document's tokens back for the next Parse to reuse;
// neither d's sentences nor any token slice taken from them may be used
// after it.
func (d *Document) Release() {
	if d.tokens == nil {
		return
	}
	all := d.tokens[:0]
	d.tokens = nil
	d.Sentences = nil
	tokenPool.Put(&all)
}

// SentenceText returns the text of sentence i.
func (d *Document) SentenceText(i int) string {
	s := d.Sentences[i]
	return d.Text[s.Start:s.End]
}
