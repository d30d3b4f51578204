package domain

import (
	"encoding/json"
	"strconv"
)

// NullString is a string that is null in JSON when empty. Record fields
// whose value may be unknown (a country for an international organisation,
// an admin-1 region, a condition) use it so that unknown is written as null
// and never as an invented value or an empty string.
type NullString string

// MarshalJSON writes null for the empty string.
func (s NullString) MarshalJSON() ([]byte, error) {
	return appendNullString(nil, s), nil
}

// UnmarshalJSON reads null as the empty string.
func (s *NullString) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*s = ""
		return nil
	}
	var v string
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*s = NullString(v)
	return nil
}

// Int returns a pointer to n: a shorthand for optional counts.
func Int(n int) *int { return &n }

// FormatCount renders an optional count for tables and CSV: the number, or
// the empty string when unknown.
func FormatCount(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}

// NullInt is an identifier that is null in JSON when 0 (a GeoNames id:
// regions and countries have none here).
type NullInt int

// MarshalJSON writes null for 0.
func (n NullInt) MarshalJSON() ([]byte, error) {
	if n == 0 {
		return []byte("null"), nil
	}
	return strconv.AppendInt(nil, int64(n), 10), nil
}

// UnmarshalJSON reads null as 0.
func (n *NullInt) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*n = 0
		return nil
	}
	var v int
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*n = NullInt(v)
	return nil
}
