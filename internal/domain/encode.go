package domain

import (
	"encoding/json"
	"math"
	"strconv"
	"unicode/utf8"
)

// The records `truce code` writes by the hundred thousand (events, claims,
// commitments, contradictions) are written by hand here rather than by
// encoding/json's reflection, which, with the compaction it applies to
// each nested MarshalJSON, took a seventh of the command's time. The
// bytes are encoding/json's own: TestRecordJSON compares every field of
// every record of the coding corpus, and odd values, with it.

// appendString appends s as a JSON string, escaped as encoding/json
// escapes it (HTML's <, > and &, control bytes, U+2028 and U+2029, and
// invalid UTF-8 as U+FFFD).
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendFloat appends f as encoding/json writes a float64, or reports
// that JSON has no such number.
func appendFloat(b []byte, f float64) ([]byte, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		_, err := json.Marshal(f)
		return b, err
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if n := len(b); format == 'e' && n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
		// 1e-07 is written 1e-7.
		b[n-2] = b[n-1]
		b = b[:n-1]
	}
	return b, nil
}

func appendNullString(b []byte, s NullString) []byte {
	if s == "" {
		return append(b, "null"...)
	}
	return appendString(b, string(s))
}

func appendInt(b []byte, n int) []byte { return strconv.AppendInt(b, int64(n), 10) }

func appendIntPtr(b []byte, n *int) []byte {
	if n == nil {
		return append(b, "null"...)
	}
	return appendInt(b, *n)
}

func appendSpan(b []byte, s Span) []byte {
	b = append(b, '[')
	b = appendInt(b, s.Start)
	b = append(b, ',')
	b = appendInt(b, s.End)
	return append(b, ']')
}

// appendDate appends the date as its MarshalJSON writes it.
func appendDate(b []byte, d Date) []byte {
	switch {
	case d.IsZero():
		return append(b, "null"...)
	case d.Year < 0 || d.Year > 9999 || d.Month < 0 || d.Month > 99 || d.Day < 0 || d.Day > 99:
		return appendString(b, d.String())
	}
	b = append(b, '"', byte('0'+d.Year/1000), byte('0'+d.Year/100%10), byte('0'+d.Year/10%10), byte('0'+d.Year%10), '-',
		byte('0'+d.Month/10), byte('0'+d.Month%10), '-', byte('0'+d.Day/10), byte('0'+d.Day%10), '"')
	return b
}

// appendStrings appends a list of strings; a nil list is null, as
// encoding/json writes it, unless empty says to write [].
func appendStrings(b []byte, ss []string, empty bool) []byte {
	if ss == nil && !empty {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, s)
	}
	return append(b, ']')
}

func appendActor(b []byte, a *Actor) []byte {
	b = append(b, `{"text":`...)
	b = appendString(b, a.Text)
	b = append(b, `,"span":`...)
	b = appendSpan(b, a.Span)
	b = append(b, `,"code":`...)
	b = appendNullString(b, a.Code)
	b = append(b, `,"country":`...)
	b = appendNullString(b, a.Country)
	b = append(b, `,"sector":`...)
	b = appendNullString(b, a.Sector)
	b = append(b, `,"name":`...)
	b = appendNullString(b, a.Name)
	b = append(b, `,"person":`...)
	b = appendNullString(b, a.Person)
	b = append(b, `,"role":`...)
	b = appendNullString(b, a.Role)
	b = append(b, `,"entry":`...)
	b = appendNullString(b, a.Entry)
	return append(b, '}')
}

func appendActorPtr(b []byte, a *Actor) []byte {
	if a == nil {
		return append(b, "null"...)
	}
	return appendActor(b, a)
}

// appendActors appends a list of actors, [] when there are none.
func appendActors(b []byte, as []Actor) []byte {
	b = append(b, '[')
	for i := range as {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendActor(b, &as[i])
	}
	return append(b, ']')
}

// appendPlace appends the place as its MarshalJSON writes it: text and
// span null when no words named it, and no point or precision for a place
// known by name only.
func appendPlace(b []byte, p *Place) ([]byte, error) {
	if p == nil {
		return append(b, "null"...), nil
	}
	named := p.Text != ""
	b = append(b, `{"text":`...)
	if named {
		b = appendString(b, p.Text)
		b = append(b, `,"span":`...)
		b = appendSpan(b, p.Span)
	} else {
		b = append(b, `null,"span":null`...)
	}
	if p.Precision == "" {
		b = append(b, `,"lat":null,"lon":null,"precision":null`...)
	}
	b = append(b, `,"name":`...)
	b = appendString(b, p.Name)
	b = append(b, `,"geonameid":`...)
	if p.GeonameID == 0 {
		b = append(b, "null"...)
	} else {
		b = appendInt(b, int(p.GeonameID))
	}
	b = append(b, `,"region":`...)
	b = appendNullString(b, p.Region)
	b = append(b, `,"country":`...)
	b = appendNullString(b, p.Country)
	b = append(b, `,"admin1":`...)
	b = appendNullString(b, p.Admin1)
	if p.Precision != "" {
		var err error
		b = append(b, `,"lat":`...)
		if b, err = appendFloat(b, p.Lat); err != nil {
			return b, err
		}
		b = append(b, `,"lon":`...)
		if b, err = appendFloat(b, p.Lon); err != nil {
			return b, err
		}
		b = append(b, `,"precision":`...)
		b = appendString(b, p.Precision)
	}
	return append(b, '}'), nil
}

func appendCount(b []byte, c Count) []byte {
	b = append(b, `{"best":`...)
	b = appendIntPtr(b, c.Best)
	b = append(b, `,"low":`...)
	b = appendIntPtr(b, c.Low)
	b = append(b, `,"high":`...)
	b = appendIntPtr(b, c.High)
	return append(b, '}')
}

// appendOpening appends a record's opening: its kind and id (in open),
// article and date.
func appendOpening(b []byte, open, id, articleID string, date Date) []byte {
	b = append(b, open...)
	b = appendString(b, id)
	b = append(b, `,"article_id":`...)
	b = appendString(b, articleID)
	b = append(b, `,"date":`...)
	return appendDate(b, date)
}

// appendSentence appends the sentence a record was coded from, its index
// and its span.
func appendSentence(b []byte, sentence string, index int, span Span) []byte {
	b = append(b, `,"sentence":`...)
	b = appendString(b, sentence)
	b = append(b, `,"sentence_index":`...)
	b = appendInt(b, index)
	b = append(b, `,"span":`...)
	return appendSpan(b, span)
}

// appendClosing appends the provenance that closes a claim or a
// commitment, and the closing brace.
func appendClosing(b []byte, eventID NullString, rule, coderVersion string) []byte {
	b = append(b, `,"event_id":`...)
	b = appendNullString(b, eventID)
	b = append(b, `,"rule":`...)
	b = appendString(b, rule)
	b = append(b, `,"coder_version":`...)
	b = appendString(b, coderVersion)
	return append(b, '}')
}

// appendEvent appends the event as its MarshalJSON writes it.
func appendEvent(b []byte, e *Event) ([]byte, error) {
	var err error
	b = appendOpening(b, `{"kind":"event","id":`, e.ID, e.ArticleID, e.Date)
	b = append(b, `,"date_text":`...)
	b = appendNullString(b, e.DateText)
	b = append(b, `,"date_precision":`...)
	b = appendNullString(b, e.DatePrecision)
	b = appendSentence(b, e.Sentence, e.SentenceIndex, e.Span)
	b = append(b, `,"trigger":`...)
	b = appendString(b, e.Trigger)
	b = append(b, `,"trigger_span":`...)
	b = appendSpan(b, e.TriggerSpan)
	b = append(b, `,"source":`...)
	b = appendActors(b, e.Source)
	b = append(b, `,"target":`...)
	b = appendActors(b, e.Target)
	b = append(b, `,"cameo":`...)
	b = appendString(b, e.CAMEO)
	b = append(b, `,"quad_class":`...)
	b = appendInt(b, e.QuadClass)
	b = append(b, `,"goldstein":`...)
	if b, err = appendFloat(b, e.Goldstein); err != nil {
		return b, err
	}
	b = append(b, `,"plover":{"type":`...)
	b = appendString(b, e.PLOVER.Type)
	b = append(b, `,"mode":`...)
	b = appendNullString(b, e.PLOVER.Mode)
	b = append(b, `,"context":`...)
	b = appendStrings(b, e.PLOVER.Context, true)
	b = append(b, `},"acled":`...)
	if e.ACLED == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, `{"event_type":`...)
		b = appendString(b, e.ACLED.EventType)
		b = append(b, `,"sub_event_type":`...)
		b = appendString(b, e.ACLED.SubEventType)
		b = append(b, '}')
	}
	b = append(b, `,"modality":`...)
	b = appendString(b, e.Modality)
	b = append(b, `,"place":`...)
	if b, err = appendPlace(b, e.Place); err != nil {
		return b, err
	}
	b = append(b, `,"fatalities":`...)
	b = appendCount(b, e.Fatalities)
	b = append(b, `,"injured":`...)
	b = appendCount(b, e.Injured)
	b = append(b, `,"arrested":`...)
	b = appendCount(b, e.Arrested)
	b = append(b, `,"size":`...)
	b = appendNullString(b, e.Size)
	b = append(b, `,"size_estimate":`...)
	b = appendIntPtr(b, e.SizeEstimate)
	b = append(b, `,"attributed_to":`...)
	b = appendActorPtr(b, e.AttributedTo)
	b = append(b, `,"issue":`...)
	b = appendNullString(b, e.Issue)
	b = append(b, `,"rule":`...)
	b = appendString(b, e.Rule)
	b = append(b, `,"confidence":`...)
	if b, err = appendFloat(b, e.Confidence); err != nil {
		return b, err
	}
	b = append(b, `,"coder_version":`...)
	b = appendString(b, e.CoderVersion)
	return append(b, '}'), nil
}

// appendClaim appends the claim as its MarshalJSON writes it.
func appendClaim(b []byte, c *Claim) ([]byte, error) {
	var err error
	b = appendOpening(b, `{"kind":"claim","id":`, c.ID, c.ArticleID, c.Date)
	b = appendSentence(b, c.Sentence, c.SentenceIndex, c.Span)
	b = append(b, `,"speaker":`...)
	b = appendActor(b, &c.Speaker)
	b = append(b, `,"verb":`...)
	b = appendString(b, c.Verb)
	b = append(b, `,"verb_span":`...)
	b = appendSpan(b, c.VerbSpan)
	b = append(b, `,"topic":`...)
	b = appendString(b, c.Topic)
	b = append(b, `,"polarity":`...)
	b = appendString(b, c.Polarity)
	b = append(b, `,"proposition":`...)
	b = appendString(b, c.Proposition)
	b = append(b, `,"proposition_span":`...)
	b = appendSpan(b, c.PropositionSpan)
	b = append(b, `,"place":`...)
	if b, err = appendPlace(b, c.Place); err != nil {
		return b, err
	}
	b = append(b, `,"about":`...)
	b = appendDate(b, c.About)
	b = append(b, `,"count":`...)
	b = appendIntPtr(b, c.Count)
	b = append(b, `,"count_kind":`...)
	b = appendNullString(b, c.CountKind)
	b = append(b, `,"actors":`...)
	b = appendActors(b, c.Actors)
	return appendClosing(b, c.EventID, c.Rule, c.CoderVersion), nil
}

// appendCommitment appends the commitment as its MarshalJSON writes it.
func appendCommitment(b []byte, c *Commitment) ([]byte, error) {
	var err error
	b = appendOpening(b, `{"kind":"commitment","id":`, c.ID, c.ArticleID, c.Date)
	b = appendSentence(b, c.Sentence, c.SentenceIndex, c.Span)
	b = append(b, `,"actor":`...)
	b = appendActor(b, &c.Actor)
	b = append(b, `,"beneficiary":`...)
	b = appendActorPtr(b, c.Beneficiary)
	b = append(b, `,"category":`...)
	b = appendString(b, c.Category)
	b = append(b, `,"action":`...)
	b = appendString(b, c.Action)
	b = append(b, `,"action_span":`...)
	b = appendSpan(b, c.ActionSpan)
	b = append(b, `,"condition":`...)
	b = appendNullString(b, c.Condition)
	b = append(b, `,"place":`...)
	if b, err = appendPlace(b, c.Place); err != nil {
		return b, err
	}
	b = append(b, `,"due":`...)
	b = appendDate(b, c.Due)
	b = append(b, `,"status":`...)
	b = appendString(b, c.Status)
	b = append(b, `,"evidence":[`...)
	for i := range c.Evidence {
		ev := &c.Evidence[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"record":`...)
		b = appendString(b, ev.Record)
		b = append(b, `,"article_id":`...)
		b = appendString(b, ev.ArticleID)
		b = append(b, `,"date":`...)
		b = appendDate(b, ev.Date)
		b = append(b, `,"status":`...)
		b = appendString(b, ev.Status)
		b = append(b, `,"note":`...)
		b = appendString(b, ev.Note)
		b = append(b, '}')
	}
	b = append(b, ']')
	return appendClosing(b, c.EventID, c.Rule, c.CoderVersion), nil
}

// appendContradiction appends the contradiction as its MarshalJSON writes
// it.
func appendContradiction(b []byte, c *Contradiction) ([]byte, error) {
	var err error
	b = append(b, `{"kind":"contradiction","id":`...)
	b = appendString(b, c.ID)
	b = append(b, `,"topic":`...)
	b = appendString(b, c.Topic)
	b = append(b, `,"place":`...)
	if b, err = appendPlace(b, c.Place); err != nil {
		return b, err
	}
	b = append(b, `,"date":`...)
	b = appendDate(b, c.Date)
	b = append(b, `,"claims":`...)
	b = appendStrings(b, c.Claims, false)
	b = append(b, `,"articles":`...)
	b = appendStrings(b, c.Articles, false)
	b = append(b, `,"reason":`...)
	b = appendString(b, c.Reason)
	b = append(b, `,"explanation":`...)
	b = appendString(b, c.Explanation)
	return append(b, '}'), nil
}
