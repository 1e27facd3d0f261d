"""The case list: a lazily fetched table over the vault, with filters and search as you type.

`CaseTableModel` never holds more rows than the view has scrolled to: `canFetchMore`/`fetchMore`
read one page at a time through app.services.intake.cases.query_cases(limit, offset), and the total
comes from count_cases. Filters and sorting reset it to the first page.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.gui.i18n import QT_TRANSLATE_NOOP, date_edit_format, fmt_date, fmt_datetime, fmt_int, tr
from app.gui.session import Session
from app.gui.vocabulary import form_choices, form_label, governorate_choices, governorate_label
from app.services.intake import cases

PAGE = 200
SEARCH_DELAY_MS = 250
# Column key, header source text, sort order understood by query_cases (None: not sortable).
COLUMNS = (
    ("title", QT_TRANSLATE_NOOP("", "Title"), "title"),
    ("form", QT_TRANSLATE_NOOP("", "Case type"), None),
    ("incident_date", QT_TRANSLATE_NOOP("", "Incident date"), "date"),
    ("governorate", QT_TRANSLATE_NOOP("", "Governorate"), None),
    ("status", QT_TRANSLATE_NOOP("", "Status"), None),
    ("version", QT_TRANSLATE_NOOP("", "Version"), None),
    ("updated_at", QT_TRANSLATE_NOOP("", "Updated"), "updated"),
)


class CaseTableModel(QAbstractTableModel):
    def __init__(self, session: Session, parent: Any = None, page: int = PAGE):
        super().__init__(parent)
        self.session = session
        self.page = page
        self.filters: dict[str, Any] = {}  # keyword arguments of cases.query_cases
        self.order = "updated"
        self._rows: list[cases.CaseSummary] = []
        self._total = 0
        self.refresh()

    # ---- what the view asks ---------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr(COLUMNS[section][1])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "form":
                return form_label(row.form)
            if key == "incident_date":
                return fmt_date(row.incident_date)
            if key == "governorate":
                return governorate_label(row.governorate)
            if key == "status":
                return tr("sealed") if row.status == "sealed" else tr("draft")
            if key == "version":
                return fmt_int(row.version)
            if key == "updated_at":
                return fmt_datetime(row.updated_at)
            return row.title
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or self.session.vault is None:
            return
        rows = cases.query_cases(self.session.vault, order=self.order, limit=self.page, offset=len(self._rows),
                                 **self.filters)
        if not rows:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        wanted = COLUMNS[column][2]
        if wanted and wanted != self.order:
            self.order = wanted
            self.refresh()

    # ---- what the view sets ---------------------------------------------------------------------
    @property
    def total(self) -> int:
        return self._total

    @property
    def fetched(self) -> int:
        return len(self._rows)

    def case_id(self, row: int) -> str:
        return self._rows[row].id

    def set_filters(self, **filters: str | None) -> None:
        self.filters = {k: v for k, v in filters.items() if v}
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._rows = []
        vault = self.session.vault
        self._total = cases.count_cases(vault, **self.filters) if vault is not None else 0
        self.endResetModel()
        if self.canFetchMore():
            self.fetchMore()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows, self._total = [], 0
        self.endResetModel()


class CaseListView(QWidget):
    """Filters above, the table below; double-click (or Enter) opens the case in the editor."""

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(tr("Search names, places, narrative… (Arabic or English)"))
        self.search.setClearButtonEnabled(True)
        bar.addWidget(self.search, 2)
        self.form = QComboBox(self)
        self.form.setObjectName("form_filter")
        self.form.addItem(tr("All case types"), None)
        for code, label in form_choices():
            self.form.addItem(label, code)
        bar.addWidget(self.form)
        self.governorate = QComboBox(self)
        self.governorate.setObjectName("governorate_filter")
        self.governorate.addItem(tr("All governorates"), None)
        for code, label in governorate_choices():
            self.governorate.addItem(label, code)
        bar.addWidget(self.governorate)
        self.status = QComboBox(self)
        self.status.setObjectName("status_filter")
        self.status.addItem(tr("Any status"), None)
        self.status.addItem(tr("draft"), "draft")
        self.status.addItem(tr("sealed"), "sealed")
        bar.addWidget(self.status)
        layout.addLayout(bar)
        dates = QHBoxLayout()
        self.use_dates = QCheckBox(tr("Incident between"), self)
        self.use_dates.setObjectName("use_dates")
        self.date_from = QDateEdit(QDate.currentDate().addYears(-1), self)
        self.date_to = QDateEdit(QDate.currentDate(), self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            # The month by name, in the interface's digits: never 2025-12-04, which the Arabic
            # (right-to-left) line showed reversed as 04-12-2025.
            edit.setDisplayFormat(date_edit_format())
            edit.setEnabled(False)
        dates.addWidget(self.use_dates)
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel(tr("and"), self))
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count")
        dates.addWidget(self.count_label)
        self.new_button = QPushButton(tr("New case"), self)
        self.new_button.setObjectName("new_case")
        dates.addWidget(self.new_button)
        layout.addLayout(dates)
        self.model = CaseTableModel(session, self)
        self.table = QTableView(self)
        self.table.setObjectName("cases")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        # Widths from content: the title takes what is left; the short columns (version, status,
        # dates) fit their text instead of an equal share (a wide Version column beside cut titles).
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # A header click picks the order (CaseTableModel.sort); there is no ascending/descending, so
        # no arrow: it would flip without effect, and its room is reserved in every column.
        header.setSortIndicatorShown(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table, 1)
        # Searching on every keystroke would query once per letter: wait for a pause in typing.
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._typed)
        for combo in (self.form, self.governorate, self.status):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.use_dates.toggled.connect(self._dates_toggled)
        self.date_from.dateChanged.connect(self.apply_filters)
        self.date_to.dateChanged.connect(self.apply_filters)
        self.table.doubleClicked.connect(self._open)
        self.table.activated.connect(self._open)
        self.new_button.clicked.connect(self._new)
        self.new_button.setToolTip(tr("New case (Ctrl+N)"))
        new_case = QShortcut(QKeySequence("Ctrl+N"), self)
        new_case.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new_case.activated.connect(self._new)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self._focus_search)
        self.search.setToolTip(tr("Search (Ctrl+F)"))
        self.model.modelReset.connect(self._update_count)
        self._update_count()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # Back from the editor or just unlocked: the keyboard is in the list (Ctrl+N, Ctrl+F, Enter).
        super().showEvent(event)
        focused = QApplication.focusWidget()
        if focused is None or not self.isAncestorOf(focused):
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def refresh(self) -> None:
        """Re-read the list with the same filters (after a save, seal, import or purge)."""
        self.model.refresh()

    def _typed(self, _text: str) -> None:
        self._debounce.start()

    def _dates_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.apply_filters()

    def apply_filters(self) -> None:
        dates = self.use_dates.isChecked()
        self.model.set_filters(
            text=self.search.text().strip() or None,
            form=self.form.currentData(),
            governorate=self.governorate.currentData(),
            status=self.status.currentData(),
            date_from=self.date_from.date().toString("yyyy-MM-dd") if dates else None,
            date_to=self.date_to.date().toString("yyyy-MM-dd") if dates else None,
        )

    def _update_count(self) -> None:
        self.count_label.setText(tr("%Ln cases", None, self.model.total))

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.session.open_case_requested.emit(self.model.case_id(index.row()))

    def _new(self) -> None:
        """Ask which kind of case (the filter's case type is offered first), then open its form."""
        from app.gui.case_kind import CaseKindDialog

        self.kind_dialog = CaseKindDialog(self, preselect=self.form.currentData())
        self.kind_dialog.chosen.connect(self.session.new_case_requested)
        self.kind_dialog.open()
