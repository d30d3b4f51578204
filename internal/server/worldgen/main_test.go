package main

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestConvert(t *testing.T) {
	// A square and a triangle sharing the square's right edge (arc 1,
	// reversed in the triangle), quantized with scale 0.5 and translate
	// (10, 20).
	const topo = `{"type":"Topology",
	  "transform":{"scale":[0.5,0.5],"translate":[10,20]},
	  "objects":{"countries":{"type":"GeometryCollection","geometries":[
	    {"type":"Polygon","id":"051","properties":{"name":"Armenia"},"arcs":[[0,1,2]]},
	    {"type":"MultiPolygon","id":"031","properties":{"name":"Azerbaijan"},"arcs":[[[3,-2]]]},
	    {"type":"Polygon","id":"010","properties":{"name":"Antarctica"},"arcs":[[0,1]]},
	    {"type":null,"id":"999"}
	  ]}},
	  "arcs":[
	    [[0,0],[0,2],[2,0]],
	    [[2,2],[0,-2]],
	    [[2,0],[-2,0]],
	    [[2,0],[2,1],[-2,1]]
	  ]}`
	tests := []struct {
		name  string
		index int
		want  any
	}{
		{"polygon", 0, [][][2]float64{{{10, 20}, {10, 21}, {11, 21}, {11, 20}, {10, 20}}}},
		{"multipolygon with a reversed arc", 1, [][][][2]float64{{{{11, 20}, {12, 20.5}, {11, 21}, {11, 20}}}}},
	}
	fc, err := convert(strings.NewReader(topo), "countries", 3)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(fc.Features), 2; got != want {
		t.Fatalf("got %d features, want %d (Antarctica and null geometries left out)", got, want)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, fc.Features[tt.index].Geometry.Coordinates); diff != "" {
				t.Errorf("coordinates (-want +got):\n%s", diff)
			}
		})
	}
	if got, want := fc.Features[0].Properties["name"], "Armenia"; got != want {
		t.Errorf("got name %q, want %q", got, want)
	}
}

func TestConvertErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"not json", `{`, "read topology"},
		{"not a topology", `{"type":"FeatureCollection"}`, "want Topology"},
		{"no object", `{"type":"Topology","objects":{}}`, `no object "countries"`},
		{"arc out of range", `{"type":"Topology","objects":{"countries":{"geometries":[{"type":"Polygon","arcs":[[5]]}]}},"arcs":[]}`, "out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := convert(strings.NewReader(tt.in), "countries", 2)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestAddISO3(t *testing.T) {
	fc := &FeatureCollection{Features: []Feature{
		{ID: "051", Properties: map[string]string{"name": "Armenia"}},
		{ID: "031", Properties: map[string]string{"name": "Azerbaijan"}},
		{Properties: map[string]string{"name": "Kosovo"}},
	}}
	err := addISO3(fc, []byte(`[{"cca3":"ARM","ccn3":"051"},{"cca3":"AZE","ccn3":"031"},{"cca3":"UNK","ccn3":""}]`))
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"ARM", "AZE", ""} {
		if got := fc.Features[i].Properties["iso3"]; got != want {
			t.Errorf("feature %d: iso3 %q, want %q", i, got, want)
		}
	}
}
