package cli

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"io/fs"
	"os"
	"strconv"
	"strings"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/store"
)

// openExisting opens the store for a query: the database must exist
// already (a query never creates an empty one).
func openExisting(e *env) (store.Store, error) {
	if _, err := os.Stat(e.cfg.DB); errors.Is(err, fs.ErrNotExist) {
		return nil, domain.Errorf(domain.ENOTFOUND, "%s: no database here (run truce ingest first, or give --db)", e.cfg.DB)
	}
	return openStore(e.ctx, e.cfg.DB)
}

// listAll calls list page after page until limit records (0: all) have
// been written or there are no more.
func listAll[T any](ctx context.Context, limit int, page *store.Page, list func() ([]T, store.Cursor, error), write func(T) error) error {
	n := 0
	for {
		page.Limit = store.MaxLimit
		if limit > 0 && limit-n < page.Limit {
			page.Limit = limit - n
		}
		items, next, err := list()
		if err != nil {
			return err
		}
		for _, it := range items {
			if err := write(it); err != nil {
				return err
			}
			n++
		}
		if next == "" || (limit > 0 && n >= limit) || ctx.Err() != nil {
			return ctx.Err()
		}
		page.After = next
	}
}

// listing runs a listing command: the common filters and any extra flags,
// the output writer, the store (which must exist), and every page of
// records up to --limit. query makes the store call for one page.
func listing[T any](e *env, name string, args []string, tbl table[T], extra func(*flag.FlagSet),
	query func(st store.Store, f filterFlags, p store.Page) ([]T, store.Cursor, error)) error {
	fs := newFlags(name, e)
	var f filterFlags
	f.register(fs)
	if extra != nil {
		extra(fs)
	}
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q", pos[0])
	}
	rw, err := newRecordWriter(e.stdout, f.format, tbl)
	if err != nil {
		return err
	}
	st, err := openExisting(e)
	if err != nil {
		return err
	}
	defer st.Close()
	var page store.Page
	err = listAll(e.ctx, f.limit, &page, func() ([]T, store.Cursor, error) {
		return query(st, f, page)
	}, rw.write)
	if err != nil {
		return err
	}
	return rw.close()
}

func runArticles(e *env, args []string) error {
	var withText bool
	var source string
	return listing(e, "articles", args, articleTable, func(fs *flag.FlagSet) {
		fs.BoolVar(&withText, "text", false, "include each article's text")
		fs.StringVar(&source, "source", "", "only articles from this `source`")
	}, func(st store.Store, f filterFlags, p store.Page) ([]domain.Article, store.Cursor, error) {
		as, next, err := st.Articles(e.ctx, store.ArticleFilter{Q: f.q, Since: f.since, Until: f.until, Source: source, WithText: withText, Page: p})
		out := make([]domain.Article, len(as))
		for i, a := range as {
			out[i] = *a
		}
		return out, next, err
	})
}

var articleTable = table[domain.Article]{
	header: []string{"id", "date", "source", "title", "length", "duplicate_of"},
	row: func(a domain.Article) []string {
		n := a.Length
		if n == 0 {
			n = len(a.Text)
		}
		return []string{a.ID, a.Date().String(), a.Source, a.Title, strconv.Itoa(n), a.DuplicateOf}
	},
}

func runEvents(e *env, args []string) error {
	var modality string
	extra := func(fs *flag.FlagSet) {
		fs.StringVar(&modality, "modality", "", "only events of this `modality`")
	}
	return listing(e, "events", args, eventTable, extra, func(st store.Store, f filterFlags, p store.Page) ([]domain.Event, store.Cursor, error) {
		ef := eventFilter(f, modality)
		ef.Page = p
		return st.Events(e.ctx, ef)
	})
}

func eventFilter(f filterFlags, modality string) store.EventFilter {
	return store.EventFilter{Since: f.since, Until: f.until, Actor: strings.ToUpper(f.actor),
		Country: strings.ToUpper(f.country), Type: f.typ, Place: f.place, Modality: modality,
		ArticleID: f.at, Q: f.q}
}

func actorCodes(as []domain.Actor) string {
	var b strings.Builder
	for i, a := range as {
		if i > 0 {
			b.WriteByte(';')
		}
		if a.Code != "" {
			b.WriteString(string(a.Code))
		} else {
			b.WriteString(a.Text)
		}
	}
	return b.String()
}

func placeName(p *domain.Place) string {
	if p == nil {
		return ""
	}
	return p.Name
}

var eventTable = table[domain.Event]{
	header:  []string{"id", "date", "source", "cameo", "plover", "target", "place", "modality", "trigger", "fatalities", "article_id"},
	feature: func(ev domain.Event) (any, bool) { return ev.Feature() },
	row: func(ev domain.Event) []string {
		return []string{ev.ID, ev.Date.String(), actorCodes(ev.Source), ev.CAMEO, ev.PLOVER.Type,
			actorCodes(ev.Target), placeName(ev.Place), ev.Modality, ev.Trigger,
			domain.FormatCount(ev.Fatalities.Best), ev.ArticleID}
	},
}

func runClaims(e *env, args []string) error {
	var topic string
	return listing(e, "claims", args, claimTable, func(fs *flag.FlagSet) {
		fs.StringVar(&topic, "topic", "", "only claims on this `topic`")
	}, func(st store.Store, f filterFlags, p store.Page) ([]domain.Claim, store.Cursor, error) {
		return st.Claims(e.ctx, store.ClaimFilter{Since: f.since, Until: f.until, Actor: strings.ToUpper(f.actor),
			Country: strings.ToUpper(f.country), Topic: cmp.Or(topic, f.typ), Place: f.place, ArticleID: f.at, Q: f.q, Page: p})
	})
}

var claimTable = table[domain.Claim]{
	header: []string{"id", "date", "speaker", "verb", "topic", "polarity", "place", "proposition", "article_id"},
	row: func(c domain.Claim) []string {
		sp := string(c.Speaker.Code)
		if sp == "" {
			sp = c.Speaker.Text
		}
		return []string{c.ID, c.Date.String(), sp, c.Verb, c.Topic, c.Polarity, placeName(c.Place), c.Proposition, c.ArticleID}
	},
}

func runContradictions(e *env, args []string) error {
	var topic string
	return listing(e, "contradictions", args, contradictionTable, func(fs *flag.FlagSet) {
		fs.StringVar(&topic, "topic", "", "only contradictions on this `topic`")
	}, func(st store.Store, f filterFlags, p store.Page) ([]domain.Contradiction, store.Cursor, error) {
		return st.Contradictions(e.ctx, store.ContradictionFilter{Since: f.since, Until: f.until, Topic: cmp.Or(topic, f.typ),
			Country: strings.ToUpper(f.country), Place: f.place, ArticleID: f.at, Page: p})
	})
}

var contradictionTable = table[domain.Contradiction]{
	header: []string{"id", "date", "topic", "place", "reason", "explanation", "records"},
	row: func(c domain.Contradiction) []string {
		return []string{c.ID, c.Date.String(), c.Topic, placeName(c.Place), c.Reason, c.Explanation, strings.Join(c.Claims, ";")}
	},
}

func runCommitments(e *env, args []string) error {
	var status, category string
	return listing(e, "commitments", args, commitmentTable, func(fs *flag.FlagSet) {
		fs.StringVar(&status, "status", "", "only commitments with this `status` (pending, fulfilled, violated, overdue, conditional)")
		fs.StringVar(&category, "category", "", "only commitments of this `category`")
	}, func(st store.Store, f filterFlags, p store.Page) ([]domain.Commitment, store.Cursor, error) {
		return st.Commitments(e.ctx, store.CommitmentFilter{Since: f.since, Until: f.until, Actor: strings.ToUpper(f.actor),
			Country: strings.ToUpper(f.country), Category: cmp.Or(category, f.typ), Status: status, Place: f.place,
			ArticleID: f.at, Q: f.q, Page: p})
	})
}

var commitmentTable = table[domain.Commitment]{
	header: []string{"id", "date", "actor", "category", "status", "due", "action", "condition", "article_id"},
	row: func(c domain.Commitment) []string {
		a := string(c.Actor.Code)
		if a == "" {
			a = c.Actor.Text
		}
		return []string{c.ID, c.Date.String(), a, c.Category, c.Status, c.Due.String(), c.Action, string(c.Condition), c.ArticleID}
	},
}
