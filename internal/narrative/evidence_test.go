package narrative

import (
	"fmt"
	"strings"
	"testing"

	"github.com/truce/truce/internal/domain"
)

// TestEvidenceCapped: a ceasefire its party breaks on each of fifty days
// is violated, with the first MaxEvidence breaches as its trail, and the
// last of them says that later ones are not listed.
func TestEvidenceCapped(t *testing.T) {
	town := stepanakert()
	day := domain.Date{Year: 2023, Month: 9, Day: 20}
	pledge := domain.Commitment{ID: "m1", ArticleID: "a0", Date: day, Actor: domain.Actor{Code: "AZEMIL"},
		Category: domain.CategoryCeasefire, Action: "stop firing", Sentence: "Azerbaijan agreed to a ceasefire.",
		Place: town, Status: domain.StatusPending}
	for _, n := range []int{3, 50} {
		var events []domain.Event
		for i := range n {
			events = append(events, domain.Event{ID: fmt.Sprintf("e%02d", i), ArticleID: fmt.Sprintf("a%d", i+1),
				Date: day.AddDays(1 + i%2), CAMEO: "190", Modality: domain.ModalityAsserted, Place: town,
				Source: []domain.Actor{{Code: "AZEMIL"}}, Sentence: "Azerbaijani troops shelled the town."})
		}
		got := Ledger([]domain.Commitment{pledge}, events, nil, Options{MaxEvidence: 10})[0]
		if got.Status != domain.StatusViolated {
			t.Errorf("%d breaches: status %s, want violated", n, got.Status)
		}
		if want := min(n, 10); len(got.Evidence) != want {
			t.Errorf("%d breaches: %d records in the trail, want %d", n, len(got.Evidence), want)
		}
		last := got.Evidence[len(got.Evidence)-1]
		if noted := strings.Contains(last.Note, "not listed"); noted != (n > 10) {
			t.Errorf("%d breaches: last note %q", n, last.Note)
		}
		if got.Evidence[0].Record != "e00" {
			t.Errorf("%d breaches: trail starts with %s, want the first breach e00", n, got.Evidence[0].Record)
		}
	}
}

// TestEvidenceBrokenAfterFull: an aid pledge kept thirty times and then
// blocked by its own party is violated, though its trail of fulfilments
// was full before the breach.
func TestEvidenceBrokenAfterFull(t *testing.T) {
	town := stepanakert()
	day := domain.Date{Year: 2023, Month: 9, Day: 20}
	pledge := domain.Commitment{ID: "m1", ArticleID: "a0", Date: day, Actor: domain.Actor{Code: "AZEGOV"},
		Category: domain.CategoryAid, Action: "provide humanitarian aid",
		Sentence: "Azerbaijan agreed to provide humanitarian aid.", Place: town, Status: domain.StatusPending}
	var events []domain.Event
	for i := range 30 {
		events = append(events, domain.Event{ID: fmt.Sprintf("e%02d", i), ArticleID: fmt.Sprintf("a%d", i+1),
			Date: day.AddDays(1), CAMEO: "070", Modality: domain.ModalityAsserted, Place: town,
			Source: []domain.Actor{{Code: "AZEGOV"}}, Sentence: "Azerbaijan delivered humanitarian aid to the town."})
	}
	blocked := domain.Claim{ID: "c1", ArticleID: "b1", Date: day.AddDays(5), About: day.AddDays(5), Place: town,
		Topic: domain.TopicAidAccess, Polarity: "blocked", Actors: []domain.Actor{{Code: "AZEGOV"}},
		Speaker: domain.Actor{Name: "unnamed", Text: "aid workers"}, Verb: "said", Proposition: "Azerbaijan blocked the aid convoy"}
	got := Ledger([]domain.Commitment{pledge}, events, []domain.Claim{blocked}, Options{MaxEvidence: 10})[0]
	if got.Status != domain.StatusViolated {
		t.Fatalf("status %s, want violated; trail %v", got.Status, got.Evidence)
	}
	kept, broken := 0, 0
	for _, e := range got.Evidence {
		switch e.Status {
		case domain.StatusFulfilled:
			kept++
		case domain.StatusViolated:
			broken++
			if e.Record != "c1" {
				t.Errorf("violated by %s, want c1", e.Record)
			}
		}
	}
	if kept != 10 || broken != 1 {
		t.Errorf("trail of %d fulfilments and %d violations, want 10 and 1", kept, broken)
	}
}

// TestEvidenceAdversary: the adversary's word that a party kept its
// promise is evidence of it ("Cambodia's defence ministry said Thailand
// released 18 soldiers"); its word that the party broke it is an
// accusation, not evidence.
func TestEvidenceAdversary(t *testing.T) {
	day := domain.Date{Year: 2025, Month: 7, Day: 28}
	pledge := domain.Commitment{ID: "m1", ArticleID: "a0", Date: day, Actor: domain.Actor{Code: "THA"},
		Category: domain.CategoryRelease, Action: "release captured soldiers",
		Sentence: "Thailand and Cambodia agreed to release captured soldiers.", Status: domain.StatusPending}
	kept := domain.Event{ID: "e1", ArticleID: "a1", Date: day.AddDays(3), CAMEO: "0841", Modality: domain.ModalityReported,
		Source: []domain.Actor{{Code: "THA"}}, Target: []domain.Actor{{Code: "KHMMIL"}},
		AttributedTo: &domain.Actor{Code: "KHMMIL"}, Sentence: "Thailand released 18 Cambodian soldiers, Cambodia's defence ministry said."}
	// Its partner in the deal, of the same sentence, is its adversary.
	partner := pledge
	partner.ID, partner.Actor = "m1b", domain.Actor{Code: "KHM"}
	got := Ledger([]domain.Commitment{pledge, partner}, []domain.Event{kept}, nil, Options{})[0]
	if got.Status != domain.StatusFulfilled {
		t.Errorf("release reported by the adversary: status %s, want fulfilled", got.Status)
	}
	truce := domain.Commitment{ID: "m2", ArticleID: "a0", Date: day, Actor: domain.Actor{Code: "THAMIL"},
		Category: domain.CategoryCeasefire, Action: "stop firing", Sentence: "Thailand agreed to a ceasefire.",
		Status: domain.StatusPending}
	accused := domain.Event{ID: "e2", ArticleID: "a2", Date: day.AddDays(1), CAMEO: "194", Modality: domain.ModalityReported,
		Source: []domain.Actor{{Code: "THAMIL"}}, AttributedTo: &domain.Actor{Code: "KHMGOV"},
		Sentence: "Thai troops shelled Cambodian villages, Cambodia's government said."}
	truceB := truce
	truceB.ID, truceB.Actor = "m2b", domain.Actor{Code: "KHMMIL"}
	got = Ledger([]domain.Commitment{truce, truceB}, []domain.Event{accused}, nil, Options{})[0]
	if got.Status != domain.StatusPending {
		t.Errorf("breach alleged by the adversary: status %s, want pending", got.Status)
	}
}
