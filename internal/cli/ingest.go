package cli

import (
	"fmt"
	"strings"

	"github.com/truce/truce/internal/ingest"
	"github.com/truce/truce/internal/narrative"
	"github.com/truce/truce/internal/store"
)

// columnsFlag collects --column FIELD=COLUMN overrides.
type columnsFlag map[string]string

func (c columnsFlag) String() string { return "" }

func (c columnsFlag) Set(s string) error {
	k, v, ok := strings.Cut(s, "=")
	if !ok || k == "" || v == "" {
		return fmt.Errorf("want FIELD=COLUMN, e.g. text=notes")
	}
	c[strings.ToLower(k)] = v
	return nil
}

func runIngest(e *env, args []string) error {
	fs := newFlags("ingest", e)
	var source, format string
	var noCode bool
	cols := columnsFlag{}
	fs.StringVar(&source, "source", "", "the articles' `source` (outlet), overriding the input's")
	fs.StringVar(&format, "format", "", "force the input `format`: "+strings.Join(ingest.Formats, ", "))
	fs.Var(cols, "column", "read an article `field=column` from another CSV column or JSON field (repeatable)")
	fs.BoolVar(&noCode, "no-code", false, "store the articles without coding them")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("no input given")
	}
	st, err := openStore(e.ctx, e.cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	sum, err := ingestInto(e, st, pos, ingest.Options{Format: format, Source: source, Columns: cols}, !noCode)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, sum.String())
	if sum.Failed > 0 {
		return errInputsFailed
	}
	return nil
}

// ingestInto stores and codes inputs, printing each failure as one line,
// then brings the contradictions and the ledger up to date.
func ingestInto(e *env, st store.Store, inputs []string, opt ingest.Options, code bool) (ingest.Summary, error) {
	opt.Stdin = e.stdin
	opt.Error = func(err error) { fmt.Fprintf(e.stderr, "truce ingest: %s\n", err) }
	opt.Warn = func(err error) { fmt.Fprintf(e.stderr, "truce ingest: warning: %s\n", err) }
	if isTerminal(e.stderr) {
		opt.Progress = e.stderr
	}
	var span *spanCoder
	if code {
		c, err := newCoder(e)
		if err != nil {
			return ingest.Summary{}, err
		}
		span = &spanCoder{Coder: c}
		opt.Coder = span
	}
	sum, err := ingest.Run(e.ctx, st, inputs, opt)
	if err != nil {
		return sum, err
	}
	if span != nil && span.n > 0 {
		if err := narrative.Refresh(e.ctx, st, span.since, span.til, narrative.Options{}); err != nil {
			return sum, err
		}
	}
	return sum, nil
}
