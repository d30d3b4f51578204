package text

import "sync/atomic"

// Words that a WordSet names are numbered when the set is made; Tokenize
// gives each token the number of its Norm (Token.Word, 0 for a word no set
// names), so that testing a token against a set is a bit test rather than
// hashing its text again. The coder tests each token against dozens of
// sets as it reads a clause back and forth.
var (
	wordIDs   = map[string]int32{}
	tokenized atomic.Bool // set by the first Tokenize: the numbering is closed
)

// WordSet is a set of normalised words (see Fold), tested by word or by
// token. Make sets in package variables: NewWordSet panics once text has
// been tokenized, as earlier tokens would lack the numbers of its words.
type WordSet struct {
	words map[string]bool
	bits  []uint64 // by Token.Word
}

// NewWordSet returns the set of the words given.
func NewWordSet(words ...string) *WordSet {
	s := &WordSet{words: make(map[string]bool, len(words))}
	for _, w := range words {
		s.add(w)
	}
	return s
}

// Union returns a set of the words of all the sets given.
func Union(sets ...*WordSet) *WordSet {
	s := &WordSet{words: map[string]bool{}}
	for _, o := range sets {
		for w := range o.words {
			s.add(w)
		}
	}
	return s
}

// Keys returns the set of the keys of m: a gate that lets most tokens
// skip looking m up.
func Keys[V any](m map[string]V) *WordSet {
	s := &WordSet{words: make(map[string]bool, len(m))}
	for w := range m {
		s.add(w)
	}
	return s
}

func (s *WordSet) add(w string) {
	if tokenized.Load() {
		panic("text: NewWordSet after Tokenize: make word sets in package variables")
	}
	id, ok := wordIDs[w]
	if !ok {
		id = int32(len(wordIDs) + 1)
		wordIDs[w] = id
	}
	s.words[w] = true
	for int(id>>6) >= len(s.bits) {
		s.bits = append(s.bits, 0)
	}
	s.bits[id>>6] |= 1 << (id & 63)
}

// Has reports whether w is in the set.
func (s *WordSet) Has(w string) bool { return s.words[w] }

// At reports whether the token's word is in the set.
func (s *WordSet) At(t *Token) bool {
	i := int(t.Word >> 6)
	return i < len(s.bits) && s.bits[i]&(1<<(t.Word&63)) != 0
}

// Len returns the number of words in the set.
func (s *WordSet) Len() int { return len(s.words) }

// number sets the Word of tokens toks.
func number(toks []Token) {
	if !tokenized.Load() {
		tokenized.Store(true)
	}
	if len(wordIDs) == 0 {
		return
	}
	for i := range toks {
		toks[i].Word = wordIDs[toks[i].Norm]
	}
}
