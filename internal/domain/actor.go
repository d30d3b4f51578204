package domain

// Sector codes (CAMEO and PLOVER) that follow a country code in an actor
// code: AZE + MIL = AZEMIL, Azerbaijan's military.
const (
	SectorGovernment  = "GOV"
	SectorMilitary    = "MIL"
	SectorPolice      = "COP"
	SectorJudiciary   = "JUD"
	SectorLegislature = "LEG"
	SectorOpposition  = "OPP"
	SectorRebels      = "REB"
	SectorParty       = "PTY"
	SectorCivilians   = "CVL"
	SectorBusiness    = "BUS"
	SectorMedia       = "MED"
	SectorEducation   = "EDU"
	SectorRefugees    = "REF"
	SectorRights      = "HRI"
	SectorIGO         = "IGO"
	SectorNGO         = "NGO"
)

// UnknownCountry is the country part of an actor code whose country is not
// known: ---REB is rebels of an unknown country.
const UnknownCountry = "---"

// Actor is who does or undergoes an event, makes a claim or a commitment.
type Actor struct {
	// Text is the words in the article that name the actor, as written
	// ("Azerbaijan's President Ilham Aliyev", "thousands of Armenians").
	Text string `json:"text"`
	// Span locates Text in the article; zero when the actor is implied.
	Span Span `json:"span"`
	// Code is the CAMEO-style code: ISO alpha-3 country then sectors
	// (AZEGOV, ARMCVL), IGO... for international organisations, --- for
	// an unknown country. The Nagorno-Karabakh authorities have their own
	// code (see the actor dictionary).
	Code NullString `json:"code"`
	// Country is the ISO alpha-3 code, or null for IGOs, NGOs and unknown.
	Country NullString `json:"country"`
	// Sector is the first sector code, or null.
	Sector NullString `json:"sector"`
	// Name is the dictionary's name for the actor ("Government of
	// Azerbaijan", "Armenian civilians").
	Name NullString `json:"name"`
	// Person is the named person behind the actor where there is one
	// ("Ilham Aliyev", "David Babayan"), and Role their role as the text
	// or the dictionary gives it.
	Person NullString `json:"person"`
	Role   NullString `json:"role"`
	// Entry is the dictionary entry that resolved the actor
	// ("people.txt:412"), for provenance.
	Entry NullString `json:"entry"`
}

// IsZero reports whether no actor is set.
func (a Actor) IsZero() bool { return a.Code == "" && a.Text == "" }

// SplitCode splits an actor code into its country and first sector:
// "AZEMIL" gives ("AZE", "MIL"); "IGOUNO" gives ("", "IGO"); "---REB"
// gives ("", "REB").
func SplitCode(code string) (country, sector string) {
	if len(code) < 3 {
		return "", ""
	}
	head := code[:3]
	switch head {
	case SectorIGO, SectorNGO:
		return "", head
	case UnknownCountry:
		head = ""
	}
	if len(code) >= 6 {
		sector = code[3:6]
	}
	return head, sector
}
