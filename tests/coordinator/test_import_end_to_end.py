"""Three documenters, overlapping cases (one victim in Arabic script by one, in Latin by another),
exported and imported into one coordinator vault. The linkage engineer builds on this."""

from __future__ import annotations

from app.services.exchange import export, imports
from app.services.intake import cases
from app.services.vault import keys
from tests.bundle_support import add_case, enroll, make_vault


def build_three_documenters(tmp_path):
    """(coordinator, [documenters], [bundle paths], {documenter key id: [case ids]})."""
    coordinator = make_vault(tmp_path / "coord", role="coordinator", name="coord")
    docs = [make_vault(tmp_path / f"doc{i}", name=f"doc{i}") for i in range(3)]
    enroll(coordinator, *docs)
    victim_ar = {"name_ar": "محمد خالد الحسن", "sex": "male", "age": 34}
    victim_lat = {"name_latin": "Mohammed Khaled al-Hassan", "sex": "male", "age": 34}
    made: dict[str, list[str]] = {}
    plans = [
        [("اختطاف عند الحاجز", "Aleppo", [victim_ar]), ("Detention in Idlib", "Idlib", [{"name_latin": "Omar S."}])],
        [("Kidnapped at checkpoint", "Aleppo", [victim_lat]), ("Shelling", "Homs", [{"name_ar": "سارة"}])],
        [("Disappearance", "Daraa", [{"name_ar": "أحمد"}])],
    ]
    paths = []
    for i, (doc, plan) in enumerate(zip(docs, plans, strict=True)):
        ids = [add_case(doc, title, governorate=gov, victims=victims) for title, gov, victims in plan]
        made[keys.public_key(doc).id_hex] = ids
        path = tmp_path / f"doc{i}-1.tawthiq"
        assert export.export_bundle(doc, path).written
        paths.append(path)
    return coordinator, docs, paths, made


def test_three_documenters_into_one_coordinator(tmp_path):
    coordinator, docs, paths, made = build_three_documenters(tmp_path)
    reports = imports.import_bundles(coordinator, paths)
    assert [r.status for r in reports] == ["imported"] * 3
    assert cases.count_cases(coordinator) == 5
    conn = coordinator.connection()
    by_source = dict(conn.execute("SELECT documenter, count(DISTINCT case_id) FROM case_provenance GROUP BY 1"))
    assert by_source == {k: len(v) for k, v in made.items()}
    # The same victim, recorded twice in two scripts, is still two source records here: linking is
    # the linkage step's job, and it never deletes a source record.
    assert len(cases.search(coordinator, "checkpoint")) == 1
    assert len(cases.search(coordinator, "الحاجز")) == 1
    for d in docs:
        d.lock()
    coordinator.lock()
