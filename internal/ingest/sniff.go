package ingest

import (
	"bytes"
	"encoding/csv"
	"mime"
	"net/url"
	"path"
	"regexp"
	"strings"
)

// sniffSize is how much of an input detection looks at.
const sniffSize = 8 << 10

var jsonFeedRE = regexp.MustCompile(`"version"\s*:\s*"https?://jsonfeed\.org/version/`)

// htmlElements are the elements an HTML page or fragment can start with.
var htmlElements = map[string]bool{
	"html": true, "head": true, "body": true, "meta": true, "title": true, "link": true,
	"script": true, "style": true, "div": true, "p": true, "article": true, "section": true,
	"main": true, "header": true, "nav": true, "span": true, "a": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "table": true, "img": true, "br": true,
	"ul": true, "ol": true, "base": true, "noscript": true, "iframe": true, "figure": true,
}

// sniff returns the format of an input from its first bytes (after any
// byte-order mark), with its name and HTTP Content-Type as hints for what
// the bytes do not settle.
func sniff(head []byte, name, contentType string) string {
	t := bytes.TrimLeft(head, " \t\r\n\f")
	switch {
	case len(t) > 0 && t[0] == '<':
		return markupFormat(t)
	case len(t) > 0 && t[0] == '{':
		if jsonFeedRE.Match(head) {
			return FormatFeed
		}
		return FormatJSONL
	case len(t) > 0 && t[0] == '[':
		return FormatJSONL
	}
	switch hint(name, contentType) {
	case FormatCSV:
		return FormatCSV
	case FormatTSV:
		return FormatTSV
	case FormatHTML:
		return FormatHTML
	}
	if f := tableFormat(t); f != "" {
		return f
	}
	return FormatText
}

// markupFormat tells an HTML page from an XML feed by the first element,
// skipping the prolog, comments and the doctype. XML that is neither is
// read as a feed, which then fails naming what it is not.
func markupFormat(t []byte) string {
	for len(t) > 0 {
		t = bytes.TrimLeft(t, " \t\r\n\f")
		switch {
		case bytes.HasPrefix(t, []byte("<?")):
			t = skipPast(t, "?>")
		case bytes.HasPrefix(t, []byte("<!--")):
			t = skipPast(t, "-->")
		case bytes.HasPrefix(t, []byte("<!")):
			if bytes.HasPrefix(bytes.ToLower(t[:min(len(t), 14)]), []byte("<!doctype html")) {
				return FormatHTML
			}
			t = skipPast(t, ">")
		case bytes.HasPrefix(t, []byte("<")):
			end := bytes.IndexAny(t[1:], " \t\r\n/>")
			if end < 0 {
				end = len(t) - 1
			}
			el := strings.ToLower(string(t[1 : 1+end]))
			if htmlElements[el] {
				return FormatHTML
			}
			return FormatFeed
		default:
			return FormatHTML
		}
	}
	return FormatFeed
}

func skipPast(t []byte, end string) []byte {
	i := bytes.Index(t, []byte(end))
	if i < 0 {
		return nil
	}
	return t[i+len(end):]
}

// hint reads a format from a file name's extension or a Content-Type.
func hint(name, contentType string) string {
	if mt, _, err := mime.ParseMediaType(contentType); err == nil {
		switch {
		case mt == "text/csv":
			return FormatCSV
		case mt == "text/tab-separated-values":
			return FormatTSV
		case mt == "text/html" || mt == "application/xhtml+xml":
			return FormatHTML
		case strings.HasSuffix(mt, "xml"):
			return FormatFeed
		}
	}
	if u, err := url.Parse(name); err == nil && u.Scheme != "" && u.Host != "" {
		name = u.Path
	}
	switch strings.ToLower(path.Ext(strings.ReplaceAll(name, `\`, "/"))) {
	case ".csv":
		return FormatCSV
	case ".tsv", ".tab":
		return FormatTSV
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".xml", ".rss", ".atom", ".rdf":
		return FormatFeed
	}
	return ""
}

// tableFormat returns csv or tsv when the first line is a header naming a
// text column, else "": prose with a comma in its first line is no table.
func tableFormat(t []byte) string {
	line, _, _ := bytes.Cut(t, []byte("\n"))
	for _, f := range []struct {
		sep    rune
		format string
	}{{'\t', FormatTSV}, {',', FormatCSV}, {';', FormatCSV}} {
		if !bytes.ContainsRune(line, f.sep) {
			continue
		}
		r := csv.NewReader(bytes.NewReader(line))
		r.Comma = f.sep
		header, err := r.Read()
		if err != nil || len(header) < 2 {
			continue
		}
		for _, h := range header {
			if isTextColumn(h) {
				return f.format
			}
		}
	}
	return ""
}
