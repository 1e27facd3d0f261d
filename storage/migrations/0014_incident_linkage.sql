-- Incidents reported separately by two documenters (issue 17 item 7): candidate pairs of cases
-- scored on place, date, act and perpetrator (app/services/analysis/linkage/incidents.py), of the
-- last run, and the decisions a person took on them (kept and re-applied on every run, as for
-- victims). left_case < right_case. band: 'auto' (linked) or 'review' (waits for a person).
CREATE TABLE linkage_incident_pairs (
    pair_id      TEXT PRIMARY KEY,
    left_case    TEXT NOT NULL,
    right_case   TEXT NOT NULL,
    band         TEXT NOT NULL CHECK (band IN ('auto', 'review')),
    evidence     TEXT NOT NULL,
    UNIQUE (left_case, right_case)
);

CREATE TABLE linkage_incident_decisions (
    left_case    TEXT NOT NULL,
    right_case   TEXT NOT NULL,
    decision     TEXT NOT NULL CHECK (decision IN ('accept', 'reject', 'unsure')),
    decided_at   TEXT NOT NULL,
    PRIMARY KEY (left_case, right_case)
);
