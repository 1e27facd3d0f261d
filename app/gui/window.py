"""The main window: first-run / unlock pages before the vault is open, the workspace after.

Adding a view (witnesses, review queue, dashboard, import, …)
------------------------------------------------------------
A view is a widget class taking the session, listed in app/gui/workspace_views.py:

    class WitnessesView(QWidget):
        def __init__(self, session: Session): ...   # session.vault, session.runner

    WorkspaceView("witnesses", QT_TRANSLATE_NOOP("", "Witnesses"), WitnessesView,
                  roles=("documenter", "coordinator"), order=30),

- The class (any `factory(session) -> QWidget`) is called the first time the view is shown
  after an unlock (lazily: unlocking stays fast), on the GUI thread, with the vault open.
- `title` is the English source text; the window translates it with `tr` when it builds the
  navigation, so wrap it in `QT_TRANSLATE_NOOP("", "…")` (from PySide6.QtCore) for lupdate.
- `roles`: the vault roles that see it (`vault.role`); None = every role.
- On lock every view widget is deleted (models and all); a view that holds unsaved input
  connects to `session.locking` and saves there. Views must not put case content in the window
  title or in notifications.

The pages and dialogs below the window (access.py, emergency.py, the views) never import it:
they get the session and announce through its signals (language_changed, wipe_reported,
open_case_requested, …), which the window listens to.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from app.gui.access import FirstRunPage, UnlockPage
from app.gui.emergency import apply_identity
from app.gui.i18n import tr, tr_args
from app.gui.session import Session, follow_changes
from storage.vault import vault_exists

log = logging.getLogger("tawthiq.gui")

@dataclass
class ViewSpec:
    key: str
    title: str
    factory: Callable[[Session], QWidget]
    roles: tuple[str, ...] | None = None
    order: int = 100
    follows: tuple[str, ...] = ()
    widget: QWidget | None = field(default=None, repr=False)


class Workspace(QWidget):
    """Navigation list on the leading side, the current view beside it."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window_ = window
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setMaximumWidth(220)
        self.stack = QStackedWidget(self)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.nav.currentRowChanged.connect(self._show_row)

    def _show_row(self, row: int) -> None:
        item = self.nav.item(row)
        if item is not None:
            self.window_.show_view(item.data(Qt.ItemDataRole.UserRole))


class MainWindow(QMainWindow):
    """Emits view_shown(key) after a view becomes current."""

    view_shown = Signal(str)

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self._views: dict[str, ViewSpec] = {}
        self._extra: dict[str, QWidget] = {}  # pages opened on demand (the case editor)
        # Title and icon from the vault folder (neutral mode), before unlock; never case content.
        apply_identity(self, session.vault_dir)
        self.resize(1100, 720)
        self.pages = QStackedWidget(self)
        self.setCentralWidget(self.pages)
        self.workspace: Workspace | None = None
        self.lock_action = QAction(self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(self.session.lock)
        self.addAction(self.lock_action)
        # Quit (Ctrl+Q) closes the window: the same path as its close button, which saves and locks.
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.quit_action.triggered.connect(self.quit)
        self.addAction(self.quit_action)
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setMovable(False)
        self.addToolBar(self.toolbar)
        # The header: which vault is open, in which role, and that it is open (Lock closes it).
        self.vault_header = QLabel(self.toolbar)
        self.vault_header.setObjectName("vault_header")
        self.vault_header.setTextFormat(Qt.TextFormat.PlainText)
        self.lock_state = QLabel(self.toolbar)
        self.lock_state.setObjectName("lock_state")
        self.toolbar.addWidget(self.vault_header)
        self.toolbar.addWidget(self.lock_state)
        spacer = QWidget(self.toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.toolbar.addAction(self.lock_action)
        session.setParent(self)  # deleted with the window, on the GUI thread
        session.unlocked.connect(self._on_unlocked)
        session.language_changed.connect(self.rebuild)
        session.locked.connect(self._on_locked)
        session.open_case_requested.connect(self.open_case)
        session.settings_changed.connect(lambda: apply_identity(self, session.vault_dir))
        session.wipe_reported.connect(self._show_wipe_outcome)
        session.new_case_requested.connect(self.new_case)
        self._views_loaded = False
        self.rebuild()
        # The view modules (and what they import) are not needed to show the unlock page: load
        # them just after it is painted (100 ms), while the person types the passphrase.
        QTimer.singleShot(100, self.load_views)

    def load_views(self) -> None:
        """Register the workspace's views (once; before the workspace is built)."""
        if self._views_loaded:
            return
        self._views_loaded = True
        from app.gui.workspace_views import WORKSPACE_VIEWS  # here, not at the top: see above

        for view in WORKSPACE_VIEWS:
            self.add_view(view.key, view.title, view.factory, view.roles, view.order, view.follows)
        log.debug("view modules loaded")

    # ---- the registry ---------------------------------------------------------------------------
    def add_view(self, key: str, title: str, widget_factory: Callable[[Session], QWidget],
                 roles: tuple[str, ...] | None = None, order: int = 100, follows: tuple[str, ...] = ()) -> None:
        """Register a view: `widget_factory(session)` builds it after unlock (see module doc).

        `follows`: the kinds of change (app.services.changes) after which the view's `refresh()`
        runs, at once if it is on screen, else when it is next shown."""
        if key in self._views:
            raise ValueError(f"a view named {key!r} is already registered")
        self._views[key] = ViewSpec(key, title, widget_factory, tuple(roles) if roles else None, order,
                                    tuple(follows))
        if self.session.is_unlocked and self.workspace is not None:
            self._build_workspace()

    def view(self, key: str) -> QWidget | None:
        """The live widget of a view (None before first shown or after lock)."""
        spec = self._views.get(key)
        return spec.widget if spec else None

    def visible_views(self) -> list[ViewSpec]:
        role = self.session.vault.role if self.session.vault is not None and self.session.is_unlocked else None
        return sorted((s for s in self._views.values() if s.roles is None or role in s.roles),
                      key=lambda s: (s.order, s.key))

    def show_view(self, key: str) -> QWidget:
        spec = self._views[key]
        if self.workspace is None:
            raise RuntimeError("the vault is locked")
        if spec.widget is None:
            spec.widget = spec.factory(self.session)
            if spec.follows:
                follow_changes(self.session, spec.widget, spec.widget.refresh,  # type: ignore[attr-defined]
                               spec.follows)
            self.workspace.stack.addWidget(spec.widget)
        self.workspace.stack.setCurrentWidget(spec.widget)
        for row in range(self.workspace.nav.count()):
            item = self.workspace.nav.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == key and self.workspace.nav.currentRow() != row:
                self.workspace.nav.blockSignals(True)
                self.workspace.nav.setCurrentRow(row)
                self.workspace.nav.blockSignals(False)
        self.view_shown.emit(key)
        return spec.widget

    # ---- the case editor page -------------------------------------------------------------------
    def open_case(self, case_id: str) -> QWidget:
        return self._show_editor(case_id=case_id)

    def new_case(self, form: str) -> QWidget:
        return self._show_editor(form=form)

    def _show_editor(self, case_id: str | None = None, form: str | None = None) -> QWidget:
        from app.gui.case_editor import CaseEditor

        for key in ("version", "editor"):
            old = self._extra.pop(key, None)
            if old is not None:
                if key == "editor":
                    old.flush()  # type: ignore[attr-defined]
                old.deleteLater()
        editor = CaseEditor(self.session, case_id=case_id, form=form)
        editor.closed.connect(self._editor_closed)
        editor.version_requested.connect(self.open_case_version)
        self._extra["editor"] = editor
        assert self.workspace is not None
        self.workspace.stack.addWidget(editor)
        self.workspace.stack.setCurrentWidget(editor)
        self.view_shown.emit("editor")
        return editor

    def _editor_closed(self) -> None:
        self.show_view("cases")

    @property
    def editor(self) -> QWidget | None:
        return self._extra.get("editor")

    def open_case_version(self, case_id: str, version: int) -> QWidget:
        """An earlier version of a case, read-only, with what changed since (case_version_view)."""
        from app.gui.case_version_view import CaseVersionView

        old = self._extra.pop("version", None)
        if old is not None:
            old.deleteLater()
        view = CaseVersionView(self.session, case_id, version)
        view.closed.connect(self._version_closed)
        self._extra["version"] = view
        assert self.workspace is not None
        self.workspace.stack.addWidget(view)
        self.workspace.stack.setCurrentWidget(view)
        self.view_shown.emit("version")
        return view

    def _version_closed(self) -> None:
        view = self._extra.pop("version", None)
        if view is not None:
            view.deleteLater()
        editor = self.editor
        if editor is not None and self.workspace is not None:
            self.workspace.stack.setCurrentWidget(editor)
            self.view_shown.emit("editor")
        else:
            self.show_view("cases")

    # ---- pages ----------------------------------------------------------------------------------
    def rebuild(self) -> None:
        """Build the page for the current state (also after a language change)."""
        self.lock_action.setText(tr("Lock"))
        self.lock_action.setToolTip(tr("Lock the vault now (Ctrl+L)"))
        self.quit_action.setText(tr("Quit"))
        if self.session.is_unlocked:
            self._build_workspace()
            return
        self._clear_pages()
        page_class = UnlockPage if vault_exists(self.session.vault_dir) else FirstRunPage
        page = page_class(self.session, self)
        self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)
        self.toolbar.setVisible(False)

    @property
    def current_page(self) -> QWidget | None:
        return self.pages.currentWidget()

    def _show_wipe_outcome(self, text: str) -> None:
        # After a wipe the folder holds no vault: this is the first-run page (the unlock page if
        # the wipe did not finish), with what happened on it.
        self.rebuild()
        page = self.current_page
        assert isinstance(page, FirstRunPage | UnlockPage)
        page.message.setText(text)

    def _clear_pages(self) -> None:
        for spec in self._views.values():
            spec.widget = None
        for widget in self._extra.values():
            widget.deleteLater()
        self._extra.clear()
        while self.pages.count():
            page = self.pages.widget(0)
            assert page is not None  # count() > 0
            self.pages.removeWidget(page)
            page.hide()
            page.deleteLater()
        self.workspace = None

    def _build_workspace(self) -> None:
        self.load_views()
        current = None
        if self.workspace is not None and self.workspace.nav.currentItem() is not None:
            current = self.workspace.nav.currentItem().data(Qt.ItemDataRole.UserRole)
        self._clear_pages()
        self.workspace = Workspace(self)
        self.pages.addWidget(self.workspace)
        self.pages.setCurrentWidget(self.workspace)
        self.toolbar.setVisible(True)
        self._update_header()
        views = self.visible_views()
        for spec in views:
            item = QListWidgetItem(tr(spec.title))
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.workspace.nav.addItem(item)
        if views:
            keys = [s.key for s in views]
            self.show_view(current if current in keys else keys[0])
        assert self.session.vault is not None
        if self.session.vault.audit_broken_at is not None:
            self._show_audit_warning(self.session.vault.audit_broken_at)

    def _update_header(self) -> None:
        """Vault name · role, and the lock state, in the header (the vault's name is the owner's own)."""
        vault = self.session.vault
        if vault is None or not self.session.is_unlocked:
            self.vault_header.setText("")
            self.lock_state.setText(tr("Locked"))
            return
        role = tr("Coordinator") if vault.role == "coordinator" else tr("Documenter")
        # The name is the owner's own text in any script: isolated (FSI … PDI), so a Latin name does
        # not turn the Arabic line left to right ("موثّق · demo" read role first).
        name = "\u2068" + vault.name + "\u2069"
        self.vault_header.setText(tr_args(tr("%1 · %2"), name, role) if vault.name else role)
        self.lock_state.setText(tr("Unlocked · Ctrl+L locks"))

    def _show_audit_warning(self, broken_at: int) -> None:
        """Found at unlock (storage.vault): said for as long as the vault is open; goes on lock."""
        from app.gui.i18n import fmt_int

        label = QLabel(tr_args(tr("Warning: the audit log is broken at entry %1: this vault was changed outside "
                          "Tawthiq. `tawthiq verify-vault` checks it in full."), fmt_int(broken_at)),
                       self)
        label.setObjectName("audit_warning")
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        bar = self.statusBar()
        bar.addPermanentWidget(label, 1)
        bar.setVisible(True)
        label.destroyed.connect(bar.hide)  # on lock: no empty bar under the unlock page
        self._extra["audit_warning"] = label

    def _on_unlocked(self) -> None:
        # The vault's own language setting wins over the pre-unlock file (another person's
        # laptop may have been switched before unlocking).
        from PySide6.QtWidgets import QApplication

        from app.gui.i18n import LANGUAGES, current_language, install_language
        from app.gui.session import LANGUAGE_SETTING

        assert self.session.vault is not None
        stored = self.session.vault.setting(LANGUAGE_SETTING)
        if stored in LANGUAGES and stored != current_language():
            install_language(QApplication.instance(), stored, self.session.prefs.latin_digits())
            self.session.prefs.set_language(stored)
        self._build_workspace()

    def _on_locked(self) -> None:
        # Every view, model and editor goes; the unlock page is all that remains.
        self.rebuild()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.session.shutdown()
        super().closeEvent(event)

    def quit(self) -> None:
        """Quit the app from anywhere (Ctrl+Q, a signal): save and lock, then end every event loop."""
        from app.gui.shutdown import quit_application

        self.close()
        self.session.shutdown()  # also when a dialog kept the close from reaching closeEvent
        quit_application()
