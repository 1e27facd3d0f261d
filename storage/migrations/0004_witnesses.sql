-- Witnesses by pseudonym (DESIGN.md section 5, docs/witnesses.md).
-- The register holds only what analysts may see: code, alias, relation, risk, follow-up, consent.
-- The real identity is an age ciphertext: sealed to the custodian (the vault cannot open it), or,
-- before an organisation profile exists, to the vault itself until `witness reseal`.
CREATE TABLE witnesses (
    code             TEXT PRIMARY KEY,            -- W-XXXX-XXXX, Crockford base32
    alias            TEXT NOT NULL DEFAULT '',
    relation         TEXT NOT NULL DEFAULT '',
    risk             TEXT NOT NULL DEFAULT 'unknown'
                     CHECK (risk IN ('unknown', 'low', 'medium', 'high')),
    follow_up        TEXT NOT NULL DEFAULT '',
    consent          TEXT NOT NULL DEFAULT '{}',  -- JSON, app/services/consent.py
    sealed_identity  BLOB,                        -- age ciphertext of the identity JSON
    sealed_to        TEXT CHECK (sealed_to IN ('custodian', 'vault')),
    sealed_recipient TEXT,                        -- the age recipient it is sealed to
    local_identity   BLOB,                        -- opt-in copy sealed to the vault's own key
    origin           TEXT NOT NULL DEFAULT '',    -- '' = entered here; else the documenter key id
    revision         INTEGER NOT NULL DEFAULT 1,  -- +1 on every change: the bundle record version
    record_sha256    TEXT,                        -- coordinator: hash of the record as received
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX witnesses_updated ON witnesses (updated_at);

-- Coordinator side: where each received witness record came from (like case_provenance).
CREATE TABLE witness_provenance (
    code        TEXT NOT NULL REFERENCES witnesses (code) ON DELETE CASCADE,
    documenter  TEXT NOT NULL,
    bundle_id   TEXT NOT NULL,
    sequence    INTEGER NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (code, bundle_id)
);

-- Custodian side: keyed tags (HMAC-SHA-256 with a key only the custodian key file holds) so a
-- witness seen again is recognised without any name being stored, and the links found.
CREATE TABLE witness_tags (
    code TEXT NOT NULL REFERENCES witnesses (code) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('name', 'phone')),
    tag  TEXT NOT NULL,
    PRIMARY KEY (code, kind, tag)
);
CREATE INDEX witness_tags_tag ON witness_tags (tag);

CREATE TABLE witness_links (
    code_a    TEXT NOT NULL REFERENCES witnesses (code) ON DELETE CASCADE,
    code_b    TEXT NOT NULL REFERENCES witnesses (code) ON DELETE CASCADE,
    basis     TEXT NOT NULL,                      -- 'name+phone', 'name', 'tag'
    score     REAL NOT NULL,
    linked_at TEXT NOT NULL,
    PRIMARY KEY (code_a, code_b),
    CHECK (code_a < code_b)
);
