package narrative

import (
	"math"

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
	if a == nil || b == nil {
		return false
	}
	if a.Key() == b.Key() {
		return true
	}
	if a.Country != "" && b.Country != "" && a.Country != b.Country {
		return false
	}
	if a.Precision == domain.PrecisionCountry || b.Precision == domain.PrecisionCountry {
		return a.Country != "" && a.Country == b.Country
	}
	r := max(radiusKm[a.Precision], radiusKm[b.Precision])
	return distanceKm(a.Lat, a.Lon, b.Lat, b.Lon) <= r
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
