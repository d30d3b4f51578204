// Command worldgen converts world-atlas's TopoJSON country shapes (Natural
// Earth, public domain) to the GeoJSON FeatureCollection the dashboard's
// map embeds, so that the map works offline and the browser needs no
// TopoJSON library. With -countries (world-countries' countries.json) each
// feature also gets its ISO 3166 alpha-3 code, "iso3", from its numeric
// code, so that the dashboard can name countries and link them to their
// pages.
//
//	go run ./internal/server/worldgen -in countries-50m.json -countries countries.json -out internal/server/static/world.json
//
// It decodes quantized, delta-encoded arcs, stitches them into rings
// (a negative arc index ~i is arc i reversed), rounds coordinates to the
// given number of decimals and drops the points that rounding makes
// repeat. Antarctica is left out: no event is coded there and it would
// take a fifth of an equirectangular map.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
)

func main() {
	in := flag.String("in", "", "world-atlas TopoJSON `file` (countries-50m.json)")
	out := flag.String("out", "", "GeoJSON `file` to write")
	countries := flag.String("countries", "", "world-countries `countries.json`, for ISO alpha-3 codes")
	decimals := flag.Int("decimals", 2, "decimals to keep in coordinates")
	flag.Parse()
	if *in == "" || *out == "" {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*in, *countries, *out, *decimals); err != nil {
		fmt.Fprintln(os.Stderr, "worldgen:", err)
		os.Exit(1)
	}
}

func run(in, countries, out string, decimals int) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	fc, err := convert(f, "countries", decimals)
	if err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	if countries != "" {
		b, err := os.ReadFile(countries)
		if err != nil {
			return err
		}
		if err := addISO3(fc, b); err != nil {
			return fmt.Errorf("%s: %w", countries, err)
		}
	}
	b, err := json.Marshal(fc)
	if err != nil {
		return err
	}
	return os.WriteFile(out, append(b, '\n'), 0o644)
}

// topology is the part of a TopoJSON document worldgen reads.
type topology struct {
	Type      string `json:"type"`
	Transform *struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Objects map[string]struct {
		Type       string     `json:"type"`
		Geometries []geometry `json:"geometries"`
	} `json:"objects"`
	Arcs [][][2]float64 `json:"arcs"`
}

type geometry struct {
	Type       string          `json:"type"`
	ID         string          `json:"id"`
	Properties map[string]any  `json:"properties"`
	Arcs       json.RawMessage `json:"arcs"`
}

// FeatureCollection, Feature and Geometry are the GeoJSON written.
type FeatureCollection struct {
	Type     string    `json:"type"`
	Features []Feature `json:"features"`
}

type Feature struct {
	Type       string            `json:"type"`
	ID         string            `json:"id,omitempty"`
	Properties map[string]string `json:"properties"`
	Geometry   Geometry          `json:"geometry"`
}

type Geometry struct {
	Type        string `json:"type"`
	Coordinates any    `json:"coordinates"`
}

// antarctica is Antarctica's ISO 3166 numeric code, world-atlas's id.
const antarctica = "010"

// convert reads a TopoJSON topology and returns the named object's
// polygons as GeoJSON features.
func convert(r io.Reader, object string, decimals int) (*FeatureCollection, error) {
	var t topology
	if err := json.NewDecoder(r).Decode(&t); err != nil {
		return nil, fmt.Errorf("read topology: %w", err)
	}
	if t.Type != "Topology" {
		return nil, fmt.Errorf("type %q: want Topology", t.Type)
	}
	obj, ok := t.Objects[object]
	if !ok {
		return nil, fmt.Errorf("no object %q", object)
	}
	arcs := decodeArcs(&t)
	pow := math.Pow(10, float64(decimals))
	fc := &FeatureCollection{Type: "FeatureCollection", Features: []Feature{}}
	for i, g := range obj.Geometries {
		if g.ID == antarctica {
			continue
		}
		props := map[string]string{}
		if name, ok := g.Properties["name"].(string); ok {
			props["name"] = name
		}
		var coords any
		switch g.Type {
		case "Polygon":
			var rings [][]int
			if err := json.Unmarshal(g.Arcs, &rings); err != nil {
				return nil, fmt.Errorf("geometry %d: %w", i, err)
			}
			p, err := polygon(arcs, rings, pow)
			if err != nil {
				return nil, fmt.Errorf("geometry %d: %w", i, err)
			}
			coords = p
		case "MultiPolygon":
			var polys [][][]int
			if err := json.Unmarshal(g.Arcs, &polys); err != nil {
				return nil, fmt.Errorf("geometry %d: %w", i, err)
			}
			var mp [][][][2]float64
			for _, rings := range polys {
				p, err := polygon(arcs, rings, pow)
				if err != nil {
					return nil, fmt.Errorf("geometry %d: %w", i, err)
				}
				mp = append(mp, p)
			}
			coords = mp
		default:
			// Null geometries and points have no shape to draw.
			continue
		}
		fc.Features = append(fc.Features, Feature{
			Type: "Feature", ID: g.ID, Properties: props,
			Geometry: Geometry{Type: g.Type, Coordinates: coords},
		})
	}
	return fc, nil
}

// addISO3 sets each feature's "iso3" from its numeric id (ISO 3166
// numeric, as world-atlas has it) through world-countries' table.
func addISO3(fc *FeatureCollection, countriesJSON []byte) error {
	var cs []struct {
		CCA3 string `json:"cca3"`
		CCN3 string `json:"ccn3"`
	}
	if err := json.Unmarshal(countriesJSON, &cs); err != nil {
		return fmt.Errorf("read countries: %w", err)
	}
	byNumber := map[string]string{}
	for _, c := range cs {
		if c.CCN3 != "" {
			byNumber[c.CCN3] = c.CCA3
		}
	}
	for i := range fc.Features {
		if iso3, ok := byNumber[fc.Features[i].ID]; ok {
			fc.Features[i].Properties["iso3"] = iso3
		}
	}
	return nil
}

// decodeArcs turns quantized, delta-encoded arcs into positions in
// degrees. Without a transform the arcs are absolute already.
func decodeArcs(t *topology) [][][2]float64 {
	out := make([][][2]float64, len(t.Arcs))
	for i, arc := range t.Arcs {
		pts := make([][2]float64, len(arc))
		var x, y float64
		for j, p := range arc {
			if t.Transform == nil {
				pts[j] = p
				continue
			}
			x += p[0]
			y += p[1]
			pts[j] = [2]float64{
				x*t.Transform.Scale[0] + t.Transform.Translate[0],
				y*t.Transform.Scale[1] + t.Transform.Translate[1],
			}
		}
		out[i] = pts
	}
	return out
}

// polygon stitches each ring's arcs into a closed ring of rounded points.
func polygon(arcs [][][2]float64, rings [][]int, pow float64) ([][][2]float64, error) {
	var out [][][2]float64
	for _, ring := range rings {
		var pts [][2]float64
		for k, idx := range ring {
			reversed := idx < 0
			if reversed {
				idx = ^idx
			}
			if idx >= len(arcs) {
				return nil, fmt.Errorf("arc %d out of range (%d arcs)", idx, len(arcs))
			}
			arc := arcs[idx]
			if reversed {
				arc = slices.Clone(arc)
				slices.Reverse(arc)
			}
			// Consecutive arcs share their joining point.
			if k > 0 && len(arc) > 0 {
				arc = arc[1:]
			}
			pts = append(pts, arc...)
		}
		pts = roundRing(pts, pow)
		if len(pts) < 4 {
			continue // collapsed by rounding: too small to draw
		}
		out = append(out, pts)
	}
	return out, nil
}

func roundRing(pts [][2]float64, pow float64) [][2]float64 {
	out := pts[:0:0]
	for _, p := range pts {
		q := [2]float64{math.Round(p[0]*pow) / pow, math.Round(p[1]*pow) / pow}
		if n := len(out); n > 0 && out[n-1] == q {
			continue
		}
		out = append(out, q)
	}
	if n := len(out); n > 0 && out[0] != out[n-1] {
		out = append(out, out[0])
	}
	return out
}
