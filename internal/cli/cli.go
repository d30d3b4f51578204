package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/truce/truce/internal/domain"
)

// Exit statuses.
const (
	exitOK      = 0
	exitFailed  = 1 // an input or the command failed
	exitUsage   = 2 // the command line is wrong
	defaultDB   = "truce.db"
	envDB       = "TRUCE_DB"
	envDict     = "TRUCE_DICT"
	envToken    = "TRUCE_TOKEN"
	envAddr     = "TRUCE_ADDR"
	defaultAddr = "127.0.0.1:8080"
)

// Version is truce's version, set at build time with -ldflags.
var Version = "0.1.0-dev"

// Config is every setting a command may read: defaults, overridden by the
// environment (TRUCE_*), overridden by flags.
type Config struct {
	DB    string   // --db, TRUCE_DB, ./truce.db
	Dicts []string // --dict DIR (repeatable), TRUCE_DICT (colon-separated)
	Addr  string   // --addr, TRUCE_ADDR
	Token string   // TRUCE_TOKEN: required by the API's write endpoints
}

func configFromEnv(getenv func(string) string) Config {
	c := Config{DB: defaultDB, Addr: defaultAddr}
	if v := getenv(envDB); v != "" {
		c.DB = v
	}
	if v := getenv(envDict); v != "" {
		for d := range strings.SplitSeq(v, string(os.PathListSeparator)) {
			if d != "" {
				c.Dicts = append(c.Dicts, d)
			}
		}
	}
	if v := getenv(envAddr); v != "" {
		c.Addr = v
	}
	c.Token = getenv(envToken)
	return c
}

// env is what a command runs with: its streams and configuration.
type env struct {
	ctx    context.Context
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	cfg    Config
}

// command is one subcommand.
type command struct {
	name  string
	usage string // after "truce NAME"
	short string
	run   func(e *env, args []string) error
}

func commands() []command {
	return []command{
		{"demo", "[--addr ADDR]", "ingest the bundled sample corpus into a temporary database and serve the dashboard", runDemo},
		{"ingest", "[--source NAME] [--format F] [--column FIELD=COLUMN] INPUT...", "store and code articles from files, directories, globs, URLs or - (stdin)", runIngest},
		{"code", "[--mentions] [--date YYYY-MM-DD] [INPUT|-]", "code articles without storing them; print records as JSON lines", runCode},
		{"articles", "[filters] [--text] [--format table|jsonl|csv]", "list stored articles", runArticles},
		{"events", "[filters] [--format table|jsonl|csv|geojson]", "list stored events", runEvents},
		{"claims", "[filters] [--format table|jsonl|csv]", "list stored claims", runClaims},
		{"contradictions", "[filters] [--format table|jsonl|csv]", "list contradictions between claims", runContradictions},
		{"commitments", "[filters] [--status S] [--format table|jsonl|csv]", "list the commitments ledger", runCommitments},
		{"eval", "[--format table|json] KIND FILE", "score the coder against a gold file (plover, petrarch, conflibert, acled)", runEval},
		{"serve", "[--addr ADDR]", "serve the JSON API and the dashboard", runServe},
		{"version", "", "print the version", runVersion},
	}
}

// usageError is a mistake on the command line: exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// inputsFailed reports that some inputs failed (already reported one per
// line) while the others were processed: exit status 1, nothing more to
// print.
var errInputsFailed = errors.New("some inputs failed")

// Main runs truce with args (without the program name) and returns the
// exit status.
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr, cfg: configFromEnv(os.Getenv)}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		printUsage(stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(e, args[1:])
		return report(stderr, c, err)
	}
	fmt.Fprintf(stderr, "truce: unknown command %q (see truce help)\n", args[0])
	return exitUsage
}

func report(stderr io.Writer, c command, err error) int {
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.Is(err, errInputsFailed):
		return exitFailed
	}
	if u, ok := errors.AsType[*usageError](err); ok {
		fmt.Fprintf(stderr, "truce %s: %s\nusage: truce %s %s\n", c.name, u.msg, c.name, c.usage)
		return exitUsage
	}
	if errors.Is(err, context.Canceled) {
		fmt.Fprintf(stderr, "truce %s: interrupted\n", c.name)
		return exitFailed
	}
	fmt.Fprintf(stderr, "truce %s: %s\n", c.name, userMessage(err))
	return exitFailed
}

// userMessage is the one line a user sees for err: the message of a
// *domain.Error, else the error's own text (our errors are wrapped with
// where they happened and name the input).
func userMessage(err error) string {
	if e, ok := errors.AsType[*domain.Error](err); ok {
		return e.Message
	}
	return strings.ReplaceAll(err.Error(), "\n", " ")
}

func printUsage(w io.Writer) {
	fmt.Fprintf(w, "truce %s: news about wars, ceasefires and politics, coded into events, claims and commitments\n\nusage:\n", Version)
	for _, c := range commands() {
		fmt.Fprintf(w, "  truce %-14s %s\n", c.name, c.short)
	}
	fmt.Fprintf(w, "\nEvery command takes --db PATH (default $%s, else ./%s) and --dict DIR (extra dictionaries).\n", envDB, defaultDB)
	fmt.Fprintf(w, "Filters: --since --until --actor --country --type --place --q --limit\n")
}

func runVersion(e *env, args []string) error {
	fs := newFlags("version", e)
	if _, err := parse(fs, args); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, "truce", Version)
	return nil
}
