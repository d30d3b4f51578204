package cli

import (
	"encoding/json"
	"fmt"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/store"
)

// geoFeature is an event as a GeoJSON feature: its point, and the event
// record as properties. Events without a place are left out: a map cannot
// show them, and inventing a point would mislead.
type geoFeature struct {
	Type       string       `json:"type"`
	Geometry   geoPoint     `json:"geometry"`
	Properties domain.Event `json:"properties"`
}

type geoPoint struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"`
}

// writeGeoJSON writes the selected events as one GeoJSON FeatureCollection,
// streamed feature by feature.
func writeGeoJSON(e *env, f filterFlags, modality string) error {
	st, err := openExisting(e)
	if err != nil {
		return err
	}
	defer st.Close()
	if _, err := fmt.Fprint(e.stdout, `{"type":"FeatureCollection","features":[`); err != nil {
		return err
	}
	n := 0
	ef := eventFilter(f, modality)
	err = listAll(e.ctx, f.limit, &ef.Page, func() ([]domain.Event, store.Cursor, error) {
		return st.Events(e.ctx, ef)
	}, func(ev domain.Event) error {
		if ev.Place == nil {
			return nil
		}
		b, err := json.Marshal(geoFeature{"Feature", geoPoint{"Point", [2]float64{ev.Place.Lon, ev.Place.Lat}}, ev})
		if err != nil {
			return err
		}
		if n > 0 {
			if _, err := e.stdout.Write([]byte(",\n")); err != nil {
				return err
			}
		}
		n++
		_, err = e.stdout.Write(b)
		return err
	})
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(e.stdout, "]}")
	return err
}
