package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/truce/truce/internal/domain"
)

// Expand turns the inputs a user gave into the inputs to read, in order:
// a directory becomes its files, recursively and sorted, without hidden
// files and directories (names starting with a dot); a glob becomes its
// matches, expanded the same way; a file, "-" (stdin) and an http(s) URL
// stay as they are. An input that cannot be expanded (a missing path, an
// unreadable directory, a glob that matches nothing, a malformed URL)
// gives one error naming it, and the others are still expanded. An input
// named twice is read once.
func Expand(inputs []string) ([]string, []error) {
	var out []string
	var errs []error
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, in := range inputs {
		switch {
		case in == "-":
			add(in)
		case isURL(in):
			if _, err := parseURL(in); err != nil {
				errs = append(errs, &InputError{Input: in, Err: err})
				continue
			}
			add(in)
		default:
			errs = append(errs, expandPath(in, add)...)
		}
	}
	return out, errs
}

func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

func parseURL(s string) (*url.URL, error) {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, invalid("not an http(s) URL")
	}
	return u, nil
}

// expandPath expands a path or a glob, calling add for each file.
func expandPath(in string, add func(string)) []error {
	if _, err := os.Lstat(in); err != nil && strings.ContainsAny(in, "*?[") {
		matches, gerr := filepath.Glob(in)
		if gerr != nil {
			return []error{&InputError{Input: in, Err: invalid("bad glob pattern")}}
		}
		// Like a shell, a pattern matches hidden names only when it
		// asks for them.
		hiddenOK := strings.HasPrefix(filepath.Base(in), ".")
		matches = slices.DeleteFunc(matches, func(m string) bool {
			return !hiddenOK && isHidden(filepath.Base(m))
		})
		if len(matches) == 0 {
			return []error{&InputError{Input: in, Err: invalid("no files match")}}
		}
		var errs []error
		for _, m := range matches {
			errs = append(errs, expandPath(m, add)...)
		}
		return errs
	}
	info, err := os.Stat(in)
	if err != nil {
		return []error{&InputError{Input: in, Err: err}}
	}
	if !info.IsDir() {
		add(in)
		return nil
	}
	var errs []error
	werr := filepath.WalkDir(in, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, &InputError{Input: p, Err: err})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p != in && isHidden(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case d.Type().IsRegular():
			add(p)
		case d.Type()&fs.ModeSymlink != 0:
			// A link to a file is read; a link to a directory is not
			// followed, so a loop cannot make the walk endless.
			if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
				add(p)
			}
		}
		return nil
	})
	if werr != nil {
		errs = append(errs, &InputError{Input: in, Err: werr})
	}
	return errs
}

func isHidden(name string) bool { return strings.HasPrefix(name, ".") && name != "." && name != ".." }

// source is an opened input.
type source struct {
	input       string // as given
	name        string // for messages: the path, the URL or "stdin"
	r           io.Reader
	close       func() error
	contentType string // from HTTP, else ""
	size        int64  // -1 when unknown
	finalURL    string // the URL after redirects, for URL inputs
}

// open opens an input: "-" is stdin, an http(s) URL is fetched, anything
// else is a file.
func open(ctx context.Context, input string, opt *Options) (*source, error) {
	name := displayName(input)
	switch {
	case input == "-":
		in := opt.Stdin
		if in == nil {
			in = os.Stdin
		}
		return &source{input: input, name: name, r: in, close: func() error { return nil }, size: -1}, nil
	case isURL(input):
		return fetch(ctx, input, opt)
	}
	f, err := os.Open(input)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if info.IsDir() {
		f.Close()
		return nil, invalid("is a directory")
	}
	return &source{input: input, name: name, r: f, close: f.Close, size: info.Size()}, nil
}

// fetch GETs a URL, refusing what opt.CheckURL refuses (redirects
// included), a non-2xx status and a body over opt.MaxBytes.
func fetch(ctx context.Context, raw string, opt *Options) (*source, error) {
	u, err := parseURL(raw)
	if err != nil {
		return nil, err
	}
	if opt.CheckURL != nil {
		if err := opt.CheckURL(u); err != nil {
			return nil, fmt.Errorf("refused: %w", err)
		}
	}
	client := opt.HTTPClient
	if client == nil {
		client = &http.Client{Timeout: DefaultTimeout}
	}
	if opt.CheckURL != nil {
		c := *client
		next := c.CheckRedirect
		c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
			if err := opt.CheckURL(req.URL); err != nil {
				return fmt.Errorf("redirect to %s refused: %w", req.URL.Redacted(), err)
			}
			if next != nil {
				return next(req, via)
			}
			if len(via) >= 10 {
				return errors.New("stopped after 10 redirects")
			}
			return nil
		}
		client = &c
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, invalid("not an http(s) URL")
	}
	ua := opt.UserAgent
	if ua == "" {
		ua = DefaultUserAgent
	}
	req.Header.Set("User-Agent", ua)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.9, */*;q=0.8")
	resp, err := client.Do(req)
	if err != nil {
		return nil, fetchErr(err)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		resp.Body.Close()
		code := domain.EINVALID
		if resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusGone {
			code = domain.ENOTFOUND
		}
		return nil, domain.Errorf(code, "HTTP status %s", resp.Status)
	}
	limit := opt.maxBytes()
	if resp.ContentLength > limit {
		resp.Body.Close()
		return nil, tooLarge(limit)
	}
	return &source{
		input: raw, name: raw,
		r:           newLimitReader(resp.Body, limit),
		close:       resp.Body.Close,
		contentType: resp.Header.Get("Content-Type"),
		size:        resp.ContentLength,
		finalURL:    resp.Request.URL.String(),
	}, nil
}

// fetchErr names why a request failed without the URL, which the message
// names already.
func fetchErr(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		if ue.Timeout() {
			return domain.Errorf(domain.EINVALID, "no response: timed out")
		}
		if errors.Is(ue.Err, context.Canceled) {
			return ue.Err
		}
		return fmt.Errorf("request failed: %w", ue.Err)
	}
	return fmt.Errorf("request failed: %w", err)
}

func tooLarge(limit int64) error {
	if limit >= 1<<20 {
		return domain.Errorf(domain.ETOOLARGE, "larger than %d MiB", limit>>20)
	}
	return domain.Errorf(domain.ETOOLARGE, "larger than %d bytes", limit)
}

// limitReader fails, rather than stops silently, past limit bytes: a cut
// document would be stored as if whole.
type limitReader struct {
	r           io.Reader
	left, limit int64
}

func newLimitReader(r io.Reader, limit int64) *limitReader {
	return &limitReader{r: r, left: limit, limit: limit}
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.left < 0 {
		return 0, tooLarge(l.limit)
	}
	if int64(len(p)) > l.left+1 {
		p = p[:l.left+1]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	if l.left < 0 {
		return n, tooLarge(l.limit)
	}
	return n, err
}

// readAll reads r whole, failing past limit bytes.
func readAll(r io.Reader, limit int64) ([]byte, error) {
	return io.ReadAll(newLimitReader(r, limit))
}
