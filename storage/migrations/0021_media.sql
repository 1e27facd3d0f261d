-- Issue 21: what each photo or video says about itself and its perceptual hashes, kept with the
-- attachment inside the encrypted database (never in a file beside it). Numbered after the issue.
CREATE TABLE attachment_media (
    attachment_id TEXT PRIMARY KEY REFERENCES attachments (id) ON DELETE CASCADE,
    capture       TEXT NOT NULL,   -- JSON: app/services/media/capture.py (status and what was read)
    hash_status   TEXT NOT NULL,   -- app/services/media/perceptual.py: hashed, plain, not_picture, ...
    kind          TEXT,            -- image | video
    seen_at       TEXT NOT NULL,   -- when this vault first had the file: attached here, or imported
    seen_from     TEXT NOT NULL DEFAULT '',  -- the sending documenter's key id; '' when attached here
    read_here     INTEGER NOT NULL -- 1: read by this vault; 0: as the documenter's app read it (bundle)
);
-- One row per hashed picture: a photo, or a sampled video frame. p0-p3 and d0-d3 are the 16-bit
-- bands of the two 64-bit hashes, each indexed: the look-up is multi-index hashing, not a scan.
CREATE TABLE media_hashes (
    id            INTEGER PRIMARY KEY,
    attachment_id TEXT NOT NULL REFERENCES attachments (id) ON DELETE CASCADE,
    frame         INTEGER NOT NULL,
    at_ms         INTEGER,
    phash         INTEGER NOT NULL,
    dhash         INTEGER NOT NULL,
    mirror_phash  INTEGER NOT NULL,  -- the same picture flipped: looked up with, not indexed
    mirror_dhash  INTEGER NOT NULL,
    p0 INTEGER NOT NULL, p1 INTEGER NOT NULL, p2 INTEGER NOT NULL, p3 INTEGER NOT NULL,
    d0 INTEGER NOT NULL, d1 INTEGER NOT NULL, d2 INTEGER NOT NULL, d3 INTEGER NOT NULL
);
CREATE INDEX media_hashes_attachment ON media_hashes (attachment_id);
CREATE INDEX media_hashes_p0 ON media_hashes (p0);
CREATE INDEX media_hashes_p1 ON media_hashes (p1);
CREATE INDEX media_hashes_p2 ON media_hashes (p2);
CREATE INDEX media_hashes_p3 ON media_hashes (p3);
CREATE INDEX media_hashes_d0 ON media_hashes (d0);
CREATE INDEX media_hashes_d1 ON media_hashes (d1);
CREATE INDEX media_hashes_d2 ON media_hashes (d2);
CREATE INDEX media_hashes_d3 ON media_hashes (d3);
-- What the look-up found when a file arrived: the earlier attachments it looks like.
CREATE TABLE media_alike (
    attachment_id TEXT NOT NULL REFERENCES attachments (id) ON DELETE CASCADE,
    earlier_id    TEXT NOT NULL REFERENCES attachments (id) ON DELETE CASCADE,
    score         INTEGER NOT NULL,
    frames        INTEGER NOT NULL,
    mirrored      INTEGER NOT NULL,
    PRIMARY KEY (attachment_id, earlier_id)
);
CREATE INDEX media_alike_earlier ON media_alike (earlier_id);
-- C2PA provenance as checked when the file arrived (app/services/media/provenance.py).
CREATE TABLE attachment_provenance (
    attachment_id TEXT PRIMARY KEY REFERENCES attachments (id) ON DELETE CASCADE,
    result        TEXT NOT NULL   -- JSON: status, signer, issuer, claim generator, actions, failures
);
