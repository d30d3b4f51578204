// Package eval scores a coder against gold-standard sets: `truce eval
// KIND FILE`. It reads the gold file (the loaders are fuzzed and name the
// file and the line in every error), codes each gold sentence as one
// article, concurrently, and computes the metrics into a Report that
// prints as a table or marshals to JSON. Gold files are read at run time
// from the path the user gives; nothing of them is embedded.
//
// Countries. An actor code's country is its first three letters
// ("USAGOV" is USA, "---REB" is unknown); an organisation's code (IGO…,
// NGO…) is kept whole, since "IGO" alone says nothing about which. A coded
// actor's country is the whole code for an organisation, else its Country
// field, else the first three letters of its code, else "---". Countries
// compare exactly; organisations by prefix, as keysMatch explains (gold
// PLOVER writes every organisation as plain "IGO").
//
// plover (PLOVER GSR JSON array; DOCUMENT records skipped):
//   - event type: a gold event is found when some coded event of the
//     sentence has its PLOVER type, whatever the modality;
//   - type + source + target: found, and the coded events of that type
//     carry exactly the gold source and target countries (as sets), one
//     event's or all of them together;
//   - extra events: coded events whose type is not the gold's, in total
//     and per sentence; by type: precision, recall and F1 per type over
//     sentences;
//   - actors: every gold source and target (once per record) is looked
//     for in the sentence (locate explains how loosely); it is found when
//     a coded mention of any type overlaps it and has the gold country,
//     and found with its sector when that mention's sector is also the
//     gold's (first three letters; "***" and none mean none);
//   - locations: a gold eventLoc is found when a place mention overlaps
//     its name and, where the gold gives an ISO alpha-2 country, has it.
//
// petrarch (PETRARCH2 GSR JSON lines, or the original XML): precision,
// recall and F1 over the distinct (source country, target country, CAMEO
// root) triples of each sentence, and over (source, target, full code).
// A coded event contributes each of its source × target pairs; a missing
// side is "---"; events without a CAMEO code are left out. Gold and coded
// triples are paired one to one. Coded triples in a sentence the gold
// marks noevents are false positives (also counted on their own).
//
// conflibert, class file (sentence TAB class): a coding is reduced to one
// class by ClassOf: no event is 0 (statement); else the event with the
// highest confidence, the first on a tie, by its CAMEO root as the
// ConfliBERT labels group them (01–02 → 0, 03–05 → 1, 06–08 → 2, 09–13
// and 16 → 3, 14–15 and 17–20 → 4; not GDELT's quad class), else its
// quad class, else 0. Metrics: accuracy, per-class
// precision, recall and F1, macro-F1 (the mean F1 of the classes that are
// gold or coded) and the confusion matrix.
//
// conflibert, spans file (one "token TAG" a line, BIO tags S, T, R,
// detected by content): each sentence is rebuilt by joining its tokens
// with single spaces (so gold spans are exact byte spans of the text the
// coder sees) and coded. Coded mentions of type actor, person and org
// are scored against the gold spans of every role: precision is the share
// of mentions that match a gold span, recall the share of gold spans that
// a mention matches, with "match" meaning the same span (exact) or a
// shared byte (overlap); recall is also given per role.
//
// acled (TSV id, text, sub-event type as ACLED's name or a CASE 2021
// code; NEGATIVE for none): a coding is reduced by ACLEDOf to the ACLED
// type of its factual event (modality asserted, reported or unset) with
// the highest confidence, the first on a tie, or none. Sub-event
// accuracy counts equal types, none against NEGATIVE included; event-type
// accuracy the same on ACLED's event types; per-class precision, recall
// and F1 by sub-event type.
//
// Gold records without text (one in the PETRARCH2 set) are skipped and
// counted; a sentence the coder fails on is counted and scored as coding
// nothing.
//
// Verbose output lists each miss on one tab-separated line: sentence id,
// what was missed, the gold, what was coded, and the sentence.
package eval
