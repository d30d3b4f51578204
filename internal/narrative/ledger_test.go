package narrative

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestMerge: merging ascending runs gives what sorting them all and
// dropping repeats gives, with one merger used again and again.
func TestMerge(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var m merger
	for range 2000 {
		var runs [][]int
		var all []int
		for range r.IntN(9) {
			var run []int
			n := 0
			for range r.IntN(12) {
				n += 1 + r.IntN(4)
				run = append(run, n)
			}
			runs = append(runs, run)
			all = append(all, run...)
		}
		slices.Sort(all)
		want := slices.Compact(all)
		got := m.merge([]int{-1}, slices.Clone(runs))
		if len(got) == 0 || got[0] != -1 || !slices.Equal(got[1:], want) {
			t.Fatalf("merge(%v) = %v, want [-1] and %v", runs, got, want)
		}
	}
}
