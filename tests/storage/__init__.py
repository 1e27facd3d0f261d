"""The vault on disk: key file, database, attachments, crash safety, wipe."""
