package coder

import (
	"testing"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/text"
)

func count(c domain.Count) [3]int {
	v := func(p *int) int {
		if p == nil {
			return -1
		}
		return *p
	}
	return [3]int{v(c.Best), v(c.Low), v(c.High)}
}

func TestReadCounts(t *testing.T) {
	const none = -1
	for _, tc := range []struct {
		in         string
		fat, inj   [3]int
		arr        [3]int
		size       string
		sizeNumber int
	}{
		{in: "At least 30 people were killed and 12 wounded.", fat: [3]int{30, 30, none}, inj: [3]int{12, none, none}, arr: [3]int{none, none, none}},
		{in: "Between 20 and 25 civilians died in the strike.", fat: [3]int{20, 20, 25}, inj: [3]int{none, none, none}, arr: [3]int{none, none, none}},
		{in: "Dozens were killed when shells hit the market.", fat: [3]int{12, none, none}, inj: [3]int{none, none, none}, arr: [3]int{none, none, none}},
		{in: "The death toll rose to 170 on Tuesday.", fat: [3]int{170, none, none}, inj: [3]int{none, none, none}, arr: [3]int{none, none, none}},
		{in: "Police arrested more than 100 protesters.", fat: [3]int{none, none, none}, inj: [3]int{none, none, none}, arr: [3]int{100, 100, none}, size: "", sizeNumber: 0},
		{in: "Thousands of Armenians protested in Yerevan.", fat: [3]int{none, none, none}, inj: [3]int{none, none, none}, arr: [3]int{none, none, none}, size: "Thousands", sizeNumber: 1000},
		{in: "The operation has resulted in casualties and displacement.", fat: [3]int{none, none, none}, inj: [3]int{none, none, none}, arr: [3]int{none, none, none}},
		{in: "Up to 40 soldiers were killed in 2023.", fat: [3]int{none, none, 40}, inj: [3]int{none, none, none}, arr: [3]int{none, none, none}},
		{in: "Twenty-five people died and hundreds were injured.", fat: [3]int{25, none, none}, inj: [3]int{100, none, none}, arr: [3]int{none, none, none}},
		{in: "In 2020, the war killed 6,500 soldiers.", fat: [3]int{6500, none, none}, inj: [3]int{none, none, none}, arr: [3]int{none, none, none}},
	} {
		toks := text.Tokenize(tc.in, 0, len(tc.in), nil)
		c := ReadCounts(tc.in, toks)
		if got := count(c.Fatalities); got != tc.fat {
			t.Errorf("%q fatalities = %v, want %v", tc.in, got, tc.fat)
		}
		if got := count(c.Injured); got != tc.inj {
			t.Errorf("%q injured = %v, want %v", tc.in, got, tc.inj)
		}
		if got := count(c.Arrested); got != tc.arr {
			t.Errorf("%q arrested = %v, want %v", tc.in, got, tc.arr)
		}
		if c.Size != tc.size {
			t.Errorf("%q size = %q, want %q", tc.in, c.Size, tc.size)
		}
		if tc.size != "" && (c.SizeEstimate == nil || *c.SizeEstimate != tc.sizeNumber) {
			t.Errorf("%q size estimate = %v, want %d", tc.in, c.SizeEstimate, tc.sizeNumber)
		}
	}
}
