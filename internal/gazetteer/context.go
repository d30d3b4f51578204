package gazetteer

import (
	"github.com/truce/truce/internal/text"
)

// Token-level helpers over sentence si of the state's document.

func (st *state) toks(si int) []text.Token { return st.doc.Sentences[si].Tokens }

// norm returns the normalised token i of sentence si, "" out of range.
func (st *state) norm(si, i int) string {
	toks := st.toks(si)
	if i < 0 || i >= len(toks) {
		return ""
	}
	return toks[i].Norm
}

// cueOf returns the cue class of tokens [i, j) of sentence si, 0 if none.
func (st *state) cueOf(si, i, j int) cue {
	toks := st.toks(si)
	if i < 0 || j > len(toks) || i >= j {
		return 0
	}
	if j == i+1 && si == st.cueSent {
		return st.tokCue[i]
	}
	h := text.Hash(toks[i].Norm)
	for k := i + 1; k < j; k++ {
		h = text.Extend(h, toks[k].Norm)
	}
	return st.g.cues[h]
}

// cueAt returns the cue class of token i alone; compose caches those of
// the sentence it works on.
func (st *state) cueAt(si, i int) cue { return st.cueOf(si, i, i+1) }

// cueEndingAt reports whether a phrase of class c of 1 to 3 tokens ends
// just before token i; it returns the phrase's first token.
func (st *state) cueEndingAt(si, i int, c cue) (int, bool) {
	for n := 3; n >= 1; n-- {
		if st.cueOf(si, i-n, i) == c {
			return i - n, true
		}
	}
	return 0, false
}

// cueStartingAt reports whether a phrase of class c of 1 to 4 tokens
// starts at token i; it returns the token after it.
func (st *state) cueStartingAt(si, i int, c cue) (int, bool) {
	for n := 4; n >= 1; n-- {
		if st.cueOf(si, i, i+n) == c {
			return i + n, true
		}
	}
	return 0, false
}

// locativeBefore reports whether a place preposition or head ("in",
// "near", "the town of") stands just before token i, past a determiner
// and a direction ("in the south of", "in southeastern").
func (st *state) locativeBefore(si, i int) bool {
	j := st.directionStart(si, i)
	if communityWords[st.norm(si, j-1)] {
		j-- // "in Shiite south Beirut", "in Kurdish northern Iraq"
	}
	if st.cueAt(si, j-1) == cueDeterminer {
		j--
	}
	if _, ok := st.cueEndingAt(si, j, cueLocative); ok {
		return true
	}
	_, ok := st.cueEndingAt(si, j, cuePlaceHead)
	return ok
}

// communityWords are adjectives of faith or community that may stand
// between a locative and a place: "based in Shiite south Beirut".
var communityWords = map[string]bool{"christian": true, "muslim": true, "moslem": true, "catholic": true,
	"protestant": true, "orthodox": true, "jewish": true, "druze": true, "shiite": true, "shia": true,
	"sunni": true, "alawite": true, "arab": true, "kurdish": true}

// directionStart returns the first token of the direction words ending
// just before token i ("central", "south-eastern"), or i when there are
// none.
//
// A capitalised direction before a town's name is part of the name ("West
// Africa", "Lower East Side"); before a country's or a region's it is a
// part of it ("Western Cambodia").
func (st *state) directionStart(si, i int) int {
	k, ok := st.cueEndingAt(si, i, cueDirection)
	if !ok {
		return i
	}
	if st.isCapWord(si, k) && i < len(st.covered) && st.covered[i] >= 0 {
		a := &st.atoms[st.covered[i]]
		if !st.has(a, kCountry) && !st.has(a, kRegion) && !st.has(a, kAdmin1) {
			return i
		}
	}
	return k
}

// isCapWord reports whether token i is a capitalised word.
func (st *state) isCapWord(si, i int) bool {
	toks := st.toks(si)
	return i >= 0 && i < len(toks) && toks[i].Kind == text.Word && toks[i].Capitalised()
}

// unknownCap reports whether token i is a capitalised word that no
// dictionary knows and that is no cue: a piece of a name we don't know.
func (st *state) unknownCap(si, i int) bool {
	if !st.isCapWord(si, i) {
		return false
	}
	if k := st.covered[i]; k >= 0 && !st.weakAtom(&st.atoms[k]) {
		return false
	}
	if i == 0 {
		return false // a sentence's first word is capitalised anyway
	}
	c := st.cueAt(si, i)
	return c == 0 || c == cueDirection // "South America", "New South Wales"
}

// isSpeechAfter reports whether a political or speech verb follows token
// i (the subject's last token + 1), past auxiliaries and adverbs: "Moscow
// said", "Moscow has warned", "Baku on Monday accused".
func (st *state) speechAfter(si, i int) bool {
	toks := st.toks(si)
	if i+1 < len(toks) && (st.norm(si, i) == "along" || st.norm(si, i) == "together") && st.norm(si, i+1) == "with" {
		// "Washington along with its allies demanded": past the company
		// it keeps, to its verb.
		for k := i + 2; k < len(toks) && k < i+8; k++ {
			if st.cueAt(si, k) == cueSpeech {
				return true
			}
			if toks[k].Kind == text.Punct && toks[k].Norm != "," {
				return false
			}
		}
		return false
	}
	for k := i; k < len(toks) && k < i+4; k++ {
		c := st.cueAt(si, k)
		switch c {
		case cueSpeech:
			return true
		case cueAux, cueTime:
			continue
		}
		if toks[k].Norm == "n't" || toks[k].Norm == "not" || toks[k].Norm == "on" {
			continue
		}
		return false
	}
	return false
}

// speechBefore reports whether token i is the object of a political verb:
// "urged Baku", "called on Baku", "appealed to Moscow".
func (st *state) speechBefore(si, i int) bool {
	if st.cueAt(si, i-1) == cueSpeech {
		return true
	}
	if p := st.norm(si, i-1); (p == "on" || p == "to" || p == "with") && st.cueAt(si, i-2) == cueSpeech {
		return true
	}
	return false
}
