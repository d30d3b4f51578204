// Package cli is truce's command line: it parses flags, reads the
// configuration, wires the adapters (ingest, store, coder, server) and
// translates errors into one line on stderr and an exit status. It is the
// only package that wires adapters together.
package cli
