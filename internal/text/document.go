package text

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
}

// Parse splits s into sentences and tokens.
func Parse(s string) *Document {
	spans := Sentences(s)
	d := &Document{Text: s, Sentences: make([]Sentence, len(spans))}
	// One backing array for all tokens: fewer allocations.
	all := make([]Token, 0, len(s)/5+8)
	for i, sp := range spans {
		from := len(all)
		all = Tokenize(s, sp[0], sp[1], all)
		d.Sentences[i] = Sentence{Start: sp[0], End: sp[1], Tokens: all[from:len(all):len(all)]}
	}
	return d
}

// SentenceText returns the text of sentence i.
func (d *Document) SentenceText(i int) string {
	s := d.Sentences[i]
	return d.Text[s.Start:s.End]
}
