package ingest

import (
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"syscall"
	"unicode"

	"github.com/truce/truce/internal/domain"
)

// InputError is the failure (or, through Options.Warn, the doubt) of one
// input or one item of it. Its Error is one line fit for a user:
// "feeds/world.xml: item 3 (tag:x,1): no article text".
type InputError struct {
	// Input is the path or URL as given, or "stdin".
	Input string
	// Line is the 1-based line the item starts on, 0 when not known.
	Line int
	// Item names the item where there is no line: "item 3 (guid)".
	Item string
	// Err is the reason; a *domain.Error for the reasons a user can act on.
	Err error
}

func (e *InputError) Error() string {
	where := e.Input
	if e.Line > 0 {
		where += ":" + strconv.Itoa(e.Line)
	}
	if e.Item != "" {
		where += ": " + e.Item
	}
	return oneLine(where + ": " + reason(e.Err))
}

// oneLine keeps a message on one line whatever an input put in it.
func oneLine(s string) string {
	if !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}

func (e *InputError) Unwrap() error { return e.Err }

// reason renders an error without Go type names or repeated paths.
func reason(err error) string {
	var pe *fs.PathError
	switch {
	case err == nil:
		return "unknown error"
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or directory"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	case errors.Is(err, syscall.EISDIR):
		return "is a directory"
	case errors.As(err, &pe):
		return pe.Op + ": " + pe.Err.Error()
	}
	return err.Error()
}

// invalid returns a user-facing reason.
func invalid(format string, args ...any) error {
	return domain.Errorf(domain.EINVALID, format, args...)
}

// errNoText is the reason for an item or input without article text.
var errNoText = invalid("no article text")

// displayName is how an input is named in messages.
func displayName(input string) string {
	if input == "-" {
		return "stdin"
	}
	return input
}

// itemName names the i-th item of an input (1-based), with its id when
// it has one.
func itemName(i int, id string) string {
	if id == "" {
		return fmt.Sprintf("item %d", i)
	}
	return fmt.Sprintf("item %d (%s)", i, id)
}

// safely runs f, turning a panic in a parser we do not own into an error:
// no input may crash a run.
func safely(what string, f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = invalid("%s failed on this input", what)
		}
	}()
	return f()
}
