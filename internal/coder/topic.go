package coder

import (
	"slices"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/text"
)

// Polarities of claim topics.
const (
	polInForce   = "in_force"
	polViolated  = "violated"
	polCollapsed = "collapsed"
	polOngoing   = "ongoing"
	polStopped   = "stopped"
	polHeld      = "held"
	polLost      = "lost"
	polDelivered = "delivered"
	polBlocked   = "blocked"
	polOpen      = "open"
	polClosed    = "closed"
	polClaimed   = "claimed"
	polDenied    = "denied"
	polAccused   = "accused"
	polDone      = "done"
	polNotDone   = "not_done"
	polCancelled = "cancelled"
	polReported  = "reported"
	polAsserted  = "asserted"
	polNegated   = "negated"
)

// topicRule recognises a topic from the words of a proposition: a word
// naming the topic, and words whose presence sets the polarity.
type topicRule struct {
	topic string
	// nouns name the topic; one must appear.
	nouns []string
	// polarities, tried in order: the first whose words appear wins;
	// def applies when none does ("" drops the topic).
	polarities []polarityWords
	def        string
}

type polarityWords struct {
	polarity string
	words    []string
}

var topicRules = []topicRule{
	{topic: domain.TopicResponsibility, nouns: []string{"responsibility", "responsible", "behind", "blamed", "blame", "accused", "involvement", "involved", "perpetrated"},
		polarities: []polarityWords{
			{polDenied, []string{"denied", "denies", "deny", "denying", "rejected", "no", "not", "n't", "nothing"}},
			{polClaimed, []string{"claimed", "claims", "claim", "claiming", "took", "takes", "admitted", "owned"}},
			{polAccused, []string{"accused", "blamed", "blames", "accuses", "behind", "responsible"}},
		}},
	{topic: domain.TopicCeasefire, nouns: []string{"ceasefire", "cease", "truce", "armistice", "ceasefires", "truces", "pause", "humanitarian pause"},
		polarities: []polarityWords{
			{polCollapsed, []string{"collapsed", "collapse", "ended", "over", "broke", "broken", "unravelled", "unraveled", "abandoned", "expired"}},
			{polViolated, []string{"violated", "violation", "violations", "breached", "breach", "breaches", "broke", "violating", "flouted"}},
			{polInForce, []string{"reached", "agreed", "holding", "held", "holds", "force", "effect", "declared", "established", "began", "begun", "observed", "respected", "announced", "signed", "extended", "took", "brokered"}},
		}, def: polInForce},
	{topic: domain.TopicFighting, nouns: []string{"fighting", "gunfire", "shelling", "clashes", "clash", "firing", "fire", "explosions", "battles", "bombardment", "hostilities", "strikes", "airstrikes", "attacks", "shots", "combat", "skirmishes", "offensive", "violence", "bombing", "shellfire"},
		polarities: []polarityWords{
			{polStopped, []string{"stopped", "ceased", "halted", "ended", "subsided", "calm", "quiet", "no", "not", "n't", "over", "died"}},
			{polOngoing, []string{"ongoing", "continued", "continuing", "continue", "continues", "resumed", "persist", "persisted", "heavy", "intense", "fierce", "raged", "erupted", "broke", "heard", "reported"}},
		}, def: polOngoing},
	{topic: domain.TopicAidAccess, nouns: []string{"aid", "convoy", "convoys", "supplies", "trucks", "lorries", "food", "fuel", "medicine", "humanitarian", "assistance", "shipment", "deliveries"},
		polarities: []polarityWords{
			{polBlocked, []string{"blocked", "blocking", "denied", "halted", "stopped", "prevented", "obstructed", "turned", "refused", "barred", "stuck", "held", "not", "n't", "no"}},
			{polDelivered, []string{"delivered", "arrived", "reached", "entered", "crossed", "received", "distributed", "allowed", "passed", "brought"}},
		}},
	{topic: domain.TopicCorridor, nouns: []string{"corridor", "passage", "crossing", "road", "route", "border"},
		polarities: []polarityWords{
			{polClosed, []string{"closed", "blocked", "shut", "sealed", "cut"}},
			{polOpen, []string{"open", "opened", "reopened", "reopen", "unblocked"}},
		}},
	{topic: domain.TopicControl, nouns: []string{"control", "captured", "seized", "retook", "recaptured", "liberated", "fell", "holds", "occupied", "took"},
		polarities: []polarityWords{
			{polLost, []string{"lost", "fell", "retreated", "abandoned", "withdrew"}},
			{polHeld, []string{"control", "controls", "captured", "seized", "retook", "recaptured", "liberated", "holds", "held", "occupied", "took", "regained"}},
		}},
	{topic: domain.TopicWithdrawal, nouns: []string{"withdrawal", "withdrew", "withdrawn", "pulled", "pullout", "retreat", "retreated", "left"},
		polarities: []polarityWords{
			{polNotDone, []string{"not", "n't", "no", "remain", "remained", "still", "yet"}},
			{polDone, []string{"withdrew", "withdrawn", "completed", "pulled", "left", "retreated", "withdrawal"}},
		}},
	{topic: domain.TopicTalks, nouns: []string{"talks", "negotiations", "meeting", "summit", "dialogue", "consultations"},
		polarities: []polarityWords{
			{polCancelled, []string{"cancelled", "canceled", "postponed", "called", "suspended", "collapsed", "broke", "walked"}},
			{polHeld, []string{"held", "took", "met", "began", "opened", "concluded", "continued", "resumed"}},
		}},
}

// casualtyWords mark a proposition about casualties.
var casualtyWords = set("killed", "dead", "died", "deaths", "death", "toll", "fatalities", "wounded", "injured", "casualties")

// topicOf normalises a proposition (tokens [a, b) of a sentence) into a
// topic and a polarity, with a count for casualties. ok is false when the
// words name no topic.
func topicOf(toks []text.Token, a, b int) (topic, polarity string, counts Counts, ok bool) {
	words := make(map[string]bool, b-a)
	for _, t := range toks[a:b] {
		words[t.Norm] = true
	}
	// Casualties: a number attached to killed or wounded.
	if slices.ContainsFunc(toks[a:b], func(t text.Token) bool { return casualtyWords[t.Norm] }) {
		c := readCountsIn(toks, a, b)
		if !c.Fatalities.IsZero() || !c.Injured.IsZero() {
			return domain.TopicCasualties, polReported, c, true
		}
	}
	for _, r := range topicRules {
		if !slices.ContainsFunc(r.nouns, func(n string) bool { return words[n] }) {
			continue
		}
		for _, p := range r.polarities {
			if slices.ContainsFunc(p.words, func(w string) bool { return words[w] }) {
				return r.topic, p.polarity, Counts{}, true
			}
		}
		if r.def != "" {
			return r.topic, r.def, Counts{}, true
		}
	}
	return "", "", Counts{}, false
}

// readCountsIn reads the counts of tokens [a, b).
func readCountsIn(toks []text.Token, a, b int) Counts {
	return ReadCounts("", toks[a:b])
}

// violenceWords mark a proposition about an attack, for claims of and
// denials of responsibility.
var violenceWords = set("shelled", "shelling", "attacked", "attack", "attacks", "fired", "bombed", "bombing",
	"struck", "strike", "strikes", "killed", "killing", "shot", "shooting", "targeted", "hit", "raided",
	"airstrike", "airstrikes", "massacre", "ambushed", "ambush", "bombardment", "explosion", "blast")

func hasViolence(toks []text.Token, a, b int) bool {
	for _, t := range toks[a:b] {
		if violenceWords[t.Norm] {
			return true
		}
	}
	return false
}
