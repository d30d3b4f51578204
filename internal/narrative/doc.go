// Package narrative works across articles: it finds the claims and events
// that cannot both be true (contradictions) and keeps the commitments
// ledger up to date with what later reports show. It sees only records, so
// it is the same whether the records come from one `truce code` run or
// from the store as articles arrive.
package narrative
