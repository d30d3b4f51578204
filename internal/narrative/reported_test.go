package narrative

import (
	"strings"
	"testing"

	"github.com/truce/truce/internal/domain"
)

// TestReportedEventIsStatement: an attack reported by a named party
// ("Russian peacekeepers were killed …, Russia's Defence Ministry said")
// contradicts a claim that the ceasefire holds, as the party's statement;
// one reported by no one named, or only possible, does not.
func TestReportedEventIsStatement(t *testing.T) {
	town := stepanakert()
	day := domain.Date{Year: 2023, Month: 9, Day: 21}
	calm := calmClaim(town, day)
	attack := func(id, modality string, by *domain.Actor) domain.Event {
		return domain.Event{ID: id, ArticleID: "a2", SentenceIndex: 5, Date: day, Place: town, CAMEO: "190",
			Modality: modality, AttributedTo: by, Trigger: "killed"}
	}
	rus := &domain.Actor{Code: "RUSGOV"}
	got := Contradictions([]domain.Claim{calm}, []domain.Event{attack("e1", domain.ModalityReported, rus)}, Options{})
	if len(got) != 1 || !strings.Contains(got[0].Explanation, "RUSGOV said") {
		t.Fatalf("reported attack: %+v, want one contradiction naming RUSGOV as the speaker", got)
	}
	for _, ev := range []domain.Event{attack("e2", domain.ModalityReported, nil), attack("e3", domain.ModalityHypothetical, rus)} {
		if got := Contradictions([]domain.Claim{calm}, []domain.Event{ev}, Options{}); len(got) != 0 {
			t.Errorf("%s (%s, attributed %v): %d contradictions, want none", ev.ID, ev.Modality, ev.AttributedTo, len(got))
		}
	}
}

// TestMonthDatedEventIsNoStatement: fighting the text dates only to a
// month ("in September") falls on no day a claim of calm could be held
// against; the same fighting dated to the day contradicts it.
func TestMonthDatedEventIsNoStatement(t *testing.T) {
	town := stepanakert()
	day := domain.Date{Year: 2023, Month: 9, Day: 15}
	calm := calmClaim(town, day)
	for _, tc := range []struct {
		precision, words string
		want             int
	}{
		{domain.DateDay, "on 15 September", 1},
		{domain.DateMonth, "in September", 0},
		{domain.DateYear, "in 2023", 0},
	} {
		fight := domain.Event{ID: "e1", ArticleID: "a2", SentenceIndex: 5, Date: day, Place: town, CAMEO: "190",
			Modality: domain.ModalityAsserted, Trigger: "attacked", DateText: domain.NullString(tc.words),
			DatePrecision: domain.NullString(tc.precision)}
		if got := Contradictions([]domain.Claim{calm}, []domain.Event{fight}, Options{}); len(got) != tc.want {
			t.Errorf("fighting dated %q (%s): %d contradictions, want %d", tc.words, tc.precision, len(got), tc.want)
		}
	}
}

// TestPreTruceFighting: killing the text puts "in the hours before the
// truce began" breaks no truce, though it is of the truce's first day;
// the same killing told without it contradicts the claim of calm.
func TestPreTruceFighting(t *testing.T) {
	town := stepanakert()
	day := domain.Date{Year: 2023, Month: 9, Day: 21}
	calm := calmClaim(town, day)
	for _, tc := range []struct {
		sentence string
		want     int
	}{
		{"Shelling had killed 13 people in the hours before the truce began, officials said.", 0},
		{"Shelling killed 13 people on Thursday, officials said.", 1},
	} {
		fight := domain.Event{ID: "e1", ArticleID: "a2", SentenceIndex: 5, Date: day, Place: town, CAMEO: "194",
			Modality: domain.ModalityReported, AttributedTo: &domain.Actor{Code: "ARMGOV"}, Trigger: "killed",
			Sentence: tc.sentence}
		if got := Contradictions([]domain.Claim{calm}, []domain.Event{fight}, Options{}); len(got) != tc.want {
			t.Errorf("%q: %d contradictions, want %d", tc.sentence, len(got), tc.want)
		}
	}
}

// calmClaim is Azerbaijan's government saying, on day, that the ceasefire
// holds at place.
func calmClaim(place *domain.Place, day domain.Date) domain.Claim {
	return domain.Claim{ID: "calm", ArticleID: "a1", SentenceIndex: 2, Date: day, About: day, Place: place,
		Topic: domain.TopicCeasefire, Polarity: "in_force", Speaker: domain.Actor{Code: "AZEGOV"}, Verb: "said",
		Proposition: "the ceasefire is holding"}
}
