"""Test helpers for linkage: a coordinator vault filled as import would fill it.

Cases are saved with the case service and given provenance rows (documenter, bundle,
sequence) like the coordinator's import writes, until import is on main for every test.
"""

from __future__ import annotations

import uuid

from app.services.intake.cases import save_case, seal_case
from storage import audit
from storage.database import transaction


def victim_case(name: str, *, date: str = "2013-03-06", gov: str = "Homs", sex: str = "male",
                age: int | None = None, latin: bool | None = None, **extra) -> dict:
    from app.services.analysis.linkage.name_keys import is_arabic

    arabic = is_arabic(name) if latin is None else not latin
    victim = {"name_ar" if arabic else "name_latin": name, "sex": sex, "act": "killing", "fate": "killed"}
    if age is not None:
        victim["age"] = age
    victim.update(extra.pop("victim", {}))
    precision = "day" if len(date) == 10 else "month" if len(date) == 7 else "year"
    body = {"form": "killing", "title": "a killing", "date": {"start": date, "precision": precision},
            "location": {"governorate": gov}, "victims": [victim]}
    body.update(extra)
    return body


def receive(vault, body: dict, documenter: str, sequence: int = 1, bundle: str | None = None) -> str:
    """Save a case in a coordinator vault with provenance, as received from `documenter`."""
    case_id, version = save_case(vault, body)
    seal_case(vault, case_id)
    conn = vault.connection()
    with transaction(conn):
        conn.execute(
            "INSERT INTO case_provenance (case_id, version, documenter, bundle_id, sequence, received_at) "
            "VALUES (?,?,?,?,?,?)",
            (case_id, version, documenter, bundle or str(uuid.uuid4()), sequence, audit.now_iso()),
        )
    return case_id


def revise(vault, case_id: str, body: dict, documenter: str, sequence: int) -> int:
    """A newer version of a case arriving in a later bundle."""
    body = dict(body, id=case_id)
    _, version = save_case(vault, body, case_id)
    seal_case(vault, case_id)
    conn = vault.connection()
    with transaction(conn):
        conn.execute(
            "INSERT INTO case_provenance (case_id, version, documenter, bundle_id, sequence, received_at) "
            "VALUES (?,?,?,?,?,?)",
            (case_id, version, documenter, str(uuid.uuid4()), sequence, audit.now_iso()),
        )
    return version
