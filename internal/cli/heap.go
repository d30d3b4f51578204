package cli

import (
	"math"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// codeHeapCeiling is the heap `truce code` keeps under while what is live
// fits well below it: every record is held for the ledger and the
// contradictions across articles, some 180 MB on 100,000 sentences, and
// the collector's default (GOGC=100) lets the heap grow to twice that.
const codeHeapCeiling = 224 << 20

// heapCeiling sets a soft memory limit of ceiling bytes and returns the
// function that lifts it. The collector works harder near the limit
// rather than let the heap double; but a live heap that reaches 90% of it
// would make the collector run without pause, so a watcher then lifts the
// limit and the heap grows as GOGC says. GOMEMLIMIT in the environment is
// left alone by the caller.
func heapCeiling(ceiling int64) (lift func()) {
	prev := debug.SetMemoryLimit(ceiling)
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				metrics.Read(sample)
				if sample[0].Value.Kind() == metrics.KindUint64 && sample[0].Value.Uint64() > uint64(ceiling)*9/10 {
					debug.SetMemoryLimit(math.MaxInt64)
					return
				}
			}
		}
	}()
	return func() {
		close(done)
		<-stopped
		debug.SetMemoryLimit(prev)
	}
}
