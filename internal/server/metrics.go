package server

import (
	"bufio"
	"cmp"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// latencyBuckets are the upper bounds, in seconds, of the request
// latency histogram.
var latencyBuckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30}

// metrics counts requests and their latency per route and status, for
// /metrics in the Prometheus text format (written by hand: a few dozen
// lines do not earn a dependency).
type metrics struct {
	mu     sync.Mutex
	series map[seriesKey]*histogram
}

type seriesKey struct {
	route  string
	status int
}

type histogram struct {
	counts []uint64 // per bucket, not cumulative
	count  uint64
	sum    float64
}

func newMetrics() *metrics { return &metrics{series: map[seriesKey]*histogram{}} }

func (m *metrics) observe(route string, status int, d time.Duration) {
	sec := d.Seconds()
	i, _ := slices.BinarySearch(latencyBuckets, sec)
	m.mu.Lock()
	defer m.mu.Unlock()
	k := seriesKey{route, status}
	h := m.series[k]
	if h == nil {
		h = &histogram{counts: make([]uint64, len(latencyBuckets))}
		m.series[k] = h
	}
	if i < len(latencyBuckets) {
		h.counts[i]++
	}
	h.count++
	h.sum += sec
}

// getMetrics writes the store's counts as gauges, then the request
// counters and histograms.
func (s *Server) getMetrics(w http.ResponseWriter, r *http.Request) {
	st, err := s.store.Stats(r.Context())
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	bw := bufio.NewWriter(w)
	defer bw.Flush()
	gauge := func(name, help string, v int) {
		fmt.Fprintf(bw, "# HELP %s %s\n# TYPE %s gauge\n%s %d\n", name, help, name, name, v)
	}
	gauge("truce_articles", "Articles stored.", st.Articles)
	gauge("truce_near_duplicates", "Articles stored as near-duplicates of another.", st.Duplicates)
	gauge("truce_events", "Events stored.", st.Events)
	gauge("truce_claims", "Claims stored.", st.Claims)
	gauge("truce_commitments", "Commitments stored.", st.Commitments)
	gauge("truce_contradictions", "Contradictions stored.", st.Contradictions)
	gauge("truce_mentions", "Mentions stored.", st.Mentions)

	s.metrics.mu.Lock()
	keys := make([]seriesKey, 0, len(s.metrics.series))
	snap := make(map[seriesKey]histogram, len(s.metrics.series))
	for k, h := range s.metrics.series {
		keys = append(keys, k)
		snap[k] = histogram{counts: slices.Clone(h.counts), count: h.count, sum: h.sum}
	}
	s.metrics.mu.Unlock()
	slices.SortFunc(keys, func(a, b seriesKey) int {
		return cmp.Or(strings.Compare(a.route, b.route), cmp.Compare(a.status, b.status))
	})

	fmt.Fprint(bw, "# HELP truce_http_requests_total HTTP requests answered, by route and status.\n")
	fmt.Fprint(bw, "# TYPE truce_http_requests_total counter\n")
	for _, k := range keys {
		fmt.Fprintf(bw, "truce_http_requests_total{%s} %d\n", labels(k), snap[k].count)
	}
	fmt.Fprint(bw, "# HELP truce_http_request_duration_seconds Time to answer HTTP requests, by route and status.\n")
	fmt.Fprint(bw, "# TYPE truce_http_request_duration_seconds histogram\n")
	for _, k := range keys {
		h := snap[k]
		l := labels(k)
		var cum uint64
		for i, le := range latencyBuckets {
			cum += h.counts[i]
			fmt.Fprintf(bw, "truce_http_request_duration_seconds_bucket{%s,le=%q} %d\n", l, strconv.FormatFloat(le, 'g', -1, 64), cum)
		}
		fmt.Fprintf(bw, "truce_http_request_duration_seconds_bucket{%s,le=\"+Inf\"} %d\n", l, h.count)
		fmt.Fprintf(bw, "truce_http_request_duration_seconds_sum{%s} %s\n", l, strconv.FormatFloat(h.sum, 'g', -1, 64))
		fmt.Fprintf(bw, "truce_http_request_duration_seconds_count{%s} %d\n", l, h.count)
	}
}

func labels(k seriesKey) string {
	return `route="` + escapeLabel(k.route) + `",status="` + strconv.Itoa(k.status) + `"`
}

// escapeLabel escapes a label value as the text format requires.
func escapeLabel(s string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s)
}
