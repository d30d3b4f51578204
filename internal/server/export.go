package server

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/store"
)

// csvHeader is the events CSV: GDELT 2.0's event columns where truce has
// the value (country codes are ISO alpha-3, not FIPS; Day is YYYYMMDD),
// then truce's own (DatePrecision: day, week, month or year, as the text
// fixes Day; empty when Day is the article's date).
var csvHeader = []string{
	"GlobalEventID", "Day",
	"Actor1Code", "Actor1Name", "Actor1CountryCode",
	"Actor2Code", "Actor2Name", "Actor2CountryCode",
	"EventCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long",
	"SOURCEURL",
	"PloverType", "PloverMode", "Modality",
	"Fatalities", "FatalitiesLow", "FatalitiesHigh",
	"ArticleID", "Trigger", "Sentence", "DatePrecision",
}

func csvRow(e *domain.Event, sourceURL string) []string {
	a1, a2 := firstActor(e.Source), firstActor(e.Target)
	day := ""
	if !e.Date.IsZero() {
		day = strings.ReplaceAll(e.Date.String(), "-", "")
	}
	root := e.CAMEO
	if len(root) > 2 {
		root = root[:2]
	}
	var geoName, geoCountry, lat, lon string
	if pl := e.Place; pl != nil {
		geoName, geoCountry = placeFullName(pl), string(pl.Country)
		if pl.Precision != "" {
			lat = strconv.FormatFloat(pl.Lat, 'f', 4, 64)
			lon = strconv.FormatFloat(pl.Lon, 'f', 4, 64)
		}
	}
	quad := ""
	if e.QuadClass != 0 {
		quad = strconv.Itoa(e.QuadClass)
	}
	return []string{
		e.ID, day,
		string(a1.Code), actorName(a1), string(a1.Country),
		string(a2.Code), actorName(a2), string(a2.Country),
		e.CAMEO, root, quad, strconv.FormatFloat(e.Goldstein, 'f', -1, 64),
		geoName, geoCountry, lat, lon,
		sourceURL,
		e.PLOVER.Type, string(e.PLOVER.Mode), e.Modality,
		domain.FormatCount(e.Fatalities.Best), domain.FormatCount(e.Fatalities.Low), domain.FormatCount(e.Fatalities.High),
		e.ArticleID, e.Trigger, e.Sentence, string(e.DatePrecision),
	}
}

func firstActor(as []domain.Actor) domain.Actor {
	if len(as) == 0 {
		return domain.Actor{}
	}
	return as[0]
}

// actorName is the dictionary's name, else the words of the text.
func actorName(a domain.Actor) string {
	if a.Name != "" {
		return string(a.Name)
	}
	return a.Text
}

// placeFullName is GDELT's "place, region, country" form.
func placeFullName(p *domain.Place) string {
	parts := []string{p.Name}
	if p.Admin1 != "" && string(p.Admin1) != p.Name {
		parts = append(parts, string(p.Admin1))
	}
	if p.Country != "" {
		parts = append(parts, string(p.Country))
	}
	return strings.Join(parts, ", ")
}

// exportEvents streams the events f selects in format, page by page, up
// to f.Limit events or, with no limit given, Config.ExportMax. Events
// without a place are left out of GeoJSON: a map cannot show them.
func (s *Server) exportEvents(w http.ResponseWriter, r *http.Request, f store.EventFilter, format string) error {
	ctx := r.Context()
	want := f.Limit
	if want == 0 {
		want = s.cfg.ExportMax
	}
	next := func() ([]domain.Event, error) {
		if want <= 0 {
			return nil, nil
		}
		f.Limit = min(want, store.MaxLimit)
		es, cur, err := s.store.Events(ctx, f)
		if err != nil {
			return nil, err
		}
		want -= len(es)
		if cur == "" {
			want = 0
		}
		f.After = cur
		return es, nil
	}
	// The first page is read before anything is written, so that a bad
	// cursor or a store error still gets the error envelope.
	first, err := next()
	if err != nil {
		return err
	}
	h := w.Header()
	switch format {
	case formatCSV:
		h.Set("Content-Type", "text/csv; charset=utf-8")
	case formatGeoJSON:
		h.Set("Content-Type", "application/geo+json")
	case formatJSONL:
		h.Set("Content-Type", "application/x-ndjson")
	}
	h.Set("Content-Disposition", `attachment; filename="truce-events.`+format+`"`)
	h.Set("Cache-Control", "no-store")
	bw := bufio.NewWriterSize(w, 64<<10)
	cw := csv.NewWriter(bw)
	enc := json.NewEncoder(bw)
	urls := map[string]string{}
	n := 0
	write := func(e *domain.Event) error {
		switch format {
		case formatCSV:
			return cw.Write(csvRow(e, s.articleURL(r, urls, e.ArticleID)))
		case formatJSONL:
			return enc.Encode(e)
		}
		ft, ok := e.Feature()
		if !ok {
			return nil
		}
		if n > 0 {
			bw.WriteString(",\n")
		}
		n++
		return enc.Encode(ft)
	}
	switch format {
	case formatCSV:
		_ = cw.Write(csvHeader)
	case formatGeoJSON:
		bw.WriteString(`{"type":"FeatureCollection","features":[` + "\n")
	}
	es := first
	for len(es) > 0 {
		for i := range es {
			if err := write(&es[i]); err != nil {
				s.log.Warn("export: write", "err", err)
				return nil // the client went away
			}
		}
		cw.Flush()
		if es, err = next(); err != nil {
			// Headers are gone: cut the response so that the client
			// sees it is incomplete rather than a short, valid file.
			s.log.Error("export: read events", "err", err)
			bw.Flush()
			panic(http.ErrAbortHandler)
		}
	}
	if format == formatGeoJSON {
		bw.WriteString("]}\n")
	}
	cw.Flush()
	if err := bw.Flush(); err != nil {
		s.log.Debug("export: flush", "err", err)
	}
	return nil
}

// articleURL returns an article's URL for SOURCEURL, caching per export.
func (s *Server) articleURL(r *http.Request, cache map[string]string, id string) string {
	if u, ok := cache[id]; ok {
		return u
	}
	u := ""
	if a, err := s.store.Article(r.Context(), id); err == nil {
		u = a.URL
	}
	cache[id] = u
	return u
}
