"""The dry run's report: every problem by sheet, row and column (an error code and its arguments),
the values to settle, and the counts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from storage.error_messages import ENGLISH
from storage.errors import fill

MAX_PROBLEMS = 10_000
MAX_UNMATCHED = 500
PROGRESS_EVERY = 200

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], None]


@dataclass(frozen=True)
class RowProblem:
    """One problem: where (sheet, row as the spreadsheet numbers it, column header) and what (a code)."""

    sheet: str
    row: int
    column: str
    code: str
    values: dict = field(default_factory=dict)

    def message(self, wording: dict[str, str] | None = None) -> str:
        template = (wording or ENGLISH).get(self.code, self.code)
        return fill(template, self.values)

    def to_json(self) -> dict:
        return {"sheet": self.sheet, "row": self.row, "column": self.column, "code": self.code,
                "values": dict(self.values), "message": self.message()}


@dataclass
class ImportReport:
    file: str
    sheet: str
    form: str
    dry_run: bool = True
    cases_read: int = 0
    cases_passed: int = 0
    cases_refused: int = 0
    cases_imported: int = 0
    rows_read: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    problems_left_out: int = 0
    unmatched: dict[str, dict[str, int]] = field(default_factory=dict)
    imported_ids: list[str] = field(default_factory=list)

    def add(self, problem: RowProblem) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(problem)
        else:
            self.problems_left_out += 1

    def note_unmatched(self, target: str, value: str) -> None:
        seen = self.unmatched.setdefault(target, {})
        if value in seen or len(seen) < MAX_UNMATCHED:
            seen[value] = seen.get(value, 0) + 1

    def to_json(self) -> dict:
        return {"file": self.file, "sheet": self.sheet, "form": self.form, "dry_run": self.dry_run,
                "cases_read": self.cases_read, "cases_passed": self.cases_passed,
                "cases_refused": self.cases_refused, "cases_imported": self.cases_imported,
                "rows_read": self.rows_read, "problems": [p.to_json() for p in self.problems],
                "problems_left_out": self.problems_left_out,
                "unmatched": {k: dict(sorted(v.items())) for k, v in sorted(self.unmatched.items())}}
