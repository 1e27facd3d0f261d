"""The identity custodian's work in the coordinator app (DESIGN.md section 5, issue 15).

The custodian opens their key file with its own passphrase (or makes a new one); the key is held
by this view only, in memory, until "Close the key", a lock or the view's end. With it open:

- reveal one witness's sealed identity: a reason is required, and the reveal is audited (who,
  when, why; never the identity). The identity is shown here until "Hide" or until the key is
  closed; it is never written anywhere, copied or logged;
- find witnesses recorded more than once (across documenters and scripts): stores only links
  between pseudonyms and keyed tags; a wrong link is rejected with a reason (audited).

Every step runs app.services.custody.custodian, as `tawthiq custodian …` does; key derivation
and linking run off the GUI thread.

Emits: key_opened(who), key_closed(), revealed(pseudonym), linked(number of new links),
failed(one safe line).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.gui.i18n import fmt_datetime, fmt_int, tr, tr_args
from app.services.intake import witnesses

if TYPE_CHECKING:
    from app.services.custody.custodian import CustodianKey


def _identity_label(field: str) -> str:
    return {"name_ar": tr("Name (Arabic)"), "name_latin": tr("Name (Latin)"), "phone": tr("Phone"),
            "address": tr("Address"), "other_contact": tr("Other contact")}.get(field, field)


def _basis_label(basis: str) -> str:
    return {"name+phone": tr("Name and phone agree"), "name": tr("Full name agrees"),
            "phone": tr("Phone agrees")}.get(basis, basis)


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class CustodianView(QWidget):
    key_opened = Signal(str)
    key_closed = Signal()
    revealed = Signal(str)
    linked = Signal(int)
    failed = Signal(str)

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.key: CustodianKey | None = None  # while open; never stored
        self._busy = False
        locking = getattr(session, "locking", None)
        if locking is not None:
            locking.connect(self.close_key)

        intro = _plain(tr("Only the identity custodian works here. Witness identities are sealed to the "
                          "custodian's key: open the key file with its own passphrase to reveal one identity "
                          "(a reason is required, and every reveal is in the audit log) or to find witnesses "
                          "recorded more than once. The key stays in memory only until you close it or the "
                          "vault locks."))

        # ---- the key file ------------------------------------------------------------------------
        key_box = QGroupBox(tr("Custodian key"))
        key_form = QFormLayout(key_box)
        self.key_path = QLineEdit()
        self.key_path.setPlaceholderText(tr("The custodian key file"))
        self.browse_button = QPushButton(tr("Choose…"))
        self.browse_button.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.key_path, 1)
        path_row.addWidget(self.browse_button)
        self.key_passphrase = QLineEdit()
        self.key_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_passphrase.returnPressed.connect(self.open_key)
        self.open_button = QPushButton(tr("Open the key"))
        self.open_button.clicked.connect(self.open_key)
        self.close_button = QPushButton(tr("Close the key"))
        self.close_button.clicked.connect(self.close_key)
        self.key_state = _plain()
        key_buttons = QHBoxLayout()
        key_buttons.addWidget(self.open_button)
        key_buttons.addWidget(self.close_button)
        key_buttons.addStretch(1)
        key_form.addRow(tr("Key file"), path_row)
        key_form.addRow(tr("Custodian passphrase"), self.key_passphrase)
        key_form.addRow(key_buttons)
        key_form.addRow(self.key_state)

        new_box = QGroupBox(tr("Make a new custodian key file"))
        new_form = QFormLayout(new_box)
        self.new_label = QLineEdit()
        self.new_label.setPlaceholderText(tr("Who holds it, as the audit log will name them"))
        self.new_passphrase = QLineEdit()
        self.new_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_confirm = QLineEdit()
        self.new_confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.create_button = QPushButton(tr("Make the key file…"))
        self.create_button.clicked.connect(self._ask_create)
        self.recipient = QLineEdit()
        self.recipient.setReadOnly(True)
        self.recipient.setPlaceholderText(tr("The key's public recipient appears here"))
        new_form.addRow(_plain(tr("Without this file and its passphrase no sealed identity can ever be read: keep "
                                  "it with the custodian, apart from this vault, with a copy in a safe place. Its "
                                  "public recipient goes into the organisation profile.")))
        new_form.addRow(tr("Held by"), self.new_label)
        new_form.addRow(tr("New passphrase"), self.new_passphrase)
        new_form.addRow(tr("Repeat it"), self.new_confirm)
        new_form.addRow(self.create_button)
        new_form.addRow(tr("Public recipient"), self.recipient)

        # ---- reveal ------------------------------------------------------------------------------
        reveal_box = QGroupBox(tr("Reveal a witness's identity"))
        reveal_form = QFormLayout(reveal_box)
        # The witnesses whose identity is sealed here, by pseudonym and alias; any pseudonym may be typed.
        self.pseudonym = QComboBox()
        self.pseudonym.setEditable(True)
        self.pseudonym.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        typed = self.pseudonym.lineEdit()
        if typed is not None:
            typed.setPlaceholderText(tr("A pseudonym, such as W-7KQ3-M9XD"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(tr("Why it must be read now (kept in the audit log)"))
        self.reason.returnPressed.connect(self.reveal)
        self.reveal_button = QPushButton(tr("Reveal"))
        self.reveal_button.clicked.connect(self.reveal)
        self.hide_button = QPushButton(tr("Hide the identity"))
        self.hide_button.clicked.connect(self.hide_identity)
        self.hide_button.setVisible(False)
        reveal_buttons = QHBoxLayout()
        reveal_buttons.addWidget(self.reveal_button)
        reveal_buttons.addWidget(self.hide_button)
        reveal_buttons.addStretch(1)
        self.identity_box = QGroupBox(tr("Identity"))
        self.identity_form = QFormLayout(self.identity_box)
        self.identity_box.setVisible(False)
        reveal_form.addRow(tr("Pseudonym"), self.pseudonym)
        reveal_form.addRow(tr("Reason"), self.reason)
        reveal_form.addRow(reveal_buttons)
        reveal_form.addRow(self.identity_box)
        self.history = _table([tr("When"), tr("Pseudonym"), tr("Who"), tr("Why")])

        # ---- linking -----------------------------------------------------------------------------
        link_box = QGroupBox(tr("Witnesses recorded more than once"))
        link_layout = QVBoxLayout(link_box)
        link_layout.addWidget(_plain(tr("Opens every sealed identity in memory, compares them (names in both "
                                         "scripts, phone numbers) and keeps only which pseudonyms are one "
                                         "person. Analysts see the links, never the names.")))
        self.link_button = QPushButton(tr("Find witnesses recorded more than once"))
        self.link_button.clicked.connect(self.link)
        self.links = _table([tr("Pseudonym"), tr("Same person as"), tr("Because"), tr("Score"), tr("Linked on")])
        self.unlink_reason = QLineEdit()
        self.unlink_reason.setPlaceholderText(tr("Why the selected link is wrong (kept in the audit log)"))
        self.unlink_button = QPushButton(tr("Reject the selected link"))
        self.unlink_button.clicked.connect(self.unlink)
        unlink_row = QHBoxLayout()
        unlink_row.addWidget(self.unlink_reason, 1)
        unlink_row.addWidget(self.unlink_button)
        link_layout.addWidget(self.link_button, 0, Qt.AlignmentFlag.AlignLeading)
        link_layout.addWidget(self.links)
        link_layout.addLayout(unlink_row)

        self.status = _plain()
        self.status.setObjectName("custodian_status")
        body = QWidget()
        column = QVBoxLayout(body)
        for w in (intro, key_box, reveal_box, QLabel(tr("Reveal history")), self.history, link_box, new_box):
            column.addWidget(w)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.addWidget(self.status)
        outer.addWidget(scroll, 1)
        self._show_key_state()
        self.refresh()

    # ---- reading ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """The reveal history and the links (read with the vault's keys: no custodian key needed)."""
        from app.services.custody import custodian

        vault = self.session.vault
        if vault is None:
            return
        self._fill_history(custodian.reveals(vault))
        self._fill_links(custodian.links(vault))
        typed = self.pseudonym.currentText()
        self.pseudonym.clear()
        for w in witnesses.list_witnesses(vault):
            if w.sealed_to == "custodian":
                self.pseudonym.addItem(tr_args(tr("%1 · %2"), w.code, w.alias) if w.alias else w.code, w.code)
        self.pseudonym.setCurrentIndex(-1)
        self.pseudonym.setEditText(typed)

    def chosen_pseudonym(self) -> str:
        """The pseudonym picked from the list, or as typed."""
        index = self.pseudonym.currentIndex()
        text = self.pseudonym.currentText()
        if index >= 0 and text == self.pseudonym.itemText(index):
            return str(self.pseudonym.itemData(index))
        return text

    def _fill_history(self, rows: list[dict]) -> None:
        self.history.setRowCount(len(rows))
        for r, row in enumerate(reversed(rows)):  # newest first
            for c, text in enumerate((fmt_datetime(row["at"]), row["pseudonym"], row["who"] or "", row["why"] or "")):
                self.history.setItem(r, c, QTableWidgetItem(text))

    def _fill_links(self, rows: list[dict]) -> None:
        self.links.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = (row["a"], row["b"], _basis_label(row["basis"]), fmt_int(round(100 * float(row["score"]))) + "%",
                      fmt_datetime(row["linked_at"]))
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, (row["a"], row["b"]))
                self.links.setItem(r, c, item)

    # ---- the key -----------------------------------------------------------------------------------
    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("The custodian key file"))
        if path:
            self.key_path.setText(path)

    def _start(self, text: str) -> bool:
        if self._busy:
            return False
        self._busy = True
        self.status.setText(text)
        self._show_key_state()
        return True

    def _failed(self, message: str) -> None:
        self._busy = False
        self.status.setText(message)
        self._show_key_state()
        self.failed.emit(message)

    def open_key(self) -> None:
        """Open the key file with the custodian's passphrase (Argon2id, off the GUI thread)."""
        from app.services.custody import custodian

        path, secret = self.key_path.text().strip(), self.key_passphrase.text()
        if not path:
            self.status.setText(tr("Choose the custodian key file first."))
            return
        if not self._start(tr("Opening the custodian key…")):
            return
        self.key_passphrase.clear()
        self.session.runner.run(lambda _task: custodian.unlock_key(Path(path), secret),
                                on_done=self._key_ready, on_error=self._failed)

    def _key_ready(self, key) -> None:
        self._busy = False
        self.key = key
        self.status.setText(tr_args(tr("Custodian key open: %1. Close it when you are done."), key.label or
                                    tr("(no name)")))
        self._show_key_state()
        self.key_opened.emit(key.who)

    def close_key(self) -> None:
        """Drop the key and any identity shown (also on lock)."""
        self.hide_identity()
        self.key = None
        self._show_key_state()
        self.key_closed.emit()

    def _show_key_state(self) -> None:
        key = self.key
        is_open = key is not None
        # Each argument isolated (FSI … PDI): a Latin label or the hex groups keep their order in Arabic.
        self.key_state.setText(tr_args(tr("Open: %1 (fingerprint %2)"),
                                       f"\u2068{key.label or tr('(no name)')}\u2069",
                                       f"\u2068{self._grouped(key.fingerprint)}\u2069") if key is not None else
                               tr("No custodian key is open."))
        idle = not self._busy
        self.open_button.setEnabled(idle and not is_open)
        self.close_button.setEnabled(is_open)
        for w in (self.reveal_button, self.link_button, self.unlink_button):
            w.setEnabled(idle and is_open)
        self.create_button.setEnabled(idle)

    @staticmethod
    def _grouped(fingerprint: str) -> str:
        return " ".join(fingerprint[i:i + 4] for i in range(0, len(fingerprint), 4))

    def _ask_create(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Where to write the new custodian key file"),
                                              "custodian.key")
        if path:
            self.create_key(Path(path))

    def create_key(self, path: Path) -> None:
        """Write a new custodian key file (never over an existing one) and show its recipient."""
        from app.services.custody import custodian

        secret, again = self.new_passphrase.text(), self.new_confirm.text()
        if secret != again:
            self.status.setText(tr("The two passphrases differ."))
            return
        label = self.new_label.text()
        if not self._start(tr("Making the custodian key file…")):
            return
        self.new_passphrase.clear()
        self.new_confirm.clear()

        def made(key) -> None:
            self._busy = False
            self.recipient.setText(key.recipient)
            self.key_path.setText(str(path))
            self.status.setText(tr("Custodian key file written. Put its public recipient in the organisation "
                                   "profile, and keep the file and its passphrase safe."))
            self._show_key_state()

        self.session.runner.run(lambda _task: custodian.create_key(path, secret, label),
                                on_done=made, on_error=self._failed)

    # ---- reveal ------------------------------------------------------------------------------------
    def reveal(self) -> None:
        """Open one identity, with the reason typed; audited by the service."""
        from app.services.custody import custodian

        if self.key is None or self._busy:
            return
        vault, key = self.session.vault, self.key
        code, why = self.chosen_pseudonym(), self.reason.text()
        self.hide_identity()
        if not self._start(tr("Opening the identity…")):
            return

        def work(_task):
            identity = custodian.reveal(vault, key, code, why)
            return witnesses.parse_code(code), identity, custodian.reveals(vault)

        self.session.runner.run(work, vault=vault, on_done=self._revealed, on_error=self._failed)

    def _revealed(self, outcome: tuple[str, dict, list[dict]]) -> None:
        code, identity, history = outcome
        self._busy = False
        for field in witnesses.IDENTITY_FIELDS:
            value = identity.get(field)
            if value:
                shown = _plain(str(value))
                shown.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)  # read, not copied
                self.identity_form.addRow(_identity_label(field), shown)
        self.identity_box.setTitle(tr_args(tr("Identity of %1"), code))
        self.identity_box.setVisible(True)
        self.hide_button.setVisible(True)
        self.reason.clear()
        self._fill_history(history)
        self.status.setText(tr("Identity revealed; the reveal is in the audit log. Hide it when you are done."))
        self._show_key_state()
        self.revealed.emit(code)

    def hide_identity(self) -> None:
        while self.identity_form.rowCount():
            self.identity_form.removeRow(0)
        self.identity_box.setVisible(False)
        self.hide_button.setVisible(False)

    def shown_identity(self) -> dict[str, str]:
        """The identity on screen, field label → value (for tests and accessibility)."""
        out = {}
        for row in range(self.identity_form.rowCount()):
            label = self.identity_form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            value = self.identity_form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            label_widget = label.widget() if label else None
            value_widget = value.widget() if value else None
            if isinstance(label_widget, QLabel) and isinstance(value_widget, QLabel):
                out[label_widget.text()] = value_widget.text()
        return out

    # ---- linking -----------------------------------------------------------------------------------
    def link(self) -> None:
        from app.services.custody import custodian

        if self.key is None:
            return
        vault, key = self.session.vault, self.key
        if not self._start(tr("Comparing every sealed identity in memory…")):
            return
        self.session.runner.run(lambda _task: (custodian.link(vault, key), custodian.links(vault)), vault=vault,
                                on_done=self._linked, on_error=self._failed)

    def _linked(self, outcome) -> None:
        report, rows = outcome
        self._busy = False
        self._fill_links(rows)
        self.status.setText(tr_args(tr("Opened %1 identities in memory (%2 not sealed to this key); %3 new links."),
                                    fmt_int(report.opened), fmt_int(report.unreadable), fmt_int(len(report.new_links))))
        self._show_key_state()
        self.linked.emit(len(report.new_links))

    def unlink(self) -> None:
        from app.services.custody import custodian

        item = self.links.currentItem()
        if self.key is None or item is None:
            self.status.setText(tr("Select the link to reject first."))
            return
        a, b = item.data(Qt.ItemDataRole.UserRole)
        vault, key, why = self.session.vault, self.key, self.unlink_reason.text()
        if not self._start(tr("Rejecting the link…")):
            return

        def done(rows: list[dict]) -> None:
            self._busy = False
            self.unlink_reason.clear()
            self._fill_links(rows)
            self.status.setText(tr("Link rejected; a later search will not make it again."))
            self._show_key_state()

        def work(_task) -> list[dict]:
            custodian.unlink(vault, key, a, b, why)
            return custodian.links(vault)

        self.session.runner.run(work, vault=vault, on_done=done, on_error=self._failed)
