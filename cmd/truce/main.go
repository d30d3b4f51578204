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
	code := cli.Main(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
