"""The review queue: candidate pairs of victim records side by side, decided from the keyboard.

Left: the pairs waiting for a person (strongest first). Right: both records field by field, the
rows where they differ highlighted, and under each record its sources (documenter, bundle,
sequence, when received). Keys: A accept, R reject, U (or N) not sure, J/↓ next, K/↑ previous,
Ctrl+Z undo.
A decision is stored at once (app.services.analysis.linkage.decide) and the next pair is shown.

The queue is the last linkage run's, read off the GUI thread through the session's task runner;
opening the view never runs linkage (an import does, and the Run linkage button does on demand).
All text from records is shown as plain text (never rich text): it came from a bundle and is
untrusted.

Undo (the button, Ctrl+Z) takes back the latest decision still standing
(app.services.analysis.linkage.undo): the pair comes back to the queue and is shown.

Records are shown as people read them: vocabulary labels, place names from the gazetteer and
dates in the interface language, documenters by the name in their trusted identity, a case by its
title; never codes, key ids, case ids or timestamps as stored.

Emits: decided(pair_id, decision) after a decision is stored; undone(pair_id) after an undo;
queue_loaded(count).
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

from app.gui.i18n import QT_TRANSLATE_NOOP, fmt_date, fmt_datetime, fmt_int, fmt_number, tr, tr_args
from app.gui.vocabulary import documenter_label, incident_date_label, place_label, term_label
from app.services.analysis import linkage, linkage_extra
from app.services.exchange import trust_list

DIFFERENT = QColor(255, 228, 181)  # a warm highlight that reads in light and dark palettes
# Why a pair waits for a person (linkage.REVIEW_REASONS), in the reviewer's words.
REASONS = {
    "rival": QT_TRANSLATE_NOOP(
        "", "Asked because one of these records matches another person's record nearly as well."),
    "differs": QT_TRANSLATE_NOOP(
        "", "Asked because a name, the grandfather's or mother's name or the birth year clearly differs."),
    "weak": QT_TRANSLATE_NOOP("", "Asked because the records agree on too little to join them without you."),
}


def _age(value: object) -> str:
    return fmt_int(value) if isinstance(value, int) and not isinstance(value, bool) else _text(value)


def _birth(value: object) -> str:
    return incident_date_label(value) if isinstance(value, dict) else fmt_date(value) if isinstance(value, str) else ""


# (label, how to read a record's display dict as people read it: labels, place names, dates)
FIELDS = (
    (QT_TRANSLATE_NOOP("", "Name (Arabic)"), lambda r: r.get("name_ar")),
    (QT_TRANSLATE_NOOP("", "Name (Latin)"), lambda r: r.get("name_latin")),
    (QT_TRANSLATE_NOOP("", "Given name"), lambda r: (r.get("name_parts") or {}).get("given")),
    (QT_TRANSLATE_NOOP("", "Father"), lambda r: (r.get("name_parts") or {}).get("father")),
    (QT_TRANSLATE_NOOP("", "Grandfather"), lambda r: (r.get("name_parts") or {}).get("grandfather")),
    (QT_TRANSLATE_NOOP("", "Family"), lambda r: (r.get("name_parts") or {}).get("family")),
    (QT_TRANSLATE_NOOP("", "Mother"), lambda r: (r.get("name_parts") or {}).get("mother")),
    (QT_TRANSLATE_NOOP("", "Sex"), lambda r: term_label("sex", r.get("sex"))),
    (QT_TRANSLATE_NOOP("", "Age"), lambda r: _age(r.get("age"))),
    (QT_TRANSLATE_NOOP("", "Birth date"), lambda r: _birth(r.get("birth_date"))),
    (QT_TRANSLATE_NOOP("", "Incident date"), lambda r: incident_date_label(r.get("date"))),
    (QT_TRANSLATE_NOOP("", "Governorate"), lambda r: place_label(r.get("governorate"), "governorate")),
    (QT_TRANSLATE_NOOP("", "Place"), lambda r: place_label(r.get("place"))),
    (QT_TRANSLATE_NOOP("", "Act"), lambda r: term_label("act_types", r.get("act"))),
    (QT_TRANSLATE_NOOP("", "Fate"), lambda r: term_label("fates", r.get("fate"))),
)

DECISION_NAMES = {
    "accept": QT_TRANSLATE_NOOP("", "Same person"),
    "reject": QT_TRANSLATE_NOOP("", "Different people"),
    "unsure": QT_TRANSLATE_NOOP("", "Not sure"),
}


def _text(value: object) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(str(v) for v in value.values() if v not in (None, ""))
    return str(value)


def source_lines(sources: list[dict], names: dict[str, str]) -> list[str]:
    """One line per bundle a case came in (several versions in one bundle are one line): who sent
    it, its number in their sequence, when it was received."""
    lines: list[str] = []
    seen: set[tuple] = set()
    for s in sources:
        key = (s.get("documenter"), s.get("bundle_id"))
        if key in seen:
            continue
        seen.add(key)
        lines.append(tr_args(tr("From %1, bundle no. %2, received %3"), documenter_label(s.get("documenter"), names),
                             fmt_int(int(s.get("sequence") or 0)), fmt_datetime(s.get("received_at"))))
    return lines


class ReviewView(QWidget):
    decided = Signal(str, str)
    undone = Signal(str)
    queue_loaded = Signal(int)

    def __init__(self, session: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.runner = session.runner
        self.queue: list[dict] = []
        self.current: dict | None = None
        self.names: dict[str, str] = {}  # documenter key id -> name in their trusted identity
        self.recent: list[dict] = []  # decisions still standing, newest first (what Undo takes back)
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
        self.reason = QLabel()
        self.reason.setTextFormat(Qt.TextFormat.PlainText)
        self.reason.setWordWrap(True)

        self.accept_button = QPushButton(tr("Same person (A)"))
        self.reject_button = QPushButton(tr("Different people (R)"))
        self.unsure_button = QPushButton(tr("Not sure (U)"))
        self.accept_button.clicked.connect(lambda: self.decide("accept"))
        self.reject_button.clicked.connect(lambda: self.decide("reject"))
        self.unsure_button.clicked.connect(lambda: self.decide("unsure"))
        self.undo_button = QPushButton(tr("Undo last decision (Ctrl+Z)"))
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo)

        buttons = QHBoxLayout()
        for b in (self.accept_button, self.reject_button, self.unsure_button):
            buttons.addWidget(b)
        sources = QHBoxLayout()
        for label in self.sources:
            sources.addWidget(label)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.addWidget(self.score)
        detail_layout.addWidget(self.reason)
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
        bar.addWidget(self.undo_button)
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
        self._shortcut(QKeySequence(QKeySequence.StandardKey.Undo), self.undo)
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
            return _loaded(vault)

        self.runner.run(work, vault=vault, on_done=self._queue_ready, on_error=self._failed)

    def _queue_ready(self, loaded: dict, keep: int = 0) -> None:
        self._busy = False
        queue = loaded["queue"]
        self.queue = queue
        self.names = loaded["names"]
        self.recent = loaded["recent"]
        self._show_undo()
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
        self._show_undo()

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
            self.reason.setText("")
            for source_label in self.sources:
                source_label.setText("")
            return
        self.score.setText(tr_args(tr("Match probability %1"), fmt_number(format(item["probability"], ".3f"))))
        reason = REASONS.get(item.get("reason") or "")
        self.reason.setText(tr(reason) if reason else "")
        for source_label, side in zip(self.sources, ("left", "right"), strict=True):
            title = ((item[side].get("record") or {}).get("title") or "").strip()
            lines = [tr_args(tr("Case: %1"), title) if title else tr("Case without a title")]
            lines.extend(source_lines(item[side]["sources"], self.names))
            source_label.setText("\n".join(lines))

    def _shortcut(self, key: str | QKeySequence, action: Callable[[], None]) -> None:
        # Shortcuts live while focus is anywhere inside this view (not in other views).
        shortcut = QShortcut(key if isinstance(key, QKeySequence) else QKeySequence(key), self)
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
            return _loaded(vault)

        def done(loaded: dict) -> None:
            self.decided.emit(pair_id, decision)
            # A pair marked "not sure" stays in the queue: move on past it.
            self._queue_ready(loaded, keep=row + 1 if decision == "unsure" else row)

        self.runner.run(work, vault=vault, on_done=done, on_error=self._failed)

    # ---- undoing ----------------------------------------------------------------------------------
    def _show_undo(self) -> None:
        self.undo_button.setEnabled(bool(self.recent) and not self._busy)
        if not self.recent:
            self.undo_button.setToolTip(tr("No decision to undo"))
            return
        latest = self.recent[0]
        after = latest["pairs"][0]["after"] if latest["pairs"] else None
        self.undo_button.setToolTip(tr_args(tr("Undo “%1” (%2); the pair waits for review again unless it had an "
                                               "earlier decision"), tr(DECISION_NAMES.get(after or "", "")),
                                            fmt_datetime(latest["at"])))

    def undo(self) -> None:
        """Take back the latest decision still standing; the pair it decided is shown again."""
        if self._busy or not self.recent:
            return
        vault = self.session.vault
        self._busy = True
        self._set_enabled(False)
        self.undo_button.setEnabled(False)

        def work(_task):
            result = linkage.undo(vault)
            return result, _loaded(vault)

        def done(outcome: tuple[dict, dict]) -> None:
            result, loaded = outcome
            undone = result["undone"]["pair_ids"]
            back = next((i for i, item in enumerate(loaded["queue"]) if item["pair_id"] in undone), 0)
            self._queue_ready(loaded, keep=back)
            self.undone.emit(undone[0] if undone else "")

        self.runner.run(work, vault=vault, on_done=done, on_error=self._failed)


def _loaded(vault) -> dict:
    """What the view shows, read off the GUI thread: the queue, documenters' names, the decisions
    Undo can take back."""
    return {"queue": linkage.review_items(vault), "names": trust_list.documenter_names(vault),
            "recent": linkage.recent_decisions(vault, limit=20)}
