package coder

import (
	"slices"
	"strings"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/gazetteer"
	"github.com/truce/truce/internal/text"
)

// Verbs of saying that attribute a statement. Lexical, so that a claim is
// found even where the event pattern took the verb ("declared … a
// ceasefire").
var (
	sayVerbs = text.NewWordSet("said", "says", "say", "saying", "told", "tells", "declared", "declares", "declaring",
		"announced", "announces", "announcing", "claimed", "claims", "claiming", "denied", "denies",
		"denying", "deny", "accused", "accuses", "accusing", "insisted", "insists", "confirmed",
		"confirms", "warned", "warns", "stated", "states", "reported", "reports", "added", "adding", "alleged", "alleges",
		"maintained", "maintains", "asserted", "acknowledged", "admitted", "noted", "argued", "stressed",
		"emphasized", "emphasised", "reiterated", "rejected", "dismissed", "blamed", "blames", "blaming", "tweeted", "wrote")
	denyVerbs   = text.NewWordSet("denied", "denies", "denying", "deny", "rejected", "dismissed")
	accuseVerbs = text.NewWordSet("accused", "accuses", "accusing")
	blameVerbs  = text.NewWordSet("blamed", "blames", "blaming")
	// tollVerbs state a casualty count as the subject's own: "the
	// ministry raised the death toll to 89".
	tollVerbs = text.NewWordSet("raised", "revised", "lowered", "put", "updated", "increased")
	// participles that continue a statement: "…, saying …", "…, adding
	// that …".
	participles = text.NewWordSet("saying", "adding", "insisting", "claiming", "arguing", "warning", "stressing", "noting")
	// genericSources are the head nouns of sources a text does not name
	// ("residents", "local officials", "a medical association"): their
	// claims have no speaker code.
	genericSources = text.NewWordSet("witnesses", "residents", "sources", "media", "reports", "activists", "observers",
		"locals", "eyewitnesses", "footage", "videos", "monitors", "journalists", "officials", "official",
		"medics", "doctors", "diplomats", "workers", "association", "agencies", "people", "villagers",
		"survivors", "analysts", "rescuers", "staff", "source", "witness", "resident", "groups", "organisations",
		"organizations", "hospital", "hospitals", "committee")
	// reportNouns introduce what unnamed sources say: "reports of".
	reportNouns = text.NewWordSet("reports", "report", "claims", "allegations", "accounts", "rumours", "rumors")
)

type siteKind uint8

const (
	siteSay      siteKind = iota // X said P
	siteDeny                     // X denied P
	siteAccuse                   // X accused Y of P
	siteBlame                    // X blamed Y for P
	siteCall                     // …, in what X called P
	siteToll                     // X raised the toll to N
	siteOwn                      // X did P, saying …: X's own account of its act
	siteAsserted                 // the text states P itself
)

// claimSite is where a sentence attributes a statement: who speaks, the
// verb, and the words claimed.
type claimSite struct {
	kind    siteKind
	speaker int    // mention index, or -1
	unnamed string // an unnamed source ("residents", "reports")
	verb    [2]int // token range of the verb of saying
	start   int    // first token of the site (its speaker or verb)
	prop    [2]int // token range of the words claimed
	object  []int  // the accused or blamed ("accused Y of …")
	cut     [][2]int
}

// claims finds the attributed statements of every sentence.
func (c *Coder) claims(d *Doc) {
	prevSpeaker := -1
	var prevPlace *domain.Place
	for si := range d.Text.Sentences {
		sites := claimSites(d, si, prevSpeaker)
		if n := datelineEnd(d.tokens(si)); n > 0 {
			for i := range sites {
				if sites[i].prop[0] < n && n < sites[i].prop[1] {
					sites[i].prop[0] = n // not "CAIRO (Reuters) - "
				}
			}
		}
		var got []domain.Claim
		var lastActors []domain.Actor // of the words before, for "in what it called"
		for i := range sites {
			cs := &sites[i]
			for _, cl := range c.siteClaims(d, si, cs, &prevPlace, lastActors) {
				if len(cl.Actors) > 0 {
					lastActors = cl.Actors
				}
				if !slices.ContainsFunc(got, func(o domain.Claim) bool { return o.ID == cl.ID || sameClaim(&o, &cl) }) {
					got = append(got, cl)
				}
			}
			if cs.speaker >= 0 {
				prevSpeaker = cs.speaker
			}
		}
		d.Claims = append(d.Claims, got...)
	}
}

// datelineEnd returns the token after a dateline that opens a sentence
// ("CAIRO (Reuters) -", "KYIV, June 10 (Reuters) -", "YANGON (AP) —",
// "LONDON —"), or 0: a place in capitals, at most a date, an agency in
// brackets, then a dash.
func datelineEnd(toks []text.Token) int {
	if len(toks) < 3 || toks[0].Shape != text.Upper {
		return 0
	}
	for k := 1; k < len(toks) && k < 12; k++ {
		switch t := &toks[k]; {
		case t.Norm == "-" && !(k+1 < len(toks) && toks[k+1].Start == t.End && t.Start == toks[k-1].End):
			return k + 1 // a dash between spaces, not a hyphen
		case t.Norm == "," || t.Norm == "(" || t.Norm == ")" || t.Kind == text.Number || t.Shape == text.Upper || t.Shape == text.Title:
		default:
			return 0
		}
	}
	return 0
}

func sameClaim(a, b *domain.Claim) bool {
	return a.Topic == b.Topic && a.Polarity == b.Polarity && a.Speaker.Code == b.Speaker.Code &&
		a.Speaker.Text == b.Speaker.Text && a.PropositionSpan == b.PropositionSpan
}

// claimCues holds every word the cases of claimSites start from.
var claimCues = text.Union(text.NewWordSet("according", "in", "agreed"), reportNouns, tollVerbs, sayVerbs)

// claimSites finds the claims of a sentence: "X said (that) P", "P, X
// said", "P, said X", "according to X, P", "reports of P", "witnesses
// said P", "X denied P", "X accused Y of P", "X blamed Y for P", "in what
// X called P", "X raised the toll to N", "X did P, saying …". A sentence
// with none states its words itself.
func claimSites(d *Doc, si, prevSpeaker int) []claimSite {
	toks := d.tokens(si)
	actors := d.actorMentions(si)
	var out []claimSite
	for k := 0; k < len(toks); k++ {
		w := toks[k].Norm
		if !claimCues.At(&toks[k]) {
			continue // one lookup for most words, which open no claim
		}
		switch {
		case w == "according" && k+1 < len(toks) && toks[k+1].Norm == "to":
			if cs, ok := accordingTo(d, si, k, actors); ok {
				out = append(out, cs)
			}
		case reportNouns.At(&toks[k]) && k+1 < len(toks) && (toks[k+1].Norm == "of" || toks[k+1].Norm == "that") &&
			!startsAfterActor(d, si, k, actors):
			start := k + 2
			cs := claimSite{kind: siteSay, speaker: -1, unnamed: w, verb: [2]int{k, k + 2}, start: k,
				prop: [2]int{start, propEnd(d, si, start, actors)}}
			if toks[k+1].Norm == "of" {
				cs.prop[1] = min(cs.prop[1], nounPhraseEnd(toks, start))
			}
			out = append(out, cs)
		case w == "in" && k+3 < len(toks) && toks[k+1].Norm == "what" && toks[k+3].Norm == "called":
			// "…, in what it called a violation": the speaker of the
			// words before.
			cs := claimSite{kind: siteCall, speaker: -1, verb: [2]int{k + 3, k + 4}, start: k,
				prop: [2]int{k + 4, propEnd(d, si, k+4, actors)}}
			if n := len(out); n > 0 {
				cs.speaker, cs.unnamed = out[n-1].speaker, out[n-1].unnamed
			}
			if cs.speaker >= 0 || cs.unnamed != "" {
				out = append(out, cs)
			}
			k += 3
		case tollVerbs.Has(w) && toks[k].Shape == text.Lower && tollFollows(toks, k):
			cs := claimSite{kind: siteToll, speaker: -1, verb: [2]int{k, k + 1}, start: k}
			if sp := subjectOf(d, si, k, actors); len(sp) > 0 {
				cs.speaker = sp[len(sp)-1]
				cs.start = d.Mentions[cs.speaker].Tok
			}
			cs.prop = [2]int{k, propEnd(d, si, k+1, actors)}
			if cs.speaker >= 0 {
				out = append(out, cs)
			}
		case w == "agreed" && thatFollows(toks, k+1),
			sayVerbs.Has(w) && (toks[k].Shape == text.Lower || k == 0 && toks[k].Shape == text.Title):
			if cs, ok := sayClaim(d, si, k, actors, out, prevSpeaker); ok {
				out = append(out, cs)
				if cs.kind == siteOwn {
					k = cs.verb[0]
					// The statement itself follows the participle.
					cs2 := cs
					cs2.kind = siteSay
					cs2.prop = [2]int{cs.verb[1], propEnd(d, si, cs.verb[1], actors)}
					if cs2.prop[0] < len(toks) && toks[cs2.prop[0]].Norm == "that" {
						cs2.prop[0]++
					}
					out = append(out, cs2)
				}
			}
		}
	}
	// A site inside another's words takes them over: "Akar said Russian
	// officials had told Ankara that Russia had nothing to do with it" is
	// the officials' claim, relayed.
	for i := range out {
		for j := range out {
			b := &out[j]
			if i == j || out[i].kind == siteOwn {
				continue
			}
			end := max(b.prop[1], b.verb[1])
			if b.start >= out[i].prop[0] && b.start < out[i].prop[1] && !(b.start == out[i].prop[0] && b.kind == siteCall) {
				out[i].cut = append(out[i].cut, [2]int{b.start, end})
			}
		}
	}
	if len(out) == 0 {
		out = append(out, claimSite{kind: siteAsserted, speaker: -1, prop: [2]int{0, len(toks)}})
	}
	return out
}

// thatFollows reports whether "that" opens the words after a verb at
// token k-1, over a time ("agreed on Wednesday that").
func thatFollows(toks []text.Token, k int) bool {
	for j := k; j < len(toks) && j <= k+3; j++ {
		if toks[j].Norm == "that" {
			return true
		}
		if toks[j].Norm != "on" && toks[j].Norm != "in" && toks[j].Shape != text.Title {
			return false
		}
	}
	return false
}

// startsAfterActor reports whether the word at k follows an actor as its
// verb ("Azerbaijan reports that …"), not a noun of reports.
func startsAfterActor(d *Doc, si, k int, actors []int) bool {
	for _, a := range actors {
		if d.Mentions[a].TokEnd == k {
			return true
		}
	}
	return false
}

// tollFollows reports whether a verb of raising takes a casualty toll:
// "raised the death toll", "raised to 272 the number of people".
func tollFollows(toks []text.Token, k int) bool {
	for j := k + 1; j < len(toks) && j <= k+6; j++ {
		switch toks[j].Norm {
		case "toll", "tally", "number":
			return true
		case ",", ";", ".":
			return false
		}
	}
	return false
}

// accordingTo reads "according to X, P" and "P, according to X".
func accordingTo(d *Doc, si, k int, actors []int) (claimSite, bool) {
	toks := d.tokens(si)
	cs := claimSite{kind: siteSay, speaker: -1, verb: [2]int{k, k + 2}, start: k}
	for _, a := range actors {
		if t := d.Mentions[a].Tok; t >= k+2 && t <= k+4 {
			cs.speaker = a
			break
		}
	}
	if cs.speaker < 0 || genericSpeaker(d, si, &d.Mentions[cs.speaker]) {
		u := unnamedAt(toks, k+2, k+7)
		if u == "" && cs.speaker < 0 {
			return cs, false
		}
		if u == "" {
			u = d.Mentions[cs.speaker].Text
		}
		cs.speaker, cs.unnamed = -1, u
	}
	end := clauseEnd(toks, k+2)
	if k > 0 {
		p := k
		if toks[p-1].Norm == "," {
			p--
		}
		cs.prop = [2]int{0, p}
	} else {
		if end < len(toks) && toks[end].Norm == "," {
			end++
		}
		cs.prop = [2]int{end, len(toks)}
	}
	return cs, cs.prop[0] < cs.prop[1]
}

// unnamedAt returns an unnamed source named in tokens [a, b).
func unnamedAt(toks []text.Token, a, b int) string {
	for k := a; k < b && k < len(toks); k++ {
		if genericSources.At(&toks[k]) {
			return toks[k].Norm
		}
	}
	return ""
}

// sayClaim reads a claim around the verb of saying at token k.
func sayClaim(d *Doc, si, k int, actors []int, prev []claimSite, prevSpeaker int) (claimSite, bool) {
	toks := d.tokens(si)
	w := toks[k].Norm
	cs := claimSite{kind: siteSay, speaker: -1, verb: [2]int{k, k + 1}, start: k}
	switch {
	case denyVerbs.At(&toks[k]):
		cs.kind = siteDeny
	case accuseVerbs.At(&toks[k]):
		if k+1 < len(toks) && toks[k+1].Norm == "of" {
			// "two Chinese companies accused of supplying drone parts":
			// accused by no one the sentence names; they accuse no one.
			return cs, false
		}
		cs.kind = siteAccuse
	case blameVerbs.At(&toks[k]):
		cs.kind = siteBlame
	}
	// "the number of people it says were killed": a parenthetical.
	if k >= 2 && isPronoun(toks[k-1].Norm) && toks[k-2].Kind == text.Word && toks[k-2].Shape == text.Lower &&
		!sayVerbs.At(&toks[k-2]) && toks[k-2].Norm != "that" && toks[k-2].Norm != "and" {
		return cs, false
	}
	participle := k > 0 && toks[k-1].Norm == "," && (participles.Has(w) || strings.HasSuffix(w, "ing"))
	switch {
	case participle:
		// "…, Grundberg said, adding that …": the same speaker; "Sudan's
		// army suspended …, saying …": the clause's subject, whose act
		// the words before are its own account of.
		if n := len(prev); n > 0 && prev[n-1].verb[1] <= k && (prev[n-1].speaker >= 0 || prev[n-1].unnamed != "") &&
			(prev[n-1].verb[1] >= k-4 || prev[n-1].prop[1] >= k-1) {
			cs.speaker, cs.unnamed = prev[n-1].speaker, prev[n-1].unnamed
		} else if sp := mainSubject(d, si, k, actors); sp >= 0 {
			cs.speaker = sp
			if w == "saying" {
				cs.kind = siteOwn
				cs.start = 0
				cs.prop = [2]int{clauseStart(toks, d.Mentions[sp].Tok), k - 1}
				return cs, true
			}
		}
	case k > 0 && toks[k-1].Norm == "and" && len(prev) > 0 && prev[len(prev)-1].prop[1] == k-1:
		// "The army said … and accused …": the first verb's subject.
		cs.speaker, cs.unnamed = prev[len(prev)-1].speaker, prev[len(prev)-1].unnamed
	default:
		if sp := speakerBefore(d, si, k, actors); len(sp) > 0 {
			cs.speaker = sp[0]
			cs.start = d.Mentions[sp[0]].Tok
			if w == "agreed" {
				cs.speaker = sp[len(sp)-1] // the leaders meeting in Luanda agreed
			}
		}
	}
	if cs.speaker < 0 && cs.unnamed == "" {
		switch {
		case k > 0 && (toks[k-1].Norm == "and" || toks[k-1].Norm == "also" && k > 1 && toks[k-2].Norm == "and"):
			// "The army said … and accused …": the first verb's subject.
			if n := len(prev); n > 0 && (prev[n-1].speaker >= 0 || prev[n-1].unnamed != "") {
				cs.speaker, cs.unnamed = prev[n-1].speaker, prev[n-1].unnamed
			} else if sp := mainSubject(d, si, k, actors); sp >= 0 {
				cs.speaker = sp
			}
		case k > 0 && toks[k-1].Norm == "," && !participle:
			// "…, said Hikmet Hajiyev".
			for _, a := range actors {
				if t := d.Mentions[a].Tok; t == k+1 || t == k+2 {
					cs.speaker = a
				}
			}
		}
	}
	if cs.speaker < 0 && cs.unnamed == "" {
		switch {
		case k > 0 && isPronoun(toks[k-1].Norm) && prevSpeaker >= 0:
			// "It said …", "She said …": the last speaker.
			cs.speaker = prevSpeaker
		case k > 1 && toks[k-2].Norm == "the" && bodyNouns.At(&toks[k-1]):
			// "…, the agency said": the organisation named before.
			cs.speaker = lastOrg(d, si, k)
		}
		if cs.speaker < 0 {
			if u := unnamedBefore(toks, k); u != "" {
				cs.unnamed = u
			} else if n := nameBefore(d, si, k); n != "" {
				// A person the dictionaries do not know ("Grundberg
				// said"): named, but with no code.
				cs.unnamed = n
			}
		}
	}
	if cs.speaker >= 0 && genericSpeaker(d, si, &d.Mentions[cs.speaker]) {
		cs.unnamed, cs.speaker = strings.ToLower(d.Mentions[cs.speaker].Text), -1
	}
	if cs.speaker < 0 && cs.unnamed == "" {
		return cs, false
	}
	start := propStart(toks, k+1)
	switch cs.kind {
	case siteAccuse, siteBlame:
		// "accused the army of shelling the road", "blamed Israel for the
		// collapse of the truce".
		link := "of"
		if cs.kind == siteBlame {
			link = "for"
		}
		at := -1
		for j := k + 1; j < len(toks) && j <= k+8; j++ {
			if toks[j].Norm == link {
				at = j
				break
			}
		}
		if at < 0 {
			cs.kind = siteSay
			break
		}
		for _, a := range actors {
			if t := d.Mentions[a].Tok; t > k && t < at {
				cs.object = append(cs.object, a)
			}
		}
		start = at + 1
	}
	end := propEnd(d, si, start, actors)
	// "While Azerbaijan declared that …, reports of …": a verb of saying
	// in a subordinate clause reports up to the comma that closes it.
	if c0 := clauseStart(toks, k); c0 > 0 && subordinators.At(&toks[c0-1]) {
		for j := start; j < end; j++ {
			if toks[j].Norm == "," {
				end = j
				break
			}
		}
	}
	// Postposed: "Fighting continued, a local official said." The words
	// claimed are the clause before the speaker.
	if cs.kind == siteSay && trailing(toks, start, end) {
		first := k
		switch {
		case cs.speaker >= 0 && d.Mentions[cs.speaker].Tok < k && d.Mentions[cs.speaker].TokEnd >= k-2:
			first = d.Mentions[cs.speaker].Tok
		case cs.speaker >= 0 && toks[k-1].Norm == ",":
			first = k
		default:
			first = npStart(toks, k)
		}
		if c := commaBefore(toks, first); c > 0 {
			from := 0
			for j := c - 1; j >= 0; j-- {
				if toks[j].Norm == ";" || toks[j].Norm == ":" || toks[j].Norm == "." {
					from = j + 1
					break
				}
			}
			cs.prop = [2]int{from, c}
			return cs, true
		}
	}
	if end <= start {
		return cs, false
	}
	cs.prop = [2]int{start, end}
	return cs, true
}

// speakerBefore returns who speaks with the verb of saying at token k:
// the actor that ends just before it, over adverbs ("also"), or before
// an apposition set off by commas ("The UN agency for Palestinian
// refugees, UNRWA, said"; "The region's ombudsman, Gegham Stepanyan,
// said"), with the actors coordinated with it.
func speakerBefore(d *Doc, si, k int, actors []int) []int {
	toks := d.tokens(si)
	endAt := mentionEnds(d, actors)
	j := k
	for j > 0 && (toks[j-1].Norm == "also" || toks[j-1].Norm == "reportedly" || toks[j-1].Norm == "later" || toks[j-1].Norm == "again") {
		j--
	}
	if a, ok := endAt.get(j); ok {
		return coordinated(d, si, a, endAt)
	}
	if s := coordinatedSayer(d, si, j, actors); len(s) > 0 {
		return s
	}
	if j > 0 && toks[j-1].Norm == "," {
		// An apposition: the actor in it, or the one before it.
		p := -1
		for q := j - 2; q >= 0 && q >= j-10; q-- {
			if toks[q].Norm == "," {
				p = q
				break
			}
			if toks[q].Kind == text.Punct || isFinite(toks[q]) {
				break
			}
		}
		if p > 0 {
			if a, ok := endAt.get(p); ok {
				return coordinated(d, si, a, endAt)
			}
			for _, a := range actors {
				if t := d.Mentions[a].Tok; t > p && t < j-1 {
					return []int{a}
				}
			}
		}
	}
	return subjectOf(d, si, k, actors)
}

// coordinatedSayer returns the subject of a verb of saying at token k
// coordinated with a verb before it: "The junta has denied targeting
// civilians and said …" is the junta's saying, not the civilians'. It is
// the sentence's subject where an actor opens the sentence; else nil.
func coordinatedSayer(d *Doc, si, k int, actors []int) []int {
	toks := d.tokens(si)
	if k < 2 || k >= len(toks) || toks[k].Shape != text.Lower || toks[k-2].Norm == "," ||
		toks[k-1].Norm != "and" && toks[k-1].Norm != "but" {
		return nil
	}
	return openingSubject(d, si, k-1, actors)
}

// bodyNouns refer back to an organisation named before: "the agency
// said".
var bodyNouns = text.NewWordSet("agency", "organisation", "organization", "charity", "body", "mission", "group", "committee")

// lastOrg returns the last international or non-governmental
// organisation the article named before token k of sentence si, or -1.
func lastOrg(d *Doc, si, k int) int {
	for i := len(d.Mentions) - 1; i >= 0; i-- {
		m := &d.Mentions[i]
		if m.Sentence > si || m.Sentence == si && m.Tok >= k {
			continue
		}
		if m.Type == domain.MentionOrg && m.Code != "" {
			return i
		}
	}
	return -1
}

// nameBefore returns a capitalised name just before token k that no
// mention covers ("Grundberg said"), or "".
func nameBefore(d *Doc, si, k int) string {
	toks := d.tokens(si)
	j := k
	for j > 0 && toks[j-1].Shape == text.Title && !isPronoun(toks[j-1].Norm) && toks[j-1].Norm != "the" {
		j--
	}
	if j == k || k-j > 3 {
		return ""
	}
	for _, i := range d.Sentence[si] {
		if m := &d.Mentions[i]; m.Tok < k && m.TokEnd > j {
			return ""
		}
	}
	return d.Text.Text[toks[j].Start:toks[k-1].End]
}

func isPronoun(w string) bool {
	switch w {
	case "it", "they", "he", "she", "we":
		return true
	}
	return false
}

// mainSubject returns the actor that is the subject of the clause that
// holds token k: the first actor near the clause's start that no
// preposition governs.
func mainSubject(d *Doc, si, k int, actors []int) int {
	toks := d.tokens(si)
	// The first actor before the sentence's first verb that no
	// preposition governs.
	verb := k
	for j := 0; j < k; j++ {
		if isFinite(toks[j]) || sayVerbs.At(&toks[j]) && toks[j].Shape == text.Lower {
			verb = j
			break
		}
	}
	for _, a := range actors {
		t := d.Mentions[a].Tok
		if t >= verb {
			break
		}
		if t > 0 && governed(toks, 0, t) {
			continue
		}
		return a
	}
	return -1
}

// unnamedBefore returns a source named by a plain noun phrase just before
// a verb of saying ("A local medical association said", "Aid agencies
// said"), or "".
func unnamedBefore(toks []text.Token, k int) string {
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		w := toks[j].Norm
		if genericSources.At(&toks[j]) {
			return w
		}
		if w == "'" || w == "'s" {
			continue // "a doctors' committee said"
		}
		if toks[j].Kind == text.Punct || auxiliaries.At(&toks[j]) && w != "also" {
			return ""
		}
	}
	return ""
}

// propStart returns the first token of the words reported after a verb
// of saying at k-1: after "that", skipping a time or an addressee between
// ("said on Wednesday that", "told Ankara that").
func propStart(toks []text.Token, k int) int {
	for j := k; j < len(toks) && j <= k+6; j++ {
		w := toks[j].Norm
		if w == "that" {
			return j + 1
		}
		if toks[j].Kind == text.Punct || sayVerbs.At(&toks[j]) || w == "had" || w == "have" || w == "has" || w == "was" ||
			w == "were" || w == "would" || w == "will" || w == "is" || w == "are" {
			break
		}
	}
	// "said on Sunday, …": a time and nothing more.
	j := k
	if j < len(toks) && toks[j].Norm == "on" && j+1 < len(toks) {
		if _, ok := weekdays[toks[j+1].Norm]; ok {
			j += 2
			for j < len(toks) && (toks[j].Norm == "evening" || toks[j].Norm == "morning" || toks[j].Norm == "night" || toks[j].Norm == "afternoon") {
				j++
			}
		}
	}
	return j
}

// trailing reports whether nothing is reported after a verb of saying:
// the words [a, b) are empty, a time, or an aside after a comma.
func trailing(toks []text.Token, a, b int) bool {
	if a >= len(toks) || a >= b {
		return true
	}
	switch toks[a].Norm {
	case ",", ".", ";":
		return true
	case "on", "in", "late", "earlier", "yesterday", "today", "after":
		for j := a; j < len(toks); j++ {
			if toks[j].Norm == "," || toks[j].Norm == "." {
				return true
			}
			if toks[j].Norm == "that" {
				return false
			}
		}
		return true
	}
	return false
}

// npStart returns the first token of the noun phrase that ends before
// token k.
func npStart(toks []text.Token, k int) int {
	j := k - 1
	for j > 0 && toks[j-1].Kind == text.Word && !sayVerbs.At(&toks[j-1]) {
		j--
	}
	return j
}

// commaBefore returns the comma that closes the words claimed before a
// postposed speaker starting at token first ("…, the Egyptian Red
// Crescent said"), or -1.
func commaBefore(toks []text.Token, first int) int {
	for j := first - 1; j >= 0 && j >= first-12; j-- {
		if toks[j].Norm == "," {
			return j
		}
		if toks[j].Kind == text.Punct || sayVerbs.At(&toks[j]) && toks[j].Shape == text.Lower {
			return -1
		}
	}
	return -1
}

// propEnd returns where the words reported from token i end: at a
// semicolon or the sentence's end, before a comma that opens an aside
// ("while", "but", "citing", "in what…"), before a postposed speaker, and
// before "and" with another verb of saying ("… and accused …").
func propEnd(d *Doc, si, i int, actors []int) int {
	toks := d.tokens(si)
	for k := i; k < len(toks); k++ {
		w := toks[k].Norm
		if w == ";" || w == "." || w == "?" || w == "!" {
			return k
		}
		if w == "and" && k+1 < len(toks) && (sayVerbs.At(&toks[k+1]) || denyVerbs.At(&toks[k+1]) ||
			k+2 < len(toks) && toks[k+1].Norm == "also" && sayVerbs.At(&toks[k+2])) && toks[k+1].Shape == text.Lower {
			return k
		}
		if w == "," && k+1 < len(toks) {
			switch toks[k+1].Norm {
			case "while", "but", "although", "whereas", "though", "adding", "saying", "citing", "expressing",
				"according", "accusing", "insisting", "claiming", "blaming", "denying", "warning":
				return k
			case "in":
				if k+2 < len(toks) && toks[k+2].Norm == "what" {
					return k
				}
			}
			// ", the Saudi and U.S. mediators said": a speaker follows.
			if saidWithin(toks, k+1, k+8) {
				return k
			}
		}
	}
	return len(toks)
}

// saidWithin reports whether a verb of saying in the past or present
// closes the clause that starts at token a, within [a, b).
func saidWithin(toks []text.Token, a, b int) bool {
	for j := a; j < b && j < len(toks); j++ {
		w := toks[j].Norm
		if toks[j].Kind == text.Punct && w != "." && w != "-" {
			return false
		}
		if w == "." && j+1 < len(toks) && toks[j+1].Kind == text.Word && toks[j+1].Shape == text.Lower {
			continue // "U.S."
		}
		if (w == "said" || w == "says" || w == "reported" || w == "told" || w == "announced") && toks[j].Shape == text.Lower {
			return j+1 >= len(toks) || toks[j+1].Kind == text.Punct || toks[j+1].Norm == "on" || toks[j+1].Norm == "in"
		}
		if w == "that" || w == "which" || w == "who" {
			return false
		}
	}
	return false
}

// nounPhraseEnd returns where the noun phrase starting at token i ends
// ("reports of ongoing gunfire and conflicting narratives raise …" gives
// "ongoing gunfire"): at punctuation, a conjunction or a relative word,
// keeping a place phrase ("shelling in Stepanakert"); at most 8 tokens.
func nounPhraseEnd(toks []text.Token, i int) int {
	k := i
	for k < len(toks) && k < i+8 {
		w := toks[k].Norm
		if toks[k].Kind == text.Punct && w != "-" || w == "and" || w == "or" || w == "but" || w == "that" ||
			w == "which" || w == "who" || w == "as" {
			break
		}
		k++
	}
	return k
}

// segments returns the token ranges of a site's words, less the words of
// sites inside them.
func (cs *claimSite) segments() [][2]int {
	out := [][2]int{cs.prop}
	for _, c := range cs.cut {
		var next [][2]int
		for _, s := range out {
			if c[1] <= s[0] || c[0] >= s[1] {
				next = append(next, s)
				continue
			}
			if c[0] > s[0] {
				next = append(next, [2]int{s[0], c[0]})
			}
			if c[1] < s[1] {
				next = append(next, [2]int{c[1], s[1]})
			}
		}
		out = next
	}
	return out
}

// clause is one proposition of the words claimed: its tokens and the
// actors it names as its subject.
type clause struct {
	a, b    int
	subject []int // mention indices
	own     bool  // "its forces …": the speaker's own
	noSubj  bool  // begins with its verb ("… and handed it over")
}

// subordinates open a clause that sets the time or the reason of the one
// before it; what they say is background, not the claim, unless they name
// fighting itself ("after fighting with the army").
var subordinates = text.NewWordSet("after", "when", "because", "since", "as", "while", "before", "until", "although",
	"though", "whereas", "once", "amid")

// splitClauses cuts the words claimed into propositions: at "and that",
// at "and" or "but" between two clauses that each have a verb, and before
// a subordinate clause, which is dropped unless it names fighting.
func splitClauses(d *Doc, si, a, b int) []clause {
	toks := d.tokens(si)
	var out []clause
	start := a
	add := func(x, y int) {
		for x < y && (toks[x].Norm == "," || toks[x].Norm == "and" || toks[x].Norm == "but" || toks[x].Norm == "that") {
			x++
		}
		for y > x && toks[y-1].Kind == text.Punct {
			y--
		}
		if x < y {
			out = append(out, clause{a: x, b: y})
		}
	}
	for k := a; k < b; k++ {
		w := toks[k].Norm
		switch {
		case w == "that" && k > start && (toks[k-1].Norm == "and" || toks[k-1].Norm == "but"):
			add(start, k-1)
			start = k + 1
		case subordinates.At(&toks[k]) && k > start && !(w == "as" && k+1 < b && (toks[k+1].Norm == "well" || toks[k+1].Norm == "part" || toks[k+1].Norm == "long")):
			add(start, k)
			end := k + 1
			for end < b && toks[end].Norm != "," && toks[end].Norm != ";" {
				end++
			}
			if k+1 < b && cueNoun(toks[k+1].Norm) {
				add(k+1, end)
			}
			start = end
			k = end
		case (w == "and" || w == "but") && k > start && hasVerb(toks, start, k) && newClause(toks, k+1, b):
			add(start, k)
			start = k + 1
		}
	}
	add(start, b)
	for i := range out {
		if i > 0 && startsWithVerb(toks, out[i].a) {
			out[i].noSubj = true
		}
	}
	return out
}

// cueNoun reports whether a word names fighting: a subordinate clause
// that starts with one ("after fighting with …") is a proposition.
func cueNoun(w string) bool {
	switch w {
	case "fighting", "clashes", "shelling", "gunfire", "strikes", "airstrikes", "attacks", "heavy":
		return true
	}
	return false
}

// finite are words that make a clause: auxiliaries and past forms.
var finite = text.NewWordSet("was", "were", "had", "has", "have", "is", "are", "hit", "struck", "fell", "took", "left", "held",
	"broke", "fought", "brought", "met", "began", "shot", "led", "made", "saw", "won", "lost", "let", "ran")

func isFinite(t text.Token) bool {
	if t.Kind != text.Word || t.Shape != text.Lower {
		return false
	}
	return finite.Has(t.Norm) || len(t.Norm) > 4 && strings.HasSuffix(t.Norm, "ed")
}

func hasVerb(toks []text.Token, a, b int) bool {
	for k := a; k < b; k++ {
		if isFinite(toks[k]) {
			return true
		}
	}
	return false
}

// newClause reports whether the words from token a start a clause of
// their own: a verb right away ("and handed it over"), or a subject and
// then a verb ("and 20 trucks … crossed into Gaza").
func newClause(toks []text.Token, a, b int) bool {
	if a >= b {
		return false
	}
	if isFinite(toks[a]) && toks[a].Norm != "allied" && toks[a].Norm != "armed" {
		return true
	}
	for k := a + 1; k < b && k <= a+10; k++ {
		if toks[k].Kind == text.Punct && toks[k].Norm != "-" && toks[k].Norm != "," {
			return false
		}
		if isFinite(toks[k]) {
			return true
		}
	}
	return false
}

func startsWithVerb(toks []text.Token, a int) bool {
	return a < len(toks) && (isFinite(toks[a]) || auxiliaries.At(&toks[a]) && !isPronoun(toks[a].Norm) && toks[a].Norm != "it")
}

// siteClaims normalises the words of a site into claims: one per clause
// that names a topic, and for an act of violence or obstruction whose
// author the words name, a claim of responsibility as well.
func (c *Coder) siteClaims(d *Doc, si int, cs *claimSite, prevPlace **domain.Place, before []domain.Actor) []domain.Claim {
	speaker := domain.Actor{Name: "unnamed", Text: cs.unnamed}
	if cs.unnamed != "" && cs.unnamed[0] >= 'A' && cs.unnamed[0] <= 'Z' {
		speaker.Name = "" // named, but not in the dictionaries
	}
	if cs.speaker >= 0 {
		speaker = resolvedActor(d, si, cs.speaker, true)
	}
	var out []domain.Claim
	var prevSubject []int
	for _, seg := range cs.segments() {
		for _, cl := range splitClauses(d, si, seg[0], seg[1]) {
			if cl.noSubj {
				cl.subject = prevSubject
			}
			rs := c.readClause(d, si, cs, &cl, speaker)
			if len(cl.subject) > 0 {
				prevSubject = cl.subject
			}
			for _, r := range rs {
				if cs.kind == siteCall && len(r.actors) == 0 {
					// "gunmen opened fire, in what it called a
					// violation": the violation is theirs.
					r.actors = before
				}
				out = append(out, c.buildClaim(d, si, cs, &cl, r, speaker, prevPlace))
			}
		}
	}
	return out
}

// claimReading is a clause read into a claim's topic, polarity, count and
// actors.
type claimReading struct {
	topic, polarity string
	cue             int
	count           *int
	countKind       string
	actors          []domain.Actor
	negated         bool
}

// readClause reads one clause of a site. What the site's verb does to it:
// a denial of an act ("denied blocking the trucks") denies responsibility,
// a denial of a state turns it around ("denied that its forces were
// storming the plant": fighting stopped); an accusation names who is
// responsible ("accused the RSF of breaking the truce": the truce
// violated, by the RSF).
func (c *Coder) readClause(d *Doc, si int, cs *claimSite, cl *clause, speaker domain.Actor) []claimReading {
	toks := d.tokens(si)
	s := d.Text.Text
	var out []claimReading
	r, ok := readTopic(toks, cl.a, cl.b)
	cas, hasCas := readCasualty(s, toks, cl.a, cl.b)
	if hasCas && modalBefore(toks, cl.a, cas.verb) {
		hasCas = false
	}
	if !cl.noSubj || len(cl.subject) == 0 {
		cl.subject = clauseSubject(d, si, cl, r, ok)
	}
	subjectActors := c.actorsOf(d, si, cl.subject, speaker)
	// "its forces were observing": the speaker's; but "its trucks were
	// waiting" names what was blocked, not who blocked it.
	if cl.own && len(subjectActors) == 0 && speaker.Code != "" && !(ok && r.topic == domain.TopicAidAccess && r.cue <= cl.a+2) {
		subjectActors = []domain.Actor{speaker}
	}
	// "had nothing to do with the attack": a denial in the words.
	if nothingToDo(toks, cl.a, cl.b) {
		return []claimReading{{topic: domain.TopicResponsibility, polarity: polDenied, cue: cl.a, actors: subjectActors}}
	}
	switch cs.kind {
	case siteAsserted:
		if !ok || hasCas {
			return nil
		}
		switch r.topic {
		case domain.TopicCorridor, domain.TopicWithdrawal, domain.TopicTalks, domain.TopicAidAccess, domain.TopicControl:
		default:
			return nil
		}
		if _, dated := FindWhen(s, toks[cl.a:cl.b], d.Date, false); !dated && !hasWord(toks, cl.a, cl.b, "remained", "still") {
			return nil
		}
		return []claimReading{{topic: r.topic, polarity: r.polarity, cue: r.cue, actors: subjectActors}}
	case siteAccuse, siteBlame:
		objects := c.actorsOf(d, si, cs.object, speaker)
		if ok && r.topic == domain.TopicCeasefire {
			pol := polViolated
			if r.polarity == polCollapsed {
				pol = polCollapsed
			}
			return []claimReading{{topic: domain.TopicCeasefire, polarity: pol, cue: r.cue, actors: objects}}
		}
		blamed := claimReading{topic: domain.TopicResponsibility, polarity: polAccused, cue: cl.a, actors: objects}
		if ok && r.topic == domain.TopicFighting && r.polarity == polOngoing && !r.negated && cs.kind == siteAccuse {
			// "accused Cambodian troops of firing on Thai positions":
			// the fighting charged is fighting said to have happened.
			return []claimReading{{topic: domain.TopicFighting, polarity: polOngoing, cue: r.cue, actors: objects}, blamed}
		}
		return []claimReading{blamed}
	case siteDeny:
		gerund := cl.a < len(toks) && strings.HasSuffix(toks[cl.a].Norm, "ing") && toks[cl.a].Norm != "nothing"
		if gerund || hasWord(toks, cl.a, cl.b, "responsibility", "involvement", "role") || (hasCas || hasViolence(toks, cl.a, cl.b)) && !ok {
			own := []domain.Actor{speaker}
			if speaker.Code == "" {
				own = nil
			}
			return []claimReading{{topic: domain.TopicResponsibility, polarity: polDenied, cue: cl.a, actors: own}}
		}
		if !ok || hasCas {
			return nil
		}
		if o, has := opposite[r.polarity]; has {
			out = append(out, claimReading{topic: r.topic, polarity: o, cue: r.cue, actors: subjectActors})
		}
		if hasViolence(toks, cl.a, cl.b) {
			// "denied that its forces had shelled civilians": who did
			// it is denied too.
			who := subjectActors
			if len(who) == 0 && speaker.Code != "" {
				who = []domain.Actor{speaker}
			}
			out = append(out, claimReading{topic: domain.TopicResponsibility, polarity: polDenied, cue: cl.a, actors: who})
		}
		return out
	}
	if hasCas {
		cr := claimReading{topic: domain.TopicCasualties, polarity: polCount, cue: cas.verb}
		n := cas.count
		cr.count = &n
		cr.countKind = cas.kind
		if cas.class != "" {
			cr.countKind += " " + cas.class
			if side := c.victimSide(d, si, cas, speaker); side != "" {
				cr.countKind += " " + side
			}
		}
		perp := c.perpetrators(d, si, cl, cas.verb, speaker)
		cr.actors = perp
		out = append(out, cr)
		if len(perp) > 0 && cs.kind != siteOwn {
			out = append(out, responsibility(perp, speaker, cl.a))
		}
		return out
	}
	if !ok {
		// "it had largely held since April": the topic of the clause
		// before, which "it" stands for.
		if r2, ok2 := pronounTopic(d, si, cl); ok2 {
			r, ok = r2, true
		} else {
			return nil
		}
	}
	cr := claimReading{topic: r.topic, polarity: r.polarity, cue: r.cue, actors: subjectActors, negated: r.negated}
	if r.topic == domain.TopicFighting && len(cr.actors) == 0 {
		cr.actors = c.perpetrators(d, si, cl, r.cue, speaker)
	}
	if len(cr.actors) == 0 && len(cl.subject) == 0 {
		cr.actors = sectorSubject(d, si, cl.a, r.cue)
	}
	out = append(out, cr)
	blames := r.topic == domain.TopicFighting && r.polarity == polOngoing ||
		r.topic == domain.TopicAidAccess && r.polarity == polBlocked
	if blames && len(cr.actors) > 0 && cs.kind != siteOwn && !cr.negated {
		out = append(out, responsibility(cr.actors, speaker, cl.a))
	}
	return out
}

// responsibility is the claim that who did an act is responsible for it:
// claimed where the speaker names itself ("its missiles had struck"),
// accused where it names another.
func responsibility(actors []domain.Actor, speaker domain.Actor, cue int) claimReading {
	pol := polAccused
	for _, a := range actors {
		if speaker.Code != "" && sameParty(string(a.Code), string(speaker.Code)) {
			pol = polClaimed
		}
	}
	return claimReading{topic: domain.TopicResponsibility, polarity: pol, cue: cue, actors: actors}
}

// sameParty reports whether two actor codes are one party: the same code,
// or one country's state organs (AZE, AZEGOV, AZEMIL).
func sameParty(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	if a == b {
		return true
	}
	if len(a) < 3 || len(b) < 3 || a[:3] != b[:3] || a[:3] == domain.UnknownCountry || a[:3] == "IGO" || a[:3] == "NGO" {
		return false
	}
	state := func(c string) bool {
		if len(c) == 3 {
			return true
		}
		switch c[3:min(6, len(c))] {
		case "GOV", "MIL", "COP", "JUD", "LEG", "SPY":
			return true
		}
		return false
	}
	return state(a) && state(b)
}

func hasWord(toks []text.Token, a, b int, words ...string) bool {
	for k := a; k < b && k < len(toks); k++ {
		if slices.Contains(words, toks[k].Norm) {
			return true
		}
	}
	return false
}

// nothingToDo reports "had nothing to do with": a denial of
// responsibility.
func nothingToDo(toks []text.Token, a, b int) bool {
	for k := a; k+3 < b; k++ {
		if toks[k].Norm == "nothing" && toks[k+1].Norm == "to" && toks[k+2].Norm == "do" && toks[k+3].Norm == "with" {
			return true
		}
	}
	return false
}

// pronounTopic reads a clause whose subject is "it" ("it had largely held
// since April") as being about the topic the sentence named before it.
func pronounTopic(d *Doc, si int, cl *clause) (reading, bool) {
	toks := d.tokens(si)
	if cl.a >= len(toks) || toks[cl.a].Norm != "it" {
		return reading{}, false
	}
	r, ok := readTopic(toks, 0, cl.a)
	if !ok {
		return reading{}, false
	}
	for i := range topicRules {
		tr := &topicRules[i]
		if tr.topic != r.topic {
			continue
		}
		for _, p := range tr.polarities {
			for k := cl.a; k < cl.b; k++ {
				if p.words[toks[k].Norm] && polarityFits(toks, k, r.topic, p.polarity) {
					pol := p.polarity
					if negatedBefore(toks, cl.a, k) {
						if o, ok := opposite[pol]; ok {
							pol = o
						}
					}
					return reading{topic: r.topic, polarity: pol, cue: k}, true
				}
			}
		}
	}
	return reading{}, false
}

// clauseSubject returns the actors a clause names as its subject: the
// actor mentions before the word that names its topic that no
// preposition governs ("army warplanes struck", "Israeli air strikes
// hit"), else the agent of a passive ("were killed by M23 rebels").
func clauseSubject(d *Doc, si int, cl *clause, r reading, ok bool) []int {
	toks := d.tokens(si)
	if cl.a < len(toks) {
		switch toks[cl.a].Norm {
		case "its", "their", "our":
			cl.own = true
		}
	}
	limit := cl.b
	if ok {
		limit = r.cue + 1
	}
	for k := cl.a; k < limit; k++ {
		if isFinite(toks[k]) && k > cl.a {
			limit = k
			break
		}
	}
	var out []int
	for _, i := range d.Sentence[si] {
		m := &d.Mentions[i]
		if !isActor(m) || m.Tok < cl.a || m.Tok >= limit || m.TokEnd > cl.b {
			continue
		}
		if m.Tok > cl.a && governed(toks, cl.a, m.Tok) {
			continue
		}
		if m.Tok == cl.a && (toks[m.Tok].Norm == "its" || toks[m.Tok].Norm == "their") {
			cl.own = true
		}
		out = append(out, i)
	}
	return out
}

// sectorNouns name an agent by its sector alone; the gazetteer leaves
// some of them to context ("army warplanes struck …").
var sectorNouns = map[string]string{
	"army": domain.SectorMilitary, "military": domain.SectorMilitary, "warplanes": domain.SectorMilitary,
	"jets": domain.SectorMilitary, "police": domain.SectorPolice, "government": domain.SectorGovernment,
	"rebels": domain.SectorRebels, "militia": domain.SectorRebels, "militias": domain.SectorRebels,
	"paramilitaries": domain.SectorRebels,
}

// sectorSubject returns the agent a clause names by a sector noun before
// the word of its topic where no actor is recognised there, with the
// country the context gives it.
func sectorSubject(d *Doc, si, a, cue int) []domain.Actor {
	toks := d.tokens(si)
	for k := a; k < cue && k < len(toks); k++ {
		sector, ok := sectorNouns[toks[k].Norm]
		if !ok || k > a && governed(toks, a, k) {
			continue
		}
		mi := 0
		for i := range d.Mentions {
			if d.Mentions[i].Sentence < si || d.Mentions[i].Sentence == si && d.Mentions[i].Tok < k {
				mi = i + 1
			}
		}
		code := resolveSector(d, si, mi, k, sector)
		if code == "" {
			return nil
		}
		return []domain.Actor{{Text: toks[k].Text(d.Text.Text), Span: domain.Span{Start: toks[k].Start, End: toks[k].End},
			Code: domain.NullString(code), Country: domain.NullString(code[:3]), Sector: domain.NullString(sector)}}
	}
	return nil
}

// governing are the prepositions that make the noun phrase after them
// something other than a clause's subject ("the army of Sudan", "near
// its troops").
var governing = text.NewWordSet("of", "for", "in", "on", "at", "with", "from", "to", "into", "against", "after", "before",
	"during", "over", "under", "near", "about", "between", "amid", "across", "towards", "toward", "around",
	"outside", "inside", "through", "along")

// governed reports whether a preposition governs the noun phrase that
// starts at token t (looking back over its modifiers to the clause start
// a).
func governed(toks []text.Token, a, t int) bool {
	for j := t - 1; j >= a && j >= t-4; j-- {
		w := toks[j].Norm
		if w == "by" {
			return false
		}
		if governing.At(&toks[j]) {
			return true
		}
		if toks[j].Kind == text.Punct || isFinite(toks[j]) {
			return false
		}
	}
	return false
}

// perpetrators returns who a clause says did the killing or the fighting:
// the agent after "by" ("killed by M23 rebels", "by Armenian shelling"),
// else the subject of an active verb ("M23 rebels had killed").
func (c *Coder) perpetrators(d *Doc, si int, cl *clause, verb int, speaker domain.Actor) []domain.Actor {
	toks := d.tokens(si)
	for k := verb; k < cl.b && k < verb+6; k++ {
		if toks[k].Norm != "by" {
			continue
		}
		for _, i := range d.Sentence[si] {
			m := &d.Mentions[i]
			if isActor(m) && m.Tok > k && m.Tok <= k+3 {
				return c.actorsOf(d, si, []int{i}, speaker)
			}
		}
	}
	// An active verb of killing after its subject.
	if verb > cl.a && verb < len(toks) && toks[verb].Norm == "killed" && verb > 0 && auxBefore(toks, verb) {
		var subj []int
		for _, i := range d.Sentence[si] {
			m := &d.Mentions[i]
			if isActor(m) && m.Tok >= cl.a && m.TokEnd <= verb && !governed(toks, cl.a, m.Tok) {
				subj = append(subj, i)
			}
		}
		if len(subj) > 0 && !passiveAt(toks, verb) {
			return c.actorsOf(d, si, subj, speaker)
		}
	}
	return nil
}

// passiveAt reports whether the verb at k is passive ("were killed", "had
// been killed").
func passiveAt(toks []text.Token, k int) bool {
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		switch toks[j].Norm {
		case "was", "were", "been", "be", "being", "is", "are":
			return true
		case "had", "has", "have":
			return false
		}
	}
	return false
}

// victimSide returns whose dead a count counts, where the words say: the
// actor that qualifies the noun ("Russian soldiers", "RSF fighters"), or
// the speaker for "its fighters".
func (c *Coder) victimSide(d *Doc, si int, cas casualty, speaker domain.Actor) string {
	if cas.own {
		return string(speaker.Code)
	}
	if cas.side < 0 {
		return ""
	}
	for _, i := range d.Sentence[si] {
		m := &d.Mentions[i]
		if isActor(m) && m.Tok <= cas.side && m.TokEnd > cas.side-3 && m.Tok >= cas.tok {
			if strings.HasPrefix(string(m.Code), domain.UnknownCountry) {
				return "" // "people": no side named
			}
			return string(resolvedActor(d, si, i, false).Code)
		}
	}
	return ""
}

// actorsOf returns the actors of mentions, resolved in the article's
// context; "its forces" and "their troops" are the speaker's.
func (c *Coder) actorsOf(d *Doc, si int, idx []int, speaker domain.Actor) []domain.Actor {
	var out []domain.Actor
	toks := d.tokens(si)
	for _, i := range idx {
		m := &d.Mentions[i]
		a := resolvedActor(d, si, i, false)
		if m.Tok > 0 && (toks[m.Tok-1].Norm == "its" || toks[m.Tok-1].Norm == "their" || toks[m.Tok-1].Norm == "our") || strings.HasPrefix(strings.ToLower(m.Text), "its ") {
			if speaker.Code != "" && (strings.HasPrefix(string(a.Code), domain.UnknownCountry) || m.Pronoun) {
				a.Code = domain.NullString(ownCode(string(speaker.Code), string(a.Sector)))
			}
		}
		if !slices.ContainsFunc(out, func(o domain.Actor) bool { return o.Code == a.Code }) {
			out = append(out, a)
		}
	}
	return out
}

// ownCode is the code of a speaker's own forces: the speaker's country
// with the forces' sector ("Russia said its forces" = RUSMIL), or the
// speaker's own code where it is a group.
func ownCode(speaker, sector string) string {
	if len(speaker) > 6 || sector == "" || len(speaker) < 3 {
		return speaker
	}
	if strings.HasPrefix(speaker, "IGO") || strings.HasPrefix(speaker, "NGO") {
		return speaker
	}
	return speaker[:3] + sector
}

// buildClaim makes the claim record of one reading.
func (c *Coder) buildClaim(d *Doc, si int, cs *claimSite, cl *clause, r claimReading, speaker domain.Actor, prevPlace **domain.Place) domain.Claim {
	toks := d.tokens(si)
	s := d.Text.Text
	sen := d.Text.Sentences[si]
	a, b := cl.a, cl.b
	prop := strings.TrimRight(s[toks[a].Start:toks[b-1].End], " ,.")
	verbTok := cs.verb[0]
	if cs.kind == siteAsserted {
		verbTok = a
	}
	cl2 := domain.Claim{
		ID:              recordID("c", d.Article.ID, si, verbTok, a, r.topic, r.polarity),
		ArticleID:       d.Article.ID,
		Date:            d.Date,
		Sentence:        d.Text.SentenceText(si),
		SentenceIndex:   si,
		Span:            domain.Span{Start: sen.Start, End: sen.End},
		Speaker:         speaker,
		Topic:           r.topic,
		Polarity:        r.polarity,
		Proposition:     prop,
		PropositionSpan: domain.Span{Start: toks[a].Start, End: toks[a].Start + len(prop)},
		Count:           r.count,
		CountKind:       domain.NullString(r.countKind),
		Actors:          r.actors,
		Rule:            "claim:" + siteRule(cs),
		CoderVersion:    c.version,
	}
	if cs.verb[1] > cs.verb[0] {
		cl2.Verb = s[toks[cs.verb[0]].Start:toks[cs.verb[1]-1].End]
		cl2.VerbSpan = domain.Span{Start: toks[cs.verb[0]].Start, End: toks[cs.verb[1]-1].End}
	}
	if ev := d.eventIn(si, toks[a].Start, toks[b-1].End); ev != nil {
		cl2.EventID = domain.NullString(ev.ID)
	}
	// The day the statement was made ("said on Thursday") and the day its
	// words are about ("fighting on Tuesday"; a truce "from noon on
	// Friday" is about the coming Friday).
	if cs.kind != siteAsserted && cs.verb[1] > 0 {
		from, to := cs.verb[0], cs.verb[1]+4
		if cs.speaker >= 0 {
			from = min(from, d.Mentions[cs.speaker].Tok)
		}
		if w, ok := FindWhen(s, toks[from:min(to, len(toks))], d.Date, false); ok && !w.Date.After(d.Date) {
			cl2.Date = w.Date
		}
	}
	cl2.About = cl2.Date
	if w, ok := FindWhen(s, toks[a:b], d.Date, false); ok {
		// A truce "from noon on Friday", "would cease … on Wednesday":
		// the day to come.
		if r.topic == domain.TopicCeasefire && hasWord(toks, a, a+w.Start, "will", "would", "shall", "should", "'ll", "from", "starting") {
			w, _ = FindWhen(s, toks[a:b], d.Date, true)
		}
		cl2.About = w.Date
	} else if w, ok := FindWhen(s, toks, d.Date, false); ok && cs.kind != siteAsserted && !w.Date.After(d.Date) {
		cl2.About = w.Date
	}
	cl2.Place = c.claimPlace(d, si, cl, r, *prevPlace)
	if cl2.Place != nil {
		*prevPlace = cl2.Place
	}
	return cl2
}

func siteRule(cs *claimSite) string {
	switch {
	case cs.kind == siteAsserted:
		return "asserted"
	case cs.unnamed != "":
		return "unnamed"
	case cs.kind == siteDeny:
		return "deny"
	case cs.kind == siteAccuse:
		return "accuse"
	case cs.kind == siteBlame:
		return "blame"
	case cs.kind == siteCall:
		return "call"
	case cs.kind == siteToll:
		return "toll"
	case cs.kind == siteOwn:
		return "own"
	}
	return "say"
}

// claimPlace chooses the place a claim is about. A ceasefire's is the
// place named after the word of the truce ("a truce in Gaza", "along the
// front line in Ukraine"), not where it was agreed ("talks in Jeddah"),
// else the sentence's, else the country of its parties. A count's is
// where the dead were killed ("killed in Shusha"). Words that point back
// ("there", "in the area", "the same clashes") take the place of the
// claim before. Then the sentence's event's place and the article's
// focus.
func (c *Coder) claimPlace(d *Doc, si int, cl *clause, r claimReading, prev *domain.Place) *domain.Place {
	toks := d.tokens(si)
	places := sentencePlaces(d, si)
	pick := func(a, b int, venueOK bool) *domain.Place {
		for _, p := range places {
			if p.tok >= a && p.tok < b && (venueOK || !venue(toks, p.tok)) {
				return p.place
			}
		}
		return nil
	}
	if r.topic == domain.TopicCasualties || r.topic == domain.TopicCeasefire {
		end := r.cue
		for end < cl.b && toks[end].Norm != "," {
			end++
		}
		if p := pick(r.cue, end, false); p != nil {
			return p
		}
	}
	if p := pick(cl.a, cl.b, r.topic != domain.TopicCeasefire); p != nil {
		return p
	}
	if prev != nil && hasWord(toks, cl.a, cl.b, "there", "same", "area", "it") {
		p := *prev
		return &p
	}
	if r.topic == domain.TopicCeasefire {
		if p := pick(0, len(toks), false); p != nil {
			return p
		}
		// The article's focus, unless it lies outside the parties'
		// country (where the truce was signed, not where it holds).
		var pc *domain.Place
		if r.polarity == polInForce {
			// The parties to a truce, not those blamed for breaking it.
			pc = partiesCountry(d, si, r.actors, cl)
		}
		if d.Focus != nil && (pc == nil || d.Focus.Country == pc.Country) {
			p := *d.Focus
			return &p
		}
		if pc != nil {
			return pc
		}
	} else {
		// The place the article spoke of last, before one the sentence
		// names for another clause ("army warplanes struck … and that RSF
		// fighters fired … towards Omdurman").
		if prev != nil {
			p := *prev
			return &p
		}
		if p := pick(0, len(toks), true); p != nil {
			return p
		}
	}
	if ev := d.eventIn(si, d.Text.Sentences[si].Start, d.Text.Sentences[si].End); ev != nil && ev.Place != nil && !ev.Place.Span.IsZero() {
		p := *ev.Place
		return &p
	}
	if d.Focus != nil {
		p := *d.Focus
		return &p
	}
	if prev != nil {
		p := *prev
		return &p
	}
	return nil
}

type placeAt struct {
	tok   int
	place *domain.Place
}

// sentencePlaces returns the places a sentence names, in text order: the
// gazetteer's, and names it does not know that the words mark as a place
// ("the village of Kishishe", "in Kibumba"), which keep only their name.
func sentencePlaces(d *Doc, si int) []placeAt {
	toks := d.tokens(si)
	var out []placeAt
	covered := map[int]bool{}
	for _, i := range d.Sentence[si] {
		m := &d.Mentions[i]
		for k := m.Tok; k < m.TokEnd; k++ {
			covered[k] = true
		}
		if m.Metonymy {
			continue
		}
		p := m.Place()
		if p == nil || calendarWord(toks[m.Tok].Norm) {
			continue
		}
		out = append(out, placeAt{m.Tok, p})
	}
	for k := 1; k < len(toks); k++ {
		t := toks[k]
		if covered[k] || t.Shape != text.Title || calendarWord(t.Norm) || covered[k-1] {
			continue
		}
		prev := toks[k-1].Norm
		named := prev == "in" || prev == "at" || prev == "of" && k >= 2 && (toks[k-2].Norm == "village" || toks[k-2].Norm == "town" || toks[k-2].Norm == "city" || toks[k-2].Norm == "port")
		if !named || k+1 < len(toks) && toks[k+1].Shape == text.Title {
			continue
		}
		end := t.End
		if k+2 < len(toks) && toks[k+1].Norm == "-" && toks[k+1].Start == end && toks[k+2].Start == toks[k+1].End && toks[k+2].Shape == text.Title {
			end = toks[k+2].End // "the town of Pont-Sondé"
		}
		name := d.Text.Text[t.Start:end]
		out = append(out, placeAt{k, &domain.Place{Text: name, Span: domain.Span{Start: t.Start, End: end}, Name: name}})
	}
	slices.SortStableFunc(out, func(a, b placeAt) int { return a.tok - b.tok })
	return out
}

func calendarWord(w string) bool {
	_, wd := weekdays[w]
	_, mo := months[w]
	return wd || mo
}

// venue reports whether the place at token k is where something was
// agreed or talked about ("talks in Jeddah", "agreed in Pretoria"), not
// where it applies.
func venue(toks []text.Token, k int) bool {
	for j := k - 1; j >= 0 && j >= k-6; j-- {
		switch toks[j].Norm {
		case "talks", "meeting", "summit", "negotiations", "agreed", "signed", "met", "conference", "capital":
			return true
		case ",", ";":
			return false
		}
	}
	return false
}

// partiesCountry returns the country of the parties a ceasefire binds
// ("Sudan's army and the RSF agreed to a truce": Sudan), when they share
// one.
func partiesCountry(d *Doc, si int, actors []domain.Actor, cl *clause) *domain.Place {
	country := ""
	if len(actors) > 0 {
		for _, a := range actors {
			cc := string(a.Country)
			if cc == "" && len(a.Code) >= 3 && !strings.HasPrefix(string(a.Code), "IGO") && !strings.HasPrefix(string(a.Code), "NGO") && !strings.HasPrefix(string(a.Code), domain.UnknownCountry) {
				cc = string(a.Code)[:3]
			}
			if cc == "" || country != "" && cc != country {
				return nil
			}
			country = cc
		}
		return countryPlace(d, country)
	}
	for _, i := range d.Sentence[si] {
		m := &d.Mentions[i]
		if !isActor(m) || m.Tok >= cl.b {
			continue
		}
		a := resolvedActor(d, si, i, false)
		cc := string(a.Country)
		if cc == "" && len(a.Code) >= 3 && !strings.HasPrefix(string(a.Code), "IGO") && !strings.HasPrefix(string(a.Code), "NGO") && !strings.HasPrefix(string(a.Code), domain.UnknownCountry) {
			cc = string(a.Code)[:3]
		}
		if cc == "" {
			continue
		}
		if country == "" {
			country = cc
		} else if country != cc {
			return nil
		}
	}
	if country == "" {
		return nil
	}
	return countryPlace(d, country)
}

// countryPlace returns a country as a place: the article's own mention of
// it where there is one, else the gazetteer's name and point for it; nil
// where the gazetteer has none, rather than a place with no name and no
// coordinates.
func countryPlace(d *Doc, country string) *domain.Place {
	for i := range d.Mentions {
		m := &d.Mentions[i]
		if string(m.Country) == country && m.Precision == domain.PrecisionCountry {
			if p := m.Place(); p != nil {
				p.Text, p.Span = "", domain.Span{}
				return p
			}
		}
	}
	if d.gaz != nil {
		if p, ok := d.gaz.Country(country); ok {
			return &p
		}
	}
	return nil
}

// resolvedActor returns a mention's actor, with what the article's
// context tells: an agent of no known country ("the army", "gunmen") is
// the country's or the group's the article is about; a state that
// speaks is its government ("Saudi Arabia said" = SAUGOV); a defence
// ministry is the military.
func resolvedActor(d *Doc, si, mi int, speaking bool) domain.Actor {
	m := &d.Mentions[mi]
	a := actorOf(m)
	code := string(a.Code)
	if strings.HasPrefix(code, domain.UnknownCountry) {
		if r := resolveUnknown(d, si, mi); r != "" {
			code = r
			a.Country = domain.NullString(r[:3])
		}
	}
	low := strings.ToLower(m.Text)
	if m.Pronoun {
		low = strings.ToLower(string(m.Ref)) // "It said": what it stands for
	}
	if len(code) >= 6 && code[3:6] == domain.SectorGovernment && (strings.Contains(low, "defence ministry") ||
		strings.Contains(low, "defense ministry") || strings.Contains(low, "ministry of defence") || strings.Contains(low, "ministry of defense")) {
		code = code[:3] + domain.SectorMilitary + code[6:]
		a.Sector = domain.SectorMilitary
	}
	if speaking && len(code) == 3 && code != domain.SectorIGO && code != domain.SectorNGO && a.Country != "" {
		code += domain.SectorGovernment
		a.Sector = domain.SectorGovernment
	}
	a.Code = domain.NullString(code)
	return a
}

// resolveUnknown gives an agent of unknown country ("the army", "the
// government", "gunmen") the code the article's context implies: a place
// named before it in its sentence ("In Ukraine, the military said"), the
// last actor of the same sector the article named (for armed groups and
// governments: "the government" after "Yemen's government"), else the
// country of the article's focus place. It returns "" when none does.
func resolveUnknown(d *Doc, si, mi int) string {
	m := &d.Mentions[mi]
	code := string(m.Code)
	if len(code) < 6 || elsewhere(referent(m), code[3:6]) {
		return "" // "foreign diplomats", "mediators said": of no country the context gives
	}
	// "the paramilitary Rapid Support Forces": an adjective of the name
	// that follows.
	for _, i := range d.Sentence[si] {
		o := &d.Mentions[i]
		if o.Tok == m.TokEnd && isActor(o) && len(o.Code) >= 6 && string(o.Code)[3:6] == code[3:6] &&
			!strings.HasPrefix(string(o.Code), domain.UnknownCountry) {
			return string(o.Code)
		}
	}
	if r := sameHeadBefore(d, mi); r != "" {
		return r
	}
	return resolveSector(d, si, mi, m.Tok, code[3:])
}

// openingState returns the country of a state named by its name that
// opens sentence si (after its dateline) and ends before token k
// ("Turkey carried out …"); "" when anything else, or nothing, opens it.
func openingState(d *Doc, si, k int) string {
	toks := d.tokens(si)
	start := datelineEnd(toks)
	if start < len(toks) && determiners.At(&toks[start]) {
		start++
	}
	for _, i := range d.Sentence[si] {
		m := &d.Mentions[i]
		if m.Tok < start || !isActor(m) {
			continue
		}
		c := string(m.Code)
		if m.Tok != start || m.TokEnd >= k || len(c) < 3 || strings.HasPrefix(c, domain.UnknownCountry) ||
			strings.HasPrefix(c, domain.SectorIGO) || strings.HasPrefix(c, domain.SectorNGO) {
			return ""
		}
		if n := m.TokEnd; len(c) == 3 && n < len(toks) && toks[n].Shape == text.Lower &&
			(isFiniteVerb(d, toks[n].Norm) || d.verbs.IsPast(toks[n].Norm) || auxiliaries.At(&toks[n])) {
			// The state as the subject of a verb ("Turkey carried
			// out"), not a demonym that describes an act ("Israeli air
			// strikes killed …, local health authorities said").
			return c
		}
		return ""
	}
	return ""
}

// sameHeadBefore returns, for an agent named by a bare noun ("the
// officers"), the code of a fuller mention with that noun the article
// made shortly before ("Army officers in Gabon said …"): the same
// people, whose sector the fuller words give. "" when there is none.
func sameHeadBefore(d *Doc, mi int) string {
	m := &d.Mentions[mi]
	head := strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(referent(m), "The "), "the ")) // "they": "The officers"
	if head == "" || strings.ContainsAny(head, " -") {
		return ""
	}
	for j := mi - 1; j >= 0; j-- {
		o := &d.Mentions[j]
		if o.Sentence < m.Sentence-3 {
			break
		}
		oc := string(o.Code)
		if o.Pronoun || len(oc) < 6 || strings.HasPrefix(oc, domain.UnknownCountry) || strings.HasPrefix(oc, domain.SectorIGO) ||
			strings.HasPrefix(oc, domain.SectorNGO) || !isActor(o) {
			continue
		}
		// The same common noun ("Army officers"), not a name that ends
		// in it ("Rapid Support Forces" are not "both forces").
		words := strings.Fields(string(o.Text))
		if last := words[len(words)-1]; len(words) > 1 && last == strings.ToLower(last) && last == head {
			return oc
		}
	}
	return ""
}

// resolveSector gives an agent of a sector ("MIL", "REB") named at token
// tok of sentence si, of no known country, the code the context implies;
// mi is its mention, or the number of mentions before it.
func resolveSector(d *Doc, si, mi, tok int, sector string) string {
	code := domain.UnknownCountry + sector
	if len(code) < 6 {
		return ""
	}
	group := code[3:6] == domain.SectorRebels
	earlier := func() string { return namedBefore(d, mi, sector) }
	toks := d.tokens(si)
	// A place that qualifies the agent: "Kramatorsk's mayor", "police in
	// Moscow".
	for _, i := range d.Sentence[si] {
		o := &d.Mentions[i]
		p := o.Place()
		if p == nil || p.Country == "" || o.Metonymy {
			continue
		}
		if o.TokEnd == tok || o.TokEnd+1 == tok && toks[o.TokEnd].Norm == "'s" ||
			o.Tok == tok+2 && (toks[tok+1].Norm == "of" || toks[tok+1].Norm == "in") {
			return string(p.Country) + sector
		}
	}
	if group || code[3:6] == domain.SectorGovernment {
		if r := earlier(); r != "" {
			return r
		}
	}
	// A speaker set off after what a state did ("Turkey carried out air
	// strikes … in northern Iraq, the defence ministry said"): the
	// state's, not the place's.
	if mi < len(d.Mentions) && d.Mentions[mi].Sentence == si && d.Mentions[mi].Tok == tok && tok < len(toks) && inAttribution(toks, tok) &&
		!strings.Contains(strings.ToLower(string(d.Mentions[mi].Text)), "local") {
		// Only for the agent's own mention in the sentence read (a
		// speaker carried from a sentence before has its place there),
		// and not "…, local health authorities said": the place's.
		if c := openingState(d, si, tok); c != "" {
			return c + sector
		}
	}
	// A place named before it in its sentence: "In Ukraine, the military
	// said".
	for _, i := range d.Sentence[si] {
		o := &d.Mentions[i]
		if o.Tok >= tok {
			break
		}
		if p := o.Place(); p != nil && p.Country != "" && !o.Metonymy && !dateline(toks, o) && !namesAgreement(toks, o) {
			// Not the dateline: "CAIRO (Reuters) - …, local health
			// authorities said" are no Egyptian authorities; nor the
			// name of a deal ("Under the Pretoria agreement, the
			// federal government agreed").
			return string(p.Country) + sector
		}
	}
	if r := earlier(); r != "" && !group {
		return r
	}
	// The country of the other parties its sentence names: "the army"
	// in a sentence about the RSF is Sudan's.
	country := ""
	for _, i := range d.Sentence[si] {
		o := &d.Mentions[i]
		oc := string(o.Code)
		if !isActor(o) || len(oc) < 3 || strings.HasPrefix(oc, domain.UnknownCountry) || strings.HasPrefix(oc, "IGO") || strings.HasPrefix(oc, "NGO") {
			continue
		}
		if o.Tok > 0 && governed(toks, 0, o.Tok) {
			continue // "… flights to Jordan and Egypt"
		}
		if country != "" && country != oc[:3] {
			country = ""
			break
		}
		country = oc[:3]
	}
	if country != "" {
		return country + sector
	}
	if d.Focus != nil && d.Focus.Country != "" {
		return string(d.Focus.Country) + sector
	}
	return ""
}

// namedBefore returns the code of the last actor of a sector ("MIL",
// "GOV", "REB…") the article named before mention mi, one of the focus's
// country first ("the government" after "Ethiopia's government", not
// after a Nigerian envoy); an armed group's whole code. "" when none.
func namedBefore(d *Doc, mi int, sector string) string {
	if len(sector) < 3 {
		return ""
	}
	group := sector[:3] == domain.SectorRebels
	found := ""
	for j := mi - 1; j >= 0; j-- {
		o := &d.Mentions[j]
		oc := string(o.Code)
		if !isActor(o) || len(oc) < 6 || strings.HasPrefix(oc, domain.UnknownCountry) || strings.HasPrefix(oc, "IGO") || strings.HasPrefix(oc, "NGO") {
			continue
		}
		if oc[3:6] != sector[:3] {
			continue
		}
		r := oc[:3] + sector
		if group {
			r = oc
		}
		if d.Focus == nil || string(d.Focus.Country) == oc[:3] {
			return r
		}
		if found == "" {
			found = r
		}
	}
	return found
}

// genericSpeaker reports whether a speaker is a source the text does not
// name ("residents", "local officials", "health officials in Gaza"): a
// plural noun of people that no name or country qualifies.
func genericSpeaker(d *Doc, si int, m *gazetteer.Mention) bool {
	if m.Type == domain.MentionPerson || m.Type == domain.MentionOrg || m.Pronoun || m.Metonymy {
		return false
	}
	toks := d.tokens(si)
	head := ""
	for k := m.Tok; k < m.TokEnd && k < len(toks); k++ {
		w := toks[k].Norm
		if k > m.Tok && (w == "in" || w == "of" || w == "from" || w == "near" || w == "at") {
			break
		}
		if toks[k].Capitalised() && k > 0 {
			return false
		}
		if toks[k].Kind == text.Word {
			head = w
		}
	}
	return genericSources.Has(head)
}

// eventIn returns the first event of sentence si whose trigger lies in
// the byte range [a, b).
func (d *Doc) eventIn(si, a, b int) *domain.Event {
	for i := range d.Events {
		e := &d.Events[i]
		if e.SentenceIndex == si && e.TriggerSpan.Start >= a && e.TriggerSpan.End <= b {
			return e
		}
	}
	return nil
}
