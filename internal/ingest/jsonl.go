package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/truce/truce/internal/domain"
)

// maxLine bounds one line of JSON (one article): past it the line is an
// error and is skipped, so one runaway line cannot take all memory.
const maxLine = 16 << 20

// readJSON reads JSON lines, or one JSON array of objects, or objects
// written over several lines (pretty-printed), streaming each: memory
// holds one line or one object at a time.
func (e *emitter) readJSON(r io.Reader) error {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(sniffSize)
	t := bytes.TrimLeft(head, " \t\r\n")
	if len(t) > 0 && t[0] == '[' {
		return e.readJSONArray(br)
	}
	if first, _, _ := bytes.Cut(t, []byte("\n")); string(bytes.TrimSpace(first)) == "{" {
		// A line that is just "{" is never JSON lines: it is an object
		// spread over lines, as pretty-printers write it.
		return e.readJSONValues(json.NewDecoder(br))
	}
	var buf []byte
	for line := 1; ; line++ {
		var tooLong bool
		var err error
		buf, tooLong, err = readLine(br, buf[:0], maxLine)
		switch {
		case tooLong:
			if !e.fail(line, "", invalid("line longer than %d MiB", maxLine>>20)) {
				return nil
			}
		case len(bytes.TrimSpace(buf)) > 0:
			a, ferr := e.jsonArticle(buf)
			if ferr != nil {
				if !e.fail(line, "", ferr) {
					return nil
				}
			} else if !e.add(a, line, "", time.Time{}) {
				return nil
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// readLine reads one line into buf (without its line break). A line over
// max bytes is read to its end but not kept, and reported as tooLong.
func readLine(br *bufio.Reader, buf []byte, max int) (line []byte, tooLong bool, err error) {
	for {
		frag, err := br.ReadSlice('\n')
		if !tooLong && len(buf)+len(frag) <= max {
			buf = append(buf, frag...)
		} else {
			tooLong, buf = true, buf[:0]
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		buf = bytes.TrimRight(buf, "\r\n")
		return buf, tooLong, err
	}
}

// readJSONArray reads one JSON array of objects, element by element.
func (e *emitter) readJSONArray(r io.Reader) error {
	dec := json.NewDecoder(r)
	if _, err := dec.Token(); err != nil {
		return invalid("not JSON: %v", jsonReason(err))
	}
	if err := e.readJSONValues(dec); err != nil {
		return err
	}
	if _, err := dec.Token(); err != nil {
		return invalid("not JSON: %v", jsonReason(err))
	}
	return nil
}

// readJSONValues reads JSON values from dec (the elements of an array, or
// objects one after another) until the end of the array or of the input.
// A malformed value ends the reading, as JSON cannot be resynchronised;
// a value that is well-formed but not an article is skipped.
func (e *emitter) readJSONValues(dec *json.Decoder) error {
	for i := 1; dec.More(); i++ {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return &InputError{Input: e.name, Item: itemName(i, ""), Err: invalid("not JSON: %v", jsonReason(err))}
		}
		a, err := e.jsonArticle(raw)
		if err != nil {
			if !e.fail(0, itemName(i, ""), err) {
				return nil
			}
			continue
		}
		if !e.add(a, 0, itemName(i, a.ID), time.Time{}) {
			return nil
		}
	}
	return nil
}

// jsonReason words a JSON decoding error for a user.
func jsonReason(err error) string {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return "unexpected end of input"
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return se.Error()
	}
	return err.Error()
}

// jsonArticle reads one JSON object as an article.
func (e *emitter) jsonArticle(obj []byte) (*domain.Article, error) {
	if !utf8.Valid(obj) {
		return nil, errNotUTF8
	}
	obj = bytes.TrimSpace(obj)
	if len(obj) == 0 || obj[0] != '{' {
		return nil, invalid("not a JSON object")
	}
	if len(e.opt.Columns) == 0 {
		// The fast way: one pass into a struct of the known names, which
		// encoding/json matches without regard to case. A field that is
		// not a string (a numeric id) takes the general way below.
		var r jsonRecord
		err := json.Unmarshal(obj, &r)
		if err == nil {
			return r.article()
		}
		if _, ok := errors.AsType[*json.UnmarshalTypeError](err); !ok {
			return nil, invalid("not JSON: %v", jsonReason(err))
		}
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(obj, &m); err != nil {
		return nil, invalid("not JSON: %v", jsonReason(err))
	}
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	fm := mapFields(names, e.opt.Columns)
	if fm[0] < 0 {
		return nil, invalid("no text field (want one of %s)", wantText(e.opt.Columns))
	}
	var vals [numFields]string
	for i, j := range fm {
		if j < 0 {
			continue
		}
		v, err := jsonString(m[names[j]])
		if err != nil {
			return nil, invalid("field %q: %v", names[j], err)
		}
		vals[i] = v
	}
	return &domain.Article{
		Text: vals[0], Title: vals[1], DateText: vals[2], URL: vals[3],
		Source: vals[4], ID: vals[5], Byline: vals[6],
	}, nil
}

// jsonRecord holds the names fieldNames lists; nil is absent.
type jsonRecord struct {
	Text        *string `json:"text"`
	Body        *string `json:"body"`
	Notes       *string `json:"notes"`
	Content     *string `json:"content"`
	Title       *string `json:"title"`
	Date        *string `json:"date"`
	EventDate   *string `json:"event_date"`
	Published   *string `json:"published"`
	PublishedAt *string `json:"published_at"`
	URL         *string `json:"url"`
	Link        *string `json:"link"`
	Source      *string `json:"source"`
	Outlet      *string `json:"outlet"`
	ID          *string `json:"id"`
	Byline      *string `json:"byline"`
	Author      *string `json:"author"`
}

// article picks, for each field, the first of its names present, as
// mapFields does.
func (r *jsonRecord) article() (*domain.Article, error) {
	first := func(ps ...*string) (string, bool) {
		for _, p := range ps {
			if p != nil {
				return *p, true
			}
		}
		return "", false
	}
	text, ok := first(r.Text, r.Body, r.Notes, r.Content)
	if !ok {
		return nil, invalid("no text field (want one of %s)", wantText(nil))
	}
	a := &domain.Article{Text: text}
	a.Title, _ = first(r.Title)
	a.DateText, _ = first(r.Date, r.EventDate, r.Published, r.PublishedAt)
	a.URL, _ = first(r.URL, r.Link)
	a.Source, _ = first(r.Source, r.Outlet)
	a.ID, _ = first(r.ID)
	a.Byline, _ = first(r.Byline, r.Author)
	return a, nil
}

// jsonString reads a JSON value as a field's text: a string, a number as
// written (ids often are numbers), or null as empty.
func jsonString(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "", nil
	}
	switch raw[0] {
	case '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", fmt.Errorf("not a string: %s", jsonReason(err))
		}
		return s, nil
	case 'n':
		return "", nil
	case '{', '[':
		return "", errors.New("an object or array, not a string")
	}
	return strings.TrimSpace(string(raw)), nil
}
