package domain

// Modalities: how the text stands toward an event. A promise, a demand, a
// condition, a denial and a report are not facts.
const (
	ModalityAsserted     = "asserted"     // the text states it happened
	ModalityReported     = "reported"     // attributed to someone, not confirmed
	ModalityIntended     = "intended"     // a promise, plan or intent
	ModalityDemanded     = "demanded"     // called for, urged, demanded
	ModalityConditional  = "conditional"  // only if, before, unless
	ModalityNegated      = "negated"      // did not happen, denied
	ModalityHypothetical = "hypothetical" // could, may, might
)

// Modalities lists every modality, in the order above.
var Modalities = []string{
	ModalityAsserted, ModalityReported, ModalityIntended, ModalityDemanded,
	ModalityConditional, ModalityNegated, ModalityHypothetical,
}

// PLOVER is an event's type in the PLOVER ontology, with its mode and
// contexts.
type PLOVER struct {
	Type    string     `json:"type"`
	Mode    NullString `json:"mode"`
	Context []string   `json:"context"`
}

// ACLED is an event's ACLED-style type and sub-type; nil for events
// outside ACLED's vocabulary (most verbal events).
type ACLED struct {
	EventType    string `json:"event_type"`
	SubEventType string `json:"sub_event_type"`
}

// Count is a number the text gives, as a best estimate with bounds; each
// is null when the text does not give it.
type Count struct {
	Best *int `json:"best"`
	Low  *int `json:"low"`
	High *int `json:"high"`
}

// IsZero reports whether no number is known.
func (c Count) IsZero() bool { return c.Best == nil && c.Low == nil && c.High == nil }

// Event is who did what to whom, where and when, as one sentence reports
// it, with the words and the rule that produced it.
type Event struct {
	ID        string `json:"id"`
	ArticleID string `json:"article_id"`
	// Date is the day the event happened: from the text ("on Tuesday")
	// or else the article's date; null when neither is known. DateText is
	// the words that gave it, and DatePrecision how exactly they fix the
	// day: DateDay, DateWeek, DateMonth (Date is the month's middle) or
	// DateYear; both are null when the date is the article's.
	Date          Date       `json:"date"`
	DateText      NullString `json:"date_text"`
	DatePrecision NullString `json:"date_precision"`
	// Sentence is the sentence's text and Span its bytes in the article;
	// SentenceIndex counts sentences from 0.
	Sentence      string `json:"sentence"`
	SentenceIndex int    `json:"sentence_index"`
	Span          Span   `json:"span"`
	// Trigger is the words that fixed the event type, at TriggerSpan.
	Trigger     string  `json:"trigger"`
	TriggerSpan Span    `json:"trigger_span"`
	Source      []Actor `json:"source"`
	Target      []Actor `json:"target"`
	// CAMEO is the CAMEO event code ("141"), QuadClass its quad class
	// (1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
	// 4 material conflict), Goldstein its Goldstein weight.
	CAMEO     string  `json:"cameo"`
	QuadClass int     `json:"quad_class"`
	Goldstein float64 `json:"goldstein"`
	PLOVER    PLOVER  `json:"plover"`
	ACLED     *ACLED  `json:"acled"`
	Modality  string  `json:"modality"`
	Place     *Place  `json:"place"`
	// Fatalities, Injured and Arrested are the numbers the text gives;
	// Size is the crowd size as written ("thousands"), SizeEstimate its
	// conservative number.
	Fatalities   Count      `json:"fatalities"`
	Injured      Count      `json:"injured"`
	Arrested     Count      `json:"arrested"`
	Size         NullString `json:"size"`
	SizeEstimate *int       `json:"size_estimate"`
	// AttributedTo is who reports the event when the text attributes it
	// ("X said Y attacked Z": X); null when the text asserts it.
	AttributedTo *Actor `json:"attributed_to"`
	// Issue is what a protest or demand is about ("accountability").
	Issue NullString `json:"issue"`
	// Rule is the dictionary entry or rule that produced the event,
	// Confidence the coder's confidence in [0,1], CoderVersion the coder.
	Rule         string  `json:"rule"`
	Confidence   float64 `json:"confidence"`
	CoderVersion string  `json:"coder_version"`
}

// MarshalJSON writes the event with "kind":"event" first and empty actor
// lists as [].
func (e Event) MarshalJSON() ([]byte, error) { return appendEvent(nil, &e) }

// AppendJSON appends the event as MarshalJSON writes it.
func (e Event) AppendJSON(b []byte) ([]byte, error) { return appendEvent(b, &e) }

// Feature is an event as a GeoJSON feature: the point of its place, and
// the event record as its properties. An event without a place has none:
// a map cannot show it, and inventing a point would mislead.
type Feature struct {
	Type       string `json:"type"`
	Geometry   Point  `json:"geometry"`
	Properties Event  `json:"properties"`
}

// Point is a GeoJSON point, [longitude, latitude].
type Point struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"`
}

// Feature returns the event as a GeoJSON feature, and false when it has no
// place or a place known by name only, without coordinates.
func (e Event) Feature() (Feature, bool) {
	if e.Place == nil || e.Place.Precision == "" {
		return Feature{}, false // no place, or one known by name only
	}
	return Feature{"Feature", Point{"Point", [2]float64{e.Place.Lon, e.Place.Lat}}, e}, true
}
