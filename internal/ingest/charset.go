package ingest

import (
	"bytes"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
	"golang.org/x/text/encoding/unicode"
)

// bom returns the encoding a byte-order mark at the start of head names and
// the mark's length, or nil.
func bom(head []byte) (encoding.Encoding, int) {
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		return unicode.UTF8, 3
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), 2
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), 2
	}
	return nil, 0
}

// lookupCharset finds an encoding by its WHATWG label (which maps
// iso-8859-1 to its superset windows-1252, as browsers do) or IANA name.
func lookupCharset(name string) encoding.Encoding {
	name = strings.ToLower(strings.TrimSpace(name))
	if name == "" {
		return nil
	}
	if e, err := htmlindex.Get(name); err == nil {
		return e
	}
	if e, err := ianaindex.IANA.Encoding(name); err == nil && e != nil {
		return e
	}
	return nil
}

// isUTF8 reports whether e decodes UTF-8 (as bytes need no conversion).
func isUTF8(e encoding.Encoding) bool {
	return e == unicode.UTF8 || e == encoding.Nop
}

var (
	xmlEncodingRE  = regexp.MustCompile(`^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']*)["']`)
	metaCharsetRE  = regexp.MustCompile(`(?i)<meta[^>]+?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)`)
	xmlPrologEncRE = regexp.MustCompile(`^(\s*<\?xml[^>]*?\bencoding\s*=\s*)["'][^"']*["']`)
)

// declaredMetaLimit bounds the search for an HTML meta charset: past the
// head a declaration is not one.
const declaredMetaLimit = 64 << 10

// declaredCharset returns the charset a document declares in its XML
// prolog or, for HTML, a meta element, or "". A feed's meta-looking text
// (inside CDATA) declares nothing.
func declaredCharset(doc []byte, isHTML bool) string {
	if m := xmlEncodingRE.FindSubmatch(doc); m != nil {
		return string(m[1])
	}
	if !isHTML {
		return ""
	}
	head := doc[:min(len(doc), declaredMetaLimit)]
	if m := metaCharsetRE.FindSubmatch(head); m != nil {
		return string(m[1])
	}
	return ""
}

// contentTypeCharset returns the charset parameter of an HTTP
// Content-Type, or "".
func contentTypeCharset(contentType string) string {
	if contentType == "" {
		return ""
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return ""
	}
	return params["charset"]
}

// decodeMarkup returns an XML or HTML document as UTF-8, with an XML
// prolog's encoding rewritten to UTF-8 so a parser does not decode it
// again. The charset is, in order: a byte-order mark, forced (the user's),
// the HTTP Content-Type's, the document's declaration, UTF-8 when the
// bytes are valid UTF-8, else windows-1252 (what undeclared legacy
// documents almost always are). Bytes invalid in that charset become
// U+FFFD: a page is never refused for its encoding.
func decodeMarkup(doc []byte, isHTML bool, contentType, forced string) []byte {
	enc, n := bom(doc)
	doc = doc[n:]
	if enc == nil {
		for _, name := range []string{forced, contentTypeCharset(contentType), declaredCharset(doc, isHTML)} {
			e := lookupCharset(name)
			// A document that reached us without a BOM and says it is
			// UTF-16 is ASCII-compatible bytes that lie, as browsers
			// assume.
			if e == nil || strings.HasPrefix(strings.ToLower(name), "utf-16") {
				continue
			}
			enc = e
			break
		}
	}
	if enc == nil {
		if utf8.Valid(doc) {
			enc = unicode.UTF8
		} else {
			enc = charmap.Windows1252
		}
	}
	if isUTF8(enc) {
		doc = bytes.ToValidUTF8(doc, []byte("\uFFFD"))
	} else {
		out, err := enc.NewDecoder().Bytes(doc)
		if err != nil {
			// Decoders of the supported charsets replace what they
			// cannot map; an error here means an odd one, so keep what
			// is valid.
			out = bytes.ToValidUTF8(doc, []byte("\uFFFD"))
		}
		doc = out
	}
	return xmlPrologEncRE.ReplaceAll(doc, []byte(`${1}"UTF-8"`))
}
