package domain

import (
	"strconv"
)

// Precision says how exactly a place is known.
const (
	PrecisionCity    = "city"    // a populated place
	PrecisionAdmin1  = "admin1"  // a first-level administrative region
	PrecisionRegion  = "region"  // a named region (Nagorno-Karabakh, Donbas)
	PrecisionCountry = "country" // only the country
)

// Place is where something is or happens, resolved to a point.
type Place struct {
	// Text is the words in the article ("Yerevan", "Khankendi"), Span
	// where they are.
	Text string `json:"text"`
	Span Span   `json:"span"`
	// Name is the gazetteer's name for the place.
	Name string `json:"name"`
	// GeonameID is the GeoNames id of a populated place (0, null in JSON,
	// for regions and countries); Region is the id of a hand-written
	// region ("nagorno-karabakh") or an admin-1 code ("AM.11").
	GeonameID NullInt    `json:"geonameid"`
	Region    NullString `json:"region"`
	// Country is the ISO alpha-3 code; Admin1 the first-level region's
	// name where known.
	Country NullString `json:"country"`
	Admin1  NullString `json:"admin1"`
	Lat     float64    `json:"lat"`
	Lon     float64    `json:"lon"`
	// Precision is city, admin1, region or country.
	Precision string `json:"precision"`
}

// Key identifies the place regardless of how the text named it: the
// GeoNames id, else the region id, else the country.
func (p *Place) Key() string {
	if p == nil {
		return ""
	}
	switch {
	case p.GeonameID != 0:
		return "g" + strconv.Itoa(int(p.GeonameID))
	case p.Region != "":
		return "r" + string(p.Region)
	default:
		return "c" + string(p.Country)
	}
}

// SameKey reports whether p and q have the same Key, without building
// either.
func (p *Place) SameKey(q *Place) bool {
	switch {
	case p == nil || q == nil:
		return p == q
	case p.GeonameID != 0 || q.GeonameID != 0:
		return p.GeonameID == q.GeonameID
	case p.Region != "" || q.Region != "":
		return p.Region == q.Region
	}
	return p.Country == q.Country
}

// MarshalJSON writes a place that no words named (an article's focus
// place given to a sentence that names none) with null text and span, and
// one that no dictionary knows ("the village of Kishishe": a name only,
// no Precision) with null coordinates and precision.
func (p Place) MarshalJSON() ([]byte, error) { return appendPlace(nil, &p) }
