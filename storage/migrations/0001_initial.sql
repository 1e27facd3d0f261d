-- The documenter's and the coordinator's vault share one schema; roles differ in what they fill.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- One row per case: the current view. Every version lives in case_versions.
CREATE TABLE cases (
    id              TEXT PRIMARY KEY,
    form            TEXT NOT NULL,
    form_version    INTEGER NOT NULL,
    title           TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL CHECK (status IN ('draft', 'sealed')),
    current_version INTEGER NOT NULL,
    incident_date   TEXT,
    governorate     TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX cases_updated ON cases (updated_at);
CREATE INDEX cases_form ON cases (form);
CREATE INDEX cases_date ON cases (incident_date);

-- A sealed version is immutable (trigger below); an edit makes a new version pointing to its parent.
CREATE TABLE case_versions (
    case_id  TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    version  INTEGER NOT NULL,
    parent   INTEGER,
    status   TEXT NOT NULL CHECK (status IN ('draft', 'sealed')),
    body     TEXT NOT NULL,
    sha256   TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    PRIMARY KEY (case_id, version)
);

CREATE TRIGGER sealed_versions_are_immutable
BEFORE UPDATE ON case_versions WHEN OLD.status = 'sealed'
BEGIN
    SELECT RAISE(ABORT, 'a sealed case version cannot be changed');
END;

CREATE TABLE attachments (
    id          TEXT PRIMARY KEY,
    case_id     TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    sha256      TEXT NOT NULL,
    size        INTEGER NOT NULL,
    media_type  TEXT NOT NULL,
    filename    TEXT NOT NULL,
    blob        TEXT NOT NULL,
    captured_at TEXT,
    added_at    TEXT NOT NULL
);
CREATE INDEX attachments_case ON attachments (case_id);

-- Full-text index over normalised text (forms.normalize.normalize_for_search), inside the
-- encrypted database. Contentless-delete needs 3.43+; SQLCipher 4.6 bundles newer.
CREATE VIRTUAL TABLE case_search USING fts5 (
    case_id UNINDEXED,
    content,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Append-only and hash-chained: each row's hash covers the previous row's hash.
CREATE TABLE audit_log (
    seq       INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    action    TEXT NOT NULL,
    subject   TEXT NOT NULL DEFAULT '',
    detail    TEXT NOT NULL DEFAULT '{}',
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
