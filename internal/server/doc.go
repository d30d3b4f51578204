// Package server is truce's HTTP face: the JSON API under /api/v1 (with
// its OpenAPI document at /api/openapi.json), the server-rendered
// dashboard, /healthz and /metrics.
//
// It speaks only the storage contract (store.Store) and two injected
// interfaces, domain.Coder for POST /api/v1/code and Ingester for POST
// /api/v1/articles; the command line wires the concrete store, coder and
// ingest pipeline. Everything the browser loads (templates, CSS, JS,
// ECharts and the world map) is embedded, so the dashboard works offline,
// under a Content-Security-Policy that allows no inline script.
//
// API handlers share one wrap that writes the envelope
// ({"data": …, "next": cursor} or {"error": {"code", "message"}}) and maps
// domain error codes to HTTP status through one table (statusOf).
package server

//go:generate sh static/vendor/fetch.sh
