-- Search finds people and places across scripts (issue 15): each case's index entry now also holds
-- the name keys of its victims and every spelling of its coded places and the places above them
-- (forms/search.py). Entries written before lack them: rewrite each from its case's current
-- version through the same code, registered as an SQL function by storage.database.migrate.
UPDATE case_search
   SET content = tawthiq_search_document(
       (SELECT v.body FROM cases AS c
          JOIN case_versions AS v ON v.case_id = c.id AND v.version = c.current_version
         WHERE c.search_rowid = case_search.rowid))
 WHERE rowid IN (SELECT search_rowid FROM cases WHERE search_rowid IS NOT NULL);
