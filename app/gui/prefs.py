"""The only settings kept outside the vault: the interface language, needed before unlock.

Everything else (idle minutes, and any other preference) lives in the vault's encrypted settings
table and is read after unlock. This file holds one word ("en" or "ar") and never case content,
names, paths of attachments or recent files.
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


class PreUnlockPrefs:
    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path else default_prefs_path()

    def language(self, default: str = "en") -> str:
        try:
            value = json.loads(self.path.read_text(encoding="utf-8")).get("language")
        except (OSError, ValueError, AttributeError):
            return default
        return value if value in ("en", "ar") else default

    def set_language(self, language: str) -> None:
        if language not in ("en", "ar"):
            raise ValueError("language must be en or ar")
        ensure_private_dir(self.path.parent)
        atomic_write_bytes(self.path, json.dumps({"language": language}).encode())
