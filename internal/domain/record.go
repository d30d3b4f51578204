package domain

import (
	"context"
	"encoding/json"
)

// Mention types.
const (
	MentionActor  = "actor"  // a country, demonym, agent or group ("Azerbaijani troops")
	MentionPerson = "person" // a named person ("Ilham Aliyev", "He" resolved to one)
	MentionOrg    = "org"    // an international or non-governmental organisation
	MentionPlace  = "place"  // a place resolved to a point
)

// Mention is a stretch of text that names an actor or a place, resolved.
type Mention struct {
	ArticleID string     `json:"article_id"`
	Text      string     `json:"text"`
	Span      Span       `json:"span"`
	Type      string     `json:"type"`
	Code      NullString `json:"code"`
	Country   NullString `json:"country"`
	Sector    NullString `json:"sector"`
	Name      NullString `json:"name"`
	Role      NullString `json:"role"`
	// Ref is the text a pronoun or short name refers back to ("He" →
	// "David Babayan").
	Ref   NullString `json:"ref"`
	Entry NullString `json:"entry"`
	// For places: where it is and how exactly.
	GeonameID NullInt    `json:"geonameid"`
	Region    NullString `json:"region"`
	Admin1    NullString `json:"admin1"`
	Lat       *float64   `json:"lat"`
	Lon       *float64   `json:"lon"`
	Precision NullString `json:"precision"`
}

// MarshalJSON writes the mention with "kind":"mention" first.
func (m Mention) MarshalJSON() ([]byte, error) {
	type plain Mention
	return json.Marshal(struct {
		Kind string `json:"kind"`
		plain
	}{"mention", plain(m)})
}

// AppendJSON appends the mention as MarshalJSON writes it.
func (m Mention) AppendJSON(b []byte) ([]byte, error) {
	j, err := m.MarshalJSON()
	return append(b, j...), err
}

// Place returns the mention as a place, or nil when it is not one.
func (m *Mention) Place() *Place {
	if m.Type != MentionPlace || m.Lat == nil || m.Lon == nil {
		return nil
	}
	return &Place{
		Text: m.Text, Span: m.Span, Name: string(m.Name),
		GeonameID: m.GeonameID, Region: m.Region, Country: m.Country,
		Admin1: m.Admin1, Lat: *m.Lat, Lon: *m.Lon, Precision: string(m.Precision),
	}
}

// Coding is everything the coder produced for one article: written in one
// transaction, replacing that article's earlier records.
type Coding struct {
	ArticleID    string
	CoderVersion string
	// NotCoded says why the article gave no records at all, when it was
	// passed over ("it does not read as English"); "" when it was coded.
	NotCoded    string
	Mentions    []Mention
	Events      []Event
	Claims      []Claim
	Commitments []Commitment
}

// Coder codes one article: a pure function of the article, the
// dictionaries and the coder's version. It does no I/O.
type Coder interface {
	Code(ctx context.Context, a *Article) (Coding, error)
	// Version identifies the coder and its dictionaries; stored records
	// coded by another version are coded again.
	Version() string
}
