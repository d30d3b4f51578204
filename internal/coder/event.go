package coder

import (
	"slices"
	"strings"

	"github.com/truce/truce/internal/codebook"
	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/gazetteer"
	"github.com/truce/truce/internal/text"
)

// draft is an event being built from one pattern match.
type draft struct {
	sent  int
	match codebook.Match
	// gov is the verb that governs the match ("agreed" in "agreed to
	// provide"), and govClass its class; report is the verb of saying
	// whose clause holds the match.
	gov      *codebook.Match
	govClass string
	report   *codebook.Match
	code     string
	source   []int // indices into Doc.Mentions
	target   []int
	speaker  int    // the reporting speaker's mention, or -1
	unnamed  string // an unnamed source: "reports", "witnesses"
	modality string
	cond     string // the condition's words, for a conditional
	trigger  []int  // tokens of the trigger words
	start    int    // first token of the evidence
	end      int    // token after the last
	place    *domain.Place
	reversed bool // a reciprocal copy (Y→X of "X and Y agreed")
	reduced  bool // a participle after its noun: "soldiers killed in …"
	shared   bool // the subject is that of a verb before "and"
	// actSubject says the verb's subject is an act named before it ("A
	// roadside bombing near Samarra killed one soldier").
	actSubject bool
	pair       int // a reciprocal copy of a third or later party, counted from 1
	// issueFrom is the demand whose words say what a protest is about.
	issueFrom *draft
	// purposeOf is the event whose purpose this one is ("met Y to
	// discuss"), whose subject it shares.
	purposeOf *draft
	// accusing is the reported attack that this accusation or claim of
	// responsibility is made by reporting.
	accusing *draft
	event    *domain.Event
	drop     bool
	// also is the noun that named the same act and gave its code (see
	// foldActs).
	also *codebook.Match
	// tollEnd is the end of the toll folded into this act ("killed 46
	// civilians"), for a noun after it that names the act again.
	tollEnd int
}

// events builds the events of every sentence.
func (c *Coder) events(d *Doc) {
	for si := range d.Text.Sentences {
		c.sentenceEvents(d, si)
	}
	if len(d.drafts) > 0 {
		d.Events = make([]domain.Event, 0, len(d.drafts))
	}
	for _, dr := range d.drafts {
		if dr.drop {
			continue
		}
		ev := c.event(d, dr)
		if ev == nil {
			dr.drop = true
			continue
		}
		d.Events = append(d.Events, *ev)
		dr.event = &d.Events[len(d.Events)-1]
	}
	// Fix the pointers after the slice settled.
	k := 0
	for _, dr := range d.drafts {
		if !dr.drop {
			dr.event = &d.Events[k]
			k++
		}
	}
}

func (d *Doc) tokens(si int) []text.Token { return d.Text.Sentences[si].Tokens }

// actorMentions returns the indices of the sentence's mentions that can be
// actors (not plain places), in text order.
func (d *Doc) actorMentions(si int) []int {
	var out []int
	for _, i := range d.Sentence[si] {
		if isActor(&d.Mentions[i]) {
			out = append(out, i)
		}
	}
	return out
}

func isActor(m *gazetteer.Mention) bool {
	switch m.Type {
	case domain.MentionActor, domain.MentionPerson, domain.MentionOrg:
		return m.Code != ""
	}
	return m.Metonymy && m.Code != ""
}

// sentenceEvents makes the drafts of one sentence.
func (c *Coder) sentenceEvents(d *Doc, si int) {
	toks := d.tokens(si)
	ms := d.Matches[si]
	if len(ms) == 0 {
		return
	}
	actors := d.actorMentions(si)
	// Which match governs which: a verb of promise, demand, refusal or
	// threat followed closely by another match composes with it; a verb of
	// saying holds the matches of its clause.
	govOf := make([]int, len(ms))
	reportOf := make([]int, len(ms))
	for i := range ms {
		govOf[i], reportOf[i] = -1, -1
		for j := i - 1; j >= 0; j-- {
			g := &ms[j]
			if g.End > ms[i].Start {
				continue
			}
			cls := classOf(g)
			if govOf[i] < 0 && (cls == classPromise || cls == classDemand || cls == classReject || cls == classThreaten) &&
				governs(toks, g, &ms[i], d, actors) {
				govOf[i] = j
			}
			if reportOf[i] < 0 && cls == classReport && !nounUse(toks, g) && reportReaches(toks, g, &ms[i]) {
				reportOf[i] = j
			}
			if reportOf[i] < 0 && accusedAct(toks, g, &ms[i]) {
				reportOf[i] = j
			}
		}
	}
	// A demand put to one party to make a demand of another ("Ukraine
	// asked the court to order Russia to …") is coded on its own, and the
	// demand it asks for as a demand of its own, to be made.
	for i := range ms {
		if g := govOf[i]; g >= 0 && classOf(&ms[g]) == classDemand && classOf(&ms[i]) == classDemand && ms[g].Target >= 0 {
			govOf[i] = -2
		}
	}
	governing := make([]bool, len(ms))
	for i := range ms {
		if govOf[i] >= 0 {
			governing[govOf[i]] = true
		}
	}
	// "urged Israel to halt the strikes and allow aid in": the second
	// verb is the demand's too, though the demand is coded already (its
	// pattern holds the first verb) and so stays coded.
	coordGov := make([]bool, len(ms))
	for i := range ms {
		if govOf[i] != -1 || governing[i] {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			if g := &ms[j]; g.End <= ms[i].Start && (classOf(g) == classDemand || classOf(g) == classPromise) {
				if coordinatedInfinitive(toks, g, &ms[i]) {
					govOf[i], coordGov[i] = j, true
				}
				break
			}
		}
	}
	var sentDrafts []*draft
	var according *[]claimSite // the sentence's "according to", once a draft asks
	for i := range ms {
		m := ms[i]
		if m.Code == "" {
			continue
		}
		if governing[i] {
			// "agreed" in "agreed to provide aid" is coded with the aid.
			continue
		}
		if classOf(&m) == classReport && hasGoverned(reportOf, i) && !c.ownCode(m.Code) {
			// A plain verb of saying whose clause holds an event: the
			// event is coded, attributed to the speaker; the saying
			// itself becomes a claim, not an event.
			continue
		}
		if reducedCharge(d, si, m, actors) {
			// "companies in China and Turkey accused of helping
			// Russia's military": the companies are accused.
			m.Passive = true
		}
		dr := &draft{sent: si, match: m, code: m.Code, speaker: -1, start: m.Start, end: m.End}
		dr.trigger = append([]int(nil), m.Trigger...)
		if govOf[i] == -2 {
			dr.govClass = classDemand
		}
		if g := govOf[i]; g >= 0 {
			gm := ms[g]
			dr.gov, dr.govClass = &gm, classOf(&gm)
			if code := compose(dr.govClass, m.Code); dr.govClass == classPromise && codebook.Root(m.Code) >= "18" &&
				negatedBetween(toks, gm.Head, m.Head) && c.known("0356") {
				// "agreed not to attack merchant ships": a promise of
				// restraint, not a threat.
				dr.code = "0356"
			} else if code != "" && c.known(code) {
				dr.code = code
			} else {
				// No counterpart: the governing verb's own code (an
				// ultimatum to halt attacks is an ultimatum).
				dr.code = gm.Code
			}
			dr.trigger = append(append([]int(nil), gm.Trigger...), dr.trigger...)
			dr.start = gm.Start
			if coordGov[i] && dr.code == gm.Code {
				continue // the demand again
			}
		}
		if r := reportOf[i]; r >= 0 {
			rm := ms[r]
			dr.report = &rm
		}
		if adjectivalGerund(toks, m) {
			continue
		}
		c.actors(d, si, dr, actors, sentDrafts)
		if movesForces(dr.code, toks[m.Head].Norm) && len(dr.source) > 0 {
			ownForces(d, si, dr)
		}
		if takesPeople(d, dr) {
			// "soldiers captured during the fighting", "captured two
			// rebel commanders": people taken, no ground.
			continue
		}
		if coordGov[i] {
			// Made by whom the demand or promise it joins is made, and a
			// demand put to whom that one is put; that one is coded alone
			// or with the act its pattern holds.
			k := slices.IndexFunc(sentDrafts, func(x *draft) bool {
				return x.start == dr.gov.Start && (x.match.Rule == dr.gov.Rule || x.gov != nil && x.gov.Rule == dr.gov.Rule)
			})
			if k < 0 {
				continue
			}
			dr.source = sentDrafts[k].source
			if dr.govClass == classDemand {
				dr.target = sentDrafts[k].target // whom it is put to
			}
		}
		if !c.plausible(d, si, dr, actors) {
			continue
		}
		if len(dr.source) == 0 {
			dr.source = originSource(d, si, dr)
		}
		if m.Nominal && brokeredBy.At(&toks[m.Start]) && m.Start+1 < len(toks) && toks[m.Start+1].Norm == "by" {
			// "under a ceasefire brokered by Russian peacekeepers": a
			// participle after its noun, done, whatever the clause it
			// qualifies promises.
			dr.reduced = true
		}
		dr.modality, dr.cond = modalityOf(d, si, dr)
		if dr.modality == domain.ModalityAsserted && m.Form == codebook.Base && m.Start > 0 && toks[m.Start-1].Norm == "to" &&
			slices.ContainsFunc(sentDrafts, func(x *draft) bool {
				return x.match.End <= m.Start && movesForces(x.code, toks[x.match.Head].Norm)
			}) {
			// "deployed 50,000 soldiers near the border to fight
			// Ukrainian troops": what the forces are sent for, not yet
			// done.
			dr.modality = domain.ModalityIntended
		}
		if dr.code == "171" && seizesPlace(d, si, dr) {
			// "seized Goma": a town taken, not property.
			dr.code = "192"
		}
		c.recode(d, si, dr, actors)
		if dr.modality == domain.ModalityAsserted && declaresThat(toks, dr) && len(dr.source) > 0 {
			// "Azerbaijan declared that a ceasefire had been reached": the
			// speaker's claim, not the text's.
			dr.modality = domain.ModalityReported
			dr.speaker = dr.source[0]
		}
		if dr.report != nil {
			sp := coordinatedSayer(d, si, dr.report.Start, actors)
			if len(sp) == 0 {
				sp = subjectOf(d, si, dr.report.Start, actors)
			}
			if len(sp) > 0 {
				dr.speaker = sp[0]
			} else if i := slices.IndexFunc(sentDrafts, func(x *draft) bool {
				return x.match.Start == dr.report.Start && len(x.source) > 0
			}); i >= 0 {
				// "said it had struck targets and accused the group of
				// using civilian buildings": the accusation's own subject.
				dr.speaker = sentDrafts[i].source[0]
			}
		}
		if dr.speaker < 0 && dr.report == nil {
			// "Russian forces shelled Kharkiv, Ukraine said": the whole
			// clause is the speaker's after it.
			if sp, r := postposedReport(d, si, ms, dr, actors); r != nil {
				dr.speaker, dr.report = sp, r
			}
		}
		if len(dr.source) == 0 && dr.speaker >= 0 && dr.report != nil && dr.match.Nominal && codebook.Root(dr.match.Code) == "13" {
			// "The militia warned that any attack on its positions would
			// be met with force": the one who warns threatens.
			dr.source, dr.speaker, dr.report = []int{dr.speaker}, -1, nil
		}
		if unnamed := unnamedSource(toks, dr.start); unnamed != "" && dr.speaker < 0 {
			dr.unnamed = unnamed
		}
		if dr.speaker < 0 && dr.report == nil && dr.unnamed == "" {
			// "…, witnesses said", "…, residents and a military source
			// said": theirs, unnamed.
			dr.unnamed = trailingUnnamed(toks, dr.end)
		}
		if len(dr.source) == 0 && dr.speaker >= 0 && dr.report != nil && denyVerbs.At(&toks[dr.report.Head]) &&
			(dr.match.Form == codebook.Gerund || dr.match.Nominal && strings.HasSuffix(toks[dr.match.Start].Norm, "ing")) &&
			dr.match.Start == dr.report.End {
			// ("The UAE denies arming the RSF": a pattern of the -ing
			// word is a gerund too.)
			// "The group has denied targeting civilians": its own act,
			// denied.
			dr.source = []int{dr.speaker}
		}
		if dr.speaker < 0 && dr.report == nil && dr.unnamed == "" {
			// "…, according to the shadow National Unity Government",
			// "According to witnesses, …": the source's account.
			if according == nil {
				according = accordingSites(d, si, actors)
			}
			dr.speaker, dr.unnamed = accordingSource(*according, dr)
		}
		if (dr.speaker >= 0 || dr.unnamed != "") && dr.modality == domain.ModalityAsserted {
			dr.modality = domain.ModalityReported
		}
		if strings.HasPrefix(dr.code, "042") && !dr.match.Nominal && !goesSomewhere(d, dr) {
			// "arrived in pickup trucks": no place is visited; the verb
			// still gives its subject to the one after it ("and shot
			// residents").
			dr.drop = true
			sentDrafts = append(sentDrafts, dr)
			continue
		}
		if keep(d, dr) {
			sentDrafts = append(sentDrafts, dr)
		}
	}
	// A protest's demand in a participle clause names whom the protest
	// targets: "protested in Yerevan, demanding accountability from their
	// government".
	for i, dr := range sentDrafts {
		if codebook.Root(dr.code) != "14" || len(dr.target) > 0 {
			continue
		}
		for _, next := range sentDrafts[i+1:] {
			if next.match.Form == codebook.Gerund && codebook.Root(next.code) == "10" && len(next.target) > 0 {
				dr.target = next.target
				dr.issueFrom = next
				break
			}
		}
	}
	sentDrafts = foldActs(d, toks, sentDrafts)
	sentDrafts = dropBanned(toks, sentDrafts)
	// A claim of responsibility names who carried out the attack it
	// claims: "X claimed responsibility for an attack on Y" is X's attack
	// on Y, by X's word; and the claim is aimed where the attack was.
	for i, dr := range sentDrafts {
		if !strings.HasPrefix(dr.code, "015") || len(dr.source) == 0 {
			continue
		}
		end := clauseEnd(toks, dr.match.End)
		for _, next := range sentDrafts[i+1:] {
			if r := codebook.Root(next.code); r < "18" || r > "20" || next.match.Start < dr.match.End || next.match.Start >= end {
				continue
			}
			if len(next.source) == 0 {
				next.source = dr.source
				next.speaker = dr.source[0]
				if next.modality == domain.ModalityAsserted {
					next.modality = domain.ModalityReported
				}
			}
			if len(dr.target) == 0 {
				dr.target = next.target
			}
			break
		}
	}
	sentDrafts = append(sentDrafts, c.reportedAttacks(d, sentDrafts)...)
	// Reciprocal events: "X and Y agreed", "talks between X and Y" hold
	// both directions, and "X, Y and Z met" every direction between them.
	for _, dr := range sentDrafts {
		d.drafts = append(d.drafts, dr)
		if len(dr.source) >= 2 && len(dr.target) > 0 && reciprocalCode(dr.code) && inObject(d, toks, dr.target) {
			// "Israel and Hamas have agreed to a ceasefire and an
			// exchange of Israeli hostages": what the agreement is
			// about, not a party to it.
			dr.target = nil
		}
		if len(dr.source) >= 2 && len(dr.target) == 0 && (reciprocalCode(dr.code) || mutualVerbs.At(&toks[dr.match.Head])) &&
			!forOthers(d, toks, dr) {
			d.drafts = append(d.drafts, reciprocals(dr)...)
		}
		if len(dr.source) == 1 && len(dr.target) == 1 && mutualVerbs.At(&toks[dr.match.Head]) && violent(codebook.Root(dr.code)) &&
			withBefore(toks, d.Mentions[dr.target[0]].Tok) {
			// "Police officers exchanged fire with the gunmen": each
			// fired at the other.
			rev := *dr
			rev.source, rev.target = dr.target, dr.source
			rev.reversed = true
			d.drafts = append(d.drafts, &rev)
		}
	}
}

// goesSomewhere reports whether a visit whose words end in "in" or "at"
// ("arrived in") goes to a place or an actor, or to a place the words
// name ("arrived at the border"): not "arrived in pickup trucks".
func goesSomewhere(d *Doc, dr *draft) bool {
	toks := d.tokens(dr.sent)
	m := dr.match
	if m.End == 0 || m.End >= len(toks) || toks[m.End-1].Norm != "in" && toks[m.End-1].Norm != "at" {
		return true
	}
	k := m.End
	if determiners.At(&toks[k]) && k+1 < len(toks) {
		k++
	}
	for _, i := range d.Sentence[dr.sent] {
		if mm := &d.Mentions[i]; mm.Tok == k || mm.Tok == m.End {
			return true
		}
	}
	return toks[k].Shape != text.Lower || placeNouns.At(&toks[k]) || k+1 < len(toks) && placeNouns.At(&toks[k+1])
}

// withBefore reports whether "with" (and an article) stands before token
// t: "exchanged fire with the gunmen".
func withBefore(toks []text.Token, t int) bool {
	if t > 0 && determiners.At(&toks[t-1]) {
		t--
	}
	return t > 0 && toks[t-1].Norm == "with"
}

// foldActs makes one event of the words a sentence gives one act in, as
// ACLED counts it:
//
//   - the dead and wounded of an attack are its toll, not an event of
//     their own: "Azerbaijani forces shelled Martuni, killing 30 people"
//     is one shelling that killed 30, not a shelling and a killing of
//     civilians besides ("attacked the village and killed three" is one
//     attack too); "eight people were killed in an air strike",
//     "gunmen killed five soldiers in an attack on a checkpoint" are one
//     air strike and one attack, and so are "were killed when shells hit
//     a camp" and police fire on a crowd "killing at least five people";
//   - an attack named again as a noun after its verb ("shelled the town
//     in a new attack on government positions", "was fired at it in the
//     first such attack") or as the subject of its verb ("a mortar bomb
//     was fired", "a roadside bombing killed one soldier"), or by two
//     nouns in a row ("a landmine explosion"), is that attack;
//   - force used for a purpose is one act ("fired tear gas to disperse
//     protesters"), and a riot's own damage is the riot ("stormed
//     parliament and set part of it on fire").
//
// The act kept is the attack rather than its toll, else the verb (of two
// nouns the first), with the other's code where that says more (shelling
// rather than an attack of no kind); it takes the other's source and
// target where it names none. The first violent event of a sentence takes
// the sentence's numbers.
func foldActs(d *Doc, toks []text.Token, drafts []*draft) []*draft {
	out := drafts[:0]
	for i, dr := range drafts {
		if dr.drop {
			continue
		}
		var other *draft
		for _, b := range out {
			if sameAct(toks, b, dr) {
				other = b
				break
			}
		}
		if other == nil {
			for _, a := range drafts[i+1:] {
				if !a.drop && sameAct(toks, dr, a) {
					other = a
					break
				}
			}
		}
		if other == nil {
			out = append(out, dr)
			continue
		}
		// The attack rather than its toll; else the verb, with the
		// noun's code where it says more; else the first.
		first, second := other, dr
		if dr.match.Start < other.match.Start {
			first, second = dr, other
		}
		keep, lose := first, second
		switch t1, t2 := isToll(toks, first), isToll(toks, second); {
		case t1 != t2:
			if t1 {
				keep, lose = second, first
			}
		case first.match.Nominal && !second.match.Nominal:
			keep, lose = second, first
		}
		if !isToll(toks, lose) && !damage(toks, lose) && moreSpecific(lose.code, keep.code) {
			keep.code = lose.code
			keep.also = &lose.match
			keep.trigger = append(keep.trigger, lose.match.Trigger...)
		}
		if isToll(toks, lose) {
			keep.tollEnd = max(keep.tollEnd, lose.match.End)
			if namedCountry(d, lose.target) && !namedCountry(d, keep.target) {
				// "63 Russian soldiers were killed when Ukrainian
				// rockets hit a building housing troops": the dead
				// are the ones hit.
				keep.target = lose.target
			}
		}
		if len(keep.source) == 0 {
			keep.source = lose.source
		}
		if len(keep.target) == 0 || slices.Equal(keep.target, keep.source) {
			// "killed in drone strikes by the army": the agent after "by"
			// is the strikes' source, their victims the target.
			keep.target = lose.target
		}
		lose.drop = true
		if keep == dr {
			out = slices.DeleteFunc(out, func(x *draft) bool { return x == other })
			out = append(out, dr)
		}
	}
	return out
}

// sameAct reports whether the violent drafts a and b, a before b, tell of
// one act (see foldActs).
func sameAct(toks []text.Token, a, b *draft) bool {
	if purposeOf(toks, a, b) {
		// "fired tear gas to disperse protesters": one act, told with
		// its purpose.
		return true
	}
	am, bm := a.match, b.match
	if bm.Nominal && a.code == b.code && a.modality == b.modality && bm.Start == am.End+1 && toks[am.End].Norm == "and" &&
		violent(codebook.Root(a.code)) {
		// "used tear gas and water cannon": one act, two means.
		return true
	}
	if a.modality == b.modality && !am.Nominal && b.shared && bm.Start > 0 && toks[bm.Start-1].Norm == "and" &&
		strings.HasPrefix(a.code, "145") && damage(toks, b) {
		// "stormed parliament and set part of it on fire": the riot's
		// own damage.
		return true
	}
	if isToll(toks, b) && strings.HasPrefix(a.code, "175") && a.modality == b.modality &&
		bm.Form == codebook.Gerund && bm.Start > 0 && toks[bm.Start-1].Norm == "," {
		// "Police opened fire on the crowd, killing at least five
		// people": the toll of the repression.
		return true
	}
	if ra, rb := codebook.Root(a.code), codebook.Root(b.code); ra < "18" || ra > "20" || rb < "18" || rb > "20" ||
		a.modality != b.modality {
		return false
	}
	// A verb's word used as a noun is the noun: "during the raid",
	// "launched missile strikes", "in clashes".
	am.Nominal = am.Nominal || actNoun(toks, am, -1)
	bm.Nominal = bm.Nominal || actNoun(toks, bm, am.End)
	if am.End > bm.Start {
		// "had been killed in drone strikes by the Malian army": the
		// toll's words reach over the act's noun.
		return isToll(toks, a) && bm.Nominal && !isToll(toks, b) && bm.Start > am.Head && bm.Start < am.End &&
			bm.Start > 0 && (toks[bm.Start-1].Norm == "in" || toks[bm.Start-1].Norm == "by" || toks[bm.Start-1].Norm == "during")
	}
	if isToll(toks, a) && !isToll(toks, b) && tollWhen(toks, am.End, bm.Start) {
		// "were killed when shells hit a camp".
		return true
	}
	if clauseStart(toks, bm.Head) > am.Start {
		return false
	}
	switch {
	case isToll(toks, b) && bm.Form == codebook.Gerund && bm.Start > 0 && toks[bm.Start-1].Norm == ",",
		isToll(toks, b) && b.shared && bm.Start > 0 && toks[bm.Start-1].Norm == "and":
		// "shelled Martuni, killing 30 people", "attacked the village
		// and killed three civilians": the toll of the act just before.
		return true
	case bm.Nominal && !am.Nominal && actAfter(toks, am.End, bm.Start),
		bm.Nominal && a.tollEnd > 0 && actAfter(toks, a.tollEnd, bm.Start):
		// "killed in an air strike", "shelled the town in a new attack";
		// "helicopter gunships killed 46 civilians in an attack on a
		// village", after the toll folded into its subject.
		return true
	case am.Nominal && bm.Nominal && am.End == bm.Start:
		// "a landmine explosion": one noun.
		return true
	case bm.Nominal && am.End == bm.Start:
		// "launched missile strikes": the verb's object goes on into
		// the noun of the act.
		return true
	case bm.Nominal && !am.Nominal && am.End < bm.Start && bm.Start-am.End <= 3 && allQuantity(toks[am.End:bm.Start]):
		// "jets dropped two bombs": the act's count of its means.
		return true

	case am.Nominal && !bm.Nominal && (subjectBefore(toks, am.End, bm.Start) || isToll(toks, b) && (b.actSubject || plainPhrase(toks, am.End, bm.Start))):
		// "a mortar bomb was fired", "a roadside bombing near Samarra
		// killed".
		return true
	}
	return false
}

// actNoun reports whether a pattern of a lone verb matched a noun: the
// word right after a determiner ("the raid", "a strike"), or right after
// the words of the act before it, which end at prev ("launched missile
// strikes").
func actNoun(toks []text.Token, m codebook.Match, prev int) bool {
	if !m.Nominal && m.Start < m.Head && m.Form == codebook.Third && m.Start > 0 && m.Head == m.Start+1 {
		// "killed in drone strikes by the army": the compound noun, not
		// "drones strike".
		b := &toks[m.Start-1]
		return b.Norm == "in" || b.Norm == "during" || b.Norm == "by" || determiners.At(b)
	}
	if m.Nominal || m.Start != m.Head {
		return false
	}
	if m.Head == 0 {
		// "Clashes between rival groups killed …": a sentence opens
		// with a plural noun, not a verb in its -s form.
		return m.Form == codebook.Third
	}
	before := &toks[m.Head-1]
	switch m.Form {
	case codebook.Base, codebook.Third:
		return determiners.At(before) || m.Head == prev ||
			m.Form == codebook.Third && (before.Norm == "in" || before.Norm == "during" || quantityWord(*before) && violent(codebook.Root(m.Code))) // "killed … in clashes", "two bombs"
	case codebook.Gerund:
		// "killed by Pakistani shelling", "in heavy shelling", "during
		// shelling".
		return m.End == m.Head+1 && determiners.At(before) || before.Shape == text.Title && m.Head > 1 || actModifiers.At(before) ||
			before.Norm == "by" || before.Norm == "in" || before.Norm == "during"
	}
	return false
}

// actModifiers qualify the noun of an act: "heavy shelling".
var actModifiers = text.NewWordSet("heavy", "intense", "renewed", "indiscriminate", "fresh", "continued", "overnight",
	"artillery", "mortar", "rocket", "aerial", "cross-border", "sporadic")

// plainPhrase reports whether the words [i, j) only qualify a noun before
// them, within eight words: no punctuation, auxiliary or relative
// pronoun ("Clashes between rival armed groups in Tripoli killed").
func plainPhrase(toks []text.Token, i, j int) bool {
	if j-i > 8 {
		return false
	}
	for _, t := range toks[i:j] {
		if t.Kind == text.Punct || passiveAux.Has(t.Norm) || relatives.Has(t.Norm) || t.Norm == "that" ||
			t.Norm == "has" || t.Norm == "have" || t.Norm == "had" {
			return false
		}
	}
	return true
}

// namedCountry reports whether one of the mentions names its country
// ("Russian soldiers", not "troops").
func namedCountry(d *Doc, ms []int) bool {
	return slices.ContainsFunc(ms, func(i int) bool {
		return !strings.HasPrefix(string(d.Mentions[i].Code), domain.UnknownCountry)
	})
}

// purposeOf reports whether b, an act of force, is the purpose the act of
// force a is done for, right after it: "fired tear gas to disperse
// protesters", "opened fire to disperse the crowd".
func purposeOf(toks []text.Token, a, b *draft) bool {
	am, bm := a.match, b.match
	if ra, rb := codebook.Root(a.code), codebook.Root(b.code); ra < "17" || ra > "20" || rb < "17" || rb > "20" ||
		am.Nominal || bm.Nominal || bm.Form != codebook.Base || a.modality != b.modality {
		return false
	}
	if bm.Start < am.End+1 || bm.Start > am.End+10 || toks[bm.Start-1].Norm != "to" {
		return false
	}
	// Only the rest of the object (and a time) between: "used tear gas
	// and water cannon to disperse crowds", "used tear gas and rubber
	// bullets early on Wednesday to disperse".
	for k := am.End; k < bm.Start-1; k++ {
		if toks[k].Kind == text.Punct || sayVerbs.At(&toks[k]) || toks[k].Norm == "to" {
			// (The first purpose only: not "a crowd trying to destroy
			// …" after "to disperse".)
			return false
		}
	}
	return true
}

// tollWhen reports whether the attack starting at j is the one whose toll
// ends at i: "when" or "as" right after it, and at most three words
// before the attack ("killed when shells hit", "wounded as a drone
// struck"), the wounded counted between ("were killed and dozens wounded
// when fighter jets bombed a market").
func tollWhen(toks []text.Token, i, j int) bool {
	if i < j && toks[i].Norm == "and" {
		// "were killed and dozens wounded when …": past the wounded.
		for k := i + 1; k < min(j, i+8); k++ {
			if w := toks[k].Norm; w == "wounded" || w == "injured" || w == "hurt" {
				i = k + 1
				break
			}
			if toks[k].Kind == text.Punct {
				break
			}
		}
	}
	if j <= i || j-i > 4 {
		return false
	}
	switch toks[i].Norm {
	case "when", "as":
	default:
		return false
	}
	for _, t := range toks[i+1 : j] {
		if t.Kind == text.Punct {
			return false
		}
	}
	return true
}

// damage reports whether a draft is damage done to property in the course
// of an act: a burning, a looting, a destruction.
func damage(toks []text.Token, dr *draft) bool {
	if r := codebook.Root(dr.code); r != "17" && r != "18" {
		return false
	}
	for _, k := range dr.trigger {
		switch w := toks[k].Norm; {
		case strings.HasPrefix(w, "fire"), strings.HasPrefix(w, "burn"), strings.HasPrefix(w, "torch"), w == "ablaze",
			strings.HasPrefix(w, "loot"), strings.HasPrefix(w, "ransack"), strings.HasPrefix(w, "vandalis"), strings.HasPrefix(w, "vandaliz"),
			strings.HasPrefix(w, "destroy"), strings.HasPrefix(w, "smash"):
			return true
		}
	}
	return false
}

// isToll reports whether a draft is a killing or wounding: the toll of
// an act rather than an act of its own kind.
func isToll(toks []text.Token, dr *draft) bool {
	return codebook.Root(dr.code) == "18" && casualtyVerbs.At(&toks[dr.match.Head])
}

// actAfter reports whether the noun of an act starting at j is the act
// of the verb ending at i: within a few words of its object, after "in",
// "by", "with" or "during" and at most three words ("in the first such
// attack").
func actAfter(toks []text.Token, i, j int) bool {
	if j <= i || j-i > 10 {
		return false
	}
	for k := j - 1; k >= i && k >= j-4; k-- {
		switch toks[k].Norm {
		case "in", "by", "with", "during":
			// No punctuation between, but for a comma right before
			// ("…, killing 19 people, in an assault that …"); and the
			// preposition governs the act's noun, not another's ("in
			// retaliation for the strike on Makiivka").
			for x := k + 1; x < j; x++ {
				if prepositions.At(&toks[x]) {
					return false
				}
			}
			for x := i; x < k; x++ {
				if toks[x].Kind == text.Punct && (x < k-1 || toks[x].Norm != ",") {
					return false
				}
			}
			return true
		case ",", ";", ":", "and", "or", "but":
			return false
		}
	}
	return false
}

// subjectBefore reports whether the noun of an act ending at i is the
// subject of the verb starting at j: at most an auxiliary between ("a
// mortar bomb was fired", "the bombing had killed").
func subjectBefore(toks []text.Token, i, j int) bool {
	if j < i || j-i > 2 {
		return false
	}
	for _, t := range toks[i:j] {
		switch t.Norm {
		case "was", "were", "is", "are", "has", "have", "had", "been":
		default:
			return false
		}
	}
	return true
}

// moreSpecific reports whether CAMEO code a says more than b: more
// digits, or a kind where b names none ("194" against "190").
func moreSpecific(a, b string) bool {
	if len(a) != len(b) {
		return len(a) > len(b)
	}
	return strings.HasSuffix(b, "0") && !strings.HasSuffix(a, "0")
}

// casualtyVerbs are the verbs of a toll: the dead and wounded of an attack.
var casualtyVerbs = text.NewWordSet("killing", "killed", "wounding", "wounded", "injuring", "injured")

// reportedAttacks returns the events that a party's report of an attack
// is in itself, as CAMEO codes them: "The US said ISIL had attacked Iraq"
// is the US accusing ISIL (112) besides ISIL's reported attack on Iraq,
// and "X claimed that it had attacked Y" is X claiming responsibility for
// it (015). Only a named party's words count (not those of "witnesses" or
// "medics"), of an attack by a party it names with a verb ("areas of
// fighting" names none; "were killed by Armenian shelling" does, the
// toll's verb folded into the shelling), reported as a fact: a denial, a threat or a
// possibility accuses no one.
func (c *Coder) reportedAttacks(d *Doc, drafts []*draft) []*draft {
	var out []*draft
	seen := map[[2]int]bool{}
	accuses := map[int]bool{} // sentences with a verb of accusation
	for _, dr := range drafts {
		if codebook.Root(dr.code) == "11" && !dr.match.Nominal {
			accuses[dr.sent] = true
		}
	}
	for _, dr := range drafts {
		r := codebook.Root(dr.code)
		if accuses[dr.sent] {
			// "accused Baku of trying to carry out ethnic cleansing": the
			// accusation is coded from its own verb.
			continue
		}
		if dr.report == nil || dr.speaker < 0 || len(dr.source) == 0 || r < "18" || r > "20" ||
			dr.modality != domain.ModalityReported || c.ownCode(dr.report.Code) ||
			!knownCountry(&d.Mentions[dr.speaker]) || (dr.match.Nominal || dr.match.Form == codebook.Gerund) && dr.tollEnd == 0 || dr.reduced {
			continue
		}
		if d.Mentions[dr.speaker].Sector == "MED" {
			// "…, Syrian state media reported": the news, not a party.
			continue
		}
		if d.Mentions[dr.source[0]].Pronoun {
			// "Karabakh officials said they had fired only at military
			// targets": a pronoun after the verb of saying is the
			// speaker's side.
			continue
		}
		toks := d.tokens(dr.sent)
		speaker := &d.Mentions[dr.speaker]
		accused := &d.Mentions[dr.source[0]]
		code := "112"
		if speaker.Code == accused.Code || speaker.Country != "" && speaker.Country == accused.Country {
			// Its own attack: a claim of it only by a verb that claims.
			if !claimVerbs.At(&toks[dr.report.Head]) {
				continue
			}
			code = "015"
		}
		key := [2]int{dr.report.Head, dr.source[0]}
		if seen[key] || !c.known(code) {
			continue
		}
		seen[key] = true
		acc := &draft{sent: dr.sent, match: *dr.report, code: code, speaker: -1,
			start: dr.report.Start, end: dr.end, modality: domain.ModalityAsserted,
			trigger: slices.Clone(dr.report.Trigger), accusing: dr}
		acc.source = []int{dr.speaker}
		acc.target = dr.source
		if code == "015" {
			acc.target = dr.target
		}
		out = append(out, acc)
	}
	return out
}

// claimVerbs claim what they report as the speaker's own doing.
var claimVerbs = text.NewWordSet("claimed", "claims", "claiming", "claim", "admitted", "admits", "acknowledged", "acknowledges")

// maxReciprocal is the most parties of a reciprocal event coded pairwise
// (56 events at most); a longer list is a summit, coded among its first.
const maxReciprocal = 8

// reciprocals makes dr, whose sources are the parties of a reciprocal
// event, the event from the first to the second, and returns its copies
// for every other ordered pair: the second to the first, then the pairs
// that involve the third and later parties.
func reciprocals(dr *draft) []*draft {
	parties := dr.source[:min(len(dr.source), maxReciprocal)]
	dr.source, dr.target = parties[0:1], parties[1:2]
	rev := *dr
	rev.source, rev.target = parties[1:2], parties[0:1]
	rev.reversed = true
	out := []*draft{&rev}
	for i := range parties {
		for j := range parties {
			if i == j || i < 2 && j < 2 {
				continue
			}
			cp := *dr
			cp.source, cp.target = parties[i:i+1], parties[j:j+1]
			cp.pair = len(out)
			out = append(out, &cp)
		}
	}
	return out
}

// known reports whether the codebook has code.
func (c *Coder) known(code string) bool {
	_, ok := c.book.Code(code)
	return ok
}

// ownCode reports whether a verb of saying has a code of its own beyond
// making a statement (accuse, deny, praise, condemn, threaten): then it is
// an event even when it reports another.
func (c *Coder) ownCode(code string) bool {
	return !strings.HasPrefix(code, "01")
}

func classOf(m *codebook.Match) string {
	if m.Class != "" {
		return m.Class
	}
	switch codebook.Root(m.Code) {
	case "13":
		return classThreaten
	case "12":
		if !m.Nominal {
			return classReject
		}
	}
	return ""
}

func hasGoverned(reportOf []int, i int) bool {
	return slices.Contains(reportOf, i)
}

// reciprocalCode reports whether an event between coordinated actors is
// mutual: meetings, talks, agreements, cooperation, clashes.
// mutualVerbs make any act one of each party to the other: "Russia and
// Ukraine exchanged prisoners", "Thailand and Cambodia traded fire".
var mutualVerbs = text.NewWordSet("exchange", "exchanged", "exchanging", "exchanges", "swap", "swapped", "swapping", "swaps",
	"trade", "traded", "trading", "trades")

// reducedCharge reports whether a verb of accusation is a participle
// after the noun it charges ("companies … accused of helping", "a man
// suspected of spying"): an actor ends right before it and "of" follows.
func reducedCharge(d *Doc, si int, m codebook.Match, actors []int) bool {
	toks := d.tokens(si)
	if m.Nominal || m.Passive || m.Head == 0 || m.Head+1 >= len(toks) || toks[m.Head+1].Norm != "of" ||
		(m.Form != codebook.Past && m.Form != codebook.Participle) {
		return false
	}
	switch toks[m.Head].Norm {
	case "accused", "charged", "suspected", "convicted":
	default:
		return false
	}
	_, ok := mentionEnds(d, actors).get(m.Head)
	return ok
}

// dropBanned drops the cooperation a ban, a suspension or a sanction
// names as its object: "banned exports to companies" bans exports, it
// reports none.
func dropBanned(toks []text.Token, drafts []*draft) []*draft {
	out := drafts[:0]
	for _, b := range drafts {
		banned := false
		if r := codebook.Root(b.code); r >= "03" && r <= "08" {
			for _, a := range drafts {
				if ra := codebook.Root(a.code); (ra == "16" || ra == "17") && !a.match.Nominal &&
					(b.match.Start == a.match.End || b.match.Start == a.match.End+1 && (toks[a.match.End].Norm == "on" || toks[a.match.End].Norm == "of")) {
					banned = true
					break
				}
			}
		}
		if !banned {
			out = append(out, b)
		}
	}
	return out
}

// inObject reports whether every target mention is inside the object's
// noun phrase, after "of" or "for": "an exchange of Israeli hostages for
// Palestinian prisoners".
func inObject(d *Doc, toks []text.Token, target []int) bool {
	for _, t := range target {
		k := d.Mentions[t].Tok
		if k == 0 || toks[k-1].Norm != "of" && toks[k-1].Norm != "for" {
			return false
		}
	}
	return true
}

// forOthers reports whether the parties of an event do it for others, not
// with each other: "Egypt and Saudi Arabia offered to host talks between
// the warring parties" is no talks between Egypt and Saudi Arabia.
func forOthers(d *Doc, toks []text.Token, dr *draft) bool {
	if strings.HasPrefix(dr.code, "045") {
		return true // mediators mediate between others
	}
	for _, k := range dr.trigger {
		if w := toks[k].Norm; strings.HasPrefix(w, "host") || strings.HasPrefix(w, "propos") ||
			strings.HasPrefix(w, "suggest") || strings.HasPrefix(w, "recommend") {
			// "The United States, Saudi Arabia, Egypt and the UAE
			// proposed a humanitarian truce": to the warring parties.
			return true
		}
	}
	for _, s := range dr.source {
		if d.Mentions[s].Tok > dr.match.Start {
			return false // "clashes between the M23 and other groups"
		}
	}
	for k := dr.match.End; k < len(toks) && k < dr.match.End+3; k++ {
		if toks[k].Norm == "between" || toks[k].Norm == "among" {
			return true
		}
	}
	return false
}

func reciprocalCode(code string) bool {
	switch codebook.Root(code) {
	case "03", "04", "05", "06":
		return true
	}
	return strings.HasPrefix(code, "190") || strings.HasPrefix(code, "193") || code == "057" || code == "0871"
}

// governs reports whether g (promise, demand, refusal, threat) takes m as
// its complement: "agreed to provide", "urged Baku to withdraw", "called
// on Armenia to", "called for a ceasefire", "threatened to strike".
func governs(toks []text.Token, g, m *codebook.Match, d *Doc, actors []int) bool {
	gap := toks[g.End:m.Start]
	if len(gap) > 8 {
		return false
	}
	if m.Strict && !(len(gap) == 0 || len(gap) == 1 && gap[0].Norm == "to" && g.End == g.Head+1) {
		// A verb read only between its subject and object ("+help T")
		// is governed only right after the governing verb: "offered to
		// send troops to Mali to help African troops" offers the troops,
		// the help is their purpose.
		return false
	}
	for _, t := range gap {
		if t.Kind == text.Punct && t.Norm != "-" && t.Norm != "'s" {
			return false
		}
	}
	// The gap holds "to", "for", "that", articles, adjectives, an actor.
	switch {
	case g.End == m.Start:
		return true
	case gap[len(gap)-1].Norm == "to":
		return true
	case gap[0].Norm == "to":
		// "agreed to the immediate provision of aid", but not "planned
		// a visit to Haiti after a state of siege": "to" then a name
		// is where, not what.
		return len(gap) < 2 || !gap[1].Capitalised()
	case gap[0].Norm == "for" || gap[0].Norm == "on" || gap[0].Norm == "that":
		return true
	case g.Nominal || m.Nominal:
		// "demands for talks", "pledge of aid"
		return gap[0].Norm == "of" || gap[0].Norm == "for"
	}
	for _, t := range gap {
		switch t.Norm {
		case "a", "an", "the", "their", "its", "his", "her", "immediate", "new", "further", "more", "full":
			continue
		}
		return false
	}
	return true
}

// violentGerund reports whether a gerund match is of violence: "killing",
// "wounding", "destroying".
func violentGerund(m codebook.Match) bool {
	return m.Form == codebook.Gerund && violent(codebook.Root(m.Code))
}

// alongWith reports whether the actor at token k is one of a list after
// "along with" or "together with": "along with Mali and Burkina Faso".
func alongWith(toks []text.Token, k int) bool {
	for j := k - 1; j >= 1 && j >= k-8; j-- {
		switch w := toks[j].Norm; {
		case w == "with":
			return toks[j-1].Norm == "along" || toks[j-1].Norm == "together"
		case w == "and" || w == "," || w == "the" || toks[j].Shape == text.Title:
		default:
			return false
		}
	}
	return false
}

// gappedSubject reports whether mention mm, after "and" (and "the"), is
// followed by an amount: the subject of a clause whose verb is left out,
// "… and the European Union 250 million euros".
func gappedSubject(toks []text.Token, mm *gazetteer.Mention) bool {
	k := mm.Tok - 1
	if k >= 0 && toks[k].Norm == "the" {
		k--
	}
	if k < 0 || toks[k].Norm != "and" || mm.TokEnd >= len(toks) {
		return false
	}
	n := toks[mm.TokEnd]
	return n.Kind == text.Number || n.Norm == "$" || n.Norm == "€" || n.Norm == "£"
}

// ownForces gives the forces a mover sends, deploys or withdraws, named
// with no country ("Russia has deployed 50,000 soldiers", "Burundi, which
// has sent about 10,000 troops"), the mover's country: they are not the
// article's focus country's, as an agent of no country would otherwise be.
// It sets the mention itself, so that the sentence's other acts ("to
// fight …") and the mention records agree.
func ownForces(d *Doc, si int, dr *draft) {
	src := &d.Mentions[dr.source[0]]
	if src.Country == "" {
		return
	}
	m := dr.match
	for _, i := range d.Sentence[si] {
		mm := &d.Mentions[i]
		if mm.Tok < m.Start || mm.Tok >= m.End || mm.Country != "" || !strings.HasPrefix(string(mm.Code), domain.UnknownCountry) || !isActor(mm) {
			continue
		}
		mm.Country = src.Country
		mm.Code = src.Country + mm.Code[len(domain.UnknownCountry):]
	}
}

// takesPeople reports whether a bare verb of capture (192 "+capture")
// has people as every target, as its object or the noun before it:
// soldiers or commanders taken, not ground.
func takesPeople(d *Doc, dr *draft) bool {
	m := dr.match
	if !strings.HasPrefix(dr.code, "192") || m.Nominal || m.End != m.Head+1 || len(dr.target) == 0 {
		return false
	}
	for _, t := range dr.target {
		mm := &d.Mentions[t]
		if mm.Type == domain.MentionPlace || mm.Metonymy || mm.Sector == "" {
			return false
		}
		// Its object, just after it, or the noun it follows as a
		// participle; not an actor of a clause further on ("captured the
		// mosque from where Islamic State proclaimed …").
		if !(mm.Tok >= m.End && mm.Tok <= m.End+2 || mm.TokEnd == m.Start) {
			return false
		}
	}
	return true
}

// seizesPlace reports whether the verb of a seizure takes a place as its
// object: "seized Goma last month", "seized Bukavu and Uvira", "seized the
// Kharkiv region" (a populated place or region, not a country named as
// an actor, nor property "in Goma").
func seizesPlace(d *Doc, si int, dr *draft) bool {
	m := dr.match
	if m.Nominal || m.Passive || m.End != m.Head+1 {
		return false
	}
	at := m.End
	if toks := d.tokens(si); at < len(toks) && toks[at].Norm == "the" {
		at++
	}
	for _, i := range d.Sentence[si] {
		mm := &d.Mentions[i]
		if mm.Tok == at && mm.Type == domain.MentionPlace && !mm.Metonymy && mm.Precision != domain.PrecisionCountry {
			return true
		}
	}
	return false
}

// coordinatedInfinitive reports whether m is a bare verb joined by "and"
// or "or" to the infinitive that ends the demand or promise g: "urged
// Israel to halt the strikes and allow aid into Gaza", "pledged to
// rebuild the school or pay for it".
func coordinatedInfinitive(toks []text.Token, g, m *codebook.Match) bool {
	if m.Form != codebook.Base || m.Nominal || m.Start != m.Head || m.Start-g.End < 1 || m.Start-g.End > 8 {
		return false
	}
	if w := toks[m.Start-1].Norm; w != "and" && w != "or" {
		return false
	}
	for _, t := range toks[g.End : m.Start-1] {
		if t.Kind == text.Punct && t.Norm != "-" && t.Norm != "'s" || isFinite(t) {
			return false
		}
	}
	for k := g.Head + 1; k+1 < g.End; k++ {
		if toks[k].Norm == "to" {
			return true
		}
	}
	return false
}

// accordingSites returns the "according to" attributions of sentence si
// (accordingTo), read once for all its drafts.
func accordingSites(d *Doc, si int, actors []int) *[]claimSite {
	toks := d.tokens(si)
	var out []claimSite
	for k := 0; k+1 < len(toks); k++ {
		if toks[k].Norm == "according" && toks[k+1].Norm == "to" {
			if cs, ok := accordingTo(d, si, k, actors); ok {
				out = append(out, cs)
			}
		}
	}
	return &out
}

// accordingSource returns who, by "according to", gives the account that
// holds the draft: a mention, else an unnamed source; -1 and "" if none.
func accordingSource(sites []claimSite, dr *draft) (int, string) {
	for _, cs := range sites {
		if dr.match.Start >= cs.prop[0] && dr.match.End <= cs.prop[1] {
			return cs.speaker, cs.unnamed
		}
	}
	return -1, ""
}

// accusedAct reports whether m is the act an accusation g charges its
// target with ("accused the army of carrying out air strikes"): the
// accuser's allegation, reported, not the text's own account.
func accusedAct(toks []text.Token, g, m *codebook.Match) bool {
	if codebook.Root(g.Code) != "11" || m.Nominal || m.Form != codebook.Gerund || g.End == 0 {
		return false
	}
	switch toks[g.End-1].Norm {
	case "of", "for":
		return m.Start >= g.End && m.Start <= g.End+1
	}
	return false
}

// reportReaches reports whether the clause of the verb of saying g holds
// m: m follows g in the same sentence, after "that" or directly, with no
// semicolon between; a new subordinate clause after a comma ends it.
func reportReaches(toks []text.Token, g, m *codebook.Match) bool {
	if m.Start < g.End {
		return false
	}
	for k := g.End; k < m.Start; k++ {
		w := toks[k].Norm
		if w == ";" || w == ":" && k > g.End {
			return false
		}
		if w == "," && k+1 < len(toks) {
			n := toks[k+1].Norm
			if subordinators.Has(n) && n != "as" || n == "but" || n == "while" {
				return false
			}
		}
	}
	return true
}

// nounUse reports whether a verb of saying in its -s form is the plural
// noun ("concerned about reports that", "amid claims that"): the words
// then have no speaker of their own.
func nounUse(toks []text.Token, g *codebook.Match) bool {
	if g.Form != codebook.Third || g.Start == 0 {
		return false
	}
	p := toks[g.Start-1].Norm
	return prepositions.Has(p) && p != "and" && p != "said" && p != "says" || determiners.Has(p) ||
		p == "amid" || p == "despite" || p == "following" || p == "unconfirmed" || p == "media" || p == "news" || p == "press"
}

// unnamedSource returns the unnamed source that introduces the words at
// token i: "reports of", "reports that", "witnesses said", "local media reported",
// "according to residents".
func unnamedSource(toks []text.Token, i int) string {
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		w := toks[k].Norm
		if (w == "of" || w == "that") && k > 0 {
			switch toks[k-1].Norm {
			case "reports", "report", "accounts", "claims", "allegations", "footage", "videos", "rumours", "rumors":
				return toks[k-1].Norm
			}
		}
	}
	// "Witnesses reported that …", "Local officials said …": an unnamed
	// source opening the sentence.
	for k := 1; k < i && k <= 4; k++ {
		if sayVerbs.At(&toks[k]) && toks[k].Shape == text.Lower {
			if w := unnamedBefore(toks, k); w != "" && w != "hospital" && w != "hospitals" {
				return w
			}
			break
		}
	}
	return ""
}

// trailingUnnamed returns the unnamed source of a sentence that ends
// with one set off by a comma after token from ("…, witnesses said", "…,
// residents and a military source said on Thursday"), or "".
func trailingUnnamed(toks []text.Token, from int) string {
	for k := from + 1; k < len(toks); k++ {
		if !sayVerbs.At(&toks[k]) {
			continue
		}
		if len(toks)-k > 5 {
			return "" // more follows than a time
		}
		for j := k - 1; j > from && j >= k-6; j-- {
			if toks[j].Norm == "," {
				return unnamedBefore(toks, k)
			}
			if toks[j].Kind == text.Punct && toks[j].Norm != "'" && toks[j].Norm != "'s" {
				return "" // (an owner's mark is not: "…, a doctors' committee said")
			}
		}
		return ""
	}
	return ""
}

// keep drops drafts that are not events: a nominal pattern with nothing
// attached to it (no actor, no number), a hypothetical nominal ("the
// potential for further bloodshed"), and any event without an actor.
func keep(d *Doc, dr *draft) bool {
	if len(dr.source) == 0 && len(dr.target) == 0 {
		// Violence with its toll but no named actor ("A roadside bomb
		// near Samarra killed two youths") is an event by an unknown
		// actor, as ACLED codes it; anything else without an actor is not.
		if !violent(codebook.Root(dr.code)) || dr.modality != domain.ModalityAsserted && dr.modality != domain.ModalityReported {
			return false
		}
		c := d.counts(dr.sent)
		if c.Fatalities.IsZero() && c.Injured.IsZero() && !strikesPlace(d, dr) {
			return false
		}
	}
	if dr.match.Nominal && dr.gov == nil && dr.modality == domain.ModalityHypothetical {
		return false
	}
	if toks := d.tokens(dr.sent); dr.match.Nominal && len(dr.source) == 0 && dr.match.End < len(toks) && modals.At(&toks[dr.match.End]) {
		// "saying that arming Armenia would encourage revanchist
		// forces": an act named as the subject of what it would do.
		return false
	}
	if violent(codebook.Root(dr.code)) && ranked(d.tokens(dr.sent), dr.match.Start) {
		// "…, in the deadliest day of Israeli strikes since 2006", "…,
		// one of the deadliest massacres in recent years": the act just
		// told, ranked, not another.
		return false
	}
	return true
}

// ranked reports whether the noun of an act at token k is ranked by a
// superlative in a phrase set off by a comma: ", in the deadliest day of
// strikes", ", one of the worst attacks", ", the bloodiest massacre".
func ranked(toks []text.Token, k int) bool {
	for j := k - 1; j >= 0 && j >= k-7; j-- {
		if !superlatives.At(&toks[j]) {
			if toks[j].Kind == text.Punct {
				return false
			}
			continue
		}
		for i := j - 1; i >= 0 && i >= j-5; i-- {
			switch toks[i].Norm {
			case ",":
				return true
			case "the", "of", "one", "in", "among", "some", "two", "three", "a", "day", "week", "year":
				continue
			}
			return false
		}
		return false
	}
	return false
}

// superlatives rank an act among others.
var superlatives = text.NewWordSet("deadliest", "worst", "bloodiest", "biggest", "largest", "heaviest", "fiercest",
	"most", "deadliest-ever", "worst-ever", "single-deadliest")

// strikesPlace reports whether a violent verb of no named actor has a
// place for its object ("Drones struck the port city of Port Sudan",
// "Shells hit Kherson overnight"): an attack by an unknown actor on that
// place, as ACLED codes it.
func strikesPlace(d *Doc, dr *draft) bool {
	m := dr.match
	if m.Nominal || m.Passive || m.Form == codebook.Gerund || m.Form == codebook.Base && m.Start == m.Head {
		return false // "to strike Kherson", "striking": no attack told
	}
	if r := codebook.Root(dr.code); r < "18" || r > "20" {
		return false
	}
	toks := d.tokens(dr.sent)
	end := min(clauseEnd(toks, m.Head), m.End+6)
	for _, i := range d.Sentence[dr.sent] {
		mn := &d.Mentions[i]
		if mn.Type == domain.MentionPlace && mn.Tok >= m.End && mn.Tok < end {
			return true
		}
	}
	return false
}

// actors finds the source and target of a draft.
func (c *Coder) actors(d *Doc, si int, dr *draft, actors []int, prev []*draft) {
	toks := d.tokens(si)
	m := dr.match
	if (m.Nominal || nounForm(toks, m)) && dr.gov == nil {
		// "the fighting", "their shelling", "the attack" name an act as a
		// noun does.
		dr.source, dr.target = nominalActors(d, si, dr, actors)
		if len(dr.source) == 0 && len(prev) > 0 && possessedBySubject(toks, m.Head+1, m.End+3) {
			// "calling for guarantees before considering the surrender
			// of their weapons": theirs, the clause's subject's.
			dr.source = prev[len(prev)-1].source
		}
		if len(dr.source) == 0 {
			// "Jordan and the United States began a new round of joint
			// military exercises": the light verb's subject.
			if v := lightVerbBefore(toks, m.Start); v >= 0 {
				dr.source = subjectOf(d, si, v, actors)
			}
		}
		if len(dr.source) == 0 && m.Start > 0 && possessives.At(&toks[m.Start-1]) {
			// "their forces had completed their withdrawal": theirs is
			// the clause's subject.
			dr.source = subjectOf(d, si, m.Start-1, actors)
		}
		if len(dr.source) == 0 && len(prev) > 0 && duringPhrase(toks, m.Start) && codebook.Root(dr.code) == "04" {
			// "held talks with X during a surprise visit to Beirut": the
			// visit is the one who held the talks.
			p := prev[len(prev)-1]
			if !p.match.Nominal && p.match.End <= m.Start {
				dr.source = p.source
			}
		}
		if len(dr.source) == 0 && classOf(&m) == classReport && m.Start > 0 && toks[m.Start-1].Norm == "," {
			// "Pashinyan said …, in an interview with La Repubblica":
			// the sentence's speaker's.
			dr.source = openingSubject(d, si, m.Start, actors)
			if len(dr.source) > 0 {
				dr.report = nil // the speaker's own act
			}
		}
		return
	}
	subjStart := dr.start
	if dr.gov != nil && dr.gov.Nominal {
		// "calls by X for a ceasefire": the nominal governor's actors.
		s, t := nominalActors(d, si, &draft{match: *dr.gov, start: dr.gov.Start, end: dr.gov.End}, actors)
		dr.source = s
		dr.target = t
		if len(dr.target) == 0 {
			dr.target = objectOf(d, si, dr, actors)
		}
		return
	}
	if n := len(prev); n > 0 && prev[n-1].match.Nominal && violent(codebook.Root(prev[n-1].code)) &&
		prev[n-1].match.End <= m.Start && clauseStart(toks, m.Start) <= prev[n-1].match.Start {
		dr.actSubject = true
	}
	subj := nounSubject(d, dr, actors)
	chain := -1
	if !m.Passive && m.Form == codebook.Base {
		chain = infinitiveBefore(d, toks, m.Start)
	}
	p := sharedSubject(toks, dr.start, prev)
	if p != nil && p.report != nil && m.Form == codebook.Past && p.match.Form == codebook.Participle && verbalRoot(m.Code) {
		// "The army said the RSF had attacked its bases and accused the
		// paramilitary force of …": a simple past of speech after a
		// reported pluperfect goes with the verb of saying.
		p = nil
	}
	switch {
	case len(subj) > 0 || m.Passive && p != nil:
	case p != nil && (len(p.source) > 0 || chain < 0):
		// "ISIL had attacked Iraq and taken the city": the verb after
		// "and" has the subject of the verb before it, not its object
		// (nor one, when that verb has none: "A bombing killed one
		// soldier and wounded two others").
		subj, dr.shared = p.source, true
	case p == nil && coordFinite(d, toks, verbOf(dr)) && len(openingSubject(d, si, dr.start, actors)) > 0:
		// "Armenia's foreign ministry said there were no Armenian units
		// in Karabakh and accused Baku of …", "Baku has said it wants a
		// treaty but has rejected mediation by France": a finite verb
		// after "and" or "but" with no subject of its own, and no event
		// before it to share one with, has the sentence's subject.
		subj, dr.shared = openingSubject(d, si, dr.start, actors), true
		dr.report = nil // coordinated with the verb of saying, not reported by it
	case chain >= 0:
		// "the American government plans to reverse its position on
		// Sudan and lift sanctions", "Sudan will improve access, stop
		// …, and cooperate with …": the subject of the chain's head,
		// not the object before "and" (none, if the head has none).
		subj, dr.shared = subjectOf(d, si, chain, actors), true
	default:
		subj = subjectOf(d, si, subjStart, actors)
		if len(subj) > 0 && (m.Passive || codebook.Root(m.Code) >= "18") {
			// "Russia's Defence Ministry said everyone in the car was
			// killed", "It said four HIMARS rockets struck the
			// building": the speaker, neither who underwent it nor who
			// attacked ("The ICRC said trucks carrying flour crossed"
			// are the ICRC's).
			for k := d.Mentions[subj[len(subj)-1]].TokEnd; k < min(m.Start, m.Head); k++ {
				if sayVerbs.At(&toks[k]) && toks[k].Shape == text.Lower && !slices.Contains(dr.trigger, k) && !inRelative(toks, k, m.Start) {
					// Unless a pronoun opens the reported clause: "Israel
					// said it was attacked" is Israel's.
					j := k + 1
					for j < m.Start && (toks[j].Norm == "that" || toks[j].Norm == "on" || timeWords.At(&toks[j])) {
						j++
					}
					if !subjectPronouns.At(&toks[j]) && !ownPossessive.At(&toks[j]) {
						subj = nil // but "Russia said its missiles had struck" is Russia's
					}
					break
				}
			}
		}
	}
	if attributive(toks, m) || adjectival(toks, m) {
		// "ICRC planes carried hundreds of released detainees": who
		// released them the sentence does not say.
		subj = nil
		dr.reduced = true
	}
	if len(subj) == 0 && dr.gov == nil && m.Form == codebook.Base && m.Start > 0 && toks[m.Start-1].Norm == "to" {
		// "Thousands of Nigerians were converging for a rally in Lagos
		// to protest": the purpose is the sentence's subject's.
		subj = leadSubject(d, si, m.Start, actors)
	}
	if m.Form == codebook.Gerund && m.Start == m.Head && m.Start > 0 && toks[m.Start-1].Norm == "," && dr.gov == nil && !dr.shared {
		// "Armenia asked the court to order Azerbaijan to …, telling
		// judges": a participle after a comma is the sentence's subject's,
		// not the object's before the comma; past a verb of saying, only a
		// participle of speech ("X said that Y …, speaking at a forum");
		// other acts are the reported clause's ("officials said Israeli
		// jets struck Gaza, killing 20").
		reported, say := false, -1
		for k := 0; k < m.Start; k++ {
			if sayVerbs.At(&toks[k]) && toks[k].Shape == text.Lower {
				reported, say = true, k
			}
		}
		if sp := postposedSpeaker(d, si, actors); reported && speechGerunds.At(&toks[m.Head]) && len(sp) > 0 && d.Mentions[sp[0]].Tok < m.Start {
			// "Soldiers killed 45 civilians, the U.N. rights office said,
			// calling for an investigation": the speaker calls.
			subj = sp
			dr.report = nil
		} else if o := openingSubject(d, si, m.Start, actors); len(o) > 0 && (!reported || speechGerunds.At(&toks[m.Head])) {
			subj = o
			dr.report = nil // the speaker's own act, not what the speaker reports
		} else if reported && !speechGerunds.At(&toks[m.Head]) {
			// "Residents reported that RSF fighters went from house to
			// house, killing 460 people": the reported clause's subject.
			subj = reportedSubject(d, si, say, m.Start, actors)
		}
	}
	if len(subj) == 0 && m.Form == codebook.Gerund && m.Start > 0 && toks[m.Start-1].Norm == "," {
		// "…, demanding accountability": the subject of the clause before,
		// else the actor that opens the sentence ("Azerbaijan launched
		// what it called anti-terrorist measures …, shelling positions").
		for k := len(prev) - 1; k >= 0; k-- {
			if p := prev[k]; codebook.Root(p.code) == "11" && len(p.target) > 0 && violentGerund(m) &&
				hasWord(toks, p.match.Start, m.Start, "of") {
				// "accused the army of bombing a market in Nyala, killing
				// 30 people": the toll of the act charged, the accused's.
				subj = p.target
				break
			}
			if len(prev[k].source) > 0 {
				subj = prev[k].source
				break
			}
		}
		if len(subj) == 0 {
			subj = leadSubject(d, si, m.Start, actors)
		}
	}
	if len(subj) > 0 && dr.gov == nil && m.Form == codebook.Base && m.Start > 0 && toks[m.Start-1].Norm == "to" {
		// "met Y to discuss …": a purpose clause after a meeting has the
		// meeting's subject, not the Y just before it. (After other verbs
		// Y may be the one who acts: "deployed troops to attack".)
		for k := len(prev) - 1; k >= 0; k-- {
			if codebook.Root(prev[k].code) == "04" && len(prev[k].source) > 0 && slices.Contains(prev[k].target, subj[0]) {
				subj, dr.purposeOf = prev[k].source, prev[k]
				break
			}
		}
	}
	objActors := actors
	if classOf(&m) != classReport {
		// A verb of saying keeps them: "said he would …" opens the
		// reported clause, and has no addressee.
		objActors = notSubject(d, actors, subj)
	}
	dr.source = subj // for objectOf, which passes over the subject's own country
	obj := objectOf(d, si, dr, objActors)
	if !m.Passive && dr.gov == nil && reducedPassive(d, si, dr, subj, actors) {
		dr.match.Passive, m.Passive, dr.reduced = true, true, true
	}
	if m.Passive && dr.gov == nil {
		// "was shelled by X": the subject undergoes it; "faced
		// criticism from X" too.
		by := byAgent(d, si, m.End, actors)
		if len(by) == 0 && !dr.reduced {
			by = fromAgent(d, si, m.End, actors)
		}
		dr.source, dr.target = by, subj
		if len(obj) > 0 && !slices.Equal(obj, by) && (m.Target > 0 && prepositions.At(&toks[m.Target-1]) || len(subj) == 0 && imposedOn(toks, &d.Mentions[obj[0]])) {
			// "the attack was blamed on Hamas", "sanctions were imposed
			// on Iran": the actor after the preposition stays the
			// target, and the subject is what was blamed or imposed.
			dr.target = obj
		}
		return
	}
	dr.source, dr.target = subj, obj
	if m.Inverse {
		// "Ukraine received weapons from the United States": the giver
		// acts on the subject.
		dr.source, dr.target = obj, subj
	}
	dr.target = slices.DeleteFunc(dr.target, func(i int) bool { return slices.Contains(dr.source, i) || sameActor(d, dr.source, i) })
}

// articles and possessives before a gerund make it a noun: "the
// fighting", "their shelling" (not "that", which opens a clause).
var articles = text.NewWordSet("the", "a", "an", "their", "its", "his", "her", "our")

// nounForm reports whether a verb pattern matched a noun: its verb right
// after an article or possessive, as a gerund or a bare or -s form ("the
// fighting", "the attack", "their attacks").
func nounForm(toks []text.Token, m codebook.Match) bool {
	if m.Form == codebook.Third && m.Head == m.Start+1 && m.Start > 0 && nounPreps.At(&toks[m.Start-1]) {
		// "killed in drone strikes by the army": a compound noun, not
		// "drones strike".
		return true
	}
	if m.Start != m.Head || m.Start == 0 {
		return false
	}
	if m.Form == codebook.Gerund && (toks[m.Start-1].Norm == "of" || toks[m.Start-1].Norm == "by" || toks[m.Start-1].Norm == "amid") && m.End == m.Head+1 &&
		(m.End >= len(toks) || toks[m.End].Kind == text.Punct || prepositions.At(&toks[m.End])) {
		// "evacuated civilians from areas of fighting, …", "displaced by
		// fighting in Darfur": no one's fighting; but "accused Armenia
		// of shelling villages" is a verb.
		return true
	}
	if m.Form == codebook.Third && (nounPreps.At(&toks[m.Start-1]) || toks[m.Start-1].Norm == "'s" || quantityWord(toks[m.Start-1]) && violent(codebook.Root(m.Code))) {
		// (And an act of force after a count: "dropped two bombs".)
		// "killed in clashes near the checkpoint", "in Thursday's
		// clashes": a noun after a preposition or an owner.
		return true
	}
	if m.Form == codebook.Third && codebook.Root(m.Code) >= "18" && (sayVerbs.At(&toks[m.Start-1]) || reportedNouns.At(&toks[m.Start-1])) {
		// "Residents reported clashes", "witnesses described attacks": a
		// plural noun after a verb of saying, not a verb.
		return true
	}
	if !articles.At(&toks[m.Start-1]) {
		return false
	}
	return m.Form == codebook.Gerund || m.Form == codebook.Base || m.Form == codebook.Third
}

// nounPreps are prepositions after which a verb's -s form is a plural
// noun: "in clashes", "during attacks".
var nounPreps = text.NewWordSet("in", "of", "during", "after", "before", "amid", "since", "for", "from", "with", "on", "over", "despite", "following")

// reportedNouns are verbs that take a plural noun of action as object:
// "described attacks", "denied attacks", "confirmed strikes".
var reportedNouns = text.NewWordSet("described", "denied", "confirmed", "condemned", "witnessed", "heard", "saw", "documented",
	"recorded", "blamed", "feared")

// lightVerbs carry a noun of action as their object: "held talks",
// "launched airstrikes", "began exercises", "took part in drills".
var lightVerbs = text.NewWordSet("hold", "holds", "held", "holding", "host", "hosts", "hosted", "hosting", "issue", "issues", "issued", "issuing", "announce", "announces", "announced", "announcing",
	"order", "orders", "ordered", "approve", "approves", "approved", "authorize", "authorized", "authorise", "authorised", "conduct", "conducts", "conducted", "conducting",
	"stage", "stages", "staged", "staging", "launch", "launches", "launched", "launching", "begin", "begins",
	"began", "begun", "start", "starts", "started", "carry", "carries", "carried", "carrying", "complete",
	"completes", "completed", "resume", "resumes", "resumed", "continue", "continues", "continued",
	"undertake", "undertook", "undertaken", "join", "joins", "joined", "mount", "mounts", "mounted",
	"wage", "waged", "waging", "step", "stepped", "intensify", "intensified", "perform", "performed",
	"renew", "renews", "renewed", "restart", "restarted", "open", "opens", "opened", "enter", "entered",
	"conclude", "concluded", "finish", "finished", "end", "ends", "ended", "break", "broke")

// copulas join a subject to what it is: "the United States remains the
// largest donor of aid" is its donation.
var copulas = text.NewWordSet("is", "was", "are", "were", "remains", "remained", "became", "becomes", "been")

// lightVerbBefore returns the light verb whose object starts the noun at
// token i ("began a new round of joint exercises", "carried out
// airstrikes", "took part in drills"), or -1.
func lightVerbBefore(toks []text.Token, i int) int {
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		w := toks[k].Norm
		switch {
		case lightVerbs.At(&toks[k]):
			return k
		case (w == "out" || w == "up") && k > 0 && lightVerbs.At(&toks[k-1]):
			return k - 1 // "carried out", "stepped up"
		case w == "in" && k >= 2 && toks[k-1].Norm == "part" && (toks[k-2].Norm == "took" || toks[k-2].Norm == "take" || toks[k-2].Norm == "taking" || toks[k-2].Norm == "takes"):
			return k - 2
		case determiners.At(&toks[k]) || w == "of" || w == "round" || w == "series" || w == "wave" || w == "new" ||
			toks[k].Kind == text.Number || toks[k].Shape == text.Lower && toks[k].Kind == text.Word && !prepositions.At(&toks[k]):
			continue
		}
		return -1
	}
	return -1
}

// timeAfter are words of time that may follow a participle used as a
// passive: "Americans killed since 9/11", "soldiers killed last week".
var timeAfter = text.NewWordSet("since", "last", "yesterday", "today", "overnight", "earlier", "this", "when", "while")

// possessives before a noun of action name its doer by reference.
var possessives = text.NewWordSet("their", "its", "his", "her")

// leadSubject returns the actor that opens the sentence when no other
// actor stands between it and token k, or nil.
func leadSubject(d *Doc, si, k int, actors []int) []int {
	if len(actors) == 0 {
		return nil
	}
	first := &d.Mentions[actors[0]]
	start := 0
	if toks := d.tokens(si); len(toks) > 0 && determiners.At(&toks[0]) {
		start = 1
	}
	if first.Tok > start || first.TokEnd > k {
		return nil
	}
	for _, a := range actors[1:] {
		if d.Mentions[a].Tok < k {
			return nil
		}
	}
	return actors[:1]
}

// nounSubject returns, for a pattern that names its doer before the verb
// ("suicide_bomber~ * +kill"), the actor mention holding that noun: in
// "Two Palestinian suicide bombers killed 23 people" the bombers; or nil.
func nounSubject(d *Doc, dr *draft, actors []int) []int {
	m := dr.match
	if m.Nominal || m.Passive || dr.gov != nil || m.Start >= m.Head {
		return nil
	}
	for _, a := range actors {
		if mm := &d.Mentions[a]; mm.Tok <= m.Start && mm.TokEnd > m.Start && mm.TokEnd <= m.Head {
			return []int{a}
		}
	}
	return nil
}

// infinitiveBefore returns, for a bare verb right after "and", the "to"
// or the modal of the chain of bare verbs it ends ("plans to reverse X and
// lift", "will improve access, stop supporting rebels … and cooperate"),
// in the same clause, or -1.
func infinitiveBefore(d *Doc, toks []text.Token, start int) int {
	if start < 1 || toks[start-1].Norm != "and" {
		return -1
	}
	for k := start - 2; k >= 0 && k >= start-40; k-- {
		w := toks[k].Norm
		if toks[k].Kind == text.Punct && w != "-" && w != "," || subordinator(toks, k) || relatives.At(&toks[k]) || w == "that" {
			return -1
		}
		if (w == "to" || modals.At(&toks[k])) && k+1 < start-1 && toks[k+1].Shape == text.Lower && d.verbs.IsVerb(toks[k+1].Norm) {
			return k
		}
	}
	return -1
}

// modals head a chain of bare verbs.
var modals = text.NewWordSet("will", "would", "shall", "should", "can", "could", "may", "might", "must")

// speechGerunds are participles of a speaker's own act of speech.
var speechGerunds = text.NewWordSet("speaking", "saying", "telling", "adding", "noting", "insisting", "stressing", "warning",
	"arguing", "accusing", "blaming", "calling", "urging", "demanding", "claiming", "citing", "describing", "writing",
	"addressing", "announcing", "rejecting", "denying", "dismissing", "praising", "criticising", "criticizing")

// attributive reports whether a participle match stands before its noun
// as an adjective after a determiner, a number or "of": "hundreds of
// released detainees", "the detained activists".
func attributive(toks []text.Token, m codebook.Match) bool {
	if m.Form != codebook.Past && m.Form != codebook.Participle || m.Start != m.Head || m.Head == 0 ||
		m.End != m.Head+2 || !slices.Contains(m.Trigger, m.Head+1) {
		return false
	}
	p := toks[m.Head-1]
	return p.Kind == text.Number || p.Norm == "of" || attributiveBefore.Has(p.Norm)
}

// adjectival reports whether a lone past participle stands between an
// article and the noun it describes: "the freed Russian servicemen were
// flown to Moscow" tells of no release.
func adjectival(toks []text.Token, m codebook.Match) bool {
	if m.Form != codebook.Past && m.Form != codebook.Participle || m.Start != m.Head || m.End != m.Head+1 || m.Head == 0 || m.End >= len(toks) {
		return false
	}
	next := &toks[m.End]
	return attributiveBefore.At(&toks[m.Head-1]) && next.Kind == text.Word && !prepositions.At(next) && !auxiliaries.At(next) &&
		!determiners.At(next) && next.Norm != "and" && next.Norm != "or"
}

// adjectivalGerund reports whether a lone -ing form stands between an
// article or owner and a noun of people it describes: "the country's
// striking doctors" are on strike, and attack no one.
func adjectivalGerund(toks []text.Token, m codebook.Match) bool {
	return m.Form == codebook.Gerund && m.Start == m.Head && m.End == m.Head+1 && m.Head > 0 && m.End < len(toks) &&
		(toks[m.Head-1].Norm == "'s" || attributiveBefore.At(&toks[m.Head-1])) && toks[m.End].Shape == text.Lower &&
		peopleNouns.At(&toks[m.End])
}

// behalfNouns after a party's name say the act is on its behalf: "at
// Armenia's request".
var behalfNouns = text.NewWordSet("request", "invitation", "behest", "initiative", "urging", "insistence", "suggestion")

// peopleNouns are plural nouns of people a participle may describe:
// "striking doctors", "fighting men".
var peopleNouns = text.NewWordSet("doctors", "workers", "miners", "teachers", "nurses", "drivers", "students", "farmers",
	"employees", "staff", "men", "women", "soldiers", "troops", "fighters", "civilians", "people", "residents", "protesters")

var attributiveBefore = text.NewWordSet("the", "a", "an", "their", "its", "his", "her", "our", "some", "several", "many", "all", "other")

// negatedBetween reports whether "not" or "never" stands between tokens
// a and b: "agreed not to attack", "pledged never to use".
func negatedBetween(toks []text.Token, a, b int) bool {
	for k := a + 1; k < b && k < len(toks); k++ {
		if toks[k].Norm == "not" || toks[k].Norm == "never" {
			return true
		}
	}
	return false
}

// verbalRoot reports whether a code is a verbal act: a statement,
// appeal, demand, disapproval, rejection or threat.
func verbalRoot(code string) bool {
	switch codebook.Root(code) {
	case "01", "02", "10", "11", "12", "13":
		return true
	}
	return false
}

// coordAux may stand between "and" or "but" and the finite verb after
// it: "and has accused", "but had already said".
var coordAux = text.NewWordSet("has", "have", "had", "was", "were", "is", "are", "did", "does", "do", "also", "then", "later",
	"since", "subsequently", "previously", "repeatedly", "again", "already", "now")

// coordinator returns the "and" or "but" before token v with only
// auxiliaries and adverbs between, and how many there are; -1 if none.
func coordinator(toks []text.Token, v int) (int, int) {
	k := v - 1
	for n := 0; k >= 0 && n < 3 && coordAux.At(&toks[k]); n++ {
		k--
	}
	if k < 1 || toks[k].Norm != "and" && toks[k].Norm != "but" {
		return -1, 0
	}
	return k, v - 1 - k
}

// coordFinite reports whether a verb match is finite and follows "and" or
// "but" with no subject between ("… and accused", "but has rejected").
func coordFinite(d *Doc, toks []text.Token, m codebook.Match) bool {
	if m.Nominal || m.Passive || m.Start != m.Head || toks[m.Head].Shape != text.Lower {
		return false
	}
	k, aux := coordinator(toks, m.Start)
	if k < 0 {
		return false
	}
	switch m.Form {
	case codebook.Past, codebook.Third:
		return true
	case codebook.Participle:
		return aux > 0
	}
	return false
}

// verbOf returns the match of a draft's finite verb: its governor's
// ("and called on the authorities to investigate"), else its own.
func verbOf(dr *draft) codebook.Match {
	if dr.gov != nil {
		return *dr.gov
	}
	return dr.match
}

// openingSubject returns the subject of the sentence's first verb when an
// actor opens the sentence ("Armenia's foreign ministry said …", "The
// ethnic Armenian administration said …") and ends before token v; else
// nil.
func openingSubject(d *Doc, si, v int, actors []int) []int {
	if len(actors) == 0 {
		return nil
	}
	toks := d.tokens(si)
	// After the dateline, if any: "OUAGADOUGOU, April 8 (Wire) - Human
	// Rights Watch said …".
	start := datelineEnd(toks)
	i := 0
	for i < len(actors) && d.Mentions[actors[i]].Tok < start {
		i++
	}
	if i == len(actors) {
		return nil
	}
	first := &d.Mentions[actors[i]]
	if start < len(toks) && determiners.At(&toks[start]) {
		start++
	}
	if first.Tok > start || first.TokEnd >= v || first.TokEnd >= len(toks) ||
		(toks[first.TokEnd].Kind != text.Word || toks[first.TokEnd].Shape != text.Lower) && toks[first.TokEnd].Norm != "," {
		return nil // "Guterres, visiting the crossing, said … and called for": still the subject
	}
	return subjectOf(d, si, first.TokEnd, actors)
}

// sharedSubject returns the event before a verb coordinated with it by
// "and" with no subject of its own ("attacked Iraq and taken the city",
// "and then seized"), whose subject it shares; or nil.
func sharedSubject(toks []text.Token, start int, prev []*draft) *draft {
	k := start - 1
	for k >= 0 && (toks[k].Norm == "then" || toks[k].Norm == "also" || toks[k].Norm == "later") {
		k--
	}
	if k < 1 || toks[k].Norm != "and" || len(prev) == 0 {
		return nil
	}
	p := prev[len(prev)-1]
	if p.match.End > k || p.match.End < k-14 || p.match.Nominal || p.match.Passive || nounForm(toks, p.match) ||
		p.match.Form == codebook.Base && p.match.Start > 0 && toks[p.match.Start-1].Norm == "to" && strings.HasSuffix(toks[start].Norm, "ed") {
		// Not a noun of the act ("were killed in the attack, and called
		// on …"), nor an infinitive before a finite past ("Georgia's bid
		// to join the bloc and urged the government …").
		return nil
	}
	// Both verbs finite and of one tense: "attacked … and seized", "had
	// attacked … and taken"; not "the attack … and killed".
	if p.match.Form != codebook.Past && p.match.Form != codebook.Participle && p.match.Form != codebook.Third && p.match.Form != codebook.Base &&
		!(p.match.Form == codebook.Gerund && strings.HasSuffix(toks[start].Norm, "ing")) ||
		toks[start].Shape != text.Lower {
		// (Or two participles: "…, killing 40 people and setting dozens
		// of homes on fire".)
		return nil
	}
	for j := p.match.End; j < k; j++ {
		if toks[j].Kind == text.Punct && toks[j].Norm != "," && toks[j].Norm != "-" || sayVerbs.At(&toks[j]) {
			return nil
		}
	}
	return p
}

// reducedPassive reports whether a past participle of force or coercion
// stands right after its noun with no object of its own: "10 Russian
// soldiers killed in Ukraine", "a Hamas member jailed over a year ago",
// "civilians imprisoned for protesting" undergo it. Not "Israel released
// on Wednesday the mayor", whose object follows.
func reducedPassive(d *Doc, si int, dr *draft, subj []int, actors []int) bool {
	m := dr.match
	if len(subj) == 0 || m.Form != codebook.Past && m.Form != codebook.Participle || m.End != m.Head+1 || m.Start != m.Head || m.Target >= 0 {
		return false
	}
	switch codebook.Root(m.Code) {
	case "17", "18", "20":
	default:
		// Releases, and seizures of ground, take an object: "soldiers
		// captured during the fighting" were captured.
		if !strings.HasPrefix(m.Code, "084") && !strings.HasPrefix(m.Code, "192") {
			return false
		}
	}
	toks := d.tokens(si)
	last := &d.Mentions[subj[len(subj)-1]]
	end := last.TokEnd
	if end+1 == m.Start && toks[end].Kind == text.Word && toks[end].Shape == text.Lower && !d.verbs.IsVerb(toks[end].Norm) &&
		!auxiliaries.At(&toks[end]) && !prepositions.At(&toks[end]) {
		// "a member of the Hamas movement jailed": the noun the actor
		// qualifies.
		end++
	}
	if end != m.Start {
		return false
	}
	if m.End >= len(toks) || toks[m.End].Norm == "." || toks[m.End].Norm == ";" {
		// "both sides reported dozens of soldiers killed.": nothing
		// after it to be its object.
		return true
	}
	if !prepositions.At(&toks[m.End]) && !timeAfter.At(&toks[m.End]) {
		return false
	}
	end = clauseEnd(toks, m.End)
	for _, a := range actors {
		mm := &d.Mentions[a]
		if mm.Tok > m.End && mm.Tok < end && !mm.Pronoun && !prepositions.At(&toks[mm.Tok-1]) && !determiners.At(&toks[mm.Tok-1]) {
			return false // an object after an adverbial: "arrested on Monday 20 protesters"
		}
	}
	return true
}

// originSource returns, for an attack with no named attacker, the
// country it came from: "a mortar bomb was fired at Israel from the Gaza
// Strip" is by someone in the Gaza Strip, coded as its country as
// PETRARCH and GDELT code it, with the place's words as the evidence. It
// adds that actor to d.Mentions (after the ones found, which alone are
// output as mentions) and returns its index; nil when the sentence names
// no such place after the trigger in its clause, or names the target's
// own.
func originSource(d *Doc, si int, dr *draft) []int {
	if r := codebook.Root(dr.code); r < "18" || r > "20" {
		return nil
	}
	toks := d.tokens(si)
	end := clauseEnd(toks, dr.match.Head)
	for _, i := range d.Sentence[si] {
		mm := &d.Mentions[i]
		if isActor(mm) || mm.Country == "" || mm.Tok <= dr.match.Head || mm.Tok >= end {
			continue
		}
		k := mm.Tok - 1
		if k > 0 && toks[k].Norm == "the" {
			k--
		}
		if toks[k].Norm != "from" {
			continue
		}
		for _, t := range dr.target {
			if d.Mentions[t].Country == mm.Country {
				return nil
			}
		}
		a := *mm
		a.Type, a.Metonymy = domain.MentionActor, false
		a.Code, a.Sector = domain.NullString(mm.Country), ""
		d.Mentions = append(d.Mentions, a)
		return []int{len(d.Mentions) - 1}
	}
	return nil
}

// notSubject returns the actors that can be the object of a verb whose
// subject is subj: less the pronouns that refer back to the subject ("they"
// in "said they would meet the envoy", "their" in "held their first
// meeting with the president"; "offered its troops to Lebanon": Syria's
// own troops, but "protesters … their government" is theirs to target),
// and less the subject's own country named as such ("the Canadian
// government announced bans on travel to Canada against Russian officers"
// aims at the officers; "Bush spoke on US relations with Asia" at no one
// in the US).
func notSubject(d *Doc, actors, subj []int) []int {
	if len(subj) == 0 {
		return actors
	}
	return slices.DeleteFunc(slices.Clone(actors), func(a int) bool {
		m := &d.Mentions[a]
		for _, s := range subj {
			sm := &d.Mentions[s]
			if m.Pronoun && strings.HasPrefix(string(m.Code), string(sm.Code)) ||
				!m.Pronoun && m.Sector == "" && m.Country != "" && sm.Country == m.Country && sm.Sector != "" {
				return true
			}
		}
		return false
	})
}

// sameActor reports whether mention i has the same code as one of srcs
// ("Azerbaijan … Azerbaijan").
func sameActor(d *Doc, srcs []int, i int) bool {
	for _, s := range srcs {
		if d.Mentions[s].Code == d.Mentions[i].Code && d.Mentions[s].Text == d.Mentions[i].Text {
			return true
		}
	}
	return false
}

// subjectOf finds the subject of a verb starting at token v: the actor
// mention closest before it in its clause, skipping auxiliaries, adverbs
// and an apposition between commas; with the actors coordinated with it
// ("Armenia and Azerbaijan agreed"). A relative pronoun ("Armenians who
// had looked") takes its antecedent.
func subjectOf(d *Doc, si, v int, actors []int) []int {
	toks := d.tokens(si)
	endAt := mentionEnds(d, actors)
	// A mention that contains the verb's first token cannot be its subject.
	k := v
	commas, far := 0, 0
	for k > 0 {
		if a, ok := endAt.get(k); ok && !knownCountry(&d.Mentions[a]) {
			// "Qatar's emir, Sheikh Hamad …, launched": a name the
			// dictionaries lack, set off after the title that says who
			// he is.
			if t := d.Mentions[a].Tok; t >= 2 && toks[t-1].Norm == "," {
				if b, ok := endAt.get(t - 1); ok && knownCountry(&d.Mentions[b]) {
					return coordinated(d, si, b, endAt)
				}
			}
		}
		if a, ok := endAt.get(k); ok {
			// "representatives of the Karabakh Armenians met": the head
			// of the noun phrase, not the actor in its "of" phrase.
			if t := d.Mentions[a].Tok; t >= 2 {
				j := t - 1
				if toks[j].Norm == "the" && j > 0 {
					j--
				}
				if toks[j].Norm == "of" {
					if h, ok := endAt.get(j); ok {
						return coordinated(d, si, h, endAt)
					}
				}
			}
			if h, ok := attachedTo(toks, endAt, d.Mentions[a].Tok); ok {
				// "Rebels backed by Rwanda attacked": the rebels.
				return coordinated(d, si, h, endAt)
			}
			return coordinated(d, si, a, endAt)
		}
		w := toks[k-1].Norm
		if w == ")" {
			// "The International Labour Office (ILO) said": the name
			// before the abbreviation in brackets.
			if o := openBracket(toks, k-1); o >= 0 {
				if _, ok := endAt.get(o); ok {
					k = o
					continue
				}
			}
		}
		switch {
		case relatives.At(&toks[k-1]) && (w == "who" || w == "which"):
			if a, ok := endAt.get(k - 1); ok {
				return coordinated(d, si, a, endAt)
			}
			if k >= 2 && toks[k-2].Norm == "," {
				if a, ok := endAt.get(k - 2); ok {
					return coordinated(d, si, a, endAt)
				}
			}
			return nil
		case w == ",":
			commas++
			if commas > 2 {
				return nil
			}
			// Skip an apposition or relative clause set off by commas:
			// "David Babayan, an adviser to …, emphasized".
			p := prevComma(toks, k-1)
			if p >= 0 && (appositive(toks, p+1) || isGerund(toks[p+1].Norm) && toks[p+1].Shape == text.Lower || participlePhrase(d, toks, p+1)) {
				// … or a participle: "Guterres, visiting the crossing,
				// said".
				if a, ok := endAt.get(p); ok {
					return coordinated(d, si, a, endAt)
				}
				k = p
				continue
			}
			if p >= 1 && namedApposition(d, toks, endAt, p, k-1) {
				// "The main rebel group, the Popular Front (PF),
				// insisted": two names of one actor.
				if a, ok := endAt.get(p); ok {
					return coordinated(d, si, postHolder(toks, endAt, a), endAt)
				}
				// "The US commander in Iraq, General David Petraeus,
				// held": the name, when the post before it ends in a
				// place.
				if b, ok := endAt.get(k - 1); ok && knownCountry(&d.Mentions[b]) {
					return []int{b}
				}
			}
			if p >= 1 && properName(toks, p+1, k-1) {
				// "A member of the parliament, Ali Hasanov, started": a
				// name the dictionaries lack, set off after the noun
				// phrase that says who he is.
				if a, ok := endAt.get(p); ok {
					return coordinated(d, si, postHolder(toks, endAt, a), endAt)
				}
			}
			// "In a dialogue …, Azerbaijan agreed": a fronted phrase
			// holds no subject.
			return nil
		case w == "that" && k < v && subjectPronouns.At(&toks[k]) && k >= 2 && sayVerbBefore(toks, k-2) >= 0:
			// "The US claimed (on Friday) that they had attacked Iraq":
			// the pronoun opening what a speaker says is the speaker, as
			// in "said it had", which reaches the speaker past "it" and
			// "said".
			k = sayVerbBefore(toks, k-2) // a walk of three tokens at most
			continue
		case w == `"` && toks[k].Shape == text.Lower && k >= 2:
			// A quotation opened right after its subject: the rebels
			// "keep killing soldiers".
			if a, ok := endAt.get(k - 1); ok {
				return coordinated(d, si, a, endAt)
			}
			return nil
		case boundaries.At(&toks[k-1]) || w == "that" || (subordinator(toks, k-1) && w != "as"):
			return nil
		case auxiliaries.At(&toks[k-1]) || toks[k-1].Kind == text.Number:
		case timeWords.At(&toks[k-1]) || w == "on" && k < v && timeWords.At(&toks[k]) || inPlaceName(d, si, k-1) || w == "the" && inPlaceName(d, si, k):
			// "Rebels in the Central African Republic on Monday
			// rejected": a place or time after the subject is no
			// word between.
			far++
		default:
			if toks[k-1].Shape == text.Lower && k < v-4-far {
				// Too far: a lower-case word (a verb or noun) between;
				// unless it ends a relative clause on the subject ("Two
				// Russians who had been held in Libya … were released").
				return relativeAntecedent(d, si, v, endAt)
			}
		}
		k--
	}
	return nil
}

// reportedSubject returns the actor that opens the clause reported by the
// verb of saying at token say ("reported that RSF fighters went"), when
// it ends before token end; or nil.
func reportedSubject(d *Doc, si, say, end int, actors []int) []int {
	toks := d.tokens(si)
	k := say + 1
	if k < len(toks) && toks[k].Norm == "that" {
		k++
	}
	if k < len(toks) && toks[k].Norm == "the" {
		k++
	}
	for _, a := range actors {
		if mm := &d.Mentions[a]; mm.Tok == k && mm.TokEnd < end && !mm.Pronoun {
			return []int{a}
		}
	}
	return nil
}

// inRelative reports whether token k is inside a relative clause set off
// by commas that closes before token v: "The rebels, who rejected the
// agreement, kidnapped four soldiers" is the rebels' kidnapping, not one
// they report.
func inRelative(toks []text.Token, k, v int) bool {
	c := relativeClose(toks, k, k+1)
	return c >= 0 && c < v
}

// relativeClose returns the comma that closes a relative clause set off
// by commas holding the verb at token v (", who rejected the agreement,"),
// the first after token from; -1 when v is in no such clause.
func relativeClose(toks []text.Token, v, from int) int {
	open := false
	for k := v - 1; k > 0 && !open; k-- {
		if toks[k].Norm == "," || toks[k].Kind == text.Punct && toks[k].Norm != "-" {
			return -1
		}
		open = (toks[k].Norm == "who" || toks[k].Norm == "which") && toks[k-1].Norm == ","
	}
	if !open {
		return -1
	}
	for k := from; k < len(toks); k++ {
		if toks[k].Norm == "," {
			return k
		}
	}
	return -1
}

// inOfPhrase reports whether the words before token t, back over an
// article and lower-case modifiers, start with "of".
func inOfPhrase(toks []text.Token, t int) bool {
	for k := t - 1; k >= 0 && k >= t-4; k-- {
		switch {
		case toks[k].Norm == "of":
			return true
		case determiners.At(&toks[k]) || toks[k].Shape == text.Lower && toks[k].Kind == text.Word:
			continue
		}
		return false
	}
	return false
}

// describesName reports whether the generic agent g right after the
// named actor n only says what n is: "rebel group" of "the M23 rebel
// group", "militia" of "the Wagner militia".
func describesName(n, g *gazetteer.Mention) bool {
	gc, nc := string(g.Code), string(n.Code)
	return strings.HasPrefix(gc, domain.UnknownCountry) && len(gc) >= 6 && len(nc) > 6 &&
		!strings.HasPrefix(nc, domain.UnknownCountry) && nc[3:6] == gc[3:6] && !g.Pronoun && !n.Pronoun
}

// attachedTo returns the actor a mention starting at token t is attached
// to by allegiance or support ("militants loyal to the Islamic State",
// "rebels backed by Rwanda", "fighters linked to al-Qaeda"): the head of
// the noun phrase, which is the subject of a verb after it.
func attachedTo(toks []text.Token, endAt mentionIndex, t int) (int, bool) {
	j := t - 1
	if j > 0 && toks[j].Norm == "the" {
		j--
	}
	if j < 2 {
		return 0, false
	}
	switch toks[j].Norm {
	case "to", "with", "by":
	default:
		return 0, false
	}
	if !attachWords.At(&toks[j-1]) {
		return 0, false
	}
	return endAt.get(j - 1)
}

// attachWords tie an actor to the one after them.
var attachWords = text.NewWordSet("loyal", "linked", "tied", "close", "allied", "aligned", "affiliated", "connected",
	"sympathetic", "backed", "supported", "funded", "armed", "trained", "sponsored", "led", "commanded", "financed")

// inPlaceName reports whether token k of sentence si is in a place's name.
func inPlaceName(d *Doc, si, k int) bool {
	for _, i := range d.Sentence[si] {
		if m := &d.Mentions[i]; m.Type == domain.MentionPlace && m.Tok <= k && k < m.TokEnd {
			return true
		}
	}
	return false
}

// relativeAntecedent returns the subject of the verb at token v when a
// relative clause stands between them: the actor right before a "who" or
// "which" that opens the sentence's clause, with no comma, subordinator or
// other relative pronoun up to the verb; or nil.
func relativeAntecedent(d *Doc, si, v int, endAt mentionIndex) []int {
	toks := d.tokens(si)
	for k := v - 1; k > 0; k-- {
		w := toks[k].Norm
		switch {
		case w == "who" || w == "which":
			a, ok := endAt.get(k)
			if !ok || k+2 >= v {
				return nil
			}
			// The antecedent opens its clause: "Two Russian citizens
			// who …", not "… talks with officials who …".
			if start := clauseStart(toks, d.Mentions[a].Tok); start != d.Mentions[a].Tok && !(start+1 == d.Mentions[a].Tok && determiners.At(&toks[start])) && !(d.Mentions[a].Tok > start && allQuantity(toks[start:d.Mentions[a].Tok])) {
				return nil
			}
			return coordinated(d, si, a, endAt)
		case boundaries.At(&toks[k]) || w == "," || w == "that" || subordinator(toks, k):
			return nil
		}
	}
	return nil
}

// allQuantity reports whether the tokens before a mention only count it
// ("two", "dozens of").
func allQuantity(toks []text.Token) bool {
	for _, t := range toks {
		if !quantityWord(t) && t.Norm != "of" && !determiners.Has(t.Norm) {
			return false
		}
	}
	return true
}

// quantityWord reports whether a token counts what follows: "20", "two",
// "dozens".
func quantityWord(t text.Token) bool {
	return t.Kind == text.Number || numberWords[t.Norm] > 0 || vague[t.Norm] > 0
}

// postHolder returns the holder of a post when mention a names the body
// the post is at: in "Azerbaijan's ambassador to the United Nations,
// Yashar Aliyev, said" the speaker is Azerbaijan's ambassador, not the
// United Nations. Otherwise a.
func postHolder(toks []text.Token, endAt mentionIndex, a int) int {
	t := endAt.d.Mentions[a].Tok
	if t > 0 && toks[t-1].Norm == "the" {
		t--
	}
	if t > 0 && (toks[t-1].Norm == "to" || toks[t-1].Norm == "at") {
		if h, ok := endAt.get(t - 1); ok {
			return h
		}
	}
	return a
}

// openBracket returns the "(" that opens the short bracket closed at
// token c, holding only words ("(ILO)", "(Freedom Party)"), or -1.
func openBracket(toks []text.Token, c int) int {
	for k := c - 1; k >= 0 && k >= c-5; k-- {
		switch {
		case toks[k].Norm == "(":
			if k == c-1 {
				return -1
			}
			return k
		case toks[k].Kind != text.Word:
			return -1
		}
	}
	return -1
}

// namedApposition reports whether the words between the commas at tokens
// p and c are one actor mention (with its abbreviation in brackets, and
// an article): the second name of the actor before the first comma.
func namedApposition(d *Doc, toks []text.Token, endAt mentionIndex, p, c int) bool {
	q := c
	if q > 0 && toks[q-1].Norm == ")" {
		if o := openBracket(toks, q-1); o >= 0 {
			q = o
		}
	}
	b, ok := endAt.get(q)
	if !ok {
		return false
	}
	start := p + 1
	if start < len(toks) && toks[start].Norm == "the" {
		start++
	}
	return d.Mentions[b].Tok == start
}

// properName reports whether tokens [from, to) are two to five
// capitalised words: a person's or a body's name.
func properName(toks []text.Token, from, to int) bool {
	if to-from < 2 || to-from > 5 {
		return false
	}
	for k := from; k < to; k++ {
		if toks[k].Kind != text.Word || !toks[k].Capitalised() {
			return false
		}
	}
	return true
}

func prevComma(toks []text.Token, i int) int {
	for k := i - 1; k >= 0; k-- {
		switch toks[k].Norm {
		case ",":
			return k
		case ";", ":":
			return -1
		}
	}
	return -1
}

// appositive reports whether the phrase starting at token i describes the
// noun before it: "an adviser to", "the president of", "who", "which".
func appositive(toks []text.Token, i int) bool {
	if i >= len(toks) {
		return false
	}
	switch toks[i].Norm {
	case "a", "an", "the", "who", "which", "whose", "himself", "herself", "itself", "its", "his", "her", "their",
		"mostly", "mainly", "many", "most", "including", "among", "all", "both", "nearly", "almost":
		// (Or what they count or include: "130 people, mostly ethnic
		// Fulani, were killed".)
		return true
	}
	if postWords.At(&toks[i]) {
		return true // "Flavia Piccoli, Vice President of the Commission …, condemned"
	}
	return toks[i].Capitalised() && i+1 < len(toks) && toks[i+1].Norm == "'s"
}

// participlePhrase reports whether a phrase set off by commas at token i
// qualifies the noun before it with a participle and its agent or tie:
// "The Gran Grif gang, led by Luckson Elan, claimed …", "militias,
// backed by Rwanda, attacked", "the group, loyal to the old regime, …".
func participlePhrase(d *Doc, toks []text.Token, i int) bool {
	if i+1 >= len(toks) || toks[i].Shape != text.Lower {
		return false
	}
	switch toks[i+1].Norm {
	case "by", "to", "in", "with", "from":
	default:
		return false
	}
	return attachWords.At(&toks[i]) || pastOfVerb(d, toks[i].Norm)
}

// postWords open the name of a post set off after a person's name.
var postWords = text.NewWordSet("president", "vice", "minister", "secretary", "chief", "head", "director", "chairman",
	"chairwoman", "deputy", "former", "senior", "leader", "spokesman", "spokeswoman", "spokesperson",
	"ambassador", "envoy", "governor", "mayor", "commander", "prime", "foreign", "defence", "defense",
	"interior", "member", "adviser", "advisor", "coordinator", "representative", "commissioner")

// coordinated returns the mention a with the actor mentions coordinated
// before it ("X, Y and Z").
func coordinated(d *Doc, si, a int, endAt mentionIndex) []int {
	toks := d.tokens(si)
	if b, ok := endAt.get(d.Mentions[a].Tok); ok && describesName(&d.Mentions[b], &d.Mentions[a]) && !inOfPhrase(toks, d.Mentions[b].Tok) {
		// "The M23 rebel group": the group named, not "rebel group"
		// (but "dissidents of the former FARC rebel group" are not the
		// FARC).
		a = b
	}
	out := []int{a}
	for {
		k := d.Mentions[out[0]].Tok
		if k >= 4 && toks[k-2].Norm == "the" && adjectiveOfParty(d, toks[k-1]) {
			k-- // "Sudan's army and the paramilitary Rapid Support Forces"
		}
		if k >= 3 && toks[k-1].Norm == "the" {
			k-- // "Brazil and the United States"
		}
		if k >= 3 && (toks[k-1].Norm == "their" || toks[k-1].Norm == "its") && toks[k-2].Norm == "and" {
			k-- // "security services and their militia allies"
		}
		if k < 2 {
			break
		}
		w := toks[k-1].Norm
		// The separator nearest the verb is "and" ("X, Y and Z"); a comma
		// there ends a fronted phrase ("…, Azerbaijan agreed").
		if w != "and" && w != "&" && (w != "," || len(out) == 1) {
			break
		}
		if (w == "and" || w == "&") && k >= 3 && toks[k-2].Norm == "," {
			k-- // "X, Y, and Z"
		}
		b, ok := endAt.get(k - 1)
		if !ok {
			break
		}
		if len(out) == 1 && newClauseSubject(d, toks, &d.Mentions[out[0]]) && objectAfterVerb(d, toks, listStart(d, toks, b, endAt), true) {
			// "Hamas released more hostages and Israel freed …": the
			// object of the clause before is no co-subject.
			break
		}
		out = append([]int{b}, out...)
	}
	return out
}

// supplier reports whether a mention names who made or gave a thing, not
// a party to the act: "U.S.-supplied missiles", "Iranian-made drones".
func supplier(toks []text.Token, m *gazetteer.Mention) bool {
	return m.TokEnd+1 < len(toks) && toks[m.TokEnd].Norm == "-" && suppliedBy.At(&toks[m.TokEnd+1])
}

var suppliedBy = text.NewWordSet("supplied", "made", "built", "funded", "provided", "donated", "manufactured", "designed", "produced",
	"approved", "mandated", "endorsed", "backed", "sponsored")

// frontierNouns name a line between countries: "the border with China".
var frontierNouns = text.NewWordSet("border", "borders", "frontier", "frontiers", "boundary")

// placeNouns after a country's adjective make it a place's: "the Saudi
// city of Jeddah".
var placeNouns = text.NewWordSet("city", "town", "village", "capital", "port", "province", "region", "district", "border",
	"territory", "coast", "island", "enclave", "exclave", "side", "state", "county", "governorate")

// adjectiveOfParty reports whether a token is a plain lower-case word
// that may qualify a party after "the" ("the paramilitary RSF", "the
// rebel M23"): no finite verb, preposition, conjunction or determiner.
func adjectiveOfParty(d *Doc, t text.Token) bool {
	return t.Kind == text.Word && t.Shape == text.Lower && !prepositions.Has(t.Norm) &&
		!isFiniteVerb(d, t.Norm) && t.Norm != "and" && t.Norm != "or" && !determiners.Has(t.Norm)
}

// listStart returns the first mention of the list that mention b ends
// ("Qatar" of "by Qatar and Egypt").
func listStart(d *Doc, toks []text.Token, b int, endAt mentionIndex) *gazetteer.Mention {
	for {
		k := d.Mentions[b].Tok
		if k < 2 || toks[k-1].Norm != "and" && toks[k-1].Norm != "," {
			return &d.Mentions[b]
		}
		a, ok := endAt.get(k - 1)
		if !ok {
			return &d.Mentions[b]
		}
		b = a
	}
}

// objectAfterVerb reports whether a mention follows a finite verb or a
// preposition closely ("released more hostages", "mediation by Qatar"):
// an object, not a subject.
func objectAfterVerb(d *Doc, toks []text.Token, m *gazetteer.Mention, preps bool) bool {
	j := m.Tok - 1
	for n := 0; n < 2 && j >= 0 && (determiners.At(&toks[j]) || toks[j].Kind == text.Number || toks[j].Norm == "more"); n++ {
		j-- // "released more hostages", "freed 39 prisoners"
	}
	if j < 0 || toks[j].Shape != text.Lower {
		return false
	}
	w := toks[j].Norm
	// A subordinator opens a clause whose subjects follow it: "hours after
	// Armenia and Azerbaijan agreed".
	if j > 0 && toks[j-1].Norm == "to" && d.verbs.IsVerb(w) {
		return true // "crowds trying to reach parliament, and some protesters set fire …"
	}
	if sayVerbs.At(&toks[j]) {
		return false // "said India and Pakistan agreed": the reported clause's subjects
	}
	return isFiniteVerb(d, w) || d.verbs.IsPast(w) || preps && prepositions.At(&toks[j]) && !subordinator(toks, j)
}

// objectOf finds the target of a verb: the actor mention in the T slot, or
// the first after the trigger in its clause (its direct object, or after
// against/with/on/to/from/at). Verbs of saying take only an addressee
// ("told Armenia", "said to X").
func objectOf(d *Doc, si int, dr *draft, actors []int) []int {
	toks := d.tokens(si)
	m := dr.match
	if dr.gov != nil && dr.gov.Target >= 0 {
		// "ordered Azerbaijan to allow the Armenians to return": whom
		// the demand is put to, not whom the act it asks for concerns.
		for _, a := range actors {
			if t := d.Mentions[a].Tok; t >= dr.gov.Target && t < dr.gov.Target+6 && t < m.Start {
				return coordinatedAfter(d, si, a, actors)
			}
		}
	}
	if m.Target >= 0 {
		for _, a := range withCountries(d, si, actors) {
			if t := d.Mentions[a].Tok; t >= m.Target && t < m.Target+6 {
				return coordinatedAfter(d, si, a, actors)
			}
		}
		if k := slices.IndexFunc(m.Trigger, func(k int) bool { return k > m.Target }); k >= 0 && toks[m.Trigger[k]].Norm == "of" {
			// A slot closed by "of" ("accused the group of …") that
			// names no actor: whom, the sentence does not say; not an
			// actor named in the charge ("of using civilian buildings").
			return nil
		}
	}
	// The object follows the verb, inside the words the pattern spans
	// when it has a gap ("jailed a Nigerian student for …").
	from := m.End
	if !m.Nominal && m.Head+1 < m.End {
		from = m.Head + 1
	}
	if dr.gov != nil && dr.gov.Target >= 0 {
		for _, a := range actors {
			if t := d.Mentions[a].Tok; t >= dr.gov.Target && t < dr.gov.Target+6 {
				return coordinatedAfter(d, si, a, actors)
			}
		}
	}
	if dr.gov != nil && dr.gov.End <= m.Start {
		// "urged Baku to withdraw": the governor's object.
		for _, a := range withCountries(d, si, actors) {
			mm := &d.Mentions[a]
			if mm.Tok >= dr.gov.End && mm.TokEnd <= m.Start {
				return []int{a}
			}
		}
	}
	// A country named as a place is the target where the verb aims at it
	// ("fired … at Russia"), not where it happens ("in Syria").
	for _, i := range d.Sentence[si] {
		mm := &d.Mentions[i]
		if isActor(mm) || mm.Code == "" || mm.Precision != domain.PrecisionCountry || mm.Tok < from {
			continue
		}
		if slices.ContainsFunc(dr.source, func(s int) bool { return d.Mentions[s].Country == mm.Country }) {
			continue // "bans on travel to Canada" by Canada's government
		}
		if mm.Tok > 0 {
			switch toks[mm.Tok-1].Norm {
			case "in", "inside", "across", "throughout", "near", "within", "from", "into", "over", "off", "outside", "along":
				continue
			case "of":
				if mm.Tok >= 2 && directionWords.At(&toks[mm.Tok-2]) {
					continue // "the town of Cabaret north of Haiti's capital": where
				}
			case "at", "on":
				if mm.TokEnd+1 < len(toks) && toks[mm.TokEnd].Norm == "'s" && !behalfNouns.At(&toks[mm.TokEnd+1]) {
					// "opened fire on visitors at Tunisia's museum": where
					// (but "at Armenia's request" is on its behalf).
					continue
				}
			}
		}
		actors = append(slices.Clone(actors), i)
		slices.SortFunc(actors, func(a, b int) int { return d.Mentions[a].Tok - d.Mentions[b].Tok })
	}
	end := predicateEnd(d, toks, from, clauseEnd(toks, from-1))
	if c := relativeClose(toks, m.Start, from); c >= 0 && c < end {
		// "The rebels, who rejected the agreement, kidnapped four
		// soldiers": the relative clause ends at its comma.
		end = c
	}
	// A purpose clause ("… to protect their people") names no target.
	for k := max(from, m.End); k+1 < end; k++ {
		if toks[k].Norm == "to" && toks[k+1].Shape == text.Lower && d.verbs.IsVerb(toks[k+1].Norm) && !startsActor(d, si, k+1, actors) {
			end = k
			break
		}
	}
	report := classOf(&m) == classReport
	broker := -1 // the end of a go-between named after "brokered by"
	for _, a := range actors {
		mm := &d.Mentions[a]
		if mm.Tok < from || mm.Tok >= end {
			continue
		}
		// Skip a mention inside an "of"-phrase of a non-actor noun ("the
		// surrender of their weapons") and places with "in".
		prev := ""
		if mm.Tok > 0 {
			prev = toks[mm.Tok-1].Norm
		}
		if report && !(prev == "to" || mm.Tok == from && addressVerbs.At(&toks[m.Head])) {
			if codebook.Root(m.Code) == "11" {
				// "alleged that France was aware of …": whom the
				// allegation is about is the clause's subject.
				return coordinatedAfter(d, si, a, actors)
			}
			// "said Azerbaijani troops shelled …": the clause's subject,
			// not an addressee.
			return nil
		}
		if mm.Metonymy && (prev == "in" || prev == "near" || prev == "at") {
			continue
		}
		if j := mm.Tok - 1; j > 1 && directionWords.At(&toks[j]) && toks[j-1].Norm == "the" && mm.TokEnd < len(toks) &&
			placeNouns.At(&toks[mm.TokEnd]) && len(mm.Code) == 3 && scenePrep[toks[j-2].Norm] {
			continue // "in the southwestern Pakistani city of Quetta"
		}
		if mm.TokEnd < len(toks) && placeNouns.At(&toks[mm.TokEnd]) && len(mm.Code) == 3 && mm.Tok >= 2 &&
			toks[mm.Tok-1].Norm == "the" && scenePrep[toks[mm.Tok-2].Norm] {
			// "talks in the Saudi city of Jeddah", "in the Azerbaijani
			// town of Yevlakh": where, not whom.
			continue
		}
		if prev == "by" && !m.Passive && !dr.match.Nominal && codebook.Root(m.Code) >= "18" && mm.Tok >= 2 && pastOfVerb(d, toks[mm.Tok-2].Norm) {
			// "shelled Kramatorsk after the ceasefire ordered by Putin":
			// the agent of another verb, not the attack's target.
			continue
		}
		if supplier(toks, mm) {
			continue // "a depot of U.S.-supplied missiles": who supplied them
		}
		if (prev == "with" || prev == "of") && mm.Tok >= 2 && frontierNouns.At(&toks[mm.Tok-2]) &&
			(strings.HasPrefix(m.Code, "192") || strings.HasPrefix(m.Code, "171")) {
			// "seized towns along the border with China": where the
			// land taken lies, not whom it is taken from ("deploy troops
			// to the border with Syria" is aimed at Syria).
			continue
		}
		if alongWith(toks, mm.Tok) {
			// "would leave the bloc along with Mali and Burkina Faso":
			// who does it too, not to whom.
			continue
		}
		if prev == "with" && mm.Tok >= 2 && (toks[mm.Tok-2].Norm == "crossing" || toks[mm.Tok-2].Norm == "crossings") {
			// "open the Adre border crossing with Chad": where, not whom.
			continue
		}
		if prev == "through" || prev == "via" || prev == "the" && mm.Tok >= 2 && (toks[mm.Tok-2].Norm == "through" || toks[mm.Tok-2].Norm == "via") {
			// "provide $200 million in food aid through the World Food
			// Programme": the channel, not whom it is for.
			continue
		}
		if gappedSubject(toks, mm) {
			// "Saudi Arabia pledged $100 million and the European Union
			// 250 million euros": another giver, not a receiver.
			continue
		}
		if (prev == "to" || prev == "as") && mm.Tok >= 2 && toks[mm.Tok-2].Norm == "known" {
			// "visited Khankendi, the city known to Armenians as
			// Stepanakert": who calls it so, not whom the act is aimed at.
			continue
		}
		if mm.Sector == "" && mm.Country != "" && overPlace(toks, mm.Tok) {
			// "blown up over eastern Ukraine": where, not whom.
			continue
		}
		if movesForces(m.Code, toks[m.Head].Norm) && overlaps(mm, dr.trigger) {
			// "sent Russian troops to …", "withdrew peacekeepers from
			// …": the forces moved are the mover's, not whom they are
			// sent against or taken from.
			continue
		}
		if strings.HasPrefix(string(mm.Code), domain.UnknownCountry) && mm.Tok > 0 && ownPossessive.At(&toks[mm.Tok-1]) {
			// "offered its troops to …": the subject's own, not a target.
			continue
		}
		if brokerAgent(toks, mm.Tok, m.End) {
			// "exchanged prisoners in a swap brokered by the United
			// Arab Emirates": the go-between, not whom the act is aimed at.
			broker = mm.TokEnd
			continue
		}
		if broker >= 0 && mm.Tok <= broker+2 && mm.Tok > broker && (toks[mm.Tok-1].Norm == "and" || toks[mm.Tok-1].Norm == ",") {
			broker = mm.TokEnd // "brokered by the United States and France"
			continue
		}
		if prev == "at" && codebook.Root(m.Code) <= "10" && (mm.TokEnd >= len(toks) || toks[mm.TokEnd].Norm != "'s") {
			// "signed a joint declaration at the White House": the
			// venue, not a party; and none after it ("speaking to the
			// BBC at the White House before departing for Kenya").
			// "at Armenia's request" names who asked.
			return nil
		}
		if mm.TokEnd < len(toks) && sayVerbs.At(&toks[mm.TokEnd]) && !(mm.TokEnd+1 < len(toks) && toks[mm.TokEnd+1].Norm == "of") {
			// "…, the defence ministry said": the speaker of the
			// sentence, not the target (but "two Chinese companies
			// accused of supplying drone parts" are accused, and the
			// target).
			return nil
		}
		if mm.Tok > from && newClauseSubject(d, toks, mm) {
			// "laid down their weapons and the separatist
			// administration dissolved itself": the subject of the
			// next clause, not this verb's object.
			return nil
		}
		return coordinatedAfter(d, si, a, actors)
	}
	return nil
}

// brokerAgent reports whether the mention at token tok is the agent of a
// participle of mediation or support after end: "a swap brokered by the
// United Arab Emirates".
func brokerAgent(toks []text.Token, tok, end int) bool {
	j := tok - 1
	if j >= 0 && determiners.At(&toks[j]) {
		j--
	}
	return j >= 1 && j-1 >= end && toks[j].Norm == "by" && brokeredBy.At(&toks[j-1])
}

// brokeredBy are the participles that name a go-between after "by".
var brokeredBy = text.NewWordSet("brokered", "mediated", "hosted", "facilitated", "organised", "organized", "arranged",
	"sponsored", "backed", "supported", "overseen", "monitored", "guaranteed")

// overPlace reports whether the country named at token k is the place of
// a verb of motion or force ("over eastern Ukraine", "across Syria").
func overPlace(toks []text.Token, k int) bool {
	if k > 0 && directions.At(&toks[k-1]) {
		k--
	}
	if k == 0 {
		return false
	}
	switch toks[k-1].Norm {
	case "over", "across", "throughout", "inside", "off":
		return true
	}
	return false
}

var directions = text.NewWordSet("north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
	"northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern")

// movesForces reports whether a code moves forces named in its own words:
// deploying (15, 074), withdrawing (0874) or pulling out one's own (166
// by withdraw, pull or recall; an expulsion's object is its target).
func movesForces(code, verb string) bool {
	if strings.HasPrefix(code, "166") {
		return strings.HasPrefix(verb, "withdr") || strings.HasPrefix(verb, "pull") || strings.HasPrefix(verb, "recall")
	}
	return codebook.Root(code) == "15" || strings.HasPrefix(code, "0874") || strings.HasPrefix(code, "074")
}

// predicateEnd returns where the predicate that starts at token from ends,
// at end at the latest: before "and" and a finite verb, which starts a
// predicate of its own ("condemned the attack and said the U.S. was
// willing to assist Tunisian authorities" condemned no authorities), and
// before a clause of time ("entered the town after government troops
// withdrew" entered it, not the troops).
func predicateEnd(d *Doc, toks []text.Token, from, end int) int {
	for k := from; k+1 < end; k++ {
		if toks[k].Norm == "and" && toks[k+1].Shape == text.Lower && (sayVerbs.At(&toks[k+1]) || isFiniteVerb(d, toks[k+1].Norm)) {
			return k
		}
		if k > from && timeClauses.At(&toks[k]) && !isGerund(toks[k+1].Norm) && finiteWithin(d, toks, k+2, min(end, k+9)) {
			return k
		}
	}
	return end
}

// timeClauses open a clause of time when a finite verb follows. (A
// clause of "until" or "before" is often what the act waits on, and
// names its target: "will not lift the embargo until China signs".)
var timeClauses = text.NewWordSet("after", "when", "while", "since")

// finiteWithin reports whether a finite verb (a lower-case past or
// third-person form after a word that can end a subject, not after an
// article or "and": "allied militias" is no verb) comes in tokens [a, b)
// before any punctuation.
func finiteWithin(d *Doc, toks []text.Token, a, b int) bool {
	for k := a; k < b && k < len(toks); k++ {
		t := &toks[k]
		if t.Kind == text.Punct {
			return false
		}
		if t.Shape == text.Lower && (isFiniteVerb(d, t.Norm) || d.verbs.IsPast(t.Norm)) {
			switch p := toks[k-1].Norm; {
			case determiners.At(&toks[k-1]), p == "and", p == "or", p == "of", p == "with", p == "the", p == "a", p == "an":
				continue
			}
			return true
		}
	}
	return false
}

// isFiniteVerb reports whether a word is the past or third-person form of
// a verb the codebook knows: "said", "offered", "urges".
func isFiniteVerb(d *Doc, w string) bool {
	if len(w) < 4 {
		return false
	}
	if strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		return d.verbs.IsVerb(w[:len(w)-1]) && !d.verbs.IsVerb(w)
	}
	return pastOfVerb(d, w)
}

// overlaps reports whether a mention holds one of the trigger tokens.
func overlaps(m *gazetteer.Mention, trigger []int) bool {
	for _, t := range trigger {
		if t >= m.Tok && t < m.TokEnd {
			return true
		}
	}
	return false
}

// newClauseSubject reports whether mention mm opens a clause of its own
// after "and" or "but": "… and the administration dissolved itself", "…
// but the rebels were still fighting".
func newClauseSubject(d *Doc, toks []text.Token, mm *gazetteer.Mention) bool {
	k := mm.Tok - 1
	if k >= 0 && toks[k].Norm == "the" {
		k--
	}
	if k < 0 || (toks[k].Norm != "and" && toks[k].Norm != "but") || mm.TokEnd >= len(toks) {
		return false
	}
	next := toks[mm.TokEnd]
	if next.Shape != text.Lower {
		return false
	}
	switch next.Norm {
	case "was", "were", "is", "are", "has", "have", "had", "would", "will", "could", "said", "says":
		return true
	}
	return len(next.Norm) >= 5 && pastOfVerb(d, next.Norm) || d.verbs.IsPast(next.Norm)
}

// pastOfVerb reports whether w is the -ed form of a verb the codebook
// knows: dissolved, attacked, stopped, carried.
func pastOfVerb(d *Doc, w string) bool {
	if !strings.HasSuffix(w, "ed") || len(w) < 4 {
		return false
	}
	for _, base := range []string{w[:len(w)-1], w[:len(w)-2], w[:len(w)-3], w[:len(w)-3] + "y"} {
		if d.verbs.IsVerb(base) {
			return true
		}
	}
	return false
}

// coordinatedAfter returns mention a and the actor mentions coordinated
// after it ("between Azerbaijan and representatives of …").
func coordinatedAfter(d *Doc, si, a int, actors []int) []int {
	toks := d.tokens(si)
	out := []int{a}
	for {
		last := &d.Mentions[out[len(out)-1]]
		k := last.TokEnd
		if k >= len(toks) || (toks[k].Norm != "and" && toks[k].Norm != ",") {
			return out
		}
		next := -1
		for _, b := range actors {
			if d.Mentions[b].Tok > k && d.Mentions[b].Tok <= k+4 {
				next = b
				break
			}
		}
		if next < 0 {
			return out
		}
		// Only across plain words ("and representatives of"), and no
		// verb of saying ("denied targeting civilians and said its
		// forces …": a clause of its own).
		for j := k + 1; j < d.Mentions[next].Tok; j++ {
			if toks[j].Kind == text.Punct || sayVerbs.At(&toks[j]) && toks[j].Shape == text.Lower {
				return out
			}
		}
		if toks[k].Norm == "," {
			// A comma joins a list only when the list goes on with
			// "and" or another comma ("X, Y and Z").
			e := d.Mentions[next].TokEnd
			if e >= len(toks) || (toks[e].Norm != "and" && toks[e].Norm != ",") {
				return out
			}
		}
		if supplier(toks, &d.Mentions[next]) {
			return out // "a warship and a depot of U.S.-supplied missiles"
		}
		if gappedSubject(toks, &d.Mentions[next]) {
			return out // "pledged $100 million for Sudan and the European Union 250 million euros"
		}
		if newClauseSubject(d, toks, &d.Mentions[next]) && objectAfterVerb(d, toks, &d.Mentions[out[0]], false) {
			// "released more hostages and Israel freed …": the next
			// clause's subject, not one more object ("talks between X
			// and Y ended" is a list).
			return out
		}
		out = append(out, next)
	}
}

// byAgent finds the agent of a passive verb: the actor after "by".
// fromAgent returns the actor after "from" that closes a spelled-out
// passive ("faced criticism from Congress"), or nil.
func fromAgent(d *Doc, si, from int, actors []int) []int {
	toks := d.tokens(si)
	if from >= len(toks) || toks[from].Norm != "from" {
		return nil
	}
	for _, a := range actors {
		if t := d.Mentions[a].Tok; t > from && t <= from+3 {
			return coordinatedAfter(d, si, a, actors)
		}
	}
	// "from Azerbaijan" reads as a place; here it is the country.
	for _, i := range d.Sentence[si] {
		if m := &d.Mentions[i]; m.Tok > from && m.Tok <= from+2 && m.Precision == domain.PrecisionCountry && m.Code != "" {
			return []int{i}
		}
	}
	return nil
}

func byAgent(d *Doc, si, from int, actors []int) []int {
	toks := d.tokens(si)
	for k := from; k < len(toks) && k < from+6; k++ {
		if toks[k].Norm != "by" {
			continue
		}
		for _, a := range actors {
			if t := d.Mentions[a].Tok; t > k && t <= k+3 {
				return coordinatedAfter(d, si, a, actors)
			}
		}
	}
	return nil
}

// nominalActors finds the actors of an event named by a noun: a
// possessive or adjective before it ("Azerbaijan’s offensive", "Russian
// airstrikes"), "by X" after it; the target after on/against/in; and
// "between X and Y" (both).
func nominalActors(d *Doc, si int, dr *draft, actors []int) (src, tgt []int) {
	toks := d.tokens(si)
	m := dr.match
	// Before: within four tokens, an actor mention followed by 's or an
	// adjective-like demonym directly before the noun phrase.
	for _, a := range actors {
		mm := &d.Mentions[a]
		// An actor may run into the noun phrase ("Azerbaijan's military
		// operation" read with "military" in the actor).
		if mm.Tok >= m.Start || mm.TokEnd < m.Start-4 {
			continue
		}
		ok := true
		for j := mm.TokEnd; j < m.Start; j++ {
			if toks[j].Kind == text.Punct && toks[j].Norm != "-" || prepositions.At(&toks[j]) || timeSubordinators.At(&toks[j]) ||
				toks[j].Shape == text.Lower && !copulas.At(&toks[j]) && (sayVerbs.At(&toks[j]) || isFiniteVerb(d, toks[j].Norm)) {
				// "Earnest condemned the attack": the attack is not his.
				ok = false
			}
		}
		if ok {
			src = []int{a}
		}
	}
	// The attribution closing the sentence names no party: "in a bomb
	// attack on Thursday, police said".
	for k := m.Head + 1; k < len(toks); k++ {
		if attribution(toks, k) {
			actors = slices.DeleteFunc(slices.Clone(actors), func(a int) bool { return d.Mentions[a].Tok > k })
			break
		}
	}
	// The pattern's own "by" names the doer ("brokered by", "mediated by").
	for k := m.Start + 1; k <= m.Head; k++ {
		if toks[k].Norm == "by" {
			for _, a := range actors {
				if d.Mentions[a].Tok > k && d.Mentions[a].Tok <= k+3 {
					src = []int{a}
				}
			}
		}
	}
	for k := m.Head + 1; k < len(toks) && k < m.End+3; k++ {
		switch toks[k].Norm {
		case "between", "among":
			for _, a := range actors {
				if d.Mentions[a].Tok > k && d.Mentions[a].Tok <= k+3 {
					both := coordinatedAfter(d, si, a, actors)
					if len(src) == 0 {
						return both, nil
					}
					return src, both
				}
			}
		case "by":
			for _, a := range actors {
				if d.Mentions[a].Tok > k && d.Mentions[a].Tok <= k+3 {
					src = []int{a}
				}
			}
		case "on", "against", "with", "targeting", "to":
			if otherVerbBetween(d, si, m.End, k) {
				// "the attack was blamed on Hamas": another event's
				// preposition ("a travel ban was imposed on X" is the
				// ban's).
				continue
			}
			for _, a := range actors {
				if d.Mentions[a].Tok > k && d.Mentions[a].Tok <= k+3 {
					tgt = []int{a}
					break
				}
			}
		}
	}
	if len(tgt) == 0 && m.Target >= 0 {
		// The pattern's own slot: "arming T" ("arming the RSF").
		for _, a := range actors {
			if t := d.Mentions[a].Tok; (t == m.Target || t == m.Target+1 && determiners.At(&toks[m.Target])) && !slices.Contains(src, a) {
				tgt = coordinatedAfter(d, si, a, actors)
				break
			}
		}
	}
	return src, tgt
}

// imposedOn reports whether "on", "upon" or "against" stands before a
// mention (past a "the"): whom a measure is imposed on.
func imposedOn(toks []text.Token, m *gazetteer.Mention) bool {
	j := m.Tok - 1
	if j > 0 && toks[j].Norm == "the" {
		j--
	}
	return j >= 0 && (toks[j].Norm == "on" || toks[j].Norm == "upon" || toks[j].Norm == "against")
}

// otherVerbBetween reports whether the verb of another pattern matched in
// sentence si stands in tokens [a, b).
func otherVerbBetween(d *Doc, si, a, b int) bool {
	for _, m := range d.Matches[si] {
		if !m.Nominal && m.Head >= a && m.Head < b {
			return true
		}
	}
	return false
}

// timeSubordinators open a time adjunct: "have left for Armenia since the
// offensive" is not Armenia's offensive.
var timeSubordinators = text.NewWordSet("since", "after", "before", "until", "while", "when", "once", "during")

// startsActor reports whether an actor mention starts at token k.
func startsActor(d *Doc, si, k int, actors []int) bool {
	for _, a := range actors {
		if d.Mentions[a].Tok == k {
			return true
		}
	}
	return false
}

var determiners = text.NewWordSet("the", "a", "an", "their", "its", "his", "her", "our", "your", "this", "that", "these",
	"those", "both", "all", "some", "several", "many", "other", "each", "every")

// plausible settles a draft's actors and drops what is not an event: a
// verb used as an adjective ("Karabakh, internationally recognized as
// part of Azerbaijan"), a plain verb of saying with no addressee, an
// event of an actor with itself. "Between X and Y" with no subject makes
// X the source and Y the target; a demand, protest or accusation with no
// target is aimed at the other party the sentence names.
func (c *Coder) plausible(d *Doc, si int, dr *draft, actors []int) bool {
	toks := d.tokens(si)
	m := dr.match
	if m.Nominal && dr.gov == nil {
		k := m.Start - 1
		for k >= 0 && (determiners.At(&toks[k]) || possessives.At(&toks[k])) {
			k--
		}
		if k >= 0 && toks[k].Norm == "despite" {
			// "air strikes on villages despite the truce": a truce the
			// sentence takes as given, no new one.
			return false
		}
	}
	if (len(dr.source) == 0 || actNoun(toks, dr.match, -1)) && len(dr.target) >= 2 {
		// "clashes between X and Y", and "killed in fighting between X
		// and Y" (the verb's word a noun: whoever precedes it fights no
		// one): X against Y.
		if k := d.Mentions[dr.target[0]].Tok; k > 0 && (toks[k-1].Norm == "between" || toks[k-1].Norm == "among") {
			dr.source, dr.target = dr.target[:1], dr.target[1:2]
		}
	}
	dr.target = slices.DeleteFunc(slices.Clone(dr.target), func(t int) bool {
		for _, s := range dr.source {
			if d.Mentions[s].Code == d.Mentions[t].Code {
				return true
			}
		}
		return false
	})
	if m.Form == codebook.Gerund && background(toks, m.Start, dr.source, d) {
		return false
	}
	if !m.Nominal && agentInGap(d, toks, m, actors) {
		// "was hosted by Iranian Foreign Minister X": the words after
		// "by" do the act; they are not its object.
		return false
	}
	if m.Strict && !(len(dr.source) > 0 && (dr.shared || adjacentSubject(d, toks, dr)) && directObject(d, toks, dr)) {
		return false
	}
	if codebook.Root(dr.code) == "04" && visitLike(toks, dr) && len(dr.source) > 0 {
		// "Thousands of refugees arrived in Goris": people on the move,
		// not a visit.
		switch d.Mentions[dr.source[0]].Sector {
		case "CVL", "REF":
			return false
		}
	}
	if m.Form == codebook.Base && !m.Nominal && dr.gov == nil && m.Start > 0 && codebook.Root(dr.code) == "04" &&
		(toks[m.Start-1].Norm == "against" || toks[m.Start-1].Norm == "on") {
		// "advised against travel to Tunisia", "bans on travel to
		// Canada": travel as such, no one's visit.
		return false
	}
	if len(dr.source) == 0 && !m.Passive && !m.Nominal && dr.gov == nil && m.Head == m.Start &&
		(m.Form == codebook.Past || m.Form == codebook.Participle) && !auxBefore(toks, m.Start) &&
		!(dr.actSubject && directObject(d, toks, dr)) {
		// "people displaced by the fighting": a participle, no event of
		// its own; but "A roadside bombing near Samarra killed one U.S.
		// soldier" has its object, and so its verb.
		return false
	}
	if classOf(&m) == classReport && strings.HasPrefix(dr.code, "01") && len(dr.target) == 0 {
		return false
	}
	if p := dr.purposeOf; p != nil {
		if len(dr.target) == 0 {
			// "met Y to sign a deal": with Y.
			dr.target = p.target
		}
		if codebook.Root(dr.code) == codebook.Root(p.code) && (slices.Equal(dr.target, p.target) || codebook.Root(p.code) == "04") {
			// "met Y to discuss": the meeting, coded once, whatever it
			// discussed ("a possible normalisation deal with Israel").
			return false
		}
	}
	if strings.HasSuffix(m.Pattern, " T to") && (m.End >= len(toks) || !d.verbs.IsVerb(toks[m.End].Norm) &&
		(toks[m.End].Shape != text.Lower || determiners.At(&toks[m.End]))) {
		// "wants Y to" asks Y to do something; "wants passage to
		// Nakhchivan" and "directed them to the exit" ask nothing.
		return false
	}
	if len(dr.target) == 0 && len(dr.source) > 0 {
		switch codebook.Root(dr.code) {
		case "10", "11", "12", "13", "14":
			dr.target = otherParty(d, dr, actors)
		}
	}
	return true
}

// agentInGap reports whether a match's gap holds "by" and an actor named
// after it: "hosted by Iranian Foreign Minister", not "spoke to Aliyev by
// telephone".
func agentInGap(d *Doc, toks []text.Token, m codebook.Match, actors []int) bool {
	for k := m.Head + 1; k < m.End; k++ {
		if toks[k].Norm != "by" || slices.Contains(m.Trigger, k) {
			continue // "stand by T" writes its "by"
		}
		for _, a := range actors {
			if t := d.Mentions[a].Tok; t > k && t <= k+3 {
				return true
			}
		}
	}
	return false
}

// adjacentSubject reports whether the draft's source ends right before
// its verb, past auxiliaries and adverbs ("guerrillas (had) wounded"), or
// before the one verb whose infinitive it is ("plans to help").
func adjacentSubject(d *Doc, toks []text.Token, dr *draft) bool {
	back := func(k int) int {
		for k > 0 && auxiliaries.At(&toks[k-1]) && toks[k-1].Norm != "to" && !subjectPronouns.At(&toks[k-1]) {
			k--
		}
		return k
	}
	k := back(dr.match.Start)
	end := d.Mentions[dr.source[0]].TokEnd
	// "Japan helped Turkey", and "the EU plans to help Ukraine": one
	// verb before "to"; but "pressure from Congress to help Iran" is no
	// help by Congress.
	return end == k || k >= 2 && toks[k-1].Norm == "to" && toks[k-2].Kind == text.Word && toks[k-2].Shape == text.Lower &&
		end == back(k-2)
}

// directObject reports whether the draft's target follows its verb
// directly, past numbers and determiners: "killed one U.S. soldier".
func directObject(d *Doc, toks []text.Token, dr *draft) bool {
	if len(dr.target) == 0 {
		return false
	}
	k := dr.match.Head + 1
	for k < len(toks) && (determiners.At(&toks[k]) || quantityWord(toks[k])) {
		k++
	}
	t := d.Mentions[dr.target[0]].Tok
	return t > dr.match.Head && t <= k
}

// auxBefore reports whether a form of be or have comes just before token
// i (through adverbs): "was recognized", "has been shelled".
func auxBefore(toks []text.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch toks[k].Norm {
		case "was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "'s", "got", "get", "gets":
			return true
		case "not", "n't", "also", "reportedly", "allegedly", "already", "just", "repeatedly":
			continue
		}
		return false
	}
	return false
}

// otherParty returns the actor the sentence names besides the source, the
// nearest to the trigger, when there is exactly one such party.
func otherParty(d *Doc, dr *draft, actors []int) []int {
	var codes []string
	best, bestDist := -1, 1<<30
	toks := d.tokens(dr.sent)
	stop := predicateEnd(d, toks, dr.match.End, len(toks))
	if c := relativeClose(toks, dr.match.Start, dr.match.End); c >= 0 && c < stop {
		stop = c // "The rebels, who rejected the deal, kidnapped soldiers": not the soldiers
	}
	from := 0
	if cs := clauseStart(toks, dr.start); cs > 0 && contrastWords.At(&toks[cs-1]) {
		from = cs // "the EU said …, while China and Russia warned": not the EU
	}
	for _, a := range actors {
		if d.Mentions[a].Tok >= stop || d.Mentions[a].Tok < from {
			continue // in a predicate of its own, after "and said"
		}
		code := string(d.Mentions[a].Code)
		skip := false
		for _, s := range dr.source {
			if d.Mentions[s].Code == d.Mentions[a].Code {
				skip = true
			}
		}
		if skip || d.Mentions[a].Pronoun || strings.HasPrefix(code, domain.UnknownCountry) {
			continue
		}
		if !slices.Contains(codes, code) {
			codes = append(codes, code)
		}
		if dist := abs(d.Mentions[a].Tok - dr.match.Head); dist < bestDist {
			best, bestDist = a, dist
		}
	}
	if len(codes) != 1 {
		return nil
	}
	return []int{best}
}

// contrastWords open a clause set against the one before.
var contrastWords = text.NewWordSet("while", "whereas", "although", "though", "but")

// declaresThat reports whether the trigger holds a verb of saying followed
// by "that" ("declared that a ceasefire had been reached").
func declaresThat(toks []text.Token, dr *draft) bool {
	for _, t := range dr.trigger {
		if sayVerbs.At(&toks[t]) && t+1 < len(toks) && toks[t+1].Norm == "that" {
			return true
		}
	}
	return false
}

// possessedBySubject reports whether the words after a noun refer back to
// the clause's subject: "of their weapons", "of its forces".
func possessedBySubject(toks []text.Token, from, to int) bool {
	for k := from; k < len(toks) && k < to; k++ {
		if possessives.At(&toks[k]) {
			return true
		}
	}
	return false
}

// duringPhrase reports whether the noun at token i is in a phrase of
// time after the verb: "during a surprise visit", "on a two-day trip".
func duringPhrase(toks []text.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		switch w := toks[k].Norm; {
		case w == "during" || w == "on" || w == "while":
			return true
		case determiners.Has(w) || toks[k].Shape == text.Lower && toks[k].Kind == text.Word || toks[k].Kind == text.Number || w == "-":
		default:
			return false
		}
	}
	return false
}

// addressVerbs take the addressee as their object ("told Armenia").
var addressVerbs = text.NewWordSet("told", "tells", "tell", "telling", "informed", "informs", "assured", "assures",
	"briefed", "notified", "reminded", "urged", "warned", "warns", "accused", "accuses", "thanked", "praised",
	"criticised", "criticized", "condemned", "blamed", "asked", "called", "invited")

// background reports whether a gerund stands in a fronted phrase that
// sets the scene rather than reporting an event: "In the wake of
// Azerbaijan reclaiming control …", "after Baku's forces taking …".
func background(toks []text.Token, start int, source []int, d *Doc) bool {
	from := start
	if len(source) > 0 {
		from = min(from, d.Mentions[source[0]].Tok)
	}
	for k := from - 1; k >= 0 && k >= from-5; k-- {
		switch toks[k].Norm {
		case "wake", "aftermath", "following", "after", "amid", "amidst", "since", "despite", "before":
			return true
		case ",", ";", ":":
			return false
		}
	}
	return false
}

// withCountries returns the actor mentions and the countries named as
// places in a sentence, in text order.
func withCountries(d *Doc, si int, actors []int) []int {
	out := slices.Clone(actors)
	for _, i := range d.Sentence[si] {
		mm := &d.Mentions[i]
		if !isActor(mm) && mm.Code != "" && mm.Precision == domain.PrecisionCountry {
			out = append(out, i)
		}
	}
	slices.SortFunc(out, func(a, b int) int { return d.Mentions[a].Tok - d.Mentions[b].Tok })
	return out
}

// placeTarget returns, for a violent event or a protest with no target,
// the country of the place it happens in when that is not the source's
// own ("US activists staged a protest in Beijing": CHN; "Israeli tank
// shelling in the Gaza Strip": PSE), as PETRARCH and GDELT code it.
func placeTarget(d *Doc, dr *draft) *domain.Actor {
	if dr.event == nil || dr.event.Place == nil || dr.event.Place.Country == "" {
		return nil
	}
	p := dr.event.Place
	if p.Span.IsZero() {
		return nil // the article's focus, not the sentence's words
	}
	if named := d.namedCountries(); codebook.Root(dr.code) == "03" && len(named) > 0 && !named[p.Country] {
		return nil // a venue abroad: "agreed in Istanbul to exchange prisoners"
	}
	toks := d.tokens(dr.sent)
	for _, i := range d.Sentence[dr.sent] {
		if m := &d.Mentions[i]; m.Span == p.Span && dateline(toks, m) {
			return nil // "MOGADISHU (Reuters) -": where the story was filed
		}
	}
	// A protest or a measure of control at home aims at home ("Iraqi
	// Kurds demonstrated in Kirkuk", "Turkish authorities imposed a
	// curfew in Cizre": IRQ, TUR), as does threatening or easing such a
	// measure ("will extend the curfew in N'Djamena", "lifted the state of
	// emergency in South Darfur": 132, 081), and sympathy goes to where the
	// suffering was ("expressed sorrow for the shootings in South
	// Carolina"); fighting in one's own country names no target by its
	// place.
	switch r := codebook.Root(dr.code); {
	case r == "14" || r == "17" || strings.HasPrefix(dr.code, "018") || strings.HasPrefix(dr.code, "132") || strings.HasPrefix(dr.code, "081"):
	default:
		for _, s := range dr.event.Source {
			if s.Country == p.Country {
				return nil
			}
		}
	}
	return &domain.Actor{Text: p.Text, Span: p.Span, Code: p.Country, Country: p.Country,
		Name: domain.NullString(p.Name)}
}

// recode turns what the clause's modality says into the event CAMEO
// codes: an action the subject will take is an expression of intent
// ("Finland will give Tanzania a grant" = 0331); a cooperative action the
// subject will not take or failed to take is a rejection ("Syria will not
// accept refugees" = 12x); an action the subject must take is a demand
// on it by whoever says so ("Libya must hand over the suspects", said a
// British minister = 10x, GBR→LBY).
func (c *Coder) recode(d *Doc, si int, dr *draft, actors []int) {
	if dr.gov != nil {
		if dr.modality == domain.ModalityNegated && codebook.Root(dr.code) == "12" && dr.govClass == classReject &&
			!hasWord(d.tokens(si), max(0, dr.gov.Head-3), dr.gov.Head, "not", "n't", "never") {
			// "refused to recognise the result": the refusal, coded as
			// such (120), happened.
			dr.modality = domain.ModalityAsserted
		}
		return
	}
	root := codebook.Root(dr.code)
	cooperative := root >= "03" && root <= "08"
	switch dr.modality {
	case domain.ModalityIntended:
		// The intent of cooperation is 03x and that of force or protest
		// a threat (13x): "will attack" is 1384, as "vowed to attack" is;
		// "said they would boycott" 133.
		// A force to be deployed is a threat only against someone:
		// "will send troops to the region" is not.
		if code := compose(classPromise, dr.code); code != "" && c.known(code) && (root >= "04" && root <= "08" || root >= "14" && root <= "20") &&
			(root != "15" || len(dr.target) > 0) {
			dr.code = code
		}
	case domain.ModalityNegated:
		if root == "12" {
			// "refused to let the convoy cross": the refusal happened;
			// but "did not block the decision" vetoed nothing, nor does
			// one that "has no veto".
			if h := dr.match.Head; !hasWord(d.tokens(si), max(0, h-3), h, "not", "n't", "never", "no") {
				dr.modality = domain.ModalityAsserted
			}
		} else if code := compose(classReject, dr.code); cooperative && code != "" && c.known(code) &&
			!(dr.report != nil && denyVerbs.At(&d.tokens(si)[dr.report.Head])) {
			// (A denial, "denies arming the RSF", refuses nothing: the
			// act stays, negated.)
			dr.code = code
			dr.modality = domain.ModalityAsserted
		}
	case domain.ModalityDemanded:
		code := compose(classDemand, dr.code)
		if code == "" && cooperative {
			code = "100"
		}
		if code == "" || !c.known(code) || codebook.Root(dr.code) == "10" {
			return
		}
		dr.code = code
		// The one obliged is the target; the source is who says so.
		obliged := dr.source
		dr.source = nil
		for k := dr.match.Start - 1; k >= 0; k-- {
			if sayVerbs.Has(d.tokens(si)[k].Norm) || demandHead(d, si, k) {
				dr.source = subjectOf(d, si, k, actors)
				break
			}
		}
		if len(dr.source) == 0 {
			// "…, a British minister said" after the clause.
			dr.source = postposedSpeaker(d, si, actors)
		}
		if len(obliged) > 0 {
			dr.target = obliged
		}
	}
}

// demandHead reports whether token k of sentence si is the verb of a
// pattern of demand ("urged" in "urged T to allow … monitors").
func demandHead(d *Doc, si, k int) bool {
	for i := range d.Matches[si] {
		if g := &d.Matches[si][i]; g.Head == k && classOf(g) == classDemand {
			return true
		}
	}
	return false
}

// postposedReport returns the speaker named after the clause of a draft
// and the verb of saying that follows it ("…, a senior British minister
// said"), or -1 and nil; not when the speaker is the draft's own actor
// ("Azerbaijan attacked, Armenia said" is Armenia's report; "…, the
// ministry said it had" is read by subjectOf).
func postposedReport(d *Doc, si int, ms []codebook.Match, dr *draft, actors []int) (int, *codebook.Match) {
	sp := postposedSpeaker(d, si, actors)
	if len(sp) == 0 {
		return -1, nil
	}
	m := &d.Mentions[sp[0]]
	if m.Tok < dr.end || slices.Contains(dr.source, sp[0]) || slices.Contains(dr.target, sp[0]) {
		return -1, nil
	}
	// No other verb of saying between the clause and the speaker; a
	// passive one ("after the deal was announced") has no speaker to be.
	toks := d.tokens(si)
	for k := dr.end; k < m.Tok; k++ {
		if sayVerbs.At(&toks[k]) && !(k > 0 && passiveAux.At(&toks[k-1])) {
			return -1, nil
		}
	}
	for i := range ms {
		// The verb right after the speaker, or after its office and
		// place ("the U.N. mission in Libya said").
		if st := ms[i].Start; st >= m.TokEnd && st <= m.TokEnd+4 && classOf(&ms[i]) == classReport && !hasPunct(toks, m.TokEnd, st) {
			return sp[0], &ms[i]
		}
	}
	return -1, nil
}

// hasPunct reports whether a punctuation token lies in [a, b).
func hasPunct(toks []text.Token, a, b int) bool {
	for k := a; k < b && k < len(toks); k++ {
		if toks[k].Kind == text.Punct {
			return true
		}
	}
	return false
}

// passiveAux are the forms of "be" before a participle.
var passiveAux = text.NewWordSet("was", "were", "is", "are", "been", "be", "being")

// postposedSpeaker returns the speaker named after the clause: "…, a
// senior British minister said".
func postposedSpeaker(d *Doc, si int, actors []int) []int {
	toks := d.tokens(si)
	for _, a := range actors {
		m := &d.Mentions[a]
		k := m.Tok
		if k > 0 && determiners.At(&toks[k-1]) {
			k--
		}
		if k == 0 || toks[k-1].Norm != "," || m.TokEnd >= len(toks) {
			continue
		}
		e := m.TokEnd
		if bodyNouns.At(&toks[e]) && e+1 < len(toks) {
			e++ // "the U.N. mission said"
		}
		if sayVerbs.At(&toks[e]) {
			return []int{a}
		}
		// "…, the U.N. mission in Libya said": a place after the speaker.
		if (toks[e].Norm == "in" || toks[e].Norm == "for") && e+1 < len(toks) {
			for _, i := range d.Sentence[si] {
				p := &d.Mentions[i]
				if p.Tok == e+1 && p.Place() != nil && p.TokEnd < len(toks) && sayVerbs.At(&toks[p.TokEnd]) {
					return []int{a}
				}
			}
		}
	}
	return nil
}

// prepositions end the words that qualify a noun from before it: the
// actor in "Filipino peacekeepers in a firefight" does not qualify the
// firefight.
var prepositions = text.NewWordSet("of", "for", "in", "on", "at", "with", "by", "from", "to", "into", "against", "after",
	"before", "during", "over", "under", "near", "about", "between", "amid", "and", "or", "but", "was", "were",
	"is", "are", "has", "have", "had", "said", "says")

// mentionIndex finds the actor mention that ends before a token: a short
// list scanned in place of a map, since a sentence has few mentions.
type mentionIndex struct {
	d      *Doc
	actors []int
}

func mentionEnds(d *Doc, actors []int) mentionIndex { return mentionIndex{d, actors} }

// get returns the mention whose tokens end just before token k.
func (x mentionIndex) get(k int) (int, bool) {
	for _, a := range x.actors {
		if x.d.Mentions[a].TokEnd == k {
			return a, true
		}
	}
	return 0, false
}

// subjectPronouns stand for a clause's subject named before them.
var subjectPronouns = text.NewWordSet("it", "they", "he", "she", "we")

var ownPossessive = text.NewWordSet("its", "their", "his", "her", "own")

// knownCountry reports whether a mention's actor has a country or is an
// organisation.
func knownCountry(m *gazetteer.Mention) bool {
	return m.Country != "" || strings.HasPrefix(string(m.Code), "IGO") || strings.HasPrefix(string(m.Code), "NGO")
}
