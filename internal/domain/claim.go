package domain

// Claim topics and their polarities.
const (
	TopicCeasefire      = "ceasefire"      // in_force, violated, collapsed
	TopicFighting       = "fighting"       // ongoing, stopped
	TopicCasualties     = "casualties"     // count (per side and kind)
	TopicControl        = "control"        // held, lost (who holds a place)
	TopicAidAccess      = "aid_access"     // delivered, blocked
	TopicCorridor       = "corridor"       // open, closed
	TopicResponsibility = "responsibility" // claimed, denied, accused
	TopicWithdrawal     = "withdrawal"     // done, not_done
	TopicTalks          = "talks"          // held, cancelled
)

// Claim is an attributed statement: who says what, normalised so that
// claims about the same thing can be compared.
type Claim struct {
	ID        string `json:"id"`
	ArticleID string `json:"article_id"`
	// Date is the day the claim was made (the article's, unless the text
	// says otherwise).
	Date          Date   `json:"date"`
	Sentence      string `json:"sentence"`
	SentenceIndex int    `json:"sentence_index"`
	Span          Span   `json:"span"`
	// Speaker is who makes the claim; for unnamed sources ("reports of",
	// "witnesses said") Code is null and Name is "unnamed".
	Speaker Actor `json:"speaker"`
	// Verb is the reporting verb or phrase ("declared", "reports of").
	Verb     string `json:"verb"`
	VerbSpan Span   `json:"verb_span"`
	// Topic and Polarity normalise the proposition; for the general
	// fallback Topic is the PLOVER type and Polarity asserted or negated.
	Topic    string `json:"topic"`
	Polarity string `json:"polarity"`
	// Proposition is the words claimed, at PropositionSpan.
	Proposition     string `json:"proposition"`
	PropositionSpan Span   `json:"proposition_span"`
	// Slots: the place and time the proposition is about, a number with
	// what it counts ("killed"), and the actors it names (who holds a
	// place, who is responsible).
	Place     *Place     `json:"place"`
	About     Date       `json:"about"`
	Count     *int       `json:"count"`
	CountKind NullString `json:"count_kind"`
	Actors    []Actor    `json:"actors"`
	// EventID is the event coded from the same words, if any.
	EventID      NullString `json:"event_id"`
	Rule         string     `json:"rule"`
	CoderVersion string     `json:"coder_version"`
}

// MarshalJSON writes the claim with "kind":"claim" first.
func (c Claim) MarshalJSON() ([]byte, error) { return appendClaim(nil, &c) }

// AppendJSON appends the claim as MarshalJSON writes it.
func (c Claim) AppendJSON(b []byte) ([]byte, error) { return appendClaim(b, &c) }

// Contradiction is two records that cannot both be true: two claims, or a
// claim and an asserted event.
type Contradiction struct {
	ID    string `json:"id"`
	Topic string `json:"topic"`
	Place *Place `json:"place"`
	// Date is the later of the two records' dates.
	Date Date `json:"date"`
	// Claims holds the two record ids (claim or event ids); Articles the
	// articles they come from.
	Claims   []string `json:"claims"`
	Articles []string `json:"articles"`
	// Reason is polarity (opposite polarities), count (numbers that
	// disagree beyond the tolerance) or actors (each side blames the
	// other, or two sides claim the same place).
	Reason      string `json:"reason"`
	Explanation string `json:"explanation"`
}

// MarshalJSON writes the contradiction with "kind":"contradiction" first.
func (c Contradiction) MarshalJSON() ([]byte, error) { return appendContradiction(nil, &c) }

// AppendJSON appends the contradiction as MarshalJSON writes it.
func (c Contradiction) AppendJSON(b []byte) ([]byte, error) { return appendContradiction(b, &c) }
