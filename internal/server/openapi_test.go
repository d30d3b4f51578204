package server

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// documented reports whether a registered pattern belongs in the OpenAPI
// document: the API, health and metrics, not the dashboard.
func documented(pattern string) (method, path string, ok bool) {
	method, path, found := strings.Cut(pattern, " ")
	if !found || !isAPIPath(path) {
		return "", "", false
	}
	return method, path, true
}

func TestOpenAPIMatchesRoutes(t *testing.T) {
	ts := newTestServer(t, Config{Token: "t"})
	rec := ts.get(t, "/api/openapi.json")
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	var doc struct {
		OpenAPI string `json:"openapi"`
		Paths   map[string]map[string]struct {
			OperationID string `json:"operationId"`
			Parameters  []struct {
				Name string `json:"name"`
				In   string `json:"in"`
			} `json:"parameters"`
			Responses map[string]any `json:"responses"`
		} `json:"paths"`
		Components struct {
			Schemas map[string]json.RawMessage `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi %q, want 3.x", doc.OpenAPI)
	}
	registered := map[string]bool{}
	for _, pattern := range ts.routes {
		method, path, ok := documented(pattern)
		if !ok {
			continue
		}
		registered[method+" "+path] = true
		if _, ok := doc.Paths[path][strings.ToLower(method)]; !ok {
			t.Errorf("route %s is not in the OpenAPI document", pattern)
		}
	}
	for path, item := range doc.Paths {
		for method := range item {
			if !registered[strings.ToUpper(method)+" "+path] {
				t.Errorf("the document has %s %s, which no route serves", strings.ToUpper(method), path)
			}
		}
	}

	// Each operation is called with a recorder in its context: the
	// parameters its handler reads must be the ones documented.
	for path, item := range doc.Paths {
		for method, op := range item {
			t.Run(strings.ToUpper(method)+" "+path, func(t *testing.T) {
				var want []string
				for _, p := range op.Parameters {
					want = append(want, p.Name)
				}
				target := strings.ReplaceAll(path, "{id}", "nk-ceasefire")
				req := httptest.NewRequest(strings.ToUpper(method), target, strings.NewReader("Thousands protested in Yerevan."))
				req.Header.Set("Authorization", "Bearer t")
				req.Header.Set("Content-Type", "text/plain")
				rec := &paramRecorder{names: map[string]bool{}}
				req = req.WithContext(withRecorder(req.Context(), rec))
				w := httptest.NewRecorder()
				ts.Handler().ServeHTTP(w, req)
				if w.Code >= 400 {
					t.Fatalf("status %d: %s", w.Code, w.Body)
				}
				var got []string
				for name := range rec.names {
					got = append(got, name)
				}
				sort.Strings(got)
				sort.Strings(want)
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("documented parameters (-) and parameters read (+) differ:\n%s", diff)
				}
				if _, ok := op.Responses["200"]; !ok {
					t.Error("no 200 response")
				}
			})
		}
	}
	golden(t, "openapi.json", indentJSON(t, rec.Body.Bytes()))
}

func indentJSON(t *testing.T, b []byte) []byte {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	out, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(out, '\n')
}

// TestOpenAPISchemasMatchResponses checks that the fields each record
// schema lists are the fields the API writes.
func TestOpenAPISchemasMatchResponses(t *testing.T) {
	ts := newTestServer(t, Config{})
	schemas := openAPI()["components"].(map[string]any)["schemas"].(map[string]any)
	props := func(name string) []string {
		s, ok := schemas[name].(map[string]any)
		if !ok {
			t.Fatalf("no schema %s", name)
		}
		var keys []string
		for k := range s["properties"].(map[string]any) {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		return keys
	}
	keysOf := func(target string, pick func(any) map[string]any) []string {
		var env struct{ Data any }
		if err := json.Unmarshal(ts.get(t, target).Body.Bytes(), &env); err != nil {
			t.Fatal(err)
		}
		var keys []string
		for k := range pick(env.Data) {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		return keys
	}
	first := func(v any) map[string]any { return v.([]any)[0].(map[string]any) }
	tests := []struct {
		schema, target string
		pick           func(any) map[string]any
	}{
		{"Event", "/api/v1/events?limit=1", first},
		{"Claim", "/api/v1/claims?limit=1", first},
		{"Commitment", "/api/v1/commitments?limit=1", first},
		{"Contradiction", "/api/v1/contradictions?limit=1", first},
		{"TimelineBucket", "/api/v1/stats/timeline", first},
		{"Dyad", "/api/v1/stats/dyads", first},
		{"Stats", "/api/v1/stats", func(v any) map[string]any { return v.(map[string]any) }},
		{"ArticleDetail", "/api/v1/articles/nk-ceasefire", func(v any) map[string]any { return v.(map[string]any) }},
		{"Mention", "/api/v1/articles/nk-ceasefire", func(v any) map[string]any {
			return v.(map[string]any)["mentions"].([]any)[0].(map[string]any)
		}},
		{"Article", "/api/v1/articles/nk-ceasefire", func(v any) map[string]any { return v.(map[string]any)["article"].(map[string]any) }},
		{"Place", "/api/v1/events?place=Yerevan&limit=1", func(v any) map[string]any { return first(v)["place"].(map[string]any) }},
		{"Actor", "/api/v1/events?place=Yerevan&limit=1", func(v any) map[string]any {
			return first(v)["source"].([]any)[0].(map[string]any)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.schema, func(t *testing.T) {
			want := props(tt.schema)
			got := keysOf(tt.target, tt.pick)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("schema properties (-) and JSON fields (+) differ:\n%s", diff)
			}
		})
	}
	if !slices.Contains(props("Error"), "error") {
		t.Error("no Error schema")
	}
}
