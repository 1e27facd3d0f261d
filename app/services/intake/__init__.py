"""Intake: cases, their versions and rules, witnesses and consent (the documenter's daily work)."""
