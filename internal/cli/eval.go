package cli

import (
	"encoding/json"
	"strings"

	"github.com/truce/truce/internal/eval"
)

func runEval(e *env, args []string) error {
	fs := newFlags("eval", e)
	var format string
	var workers, limit int
	var verbose bool
	fs.StringVar(&format, "format", "table", "output `format`: table or json")
	fs.IntVar(&workers, "workers", 0, "sentences coded at once (default: one per CPU)")
	fs.IntVar(&limit, "limit", 0, "score only the first `n` records")
	fs.BoolVar(&verbose, "misses", false, "list every miss on stderr (id, gold, got, sentence)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usagef("want KIND FILE, KIND one of %s", strings.Join(eval.Kinds, ", "))
	}
	if format != "table" && format != "json" {
		return usagef("unknown --format %q (want table or json)", format)
	}
	c, err := newCoder(e)
	if err != nil {
		return err
	}
	opt := eval.Options{Workers: workers, Limit: limit}
	if verbose {
		opt.Verbose = e.stderr
	}
	r, err := eval.Run(e.ctx, pos[0], pos[1], c, opt)
	if err != nil {
		return err
	}
	if format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	return r.WriteTable(e.stdout)
}
