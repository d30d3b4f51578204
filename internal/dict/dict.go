// Package dict reads truce's dictionary format: plain text, one entry a
// line, reviewable in a diff. Every dictionary (actors, agents, people,
// places, regions, verb patterns, mappings) is read by this one parser,
// and every error names the file and the line.
//
// A line is
//
//	NAME [; NAME ...] = CODE [key=value ...]  # comment
//
// NAMEs are the words that match (aliases separated by ";"), CODE is one
// token, and attributes are key=value pairs whose value is double-quoted
// when it holds spaces, "#" or quotes ("\"" and "\\" escape inside
// quotes). Blank lines and lines starting with "#" are ignored. A name
// may not contain "=", ";" or "#". A key given twice is an error.
package dict

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/truce/truce/internal/domain"
)

// Entry is one line of a dictionary.
type Entry struct {
	// File and Line locate the entry, for errors and provenance.
	File string
	Line int
	// Names are the aliases, trimmed, in the order written.
	Names []string
	Code  string
	Attrs map[string]string
}

// Ref returns "file:line", the entry's provenance.
func (e *Entry) Ref() string { return e.File + ":" + strconv.Itoa(e.Line) }

// Attr returns the value of key, or "" when absent.
func (e *Entry) Attr(key string) string { return e.Attrs[key] }

// Errorf returns an error that names the entry's file and line.
func (e *Entry) Errorf(format string, args ...any) error {
	return fmt.Errorf("%s: %s", e.Ref(), fmt.Sprintf(format, args...))
}

// Date returns the attribute key as a date (YYYY-MM-DD, or YYYY-MM or
// YYYY meaning the first day), the zero Date when absent.
func (e *Entry) Date(key string) (domain.Date, error) {
	v := e.Attrs[key]
	if v == "" || v == "-" {
		return domain.Date{}, nil
	}
	switch len(v) {
	case 4:
		v += "-01-01"
	case 7:
		v += "-01"
	}
	d, err := domain.ParseDate(v)
	if err != nil {
		return domain.Date{}, e.Errorf("%s=%s: want a date YYYY-MM-DD", key, e.Attrs[key])
	}
	return d, nil
}

// Float returns the attribute key as a number, and false when absent.
func (e *Entry) Float(key string) (float64, bool, error) {
	v := e.Attrs[key]
	if v == "" {
		return 0, false, nil
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return 0, false, e.Errorf("%s=%s: want a number", key, v)
	}
	return f, true, nil
}

// Int returns the attribute key as an integer, and false when absent.
func (e *Entry) Int(key string) (int, bool, error) {
	v := e.Attrs[key]
	if v == "" {
		return 0, false, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, false, e.Errorf("%s=%s: want an integer", key, v)
	}
	return n, true, nil
}

// List returns the attribute key split at commas, trimmed; nil when absent.
func (e *Entry) List(key string) []string {
	v := e.Attrs[key]
	if v == "" {
		return nil
	}
	parts := strings.Split(v, ",")
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Parse reads every entry of a dictionary. name is the file name used in
// errors. It stops at the first malformed line.
func Parse(r io.Reader, name string) ([]Entry, error) {
	var out []Entry
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	n := 0
	for sc.Scan() {
		n++
		e, ok, err := ParseLine(sc.Text(), name, n)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, e)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, n+1, err)
	}
	return out, nil
}

// ParseLine reads one line. ok is false for a blank or comment line.
func ParseLine(line, file string, n int) (e Entry, ok bool, err error) {
	fail := func(format string, args ...any) (Entry, bool, error) {
		return Entry{}, false, fmt.Errorf("%s:%d: %s", file, n, fmt.Sprintf(format, args...))
	}
	if n == 1 {
		line = strings.TrimPrefix(line, "\uFEFF")
	}
	trimmed := strings.TrimSpace(line)
	if trimmed == "" || trimmed[0] == '#' {
		return Entry{}, false, nil
	}
	eq := strings.IndexByte(trimmed, '=')
	hash := strings.IndexByte(trimmed, '#')
	if eq < 0 || (hash >= 0 && hash < eq) {
		return fail("missing \"=\" between the names and the code")
	}
	e = Entry{File: file, Line: n}
	for name := range strings.SplitSeq(trimmed[:eq], ";") {
		name = strings.TrimSpace(name)
		if name == "" {
			return fail("empty name")
		}
		e.Names = append(e.Names, name)
	}
	rest := trimmed[eq+1:]
	fields, err := splitFields(rest)
	if err != nil {
		return fail("%v", err)
	}
	if len(fields) == 0 || strings.Contains(fields[0], "=") {
		return fail("missing the code after \"=\"")
	}
	e.Code = fields[0]
	for _, f := range fields[1:] {
		k, v, found := strings.Cut(f, "=")
		if !found || k == "" {
			return fail("attribute %q: want key=value", f)
		}
		if e.Attrs == nil {
			e.Attrs = make(map[string]string)
		}
		if _, dup := e.Attrs[k]; dup {
			return fail("attribute %q given twice", k)
		}
		e.Attrs[k] = v
	}
	return e, true, nil
}

// splitFields splits at white space, honouring double quotes (which are
// removed, with \" and \\ unescaped) and stopping at an unquoted "#".
func splitFields(s string) ([]string, error) {
	var out []string
	var b strings.Builder
	in, quoted, had := false, false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quoted && c == '\\' && i+1 < len(s) && (s[i+1] == '"' || s[i+1] == '\\'):
			b.WriteByte(s[i+1])
			i++
		case c == '"':
			quoted = !quoted
			in, had = true, true
		case quoted:
			b.WriteByte(c)
		case c == '#':
			i = len(s)
		case c == ' ' || c == '\t':
			if in {
				out = append(out, b.String())
				b.Reset()
				in, had = false, false
			}
		default:
			b.WriteByte(c)
			in = true
		}
	}
	if quoted {
		return nil, fmt.Errorf("unterminated quote")
	}
	if in || had {
		out = append(out, b.String())
	}
	return out, nil
}
