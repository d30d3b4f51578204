package cli

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// TestHeapCeiling checks that the ceiling is set while a command runs,
// lifted when the live heap nears it (so the collector never runs without
// pause), and that the limit before it is restored after.
func TestHeapCeiling(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	lift := heapCeiling(1 << 40)
	if got := debug.SetMemoryLimit(-1); got != 1<<40 {
		t.Errorf("limit while running = %d, want %d", got, int64(1<<40))
	}
	lift()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("limit after = %d, want %d as before", got, before)
	}

	// A live heap above 90% of a small ceiling lifts it.
	lift = heapCeiling(8 << 20)
	defer lift()
	live := make([]byte, 16<<20)
	for i := range live {
		live[i] = byte(i)
	}
	deadline := time.Now().Add(5 * time.Second)
	for debug.SetMemoryLimit(-1) != math.MaxInt64 {
		if time.Now().After(deadline) {
			t.Fatalf("limit still %d with %d bytes live", debug.SetMemoryLimit(-1), len(live))
		}
		runtime.GC()
		time.Sleep(20 * time.Millisecond)
	}
	runtime.KeepAlive(live)
}
