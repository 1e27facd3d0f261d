-- Every link explainable (issue 17 item 5): each candidate pair keeps the evidence it was scored
-- on, as JSON {comparison: [level label, match weight in bits]} (the level each field reached
-- and how much it added to or took from the match weight), so a coordinator can see why records
-- are one person without scoring again. NULL for pairs stored before this column existed.
ALTER TABLE linkage_pairs ADD COLUMN evidence TEXT;
