-- Coordinator side: other monitors' published victim lists, imported as named, read-only sources
-- (issue 18 item 3, docs/sources.md). They take part in linkage and in capture histories, never
-- become cases of ours and are never exported as ours: they live only in these two tables, apart
-- from cases, case_versions and case_provenance, which bundles and partner exports read.

CREATE TABLE external_sources (
    name         TEXT PRIMARY KEY,      -- the coordinator's name for the list ("SNHR 2024")
    file_name    TEXT NOT NULL,         -- the file it came from (its name only, not its folder)
    file_sha256  TEXT NOT NULL,         -- of the file's bytes as read
    mapping      TEXT NOT NULL,         -- the column mapping applied (JSON)
    imported_at  TEXT NOT NULL,
    records      INTEGER NOT NULL
);

-- One row per row of the list, as the mapping read it: a case-shaped body with one victim
-- ({"date", "location", "victims": [...], "extra"}), so that analysis reads it like a case's.
CREATE TABLE external_source_records (
    source       TEXT NOT NULL REFERENCES external_sources (name) ON DELETE CASCADE,
    row_number   INTEGER NOT NULL,      -- the row in the file (the header is row 1)
    body         TEXT NOT NULL,
    PRIMARY KEY (source, row_number)
);

-- Read-only: a list is imported whole or removed whole, never edited.
CREATE TRIGGER external_source_records_read_only
BEFORE UPDATE ON external_source_records
BEGIN
    SELECT RAISE(ABORT, 'an external source is read-only');
END;
CREATE TRIGGER external_sources_read_only
BEFORE UPDATE ON external_sources
BEGIN
    SELECT RAISE(ABORT, 'an external source is read-only');
END;
