package domain

import (
	"encoding/json"
	"testing"
)

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

// TestPlaceJSON: a place no dictionary knows keeps its name and words but
// has no coordinates or precision (null, not 0); one the focus gave has no
// words (null text and span); a known place named in the text has all.
func TestPlaceJSON(t *testing.T) {
	for _, tc := range []struct {
		p    Place
		want string
	}{
		{Place{Text: "Kishishe", Span: Span{10, 18}, Name: "Kishishe"},
			`{"text":"Kishishe","span":[10,18],"lat":null,"lon":null,"precision":null,"name":"Kishishe","geonameid":null,"region":null,"country":null,"admin1":null}`},
		{Place{Name: "Stepanakert", GeonameID: 174875, Country: "AZE", Lat: 39.8, Lon: 46.7, Precision: PrecisionCity},
			`{"text":null,"span":null,"name":"Stepanakert","geonameid":174875,"region":null,"country":"AZE","admin1":null,"lat":39.8,"lon":46.7,"precision":"city"}`},
		{Place{Text: "Stepanakert", Span: Span{0, 11}, Name: "Stepanakert", GeonameID: 174875, Country: "AZE", Lat: 39.8, Lon: 46.7, Precision: PrecisionCity},
			`{"text":"Stepanakert","span":[0,11],"name":"Stepanakert","geonameid":174875,"region":null,"country":"AZE","admin1":null,"lat":39.8,"lon":46.7,"precision":"city"}`},
	} {
		b, err := json.Marshal(tc.p)
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != tc.want {
			t.Errorf("%+v:\n got %s\nwant %s", tc.p, b, tc.want)
		}
		var back Place
		if err := json.Unmarshal(b, &back); err != nil || back != tc.p {
			t.Errorf("%s reads back as %+v (%v), want %+v", b, back, err, tc.p)
		}
	}
}
