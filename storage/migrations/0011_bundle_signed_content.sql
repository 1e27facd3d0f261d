-- Coordinator: the SHA-256 of each received bundle's signed SHA256SUMS, which names its contents
-- whatever encryption carried them. A replay is the same signed contents again (a no-op) even when
-- re-encrypted; only different signed contents under one sequence number are a fork (issue 14
-- item 6). NULL for bundles imported before: those are compared by the file's hash, as then.
ALTER TABLE bundles_received ADD COLUMN signed_sha256 TEXT;
