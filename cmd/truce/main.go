// Command truce reads news about wars, ceasefires and politics and turns it
// into a structured, explainable record: events, claims and their
// contradictions, and commitments tracked against later reports.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/truce/truce/internal/cli"
)

func main() {
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
