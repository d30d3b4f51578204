package gazetteer

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/text"
)

// The measures below read the gold files of shared/ and only log what
// they find: they are figures to improve, not assertions. Run them with
//
//	go test ./internal/gazetteer -run Measure -v

const goldDir = "../../../shared/gold/"

type ploverActor struct {
	ActorText string `json:"actorText"`
	Code      string `json:"code"`
	Sector    string `json:"sector"`
}

type ploverRecord struct {
	ID       string          `json:"id"`
	Text     string          `json:"text"`
	Source   json.RawMessage `json:"source"`
	Target   json.RawMessage `json:"target"`
	EventLoc *struct {
		Name    string `json:"name"`
		Country string `json:"country code"`
	} `json:"eventLoc"`
}

func actorsOf(raw json.RawMessage) []ploverActor {
	var as []ploverActor
	if json.Unmarshal(raw, &as) == nil {
		return as
	}
	return nil
}

// locate finds an actor's text in a sentence: as written, else the part
// before an ellipsis ("U.S. ... negotiators").
func locate(s, actor string) (domain.Span, bool) {
	actor = strings.Join(strings.Fields(actor), " ")
	for _, try := range []string{actor, strings.TrimSpace(strings.Split(actor, "...")[0])} {
		if try == "" {
			continue
		}
		// As a whole word: "Britain", not the start of "British".
		for off := 0; ; {
			i := strings.Index(s[off:], try)
			if i < 0 {
				break
			}
			i += off
			end := i + len(try)
			if end == len(s) || !isWordByte(s[end]) {
				return domain.Span{Start: i, End: end}, true
			}
			off = i + 1
		}
	}
	return domain.Span{}, false
}

func TestMeasurePLOVER(t *testing.T) {
	raw, err := os.ReadFile(goldDir + "plover_gsr/PLOVER_GSR_CAMEO.txt")
	if err != nil {
		t.Skip("../shared/gold is absent: skipping the PLOVER measure")
	}
	var recs []ploverRecord
	if err := json.Unmarshal(raw, &recs); err != nil {
		t.Fatal(err)
	}
	g, err := Load(productOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	var sentences, actors, located, country, sector, sectored, locs, locFound, locKnown, locRight int
	var misses, locMisses []string
	for _, r := range recs {
		if r.Text == "" {
			continue
		}
		sentences++
		ms := g.Mentions(text.Parse(r.Text), domain.Date{Year: 2000, Month: 1, Day: 1})
		for _, a := range append(actorsOf(r.Source), actorsOf(r.Target)...) {
			if a.Code == "" {
				continue
			}
			actors++
			sp, ok := locate(r.Text, a.ActorText)
			if !ok {
				continue
			}
			located++
			okC, okS := false, false
			for _, m := range ms {
				if !m.Span.Overlaps(sp) || m.Type == domain.MentionPlace && m.Country == "" {
					continue
				}
				if codeMatches(m, a.Code) {
					okC = true
					if a.Sector == "" || string(m.Sector) == a.Sector {
						okS = true
					}
				}
			}
			if okC {
				country++
			} else {
				misses = append(misses, fmt.Sprintf("%s %q want %s%s", r.ID, a.ActorText, a.Code, a.Sector))
			}
			if a.Sector != "" {
				sectored++
			}
			if okS {
				sector++
			}
		}
		if r.EventLoc != nil && r.EventLoc.Name != "" {
			locs++
			want := ""
			if r.EventLoc.Country != "" {
				want = g.countryByA2[r.EventLoc.Country]
			} else if ix, ok := g.countryNamed(r.EventLoc.Name); ok {
				want = ix
			}
			sp, ok := locate(r.Text, r.EventLoc.Name)
			var got string
			if ok {
				for _, m := range ms {
					if m.Span.Overlaps(sp) && m.Lat != nil {
						got = string(m.Country)
						break
					}
				}
			}
			if got != "" {
				locFound++
			} else {
				locMisses = append(locMisses, fmt.Sprintf("%s %q not found", r.ID, r.EventLoc.Name))
			}
			if want != "" {
				locKnown++
				if got == want {
					locRight++
				} else {
					locMisses = append(locMisses, fmt.Sprintf("%s %q want %s got %q", r.ID, r.EventLoc.Name, want, got))
				}
			}
		}
	}
	t.Logf("PLOVER GSR: %d sentences, %d gold actors (%d found in the text)", sentences, actors, located)
	t.Logf("actor country right: %d/%d = %.3f (aim >= 0.90)", country, actors, ratio(country, actors))
	t.Logf("actor country and sector right: %d/%d = %.3f (sector compared where gold gives one: %d)", sector, actors, ratio(sector, actors), sectored)
	t.Logf("event locations: %d; found as a place: %d = %.3f; right country where gold says which (%d): %d = %.3f (aim >= 0.90)",
		locs, locFound, ratio(locFound, locs), locKnown, locRight, ratio(locRight, locKnown))
	if testing.Verbose() {
		for _, m := range misses {
			t.Log("actor miss: " + m)
		}
		for _, m := range locMisses {
			t.Log("location miss: " + m)
		}
	}
}

// codeMatches compares a mention with a gold code: the country, or IGO/NGO.
func codeMatches(m Mention, gold string) bool {
	switch gold {
	case "IGO", "NGO":
		return strings.HasPrefix(string(m.Code), gold)
	}
	return string(m.Country) == gold
}

func (g *Gazetteer) countryNamed(name string) (string, bool) {
	doc := text.Parse(name)
	for _, m := range g.Mentions(doc, domain.Date{}) {
		if m.Precision == domain.PrecisionCountry {
			return string(m.Country), true
		}
	}
	return "", false
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// TestMeasureConfliBERT scores actor mention spans against the BIO tags
// (S source, T target, R reciprocal) of the ConfliBERT CAMEO sentences.
func TestMeasureConfliBERT(t *testing.T) {
	f, err := os.Open(goldDir + "conflibert_cameo_train/cameo_spans_train.txt")
	if err != nil {
		t.Skip("../shared/gold is absent: skipping the ConfliBERT measure")
	}
	defer f.Close()
	g, err := Load(productOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	var words, tags []string
	var gold, pred, exact, predHit, goldHit, sentences int
	flush := func() {
		if len(words) == 0 {
			return
		}
		sentences++
		var b strings.Builder
		starts := make([]int, len(words))
		for i, w := range words {
			if i > 0 {
				b.WriteByte(' ')
			}
			starts[i] = b.Len()
			b.WriteString(w)
		}
		s := b.String()
		var spans []domain.Span
		for i := 0; i < len(tags); i++ {
			if !strings.HasPrefix(tags[i], "B-") {
				continue
			}
			j := i + 1
			for j < len(tags) && strings.HasPrefix(tags[j], "I-") {
				j++
			}
			spans = append(spans, domain.Span{Start: starts[i], End: starts[j-1] + len(words[j-1])})
			i = j - 1
		}
		gold += len(spans)
		var ms []domain.Span
		for _, m := range g.Mentions(text.Parse(s), domain.Date{}) {
			if m.Type == domain.MentionPlace {
				continue
			}
			ms = append(ms, m.Span)
		}
		pred += len(ms)
		for _, p := range ms {
			for _, gs := range spans {
				if p.Overlaps(gs) {
					predHit++
					break
				}
			}
		}
		for _, gs := range spans {
			hit, ex := false, false
			for _, p := range ms {
				if p.Overlaps(gs) {
					hit = true
				}
				if p == gs || trimDet(s, gs) == p {
					ex = true
				}
			}
			if hit {
				goldHit++
			}
			if ex {
				exact++
			}
		}
		words, tags = words[:0], tags[:0]
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) < 2 {
			flush()
			continue
		}
		words = append(words, fs[0])
		tags = append(tags, fs[1])
	}
	flush()
	t.Logf("ConfliBERT spans: %d sentences, %d gold actor spans, %d predicted actor mentions", sentences, gold, pred)
	t.Logf("overlap: precision %.3f, recall %.3f", ratio(predHit, pred), ratio(goldHit, gold))
	t.Logf("exact span (gold less a leading determiner): recall %.3f, precision %.3f", ratio(exact, gold), ratio(exact, pred))
}

// trimDet drops a leading "a", "an" or "the" from a gold span.
func trimDet(s string, sp domain.Span) domain.Span {
	for _, d := range []string{"a ", "an ", "the ", "A ", "An ", "The "} {
		if strings.HasPrefix(s[sp.Start:sp.End], d) {
			sp.Start += len(d)
			break
		}
	}
	return sp
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
