package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/store"
)

// Config is how the server behaves. Zero fields take the defaults below
// (see withDefaults); the command line fills it from TRUCE_* variables and
// flags.
type Config struct {
	// Token guards the write endpoints (POST /api/v1/articles): requests
	// must send "Authorization: Bearer <Token>". With no token the server
	// is read-only and write endpoints answer 403.
	Token string
	// AllowPrivate lets POST /api/v1/articles {"url": …} fetch from
	// private, loopback and link-local addresses. Off by default: a
	// server reachable from outside must not be a proxy into its network.
	AllowPrivate bool
	// MaxBodyBytes limits a request body (default 10 MiB); a fetched
	// page is held to the same limit.
	MaxBodyBytes int64
	// HandlerTimeout is each request's deadline for its work (default
	// 30s); a handler past it answers 503.
	HandlerTimeout time.Duration
	// Timeouts of the http.Server (defaults 5s, 30s, 2m, 2m).
	ReadHeaderTimeout time.Duration
	ReadTimeout       time.Duration
	WriteTimeout      time.Duration
	IdleTimeout       time.Duration
	// ShutdownTimeout is how long Serve waits for requests in flight
	// once its context ends (default 10s).
	ShutdownTimeout time.Duration
	// FetchTimeout bounds fetching a URL for ingest (default 20s).
	FetchTimeout time.Duration
	// ExportMax caps the events one CSV, GeoJSON or JSON lines export
	// streams when the request gives no limit (default 100,000).
	ExportMax int
	// MapEvents is how many of the latest events of a view the
	// dashboard's map places (default 5,000).
	MapEvents int
	// Version is shown in the dashboard's footer and /healthz.
	Version string
	// Label names a CAMEO code (the codebook's label); nil shows the
	// label of the code's root.
	Label func(code string) string
}

// Defaults of Config.
const (
	DefaultMaxBodyBytes   = 10 << 20
	DefaultHandlerTimeout = 30 * time.Second
	DefaultExportMax      = 100_000
	DefaultMapEvents      = 5_000
)

func (c Config) withDefaults() Config {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	if c.MaxBodyBytes <= 0 {
		c.MaxBodyBytes = DefaultMaxBodyBytes
	}
	def(&c.HandlerTimeout, DefaultHandlerTimeout)
	def(&c.ReadHeaderTimeout, 5*time.Second)
	def(&c.ReadTimeout, 30*time.Second)
	def(&c.WriteTimeout, 2*time.Minute)
	def(&c.IdleTimeout, 2*time.Minute)
	def(&c.ShutdownTimeout, 10*time.Second)
	def(&c.FetchTimeout, 20*time.Second)
	if c.ExportMax <= 0 {
		c.ExportMax = DefaultExportMax
	}
	if c.MapEvents <= 0 {
		c.MapEvents = DefaultMapEvents
	}
	if c.Version == "" {
		c.Version = "dev"
	}
	return c
}

// Ingester stores and codes articles read from one request body: a JSON
// article or JSON lines, a feed (RSS, Atom, JSON Feed), an HTML page or a
// plain text. contentType is the body's media type as sent (or as the
// fetched server sent it); sourceURL is the URL it was fetched from, or
// empty. The ingest pipeline implements it; the command line wires it.
type Ingester interface {
	Ingest(ctx context.Context, body io.Reader, contentType, sourceURL string) (IngestSummary, error)
}

// IngestSummary is what one ingest did, as POST /api/v1/articles returns
// it.
type IngestSummary struct {
	New           int `json:"new"`
	Duplicate     int `json:"duplicate"`
	NearDuplicate int `json:"near_duplicate"`
	Failed        int `json:"failed"`
	// IDs are the ids of the articles read, in input order, new or not.
	IDs []string `json:"ids"`
	// Errors says why each failed input failed, one line each.
	Errors []string `json:"errors"`
}

// Server serves the API and the dashboard over one store.
type Server struct {
	label   func(string) string
	cfg     Config
	store   store.Store
	coder   domain.Coder
	ingest  Ingester
	log     *slog.Logger
	mux     *http.ServeMux
	handler http.Handler
	pages   *pages
	assets  *assets
	metrics *metrics
	fetch   *http.Client
	// routes are the patterns registered, for the OpenAPI test.
	routes []string
}

// New returns a server over st. coder and ing may be nil: POST
// /api/v1/code and POST /api/v1/articles then answer 503. log may be nil.
func New(cfg Config, st store.Store, coder domain.Coder, ing Ingester, log *slog.Logger) *Server {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	cfg = cfg.withDefaults()
	a := newAssets()
	s := &Server{
		cfg: cfg, store: st, coder: coder, ingest: ing, log: log,
		mux:     http.NewServeMux(),
		pages:   mustParsePages(a, cfg.Label),
		label:   cfg.Label,
		assets:  a,
		metrics: newMetrics(),
		fetch:   newFetchClient(guard{allowPrivate: cfg.AllowPrivate}, cfg.FetchTimeout),
	}
	s.registerRoutes()
	s.handler = s.observe(securityHeaders(s.limits(s.mux)))
	return s
}

// Handler returns the server's root handler, with its middleware.
func (s *Server) Handler() http.Handler { return s.handler }

// handle registers h for pattern and remembers the pattern.
func (s *Server) handle(pattern string, h http.Handler) {
	s.routes = append(s.routes, pattern)
	s.mux.Handle(pattern, h)
}

// registerRoutes is the one table of routes.
func (s *Server) registerRoutes() {
	api := "/api/v1"
	s.handle("GET "+api+"/articles", s.api(s.listArticles))
	s.handle("POST "+api+"/articles", s.requireToken(s.api(s.postArticles)))
	s.handle("GET "+api+"/articles/{id}", s.api(s.getArticle))
	s.handle("GET "+api+"/events", s.api(s.listEvents))
	s.handle("GET "+api+"/claims", s.api(s.listClaims))
	s.handle("GET "+api+"/contradictions", s.api(s.listContradictions))
	s.handle("GET "+api+"/commitments", s.api(s.listCommitments))
	s.handle("GET "+api+"/stats", s.api(s.getStats))
	s.handle("GET "+api+"/stats/timeline", s.api(s.getTimeline))
	s.handle("GET "+api+"/stats/dyads", s.api(s.getDyads))
	s.handle("POST "+api+"/code", s.api(s.postCode))
	s.handle("GET /api/openapi.json", s.api(s.getOpenAPI))
	s.handle("/api/", s.api(s.apiNotFound))
	s.handle("GET /healthz", s.api(s.getHealth))
	s.handle("GET /metrics", http.HandlerFunc(s.getMetrics))

	s.handle("GET /static/", s.assets)
	s.handle("GET /{$}", s.page(s.overviewPage))
	s.handle("GET /events", s.page(s.eventsPage))
	s.handle("GET /articles", s.page(s.articlesPage))
	s.handle("GET /articles/{id}", s.page(s.articlePage))
	s.handle("GET /narratives", s.page(s.narrativesPage))
	s.handle("GET /commitments", s.page(s.commitmentsPage))
	s.handle("GET /actors/{code}", s.page(s.actorPage))
	s.handle("GET /countries/{iso3}", s.page(s.countryPage))
	s.handle("GET /places/{key}", s.page(s.placePage))
	s.handle("/", s.page(s.notFoundPage))
}

// Serve listens on addr and serves until ctx ends, then shuts down
// gracefully: it stops accepting, lets requests in flight finish for up to
// Config.ShutdownTimeout, and returns nil.
func (s *Server) Serve(ctx context.Context, addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("server: listen: %w", err)
	}
	return s.ServeListener(ctx, ln)
}

// ServeListener is Serve on a listener the caller opened; it closes ln.
func (s *Server) ServeListener(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: s.cfg.ReadHeaderTimeout,
		ReadTimeout:       s.cfg.ReadTimeout,
		WriteTimeout:      s.cfg.WriteTimeout,
		IdleTimeout:       s.cfg.IdleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	s.log.Info("serving", "addr", ln.Addr().String(), "read_only", s.cfg.Token == "")
	select {
	case err := <-errc:
		return fmt.Errorf("server: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.cfg.ShutdownTimeout)
	defer cancel()
	err := hs.Shutdown(sctx)
	if serr := <-errc; serr != nil && !errors.Is(serr, http.ErrServerClosed) {
		return fmt.Errorf("server: %w", serr)
	}
	if err != nil {
		return fmt.Errorf("server: shutdown: %w", err)
	}
	s.log.Info("stopped")
	return nil
}
