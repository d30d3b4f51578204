package ingest

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/truce/truce/internal/domain"
)

// Formats an input can be read as; Options.Format forces one of them.
const (
	FormatText  = "text"
	FormatJSONL = "jsonl"
	FormatFeed  = "feed"
	FormatHTML  = "html"
	FormatCSV   = "csv"
	FormatTSV   = "tsv"
)

// Formats lists the names Options.Format accepts, for usage messages.
var Formats = []string{FormatText, FormatJSONL, FormatFeed, FormatHTML, FormatCSV, FormatTSV}

// Defaults for the zero Options fields.
const (
	DefaultBatch = 1000
	// A batch also ends at DefaultBatchBytes of text, so that long
	// articles do not make the batches in flight large.
	DefaultBatchBytes = 4 << 20
	DefaultMaxBytes   = 50 << 20
	DefaultTimeout    = 30 * time.Second
	DefaultUserAgent  = "truce/1 (+offline news coder)"
)

// Options configures reading and the pipeline. The zero value reads with
// detected formats and the defaults above, and reports nothing.
type Options struct {
	// Format forces a format (one of Formats); empty detects it.
	Format string
	// Source, when set, is every article's source, overriding what the
	// input says (a feed's title, a source column).
	Source string
	// Columns overrides the column (CSV, TSV) or field (JSON) read for an
	// article field: {"text": "notes"} reads the text from "notes". Keys
	// are text, title, date, url, source, id and byline.
	Columns map[string]string
	// Encoding, when set, is the charset (a WHATWG or IANA name such as
	// windows-1251) of inputs that carry no byte-order mark, overriding
	// any declaration in them.
	Encoding string

	// Batch is the number of articles stored per transaction (and coded
	// per round); default DefaultBatch. A batch ends sooner when its texts
	// reach DefaultBatchBytes.
	Batch int
	// Workers is the number of goroutines hashing and coding; default
	// runtime.NumCPU().
	Workers int
	// Coder, when set, codes the stored articles that this coder's
	// version has not coded yet, after storing.
	Coder domain.Coder

	// Error receives each failure of an input or an item as it happens;
	// err.Error() is one line naming the input (and line or item) and the
	// reason, fit to print as it is. Nil discards them (they are still
	// counted in Summary.Failed). Error and Warn are called one at a
	// time, on the goroutine that called Run or ranges over Articles.
	Error func(err error)
	// Warn receives what was read but doubtfully (a date that does not
	// parse or is ambiguous); same form as Error.
	Warn func(err error)
	// OnArticle, when set, sees each article Run reads before it is
	// finished (id, hash) and stored, in input order: the API fills in the
	// address it fetched and collects the ids.
	OnArticle func(a *domain.Article)
	// Progress, when set, shows a progress bar on it. The caller decides
	// whether it is a terminal.
	Progress io.Writer

	// HTTPClient fetches URLs; default a client with DefaultTimeout.
	HTTPClient *http.Client
	// UserAgent is sent with every request; default DefaultUserAgent.
	UserAgent string
	// MaxBytes bounds a response from a URL and any input read whole
	// (text, feed, HTML); default DefaultMaxBytes. Files of JSON lines and
	// CSV are streamed and not bounded.
	MaxBytes int64
	// CheckURL, when set, is asked before every request, redirects
	// included; an error refuses the URL (the API refuses private
	// addresses with it).
	CheckURL func(*url.URL) error

	// Stdin is read for the input "-"; default os.Stdin.
	Stdin io.Reader

	// Now gives IngestedAt; default time.Now.
	Now func() time.Time
}

func (o *Options) batch() int {
	if o.Batch > 0 {
		return o.Batch
	}
	return DefaultBatch
}

func (o *Options) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

func (o *Options) now() time.Time {
	if o.Now != nil {
		return o.Now().UTC()
	}
	return time.Now().UTC()
}

func (o *Options) warn(err error) {
	if o.Warn != nil {
		o.Warn(err)
	}
}

// check validates the options a user sets, before any input is read.
func (o *Options) check() error {
	if o.Format != "" {
		ok := false
		for _, f := range Formats {
			ok = ok || f == o.Format
		}
		if !ok {
			return invalid("format %q: want one of %s", o.Format, strings.Join(Formats, ", "))
		}
	}
	if o.Encoding != "" && lookupCharset(o.Encoding) == nil {
		return invalid("encoding %q: not a charset this reader knows", o.Encoding)
	}
	if err := checkColumns(o.Columns); err != nil {
		return invalid("%v", err)
	}
	return nil
}
