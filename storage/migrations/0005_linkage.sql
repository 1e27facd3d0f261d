-- Coordinator side: linkage of victims across documenters, and the review decisions.
-- Victims are referred to by a stable reference "<case id>/<victim id>" (or "<case id>/#<index>"
-- when the victim has no id) and the content hash of the record judged. Source records are
-- never changed: these tables only say which references are the same person.

-- Candidate pairs of the latest run, left_ref < right_ref. band: 'auto' (linked without
-- review) or 'review' (waits for a person).
CREATE TABLE linkage_pairs (
    pair_id      TEXT PRIMARY KEY,      -- short stable id of (left_ref, right_ref)
    left_ref     TEXT NOT NULL,
    right_ref    TEXT NOT NULL,
    left_hash    TEXT NOT NULL,
    right_hash   TEXT NOT NULL,
    probability  REAL NOT NULL,
    weight       REAL NOT NULL,
    band         TEXT NOT NULL CHECK (band IN ('auto', 'review')),
    UNIQUE (left_ref, right_ref)
);
CREATE INDEX linkage_pairs_band ON linkage_pairs (band, probability);

-- Which victim cluster each reference belongs to in the latest run (every victim has a row;
-- a victim recorded once is a cluster of one).
CREATE TABLE linkage_members (
    victim_ref   TEXT PRIMARY KEY,
    cluster_id   TEXT NOT NULL,
    case_id      TEXT NOT NULL,
    victim_index INTEGER NOT NULL,
    content_hash TEXT NOT NULL
);
CREATE INDEX linkage_members_cluster ON linkage_members (cluster_id);

-- A person's decision on a pair. Kept forever (a new decision replaces the old one) and
-- re-applied on every run: accept links the two, reject keeps them apart, unsure leaves the
-- pair in the queue. The hashes say which versions were judged: if either record changes,
-- the decision still applies but the pair returns to the queue marked as changed.
CREATE TABLE linkage_decisions (
    left_ref     TEXT NOT NULL,
    right_ref    TEXT NOT NULL,
    left_hash    TEXT NOT NULL,
    right_hash   TEXT NOT NULL,
    decision     TEXT NOT NULL CHECK (decision IN ('accept', 'reject', 'unsure')),
    decided_at   TEXT NOT NULL,
    PRIMARY KEY (left_ref, right_ref)
);

-- One row: what the stored results were computed from, so readers know whether they are current.
CREATE TABLE linkage_state (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    fingerprint  TEXT NOT NULL,
    ran_at       TEXT NOT NULL,
    model        TEXT NOT NULL,
    records      INTEGER NOT NULL,
    clusters     INTEGER NOT NULL
);
