// Package codebook is truce's event codebook and verb-pattern matcher: the
// CAMEO event codes with their quad class, Goldstein weight, PLOVER type,
// mode and contexts and ACLED-style type (data/cameo.txt), the words news
// uses for each code (data/verbs.txt) and the irregular verb and noun
// forms that let one pattern match every inflection (data/forms.txt).
// Everything is plain text in the dictionary format of package dict,
// embedded in the binary; users add or override entries with files of
// the same names in their dictionary folders, and may bring PETRARCH or
// TABARI CAMEO verb dictionaries, which are read into the same matcher.
//
// # Use
//
//	cb, err := codebook.Load(dictDirs...)   // embedded data, then the user's
//	c, ok := cb.Code("0871")                // label, quad, Goldstein, PLOVER, ACLED
//	ms := cb.Match(sentence.Tokens, ms[:0]) // the events one sentence's words code
//	v := cb.Version()                       // a hash of the data, for the coder version
//
// A Match gives the code, the words that triggered it (token indices),
// the verb's form and voice, where the target slot starts, and what the
// words themselves say about modality and class (a report, a promise, a
// demand). Finding the actors, the modality of the sentence and the
// claims around a reporting verb is the event stage's work.
//
// # Patterns
//
// A line of verbs.txt is
//
//	PATTERN [; PATTERN ...] = CAMEO [attr=value ...]
//
// A PATTERN is a sequence of elements separated by spaces. Each element
// matches tokens of one sentence (text.Token.Norm: lower case, folded):
//
//	+lemma       a verb in any form: base, third person (-s, -es, -ies),
//	             past and participle (-ed, -d, -ied, with and without a
//	             doubled final consonant), gerund (-ing, dropping a final
//	             e, doubling), and the irregular forms of forms.txt.
//	             +declare matches declare, declares, declared, declaring.
//	+lemma!      only the past, participle and gerund of the verb, for
//	             verbs whose other forms are common nouns (+storm!
//	             matches stormed and storming, not storm or storms).
//	+lemma_part  a phrasal verb: the verb, then the words after "_"
//	             (+call_off, +take_to_the_streets).
//	+a|b_c       a verb of any of the alternatives, each a verb; a
//	             hyphenated verb (+de-escalate) takes no alternatives.
//	word         one literal token. A word that the tokenizer splits
//	             (cease-fire, didn't) is that sequence of tokens.
//	a|b_c        any one of the alternatives; "_" joins the words of one
//	             alternative (news_conference|briefing).
//	word~        the word or its plural (regular, or from forms.txt), in
//	             any alternative and any word of it (request~_for).
//	*            a gap of 0 to 3 words (a hyphenated word or a possessive
//	             is one word), never crossing clause punctuation
//	             (, ; : . ! ? parentheses, brackets), so a pattern stays
//	             inside one clause.
//	T            the target slot: 1 to 6 words, starting with a word that
//	             is not a preposition or conjunction and not crossing
//	             clause punctuation, where the target actor is expected.
//	             The match records where the slot starts.
//
// A verb element never matches a capitalised word that follows another
// word (a name, a month: "in March") nor a word fused to the one before
// by a hyphen (an adjective: "Russian-backed"), unless the pattern wrote
// the hyphen.
//
// A pattern starts with a word or a verb (it is indexed by its first
// element), does not end with a gap, and has at most one T. Elements are
// otherwise adjacent: "+impose sanction~ on T" needs "imposed sanctions
// on"; write "+impose * sanction~ on T" to allow "imposed new sanctions
// on".
//
// Attributes refine what a match means:
//
//	acled="Type: Sub-type"  the ACLED-style type, overriding the code's
//	plover=TYPE             the PLOVER type, where the PLOVER manual codes
//	                        the words apart from the CAMEO code
//	                        ("resigned": CAMEO 0831, PLOVER RETREAT)
//	mode=M                  the PLOVER mode, overriding the code's
//	context=a,b             PLOVER contexts added to the code's
//	modality=M              intended, demanded, negated, hypothetical or
//	                        conditional, when the words carry it
//	class=C                 report (a reporting verb that introduces a
//	                        clause), promise (a commitment verb) or demand
//
// The CAMEO code "---" marks a stop pattern: words that look like an
// event but are not ("fire brigade"). It takes part in choosing among
// overlapping matches, so it suppresses the weaker ones, and is itself
// never returned. A pattern with no verb element is nominal (airstrike,
// clashes, protest); its head is the last word of its leading run of
// content words ("suicide car bomb" has head "bomb").
//
// # Matching
//
// Match finds every match of every pattern in one sentence, then keeps,
// among matches with the same head (the verb, or a nominal pattern's
// head word), the most specific: the most literal and verb tokens matched,
// then a stop pattern, then a pattern with a verb (whose head the event
// stage can take the actors around), then the fewest tokens skipped by
// gaps (a tight match says more than a loose one), then the longest span,
// then the pattern loaded last (a user's file beats the embedded one),
// then the earliest line. Within a pattern, the longest alternative that
// lets the rest match is taken. A match that shares a
// trigger word with a more specific kept match is dropped too: each word
// belongs to one event, so "declared a ceasefire" is one event, not a
// statement and a ceasefire.
//
// # PETRARCH dictionaries
//
// A PETRARCH or TABARI CAMEO verb dictionary (verb blocks headed
// "--- NAME [code] ---", synonym sets "&NAME", patterns "- words * words
// [code]") is read into the same rules: "*" becomes the block's verbs,
// "+" the target slot, "$", "^" and "%" gaps, "{a b}" adjacent words,
// "(prep words)" and bare words literals separated by gaps, "&SET" the
// set's words, "[a:b]" the code a (else b), "[---]" a stop pattern.
// Transformations are ignored. A rule whose code is not in the codebook
// is skipped and counted.
package codebook
