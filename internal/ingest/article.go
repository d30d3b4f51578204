package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/truce/truce/internal/domain"
)

// finish sets what is derived from an article's text: Hash, Signature, and
// the ID when the input gave none. It normalises the text once for both.
func finish(a *domain.Article) {
	n := domain.NormalizeText(a.Text)
	// The same as domain.NormalizedHash(a.Text), without normalising the
	// text a second time (a test holds them equal).
	sum := sha256.Sum256([]byte(n))
	a.Hash = hex.EncodeToString(sum[:])
	a.Signature = signatureOf(n)
	if a.ID == "" {
		a.ID = domain.ContentID(a.Hash)
	}
}

// cleanText makes text fit to store: NFC, \n line breaks, no control
// characters but tabs, no invalid UTF-8, no trailing space on a line, at
// most one blank line in a row, nothing blank at either end. Spans point
// into the result, so this runs before anything is stored.
func cleanText(s string) string {
	// Three searches, not ContainsAny: that walks the text once per
	// character for non-ASCII sets.
	if strings.IndexByte(s, '\r') >= 0 || strings.Contains(s, "\u2028") || strings.Contains(s, "\u2029") {
		s = lineBreaks.Replace(s)
	}
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	blank := false
	for line := range strings.Lines(s) {
		line = strings.TrimRightFunc(dropControls(line), unicode.IsSpace)
		if strings.TrimSpace(line) == "" {
			blank = b.Len() > 0
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
			if blank {
				b.WriteByte('\n')
			}
		}
		blank = false
		b.WriteString(line)
	}
	return b.String()
}

var lineBreaks = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u2028", "\n", "\u2029", "\n")

// dropControls drops control characters but tabs and line feeds, stray
// byte-order marks and bytes that are not UTF-8.
func dropControls(s string) string {
	clean := true
	for _, r := range s {
		if isControl(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if !isControl(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isControl(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n') || r == 0x7f || (r >= 0x80 && r < 0xa0) ||
		r == '\ufeff' || r == utf8.RuneError
}

// cleanLine makes a one-line field (title, source, byline) fit to store.
func cleanLine(s string) string {
	if s == "" {
		return ""
	}
	return norm.NFC.String(strings.Join(strings.FieldsFunc(dropControls(s), unicode.IsSpace), " "))
}

// hasWord reports whether s holds a letter or a digit: text without any is
// no article.
func hasWord(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
