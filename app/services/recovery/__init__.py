"""Backups, SLIP-39 recovery shares and what they open (issue 20). Qt-free: the CLI and the GUI share it."""
