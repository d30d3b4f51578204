package cli

import (
	"math"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"
)

// codeHeapCeiling is the heap `truce code` keeps under while what is live
// fits well below it: every record is held for the ledger and the
// contradictions across articles, some 180 MB on 100,000 sentences, and
// the collector's default (GOGC=100) lets the heap grow to twice that.
const codeHeapCeiling = 224 << 20

// codeGCPercent is the collector's pace while `truce code` runs: the heap
// may grow to four times what is live before it collects, where GOGC=100
// lets it double. Coding allocates some 8 KB a sentence that is dead once
// its article is written, and little stays live (the dictionaries, some
// 40 MB, and without --per-article the records the ceiling bounds), so
// fewer collections save some 8% of the time for some 40 MB more.
const codeGCPercent = 300

// heapBudget sets the collector's pace to gcPercent and a soft memory
// limit of ceiling bytes, and returns the function that restores both.
// The collector works harder near the limit rather than let the heap
// grow; but a live heap that reaches 90% of it would make the collector
// run without pause, so a watcher then lifts the limit and restores the
// pace, and the heap grows as it did before. GOGC and GOMEMLIMIT in the
// environment each leave their setting alone.
func heapBudget(ceiling int64, gcPercent int) (restore func()) {
	setPace := os.Getenv("GOGC") == ""
	setLimit := os.Getenv("GOMEMLIMIT") == ""
	var prevPercent int
	if setPace {
		prevPercent = debug.SetGCPercent(gcPercent)
	}
	var once sync.Once
	loosen := func() {
		once.Do(func() {
			if setLimit {
				debug.SetMemoryLimit(math.MaxInt64)
			}
			if setPace {
				debug.SetGCPercent(prevPercent)
			}
		})
	}
	if !setLimit {
		return loosen
	}
	prevLimit := debug.SetMemoryLimit(ceiling)
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
					loosen()
					return
				}
			}
		}
	}()
	return func() {
		close(done)
		<-stopped
		loosen()
		debug.SetMemoryLimit(prevLimit)
	}
}
