package domain

import (
	"strings"
	"testing"
	"unicode"
)

// normalizeRunes is NormalizeText as first written, rune by rune: the
// reference the table-driven ASCII path must agree with.
func normalizeRunes(text string) string {
	var b strings.Builder
	space := false
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		space = true
	}
	return b.String()
}

func TestNormalizeText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"  The U.S. State Dept. said: “No!”  ", "the u s state dept said no"},
		{"Nagorno-Karabakh\n\n2023", "nagorno karabakh 2023"},
		{"Ереван, ÉLYSÉE — İstanbul", "ереван élysée istanbul"},
		{"bad \xff byte", "bad byte"},
	} {
		if got := NormalizeText(tc.in); got != tc.want {
			t.Errorf("NormalizeText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzNormalizeText(f *testing.F) {
	for _, s := range []string{"", "A b-C", "Ереван, ÉLYSÉE", "x\xffy\xc3", "٣ ١٢ Ⅻ ǅ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := NormalizeText(s), normalizeRunes(s); got != want {
			t.Errorf("NormalizeText(%q) = %q, rune by rune %q", s, got, want)
		}
	})
}

func BenchmarkNormalizeText(b *testing.B) {
	text := strings.Repeat("Azerbaijan's president, Ilham Aliyev, said on Tuesday that the “anti-terrorist” operation had ended. ", 30)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		NormalizeText(text)
	}
}
