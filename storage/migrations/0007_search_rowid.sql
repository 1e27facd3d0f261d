-- The FTS table's case_id column is UNINDEXED, so `DELETE … WHERE case_id = ?` scanned the whole
-- index on every edit (seconds per save at 100,000 cases). Each case now remembers the rowid of
-- its entry in case_search, and edits delete by rowid.
ALTER TABLE cases ADD COLUMN search_rowid INTEGER;
UPDATE cases SET search_rowid = (SELECT max(rowid) FROM case_search WHERE case_search.case_id = cases.id);
CREATE UNIQUE INDEX cases_search_rowid ON cases (search_rowid);
