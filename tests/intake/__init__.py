"""The documenter's intake: cases, versions, witnesses, consent, search, the command line."""
