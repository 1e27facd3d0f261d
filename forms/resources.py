"""Where the shipped data lives: resources/ next to the forms package (also in the wheel)."""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
FORMS_DIR = RESOURCES / "forms"
VOCABULARIES_DIR = RESOURCES / "vocabularies"
GAZETTEER_DIR = RESOURCES / "gazetteer"
