package domain

import (
	"encoding/json"
	"fmt"
)

// Span is a byte range [Start, End) into an article's stored text. Every
// annotation points into the text with a span; the text is stored once.
type Span struct {
	Start, End int
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// IsZero reports whether the span is empty at offset 0 (no span).
func (s Span) IsZero() bool { return s == Span{} }

// Contains reports whether t lies within s.
func (s Span) Contains(t Span) bool { return s.Start <= t.Start && t.End <= s.End }

// Overlaps reports whether s and t share at least one byte.
func (s Span) Overlaps(t Span) bool { return s.Start < t.End && t.Start < s.End }

// Of returns the text the span covers, or "" when it lies outside text.
func (s Span) Of(text string) string {
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		return ""
	}
	return text[s.Start:s.End]
}

// MarshalJSON writes the span as [start, end].
func (s Span) MarshalJSON() ([]byte, error) {
	return appendSpan(nil, s), nil
}

// UnmarshalJSON reads [start, end].
func (s *Span) UnmarshalJSON(b []byte) error {
	var v [2]int
	if err := json.Unmarshal(b, &v); err != nil {
		return fmt.Errorf("span %s: want [start,end]", b)
	}
	s.Start, s.End = v[0], v[1]
	return nil
}
