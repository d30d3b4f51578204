package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/truce/truce/internal/domain"
)

// readLimited reads r whole, failing with ETOOLARGE past limit bytes.
func readLimited(r io.Reader, limit int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err // *http.MaxBytesError is classified as too_large
	}
	if int64(len(b)) > limit {
		return nil, errorf(domain.ETOOLARGE, "the body is over the limit of %s", formatBytes(limit))
	}
	return b, nil
}

func mediaType(r *http.Request) string {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil {
		return ""
	}
	return mt
}

// postArticles ingests the request body (a JSON article or JSON lines, a
// feed, an HTML page, a plain text), or, for a JSON body {"url": "…"},
// the page or feed at that URL.
func (s *Server) postArticles(w http.ResponseWriter, r *http.Request) (*response, error) {
	if err := newParams(r).done(true); err != nil {
		return nil, err
	}
	if s.ingest == nil {
		return nil, errorf(codeUnavailable, "ingest is not available on this server")
	}
	body, err := readLimited(r.Body, s.cfg.MaxBodyBytes)
	if err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, errorf(domain.EINVALID, "the body is empty; send an article, a feed, a page, or {\"url\": \"…\"}")
	}
	ct, source := r.Header.Get("Content-Type"), ""
	if u, ok := urlRequest(body, mediaType(r)); ok {
		res, err := s.fetchURL(r.Context(), u, s.cfg.MaxBodyBytes)
		if err != nil {
			return nil, err
		}
		body, ct, source = res.body, res.contentType, res.url
	}
	sum, err := s.ingest.Ingest(r.Context(), bytes.NewReader(body), ct, source)
	if err != nil {
		return nil, err
	}
	sum.IDs, sum.Errors = nonNil(sum.IDs), nonNil(sum.Errors)
	res := ok(sum)
	if sum.New > 0 {
		res.status = http.StatusCreated
	}
	s.log.Info("ingested", "source", source, "new", sum.New, "duplicate", sum.Duplicate, "failed", sum.Failed)
	return res, nil
}

// urlRequest reports whether a JSON body is a request to fetch a URL: an
// object whose only field is "url". An article in JSON has a text.
func urlRequest(body []byte, mt string) (string, bool) {
	if mt != "application/json" {
		return "", false
	}
	var m map[string]json.RawMessage
	if json.Unmarshal(body, &m) != nil || len(m) != 1 {
		return "", false
	}
	var u string
	if json.Unmarshal(m["url"], &u) != nil || u == "" {
		return "", false
	}
	return u, true
}

// codeRequest is POST /api/v1/code's JSON body.
type codeRequest struct {
	Text   string      `json:"text"`
	Title  string      `json:"title"`
	Date   domain.Date `json:"date"`
	Source string      `json:"source"`
	URL    string      `json:"url"`
	ID     string      `json:"id"`
}

// codeResult is what the coder produced for one text, not stored.
type codeResult struct {
	ArticleID    string              `json:"article_id"`
	CoderVersion string              `json:"coder_version"`
	Mentions     []domain.Mention    `json:"mentions"`
	Events       []domain.Event      `json:"events"`
	Claims       []domain.Claim      `json:"claims"`
	Commitments  []domain.Commitment `json:"commitments"`
}

// postCode codes a text without storing it: a JSON body (codeRequest) or
// a plain-text body with date and title in the query.
func (s *Server) postCode(w http.ResponseWriter, r *http.Request) (*response, error) {
	p := newParams(r)
	date, title := p.date("date"), p.str("title")
	if err := p.done(true); err != nil {
		return nil, err
	}
	if s.coder == nil {
		return nil, errorf(codeUnavailable, "the coder is not available on this server")
	}
	body, err := readLimited(r.Body, s.cfg.MaxBodyBytes)
	if err != nil {
		return nil, err
	}
	req := codeRequest{Text: string(body), Date: date, Title: title}
	if mediaType(r) == "application/json" {
		if !date.IsZero() || title != "" {
			return nil, errorf(domain.EINVALID, "with a JSON body, give date and title in the body, not the query")
		}
		req = codeRequest{}
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil {
			return nil, errorf(domain.EINVALID, "body: %v", jsonError(err))
		}
	}
	if !utf8.ValidString(req.Text) {
		return nil, errorf(domain.EINVALID, "the text is not valid UTF-8")
	}
	text := strings.ReplaceAll(strings.ReplaceAll(req.Text, "\r\n", "\n"), "\r", "\n")
	if strings.TrimSpace(text) == "" {
		return nil, errorf(domain.EINVALID, "the text is empty")
	}
	a := &domain.Article{
		ID: req.ID, Title: req.Title, Source: req.Source, URL: req.URL,
		Published: req.Date.Time(), DateText: req.Date.String(), Text: text, Format: "text",
		Hash: domain.NormalizedHash(text),
	}
	if a.ID == "" {
		a.ID = domain.ContentID(a.Hash)
	}
	c, err := s.coder.Code(r.Context(), a)
	if err != nil {
		return nil, err
	}
	return ok(codeResult{
		ArticleID: a.ID, CoderVersion: s.coder.Version(),
		Mentions: nonNil(c.Mentions), Events: nonNil(c.Events),
		Claims: nonNil(c.Claims), Commitments: nonNil(c.Commitments),
	}), nil
}

// jsonError says what is wrong with a JSON body without Go type names.
func jsonError(err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return "not valid JSON at byte " + itoa(int(se.Offset))
	case errors.As(err, &te):
		return "field " + te.Field + " has the wrong type"
	case errors.Is(err, io.EOF):
		return "empty"
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "not valid JSON: it ends too soon"
	}
	msg := err.Error()
	if f, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		return "unknown field " + f + "; the fields are text, title, date, source, url, id"
	}
	return "not a valid request: " + strings.TrimPrefix(msg, "json: ")
}
