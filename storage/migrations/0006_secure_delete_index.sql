-- Threat model (docs/threat-model.md): under a coerced unlock the database key is known, and
-- every page of vault.db can be decrypted, free pages included. `secure_delete = ON` zeroes
-- deleted rows, but FTS5 keeps a deleted or edited row's tokens in its index segments until they
-- are merged, so an overwritten draft or a purged case stayed readable there as search terms.
-- FTS5's own secure-delete option removes them at delete time; the rebuild clears what vaults
-- created before this migration already hold. The option needs SQLite 3.44 (SQLCipher 4.19 has
-- 3.53); the benchmarks' plain sqlite3 reference applies these same files with an older SQLite.
INSERT INTO case_search (case_search, rank)
    SELECT 'secure-delete', 1 WHERE CAST(substr(sqlite_version(), 3, instr(substr(sqlite_version(), 3), '.') - 1)
                                        AS INTEGER) >= 44;
INSERT INTO case_search (case_search) VALUES ('rebuild');
