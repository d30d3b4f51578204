package eval

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/truce/truce/internal/domain"
)

// acledTypes is ACLED's published vocabulary: each sub-event type with its
// event type and the short code of the CASE 2021 shared task.
var acledTypes = []struct{ event, sub, code string }{
	{"Battles", "Armed clash", "ARMED_CLASH"},
	{"Battles", "Government regains territory", "GOV_REGAINS_TERRIT"},
	{"Battles", "Non-state actor overtakes territory", "NON_STATE_ACTOR_OVERTAKES_TER"},
	{"Explosions/Remote violence", "Chemical weapon", "CHEM_WEAPON"},
	{"Explosions/Remote violence", "Air/drone strike", "AIR_STRIKE"},
	{"Explosions/Remote violence", "Suicide bomb", "SUICIDE_BOMB"},
	{"Explosions/Remote violence", "Shelling/artillery/missile attack", "ART_MISS_ATTACK"},
	{"Explosions/Remote violence", "Remote explosive/landmine/IED", "REMOTE_EXPLOS"},
	{"Explosions/Remote violence", "Grenade", "GRENADE"},
	{"Violence against civilians", "Sexual violence", "SEXUAL_VIOLENCE"},
	{"Violence against civilians", "Attack", "ATTACK"},
	{"Violence against civilians", "Abduction/forced disappearance", "ABDUCT_DISSAP"},
	{"Protests", "Peaceful protest", "PEACE_PROTEST"},
	{"Protests", "Protest with intervention", "PROTEST_WITH_INTER"},
	{"Protests", "Excessive force against protesters", "EXCESSIVE_FORCE"},
	{"Riots", "Violent demonstration", "VIOL_DEMONSTR"},
	{"Riots", "Mob violence", "MOB_VIOL"},
	{"Strategic developments", "Agreement", "AGREEMENT"},
	{"Strategic developments", "Arrests", "ARREST"},
	{"Strategic developments", "Change to group/activity", "CHANGE_TO_GROUP_ACT"},
	{"Strategic developments", "Disrupted weapons use", "DISR_WEAPON"},
	{"Strategic developments", "Headquarters or base established", "HQ_ESTABLISHED"},
	{"Strategic developments", "Looting/property destruction", "LOOT_PROP_DESTRUCT"},
	{"Strategic developments", "Non-violent transfer of territory", "NONV_TRANSF_TERRIT"},
	{"Strategic developments", "Other", "OTHER"},
}

// acledNone labels the absence of an ACLED event in reports.
const acledNone = "(none)"

// acledIndex finds a sub-event type by its name (any case and spacing)
// or its CASE 2021 code; the value is an index into acledTypes, or -1
// for the labels that say "no event".
var acledIndex = func() map[string]int {
	m := map[string]int{"negative": -1, "none": -1, "no event": -1, "-": -1, "n/a": -1}
	for i, t := range acledTypes {
		m[acledKey(t.sub)] = i
		m[acledKey(t.code)] = i
	}
	return m
}()

func acledKey(s string) string { return strings.ToLower(collapse(s)) }

// ACLEDRecord is one gold sentence of an ACLED-style TSV file.
type ACLEDRecord struct {
	ID   string
	Line int
	Text string
	// SubEventType is ACLED's name for the gold type ("Air/drone
	// strike"), "" where the gold says there is no event (NEGATIVE).
	SubEventType string
	// Label is the type as the file writes it.
	Label string
}

// ReadACLED reads TSV lines "id TAB text TAB sub_event_type", the type
// written as ACLED names it ("Armed clash", "Air/drone strike") in any
// case, or as a CASE 2021 code (ARMED_CLASH, AIR_STRIKE, ART_MISS_ATTACK,
// PEACE_PROTEST…); NEGATIVE (or none) says the sentence has no event. A
// tab inside the text is kept (the first field is the id and the last the
// type). Blank lines are skipped and so is a header line whose third
// column is "sub_event_type".
func ReadACLED(r io.Reader, name string) ([]ACLEDRecord, error) {
	var out []ACLEDRecord
	err := eachLine(r, name, func(line int, s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		f := strings.Split(s, "\t")
		if len(f) < 3 {
			return fmt.Errorf("want 3 tab-separated fields (id, text, sub_event_type), got %d", len(f))
		}
		id, label := strings.TrimSpace(f[0]), strings.TrimSpace(f[len(f)-1])
		text := strings.TrimSpace(strings.Join(f[1:len(f)-1], "\t"))
		if line == 1 && strings.EqualFold(strings.ReplaceAll(label, "-", "_"), "sub_event_type") {
			return nil
		}
		switch {
		case id == "":
			return errors.New("no id")
		case text == "":
			return errors.New("no text")
		case label == "":
			return errors.New("no sub-event type (write NEGATIVE for none)")
		}
		i, ok := acledIndex[acledKey(label)]
		if !ok {
			return fmt.Errorf("unknown sub-event type %q", label)
		}
		rec := ACLEDRecord{ID: id, Line: line, Text: text, Label: label}
		if i >= 0 {
			rec.SubEventType = acledTypes[i].sub
		}
		out = append(out, rec)
		return nil
	})
	return out, err
}

// ACLEDReport scores ACLED-style sub-event and event types, one a
// sentence.
type ACLEDReport struct {
	SubEventType Ratio `json:"sub_event_type"`
	EventType    Ratio `json:"event_type"`
	// Classes scores each sub-event type that is gold or coded, in
	// ACLED's order, "(none)" last.
	Classes []ClassScore `json:"classes"`
}

func (r *run) acled(data []byte) error {
	recs, err := ReadACLED(bytes.NewReader(data), r.path)
	if err != nil {
		return err
	}
	recs = limit(recs, r.opt.Limit)
	ss := make([]sentence, len(recs))
	for i, rec := range recs {
		ss[i] = sentence{id: rec.ID, text: rec.Text}
	}
	out, err := r.code(ss)
	if err != nil {
		return err
	}
	r.rep.ACLED = r.scoreACLED(recs, ss, out)
	return nil
}

// factual reports whether an event's modality says it happened (asserted
// or reported, or not given): ACLED records events that took place, not
// threats, plans, demands or denials.
func factual(e *domain.Event) bool {
	switch e.Modality {
	case "", domain.ModalityAsserted, domain.ModalityReported:
		return true
	}
	return false
}

// ACLEDOf reduces a coding to one ACLED sub-event type and its event
// type: those of the factual event (asserted, reported or without a
// modality) with an ACLED type and the highest confidence, the first
// coded on a tie; ("", "") when there is none. A sub-event type in
// ACLED's vocabulary (by name, any case, or CASE 2021 code) is returned
// with ACLED's spelling and event type; another is returned as coded.
func ACLEDOf(c domain.Coding) (eventType, subEventType string) {
	i := bestEvent(c.Events, func(e *domain.Event) bool {
		return e.ACLED != nil && strings.TrimSpace(e.ACLED.SubEventType) != "" && factual(e)
	})
	if i < 0 {
		return "", ""
	}
	a := c.Events[i].ACLED
	if k, ok := acledIndex[acledKey(a.SubEventType)]; ok && k >= 0 {
		return acledTypes[k].event, acledTypes[k].sub
	}
	return strings.TrimSpace(a.EventType), strings.TrimSpace(a.SubEventType)
}

// acledEvent returns the event type of a gold sub-event type in ACLED's
// spelling, "" for none.
func acledEvent(sub string) string {
	if k, ok := acledIndex[acledKey(sub)]; ok && k >= 0 {
		return acledTypes[k].event
	}
	return ""
}

func orNone(s string) string {
	if s == "" {
		return acledNone
	}
	return s
}

func (r *run) scoreACLED(recs []ACLEDRecord, ss []sentence, out []coded) *ACLEDReport {
	var rep ACLEDReport
	var subHits, evHits int
	goldN, codedN, tpN := map[string]int{}, map[string]int{}, map[string]int{}
	for i, rec := range recs {
		ev, sub := ACLEDOf(out[i].Coding)
		gold := orNone(rec.SubEventType)
		got := orNone(sub)
		goldN[gold]++
		codedN[got]++
		if gold == got {
			subHits++
			tpN[gold]++
		}
		goldEv := acledEvent(rec.SubEventType)
		if goldEv == ev {
			evHits++
		}
		if gold != got {
			r.miss(ss[i], "sub_event_type", gold, got)
		}
	}
	rep.SubEventType = newRatio(subHits, len(recs))
	rep.EventType = newRatio(evHits, len(recs))

	var classes []string
	for _, t := range acledTypes {
		classes = append(classes, t.sub)
	}
	var other []string
	for c := range codedN {
		if !slices.Contains(classes, c) && c != acledNone {
			other = append(other, c)
		}
	}
	slices.Sort(other)
	classes = append(append(classes, other...), acledNone)
	for _, c := range classes {
		if goldN[c] == 0 && codedN[c] == 0 {
			continue
		}
		tp := tpN[c]
		rep.Classes = append(rep.Classes, newClassScore(c, tp, codedN[c]-tp, goldN[c]-tp))
	}
	return &rep
}
