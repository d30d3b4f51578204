package eval

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/truce/truce/internal/domain"
)

// Kinds of gold file that Run reads.
const (
	KindPLOVER     = "plover"     // PLOVER GSR: a JSON array of records
	KindPETRARCH   = "petrarch"   // PETRARCH2 GSR: JSON lines or the original XML
	KindConfliBERT = "conflibert" // ConfliBERT: 5-class TSV, or BIO actor spans
	KindACLED      = "acled"      // TSV: id, text, ACLED sub-event type
)

// Kinds lists every kind, in the order the command line documents them.
var Kinds = []string{KindPLOVER, KindPETRARCH, KindConfliBERT, KindACLED}

// Options tune a run; the zero value codes every record on every CPU and
// lists no misses.
type Options struct {
	// Workers is how many sentences are coded at once; 0 means
	// runtime.NumCPU(). The report does not depend on it.
	Workers int
	// Limit scores only the first Limit records of the file; 0 means all.
	Limit int
	// Verbose, when set, receives one tab-separated line per miss:
	// sentence id, what was missed, the gold, what was coded and the
	// sentence.
	Verbose io.Writer
}

// Report is the outcome of one run. It marshals to JSON with stable
// snake_case fields; exactly one of the kind sections is set, the others
// are null.
type Report struct {
	Kind         string `json:"kind"`
	File         string `json:"file"`
	CoderVersion string `json:"coder_version"`
	// Sentences is how many sentences were coded and scored; Failed how
	// many of them the coder returned an error for (they are scored as if
	// nothing was coded); Skipped how many gold records have no text
	// to code (one in the PETRARCH2 set).
	Sentences int `json:"sentences"`
	Failed    int `json:"failed"`
	Skipped   int `json:"skipped"`

	PLOVER     *PLOVERReport   `json:"plover"`
	PETRARCH   *PETRARCHReport `json:"petrarch"`
	ConfliBERT *ClassReport    `json:"conflibert"`
	Spans      *SpanReport     `json:"spans"`
	ACLED      *ACLEDReport    `json:"acled"`
}

// Ratio is a count of hits out of a total, with their share; Value is
// null when Total is 0.
type Ratio struct {
	Hits  int      `json:"hits"`
	Total int      `json:"total"`
	Value *float64 `json:"value"`
}

func newRatio(hits, total int) Ratio {
	return Ratio{Hits: hits, Total: total, Value: share(hits, total)}
}

// PRF is precision, recall and F1 from counts of true positives, false
// positives and false negatives; a score is null when its denominator is 0.
type PRF struct {
	TP        int      `json:"tp"`
	FP        int      `json:"fp"`
	FN        int      `json:"fn"`
	Precision *float64 `json:"precision"`
	Recall    *float64 `json:"recall"`
	F1        *float64 `json:"f1"`
}

func newPRF(tp, fp, fn int) PRF {
	return PRF{
		TP: tp, FP: fp, FN: fn,
		Precision: share(tp, tp+fp),
		Recall:    share(tp, tp+fn),
		F1:        share(2*tp, 2*tp+fp+fn),
	}
}

// ClassScore is one class's scores: Gold is how many sentences have the
// class in the gold (TP+FN), Coded how many were coded with it (TP+FP).
type ClassScore struct {
	Class string `json:"class"`
	Gold  int    `json:"gold"`
	Coded int    `json:"coded"`
	PRF
}

func newClassScore(class string, tp, fp, fn int) ClassScore {
	return ClassScore{Class: class, Gold: tp + fn, Coded: tp + fp, PRF: newPRF(tp, fp, fn)}
}

// share returns a/b rounded to four decimals, or nil when b is 0: the
// rounding keeps JSON reports short and stable across platforms.
func share(a, b int) *float64 {
	if b == 0 {
		return nil
	}
	return round4(float64(a) / float64(b))
}

func round4(x float64) *float64 {
	v := math.Round(x*1e4) / 1e4
	return &v
}

// Run scores the coder c against the gold file at path, read as kind (one
// of Kinds). Each gold sentence is coded as one article whose text is the
// sentence, whose id is the gold id (or FILE:LINE where the gold has
// none) and whose publication date is the gold date where it has a valid
// one. Errors a user should see (an unknown kind, a missing or malformed
// file) are *domain.Error naming the file and the line or record.
func Run(ctx context.Context, kind, path string, c domain.Coder, opt Options) (*Report, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, domain.Errorf(domain.ENOTFOUND, "%s: no such file", path)
		}
		return nil, domain.Errorf(domain.EINVALID, "%s: cannot read: %v", path, unwrapPath(err))
	}
	r := &run{ctx: ctx, coder: c, opt: opt, path: path, verbose: opt.Verbose}
	r.rep = &Report{Kind: kind, File: path, CoderVersion: c.Version()}
	switch kind {
	case KindPLOVER:
		err = r.plover(data)
	case KindPETRARCH:
		err = r.petrarch(data)
	case KindConfliBERT:
		err = r.conflibert(data)
	case KindACLED:
		err = r.acled(data)
	default:
		return nil, domain.Errorf(domain.EINVALID, "eval: unknown kind %q: want %s", kind, strings.Join(Kinds, ", "))
	}
	if err != nil {
		return nil, err
	}
	if r.werr != nil {
		return nil, fmt.Errorf("eval: write misses: %w", r.werr)
	}
	return r.rep, nil
}

// inputError returns the error a user sees for bad input: one line that
// names the file and the line.
func inputError(name string, line int, format string, args ...any) error {
	msg := strings.Map(flatten, fmt.Sprintf(format, args...))
	return domain.Errorf(domain.EINVALID, "%s:%d: %s", name, line, msg)
}

// unwrapPath drops the operation and path from an *fs.PathError, which
// the message already names.
func unwrapPath(err error) error {
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		return pe.Err
	}
	return err
}

// run carries one evaluation's state.
type run struct {
	ctx     context.Context
	coder   domain.Coder
	opt     Options
	path    string
	rep     *Report
	verbose io.Writer
	werr    error
}

// sentence is one gold sentence to code.
type sentence struct {
	id   string
	text string
	date string // as the gold writes it, "" when none
}

// coded is the coder's output for one sentence.
type coded struct {
	domain.Coding
	err error
}

// code codes every sentence, concurrently, and returns the codings in the
// sentences' order. A coder error marks that sentence failed (scored as
// coding nothing); a cancelled context stops the run.
func (r *run) code(ss []sentence) ([]coded, error) {
	arts := make([]*domain.Article, len(ss))
	for i, s := range ss {
		arts[i] = &domain.Article{
			ID:        s.id,
			Published: parseGoldDate(s.date),
			DateText:  s.date,
			Text:      s.text,
			Format:    "eval",
			Origin:    r.path,
			Hash:      domain.NormalizedHash(s.text),
		}
	}
	workers := r.opt.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	workers = max(1, min(workers, len(arts)))
	out := make([]coded, len(arts))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				cod, err := r.coder.Code(r.ctx, arts[i])
				out[i] = coded{Coding: cod, err: err}
			}
		})
	}
feed:
	for i := range arts {
		select {
		case next <- i:
		case <-r.ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err := r.ctx.Err(); err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	r.rep.Sentences = len(ss)
	for i, c := range out {
		if c.err != nil {
			r.rep.Failed++
			r.miss(ss[i], "coder_error", "-", c.err.Error())
			out[i] = coded{err: c.err}
		}
	}
	return out, nil
}

// miss writes one line for a miss to the verbose writer, if any.
func (r *run) miss(s sentence, what, gold, got string) {
	if r.verbose == nil || r.werr != nil {
		return
	}
	var b bytes.Buffer
	for i, f := range []string{s.id, what, "gold: " + gold, "got: " + got, s.text} {
		if i > 0 {
			b.WriteByte('\t')
		}
		b.WriteString(strings.Map(flatten, f))
	}
	b.WriteByte('\n')
	_, r.werr = r.verbose.Write(b.Bytes())
}

// flatten keeps a verbose line on one line.
func flatten(r rune) rune {
	if r == '\t' || r == '\n' || r == '\r' {
		return ' '
	}
	return r
}

// parseGoldDate reads a gold date as YYYY-MM-DD or YYYYMMDD; anything else
// (the PETRARCH gold has "121108") is an unknown date, not an error.
func parseGoldDate(s string) time.Time {
	for _, layout := range []string{time.DateOnly, "20060102"} {
		if len(s) == len(layout) {
			if t, err := time.Parse(layout, s); err == nil {
				return t
			}
		}
	}
	return time.Time{}
}

// withText drops the records without text, counting them as skipped.
func withText[T any](r *run, recs []T, idText func(*T) (id, text string)) []T {
	out := recs[:0:0]
	for i := range recs {
		id, text := idText(&recs[i])
		if strings.TrimSpace(text) == "" {
			r.rep.Skipped++
			r.miss(sentence{id: id}, "no_text", "(no text)", "(skipped)")
			continue
		}
		out = append(out, recs[i])
	}
	return out
}

// limit returns the first n elements of s, or all of s when n <= 0.
func limit[T any](s []T, n int) []T {
	if n > 0 && n < len(s) {
		return s[:n]
	}
	return s
}

// bestEvent returns the index of the event with the highest confidence
// among those keep accepts, the first on a tie, or -1 when none.
func bestEvent(evs []domain.Event, keep func(*domain.Event) bool) int {
	best := -1
	for i := range evs {
		if keep != nil && !keep(&evs[i]) {
			continue
		}
		if best < 0 || evs[i].Confidence > evs[best].Confidence {
			best = i
		}
	}
	return best
}
