package cli

import (
	"context"

	"github.com/truce/truce/internal/store"
	"github.com/truce/truce/internal/store/sqlite"
)

// openStore opens (creating if needed) the database at path.
func openStore(ctx context.Context, path string) (store.Store, error) {
	return sqlite.Open(ctx, path)
}
