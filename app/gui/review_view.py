"""The review queue: candidate pairs of victim records side by side, decided from the keyboard.

Left: the pairs waiting for a person (strongest first). Right: both records field by field, the
rows where they differ highlighted, and under each record its sources (documenter, bundle,
sequence, when received). Keys: A accept, R reject, U (or N) not sure, J/↓ next, K/↑ previous.
A decision is stored at once (app.services.analysis.linkage.decide) and the next pair is shown.

The queue is the last linkage run's, read off the GUI thread through the session's task runner;
opening the view never runs linkage (an import does, and the Run linkage button does on demand).
All text from records is shown as plain text (never rich text): it came from a bundle and is
untrusted.

Emits: decided(pair_id, decision) after a decision is stored; queue_loaded(count).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.gui.i18n import QT_TRANSLATE_NOOP, fmt_number, tr, tr_args
from app.services.analysis import linkage, linkage_extra

DIFFERENT = QColor(255, 228, 181)  # a warm highlight that reads in light and dark palettes

# (label, how to read the value from a record's display dict)
FIELDS = (
    (QT_TRANSLATE_NOOP("", "Name (Arabic)"), lambda r: r.get("name_ar")),
    (QT_TRANSLATE_NOOP("", "Name (Latin)"), lambda r: r.get("name_latin")),
    (QT_TRANSLATE_NOOP("", "Given name"), lambda r: (r.get("name_parts") or {}).get("given")),
    (QT_TRANSLATE_NOOP("", "Father"), lambda r: (r.get("name_parts") or {}).get("father")),
    (QT_TRANSLATE_NOOP("", "Grandfather"), lambda r: (r.get("name_parts") or {}).get("grandfather")),
    (QT_TRANSLATE_NOOP("", "Family"), lambda r: (r.get("name_parts") or {}).get("family")),
    (QT_TRANSLATE_NOOP("", "Mother"), lambda r: (r.get("name_parts") or {}).get("mother")),
    (QT_TRANSLATE_NOOP("", "Sex"), lambda r: r.get("sex")),
    (QT_TRANSLATE_NOOP("", "Age"), lambda r: r.get("age")),
    (QT_TRANSLATE_NOOP("", "Birth date"), lambda r: r.get("birth_date")),
    (QT_TRANSLATE_NOOP("", "Incident date"), lambda r: _date_text(r.get("date"))),
    (QT_TRANSLATE_NOOP("", "Governorate"), lambda r: r.get("governorate")),
    (QT_TRANSLATE_NOOP("", "Place"), lambda r: r.get("place")),
    (QT_TRANSLATE_NOOP("", "Act"), lambda r: r.get("act")),
    (QT_TRANSLATE_NOOP("", "Fate"), lambda r: r.get("fate")),
)


def _date_text(date: object) -> str | None:
    if not isinstance(date, dict) or not date.get("start"):
        return None
    precision = date.get("precision")
    return f"{date['start']} ({precision})" if precision else str(date["start"])


def _text(value: object) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)


class ReviewView(QWidget):
    decided = Signal(str, str)
    queue_loaded = Signal(int)

    def __init__(self, session: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.runner = session.runner
        self.queue: list[dict] = []
        self.current: dict | None = None
        self._busy = False

        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.pairs = QListWidget()
        self.pairs.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.pairs.currentRowChanged.connect(self._show_row)

        self.table = QTableWidget(len(FIELDS), 3)
        self.table.setHorizontalHeaderLabels([tr("Field"), tr("Record 1"), tr("Record 2")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.sources = (QLabel(), QLabel())
        for label in self.sources:
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
        self.score = QLabel()
        self.score.setTextFormat(Qt.TextFormat.PlainText)

        self.accept_button = QPushButton(tr("Same person (A)"))
        self.reject_button = QPushButton(tr("Different people (R)"))
        self.unsure_button = QPushButton(tr("Not sure (U)"))
        self.accept_button.clicked.connect(lambda: self.decide("accept"))
        self.reject_button.clicked.connect(lambda: self.decide("reject"))
        self.unsure_button.clicked.connect(lambda: self.decide("unsure"))

        buttons = QHBoxLayout()
        for b in (self.accept_button, self.reject_button, self.unsure_button):
            buttons.addWidget(b)
        sources = QHBoxLayout()
        for label in self.sources:
            sources.addWidget(label)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.addWidget(self.score)
        detail_layout.addWidget(self.table, 1)
        detail_layout.addLayout(sources)
        detail_layout.addLayout(buttons)
        split = QSplitter()
        split.addWidget(self.pairs)
        split.addWidget(detail)
        split.setStretchFactor(1, 3)
        self.link_button = QPushButton(tr("Run linkage"))
        self.link_button.clicked.connect(lambda: self.refresh(run=True))
        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        bar.addWidget(self.link_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)

        for keys, decision in ((("A",), "accept"), (("R",), "reject"), (("U", "N"), "unsure")):
            for key in keys:
                self._shortcut(key, partial(self.decide, decision))
        for key in ("J", "Down"):
            self._shortcut(key, lambda: self._move(1))
        for key in ("K", "Up"):
            self._shortcut(key, lambda: self._move(-1))
        self._set_enabled(False)
        self.refresh()

    # ---- loading ------------------------------------------------------------------------------
    def refresh(self, run: bool = False) -> None:
        """Load the stored queue (in the background); with `run`, run linkage first (skipped by the
        service when no case changed since the last run)."""
        if self._busy:  # a decision or a load is under way; its result refreshes the queue
            return
        vault = self.session.vault
        self.status.setText(tr("Finding candidate pairs…"))
        self._busy = True

        def work(_task):
            if run:
                linkage_extra.require()
                linkage.run_linkage(vault)
            return linkage.review_items(vault)

        self.runner.run(work, vault=vault, on_done=self._queue_ready, on_error=self._failed)

    def _queue_ready(self, queue: list[dict], keep: int = 0) -> None:
        self._busy = False
        self.queue = queue
        self.pairs.blockSignals(True)
        self.pairs.clear()
        for item in queue:
            row = QListWidgetItem(f"{fmt_number(format(item['probability'], '.2f'))}  {self._short_name(item)}")
            if item.get("changed"):
                row.setToolTip(tr("One of the records changed since it was decided"))
            self.pairs.addItem(row)
        self.pairs.blockSignals(False)
        self.status.setText(tr("%Ln pairs waiting for review", None, len(queue))
                            if queue else tr("No pairs waiting for review"))
        self.queue_loaded.emit(len(queue))
        if queue:
            self.pairs.setCurrentRow(min(keep, len(queue) - 1))
            self._show_row(self.pairs.currentRow())
        else:
            self._show(None)

    def _failed(self, message: str) -> None:
        self._busy = False
        self.status.setText(tr_args(tr("Linkage failed: %1"), message))

    @staticmethod
    def _short_name(item: dict) -> str:
        names = []
        for side in ("left", "right"):
            record = item[side]["record"] or {}
            names.append(record.get("name_ar") or record.get("name_latin") or "?")
        return " ↔ ".join(names)

    # ---- showing one pair -----------------------------------------------------------------------
    def _show_row(self, row: int) -> None:
        self._show(self.queue[row] if 0 <= row < len(self.queue) else None)

    def _show(self, item: dict | None) -> None:
        self.current = item
        self._set_enabled(item is not None)
        bold = QFont(self.table.font())
        bold.setBold(True)
        for row, (label, read) in enumerate(FIELDS):
            left = _text(read((item or {}).get("left", {}).get("record") or {})) if item else ""
            right = _text(read((item or {}).get("right", {}).get("record") or {})) if item else ""
            differs = bool(item) and left != right and bool(left or right)
            for col, text in enumerate((tr(label), left, right)):
                cell = QTableWidgetItem(text)
                if differs:
                    cell.setBackground(QBrush(DIFFERENT))
                    cell.setFont(bold)
                    cell.setData(Qt.ItemDataRole.UserRole, "different")
                self.table.setItem(row, col, cell)
        if item is None:
            self.score.setText("")
            for source_label in self.sources:
                source_label.setText("")
            return
        self.score.setText(tr_args(tr("Match probability %1"), fmt_number(format(item["probability"], ".3f"))))
        for source_label, side in zip(self.sources, ("left", "right"), strict=True):
            lines = [tr_args(tr("Case %1"), item[side]["case_id"])]
            for s in item[side]["sources"]:
                lines.append(tr_args(tr("From %1, bundle %2 (no. %3), received %4"), s["documenter"], s["bundle_id"],
                                     str(s["sequence"]), s["received_at"][:16]))
            source_label.setText("\n".join(lines))

    def _shortcut(self, key: str, action: Callable[[], None]) -> None:
        # Shortcuts live while focus is anywhere inside this view (not in other views).
        shortcut = QShortcut(QKeySequence(key), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(action)

    def differing_fields(self) -> list[str]:
        """The fields highlighted for the pair shown (for tests and accessibility)."""
        return [label for r, (label, _read) in enumerate(FIELDS)
                if (item := self.table.item(r, 1)) is not None
                and item.data(Qt.ItemDataRole.UserRole) == "different"]

    def _set_enabled(self, enabled: bool) -> None:
        for b in (self.accept_button, self.reject_button, self.unsure_button):
            b.setEnabled(enabled)

    def _move(self, step: int) -> None:
        if self.queue:
            self.pairs.setCurrentRow(max(0, min(len(self.queue) - 1, self.pairs.currentRow() + step)))

    # ---- deciding -------------------------------------------------------------------------------
    def decide(self, decision: str) -> None:
        """Store the decision for the pair shown, then show the next one."""
        if self.current is None or self._busy:
            return
        vault = self.session.vault
        pair_id = self.current["pair_id"]
        row = self.pairs.currentRow()
        self._busy = True
        self._set_enabled(False)

        def work(_task):
            linkage_extra.require()
            linkage.decide(vault, pair_id, decision)
            return linkage.review_items(vault)

        def done(queue: list[dict]) -> None:
            self.decided.emit(pair_id, decision)
            # A pair marked "not sure" stays in the queue: move on past it.
            self._queue_ready(queue, keep=row + 1 if decision == "unsure" else row)

        self.runner.run(work, vault=vault, on_done=done, on_error=self._failed)
