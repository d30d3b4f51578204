package coder

import (
	"github.com/truce/truce/internal/codebook"
	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/gazetteer"
	"github.com/truce/truce/internal/text"
)

// modalityOf decides how the sentence stands toward a draft's event, from
// the words of its clause before the trigger, the pattern's own modality,
// and the verb that governs it. Negation outranks a condition, which
// outranks a demand or a promise, which outrank possibility; what is left
// is asserted (made reported later when a speaker is found). It returns
// the condition's words for a conditional.
func modalityOf(d *Doc, si int, dr *draft) (string, string) {
	toks := d.tokens(si)
	m := dr.match
	if dr.reduced {
		// "victims killed by the crash", after "will send a team to
		// identify": a participle says what was done, whatever the
		// clause around it plans.
		return domain.ModalityAsserted, ""
	}
	mod := domain.ModalityAsserted
	switch dr.govClass {
	case classPromise:
		mod = domain.ModalityIntended
	case classDemand:
		mod = domain.ModalityDemanded
	}
	if m.Modality != "" {
		mod = m.Modality
	}
	if dr.gov != nil && dr.gov.Modality != "" {
		mod = dr.gov.Modality
	}
	if mod == domain.ModalityAsserted && dr.gov == nil {
		mod = insideGoverning(d, si, dr)
	}
	start := clauseStart(toks, dr.start)
	if (m.Form == codebook.Gerund && m.Start == m.Head || m.Nominal && classOf(&m) == classReport) && dr.start > 0 && toks[dr.start-1].Norm == "," {
		// "would not attend the meeting, accusing the United States",
		// "…, in an interview with Die Welt": an act of its own.
		start = dr.start
	}
	if mod == domain.ModalityAsserted && ensuredClause(toks, start) {
		// "ordered the security agencies to ensure that the pupils were
		// freed": a state sought, not one reached.
		mod = domain.ModalityIntended
		for k := range d.Matches[si] {
			if g := &d.Matches[si][k]; g.End <= start && classOf(g) == classDemand {
				mod = domain.ModalityDemanded
			}
		}
	}
	var negated, hypothetical, intended, reported, obliged bool
	cond := ""
	if start > 0 && conditionalOpener(toks, start-1) {
		cond = conditionText(d, si, start-1, dr)
	}
	for k := start; k < dr.start; k++ {
		w := toks[k].Norm
		switch {
		case (w == "and" || w == "but") && finiteAfter(d, toks, k):
			// "said there were no Armenian units there and accused Baku":
			// a clause of its own, which the words before do not negate
			// or make possible.
			negated, hypothetical, obliged = false, false, false
		case negators.At(&toks[k]):
			// "not only", "no longer" do not negate.
			if w == "not" && k+1 < len(toks) && toks[k+1].Norm == "only" {
				continue
			}
			negated = true
		case (w == "accused" || w == "suspected") && k+2 == dr.start && toks[k+1].Norm == "of":
			// "two Chinese companies accused of supplying drone parts":
			// alleged, not established.
			reported = true
		case w == "failure" && k+2 == dr.start && toks[k+1].Norm == "to":
			// "a failure to crack down on extremists": not done.
			negated = true
		case w == "lack" || w == "absence":
			// "the lack of intervention": only the noun it governs.
			if k+1 < len(toks) && toks[k+1].Norm == "of" && dr.start <= k+4 {
				negated = true
			}
		case conditionals.At(&toks[k]):
			if (w == "before" || w == "until" || w == "once") && !conditionalOpener(toks, k) {
				continue
			}
			if w == "only" && (k+1 >= len(toks) || (toks[k+1].Norm != "if" && toks[k+1].Norm != "once" && toks[k+1].Norm != "after" && toks[k+1].Norm != "when")) {
				continue
			}
			if w == "condition" && (k == 0 || toks[k-1].Norm != "on") {
				continue
			}
			if cond == "" {
				cond = conditionText(d, si, k, dr)
			}
		case w == "would" && (backshifted(toks, k) || ownWill(d, si, k)):
			// "Israel announced it would free prisoners": reported
			// speech's "will".
			intended = true
		case hypotheticals.At(&toks[k]):
			hypothetical = true
		case arrangedWords.At(&toks[k]) && k+2 == dr.start && toks[k+1].Norm == "to" && !m.Passive && actorEndsBefore(d, d.actorMentions(si), k):
			// "Under the deal, Hezbollah was to withdraw its fighters":
			// what an arrangement has a party do, not what it did.
			intended = true
		case w == "must" || w == "should" || (w == "need" || w == "needs" || w == "have" || w == "has") && k+1 < len(toks) && toks[k+1].Norm == "to" && k+2 == dr.start:
			// "Libya must hand over the suspects": an obligation put on
			// the subject, by whoever says it.
			obliged = true
		case intenders.At(&toks[k]):
			if k+1 < dr.start && (toks[k+1].Norm == "and" || toks[k+1].Norm == "or") && w != "will" && w != "shall" {
				// "helped to plan and carry out killings": a verb of its
				// own beside the act, not one that makes it intended.
				continue
			}
			if w == "set" || w == "going" || w == "expected" {
				if k+1 < len(toks) && toks[k+1].Norm == "to" {
					intended = true
				}
				continue
			}
			intended = true
		case reporters.At(&toks[k]):
			reported = true
		}
	}
	// A conditional clause after a promise or a demand governs it too:
	// "will disarm only if their security is guaranteed".
	if cond == "" && (mod == domain.ModalityIntended || dr.govClass != "") {
		end := clauseEnd(toks, dr.end-1)
		for k := dr.end; k < len(toks) && k <= end; k++ {
			w := toks[k].Norm
			if w == "unless" || w == "if" || (w == "only" && k+1 < len(toks) && toks[k+1].Norm == "if") ||
				(w == "on" && k+1 < len(toks) && toks[k+1].Norm == "condition") || (w == "provided" && k+1 < len(toks) && toks[k+1].Norm == "that") {
				cond = conditionText(d, si, k, dr)
				break
			}
		}
	}
	if dr.report != nil && isDenial(toks, dr.report) {
		negated = true
	}
	switch {
	case negated:
		return domain.ModalityNegated, ""
	case cond != "":
		return domain.ModalityConditional, cond
	case mod != domain.ModalityAsserted:
		return mod, ""
	case obliged:
		return domain.ModalityDemanded, ""
	case hypothetical:
		return domain.ModalityHypothetical, ""
	case intended:
		return domain.ModalityIntended, ""
	case reported:
		return domain.ModalityReported, ""
	}
	return domain.ModalityAsserted, ""
}

// backshifted reports whether "would" at token k is a speaker's "will"
// told in reported speech: after a verb of saying and the pronoun that
// stands for the speaker ("said it would", "announced that they would").
func backshifted(toks []text.Token, k int) bool {
	if k < 2 || !subjectPronouns.At(&toks[k-1]) {
		return false
	}
	j := k - 2
	if toks[j].Norm == "that" && j > 0 {
		j--
	}
	return sayVerbBefore(toks, j) >= 0
}

// sayVerbBefore returns the verb of saying at token j or before it past
// a time ("said on Friday they would", "confirmed on Wednesday that it
// would"), or -1.
func sayVerbBefore(toks []text.Token, j int) int {
	for n := 0; n < 3 && j > 0 && (timeWords.At(&toks[j]) || toks[j].Norm == "on"); n++ {
		j--
	}
	if sayVerbs.At(&toks[j]) {
		return j
	}
	return -1
}

// insideGoverning returns the modality of an infinitive that lies inside
// a longer pattern of demand or promise, whose verb governs it though
// the pattern goes on past it: "urged Azerbaijan to maintain the
// ceasefire and to allow monitors access" (matched as "urge T to allow …
// monitors") demands the ceasefire too. Else asserted.
func insideGoverning(d *Doc, si int, dr *draft) string {
	toks := d.tokens(si)
	h := dr.match.Head
	if h == 0 || toks[h-1].Norm != "to" {
		return domain.ModalityAsserted
	}
	for k := range d.Matches[si] {
		g := &d.Matches[si][k]
		if g.Head >= h || g.End <= h {
			continue
		}
		switch classOf(g) {
		case classDemand:
			return domain.ModalityDemanded
		case classPromise:
			return domain.ModalityIntended
		}
	}
	return domain.ModalityAsserted
}

// ensuredClause reports whether the clause starting at token start is
// what a verb of ensuring seeks: "ensure that", "make sure that",
// "guarantee that", "see to it that".
func ensuredClause(toks []text.Token, start int) bool {
	if start < 2 || toks[start-1].Norm != "that" {
		return false
	}
	switch toks[start-2].Norm {
	case "ensure", "ensures", "ensuring", "guarantee", "guarantees", "guaranteeing", "guaranteed":
		return true
	case "sure":
		return start >= 3 && (toks[start-3].Norm == "make" || toks[start-3].Norm == "making" || toks[start-3].Norm == "makes")
	case "it":
		return start >= 4 && toks[start-3].Norm == "to" && (toks[start-4].Norm == "see" || toks[start-4].Norm == "seeing")
	}
	return false
}

// finiteAfter reports whether a finite verb follows the "and" or "but" at
// token k, with only auxiliaries and adverbs between: "and accused", "but
// has rejected", "and did not".
func finiteAfter(d *Doc, toks []text.Token, k int) bool {
	j := k + 1
	for n := 0; j < len(toks) && n < 3 && coordAux.At(&toks[j]); n++ {
		j++
	}
	if j >= len(toks) || toks[j].Kind != text.Word || toks[j].Shape != text.Lower {
		return false
	}
	if j > k+1 && (toks[k+1].Norm == "has" || toks[k+1].Norm == "have" || toks[k+1].Norm == "had" || toks[k+1].Norm == "did" ||
		toks[k+1].Norm == "was" || toks[k+1].Norm == "were") {
		return true
	}
	// A bare -ed word after a modal or "be" just before is the modal's
	// participle: "should be trained and equipped to fight".
	for i := max(0, k-4); i < k; i++ {
		if modals.At(&toks[i]) || toks[i].Norm == "be" || toks[i].Norm == "been" || toks[i].Norm == "to" {
			return false
		}
	}
	return isFiniteVerb(d, toks[j].Norm)
}

// ownWill reports whether "would" at token k is a speaker's "will" for
// the speaker's own country, told in reported speech: "Erdogan said
// Turkey would continue to stand by Azerbaijan", "Pashinyan said that
// Armenia would welcome them". Of another party ("said the talks would
// fail") it stays a possibility.
func ownWill(d *Doc, si, k int) bool {
	toks := d.tokens(si)
	var subj *gazetteer.Mention
	for _, i := range d.Sentence[si] {
		if m := &d.Mentions[i]; m.TokEnd == k && isActor(m) && m.Country != "" {
			subj = m
		}
	}
	if subj == nil {
		return false
	}
	j := subj.Tok - 1
	if j > 0 && toks[j].Norm == "that" {
		j--
	}
	for n := 0; n < 3 && j > 0 && (timeWords.At(&toks[j]) || toks[j].Norm == "on"); n++ {
		j--
	}
	if j > 0 && toks[j].Norm == "and" && toks[j+1].Norm == "that" {
		// "said the likelihood … was increasing and that Armenia would":
		// the verb of the first "that".
		for j--; j > 0 && !sayVerbs.At(&toks[j]); j-- {
		}
	}
	if j <= 0 || !sayVerbs.At(&toks[j]) {
		return false
	}
	// The speaker: the nearest actor before the verb, or the sentence's
	// first for a verb after "and" ("X met Y and said").
	var speaker *gazetteer.Mention
	for _, i := range d.Sentence[si] {
		if m := &d.Mentions[i]; m.TokEnd <= j && isActor(m) && (speaker == nil || toks[j-1].Norm != "and") {
			speaker = m
		}
	}
	return speaker != nil && speaker.Country == subj.Country
}

// timeWords may stand between a verb of saying and what it reports.
var timeWords = text.NewWordSet("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"today", "yesterday", "earlier", "later", "again", "also", "last", "week", "night", "evening", "morning")

// isDenial reports whether a verb of saying denies what it reports.
func isDenial(toks []text.Token, r *codebook.Match) bool {
	for _, t := range r.Trigger {
		switch toks[t].Norm {
		case "denied", "denies", "deny", "denying", "dismissed", "rejected", "refuted", "disputed":
			return true
		}
	}
	return false
}

// conditionalOpener reports whether the subordinator at token k opens a
// condition rather than a time: "if", "unless", "once", "only if", and
// "before"/"until" followed by a gerund or "any" ("before considering the
// surrender", "before any disarmament can occur").
func conditionalOpener(toks []text.Token, k int) bool {
	switch toks[k].Norm {
	case "once":
		return subordinator(toks, k) // not "once again"
	case "if", "unless", "provided":
		return true
	case "before", "until":
		if k+1 < len(toks) {
			n := toks[k+1].Norm
			return n == "any" || isGerund(n)
		}
	}
	return false
}

// conditionText returns the words of a condition starting at token k, to
// the end of its clause (for "before considering …", the whole phrase).
func conditionText(d *Doc, si, k int, dr *draft) string {
	toks := d.tokens(si)
	from := k
	if toks[k].Norm == "only" && k+1 < len(toks) {
		from = k + 1 // "only if …": the clause after "if"
	}
	end := clauseEnd(toks, from)
	if end <= k {
		return ""
	}
	return d.Text.Text[toks[k].Start:toks[end-1].End]
}
