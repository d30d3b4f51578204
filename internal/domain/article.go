package domain

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"time"
	"unicode"
	"unicode/utf8"
)

// Article is one news text as truce keeps it: stored once, with every
// record coded from it pointing into Text by byte spans.
type Article struct {
	// ID is the id the input gives (a JSON id, a feed item's guid), else
	// one derived from the content (ContentID).
	ID string
	// Title, Source (outlet or --source), URL and Byline are empty when
	// the input does not give them.
	Title  string
	Source string
	URL    string
	Byline string
	// Published is the publication time in UTC; zero when unknown.
	Published time.Time
	// DateText is the date as the input wrote it, kept verbatim.
	DateText string
	// Text is the article body, normalised to UTF-8 with \n line breaks.
	Text string
	// Length is len(Text) in bytes; listings fill it without the text.
	Length int
	// Format is the input format it was read from (text, jsonl, feed,
	// html, csv); Origin is the file path or URL.
	Format string
	Origin string
	// Hash identifies the normalised text (NormalizedHash); two articles
	// with the same Hash are the same article.
	Hash string
	// Signature is the MinHash signature of the text's word shingles,
	// used to find near-duplicates.
	Signature Signature
	// DuplicateOf is the id of the first article this one nearly
	// duplicates (a wire story reprinted with small edits); such an
	// article is stored but not coded.
	DuplicateOf string
	// IngestedAt is when it was stored.
	IngestedAt time.Time
	// CoderVersion is the version of the coder that produced the stored
	// records, or empty when it has not been coded.
	CoderVersion string
}

// Date returns the publication day, or the zero Date when unknown.
func (a *Article) Date() Date { return DateOf(a.Published) }

// NormalizeText folds text for exact-duplicate detection: lower case,
// letters and digits only, single spaces. Typographic differences
// (quotes, dashes, line breaks, extra spaces) do not make a new article.
func NormalizeText(text string) string {
	out := make([]byte, 0, len(text))
	space := false
	for i := 0; i < len(text); {
		// ASCII, most of most news, by table; the rest by rune.
		if c := text[i]; c < utf8.RuneSelf {
			i++
			if f := asciiFold[c]; f != 0 {
				if space && len(out) > 0 {
					out = append(out, ' ')
				}
				space = false
				out = append(out, f)
				continue
			}
			space = true
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && len(out) > 0 {
				out = append(out, ' ')
			}
			space = false
			out = utf8.AppendRune(out, unicode.ToLower(r))
			continue
		}
		space = true
	}
	return string(out)
}

// asciiFold maps an ASCII letter or digit to its lower case, and any other
// ASCII byte to 0: what NormalizeText keeps of it.
var asciiFold = func() (t [utf8.RuneSelf]byte) {
	for c := range byte(utf8.RuneSelf) {
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			t[c] = c
		case 'A' <= c && c <= 'Z':
			t[c] = c + 'a' - 'A'
		}
	}
	return t
}()

// NormalizedHash returns the hex SHA-256 of NormalizeText(text).
func NormalizedHash(text string) string {
	sum := sha256.Sum256([]byte(NormalizeText(text)))
	return hex.EncodeToString(sum[:])
}

// ContentID derives an article id from its text: "a" and the first 16 hex
// digits of its normalised hash. Stable across runs and machines.
func ContentID(hash string) string {
	if len(hash) > 16 {
		hash = hash[:16]
	}
	return "a" + hash
}

// MarshalJSON writes the article as truce's articles listing does:
// id, title, date (YYYY-MM-DD or null), source, url, duplicate_of,
// length, and the text when it was loaded.
func (a Article) MarshalJSON() ([]byte, error) {
	length := a.Length
	if length == 0 {
		length = len(a.Text)
	}
	return json.Marshal(struct {
		Kind        string     `json:"kind"`
		ID          string     `json:"id"`
		Title       NullString `json:"title"`
		Date        Date       `json:"date"`
		DateText    NullString `json:"date_text"`
		Source      NullString `json:"source"`
		URL         NullString `json:"url"`
		Byline      NullString `json:"byline"`
		DuplicateOf NullString `json:"duplicate_of"`
		Length      int        `json:"length"`
		Format      NullString `json:"format"`
		Text        *string    `json:"text,omitempty"`
	}{"article", a.ID, NullString(a.Title), a.Date(), NullString(a.DateText), NullString(a.Source),
		NullString(a.URL), NullString(a.Byline), NullString(a.DuplicateOf), length, NullString(a.Format), textOrNil(a.Text)})
}

func textOrNil(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
