-- The full-text index moves to a file of its own beside the database,
-- written by a connection of its own (see fts.go): the store keeps no
-- index, and the new one is filled from the articles when first searched
-- or written.
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;
DROP TABLE articles_fts;
