package ingest

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/truce/truce/internal/domain"
)

// readCSV reads a table with a header row, one article a row. sep is ','
// for CSV (';' is taken instead when the header has semicolons and no
// commas, as spreadsheets in many locales write) or '\t' for TSV.
func (e *emitter) readCSV(r io.Reader, sep rune) error {
	br := bufio.NewReaderSize(r, 64<<10)
	if sep == ',' {
		head, _ := br.Peek(sniffSize)
		first, _, _ := bytes.Cut(head, []byte("\n"))
		if !bytes.ContainsRune(first, ',') && bytes.ContainsRune(first, ';') {
			sep = ';'
		}
	}
	cr := csv.NewReader(br)
	cr.Comma = sep
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	// TSV files are seldom quoted with care; a quote inside a field is
	// just a quote.
	cr.LazyQuotes = sep == '\t'
	header, err := cr.Read()
	if err != nil {
		if err == io.EOF {
			return errNoText
		}
		return invalid("header row: %v", csvReason(err))
	}
	header = append([]string(nil), header...)
	for _, h := range header {
		if !utf8.ValidString(h) {
			return &InputError{Input: e.name, Line: 1, Err: errNotUTF8}
		}
	}
	fm := mapFields(header, e.opt.Columns)
	if fm[0] < 0 {
		return &InputError{Input: e.name, Line: 1, Err: invalid("no text column (want one of %s; found %s)",
			wantText(e.opt.Columns), columnList(header))}
	}
	for o, name := range e.opt.Columns {
		for i, f := range fieldOrder {
			if f == o && fm[i] < 0 {
				return &InputError{Input: e.name, Line: 1, Err: invalid("no column %q (found %s)", name, columnList(header))}
			}
		}
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if pe, ok := errors.AsType[*csv.ParseError](err); ok {
			if !e.fail(pe.StartLine, "", invalid("%v", csvReason(pe))) {
				return nil
			}
			continue
		}
		if err != nil {
			return err
		}
		line, _ := cr.FieldPos(0)
		var vals [numFields]string
		bad := false
		for i, j := range fm {
			if j >= 0 && j < len(rec) {
				vals[i] = rec[j]
				bad = bad || !utf8.ValidString(rec[j])
			}
		}
		if bad {
			if !e.fail(line, "", errNotUTF8) {
				return nil
			}
			continue
		}
		a := &domain.Article{
			Text: vals[0], Title: vals[1], DateText: vals[2], URL: vals[3],
			Source: vals[4], ID: vals[5], Byline: vals[6],
		}
		if !e.add(a, line, "", time.Time{}) {
			return nil
		}
	}
}

// columnList names a header's columns for a message, quoting the odd
// ones so the message stays one line.
func columnList(header []string) string {
	names := make([]string, len(header))
	for i, h := range header {
		names[i] = h
		if strings.ContainsFunc(h, func(r rune) bool { return r < ' ' || r == ',' || r == '"' }) || h == "" {
			names[i] = strconv.Quote(h)
		}
	}
	return strings.Join(names, ", ")
}

// csvReason words a CSV error without its position, which the message
// names already.
func csvReason(err error) string {
	if pe, ok := errors.AsType[*csv.ParseError](err); ok {
		return pe.Err.Error()
	}
	return err.Error()
}
