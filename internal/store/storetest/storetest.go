// Package storetest is the conformance suite of store.Store: every backend
// runs it from its own tests (Run), so that they all behave as the contract
// in package store says. It uses only the store API and the domain types,
// never a backend's specifics, and holds the synthetic corpus that
// backends' benchmarks share.
package storetest

import (
	"testing"

	"github.com/truce/truce/internal/store"
)

// Run runs the suite. open must return a new, empty store for each call,
// and close it when the test ends (t.Cleanup).
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	groups := []struct {
		name  string
		tests []test
	}{
		{"AddArticles", addArticleTests},
		{"Articles", articleTests},
		{"Uncoded", uncodedTests},
		{"SaveCodings", codingTests},
		{"Events", eventTests},
		{"Claims", claimTests},
		{"Commitments", commitmentTests},
		{"Contradictions", contradictionTests},
		{"Timeline", timelineTests},
		{"Dyads", dyadTests},
		{"Stats", statsTests},
		{"Concurrency", concurrencyTests},
	}
	for _, g := range groups {
		t.Run(g.name, func(t *testing.T) {
			for _, tc := range g.tests {
				t.Run(tc.name, func(t *testing.T) {
					tc.run(t, newFixture(t, open))
				})
			}
		})
	}
}

// test is one named subtest of the suite.
type test struct {
	name string
	run  func(t *testing.T, f *fixture)
}
