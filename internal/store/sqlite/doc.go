// Package sqlite is the embedded storage backend: store.Store over one
// SQLite file (modernc.org/sqlite, pure Go), in WAL mode, with one writer
// connection that serialises writes and a pool of readers that never wait
// for it.
//
// The schema lives in embedded migrations (migrations/NNNN_name.sql),
// applied in order at Open, each in one transaction, and recorded in
// schema_migrations. Articles keep their text once; an FTS5 index over
// title and text reads it from the articles table (external content).
// Records keep their JSON whole, with the columns that filters and sorting
// need copied out beside it.
package sqlite
