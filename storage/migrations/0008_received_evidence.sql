-- A chain of custody for received case versions (issue 14, docs/threat-model.md).

-- Documenter: where its audit log stood when each bundle was written (the manifest's `audit`),
-- so the next bundle can say what that entry's hash is now.
ALTER TABLE bundles_sent ADD COLUMN audit_seq INTEGER;
ALTER TABLE bundles_sent ADD COLUMN audit_hash TEXT;

-- Coordinator: each imported bundle's signed evidence exactly as received: SHA256SUMS and its
-- minisign signature by the documenter, and the documenter's audit log position it declared.
CREATE TABLE received_bundle_evidence (
    documenter          TEXT NOT NULL,        -- sender key id
    sequence            INTEGER NOT NULL,
    sums                BLOB NOT NULL,        -- SHA256SUMS as signed
    signature           BLOB NOT NULL,        -- SHA256SUMS.minisig as received
    audit_seq           INTEGER,              -- manifest `audit`: NULL if the bundle had none
    audit_hash          TEXT,
    audit_previous_seq  INTEGER,
    audit_previous_hash TEXT,
    PRIMARY KEY (documenter, sequence)
);

-- Coordinator: the signed record bytes (records/<case id>.json as listed in SHA256SUMS) of every
-- bundle that is the provenance of some case version. The record, not only its hash, is kept:
-- it carries several versions and the attachments' metadata, so a version's body alone cannot be
-- turned back into the bytes the documenter signed.
CREATE TABLE received_record_evidence (
    documenter TEXT NOT NULL,
    sequence   INTEGER NOT NULL,
    case_id    TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    record     BLOB NOT NULL,
    PRIMARY KEY (documenter, sequence, case_id)
);

CREATE TRIGGER received_bundle_evidence_is_kept BEFORE UPDATE ON received_bundle_evidence
BEGIN
    SELECT RAISE(ABORT, 'received evidence is never changed');
END;
CREATE TRIGGER received_record_evidence_is_kept BEFORE UPDATE ON received_record_evidence
BEGIN
    SELECT RAISE(ABORT, 'received evidence is never changed');
END;
