"""The only settings kept outside the vault: the interface language and its digits, needed before unlock.

Everything else (idle minutes, and any other preference) lives in the vault's encrypted settings
table and is read after unlock. This file holds two words (language "en" or "ar"; digits "native"
or "latin") and never case content, names, paths of attachments or recent files.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from storage.atomic import atomic_write_bytes, ensure_private_dir

FILENAME = "gui-language.json"


def default_prefs_path() -> Path:
    override = os.environ.get("TAWTHIQ_GUI_PREFS")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_config_dir("tawthiq", appauthor=False)) / FILENAME


DIGITS = ("native", "latin")  # native: the language's own digits (Arabic-Indic in Arabic)


class PreUnlockPrefs:
    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path else default_prefs_path()

    def _read(self) -> dict:
        try:
            stored = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return stored if isinstance(stored, dict) else {}

    def _write(self, **changes: str) -> None:
        stored = {k: v for k, v in self._read().items() if k in ("language", "digits")}
        stored.update(changes)
        ensure_private_dir(self.path.parent)
        atomic_write_bytes(self.path, json.dumps(stored).encode())

    def language(self, default: str = "en") -> str:
        value = self._read().get("language")
        return value if value in ("en", "ar") else default

    def set_language(self, language: str) -> None:
        if language not in ("en", "ar"):
            raise ValueError("language must be en or ar")
        self._write(language=language)

    def latin_digits(self) -> bool:
        """Latin digits (0-9) chosen for the Arabic interface instead of Arabic-Indic (٠-٩)."""
        return self._read().get("digits") == "latin"

    def set_latin_digits(self, latin: bool) -> None:
        self._write(digits="latin" if latin else "native")
