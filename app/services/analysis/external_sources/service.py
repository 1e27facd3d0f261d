"""Import, list and remove external lists on a coordinator vault."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.services import changes
from app.services.analysis.external_sources.mapping import ColumnMapping, RowReader, parse_mapping
from app.services.analysis.external_sources.reader import MAX_FILE_BYTES, SourceRefused, kind_of, read_table
from storage import audit
from storage.database import transaction
from storage.errors import TawthiqError
from storage.vault import Vault

# Letters of any script, digits, spaces and a few marks. Not ':' '/' '#' (a list's records are
# named `source:<name>:<row>`), nor '=' ',' (`estimate --list NAME=source:<name>,…`).
_NAME = re.compile(r"^[\w .()\-]{1,60}$")
Progress = Callable[[int, int], None]


@dataclass
class SourceSummary:
    name: str
    file_name: str
    file_sha256: str
    imported_at: str
    records: int
    report: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        out = {"name": self.name, "file_name": self.file_name, "file_sha256": self.file_sha256,
               "imported_at": self.imported_at, "records": self.records}
        if self.report:
            out["report"] = self.report
        return out


def check_name(name: str) -> str:
    name = name.strip()
    if not _NAME.match(name) or name.startswith(("-", ".")):
        raise SourceRefused("source.name_invalid")
    return name


def _coordinator(vault: Vault) -> None:
    if vault.role != "coordinator":
        raise TawthiqError("source.coordinator_only")


def _read_file(path: Path, limit: int) -> bytes:
    try:
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
    except OSError:
        raise SourceRefused("source.unreadable") from None
    if len(data) > limit:
        raise SourceRefused("source.too_large", limit=limit)
    return data


def read_mapping(path: Path) -> ColumnMapping:
    try:
        with open(path, "rb") as fh:
            raw = fh.read(1024 * 1024)
    except OSError:
        raise SourceRefused("source.mapping_unreadable") from None
    return parse_mapping(raw)


def import_source(vault: Vault, path: Path, name: str, mapping: ColumnMapping,
                  progress: Progress | None = None) -> SourceSummary:
    """Read, map and store one list in one transaction; refused whole on any problem."""
    _coordinator(vault)
    name = check_name(name)
    conn = vault.connection()
    if conn.execute("SELECT 1 FROM external_sources WHERE name = ?", (name,)).fetchone():
        raise SourceRefused("source.name_taken")
    path = Path(path)
    kind = kind_of(path.name)
    data = _read_file(path, MAX_FILE_BYTES)
    table = read_table(data, kind, mapping.sheet)
    reader = RowReader(mapping, table.header)
    rows = []
    total = len(table.rows)
    for i, row in enumerate(table.rows):
        if not any(c.strip() for c in row):
            continue  # a blank line inside the list
        body = reader.body(row)
        rows.append((name, i + 2, json.dumps(body, ensure_ascii=False, sort_keys=True)))
        if progress and i % 1000 == 0:
            progress(i, total)
    summary = SourceSummary(name, path.name, hashlib.sha256(data).hexdigest(), audit.now_iso(), len(rows),
                            reader.report.to_json())
    with transaction(conn):
        conn.execute(
            "INSERT INTO external_sources (name, file_name, file_sha256, mapping, imported_at, records) "
            "VALUES (?,?,?,?,?,?)",
            (name, summary.file_name, summary.file_sha256, json.dumps(mapping.to_json(), ensure_ascii=False),
             summary.imported_at, summary.records))
        conn.executemany("INSERT INTO external_source_records (source, row_number, body) VALUES (?,?,?)", rows)
        # The audit log names the list and its file's hash, never a value from it.
        audit.record(conn, "source.import", name, file_sha256=summary.file_sha256, records=summary.records)
    if progress:
        progress(total, total)
    changes.publish(vault, changes.SOURCES)
    return summary


def list_sources(vault: Vault) -> list[SourceSummary]:
    rows = vault.connection().execute(
        "SELECT name, file_name, file_sha256, imported_at, records FROM external_sources ORDER BY name")
    return [SourceSummary(*row) for row in rows]


def remove_source(vault: Vault, name: str) -> int:
    """Remove a list and every record of it; returns how many records went."""
    _coordinator(vault)
    conn = vault.connection()
    row = conn.execute("SELECT records FROM external_sources WHERE name = ?", (name,)).fetchone()
    if row is None:
        raise TawthiqError("source.not_found")
    with transaction(conn):
        conn.execute("DELETE FROM external_source_records WHERE source = ?", (name,))
        conn.execute("DELETE FROM external_sources WHERE name = ?", (name,))
        audit.record(conn, "source.remove", name, records=row[0])
    changes.publish(vault, changes.SOURCES)
    return int(row[0])
