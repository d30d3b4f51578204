// Package examples holds truce's bundled sample data: the sample corpus
// that `truce demo` ingests (Nagorno-Karabakh, August–November 2023,
// written by the truce authors from public facts, with the founding
// article), and one small sample input of each format in samples/.
package examples

import "embed"

// Corpus is the demo corpus: dated articles in the plain-text article
// format, under nagorno-karabakh/.
//
//go:embed nagorno-karabakh
var Corpus embed.FS
