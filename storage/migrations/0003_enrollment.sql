-- Enrollment and bundles (DESIGN.md section 6, docs/bundle-format.md).
-- The organisation profile a documenter imported lives in `settings` (keys `profile.*`).

-- Coordinator: the documenters whose bundles it accepts, after a fingerprint check.
CREATE TABLE trusted_documenters (
    key_id        TEXT PRIMARY KEY,           -- minisign key id, as minisign prints it
    public_key    TEXT NOT NULL,              -- base64 minisign public key (alg, key id, key)
    name          TEXT NOT NULL DEFAULT '',
    age_recipient TEXT NOT NULL DEFAULT '',
    trusted_at    TEXT NOT NULL,
    revoked_at    TEXT                        -- set: bundles signed by this key are refused
);

-- Documenter: every bundle written, in sequence; the next one names the last one's hash.
CREATE TABLE bundles_sent (
    sequence    INTEGER PRIMARY KEY,
    bundle_id   TEXT NOT NULL UNIQUE,
    sha256      TEXT NOT NULL,                -- of the bundle file (the age ciphertext)
    size        INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    records     INTEGER NOT NULL,
    attachments INTEGER NOT NULL
);

-- Documenter: which record versions each bundle carried (records of every kind, e.g. case).
CREATE TABLE bundle_contents (
    sequence  INTEGER NOT NULL REFERENCES bundles_sent (sequence),
    kind      TEXT NOT NULL,
    record_id TEXT NOT NULL,
    version   INTEGER NOT NULL,
    sha256    TEXT NOT NULL,
    PRIMARY KEY (sequence, kind, record_id, version)
);
CREATE INDEX bundle_contents_record ON bundle_contents (kind, record_id, version);

-- Documenter: record versions a coordinator's signed acknowledgement says it holds.
CREATE TABLE deliveries (
    kind            TEXT NOT NULL,
    record_id       TEXT NOT NULL,
    version         INTEGER NOT NULL,
    sha256          TEXT NOT NULL,
    ack_id          TEXT NOT NULL,
    acknowledged_at TEXT NOT NULL,
    PRIMARY KEY (kind, record_id, version)
);

-- Documenter: acknowledgements imported (an ack imported twice is a no-op).
CREATE TABLE acks_received (
    ack_id      TEXT PRIMARY KEY,
    coordinator TEXT NOT NULL,                -- coordinator key id
    created_at  TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    records     INTEGER NOT NULL
);

-- Coordinator: every bundle imported, for replay (same hash), fork (other hash) and gap checks.
CREATE TABLE bundles_received (
    documenter      TEXT NOT NULL,            -- sender key id
    sequence        INTEGER NOT NULL,
    sha256          TEXT NOT NULL,
    bundle_id       TEXT NOT NULL,
    previous_sha256 TEXT,
    created_at      TEXT NOT NULL,            -- as the manifest says
    received_at     TEXT NOT NULL,
    records         INTEGER NOT NULL,
    attachments     INTEGER NOT NULL,
    PRIMARY KEY (documenter, sequence)
);

-- Coordinator: acknowledgements written.
CREATE TABLE acks_sent (
    ack_id     TEXT PRIMARY KEY,
    documenter TEXT NOT NULL,
    created_at TEXT NOT NULL,
    records    INTEGER NOT NULL
);
