"""Test helpers for linkage: a coordinator vault filled as import would fill it.

Cases arrive through the importer's own steps (tests.bundle_support.receive_case_version), with
their provenance (documenter, bundle, sequence) written by the services.
"""

from __future__ import annotations

from tests.bundle_support import receive_case_version


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
    """A case in a coordinator vault, as received from `documenter`."""
    case_id, _ = receive_case_version(vault, body, documenter, sequence=sequence, bundle_id=bundle)
    return case_id


def revise(vault, case_id: str, body: dict, documenter: str, sequence: int) -> int:
    """A newer version of a case arriving in a later bundle."""
    _, version = receive_case_version(vault, body, documenter, sequence=sequence, case_id=case_id)
    return version
