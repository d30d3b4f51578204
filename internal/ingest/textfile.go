package ingest

import (
	"bytes"
	"io"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/truce/truce/internal/domain"
)

// textArticle is what the plain-text article format holds.
type textArticle struct {
	Title, Source, URL, ID, Byline, Date string
	Body                                 string
}

var (
	// "title: …" and the other header lines; the key is matched without
	// regard to case.
	headerRE = regexp.MustCompile(`(?i)^(title|source|url|id|byline|date)\s*:\s*(.*)$`)
	// "date 2023-11-07" and, on the same line, the start of the body.
	dateLineRE = regexp.MustCompile(`(?i)^date[ \t]+(\d{4}-\d{1,2}-\d{1,2})(?:[ \t]+(.*))?$`)
)

// parseTextArticle reads the plain-text article format (see the package
// documentation): header lines, then the body.
func parseTextArticle(s string) textArticle {
	var t textArticle
	seen := map[string]bool{}
	rest := s
	for rest != "" {
		line, next, _ := strings.Cut(rest, "\n")
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			rest = next
			continue
		}
		if m := dateLineRE.FindStringSubmatch(trimmed); m != nil && !seen["date"] {
			seen["date"] = true
			t.Date = m[1]
			if m[2] != "" {
				t.Body = m[2] + "\n" + next
				return t
			}
			rest = next
			continue
		}
		m := headerRE.FindStringSubmatch(trimmed)
		if m == nil {
			break
		}
		key := strings.ToLower(m[1])
		if seen[key] {
			// A key given twice is no header: the body has started.
			break
		}
		seen[key] = true
		v := strings.TrimSpace(m[2])
		switch key {
		case "title":
			t.Title = v
		case "source":
			t.Source = v
		case "url":
			t.URL = v
		case "id":
			t.ID = v
		case "byline":
			t.Byline = v
		case "date":
			t.Date = v
		}
		rest = next
	}
	t.Body = rest
	return t
}

// readText reads one article in the plain-text format. Its bytes must be
// UTF-8 (after any decoding): a text with bytes that are not is refused,
// naming the first bad line, rather than stored with guessed letters.
func (e *emitter) readText(r io.Reader) error {
	b, err := readAll(r, e.opt.maxBytes())
	if err != nil {
		return err
	}
	if !utf8.Valid(b) {
		return &InputError{Input: e.name, Line: badUTF8Line(b), Err: errNotUTF8}
	}
	t := parseTextArticle(string(b))
	a := &domain.Article{
		ID: t.ID, Title: t.Title, Source: t.Source, URL: t.URL, Byline: t.Byline,
		DateText: t.Date, Text: t.Body,
	}
	e.add(a, 0, "", time.Time{})
	return nil
}

var errNotUTF8 = invalid("not valid UTF-8 (convert it to UTF-8, or name its encoding)")

// badUTF8Line returns the 1-based line of the first byte of b that is not
// UTF-8.
func badUTF8Line(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return bytes.Count(b[:i], []byte("\n")) + 1
		}
		i += n
	}
	return 0
}
