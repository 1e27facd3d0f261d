"""A coordinator's notes on a received case (issue 15): the coordinator's own record, beside the
documenter's signed one.

A received case is read-only on a coordinator's vault (its versions are numbered and signed by its
documenter: app.services.intake.cases.CaseReceived); what the coordinator wants to add to it (a
follow-up, a doubt, a cross-reference) is an annotation: a note kept in its own table with the case
and version it was written against, who wrote it (this vault's name) and when. Annotations never
touch the case's versions, their search entry or the signed evidence they came with, and they are
only ever added (the table refuses updates), each one audited as `case.annotate`.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.services import changes
from app.services.intake import cases
from storage import audit
from storage.database import transaction
from storage.errors import TawthiqError
from storage.vault import Vault

MAX_NOTE = 20_000  # characters: a long follow-up fits, a pasted document does not


class AnnotationRefused(TawthiqError):
    pass


@dataclass(frozen=True)
class Annotation:
    case_id: str
    version: int
    note: str
    author: str
    created_at: str

    def to_json(self) -> dict:
        return dict(self.__dict__)


def annotate(vault: Vault, case_id: str, note: str) -> Annotation:
    """Add the coordinator's note to a received case, against its current version."""
    text = note.strip() if isinstance(note, str) else ""
    if not text:
        raise AnnotationRefused("annotation.empty")
    if len(text) > MAX_NOTE:
        raise AnnotationRefused("annotation.too_long", limit=MAX_NOTE)
    if "\x00" in text:
        raise AnnotationRefused("annotation.control")
    conn = vault.connection()
    row = conn.execute("SELECT current_version FROM cases WHERE id = ?", (case_id,)).fetchone()
    if row is None:
        raise cases.CaseNotFound("case.not_found")
    if not cases.is_received(conn, case_id):
        # A case recorded on this vault is edited as a new version: a note beside it would be a
        # second, unsigned account of the same case.
        raise AnnotationRefused("annotation.own_case")
    at = audit.now_iso()
    annotation = Annotation(case_id, int(row[0]), text, vault.name, at)
    with transaction(conn):
        conn.execute("INSERT INTO case_annotations (case_id, version, note, author, created_at) VALUES (?,?,?,?,?)",
                     (case_id, annotation.version, text, annotation.author, at))
        audit.record(conn, "case.annotate", case_id, version=annotation.version)
    changes.publish(vault, changes.CASES)
    return annotation


def list_annotations(vault: Vault, case_id: str) -> list[Annotation]:
    """The coordinator's notes on a case, oldest first."""
    return [Annotation(*row) for row in vault.connection().execute(
        "SELECT case_id, version, note, author, created_at FROM case_annotations WHERE case_id = ? ORDER BY id",
        (case_id,))]
