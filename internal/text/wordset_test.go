package text

import "testing"

// Made at initialisation, as every WordSet must be.
var (
	testVerbs = NewWordSet("said", "told", "n't", ",", "u.s.")
	testMore  = Union(testVerbs, Keys(map[string]int{"killed": 1, "the": 2}))
)

func TestWordSet(t *testing.T) {
	doc := Parse(`The U.S. said it didn't know, and officials told reporters 30 were killed. "Said" is a word.`)
	n := 0
	for _, s := range doc.Sentences {
		for i := range s.Tokens {
			tok := &s.Tokens[i]
			for _, set := range []*WordSet{testVerbs, testMore} {
				if got, want := set.At(tok), set.Has(tok.Norm); got != want {
					t.Errorf("token %q: At = %v, Has = %v", tok.Norm, got, want)
				}
			}
			if testVerbs.At(tok) {
				n++
			}
		}
	}
	// said, n't, ",", told, "said" (folded), u.s.
	if n != 6 {
		t.Errorf("testVerbs matched %d tokens, want 6", n)
	}
	if testMore.Len() != 7 || !testMore.Has("killed") || !testMore.Has("told") || testMore.Has("know") {
		t.Errorf("Union/Keys: %d words", testMore.Len())
	}
	var unknown Token
	if testVerbs.At(&unknown) {
		t.Error("a token of no set's word is in a set")
	}
}

func TestWordSetAfterTokenize(t *testing.T) {
	Tokenize("a word", 0, 6, nil)
	defer func() {
		if recover() == nil {
			t.Error("NewWordSet after Tokenize did not panic")
		}
	}()
	NewWordSet("late")
}
