-- Every link explainable (issue 17 item 5) and brothers kept apart (issue 17, review band).
-- evidence: JSON {comparison: [level label, match weight in bits]} (the level each field reached
-- and how much it added to or took from the match weight), so a coordinator can see why records
-- are one person without scoring again; NULL for pairs stored before this column existed.
-- band 'apart': a pair whose given or father's names clearly differ (brothers, cousins named
-- after their grandfather): never linked, never put to a person, a cannot-link in clustering.
-- conflict: 1 when any clear difference (names, grandfather, mother, birth year) kept the pair
-- from an automatic link; such a pair is a cannot-link unless a person accepts it.
-- SQLite cannot change a CHECK constraint in place: the table is rebuilt (it holds only the last
-- run's pairs, which the next run replaces).
CREATE TABLE linkage_pairs_new (
    pair_id      TEXT PRIMARY KEY,
    left_ref     TEXT NOT NULL,
    right_ref    TEXT NOT NULL,
    left_hash    TEXT NOT NULL,
    right_hash   TEXT NOT NULL,
    probability  REAL NOT NULL,
    weight       REAL NOT NULL,
    band         TEXT NOT NULL CHECK (band IN ('auto', 'review', 'apart')),
    conflict     INTEGER NOT NULL DEFAULT 0,
    evidence     TEXT,
    UNIQUE (left_ref, right_ref)
);
INSERT INTO linkage_pairs_new (pair_id, left_ref, right_ref, left_hash, right_hash, probability, weight, band)
    SELECT pair_id, left_ref, right_ref, left_hash, right_hash, probability, weight, band FROM linkage_pairs;
DROP TABLE linkage_pairs;
ALTER TABLE linkage_pairs_new RENAME TO linkage_pairs;
CREATE INDEX linkage_pairs_band ON linkage_pairs (band, probability);
