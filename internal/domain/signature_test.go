package domain

import (
	"math/rand/v2"
	"testing"
)

// sharedBands counts the bands whose hashes two signatures share.
func sharedBands(s, t Signature) int {
	n := 0
	sb, tb := s.Bands(), t.Bands()
	for i := range sb {
		if sb[i] == tb[i] {
			n++
		}
	}
	return n
}

// TestMinSharedBands checks the bound the near-duplicate lookup relies on:
// no pair at or above the threshold shares fewer bands, and the bound is
// the best one (a pair at the threshold can share exactly that many).
func TestMinSharedBands(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	base := make(Signature, SignatureSize)
	for i := range base {
		base[i] = r.Uint32()
	}
	tight := false
	for range 20000 {
		other := append(Signature(nil), base...)
		// Spoil up to the most positions a near-duplicate may differ in,
		// spread over different bands first, which spoils the most bands.
		spoil := r.IntN(SignatureSize + 1)
		perm := r.Perm(SignatureSize)
		if r.IntN(2) == 0 {
			perm = perm[:0]
			for row := range SignatureRows {
				for _, b := range r.Perm(SignatureBands) {
					perm = append(perm, b*SignatureRows+row)
				}
			}
		}
		for _, p := range perm[:spoil] {
			other[p]++
		}
		if base.Similarity(other) < NearDuplicateThreshold {
			continue
		}
		n := sharedBands(base, other)
		if n < MinSharedBands {
			t.Fatalf("similarity %.3f shares %d bands, fewer than MinSharedBands %d",
				base.Similarity(other), n, MinSharedBands)
		}
		tight = tight || n == MinSharedBands
	}
	if !tight {
		t.Errorf("no near-duplicate shared as few as MinSharedBands (%d) bands: the bound is loose", MinSharedBands)
	}
}
