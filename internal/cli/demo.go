package cli

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/truce/truce/examples"
	"github.com/truce/truce/internal/ingest"
	"github.com/truce/truce/internal/server"
)

// runDemo ingests the bundled sample corpus into a temporary database and
// serves it: the one command that shows what truce does.
func runDemo(e *env, args []string) error {
	fset := newFlags("demo", e)
	fset.StringVar(&e.cfg.Addr, "addr", e.cfg.Addr, "listen `address`")
	var keep bool
	fset.BoolVar(&keep, "keep", false, "keep the temporary database (its path is printed)")
	pos, err := parse(fset, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q", pos[0])
	}
	dir, err := os.MkdirTemp("", "truce-demo-")
	if err != nil {
		return err
	}
	if !keep {
		defer os.RemoveAll(dir)
	}
	corpus := filepath.Join(dir, "corpus")
	if err := os.CopyFS(corpus, examples.Corpus); err != nil {
		return fmt.Errorf("demo corpus: %w", err)
	}
	n := 0
	fs.WalkDir(examples.Corpus, ".", func(_ string, d fs.DirEntry, _ error) error {
		if d != nil && !d.IsDir() {
			n++
		}
		return nil
	})
	e.cfg.DB = filepath.Join(dir, "demo.db")
	st, err := openStore(e.ctx, e.cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	fmt.Fprintf(e.stdout, "truce demo: coding %d sample articles into %s\n", n, e.cfg.DB)
	sum, err := ingestInto(e, st, []string{corpus}, ingest.Options{Source: "truce sample corpus"}, true)
	if err != nil {
		return err
	}
	stats, err := st.Stats(e.ctx)
	if err != nil {
		return err
	}
	banner := fmt.Sprintf("truce demo: %s; %d events, %d claims, %d contradictions, %d commitments",
		sum, stats.Events, stats.Claims, stats.Contradictions, stats.Commitments)
	return serve(e, st, server.Config{}, banner)
}
