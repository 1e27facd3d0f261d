"""What a documenter reaches for in an emergency, for the GUI and the CLI alike (no Qt here).

- `wipe(folder)`: crypto-shred the vault; needs no passphrase. The GUI locks its own vault first
  (`vault.lock()`) so no connection of ours writes into the folder while it is removed.
- The failed-unlock limit: off by default; when on, the N-th wrong passphrase in a row wipes the
  vault. Storage enforces it inside `Vault.unlock`, so every front end is covered; the unlock
  screen shows `attempts_left(folder)` when it is not None.
- Neutral mode: a window title and icon that do not name the application. It is read before
  unlocking (the unlock window is what a checkpoint sees first), so it lives in the guard file
  beside the key file, not in the encrypted database; docs/threat-model.md says what that reveals.
- Purge after acknowledgement: a setting inside the vault that the acknowledgement import reads.
"""

from __future__ import annotations

from pathlib import Path

from storage import wipe as storage_wipe
from storage.errors import UsageError
from storage.vault import Vault
from storage.wipe import WipeReport

APP_TITLE = "Tawthiq — توثيق"
# Neutral mode: a title and icon as dull as a notes program's; the GUI maps the icon key to a file.
NEUTRAL_TITLE = "Notes"
APP_ICON = "tawthiq"
NEUTRAL_ICON = "neutral"
PURGE_AFTER_ACK = "purge_after_ack"


def wipe(folder: Path, vault: Vault | None = None) -> WipeReport:
    """Lock `vault` if given (ours, open), then crypto-shred the folder. Returns the timings.

    Raises storage.wipe.WipeIncomplete, after every step that could run has run, when something could
    not be removed: its message (one line) says what, and whether the keys are gone."""
    if vault is not None:
        vault.lock()
    return storage_wipe.wipe_vault(Path(folder))


# ---- failed-unlock limit ----------------------------------------------------------------------------
def wipe_after_failed_unlocks(folder: Path) -> int | None:
    return storage_wipe.read_guard(Path(folder)).wipe_after_failed_unlocks


def attempts_left(folder: Path) -> int | None:
    """None when the limit is off; otherwise how many wrong passphrases remain before the wipe."""
    return storage_wipe.read_guard(Path(folder)).attempts_left


def set_wipe_after_failed_unlocks(vault: Vault, limit: int | None) -> None:
    """Turn the limit on (1..100 attempts) or off (None). Takes an unlocked vault: only the owner sets it."""
    if limit is not None and not 1 <= limit <= storage_wipe.MAX_WIPE_AFTER:
        raise UsageError("wipe.limit_range", maximum=storage_wipe.MAX_WIPE_AFTER)
    guard = storage_wipe.read_guard(vault.path)
    guard.wipe_after_failed_unlocks = limit
    guard.failed_unlocks = 0
    storage_wipe.write_guard(vault.path, guard)


# ---- neutral mode -----------------------------------------------------------------------------------
def neutral_mode(folder: Path) -> bool:
    return storage_wipe.read_guard(Path(folder)).neutral_mode


def set_neutral_mode(vault: Vault, on: bool) -> None:
    guard = storage_wipe.read_guard(vault.path)
    guard.neutral_mode = bool(on)
    storage_wipe.write_guard(vault.path, guard)


def window_title(folder: Path) -> str:
    return NEUTRAL_TITLE if neutral_mode(folder) else APP_TITLE


def window_icon(folder: Path) -> str:
    return NEUTRAL_ICON if neutral_mode(folder) else APP_ICON


# ---- purge after acknowledgement --------------------------------------------------------------------
def purge_after_ack(vault: Vault) -> bool:
    return vault.setting(PURGE_AFTER_ACK, "0") == "1"


def set_purge_after_ack(vault: Vault, on: bool) -> None:
    vault.set_setting(PURGE_AFTER_ACK, "1" if on else "0")
