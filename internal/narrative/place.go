package narrative

import (
	"math"
	"strings"

	"github.com/truce/truce/internal/domain"
)

// radiusKm is how far from its point a place reaches, by precision: a
// city is where it is; a region, an admin-1 region or a country cover the
// places around their centre. Containment is judged by distance within
// the same country: Stepanakert lies within Nagorno-Karabakh.
var radiusKm = map[string]float64{
	domain.PrecisionCity:   15,
	domain.PrecisionRegion: 90,
	domain.PrecisionAdmin1: 120,
}

// samePlace reports whether two places are the same or one contains the
// other. Two unknown places are the same only when the caller says so.
func samePlace(a, b *domain.Place) bool {
	if same, known := plainlySame(a, b); known {
		return same
	}
	if a.Country != "" && b.Country != "" && a.Country != b.Country {
		return false
	}
	if a.Precision == domain.PrecisionCountry || b.Precision == domain.PrecisionCountry {
		return a.Country != "" && a.Country == b.Country
	}
	// A town lies in the region its first-level division is named for
	// (Mekelle in Tigray), however wide the region.
	if inRegion(a, b) || inRegion(b, a) {
		return true
	}
	r := max(radiusKm[a.Precision], radiusKm[b.Precision])
	return distanceKm(a.Lat, a.Lon, b.Lat, b.Lon) <= r
}

// plainlySame settles what samePlace and sameSpot decide alike: an
// unknown place is no place, places known only by name are the same when
// the names are, and places of one key are one. known is false where the
// caller must weigh containment or distance.
func plainlySame(a, b *domain.Place) (same, known bool) {
	switch {
	case a == nil || b == nil:
		return false, true
	case nameOnly(a) || nameOnly(b):
		return nameOnly(a) && nameOnly(b) && strings.EqualFold(a.Name, b.Name), true
	case a.SameKey(b):
		return true, true
	}
	return false, false
}

func inRegion(town, area *domain.Place) bool {
	return town.Precision == domain.PrecisionCity && area.Precision != domain.PrecisionCity && town.Admin1 != "" &&
		(strings.EqualFold(string(town.Admin1), area.Name) || strings.EqualFold(string(town.Admin1), string(area.Admin1)))
}

// sameSpot reports whether two places are one spot: the same place, or
// two towns within a town's reach. Unlike samePlace, an area does not
// hold the towns in it: a region's toll and one town's are not one count.
func sameSpot(a, b *domain.Place) bool {
	if same, known := plainlySame(a, b); known {
		return same
	}
	return a.Precision == domain.PrecisionCity && b.Precision == domain.PrecisionCity && a.Country == b.Country &&
		distanceKm(a.Lat, a.Lon, b.Lat, b.Lon) <= radiusKm[domain.PrecisionCity]
}

// nameOnly reports whether a place is known by its name alone (the
// gazetteer does not have it: "the village of Kishishe").
func nameOnly(p *domain.Place) bool {
	return p.Precision == "" && p.GeonameID == 0 && p.Region == "" && p.Country == "" && p.Name != ""
}

// distanceKm is the great-circle distance between two points.
func distanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const earth = 6371.0
	rad := math.Pi / 180
	dlat := (lat2 - lat1) * rad
	dlon := (lon2 - lon1) * rad
	h := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * earth * math.Asin(math.Min(1, math.Sqrt(h)))
}

// countryOf returns a place's country, or "" when unknown.
func countryOf(p *domain.Place) string {
	if p == nil {
		return ""
	}
	return string(p.Country)
}
