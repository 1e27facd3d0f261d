"""Analysis on a coordinator vault: linkage of records into people, statistics."""
