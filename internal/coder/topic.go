package coder

import (
	"strings"

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
	polCount     = "count"
	polAsserted  = "asserted"
	polNegated   = "negated"
)

// opposite is the polarity a negation or a denial turns a polarity into.
var opposite = map[string]string{
	polInForce: polViolated, polViolated: polInForce, polCollapsed: polInForce,
	polOngoing: polStopped, polStopped: polOngoing, polDelivered: polBlocked, polBlocked: polDelivered,
	polOpen: polClosed, polClosed: polOpen, polDone: polNotDone, polNotDone: polDone,
	polHeld: polCancelled, polCancelled: polHeld, polClaimed: polDenied, polAccused: polDenied,
}

// topicRule says how a proposition about a topic is recognised: the words
// that name the topic (cues; the first cue in a clause decides its topic),
// and the words that set its polarity, tried in order.
type topicRule struct {
	topic      string
	cues       map[string]bool
	polarities []polarityWords
	// negated is the polarity a negation gives when no polarity word is
	// there ("no fighting"); def the polarity of the topic named alone
	// ("" drops the proposition: aid named with no verb says nothing).
	negated, def string
}

type polarityWords struct {
	polarity string
	words    map[string]bool
}

func pw(polarity string, words ...string) polarityWords {
	return polarityWords{polarity, set(words...)}
}

// The vocabulary of each topic. Ceasefire and fighting come first: where a
// clause names both ("hostilities would cease"), the word of the ceasefire
// decides (see readTopic).
var topicRules = []topicRule{
	{topic: domain.TopicCeasefire,
		cues: set("ceasefire", "ceasefires", "truce", "truces", "armistice", "pause", "cessation", "cease"),
		polarities: []polarityWords{
			pw(polCollapsed, "collapsed", "collapse", "collapses", "expired", "expire", "expires", "lapsed", "ended",
				"unravelled", "unraveled", "abandoned", "over"),
			pw(polViolated, "violated", "violating", "violation", "violations", "violate", "breached", "breaching", "breach",
				"breaches", "breaking", "broke", "broken", "flouted", "flouting"),
			pw(polInForce, "reached", "agreed", "agree", "holding", "held", "holds", "hold", "observe", "observing",
				"observed", "respected", "respect", "respecting", "force", "effect", "began", "begun", "started", "starting",
				"declared", "announced", "signed", "extend", "extended", "extending", "renew", "renewed", "brokered",
				"cease", "established", "implemented", "maintained", "permanent"),
		}, negated: polViolated, def: polInForce},
	{topic: domain.TopicFighting,
		cues: set("fighting", "fought", "gunfire", "shelling", "shelled", "shells", "clashes", "clash", "clashed",
			"firing", "fired", "fire", "explosions", "battles", "battle", "bombardment", "bombarded", "hostilities",
			"strikes", "strike", "struck", "airstrikes", "airstrike", "attacks", "attack", "attacked", "shots",
			"combat", "skirmishes", "offensive", "violence", "bombing", "bombed", "shellfire", "storming", "stormed",
			"operation", "operations", "missiles", "missile", "rockets", "rocket", "drones", "raids", "raided",
			"detonated", "pushed", "gunmen"),
		polarities: []polarityWords{
			pw(polStopped, "stopped", "ceased", "halted", "suspended", "ended", "subsided", "calm", "quiet", "paused"),
			pw(polOngoing, "ongoing", "continued", "continuing", "continue", "continues", "resumed", "raged", "erupted",
				"under", "heavy", "intense", "fierce"),
		}, negated: polStopped, def: polOngoing},
	{topic: domain.TopicCorridor,
		cues: set("evacuated", "evacuation", "evacuations", "evacuees", "corridor", "crossing", "crossings", "road",
			"roads", "route", "routes", "passage", "airport"),
		polarities: []polarityWords{
			pw(polClosed, "closed", "shut", "sealed", "cut", "blocked"),
			pw(polOpen, "open", "opened", "reopened", "reopen", "unblocked", "evacuated", "brought", "completed", "left"),
		}, negated: polClosed},
	{topic: domain.TopicAidAccess,
		cues: set("aid", "convoy", "convoys", "supplies", "trucks", "lorries", "food", "fuel", "medicine", "medicines",
			"humanitarian", "assistance", "shipment", "shipments", "deliveries", "goods", "cargo"),
		polarities: []polarityWords{
			pw(polBlocked, "blocked", "blocking", "block", "halted", "stopped", "prevented", "obstructed", "turned",
				"refused", "barred", "stuck", "waiting", "denied", "looted"),
			pw(polDelivered, "delivered", "arrived", "reached", "reach", "entered", "enter", "crossed", "received",
				"distributed", "distributing", "allowed", "allowing", "passed", "brought", "unloaded", "docking", "docked",
				"let"),
		}, negated: polBlocked},
	{topic: domain.TopicControl,
		cues: set("captured", "seized", "seize", "retook", "recaptured", "liberated", "control", "controls",
			"controlled", "occupied"),
		polarities: []polarityWords{
			pw(polLost, "lost", "fell", "retreated", "abandoned"),
			pw(polHeld, "captured", "seized", "retook", "recaptured", "liberated", "control", "controls", "controlled",
				"occupied"),
		}, negated: polLost},
	{topic: domain.TopicWithdrawal,
		cues: set("withdrawal", "withdrew", "withdrawn", "withdraw", "pulled", "pullout", "retreat", "retreated"),
		polarities: []polarityWords{
			pw(polNotDone, "sham", "fake", "remain", "remained", "still", "yet"),
			pw(polDone, "withdrew", "withdrawn", "completed", "pulled", "retreated", "withdrawal"),
		}, negated: polNotDone},
	{topic: domain.TopicTalks,
		cues: set("talks", "negotiations", "meeting", "meetings", "summit", "dialogue", "consultations"),
		polarities: []polarityWords{
			pw(polCancelled, "cancelled", "canceled", "postponed", "suspended", "suspend", "collapsed", "failed",
				"broke", "walked", "quit", "abandoned", "boycotted"),
			pw(polHeld, "held", "took", "met", "began", "opened", "concluded", "continued", "resumed", "attended"),
		}, negated: polCancelled},
}

// negationWords negate the polarity word they come before in a clause.
var negationWords = text.NewWordSet("not", "n't", "never", "no", "nothing", "neither", "nor", "failed", "fails", "fail", "failing")

// modalWords make a clause a plan, a promise, a demand or a possibility
// rather than a statement of what is: only a ceasefire claim is read from
// such a clause (a truce that "would take effect" claims the coming
// period).
var modalWords = text.NewWordSet("will", "would", "shall", "should", "could", "may", "might", "must", "can", "'ll", "agreed",
	"agree", "pledged", "promised", "vowed", "committed", "ready", "willing", "offered", "plans", "planned",
	"intends", "ordered", "ordering", "urged", "demanded", "called", "hopes", "wants")

// reading is what one clause claims: a topic and polarity, and for
// casualties the count; cue is the token that named the topic.
type reading struct {
	topic, polarity string
	cue             int
	casualty        *casualty
	negated         bool
}

// readTopic normalises the clause in tokens [a, b) into a topic and a
// polarity. The first word naming a topic decides it, except that a
// ceasefire word outranks a word of fighting ("hostilities would cease"),
// and an evacuation outranks the convoy that carried it. Clauses that
// plan, promise or demand say nothing of what is, unless they are about a
// ceasefire. ok is false when the clause names no topic.
func readTopic(toks []text.Token, a, b int) (reading, bool) {
	rule, cue := -1, -1
	for k := a; k < b; k++ {
		if !topicWords.At(&toks[k]) {
			continue
		}
		w := toks[k].Norm
		mask := topicCues[w]
		for i := range topicRules {
			if mask&(1<<i) == 0 || !cueFits(toks, k, topicRules[i].topic) {
				continue
			}
			switch {
			case rule < 0:
				rule, cue = i, k
			case topicRules[i].topic == domain.TopicCeasefire && topicRules[rule].topic == domain.TopicFighting,
				topicRules[i].topic == domain.TopicCorridor && topicRules[rule].topic == domain.TopicAidAccess && evacuation(w):
				rule, cue = i, k
			}
			break
		}
	}
	if rule < 0 {
		return reading{}, false
	}
	r := &topicRules[rule]
	if r.topic != domain.TopicCeasefire && modalBefore(toks, a, verbAfter(toks, cue, b)+1) {
		return reading{}, false
	}
	// "a truce would be possible only if …" is an offer, not a claim.
	if r.topic == domain.TopicCeasefire && hasAny(toks, a, b, "possible", "if", "unless", "could", "might", "may", "proposed", "proposal", "proposals",
		"called", "calls", "demanded", "urged") {
		// (Nor "rejected proposals to extend the truce": what is
		// proposed, not what holds or is broken.)
		return reading{}, false
	}
	// "was ready for an unconditional ceasefire", "open to a truce",
	// "wants a ceasefire": a stance toward a truce to come, not one that
	// holds.
	if r.topic == domain.TopicCeasefire && hasAny(toks, a, cue, "ready", "prepared", "willing", "open", "wants", "want",
		"hopes", "hope", "seeks", "seeking", "offered", "offers", "offer") {
		return reading{}, false
	}
	pol, at := "", -1
	for _, p := range r.polarities {
		for k := a; k < b; k++ {
			if p.words[toks[k].Norm] && polarityFits(toks, k, r.topic, p.polarity) {
				pol, at = p.polarity, k
				break
			}
		}
		if pol != "" {
			break
		}
	}
	neg := negatedBefore(toks, a, max(at, cue))
	switch {
	case pol != "" && neg:
		if o, ok := opposite[pol]; ok {
			pol = o
		}
	case pol == "" && neg:
		pol = r.negated
	case pol == "":
		pol = r.def
	}
	if pol == "" {
		return reading{}, false
	}
	return reading{topic: r.topic, polarity: pol, cue: cue, negated: neg}, true
}

// controlCompounds make "control" part of another noun: no ground held.
var controlCompounds = text.NewWordSet("measures", "measure", "tower", "towers", "room", "rooms", "system", "systems",
	"panel", "panels", "mechanism", "mechanisms", "centre", "center", "point", "points")

// capturedThings are what is captured or seized that is no ground.
var capturedThings = text.NewWordSet("soldiers", "soldier", "troops", "fighters", "prisoners", "hostages", "civilians",
	"people", "men", "women", "children", "weapons", "arms", "ammunition", "tanks", "vehicles", "drones", "equipment",
	"ship", "ships", "vessel", "vessels", "tanker", "cargo", "assets", "property", "documents", "servicemen", "militants",
	"rebels", "commander", "commanders", "officers", "journalists", "workers", "crew")

// topicCues maps each cue word to the rules it cues, a bit per rule in
// topicRules' order: one lookup a token instead of one a rule.
var topicCues = func() map[string]uint64 {
	if len(topicRules) > 64 {
		panic("topicCues: more than 64 topic rules")
	}
	m := map[string]uint64{}
	for i := range topicRules {
		for w := range topicRules[i].cues {
			m[w] |= 1 << i
		}
	}
	return m
}()

// topicWords gates topicCues: most tokens cue no topic.
var topicWords = text.Keys(topicCues)

// cueFits rules out a cue word used in another sense: "fire" of
// "ceasefire" is the truce's; "pause" must be a noun; "operation" a
// military one; "pushed" is fighting only when pushed back.
func cueFits(toks []text.Token, k int, topic string) bool {
	w := toks[k].Norm
	prev, next := "", ""
	if k > 0 {
		prev = toks[k-1].Norm
	}
	if k+1 < len(toks) {
		next = toks[k+1].Norm
	}
	if topic == domain.TopicFighting && (prev == "during" || k >= 2 && toks[k-2].Norm == "during" && determiners.Has(prev)) {
		// "soldiers captured during the fighting": a time past, not a
		// report that fighting goes on.
		return false
	}
	switch w {
	case "cease":
		// "cease-fire", "hostilities would cease", "cease fire".
		return true
	case "fire":
		// "not to play with fire" is a warning, no shooting.
		return prev != "-" && prev != "cease" && !(prev == "with" && k >= 2 && strings.HasPrefix(toks[k-2].Norm, "play"))
	case "pause":
		return prev == "the" || prev == "a" || prev == "-" || determiners.Has(prev) || strings.HasSuffix(prev, "day")
	case "pushed":
		for j := k + 1; j < len(toks) && j <= k+4; j++ {
			if toks[j].Norm == "back" {
				return true
			}
		}
		return false
	case "operation", "operations":
		return prev == "military" || prev == "its" || prev == "their" || prev == "ground" || prev == "offensive"
	case "strike", "strikes":
		// "the strike" is fighting; "a hunger strike" is not.
		return prev != "hunger" && prev != "general"
	case "control":
		if controlCompounds.Has(next) {
			return false // "control measures", "air traffic control tower"
		}
		return next != "of" || prev == "took" || prev == "seized" || prev == "in" || prev == "under"
	case "captured", "seized":
		// "soldiers captured during the fighting", "seized weapons":
		// people or things taken, not ground.
		if capturedThings.Has(next) || determiners.Has(next) && k+2 < len(toks) && capturedThings.Has(toks[k+2].Norm) {
			return false
		}
		// After such a noun and before no object, a participle: "soldiers
		// captured during the fighting"; "rebels seized the town" seized
		// ground.
		return !capturedThings.Has(prev) || next != "" && !prepositions.Has(next) && next != "," && next != "."
	case "road", "roads", "route", "routes":
		return topic == domain.TopicCorridor
	case "trucks", "lorries":
		// "arrived in pickup trucks": how someone came, no cargo.
		return prev != "pickup" && prev != "pick-up" && prev != "in" && prev != "by"
	}
	return true
}

// polarityFits rules out polarity words that belong to another phrase:
// "held" of "Russian-held"; "turned" without "back"; "hold" of
// "hostage".
func polarityFits(toks []text.Token, k int, topic, pol string) bool {
	w := toks[k].Norm
	prev := ""
	if k > 0 {
		prev = toks[k-1].Norm
	}
	switch w {
	case "held", "holds", "hold":
		if prev == "-" || k+1 < len(toks) && toks[k+1].Norm == "hostage" {
			return false
		}
		return topic != domain.TopicAidAccess || k+1 < len(toks) && toks[k+1].Norm == "up"
	case "turned":
		return k+1 < len(toks) && (toks[k+1].Norm == "back" || toks[k+1].Norm == "away")
	case "under":
		return k+1 < len(toks) && toks[k+1].Norm == "way"
	case "let", "reach", "enter":
		return topic == domain.TopicAidAccess
	case "left", "brought":
		return topic != domain.TopicCorridor || pol == polOpen
	}
	return true
}

func hasAny(toks []text.Token, a, b int, ws ...string) bool {
	for k := a; k < b && k < len(toks); k++ {
		for _, w := range ws {
			if toks[k].Norm == w {
				return true
			}
		}
	}
	return false
}

// verbAfter returns the first verb after a noun that names a topic
// ("talks … will be held"), or the noun itself.
func verbAfter(toks []text.Token, cue, b int) int {
	for k := cue + 1; k < b; k++ {
		if modalWords.At(&toks[k]) || toks[k].Norm == "were" || toks[k].Norm == "was" || toks[k].Norm == "had" || toks[k].Norm == "have" || toks[k].Norm == "has" {
			return k
		}
		if toks[k].Kind == text.Punct {
			break
		}
	}
	return cue
}

func evacuation(w string) bool { return strings.HasPrefix(w, "evacu") }

// modalBefore reports whether a word of intent, demand or possibility
// stands in tokens [a, b).
func modalBefore(toks []text.Token, a, b int) bool {
	for k := a; k < b && k < len(toks); k++ {
		if modalWords.At(&toks[k]) {
			return true
		}
	}
	return false
}

// negatedBefore reports whether a negation stands in tokens [a, b).
func negatedBefore(toks []text.Token, a, b int) bool {
	for k := a; k < b && k < len(toks); k++ {
		if negationWords.At(&toks[k]) {
			if toks[k].Norm == "no" && k+1 < len(toks) && toks[k+1].Norm == "one" {
				continue // "no one had been killed" is a count
			}
			return true
		}
	}
	return false
}

// casualty is a count of dead or wounded a clause gives: how many, of
// whom (a class: people, soldiers, fighters; and a side where the words
// say whose), and at which token the count stands.
type casualty struct {
	count int
	kind  string // killed, injured
	class string // people, soldiers, fighters, or "" (a toll)
	side  int    // mention of whose dead ("Russian soldiers"), or -1
	own   bool   // "its fighters": the speaker's
	tok   int    // the number
	verb  int    // the word of killing
}

// victimClass maps the nouns of the dead to what is counted: civilians
// and people are one class (a toll of people is a toll of civilians), the
// soldiers of an army another, the fighters of an armed group a third.
var victimClass = map[string]string{
	"people": "people", "persons": "people", "civilians": "people", "civilian": "people", "children": "people",
	"women": "people", "residents": "people", "villagers": "people", "person": "people", "protesters": "people",
	"soldiers": "soldiers", "soldier": "soldiers", "troops": "soldiers", "servicemen": "soldiers", "officers": "soldiers",
	"fighters": "fighters", "fighter": "fighters", "militants": "fighters", "rebels": "fighters", "gunmen": "fighters",
}

var killWords = map[string]string{
	"killed": "killed", "dead": "killed", "died": "killed", "deaths": "killed", "die": "killed", "kill": "killed",
	"killing": "killed", "perished": "killed", "slain": "killed", "toll": "killed",
	"wounded": "injured", "injured": "injured", "hurt": "injured",
}

// readCasualty finds a count of dead (else of wounded) in tokens [a, b):
// "63 Russian soldiers were killed", "had killed at least 50 civilians",
// "two of its fighters were killed", "raised the death toll … to 89",
// "raised to 272 the number of people … killed", "no one had been
// killed".
func readCasualty(s string, toks []text.Token, a, b int) (casualty, bool) {
	var found []casualty
	for k := a; k < b; k++ {
		// "no one", "nobody".
		if toks[k].Norm == "nobody" || toks[k].Norm == "no" && k+1 < b && toks[k+1].Norm == "one" {
			if v, kind := killAfter(toks, k+1, b); v >= 0 {
				found = append(found, casualty{count: 0, kind: kind, side: -1, tok: k, verb: v})
			}
			continue
		}
		n, ok := readNumber(s, toks, k)
		if !ok || isYear(n, toks) || n.end > b {
			continue
		}
		c := casualty{count: n.value, side: -1, tok: n.start}
		if n.low != nil {
			c.count = *n.low
		}
		j := n.end
		// "to 89" after a toll; "to 272 the number of people".
		if k > a && toks[k-1].Norm == "to" {
			if t := tollBefore(toks, a, k-1); t >= 0 {
				c.kind, c.verb = "killed", t
				if j+3 < b && toks[j].Norm == "the" && toks[j+1].Norm == "number" && toks[j+2].Norm == "of" {
					c.class = victimClass[toks[j+3].Norm]
				}
				found = append(found, c)
				k = n.end - 1
				continue
			}
		}
		// "two of its fighters", "two of them".
		if j+1 < b && toks[j].Norm == "of" {
			switch toks[j+1].Norm {
			case "its", "their", "our":
				c.own = true
				j += 2
			case "them":
				k = j
				continue // "two of them civilians": part of a count given before
			}
		}
		// The noun of the dead, after at most three modifiers.
		for m := j; m < b && m < j+4; m++ {
			if cl, ok := victimClass[toks[m].Norm]; ok {
				c.class, c.side = cl, m
				j = m + 1
				break
			}
			if toks[m].Kind == text.Punct && toks[m].Norm != "-" {
				break
			}
		}
		if c.class == "" {
			if units.Has(toksNorm(toks, j)) || j < b && toks[j].Kind == text.Punct {
				continue
			}
		}
		// The word of killing: after the count ("were killed") or before
		// it ("had killed 50 civilians").
		if v, kind := killAfter(toks, j, b); v >= 0 {
			c.kind, c.verb = kind, v
		} else if k > a {
			p := k - 1
			for p > a && (toks[p].Norm == "at" || toks[p].Norm == "least" || toks[p].Norm == "more" || toks[p].Norm == "than" || toks[p].Norm == "about" || toks[p].Norm == "some" || toks[p].Norm == "nearly") {
				p--
			}
			if kind, ok := killWords[toks[p].Norm]; ok && toks[p].Norm != "toll" && toks[p].Norm != "dead" {
				c.kind, c.verb = kind, p
			}
		}
		if c.kind == "" {
			continue
		}
		found = append(found, c)
		k = n.end - 1
	}
	for _, kind := range []string{"killed", "injured"} {
		for _, c := range found {
			if c.kind == kind {
				return c, true
			}
		}
	}
	return casualty{}, false
}

// units are nouns a number counts that are not people.
var units = text.NewWordSet("hours", "hour", "days", "day", "weeks", "months", "years", "trucks", "tonnes", "tons", "km",
	"kilometres", "kilometers", "miles", "buildings", "homes", "vehicles", "ships", "flights", "a.m", "p.m")

func toksNorm(toks []text.Token, i int) string {
	if i < len(toks) {
		return toks[i].Norm
	}
	return ""
}

// killAfter returns the token of a word of killing or wounding within the
// words that follow a count ("were killed", "had been killed", "died",
// "killed in …"), and its kind; -1 when there is none.
func killAfter(toks []text.Token, j, b int) (int, string) {
	for m := j; m < b && m < j+5; m++ {
		w := toks[m].Norm
		if kind, ok := killWords[w]; ok && w != "toll" && w != "killing" {
			return m, kind
		}
		switch w {
		case "were", "was", "had", "have", "has", "been", "reportedly", "also", "all", "later", ",":
			if w == "," && m > j {
				return -1, ""
			}
			continue
		}
		if toks[m].Kind == text.Punct || m > j+1 {
			return -1, ""
		}
	}
	return -1, ""
}

// tollBefore returns the token of "toll" or "number" in the words before
// "to N" ("raised the death toll from … to 89", "raised to 272 the
// number"), or -1.
func tollBefore(toks []text.Token, a, k int) int {
	for p := k - 1; p >= a && p >= k-12; p-- {
		switch toks[p].Norm {
		case "toll", "tally":
			return p
		case "raised", "revised", "lowered", "put", "increased", "updated":
			return p
		}
	}
	return -1
}

// violenceWords mark a proposition about an attack, for claims of and
// denials of responsibility.
var violenceWords = text.NewWordSet("shelled", "shelling", "attacked", "attack", "attacks", "fired", "bombed", "bombing",
	"struck", "strike", "strikes", "killed", "killing", "shot", "shooting", "targeted", "hit", "raided",
	"airstrike", "airstrikes", "massacre", "ambushed", "ambush", "bombardment", "explosion", "blast",
	"blocked", "blocking", "obstructing", "obstructed", "storming", "stormed", "looted", "looting")

func hasViolence(toks []text.Token, a, b int) bool {
	for _, t := range toks[a:b] {
		if violenceWords.Has(t.Norm) {
			return true
		}
	}
	return false
}
