package codebook

// The vocabularies that cameo.txt and verbs.txt are checked against, so
// that a typo in a dictionary is an error with a line number rather than
// a wrong value in the output.

// ploverModes lists the PLOVER event types of the PLOVER manual (draft
// 2.0, 2024), chapter 3, each with its modes (tables 3.1 to 3.11). Types
// without modes map to nil.
var ploverModes = map[string][]string{
	"AGREE":     nil,
	"CONSULT":   {"visit", "third-party", "multilateral", "phone"},
	"SUPPORT":   nil,
	"CONCEDE":   nil,
	"COOPERATE": nil,
	"AID":       nil,
	"RETREAT":   {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
	"REQUEST":   {"assist", "change", "yield", "meet"},
	"ACCUSE":    {"disapprove", "investigate", "allege"},
	"REJECT":    {"assist", "change", "yield", "meet"},
	"THREATEN":  {"restrict", "arrest", "relations", "expel", "territory", "violence"},
	"PROTEST":   {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
	"SANCTION":  {"convict", "expel", "withdraw", "discontinue"},
	"MOBILIZE":  {"troops", "weapons", "police", "militia"},
	"COERCE": {"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport",
		"withhold", "misinformation", "cyber"},
	"ASSAULT": {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive",
		"firearms", "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons",
		"crowd-control", "unconventional"},
}

// PLOVERTypes lists the PLOVER event types in the manual's order.
var PLOVERTypes = []string{
	"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
	"REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
	"COERCE", "ASSAULT",
}

// ploverContexts are the general contexts of the PLOVER manual, table
// 2.1, written as the manual's JSON does (spaces as underscores).
var ploverContexts = setOf(
	"military", "intelligence", "executive", "legislative", "election",
	"political_institutions", "pro_democracy", "pro_autocracy", "economic", "legal",
	"reparations", "human_rights", "rights_freedoms", "repression", "human_security",
	"gender", "lgbt", "religion_ethnicity", "inequality", "diplomatic", "territory",
	"peacekeeping", "health", "asylum", "migration", "disasters", "natural_resource",
	"environment", "technology", "terrorism", "cbrn", "cyber", "misinformation",
	"crime", "corruption", "illegal_drugs", "trafficking",
)

// acledTypes is ACLED's published vocabulary: each event type with its
// sub-event types.
var acledTypes = map[string][]string{
	"Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
	"Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
		"Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"},
	"Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
	"Protests":                   {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
	"Riots":                      {"Violent demonstration", "Mob violence"},
	"Strategic developments": {"Agreement", "Arrests", "Change to group/activity",
		"Disrupted weapons use", "Headquarters or base established",
		"Looting/property destruction", "Non-violent transfer of territory", "Other"},
}

// modalities a pattern may carry; asserted and reported are for the
// event stage to decide, not words of one pattern.
var patternModalities = setOf("intended", "demanded", "negated", "hypothetical", "conditional")

// classes of patterns: what the event stage does beyond coding the match.
const (
	// ClassReport marks a reporting verb that introduces a clause
	// (said, announced, claimed, denied that, according to).
	ClassReport = "report"
	// ClassPromise marks a commitment verb (pledged, vowed, agreed to).
	ClassPromise = "promise"
	// ClassDemand marks a demand verb (called for, urged, demanded).
	ClassDemand = "demand"
)

var patternClasses = setOf(ClassReport, ClassPromise, ClassDemand)

// StopCode is the code of a stop pattern: matched, weighed against
// overlapping matches, never returned.
const StopCode = "---"

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
