package sqlite

import (
	"database/sql/driver"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"modernc.org/sqlite"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/store"
)

// where collects the conditions and arguments of a query.
type where struct {
	conds []string
	args  []any
}

// add appends a condition with its arguments.
func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

// String returns " WHERE a AND b", or "" without conditions.
func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// dateRange adds since/until (inclusive) on an integer yyyymmdd column. A
// bound excludes records whose date is unknown (0).
func (w *where) dateRange(col string, since, until domain.Date) {
	if !since.IsZero() {
		w.add(col+" >= ?", dateKey(since))
	}
	if !until.IsZero() {
		w.add(col+" <= ?", dateKey(until))
		if since.IsZero() {
			w.add(col + " > 0")
		}
	}
}

// prefix adds a prefix match on col as a range, which an index on col can
// answer (LIKE cannot, being case-insensitive).
func (w *where) prefix(col, p string) {
	if end, ok := prefixEnd(p); ok {
		w.add(col+" >= ? AND "+col+" < ?", p, end)
	} else {
		w.add(col+" >= ?", p)
	}
}

// prefixEnd returns the least string greater than every string that starts
// with p, and false when there is none (p is all 0xff bytes).
func prefixEnd(p string) (string, bool) {
	b := []byte(p)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < 0xff {
			b[i]++
			return string(b[:i+1]), true
		}
	}
	return "", false
}

// place adds a place filter over a record's place columns (named
// prefix_key, prefix_name): a GeoNames id when v is all digits, else a
// region id or the place's name, ignoring case.
func (w *where) place(prefix, v string) {
	if isDigits(v) {
		w.add(prefix+"_key = ?", "g"+v)
		return
	}
	w.add("("+prefix+"_key = ? OR "+prefix+"_name = ?)", "r"+v, foldName(v))
}

// words adds a match of all the words of q in the JSON string at path in
// col (the record's sentence).
func (w *where) words(col, path, q string) {
	if len(splitWords(q)) == 0 {
		return
	}
	w.add("truce_words(json_extract("+col+", '"+path+"'), ?)", q)
}

// keyset continues a (date DESC, id DESC) listing after the cursor's row.
func (w *where) keyset(dateCol, idCol string, c *cursor) {
	if c != nil {
		w.add("("+dateCol+", "+idCol+") < (?, ?)", c.Key, c.ID)
	}
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// foldName folds a place name for matching that ignores case.
func foldName(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// dateKey is a Date as the integer yyyymmdd the schema stores, 0 when
// unknown.
func dateKey(d domain.Date) int {
	if d.IsZero() {
		return 0
	}
	return d.Year*10000 + int(d.Month)*100 + d.Day
}

// keyDate is the inverse of dateKey.
func keyDate(k int) domain.Date {
	if k == 0 {
		return domain.Date{}
	}
	return domain.Date{Year: k / 10000, Month: time.Month(k / 100 % 100), Day: k % 100}
}

// placeCols returns the place columns of a record: key, folded name,
// country; all NULL without a place.
func placeCols(p *domain.Place) (key, name, country any) {
	if p == nil {
		return nil, nil, nil
	}
	return p.Key(), foldName(p.Name), string(p.Country)
}

// cursor is what an opaque store.Cursor holds: the kind of listing and the
// sort key and id of the last row of a page.
type cursor struct {
	Kind string `json:"k"`
	Key  int64  `json:"d"`
	ID   string `json:"i"`
}

// encode returns the cursor as a store.Cursor: base64 of its JSON.
func (c cursor) encode() store.Cursor {
	b, _ := json.Marshal(c)
	return store.Cursor(base64.RawURLEncoding.EncodeToString(b))
}

// decodeCursor reads the cursor of a listing of kind; nil for the empty
// cursor. A cursor that is malformed or from another listing is EINVALID.
func decodeCursor(kind string, s store.Cursor) (*cursor, error) {
	if s == "" {
		return nil, nil
	}
	bad := domain.Errorf(domain.EINVALID, "cursor %q: not a cursor of this %s listing", string(s), kind)
	b, err := base64.RawURLEncoding.DecodeString(string(s))
	if err != nil {
		return nil, bad
	}
	var c cursor
	if err := json.Unmarshal(b, &c); err != nil || c.Kind != kind || c.ID == "" {
		return nil, bad
	}
	return &c, nil
}

// pageLimit returns the number of rows a page holds.
func pageLimit(p store.Page) (int, error) {
	switch {
	case p.Limit < 0:
		return 0, domain.Errorf(domain.EINVALID, "limit %d: want 0 or more", p.Limit)
	case p.Limit == 0:
		return store.DefaultLimit, nil
	case p.Limit > store.MaxLimit:
		return store.MaxLimit, nil
	}
	return p.Limit, nil
}

// splitWords folds text into its words: runs of letters and digits, lower
// case.
func splitWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// hasWords reports whether every word of q is a word of text, ignoring
// case: "fire" is not in "ceasefire".
func hasWords(text, q string) bool {
	want := splitWords(q)
	if len(want) == 0 {
		return true
	}
	have := make(map[string]struct{}, 32)
	for _, w := range splitWords(text) {
		have[w] = struct{}{}
	}
	for _, w := range want {
		if _, ok := have[w]; !ok {
			return false
		}
	}
	return true
}

func init() {
	// truce_words(text, q) is hasWords in SQL, for the "words in the
	// sentence" filters; SQLite's LIKE would match inside words.
	sqlite.MustRegisterDeterministicScalarFunction("truce_words", 2,
		func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
			text, _ := args[0].(string)
			q, _ := args[1].(string)
			if b, ok := args[0].([]byte); ok && utf8.Valid(b) {
				text = string(b)
			}
			if hasWords(text, q) {
				return int64(1), nil
			}
			return int64(0), nil
		})
}

// itoa is strconv.Itoa, short for building SQL.
func itoa(n int) string { return strconv.Itoa(n) }

// errf wraps err with where it happened.
func errf(format string, args ...any) error { return fmt.Errorf("sqlite: "+format, args...) }
