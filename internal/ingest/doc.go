// Package ingest turns every form analysts keep news in — plain-text
// articles, JSON lines, RSS/RDF/Atom/JSON feeds, HTML pages, CSV and TSV
// tables, from files, directories, globs, stdin or http(s) URLs — into
// *domain.Article values, streamed one at a time (Articles), and runs the
// ingest pipeline (Run): read, normalise, hash, store in batches, then
// code what is stored and not yet coded.
//
// Every article leaves this package with valid UTF-8 NFC text with \n line
// breaks, its publication time in UTC (or zero when unknown, never
// guessed), its exact-duplicate hash and its MinHash signature. Errors name
// the input (and the line or item) and the reason, in one line; one bad
// input or item never stops the others.
//
// # Formats
//
// The format of an input is detected from its first 8 KB (the file name,
// or an HTTP Content-Type, is only a hint for what the bytes do not
// settle) or forced with Options.Format:
//
//   - text: the plain-text article format. Leading white space and blank
//     lines are skipped, then header lines are read, in any order, until
//     the body starts: "title: …", "source: …", "url: …", "id: …",
//     "byline: …" (keys without regard to case), "date: <any date
//     ParseTime reads>" (the whole rest of the line is the date), and
//     "date YYYY-MM-DD" optionally followed, on the same line, by the first
//     words of the body (the founding article's form). Blank lines between
//     headers are allowed. The first line that is none of these, a key
//     given twice, or the rest of a date line starts the body; later lines
//     are body even when they look like headers. A file without a date is
//     one article with an unknown date.
//   - jsonl: one JSON object a line (a bad line is an error naming it, and
//     the lines after it are read), or one JSON array of such objects, or
//     objects spread over lines as pretty-printers write them (the first
//     line is just "{"). All are streamed: memory holds one line (at most
//     16 MiB) or one object, whatever the file's size. In the last two
//     forms a malformed object ends the input, as JSON cannot be
//     resynchronised.
//   - feed: RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed: one article per
//     item, its HTML (content, else description) reduced to text with
//     paragraphs as blank-line-separated lines; an item with neither has
//     its title as text. The guid is the id, the feed's title the source.
//   - html: a news page; see extractPage for how trafilatura and
//     Readability share the work.
//   - csv, tsv: a header row, then one article a row (a CSV whose header
//     has semicolons and no commas is read with semicolons).
//
// JSON fields and table columns are matched by name without regard to
// case, the first name present winning: text|body|notes|content, title,
// date|event_date|published|published_at, url|link, source|outlet, id,
// byline|author. Options.Columns overrides a field's name. A numeric id
// is read as written.
//
// # Encodings
//
// A byte-order mark (UTF-8, UTF-16 LE/BE) is honoured in every format.
// XML and HTML use, in order, Options.Encoding, the HTTP Content-Type's
// charset, the one they declare (XML prolog, HTML meta), UTF-8 when the
// bytes are valid UTF-8, else windows-1252; they never fail on encoding,
// and bytes invalid in the charset become U+FFFD. Text, JSON and CSV
// inputs must be UTF-8 (or UTF-16 with a BOM, or what Options.Encoding
// names): invalid UTF-8 there is an error naming the input and line,
// never replaced, because a silently mangled name would be coded wrong.
//
// # Dates
//
// See ParseTime. DateText keeps the date as written; Published is UTC.
// Ambiguous numeric dates (03/04/2023) are settled by the other dates of
// the same input (a first number over 12 makes it day-first, a second one
// month-first); still ambiguous, they are left unknown with a warning,
// and a date that does not parse is unknown with a warning, never the
// article's failure.
package ingest
