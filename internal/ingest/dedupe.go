package ingest

import (
	"math"
	"math/bits"

	"github.com/truce/truce/internal/domain"
)

// Signature returns the MinHash signature of text: for each of
// domain.SignatureSize hash functions, the least hash over the word
// 3-shingles of domain.NormalizeText(text) (single words when the text has
// fewer than three). The share of equal positions in two signatures
// estimates the Jaccard similarity of the two texts' shingle sets, so a
// wire story reprinted with a few words changed stays close to its
// original.
func Signature(text string) domain.Signature {
	return signatureOf(domain.NormalizeText(text))
}

// One 64-bit hash per shingle, then each of the SignatureSize functions is
// a multiply-add with its own odd multiplier and addend, keeping the high
// 32 bits (multiply-shift hashing: cheap, and universal enough for
// well-mixed input).
var minhashA, minhashB = minhashParams()

func minhashParams() (a, b [domain.SignatureSize]uint64) {
	// Fixed seeds: signatures are stored, so they must be the same on
	// every run and machine.
	s := uint64(0x7472756365) // "truce"
	for i := range a {
		a[i] = splitmix(&s) | 1
		b[i] = splitmix(&s)
	}
	return a, b
}

func splitmix(s *uint64) uint64 {
	*s += 0x9E3779B97F4A7C15
	return mix64(*s)
}

// mix64 is splitmix64's finaliser: every input bit affects every output
// bit.
func mix64(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}

// signatureOf computes the signature of normalised text (words of letters
// and digits separated by single spaces).
func signatureOf(norm string) domain.Signature {
	hashes := shingleHashes(norm)
	sig := make(domain.Signature, domain.SignatureSize)
	// Four functions over all shingles at a time: the running minima stay
	// in registers, and four independent chains keep the CPU busy.
	for i := 0; i < len(sig); i += 4 {
		a0, a1, a2, a3 := minhashA[i], minhashA[i+1], minhashA[i+2], minhashA[i+3]
		b0, b1, b2, b3 := minhashB[i], minhashB[i+1], minhashB[i+2], minhashB[i+3]
		m0, m1, m2, m3 := uint32(math.MaxUint32), uint32(math.MaxUint32), uint32(math.MaxUint32), uint32(math.MaxUint32)
		for _, x := range hashes {
			m0 = min(m0, uint32((x*a0+b0)>>32))
			m1 = min(m1, uint32((x*a1+b1)>>32))
			m2 = min(m2, uint32((x*a2+b2)>>32))
			m3 = min(m3, uint32((x*a3+b3)>>32))
		}
		sig[i], sig[i+1], sig[i+2], sig[i+3] = m0, m1, m2, m3
	}
	return sig
}

// shingleHashes returns one well-mixed 64-bit hash per word 3-shingle of
// normalised text, or per word when it has fewer than three.
func shingleHashes(norm string) []uint64 {
	out := make([]uint64, 0, len(norm)/6+2)
	var w1, w2 uint64 // hashes of the two words before the current one
	n := 0
	start := 0
	for i := 0; i <= len(norm); i++ {
		if i < len(norm) && norm[i] != ' ' {
			continue
		}
		if i == start {
			start = i + 1
			continue
		}
		h := uint64(14695981039346656037) // FNV-1a
		for j := start; j < i; j++ {
			h ^= uint64(norm[j])
			h *= 1099511628211
		}
		start = i + 1
		n++
		if n >= 3 {
			// Rotations keep the order of words in the shingle.
			out = append(out, mix64(bits.RotateLeft64(w1, 42)^bits.RotateLeft64(w2, 21)^h))
		}
		w1, w2 = w2, h
	}
	switch n {
	case 1:
		out = append(out, mix64(w2))
	case 2:
		out = append(out, mix64(w1), mix64(w2))
	}
	return out
}
