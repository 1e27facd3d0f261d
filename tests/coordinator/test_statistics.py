"""Statistics on a crafted coordinator vault: unique counts, exclusions, capture histories."""

from __future__ import annotations

import json

from app.services.analysis import linkage, statistics
from tests.stats_support import DOC_A, DOC_B, DOC_C, crafted_vault, links_for


def test_linked_victims_count_once_and_exclusions_are_counted(coordinator_vault):
    ids = crafted_vault(coordinator_vault)
    figures = statistics.compute(coordinator_vault, links=links_for(ids))
    v = figures.victims
    assert figures.linkage == "linked"
    assert v["records"] == 8
    # Mohammad (A and B, Arabic and Latin), Khalid (A), Ali (B and C): three people.
    assert v["unique"] == 3
    assert v["records_counted"] == 5
    assert v["records_linked_into_others"] == 2
    assert v["excluded"] == {"records": 3, "missing_name": 1, "missing_date": 1, "missing_place": 1}
    assert v["by_governorate"] == {"homs": 2, "latakia": 1}
    # Ali: B says February 2024 (month), C says 2024 (year): the more precise record decides.
    assert v["by_month"] == {"2024-02": 1, "2024-03": 2}
    assert v["by_act"] == {"abduction": 2, "killing": 1, "torture": 1}
    assert v["by_fate"] == {"killed": 1, "missing": 1, "released": 1}
    assert v["by_perpetrator_group"] == {"militia_x": 1, "state_security": 2, "unknown_gunmen": 1}


def test_without_links_every_record_is_its_own_victim(coordinator_vault):
    crafted_vault(coordinator_vault)
    figures = statistics.compute(coordinator_vault, links=[])
    assert figures.victims["unique"] == 5
    assert figures.victims["records_linked_into_others"] == 0
    assert figures.victims["excluded"]["records"] == 3


def test_capture_histories_and_overlaps(coordinator_vault):
    ids = crafted_vault(coordinator_vault)
    figures = statistics.compute(coordinator_vault, links=links_for(ids))
    ch = figures.capture_histories
    assert ch["documenters"] == [DOC_A, DOC_B, DOC_C]
    # Mohammad: A and B; Khalid: A only; Ali: B and C. The excluded records of C add nothing.
    assert ch["patterns"] == {"110": 1, "100": 1, "011": 1}
    assert sum(ch["patterns"].values()) == figures.victims["unique"]
    o = figures.overlaps
    assert o[DOC_A][DOC_B] == o[DOC_B][DOC_A] == 1
    assert o[DOC_B][DOC_C] == 1 and o[DOC_A][DOC_C] == 0
    assert [o[d][d] for d in (DOC_A, DOC_B, DOC_C)] == [2, 2, 1]
    per = {d["documenter"]: d for d in figures.documenters}
    assert per[DOC_C] == {"documenter": DOC_C, "victim_records": 4, "victim_records_excluded": 3,
                          "unique_victims": 1, "incidents": 4}
    assert per[DOC_A]["unique_victims"] == 2 and per[DOC_B]["victim_records"] == 2


def test_incidents_counted_with_date_and_place(coordinator_vault):
    crafted_vault(coordinator_vault)
    i = statistics.compute(coordinator_vault, links=[]).incidents
    assert i["records"] == 7
    assert i["excluded"] == {"records": 2, "missing_name": 0, "missing_date": 1, "missing_place": 1}
    assert i["unique"] == 5
    assert i["by_governorate"] == {"homs": 2, "latakia": 2, "tartus": 1}
    assert i["by_month"] == {"2023-11": 1, "2024": 1, "2024-02": 1, "2024-03": 2}


def test_a_newer_version_replaces_the_counted_view(coordinator_vault):
    from app.services.intake import cases
    from tests.bundle_support import receive_case_version

    ids = crafted_vault(coordinator_vault)
    body = cases.get_case(coordinator_vault, ids["c1"])
    body["victims"][0]["name_ar"] = "سمير خليل الحمصي"  # the documenter later learned a name
    # ... and sent the new version in a later bundle (a coordinator cannot edit a received case).
    receive_case_version(coordinator_vault, body, DOC_C, sequence=2, case_id=ids["c1"])
    figures = statistics.compute(coordinator_vault, links=links_for(ids))
    assert figures.victims["records"] == 8
    assert figures.victims["excluded"]["missing_name"] == 0
    assert figures.victims["unique"] == 4


def test_a_documenter_vault_counts_its_own_cases_as_local(vault):
    crafted_vault(vault)  # provenance rows are ignored only by meaning: here they exist too
    conn = vault.connection()
    conn.execute("DELETE FROM case_provenance")
    figures = statistics.compute(vault, links=[])
    assert figures.capture_histories["documenters"] == [statistics.LOCAL_DOCUMENTER]
    assert figures.capture_histories["patterns"] == {"1": 5}


def test_stats_command_prints_the_same_figures(coordinator_vault, tawthiq, passphrase_file):
    crafted_vault(coordinator_vault)
    expected = statistics.compute(coordinator_vault).to_json()
    d = str(coordinator_vault.path)
    r = tawthiq("--vault", d, "--passphrase-file", str(passphrase_file), "stats", "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == expected
    r = tawthiq("--vault", d, "--passphrase-file", str(passphrase_file), "stats")
    assert r.returncode == 0, r.stderr
    text = r.stdout.decode()
    assert f"Unique victims: {expected['victims']['unique']}" in text
    assert "excluded: 3 records (missing name 1, date 1, place 1)" in text
    assert "Capture histories" in text and DOC_A in text
    assert f"{DOC_A}  {DOC_A}=" in text  # the overlap matrix


def _imported_three_documenters(tmp_path):
    from app.services.exchange import imports
    from tests.coordinator.test_import_end_to_end import build_three_documenters

    coordinator, docs, paths, made = build_three_documenters(tmp_path)
    assert [r.status for r in imports.import_bundles(coordinator, paths)] == ["imported"] * 3
    linkage.run_linkage(coordinator)  # as the import front ends do after an import
    for d in docs:
        d.lock()
    return coordinator, made


def _the_two_spellings(coordinator) -> list[str]:
    records, _ = statistics.read_records(coordinator.connection())
    conn = coordinator.connection()
    keys = []
    for r in records:
        body = json.loads(conn.execute(
            "SELECT v.body FROM cases c JOIN case_versions v ON v.case_id = c.id AND v.version = c.current_version "
            "WHERE c.id = ?", (r.case_id,)).fetchone()[0])
        victim = body["victims"][r.victim_index]
        if victim.get("name_ar") == "محمد خالد الحسن" or victim.get("name_latin") == "Mohammed Khaled al-Hassan":
            keys.append(r.key)
    return keys


def test_imported_bundles_counted_once_when_linked(tmp_path):
    """Real bundles from three documenters; the same victim in Arabic and in Latin script."""
    coordinator, made = _imported_three_documenters(tmp_path)
    try:
        pair = _the_two_spellings(coordinator)
        assert len(pair) == 2
        figures = statistics.compute(coordinator, links=[pair])
        assert figures.victims["records"] == 5 and figures.victims["excluded"]["records"] == 0
        assert figures.victims["unique"] == 4
        assert figures.capture_histories["documenters"] == sorted(made)
        patterns = figures.capture_histories["patterns"]
        assert sum(patterns.values()) == 4
        assert sorted(p.count("1") for p in patterns for _ in range(patterns[p])) == [1, 1, 1, 2]
        per = {d["documenter"]: d["unique_victims"] for d in figures.documenters}
        assert sorted(per.values()) == [1, 2, 2]
    finally:
        coordinator.lock()


def test_imported_bundles_with_the_linkage_service(tmp_path):
    coordinator, _ = _imported_three_documenters(tmp_path)
    try:
        figures = statistics.compute(coordinator)
        assert figures.linkage == "linked"
        assert figures.victims["unique"] == 4  # محمد خالد الحسن = Mohammed Khaled al-Hassan
        assert max(p.count("1") for p in figures.capture_histories["patterns"]) == 2
    finally:
        coordinator.lock()
