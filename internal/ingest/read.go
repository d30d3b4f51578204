package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"time"

	"golang.org/x/text/transform"

	"github.com/truce/truce/internal/domain"
)

// Articles reads one input — a file, "-" for stdin, or an http(s) URL
// (Expand turns directories and globs into files) — and yields its
// articles in input order, each complete: ID, Hash and Signature set. An
// item that cannot be read yields (nil, err) and reading goes on; a
// failure of the whole input is yielded as the last error. These errors
// are *InputError; bad options give one *domain.Error and nothing else.
// Warnings go to opt.Warn. Reading stops early when ctx is done.
func Articles(ctx context.Context, input string, opt Options) iter.Seq2[*domain.Article, error] {
	return func(yield func(*domain.Article, error) bool) {
		if err := opt.check(); err != nil {
			yield(nil, err)
			return
		}
		readInput(ctx, input, &opt, nil, func(a *domain.Article, err error) bool {
			if a != nil {
				finish(a)
			}
			return yield(a, err)
		})
	}
}

// readInput reads one input and calls emit for each article (text
// normalised, date resolved, without Hash and Signature) or error, until
// emit returns false. read, when set, counts the bytes read.
func readInput(ctx context.Context, input string, opt *Options, read func(int), emit func(*domain.Article, error) bool) {
	e := &emitter{ctx: ctx, opt: opt, name: displayName(input), origin: input, now: opt.now(), emit: emit}
	src, err := open(ctx, input, opt)
	if err != nil {
		e.fail(0, "", err)
		return
	}
	defer src.close()
	if read != nil {
		src.r = &countingReader{r: src.r, f: read}
	}
	err = e.read(src)
	e.done()
	if err != nil {
		e.fail(0, "", err)
	}
}

// countingReader reports the bytes read through it.
type countingReader struct {
	r io.Reader
	f func(int)
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.f(n)
	return n, err
}

// read detects the input's encoding and format and hands it to the
// format's reader.
func (e *emitter) read(src *source) error {
	br := bufio.NewReaderSize(src.r, 64<<10)
	head, err := br.Peek(sniffSize)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return err
	}
	if len(bytes.TrimSpace(head)) == 0 {
		if len(head) == 0 {
			return invalid("empty input: no article text")
		}
		if _, err := br.Peek(sniffSize + 1); err == io.EOF {
			return errNoText
		}
	}
	forced := lookupCharset(e.opt.Encoding)
	enc, bomLen := bom(head)
	decoded := head[bomLen:]
	if enc == nil && forced != nil {
		enc = forced
	}
	if enc != nil && !isUTF8(enc) {
		// Only for detection: a character cut at the end of the window
		// decodes as U+FFFD, which nothing here looks at.
		decoded, _ = enc.NewDecoder().Bytes(head[bomLen:])
	}
	if bytes.IndexByte(decoded, 0) >= 0 {
		return invalid("binary data, not text")
	}
	format := e.opt.Format
	if format == "" {
		format = sniff(decoded, src.name, src.contentType)
	}
	e.format = format
	if format == FormatTSV {
		e.format = FormatCSV
	}

	switch format {
	case FormatFeed, FormatHTML:
		raw, err := readAll(br, e.opt.maxBytes())
		if err != nil {
			return err
		}
		if format == FormatFeed {
			return e.readFeed(decodeMarkup(raw, false, src.contentType, e.opt.Encoding))
		}
		return e.readHTML(decodeMarkup(raw, true, src.contentType, e.opt.Encoding), src.finalURL)
	}

	var r io.Reader = br
	if bomLen > 0 {
		br.Discard(bomLen)
	}
	if enc != nil && !isUTF8(enc) {
		r = transform.NewReader(br, enc.NewDecoder())
	}
	switch format {
	case FormatJSONL:
		return e.readJSON(r)
	case FormatCSV:
		return e.readCSV(r, ',')
	case FormatTSV:
		return e.readCSV(r, '\t')
	}
	return e.readText(r)
}

// emitter turns what a format reader found into articles: it cleans the
// text, reads the date (holding articles whose numeric date is ambiguous
// until the input's other dates settle the order) and reports errors and
// warnings with the input's name.
type emitter struct {
	ctx     context.Context
	opt     *Options
	name    string // for messages
	origin  string // Article.Origin
	format  string // Article.Format
	now     time.Time
	emit    func(*domain.Article, error) bool
	stopped bool

	order     dateOrder
	orderAt   string // where the order was first seen, for the conflict warning
	held      []held
	heldBytes int
}

type held struct {
	a    *domain.Article
	date parsedDate // ambiguous while the order is unknown
	line int
	item string
}

// Bounds on what is held while an ambiguous date waits for the input to
// settle its order; past them the ambiguous dates are left unknown.
const (
	maxHeld      = 100_000
	maxHeldBytes = 32 << 20
)

// add emits one article found by a reader; line or item say where it
// was. fallback is a time the input's own parser read, used when DateText
// does not parse. It reports whether reading should go on.
func (e *emitter) add(a *domain.Article, line int, item string, fallback time.Time) bool {
	if e.stopped {
		return false
	}
	if e.ctx.Err() != nil {
		e.stopped = true
		return false
	}
	a.Text = cleanText(a.Text)
	if !hasWord(a.Text) {
		return e.fail(line, item, errNoText)
	}
	a.Title, a.Byline, a.URL, a.ID = cleanLine(a.Title), cleanLine(a.Byline), cleanLine(a.URL), cleanLine(a.ID)
	a.Source = cleanLine(a.Source)
	if e.opt.Source != "" {
		a.Source = e.opt.Source
	}
	a.Format, a.Origin, a.IngestedAt = e.format, e.origin, e.now
	a.DateText = cleanLine(a.DateText)
	h := held{a: a, line: line, item: item}
	if a.DateText != "" {
		p, err := parseDate(a.DateText)
		switch {
		case err != nil && !fallback.IsZero():
			a.Published = fallback.UTC()
		case err != nil:
			e.warn(line, item, invalid("date %q: %v; left unknown", a.DateText, err))
		case p.ambiguous:
			h.date = p
		default:
			a.Published = p.t
			e.see(p.evidence, line, item)
		}
	} else if !fallback.IsZero() {
		a.Published = fallback.UTC()
	}
	if h.date.ambiguous {
		if t, ok := h.date.resolve(e.order); ok {
			a.Published, h.date = t, parsedDate{}
		}
	}
	if h.date.ambiguous || len(e.held) > 0 {
		// Hold it, and everything after it, so articles leave in input
		// order.
		e.held = append(e.held, h)
		e.heldBytes += len(a.Text)
		if len(e.held) >= maxHeld || e.heldBytes >= maxHeldBytes {
			e.release()
		}
		return !e.stopped
	}
	return e.send(a)
}

// see takes note of the day-month order a numeric date shows, and
// releases what waited for it.
func (e *emitter) see(ev dateOrder, line int, item string) {
	if ev == orderUnknown || ev == e.order || e.order == orderConflict {
		return
	}
	here := where(e.name, line, item)
	if e.order == orderUnknown {
		e.order, e.orderAt = ev, here
	} else {
		e.order = orderConflict
		e.warn(0, "", invalid("numeric dates are day-first at %s and month-first at %s; ambiguous ones are left unknown", e.orderAt, here))
	}
	if len(e.held) > 0 {
		e.release()
	}
}

func where(name string, line int, item string) string {
	switch {
	case line > 0:
		return fmt.Sprintf("%s:%d", name, line)
	case item != "":
		return name + " " + item
	}
	return name
}

// release emits the held articles, resolving their dates by the order
// known now or leaving them unknown with a warning.
func (e *emitter) release() {
	held := e.held
	e.held, e.heldBytes = nil, 0
	for _, h := range held {
		if h.date.ambiguous {
			if t, ok := h.date.resolve(e.order); ok {
				h.a.Published = t
			} else {
				d, m := h.date.t, h.date.alt
				e.warn(h.line, h.item, invalid("date %q is ambiguous (%d %s or %d %s) and no other date in this input settles it; left unknown",
					h.a.DateText, d.Day(), d.Month(), m.Day(), m.Month()))
			}
		}
		if !e.send(h.a) {
			return
		}
	}
}

// done emits what is still held at the end of the input.
func (e *emitter) done() {
	if !e.stopped && len(e.held) > 0 {
		e.release()
	}
}

func (e *emitter) send(a *domain.Article) bool {
	if !e.stopped && !e.emit(a, nil) {
		e.stopped = true
	}
	return !e.stopped
}

// fail reports the failure of an item (or, with no line and item, of the
// input) and reports whether reading should go on.
func (e *emitter) fail(line int, item string, err error) bool {
	if e.stopped {
		return false
	}
	ie, ok := errors.AsType[*InputError](err)
	if !ok {
		ie = &InputError{Input: e.name, Line: line, Item: item, Err: err}
	}
	if !e.emit(nil, ie) {
		e.stopped = true
	}
	return !e.stopped
}

func (e *emitter) warn(line int, item string, err error) {
	e.opt.warn(&InputError{Input: e.name, Line: line, Item: item, Err: err})
}
