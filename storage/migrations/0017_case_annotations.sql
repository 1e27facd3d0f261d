-- Coordinator: notes on a received case (issue 15). A received case is its documenter's signed
-- record and is never edited here; a coordinator's annotation is the coordinator's own record,
-- kept beside it: which case and which of its versions was read, the note, who wrote it (this
-- vault's name) and when. Notes are only ever added.
CREATE TABLE case_annotations (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id    TEXT NOT NULL,
    version    INTEGER NOT NULL,     -- the version the coordinator was reading
    note       TEXT NOT NULL,
    author     TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX case_annotations_case ON case_annotations (case_id, id);

CREATE TRIGGER case_annotations_are_kept BEFORE UPDATE ON case_annotations
BEGIN
    SELECT RAISE(ABORT, 'an annotation is never changed');
END;
