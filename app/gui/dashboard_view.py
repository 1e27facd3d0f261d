"""The statistics dashboard: unique victims and incidents, breakdowns, documenters, capture histories.

Every figure has beside it what it counts and what it leaves out (records without a name, a date
or a place; whether linkage has run), because a number without that sentence gets quoted wrong.
The figures come from app/services/analysis/statistics.py in the background; partner exports
(app/services/outputs/partner_export.py) are started from here too.

Emits: exported(list of written paths), failed(one safe line).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.gui.bar_chart import BarChart
from app.gui.i18n import QT_TRANSLATE_NOOP, fmt_date, fmt_int, tr, tr_args
from app.gui.sources_panel import SourcesPanel
from app.gui.vocabulary import documenter_label, place_label, term_label
from app.services.analysis import statistics
from app.services.exchange import trust_list
from app.services.outputs import partner_export

# Which vocabulary names the codes of each breakdown (governorates: the gazetteer).
VOCABULARY_OF = {"by_act": "act_types", "by_fate": "fates", "by_perpetrator_group": "perpetrator_groups"}


def code_label(breakdown: str, code: str) -> str:
    """The label of a stored code in the interface language; codes no vocabulary knows (another
    organisation's) are shown as stored, and analysis's "unknown" says what it means."""
    if code == statistics.UNKNOWN:
        return tr("Not recorded")
    if breakdown == "by_month":
        return fmt_date(code)
    if breakdown == "by_governorate":
        return place_label(code, "governorate")
    name = VOCABULARY_OF.get(breakdown)
    return term_label(name, code) if name else code


# Breakdowns shown as charts: (key in the statistics JSON, title, note key for the caption).
VICTIM_CHARTS = (
    ("by_month", QT_TRANSLATE_NOOP("", "Unique victims by month of the incident")),
    ("by_governorate", QT_TRANSLATE_NOOP("", "Unique victims by governorate")),
    ("by_act", QT_TRANSLATE_NOOP("", "Unique victims by act")),
    ("by_fate", QT_TRANSLATE_NOOP("", "Unique victims by fate")),
    ("by_perpetrator_group", QT_TRANSLATE_NOOP("", "Unique victims by suspected perpetrator group")),
)
INCIDENT_CHARTS = (
    ("by_month", QT_TRANSLATE_NOOP("", "Incidents by month")),
    ("by_governorate", QT_TRANSLATE_NOOP("", "Incidents by governorate")),
)
FORMAT_TITLES = {
    "csv": QT_TRANSLATE_NOOP("", "CSV"),
    "xlsx": QT_TRANSLATE_NOOP("", "XLSX"),
    "json": QT_TRANSLATE_NOOP("", "JSON"),
    "uwazi": QT_TRANSLATE_NOOP("", "Uwazi (ZIP)"),
    "capture-histories": QT_TRANSLATE_NOOP("", "Capture histories for R (CSV)"),
}
# The file name each export proposes (csv: a folder is chosen instead).
FORMAT_FILES = {"xlsx": "tawthiq-export.xlsx", "json": "tawthiq-export.json", "uwazi": "tawthiq-uwazi.zip",
                "capture-histories": "capture-histories.csv"}
PURPOSE_TITLES = {
    "internal": QT_TRANSLATE_NOOP("", "Internal analysis"),
    "partners": QT_TRANSLATE_NOOP("", "Partner organisations"),
    "un": QT_TRANSLATE_NOOP("", "UN mechanisms"),
    "courts": QT_TRANSLATE_NOOP("", "Courts"),
    "publication": QT_TRANSLATE_NOOP("", "Anonymised publication"),
}


def _caption(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # figures and keys are never rich text
    return label


class DashboardView(QWidget):
    exported = Signal(object)  # list of paths
    failed = Signal(str)
    loaded = Signal()

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.figures: dict | None = None
        self.names: dict[str, str] = {}  # documenter key id -> the name in their trusted identity
        self._headlines: dict[str, QLabel] = {}
        self._captions: dict[str, QLabel] = {}
        self._charts: dict[str, BarChart] = {}
        self._tables: dict[str, QTableWidget] = {}

        outer = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.refresh_button = QPushButton(tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.purpose = QComboBox()
        for key in partner_export.PURPOSES:
            self.purpose.addItem(tr(PURPOSE_TITLES[key]), key)
        self.format = QComboBox()
        for key in partner_export.FORMATS:
            self.format.addItem(tr(FORMAT_TITLES[key]), key)
        self.attachments = QCheckBox(tr("With cited attachments (Uwazi)"))
        self.attachments.setToolTip(tr("Files cited by statements this purpose may receive; never for "
                                       "anonymised publication"))
        self.export_button = QPushButton(tr("Export for partners…"))
        self.export_button.clicked.connect(self._ask_export)
        # Photos and videos go into a CSV export's folder, without GPS and device metadata unless
        # the second box is ticked on purpose (the audit log records it; docs/media.md).
        self.media_box = QCheckBox(tr("With photos and videos"))
        self.media_box.setObjectName("export_media")
        self.keep_metadata_box = QCheckBox(tr("Keep their GPS and device metadata (recorded in the audit log)"))
        self.keep_metadata_box.setObjectName("export_keep_metadata")
        self.media_box.toggled.connect(self._media_options)
        self.format.currentIndexChanged.connect(self._media_options)
        self.status = _caption("")
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        bar.addWidget(QLabel(tr("Purpose:")))
        bar.addWidget(self.purpose)
        bar.addWidget(self.format)
        bar.addWidget(self.attachments)
        bar.addWidget(self.export_button)
        outer.addLayout(bar)
        media_bar = QHBoxLayout()
        media_bar.addStretch(1)
        media_bar.addWidget(self.media_box)
        media_bar.addWidget(self.keep_metadata_box)
        outer.addLayout(media_bar)
        self._media_options()
        outer.addWidget(self.status)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        self.grid = QVBoxLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        self._headline("victims")
        self._caption_for("victims")
        self._caption_for("linkage")
        self._headline("incidents")
        self._caption_for("incidents")
        charts = QGridLayout()
        for i, (key, title) in enumerate(VICTIM_CHARTS):
            charts.addWidget(self._chart_box(f"victims_{key}", tr(title)), i // 2, i % 2)
        for j, (key, title) in enumerate(INCIDENT_CHARTS, start=len(VICTIM_CHARTS)):
            charts.addWidget(self._chart_box(f"incidents_{key}", tr(title)), j // 2, j % 2)
        self.grid.addLayout(charts)
        self.grid.addWidget(self._table_box("documenters", tr("Documenters"), [
            tr("Documenter"), tr("Victim records"), tr("Excluded records"), tr("Unique victims"),
            tr("Incidents")]))
        self.grid.addWidget(self._table_box("capture_histories", tr("Capture histories"), [
            tr("Pattern"), tr("Unique victims")]))
        self.sources: SourcesPanel | None = None
        if getattr(session.vault, "role", None) == "coordinator":  # lists are a coordinator's to import
            self.sources = SourcesPanel(session)
            self.sources.changed.connect(self.refresh)
            self.grid.addWidget(self.sources)
        self.grid.addStretch(1)
        self.refresh()

    # ---- building blocks ----------------------------------------------------------------------
    def _headline(self, key: str) -> None:
        label = QLabel()
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        label.setFont(font)
        self._headlines[key] = label
        self.grid.addWidget(label)

    def _caption_for(self, key: str) -> None:
        self._captions[key] = _caption("")
        self.grid.addWidget(self._captions[key])

    def _chart_box(self, key: str, title: str) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        self._charts[key] = BarChart()
        self._captions[key] = _caption("")
        layout.addWidget(self._charts[key])
        layout.addWidget(self._captions[key])
        return box

    def _table_box(self, key: str, title: str, headers: list[str]) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.verticalHeader().setVisible(False)  # row numbers: meaningless here, in Latin digits
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self._tables[key] = table
        self._captions[key] = _caption("")
        layout.addWidget(table)
        layout.addWidget(self._captions[key])
        return box

    # ---- for tests and other views --------------------------------------------------------------
    def headline(self, key: str) -> QLabel:
        return self._headlines[key]

    def caption(self, key: str) -> QLabel:
        return self._captions[key]

    def chart(self, key: str) -> BarChart:
        return self._charts[key]

    def table(self, key: str) -> QTableWidget:
        return self._tables[key]

    # ---- loading --------------------------------------------------------------------------------
    def refresh(self) -> None:
        vault = self.session.vault
        self.refresh_button.setEnabled(False)
        self.status.setText(tr("Counting…"))
        self.session.runner.run(
            lambda task: (statistics.compute(vault).to_json(), trust_list.documenter_names(vault)), vault=vault,
            on_done=self._counted, on_error=self._failed)

    def _counted(self, result: tuple[dict, dict[str, str]]) -> None:
        figures, self.names = result
        self.show_statistics(figures)

    def _failed(self, message: str) -> None:
        self.refresh_button.setEnabled(True)
        self.export_button.setEnabled(True)
        self.status.setText(message)
        self.failed.emit(message)

    def show_statistics(self, figures: dict) -> None:
        self.figures = figures
        self.refresh_button.setEnabled(True)
        self.status.setText("")
        v, i = figures["victims"], figures["incidents"]
        ex = v["excluded"]
        self._headlines["victims"].setText(tr_args(tr("Unique victims: %1"), fmt_int(v["unique"])))
        self._captions["victims"].setText(
            tr_args(tr("Counted: victim records with a name, an incident date and a governorate; records of the same "
                       "person count once (%1 of %2 were linked into others). Excluded: %3 without "
                       "a name (%4), a date (%5) or a place (%6)."),
                    fmt_int(v["records_linked_into_others"]), tr("%Ln records", None, v["records"]),
                    tr("%Ln records", None, ex["records"]),
                    fmt_int(ex["missing_name"]), fmt_int(ex["missing_date"]), fmt_int(ex["missing_place"])))
        self._captions["linkage"].setText(
            tr("Linkage has not run: every record counts as its own victim, so people recorded by several "
               "documenters are counted more than once.") if figures["linkage"] == "unlinked" else "")
        self._captions["linkage"].setVisible(figures["linkage"] == "unlinked")
        iex = i["excluded"]
        self._headlines["incidents"].setText(tr_args(tr("Incidents: %1"), fmt_int(i["unique"])))
        self._captions["incidents"].setText(
            tr_args(tr("Counted: cases with a date and a governorate (%1 in all). Excluded: %2 without a date, "
                       "%3 without a place."),
                    tr("%Ln cases", None, i["records"]), fmt_int(iex["missing_date"]), fmt_int(iex["missing_place"])))
        excluded_line = tr("Not counted: %Ln victim records without a name, a date or a place.", None,
                           ex["records"])
        for key, _ in VICTIM_CHARTS:
            self._fill_chart(f"victims_{key}", v[key], key)
            extra = {"by_act": tr("A victim with several acts is counted under each act, so the bars can "
                                  "add up to more than the total."),
                     "by_perpetrator_group": tr("A victim is counted under each suspected group of the "
                                                "incident; “Not recorded” where none was named."),
                     "by_month": tr("Incidents known only to the year are counted under the year.")}.get(key, "")
            self._captions[f"victims_{key}"].setText(" ".join(t for t in (
                tr("Total: %Ln unique victims.", None, v["unique"]), extra, excluded_line) if t))
        for key, _ in INCIDENT_CHARTS:
            self._fill_chart(f"incidents_{key}", i[key], key)
            self._captions[f"incidents_{key}"].setText(
                tr_args(tr("Total: %1. Not counted: %2 without a date or a place."),
                        tr("%Ln incidents", None, i["unique"]), tr("%Ln cases", None, iex["records"])))
        self._fill_documenters(figures)
        self._fill_capture_histories(figures)
        if self.sources is not None:
            self.sources.show_sources(figures.get("sources", []))
        self.loaded.emit()

    def _fill_chart(self, key: str, counts: dict[str, int], breakdown: str) -> None:
        self._charts[key].set_bars([(code_label(breakdown, k), n, fmt_int(n)) for k, n in counts.items()])

    def _fit_rows(self, table: QTableWidget) -> None:
        """Tall enough for every row, so the page scrolls instead of each table."""
        rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
        table.setFixedHeight(table.horizontalHeader().height() + rows + 2 * table.frameWidth() + 4)

    def _fill_documenters(self, figures: dict) -> None:
        table = self._tables["documenters"]
        rows = figures["documenters"]
        table.setRowCount(len(rows))
        for r, d in enumerate(rows):
            values = [documenter_label(d["documenter"], self.names), d["victim_records"],
                      d["victim_records_excluded"], d["unique_victims"],
                      d["incidents"]]
            for c, value in enumerate(values):
                table.setItem(r, c, QTableWidgetItem(value if isinstance(value, str) else fmt_int(value)))
        self._fit_rows(table)
        self._captions["documenters"].setText(tr(
            "Victim records as received, excluded ones included; unique victims: people in whose linked "
            "records this documenter appears."))

    def _fill_capture_histories(self, figures: dict) -> None:
        history = figures["capture_histories"]
        table = self._tables["capture_histories"]
        table.setRowCount(len(history["patterns"]))
        for r, (pattern, count) in enumerate(history["patterns"].items()):
            table.setItem(r, 0, QTableWidgetItem(pattern))
            table.setItem(r, 1, QTableWidgetItem(fmt_int(count)))
        self._fit_rows(table)
        lists = [documenter_label(d, self.names) for d in history["documenters"]] + [
            tr_args(tr("%1 (external list)"), s) for s in history.get("sources", [])]
        order = ", ".join(f"{fmt_int(n + 1)}. {d}" for n, d in enumerate(lists))
        self._captions["capture_histories"].setText(
            tr_args(tr("Each pattern has one digit per documenter, in this order: %1. 1 = recorded the victim, "
               "0 = did not. Only unique victims that are counted appear."), order))

    # ---- exports --------------------------------------------------------------------------------
    def _ask_export(self) -> None:
        fmt = self.format.currentData()
        if fmt == "csv":
            target = QFileDialog.getExistingDirectory(self, tr("Folder for the CSV files"))
        else:
            target, _ = QFileDialog.getSaveFileName(self, tr("Export for partners"), FORMAT_FILES[fmt])
        if target:
            self.export_to(Path(target), fmt, self.purpose.currentData())

    def _media_options(self, *_: object) -> None:
        """Media only into a CSV export (a folder); keeping metadata only when media go."""
        csv_export = self.format.currentData() == "csv"
        self.media_box.setEnabled(csv_export)
        if not csv_export:
            self.media_box.setChecked(False)
        self.keep_metadata_box.setEnabled(self.media_box.isChecked())
        if not self.media_box.isChecked():
            self.keep_metadata_box.setChecked(False)

    def export_to(self, out: Path, fmt: str, purpose: str) -> None:
        vault = self.session.vault
        attachments = self.attachments.isChecked()
        media = self.media_box.isChecked() and fmt == "csv"
        keep = media and self.keep_metadata_box.isChecked()
        self.export_button.setEnabled(False)
        self.status.setText(tr("Exporting…"))
        self.session.runner.run(
            lambda task: partner_export.export(vault, out, fmt=fmt, purpose=purpose, attachments=attachments,
                                               media=media, keep_media_metadata=keep),
            vault=vault, on_done=self._exported, on_error=self._failed)

    def _exported(self, result: partner_export.ExportResult) -> None:
        self.export_button.setEnabled(True)
        report = result.consent
        self.status.setText(
            tr_args(tr("Exported %1 and %2. Left out: %3 whose consent does not "
                       "cover this purpose; sensitive fields (religion, sect and others) and sealed identities are "
                       "never exported."),
                    tr("%Ln victims", None, result.victims), tr("%Ln incidents", None, result.incidents),
                    tr("%Ln witness statements", None, report.statements_withheld if report else 0)))
        if result.media is not None:
            left_out = sum(result.media.left_out.values())
            text = (tr("Photos and videos: %1 written with their GPS and device metadata, as chosen (recorded in the "
                       "audit log); %2 left out.") if result.media.metadata_kept else
                    tr("Photos and videos: %1 written without GPS and device metadata; %2 left out (kinds of file "
                       "whose metadata cannot be removed, or withheld by consent)."))
            self.status.setText(self.status.text() + "\n" + tr_args(text, fmt_int(result.media.written),
                                                                     fmt_int(left_out)))
        self.exported.emit([str(p) for p in result.paths])
