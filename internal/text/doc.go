// Package text splits article text into sentences and tokens, and
// normalises words the same way for dictionaries and for articles, so a
// name written in a dictionary matches the same name in any article:
// lower case, diacritics folded (Xankəndi = xankendi), typographic quotes
// and dashes made plain. Every token keeps its byte span in the text.
//
// A WordSet is a set of such words that a reader tests token by token
// (the coder's verbs of saying, negators, prepositions …): each token
// carries the number of its word, so the test is a bit, not a lookup.
package text
