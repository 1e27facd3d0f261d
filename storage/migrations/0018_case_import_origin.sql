-- Where each case imported from a spreadsheet came from (issue 18): the file's name and SHA-256, the
-- sheet and the row, as the user would find it again. A case recorded or received otherwise has no
-- row here. The case body is left as it was read: the origin is the vault's record, not the case's.
-- IF NOT EXISTS: a vault set back to an older schema number (a test does, to re-run 0012) runs it again.
CREATE TABLE IF NOT EXISTS case_import_origin (
    case_id      TEXT NOT NULL,
    version      INTEGER NOT NULL,
    file         TEXT NOT NULL,
    file_sha256  TEXT NOT NULL,
    sheet        TEXT NOT NULL,
    row          INTEGER NOT NULL,
    imported_at  TEXT NOT NULL,
    PRIMARY KEY (case_id, version)
);
