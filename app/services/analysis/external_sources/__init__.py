"""Other monitors' published victim lists, imported as named, read-only sources (issue 18 item 3).

A coordinator imports a list (CSV or XLSX) with a column mapping (mapping.py) under a name of
their choosing. Its rows are stored in the vault (migration 0015), apart from cases: they are
never cases of ours, never in a bundle, never in a partner export. Analysis reads them as victim
records of the list `source:<name>` (app.services.analysis.linkage.records): linkage links them to
our victims, statistics says how many of our victims each list also recorded, and estimation can
take a list as one of its lists. Import is all or nothing; removal removes the whole list.
docs/sources.md is the user's side of this.
"""

from app.services.analysis.external_sources.mapping import ColumnMapping, RowReport, parse_mapping
from app.services.analysis.external_sources.reader import SourceRefused
from app.services.analysis.external_sources.service import (
    SourceSummary,
    check_name,
    import_source,
    list_sources,
    remove_source,
)

__all__ = ["ColumnMapping", "RowReport", "SourceRefused", "SourceSummary", "check_name", "import_source",
           "list_sources", "parse_mapping", "remove_source"]
