package server

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strings"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/store"
)

// Error codes of the server's own, beside the domain's.
const (
	codeForbidden   = "forbidden"          // read-only server: writes are disabled
	codeMethod      = "method_not_allowed" // the path exists with another method
	codeTimeout     = "timeout"            // the request's deadline passed
	codeUnavailable = "unavailable"        // a part the request needs is not wired
)

// statusOf maps every error code to its HTTP status: the one table.
var statusOf = map[string]int{
	domain.EINVALID:  http.StatusBadRequest,
	domain.EUNAUTH:   http.StatusUnauthorized,
	codeForbidden:    http.StatusForbidden,
	domain.ENOTFOUND: http.StatusNotFound,
	codeMethod:       http.StatusMethodNotAllowed,
	domain.ECONFLICT: http.StatusConflict,
	domain.ETOOLARGE: http.StatusRequestEntityTooLarge,
	domain.EINTERNAL: http.StatusInternalServerError,
	codeTimeout:      http.StatusServiceUnavailable,
	codeUnavailable:  http.StatusServiceUnavailable,
}

func errorf(code, format string, args ...any) error { return domain.Errorf(code, format, args...) }

// classify turns any error into the code and message a user sees. Errors
// that are not *domain.Error are internal: their message is replaced and
// their details are logged by the caller.
func classify(err error) (code, message string) {
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		return domain.ETOOLARGE, "the request body is over the limit of " + formatBytes(tooLarge.Limit)
	case errors.Is(err, context.DeadlineExceeded):
		return codeTimeout, "the request took too long and was stopped; narrow the filters or try again"
	}
	code = domain.ErrorCode(err)
	if _, ok := statusOf[code]; !ok {
		code = domain.EINTERNAL
	}
	if code == domain.EINTERNAL {
		return code, "internal error"
	}
	return code, domain.ErrorMessage(err)
}

// levelOf is the log level of a request that ended with status.
func levelOf(status int) slog.Level {
	switch {
	case status >= 500:
		return slog.LevelError
	case status >= 400:
		return slog.LevelInfo
	}
	return slog.LevelDebug
}

// response is what an API handler returns: data for the envelope, and
// for listings the cursor of the next page. A nil *response means the
// handler wrote the body itself (an export).
type response struct {
	data    any
	next    store.Cursor
	listing bool
	status  int
}

func ok(data any) *response { return &response{data: data} }

func listing(data any, next store.Cursor) *response {
	return &response{data: data, next: next, listing: true}
}

type apiFunc func(w http.ResponseWriter, r *http.Request) (*response, error)

// api is the one wrap of every API handler: it writes the success
// envelope or the error envelope with the status from statusOf.
func (s *Server) api(h apiFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		res, err := h(w, r)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		if res == nil {
			return
		}
		status := res.status
		if status == 0 {
			status = http.StatusOK
		}
		var body any
		if res.listing {
			var next *string
			if res.next != "" {
				c := string(res.next)
				next = &c
			}
			body = struct {
				Data any     `json:"data"`
				Next *string `json:"next"`
			}{res.data, next}
		} else {
			body = struct {
				Data any `json:"data"`
			}{res.data}
		}
		writeJSON(w, status, body)
	})
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	// HTML escaping stays on: article text is hostile input.
	_ = enc.Encode(body)
}

// writeError writes err as the error envelope (API paths) or as an error
// page (dashboard paths), with the status from statusOf. Internal details
// are logged, never shown.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	code, msg := classify(err)
	status := statusOf[code]
	switch {
	case code == domain.EINTERNAL:
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	case errors.Is(err, context.Canceled) && r.Context().Err() != nil:
		s.log.Debug("client went away", "path", r.URL.Path)
	}
	if isAPIPath(r.URL.Path) {
		type apiError struct {
			Code    string `json:"code"`
			Message string `json:"message"`
		}
		writeJSON(w, status, struct {
			Error apiError `json:"error"`
		}{apiError{code, msg}})
		return
	}
	s.renderError(w, r, status, msg)
}

func isAPIPath(p string) bool {
	return strings.HasPrefix(p, "/api/") || p == "/healthz" || p == "/metrics"
}

// apiNotFound answers the API paths no route matches: 405 with Allow when
// the path exists for another method, else 404.
func (s *Server) apiNotFound(w http.ResponseWriter, r *http.Request) (*response, error) {
	var allow []string
	for _, m := range []string{http.MethodGet, http.MethodPost} {
		if m == r.Method {
			continue
		}
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, pattern := s.mux.Handler(probe); pattern != "/api/" && pattern != "" {
			allow = append(allow, m)
		}
	}
	if len(allow) > 0 {
		w.Header().Set("Allow", strings.Join(allow, ", "))
		return nil, errorf(codeMethod, "%s %s is not allowed; use %s", r.Method, r.URL.Path, strings.Join(allow, " or "))
	}
	return nil, errorf(domain.ENOTFOUND, "no API endpoint %s %s; the endpoints are listed in /api/openapi.json", r.Method, r.URL.Path)
}

func (s *Server) getHealth(w http.ResponseWriter, r *http.Request) (*response, error) {
	// A one-row listing proves the store answers, cheaply at any size.
	if _, _, err := s.store.Articles(r.Context(), store.ArticleFilter{Page: store.Page{Limit: 1}}); err != nil {
		return nil, err
	}
	return ok(map[string]any{"status": "ok", "version": s.cfg.Version, "read_only": s.cfg.Token == ""}), nil
}
