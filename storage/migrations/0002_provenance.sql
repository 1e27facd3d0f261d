-- Coordinator side: where every case version came from. A documenter's own cases have no rows
-- here. Linkage, review and statistics read `cases`/`case_versions` joined with this table.
CREATE TABLE case_provenance (
    case_id        TEXT NOT NULL,
    version        INTEGER NOT NULL,
    documenter     TEXT NOT NULL,   -- sender's minisign key id (hex), as trusted by this coordinator
    bundle_id      TEXT NOT NULL,
    sequence       INTEGER NOT NULL,
    received_at    TEXT NOT NULL,
    PRIMARY KEY (case_id, version, documenter)
);
CREATE INDEX case_provenance_documenter ON case_provenance (documenter);
