package narrative

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/truce/truce/internal/domain"
)

// syntheticClaims makes n claims spread over 1,000 places (950 towns and
// 50 regions in 20 countries) and the days of a year, with the mix of
// topics a conflict's reporting has: mostly fighting, then tolls,
// ceasefires, aid, crossings and blame.
func syntheticClaims(n int) []domain.Claim {
	r := rand.New(rand.NewPCG(1, 2))
	var places []*domain.Place
	for c := range 20 {
		country := fmt.Sprintf("C%02d", c)
		lat0, lon0 := float64(c%5)*8, float64(c/5)*8
		for i := range 50 {
			p := &domain.Place{Name: fmt.Sprintf("%s-%d", country, i), Country: domain.NullString(country),
				Lat: lat0 + r.Float64()*5, Lon: lon0 + r.Float64()*5}
			if i < 3 {
				p.Precision, p.Region = domain.PrecisionRegion, domain.NullString(p.Name)
			} else {
				p.Precision, p.GeonameID = domain.PrecisionCity, domain.NullInt(c*1000+i+1)
			}
			places = append(places, p)
		}
	}
	start := domain.Date{Year: 2023, Month: 1, Day: 1}
	out := make([]domain.Claim, n)
	for i := range out {
		p := places[r.IntN(len(places))]
		day := start.AddDays(r.IntN(365))
		c := domain.Claim{ID: fmt.Sprintf("c%07d", i), ArticleID: fmt.Sprintf("a%06d", i/5), SentenceIndex: i % 5,
			Date: day, About: day, Place: p,
			Speaker: domain.Actor{Code: domain.NullString(fmt.Sprintf("%sGOV", p.Country))}}
		if r.IntN(2) == 0 {
			c.Speaker = domain.Actor{Name: "unnamed", Text: "residents"}
		}
		switch x := r.IntN(100); {
		case x < 40:
			c.Topic, c.Polarity, c.Proposition = domain.TopicFighting, "ongoing", "heavy fighting"
		case x < 45:
			c.Topic, c.Polarity, c.Proposition = domain.TopicFighting, "stopped", "the fighting stopped"
		case x < 55:
			c.Topic, c.Polarity, c.Proposition = domain.TopicCeasefire, "in_force", "agreed to a seven-day ceasefire"
		case x < 60:
			c.Topic, c.Polarity, c.Proposition = domain.TopicCeasefire, "violated", "violated the truce"
		case x < 75:
			n := r.IntN(300)
			c.Topic, c.Polarity, c.Count, c.CountKind = domain.TopicCasualties, "count", &n, "killed people"
		case x < 85:
			c.Topic, c.Polarity = domain.TopicResponsibility, []string{"accused", "denied", "claimed"}[r.IntN(3)]
			c.Actors = []domain.Actor{{Code: domain.NullString(fmt.Sprintf("%sMIL", p.Country))}}
		case x < 93:
			c.Topic, c.Polarity = domain.TopicAidAccess, []string{"delivered", "blocked"}[r.IntN(2)]
		default:
			c.Topic, c.Polarity = domain.TopicCorridor, []string{"open", "closed"}[r.IntN(2)]
		}
		out[i] = c
	}
	return out
}

// BenchmarkContradictions measures contradiction detection over 10k, 50k
// and 100k claims. The work is blocked by topic family, country and place
// and bounded by each claim's reach in time, so claims/s stays near flat
// as the input grows (run with -benchtime 1x and /usr/bin/time -v for the
// peak memory).
func BenchmarkContradictions(b *testing.B) {
	for _, n := range []int{10_000, 50_000, 100_000} {
		claims := syntheticClaims(n)
		b.Run(fmt.Sprintf("claims=%d", n), func(b *testing.B) {
			found := 0
			for b.Loop() {
				found = len(Contradictions(claims, nil, Options{}))
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "claims/s")
			b.ReportMetric(float64(found), "contradictions")
		})
	}
}
