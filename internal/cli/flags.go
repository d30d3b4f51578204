package cli

import (
	"flag"
	"io"
	"strings"

	"github.com/truce/truce/internal/domain"
)

// newFlags returns a flag set with the flags every command takes.
func newFlags(name string, e *env) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&e.cfg.DB, "db", e.cfg.DB, "database `path`")
	fs.Func("dict", "extra dictionary `dir` (repeatable)", func(s string) error {
		e.cfg.Dicts = append(e.cfg.Dicts, s)
		return nil
	})
	return fs
}

// parse parses flags anywhere among the arguments (flag stops at the first
// positional argument; users write flags after inputs too) and returns the
// positional arguments. "--" ends the flags.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if err == flag.ErrHelp {
				return nil, err
			}
			return nil, usagef("%s", strings.TrimPrefix(err.Error(), "flag provided but not defined: "))
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		// fs.Args is a suffix of args: it stopped at "--" or at a
		// positional argument.
		if i := len(args) - len(rest); i > 0 && args[i-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// dateFlag is a --since/--until value.
type dateFlag struct{ d *domain.Date }

func (f dateFlag) String() string {
	if f.d == nil {
		return ""
	}
	return f.d.String()
}

func (f dateFlag) Set(s string) error {
	d, err := domain.ParseDate(s)
	if err != nil {
		return err
	}
	*f.d = d
	return nil
}

// filterFlags are the query filters shared by the listing commands.
type filterFlags struct {
	since, until                      domain.Date
	actor, country, typ, place, q, at string
	limit                             int
	format                            string
}

func (f *filterFlags) register(fs *flag.FlagSet) {
	fs.Var(dateFlag{&f.since}, "since", "first `day` (YYYY-MM-DD)")
	fs.Var(dateFlag{&f.until}, "until", "last `day` (YYYY-MM-DD)")
	fs.StringVar(&f.actor, "actor", "", "actor `code` or prefix (AZE, AZEMIL)")
	fs.StringVar(&f.country, "country", "", "ISO alpha-3 `code`")
	fs.StringVar(&f.typ, "type", "", "PLOVER type or CAMEO code prefix")
	fs.StringVar(&f.place, "place", "", "place name, GeoNames id or region id")
	fs.StringVar(&f.q, "q", "", "words to search for")
	fs.StringVar(&f.at, "article", "", "article `id`")
	fs.IntVar(&f.limit, "limit", 0, "most records to list (default all)")
	fs.StringVar(&f.format, "format", "", "output `format`")
}
