"""The vault: key file, SQLCipher database, attachment store, audit log, bundle format.

Imports nothing from `app`; may use `forms` (normalisation for the search index).
"""
