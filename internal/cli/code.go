package cli

import (
	"bufio"
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/truce/truce/internal/coder"
	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/ingest"
	"github.com/truce/truce/internal/narrative"
)

func newCoder(e *env) (*coder.Coder, error) {
	c, err := coder.New(coder.Options{Dicts: e.cfg.Dicts})
	if err != nil {
		return nil, fmt.Errorf("dictionaries: %w", err)
	}
	return c, nil
}

// runCode codes articles without storing them and prints their records as
// JSON lines: per article its mentions (with --mentions), events and
// claims; then, across all articles, the commitments with their ledger
// status and the contradictions. With --per-article the commitments go
// out with their article and nothing is kept: memory stays flat however
// many articles come in.
func runCode(e *env, args []string) error {
	fs := newFlags("code", e)
	var mentions bool
	var date domain.Date
	var format, source string
	fs.BoolVar(&mentions, "mentions", false, "also print the actor and place mentions")
	fs.Var(dateFlag{&date}, "date", "the articles' `date` where the input gives none (YYYY-MM-DD)")
	fs.StringVar(&format, "format", "", "force the input `format` (text, jsonl, feed, html, csv, tsv)")
	fs.StringVar(&source, "source", "", "the articles' `source`")
	var window int
	fs.IntVar(&window, "window", 3, "`days` apart two claims may be and still contradict")
	var perArticle bool
	fs.BoolVar(&perArticle, "per-article", false, "print each article's commitments with it, with their status within the article, and skip the ledger and contradictions across articles, which keep every record in memory to the end")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		pos = []string{"-"}
	}
	c, err := newCoder(e)
	if err != nil {
		return err
	}
	opt := ingest.Options{Format: format, Source: source, Stdin: e.stdin,
		Warn: func(err error) { fmt.Fprintf(e.stderr, "truce code: warning: %s\n", err) }}
	inputs, errs := ingest.Expand(pos)
	failed := len(errs)
	for _, err := range errs {
		fmt.Fprintf(e.stderr, "truce code: %s\n", err)
	}
	defer heapBudget(codeHeapCeiling, codeGCPercent)()
	// Records go out an article at a time rather than a write each.
	out := bufio.NewWriterSize(e.stdout, 64<<10)
	defer out.Flush() // what was written before an error
	// Each article's records are kept as they came and joined once at the
	// end: appending them one article at a time to growing slices copied
	// every record again at each growth.
	var events [][]domain.Event
	var claims [][]domain.Claim
	var commitments [][]domain.Commitment
	for _, in := range inputs {
		for a, err := range ingest.Articles(e.ctx, in, opt) {
			if err != nil {
				fmt.Fprintf(e.stderr, "truce code: %s\n", err)
				failed++
				continue
			}
			if a.Published.IsZero() && !date.IsZero() {
				a.Published = date.Time()
			}
			cod, err := c.Code(e.ctx, a)
			if err != nil {
				return err
			}
			if cod.NotCoded != "" {
				fmt.Fprintf(e.stderr, "truce code: warning: %s: not coded: %s\n", articleName(a), cod.NotCoded)
			}
			if mentions {
				if err := writeRecords(out, cod.Mentions); err != nil {
					return err
				}
			}
			if err := writeRecords(out, cod.Events); err != nil {
				return err
			}
			if err := writeRecords(out, cod.Claims); err != nil {
				return err
			}
			if perArticle {
				if err := writeRecords(out, cod.Commitments); err != nil {
					return err
				}
			}
			if err := out.Flush(); err != nil {
				return err
			}
			if perArticle {
				continue
			}
			events = append(events, cod.Events)
			claims = append(claims, cod.Claims)
			commitments = append(commitments, cod.Commitments)
		}
		if err := e.ctx.Err(); err != nil {
			return err
		}
	}
	if !perArticle {
		nopt := narrative.Options{Window: window}
		allEvents, allClaims := slices.Concat(events...), slices.Concat(claims...)
		events, claims = nil, nil
		if err := writeRecords(out, narrative.Ledger(slices.Concat(commitments...), allEvents, allClaims, nopt)); err != nil {
			return err
		}
		if err := writeRecords(out, narrative.Contradictions(allClaims, allEvents, nopt)); err != nil {
			return err
		}
	}
	if err := out.Flush(); err != nil {
		return err
	}
	if failed > 0 {
		return errInputsFailed
	}
	return nil
}

// writeRecords writes records as JSON lines, one a line, each appended to
// the writer's free buffer by the record's own encoder.
func writeRecords[R interface {
	AppendJSON([]byte) ([]byte, error)
}](w *bufio.Writer, rs []R) error {
	for _, r := range rs {
		b, err := r.AppendJSON(w.AvailableBuffer())
		if err != nil {
			return err
		}
		if _, err := w.Write(append(b, '\n')); err != nil {
			return err
		}
	}
	return nil
}

// spanCoder wraps a coder and notes the range of article dates it codes,
// so that an ingest refreshes the contradictions and the ledger of that
// period only.
type spanCoder struct {
	domain.Coder
	mu         sync.Mutex
	since, til domain.Date
	n          int
}

func (s *spanCoder) Code(ctx context.Context, a *domain.Article) (domain.Coding, error) {
	cod, err := s.Coder.Code(ctx, a)
	if err == nil {
		d := a.Date()
		if d.IsZero() {
			d = domain.DateOf(time.Now())
		}
		s.mu.Lock()
		if s.n == 0 || d.Before(s.since) {
			s.since = d
		}
		if s.n == 0 || d.After(s.til) {
			s.til = d
		}
		s.n++
		s.mu.Unlock()
	}
	return cod, err
}

// articleName names an article for a message: where it came from and its
// title, else its id.
func articleName(a *domain.Article) string {
	name := a.Origin
	if name == "" {
		name = a.ID
	}
	if a.Title != "" {
		name += " (" + a.Title + ")"
	}
	return name
}
