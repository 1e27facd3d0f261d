"""Victims recorded more than once, and why linkage thinks the records are one person.

Left: every victim the last linkage run made of two or more records (most records first).
Right, for the victim chosen: its records (name, case, documenters, date, governorate), then
"These records are one person because…": each pair of records that joins them, with its match
probability and, field by field, how far the two agree and how much that weighed for or against
(app.services.analysis.linkage.cluster_details). "Take this record out" splits the record chosen
from the victim: a decision kept and re-applied on every run (app.services.analysis.linkage.split),
undone pair by pair in the review queue or with `tawthiq link decide PAIR accept`.

Reads the stored result of the last run through the session's task runner; never runs linkage.
All text from records is plain text (it came from a bundle and is untrusted).

Emits: clusters_loaded(count); details_shown(cluster_id); record_taken_out(cluster_id, ref).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
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

from app.gui.i18n import QT_TRANSLATE_NOOP, fmt_int, tr, tr_args
from app.services.analysis import linkage, linkage_extra

# The model's comparisons and level labels (engine.victim_settings), in words a coordinator reads.
FIELD_NAMES = {
    "given": QT_TRANSLATE_NOOP("", "given name"),
    "father": QT_TRANSLATE_NOOP("", "father's name"),
    "grandfather": QT_TRANSLATE_NOOP("", "grandfather's name"),
    "family": QT_TRANSLATE_NOOP("", "family name"),
    "mother": QT_TRANSLATE_NOOP("", "mother's name"),
    "sex": QT_TRANSLATE_NOOP("", "sex"),
    "birth_year": QT_TRANSLATE_NOOP("", "birth year"),
    "incident_date": QT_TRANSLATE_NOOP("", "incident date"),
    "governorate": QT_TRANSLATE_NOOP("", "governorate"),
}
LEVELS = {
    "exact": QT_TRANSLATE_NOOP("", "the same"),
    "same": QT_TRANSLATE_NOOP("", "the same"),
    "similar 0.88": QT_TRANSLATE_NOOP("", "similar"),
    "different": QT_TRANSLATE_NOOP("", "different"),
    "same day": QT_TRANSLATE_NOOP("", "the same day"),
    "within a month": QT_TRANSLATE_NOOP("", "within a month"),
    "within half a year": QT_TRANSLATE_NOOP("", "within half a year"),
    "within two years": QT_TRANSLATE_NOOP("", "within two years"),
    "further apart": QT_TRANSLATE_NOOP("", "further apart"),
    "same year": QT_TRANSLATE_NOOP("", "the same year"),
}
MEMBER_COLUMNS = (QT_TRANSLATE_NOOP("", "Name"), QT_TRANSLATE_NOOP("", "Case"),
                  QT_TRANSLATE_NOOP("", "Documenters"), QT_TRANSLATE_NOOP("", "Incident date"),
                  QT_TRANSLATE_NOOP("", "Governorate"))


def _name(member: dict) -> str:
    record = member.get("record") or {}
    return record.get("name_ar") or record.get("name_latin") or "?"


def _date(member: dict) -> str:
    date = (member.get("record") or {}).get("date") or {}
    return str(date.get("start") or "") if isinstance(date, dict) else ""


def _decimal(value: float, places: int, signed: bool = False) -> str:
    """A number in the interface's digits (Arabic-Indic in Arabic), with its sign when asked."""
    text = QLocale().toString(float(value), "f", places)
    return ("+" + text) if signed and value > 0 else text


def linked_victims(vault: Any) -> list[dict]:
    """The victims the last run made of two or more records, as the list shows them."""
    return [{"cluster_id": c.cluster_id, "name": _name({"record": c.members[0].display}),
             "records": len(c.members), "documenters": len(c.documenters)}
            for c in linkage.victim_clusters(vault) if len(c.members) > 1]


def reason_text(pair: dict, number: dict[str, int]) -> str:
    """One pair as a coordinator reads it: which records, how likely, and each field's part."""
    left, right = (fmt_int(number[r]) if r in number else "?" for r in (pair["left_ref"], pair["right_ref"]))
    if pair.get("probability") is None:
        head = tr_args(tr("Records %1 and %2: accepted by a reviewer"), left, right)
    elif pair.get("decision") == "accept":
        head = tr_args(tr("Records %1 and %2: accepted by a reviewer (match probability %3)"),
                       left, right, _decimal(pair["probability"], 3))
    else:
        head = tr_args(tr("Records %1 and %2: match probability %3"), left, right, _decimal(pair["probability"], 3))
    fields = []
    for field, (level, bits) in pair.get("fields", {}).items():
        if level == "null":
            continue
        words = tr(FIELD_NAMES[field]) if field in FIELD_NAMES else field
        how = tr(LEVELS[level]) if level in LEVELS else level
        fields.append(tr_args(tr("%1 %2 (%3)"), words, how, _decimal(bits, 1, signed=True)))
    return head + ("\n    " + tr(", ").join(fields) if fields else "")


class ClusterView(QWidget):
    clusters_loaded = Signal(int)
    details_shown = Signal(str)
    record_taken_out = Signal(str, str)

    def __init__(self, session: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.runner = session.runner
        self.clusters: list[dict] = []
        self.details: dict | None = None
        self._busy = False

        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.victims = QListWidget()
        self.victims.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.victims.currentRowChanged.connect(self._load_details)

        self.members = QTableWidget(0, len(MEMBER_COLUMNS))
        self.members.setHorizontalHeaderLabels([tr(c) for c in MEMBER_COLUMNS])
        self.members.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.members.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.members.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.members.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.members.itemSelectionChanged.connect(self._update_buttons)
        self.because = QLabel(tr("These records are one person because:"))
        self.because.setTextFormat(Qt.TextFormat.PlainText)
        self.reasons = QListWidget()
        self.reasons.setWordWrap(True)
        self.take_out_button = QPushButton(tr("Take this record out"))
        self.take_out_button.setToolTip(tr("The record becomes a victim of its own; the decision is kept "
                                           "when linkage runs again"))
        self.take_out_button.clicked.connect(self.take_out)

        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.addWidget(self.members, 1)
        detail_layout.addWidget(self.because)
        detail_layout.addWidget(self.reasons, 2)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.take_out_button)
        detail_layout.addLayout(buttons)
        split = QSplitter()
        split.addWidget(self.victims)
        split.addWidget(detail)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)
        self._update_buttons()
        self.refresh()

    # ---- loading ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Load the victims recorded more than once (in the background)."""
        if self._busy:
            return
        vault = self.session.vault
        self._busy = True
        self.status.setText(tr("Reading linked victims…"))

        def work(_task):
            linkage_extra.require()
            return linked_victims(vault)

        self.runner.run(work, vault=vault, on_done=self._clusters_ready, on_error=self._failed)

    def _clusters_ready(self, clusters: list[dict], keep: int = 0) -> None:
        self._busy = False
        self.clusters = clusters
        self.victims.blockSignals(True)
        self.victims.clear()
        for c in clusters:
            self.victims.addItem(QListWidgetItem(tr_args(tr("%1 — %2 records from %3 documenters"),
                                                         c["name"], fmt_int(c["records"]),
                                                         fmt_int(c["documenters"]))))
        self.victims.blockSignals(False)
        self.status.setText(tr_args(tr("%1 victims recorded more than once"), fmt_int(len(clusters)))
                            if clusters else tr("No victim is recorded more than once"))
        self.clusters_loaded.emit(len(clusters))
        if clusters:
            self.victims.setCurrentRow(min(keep, len(clusters) - 1))
        else:
            self._show(None)

    def _failed(self, message: str) -> None:
        self._busy = False
        self.status.setText(tr_args(tr("Linkage failed: %1"), message))
        self._update_buttons()

    def _load_details(self, row: int) -> None:
        if not 0 <= row < len(self.clusters):
            self._show(None)
            return
        vault = self.session.vault
        cid = self.clusters[row]["cluster_id"]
        self.runner.run(lambda _task: linkage.cluster_details(vault, cid), vault=vault,
                        on_done=self._show, on_error=self._failed)

    # ---- showing one victim -------------------------------------------------------------------
    def _show(self, details: dict | None) -> None:
        self.details = details
        members = details["members"] if details else []
        self.members.setRowCount(len(members))
        self.members.setVerticalHeaderLabels([fmt_int(i) for i in range(1, len(members) + 1)])
        for row, m in enumerate(members):
            texts = (_name(m), m["case_id"], ", ".join(m["documenters"]), _date(m),
                     (m.get("record") or {}).get("governorate") or "")
            for col, text in enumerate(texts):
                self.members.setItem(row, col, QTableWidgetItem(str(text)))
        self.reasons.clear()
        if details:
            number = {m["ref"]: i for i, m in enumerate(members, 1)}
            for pair in details["pairs"]:
                if pair["links"]:
                    self.reasons.addItem(QListWidgetItem(reason_text(pair, number)))
            self.details_shown.emit(details["cluster_id"])
        self._update_buttons()

    def reason_lines(self) -> list[str]:
        return [self.reasons.item(i).text() for i in range(self.reasons.count())]

    def _selected_ref(self) -> str | None:
        rows = self.members.selectionModel().selectedRows() if self.members.selectionModel() else []
        if not self.details or not rows:
            return None
        return self.details["members"][rows[0].row()]["ref"]

    def _update_buttons(self) -> None:
        self.take_out_button.setEnabled(not self._busy and self._selected_ref() is not None)

    # ---- taking a record out ------------------------------------------------------------------
    def take_out(self) -> None:
        ref = self._selected_ref()
        if ref is None or self._busy or self.details is None:
            return
        vault = self.session.vault
        cid = self.details["cluster_id"]
        row = self.victims.currentRow()
        self._busy = True
        self._update_buttons()

        def work(_task):
            linkage_extra.require()
            linkage.split(vault, cid, ref)
            return linked_victims(vault)

        def done(clusters: list[dict]) -> None:
            self.record_taken_out.emit(cid, ref)
            self._clusters_ready(clusters, keep=row)

        self.runner.run(work, vault=vault, on_done=done, on_error=self._failed)
