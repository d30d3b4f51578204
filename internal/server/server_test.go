package server

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/store"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got; go test -update rewrites it):\n%s", name, diff)
	}
}

// fakeCoder codes a text as one event on its first sentence, for POST
// /api/v1/code: the coder itself is another package's.
type fakeCoder struct{}

func (fakeCoder) Version() string { return "fake-1" }

func (fakeCoder) Code(ctx context.Context, a *domain.Article) (domain.Coding, error) {
	i := strings.Index(a.Text, "protested")
	c := domain.Coding{ArticleID: a.ID, CoderVersion: "fake-1"}
	if i >= 0 {
		c.Events = append(c.Events, domain.Event{ID: a.ID + "-e1", ArticleID: a.ID, Date: a.Date(),
			Sentence: a.Text, Trigger: "protested", TriggerSpan: domain.Span{Start: i, End: i + len("protested")},
			CAMEO: "141", QuadClass: 3, PLOVER: domain.PLOVER{Type: "PROTEST"}, Modality: domain.ModalityAsserted})
	}
	return c, nil
}

// fakeIngester records what it was given.
type fakeIngester struct {
	mu    sync.Mutex
	calls []ingestCall
}

type ingestCall struct {
	body, contentType, source string
}

func (f *fakeIngester) Ingest(ctx context.Context, body io.Reader, contentType, sourceURL string) (IngestSummary, error) {
	b, err := io.ReadAll(body)
	if err != nil {
		return IngestSummary{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, ingestCall{string(b), contentType, sourceURL})
	if bytes.Contains(b, []byte("broken")) {
		return IngestSummary{}, domain.Errorf(domain.EINVALID, "body: not an article, a feed or a page")
	}
	return IngestSummary{New: 1, IDs: []string{"posted-1"}}, nil
}

func (f *fakeIngester) last() ingestCall {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.calls) == 0 {
		return ingestCall{}
	}
	return f.calls[len(f.calls)-1]
}

// testServer is a server over the seeded store.
type testServer struct {
	*Server
	info   seedInfo
	ingest *fakeIngester
	logs   *bytes.Buffer
}

func newTestServer(t testing.TB, cfg Config) *testServer {
	t.Helper()
	st, info := seedStore(t)
	return newTestServerOn(t, cfg, st, info)
}

func newTestServerOn(t testing.TB, cfg Config, st store.Store, info seedInfo) *testServer {
	logs := &bytes.Buffer{}
	ing := &fakeIngester{}
	log := slog.New(slog.NewTextHandler(&lockedWriter{w: logs}, &slog.HandlerOptions{Level: slog.LevelDebug}))
	cfg.Version = "test"
	return &testServer{Server: New(cfg, st, fakeCoder{}, ing, log), info: info, ingest: ing, logs: logs}
}

type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(b)
}

// do sends a request through the whole handler.
func (ts *testServer) do(t testing.TB, method, target string, body io.Reader, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, body)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	ts.Handler().ServeHTTP(rec, req)
	return rec
}

func (ts *testServer) get(t testing.TB, target string) *httptest.ResponseRecorder {
	t.Helper()
	return ts.do(t, http.MethodGet, target, nil)
}

// envelope is the API's success envelope with data of type T.
type envelope[T any] struct {
	Data T       `json:"data"`
	Next *string `json:"next"`
}

type errorEnvelope struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

func decode[T any](t testing.TB, rec *httptest.ResponseRecorder) envelope[T] {
	t.Helper()
	if rec.Code != http.StatusOK && rec.Code != http.StatusCreated {
		t.Fatalf("status %d, want 200: %s", rec.Code, rec.Body)
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("Content-Type %q, want application/json", ct)
	}
	var env envelope[T]
	if err := json.Unmarshal(rec.Body.Bytes(), &env); err != nil {
		t.Fatalf("decode %s: %v", rec.Body, err)
	}
	return env
}

func decodeError(t testing.TB, rec *httptest.ResponseRecorder) errorEnvelope {
	t.Helper()
	var env errorEnvelope
	if err := json.Unmarshal(rec.Body.Bytes(), &env); err != nil {
		t.Fatalf("decode error envelope %q: %v", rec.Body, err)
	}
	if env.Error.Code == "" || env.Error.Message == "" {
		t.Fatalf("error envelope %s has no code or message", rec.Body)
	}
	return env
}

func TestSecurityHeaders(t *testing.T) {
	ts := newTestServer(t, Config{})
	for _, path := range []string{"/", "/api/v1/events", "/static/app.js", "/nope", "/api/v1/nope"} {
		t.Run(path, func(t *testing.T) {
			rec := ts.get(t, path)
			h := rec.Header()
			for name, want := range map[string]string{
				"X-Content-Type-Options": "nosniff",
				"Referrer-Policy":        "no-referrer",
				"X-Frame-Options":        "DENY",
			} {
				if got := h.Get(name); got != want {
					t.Errorf("%s: got %q, want %q", name, got, want)
				}
			}
			csp := h.Get("Content-Security-Policy")
			for _, want := range []string{"script-src 'self'", "frame-ancestors 'none'", "object-src 'none'"} {
				if !strings.Contains(csp, want) {
					t.Errorf("CSP %q lacks %q", csp, want)
				}
			}
			if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
				t.Errorf("CSP %q allows inline or eval", csp)
			}
		})
	}
}

func TestStaticAssets(t *testing.T) {
	ts := newTestServer(t, Config{})
	tests := []struct {
		path, ctype string
	}{
		{"/static/app.js", "text/javascript"},
		{"/static/app.css", "text/css"},
		{"/static/vendor/echarts.min.js", "text/javascript"},
		{"/static/world.json", "application/json"},
		{"/static/vendor/LICENSE-echarts", "text/plain"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			rec := ts.get(t, tt.path)
			if rec.Code != http.StatusOK {
				t.Fatalf("status %d, want 200", rec.Code)
			}
			if got := rec.Header().Get("Content-Type"); !strings.HasPrefix(got, tt.ctype) {
				t.Errorf("Content-Type %q, want %s", got, tt.ctype)
			}
			if rec.Body.Len() == 0 {
				t.Error("empty body")
			}
		})
	}
	t.Run("versioned and gzipped", func(t *testing.T) {
		u := ts.assets.url("vendor/echarts.min.js")
		rec := ts.do(t, http.MethodGet, u, nil, "Accept-Encoding", "gzip")
		if got := rec.Header().Get("Content-Encoding"); got != "gzip" {
			t.Errorf("Content-Encoding %q, want gzip", got)
		}
		if got := rec.Header().Get("Cache-Control"); !strings.Contains(got, "immutable") {
			t.Errorf("Cache-Control %q, want immutable for a versioned URL", got)
		}
		etag := rec.Header().Get("ETag")
		rec = ts.do(t, http.MethodGet, u, nil, "If-None-Match", etag)
		if rec.Code != http.StatusNotModified {
			t.Errorf("status %d with If-None-Match, want 304", rec.Code)
		}
	})
	t.Run("missing", func(t *testing.T) {
		if rec := ts.get(t, "/static/nope.js"); rec.Code != http.StatusNotFound {
			t.Errorf("status %d, want 404", rec.Code)
		}
	})
}

// TestServeShutsDownGracefully starts a real listener, answers a request
// and stops when its context ends.
func TestServeShutsDownGracefully(t *testing.T) {
	ts := newTestServer(t, Config{ShutdownTimeout: 5 * time.Second})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- ts.ServeListener(ctx, ln) }()
	resp, err := http.Get("http://" + ln.Addr().String() + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), `"status":"ok"`) {
		t.Fatalf("healthz: %d %s", resp.StatusCode, body)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("Serve returned %v, want nil after its context ended", err)
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/healthz"); err == nil {
		t.Error("the server still answers after shutdown")
	}
}

func TestServeListenError(t *testing.T) {
	ts := newTestServer(t, Config{})
	err := ts.Serve(context.Background(), "256.0.0.1:http")
	if err == nil || !strings.Contains(err.Error(), "listen") {
		t.Errorf("got %v, want a listen error", err)
	}
}

func TestConfigDefaults(t *testing.T) {
	c := Config{}.withDefaults()
	if c.MaxBodyBytes != 10<<20 || c.HandlerTimeout != 30*time.Second || c.ReadHeaderTimeout == 0 ||
		c.WriteTimeout <= c.HandlerTimeout || c.ExportMax != DefaultExportMax {
		t.Errorf("defaults %+v", c)
	}
}

func httptestDo(s *Server, method, target, body string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, httptest.NewRequest(method, target, strings.NewReader(body)))
	return rec
}
