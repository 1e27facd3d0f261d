"""Cases from spreadsheets (CSV, XLSX, ODS) and ODK/Kobo submission exports, through a column mapping.

guard (caps checked before a reader allocates), tables (rows of one sheet), mapping (the JSON file
and its proposal from headers), values (a cell to a field's value), run (dry run and apply).
docs/import.md is the user's guide.
"""
