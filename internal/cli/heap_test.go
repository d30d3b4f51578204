package cli

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// TestHeapBudget checks that the pace and the ceiling are set while a
// command runs, loosened when the live heap nears the ceiling (so the
// collector never runs without pause), and that what was before is
// restored after.
func TestHeapBudget(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	limitBefore, pctBefore := gcSettings()
	restore := heapBudget(1<<40, 350)
	if got := debug.SetMemoryLimit(-1); got != 1<<40 {
		t.Errorf("limit while running = %d, want %d", got, int64(1<<40))
	}
	if got := debug.SetGCPercent(350); got != 350 {
		t.Errorf("GC percent while running = %d, want 350", got)
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != limitBefore {
		t.Errorf("limit after = %d, want %d as before", got, limitBefore)
	}
	if got := debug.SetGCPercent(pctBefore); got != pctBefore {
		t.Errorf("GC percent after = %d, want %d as before", got, pctBefore)
	}

	// A live heap above 90% of a small ceiling lifts it and restores the
	// pace.
	restore = heapBudget(8<<20, 350)
	defer restore()
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
	if got := debug.SetGCPercent(pctBefore); got != pctBefore {
		t.Errorf("GC percent after the lift = %d, want %d as before", got, pctBefore)
	}
	runtime.KeepAlive(live)
}

// TestHeapBudgetEnvironment checks that GOGC and GOMEMLIMIT in the
// environment keep their settings.
func TestHeapBudgetEnvironment(t *testing.T) {
	t.Setenv("GOGC", "100")
	t.Setenv("GOMEMLIMIT", "1GiB")
	limitBefore, pctBefore := gcSettings()
	restore := heapBudget(8<<20, 350)
	defer restore()
	if got := debug.SetMemoryLimit(-1); got != limitBefore {
		t.Errorf("limit = %d with GOMEMLIMIT set, want %d as before", got, limitBefore)
	}
	if got := debug.SetGCPercent(pctBefore); got != pctBefore {
		t.Errorf("GC percent = %d with GOGC set, want %d as before", got, pctBefore)
	}
}

// gcSettings returns the soft memory limit and the GC percent in force,
// leaving both as they are.
func gcSettings() (limit int64, percent int) {
	limit = debug.SetMemoryLimit(-1)
	percent = debug.SetGCPercent(-1)
	debug.SetGCPercent(percent)
	return limit, percent
}
