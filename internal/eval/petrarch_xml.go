package eval

import (
	"fmt"
	"html"
	"strings"
)

// readPETRARCHXML reads the original PETRARCH2 validation file. It is not
// well-formed XML: a record opens with a <Sentence .../> tag that closes
// itself and is followed by its <EventCoding/> tags, its <Text> and its
// <Parse> and then a </Sentence>; free text with "<" in it sits between
// elements. So it is read tag by tag, the way a person reads it:
//
//   - <Sentence id=… date=… evaluate=…> starts a record (ending any open
//     one), whether or not it closes itself; </Sentence>, </Sentences>,
//     </Validation> and the end of the file end it;
//   - <EventCoding eventcode=… sourcecode=… targetcode=…/> adds an event,
//     <EventCoding noevents="True"/> marks a sentence without events;
//   - <Text>…</Text> is the sentence, entities decoded and white space
//     collapsed (as the JSON lines version has it);
//   - <Parse>…</Parse>, comments, processing instructions and every other
//     tag are skipped, as is anything outside a record;
//   - everything before <Sentences>, where the file has one, is skipped:
//     the header's free text names tags ("<EventCoding...>").
//
// Records with evaluate="false" are left out, as PETRARCH's validation
// script leaves them out.
func readPETRARCHXML(data []byte, name string) ([]PETRARCHRecord, error) {
	x := &xmlReader{s: string(data), name: name, line: 1}
	return x.read()
}

type xmlReader struct {
	s    string
	name string
	// line is the line at byte linePos; lineOf advances them.
	line, linePos int

	out  []PETRARCHRecord
	cur  *PETRARCHRecord
	skip bool // the current record has evaluate="false"
	text bool // the current record has had its <Text>
}

func (x *xmlReader) lineOf(pos int) int {
	if pos < x.linePos {
		x.line, x.linePos = 1, 0
	}
	x.line += strings.Count(x.s[x.linePos:pos], "\n")
	x.linePos = pos
	return x.line
}

func (x *xmlReader) errorf(pos int, format string, args ...any) error {
	return inputError(x.name, x.lineOf(pos), format, args...)
}

// finish ends the current record, if any.
func (x *xmlReader) finish() error {
	cur := x.cur
	if cur == nil {
		return nil
	}
	x.cur = nil
	if x.skip {
		return nil
	}
	x.out = append(x.out, *cur)
	return nil
}

func (x *xmlReader) read() ([]PETRARCHRecord, error) {
	s := x.s
	pos := 0
	if i := sentencesTag(s); i >= 0 {
		pos = i
	}
	for {
		i := strings.IndexByte(s[pos:], '<')
		if i < 0 {
			break
		}
		at := pos + i
		rest := s[at:]
		if skip, end := specialEnd(rest); skip != "" {
			if end < 0 {
				return nil, x.errorf(at, "unterminated %s", skip)
			}
			pos = at + end
			continue
		}
		j := at + 1
		closing := j < len(s) && s[j] == '/'
		if closing {
			j++
		}
		k := j
		for k < len(s) && isNameByte(s[k]) {
			k++
		}
		tag := strings.ToLower(s[j:k])
		if tag == "" {
			pos = at + 1 // a "<" in free text
			continue
		}
		end := tagEnd(s, k)
		if end < 0 {
			if x.cur != nil {
				return nil, x.errorf(at, "unterminated <%s> tag", s[j:k])
			}
			break
		}
		body := s[k:end]
		pos = end + 1
		if closing {
			switch tag {
			case "sentence", "sentences", "validation":
				if err := x.finish(); err != nil {
					return nil, err
				}
			}
			continue
		}
		switch tag {
		case "sentence":
			if err := x.finish(); err != nil {
				return nil, err
			}
			attrs, err := parseAttrs(body)
			if err != nil {
				return nil, x.errorf(at, "<Sentence>: %v", err)
			}
			id := strings.TrimSpace(attrs["id"])
			if id == "" {
				return nil, x.errorf(at, "<Sentence> without an id")
			}
			x.cur = &PETRARCHRecord{ID: id, Line: x.lineOf(at), Date: strings.TrimSpace(attrs["date"])}
			x.skip = strings.EqualFold(strings.TrimSpace(attrs["evaluate"]), "false")
			x.text = false
		case "eventcoding":
			if x.cur == nil {
				continue // the file's header names the tag in its free text
			}
			attrs, err := parseAttrs(body)
			if err != nil {
				return nil, x.errorf(at, "<EventCoding>: %v", err)
			}
			if truthy(attrs["noevents"]) {
				x.cur.NoEvents = true
				continue
			}
			ev := PETRARCHEvent{
				Source: strings.TrimSpace(attrs["sourcecode"]),
				Target: strings.TrimSpace(attrs["targetcode"]),
				Code:   strings.TrimSpace(attrs["eventcode"]),
			}
			if ev.Code == "" {
				return nil, x.errorf(at, "<EventCoding> without an eventcode (sentence %s)", x.cur.ID)
			}
			x.cur.Events = append(x.cur.Events, ev)
		case "text", "parse":
			if strings.HasSuffix(strings.TrimSpace(body), "/") {
				continue // <Text/>: empty
			}
			closeTag := "</" + s[j:k] + ">"
			n := strings.Index(s[pos:], closeTag)
			if n < 0 {
				return nil, x.errorf(at, "unterminated <%s>", s[j:k])
			}
			content := s[pos : pos+n]
			pos += n + len(closeTag)
			if tag == "parse" || x.cur == nil {
				continue
			}
			if x.text {
				return nil, x.errorf(at, "sentence %s has a second <Text>", x.cur.ID)
			}
			x.cur.Text = collapse(html.UnescapeString(content))
			x.text = true
		}
	}
	if err := x.finish(); err != nil {
		return nil, err
	}
	return x.out, nil
}

// sentencesTag returns the offset of the <Sentences> tag, or -1.
func sentencesTag(s string) int {
	const open = "<Sentences"
	for off := 0; ; {
		i := strings.Index(s[off:], open)
		if i < 0 {
			return -1
		}
		at := off + i
		if end := at + len(open); end < len(s) && (s[end] == '>' || s[end] == ' ' || s[end] == '\t' || s[end] == '\r' || s[end] == '\n') {
			return at
		}
		off = at + len(open)
	}
}

// specialEnd recognises markup that is not a tag at the start of rest
// (comments, CDATA, processing instructions, declarations) and returns
// what it is and the offset just past its end, -1 when unterminated.
func specialEnd(rest string) (string, int) {
	for _, m := range []struct{ open, close, what string }{
		{"<!--", "-->", "comment"},
		{"<![CDATA[", "]]>", "CDATA section"},
		{"<?", "?>", "processing instruction"},
		{"<!", ">", "declaration"},
	} {
		if strings.HasPrefix(rest, m.open) {
			n := strings.Index(rest[len(m.open):], m.close)
			if n < 0 {
				return m.what, -1
			}
			return m.what, len(m.open) + n + len(m.close)
		}
	}
	return "", 0
}

// tagEnd returns the offset of the ">" that ends a tag whose attributes
// start at k, skipping quoted values; -1 when there is none. A quote left
// open at the end of the line (a "<" and a quote in free text) falls back
// on the first ">".
func tagEnd(s string, k int) int {
	var quote byte
scan:
	for i := k; i < len(s); i++ {
		switch c := s[i]; {
		case quote != 0:
			if c == '\n' {
				break scan
			}
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i
		}
	}
	if n := strings.IndexByte(s[k:], '>'); n >= 0 {
		return k + n
	}
	return -1
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '_' || c == '-' || c == ':' || c == '.'
}

// parseAttrs reads a tag's attributes (key="value", key='value', key=value
// or a bare key) into a map with lower-case keys and decoded values.
func parseAttrs(s string) (map[string]string, error) {
	const space = " \t\r\n"
	s = strings.TrimSpace(s)
	s = strings.TrimSpace(strings.TrimSuffix(s, "/"))
	m := map[string]string{}
	for s != "" {
		i := 0
		for i < len(s) && isNameByte(s[i]) {
			i++
		}
		if i == 0 {
			return nil, fmt.Errorf("unexpected %q in the attributes", s[:1])
		}
		key := strings.ToLower(s[:i])
		s = strings.TrimLeft(s[i:], space)
		if !strings.HasPrefix(s, "=") {
			m[key] = ""
			continue
		}
		s = strings.TrimLeft(s[1:], space)
		var val string
		if s != "" && (s[0] == '"' || s[0] == '\'') {
			n := strings.IndexByte(s[1:], s[0])
			if n < 0 {
				return nil, fmt.Errorf("attribute %s: unterminated quote", key)
			}
			val, s = s[1:1+n], s[2+n:]
		} else {
			n := strings.IndexAny(s, space)
			if n < 0 {
				n = len(s)
			}
			val, s = s[:n], s[n:]
		}
		m[key] = html.UnescapeString(val)
		s = strings.TrimLeft(s, space)
	}
	return m, nil
}

func truthy(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "true", "1", "yes":
		return true
	}
	return false
}
