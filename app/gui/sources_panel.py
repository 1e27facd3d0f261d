"""External lists on the statistics page (coordinators): import, remove, and what each list adds.

Another monitor's published list (CSV or XLSX) is imported with its column mapping file under a
name (app/services/analysis/external_sources, docs/sources.md). It is read-only and never counted
as ours: the table says, per list, how many people it names, how many of them we recorded too and
how many only it has. Import and removal run in the background, then linkage runs (when its extra
is installed) so the figures count the list at once.

Emits: changed() after a list was imported or removed; failed(one safe line).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.gui.i18n import fmt_int, tr, tr_args


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names of lists come from outside: never rich text
    return label


class SourcesPanel(QGroupBox):
    changed = Signal()
    failed = Signal(str)

    def __init__(self, session, parent=None):
        super().__init__(tr("External lists"), parent)
        self.session = session
        layout = QVBoxLayout(self)
        layout.addWidget(_plain(tr(
            "Other monitors' published victim lists, imported read-only. They are linked to our victims and "
            "counted as lists in capture histories and estimates, never as victims of ours, and never exported "
            "as ours.")))
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([tr("List"), tr("Rows"), tr("People named"), tr("Also recorded by us"),
                                              tr("Only in the list")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        layout.addWidget(self.table)
        form = QGridLayout()
        self.file = QLineEdit()
        self.file.setPlaceholderText(tr("The list: a .csv or .xlsx file"))
        self.mapping = QLineEdit()
        self.mapping.setPlaceholderText(tr("Its column mapping: a .json file (see the user guide)"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(tr("A short name for the list, e.g. SNHR-2024"))
        self.name.setMaxLength(60)
        self.browse_file = QPushButton(tr("Choose…"))
        self.browse_mapping = QPushButton(tr("Choose…"))
        for row, (title, edit, button) in enumerate(((tr("List file:"), self.file, self.browse_file),
                                                     (tr("Mapping:"), self.mapping, self.browse_mapping),
                                                     (tr("Name:"), self.name, None))):
            form.addWidget(QLabel(title), row, 0)
            form.addWidget(edit, row, 1)
            if button is not None:
                form.addWidget(button, row, 2)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.import_button = QPushButton(tr("Import the list"))
        self.remove_button = QPushButton(tr("Remove the selected list"))
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.status = _plain()
        layout.addWidget(self.status)
        self.browse_file.clicked.connect(lambda: self._choose(self.file, tr("Lists (*.csv *.xlsx)")))
        self.browse_mapping.clicked.connect(lambda: self._choose(self.mapping, tr("Mappings (*.json)")))
        self.import_button.clicked.connect(self.import_list)
        self.remove_button.clicked.connect(self.remove_selected)

    def _choose(self, edit: QLineEdit, kinds: str) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, tr("Choose a file"), "", kinds)
        if chosen:
            edit.setText(chosen)

    def show_sources(self, sources: list[dict]) -> None:
        self.table.setRowCount(len(sources))
        for r, s in enumerate(sources):
            values = [s["source"], fmt_int(s["records"]), fmt_int(s["unique_victims"]),
                      fmt_int(s["also_recorded_by_us"]), fmt_int(s["only_in_source"])]
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        # As tall as its rows (at least two), so the page scrolls instead of the table.
        rows = max(2, self.table.rowCount())
        self.table.setFixedHeight(self.table.horizontalHeader().height() + rows * self.table.verticalHeader()
                                  .defaultSectionSize() + 2 * self.table.frameWidth() + 4)

    def _busy(self, busy: bool) -> None:
        self.import_button.setEnabled(not busy)
        self.remove_button.setEnabled(not busy)

    def import_list(self) -> None:
        from app.services.analysis import external_sources, linkage, linkage_extra
        from app.services.analysis.external_sources.service import read_mapping

        vault = self.session.vault
        path, mapping_path, name = Path(self.file.text().strip()), Path(self.mapping.text().strip()), self.name.text()

        def work(task):
            summary = external_sources.import_source(vault, path, name, read_mapping(mapping_path))
            if linkage_extra.installed():
                linkage.run_linkage(vault)
            return summary

        self._busy(True)
        self.status.setText(tr("Importing the list…"))
        self.session.runner.run(work, vault=vault, on_done=self._imported, on_error=self._failed)

    def _imported(self, summary) -> None:
        self._busy(False)
        missing = sum(summary.report.get("missing", {}).values())
        self.status.setText(tr_args(tr("Imported %1 rows as the list %2. Rows missing a name, a date or a place "
                                       "(kept, not counted): %3."),
                                    fmt_int(summary.records), summary.name, fmt_int(missing)))
        self.name.clear()
        self.changed.emit()

    def remove_selected(self) -> None:
        from app.services.analysis import external_sources, linkage, linkage_extra

        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        if item is None:
            self.status.setText(tr("Choose a list in the table first."))
            return
        vault, name = self.session.vault, item.text()

        def work(task):
            removed = external_sources.remove_source(vault, name)
            if linkage_extra.installed():
                linkage.run_linkage(vault)
            return name, removed

        self._busy(True)
        self.session.runner.run(work, vault=vault, on_done=self._removed, on_error=self._failed)

    def _removed(self, result) -> None:
        self._busy(False)
        name, removed = result
        self.status.setText(tr_args(tr("Removed the list %1 (%2 rows)."), name, fmt_int(removed)))
        self.changed.emit()

    def _failed(self, message: str) -> None:
        self._busy(False)
        self.status.setText(tr_args(tr("Nothing was imported or removed: %1"), message))
        self.failed.emit(message)
