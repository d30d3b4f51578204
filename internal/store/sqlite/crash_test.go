package sqlite

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/store"
	"github.com/truce/truce/internal/store/storetest"
)

// crashEnv names the database the crash helper writes to; the helper runs
// only when it is set.
const crashEnv = "TRUCE_SQLITE_CRASH_DB"

const crashBatch = 100

// crashArticles returns batch b of the crash test: the same articles every
// time it is asked.
func crashArticles(c *storetest.Corpus, b int) []*domain.Article {
	as := make([]*domain.Article, crashBatch)
	for i := range as {
		as[i] = c.Article(b*crashBatch + i)
	}
	return as
}

// crashCodings codes every article of a batch with two events.
func crashCodings(as []*domain.Article) []domain.Coding {
	cs := make([]domain.Coding, len(as))
	for i, a := range as {
		cs[i] = domain.Coding{ArticleID: a.ID, CoderVersion: "v1"}
		for j := range 2 {
			cs[i].Events = append(cs[i].Events, domain.Event{
				ID: fmt.Sprintf("%s-e%d", a.ID, j), ArticleID: a.ID, Date: a.Date(), CAMEO: "190", QuadClass: 4,
				PLOVER: domain.PLOVER{Type: "ASSAULT"}, Source: []domain.Actor{{Code: "AZEMIL", Country: "AZE"}},
				Target: []domain.Actor{{Code: "ARMMIL", Country: "ARM"}},
			})
		}
	}
	return cs
}

// TestCrashHelper is the process the crash test kills: it adds and codes
// batches until it is killed, printing the number of each batch it has
// committed.
func TestCrashHelper(t *testing.T) {
	path := os.Getenv(crashEnv)
	if path == "" {
		t.Skip("runs only as the crash test's child process")
	}
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(2)
	}
	// Merge the near-duplicate bands every few batches, so that a kill
	// may land in a merge too.
	s.bandMergeRows = func(int64) int64 { return 4 * crashBatch * domain.SignatureBands }
	c := storetest.NewCorpus(7)
	for b := 0; ; b++ {
		as := crashArticles(c, b)
		if _, err := s.AddArticles(ctx, as); err != nil {
			fmt.Println("error", err)
			os.Exit(2)
		}
		fmt.Printf("added %d\n", b)
		if err := s.SaveCodings(ctx, crashCodings(as)); err != nil {
			fmt.Println("error", err)
			os.Exit(2)
		}
		fmt.Printf("coded %d\n", b)
	}
}

// TestCrash kills a process that is writing with SIGKILL at a random
// moment, then checks that the database is intact, that every batch and
// every coding is there whole or not at all, and that adding the same
// articles again stores each exactly once.
func TestCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills child processes")
	}
	c := storetest.NewCorpus(7)
	for round := range 3 {
		t.Run(fmt.Sprint(round), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "crash.db")
			added, coded := crashChild(t, path, 2+round*3, time.Duration(rand.IntN(40))*time.Millisecond)
			t.Logf("killed after %d batches added and %d coded", added+1, coded+1)

			s, err := Open(t.Context(), path)
			if err != nil {
				t.Fatalf("Open after the crash: %v", err)
			}
			defer s.Close()
			var integrity string
			if err := s.w.QueryRow(`PRAGMA integrity_check`).Scan(&integrity); err != nil || integrity != "ok" {
				t.Errorf("integrity_check: got %q, %v; want ok", integrity, err)
			}
			// The full-text index as the crash left it, before a search
			// catches it up: whole, if behind.
			if err := s.text.db.QueryRow(`PRAGMA fts.integrity_check`).Scan(&integrity); err != nil || integrity != "ok" {
				t.Errorf("full-text index integrity_check: got %q, %v; want ok", integrity, err)
			}
			if _, err := s.text.db.Exec(`INSERT INTO fts.articles_fts(articles_fts) VALUES ('integrity-check')`); err != nil {
				t.Errorf("full-text integrity-check: %v", err)
			}

			// Every batch whole or absent, and all committed ones present.
			stored := 0
			last := added + 3
			for b := 0; b < last; b++ {
				n, err := s.CountArticles(t.Context(), store.ArticleFilter{Q: fmt.Sprintf(`"Report %d"`, b*crashBatch)})
				if err != nil {
					t.Fatal(err)
				}
				var inBatch int
				if err := s.r.QueryRow(`SELECT count(*) FROM articles WHERE id IN (`+
					placeholders(crashBatch)+`)`, idsOf(crashArticles(c, b))...).Scan(&inBatch); err != nil {
					t.Fatal(err)
				}
				switch {
				case inBatch != 0 && inBatch != crashBatch:
					t.Errorf("batch %d: got %d articles, want all %d or none", b, inBatch, crashBatch)
				case b <= added && inBatch == 0:
					t.Errorf("batch %d: reported added, got no articles", b)
				case inBatch > 0 && n == 0:
					t.Errorf("batch %d: stored but not in the full-text index", b)
				}
				stored += inBatch
				var codedArticles, events int
				if err := s.r.QueryRow(`SELECT count(*) FROM articles WHERE coder_version = 'v1' AND id IN (`+
					placeholders(crashBatch)+`)`, idsOf(crashArticles(c, b))...).Scan(&codedArticles); err != nil {
					t.Fatal(err)
				}
				if err := s.r.QueryRow(`SELECT count(*) FROM events WHERE article_id IN (`+
					placeholders(crashBatch)+`)`, idsOf(crashArticles(c, b))...).Scan(&events); err != nil {
					t.Fatal(err)
				}
				if codedArticles != 0 && codedArticles != crashBatch || events != 2*codedArticles {
					t.Errorf("batch %d: got %d articles coded with %d events, want all or none with 2 each", b, codedArticles, events)
				}
				if b <= coded && codedArticles == 0 {
					t.Errorf("batch %d: reported coded, got no coded articles", b)
				}
			}

			var bands int
			if err := s.r.QueryRow(`SELECT (SELECT count(*) FROM article_bands) +
				(SELECT count(*) FROM article_bands_new)`).Scan(&bands); err != nil {
				t.Fatal(err)
			}
			if bands != domain.SignatureBands*stored {
				t.Errorf("got %d bands for %d articles, want %d each", bands, stored, domain.SignatureBands)
			}

			// Adding everything again stores each article exactly once.
			news := 0
			for b := 0; b < last; b++ {
				res, err := s.AddArticles(t.Context(), crashArticles(c, b))
				if err != nil {
					t.Fatal(err)
				}
				for _, r := range res {
					switch r.Status {
					case store.New:
						news++
					case store.Duplicate:
					default:
						t.Errorf("article %s: got %v adding it again, want new or duplicate", r.ID, r.Status)
					}
				}
			}
			if want := last*crashBatch - stored; news != want {
				t.Errorf("got %d new articles adding again, want %d", news, want)
			}
			total, err := s.CountArticles(t.Context(), store.ArticleFilter{})
			if err != nil {
				t.Fatal(err)
			}
			if total != last*crashBatch {
				t.Errorf("got %d articles, want %d", total, last*crashBatch)
			}
		})
	}
}

// crashChild starts the helper on path, kills it with SIGKILL delay after
// it has added the given number of batches, and returns the last batch it
// reported added and coded (-1 for none).
func crashChild(t *testing.T, path string, batches int, delay time.Duration) (added, coded int) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashHelper$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	added, coded = -1, -1
	lines := bufio.NewScanner(out)
	killed := false
	for lines.Scan() {
		word, num, _ := strings.Cut(lines.Text(), " ")
		n, _ := strconv.Atoi(num)
		switch word {
		case "added":
			added = n
		case "coded":
			coded = n
		case "error":
			t.Fatalf("helper: %s", lines.Text())
		}
		if added+1 >= batches && !killed {
			time.Sleep(delay)
			if err := cmd.Process.Kill(); err != nil {
				t.Fatal(err)
			}
			killed = true
		}
	}
	if err := cmd.Wait(); err == nil || !killed {
		t.Fatalf("helper ended with %v before it was killed", err)
	}
	return added, coded
}

func placeholders(n int) string { return strings.TrimSuffix(strings.Repeat("?,", n), ",") }

func idsOf(as []*domain.Article) []any {
	out := make([]any, len(as))
	for i, a := range as {
		out[i] = a.ID
	}
	return out
}
