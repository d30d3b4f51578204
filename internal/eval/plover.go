package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/truce/truce/internal/domain"
)

// PLOVERRecord is one gold sentence of the PLOVER GSR file.
type PLOVERRecord struct {
	ID string
	// Line is where the record starts in the file.
	Line int
	// Date is as the gold writes it (YYYY-MM-DD), "" when absent.
	Date    string
	Event   string // the PLOVER event type, upper case
	Mode    string
	Context string
	Text    string // "" when the record has none (Run skips it)
	Source  []PLOVERActor
	Target  []PLOVERActor
	// Location is the gold event location, nil when the record has none.
	Location *PLOVERLocation
}

// PLOVERActor is a gold actor: the words that name it, its code (ISO
// alpha-3, or IGO/NGO) and its sector.
type PLOVERActor struct {
	Text   string
	Code   string
	Sector string
}

// PLOVERLocation is a gold event location: its name as the sentence
// writes it and, for some records, an ISO alpha-2 country code.
type PLOVERLocation struct {
	Name    string
	Country string
}

// ploverDocument is the event type of records that document the file
// rather than code a sentence.
const ploverDocument = "DOCUMENT"

// ReadPLOVER reads the PLOVER GSR file: a JSON array of records with id,
// date, event, text, source and target actor lists ({actorText, code,
// sector}), mode, context and eventLoc ({name, "country code"}). It skips
// DOCUMENT records and tolerates what the published file does: source or
// target written as a string instead of a list (no actors), a missing
// date. name is used in errors, which give the line and the record.
func ReadPLOVER(r io.Reader, name string) ([]PLOVERRecord, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, domain.Errorf(domain.EINVALID, "%s: cannot read: %v", name, err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	bad := func(off int64, format string, args ...any) error {
		return inputError(name, lineAt(data, off), format, args...)
	}
	tok, err := dec.Token()
	if err != nil || tok != json.Delim('[') {
		return nil, bad(startOf(data, 0), "want a JSON array of PLOVER records")
	}
	var out []PLOVERRecord
	for n := 1; dec.More(); n++ {
		off := startOf(data, dec.InputOffset())
		var raw ploverJSON
		if err := dec.Decode(&raw); err != nil {
			return nil, bad(off, "record %d: %s", n, jsonProblem(err))
		}
		rec, err := raw.record()
		if err != nil {
			return nil, bad(off, "record %d%s: %v", n, idNote(raw.ID), err)
		}
		if rec.Event == ploverDocument {
			continue
		}
		rec.Line = lineAt(data, off)
		out = append(out, rec)
	}
	if _, err := dec.Token(); err != nil {
		return nil, bad(dec.InputOffset(), "unterminated array: %s", jsonProblem(err))
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, bad(startOf(data, dec.InputOffset()), "unexpected data after the array")
	}
	return out, nil
}

// ploverJSON is a record as the file writes it.
type ploverJSON struct {
	ID       string       `json:"id"`
	Date     looseString  `json:"date"`
	Event    string       `json:"event"`
	Mode     looseString  `json:"mode"`
	Context  looseString  `json:"context"`
	Text     string       `json:"text"`
	Source   ploverActors `json:"source"`
	Target   ploverActors `json:"target"`
	EventLoc *struct {
		Name    string `json:"name"`
		Country string `json:"country code"`
	} `json:"eventLoc"`
}

func (j *ploverJSON) record() (PLOVERRecord, error) {
	rec := PLOVERRecord{
		ID: strings.TrimSpace(j.ID), Date: strings.TrimSpace(string(j.Date)),
		Event: currentType(strings.ToUpper(strings.TrimSpace(j.Event))),
		Mode:  string(j.Mode), Context: string(j.Context),
		Text: strings.TrimSpace(j.Text), Source: j.Source, Target: j.Target,
	}
	if j.EventLoc != nil && strings.TrimSpace(j.EventLoc.Name) != "" {
		rec.Location = &PLOVERLocation{Name: strings.TrimSpace(j.EventLoc.Name), Country: strings.TrimSpace(j.EventLoc.Country)}
	}
	switch {
	case rec.ID == "":
		return rec, errors.New("no id")
	case rec.Event == "":
		return rec, errors.New("no event type")
	}
	return rec, nil
}

// ploverActors reads an actor list; the published file writes "" (and
// once a stray word) where a record has none.
type ploverActors []PLOVERActor

func (a *ploverActors) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || b[0] != '[' {
		var s *string
		if err := json.Unmarshal(b, &s); err != nil {
			return errors.New("want a list of actors")
		}
		*a = nil
		return nil
	}
	var raw []struct {
		Text   string      `json:"actorText"`
		Code   string      `json:"code"`
		Sector looseString `json:"sector"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return fmt.Errorf("actors: %s", jsonProblem(err))
	}
	*a = make(ploverActors, 0, len(raw))
	for _, r := range raw {
		*a = append(*a, PLOVERActor{Text: r.Text, Code: strings.TrimSpace(r.Code), Sector: strings.TrimSpace(string(r.Sector))})
	}
	return nil
}

// looseString reads a string, null, a number, or a list of strings
// (joined with ", "), for fields the gold files write loosely.
type looseString string

func (s *looseString) UnmarshalJSON(b []byte) error {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	switch v := v.(type) {
	case nil:
		*s = ""
	case string:
		*s = looseString(v)
	case float64:
		*s = looseString(bytes.TrimSpace(b))
	case []any:
		parts := make([]string, 0, len(v))
		for _, p := range v {
			str, ok := p.(string)
			if !ok {
				return errors.New("want a string or a list of strings")
			}
			parts = append(parts, str)
		}
		*s = looseString(strings.Join(parts, ", "))
	default:
		return errors.New("want a string")
	}
	return nil
}

// jsonProblem says what is wrong with JSON input in words a user can act
// on, without Go type names.
func jsonProblem(err error) string {
	if e, ok := errors.AsType[*json.UnmarshalTypeError](err); ok {
		if e.Field != "" {
			return fmt.Sprintf("field %q: unexpected JSON %s", e.Field, e.Value)
		}
		return fmt.Sprintf("unexpected JSON %s", e.Value)
	}
	if e, ok := errors.AsType[*json.SyntaxError](err); ok {
		return "invalid JSON: " + strings.TrimPrefix(e.Error(), "json: ")
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return "unexpected end of file"
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

func idNote(id string) string {
	if id = strings.TrimSpace(id); id != "" {
		return fmt.Sprintf(" (%s)", id)
	}
	return ""
}

// startOf skips white space and a comma from off: where the next value
// starts.
func startOf(data []byte, off int64) int64 {
	for off >= 0 && off < int64(len(data)) {
		switch data[off] {
		case ' ', '\t', '\r', '\n', ',':
			off++
			continue
		}
		break
	}
	return off
}

// lineAt returns the 1-based line of byte offset off.
func lineAt(data []byte, off int64) int {
	off = min(max(off, 0), int64(len(data)))
	return bytes.Count(data[:off], []byte{'\n'}) + 1
}

// PLOVERReport scores PLOVER event types, actors and locations.
type PLOVERReport struct {
	// EventType counts gold events found: a coded event of the gold type,
	// any modality.
	EventType Ratio `json:"event_type"`
	// TypeActors counts gold events found with the gold source and target
	// countries exactly (see the package comment).
	TypeActors Ratio `json:"type_source_target"`
	// ExtraEvents counts coded events whose type is not the gold's;
	// ExtraPerSentence averages them over the sentences.
	ExtraEvents      int      `json:"extra_events"`
	ExtraPerSentence *float64 `json:"extra_events_per_sentence"`
	// ByType scores each type that is gold or coded: Gold sentences of
	// the type, Coded sentences with an event of the type.
	ByType []ClassScore `json:"by_type"`
	// Actors scores the gold actors against the coded mentions.
	Actors ActorScore `json:"actors"`
	// Locations counts gold event locations found as a place mention
	// (with the gold country where the gold gives one); NotLocated the
	// gold locations whose name is not in the sentence.
	Locations           Ratio `json:"locations"`
	LocationsNotLocated int   `json:"locations_not_located"`
}

// ActorScore counts the gold actors (sources and targets) that some coded
// mention overlaps with the gold country, and with the gold sector too.
// NotLocated is how many gold actor texts could not be found in their
// sentence (they count as missed).
type ActorScore struct {
	Country       Ratio `json:"country"`
	CountrySector Ratio `json:"country_sector"`
	NotLocated    int   `json:"not_located"`
}

func (r *run) plover(data []byte) error {
	recs, err := ReadPLOVER(bytes.NewReader(data), r.path)
	if err != nil {
		return err
	}
	recs = limit(withText(r, recs, func(p *PLOVERRecord) (string, string) { return p.ID, p.Text }), r.opt.Limit)
	ss := make([]sentence, len(recs))
	for i, rec := range recs {
		ss[i] = sentence{id: rec.ID, text: rec.Text, date: rec.Date}
	}
	out, err := r.code(ss)
	if err != nil {
		return err
	}
	r.rep.PLOVER = r.scorePLOVER(recs, ss, out)
	return nil
}

// ploverType returns an event's PLOVER type, upper case.
func ploverType(e *domain.Event) string {
	return strings.ToUpper(strings.TrimSpace(e.PLOVER.Type))
}

func (r *run) scorePLOVER(recs []PLOVERRecord, ss []sentence, out []coded) *PLOVERReport {
	var (
		rep                         PLOVERReport
		found, foundActors, extra   int
		actorHits, sectorHits, nAct int
		locHits, nLoc               int
		goldN, codedN, tpN          = map[string]int{}, map[string]int{}, map[string]int{}
	)
	for i, rec := range recs {
		s, cod := ss[i], out[i]
		goldN[rec.Event]++
		var ofType []*domain.Event
		types := map[string]bool{}
		for k := range cod.Events {
			e := &cod.Events[k]
			t := ploverType(e)
			types[t] = true
			if t == rec.Event {
				ofType = append(ofType, e)
			} else {
				extra++
			}
		}
		for t := range types {
			codedN[t]++
		}
		gold := ploverGold(rec)
		got := ploverGot(cod.Events)
		switch {
		case len(ofType) == 0:
			r.miss(s, "event_type", gold, got)
		case actorsMatch(rec, ofType):
			found++
			foundActors++
			tpN[rec.Event]++
		default:
			found++
			tpN[rec.Event]++
			r.miss(s, "source_target", gold, got)
		}

		seen := map[PLOVERActor]bool{}
		for _, a := range slices.Concat(rec.Source, rec.Target) {
			if seen[a] {
				continue
			}
			seen[a] = true
			nAct++
			spans := locate(rec.Text, a.Text)
			if spans == nil {
				rep.Actors.NotLocated++
				r.miss(s, "actor", goldActor(a), "(not in the sentence)")
				continue
			}
			key, sector := goldKey(a.Code), goldSector(a.Sector)
			country, both := false, false
			var over []string
			for k := range cod.Mentions {
				m := &cod.Mentions[k]
				if !overlapsAny(m.Span, spans) {
					continue
				}
				over = append(over, mentionNote(m))
				if keysMatch(key, codedKey(m.Country, m.Code)) {
					country = true
					both = both || sectorMatches(key, sector, m)
				}
			}
			if country {
				actorHits++
			}
			if both {
				sectorHits++
			}
			if !both {
				what := "actor"
				if country {
					what = "actor_sector"
				}
				r.miss(s, what, goldActor(a), listOr(over, "(no overlapping mention)"))
			}
		}

		if loc := rec.Location; loc != nil {
			nLoc++
			spans := locate(rec.Text, loc.Name)
			if spans == nil {
				rep.LocationsNotLocated++
				r.miss(s, "location", locNote(loc), "(not in the sentence)")
				continue
			}
			want := iso3(loc.Country)
			hit := false
			var over []string
			for k := range cod.Mentions {
				m := &cod.Mentions[k]
				if m.Type != domain.MentionPlace || !overlapsAny(m.Span, spans) {
					continue
				}
				over = append(over, mentionNote(m))
				hit = hit || want == "" || strings.EqualFold(string(m.Country), want)
			}
			if hit {
				locHits++
			} else {
				r.miss(s, "location", locNote(loc), listOr(over, "(no overlapping place)"))
			}
		}
	}
	n := len(recs)
	rep.EventType = newRatio(found, n)
	rep.TypeActors = newRatio(foundActors, n)
	rep.ExtraEvents = extra
	rep.ExtraPerSentence = share(extra, n)
	rep.Actors.Country = newRatio(actorHits, nAct)
	rep.Actors.CountrySector = newRatio(sectorHits, nAct)
	rep.Locations = newRatio(locHits, nLoc)
	rep.ByType = byType(goldN, codedN, tpN)
	return &rep
}

// byType scores each type that is gold or coded, sorted by name.
func byType(goldN, codedN, tpN map[string]int) []ClassScore {
	var types []string
	for t := range goldN {
		types = append(types, t)
	}
	for t := range codedN {
		if _, ok := goldN[t]; !ok {
			types = append(types, t)
		}
	}
	slices.Sort(types)
	out := make([]ClassScore, 0, len(types))
	for _, t := range types {
		tp := tpN[t]
		label := t
		if label == "" {
			label = "(no type)"
		}
		out = append(out, newClassScore(label, tp, codedN[t]-tp, goldN[t]-tp))
	}
	return out
}

// actorsMatch reports whether the coded events of the gold type carry the
// gold source and target countries exactly: one event's, or all of them
// together (a coder may split "A and B agreed" into two events).
func actorsMatch(rec PLOVERRecord, evs []*domain.Event) bool {
	gs, gt := goldKeys(rec.Source), goldKeys(rec.Target)
	var us, ut []string
	for _, e := range evs {
		s, t := codedKeys(e.Source), codedKeys(e.Target)
		if sameKeys(gs, s) && sameKeys(gt, t) {
			return true
		}
		us, ut = append(us, s...), append(ut, t...)
	}
	if sameKeys(gs, us) && sameKeys(gt, ut) {
		return true
	}
	// The GSR codes a reciprocal event ("Jordan and Britain agreed") as
	// its parties in the source with no target; truce, like PETRARCH,
	// codes it in both directions. The parties are the same.
	if len(gt) == 0 && len(gs) >= 2 {
		return sameKeys(gs, append(us, ut...))
	}
	return false
}

func goldKeys(as []PLOVERActor) []string {
	keys := make([]string, 0, len(as))
	for _, a := range as {
		keys = append(keys, goldKey(a.Code))
	}
	return keys
}

func codedKeys(as []domain.Actor) []string {
	keys := make([]string, 0, len(as))
	for _, a := range as {
		keys = append(keys, codedKey(a.Country, a.Code))
	}
	return keys
}

// sameKeys reports whether every gold key is matched by a coded key and
// every coded key matches a gold key.
func sameKeys(gold, got []string) bool {
	for _, g := range gold {
		if !slices.ContainsFunc(got, func(k string) bool { return keysMatch(g, k) }) {
			return false
		}
	}
	for _, k := range got {
		if !slices.ContainsFunc(gold, func(g string) bool { return keysMatch(g, k) }) {
			return false
		}
	}
	return true
}

// ploverGold and ploverGot render events for the verbose misses:
// TYPE SOURCES>TARGETS.
func ploverGold(rec PLOVERRecord) string {
	return rec.Event + " " + keyList(goldKeys(rec.Source)) + ">" + keyList(goldKeys(rec.Target))
}

func ploverGot(evs []domain.Event) string {
	var parts []string
	for k := range evs {
		e := &evs[k]
		t := ploverType(e)
		if t == "" {
			t = "(no type)"
		}
		parts = append(parts, t+" "+keyList(codedKeys(e.Source))+">"+keyList(codedKeys(e.Target)))
	}
	return listOr(parts, "(none)")
}

func keyList(keys []string) string { return listOr(keys, "-") }

func listOr(parts []string, none string) string {
	if len(parts) == 0 {
		return none
	}
	return strings.Join(parts, ", ")
}

func goldActor(a PLOVERActor) string {
	s := fmt.Sprintf("%q %s", a.Text, a.Code)
	if a.Sector != "" {
		s += " " + a.Sector
	}
	return s
}

func locNote(l *PLOVERLocation) string {
	if l.Country != "" {
		return fmt.Sprintf("%q %s", l.Name, l.Country)
	}
	return fmt.Sprintf("%q", l.Name)
}

func mentionNote(m *domain.Mention) string {
	s := fmt.Sprintf("%q %s %s", m.Text, m.Type, codedKey(m.Country, m.Code))
	if m.Sector != "" {
		s += " " + string(m.Sector)
	}
	return s
}

// renamedTypes maps the event types of PLOVER drafts before 2.0 (the GSR
// of 2016 uses them) to the types of the current manual, which truce
// codes: the demand family became REQUEST, DISAPPROVE became ACCUSE,
// FIGHT and ASSAULT merged into ASSAULT, and INVESTIGATE became ACCUSE
// with mode investigate (as the 2021 CAMEO2PLOVER table maps CAMEO 09,
// 10, 11 and 19).
var renamedTypes = map[string]string{
	"DEMAND":      "REQUEST",
	"DISAPPROVE":  "ACCUSE",
	"FIGHT":       "ASSAULT",
	"INVESTIGATE": "ACCUSE",
}

func currentType(t string) string {
	if n, ok := renamedTypes[t]; ok {
		return n
	}
	return t
}
