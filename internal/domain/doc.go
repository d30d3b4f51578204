// Package domain holds truce's vocabulary: articles and the records coded
// from them (mentions, events, claims, commitments, contradictions), the
// spans that tie every record to the words that produced it, and the error
// codes that the command line and the API translate for users.
//
// It imports only the standard library; every other package speaks in
// these types. A field with no value is its zero value in Go and null in
// JSON: output never invents what the text does not say.
package domain
