package ingest

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/store"
)

// Summary counts what Run did.
type Summary struct {
	// New is the number of articles stored, near-duplicates included.
	New int
	// Duplicates is the number of articles already stored (same id, text
	// or URL), not stored again.
	Duplicates int
	// NearDuplicates is how many of New were stored as near-duplicates
	// of an earlier article (and are not coded).
	NearDuplicates int
	// Failed is the number of errors reported through Options.Error:
	// inputs and items that could not be read, and articles that could
	// not be coded.
	Failed int
	// Coded is the number of articles coded.
	Coded int
	// NotCoded is how many of Coded the coder passed over (an article
	// not in English): stored, and marked coded, with no records.
	NotCoded int
}

// String is the line the command line prints after an ingest:
// "ingested 12 new, 3 duplicates, 1 failed", with ", 2 near-duplicates"
// and ", 1 not coded (not English)" when there are any.
func (s Summary) String() string {
	line := fmt.Sprintf("ingested %d new, %d duplicates, %d failed", s.New, s.Duplicates, s.Failed)
	if s.NearDuplicates > 0 {
		line += fmt.Sprintf(", %d near-duplicates", s.NearDuplicates)
	}
	if s.NotCoded > 0 {
		line += fmt.Sprintf(", %d not coded (not English)", s.NotCoded)
	}
	return line
}

// Run ingests inputs into st: it expands them (Expand), reads each
// (Articles), stores the articles in batches of opt.Batch, one
// transaction each, so a crash loses at most the batch in flight; then,
// when opt.Coder is set, codes every stored article that this coder's
// version has not coded, which also resumes coding that a crash cut
// short. Each input or item that fails is reported through opt.Error and
// counted, and the others go on. The error is for what stops the run: a
// failing store, bad options, or ctx ending (ctx.Err(); the batch in
// flight is not stored).
func Run(ctx context.Context, st store.Store, inputs []string, opt Options) (Summary, error) {
	if err := opt.check(); err != nil {
		return Summary{}, err
	}
	var sum Summary
	report := func(err error) {
		sum.Failed++
		if opt.Error != nil {
			opt.Error(err)
		}
	}
	files, errs := Expand(inputs)
	for _, err := range errs {
		report(err)
	}

	if err := ingestAll(ctx, st, files, &opt, &sum, report); err != nil {
		return sum, err
	}
	if opt.Coder != nil {
		if err := code(ctx, st, &opt, &sum, report); err != nil {
			return sum, err
		}
	}
	return sum, nil
}

// ingestAll reads the inputs and stores their articles, in three stages
// that run at once: reading and parsing runs here; hashing a batch runs on
// another goroutine (and its workers); storing runs on a third, so the
// single database writer stores a batch while the next is hashed and the
// one after is read.
func ingestAll(ctx context.Context, st store.Store, files []string, opt *Options, sum *Summary, report func(error)) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	bar := newProgress(opt.Progress, files, "ingesting")
	defer bar.done()

	batches := make(chan []*domain.Article, 1)
	finished := make(chan []*domain.Article, 1)
	var storeErr error
	var wg sync.WaitGroup
	wg.Go(func() {
		defer close(finished)
		for b := range batches {
			if ctx.Err() != nil {
				continue // drain, so the reader never blocks
			}
			finishAll(b, opt.workers())
			finished <- b
		}
	})
	wg.Go(func() {
		for b := range finished {
			if storeErr != nil || ctx.Err() != nil {
				continue // drain, so the hashing never blocks
			}
			res, err := st.AddArticles(ctx, b)
			if err != nil {
				storeErr = fmt.Errorf("ingest: store %d articles: %w", len(b), err)
				cancel()
				continue
			}
			for _, r := range res {
				switch r.Status {
				case store.New:
					sum.New++
				case store.NearDuplicate:
					sum.New++
					sum.NearDuplicates++
				case store.Duplicate:
					sum.Duplicates++
				}
			}
			bar.describe("ingesting: %d new", sum.New)
		}
	})

	size := opt.batch()
	batch := make([]*domain.Article, 0, size)
	bytes := 0
	for _, in := range files {
		if ctx.Err() != nil {
			break
		}
		readInput(ctx, in, opt, bar.add, func(a *domain.Article, err error) bool {
			if err != nil {
				if ctx.Err() == nil {
					report(err)
				}
				return ctx.Err() == nil
			}
			if opt.OnArticle != nil {
				opt.OnArticle(a)
			}
			batch = append(batch, a)
			bytes += len(a.Text)
			if len(batch) >= size || bytes >= DefaultBatchBytes {
				batches <- batch
				batch = make([]*domain.Article, 0, size)
				bytes = 0
			}
			return ctx.Err() == nil
		})
	}
	if ctx.Err() == nil && len(batch) > 0 {
		batches <- batch
	}
	close(batches)
	wg.Wait()
	if storeErr != nil {
		return storeErr
	}
	return context.Cause(ctx)
}

// finishAll finishes a batch of articles on up to workers goroutines.
func finishAll(batch []*domain.Article, workers int) {
	workers = min(workers, len(batch))
	if workers <= 1 {
		for _, a := range batch {
			finish(a)
		}
		return
	}
	var wg sync.WaitGroup
	per := (len(batch) + workers - 1) / workers
	for lo := 0; lo < len(batch); lo += per {
		part := batch[lo:min(lo+per, len(batch))]
		wg.Go(func() {
			for _, a := range part {
				finish(a)
			}
		})
	}
	wg.Wait()
}

func (o *Options) workers() int {
	if o.Workers > 0 {
		return o.Workers
	}
	return runtime.NumCPU()
}

// code codes the stored articles that opt.Coder's version has not coded,
// a batch at a time, each batch's codings saved together. An article the
// coder fails on is reported and left uncoded (a later run tries again).
func code(ctx context.Context, st store.Store, opt *Options, sum *Summary, report func(error)) error {
	coder := opt.Coder
	version := coder.Version()
	bar := newCountProgress(opt.Progress, "coding", "articles")
	defer bar.done()
	size := opt.batch()
	failed := map[string]bool{}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		// Articles that failed stay uncoded and come back first: ask for
		// enough to get past them.
		limit := size + len(failed)
		arts, err := st.Uncoded(ctx, version, limit)
		if err != nil {
			return fmt.Errorf("ingest: list uncoded articles: %w", err)
		}
		todo := arts[:0:0]
		for _, a := range arts {
			if !failed[a.ID] {
				todo = append(todo, a)
			}
		}
		if len(todo) == 0 {
			return nil
		}
		codings, errs := codeAll(ctx, coder, todo, opt.workers())
		if err := ctx.Err(); err != nil {
			return err
		}
		var ok []domain.Coding
		for i, a := range todo {
			if errs[i] != nil {
				failed[a.ID] = true
				report(&InputError{Input: displayName(a.Origin), Item: "article " + a.ID, Err: fmt.Errorf("coding failed: %w", errs[i])})
				continue
			}
			if codings[i].NotCoded != "" {
				sum.NotCoded++
			}
			ok = append(ok, codings[i])
		}
		if len(ok) > 0 {
			if err := st.SaveCodings(ctx, ok); err != nil {
				return fmt.Errorf("ingest: save codings of %d articles: %w", len(ok), err)
			}
			sum.Coded += len(ok)
			bar.add(len(ok))
		}
		if len(arts) < limit {
			return nil
		}
	}
}

// codeAll codes articles on up to workers goroutines.
func codeAll(ctx context.Context, coder domain.Coder, arts []*domain.Article, workers int) ([]domain.Coding, []error) {
	codings := make([]domain.Coding, len(arts))
	errs := make([]error, len(arts))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(workers, len(arts)) {
		wg.Go(func() {
			for i := range next {
				c, err := codeOne(ctx, coder, arts[i])
				codings[i], errs[i] = c, err
			}
		})
	}
	for i := range arts {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return codings, errs
}

// codeOne codes one article; a panic in the coder is that article's
// failure, not the end of the run.
func codeOne(ctx context.Context, coder domain.Coder, a *domain.Article) (c domain.Coding, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("coder panic: %v", r)
		}
	}()
	c, err = coder.Code(ctx, a)
	if err != nil {
		return c, err
	}
	if c.ArticleID == "" {
		c.ArticleID = a.ID
	}
	if c.CoderVersion == "" {
		c.CoderVersion = coder.Version()
	}
	if c.ArticleID != a.ID {
		return c, errors.New("coding names another article")
	}
	return c, nil
}
