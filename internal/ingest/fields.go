package ingest

import (
	"fmt"
	"slices"
	"strings"
)

// Article fields that JSON fields and table columns map to.
const (
	fieldText   = "text"
	fieldTitle  = "title"
	fieldDate   = "date"
	fieldURL    = "url"
	fieldSource = "source"
	fieldID     = "id"
	fieldByline = "byline"
)

// numFields is len(fieldOrder).
const numFields = 7

// fieldOrder is the order of the fields in values and messages.
var fieldOrder = []string{fieldText, fieldTitle, fieldDate, fieldURL, fieldSource, fieldID, fieldByline}

// fieldNames lists, for each field, the names (lower case) a JSON object
// or a table header may give it, the first present winning.
var fieldNames = map[string][]string{
	fieldText:   {"text", "body", "notes", "content"},
	fieldTitle:  {"title"},
	fieldDate:   {"date", "event_date", "published", "published_at"},
	fieldURL:    {"url", "link"},
	fieldSource: {"source", "outlet"},
	fieldID:     {"id"},
	fieldByline: {"byline", "author"},
}

func isTextColumn(name string) bool {
	return slices.Contains(fieldNames[fieldText], strings.ToLower(strings.TrimSpace(name)))
}

// fieldMap resolves names (a header row, an object's keys) to fields: for
// each field, the index in names of the name it is read from, or -1.
type fieldMap [numFields]int

// mapFields maps names to fields, with overrides (field → name) from
// Options.Columns taking the place of the defaults.
func mapFields(names []string, overrides map[string]string) fieldMap {
	lower := make([]string, len(names))
	for j, n := range names {
		lower[j] = strings.ToLower(strings.TrimSpace(n))
	}
	var m fieldMap
	for i, f := range fieldOrder {
		m[i] = -1
		want := fieldNames[f]
		if o, ok := overrides[f]; ok {
			want = []string{strings.ToLower(strings.TrimSpace(o))}
		}
		best := len(want)
		for j, n := range lower {
			k := slices.Index(want, n)
			if k >= 0 && k < best {
				best, m[i] = k, j
			}
		}
	}
	return m
}

// checkColumns validates Options.Columns.
func checkColumns(cols map[string]string) error {
	for f, name := range cols {
		if _, ok := fieldNames[f]; !ok {
			return fmt.Errorf("column mapping %s=%s: no field %q (want one of %s)", f, name, f, strings.Join(fieldOrder, ", "))
		}
		if strings.TrimSpace(name) == "" {
			return fmt.Errorf("column mapping %s=: no column name", f)
		}
	}
	return nil
}

// wantText says which names a text field is read from, for errors.
func wantText(overrides map[string]string) string {
	if o, ok := overrides[fieldText]; ok {
		return fmt.Sprintf("%q (from the column mapping)", o)
	}
	return strings.Join(fieldNames[fieldText], ", ")
}
