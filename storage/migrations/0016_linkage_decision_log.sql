-- Every review decision kept as a record, so a person can undo the last ones (issue 15).
-- linkage_decisions holds what applies now; this log holds each change to it: which pair, what
-- it replaced (the before columns; before_decision NULL: the pair had no decision) and what it
-- became (after_decision NULL: the decision was removed). One action of a person (a decision, a
-- split of a cluster, an undo) is one `action` number over one or more rows; an undo's rows name
-- the action they undo. Rows are only ever added.
CREATE TABLE linkage_decision_log (
    seq               INTEGER PRIMARY KEY AUTOINCREMENT,
    action            INTEGER NOT NULL,
    kind              TEXT NOT NULL CHECK (kind IN ('decide', 'split', 'undo')),
    undoes            INTEGER,              -- for kind 'undo': the action undone
    left_ref          TEXT NOT NULL,
    right_ref         TEXT NOT NULL,
    before_decision   TEXT,
    before_left_hash  TEXT,
    before_right_hash TEXT,
    before_at         TEXT,
    after_decision    TEXT,
    after_left_hash   TEXT,
    after_right_hash  TEXT,
    at                TEXT NOT NULL
);
CREATE INDEX linkage_decision_log_action ON linkage_decision_log (action);

CREATE TRIGGER linkage_decision_log_is_kept BEFORE UPDATE ON linkage_decision_log
BEGIN
    SELECT RAISE(ABORT, 'the decision log is never changed');
END;
