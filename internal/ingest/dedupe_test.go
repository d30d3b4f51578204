package ingest

import (
	"strings"
	"testing"

	"github.com/truce/truce/internal/domain"
)

// wire is a wire story of our own writing; reprint is the same story as
// an outlet runs it, with a few words changed.
const (
	wire = `GENEVA - Delegations from the government and the armed opposition met for a third day of talks on Thursday, ` +
		`trying to turn a fragile ceasefire into a lasting agreement, diplomats said. The talks, hosted by regional ` +
		`mediators, focus on the withdrawal of heavy weapons from the front line, the exchange of prisoners and the ` +
		`opening of humanitarian corridors to besieged towns in the north. Aid agencies say more than 200,000 people ` +
		`have been cut off from food and medicine since the fighting escalated in the spring. A spokesman for the ` +
		`opposition said his side would not disarm before international guarantees were in place, while the ` +
		`government delegation accused rebel units of shelling villages overnight in violation of the truce. ` +
		`Mediators said they hoped to announce a framework for a monitoring mission by the end of the week.`
	reprint = `GENEVA - Delegations from the government and the armed opposition met for a third day of talks on Thursday, ` +
		`seeking to turn a fragile ceasefire into a lasting agreement, diplomats said. The talks, hosted by regional ` +
		`mediators, focus on the withdrawal of heavy weapons from the front line, the exchange of detainees and the ` +
		`opening of humanitarian corridors to besieged towns in the north. Aid agencies say more than 200,000 people ` +
		`have been cut off from food and medicine since the fighting escalated in the spring. A spokesman for the ` +
		`opposition said his side would not disarm before international guarantees were in place, while the ` +
		`government delegation accused rebel units of shelling villages overnight in violation of the truce. ` +
		`Mediators said they hoped to announce a framework for a monitoring mission by the end of the week.`
	unrelated = `Farmers in the river valley began the harvest early this year after weeks of unusual heat, local ` +
		`officials said on Monday. Wheat prices at the regional market rose by a tenth as traders worried about ` +
		`smaller yields, and the cooperative asked the ministry for help with storage. A new irrigation scheme ` +
		`opened last month is expected to water twice as many fields by next season, engineers said, although ` +
		`some villages downstream complain that the canal has lowered their wells. The agriculture minister will ` +
		`visit the valley next week to meet growers and inspect the grain stores.`
	sameTopic = `Fighting broke out again near the northern front line on Sunday as government troops and rebel ` +
		`fighters traded artillery fire, residents said. Several houses were destroyed and families fled toward ` +
		`the border. The army said it had repelled an attack on its positions; the rebels said the army had ` +
		`started the shelling. Neither account could be verified independently.`
)

func TestSignatureSimilarity(t *testing.T) {
	tests := []struct {
		name     string
		a, b     string
		min, max float64
	}{
		{"identical", wire, wire, 1, 1},
		{"typography only", wire, strings.ToUpper(strings.ReplaceAll(wire, " - ", " — ")), 1, 1},
		{"a reprint with a few words changed", wire, reprint, domain.NearDuplicateThreshold, 1},
		{"a reprint cut short", wire, wire[:len(wire)*9/10], domain.NearDuplicateThreshold, 1},
		{"unrelated stories", wire, unrelated, 0, 0.3},
		{"same topic, other story", wire, sameTopic, 0, 0.3},
		{"short texts", "Ceasefire holds", "Ceasefire holds", 1, 1},
		{"short and different", "Ceasefire holds", "Talks collapse", 0, 0.3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Signature(tt.a).Similarity(Signature(tt.b))
			if got < tt.min || got > tt.max {
				t.Errorf("similarity: got %.3f, want within [%.2f, %.2f]", got, tt.min, tt.max)
			}
		})
	}
}

func TestSignatureStable(t *testing.T) {
	s := Signature(wire)
	if len(s) != domain.SignatureSize {
		t.Fatalf("got %d values, want %d", len(s), domain.SignatureSize)
	}
	// Signatures are stored and compared across runs and machines: these
	// values must never change without a migration.
	want := []uint32{s[0], s[1], s[63]}
	for range 3 {
		if got := Signature(wire); got[0] != want[0] || got[1] != want[1] || got[63] != want[2] {
			t.Fatalf("signature changed between calls")
		}
	}
	if got := Signature("Ceasefire holds"); got[0] == 0 || got[0] == ^uint32(0) {
		t.Errorf("short text: got %v, want word hashes", got[:4])
	}
	empty := Signature("")
	if empty[0] != ^uint32(0) {
		t.Errorf("empty text: got %d, want the maximum (no shingle)", empty[0])
	}
}

func TestFinish(t *testing.T) {
	a := &domain.Article{Text: wire}
	finish(a)
	if a.Hash != domain.NormalizedHash(wire) {
		t.Errorf("hash: got %s, want domain.NormalizedHash's %s", a.Hash, domain.NormalizedHash(wire))
	}
	if a.ID != domain.ContentID(a.Hash) {
		t.Errorf("id: got %s, want the content id", a.ID)
	}
	b := &domain.Article{ID: "given", Text: wire}
	finish(b)
	if b.ID != "given" {
		t.Errorf("id: got %s, want the input's", b.ID)
	}
}

// BenchmarkSignature measures MinHash alone, on a normalised article of
// about 3 KB (470 words).
func BenchmarkSignature(b *testing.B) {
	norm := domain.NormalizeText(strings.Repeat(wire+" ", 3))
	cpu := cpuTime()
	for b.Loop() {
		signatureOf(norm)
	}
	reportRate(b, b.N, cpuTime()-cpu)
}

// BenchmarkFinish measures what each article costs after parsing:
// normalising, SHA-256 and MinHash.
func BenchmarkFinish(b *testing.B) {
	text := strings.Repeat(wire+" ", 3)
	b.SetBytes(int64(len(text)))
	cpu := cpuTime()
	for b.Loop() {
		finish(&domain.Article{Text: text})
	}
	reportRate(b, b.N, cpuTime()-cpu)
}
