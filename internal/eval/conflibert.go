package eval

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/truce/truce/internal/domain"
)

// ClassNames names the five ConfliBERT classes, by number.
var ClassNames = [5]string{
	"statement", "verbal cooperation", "material cooperation", "verbal conflict", "material conflict",
}

// ClassRecord is one sentence of the ConfliBERT 5-class file.
type ClassRecord struct {
	Line  int
	Text  string
	Class int // 0..4, as ClassNames
}

// ReadConfliBERT reads the ConfliBERT class file: one sentence a line,
// then a tab and the class 0..4. Blank lines are skipped, and so is a
// header line whose class column is "label" or "class". A sentence
// quoted the CSV way ("…""…") is unquoted, as the published file has a
// few.
func ReadConfliBERT(r io.Reader, name string) ([]ClassRecord, error) {
	var out []ClassRecord
	err := eachLine(r, name, func(line int, s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		i := strings.LastIndexByte(s, '\t')
		if i < 0 {
			return fmt.Errorf("want a sentence, a tab and a class 0 to 4")
		}
		label := strings.TrimSpace(s[i+1:])
		class, err := strconv.Atoi(label)
		if err != nil || class < 0 || class >= len(ClassNames) {
			if l := strings.ToLower(label); line == 1 && (l == "label" || l == "class") {
				return nil
			}
			return fmt.Errorf("class %q: want 0 to 4", label)
		}
		text := unquoteCSV(strings.TrimSpace(s[:i]))
		if text == "" {
			return errors.New("no sentence before the class")
		}
		out = append(out, ClassRecord{Line: line, Text: text, Class: class})
		return nil
	})
	return out, err
}

// unquoteCSV undoes CSV quoting: "a ""b""" is a "b". Text that is not
// quoted that way is returned as it is.
func unquoteCSV(s string) string {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return s
	}
	inner := s[1 : len(s)-1]
	for i := 0; i < len(inner); i++ {
		if inner[i] == '"' {
			if i+1 >= len(inner) || inner[i+1] != '"' {
				return s
			}
			i++
		}
	}
	return strings.TrimSpace(strings.ReplaceAll(inner, `""`, `"`))
}

// eachLine calls fn for each line of r without its line ending; an
// error fn returns is given the file name and the line.
func eachLine(r io.Reader, name string, fn func(line int, s string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, maxLine)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSuffix(sc.Text(), "\r")
		if line == 1 {
			s = strings.TrimPrefix(s, "\ufeff")
		}
		if err := fn(line, s); err != nil {
			return inputError(name, line, "%v", err)
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return inputError(name, line+1, "line longer than %d bytes", maxLine)
		}
		return domain.Errorf(domain.EINVALID, "%s: cannot read: %v", name, err)
	}
	return nil
}

// Roles of a gold actor span.
const (
	RoleSource     = "S"
	RoleTarget     = "T"
	RoleReciprocal = "R"
)

// roleNames names the roles in reports, in report order.
var roleNames = []struct{ role, name string }{
	{RoleSource, "source"}, {RoleTarget, "target"}, {RoleReciprocal, "reciprocal"},
}

// SpanRecord is one sentence of the ConfliBERT spans file, rebuilt from
// its tokens.
type SpanRecord struct {
	// Line is the line of the sentence's first token.
	Line   int
	Tokens []string
	// Text is the tokens joined with single spaces: the file keeps no
	// spacing, and joining keeps every span exact ("government 's" stays
	// as tokenised rather than being guessed back to "government's").
	Text  string
	Spans []GoldSpan
}

// GoldSpan is a gold actor span: its role (S, T or R) and its bytes in the
// rebuilt text.
type GoldSpan struct {
	Role string
	Span domain.Span
}

// ReadSpans reads the ConfliBERT spans file: one token a line, then white
// space and its BIO tag (O, B-S/I-S source, B-T/I-T target, B-R/I-R
// reciprocal), a blank line between sentences. An I- tag that does not
// continue a span of its role starts one, as conlleval reads it.
func ReadSpans(r io.Reader, name string) ([]SpanRecord, error) {
	var (
		out  []SpanRecord
		cur  *SpanRecord
		open = -1 // index in cur.Spans of the span the last token extended
	)
	flush := func() {
		if cur != nil {
			out = append(out, *cur)
		}
		cur, open = nil, -1
	}
	err := eachLine(r, name, func(line int, s string) error {
		if strings.TrimSpace(s) == "" {
			flush()
			return nil
		}
		i := strings.LastIndexAny(s, " \t")
		if i < 0 {
			return errors.New("want a token, a space and a BIO tag")
		}
		tok, tag := strings.TrimSpace(s[:i]), s[i+1:]
		if tok == "" {
			return errors.New("no token before the tag")
		}
		if !isBIOTag(tag) {
			return fmt.Errorf("tag %q: want O, B-S, I-S, B-T, I-T, B-R or I-R", tag)
		}
		if cur == nil {
			cur = &SpanRecord{Line: line}
		}
		start := len(cur.Text)
		if start > 0 {
			start++
			cur.Text += " "
		}
		cur.Text += tok
		cur.Tokens = append(cur.Tokens, tok)
		end := len(cur.Text)
		if tag == "O" {
			open = -1
			return nil
		}
		role := tag[2:]
		if tag[0] == 'I' && open >= 0 && cur.Spans[open].Role == role {
			cur.Spans[open].Span.End = end
			return nil
		}
		cur.Spans = append(cur.Spans, GoldSpan{Role: role, Span: domain.Span{Start: start, End: end}})
		open = len(cur.Spans) - 1
		return nil
	})
	if err != nil {
		return nil, err
	}
	flush()
	return out, nil
}

func isBIOTag(t string) bool {
	if t == "O" {
		return true
	}
	return len(t) == 3 && (t[0] == 'B' || t[0] == 'I') && t[1] == '-' &&
		(t[2] == 'S' || t[2] == 'T' || t[2] == 'R')
}

// isSpansFile tells the spans file from the class file by its first
// non-blank line: a token and a BIO tag, against a sentence and a digit.
func isSpansFile(data []byte) bool {
	for line := range bytes.Lines(data) {
		f := strings.Fields(string(line))
		if len(f) == 0 {
			continue
		}
		return len(f) == 2 && isBIOTag(f[1])
	}
	return false
}

// ClassReport scores the ConfliBERT five-way classification.
type ClassReport struct {
	Accuracy Ratio `json:"accuracy"`
	// MacroF1 averages the F1 of the classes that are gold or coded.
	MacroF1 *float64     `json:"macro_f1"`
	Classes []ClassScore `json:"classes"`
	// Confusion[g][c] counts the sentences of gold class g coded as c.
	Confusion [5][5]int `json:"confusion"`
}

// SpanReport scores coded actor mentions (types actor, person and org)
// against the gold source, target and reciprocal spans.
type SpanReport struct {
	GoldSpans int       `json:"gold_spans"`
	Mentions  int       `json:"mentions"`
	Exact     SpanScore `json:"exact"`
	Overlap   SpanScore `json:"overlap"`
	// ByRole is the recall of each role's gold spans.
	ByRole []RoleScore `json:"by_role"`
}

// SpanScore is precision (coded mentions that match a gold span) and
// recall (gold spans that a coded mention matches), and their F1.
type SpanScore struct {
	Precision Ratio    `json:"precision"`
	Recall    Ratio    `json:"recall"`
	F1        *float64 `json:"f1"`
}

func newSpanScore(p, r Ratio) SpanScore {
	s := SpanScore{Precision: p, Recall: r}
	if p.Total > 0 && r.Total > 0 {
		pv := float64(p.Hits) / float64(p.Total)
		rv := float64(r.Hits) / float64(r.Total)
		if pv+rv == 0 {
			s.F1 = round4(0)
		} else {
			s.F1 = round4(2 * pv * rv / (pv + rv))
		}
	}
	return s
}

// RoleScore is the recall of one role's gold spans, exact and overlapping.
type RoleScore struct {
	Role    string `json:"role"`
	Exact   Ratio  `json:"exact"`
	Overlap Ratio  `json:"overlap"`
}

func (r *run) conflibert(data []byte) error {
	base := filepath.Base(r.path)
	if isSpansFile(data) {
		recs, err := ReadSpans(bytes.NewReader(data), r.path)
		if err != nil {
			return err
		}
		recs = limit(recs, r.opt.Limit)
		ss := make([]sentence, len(recs))
		for i, rec := range recs {
			ss[i] = sentence{id: fmt.Sprintf("%s:%d", base, rec.Line), text: rec.Text}
		}
		out, err := r.code(ss)
		if err != nil {
			return err
		}
		r.rep.Spans = r.scoreSpans(recs, ss, out)
		return nil
	}
	recs, err := ReadConfliBERT(bytes.NewReader(data), r.path)
	if err != nil {
		return err
	}
	recs = limit(recs, r.opt.Limit)
	ss := make([]sentence, len(recs))
	for i, rec := range recs {
		ss[i] = sentence{id: fmt.Sprintf("%s:%d", base, rec.Line), text: rec.Text}
	}
	out, err := r.code(ss)
	if err != nil {
		return err
	}
	r.rep.ConfliBERT = r.scoreClasses(recs, ss, out)
	return nil
}

// ClassOf reduces a coding to one ConfliBERT class. No event is 0
// (statement). Otherwise the event with the highest confidence decides
// (the first coded on a tie), by its CAMEO root as the ConfliBERT classes
// group them: 01–02 statement (0), 03–05 verbal cooperation (1), 06–08
// material cooperation (2), 09–13 and 16 verbal conflict (3), 14–15 and
// 17–20 material conflict (4). That is not GDELT's quad class, which
// truce records on each event (05 is material cooperation there and 16
// material conflict): the gold labels follow the grouping above — of the
// sentences truce codes 05 ("welcomed", "praised") the gold calls 45
// verbal and 16 material cooperation, of those it codes 16 ("suspended
// aid", "expelled diplomats") 64 verbal and none material conflict. An
// event with no valid root takes its quad class; one with neither is 0.
func ClassOf(c domain.Coding) int {
	i := bestEvent(c.Events, nil)
	if i < 0 {
		return 0
	}
	e := &c.Events[i]
	switch root := cameoRoot(e.CAMEO); {
	case root == 1 || root == 2:
		return 0
	case root >= 3 && root <= 5:
		return 1
	case root >= 6 && root <= 8:
		return 2
	case root >= 9 && root <= 13 || root == 16:
		return 3
	case root >= 14 && root <= 20:
		return 4
	case e.QuadClass >= 1 && e.QuadClass <= 4:
		return e.QuadClass
	}
	return 0
}

// cameoRoot returns the root (first two digits) of a CAMEO code as a
// number, or -1.
func cameoRoot(code string) int {
	code = strings.TrimSpace(code)
	if len(code) < 2 {
		return -1
	}
	n, err := strconv.Atoi(code[:2])
	if err != nil {
		return -1
	}
	return n
}

func className(c int) string { return fmt.Sprintf("%d %s", c, ClassNames[c]) }

func (r *run) scoreClasses(recs []ClassRecord, ss []sentence, out []coded) *ClassReport {
	var rep ClassReport
	hits := 0
	for i, rec := range recs {
		got := ClassOf(out[i].Coding)
		rep.Confusion[rec.Class][got]++
		if got == rec.Class {
			hits++
			continue
		}
		note := className(got)
		if k := bestEvent(out[i].Events, nil); k >= 0 {
			e := &out[i].Events[k]
			note += fmt.Sprintf(" (CAMEO %s, quad class %d, confidence %.2f)", e.CAMEO, e.QuadClass, e.Confidence)
		} else {
			note += " (no event)"
		}
		r.miss(ss[i], "class", className(rec.Class), note)
	}
	rep.Accuracy = newRatio(hits, len(recs))
	var sum float64
	var n int
	for c := range ClassNames {
		tp, fp, fn := rep.Confusion[c][c], 0, 0
		for o := range ClassNames {
			if o != c {
				fp += rep.Confusion[o][c]
				fn += rep.Confusion[c][o]
			}
		}
		cs := newClassScore(className(c), tp, fp, fn)
		rep.Classes = append(rep.Classes, cs)
		if d := 2*tp + fp + fn; d > 0 {
			sum += float64(2*tp) / float64(d)
			n++
		}
	}
	if n > 0 {
		rep.MacroF1 = round4(sum / float64(n))
	}
	return &rep
}

// isActorMention reports whether a mention names an actor (not a place).
func isActorMention(m *domain.Mention) bool {
	switch m.Type {
	case domain.MentionActor, domain.MentionPerson, domain.MentionOrg:
		return true
	}
	return false
}

func (r *run) scoreSpans(recs []SpanRecord, ss []sentence, out []coded) *SpanReport {
	var rep SpanReport
	var pExact, pOver, rExact, rOver int
	roleN := map[string]*[3]int{} // gold, exact, overlap
	for _, rn := range roleNames {
		roleN[rn.role] = &[3]int{}
	}
	for i, rec := range recs {
		var ms []*domain.Mention
		for k := range out[i].Mentions {
			if m := &out[i].Mentions[k]; isActorMention(m) {
				ms = append(ms, m)
			}
		}
		rep.GoldSpans += len(rec.Spans)
		rep.Mentions += len(ms)
		for _, m := range ms {
			exact, over := false, false
			for _, g := range rec.Spans {
				exact = exact || m.Span == g.Span
				over = over || m.Span.Overlaps(g.Span)
			}
			pExact += b2i(exact)
			pOver += b2i(over)
		}
		for _, g := range rec.Spans {
			exact, over := false, false
			for _, m := range ms {
				exact = exact || m.Span == g.Span
				over = over || m.Span.Overlaps(g.Span)
			}
			rExact += b2i(exact)
			rOver += b2i(over)
			if n := roleN[g.Role]; n != nil {
				n[0]++
				n[1] += b2i(exact)
				n[2] += b2i(over)
			}
		}
		if notes := spanMisses(rec, ms); notes != "" {
			r.miss(ss[i], "spans", goldSpanList(rec), notes)
		}
	}
	rep.Exact = newSpanScore(newRatio(pExact, rep.Mentions), newRatio(rExact, rep.GoldSpans))
	rep.Overlap = newSpanScore(newRatio(pOver, rep.Mentions), newRatio(rOver, rep.GoldSpans))
	for _, rn := range roleNames {
		n := roleN[rn.role]
		rep.ByRole = append(rep.ByRole, RoleScore{Role: rn.name, Exact: newRatio(n[1], n[0]), Overlap: newRatio(n[2], n[0])})
	}
	return &rep
}

// spanMisses lists the sentence's coded mentions when they and the gold
// spans differ, or "" when they agree exactly.
func spanMisses(rec SpanRecord, ms []*domain.Mention) string {
	same := len(ms) == len(rec.Spans)
	for _, g := range rec.Spans {
		found := false
		for _, m := range ms {
			found = found || m.Span == g.Span
		}
		same = same && found
	}
	if same {
		return ""
	}
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = fmt.Sprintf("%s %q", m.Type, m.Span.Of(rec.Text))
	}
	return listOr(parts, "(none)")
}

func goldSpanList(rec SpanRecord) string {
	parts := make([]string, len(rec.Spans))
	for i, g := range rec.Spans {
		parts[i] = fmt.Sprintf("%s %q", g.Role, g.Span.Of(rec.Text))
	}
	return listOr(parts, "(none)")
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
