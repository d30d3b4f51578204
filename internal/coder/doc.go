// Package coder turns an article into records: it finds the actors and
// places (package gazetteer), the words that report events (package
// codebook), and from them builds events with their source and target,
// modality, date, place and numbers; then the claims the article
// attributes and the commitments it reports. Each stage adds annotations
// to a Doc and does no I/O, so coding an article is a pure function of the
// article, the dictionaries and the coder's version.
package coder
