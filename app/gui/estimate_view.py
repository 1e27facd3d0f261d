"""Estimate: how many victims no list recorded, per stratum, with intervals and caveats (issue 19).

The coordinator chooses the lists (by default one per documenter; typing one list name beside
several documenters groups them) and the strata, starts the estimate in the background, and gets
a table and a chart of documented against estimated victims with every interval, the reason for
each stratum that is not estimable, and the caveats, always on screen beside the figures. The
capture-history table can be saved for R. The work is app/services/analysis/estimation.

Emits: estimated(dict: the report's JSON), failed(one safe line).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.gui.i18n import QT_TRANSLATE_NOOP, current_language, fmt_int, tr, tr_args
from forms import gazetteer, vocabularies
from storage.atomic import atomic_write_bytes

STRATUM_TITLES = {
    "governorate": QT_TRANSLATE_NOOP("", "Governorate"),
    "period": QT_TRANSLATE_NOOP("", "Year"),
    "sex": QT_TRANSLATE_NOOP("", "Sex"),
    "age_group": QT_TRANSLATE_NOOP("", "Age group"),
}
REASONS = {
    "fewer_than_three_lists": QT_TRANSLATE_NOOP("", "not estimable: fewer than three lists recorded anyone here"),
    "no_overlap": QT_TRANSLATE_NOOP("", "not estimable: no victim here was recorded by two lists"),
    "too_small": QT_TRANSLATE_NOOP("", "not estimable: too few victims, or too few recorded by two lists"),
    "unbounded": QT_TRANSLATE_NOOP("", "not estimable: the data do not bound the total"),
}
LINKAGE = {
    "linked": QT_TRANSLATE_NOOP("", "victims linked by the last linkage run"),
    "stale": QT_TRANSLATE_NOOP("", "cases changed since the last linkage run; new records count as their own victims"),
    "unlinked": QT_TRANSLATE_NOOP("", "linkage has not run: each record counts as its own victim"),
}
# The service's caveats (app/services/analysis/estimation/service.py CAVEATS), in the user's language.
CAVEATS = {
    "linkage": QT_TRANSLATE_NOOP("", "Linkage errors bias the estimate: records of one person left apart make it too "
                                     "high, records of different people merged make it too low."),
    "dependence": QT_TRANSLATE_NOOP("", "Lists that tend to record the same victims (or to miss the same ones), "
                                        "and victims who differ in how likely they are to be recorded, bias the "
                                        "estimate; the models allow for some of this, not all."),
    "universe": QT_TRANSLATE_NOOP("", "The estimate covers victims of the kind the lists record, in the strata "
                                      "shown: victims no list could have recorded under the same definition are "
                                      "outside it."),
}
def stratum_label(name: str, value: str) -> str:
    """A stratum's value as people read it: place names and vocabulary labels, never codes."""
    if value == "unknown":
        return tr("unknown")
    if name == "governorate":
        place = gazetteer.get_place(value)
        return place.name(current_language()) if place else value
    if name == "sex":
        term = vocabularies.term("sex", value)
        return term.label(current_language()) if term else value
    return value


def _interval(e: dict | None) -> str:
    if e is None:
        return "–"
    low, high = e["interval"]
    return tr_args(tr("%1 (%2–%3)"), fmt_int(e["estimate"]), fmt_int(low), fmt_int(high))


class IntervalChart(QWidget):
    """Per stratum: a bar for the documented victims, a whisker for the estimate's interval."""

    ROW, GAP, LABEL = 20, 8, 200

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._rows: list[tuple[str, int, tuple[int, int, int] | None]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_rows(self, rows: list[tuple[str, int, tuple[int, int, int] | None]]) -> None:
        self._rows = rows
        self.setAccessibleDescription("; ".join(
            f"{label}: {fmt_int(documented)}" + (f" / {tr_args(tr('%1 (%2–%3)'), *map(fmt_int, est))}" if est else "")
            for label, documented, est in rows))
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(420, max(1, len(self._rows)) * (self.ROW + self.GAP) + self.GAP)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if not self._rows:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        label_w = min(self.LABEL, max(metrics.horizontalAdvance(r[0]) for r in self._rows) + 12)
        span = max(1, self.width() - label_w - 12)
        top = max(max(r[1] for r in self._rows), max((r[2][2] for r in self._rows if r[2]), default=0), 1)
        bar = self.palette().color(QPalette.ColorRole.Highlight)
        ink = self.palette().color(QPalette.ColorRole.WindowText)

        def x(value: float) -> float:
            offset = label_w + span * value / top
            return self.width() - offset if rtl else offset

        for row, (label, documented, estimate) in enumerate(self._rows):
            y = self.GAP + row * (self.ROW + self.GAP)
            label_rect = QRectF(self.width() - label_w if rtl else 0, y, label_w - 6, self.ROW)
            painter.setPen(ink)
            painter.drawText(label_rect, Qt.AlignmentFlag.AlignVCenter | (
                Qt.AlignmentFlag.AlignRight if not rtl else Qt.AlignmentFlag.AlignLeft),
                metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(label_w - 6)))
            left, right = sorted((x(0), x(documented)))
            painter.fillRect(QRectF(left, y + 4, right - left, self.ROW - 8), bar)
            if estimate:
                point, low, high = estimate
                painter.setPen(QPen(ink, 2))
                middle = y + self.ROW / 2
                painter.drawLine(int(x(low)), int(middle), int(x(high)), int(middle))
                for end in (low, high):
                    painter.drawLine(int(x(end)), int(y + 3), int(x(end)), int(y + self.ROW - 3))
                painter.drawEllipse(QRectF(x(point) - 4, middle - 4, 8, 8))
        painter.end()


class EstimateView(QWidget):
    estimated = Signal(object)
    failed = Signal(str)

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.report: dict | None = None
        self._histories: tuple | None = None
        self._task = None
        outer = QVBoxLayout(self)
        intro = _label(tr(
            "Every list misses people. Multiple systems estimation uses how the lists overlap to estimate how "
            "many victims no list recorded. Choose 3 to 5 lists: they must record victims independently of "
            "each other (documenters who share sources or copy each other belong in one list) and define a "
            "victim the same way. Give several documenters the same list name to make them one list."))
        outer.addWidget(intro)
        self.lists = QTableWidget(0, 2)
        self.lists.setHorizontalHeaderLabels([tr("Documenter"), tr("List")])
        self.lists.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.lists.verticalHeader().setVisible(False)  # row numbers: meaningless here, in Latin digits
        self.lists.setMaximumHeight(160)
        outer.addWidget(self.lists)
        strata = QHBoxLayout()
        strata.addWidget(QLabel(tr("Estimate separately by:")))
        self.strata: dict[str, QCheckBox] = {}
        for key, title in STRATUM_TITLES.items():
            self.strata[key] = QCheckBox(tr(title))
            strata.addWidget(self.strata[key])
        strata.addStretch(1)
        outer.addLayout(strata)
        bar = QHBoxLayout()
        self.estimate_button = QPushButton(tr("Estimate"))
        self.estimate_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.save_button = QPushButton(tr("Save the capture-history table…"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self._ask_save)
        self.progress = QProgressBar()
        for w in (self.estimate_button, self.cancel_button, self.progress, self.save_button):
            bar.addWidget(w)
        outer.addLayout(bar)
        self.status = _label("")
        outer.addWidget(self.status)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        column = QVBoxLayout(body)
        self.total = _label("")
        font = self.total.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.total.setFont(font)
        column.addWidget(self.total)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([tr("Stratum"), tr("Documented"), tr("Estimated (95% interval)"),
                                              tr("Model average"), tr("Latent class"), tr("Note")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)  # row numbers: meaningless here, in Latin digits
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        column.addWidget(self.table)
        chart_box = QGroupBox(tr("Documented (bar) and estimated (point and 95% interval)"))
        chart_layout = QVBoxLayout(chart_box)
        self.chart = IntervalChart()
        chart_layout.addWidget(self.chart)
        column.addWidget(chart_box)
        caveats = QGroupBox(tr("Read every figure with these caveats"))
        caveat_layout = QVBoxLayout(caveats)
        for text in CAVEATS.values():
            caveat_layout.addWidget(_label("• " + tr(text)))
        caveat_layout.addWidget(_label(tr(
            "Estimated: by the log-linear model that allows for victims who differ in how likely they are to be "
            "recorded, and for lists that depend on each other. Beside it, two other methods: the average over "
            "models of dependence between the lists, and the latent-class model.")))
        column.addWidget(caveats)
        column.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.refresh()

    # ---- lists -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Documenters with counted victims, each its own list unless the user grouped them."""
        from app.services.analysis import external_sources
        from app.services.exchange import trust_list

        chosen = self.chosen_lists()
        rows = [(row["key_id"], row["name"] or row["key_id"], row["name"] or row["key_id"])
                for row in trust_list.list_trusted(self.session.vault) if not row["revoked_at"]]
        # Imported lists (docs/sources.md) are lists only when the coordinator names them.
        rows += [(f"source:{s.name}", tr_args(tr("%1 (external list)"), s.name), "")
                 for s in external_sources.list_sources(self.session.vault)]
        self.lists.setRowCount(len(rows))
        for r, (key_id, name, default) in enumerate(rows):
            item = QTableWidgetItem(name)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            item.setData(Qt.ItemDataRole.UserRole, key_id)
            item.setToolTip(key_id)
            self.lists.setItem(r, 0, item)
            self.lists.setItem(r, 1, QTableWidgetItem(chosen.get(key_id, default)))

    def chosen_lists(self) -> dict[str, str]:
        """Documenter key id → list name, as typed (empty: left out)."""
        out = {}
        for r in range(self.lists.rowCount()):
            key_item, list_item = self.lists.item(r, 0), self.lists.item(r, 1)
            if key_item is not None and list_item is not None:
                out[key_item.data(Qt.ItemDataRole.UserRole)] = list_item.text().strip()
        return out

    def _groups(self) -> dict[str, list[str]]:
        groups: dict[str, list[str]] = {}
        for key_id, name in self.chosen_lists().items():
            if name:
                groups.setdefault(name, []).append(key_id)
        return groups

    # ---- estimating ------------------------------------------------------------------------------
    def start(self) -> None:
        if self._task is not None:
            return
        try:
            from app.services.analysis.estimation import from_vault
        except ImportError:  # the optional estimation extra (NumPy) is not installed
            self._failed(tr("Estimation is not installed with this copy of Tawthiq (its estimation extra)."))
            return
        vault = self.session.vault
        groups = self._groups()
        by = tuple(key for key, box in self.strata.items() if box.isChecked())

        def work(task):
            inputs = from_vault.histories(vault, groups)

            def progress(done: int, total: int) -> None:
                task.raise_if_cancelled()
                task.progress(done, total)

            # EstimationRefused (too few or too many lists) reaches _failed worded in the user's
            # language by the error catalogue (app/gui/error_texts.py), as every service error.
            return inputs, from_vault.estimate(inputs, by, progress)

        self.estimate_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setRange(0, 0)
        self.status.setText(tr("Estimating… (about a second per stratum)"))
        self._task = self.session.runner.run(work, vault=vault, on_done=self._done, on_error=self._failed,
                                             on_progress=self._progressed, on_cancelled=self._cancelled)

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _finish(self) -> None:
        self._task = None
        self.estimate_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)

    def _cancelled(self) -> None:
        self._finish()
        self.status.setText(tr("Estimation cancelled; nothing was changed."))

    def _failed(self, message: str) -> None:
        self._finish()
        self.status.setText(message)
        self.failed.emit(message)

    def _done(self, result) -> None:
        self._finish()
        self.progress.setValue(1)  # full: done
        inputs, report = result
        self._histories = (inputs.individuals, report.lists, report.by)
        self.report = report.to_json()
        self.save_button.setEnabled(True)
        self.status.setText(tr_args(tr("Lists: %1. Linkage: %2."), "، ".join(report.lists) if current_language() == "ar"
                                  else ", ".join(report.lists), tr(LINKAGE[inputs.linkage])))
        self._show(self.report)
        self.estimated.emit(self.report)

    def _show(self, report: dict) -> None:
        total = report["total"]
        if total["estimate"] is not None:
            self.total.setText(tr_args(tr("Documented: %1. Estimated: %2"), fmt_int(total["documented"]),
                                     _interval(total["estimate"])))
        else:
            self.total.setText(tr_args(tr("Documented: %1. Not estimable."), fmt_int(report["documented"])))
        strata = report["strata"]
        self.table.setRowCount(len(strata))
        rows = []
        for r, s in enumerate(strata):
            where = ", ".join(stratum_label(k, v) for k, v in s["stratum"].items()) or tr("All victims")
            note = tr(REASONS[s["not_estimable"]]) if s["not_estimable"] else (
                tr("The estimators disagree: read with care") if s["estimators_disagree"] else "")
            values = [where, fmt_int(s["documented"]), _interval(s["estimate"]), _interval(s["model_average"]),
                      _interval(s["latent_class"]), note]
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
            e = s["estimate"]
            rows.append((where, s["documented"], (e["estimate"], *e["interval"]) if e else None))
        self.chart.set_rows(rows)

    # ---- the table for R -------------------------------------------------------------------------
    def _ask_save(self) -> None:
        target, _ = QFileDialog.getSaveFileName(self, tr("Save the capture-history table"), "capture-histories.csv")
        if target:
            self.save_table(Path(target))

    def save_table(self, path: Path) -> None:
        from app.services.analysis.estimation import histories

        if self._histories is None:
            return
        individuals, lists, by = self._histories
        atomic_write_bytes(path, histories.table_csv(individuals, list(lists), by).encode("utf-8"))
        self.status.setText(tr("Saved. The file holds no names, only which lists recorded each victim."))


def _label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
