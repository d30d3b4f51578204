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

// PETRARCHRecord is one gold sentence of the PETRARCH2 validation set.
type PETRARCHRecord struct {
	ID string
	// Line is where the record starts in the file.
	Line int
	// Date is as the gold writes it (YYYYMMDD; not always valid).
	Date string
	// Text is the sentence with its white space collapsed to single
	// spaces, as the JSON lines version gives it; "" for the one record
	// of the published set whose text is missing (Run skips it).
	Text   string
	Events []PETRARCHEvent
	// NoEvents is set where the gold says the sentence has no event.
	NoEvents bool
}

// PETRARCHEvent is a gold event: Phoenix actor codes and a CAMEO code.
type PETRARCHEvent struct {
	Source string
	Target string
	Code   string
}

// maxLine bounds one line of a line-oriented gold file.
const maxLine = 16 << 20

// ReadPETRARCH reads the PETRARCH2 validation set as JSON lines or as the
// original XML, told apart by the first character that is not white
// space. The XML is not well-formed and is read tag by tag, tolerantly
// (see readPETRARCHXML); both give the same records.
func ReadPETRARCH(r io.Reader, name string) ([]PETRARCHRecord, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, domain.Errorf(domain.EINVALID, "%s: cannot read: %v", name, err)
	}
	if t := bytes.TrimLeft(data, " \t\r\n\ufeff"); len(t) > 0 && t[0] == '<' {
		return readPETRARCHXML(data, name)
	}
	return readPETRARCHJSONL(data, name)
}

// petrarchJSON is a JSON line as the file writes it.
type petrarchJSON struct {
	ID     *string     `json:"id"`
	Date   looseString `json:"date"`
	Text   *string     `json:"text"`
	Events []struct {
		Source string `json:"source"`
		Target string `json:"target"`
		Code   string `json:"code"`
	} `json:"events"`
	NoEvents    bool `json:"noevents"`
	ErrorRecord bool `json:"error_record"`
}

// readPETRARCHJSONL reads one JSON object a line (id, date, text, events
// [{source, target, code}], noevents); blank lines are skipped and so are
// records marked error_record.
func readPETRARCHJSONL(data []byte, name string) ([]PETRARCHRecord, error) {
	var out []PETRARCHRecord
	err := eachLine(bytes.NewReader(data), name, func(line int, s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		var raw petrarchJSON
		if err := json.Unmarshal([]byte(s), &raw); err != nil {
			return errors.New(jsonProblem(err))
		}
		if raw.ErrorRecord {
			return nil
		}
		rec := PETRARCHRecord{Line: line, Date: strings.TrimSpace(string(raw.Date)), NoEvents: raw.NoEvents}
		if raw.ID == nil || strings.TrimSpace(*raw.ID) == "" {
			return errors.New("no id")
		}
		rec.ID = strings.TrimSpace(*raw.ID)
		if raw.Text != nil {
			rec.Text = collapse(*raw.Text)
		}
		for k, e := range raw.Events {
			ev := PETRARCHEvent{Source: strings.TrimSpace(e.Source), Target: strings.TrimSpace(e.Target), Code: strings.TrimSpace(e.Code)}
			if ev.Code == "" {
				return fmt.Errorf("record %s: event %d has no code", rec.ID, k+1)
			}
			rec.Events = append(rec.Events, ev)
		}
		out = append(out, rec)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// collapse trims s and turns every run of white space into one space.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// PETRARCHReport scores (source, target, code) triples: at the level of
// the CAMEO root (two digits) and of the full code.
type PETRARCHReport struct {
	Root PRF `json:"root"`
	Full PRF `json:"full"`
	// NoEventSentences is how many gold sentences say "no event";
	// NoEventFalsePositives the triples coded for them.
	NoEventSentences      int `json:"noevent_sentences"`
	NoEventFalsePositives int `json:"noevent_false_positives"`
}

func (r *run) petrarch(data []byte) error {
	recs, err := ReadPETRARCH(bytes.NewReader(data), r.path)
	if err != nil {
		return err
	}
	recs = limit(withText(r, recs, func(p *PETRARCHRecord) (string, string) { return p.ID, p.Text }), r.opt.Limit)
	ss := make([]sentence, len(recs))
	for i, rec := range recs {
		ss[i] = sentence{id: rec.ID, text: rec.Text, date: rec.Date}
	}
	out, err := r.code(ss)
	if err != nil {
		return err
	}
	r.rep.PETRARCH = r.scorePETRARCH(recs, ss, out)
	return nil
}

// triple is one (source country, target country, code) of a sentence.
type triple struct{ src, tgt, code string }

func (t triple) String() string { return t.src + ">" + t.tgt + " " + t.code }

func (r *run) scorePETRARCH(recs []PETRARCHRecord, ss []sentence, out []coded) *PETRARCHReport {
	var rep PETRARCHReport
	var root, full [3]int // tp, fp, fn
	for i, rec := range recs {
		gold := goldTriples(rec.Events)
		got := codedTriples(out[i].Events)
		rtp, rfp, rfn := matchTriples(rootsOf(gold), rootsOf(got))
		ftp, ffp, ffn := matchTriples(gold, got)
		root[0], root[1], root[2] = root[0]+rtp, root[1]+rfp, root[2]+rfn
		full[0], full[1], full[2] = full[0]+ftp, full[1]+ffp, full[2]+ffn
		if rec.NoEvents {
			rep.NoEventSentences++
			rep.NoEventFalsePositives += ffp
		}
		if ffp+ffn > 0 {
			what := "cameo_code"
			if rfp+rfn > 0 {
				what = "triples"
			}
			r.miss(ss[i], what, tripleList(gold), tripleList(got))
		}
	}
	rep.Root = newPRF(root[0], root[1], root[2])
	rep.Full = newPRF(full[0], full[1], full[2])
	return &rep
}

func tripleList(ts []triple) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = t.String()
	}
	return listOr(parts, "(none)")
}

// goldTriples returns a sentence's gold triples, without repeats.
func goldTriples(evs []PETRARCHEvent) []triple {
	var ts []triple
	for _, e := range evs {
		ts = appendNew(ts, triple{goldSide(e.Source), goldSide(e.Target), e.Code})
	}
	return ts
}

func goldSide(code string) string {
	if strings.TrimSpace(code) == "" {
		return domain.UnknownCountry
	}
	return goldKey(code)
}

// codedTriples returns the triples of the coded events, without repeats:
// each pair of an event's sources and targets; a missing side is "---",
// as PETRARCH writes it. Events without a CAMEO code are left out.
func codedTriples(evs []domain.Event) []triple {
	var ts []triple
	for k := range evs {
		e := &evs[k]
		if strings.TrimSpace(e.CAMEO) == "" {
			continue
		}
		srcs, tgts := codedKeys(e.Source), codedKeys(e.Target)
		if len(srcs) == 0 {
			srcs = []string{domain.UnknownCountry}
		}
		if len(tgts) == 0 {
			tgts = []string{domain.UnknownCountry}
		}
		for _, s := range srcs {
			for _, t := range tgts {
				ts = appendNew(ts, triple{s, t, strings.TrimSpace(e.CAMEO)})
			}
		}
	}
	return ts
}

func appendNew(ts []triple, t triple) []triple {
	if slices.Contains(ts, t) {
		return ts
	}
	return append(ts, t)
}

// rootsOf cuts each code to its CAMEO root (the first two digits).
func rootsOf(ts []triple) []triple {
	var out []triple
	for _, t := range ts {
		if len(t.code) > 2 {
			t.code = t.code[:2]
		}
		out = appendNew(out, t)
	}
	return out
}

// matchTriples pairs gold and coded triples one to one, exact matches
// first and then organisations matched by prefix (keysMatch), and returns
// the true positives, false positives and false negatives.
func matchTriples(gold, got []triple) (tp, fp, fn int) {
	used := make([]bool, len(got))
	matched := make([]bool, len(gold))
	for pass := range 2 {
		for i, g := range gold {
			if matched[i] {
				continue
			}
			for j, c := range got {
				if used[j] || c.code != g.code {
					continue
				}
				if pass == 0 && c == g || pass == 1 && keysMatch(g.src, c.src) && keysMatch(g.tgt, c.tgt) {
					used[j], matched[i] = true, true
					tp++
					break
				}
			}
		}
	}
	return tp, len(got) - tp, len(gold) - tp
}
