package coder

import (
	"context"
	"testing"
	"time"

	"github.com/truce/truce/internal/domain"
)

// TestCountryPlaceNamed checks that a country given as the place of a
// commitment or a claim is named and located: from the article's mention
// of it, else from the gazetteer ("Sudan's army and the RSF agreed": no
// mention of Sudan as a place), never a bare code at 0°N 0°E.
func TestCountryPlaceNamed(t *testing.T) {
	c := sharedCoder(t)
	for _, tc := range []struct{ text, country, name string }{
		{"NEW DELHI, May 10 (Wire) - India and Pakistan agreed on Saturday to a full ceasefire, India's foreign secretary Vikram Misri said.", "PAK", "Pakistan"},
		{"Sudan's army and the paramilitary Rapid Support Forces agreed to a seven-day ceasefire at talks in the Saudi city of Jeddah, Saudi Arabia and the United States said.", "SDN", "Sudan"},
	} {
		cod, err := c.Code(context.Background(), &domain.Article{ID: "x", Text: tc.text, Published: time.Date(2026, 5, 10, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		var places []*domain.Place
		for i := range cod.Commitments {
			places = append(places, cod.Commitments[i].Place)
		}
		for i := range cod.Claims {
			places = append(places, cod.Claims[i].Place)
		}
		found := false
		for _, p := range places {
			if p == nil || p.Precision != domain.PrecisionCountry {
				continue
			}
			if p.Name == "" || p.Name == string(p.Country) || p.Lat == 0 && p.Lon == 0 {
				t.Errorf("%.40q: country place %+v has no name or no point", tc.text, *p)
			}
			if string(p.Country) == tc.country {
				found = true
				if p.Name != tc.name {
					t.Errorf("%.40q: place of %s named %q, want %q", tc.text, tc.country, p.Name, tc.name)
				}
			}
		}
		if !found {
			t.Errorf("%.40q: no record placed in %s", tc.text, tc.country)
		}
	}
}
