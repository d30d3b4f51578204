package coder

import (
	"strconv"
	"strings"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/text"
)

// Counts are the numbers a sentence gives for an event: fatalities,
// injured, arrested and crowd size. A number is attached to what it
// counts by the words next to it ("30 people were killed", "killing at
// least 30", "the death toll rose to 30"); a sentence that gives none
// leaves every count null.
type Counts struct {
	Fatalities, Injured, Arrested domain.Count
	// Size is the crowd size as written ("thousands"), SizeEstimate its
	// conservative number.
	Size         string
	SizeEstimate *int
	// Spans are the token ranges that gave a count, for provenance.
	Spans [][2]int
}

// vague quantities, counted conservatively as ACLED does: "dozens" is 12,
// "hundreds" 100; "several" and "a few" are 3.
var vague = map[string]int{
	"dozens": 12, "dozen": 12, "scores": 20, "hundreds": 100, "thousands": 1000,
	"several": 3, "few": 3, "tens": 10, "millions": 1000000,
}

var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90, "a": 1, "an": 1,
}

var multipliers = map[string]int{"hundred": 100, "thousand": 1000, "million": 1000000}

// countKind says what a word counts.
type countKind uint8

const (
	kindNone countKind = iota
	kindKilled
	kindInjured
	kindArrested
	kindCrowd
)

var countWords = map[string]countKind{
	"killed": kindKilled, "kill": kindKilled, "kills": kindKilled, "killing": kindKilled,
	"dead": kindKilled, "died": kindKilled, "die": kindKilled, "deaths": kindKilled,
	"death": kindKilled, "fatalities": kindKilled, "lives": kindKilled, "bodies": kindKilled,
	"slain": kindKilled, "massacred": kindKilled, "executed": kindKilled, "perished": kindKilled,
	"wounded": kindInjured, "wounding": kindInjured, "injured": kindInjured, "injuring": kindInjured,
	"hurt": kindInjured, "injuries": kindInjured, "casualties": kindNone,
	"arrested": kindArrested, "arresting": kindArrested, "detained": kindArrested,
	"detaining": kindArrested, "arrests": kindArrested, "detentions": kindArrested,
	"rounded": kindArrested, "abducted": kindArrested, "kidnapped": kindArrested,
	"protesters": kindCrowd, "demonstrators": kindCrowd, "protestors": kindCrowd,
	"marchers": kindCrowd, "rallied": kindCrowd, "protested": kindCrowd, "demonstrated": kindCrowd,
	"marched": kindCrowd, "gathered": kindCrowd, "people": kindNone,
}

// number is a quantity read from the text.
type number struct {
	start, end int // token range
	value      int
	low, high  *int
	vague      bool   // dozens, hundreds
	text       string // as written, for crowd sizes
}

// readNumber reads a quantity starting at token i: digits (1,000; 3.5
// million), words (thirty, two hundred), vague words (dozens, hundreds of)
// and ranges (between 20 and 25; 20 to 25; 20-25), with the qualifiers
// that bound it (at least, more than, up to, about).
func readNumber(s string, toks []text.Token, i int) (number, bool) {
	if !mayStartNumber(&toks[i]) {
		return number{}, false
	}
	start := i
	var low, high bool // "at least" gives a lower bound, "up to" an upper one
	switch {
	case match(toks, i, "at", "least"), match(toks, i, "more", "than"), match(toks, i, "over"),
		match(toks, i, "no", "fewer", "than"), match(toks, i, "upwards", "of"):
		low = true
		i += skipWords(toks, i)
	case match(toks, i, "up", "to"), match(toks, i, "as", "many", "as"), match(toks, i, "fewer", "than"),
		match(toks, i, "less", "than"), match(toks, i, "nearly"), match(toks, i, "almost"):
		high = true
		i += skipWords(toks, i)
	case match(toks, i, "about"), match(toks, i, "around"), match(toks, i, "some"),
		match(toks, i, "approximately"), match(toks, i, "roughly"), match(toks, i, "an", "estimated"):
		i += skipWords(toks, i)
	case match(toks, i, "between"):
		if a, ok := readPlain(toks, i+1); ok && a.end < len(toks) && (toks[a.end].Norm == "and" || toks[a.end].Norm == "to") {
			if b, ok := readPlain(toks, a.end+1); ok {
				lo, hi := a.value, b.value
				return number{start: start, end: b.end, value: lo, low: &lo, high: &hi, text: spanText(s, toks, start, b.end)}, true
			}
		}
		return number{}, false
	}
	n, ok := readPlain(toks, i)
	if !ok {
		return number{}, false
	}
	// "20 to 25", "20-25".
	if n.end+1 < len(toks) && (toks[n.end].Norm == "to" || toks[n.end].Norm == "-") && !n.vague {
		if b, ok := readPlain(toks, n.end+1); ok && !b.vague && b.value > n.value {
			lo, hi := n.value, b.value
			return number{start: start, end: b.end, value: lo, low: &lo, high: &hi, text: spanText(s, toks, start, b.end)}, true
		}
	}
	n.start = start
	v := n.value
	switch {
	case low:
		n.low = &v
	case high:
		n.high = &v
	}
	n.text = strings.TrimSuffix(spanText(s, toks, start, n.end), " of")
	return n, true
}

// skipWords returns how many tokens a qualifier matched at i takes.
func skipWords(toks []text.Token, i int) int {
	for _, q := range [][]string{{"no", "fewer", "than"}, {"as", "many", "as"}, {"at", "least"}, {"more", "than"},
		{"up", "to"}, {"fewer", "than"}, {"less", "than"}, {"upwards", "of"}, {"an", "estimated"}} {
		if match(toks, i, q...) {
			return len(q)
		}
	}
	return 1
}

func spanText(s string, toks []text.Token, a, b int) string {
	if a >= b || s == "" {
		return ""
	}
	return s[toks[a].Start:toks[b-1].End]
}

// readPlain reads a number without qualifiers at token i.
func readPlain(toks []text.Token, i int) (number, bool) {
	if i >= len(toks) {
		return number{}, false
	}
	t := toks[i]
	if t.Kind == text.Number {
		v, ok := parseDigits(t.Norm)
		if !ok {
			return number{}, false
		}
		end := i + 1
		if end < len(toks) {
			if m, ok := multipliers[toks[end].Norm]; ok {
				v *= m
				end++
			}
		}
		return number{start: i, end: end, value: v}, true
	}
	if v, ok := vague[t.Norm]; ok {
		end := i + 1
		if end < len(toks) && toks[end].Norm == "of" {
			end++
		}
		if t.Norm == "few" || t.Norm == "dozen" {
			// "a few", "a dozen": only with the article.
			if i == 0 || toks[i-1].Norm != "a" {
				return number{}, false
			}
		}
		return number{start: i, end: end, value: v, vague: true}, true
	}
	if v, ok := numberWords[t.Norm]; ok {
		if t.Norm == "a" || t.Norm == "an" {
			// "a hundred", "a dozen" only.
			if i+1 < len(toks) {
				if m, ok := multipliers[toks[i+1].Norm]; ok {
					return number{start: i, end: i + 2, value: m}, true
				}
				if toks[i+1].Norm == "dozen" {
					return number{start: i, end: i + 2, value: 12, vague: true}, true
				}
				if toks[i+1].Norm == "few" {
					return number{start: i, end: i + 2, value: 3, vague: true}, true
				}
			}
			return number{}, false
		}
		end := i + 1
		// "twenty-five", "twenty five"
		if v >= 20 && v%10 == 0 && end < len(toks) {
			j := end
			if toks[j].Norm == "-" {
				j++
			}
			if j < len(toks) {
				if u, ok := numberWords[toks[j].Norm]; ok && u < 10 && toks[j].Norm != "a" && toks[j].Norm != "an" {
					v += u
					end = j + 1
				}
			}
		}
		if end < len(toks) {
			if m, ok := multipliers[toks[end].Norm]; ok {
				v *= m
				end++
			}
		}
		return number{start: i, end: end, value: v}, true
	}
	return number{}, false
}

// parseDigits reads "1,000", "30", "3.5" (a fraction only before a
// multiplier, so it is rounded down here and scaled by the caller).
func parseDigits(s string) (int, bool) {
	s = strings.ReplaceAll(s, ",", "")
	if f, err := strconv.ParseFloat(s, 64); err == nil && strings.Contains(s, ".") {
		return int(f), f >= 1
	}
	v, err := strconv.Atoi(s)
	if err != nil || v < 0 {
		return 0, false
	}
	// A four-digit number from 1900 to 2100 is most likely a year.
	return v, true
}

func match(toks []text.Token, i int, words ...string) bool {
	if i+len(words) > len(toks) {
		return false
	}
	for k, w := range words {
		if toks[i+k].Norm != w {
			return false
		}
	}
	return true
}

// isYear reports whether n looks like a year rather than a count.
func isYear(n number, toks []text.Token) bool {
	if n.value < 1900 || n.value > 2100 || n.vague || n.end-n.start != 1 {
		return false
	}
	t := toks[n.start]
	return !strings.Contains(t.Norm, ",")
}

// ReadCounts finds the counts in a sentence's tokens (s is the whole
// text the token spans point into).
func ReadCounts(s string, toks []text.Token) Counts {
	var c Counts
	for i := 0; i < len(toks); i++ {
		n, ok := readNumber(s, toks, i)
		if !ok || isYear(n, toks) {
			continue
		}
		// A verb before the number says what it counts ("arrested more
		// than 100 protesters" counts arrests, not a crowd).
		kind, ok := countBefore(toks, n.start)
		if !ok {
			kind, ok = countAfter(toks, n.end)
		}
		if ok && kind != kindNone {
			c.set(kind, n)
			c.Spans = append(c.Spans, [2]int{n.start, n.end})
		}
		i = n.end - 1
	}
	return c
}

func (c *Counts) set(kind countKind, n number) {
	var dst *domain.Count
	switch kind {
	case kindKilled:
		dst = &c.Fatalities
	case kindInjured:
		dst = &c.Injured
	case kindArrested:
		dst = &c.Arrested
	case kindCrowd:
		if c.Size == "" {
			c.Size = n.text
			v := n.value
			c.SizeEstimate = &v
		}
		return
	}
	if !dst.IsZero() {
		return // the first number given for a kind is the headline figure
	}
	switch {
	case n.low != nil && n.high != nil:
		dst.Low, dst.High = n.low, n.high
		dst.Best = domain.Int(*n.low)
	case n.high != nil:
		// "up to 30": an upper bound only; the best estimate is unknown.
		dst.High = n.high
	case n.low != nil:
		dst.Low = n.low
		dst.Best = domain.Int(*n.low)
	default:
		dst.Best = domain.Int(n.value)
	}
}

// people nouns that may stand between a number and what counts it
// ("30 people were killed", "12 civilians dead").
var countNouns = map[string]bool{
	"people": true, "persons": true, "civilians": true, "soldiers": true, "troops": true,
	"children": true, "women": true, "men": true, "fighters": true, "militants": true,
	"rebels": true, "police": true, "policemen": true, "officers": true, "servicemen": true,
	"residents": true, "villagers": true, "others": true, "people's": false, "of": true,
	"them": true, "whom": true, "protesters": false, "demonstrators": false, "security": true,
	"personnel": true, "members": true, "workers": true, "journalists": true, "peacekeepers": true,
	"migrants": true, "refugees": true, "patients": true, "students": true, "staff": true,
	"were": true, "was": true, "have": true, "had": true, "been": true, "are": true, "is": true,
	"reportedly": true, "also": true, "being": true, "in": false, "more": true,
	"armenian": true, "azerbaijani": true, "russian": true, "ukrainian": true, "palestinian": true,
	"israeli": true, "sudanese": true,
}

// countAfter reads what the number ending at token i counts from the words
// after it: "30 killed", "30 people were killed", "30 dead", "thousands of
// Armenians protested", "30 protesters".
func countAfter(toks []text.Token, i int) (countKind, bool) {
	for j := i; j < len(toks) && j < i+5; j++ {
		w := toks[j].Norm
		if k, ok := countWords[w]; ok && k != kindNone {
			return k, true
		}
		if toks[j].Kind == text.Punct && w != "-" {
			return kindNone, false
		}
		if !countNouns[w] && toks[j].Shape != text.Title {
			return kindNone, false
		}
	}
	return kindNone, false
}

// countBefore reads what the number starting at token i counts from the
// words before it: "killing 30", "killed at least 30", "death toll rose
// to 30", "a crowd of 200".
func countBefore(toks []text.Token, i int) (countKind, bool) {
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		w := toks[j].Norm
		switch w {
		case "toll":
			return kindKilled, true
		case "crowd", "crowds":
			return kindCrowd, true
		}
		if k, ok := countWords[w]; ok && k != kindNone && k != kindCrowd {
			return k, true
		}
		if w != "to" && w != "rose" && w != "climbed" && w != "reached" && w != "of" && w != "stood" && w != "at" &&
			w != "has" && w != "had" && w != "risen" && w != "jumped" && w != "increased" && w != "a" && w != "the" {
			return kindNone, false
		}
	}
	return kindNone, false
}

// numberStarts are the words a quantity can start with besides digits.
var numberStarts = text.Union(text.NewWordSet("at", "more", "over", "no", "upwards", "up", "as", "fewer", "less",
	"nearly", "almost", "about", "around", "some", "approximately", "roughly", "an", "between", "a"),
	text.Keys(vague), text.Keys(numberWords))

// mayStartNumber is a quick test that lets most tokens skip readNumber.
func mayStartNumber(t *text.Token) bool {
	return t.Kind == text.Number || t.Kind == text.Word && numberStarts.At(t)
}
