package eval

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/language"

	"github.com/truce/truce/internal/domain"
)

// isOrg reports whether a code names an international or
// non-governmental organisation rather than a country.
func isOrg(code string) bool {
	return strings.HasPrefix(code, domain.SectorIGO) || strings.HasPrefix(code, domain.SectorNGO)
}

// goldKey returns the country a gold actor code stands for: its first
// three letters ("USAGOV" gives "USA", "---REB" gives "---"), or the
// whole code for an organisation ("IGOUNO"), whose first three letters
// say nothing about who it is.
func goldKey(code string) string {
	code = strings.ToUpper(strings.TrimSpace(code))
	if isOrg(code) || len(code) < 3 {
		return code
	}
	if c, ok := goldAliases[code[:3]]; ok {
		return c
	}
	return code[:3]
}

// goldAliases are the country codes the PLOVER gold set writes otherwise
// than ISO 3166 alpha-3, which truce codes and the rest of the set
// writes: its actor texts say "Japan" and "Tokyo" (JAP), "Italy" (ITL),
// "Vietnamese-led forces" (VTN).
var goldAliases = map[string]string{"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}

// codedKey returns the country of a coded actor or mention, comparable
// with goldKey: the whole code for an organisation, else the Country
// field, else the code's first three letters, else "---" (unknown).
func codedKey(country, code domain.NullString) string {
	c := strings.ToUpper(strings.TrimSpace(string(code)))
	switch {
	case isOrg(c):
		return c
	case country != "":
		return strings.ToUpper(string(country))
	case c != "":
		return goldKey(c)
	}
	return domain.UnknownCountry
}

// keysMatch reports whether a coded country key matches a gold one.
// Countries compare exactly. Organisations compare by prefix, because the
// gold sets say them at different lengths: PLOVER writes every one as
// "IGO", Phoenix appends sectors ("IGOUNOMIL"). A gold code that is a
// prefix of the coded one matches ("IGO" and "IGOUNO"); a coded code that
// is a prefix of the gold matches only when it names an organisation
// (at least six letters: "IGOUNO" and "IGOUNOMIL", but not "IGO" and
// "IGOUNO"), so a vague coding earns nothing.
func keysMatch(gold, got string) bool {
	if gold == got {
		return true
	}
	if !isOrg(gold) || !isOrg(got) {
		return false
	}
	return strings.HasPrefix(got, gold) || len(got) >= 6 && strings.HasPrefix(gold, got)
}

// iso3 returns the ISO alpha-3 code for an ISO alpha-2 country code
// ("CH" gives "CHE"), or "" when it is not one.
func iso3(alpha2 string) string {
	r, err := language.ParseRegion(strings.TrimSpace(alpha2))
	if err != nil || !r.IsCountry() {
		return ""
	}
	return r.ISO3()
}

// goldSector normalises a gold sector for comparison: its first three
// letters in upper case; "" when none or unknown ("***").
func goldSector(s string) string {
	s = strings.ToUpper(strings.TrimSpace(s))
	if len(s) > 3 {
		s = s[:3]
	}
	if s == "***" {
		return ""
	}
	return s
}

// sectorMatches reports whether a coded mention's sector matches the gold
// sector of an actor with the given gold key. An empty gold sector wants
// none coded. For an organisation the coded Sector field says only "IGO"
// or "NGO", so the organisation's own sector is looked for in the code
// after the organisation ("IGOUNOMIL" has "MIL").
func sectorMatches(goldKey, gold string, m *domain.Mention) bool {
	got := strings.ToUpper(string(m.Sector))
	if isOrg(got) {
		got = ""
	}
	if !isOrg(goldKey) {
		return got == gold
	}
	code := strings.ToUpper(string(m.Code))
	if gold == "" {
		return got == "" && len(code) <= 6
	}
	if got == gold {
		return true
	}
	for i := 6; i+3 <= len(code); i += 3 {
		if code[i:i+3] == gold {
			return true
		}
	}
	return false
}

// stopwords are skipped when a gold text is looked for word by word.
var stopwords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "in": true, "on": true,
	"at": true, "to": true, "and": true, "'s": true, "by": true, "for": true,
}

var ellipsis = regexp.MustCompile(`\s*(?:\.{2,}|…)\s*`)

// locate finds a gold text (an actor or a place as a human coder wrote
// it) in the sentence and returns the spans it covers, or nil when it is
// not there. Matches start and end at word boundaries. Gold texts are not always verbatim: they carry extra or
// missing spaces, ellipses for words left out ("U.S. ... negotiators")
// and words the sentence splits ("French warships" in "French and
// Egyptian warships"). So: the text as written; else the same words,
// any spacing, any case; else each fragment between ellipses, each
// looked for the same way or, failing that, word by word (hyphenated
// words split, short function words skipped: "Greek-Cypriot" finds
// "Greek"). A partial find still counts as located.
func locate(sentence, gold string) []domain.Span {
	gold = strings.TrimSpace(gold)
	if gold == "" {
		return nil
	}
	for off := 0; off < len(sentence); {
		i := strings.Index(sentence[off:], gold)
		if i < 0 {
			break
		}
		if i += off; atBoundary(sentence, i, i+len(gold)) {
			return []domain.Span{{Start: i, End: i + len(gold)}}
		}
		off = i + 1
	}
	if s, ok := findWords(sentence, strings.Fields(gold)); ok {
		return []domain.Span{s}
	}
	var spans []domain.Span
	for _, frag := range ellipsis.Split(gold, -1) {
		words := strings.Fields(frag)
		if s, ok := findWords(sentence, words); ok {
			spans = append(spans, s)
			continue
		}
		for _, w := range strings.FieldsFunc(frag, isWordSep) {
			if stopwords[strings.ToLower(w)] {
				continue
			}
			if s, ok := findWords(sentence, []string{w}); ok {
				spans = append(spans, s)
			}
		}
	}
	return spans
}

func isWordSep(r rune) bool { return unicode.IsSpace(r) || r == '-' }

// findWords finds the words in order, separated by any white space, case
// folded, starting and ending at word boundaries.
func findWords(sentence string, words []string) (domain.Span, bool) {
	if len(words) == 0 {
		return domain.Span{}, false
	}
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = regexp.QuoteMeta(w)
	}
	re, err := regexp.Compile(`(?i)` + strings.Join(q, `\s+`))
	if err != nil {
		return domain.Span{}, false
	}
	for _, loc := range re.FindAllStringIndex(sentence, -1) {
		if atBoundary(sentence, loc[0], loc[1]) {
			return domain.Span{Start: loc[0], End: loc[1]}, true
		}
	}
	return domain.Span{}, false
}

// atBoundary reports whether [i, j) neither starts nor ends inside a
// word: "US" is not found in "USA" nor in "Busan".
func atBoundary(s string, i, j int) bool {
	return (i == 0 || !isWordByte(s[i-1]) || !isWordByte(s[i])) &&
		(j == len(s) || !isWordByte(s[j]) || !isWordByte(s[j-1]))
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

// overlapsAny reports whether s overlaps one of spans.
func overlapsAny(s domain.Span, spans []domain.Span) bool {
	for _, t := range spans {
		if s.Overlaps(t) {
			return true
		}
	}
	return false
}
