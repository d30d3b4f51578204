package text

import (
	"strings"
	"sync"

	"github.com/neurosnap/sentences"
	"github.com/neurosnap/sentences/english"
)

var (
	splitterOnce sync.Once
	splitter     *sentences.DefaultSentenceTokenizer
	splitterErr  error
)

func englishSplitter() (*sentences.DefaultSentenceTokenizer, error) {
	splitterOnce.Do(func() {
		splitter, splitterErr = english.NewSentenceTokenizer(nil)
	})
	return splitter, splitterErr
}

// titles are abbreviations that never end a sentence: the next word is a
// name or a noun ("Gen. Lee", "the U.S. State Dept. said").
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "gen": true, "lt": true, "col": true,
	"maj": true, "capt": true, "cpt": true, "sgt": true, "adm": true, "sen": true, "rep": true,
	"gov": true, "pres": true, "prof": true, "rev": true, "dept": true, "lt.-gen": true,
	"brig": true, "cmdr": true, "amb": true, "atty": true, "supt": true, "hon": true,
	"no": false, "st": false,
}

// Sentences returns the byte spans of the sentences in s, each trimmed of
// surrounding space. Blank lines and short heading lines always end a
// sentence. It guards the English model's known mis-splits: after a title
// ("Gen.", "Dept.") and before a word in lower case ("the U.S. State
// Dept. said" is one sentence).
func Sentences(s string) [][2]int {
	tok, err := englishSplitter()
	var out [][2]int
	for _, blk := range blocks(s) {
		if err != nil {
			out = append(out, blk)
			continue
		}
		part := s[blk[0]:blk[1]]
		var spans [][2]int
		// Most sentence ends are plain (a full stop after a word that is
		// no abbreviation, then a capital): split there without the model, and ask
		// the model only about the pieces that hold a doubtful full stop
		// (U.S., Gen., Dept.). The model is most of the cost of coding.
		for _, seg := range clearSplits(part) {
			if !doubtful(part[seg[0]:seg[1]]) {
				if a, b := trimSpan(part, seg[0], seg[1]); a < b {
					spans = append(spans, [2]int{a, b})
				}
				continue
			}
			first := len(spans)
			for _, sen := range tok.Tokenize(part[seg[0]:seg[1]]) {
				a, b := trimSpan(part, seg[0]+sen.Start, seg[0]+sen.End)
				if a >= b {
					continue
				}
				if n := len(spans); n > first && joinsPrevious(part[spans[n-1][0]:spans[n-1][1]], part[a:b]) {
					spans[n-1][1] = b
					continue
				}
				spans = append(spans, [2]int{a, b})
			}
		}
		for _, sp := range spans {
			for _, sub := range splitAfterNumbers(part, sp[0], sp[1]) {
				out = append(out, [2]int{blk[0] + sub[0], blk[0] + sub[1]})
			}
		}
	}
	return out
}

// joinsPrevious reports whether next continues prev rather than starting a
// new sentence.
func joinsPrevious(prev, next string) bool {
	// Next starts in lower case or with a digit: "Dept. said", "No. 5".
	r := next[0]
	if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') || r == ',' || r == ';' {
		return true
	}
	if !strings.HasSuffix(prev, ".") {
		return false
	}
	i := strings.LastIndexAny(prev[:len(prev)-1], " \t\n(\"“")
	last := strings.ToLower(prev[i+1 : len(prev)-1])
	return titles[last]
}

// trimSpan narrows [a, b) of s to exclude surrounding white space.
func trimSpan(s string, a, b int) (int, int) {
	if b > len(s) {
		b = len(s)
	}
	for a < b && isSpaceByte(s[a]) {
		a++
	}
	for b > a && isSpaceByte(s[b-1]) {
		b--
	}
	return a, b
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// blocks splits s into runs that no sentence crosses: at blank lines, and
// after a line that does not end a sentence but is short enough to be a
// heading or a dateline. Long lines without final punctuation are taken as
// hard-wrapped text and joined with the next line.
func blocks(s string) [][2]int {
	var out [][2]int
	start := 0
	i := 0
	for i < len(s) {
		nl := strings.IndexByte(s[i:], '\n')
		if nl < 0 {
			break
		}
		lineEnd := i + nl
		line := strings.TrimSpace(s[i:lineEnd])
		next := lineEnd + 1
		blankNext := next >= len(s) || strings.TrimSpace(lineUntil(s, next)) == ""
		if line == "" || blankNext || endsSentence(line) || len(line) < 60 {
			if a, b := trimSpan(s, start, lineEnd); a < b {
				out = append(out, [2]int{a, b})
			}
			start = next
		}
		i = next
	}
	if a, b := trimSpan(s, start, len(s)); a < b {
		out = append(out, [2]int{a, b})
	}
	return out
}

func lineUntil(s string, i int) string {
	if j := strings.IndexByte(s[i:], '\n'); j >= 0 {
		return s[i : i+j]
	}
	return s[i:]
}

func endsSentence(line string) bool {
	line = strings.TrimRight(line, "\"”’')] ")
	if line == "" {
		return false
	}
	switch line[len(line)-1] {
	case '.', '!', '?', ':':
		return true
	}
	return false
}

// splitAfterNumbers splits s[a:b] where a sentence ends with a number: the
// English model reads "since 2016. The parties…" as one sentence (it takes
// "2016." for an ordinal). A full stop after digits, then space and an
// upper-case letter, ends a sentence.
func splitAfterNumbers(s string, a, b int) [][2]int {
	var out [][2]int
	start := a
	for i := a + 1; i+2 < b; i++ {
		if s[i] != '.' || s[i-1] < '0' || s[i-1] > '9' || (s[i+1] != ' ' && s[i+1] != '\n') {
			continue
		}
		j := i + 1
		for j < b && (s[j] == ' ' || s[j] == '\n') {
			j++
		}
		if j >= b || s[j] < 'A' || s[j] > 'Z' {
			continue
		}
		// A number that is part of a dotted word ("No. 5." stays with
		// its sentence only when a title precedes it; a bare year ends
		// one).
		k := i - 1
		for k > a && s[k-1] >= '0' && s[k-1] <= '9' {
			k--
		}
		if k > a && s[k-1] != ' ' && s[k-1] != '(' {
			continue // "3.5." or "U.S.-2." — not a plain number
		}
		out = append(out, [2]int{start, i + 1})
		start = j
	}
	return append(out, [2]int{start, b})
}

// lowerAbbrevs are lower-case words that take a full stop without ending a
// sentence.
var lowerAbbrevs = map[string]bool{"etc": true, "vs": true, "approx": true, "cf": true, "al": true,
	"ca": true, "esp": true, "incl": true, "min": true, "max": true, "no": true, "nos": true, "vol": true,
	"pp": true, "ed": true, "eds": true, "est": true, "gen": true, "col": true, "sgt": true, "lt": true}

// clearSplits cuts s at the sentence ends no one could doubt: "!" or "?",
// or a full stop after a word that is no abbreviation (see
// plainWordBefore), then space and a capital letter (or an opening quote
// and one). The pieces may still hold doubtful full stops.
func clearSplits(s string) [][2]int {
	var out [][2]int
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(s) && strings.IndexByte("\"')]", s[j]) >= 0 {
			j++
		}
		for _, q := range []string{"”", "’"} {
			if strings.HasPrefix(s[j:], q) {
				j += len(q)
			}
		}
		if j >= len(s) || (s[j] != ' ' && s[j] != '\n') {
			continue
		}
		k := j
		for k < len(s) && (s[k] == ' ' || s[k] == '\n') {
			k++
		}
		if k >= len(s) || !startsCapital(s[k:]) {
			continue
		}
		if c == '.' && !plainWordBefore(s, i) {
			continue
		}
		out = append(out, [2]int{start, j})
		start = k
		i = k - 1
	}
	return append(out, [2]int{start, len(s)})
}

func startsCapital(s string) bool {
	for _, q := range []string{"\"", "“", "‘", "'", "("} {
		s = strings.TrimPrefix(s, q)
	}
	return s != "" && s[0] >= 'A' && s[0] <= 'Z'
}

// plainWordBefore reports whether the full stop at i follows a word that
// stands alone and is no abbreviation: a number of two digits or more, or
// a word of at least two letters, in lower case ("harm.", not "e.g." or "etc.") or capitalised ("Azerbaijan.",
// "July.", not "U.S.", "Gen." or "Calif."); the last part of a hyphenated
// word counts ("Nagorno-Karabakh.").
func plainWordBefore(s string, i int) bool {
	k := i
	for k > 0 && s[k-1] >= '0' && s[k-1] <= '9' {
		k--
	}
	if k < i {
		// A number of two digits or more standing alone ("in 2020.",
		// "by 60 votes to 22."); not "1." opening a list.
		return i-k >= 2 && (k == 0 || s[k-1] == ' ')
	}
	for k > 0 && s[k-1] >= 'a' && s[k-1] <= 'z' {
		k--
	}
	if i-k < 2 || lowerAbbrevs[s[k:i]] {
		return false
	}
	if k > 0 && s[k-1] >= 'A' && s[k-1] <= 'Z' {
		if k--; titleAbbrevs[s[k:i]] {
			return false
		}
	}
	if k > 0 {
		switch s[k-1] {
		case '.', '\'', '/':
			return false
		case '-':
			// After a word ("Nagorno-Karabakh", "four-day"), not after
			// an initial or a number ("U.S.-led", "F-16").
			return k >= 2 && s[k-2] >= 'a' && s[k-2] <= 'z'
		}
		if s[k-1] >= 'A' && s[k-1] <= 'Z' {
			return false
		}
	}
	return true
}

// titleAbbrevs are capitalised abbreviations a full stop may follow in
// mid-sentence: titles, months, US states, company forms.
var titleAbbrevs = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`Mr Mrs Ms Mme Mlle Messrs Dr St Ste Jr Sr Fr Rev Hon Esq
		Gen Col Lt Lieut Sgt Capt Maj Adm Brig Cmdr Cdr Cmdt Cpl Pvt Det Insp Supt Const
		Gov Govt Sen Rep Pres Prof Dept Univ Assn Dist Corp Inc Ltd Co Cie Bros Mt Ft Ave Blvd Rd Rt
		Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec No Nos Vol Fig Art Sec Op Ed Eds Ref
		Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo
		Mont Neb Nebr Nev Okla Ore Pa Penn Tenn Tex Va Vt Wash Wis Wisc Wyo`) {
		m[w] = true
	}
	return m
}()

// doubtful reports whether s holds a full stop, "!" or "?" before its
// last word: an end the model must judge. One that a letter or digit
// follows ("3.5", the "U.S" of "U.S.") is inside a word and ends nothing.
func doubtful(s string) bool {
	s = strings.TrimRight(s, " \n\"')]”’")
	if n := len(s); n > 0 && (s[n-1] == '.' || s[n-1] == '!' || s[n-1] == '?') {
		s = s[:n-1]
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c == '.' || c == '!' || c == '?') && (i+1 == len(s) || !isAlnumByte(s[i+1])) {
			return true
		}
	}
	return false
}

func isAlnumByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
