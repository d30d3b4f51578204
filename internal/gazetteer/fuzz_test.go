package gazetteer

import (
	"testing"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/text"
)

// FuzzMentions: any text gives mentions whose spans lie in the text, in
// order, with the text they claim.
func FuzzMentions(f *testing.F) {
	g := fixtureGazetteer(f)
	for _, s := range []string{
		"Azerbaijan’s President Ilham Aliyev said Moscow had failed thousands of Armenians in Stepanakert.",
		"David Babayan, an adviser to Nagorno-Karabakh’s breakaway ethnic Armenian leader, spoke. He left.",
		"Hungarian and Romanian officials, their government, Atlanta, Georgia, the state of",
		"President , , 's 's their their of of John Smith, a",
		"Syria and Palestinian leader Yasser Arafat met Kurdish fighters in southeastern Serbia; members of the , anti- Ethopia",
		"Leaders of the of, Phillippines Francois Mitterand paid US $5 to the Khartoum government, the FDD, in Western",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc := text.Parse(s)
		for _, m := range g.Mentions(doc, domain.Date{Year: 2023, Month: 11, Day: 7}) {
			if m.Span.Start < 0 || m.Span.End > len(s) || m.Span.Start >= m.Span.End || s[m.Span.Start:m.Span.End] != m.Text {
				t.Fatalf("mention %q at %v in %q", m.Text, m.Span, s)
			}
		}
	})
}
