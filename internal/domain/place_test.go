package domain

import "testing"

// TestSameKey checks that SameKey says what comparing the Keys says.
func TestSameKey(t *testing.T) {
	places := []*Place{
		nil,
		{Name: "Stepanakert", GeonameID: 174875, Country: "AZE", Region: "nagorno-karabakh"},
		{Name: "Khankendi", GeonameID: 174875, Country: "AZE"},
		{Name: "Shusha", GeonameID: 585170, Country: "AZE"},
		{Name: "Nagorno-Karabakh", Region: "nagorno-karabakh", Country: "AZE"},
		{Name: "Donbas", Region: "donbas", Country: "UKR"},
		{Name: "Azerbaijan", Country: "AZE"},
		{Name: "Azerbaijan", Country: "AZE", Precision: PrecisionCountry},
		{Name: "the village of Kishishe"},
		{Name: "", Country: ""},
	}
	for _, p := range places {
		for _, q := range places {
			if got, want := p.SameKey(q), p.Key() == q.Key(); got != want {
				t.Errorf("%+v SameKey %+v = %v, want %v (keys %q, %q)", p, q, got, want, p.Key(), q.Key())
			}
		}
	}
}
