"""The controller between the widgets and the vault: unlocked state, idle lock, clipboard, settings.

Views never hold the vault beyond their own life: they get it from `session.vault` while
unlocked, run long work through `session.runner`, and are destroyed on lock.

Emits:
    unlocked()              the vault is open; the window builds its views
    locking()               about to lock: views save drafts now (synchronously)
    locked()                the vault is closed, keys dropped; every view is gone
    open_case_requested(id) a view asks the window to open a case in the editor
    settings_changed()      idle minutes changed
    data_changed(kind)      the vault's content changed (app.services.changes: a save, seal, import,
                            decision, purge, witness or documenter change, from any thread); views
                            follow it through `follow_changes`
    language_changed()      the interface language changed: the window rebuilds its pages
    wipe_reported(text)     a wipe ran (or failed): the window shows its first-run or unlock page
                            with this line on it
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from app.gui.prefs import PreUnlockPrefs
from app.gui.tasks import TaskRunner
from app.services import changes
from app.services.exchange import organisation_data
from storage.vault import Vault

DEFAULT_IDLE_MINUTES = 5
IDLE_SETTING = "gui.idle_minutes"
LANGUAGE_SETTING = "gui.language"
_ACTIVITY = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.InputMethod,
}


class Session(QObject):
    unlocked = Signal()
    locking = Signal()
    locked = Signal()
    open_case_requested = Signal(str)
    new_case_requested = Signal(str)
    settings_changed = Signal()
    language_changed = Signal()
    data_changed = Signal(str)
    _change_arrived = Signal(str)  # from any thread; relayed on the GUI thread as data_changed
    wipe_reported = Signal(str)

    def __init__(self, vault_dir: Path, prefs: PreUnlockPrefs, runner: TaskRunner | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.vault_dir = Path(vault_dir)
        self.prefs = prefs
        self.runner = runner or TaskRunner(self)
        self.vault: Vault | None = None
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self.lock)
        self._idle_ms = DEFAULT_IDLE_MINUTES * 60_000
        self._copied_text = ""
        self._watching = False
        self._unsubscribe: Callable[[], None] | None = None
        self._change_arrived.connect(self._relay_change)
        clipboard = QGuiApplication.clipboard()
        clipboard.dataChanged.connect(self._clipboard_changed)

    # ---- unlock and lock ------------------------------------------------------------------------
    @property
    def is_unlocked(self) -> bool:
        return self.vault is not None and not self.vault.locked

    def open(self, vault: Vault) -> None:
        """Take an unlocked vault (from the unlock or first-run page)."""
        self.vault = vault
        if self._unsubscribe is None:
            self._unsubscribe = changes.subscribe(self._service_changed)
        organisation_data.install(vault)  # this vault's own terms and places, none of another's
        minutes = _parse_minutes(vault.setting(IDLE_SETTING))
        self._idle_ms = minutes * 60_000
        app = QApplication.instance()
        if app is not None and not self._watching:
            app.installEventFilter(self)
            self._watching = True
        self._idle.start(self._idle_ms)
        self.unlocked.emit()

    def lock(self) -> None:
        """Save drafts, stop work, clear views and clipboard, close the database, drop the keys."""
        if self.vault is None:
            return
        self.locking.emit()  # the editor flushes its draft here, while the vault is still open
        self.runner.cancel_all()
        self.runner.wait_all()
        self._idle.stop()
        self._clear_clipboard_if_ours()
        vault, self.vault = self.vault, None
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        vault.lock()
        organisation_data.uninstall()
        self.locked.emit()

    # ---- changes ---------------------------------------------------------------------------------
    def _service_changed(self, change: changes.Change) -> None:
        # Called on the thread that made the change (a background import: a pool thread). A
        # signal to this object's own slot is queued to the GUI thread when emitted elsewhere.
        if self.vault is not None and change.vault == self.vault.path:
            self._change_arrived.emit(change.kind)

    def _relay_change(self, kind: str) -> None:
        if self.vault is not None:
            self.data_changed.emit(kind)

    # ---- idle -----------------------------------------------------------------------------------
    @property
    def idle_ms(self) -> int:
        return self._idle_ms

    def set_idle_ms(self, ms: int) -> None:
        """For tests and the settings view; the stored setting is whole minutes."""
        self._idle_ms = max(1, int(ms))
        if self.vault is not None:
            self._idle.start(self._idle_ms)

    def set_idle_minutes(self, minutes: int) -> None:
        minutes = max(1, min(240, int(minutes)))
        if self.vault is not None:
            self.vault.set_setting(IDLE_SETTING, str(minutes))
        self.set_idle_ms(minutes * 60_000)
        self.settings_changed.emit()

    def idle_minutes(self) -> int:
        return max(1, self._idle_ms // 60_000)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if self.vault is not None and event.type() in _ACTIVITY:
            self._idle.start(self._idle_ms)
        return False

    # ---- clipboard ------------------------------------------------------------------------------
    def _clipboard_changed(self) -> None:
        clipboard = QGuiApplication.clipboard()
        # Text placed while our window is active or by us (ownsClipboard) came from the app.
        if clipboard.ownsClipboard() or QApplication.activeWindow() is not None or QApplication.focusWidget():
            self._copied_text = clipboard.text()

    def copy_text(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self._copied_text = text

    def _clear_clipboard_if_ours(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if self._copied_text and clipboard.text() == self._copied_text:
            clipboard.clear()
        self._copied_text = ""

    def shutdown(self) -> None:
        self.lock()
        self.runner.shutdown()


def _parse_minutes(value: str | None) -> int:
    try:
        minutes = int(value) if value else DEFAULT_IDLE_MINUTES
    except ValueError:
        minutes = DEFAULT_IDLE_MINUTES
    return max(1, min(240, minutes))


class _ChangeFollower(QObject):
    """Refreshes one view after each change: at once if it is on screen, else when next shown."""

    def __init__(self, view: QWidget, refresh: Callable[[], None], kinds: frozenset[str] | None):
        super().__init__(view)
        self.view, self.refresh, self.kinds = view, refresh, kinds
        self.stale = False
        view.installEventFilter(self)

    def changed(self, kind: str) -> None:
        if self.kinds is not None and kind not in self.kinds:
            return
        if self.view.isVisible():
            self.stale = False
            self.refresh()
        else:
            self.stale = True  # a hidden view (another page is current) catches up when shown

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.view and event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            self.refresh()
        return False


def follow_changes(session: Session, view: QWidget, refresh: Callable[[], None],
                   kinds: tuple[str, ...] | None = None) -> None:
    """Keep `view` current: call `refresh` after every change of the vault's content (of `kinds`,
    default all; see app.services.changes), deferred while the view is hidden."""
    follower = _ChangeFollower(view, refresh, frozenset(kinds) if kinds else None)
    session.data_changed.connect(follower.changed)
