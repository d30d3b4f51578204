package coder

import (
	"strings"

	"github.com/truce/truce/internal/text"
)

// Words that shape a clause. The coder has no parser: it reads word order
// around the verbs, and these words mark where a clause starts or ends and
// how a verb is qualified.
var (
	// subordinators open a clause whose subject follows them.
	subordinators = text.NewWordSet("while", "although", "though", "because", "after", "before", "when",
		"whereas", "since", "unless", "if", "once", "until", "as", "whether", "but", "yet")
	relatives   = text.NewWordSet("who", "which", "whom", "whose")
	auxiliaries = text.NewWordSet("has", "have", "had", "was", "were", "is", "are", "am", "be", "been", "being",
		"will", "would", "shall", "should", "can", "could", "may", "might", "must", "did", "does", "do",
		"'s", "'ve", "'d", "'ll", "'re", "not", "n't", "never", "also", "reportedly", "allegedly",
		"then", "later", "again", "already", "still", "now", "just", "jointly", "formally", "officially",
		"finally", "repeatedly", "reportedly", "apparently", "quickly", "immediately", "subsequently",
		"previously", "recently", "publicly", "separately", "both", "all", "each", "further", "it", "they",
		"he", "she", "we", "i", "to", "going", "set", "due", "expected", "reported", "said", "say", "says",
		"yesterday", "today", "on", "late", "early", "overnight")
	// negators negate the verb they precede in its clause.
	negators = text.NewWordSet("not", "n't", "never", "no", "neither", "nor", "without", "failed", "fails", "fail",
		"refused", "refuses", "refuse", "declined", "declines")
	// hypotheticals make the verb a possibility.
	hypotheticals = text.NewWordSet("could", "may", "might", "would", "can", "potential", "possible", "possibly",
		"likely", "unlikely", "risk", "threat", "fears", "fear", "feared", "prospect", "perhaps")
	// intenders make the verb a plan or promise.
	intenders = text.NewWordSet("will", "shall", "'ll", "plans", "plan", "planned", "planning", "intends", "intend", "want",
		"intended", "intention", "intent", "aims", "aim", "aimed", "ready", "willing", "prepared",
		"pledged", "promised", "vowed", "offered", "agreed", "committed", "expected", "set", "going",
		"seeks", "sought", "seeking", "wants", "wanted", "hopes", "hoped", "determined")
	// demanders make the verb something asked of others.
	demanders = text.NewWordSet("urged", "urges", "urging", "urge", "demanded", "demands", "demanding", "demand",
		"called", "calls", "calling", "call", "asked", "asks", "asking", "appealed", "appeals", "need",
		"needs", "must", "should", "requested", "insisted", "pressed", "pressing")
	// conditionals make the verb depend on a condition.
	conditionals = text.NewWordSet("if", "unless", "once", "provided", "providing", "condition", "conditional",
		"before", "until", "only")
	// reporters mark what follows as reported, not asserted.
	reporters = text.NewWordSet("reportedly", "allegedly", "purportedly", "apparently", "claimed")
	// boundaries end a clause.
	boundaries = text.NewWordSet(";", ":", "(", ")", "?", "!", `"`)
)

// subordinator reports whether token k opens a clause: "once" does, but
// not in "once again", "once more".
func subordinator(toks []text.Token, k int) bool {
	w := toks[k].Norm
	if w == "once" && k+1 < len(toks) && (toks[k+1].Norm == "again" || toks[k+1].Norm == "more") {
		return false
	}
	return subordinators.At(&toks[k])
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// clauseStart returns the first token of the clause that contains token i:
// after the nearest boundary, subordinator or relative pronoun before it,
// or after "that" following a verb of saying.
func clauseStart(toks []text.Token, i int) int {
	for k := i - 1; k >= 0; k-- {
		w := toks[k].Norm
		if boundaries.At(&toks[k]) || relatives.At(&toks[k]) || w == "that" {
			return k + 1
		}
		if subordinator(toks, k) && (k == 0 || toks[k-1].Norm == "," || k+1 < len(toks)) {
			// "while Azerbaijan declared": the clause starts after the
			// subordinator.
			if w == "as" && k+1 < len(toks) && (toks[k+1].Norm == "well" || toks[k+1].Norm == "part" || toks[k+1].Norm == "an" || toks[k+1].Norm == "a") {
				continue
			}
			return k + 1
		}
	}
	return 0
}

// clauseEnd returns the token after the last of the clause that contains
// token i: a boundary, or a comma followed by a subordinator, relative
// pronoun or a participle.
func clauseEnd(toks []text.Token, i int) int {
	fronted := frontedClause(toks, i) || insertedRelative(toks, i)
	for k := i + 1; k < len(toks); k++ {
		w := toks[k].Norm
		if boundaries.At(&toks[k]) || w == "." {
			return k
		}
		if relatives.At(&toks[k]) || (subordinator(toks, k) && w != "as" && w != "before" && w != "until" && w != "after") {
			return k
		}
		if (w == "after" || w == "before") && k > i+1 && timeBefore.At(&toks[k-1]) {
			// "began deploying on Tuesday, hours after Armenia and
			// Azerbaijan agreed": a clause of its own.
			return k
		}
		if w == "following" || w == "amid" || w == "amidst" || w == "despite" {
			// "… in the West Bank following the deaths of two Israelis":
			// what follows is background, not the clause's object.
			return k
		}
		if w == "," && fronted {
			// "After rebels staged an uprising, the army …": the comma
			// closes the clause the sentence opened with.
			return k
		}
		if w == "," && k+1 < len(toks) {
			n := toks[k+1].Norm
			if subordinators.Has(n) || relatives.Has(n) || n == "and" || n == "but" || isGerund(n) || n == "saying" || attribution(toks, k) {
				return k
			}
			if n == "the" && k+3 < len(toks) && toks[k+3].Norm == "time" {
				// "…, the sixth time Washington has blocked such a
				// measure": a count of times, a clause of its own.
				return k
			}
			if (n == "a" || n == "an") && k+3 < len(toks) && toks[k+2].Shape == text.Lower &&
				(toks[k+3].Norm == "the" || toks[k+3].Norm == "that" || toks[k+3].Norm == "which" || toks[k+3].Norm == "by") {
				// "…, a directive the High Court suspended", "…, a
				// charge the opposition denied", "…, a move that …": a
				// comment on the clause, not its object.
				return k
			}
		}
	}
	return len(toks)
}

// timeBefore are the words of a time that may open a clause with "after"
// or "before": "hours after", "shortly before", "days after".
var timeBefore = text.NewWordSet("hours", "days", "weeks", "months", "minutes", "years", "shortly", "soon", "just",
	"moments", "hour", "day", "week", "month", "minute", "year", "long")

// frontedClause reports whether token i lies in a clause that opens the
// sentence with a subordinator ("After …", "When …", "Although …") and
// that no comma has closed before i.
func frontedClause(toks []text.Token, i int) bool {
	if len(toks) == 0 || toks[0].Norm == "as" || !subordinator(toks, 0) {
		return false
	}
	for k := 1; k < i && k < len(toks); k++ {
		if toks[k].Norm == "," {
			return false
		}
	}
	return true
}

// insertedRelative reports whether token i lies in a relative clause set
// off by commas (", which have mediated between the two sides,"), which
// the next comma closes: "Egypt and Qatar, which have mediated between
// the two sides, urged Israel" mediated with no Israel.
func insertedRelative(toks []text.Token, i int) bool {
	for k := min(i, len(toks)-1); k >= 1; k-- {
		switch {
		case toks[k].Norm == "," || boundaries.At(&toks[k]):
			return false
		case relatives.At(&toks[k]) && toks[k-1].Norm == ",":
			return toks[k].Norm != "that"
		}
	}
	return false
}

// attributionVerbs end a postposed attribution.
var attributionVerbs = text.NewWordSet("said", "says", "told", "tells", "reported", "reports", "added", "stated", "announced",
	"confirmed", "claimed", "wrote", "tweeted", "quoted")

// attribution reports whether the comma at token k opens the attribution
// that closes a sentence: ", the official news agency said on Wednesday",
// ", police said", ", two commanders told a news agency by phone", ",
// according to witnesses". Whoever it names is the sentence's source of
// information, never a party to the clause before the comma.
func attribution(toks []text.Token, k int) bool {
	if k+1 >= len(toks) || toks[k].Norm != "," {
		return false
	}
	if toks[k+1].Norm == "according" {
		return true
	}
	for j := k + 1; j < len(toks) && j <= k+16; j++ {
		t := toks[j]
		if attributionVerbs.Has(t.Norm) && j > k+1 {
			// A time or a channel may follow the verb, not a clause; or
			// a comma and what the sentence adds (", the mediators said,
			// shortly before the truce was due to expire").
			if j+1 < len(toks) && toks[j+1].Norm == "," {
				return true
			}
			return len(toks)-j <= 8 && (j+1 >= len(toks) || toks[j+1].Norm != "that")
		}
		if t.Kind == text.Punct && t.Norm != "'s" && t.Norm != "-" && t.Norm != "(" && t.Norm != ")" && t.Norm != "." {
			return false
		}
		if j > k+8 && t.Shape == text.Lower && (strings.HasSuffix(t.Norm, "ed") || clauseVerbs.Has(t.Norm)) {
			// A long attribution names its source in nouns ("…, the
			// office of the UN envoy and the International Committee
			// of the Red Cross said"); a verb makes it a clause.
			return false
		}
	}
	return false
}

var clauseVerbs = text.NewWordSet("is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could")

func isGerund(w string) bool {
	return len(w) > 5 && w[len(w)-3:] == "ing" && w != "during" && w != "including" && w != "according" && w != "following"
}
