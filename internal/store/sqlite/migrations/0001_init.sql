-- The first schema: articles with full-text search and near-duplicate
-- bands, and the records coded from them.
--
-- Conventions:
--   * Record tables keep the whole record as JSON in `record` (the domain
--     type's MarshalJSON) and copy out only the columns that filters and
--     sorting need; the JSON is the truth.
--   * Record dates are integers yyyymmdd (20231107), 0 when unknown, so
--     that they are small, sort correctly and an unknown date sorts last in
--     a newest-first listing without a NULL branch in keyset pagination.
--   * Listings are ordered (date DESC, id DESC) and paged by keyset on the
--     same pair, so each listing has an index that ends in (date, id).

CREATE TABLE articles (
    -- seq is the ingestion order and the full-text index's rowid.
    seq           INTEGER PRIMARY KEY,
    id            TEXT    NOT NULL UNIQUE,
    hash          TEXT    NOT NULL UNIQUE,
    -- NULL when the input gives no URL, so that articles without one are
    -- never duplicates of each other.
    url           TEXT,
    title         TEXT    NOT NULL,
    source        TEXT    NOT NULL,
    byline        TEXT    NOT NULL,
    -- Unix seconds; -62135596800 (Go's zero time, year 1) when unknown, so
    -- that unknown dates sort last newest-first and date filters are one
    -- index range.
    published     INTEGER NOT NULL,
    date_text     TEXT    NOT NULL,
    format        TEXT    NOT NULL,
    origin        TEXT    NOT NULL,
    -- Little-endian uint32s, domain.SignatureSize of them.
    signature     BLOB    NOT NULL,
    duplicate_of  TEXT,
    -- Unix nanoseconds.
    ingested_at   INTEGER NOT NULL,
    coder_version TEXT    NOT NULL DEFAULT '',
    -- Last, so that reading the other columns of a long article does not
    -- walk its overflow pages.
    text          TEXT    NOT NULL
);
CREATE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;
CREATE INDEX articles_published ON articles(published, id);
CREATE INDEX articles_source ON articles(source, published, id);
-- Uncoded: the articles of each coder version in ingestion order, without
-- reading the rows. duplicate_of is always NULL here; it is in the index so
-- that the index covers the queries.
CREATE INDEX articles_uncoded ON articles(coder_version, seq, duplicate_of) WHERE duplicate_of IS NULL;

-- Full-text search over title and text. The text lives only in articles
-- (external content). AddArticles indexes a batch's new articles itself, in
-- one statement at the end of the batch, rather than through an AFTER
-- INSERT trigger: FTS5 writes its pending terms out as a segment at every
-- statement savepoint, and a trigger makes every article insert a
-- statement with a savepoint, so each article became a segment of its own
-- and merging them cost more than the indexing (see articleInserter.index).
-- These triggers keep the index in sync with every other change.
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='seq'
);
-- Merge eight segments of a level at a time rather than four: AddArticles
-- makes a segment a batch, and merging was a third of the indexing cost.
INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 8);
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

-- Locality-sensitive hashing bands of the signatures of articles that are
-- not near-duplicates themselves: an article's candidates are the articles
-- that share any band. Band hashes are random, so inserting an article's 16
-- bands into one large b-tree dirtied 16 pages scattered over it, and at
-- 100,000 articles that was most of what a batch wrote. So new bands go to
-- article_bands_new, small enough to stay in the page cache, and a batch
-- now and then moves them into article_bands in key order (see
-- articleInserter.mergeBands); lookups read both. No foreign keys: the
-- store never deletes articles, and the check cost a lookup per band; the
-- delete trigger below keeps a manual delete tidy.
CREATE TABLE article_bands (
    band_hash   INTEGER NOT NULL,
    article_seq INTEGER NOT NULL,
    PRIMARY KEY (band_hash, article_seq)
) WITHOUT ROWID;
CREATE TABLE article_bands_new (
    band_hash   INTEGER NOT NULL,
    article_seq INTEGER NOT NULL,
    PRIMARY KEY (band_hash, article_seq)
) WITHOUT ROWID;
-- merged_through is the seq up to which bands are in article_bands.
CREATE TABLE band_merges (merged_through INTEGER NOT NULL);
INSERT INTO band_merges(merged_through) VALUES (0);
CREATE TRIGGER article_bands_delete AFTER DELETE ON articles BEGIN
    DELETE FROM article_bands WHERE article_seq = old.seq;
    DELETE FROM article_bands_new WHERE article_seq = old.seq;
END;

CREATE TABLE mentions (
    article_id TEXT    NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    -- ord is the mention's place in the coding, to keep ties in order.
    ord        INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL,
    record     TEXT    NOT NULL,
    UNIQUE (article_id, ord)
);

CREATE TABLE events (
    id            TEXT    PRIMARY KEY,
    article_id    TEXT    NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    date          INTEGER NOT NULL,
    cameo         TEXT    NOT NULL,
    -- root is the CAMEO root code, the first two digits.
    root          TEXT    NOT NULL,
    quad_class    INTEGER NOT NULL,
    plover_type   TEXT    NOT NULL,
    modality      TEXT    NOT NULL,
    -- place_key is domain.Place.Key (g<geonameid>, r<region>, c<country>);
    -- place_name is folded to lower case for matching. NULL: no place.
    place_key     TEXT,
    place_name    TEXT,
    place_country TEXT,
    lat           REAL,
    lon           REAL,
    record        TEXT    NOT NULL
);
CREATE INDEX events_date ON events(date, id);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_plover ON events(plover_type, date, id);
CREATE INDEX events_cameo ON events(cameo);
CREATE INDEX events_place_key ON events(place_key) WHERE place_key IS NOT NULL;
CREATE INDEX events_place_name ON events(place_name) WHERE place_name IS NOT NULL;

-- The coded actors of each event that have a code, for actor filters and
-- dyads.
CREATE TABLE event_actors (
    event_id TEXT    NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role     TEXT    NOT NULL CHECK (role IN ('source', 'target')),
    ord      INTEGER NOT NULL,
    code     TEXT    NOT NULL,
    country  TEXT    NOT NULL,
    PRIMARY KEY (event_id, role, ord)
) WITHOUT ROWID;
CREATE INDEX event_actors_code ON event_actors(code);

-- Each distinct country an event involves (a source's, a target's or the
-- place's), with the event's date: a country filter is one backward range
-- scan of the primary key, however many events the country has, and the
-- rows carry what the timeline counts.
CREATE TABLE event_countries (
    country     TEXT    NOT NULL,
    date        INTEGER NOT NULL,
    event_id    TEXT    NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    quad_class  INTEGER NOT NULL,
    plover_type TEXT    NOT NULL,
    PRIMARY KEY (country, date, event_id)
) WITHOUT ROWID;
CREATE INDEX event_countries_event ON event_countries(event_id);

-- Event counts per country (the empty country: all events), day, quad
-- class and PLOVER type, kept by triggers, so that a timeline over a date
-- range and a country reads one row per day and group instead of every
-- event.
CREATE TABLE event_counts (
    country     TEXT    NOT NULL,
    date        INTEGER NOT NULL,
    quad_class  INTEGER NOT NULL,
    plover_type TEXT    NOT NULL,
    n           INTEGER NOT NULL,
    PRIMARY KEY (country, date, quad_class, plover_type)
) WITHOUT ROWID;
CREATE TRIGGER events_count_insert AFTER INSERT ON events BEGIN
    INSERT INTO event_counts(country, date, quad_class, plover_type, n)
    VALUES ('', new.date, new.quad_class, new.plover_type, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER events_count_delete AFTER DELETE ON events BEGIN
    UPDATE event_counts SET n = n - 1
    WHERE country = '' AND date = old.date AND quad_class = old.quad_class
      AND plover_type = old.plover_type;
END;
CREATE TRIGGER event_countries_count_insert AFTER INSERT ON event_countries BEGIN
    INSERT INTO event_counts(country, date, quad_class, plover_type, n)
    VALUES (new.country, new.date, new.quad_class, new.plover_type, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER event_countries_count_delete AFTER DELETE ON event_countries BEGIN
    UPDATE event_counts SET n = n - 1
    WHERE country = old.country AND date = old.date AND quad_class = old.quad_class
      AND plover_type = old.plover_type;
END;

CREATE TABLE claims (
    id              TEXT    PRIMARY KEY,
    article_id      TEXT    NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    date            INTEGER NOT NULL,
    topic           TEXT    NOT NULL,
    polarity        TEXT    NOT NULL,
    speaker_code    TEXT    NOT NULL,
    speaker_country TEXT    NOT NULL,
    place_key       TEXT,
    place_name      TEXT,
    place_country   TEXT,
    record          TEXT    NOT NULL
);
CREATE INDEX claims_date ON claims(date, id);
CREATE INDEX claims_article ON claims(article_id);
CREATE INDEX claims_topic ON claims(topic, date, id);
CREATE INDEX claims_speaker_code ON claims(speaker_code);
CREATE INDEX claims_speaker_country ON claims(speaker_country, date, id);

CREATE TABLE commitments (
    id            TEXT    PRIMARY KEY,
    article_id    TEXT    NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    date          INTEGER NOT NULL,
    actor_code    TEXT    NOT NULL,
    actor_country TEXT    NOT NULL,
    category      TEXT    NOT NULL,
    status        TEXT    NOT NULL,
    due           INTEGER NOT NULL,
    -- A commitment has no place of its own: these are the place of the
    -- event coded from the same words (its event_id), when there is one.
    place_key     TEXT,
    place_name    TEXT,
    place_country TEXT,
    record        TEXT    NOT NULL
);
CREATE INDEX commitments_date ON commitments(date, id);
CREATE INDEX commitments_article ON commitments(article_id);
CREATE INDEX commitments_status ON commitments(status, date, id);
CREATE INDEX commitments_actor_code ON commitments(actor_code);
CREATE INDEX commitments_actor_country ON commitments(actor_country, date, id);

CREATE TABLE contradictions (
    id            TEXT    PRIMARY KEY,
    date          INTEGER NOT NULL,
    topic         TEXT    NOT NULL,
    place_key     TEXT,
    place_name    TEXT,
    place_country TEXT,
    record        TEXT    NOT NULL
);
CREATE INDEX contradictions_date ON contradictions(date, id);

-- The articles a contradiction cites, so that re-coding an article removes
-- the contradictions built on its old records.
CREATE TABLE contradiction_articles (
    contradiction_id TEXT NOT NULL REFERENCES contradictions(id) ON DELETE CASCADE,
    article_id       TEXT NOT NULL,
    PRIMARY KEY (contradiction_id, article_id)
) WITHOUT ROWID;
CREATE INDEX contradiction_articles_article ON contradiction_articles(article_id);
