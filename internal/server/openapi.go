package server

import (
	"maps"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/store"
)

// The OpenAPI 3.1 document of the JSON API, built from the table below.
// The operations and their parameters are written out by hand (they are
// the documentation); the record schemas are derived from the Go types by
// reflection, so they cannot drift from what the API writes. A test walks
// the registered routes and checks each against this table, and checks
// that the parameters documented are exactly those the handlers read.

// apiParam is one parameter of an operation.
type apiParam struct {
	Name, In, Type, Format, Desc string
	Enum                         []string
	Min, Max                     int
	Required                     bool
}

// apiOp is one operation of the API.
type apiOp struct {
	Method, Path, Summary, Desc string
	Tag                         string
	Params                      []apiParam
	// Body is the request body's media types and schemas.
	Body map[string]any
	// Data is the schema of the envelope's data; Listing adds "next".
	Data    any
	Listing bool
	// Raw is the media types of a response that is not the envelope.
	Raw map[string]any
	// Write marks the endpoints that need the token.
	Write   bool
	Created bool
}

func q(name, typ, desc string) apiParam {
	return apiParam{Name: name, In: "query", Type: typ, Desc: desc}
}

func qEnum(name, desc string, enum ...string) apiParam {
	return apiParam{Name: name, In: "query", Type: "string", Desc: desc, Enum: enum}
}

func qDate(name, desc string) apiParam {
	return apiParam{Name: name, In: "query", Type: "string", Format: "date", Desc: desc}
}

func qInt(name string, lo, hi int, desc string) apiParam {
	return apiParam{Name: name, In: "query", Type: "integer", Min: lo, Max: hi, Desc: desc}
}

var (
	pSince   = qDate("since", "First day, inclusive (YYYY-MM-DD).")
	pUntil   = qDate("until", "Last day, inclusive (YYYY-MM-DD).")
	pActor   = q("actor", "string", "An actor code or its prefix (AZE, AZEMIL, IGOUNO): the source or the target.")
	pCountry = q("country", "string", "An ISO 3166 alpha-3 code (ARM, AZE).")
	pPlace   = q("place", "string", "A place's name, GeoNames id or region id (Yerevan, 616052, nagorno-karabakh).")
	pArticle = q("article_id", "string", "Only the records of this article.")
	pQ       = q("q", "string", "Words that must appear.")
	pLimit   = qInt("limit", 1, store.MaxLimit, "The most items to return (default 100).")
	pCursor  = q("cursor", "string", "Continue a listing: the next value of the previous page.")
)

func apiOps() []apiOp {
	eventParams := []apiParam{
		pSince, pUntil, pActor,
		q("country", "string", "An ISO 3166 alpha-3 code: a source's, a target's or the place's country."),
		q("type", "string", "A PLOVER type (PROTEST) or a CAMEO code prefix (14, 141)."),
		pPlace,
		qEnum("modality", "How the text stands toward the event.", domain.Modalities...),
		qInt("quad_class", 1, 4, "CAMEO quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."),
		pArticle,
		q("q", "string", "Words that must appear in the event's sentence."),
		qInt("limit", 1, store.MaxLimit, "The most events (default 100 for json; an export with no limit streams every event, up to the server's export cap)."),
		pCursor,
		qEnum("format", "json (the envelope, default); jsonl (one event a line); csv (GDELT-like columns: GlobalEventID, Day, Actor1Code, Actor1Name, Actor1CountryCode, Actor2…, EventCode, EventRootCode, QuadClass, GoldsteinScale, ActionGeo_FullName, ActionGeo_CountryCode, ActionGeo_Lat, ActionGeo_Long, SOURCEURL, then PloverType, PloverMode, Modality, Fatalities, FatalitiesLow, FatalitiesHigh, ArticleID, Trigger, Sentence; country codes are ISO alpha-3); geojson (a FeatureCollection of the events that have a place).",
			formatJSON, formatJSONL, formatCSV, formatGeoJSON),
	}
	return []apiOp{
		{Method: "GET", Path: "/api/v1/articles", Tag: "articles", Summary: "List articles",
			Desc:   "Newest publication first, without their text.",
			Params: []apiParam{q("q", "string", "A full-text query over title and text."), pSince, pUntil, q("source", "string", "The outlet or --source name."), qInt("limit", 1, store.MaxLimit, "The most items (default 50)."), pCursor},
			Data:   arrayOf(ref("Article")), Listing: true},
		{Method: "POST", Path: "/api/v1/articles", Tag: "articles", Summary: "Ingest articles",
			Desc: "Stores and codes the body: a JSON article or JSON lines, an RSS/Atom/JSON feed, an HTML page or a plain text, by its Content-Type. " +
				"A JSON body {\"url\": \"…\"} fetches that page or feed instead; private, loopback and link-local addresses are refused unless the server allows them. " +
				"Needs the bearer token; a server started without one is read-only (403).",
			Body: map[string]any{
				"application/json":      map[string]any{"oneOf": []any{ref("FetchRequest"), map[string]any{"type": "object", "description": "An article in JSON."}}},
				"application/x-ndjson":  map[string]any{"type": "string"},
				"application/rss+xml":   map[string]any{"type": "string"},
				"application/atom+xml":  map[string]any{"type": "string"},
				"application/feed+json": map[string]any{"type": "object"},
				"text/html":             map[string]any{"type": "string"},
				"text/plain":            map[string]any{"type": "string"},
			},
			Data: ref("IngestSummary"), Write: true, Created: true},
		{Method: "GET", Path: "/api/v1/articles/{id}", Tag: "articles", Summary: "An article with its text, mentions and records",
			Params: []apiParam{{Name: "id", In: "path", Type: "string", Required: true, Desc: "The article's id."}},
			Data:   ref("ArticleDetail")},
		{Method: "GET", Path: "/api/v1/events", Tag: "records", Summary: "List or export events",
			Desc: "Newest first. Every filter of the event store is a parameter.", Params: eventParams,
			Data: arrayOf(ref("Event")), Listing: true,
			Raw: map[string]any{
				"text/csv":             map[string]any{"type": "string"},
				"application/geo+json": ref("EventFeatureCollection"),
				"application/x-ndjson": map[string]any{"type": "string", "description": "One Event a line."},
			}},
		{Method: "GET", Path: "/api/v1/claims", Tag: "records", Summary: "List claims",
			Params: []apiParam{pSince, pUntil, q("actor", "string", "The speaker's actor code or its prefix."), q("country", "string", "The speaker's country (ISO alpha-3)."),
				q("topic", "string", "ceasefire, fighting, casualties, control, aid_access, corridor, responsibility, withdrawal, talks, or a PLOVER type."),
				pPlace, pArticle, pQ, pLimit, pCursor},
			Data: arrayOf(ref("Claim")), Listing: true},
		{Method: "GET", Path: "/api/v1/contradictions", Tag: "records", Summary: "List contradictions",
			Params: []apiParam{pSince, pUntil, q("topic", "string", "The claims' topic."), q("country", "string", "The place's country (ISO alpha-3)."), pPlace, pArticle, pLimit, pCursor},
			Data:   arrayOf(ref("Contradiction")), Listing: true},
		{Method: "GET", Path: "/api/v1/commitments", Tag: "records", Summary: "List commitments",
			Params: []apiParam{pSince, pUntil, q("actor", "string", "The committing actor's code or its prefix."), q("country", "string", "The committing actor's country."),
				qEnum("category", "The kind of promise.", commitmentCategories...), qEnum("status", "The ledger status.", commitmentStatuses...),
				pPlace, pArticle, pQ, pLimit, pCursor},
			Data: arrayOf(ref("Commitment")), Listing: true},
		{Method: "GET", Path: "/api/v1/stats", Tag: "stats", Summary: "Counts of what the store holds", Data: ref("Stats")},
		{Method: "GET", Path: "/api/v1/stats/timeline", Tag: "stats", Summary: "Events per day or week",
			Params: []apiParam{pSince, pUntil, pActor, pCountry, pPlace,
				qEnum("interval", "day (default) or week (weeks start on Monday).", "day", "week"),
				qEnum("by", "quad (quad classes 1-4, default) or plover (PLOVER types).", "quad", "plover")},
			Data: arrayOf(ref("TimelineBucket"))},
		{Method: "GET", Path: "/api/v1/stats/dyads", Tag: "stats", Summary: "The most frequent source and target pairs",
			Params: []apiParam{pSince, pUntil, pCountry, pActor, qInt("limit", 1, 1000, "The most pairs (default 20).")},
			Data:   arrayOf(ref("Dyad"))},
		{Method: "POST", Path: "/api/v1/code", Tag: "coder", Summary: "Code a text without storing it",
			Desc: "A JSON body (CodeRequest), or a plain-text body with date and title in the query. Returns the records the coder produces.",
			Params: []apiParam{qDate("date", "The text's date, for a plain-text body."),
				q("title", "string", "The text's title, for a plain-text body.")},
			Body: map[string]any{"application/json": ref("CodeRequest"), "text/plain": map[string]any{"type": "string"}},
			Data: ref("CodeResult")},
		{Method: "GET", Path: "/api/openapi.json", Tag: "meta", Summary: "This document",
			Raw: map[string]any{"application/json": map[string]any{"type": "object"}}},
		{Method: "GET", Path: "/healthz", Tag: "meta", Summary: "Whether the server and its store answer", Data: ref("Health")},
		{Method: "GET", Path: "/metrics", Tag: "meta", Summary: "Prometheus metrics",
			Desc: "Record counts from the store, and request counts and latency histograms by route and status, in the Prometheus text format.",
			Raw:  map[string]any{"text/plain": map[string]any{"type": "string"}}},
	}
}

func ref(name string) map[string]any { return map[string]any{"$ref": "#/components/schemas/" + name} }

func arrayOf(items any) map[string]any { return map[string]any{"type": "array", "items": items} }

var (
	openAPIOnce sync.Once
	openAPIDoc  map[string]any
)

// openAPI builds the document once.
func openAPI() map[string]any {
	openAPIOnce.Do(func() { openAPIDoc = buildOpenAPI(apiOps()) })
	return openAPIDoc
}

func (s *Server) getOpenAPI(w http.ResponseWriter, r *http.Request) (*response, error) {
	if err := newParams(r).done(true); err != nil {
		return nil, err
	}
	w.Header().Set("Access-Control-Allow-Origin", "*")
	writeJSON(w, http.StatusOK, openAPI())
	return nil, nil
}

func buildOpenAPI(ops []apiOp) map[string]any {
	paths := map[string]any{}
	for _, op := range ops {
		item, _ := paths[op.Path].(map[string]any)
		if item == nil {
			item = map[string]any{}
			paths[op.Path] = item
		}
		o := map[string]any{
			"summary":     op.Summary,
			"operationId": operationID(op),
			"tags":        []string{op.Tag},
		}
		if op.Desc != "" {
			o["description"] = op.Desc
		}
		var params []any
		for _, p := range op.Params {
			sch := map[string]any{"type": p.Type}
			if p.Format != "" {
				sch["format"] = p.Format
			}
			if len(p.Enum) > 0 {
				sch["enum"] = p.Enum
			}
			if p.Type == "integer" {
				sch["minimum"], sch["maximum"] = p.Min, p.Max
			}
			params = append(params, map[string]any{
				"name": p.Name, "in": p.In, "required": p.Required || p.In == "path",
				"description": p.Desc, "schema": sch,
			})
		}
		if len(params) > 0 {
			o["parameters"] = params
		}
		if op.Body != nil {
			content := map[string]any{}
			for mt, sch := range op.Body {
				content[mt] = map[string]any{"schema": sch}
			}
			o["requestBody"] = map[string]any{"required": true, "content": content}
		}
		responses := map[string]any{}
		ok := map[string]any{"description": "OK"}
		content := map[string]any{}
		if op.Data != nil {
			env := map[string]any{"type": "object", "required": []string{"data"},
				"properties": map[string]any{"data": op.Data}}
			if op.Listing {
				env["properties"].(map[string]any)["next"] = map[string]any{
					"type": []string{"string", "null"}, "description": "The cursor of the next page; null on the last."}
				env["required"] = []string{"data", "next"}
			}
			content["application/json"] = map[string]any{"schema": env}
		}
		for mt, sch := range op.Raw {
			content[mt] = map[string]any{"schema": sch}
		}
		ok["content"] = content
		responses["200"] = ok
		if op.Created {
			responses["201"] = map[string]any{"description": "Created: at least one article was new.", "content": content}
		}
		errResp := func(desc string) map[string]any {
			return map[string]any{"description": desc, "content": map[string]any{
				"application/json": map[string]any{"schema": ref("Error")}}}
		}
		if len(op.Params) > 0 || op.Body != nil {
			responses["400"] = errResp("invalid: a parameter or the body is malformed")
		}
		if strings.Contains(op.Path, "{") {
			responses["404"] = errResp("not_found")
		}
		if op.Body != nil {
			responses["413"] = errResp("too_large: the body is over the limit")
		}
		if op.Write {
			responses["401"] = errResp("unauthorized: the bearer token is missing or wrong")
			responses["403"] = errResp("forbidden: the server is read-only (started without a token)")
			o["security"] = []any{map[string]any{"bearer": []string{}}}
		}
		responses["500"] = errResp("internal")
		responses["503"] = errResp("timeout or unavailable")
		o["responses"] = responses
		item[strings.ToLower(op.Method)] = o
	}
	return map[string]any{
		"openapi": "3.1.0",
		"info": map[string]any{
			"title":   "truce API",
			"version": "1",
			"description": "truce codes news into events, claims, contradictions and commitments. " +
				"Every success is {\"data\": …} (listings add \"next\", a cursor); every error is " +
				"{\"error\": {\"code\", \"message\"}} with code invalid 400, unauthorized 401, forbidden 403, " +
				"not_found 404, method_not_allowed 405, conflict 409, too_large 413, internal 500, timeout 503, unavailable 503. " +
				"Unknown query parameters are refused.",
		},
		"paths": paths,
		"components": map[string]any{
			"schemas": schemas(),
			"securitySchemes": map[string]any{
				"bearer": map[string]any{"type": "http", "scheme": "bearer", "description": "The server's TRUCE_TOKEN."},
			},
		},
	}
}

func operationID(op apiOp) string {
	var b strings.Builder
	b.WriteString(strings.ToLower(op.Method))
	for _, part := range strings.Split(op.Path, "/") {
		part = strings.Trim(part, "{}")
		if part == "" || part == "api" || part == "v1" {
			continue
		}
		part = strings.NewReplacer(".", "_").Replace(part)
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}

// schemas returns the component schemas: derived from the Go types, plus
// the few written by hand (Article, whose JSON is custom, and the error).
func schemas() map[string]any {
	g := &schemaGen{defs: map[string]any{}}
	kinds := map[reflect.Type]string{
		reflect.TypeFor[domain.Event]():         "event",
		reflect.TypeFor[domain.Claim]():         "claim",
		reflect.TypeFor[domain.Commitment]():    "commitment",
		reflect.TypeFor[domain.Contradiction](): "contradiction",
		reflect.TypeFor[domain.Mention]():       "mention",
	}
	g.kinds = kinds
	for _, t := range []reflect.Type{
		reflect.TypeFor[domain.Event](), reflect.TypeFor[domain.Claim](), reflect.TypeFor[domain.Commitment](),
		reflect.TypeFor[domain.Contradiction](), reflect.TypeFor[domain.Mention](),
		reflect.TypeFor[store.TimelineBucket](), reflect.TypeFor[store.Dyad](), reflect.TypeFor[store.Stats](),
		reflect.TypeFor[IngestSummary](), reflect.TypeFor[codeRequest](), reflect.TypeFor[codeResult](),
		reflect.TypeFor[articleDetail](),
	} {
		g.schema(t)
	}
	nullable := func(t string) []string { return []string{t, "null"} }
	g.defs["Article"] = map[string]any{
		"type": "object",
		"properties": map[string]any{
			"kind":         map[string]any{"const": "article"},
			"id":           map[string]any{"type": "string"},
			"title":        map[string]any{"type": nullable("string")},
			"date":         map[string]any{"type": nullable("string"), "format": "date"},
			"date_text":    map[string]any{"type": nullable("string")},
			"source":       map[string]any{"type": nullable("string")},
			"url":          map[string]any{"type": nullable("string")},
			"byline":       map[string]any{"type": nullable("string")},
			"duplicate_of": map[string]any{"type": nullable("string")},
			"length":       map[string]any{"type": "integer", "description": "The text's length in bytes."},
			"format":       map[string]any{"type": nullable("string")},
			"text":         map[string]any{"type": "string", "description": "Only in GET /api/v1/articles/{id}."},
		},
	}
	g.defs["FetchRequest"] = map[string]any{
		"type": "object", "required": []string{"url"}, "additionalProperties": false,
		"properties": map[string]any{"url": map[string]any{"type": "string", "format": "uri"}},
	}
	g.defs["Error"] = map[string]any{
		"type": "object", "required": []string{"error"},
		"properties": map[string]any{"error": map[string]any{
			"type": "object", "required": []string{"code", "message"},
			"properties": map[string]any{
				"code":    map[string]any{"type": "string", "enum": slices.Sorted(maps.Keys(statusOf))},
				"message": map[string]any{"type": "string"},
			},
		}},
	}
	g.defs["Health"] = map[string]any{
		"type": "object",
		"properties": map[string]any{
			"status": map[string]any{"const": "ok"}, "version": map[string]any{"type": "string"},
			"read_only": map[string]any{"type": "boolean"},
		},
	}
	g.defs["EventFeatureCollection"] = map[string]any{
		"type": "object",
		"properties": map[string]any{
			"type": map[string]any{"const": "FeatureCollection"},
			"features": arrayOf(map[string]any{"type": "object", "properties": map[string]any{
				"type":       map[string]any{"const": "Feature"},
				"geometry":   map[string]any{"type": "object", "description": "A Point at [lon, lat]."},
				"properties": ref("Event"),
			}}),
		},
	}
	return g.defs
}

// schemaGen derives JSON schemas from Go types and their json tags.
type schemaGen struct {
	defs  map[string]any
	kinds map[reflect.Type]string
}

var (
	typeDate       = reflect.TypeFor[domain.Date]()
	typeSpan       = reflect.TypeFor[domain.Span]()
	typeNullString = reflect.TypeFor[domain.NullString]()
	typeNullInt    = reflect.TypeFor[domain.NullInt]()
	typeTime       = reflect.TypeFor[time.Time]()
	typeArticle    = reflect.TypeFor[domain.Article]()
)

// schemaName is a type's component name: its Go name, exported.
func schemaName(t reflect.Type) string {
	n := t.Name()
	return strings.ToUpper(n[:1]) + n[1:]
}

func (g *schemaGen) schema(t reflect.Type) any {
	switch t {
	case typeDate:
		return map[string]any{"type": []string{"string", "null"}, "format": "date"}
	case typeSpan:
		return map[string]any{"type": "array", "items": map[string]any{"type": "integer"}, "minItems": 2, "maxItems": 2,
			"description": "Byte offsets [start, end) into the article's text."}
	case typeNullString:
		return map[string]any{"type": []string{"string", "null"}}
	case typeNullInt:
		return map[string]any{"type": []string{"integer", "null"}}
	case typeTime:
		return map[string]any{"type": "string", "format": "date-time"}
	case typeArticle:
		return ref("Article")
	}
	switch t.Kind() {
	case reflect.Pointer:
		inner := g.schema(t.Elem())
		if m, ok := inner.(map[string]any); ok {
			if typ, ok := m["type"].(string); ok {
				c := map[string]any{}
				for k, v := range m {
					c[k] = v
				}
				c["type"] = []string{typ, "null"}
				return c
			}
		}
		return map[string]any{"oneOf": []any{inner, map[string]any{"type": "null"}}}
	case reflect.Slice:
		return arrayOf(g.schema(t.Elem()))
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Uint32:
		return map[string]any{"type": "integer"}
	case reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Struct:
		name := schemaName(t)
		if _, ok := g.defs[name]; !ok {
			g.defs[name] = nil // reserve: types may refer to themselves
			props := map[string]any{}
			if k, ok := g.kinds[t]; ok {
				props["kind"] = map[string]any{"const": k}
			}
			for f := range t.Fields() {
				tag := f.Tag.Get("json")
				if !f.IsExported() || tag == "-" {
					continue
				}
				jn, _, _ := strings.Cut(tag, ",")
				if jn == "" {
					jn = f.Name
				}
				props[jn] = g.schema(f.Type)
			}
			g.defs[name] = map[string]any{"type": "object", "properties": props}
		}
		return ref(name)
	}
	return map[string]any{}
}
