"""Attacks: hostile files and bundles, canary scans of everything on disk."""
