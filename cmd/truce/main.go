// Command truce reads news about wars, ceasefires and politics and turns it
// into a structured, explainable record: events, claims and their
// contradictions, and commitments tracked against later reports.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/truce/truce/internal/cli"
)

// memoryLimit is the heap size past which the garbage collector works
// harder rather than let the heap double (GOGC's default) while a command
// holds many records: `truce code` on 100,000 sentences keeps some 180 MB
// live for the ledger and contradictions across articles, which the heap
// would grow to 360 MB around. It is a soft limit: a larger live heap
// still gets its memory, at the cost of more collections. GOMEMLIMIT in
// the environment overrides it.
const memoryLimit = 224 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// The first signal asks the command to stop cleanly (the batch in
	// flight is not stored); a second one ends the process at once, for
	// a step that does not check ctx.
	go func() {
		<-ctx.Done()
		stop()
	}()
	code := cli.Main(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
