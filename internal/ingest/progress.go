package ingest

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
)

// progress shows how far a run is; a nil *progress shows nothing, so the
// pipeline calls it without asking.
type progress struct {
	bar *progressbar.ProgressBar
}

// newProgress starts a bar over the bytes of inputs on w, or returns nil
// when w is nil. The total is known when every input is a file; stdin and
// URLs make it a spinner.
func newProgress(w io.Writer, inputs []string, description string) *progress {
	if w == nil {
		return nil
	}
	var total int64
	for _, in := range inputs {
		info, err := os.Stat(in)
		if in == "-" || isURL(in) || err != nil {
			total = -1
			break
		}
		total += info.Size()
	}
	return &progress{bar: progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(description),
		progressbar.OptionShowBytes(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetWidth(30),
	)}
}

// newCountProgress starts a spinner counting items on w, or returns nil.
func newCountProgress(w io.Writer, description, unit string) *progress {
	if w == nil {
		return nil
	}
	return &progress{bar: progressbar.NewOptions64(-1,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(description),
		progressbar.OptionShowCount(),
		progressbar.OptionSetItsString(unit),
		progressbar.OptionShowIts(),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)}
}

func (p *progress) add(n int) {
	if p != nil && n > 0 {
		p.bar.Add(n)
	}
}

func (p *progress) describe(format string, args ...any) {
	if p != nil {
		p.bar.Describe(fmt.Sprintf(format, args...))
	}
}

// done stops the bar (and its spinner goroutine) and clears it.
func (p *progress) done() {
	if p != nil {
		p.bar.Finish()
	}
}
