package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/ingest"
	"github.com/truce/truce/internal/server"
	"github.com/truce/truce/internal/store"
)

func runServe(e *env, args []string) error {
	fs := newFlags("serve", e)
	fs.StringVar(&e.cfg.Addr, "addr", e.cfg.Addr, "listen `address`")
	var allowPrivate bool
	fs.BoolVar(&allowPrivate, "allow-private-fetch", false, "let the API fetch URLs on private and loopback addresses")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q", pos[0])
	}
	st, err := openStore(e.ctx, e.cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	return serve(e, st, server.Config{Token: e.cfg.Token, AllowPrivate: allowPrivate}, "")
}

// serve runs the API and dashboard on st until the context ends.
func serve(e *env, st store.Store, cfg server.Config, banner string) error {
	c, err := newCoder(e)
	if err != nil {
		return err
	}
	cfg.Version = Version
	cfg.Label = func(code string) string {
		if k, ok := c.Codebook().Code(code); ok {
			return k.Label
		}
		return ""
	}
	log := slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	srv := server.New(cfg, st, c, &apiIngester{e: e, st: st}, log)
	ln, err := net.Listen("tcp", e.cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", e.cfg.Addr, err)
	}
	if banner != "" {
		fmt.Fprintln(e.stdout, banner)
	}
	fmt.Fprintf(e.stdout, "truce: serving http://%s/ (Ctrl-C to stop)\n", ln.Addr())
	return srv.ServeListener(e.ctx, ln)
}

// apiIngester ingests a body posted to the API: it is written to a
// temporary file and read like any input, so every format works the
// same as on the command line.
type apiIngester struct {
	e  *env
	st store.Store
}

func (a *apiIngester) Ingest(ctx context.Context, body io.Reader, contentType, sourceURL string) (server.IngestSummary, error) {
	dir, err := os.MkdirTemp("", "truce-post-")
	if err != nil {
		return server.IngestSummary{}, err
	}
	defer os.RemoveAll(dir)
	name := filepath.Join(dir, "body"+extFor(contentType))
	f, err := os.Create(name)
	if err != nil {
		return server.IngestSummary{}, err
	}
	if _, err := io.Copy(f, body); err != nil {
		f.Close()
		return server.IngestSummary{}, err
	}
	if err := f.Close(); err != nil {
		return server.IngestSummary{}, err
	}
	var errs bytes.Buffer
	e := *a.e
	e.ctx = ctx
	e.stderr = &errs
	var ids []string
	sum, err := ingestInto(&e, a.st, []string{name}, ingest.Options{OnArticle: func(art *domain.Article) {
		if sourceURL != "" && art.URL == "" {
			art.URL = sourceURL
		}
		id := art.ID
		if id == "" {
			// What ingest will derive from the text.
			id = domain.ContentID(domain.NormalizedHash(art.Text))
		}
		ids = append(ids, id)
	}}, true)
	if err != nil {
		return server.IngestSummary{}, err
	}
	out := server.IngestSummary{New: sum.New, Duplicate: sum.Duplicates, NearDuplicate: sum.NearDuplicates, Failed: sum.Failed, IDs: ids}
	for line := range strings.SplitSeq(strings.TrimSpace(errs.String()), "\n") {
		if line != "" {
			out.Errors = append(out.Errors, strings.ReplaceAll(line, name, "body"))
		}
	}
	return out, nil
}

func extFor(contentType string) string {
	switch {
	case strings.Contains(contentType, "json"):
		return ".jsonl"
	case strings.Contains(contentType, "html"):
		return ".html"
	case strings.Contains(contentType, "xml"), strings.Contains(contentType, "rss"), strings.Contains(contentType, "atom"):
		return ".xml"
	case strings.Contains(contentType, "csv"):
		return ".csv"
	}
	return ".txt"
}
