package gazetteer

import (
	"github.com/truce/truce/internal/domain"
)

// kind is what a dictionary entry names.
type kind uint8

const (
	kCountry     kind = iota + 1 // Armenia
	kDemonym                     // Armenian: adjective and singular noun
	kPeople                      // Armenians: the people
	kAgent                       // troops, government: a sector
	kPerson                      // Ilham Aliyev, one tenure a line
	kGroup                       // armed groups, breakaway authorities, parties
	kOrg                         // international and non-governmental organisations
	kInstitution                 // the Kremlin, the Pentagon: a country's organ
	kRegion                      // Nagorno-Karabakh: hand-written regions
	kAdmin1                      // Syunik Province: first-level regions
	kNotPlace                    // words that are places only in context
)

// Agent traits.
const (
	agTitle     uint8 = 1 << iota // comes before a person's name: President
	agPeople                      // people, not an organ: residents, protesters
	agAuthority                   // speaks for a polity: officials, leaders
	agGeneric                     // defers to a more specific agent next to it
	agNameOnly                    // an agent only before a name: General, Mr.
	agAdjective                   // also an adjective: "military operation"
	agOfOnly                      // an agent only before "of" and whom: "head of the WHO"
	agOwned                       // an agent only after its owner: "USAID Administrator"
)

// entry is one resolved dictionary line.
type entry struct {
	kind    kind
	code    string // actor code, sector, region id or admin-1 code
	country string // ISO alpha-3, "" for IGOs and unknown
	sector  string
	name    string // display name
	role    string
	ref     string // file:line
	from    domain.Date
	until   domain.Date
	// person: the key of the full name (tenures share it); short when the
	// surname alone names them.
	person string
	short  bool
	// groups and regions
	ethnicity string
	actor     string // a region's breakaway authority
	groupKind string
	// places
	lat, lon float64
	hasLL    bool
	admin1   int32 // admin-1 index in the place file, -1 when none
	// agents
	traits uint8
	// notplaces: "word" or "given"
	word string
	// PETRARCH entries: dated codes
	dated []datedCode
	// countries
	a2        string
	capitalID int
	demonym   string
	// rank orders entries sharing a name: 0 first (hand-written), then
	// independent countries, then dependencies.
	rank uint8
	// ethnicGroup: a demonym of a people without a state of its own
	// (Tamil, Yoruba), coded with the country it mostly lives in.
	ethnicGroup bool
}

type datedCode struct {
	code        string
	from, until domain.Date
}

// inOffice reports whether date falls within [from, until]; an unknown
// date is in office for an open-ended tenure.
func inOffice(from, until, date domain.Date) bool {
	if date.IsZero() {
		return until.IsZero()
	}
	if !from.IsZero() && date.Before(from) {
		return false
	}
	return until.IsZero() || !date.After(until)
}
