package domain

import "math"

// NearDuplicateThreshold is the estimated Jaccard similarity of word
// shingles at or above which an article is a near-duplicate of an earlier
// one.
const NearDuplicateThreshold = 0.8

// Signature is a MinHash signature: for each of SignatureSize hash
// functions, the minimum hash over a text's word shingles. The share of
// equal positions in two signatures estimates the Jaccard similarity of the
// two shingle sets.
type Signature []uint32

// SignatureSize is the number of hash functions in a Signature, and
// SignatureBands*SignatureRows == SignatureSize. With 16 bands of 4 rows
// two texts of similarity 0.8 share a band with probability 0.9998, and
// texts of similarity 0.3 with probability 0.12, so candidates are few and
// near-duplicates are rarely missed.
const (
	SignatureSize  = 64
	SignatureBands = 16
	SignatureRows  = SignatureSize / SignatureBands
)

// Similarity estimates the Jaccard similarity of the texts behind s and t:
// the share of positions where they agree. It is 0 when either is empty or
// the sizes differ.
func (s Signature) Similarity(t Signature) float64 {
	if len(s) == 0 || len(s) != len(t) {
		return 0
	}
	same := 0
	for i := range s {
		if s[i] == t[i] {
			same++
		}
	}
	return float64(same) / float64(len(s))
}

// MinSharedBands is the fewest bands that two signatures of similarity at
// least NearDuplicateThreshold can share: they disagree in at most
// SignatureSize - ceil(threshold*SignatureSize) positions, and each
// disagreement spoils at most one band. So a candidate that shares fewer
// bands cannot pass the similarity check and need not be fetched.
var MinSharedBands = max(1, SignatureBands-(SignatureSize-int(math.Ceil(NearDuplicateThreshold*SignatureSize-1e-9))))

// Bands returns one hash per band of rows (locality-sensitive hashing):
// texts that share any band hash are candidates for a near-duplicate
// check. The band index is mixed in so equal rows in different bands do
// not collide.
func (s Signature) Bands() []uint64 {
	if len(s) != SignatureSize {
		return nil
	}
	out := make([]uint64, SignatureBands)
	for b := range SignatureBands {
		h := uint64(14695981039346656037) ^ uint64(b)
		for _, v := range s[b*SignatureRows : (b+1)*SignatureRows] {
			h ^= uint64(v)
			h *= 1099511628211
		}
		// Keep the value within SQL's signed 64-bit integer range.
		out[b] = h >> 1
	}
	return out
}
