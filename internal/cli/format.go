package cli

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"golang.org/x/term"
)

// isTerminal reports whether w is a terminal (a table by default, and a
// progress bar for long ingests). golang.org/x/term answers it portably;
// the standard library has no such test.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// table is a kind of record as rows: a header and a function from a
// record to its cells, shared by the table and CSV formats.
type table[T any] struct {
	header []string
	row    func(T) []string
	// feature, where set, gives a record as a GeoJSON feature (false: it
	// has no point) and allows --format geojson.
	feature func(T) (any, bool)
}

// recordWriter writes records in one format: table (aligned columns),
// jsonl (one JSON object a line), or csv.
type recordWriter[T any] struct {
	format string
	t      table[T]
	w      io.Writer
	tw     *tabwriter.Writer
	cw     *csv.Writer
	enc    *json.Encoder
	n      int
}

func newRecordWriter[T any](w io.Writer, format string, t table[T]) (*recordWriter[T], error) {
	if format == "" {
		format = "jsonl"
		if isTerminal(w) {
			format = "table"
		}
	}
	rw := &recordWriter[T]{format: format, t: t, w: w}
	switch format {
	case "table":
		rw.tw = tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	case "csv":
		rw.cw = csv.NewWriter(w)
	case "jsonl", "json":
		rw.format = "jsonl"
		rw.enc = json.NewEncoder(w)
		rw.enc.SetEscapeHTML(false)
	case "geojson":
		if t.feature == nil {
			return nil, usagef("unknown --format %q (want table, jsonl or csv)", format)
		}
		rw.enc = json.NewEncoder(w)
		rw.enc.SetEscapeHTML(false)
	default:
		allowed := "table, jsonl, csv"
		if t.feature != nil {
			allowed += ", geojson"
		}
		return nil, usagef("unknown --format %q (want %s)", format, allowed)
	}
	return rw, nil
}

func (rw *recordWriter[T]) write(r T) error {
	switch rw.format {
	case "table":
		if rw.n == 0 {
			fmt.Fprintln(rw.tw, strings.Join(rw.t.header, "\t"))
		}
		cells := rw.t.row(r)
		for i, c := range cells {
			cells[i] = cell(c)
		}
		fmt.Fprintln(rw.tw, strings.Join(cells, "\t"))
	case "csv":
		if rw.n == 0 {
			if err := rw.cw.Write(rw.t.header); err != nil {
				return err
			}
		}
		if err := rw.cw.Write(rw.t.row(r)); err != nil {
			return err
		}
	case "jsonl":
		if err := rw.enc.Encode(r); err != nil {
			return err
		}
	case "geojson":
		ft, ok := rw.t.feature(r)
		if !ok {
			return nil // no point: a map cannot show it
		}
		sep := ",\n"
		if rw.n == 0 {
			sep = `{"type":"FeatureCollection","features":[` + "\n"
		}
		if _, err := io.WriteString(rw.w, sep); err != nil {
			return err
		}
		b, err := json.Marshal(ft)
		if err != nil {
			return err
		}
		if _, err := rw.w.Write(b); err != nil {
			return err
		}
	}
	rw.n++
	return nil
}

func (rw *recordWriter[T]) close() error {
	switch rw.format {
	case "table":
		if rw.n == 0 {
			fmt.Fprintln(rw.w, "(none)")
		}
		return rw.tw.Flush()
	case "csv":
		if rw.n == 0 {
			if err := rw.cw.Write(rw.t.header); err != nil {
				return err
			}
		}
		rw.cw.Flush()
		return rw.cw.Error()
	case "geojson":
		end := "\n]}\n"
		if rw.n == 0 {
			end = `{"type":"FeatureCollection","features":[]}` + "\n"
		}
		_, err := io.WriteString(rw.w, end)
		return err
	}
	return nil
}

// cell shortens a value for an aligned table: one line, at most 60
// characters.
func cell(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 60 {
		s = string(r[:59]) + "…"
	}
	if s == "" {
		s = "-"
	}
	return s
}
