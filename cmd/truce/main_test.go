package main

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"github.com/truce/truce/internal/ingest"
)

// buildTruce builds the binary once per test run.
func buildTruce(t testing.TB) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "truce")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// writeArticles writes n distinct articles of about 1 KB as JSON lines.
func writeArticles(t *testing.T, path string, n int) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	r := rand.New(rand.NewPCG(1, 2))
	syll := []string{"ka", "ra", "bakh", "ste", "pa", "na", "kert", "go", "ris", "la", "chin", "ye", "re", "van", "shu", "sha", "ag", "dam", "tegh", "mar", "tu", "ni"}
	for i := range n {
		var b strings.Builder
		for range 150 {
			for range 1 + r.IntN(3) {
				b.WriteString(syll[r.IntN(len(syll))])
			}
			b.WriteByte(' ')
		}
		fmt.Fprintf(w, "{\"id\":\"k%d\",\"date\":\"2023-09-%02d\",\"title\":\"Report %d\",\"text\":%q}\n", i, 1+i%28, i, b.String())
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

// TestKillAndResume kills an ingest with SIGKILL in the middle, runs the
// same ingest again, and checks that every article is stored exactly once
// and the database is intact.
func TestKillAndResume(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and ingests 30,000 articles: skipped with -short")
	}
	bin := buildTruce(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "big.jsonl")
	const n = 30000
	writeArticles(t, in, n)
	db := filepath.Join(dir, "t.db")

	cmd := exec.Command(bin, "ingest", "--no-code", "--db", db, in)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill once some batches are in.
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if st, err := os.Stat(db + "-wal"); err == nil && st.Size() > 2<<20 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	first := countArticles(t, db)
	if first == 0 || first >= n {
		t.Logf("killed after %d of %d articles: the kill did not land mid-ingest", first, n)
	}
	// The articles are short (~1 KB), so batches end at the count, not
	// at ingest.DefaultBatchBytes.
	if first%ingest.DefaultBatch != 0 {
		t.Errorf("after the kill %d articles are stored, want a whole number of batches of %d", first, ingest.DefaultBatch)
	}

	out, err := exec.Command(bin, "ingest", "--no-code", "--db", db, in).CombinedOutput()
	if err != nil {
		t.Fatalf("second ingest: %v\n%s", err, out)
	}
	want := fmt.Sprintf("ingested %d new, %d duplicates, 0 failed", n-first, first)
	if !strings.Contains(string(out), want) {
		t.Errorf("second ingest said %q, want %q", strings.TrimSpace(string(out)), want)
	}
	if got := countArticles(t, db); got != n {
		t.Errorf("%d articles stored, want %d exactly once", got, n)
	}
	sdb, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer sdb.Close()
	var ok string
	if err := sdb.QueryRowContext(context.Background(), "PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		t.Errorf("integrity_check = %q, %v; want ok", ok, err)
	}
	var distinct int
	sdb.QueryRow("SELECT count(DISTINCT id) FROM articles").Scan(&distinct)
	if distinct != n {
		t.Errorf("%d distinct ids, want %d", distinct, n)
	}
}

func countArticles(t *testing.T, db string) int {
	t.Helper()
	sdb, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer sdb.Close()
	var n int
	if err := sdb.QueryRow("SELECT count(*) FROM articles").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// BenchmarkColdStart runs `truce code` on one sentence, a fresh process
// each time: loading every dictionary, the gazetteer and the codebook, and
// coding. Peak memory of one run: /usr/bin/time -v truce code FILE.
func BenchmarkColdStart(b *testing.B) {
	bin := buildTruce(b)
	in := filepath.Join(b.TempDir(), "one.txt")
	if err := os.WriteFile(in, []byte("date 2023-11-07 Thousands of Armenians protested in Yerevan, demanding accountability from their government.\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		out, err := exec.Command(bin, "code", in).Output()
		if err != nil || !strings.Contains(string(out), `"kind":"event"`) {
			b.Fatalf("truce code: %v\n%s", err, out)
		}
	}
}
