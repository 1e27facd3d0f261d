"""What changed in a vault, told to whoever shows it (Qt-free).

Every service that changes what a person sees (a case saved or sealed, bundles imported, a review
decision, delivered cases purged, a witness or a documenter added or changed) calls `publish`
after its transaction committed. A front end subscribes once: the GUI's Session bridges it to
one Qt signal that every view listens to, so no list shows "0 cases" after an import or a new
case. The command line subscribes to nothing; publishing then costs a loop over an empty list.

Listeners are called on the thread that made the change (a background import runs on a pool
thread): a listener must hand the news over to its own thread, as the Session does.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from storage.vault import Vault

# The kinds of change; views may skip the ones that cannot concern them.
CASES = "cases"              # saved, sealed, exported (export seals drafts), purged, received
WITNESSES = "witnesses"      # added, edited, consent, resealed, received
DECISIONS = "decisions"      # a review decision (accept, reject, not sure)
DOCUMENTERS = "documenters"  # trusted, revoked, reinstated
IMPORT = "import"            # a bundle applied (cases, witnesses, documenters' sequences)
SOURCES = "sources"          # an external list imported or removed (docs/sources.md)
EVERY = (CASES, WITNESSES, DECISIONS, DOCUMENTERS, IMPORT, SOURCES)


@dataclass(frozen=True)
class Change:
    vault: Path  # which vault folder: a listener ignores other vaults' changes
    kind: str


Listener = Callable[[Change], None]
_listeners: list[Listener] = []
_lock = threading.Lock()


def subscribe(listener: Listener) -> Callable[[], None]:
    """Call `listener` after every change; returns the function that stops it."""
    with _lock:
        _listeners.append(listener)

    def unsubscribe() -> None:
        with _lock:
            if listener in _listeners:
                _listeners.remove(listener)

    return unsubscribe


def publish(vault: Vault, kind: str) -> None:
    """Tell every listener that `vault` changed (call after the change is committed)."""
    with _lock:
        listeners = list(_listeners)
    change = Change(Path(vault.path), kind)
    for listener in listeners:
        listener(change)
