package coder

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/truce/truce/internal/codebook"
	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/text"
)

// Commitments are read from the words of a sentence, in every form a
// promise takes: "X pledged/promised/vowed/agreed/committed/offered to
// do", "X agreed to a ceasefire", "X will do", "X said it would do", "X
// is ready to do", "X expressed its intention to do", "X ordered its
// forces to do", "Y will be done" under a deal, and a position held on a
// condition ("a truce would be possible only if …"). Each actor bound by
// the promise gets its own commitment; "both forces" and "the two sides"
// are the parties of the deal the article reported before.

// promiseVerbs take the promised action after "to": "pledged to
// deliver", "agreed to a ceasefire".
var promiseVerbs = text.NewWordSet("pledged", "pledges", "pledge", "promised", "promises", "promise", "vowed", "vows",
	"agreed", "agrees", "agree", "undertook", "undertakes", "committed", "commits", "offered", "offers",
	"signed")

// readyWords make a promise after a form of be: "it was ready to begin".
var readyWords = text.NewWordSet("ready", "willing", "prepared")

// intentNouns make a promise after "expressed its …": "expressed his
// intention to grant rights".
var intentNouns = text.NewWordSet("intention", "intent", "readiness", "willingness", "commitment", "determination")

// orderVerbs bind the orderer's own forces or institutions: "Putin
// ordered Russian forces to observe a ceasefire".
var orderVerbs = text.NewWordSet("ordered", "ordering", "orders", "instructed", "instructing", "directed")

// partyWords name the parties of a deal without naming them: "both
// forces", "the two sides", "the warring parties".
var partyWords = text.NewWordSet("sides", "parties", "forces", "factions")

// promise is one promise found in a sentence.
type promise struct {
	cue        int   // the token of the promise word
	actors     []int // mention indices of who promises
	byParties  bool  // "both forces": the deal's parties
	bySpeaker  int   // a speaker who promises for itself ("Israel said it would"), or -1
	action     [2]int
	negated    bool // "agreed not to attack"
	passive    bool // "will be disbanded": the subject undergoes it
	subject    [2]int
	conditions string
	arranged   bool // "was to withdraw": a part in an arrangement made before
}

// commitments records the promises and conditional positions of the
// article, one per actor and category of each sentence.
func (c *Coder) commitments(d *Doc) {
	var parties []domain.Actor
	seen := map[string]bool{}
	add := func(cm domain.Commitment) {
		k := strconv.Itoa(cm.SentenceIndex) + "|" + string(cm.Actor.Code) + "|" + cm.Category
		if seen[k] {
			return
		}
		seen[k] = true
		d.Commitments = append(d.Commitments, cm)
	}
	for si := range d.Text.Sentences {
		for _, p := range promisesIn(d, si) {
			for _, cm := range c.promiseCommitments(d, si, &p, parties) {
				add(cm)
			}
		}
		// A conditional position the events found: "calling for security
		// guarantees before considering the surrender of their weapons".
		for _, dr := range d.drafts {
			if dr.sent != si || dr.drop || dr.event == nil || dr.modality != domain.ModalityConditional || len(dr.source) == 0 {
				continue
			}
			low := strings.ToLower(dr.cond)
			if !strings.HasPrefix(low, "before") && !strings.HasPrefix(low, "until") {
				continue
			}
			for _, s := range dr.source {
				add(c.draftCommitment(d, dr, actorOf(&d.Mentions[s])))
			}
		}
		if p := dealParties(d, si); len(p) >= 2 {
			parties = p
		}
	}
}

// threatAt reports whether a threat's words start at token k of sentence
// si ("would be met with force").
func threatAt(d *Doc, si, k int) bool {
	for i := range d.Matches[si] {
		if m := &d.Matches[si][i]; m.Start == k && codebook.Root(m.Code) == "13" {
			return true
		}
	}
	return false
}

// promisesIn finds the promises of a sentence.
func promisesIn(d *Doc, si int) []promise {
	toks := d.tokens(si)
	actors := d.actorMentions(si)
	var out []promise
	for k := 0; k < len(toks); k++ {
		w := toks[k].Norm
		if toks[k].Shape != text.Lower || !promiseCues.At(&toks[k]) {
			continue // one lookup for most words, which cue no promise
		}
		if threatAt(d, si, k) {
			continue // "any attack would be met with force": a threat, no promise
		}
		p := promise{cue: k, bySpeaker: -1}
		switch {
		case promiseVerbs.At(&toks[k]):
			if w == "signed" && !(k+2 < len(toks) && (toks[k+2].Norm == "deal" || toks[k+2].Norm == "agreement") && k+3 < len(toks) && toks[k+3].Norm == "to") {
				continue
			}
			if w == "committed" && (k == 0 || !auxiliaries.At(&toks[k-1]) && toks[k-1].Norm != "remained") {
				// "committed to" promises as a state ("is committed to",
				// "remained committed to the negotiations"), not as the
				// past of "commit" ("committed abuses").
				continue
			}
			to := toAfter(toks, k+1)
			if to < 0 {
				continue
			}
			if w == "agreed" && thatFollows(toks, k+1) {
				continue
			}
			p.action = [2]int{to + 1, 0}
			if to+1 < len(toks) && toks[to+1].Norm == "not" {
				p.negated = true
				p.action[0]++
			}
			if toks[to-1].Norm == "not" {
				p.negated = true // "agreed not to attack"
			}
		case readyWords.At(&toks[k]) && k > 0 && (auxiliaries.At(&toks[k-1]) || toks[k-1].Norm == "is" || toks[k-1].Norm == "was"):
			if k+1 >= len(toks) || toks[k+1].Norm != "to" {
				continue
			}
			p.action = [2]int{k + 2, 0}
		case intentNouns.At(&toks[k]) && k+1 < len(toks) && toks[k+1].Norm == "to" && expressedBefore(toks, k):
			p.action = [2]int{k + 2, 0}
		case arrangedWords.At(&toks[k]):
			// "Under the deal, Hezbollah was to withdraw its fighters and
			// Israel was to pull its troops out": a party's part in an
			// arrangement, its subject named right before.
			if k+2 >= len(toks) || toks[k+1].Norm != "to" || toks[k+2].Shape != text.Lower || !d.verbs.IsVerb(toks[k+2].Norm) ||
				!actorEndsBefore(d, actors, k) {
				continue
			}
			p.action = [2]int{k + 2, 0}
			p.arranged = w == "was" || w == "were" // "is to": from today
		case orderVerbs.At(&toks[k]):
			to := toAfter(toks, k+1)
			if to < 0 || !ownObject(d, si, k, to) {
				continue
			}
			p.action = [2]int{to + 1, 0}
			if to+2 < len(toks) && toks[to+1].Norm == "be" {
				// "ordering its institutions to be dissolved".
				p.action[0] = k + 1
			}
		case w == "will" || w == "shall" || w == "would" && saidBefore(toks, k):
			j := k + 1
			if j < len(toks) && toks[j].Norm == "not" {
				p.negated = true
				j++
			}
			if j < len(toks) && toks[j].Norm == "be" {
				// "will be disbanded", "would be extended", "would be
				// possible only if …".
				p.passive = true
				j++
			}
			if j >= len(toks) || toks[j].Shape != text.Lower || toks[j].Kind != text.Word {
				continue
			}
			p.action = [2]int{j, 0}
			if p.passive {
				p.action[0] = j
			}
		default:
			continue
		}
		p.action[1] = actionEnd(toks, p.action[0])
		if p.action[1] <= p.action[0] {
			continue
		}
		if p.passive && agentFollows(toks, p.action[0]) {
			continue // "will be watched by a monitoring committee": another's act
		}
		subjectOfPromise(d, si, &p, actors)
		p.conditions = conditionAfter(d, si, p.action[1], p.negated)
		if p.passive && !p.negated && hasAny(toks, p.action[0], min(p.action[0]+2, len(toks)), "possible", "acceptable") && p.conditions == "" {
			continue // "would be possible": not a promise without a condition
		}
		out = append(out, p)
	}
	return out
}

// promiseCues holds every word the cases of promisesIn start from.
var promiseCues = text.Union(text.NewWordSet("will", "shall", "would"), promiseVerbs, readyWords, intentNouns, orderVerbs, arrangedWords)

// arrangedWords with "to" and a verb say what a party is to do: "was to
// withdraw".
var arrangedWords = text.NewWordSet("was", "were", "is", "are")

// actorEndsBefore reports whether an actor mention, not a pronoun, ends
// right before token k.
func actorEndsBefore(d *Doc, actors []int, k int) bool {
	a, ok := mentionEnds(d, actors).get(k)
	return ok && !d.Mentions[a].Pronoun
}

// agentFollows reports whether a passive verb at token k has an agent
// ("watched by a monitoring committee"), not a measure ("extended by one
// day").
func agentFollows(toks []text.Token, k int) bool {
	for j := k + 1; j < len(toks) && j <= k+2; j++ {
		if toks[j].Norm != "by" || j+1 >= len(toks) {
			continue
		}
		_, number := readPlain(toks, j+1)
		return !number
	}
	return false
}

// toAfter returns the "to" that opens a promised action after a promise
// word, over a time, a place or a phrase ("agreed in principle on Tuesday
// to", "pledged on Monday to"), or -1.
func toAfter(toks []text.Token, k int) int {
	for j := k; j < len(toks) && j <= k+7; j++ {
		switch toks[j].Norm {
		case "to":
			return j
		case ",", ";", ".", "that", "and":
			return -1
		}
	}
	return -1
}

// expressedBefore reports whether "expressed" comes before an intent noun
// at token k: "expressed his intention to".
func expressedBefore(toks []text.Token, k int) bool {
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		switch toks[j].Norm {
		case "expressed", "expresses", "stated", "declared", "reaffirmed", "announced", "signalled", "signaled":
			return true
		}
	}
	return false
}

// saidBefore reports whether a verb of saying governs the "would" at k:
// "said they would guarantee", "said the force would use".
func saidBefore(toks []text.Token, k int) bool {
	for j := k - 1; j >= 0 && j >= k-8; j-- {
		w := toks[j].Norm
		if sayVerbs.At(&toks[j]) && toks[j].Shape == text.Lower {
			return true
		}
		if toks[j].Kind == text.Punct && w != "-" && w != "'s" {
			return false
		}
	}
	return false
}

// ownObject reports whether the object of an order at token k, before
// its "to" at to, is the orderer's own: "ordered Russian forces to", the
// Russian president's; "ordering all of its state institutions to".
func ownObject(d *Doc, si, k, to int) bool {
	toks := d.tokens(si)
	for j := k + 1; j < to; j++ {
		if toks[j].Norm == "its" || toks[j].Norm == "their" || toks[j].Norm == "his" {
			return true
		}
	}
	var orderer []int
	if sp := subjectOf(d, si, k, d.actorMentions(si)); len(sp) > 0 {
		orderer = sp
	}
	for _, i := range d.Sentence[si] {
		m := &d.Mentions[i]
		if !isActor(m) || m.Tok <= k || m.Tok >= to {
			continue
		}
		switch m.Sector {
		case domain.SectorCivilians, domain.SectorRefugees, domain.SectorMedia, domain.SectorRights:
			continue // "ordered residents to dig trenches": a demand on others
		}
		for _, o := range orderer {
			if len(m.Code) >= 3 && len(d.Mentions[o].Code) >= 3 && string(m.Code)[:3] == string(d.Mentions[o].Code)[:3] &&
				!strings.HasPrefix(string(m.Code), domain.UnknownCountry) {
				return true
			}
		}
	}
	return false
}

// actionEnd returns where the promised action that starts at token a
// ends: at punctuation, at a condition or a deadline, and at a
// preposition that opens a new phrase after the verb and its object
// ("provide fuel and humanitarian aid" of "… to the region"; "the
// involvement of the UN" of "… in evacuating civilians"). "of" and a
// purpose ("to let … aid into Gaza") stay in it.
func actionEnd(toks []text.Token, a int) int {
	end := a
	for end < len(toks) {
		w := toks[end].Norm
		if toks[end].Kind == text.Punct && w != "-" && w != "'s" && !(w == "." && end > 0 && toks[end-1].Shape == text.Upper) {
			break
		}
		switch w {
		case "if", "unless", "only", "provided":
			if end > a {
				return end
			}
		case "within", "by", "before", "after", "until", "once", "while", "during", "as", "because", "for":
			if end > a+1 || w == "until" && end > a {
				return end
			}
		case "in", "on", "at", "from", "into", "through", "along", "around", "across", "near", "under", "with", "between", "towards":
			if end > a+1 {
				return end
			}
		case "to":
			// "to let …", "to allow …": the purpose stays; "to the
			// region", "to civilian traffic": a new phrase; "up to 20".
			if end > a+1 && toks[end-1].Norm != "up" && !(end+1 < len(toks) && (toks[end+1].Norm == "let" || toks[end+1].Norm == "allow" || toks[end+1].Norm == "withdraw" || toks[end+1].Norm == "restore" || toks[end+1].Norm == "discuss")) {
				return end
			}
		case "and":
			// "and to restore basic services": a second promise, read
			// on its own; "and Israel will free …", "and the Lebanese
			// army will deploy": a new clause.
			if end+1 < len(toks) && (toks[end+1].Norm == "to" || toks[end+1].Shape != text.Lower || toks[end+1].Norm == "the" && end+2 < len(toks) && auxWithin(toks, end+2)) {
				return end
			}
		}
		end++
	}
	return end
}

func auxWithin(toks []text.Token, k int) bool {
	for j := k; j < len(toks) && j <= k+3; j++ {
		switch toks[j].Norm {
		case "will", "would", "shall", "agreed", "pledged", "promised":
			return true
		}
	}
	return false
}

// subjectOfPromise finds who promises: the actors that are the subject
// of the promise word; a pronoun after a verb of saying is the speaker
// ("Israel said it would …"); "its forces" are the speaker's; "both
// forces", "the two sides" the deal's parties; a passive subject that
// is no actor ("the pause would be extended") leaves the speaker, or the
// parties.
func subjectOfPromise(d *Doc, si int, p *promise, actors []int) {
	toks := d.tokens(si)
	k := p.cue
	// The words before the promise word in its clause (", and the
	// government will free …" starts a clause of its own).
	start := clauseStart(toks, k)
	for j := k - 1; j > start; j-- {
		if toks[j].Norm == "." && j+1 < len(toks) && toks[j+1].Shape == text.Title || toks[j].Norm == ";" || toks[j].Norm == "and" && toks[j-1].Norm == "," ||
			toks[j].Norm == "and" && k-j <= 5 && actorBetween(d, si, actors, j+1, k) && !subjectEndsAt(d, toks, actors, j) {
			// "… over 60 days and the Lebanese army will deploy": the
			// clause after "and" has a subject of its own.
			start = j + 1
			break
		}
	}
	for j := k - 1; j >= 0 && j >= k-12; j-- {
		if sayVerbs.At(&toks[j]) && toks[j].Shape == text.Lower && (j == 0 || toks[j-1].Norm != "-") {
			start = max(start, j+1)
			if j+1 < len(toks) && toks[j+1].Norm == "that" {
				start = max(start, j+2)
			}
			if sp := speakerBefore(d, si, j, actors); len(sp) > 0 {
				p.bySpeaker = sp[0]
			}
			break
		}
	}
	if start > k {
		start = k
	}
	p.subject = [2]int{start, k}
	// "both forces", "the two sides", "the parties".
	for j := start; j < k; j++ {
		if partyWords.At(&toks[j]) && j > 0 && (toks[j-1].Norm == "both" || toks[j-1].Norm == "two" || toks[j-1].Norm == "the" || toks[j-1].Norm == "warring") {
			p.byParties = true
			return
		}
	}
	var subj, governedSubj []int
	for _, a := range actors {
		m := &d.Mentions[a]
		if m.Tok < start || m.TokEnd > k {
			continue
		}
		// "the paramilitary Rapid Support Forces": an adjective of the
		// name that follows.
		if adjectiveOf(d, a, actors) {
			continue
		}
		if m.Tok > start && governed(toks, start, m.Tok) {
			governedSubj = append(governedSubj, a)
			continue
		}
		subj = append(subj, a)
	}
	if len(subj) == 0 && !p.passive {
		subj = governedSubj // "Military commanders of the Ethiopian army and Tigrayan forces"
	}
	p.actors = subj
}

// actorBetween reports whether an actor mention, not a pronoun, starts
// in [a, b).
func actorBetween(d *Doc, si int, actors []int, a, b int) bool {
	for _, i := range actors {
		if t := d.Mentions[i].Tok; t >= a && t < b && !d.Mentions[i].Pronoun {
			return true
		}
	}
	return false
}

// subjectEndsAt reports whether an actor mention that is no verb's
// object ends just before token k: "Israel and Hamas agreed" lists two
// subjects, but in "agreed to disarm its fighters and the government
// agreed" the fighters end the clause before.
func subjectEndsAt(d *Doc, toks []text.Token, actors []int, k int) bool {
	a, ok := mentionEnds(d, actors).get(k)
	return ok && !objectAfterVerb(d, toks, &d.Mentions[a], false)
}

// passiveSectors name the agents a passive promise binds: "the region's
// armed formations will be disbanded".
var passiveSectors = map[string]string{
	"formations": domain.SectorRebels, "fighters": domain.SectorRebels, "militias": domain.SectorRebels,
	"forces": domain.SectorMilitary, "troops": domain.SectorMilitary, "institutions": domain.SectorGovernment,
}

// adjectiveOf reports whether an unknown agent stands before a named
// actor of its sector as its adjective ("the paramilitary Rapid Support
// Forces").
func adjectiveOf(d *Doc, a int, actors []int) bool {
	m := &d.Mentions[a]
	if !strings.HasPrefix(string(m.Code), domain.UnknownCountry) {
		return false
	}
	for _, b := range actors {
		o := &d.Mentions[b]
		if o.Tok == m.TokEnd && !strings.HasPrefix(string(o.Code), domain.UnknownCountry) {
			return true
		}
	}
	return false
}

// conditionAfter returns the condition a promise is held on, in the words
// after its action: "as long as …", "only if …", "if …", "once …", "unless …",
// "provided that …", "on condition that …", "only together with …", "for
// every …"; after a negated one, "until …" ("would not disarm until …").
func conditionAfter(d *Doc, si, from int, negated bool) string {
	toks := d.tokens(si)
	for k := from; k < len(toks); k++ {
		w := toks[k].Norm
		open := false
		switch {
		case w == "if" || w == "unless" || w == "provided" || w == "providing":
			open = true
		case w == "until" && negated && k == from:
			// "would not disarm until a Palestinian state was
			// established": will disarm only then.
			open = true
		case w == "once" && subordinator(toks, k) && k+1 < len(toks) && toks[k+1].Kind == text.Word:
			// "would halt the attacks once a ceasefire takes hold"
			open = true
		case w == "as" && k+2 < len(toks) && toks[k+1].Norm == "long" && toks[k+2].Norm == "as":
			open = true
		case w == "only" && k+1 < len(toks) && (toks[k+1].Norm == "together" || toks[k+1].Norm == "after" || toks[k+1].Norm == "once" || toks[k+1].Norm == "when"):
			open = true
		case w == "on" && k+1 < len(toks) && toks[k+1].Norm == "condition":
			open = true
		case w == "for" && k+1 < len(toks) && (toks[k+1].Norm == "every" || toks[k+1].Norm == "each"):
			open = true
		case w == "in" && k+2 < len(toks) && toks[k+1].Norm == "exchange" && toks[k+2].Norm == "for":
			open = true
		case w == ";" || w == ".":
			return ""
		case w == "and" && k+1 < len(toks) && (toks[k+1].Norm == "the" || toks[k+1].Norm == "a" || toks[k+1].Norm == "an"):
			// "a ceasefire in Gaza and the release of hostages … in
			// exchange for Palestinian prisoners": a condition after the
			// next thing agreed is that thing's.
			return ""
		}
		if !open {
			continue
		}
		end := k + 1
		for end < len(toks) && toks[end].Norm != ";" && toks[end].Norm != "." && !(toks[end].Norm == "," && end+1 < len(toks) && (toks[end+1].Norm == "a" || toks[end+1].Norm == "the" || toks[end+1].Norm == "while")) {
			end++
		}
		if k > 0 && toks[k-1].Norm == "only" {
			k--
		}
		return d.Text.Text[toks[k].Start:toks[end-1].End]
	}
	return ""
}

// dealParties returns the parties of a deal the sentence reports: the
// coordinated actors that agreed or signed ("Yemen's government and the
// Houthis agreed …"), for "both forces" and "the two sides" after it.
func dealParties(d *Doc, si int) []domain.Actor {
	toks := d.tokens(si)
	for k := range toks {
		switch toks[k].Norm {
		case "agreed", "signed", "agree":
		default:
			continue
		}
		actors := d.actorMentions(si)
		var out []domain.Actor
		for _, a := range actors {
			m := &d.Mentions[a]
			if m.TokEnd > k || adjectiveOf(d, a, actors) || m.Tok > 0 && governed(toks, clauseStart(toks, k), m.Tok) {
				continue
			}
			act := resolvedActor(d, si, a, false)
			if !slices.ContainsFunc(out, func(o domain.Actor) bool { return o.Code == act.Code }) {
				out = append(out, act)
			}
		}
		if len(out) >= 2 {
			return out
		}
	}
	return nil
}

// promiseCommitments makes the commitments of one promise: one per actor
// and per action where the promise joins several ("to allow … access and
// to restore services", "allow 18 fuel ships … and two flights a week").
func (c *Coder) promiseCommitments(d *Doc, si int, p *promise, parties []domain.Actor) []domain.Commitment {
	toks := d.tokens(si)
	var who []domain.Actor
	switch {
	case p.byParties:
		who = parties
	case len(p.actors) > 0:
		for _, a := range p.actors {
			act := resolvedActor(d, si, a, false)
			if isOwn(toks, d.Mentions[a].Tok) && p.bySpeaker >= 0 {
				// "its forces would observe": the speaker's forces.
				sp := resolvedActor(d, si, p.bySpeaker, true)
				act.Code = domain.NullString(ownCode(string(sp.Code), string(act.Sector)))
			}
			who = append(who, act)
		}
	case p.bySpeaker >= 0:
		who = []domain.Actor{resolvedActor(d, si, p.bySpeaker, false)}
	case p.passive:
		who = parties
		for k := p.subject[0]; k < p.subject[1]; k++ {
			if sector, ok := passiveSectors[toks[k].Norm]; ok {
				if code := resolveSector(d, si, mentionsBefore(d, si, k), k, sector); code != "" && !strings.HasPrefix(code, domain.UnknownCountry) {
					who = []domain.Actor{{Text: toks[k].Text(d.Text.Text), Code: domain.NullString(code),
						Country: domain.NullString(code[:3]), Sector: domain.NullString(sector)}}
				}
				break
			}
		}
	}
	if len(who) == 0 {
		return nil
	}
	var out []domain.Commitment
	for _, part := range actionParts(toks, p.action) {
		cat := commitmentCategory(toks, part, p)
		if ev := d.eventIn(si, toks[part[0]].Start, toks[part[1]-1].End); cat == domain.CategoryOther && ev != nil && !p.negated {
			// "will provide 5 million euros in humanitarian aid": the
			// event's code knows what the words leave out.
			cat = categoryOf(ev.CAMEO, ev.CAMEO)
		}
		for _, a := range who {
			if a.Code == "" {
				continue
			}
			out = append(out, c.promiseCommitment(d, si, p, part, a, cat))
		}
	}
	return out
}

// mentionsBefore returns how many of the article's mentions come before
// token k of sentence si.
func mentionsBefore(d *Doc, si, k int) int {
	n := 0
	for i := range d.Mentions {
		if d.Mentions[i].Sentence < si || d.Mentions[i].Sentence == si && d.Mentions[i].Tok < k {
			n = i + 1
		}
	}
	return n
}

func isOwn(toks []text.Token, k int) bool {
	return k > 0 && (toks[k-1].Norm == "its" || toks[k-1].Norm == "their" || toks[k-1].Norm == "our")
}

// actionParts splits a promised action that joins two objects of one
// verb ("allow 18 fuel ships into the port … and two commercial flights a
// week …") or two verbs ("to allow … and to restore …").
func actionParts(toks []text.Token, action [2]int) [][2]int {
	out := [][2]int{action}
	// "… to Tigray and to restore basic services": a second verb, read
	// from its own "to"; "… into the port of Hodeidah and two commercial
	// flights …": a second object after the first's phrase.
	for k := action[1]; k+1 < len(toks); k++ {
		w := toks[k].Norm
		if toks[k].Kind == text.Punct || w == "if" || w == "only" || w == "unless" ||
			toks[k].Shape == text.Lower && (promiseVerbs.At(&toks[k]) || sayVerbs.At(&toks[k])) {
			// (Another promise or statement, with its own actions: "the
			// TPLF agreed to disarm and the government agreed to …".)
			break
		}
		if w != "and" {
			continue
		}
		if toks[k+1].Norm == "to" && k+2 < len(toks) && toks[k+2].Shape == text.Lower {
			out = append(out, [2]int{k + 2, actionEnd(toks, k+2)})
			break
		}
		if _, ok := readPlain(toks, k+1); ok {
			out = append(out, [2]int{k + 1, actionEnd(toks, k+1)})
			break
		}
	}
	return out
}

// categoryWords name what a promise is about; the first in the action's
// words decides (a passive promise's subject counts: "the region's armed
// formations will be disbanded").
var categoryWords = map[string]string{
	"ceasefire": domain.CategoryCeasefire, "truce": domain.CategoryCeasefire, "cease": domain.CategoryCeasefire,
	"cessation": domain.CategoryCeasefire, "pause": domain.CategoryCeasefire, "armistice": domain.CategoryCeasefire,
	"withdraw": domain.CategoryWithdrawal, "withdrawal": domain.CategoryWithdrawal, "pull": domain.CategoryWithdrawal,
	"pullout": domain.CategoryWithdrawal, "retreat": domain.CategoryWithdrawal, "disengaging": domain.CategoryWithdrawal,
	"disengage": domain.CategoryWithdrawal,
	"disarm":    domain.CategoryDisarmament, "disarmed": domain.CategoryDisarmament, "disarmament": domain.CategoryDisarmament,
	"demobilize": domain.CategoryDisarmament, "demobilise": domain.CategoryDisarmament, "weapons": domain.CategoryDisarmament,
	"arms": domain.CategoryDisarmament, "disband": domain.CategoryDisarmament, "disbanded": domain.CategoryDisarmament,
	"surrender": domain.CategoryDisarmament,
	"release":   domain.CategoryRelease, "releases": domain.CategoryRelease, "free": domain.CategoryRelease,
	"prisoners": domain.CategoryRelease, "hostages": domain.CategoryRelease, "detainees": domain.CategoryRelease,
	"exchange": domain.CategoryRelease, "swap": domain.CategoryRelease,
	"aid": domain.CategoryAid, "fuel": domain.CategoryAid, "food": domain.CategoryAid, "humanitarian": domain.CategoryAid,
	"medicine": domain.CategoryAid, "supplies": domain.CategoryAid, "convoy": domain.CategoryAid, "trucks": domain.CategoryAid,
	"evacuation": domain.CategoryAid, "evacuate": domain.CategoryAid,
	"rights": domain.CategoryRights,
	"talks":  domain.CategoryTalks, "negotiations": domain.CategoryTalks, "meet": domain.CategoryTalks,
	"negotiate": domain.CategoryTalks, "dialogue": domain.CategoryTalks,
}

// commitmentCategory says what a promised action is about: the first
// word of a category in its words (with the subject of a passive), aid
// before a crossing it is opened for ("open the crossing to let 20
// trucks of aid in"); an action of none is "other" ("reopen the road",
// "not attack the ports").
func commitmentCategory(toks []text.Token, part [2]int, p *promise) string {
	from := part[0]
	if p.passive {
		from = p.subject[0]
	}
	if p.negated && !p.passive && hasViolence(toks, part[0], min(part[0]+1, len(toks))) {
		return domain.CategoryOther // "agreed not to attack"
	}
	for k := from; k < part[1]; k++ {
		w := toks[k].Norm
		if k >= p.cue && k < part[0] {
			continue
		}
		if cat, ok := categoryWords[w]; ok {
			if cat == domain.CategoryRelease && w == "free" && k+1 < part[1] && toks[k+1].Norm == "of" {
				continue
			}
			if cat == domain.CategoryWithdrawal && !withdrawsForces(toks, k, part[1]) {
				continue // "would withdraw the bill"
			}
			return cat
		}
	}
	return domain.CategoryOther
}

// withdrawsForces reports whether the withdrawal word at token k takes
// forces out ("withdraw its troops", "withdraw from the area", "pull
// out", "will withdraw") rather than something else withdrawn ("withdraw
// the bill", "withdraw it", "withdraw its ambassador").
func withdrawsForces(toks []text.Token, k, end int) bool {
	j := k + 1
	for j < end && (determiners.At(&toks[j]) || toks[j].Kind == text.Number) {
		j++
	}
	if j >= end || j == k+1 && toks[j].Kind == text.Punct {
		return true
	}
	switch w := toks[j].Norm; {
	case w == "from" || w == "out" || w == "back" || w == "to":
		return true
	case forceNouns.At(&toks[j]), j+1 < end && forceNouns.At(&toks[j+1]):
		return true // "its troops", "Russian troops", "heavy weapons"
	case j == k+1 && w != "it" && w != "them" && toks[j].Shape == text.Lower && !nounLike(w):
		return true // "withdraw immediately"
	}
	return false
}

// forceNouns are what a withdrawal takes out.
var forceNouns = text.NewWordSet("troops", "forces", "soldiers", "fighters", "units", "army", "military", "peacekeepers",
	"personnel", "militants", "rebels", "combatants", "contingent", "contingents", "battalions", "brigades", "tanks",
	"weapons", "artillery")

// nounLike reports whether a lower-case word after a verb reads as its
// object rather than an adverb: no -ly ending.
func nounLike(w string) bool { return !strings.HasSuffix(w, "ly") }

func (c *Coder) promiseCommitment(d *Doc, si int, p *promise, part [2]int, actor domain.Actor, cat string) domain.Commitment {
	toks := d.tokens(si)
	sen := d.Text.Sentences[si]
	s := d.Text.Text
	a, b := part[0], part[1]
	if p.passive {
		a = p.subject[0]
		for a < b && (toks[a].Norm == "the" || toks[a].Norm == "that" || toks[a].Kind == text.Punct) {
			a++
		}
	}
	if p.negated && !p.passive && a > 0 && toks[a-1].Norm == "not" {
		a--
	} else if p.negated && !p.passive && a > 1 && toks[a-1].Norm == "to" && toks[a-2].Norm == "not" {
		a -= 2 // "not to attack"
	}
	action := s[toks[a].Start:toks[b-1].End]
	cm := domain.Commitment{
		ID:            recordID("k", d.Article.ID, si, p.cue, a, string(actor.Code), cat),
		ArticleID:     d.Article.ID,
		Date:          d.Date,
		Sentence:      d.Text.SentenceText(si),
		SentenceIndex: si,
		Span:          domain.Span{Start: sen.Start, End: sen.End},
		Actor:         actor,
		Category:      cat,
		Action:        action,
		ActionSpan:    domain.Span{Start: toks[a].Start, End: toks[b-1].End},
		Condition:     domain.NullString(p.conditions),
		Status:        domain.StatusPending,
		Rule:          "commitment:" + toks[p.cue].Norm,
		CoderVersion:  c.version,
	}
	if p.conditions != "" {
		cm.Status = domain.StatusConditional
	}
	if ev := d.eventIn(si, toks[a].Start, toks[b-1].End); ev != nil {
		cm.EventID = domain.NullString(ev.ID)
		cm.Rule += "+" + ev.Rule
	}
	cm.Place = commitmentPlace(d, si, p.cue, b)
	if cat == domain.CategoryCeasefire && actor.Country != "" && cm.Place != nil && cm.Place.Country != actor.Country && !placeAfter(d, si, p.cue) {
		// A truce agreed in Jeddah holds where its parties fight.
		cm.Place = countryPlace(d, string(actor.Country))
	}
	// "agreed on Monday": the day the promise was made.
	if w, ok := FindWhen(s, toks[:p.cue+1], d.Date, false); ok && !w.Date.After(d.Date) {
		cm.Date = w.Date
	} else if w, ok := FindWhen(s, toks[p.cue:min(p.cue+4, len(toks))], d.Date, false); ok && !w.Date.After(d.Date) && toks[p.cue+1].Norm == "on" {
		cm.Date = w.Date
	}
	if bf := beneficiaryAfter(d, si, b); bf != nil {
		cm.Beneficiary = bf
	}
	if p.arranged {
		// "was to pull its troops out within 60 days": from a day the
		// sentence does not give, not from the article's.
		return cm
	}
	if due, ok := findDue(d.Text.Text, toks, d.Date); ok {
		cm.Due = due
	} else if due, ok := periodDue(d, toks); ok {
		cm.Due = due
	}
	return cm
}

// commitmentPlace is where a promise applies: the place its action goes
// to ("deliver … to El Geneina"), else the first it names after the
// promise word that is not where it was agreed, else the sentence's,
// else the article's focus.
func commitmentPlace(d *Doc, si, cue, end int) *domain.Place {
	toks := d.tokens(si)
	places := sentencePlaces(d, si)
	for _, p := range places {
		if p.tok > cue && destination(toks, p.tok) {
			return p.place
		}
	}
	for _, p := range places {
		if p.tok > cue && !venue(toks, p.tok) {
			return p.place
		}
	}
	for _, p := range places {
		if !venue(toks, p.tok) && !nameOnlyPlace(p.place) {
			return p.place
		}
	}
	if d.Focus != nil {
		p := *d.Focus
		return &p
	}
	return nil
}

// destination reports whether the place at token k is where something
// goes: "to El Geneina", "into the port of Hodeidah".
func destination(toks []text.Token, k int) bool {
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		switch toks[j].Norm {
		case "to", "into":
			return true
		case "the", "port", "city", "town", "of", "region":
			continue
		}
		return false
	}
	return false
}

// placeAfter reports whether the sentence names, after the promise word,
// a place that is not where it was agreed ("a ceasefire along the front
// line in Ukraine").
func placeAfter(d *Doc, si, cue int) bool {
	toks := d.tokens(si)
	for _, p := range sentencePlaces(d, si) {
		if p.tok > cue && !venue(toks, p.tok) && !nameOnlyPlace(p.place) {
			return true
		}
	}
	return false
}

func nameOnlyPlace(p *domain.Place) bool {
	return p.Precision == "" && p.Country == ""
}

// beneficiaryAfter returns who a promised action is for: an actor right
// after "to" or "for" ("aid to the Karabakh Armenians"), or the people of
// the place it goes to ("aid to the region").
func beneficiaryAfter(d *Doc, si, end int) *domain.Actor {
	toks := d.tokens(si)
	for k := end; k < len(toks)-1 && k < end+4; k++ {
		if toks[k].Norm != "to" && toks[k].Norm != "for" {
			continue
		}
		for _, i := range d.Sentence[si] {
			m := &d.Mentions[i]
			if m.Tok <= k || m.Tok > k+3 {
				continue
			}
			if isActor(m) {
				a := actorOf(m)
				return &a
			}
			if p := m.Place(); p != nil && p.Country != "" {
				return &domain.Actor{Text: m.Text, Code: p.Country + domain.SectorCivilians, Country: p.Country,
					Sector: domain.SectorCivilians, Name: domain.NullString("population of " + p.Name)}
			}
		}
		if toks[k+1].Norm == "the" && k+2 < len(toks) && (toks[k+2].Norm == "region" || toks[k+2].Norm == "area" || toks[k+2].Norm == "enclave") && d.Focus != nil && d.Focus.Country != "" {
			p := d.Focus
			return &domain.Actor{Text: d.Text.Text[toks[k+1].Start:toks[k+2].End], Code: p.Country + domain.SectorCivilians,
				Country: p.Country, Sector: domain.SectorCivilians, Name: domain.NullString("population of " + p.Name)}
		}
	}
	return nil
}

// draftCommitment makes the commitment of a conditional position the
// event coder found ("calling for security guarantees before considering
// the surrender of their weapons").
func (c *Coder) draftCommitment(d *Doc, dr *draft, actor domain.Actor) domain.Commitment {
	toks := d.tokens(dr.sent)
	sen := d.Text.Sentences[dr.sent]
	cat := categoryOf(dr.match.Code, dr.code)
	if w := categoryWord(toks, dr.trigger); w != "" {
		cat = w
	}
	action, actionSpan := actionText(d.Text.Text, toks, dr)
	cm := domain.Commitment{
		ID:            recordID("k", d.Article.ID, dr.sent, dr.match.Head, string(actor.Code), cat),
		ArticleID:     d.Article.ID,
		Date:          d.Date,
		Sentence:      d.Text.SentenceText(dr.sent),
		SentenceIndex: dr.sent,
		Span:          domain.Span{Start: sen.Start, End: sen.End},
		Actor:         actor,
		Category:      cat,
		Action:        action,
		ActionSpan:    actionSpan,
		Condition:     domain.NullString(c.condition(d, dr)),
		Status:        domain.StatusConditional,
		EventID:       domain.NullString(dr.event.ID),
		Place:         dr.event.Place,
		Rule:          dr.event.Rule,
		CoderVersion:  c.version,
	}
	if due, ok := findDue(d.Text.Text, toks, d.Date); ok {
		cm.Due = due
	}
	return cm
}

// categoryOf says what a promised action is about, from its CAMEO code
// before composition (0873 demobilise is disarmament; 0871 a ceasefire)
// and after it (0333 intent to provide humanitarian aid).
func categoryOf(action, code string) string {
	for _, c := range []string{action, code} {
		switch {
		case strings.HasPrefix(c, "0873"):
			return domain.CategoryDisarmament
		case strings.HasPrefix(c, "0874"):
			return domain.CategoryWithdrawal
		case strings.HasPrefix(c, "0871"), strings.HasPrefix(c, "0872"), strings.HasPrefix(c, "1056"):
			return domain.CategoryCeasefire
		case strings.HasPrefix(c, "07"), strings.HasPrefix(c, "033"), strings.HasPrefix(c, "103"), strings.HasPrefix(c, "0863"):
			return domain.CategoryAid
		case strings.HasPrefix(c, "084"), strings.HasPrefix(c, "0353"), strings.HasPrefix(c, "1053"):
			return domain.CategoryRelease
		case strings.HasPrefix(c, "0833"), strings.HasPrefix(c, "0343"), strings.HasPrefix(c, "1043"):
			return domain.CategoryRights
		case strings.HasPrefix(c, "04"), strings.HasPrefix(c, "036"), strings.HasPrefix(c, "106"):
			return domain.CategoryTalks
		}
	}
	return domain.CategoryOther
}

// condition returns what a conditional commitment depends on. For "X
// calls for security guarantees before considering the surrender of its
// weapons" the condition is what X calls for; for "only if …" or "unless
// …" it is the clause that follows.
func (c *Coder) condition(d *Doc, dr *draft) string {
	if dr.cond == "" {
		return ""
	}
	low := strings.ToLower(dr.cond)
	if strings.HasPrefix(low, "before") || strings.HasPrefix(low, "until") {
		for _, o := range d.drafts {
			if o.sent == dr.sent && o != dr && o.event != nil && o.event.Issue != "" &&
				(o.govClass == classDemand || codebook.Root(o.code) == "10") {
				return string(o.event.Issue)
			}
		}
	}
	return dr.cond
}

// actionText returns the promised action of a draft: from the action's
// verb (or noun) through its object, stopping before a preposition that
// starts a new phrase.
func actionText(s string, toks []text.Token, dr *draft) (string, domain.Span) {
	a := dr.match.Start
	end := dr.match.End
	for k := a; k+1 < end; k++ {
		if toks[k].Norm == "to" && toks[k+1].Shape == text.Lower && !determiners.At(&toks[k+1]) {
			a = k + 1
			break
		}
	}
	for end < len(toks) {
		w := toks[end].Norm
		if toks[end].Kind == text.Punct || w == "to" || w == "in" || w == "within" || w == "by" || w == "before" ||
			w == "after" || w == "if" || w == "unless" || w == "once" || w == "during" || w == "until" || w == "from" ||
			w == "on" || w == "at" || w == "for" && end > dr.match.End {
			break
		}
		end++
	}
	if end <= a {
		return "", domain.Span{}
	}
	return s[toks[a].Start:toks[end-1].End], domain.Span{Start: toks[a].Start, End: toks[end-1].End}
}

// findDue finds a deadline: "within 72 hours", "within a week", "by
// Friday", "by 1 January [2024]", "by January 1", "by the end of the
// month/year", "in May" (its last day).
func findDue(s string, toks []text.Token, article domain.Date) (domain.Date, bool) {
	if article.IsZero() {
		return domain.Date{}, false
	}
	for k := 0; k+1 < len(toks); k++ {
		switch toks[k].Norm {
		case "within", "in":
			n := 1
			j := k + 1
			if m, ok := months[toks[j].Norm]; ok && toks[k].Norm == "in" && toks[j].Shape == text.Title {
				// "in May": by the month's last day, this year or next.
				y := article.Year
				if m < article.Month {
					y++
				}
				if yy, ok := yearAt(toks, j+1); ok {
					y = yy
				}
				due := domain.DateOf(time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC))
				if due.Before(article) {
					// "had agreed to a ceasefire in August 2023": when it
					// was agreed, no deadline.
					continue
				}
				return due, true
			}
			if v, ok := readPlain(toks, j); ok && !v.vague {
				n, j = v.value, v.end
			} else if toks[j].Norm == "a" || toks[j].Norm == "one" {
				j++
			} else if toks[k].Norm == "within" && toks[j].Norm == "next" {
				j++
				if v, ok := readPlain(toks, j); ok && !v.vague {
					n, j = v.value, v.end
				}
			} else {
				continue
			}
			if j >= len(toks) {
				continue
			}
			if toks[k].Norm == "in" && toks[j].Norm != "days" && toks[j].Norm != "weeks" {
				continue
			}
			switch strings.TrimSuffix(toks[j].Norm, "s") {
			case "hour":
				return article.AddDays((n + 23) / 24), true
			case "day":
				return article.AddDays(n), true
			case "week":
				return article.AddDays(7 * n), true
			case "month":
				return domain.DateOf(article.Time().AddDate(0, n, 0)), true
			}
		case "by":
			j := k + 1
			if wd, ok := weekdays[toks[j].Norm]; ok {
				return weekdayAfter(article.AddDays(1), wd), true
			}
			if toks[j].Norm == "the" && j+3 < len(toks) && toks[j+1].Norm == "end" && toks[j+2].Norm == "of" {
				t := article.Time()
				switch toks[j+3].Norm {
				case "week":
					return weekdayAfter(article, time.Sunday), true
				case "month":
					return domain.DateOf(time.Date(t.Year(), t.Month()+1, 0, 0, 0, 0, 0, time.UTC)), true
				case "year":
					return domain.Date{Year: t.Year(), Month: 12, Day: 31}, true
				}
			}
			if w, ok := whenAt(s, toks, j, article, true); ok && w.Start == j {
				return w.Date, true
			}
			if toks[j].Kind == text.Number {
				if day, err := strconv.Atoi(toks[j].Norm); err == nil && j+1 < len(toks) {
					if m, ok := months[toks[j+1].Norm]; ok {
						y, _ := yearAt(toks, j+2)
						return dayOf(article, y, m, day, true), true
					}
				}
			}
		}
	}
	return domain.Date{}, false
}

// periodDue reads "within the two months" as the end of the period of
// that length the article gave before: the truce's ("a two-month truce
// starting … on Saturday").
func periodDue(d *Doc, toks []text.Token) (domain.Date, bool) {
	for k := 0; k+3 < len(toks); k++ {
		if toks[k].Norm != "within" || toks[k+1].Norm != "the" {
			continue
		}
		n, ok := readPlain(toks, k+2)
		if !ok || n.vague || n.end >= len(toks) {
			continue
		}
		unit := strings.TrimSuffix(toks[n.end].Norm, "s")
		// The period of that length the article named, and its start.
		for si := range d.Text.Sentences {
			st := d.tokens(si)
			for j := 0; j+2 < len(st); j++ {
				m, ok := readPlain(st, j)
				if !ok || m.value != n.value || m.end+1 >= len(st) || st[m.end].Norm != "-" || strings.TrimSuffix(st[m.end+1].Norm, "s") != unit {
					continue
				}
				start := d.Date
				if w, ok := FindWhen(d.Text.Text, st[m.end:], d.Date, true); ok {
					start = w.Date
				}
				switch unit {
				case "day":
					return start.AddDays(n.value), true
				case "week":
					return start.AddDays(7 * n.value), true
				case "month":
					return domain.DateOf(start.Time().AddDate(0, n.value, 0)), true
				}
			}
		}
	}
	return domain.Date{}, false
}

// categoryWord returns the category the trigger's words name, or "".
func categoryWord(toks []text.Token, trigger []int) string {
	for _, t := range trigger {
		w := toks[t].Norm
		for _, form := range []string{w, strings.TrimSuffix(w, "s"), strings.TrimSuffix(w, "ing"), strings.TrimSuffix(w, "n")} {
			if c, ok := categoryWords[form]; ok {
				return c
			}
		}
	}
	return ""
}
