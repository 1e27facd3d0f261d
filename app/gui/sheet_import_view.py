"""The spreadsheet import wizard (issue 18): choose a file → adjust the proposed mapping → dry run →
import, with a progress bar and cancel.

Every step that reads the file runs through the background-task helper (app/gui/tasks.py): the
proposal, the dry run and the import (which checks again, then writes every case that passed in
one transaction; a cancel keeps nothing). The report lists each problem by sheet, row and column,
worded by the interface's catalogue (Arabic in the Arabic interface), and the values no code,
label or variant matched, each with a choice to settle it; the mapping, settled values included,
can be saved as the JSON file `tawthiq case import --mapping` reads.

Emits: checked(ImportReport) after a dry run, imported(ImportReport) after an import.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.gui import error_texts
from app.gui.i18n import current_language, tr, tr_args
from app.services.intake.sheet_import import mapping as sheet_mapping
from app.services.intake.sheet_import import run as sheet_run
from app.services.intake.sheet_import import values as cell_values
from app.services.intake.sheet_import.tables import open_table
from forms.definitions import list_forms
from storage.errors import fill

NOT_IMPORTED = ""
UNSETTLED, LEAVE_EMPTY = "\0unsettled", "\0empty"
SHOWN_PROBLEMS = 2_000  # the table's rows; the summary counts them all


def problem_text(problem: sheet_run.RowProblem) -> str:
    """One row problem in the interface language (its code worded by the GUI's catalogue)."""
    template = error_texts.wording(problem.code) or problem.code
    return fill(template, problem.values)


def _part_names() -> dict[str, str]:
    """The parts of a date range, a place and a name, as the mapping table names them."""
    return {"start": tr("from"), "end": tr("to"), "precision": tr("precision"), "governorate": tr("governorate"),
            "district": tr("district"), "place": tr("city or village"), "neighbourhood": tr("neighbourhood"),
            "text": tr("details"), "given": tr("given name"), "father": tr("father's name"),
            "grandfather": tr("grandfather's name"), "family": tr("family name"), "mother": tr("mother's name")}


def _label(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class SheetImportView(QWidget):
    checked = Signal(object)
    imported = Signal(object)

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.mapping: sheet_mapping.Mapping | None = None
        self.header: list[str] = []
        self.report: sheet_run.ImportReport | None = None
        self._task = None
        layout = QVBoxLayout(self)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)
        self.status = _label("")
        layout.addWidget(self.status)
        self._build_choose_page()
        self._build_mapping_page()
        self._build_report_page()
        self._build_apply_page()

    # ---- page 1: the file and the form ----------------------------------------------------------------
    def _build_choose_page(self) -> None:
        page = QWidget()
        box = QVBoxLayout(page)
        box.addWidget(_label(tr("Import cases from a spreadsheet (CSV, XLSX or ODS), or from an ODK or "
                                "KoboToolbox submission export. Nothing is imported before you have seen the "
                                "dry run's report.")))
        row = QHBoxLayout()
        self.file_edit = QLineEdit()
        self.file_edit.setPlaceholderText(tr("Spreadsheet file"))
        self.browse_button = QPushButton(tr("Choose file…"))
        self.browse_button.clicked.connect(self._browse)
        row.addWidget(self.file_edit, 1)
        row.addWidget(self.browse_button)
        box.addLayout(row)
        self.form_combo = QComboBox()
        lang = current_language()
        for form in list_forms():
            self.form_combo.addItem(form.label(lang), form.id)
        box.addWidget(_label(tr("Kind of case")))
        box.addWidget(self.form_combo)
        self.sheet_edit = QLineEdit()
        self.sheet_edit.setPlaceholderText(tr("Sheet (empty: the first)"))
        box.addWidget(self.sheet_edit)
        row = QHBoxLayout()
        self.load_button = QPushButton(tr("Use a saved mapping…"))
        self.load_button.clicked.connect(self._choose_mapping)
        self.propose_button = QPushButton(tr("Propose a mapping"))
        self.propose_button.clicked.connect(self.propose)
        row.addWidget(self.load_button)
        row.addStretch(1)
        row.addWidget(self.propose_button)
        box.addLayout(row)
        box.addStretch(1)
        self.pages.addWidget(page)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, tr("Spreadsheet to import"), "",
                                              tr("Spreadsheets (*.csv *.xlsx *.ods)"))
        if name:
            self.file_edit.setText(name)

    def _choose_mapping(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, tr("Saved mapping"), "", tr("Mappings (*.json)"))
        if name:
            self.load_mapping(Path(name))

    @property
    def path(self) -> Path:
        return Path(self.file_edit.text().strip())

    @property
    def busy(self) -> bool:
        return self._task is not None

    def _run(self, work, on_done, on_progress=None) -> None:
        task = self.session.runner.run(work, vault=self.session.vault, on_done=on_done, on_error=self._failed,
                                       on_progress=on_progress, on_cancelled=self._cancelled)
        self._task = None if task.done else task  # a synchronous runner (tests) has finished already
        task.finished.connect(self._finished)

    def _finished(self) -> None:
        self._task = None

    def _failed(self, message: str) -> None:
        self.status.setText(message)
        if self.pages.currentIndex() == 3:  # the import refused the file as a whole: nothing was imported
            self.result.setText(message)
            self.progress.setRange(0, 1)
            self.cancel_button.setEnabled(False)
            self.again_button.setEnabled(True)

    def propose(self) -> None:
        """Read the headers in the background and propose a mapping from them."""
        if self.busy or not self.file_edit.text().strip():
            return
        path, form, sheet = self.path, self.form_combo.currentData(), self.sheet_edit.text().strip() or None
        self.status.setText(tr("Reading the headers…"))

        def work(_task):
            proposal = sheet_run.propose_for_file(path, form, sheet)
            return proposal, open_table(path, sheet).header

        self._run(work, self._proposed)

    def load_mapping(self, path: Path) -> None:
        if self.busy or not self.file_edit.text().strip():
            return

        def work(_task):
            mapping = sheet_mapping.read_mapping(path)
            return mapping, open_table(self.path, mapping.sheet).header

        self._run(work, self._proposed)

    def _proposed(self, result) -> None:
        self.mapping, self.header = result
        self.status.setText("")
        self._fill_mapping_table()
        self.pages.setCurrentIndex(1)

    # ---- page 2: the mapping --------------------------------------------------------------------------
    def _build_mapping_page(self) -> None:
        page = QWidget()
        box = QVBoxLayout(page)
        box.addWidget(_label(tr("Which column fills which field. Check the proposal; choose another column where "
                                "it is wrong.")))
        self.mapping_table = QTableWidget(0, 2)
        self.mapping_table.setHorizontalHeaderLabels([tr("Field"), tr("Column")])
        self.mapping_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.mapping_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.mapping_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        box.addWidget(self.mapping_table, 1)
        self.repeats_label = _label("")
        box.addWidget(self.repeats_label)
        row = QHBoxLayout()
        self.back_button = QPushButton(tr("Back"))
        self.back_button.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.save_button = QPushButton(tr("Save mapping…"))
        self.save_button.clicked.connect(self._save_mapping)
        self.check_button = QPushButton(tr("Check every row (dry run)"))
        self.check_button.clicked.connect(self.dry_run)
        row.addWidget(self.back_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        row.addWidget(self.check_button)
        box.addLayout(row)
        self.pages.addWidget(page)

    def _fill_mapping_table(self) -> None:
        assert self.mapping is not None
        targets = sheet_mapping.case_targets(self.mapping.definition())
        lang = current_language()
        self.mapping_table.setRowCount(len(targets))
        self.column_combos: dict[str, QComboBox] = {}
        parts = _part_names()
        for r, (target, f) in enumerate(targets.items()):
            part = target.partition(".")[2]
            name = f.label(lang) + (f" · {parts.get(part, part)}" if part else "")
            item = QTableWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, target)
            self.mapping_table.setItem(r, 0, item)
            combo = QComboBox()
            combo.addItem(tr("— not imported —"), NOT_IMPORTED)
            for header in self.header:
                if header:
                    combo.addItem(header, header)
            chosen = combo.findData(self.mapping.fields.get(target, NOT_IMPORTED))
            combo.setCurrentIndex(max(chosen, 0))
            combo.currentIndexChanged.connect(lambda _i, t=target, c=combo: self._column_chosen(t, c))
            self.mapping_table.setCellWidget(r, 1, combo)
            self.column_combos[target] = combo
        lines = []
        definition = self.mapping.definition()
        for name, repeat in self.mapping.repeats.items():
            group = definition.field(name)
            title = group.label(lang) if group is not None else name
            if repeat.layout == "columns":
                how = tr_args(tr("%1: repeated columns (%2)"), title, ", ".join(repeat.fields.values()))
            elif repeat.layout == "rows":
                how = tr_args(tr("%1: one row each, the rows of a case sharing %2"), title, self.mapping.key or "")
            elif repeat.layout == "table":
                how = tr_args(tr("%1: sheet or file %2, joined on %3"), title, repeat.sheet or repeat.file or "",
                              repeat.key or "")
            else:
                how = tr_args(tr("%1: several values in column %2"), title, repeat.column or "")
            lines.append(how)
        self.repeats_label.setText("\n".join(lines) or tr("No repeated groups (victims, perpetrators, sources) "
                                                          "were found; they can be added in the mapping file."))

    def _column_chosen(self, target: str, combo: QComboBox) -> None:
        assert self.mapping is not None
        header = combo.currentData()
        if header:
            self.mapping.fields[target] = header
        else:
            self.mapping.fields.pop(target, None)

    def _save_mapping(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, tr("Save mapping"), "mapping.json", tr("Mappings (*.json)"))
        if name and self.mapping is not None:
            sheet_mapping.write_mapping(self.mapping, Path(name))

    # ---- page 3: the dry run's report -----------------------------------------------------------------
    def _build_report_page(self) -> None:
        page = QWidget()
        box = QVBoxLayout(page)
        self.summary = _label("")
        box.addWidget(self.summary)
        self.problems = QTableWidget(0, 4)
        self.problems.setHorizontalHeaderLabels([tr("Sheet"), tr("Row"), tr("Column"), tr("Problem")])
        self.problems.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.problems.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        box.addWidget(self.problems, 2)
        box.addWidget(_label(tr("Values that no code, label or variant matched: choose what each means, once.")))
        self.unmatched = QTableWidget(0, 4)
        self.unmatched.setHorizontalHeaderLabels([tr("Field"), tr("Value"), tr("Rows"), tr("Means")])
        self.unmatched.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.unmatched.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        box.addWidget(self.unmatched, 1)
        row = QHBoxLayout()
        self.mapping_button = QPushButton(tr("Back to the mapping"))
        self.mapping_button.clicked.connect(lambda: self.pages.setCurrentIndex(1))
        self.recheck_button = QPushButton(tr("Check again"))
        self.recheck_button.clicked.connect(self.dry_run)
        self.apply_button = QPushButton(tr("Import the cases that passed"))
        self.apply_button.clicked.connect(self.apply)
        row.addWidget(self.mapping_button)
        row.addStretch(1)
        row.addWidget(self.recheck_button)
        row.addWidget(self.apply_button)
        box.addLayout(row)
        self.pages.addWidget(page)

    def dry_run(self) -> None:
        if self.busy or self.mapping is None:
            return
        path, mapping, lang = self.path, self.mapping, current_language()
        vault = self.session.vault
        self.status.setText(tr("Checking every row…"))

        def work(task):
            return sheet_run.check(vault, path, mapping, lang=lang, cancel=task.raise_if_cancelled)

        self._run(work, self._checked)

    def _checked(self, report: sheet_run.ImportReport) -> None:
        self.report = report
        self.status.setText("")
        self.summary.setText(tr_args(tr("%1 cases read: %2 pass, %3 refused. %4 problems."), str(report.cases_read),
                                     str(report.cases_passed), str(report.cases_refused),
                                     str(len(report.problems) + report.problems_left_out)))
        shown = report.problems[:SHOWN_PROBLEMS]
        self.problems.setRowCount(len(shown))
        for r, p in enumerate(shown):
            for c, text in enumerate((p.sheet, str(p.row), p.column, problem_text(p))):
                self.problems.setItem(r, c, QTableWidgetItem(text))
        self._fill_unmatched(report)
        self.apply_button.setEnabled(report.cases_passed > 0)
        self.pages.setCurrentIndex(2)
        self.checked.emit(report)

    def _fill_unmatched(self, report: sheet_run.ImportReport) -> None:
        assert self.mapping is not None
        rows = [(t, v, n) for t, found in sorted(report.unmatched.items()) for v, n in sorted(found.items())]
        self.unmatched.setRowCount(len(rows))
        self.settle_combos: dict[tuple[str, str], QComboBox] = {}
        lang = current_language()
        for r, (target, value, count) in enumerate(rows):
            for c, text in enumerate((target, value, str(count))):
                self.unmatched.setItem(r, c, QTableWidgetItem(text))
            combo = QComboBox()
            combo.addItem(tr("— not settled —"), UNSETTLED)
            combo.addItem(tr("— leave empty —"), LEAVE_EMPTY)
            f = sheet_mapping.target_field(self.mapping, target)
            for code, labels in cell_values.choices_for(f, target) if f is not None else []:
                combo.addItem(f"{labels.get(lang) or labels.get('en') or code} ({code})", code)
            settled = self.mapping.values.get(target, {}).get(value)
            combo.setCurrentIndex(max(combo.findData(LEAVE_EMPTY if settled == "" else settled or UNSETTLED), 0))
            combo.currentIndexChanged.connect(lambda _i, t=target, v=value, cb=combo: self._settled(t, v, cb))
            self.unmatched.setCellWidget(r, 3, combo)
            self.settle_combos[(target, value)] = combo

    def _settled(self, target: str, value: str, combo: QComboBox) -> None:
        assert self.mapping is not None
        chosen = combo.currentData()
        table = self.mapping.values.setdefault(target, {})
        table[value] = None if chosen == UNSETTLED else "" if chosen == LEAVE_EMPTY else chosen

    # ---- page 4: the import ---------------------------------------------------------------------------
    def _build_apply_page(self) -> None:
        page = QWidget()
        box = QVBoxLayout(page)
        self.progress = QProgressBar()
        box.addWidget(self.progress)
        self.result = _label("")
        box.addWidget(self.result)
        row = QHBoxLayout()
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.again_button = QPushButton(tr("Import another file"))
        self.again_button.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        row.addWidget(self.again_button)
        box.addLayout(row)
        box.addStretch(1)
        self.pages.addWidget(page)

    def apply(self) -> None:
        if self.busy or self.mapping is None:
            return
        path, mapping, lang = self.path, self.mapping, current_language()
        vault = self.session.vault
        self.pages.setCurrentIndex(3)
        self.progress.setRange(0, 0)  # the check pass: rows not yet counted
        self.result.setText(tr("Checking again, then importing…"))
        self.cancel_button.setEnabled(True)
        self.again_button.setEnabled(False)

        def work(task):
            return sheet_run.apply(vault, path, mapping, lang=lang, progress=task.progress,
                                   cancel=task.raise_if_cancelled)

        self._run(work, self._applied, on_progress=self._progressed)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 0))
        if total:
            self.progress.setValue(done)

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _applied(self, report: sheet_run.ImportReport) -> None:
        self.report = report
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.cancel_button.setEnabled(False)
        self.again_button.setEnabled(True)
        self.result.setText(tr_args(tr("Imported %1 cases; %2 refused (see the dry run's report)."),
                                    str(report.cases_imported), str(report.cases_refused)))
        self.imported.emit(report)

    def _cancelled(self) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.cancel_button.setEnabled(False)
        self.again_button.setEnabled(True)
        self.result.setText(tr("Cancelled: nothing was imported."))
