"""External lists as sources (issue 18 item 3), on a real coordinator vault fed by real bundles.

Two documenters send bundles; another monitor's list names some of the same people (its own
spelling of dates, governorates and sex) and some nobody else recorded. Who recorded whom is
known, so statistics' "recorded by us and by the list" and the capture-history table estimation
writes must be exactly the truth's; partner exports and bundles never carry the list.
"""

from __future__ import annotations

import csv
import json
import random
from collections import Counter
from datetime import date, timedelta

import pytest

from app.services.analysis import linkage
from app.services.exchange import export, imports
from app.services.intake import cases
from tests.bundle_support import enroll, make_vault
from tests.conftest import run_tawthiq

GIVEN = ["محمد", "أحمد", "خالد", "يوسف", "عمر", "سامر", "رامي", "باسل", "ماهر", "وائل", "فادي", "زياد"]
FAMILY = ["الحموي", "العلي", "الخطيب", "الأسعد", "الحلبي", "الشامي", "الزعبي", "النوري", "الحسن", "الدروبي"]
GOVERNORATES = {"homs": "Homs", "hama": "حماة"}  # the list writes one in English, one in Arabic
# Only the list has this person: its name must never reach a partner export or a bundle.
LIST_ONLY = "نزار CANARYLIST القاسم"
MAPPING = {
    "columns": {"name": "الاسم الكامل", "date": "Date of death", "governorate": "Governorate",
                "sex": "Gender", "age": "Age", "id": "No."},
    "date_formats": ["%d/%m/%Y"],
    "defaults": {"act": "killing", "fate": "killed"},
}


def _people(n: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    # One family name per (given, father) pair: the test is about lists, not about telling near
    # namesakes apart (linkage's own tests do that).
    names = [(g, f, rng.choice(FAMILY)) for g, f in rng.sample([(g, f) for g in GIVEN for f in GIVEN if f != g], n)]
    return [{"name": f"{g} {f} {fam}", "gov": list(GOVERNORATES)[i % 2],
             "date": date(2024, 1, 1) + timedelta(days=9 * i), "age": 20 + i % 40}
            for i, (g, f, fam) in enumerate(names)]


def _case(person: dict) -> dict:
    return {"form": "killing", "title": "a killing", "narrative": "shot at his door",
            "date": {"start": person["date"].isoformat(), "precision": "day"},
            "location": {"governorate": person["gov"]},
            "victims": [{"name_ar": person["name"], "sex": "male", "age": person["age"], "act": "killing",
                         "fate": "killed"}]}


def write_list(path, people) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["No.", "الاسم الكامل", "Gender", "Age", "Date of death", "Governorate", "Cause of death"])
        for i, p in enumerate(people, start=1):
            out.writerow([i, p["name"], "ذكر", p["age"], p["date"].strftime("%d/%m/%Y"), GOVERNORATES[p["gov"]],
                          "shelling"])


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("sources")
    coordinator = make_vault(tmp / "coordinator", role="coordinator", name="coordinator")
    documenters = [make_vault(tmp / f"d{x}", name=f"documenter {x}") for x in "AB"]
    enroll(coordinator, *documenters)
    people = _people(60, seed=21)
    rng = random.Random(22)
    truth: dict[str, set[str]] = {}
    for doc, chance in zip(documenters, (0.6, 0.5), strict=True):
        for person in people:
            if rng.random() < chance:
                cases.save_case(doc, _case(person))
                truth.setdefault(person["name"], set()).add(doc.name)
    listed = [p for p in people if rng.random() < 0.55]
    listed.append({"name": LIST_ONLY, "gov": "homs", "date": date(2024, 6, 1), "age": 40})
    for p in listed:
        truth.setdefault(p["name"], set()).add("X")
    for i, doc in enumerate(documenters):
        export.export_bundle(doc, tmp / f"{i}.tawthiq")
        imports.import_bundle(coordinator, tmp / f"{i}.tawthiq")
        doc.lock()
    linkage.run_linkage(coordinator)
    coordinator.lock()
    write_list(tmp / "list.csv", listed)
    (tmp / "mapping.json").write_text(json.dumps(MAPPING, ensure_ascii=False), encoding="utf-8")
    return tmp, truth


def _run(tmp, passphrase_file, *args):
    return run_tawthiq("--vault", str(tmp / "coordinator"), "--passphrase-file", str(passphrase_file), *args)


@pytest.fixture(scope="module")
def imported(world, tmp_path_factory):
    tmp, truth = world
    pf = tmp / "passphrase.txt"
    from tests.conftest import PASSPHRASE

    pf.write_text(PASSPHRASE + "\n", encoding="utf-8")
    done = _run(tmp, pf, "source", "import", str(tmp / "list.csv"), "--name", "X", "--mapping",
                str(tmp / "mapping.json"), "--json")
    assert done.returncode == 0, done.stderr.decode()
    return tmp, truth, pf, json.loads(done.stdout.decode())


def test_a_list_is_imported_read_only_and_listed(imported):
    tmp, truth, pf, report = imported
    listed = sum(1 for seen in truth.values() if "X" in seen)
    assert report["name"] == "X" and report["records"] == listed and report["file_name"] == "list.csv"
    assert report["report"]["missing"] == {} and report["report"]["values_not_understood"] == {}
    done = _run(tmp, pf, "source", "list", "--json")
    assert done.returncode == 0
    assert [(s["name"], s["records"]) for s in json.loads(done.stdout)] == [("X", listed)]
    again = _run(tmp, pf, "source", "import", str(tmp / "list.csv"), "--name", "X", "--mapping",
                 str(tmp / "mapping.json"))
    assert again.returncode == 4 and again.stderr.decode().count("\n") == 1
    assert "already imported" in again.stderr.decode()


def test_statistics_say_who_we_and_the_list_recorded_and_never_count_the_list_as_ours(imported):
    tmp, truth, pf, _ = imported
    done = _run(tmp, pf, "stats", "--json")
    assert done.returncode == 0, done.stderr.decode()
    figures = json.loads(done.stdout)
    ours = {name for name, seen in truth.items() if seen - {"X"}}
    in_list = {name for name, seen in truth.items() if "X" in seen}
    assert figures["victims"]["unique"] == len(ours)  # the list adds no victim of ours
    assert figures["victims"]["records"] == sum(len(seen - {"X"}) for seen in truth.values())
    (source,) = figures["sources"]
    assert source["source"] == "X" and source["records"] == len(in_list)
    assert source["unique_victims"] == len(in_list)
    assert source["also_recorded_by_us"] == len(in_list & ours)
    assert source["only_in_source"] == len(in_list - ours) >= 1
    ch = figures["capture_histories"]
    assert ch["sources"] == ["X"] and len(ch["documenters"]) == 2
    assert sum(ch["patterns"].values()) == len(truth)
    assert ch["patterns"].get("001") == len(in_list - ours)
    text = _run(tmp, pf, "stats").stdout.decode()
    assert "External lists" in text and "also recorded by us" in text and "source:X" in text


def test_estimation_takes_the_list_as_a_list_and_its_table_is_the_truth(imported):
    tmp, truth, pf, _ = imported
    table = tmp / "histories.csv"
    done = _run(tmp, pf, "estimate", "--list", "A=documenter A", "--list", "B=documenter B", "--list", "X=source:X",
                "--json", "--table-out", str(table))
    assert done.returncode == 0, done.stderr.decode()
    report = json.loads(done.stdout)
    assert report["lists"] == ["A", "B", "X"] and report["documented"] == len(truth)
    rows = list(csv.DictReader(table.open(encoding="utf-8")))
    found = Counter(tuple(r[x] for x in "ABX") for r in rows)
    expected = Counter(tuple("1" if w in seen else "0" for w in ("documenter A", "documenter B", "X"))
                       for seen in truth.values())
    assert found == expected
    # By default a list is a documenter; an imported list joins only when named.
    default = _run(tmp, pf, "estimate", "--json")
    assert default.returncode == 1 and "2 given" in default.stderr.decode()


def test_partner_exports_never_carry_the_list(imported):
    tmp, truth, pf, _ = imported
    for fmt, out in (("json", tmp / "partners.json"), ("xlsx", tmp / "partners.xlsx"), ("csv", tmp / "partners"),
                     ("uwazi", tmp / "partners.zip")):
        done = _run(tmp, pf, "report", "--format", fmt, "--purpose", "partners", "--out", str(out))
        assert done.returncode == 0, done.stderr.decode()
    document = json.loads((tmp / "partners.json").read_text(encoding="utf-8"))
    ours = sum(len(seen - {"X"}) for seen in truth.values())
    assert len(document["victims"]) == ours
    assert not any(v["case_id"].startswith("source:") or v["unique_victim"].startswith("source:")
                   for v in document["victims"])
    for path in [tmp / "partners.json", tmp / "partners.xlsx", tmp / "partners.zip",
                 *sorted((tmp / "partners").iterdir())]:
        for data in _contents(path):
            assert b"CANARYLIST" not in data and b"source:X" not in data, path


def _contents(path) -> list[bytes]:
    """A file's bytes, or each member's when it is a ZIP (XLSX, Uwazi): compressed bytes hide text."""
    import zipfile

    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as package:
            return [package.read(name) for name in package.namelist()]
    return [path.read_bytes()]


def test_the_capture_history_export_has_the_list_as_a_column_and_no_names(imported):
    tmp, truth, pf, _ = imported
    out = tmp / "histories.csv"
    done = _run(tmp, pf, "report", "--format", "capture-histories", "--purpose", "publication", "--out", str(out))
    assert done.returncode == 0, done.stderr.decode()
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert list(rows[0]) == ["documenter A", "documenter B", "source:X", "governorate", "period", "sex", "age_group"]
    found = Counter(tuple(r[c] for c in ("documenter A", "documenter B", "source:X")) for r in rows)
    expected = Counter(tuple("1" if w in seen else "0" for w in ("documenter A", "documenter B", "X"))
                       for seen in truth.values())
    assert found == expected
    assert "CANARYLIST" not in out.read_text(encoding="utf-8")


def test_a_documenter_cannot_import_a_list_so_no_bundle_can_carry_one(tmp_path, passphrase_file, world):
    tmp, _ = world
    make_vault(tmp_path / "doc", name="d").lock()
    done = run_tawthiq("--vault", str(tmp_path / "doc"), "--passphrase-file", str(passphrase_file), "source",
                       "import", str(tmp / "list.csv"), "--name", "X", "--mapping", str(tmp / "mapping.json"))
    assert done.returncode == 1
    assert done.stderr.decode().strip() == "tawthiq: external lists are imported on a coordinator's vault"


def test_remove_takes_the_whole_list_away(world, passphrase_file, tmp_path):
    tmp, truth = world
    # A copy of the coordinator, so the module's other tests keep their list.
    import shutil

    shutil.copytree(tmp / "coordinator", tmp_path / "coordinator")
    copy = tmp_path
    shutil.copy(tmp / "list.csv", copy / "list.csv")
    done = _run(copy, passphrase_file, "source", "import", str(copy / "list.csv"), "--name", "Y", "--mapping",
                str(tmp / "mapping.json"))
    assert done.returncode == 0, done.stderr.decode()
    done = _run(copy, passphrase_file, "source", "remove", "Y")
    assert done.returncode == 0 and "removed source Y" in done.stdout.decode()
    figures = json.loads(_run(copy, passphrase_file, "stats", "--json").stdout)
    assert [s["source"] for s in figures["sources"]] == ["X"]  # the module's own list stays
    assert figures["capture_histories"]["sources"] == ["X"]
    assert _run(copy, passphrase_file, "source", "remove", "Y").returncode == 1


def test_a_pair_with_a_list_record_can_be_reviewed(imported):
    """A person decides on a pair with a list's row as on any other: its record is found by its reference."""
    from app.services.analysis.linkage import service
    from storage.vault import Vault
    from tests.conftest import PASSPHRASE

    tmp, *_ = imported
    vault = Vault.unlock(tmp / "coordinator", PASSPHRASE)
    try:
        conn = vault.connection()
        left, right = conn.execute(
            "SELECT left_ref, right_ref FROM linkage_pairs WHERE left_ref LIKE 'source:%' "
            "OR right_ref LIKE 'source:%' LIMIT 1").fetchone()
        found = service._records_of(conn, [left, right])
        assert set(found) == {left, right}
        source_side = found[left if left.startswith("source:") else right]
        assert source_side.documenters == ("source:X",) and source_side.display["name_ar"]
        pid = service.pair_id(left, right)
        assert service.decide(vault, pid, "accept") == {"pair_id": pid, "decision": "accept"}
    finally:
        vault.lock()
