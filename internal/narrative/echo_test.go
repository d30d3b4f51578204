package narrative

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/truce/truce/internal/domain"
)

// TestEchoes: a claim reprinted in many articles, against a report
// reprinted in many others, is one contradiction between their first
// reports, which says how many repeat each; the copies are not compared
// pair by pair (5,000 of each made 25 million pairs).
func TestEchoes(t *testing.T) {
	town := stepanakert()
	day := domain.Date{Year: 2023, Month: 9, Day: 21}
	for _, copies := range []int{1, 40, 5000} {
		var claims []domain.Claim
		for i := range copies {
			claims = append(claims,
				domain.Claim{ID: fmt.Sprintf("calm%d", i), ArticleID: fmt.Sprintf("a%05d", i), SentenceIndex: 2,
					Date: day, About: day, Place: town, Topic: domain.TopicCeasefire, Polarity: "in_force",
					Speaker: domain.Actor{Code: "AZEGOV"}, Verb: "said", Proposition: "the ceasefire is holding"},
				domain.Claim{ID: fmt.Sprintf("fight%d", i), ArticleID: fmt.Sprintf("b%05d", i), SentenceIndex: 4,
					Date: day, About: day, Place: town, Topic: domain.TopicFighting, Polarity: "ongoing",
					Speaker: domain.Actor{Name: "unnamed", Text: "residents"}, Verb: "reported", Proposition: "heavy gunfire"})
		}
		got := Contradictions(claims, nil, Options{})
		if len(got) != 1 {
			t.Fatalf("%d copies: %d contradictions, want 1", copies, len(got))
		}
		c := got[0]
		if c.Claims[0] != "calm0" || c.Claims[1] != "fight0" {
			t.Errorf("%d copies: contradiction of %v, want the first reports calm0 and fight0", copies, c.Claims)
		}
		for _, id := range []string{"calm0", "fight0"} {
			want := fmt.Sprintf("(%d more reports repeat %s)", copies-1, id)
			if has := strings.Contains(c.Explanation, want); has != (copies > 1) {
				t.Errorf("%d copies: explanation %q, want %q in it: %v", copies, c.Explanation, want, copies > 1)
			}
		}
	}
}

// TestEchoesDiffer: statements that differ in what they say (the day, the
// speaker, the number) are not echoes of each other.
func TestEchoesDiffer(t *testing.T) {
	town := stepanakert()
	day := domain.Date{Year: 2023, Month: 9, Day: 21}
	n1, n2 := 2, 200
	toll := func(id, article string, speaker domain.NullString, n *int, d domain.Date) domain.Claim {
		return domain.Claim{ID: id, ArticleID: article, Date: d, About: d, Place: town, Topic: domain.TopicCasualties,
			Polarity: "count", Count: n, CountKind: "killed people", Speaker: domain.Actor{Code: speaker}, Verb: "said"}
	}
	claims := []domain.Claim{
		toll("t1", "a1", "AZEGOV", &n1, day),
		toll("t2", "a2", "ARMGOV", &n2, day),
		toll("t3", "a3", "ARMGOV", &n2, day.AddDays(1)),
	}
	first, echoes := collapseEchoes(statementsOf(claims))
	if len(first) != 3 || slices.Max(echoes) != 0 {
		t.Errorf("got %d statements compared and echoes %v, want all 3 and none", len(first), echoes)
	}
	if got := Contradictions(claims, nil, Options{}); len(got) != 2 {
		t.Errorf("got %d contradictions, want 2 (2 dead against each of the 200 tolls)", len(got))
	}
}

// stepanakert is a town the tests' records happen in.
func stepanakert() *domain.Place {
	return &domain.Place{Name: "Stepanakert", Country: "AZE", GeonameID: domain.NullInt(174875),
		Precision: domain.PrecisionCity, Lat: 39.8177, Lon: 46.7528}
}

func statementsOf(claims []domain.Claim) []statement {
	var all []statement
	for i := range claims {
		all = append(all, fromClaim(&claims[i]))
	}
	return all
}
