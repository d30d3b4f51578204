package coder

import (
	"strings"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/text"
)

// Verbs of saying that attribute a statement. Lexical, so that a claim is
// found even where the event pattern took the verb ("declared … a
// ceasefire").
var (
	sayVerbs = set("said", "says", "say", "saying", "told", "tells", "declared", "declares", "declaring",
		"announced", "announces", "announcing", "claimed", "claims", "claiming", "denied", "denies",
		"denying", "deny", "accused", "accuses", "accusing", "insisted", "insists", "confirmed",
		"confirms", "warned", "warns", "stated", "states", "reported", "added", "alleged", "alleges",
		"maintained", "maintains", "asserted", "acknowledged", "admitted", "noted", "argued", "stressed",
		"emphasized", "emphasised", "reiterated", "rejected", "dismissed", "blamed", "blames", "tweeted", "wrote")
	denyVerbs   = set("denied", "denies", "denying", "deny", "rejected", "dismissed")
	accuseVerbs = set("accused", "accuses", "accusing", "blamed", "blames", "alleged", "alleges")
	// unnamedSpeakers are sources a text does not name.
	unnamedSpeakers = set("witnesses", "residents", "sources", "media", "reports", "activists", "observers",
		"locals", "eyewitnesses", "footage", "videos", "monitors", "journalists")
)

var opposite = map[string]string{
	polInForce: polViolated, polViolated: polInForce, polCollapsed: polInForce,
	polOngoing: polStopped, polStopped: polOngoing, polDelivered: polBlocked, polBlocked: polDelivered,
	polOpen: polClosed, polClosed: polOpen, polDone: polNotDone, polNotDone: polDone,
	polClaimed: polDenied, polAccused: polDenied,
}

// claimSite is where a sentence attributes a statement: the speaker, the
// verb, and the words claimed.
type claimSite struct {
	speaker   []int  // mention indices
	unnamed   string // an unnamed source
	verb      [2]int // token range
	prop      [2]int // token range of the proposition
	deny      bool
	accuse    bool
	accuseObj []int
}

// claims finds the attributed statements of every sentence.
func (c *Coder) claims(d *Doc) {
	for si := range d.Text.Sentences {
		for _, cs := range claimSites(d, si) {
			if cl, ok := c.claim(d, si, cs); ok {
				d.Claims = append(d.Claims, cl)
			}
		}
	}
}

// claimSites finds the claims of a sentence: "X said (that) P", "P, X
// said", "according to X, P", "reports of P", "witnesses said P".
func claimSites(d *Doc, si int) []claimSite {
	toks := d.tokens(si)
	actors := d.actorMentions(si)
	var out []claimSite
	for k := 0; k < len(toks); k++ {
		w := toks[k].Norm
		switch {
		case w == "according" && k+1 < len(toks) && toks[k+1].Norm == "to":
			cs := claimSite{verb: [2]int{k, k + 2}}
			for _, a := range actors {
				if t := d.Mentions[a].Tok; t >= k+2 && t <= k+4 {
					cs.speaker = []int{a}
					break
				}
			}
			if len(cs.speaker) == 0 {
				if u := unnamedAt(toks, k+2, k+6); u != "" {
					cs.unnamed = u
				} else {
					continue
				}
			}
			// The proposition is the rest of the sentence around the
			// attribution.
			end := clauseEnd(toks, k+2)
			if k > 0 {
				cs.prop = [2]int{0, k}
				if end < len(toks) && k < 2 {
					cs.prop = [2]int{end, len(toks)}
				}
			} else {
				cs.prop = [2]int{end, len(toks)}
			}
			out = append(out, cs)
		case (w == "reports" || w == "report" || w == "claims" || w == "allegations" || w == "accounts") && k+1 < len(toks) && (toks[k+1].Norm == "of" || toks[k+1].Norm == "that"):
			if k > 0 && toks[k-1].Kind == text.Word && toks[k-1].Shape != text.Lower && k > 1 {
				// "Azerbaijan reports that": a verb, handled below.
				if sayVerbs[w] {
					break
				}
			}
			end := k + 2
			if toks[k+1].Norm == "that" {
				end = reportEnd(toks, k+2)
			} else {
				end = nounPhraseEnd(toks, k+2)
			}
			cs := claimSite{unnamed: w, verb: [2]int{k, k + 2}, prop: [2]int{k + 2, end}}
			out = append(out, cs)
		case sayVerbs[w]:
			if cs, ok := sayClaim(d, si, k, actors); ok {
				out = append(out, cs)
			}
		}
	}
	return out
}

// unnamedAt returns an unnamed source named in tokens [a, b).
func unnamedAt(toks []text.Token, a, b int) string {
	for k := a; k < b && k < len(toks); k++ {
		if unnamedSpeakers[toks[k].Norm] {
			return toks[k].Norm
		}
	}
	return ""
}

// sayClaim reads a claim around the verb of saying at token k.
func sayClaim(d *Doc, si, k int, actors []int) (claimSite, bool) {
	toks := d.tokens(si)
	w := toks[k].Norm
	cs := claimSite{verb: [2]int{k, k + 1}, deny: denyVerbs[w], accuse: accuseVerbs[w]}
	cs.speaker = subjectOf(d, si, k, actors)
	if len(cs.speaker) == 0 {
		// "witnesses said", "local media reported"
		if u := unnamedAt(toks, max(0, k-3), k); u != "" {
			cs.unnamed = u
		}
	}
	// "…, said Hikmet Hajiyev": the speaker after the verb.
	if len(cs.speaker) == 0 && cs.unnamed == "" && k > 0 && toks[k-1].Norm == "," {
		for _, a := range actors {
			if d.Mentions[a].Tok == k+1 || d.Mentions[a].Tok == k+2 {
				cs.speaker = []int{a}
			}
		}
	}
	if len(cs.speaker) == 0 && cs.unnamed == "" {
		return cs, false
	}
	start := k + 1
	if start < len(toks) && toks[start].Norm == "that" {
		start++
	}
	if cs.accuse {
		// "accused Armenia of shelling": the accused and the act.
		for _, a := range actors {
			if t := d.Mentions[a].Tok; t >= k+1 && t <= k+3 {
				cs.accuseObj = []int{a}
				break
			}
		}
	}
	end := reportEnd(toks, start)
	// "While Azerbaijan declared that …, reports of …": a verb of saying
	// in a subordinate clause reports up to the comma that closes it.
	if cs0 := clauseStart(toks, k); cs0 > 0 && subordinators[toks[cs0-1].Norm] {
		for j := start; j < end; j++ {
			if toks[j].Norm == "," {
				end = j
				break
			}
		}
	}
	// Postposed: "Fighting continued, a local official said."
	first := k
	if len(cs.speaker) > 0 {
		first = d.Mentions[cs.speaker[0]].Tok
	}
	if end-start <= 2 || (k > 0 && toks[k-1].Norm == ",") {
		if first > 1 && toks[first-1].Norm == "," {
			cs.prop = [2]int{0, first - 1}
			return cs, true
		}
		if k > 1 && toks[k-1].Norm == "," {
			cs.prop = [2]int{0, k - 1}
			return cs, true
		}
	}
	if end <= start {
		return cs, false
	}
	cs.prop = [2]int{start, end}
	return cs, true
}

// reportEnd returns where the words reported from token i end: at a
// semicolon, or a comma before "while", "but", "although", "whereas".
func reportEnd(toks []text.Token, i int) int {
	for k := i; k < len(toks); k++ {
		w := toks[k].Norm
		if w == ";" || w == "." || w == "?" || w == "!" {
			return k
		}
		if w == "," && k+1 < len(toks) {
			switch toks[k+1].Norm {
			case "while", "but", "although", "whereas", "though", "adding", "saying":
				return k
			}
		}
	}
	return len(toks)
}

// claim normalises a claim site into a claim, or false when the words
// claimed name no topic and hold no event.
func (c *Coder) claim(d *Doc, si int, cs claimSite) (domain.Claim, bool) {
	toks := d.tokens(si)
	a, b := cs.prop[0], cs.prop[1]
	if a >= b {
		return domain.Claim{}, false
	}
	topic, pol, counts, ok := topicOf(toks, a, b)
	var evID string
	ev := d.eventIn(si, toks[a].Start, toks[b-1].End)
	if ev != nil {
		evID = ev.ID
	}
	switch {
	case cs.accuse && (ev != nil && violent(ev.CAMEO[:2]) || topic == domain.TopicFighting || hasViolence(toks, a, b)):
		topic, pol, ok = domain.TopicResponsibility, polAccused, true
	case cs.deny && (ev != nil && violent(ev.CAMEO[:2]) || hasViolence(toks, a, b)):
		topic, pol, ok = domain.TopicResponsibility, polDenied, true
	case cs.deny && ok:
		if o, has := opposite[pol]; has {
			pol = o
		}
	}
	if !ok {
		if ev == nil {
			return domain.Claim{}, false
		}
		topic, pol = ev.PLOVER.Type, polAsserted
		if ev.Modality == domain.ModalityNegated {
			pol = polNegated
		}
	}
	sen := d.Text.Sentences[si]
	s := d.Text.Text
	cl := domain.Claim{
		ID:              recordID("c", d.Article.ID, si, cs.verb[0]),
		ArticleID:       d.Article.ID,
		Date:            d.Date,
		Sentence:        d.Text.SentenceText(si),
		SentenceIndex:   si,
		Span:            domain.Span{Start: sen.Start, End: sen.End},
		Verb:            s[toks[cs.verb[0]].Start:toks[cs.verb[1]-1].End],
		VerbSpan:        domain.Span{Start: toks[cs.verb[0]].Start, End: toks[cs.verb[1]-1].End},
		Topic:           topic,
		Polarity:        pol,
		Proposition:     strings.TrimRight(s[toks[a].Start:toks[b-1].End], " ,."),
		PropositionSpan: domain.Span{Start: toks[a].Start, End: toks[a].Start + len(strings.TrimRight(s[toks[a].Start:toks[b-1].End], " ,."))},
		EventID:         domain.NullString(evID),
		Rule:            "claim:" + claimRule(cs),
		CoderVersion:    c.version,
	}
	if len(cs.speaker) > 0 {
		cl.Speaker = actorOf(&d.Mentions[cs.speaker[0]])
	} else {
		cl.Speaker = domain.Actor{Text: cs.unnamed, Name: "unnamed"}
	}
	// Slots: where, when, how many, who.
	cl.Place = d.placeIn(si, a, b)
	if cl.Place == nil && ev != nil && ev.Place != nil {
		p := *ev.Place
		cl.Place = &p
	}
	if cl.Place == nil && d.Focus != nil {
		p := *d.Focus
		cl.Place = &p
	}
	cl.About = d.Date
	if w, ok := FindWhen(s, toks[a:b], d.Date, false); ok {
		cl.About = w.Date
	}
	if topic == domain.TopicCasualties {
		if counts.Fatalities.Best != nil {
			cl.Count, cl.CountKind = counts.Fatalities.Best, "killed"
		} else if counts.Fatalities.High != nil {
			cl.Count, cl.CountKind = counts.Fatalities.High, "killed"
		} else if counts.Injured.Best != nil {
			cl.Count, cl.CountKind = counts.Injured.Best, "injured"
		}
	}
	for _, i := range d.Sentence[si] {
		m := &d.Mentions[i]
		if isActor(m) && m.Tok >= a && m.TokEnd <= b {
			cl.Actors = append(cl.Actors, actorOf(m))
		}
	}
	for _, i := range cs.accuseObj {
		cl.Actors = append(cl.Actors, actorOf(&d.Mentions[i]))
	}
	return cl, true
}

func claimRule(cs claimSite) string {
	switch {
	case cs.unnamed != "":
		return "unnamed"
	case cs.deny:
		return "deny"
	case cs.accuse:
		return "accuse"
	}
	return "say"
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

// placeIn returns the first place named in tokens [a, b) of sentence si.
func (d *Doc) placeIn(si, a, b int) *domain.Place {
	for _, i := range d.Sentence[si] {
		m := &d.Mentions[i]
		if m.Tok >= a && m.TokEnd <= b && !m.Metonymy {
			if p := m.Place(); p != nil {
				return p
			}
		}
	}
	return nil
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
