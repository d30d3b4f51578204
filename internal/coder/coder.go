package coder

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"

	"github.com/truce/truce/internal/codebook"
	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/gazetteer"
	"github.com/truce/truce/internal/text"
)

// Version is the version of the coder's rules; with the dictionaries'
// versions it makes the version stored with every record.
const Version = "0.1.0"

// Options configure a Coder.
type Options struct {
	// Dicts are user dictionary folders: files there add to or override
	// the embedded dictionaries (ours or PETRARCH/TABARI formats).
	Dicts []string
	// Mentions adds mention records to the output of Code.
	Mentions bool
}

// Coder codes articles. It is safe for concurrent use.
type Coder struct {
	gaz     *gazetteer.Gazetteer
	book    *codebook.Codebook
	version string
	opt     Options
}

// New loads the dictionaries and returns a Coder.
func New(opt Options) (*Coder, error) {
	gaz, err := gazetteer.Load(gazetteer.Options{Dirs: opt.Dicts})
	if err != nil {
		return nil, err
	}
	book, err := codebook.Load(opt.Dicts...)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256([]byte(Version + "|" + gaz.Version() + "|" + book.Version()))
	return &Coder{gaz: gaz, book: book, opt: opt,
		version: Version + "+" + hex.EncodeToString(sum[:4])}, nil
}

// Version identifies the coder and its dictionaries.
func (c *Coder) Version() string { return c.version }

// Codebook returns the event codebook the coder uses.
func (c *Coder) Codebook() *codebook.Codebook { return c.book }

// Doc is one article being coded: the text split into sentences and
// tokens, and the annotations each stage adds.
type Doc struct {
	Article *domain.Article
	Text    *text.Document
	Date    domain.Date
	// Mentions are the actors and places found, in text order; Sentence
	// lists, per sentence, the indices of its mentions.
	Mentions []gazetteer.Mention
	Sentence [][]int
	named    map[domain.NullString]bool // see namedCountries
	// found is how many of Mentions the gazetteer found; those after are
	// actors the coder derived from places ("fired from the Gaza
	// Strip"), the evidence of events, not mentions of their own.
	found int
	// Matches are the event patterns found, per sentence.
	Matches [][]codebook.Match
	// Focus is the place the article is mostly about, for events whose
	// sentence names none.
	Focus *domain.Place
	// focusVenue: every mention of the focus place is where talks were
	// held ("at talks in the Saudi city of Jeddah"), which says nothing of
	// whose the article's forces and governments are.
	focusVenue bool

	drafts      []*draft
	counted     map[int]uint8 // sentences whose toll (tookToll) or arrests (tookArrests) an event took
	countsOf    map[int]Counts
	verbs       *codebook.Codebook
	gaz         *gazetteer.Gazetteer
	Events      []domain.Event
	Claims      []domain.Claim
	Commitments []domain.Commitment
	// NotCoded says why the article was passed over, if it was.
	NotCoded string
}

// Code codes one article.
func (c *Coder) Code(ctx context.Context, a *domain.Article) (domain.Coding, error) {
	if err := ctx.Err(); err != nil {
		return domain.Coding{}, err
	}
	d := c.Analyse(a)
	out := domain.Coding{ArticleID: a.ID, CoderVersion: c.version, NotCoded: d.NotCoded,
		Events: d.Events, Claims: d.Claims, Commitments: d.Commitments}
	out.Mentions = make([]domain.Mention, d.found)
	for i, m := range d.Mentions[:d.found] {
		out.Mentions[i] = m.Mention
		out.Mentions[i].ArticleID = a.ID
	}
	// Nothing coded points into the tokens: the next article reuses them.
	d.Text.Release()
	return out, nil
}

// Analyse runs every stage on an article and returns the document with
// its annotations.
func (c *Coder) Analyse(a *domain.Article) *Doc {
	d := &Doc{Article: a, Text: text.Parse(a.Text), Date: a.Date(), verbs: c.book, gaz: c.gaz}
	if !d.Text.English() {
		// The dictionaries and patterns are English: an article in
		// another language is stored but not coded, rather than coded
		// into nonsense.
		d.NotCoded = "it does not read as English"
		d.Sentence = make([][]int, len(d.Text.Sentences))
		d.Matches = make([][]codebook.Match, len(d.Text.Sentences))
		return d
	}
	c.mentions(d)
	c.matches(d)
	c.events(d)
	c.claims(d)
	c.commitments(d)
	return d
}

func (c *Coder) mentions(d *Doc) {
	d.Mentions = c.gaz.Mentions(d.Text, d.Date)
	d.found = len(d.Mentions)
	d.Sentence = make([][]int, len(d.Text.Sentences))
	for i, m := range d.Mentions {
		if m.Sentence >= 0 && m.Sentence < len(d.Sentence) {
			d.Sentence[m.Sentence] = append(d.Sentence[m.Sentence], i)
		}
	}
	d.Focus = focusPlace(d)
	d.focusVenue = d.Focus != nil && onlyVenue(d, d.Focus)
}

func (c *Coder) matches(d *Doc) {
	d.Matches = make([][]codebook.Match, len(d.Text.Sentences))
	for i, s := range d.Text.Sentences {
		d.Matches[i] = slices.DeleteFunc(c.book.Match(s.Tokens, nil), func(m codebook.Match) bool {
			return !m.Nominal && inActorName(d, i, m.Head)
		})
	}
}

// inActorName reports whether token k of sentence si is inside the words
// of an actor of more than one word: "guard" in "Chinese coast guard
// vessels", "guards" in "border guards" are no verbs.
func inActorName(d *Doc, si, k int) bool {
	for _, i := range d.Sentence[si] {
		m := &d.Mentions[i]
		if m.Tok <= k && k < m.TokEnd && m.TokEnd-m.Tok > 1 && !m.Pronoun && isActor(m) {
			return true
		}
	}
	return false
}

// namedCountries returns the countries the article names as such
// (actors, countries, their regions: "the Gaza Strip"): a town of a
// country it never names is a weak place, often a name read as a place
// abroad ("the Bardo museum" in Tunis read as an old name of Bordeaux).
func (d *Doc) namedCountries() map[domain.NullString]bool {
	if d.named != nil {
		return d.named
	}
	d.named = map[domain.NullString]bool{}
	for i := range d.Mentions[:d.found] {
		m := &d.Mentions[i]
		if m.Country != "" && (m.Type != domain.MentionPlace || m.Precision != domain.PrecisionCity) {
			d.named[m.Country] = true
		}
	}
	return d.named
}

// focusPlace returns the place the article names most (regions and
// cities; earlier mentions weigh more, towns of countries it never names
// less), or nil.
func focusPlace(d *Doc) *domain.Place {
	named := d.namedCountries()
	score := map[string]float64{}
	first := map[string]*domain.Place{}
	var best string
	filed := "" // the dateline's place
	var country *domain.Place
	countryScore := map[string]float64{}
	for i := range d.Mentions {
		m := &d.Mentions[i]
		p := m.Place()
		if p == nil || m.Metonymy || namesAgreement(d.tokens(m.Sentence), m) {
			continue
		}
		if p.Precision == domain.PrecisionCountry {
			if talksVenue(d.tokens(m.Sentence), m.Tok) {
				continue // "after talks in Switzerland"
			}
			k := p.Key()
			countryScore[k]++
			if country == nil || countryScore[k] > countryScore[country.Key()] {
				country = p
			}
			continue
		}
		k := p.Key()
		if first[k] == nil {
			first[k] = p
		}
		w := 1 + 1/float64(1+m.Sentence)
		if len(named) > 0 && !named[p.Country] {
			w /= 4
		}
		if m.Sentence == 0 && dateline(d.tokens(0), m) {
			// Where the story was filed ("PORT SUDAN, July 2 (Wire) -"),
			// most often the capital: the focus only where the story
			// names no other place as often.
			w = 0.5
			filed = p.Key()
		}
		score[k] += w
		if best == "" || score[k] > score[best] {
			best = k
		}
	}
	if filed != "" && best == filed && score[best] <= 0.5 && country != nil {
		// Only the dateline names a town: the country the story names
		// ("BEIRUT - … a drone strike in southern Lebanon"), at the
		// country's precision, rather than the town it was filed from.
		p := *country
		p.Text, p.Span = "", domain.Span{}
		return &p
	}
	if best == "" {
		return nil
	}
	p := *first[best]
	p.Text, p.Span = "", domain.Span{}
	return &p
}

// onlyVenue reports whether every mention of place p is the venue of
// talks or a meeting.
func onlyVenue(d *Doc, p *domain.Place) bool {
	k := p.Key()
	for i := range d.Mentions[:d.found] {
		m := &d.Mentions[i]
		if q := m.Place(); q != nil && !m.Metonymy && q.Key() == k && !talksVenue(d.tokens(m.Sentence), m.Tok) {
			return false
		}
	}
	return true
}

// talksVenue reports whether the place at token k is where talks were
// held: after "talks", "a meeting", "a summit" … and "in" or "at" ("at
// talks in the Saudi city of Jeddah").
func talksVenue(toks []text.Token, k int) bool {
	for j := k - 1; j >= 0 && j >= k-8; j-- {
		switch toks[j].Norm {
		case "talks", "meeting", "summit", "negotiations", "conference", "forum":
			return j+1 < len(toks) && (toks[j+1].Norm == "in" || toks[j+1].Norm == "at")
		case ",", ";":
			return false
		}
	}
	return false
}

// recordID derives a stable id for a record from its article, kind and
// position, so that coding the same article again gives the same ids.
func recordID(prefix, articleID string, parts ...any) string {
	h := sha256.New()
	h.Write([]byte(articleID))
	for _, p := range parts {
		h.Write([]byte{0})
		switch v := p.(type) {
		case string:
			h.Write([]byte(v))
		case int:
			h.Write([]byte(strconv.Itoa(v)))
		default:
			fmt.Fprint(h, v)
		}
	}
	return prefix + hex.EncodeToString(h.Sum(nil)[:8])
}
