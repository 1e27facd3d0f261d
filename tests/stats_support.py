"""A crafted coordinator vault for statistics and export tests: known cases, known provenance.

Cases arrive in a real SQLCipher vault through the bundle importer's own steps
(tests.bundle_support.receive_case_version), which write their provenance rows.
"""

from __future__ import annotations

from app.services.intake import cases
from storage.vault import Vault
from tests.bundle_support import receive_case_version

DOC_A = "a1a1a1a1a1a1a1a1"
DOC_B = "b2b2b2b2b2b2b2b2"
DOC_C = "c3c3c3c3c3c3c3c3"

# A string that must never leave the vault in any export: put where sealed identities and
# sensitive fields would be.
CANARY = "CANARY-7f3e-زينب-السرية"


def case_body(title, *, date="2024-03-06", precision="day", governorate="homs", victims=(), groups=("unknown_gunmen",),
              sources=(), **extra):
    body = {
        "form": "kidnapping",
        "form_version": 1,
        "title": title,
        "narrative": f"narrative of {title}",
        "date": {"start": date, "precision": precision} if date else {},
        "location": {"governorate": governorate} if governorate else {},
        "victims": list(victims),
        "perpetrators": [{"group": g, "description": "gunmen in a white van"} for g in groups],
        "sources": list(sources),
    }
    body.update(extra)
    return body


def victim(name_ar="", name_latin="", act="abduction", fate="missing", **extra):
    v = {"name_ar": name_ar, "name_latin": name_latin, "act": act, "fate": fate, "sex": "male"}
    v.update(extra)
    return v


def add_case(vault: Vault, body: dict, documenter: str | None, *, sequence: int = 1) -> str:
    """With a documenter, a case received in that documenter's bundle (through the importer's own
    steps); without, a case saved and sealed in this vault."""
    if documenter:
        case_id, _ = receive_case_version(vault, body, documenter, sequence=sequence,
                                          bundle_id=f"bundle-{documenter[:4]}-{sequence}",
                                          received_at="2024-04-01T10:00:00+00:00")
        return case_id
    case_id, _ = cases.save_case(vault, body)
    cases.seal_case(vault, case_id)
    return case_id


def crafted_vault(vault: Vault) -> dict[str, str]:
    """The crafted data set; returns case ids by short name. Expected figures in test_statistics."""
    ids = {}
    # Documenter A: the abduction of Mohammad al-Hamwi (Arabic) in Homs, March 2024, with two victims.
    ids["a1"] = add_case(vault, case_body(
        "Homs checkpoint abduction",
        victims=[victim("محمد أحمد الحموي", act="abduction", fate="missing"),
                 victim("خالد أحمد الحموي", act="abduction", fate="released")],
        groups=("state_security",),
    ), DOC_A)
    # Documenter B: the same Mohammad, in Latin script, same incident, and a killing in Latakia.
    ids["b1"] = add_case(vault, case_body(
        "Abduction at the Homs checkpoint",
        victims=[victim(name_latin="Mohammad Ahmad al-Hamwi", act="abduction", fate="missing")],
        groups=("state_security",),
    ), DOC_B)
    ids["b2"] = add_case(vault, case_body(
        "Killing near Jableh", date="2024-02", precision="month", governorate="latakia",
        victims=[victim(name_latin="Ali Hassan", act=["killing", "torture"], fate="killed")],
        groups=("unknown_gunmen", "militia_x"),
    ), DOC_B)
    # Documenter C: a record with no name, one with no date, one with no place: all excluded.
    ids["c1"] = add_case(vault, case_body(
        "Unnamed victim", date="2023-11-20", governorate="tartus",
        victims=[victim(act="killing", fate="found_dead")],
    ), DOC_C)
    ids["c2"] = add_case(vault, case_body(
        "Undated", date=None, governorate="tartus",
        victims=[victim("سامي يوسف", act="enforced_disappearance", fate="missing")],
    ), DOC_C)
    ids["c3"] = add_case(vault, case_body(
        "Unplaced", date="2023", precision="year", governorate=None,
        victims=[victim("رامي يوسف", act="arbitrary_detention", fate="detained")],
    ), DOC_C)
    # Documenter C also recorded Ali Hassan (year only) — linked to B's record in the tests.
    ids["c4"] = add_case(vault, case_body(
        "Jableh killing", date="2024", precision="year", governorate="latakia",
        victims=[victim("علي حسن", act="killing", fate="killed")],
        groups=("militia_x",),
    ), DOC_C)
    return ids


def links_for(ids: dict[str, str]) -> list[list[str]]:
    """The true links of the crafted set: the two Mohammads, and the two Alis."""
    return [[f"{ids['a1']}#0", f"{ids['b1']}#0"], [f"{ids['b2']}#0", f"{ids['c4']}#0"]]


def _consenting(scope):
    return {"given": True, "how": "oral", "date": "2026-11-02", "recorded_by": "doc-7", "scope": scope}


def with_witness_case(vault: Vault):
    """The crafted set, plus case "w" with two witnesses: one internal-only (with a canary sealed
    identity), one who consented to every purpose; canaries in sensitive and unknown fields."""
    from app.services.intake import witnesses
    from tests.witness_support import canary_witness

    ids = crafted_vault(vault)
    internal_only = witnesses.add_witness(vault, canary_witness(consent=_consenting(["internal"])))
    public = witnesses.add_witness(vault, {"alias": "Omar", "consent": _consenting(
        ["internal", "partners", "un", "courts", "publication"])})
    ids["w"] = add_case(vault, case_body(
        "Abduction seen from a roof", date="2024-05-02", governorate="hama",
        victims=[victim("يوسف الحلبي", name_latin="Youssef al-Halabi", religion_or_sect="sunni",
                        religion=CANARY, mother_name=CANARY,
                        sealed_identity=CANARY)],
        sources=[{"who": "eyewitness", "witness": internal_only, "reliability": "B", "credibility": "2",
                  "statement": "saw the plate from the roof", "identity": CANARY},
                 {"who": "relative", "witness": public, "reliability": "C", "credibility": "3"},
                 {"who": "monitor_report", "reliability": "A", "credibility": "2"}],
        witness_identity={"name": CANARY},
    ), DOC_A)
    return vault, ids, internal_only, public
