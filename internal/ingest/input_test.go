package ingest

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/truce/truce/internal/domain"
)

func TestExpand(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"a.txt", "sub/b.jsonl", "sub/deeper/c.xml", ".hidden.txt", ".git/config", "sub/.cache/x.txt", "d.csv"} {
		writeFile(t, dir, f, "x")
	}
	if err := os.Symlink(filepath.Join(dir, "a.txt"), filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(dir, filepath.Join(dir, "sub", "loop")); err != nil {
		t.Fatal(err)
	}
	j := func(p string) string { return filepath.Join(dir, p) }
	tests := []struct {
		name   string
		inputs []string
		want   []string
		errs   []string
	}{
		{"directory, recursive, no hidden, links to files only", []string{dir},
			[]string{j("a.txt"), j("d.csv"), j("link.txt"), j("sub/b.jsonl"), j("sub/deeper/c.xml")}, nil},
		{"glob", []string{j("*.txt")}, []string{j("a.txt"), j("link.txt")}, nil},
		{"glob asking for hidden files", []string{j(".*.txt")}, []string{j(".hidden.txt")}, nil},
		{"glob matching a directory", []string{j("su*")}, []string{j("sub/b.jsonl"), j("sub/deeper/c.xml")}, nil},
		{"stdin, URLs and files stay, repeats go", []string{"-", "https://example.org/feed", j("a.txt"), j("a.txt")},
			[]string{"-", "https://example.org/feed", j("a.txt")}, nil},
		{"failures name their input, the others go on", []string{j("missing.txt"), j("*.nothing"), "http://", j("a.txt")},
			[]string{j("a.txt")},
			[]string{j("missing.txt") + ": no such file or directory", j("*.nothing") + ": no files match", "http://: not an http(s) URL"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, errs := Expand(tt.inputs)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("inputs (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.errs, errStrings(errs)); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

// unreadable makes path unreadable, or skips the test where that cannot
// be had: root reads anything.
func unreadable(t *testing.T, path string) {
	t.Helper()
	if err := os.Chmod(path, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(path, 0o755) })
	if f, err := os.Open(path); err == nil {
		f.Close()
		t.Skip("chmod 000 leaves the file readable (running as root)")
	}
}

func TestUnreadable(t *testing.T) {
	dir := t.TempDir()
	file := writeFile(t, dir, "secret.txt", "date 2024-01-01 Text.")
	unreadable(t, file)
	_, errs, _ := collect(t, file, Options{})
	if len(errs) != 1 || errs[0].Error() != file+": permission denied" || !errors.Is(errs[0], fs.ErrPermission) {
		t.Errorf("got errors %q, want %q", errStrings(errs), file+": permission denied")
	}
	sub := filepath.Join(dir, "closed")
	writeFile(t, sub, "x.txt", "x")
	unreadable(t, sub)
	_, eerrs := Expand([]string{dir})
	if len(eerrs) != 1 || !strings.HasPrefix(eerrs[0].Error(), sub+": ") {
		t.Errorf("got errors %q, want one naming %s", errStrings(eerrs), sub)
	}
}

func TestStdin(t *testing.T) {
	arts, errs, _ := collect(t, "-", Options{Stdin: strings.NewReader(`{"text": "From a pipe."}` + "\n")})
	if len(errs) > 0 || len(arts) != 1 || arts[0].Text != "From a pipe." || arts[0].Origin != "-" {
		t.Errorf("got %d articles, errors %q", len(arts), errStrings(errs))
	}
	_, errs, _ = collect(t, "-", Options{Stdin: strings.NewReader("")})
	if len(errs) != 1 || errs[0].Error() != "stdin: empty input: no article text" {
		t.Errorf("empty stdin: got errors %q", errStrings(errs))
	}
}

func TestFetch(t *testing.T) {
	rss := `<?xml version="1.0"?><rss version="2.0"><channel><title>Remote</title><item><guid>r1</guid><title>T</title><description>Remote item text.</description></item></channel></rss>`
	page := `<html><head><title>Page</title><link rel="canonical" href="https://example.org/story"></head><body><article><p>` +
		strings.Repeat("Negotiators met again in Geneva on Friday. ", 20) + `</p></article></body></html>`
	mux := http.NewServeMux()
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		if ua := r.Header.Get("User-Agent"); !strings.HasPrefix(ua, "truce/") {
			http.Error(w, "want truce's user agent, got "+ua, http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, rss)
	})
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		for range 64 {
			fmt.Fprint(w, strings.Repeat("word ", 200)+"\n")
		}
	})
	mux.HandleFunc("/redirect", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/private/feed", http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	opt := Options{HTTPClient: &http.Client{Timeout: 300 * time.Millisecond}}
	t.Run("feed", func(t *testing.T) {
		arts, errs, _ := collect(t, srv.URL+"/feed", opt)
		if len(errs) > 0 || len(arts) != 1 || arts[0].ID != "r1" || arts[0].Origin != srv.URL+"/feed" {
			t.Errorf("got %d articles, errors %q", len(arts), errStrings(errs))
		}
	})
	t.Run("page", func(t *testing.T) {
		arts, errs, _ := collect(t, srv.URL+"/page", opt)
		if len(errs) > 0 || len(arts) != 1 || arts[0].Format != FormatHTML || arts[0].URL != "https://example.org/story" {
			t.Errorf("got %d articles, errors %q", len(arts), errStrings(errs))
		}
	})
	tests := []struct {
		name, path string
		opt        Options
		want, code string
	}{
		{"404", "/missing", opt, ": HTTP status 404 Not Found", domain.ENOTFOUND},
		{"timeout", "/slow", opt, ": no response: timed out", domain.EINVALID},
		{"over the size limit", "/big", Options{HTTPClient: opt.HTTPClient, MaxBytes: 1000}, ": larger than 1000 bytes", domain.ETOOLARGE},
		{"refused", "/feed", Options{HTTPClient: opt.HTTPClient, CheckURL: func(u *url.URL) error { return errors.New("private address") }},
			": refused: private address", domain.EINTERNAL},
		{"redirect refused", "/redirect", Options{HTTPClient: opt.HTTPClient, CheckURL: func(u *url.URL) error {
			if strings.HasPrefix(u.Path, "/private") {
				return errors.New("private address")
			}
			return nil
		}}, ": request failed: redirect to " + srv.URL + "/private/feed refused: private address", domain.EINTERNAL},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := srv.URL + tt.path
			_, errs, _ := collect(t, u, tt.opt)
			if len(errs) != 1 || errs[0].Error() != u+tt.want {
				t.Fatalf("got errors %q, want %q", errStrings(errs), u+tt.want)
			}
			if got := domain.ErrorCode(errs[0]); got != tt.code {
				t.Errorf("code: got %s, want %s", got, tt.code)
			}
		})
	}
	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		for a, err := range Articles(ctx, srv.URL+"/feed", opt) {
			if a != nil {
				t.Errorf("got an article from a cancelled read")
			}
			_ = err
		}
	})
}

// FuzzRead feeds any bytes to the whole reading path, format detection
// included: nothing may panic, and what is stored must be clean.
func FuzzRead(f *testing.F) {
	f.Add("date 2023-11-07 Text.")
	f.Add(`{"text":"x","date":"03/04/2023"}` + "\n" + `{"text":"y","date":"25/04/2023"}`)
	f.Add("id,text\n1,x\n")
	f.Add("\xff\xfe<\x00r\x00s\x00s\x00>\x00")
	f.Add("<html><body><p>x</p></body></html>")
	f.Add(`<rss><channel><item><description>x</description></item></channel></rss>`)
	f.Add("\x00\x01")
	f.Fuzz(func(t *testing.T, content string) {
		checkRead(t, "", content)
	})
}
