"""End to end: three documenter vaults, bundles exported, imported by a coordinator, linked.

The same victim is recorded by two documenters, once in Arabic script and once in Latin; the
unique count must come out right, a reviewer's decision must survive the next bundles, and no
source record is ever removed. Built on tests/coordinator/test_import_end_to_end.py (the import step).
"""

from __future__ import annotations

import pytest

from app.services.analysis import linkage, statistics
from app.services.exchange import export, imports
from app.services.intake import cases
from app.services.vault import keys
from tests.bundle_support import add_case
from tests.coordinator.test_import_end_to_end import build_three_documenters

pytestmark = pytest.mark.filterwarnings("ignore")


def test_three_documenters_linked_unique_count_and_decisions_survive_new_bundles(tmp_path):
    coordinator, docs, paths, made = build_three_documenters(tmp_path)
    assert [r.status for r in imports.import_bundles(coordinator, paths)] == ["imported"] * 3
    linkage.run_linkage(coordinator)  # as `tawthiq import` and the import view do after an import

    clusters = linkage.victim_clusters(coordinator)
    # Five victim records: محمد خالد الحسن and Mohammed Khaled al-Hassan are one man.
    assert sum(len(c) for c in clusters) == 5
    assert len(clusters) == 4
    [both] = [c for c in clusters if len(c) > 1]
    doc0, doc1 = (keys.public_key(d).id_hex for d in docs[:2])
    assert both.documenters == tuple(sorted((doc0, doc1)))
    assert set(both.case_ids) == {made[doc0][0], made[doc1][0]}
    figures = statistics.compute(coordinator)
    assert figures.victims["records"] == 5 and figures.victims["unique"] == 4

    # A reviewer rejects the link; the third documenter then sends a new case. The decision is
    # re-applied, the new victim is linked on its own merits, and nothing is deleted.
    pid = coordinator.connection().execute("SELECT pair_id FROM linkage_pairs WHERE band = 'auto'").fetchone()[0]
    linkage.decide(coordinator, pid, "reject")
    assert len(linkage.victim_clusters(coordinator)) == 5
    add_case(docs[2], "Checkpoint abduction, a witness's account", governorate="حلب",
             victims=[{"name_ar": "سعاد يوسف المصري", "sex": "female", "age": 40}])
    later = tmp_path / "doc2-2.tawthiq"
    assert export.export_bundle(docs[2], later).written
    assert [r.status for r in imports.import_bundles(coordinator, [later])] == ["imported"]
    linkage.run_linkage(coordinator)
    clusters = linkage.victim_clusters(coordinator)
    assert len(clusters) == 6 and sum(len(c) for c in clusters) == 6
    assert coordinator.connection().execute("SELECT decision FROM linkage_decisions").fetchall() == [("reject",)]
    assert cases.count_cases(coordinator) == 6
    for d in docs:
        d.lock()
    coordinator.lock()
