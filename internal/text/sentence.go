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
		for _, sen := range tok.Tokenize(part) {
			a, b := trimSpan(part, sen.Start, sen.End)
			if a >= b {
				continue
			}
			if n := len(spans); n > 0 && joinsPrevious(part[spans[n-1][0]:spans[n-1][1]], part[a:b]) {
				spans[n-1][1] = b
				continue
			}
			spans = append(spans, [2]int{a, b})
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
