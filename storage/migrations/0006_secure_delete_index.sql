-- Threat model (docs/threat-model.md): under a coerced unlock the database key is known, and
-- every page of vault.db can be decrypted, free pages included. `secure_delete = ON` zeroes
-- deleted rows, but FTS5 keeps a deleted or edited row's tokens in its index segments until they
-- are merged, so an overwritten draft or a purged case stayed readable there as search terms.
-- FTS5's own secure-delete option removes them at delete time; the rebuild clears what vaults
-- created before this migration already hold.
INSERT INTO case_search (case_search, rank) VALUES ('secure-delete', 1);
INSERT INTO case_search (case_search) VALUES ('rebuild');
