package eval

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
)

// WriteTable writes the report as aligned plain-text tables for people:
// the run, the headline metrics, then each section's breakdown. Shares
// are percentages with one decimal; "-" marks a share of nothing.
func (r *Report) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	t := &table{w: tw}
	t.row("truce eval " + r.Kind + " " + r.File)
	t.row("coder", r.CoderVersion)
	t.row("sentences", strconv.Itoa(r.Sentences))
	t.row("failed", strconv.Itoa(r.Failed))
	t.row("skipped (no text)", strconv.Itoa(r.Skipped))
	switch {
	case r.PLOVER != nil:
		r.PLOVER.table(t)
	case r.PETRARCH != nil:
		r.PETRARCH.table(t)
	case r.ConfliBERT != nil:
		r.ConfliBERT.table(t)
	case r.Spans != nil:
		r.Spans.table(t)
	case r.ACLED != nil:
		r.ACLED.table(t)
	}
	if t.err != nil {
		return fmt.Errorf("eval: write table: %w", t.err)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("eval: write table: %w", err)
	}
	return nil
}

// table writes tab-separated rows, keeping the first error.
type table struct {
	w   io.Writer
	err error
}

func (t *table) row(cells ...string) {
	if t.err != nil {
		return
	}
	_, t.err = io.WriteString(t.w, strings.Join(cells, "\t")+"\n")
}

func (t *table) blank() { t.row() }

// ratio writes a metric row: name, hits, total, share.
func (t *table) ratio(name string, r Ratio) {
	t.row(name, strconv.Itoa(r.Hits), strconv.Itoa(r.Total), pct(r.Value))
}

func (t *table) classes(head string, cs []ClassScore) {
	t.row(head, "gold", "coded", "hits", "precision", "recall", "f1")
	for _, c := range cs {
		t.row(c.Class, strconv.Itoa(c.Gold), strconv.Itoa(c.Coded), strconv.Itoa(c.TP),
			pct(c.Precision), pct(c.Recall), pct(c.F1))
	}
}

func pct(v *float64) string {
	if v == nil {
		return "-"
	}
	return strconv.FormatFloat(*v*100, 'f', 1, 64) + "%"
}

func (p *PLOVERReport) table(t *table) {
	t.blank()
	t.row("metric", "hits", "total", "share")
	t.ratio("event type", p.EventType)
	t.ratio("type + source + target countries", p.TypeActors)
	t.ratio("actor country", p.Actors.Country)
	t.ratio("actor country + sector", p.Actors.CountrySector)
	t.ratio("event location", p.Locations)
	t.blank()
	per := "-"
	if p.ExtraPerSentence != nil {
		per = strconv.FormatFloat(*p.ExtraPerSentence, 'f', 2, 64)
	}
	t.row("extra events", strconv.Itoa(p.ExtraEvents), per+" per sentence")
	t.row("actors not in their sentence", strconv.Itoa(p.Actors.NotLocated))
	t.row("locations not in their sentence", strconv.Itoa(p.LocationsNotLocated))
	t.blank()
	t.classes("type", p.ByType)
}

func (p *PETRARCHReport) table(t *table) {
	t.blank()
	t.row("triples", "tp", "fp", "fn", "precision", "recall", "f1")
	for _, l := range []struct {
		name string
		prf  PRF
	}{{"source, target, CAMEO root", p.Root}, {"source, target, CAMEO code", p.Full}} {
		t.row(l.name, strconv.Itoa(l.prf.TP), strconv.Itoa(l.prf.FP), strconv.Itoa(l.prf.FN),
			pct(l.prf.Precision), pct(l.prf.Recall), pct(l.prf.F1))
	}
	t.blank()
	t.row("no-event sentences", strconv.Itoa(p.NoEventSentences))
	t.row("triples coded for them", strconv.Itoa(p.NoEventFalsePositives))
}

func (c *ClassReport) table(t *table) {
	t.blank()
	t.row("metric", "hits", "total", "share")
	t.ratio("accuracy", c.Accuracy)
	t.row("macro F1", "", "", pct(c.MacroF1))
	t.blank()
	t.classes("class", c.Classes)
	t.blank()
	head := []string{"gold \\ coded"}
	for k := range ClassNames {
		head = append(head, strconv.Itoa(k))
	}
	t.row(head...)
	for g, row := range c.Confusion {
		cells := []string{className(g)}
		for _, n := range row {
			cells = append(cells, strconv.Itoa(n))
		}
		t.row(cells...)
	}
}

func (s *SpanReport) table(t *table) {
	t.blank()
	t.row("gold spans", strconv.Itoa(s.GoldSpans))
	t.row("coded actor mentions", strconv.Itoa(s.Mentions))
	t.blank()
	t.row("match", "precision", "recall", "f1")
	for _, m := range []struct {
		name string
		s    SpanScore
	}{{"exact", s.Exact}, {"overlap", s.Overlap}} {
		t.row(m.name, counted(m.s.Precision), counted(m.s.Recall), pct(m.s.F1))
	}
	t.blank()
	t.row("recall by role", "gold", "exact", "overlap")
	for _, r := range s.ByRole {
		t.row(r.Role, strconv.Itoa(r.Exact.Total), counted(r.Exact), counted(r.Overlap))
	}
}

// counted writes a share with its counts: "40.0% (2/5)".
func counted(r Ratio) string {
	return pct(r.Value) + " (" + strconv.Itoa(r.Hits) + "/" + strconv.Itoa(r.Total) + ")"
}

func (a *ACLEDReport) table(t *table) {
	t.blank()
	t.row("metric", "hits", "total", "share")
	t.ratio("sub-event type", a.SubEventType)
	t.ratio("event type", a.EventType)
	t.blank()
	t.classes("sub-event type", a.Classes)
}
