package server

import (
	"context"
	"crypto/subtle"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/truce/truce/internal/domain"
)

// contentSecurityPolicy allows scripts, styles, images and connections
// from the server itself only: no inline script, no CDN, no framing.
// Styles may be set by script (ECharts positions its tooltips through
// element.style, which CSP does not restrict), never inline in HTML.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; " +
	"img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; " +
	"base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// securityHeaders sets the headers every response carries.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// limits holds every request body to MaxBodyBytes and gives each request
// a deadline of HandlerTimeout.
func (s *Server) limits(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body != nil {
			r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes)
		}
		ctx, cancel := context.WithTimeout(r.Context(), s.cfg.HandlerTimeout)
		defer cancel()
		r2 := r.WithContext(ctx)
		next.ServeHTTP(w, r2)
		// The mux sets the matched pattern on the request it is given;
		// observe, outside, reads it from the original for its metrics.
		r.Pattern = r2.Pattern
	})
}

// statusWriter records the status a handler wrote.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection (flushing a
// streamed export).
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// observe is the outermost middleware: it counts every request and its
// latency per route and status, logs it, and turns a panic into a 500.
func (s *Server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panic", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(v))
				if sw.status == 0 {
					s.writeError(sw, r, domain.Errorf(domain.EINTERNAL, "internal error"))
				}
			}
			if sw.status == 0 {
				sw.status = http.StatusOK
			}
			elapsed := time.Since(start)
			// The mux sets r.Pattern on the request it was given.
			route := r.Pattern
			if route == "" {
				route = "unmatched"
			}
			s.metrics.observe(route, sw.status, elapsed)
			level := s.log.Handler().Enabled(r.Context(), levelOf(sw.status))
			if level {
				s.log.Log(r.Context(), levelOf(sw.status), "request",
					"method", r.Method, "path", r.URL.Path, "route", route,
					"status", sw.status, "duration_ms", float64(elapsed.Microseconds())/1000)
			}
		}()
		next.ServeHTTP(sw, r)
	})
}

// requireToken guards a write endpoint: with no configured token the
// server is read-only (403); with one, the request must present it (401).
func (s *Server) requireToken(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.cfg.Token == "" {
			s.writeError(w, r, errorf(codeForbidden,
				"this server is read-only: write endpoints are disabled until it is started with a token (TRUCE_TOKEN)"))
			return
		}
		got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(s.cfg.Token)) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="truce"`)
			s.writeError(w, r, errorf(domain.EUNAUTH, "this endpoint needs the header Authorization: Bearer <token>"))
			return
		}
		next.ServeHTTP(w, r)
	})
}
