package domain

// Commitment categories.
const (
	CategoryCeasefire   = "ceasefire"
	CategoryAid         = "aid"
	CategoryDisarmament = "disarmament"
	CategoryWithdrawal  = "withdrawal"
	CategoryRelease     = "release"
	CategoryRights      = "rights"
	CategoryTalks       = "talks"
	CategoryOther       = "other"
)

// Commitment statuses.
const (
	StatusPending     = "pending"     // made, nothing yet either way
	StatusFulfilled   = "fulfilled"   // a later asserted event by the actor keeps it
	StatusViolated    = "violated"    // a later asserted event breaks it
	StatusOverdue     = "overdue"     // its due date passed with nothing either way
	StatusConditional = "conditional" // it holds only if a condition is met
)

// Commitment is a pledge, an agreement or a conditional position, tracked
// against what later reports show.
type Commitment struct {
	ID            string `json:"id"`
	ArticleID     string `json:"article_id"`
	Date          Date   `json:"date"`
	Sentence      string `json:"sentence"`
	SentenceIndex int    `json:"sentence_index"`
	Span          Span   `json:"span"`
	// Actor makes the commitment; Beneficiary is who it is for, when the
	// text says.
	Actor       Actor  `json:"actor"`
	Beneficiary *Actor `json:"beneficiary"`
	Category    string `json:"category"`
	// Action is what is promised ("provide fuel and humanitarian aid"),
	// at ActionSpan; Condition what it depends on, null when unconditional.
	Action     string     `json:"action"`
	ActionSpan Span       `json:"action_span"`
	Condition  NullString `json:"condition"`
	// Place is where the commitment applies: its sentence's place, else
	// the article's focus place.
	Place *Place `json:"place"`
	// Due is the deadline where the text states one ("within 72 hours").
	Due    Date   `json:"due"`
	Status string `json:"status"`
	// Evidence is the trail of later records that changed the status.
	Evidence     []Evidence `json:"evidence"`
	EventID      NullString `json:"event_id"`
	Rule         string     `json:"rule"`
	CoderVersion string     `json:"coder_version"`
}

// Evidence is a record that changed a commitment's status.
type Evidence struct {
	// Record is the id of the event or claim; ArticleID where it is.
	Record    string `json:"record"`
	ArticleID string `json:"article_id"`
	Date      Date   `json:"date"`
	// Status is the status it led to, Note why.
	Status string `json:"status"`
	Note   string `json:"note"`
}

// MarshalJSON writes the commitment with "kind":"commitment" first.
func (c Commitment) MarshalJSON() ([]byte, error) { return appendCommitment(nil, &c) }

// AppendJSON appends the commitment as MarshalJSON writes it.
func (c Commitment) AppendJSON(b []byte) ([]byte, error) { return appendCommitment(b, &c) }
