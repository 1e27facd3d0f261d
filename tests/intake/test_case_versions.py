"""Earlier versions of a case through the services and the command line: read one, list changes.

Real vault: the kidnapping example is saved and sealed (version 1), then edited (version 2).
"""

from __future__ import annotations

import copy
import json

import pytest

from app.services.intake import case_versions, cases
from app.services.intake.cases import CaseNotFound
from forms.definitions import load_form
from storage import audit
from tests.forms_support import example


def _seal_then_edit(vault) -> tuple[str, dict, dict]:
    v1 = example("kidnapping")
    case_id, _ = cases.save_case(vault, v1)
    cases.seal_case(vault, case_id)
    v2 = copy.deepcopy(v1)
    v2["title"] = "Young man abducted in al-Zahra, released after four days"
    v2["victims"][0]["age"] = 25
    v2["victims"].append({"name_ar": "خالد حسن العلي", "sex": "male", "act": "abduction", "fate": "missing"})
    v2["date"]["start"] = "2025-02-05"
    cases.save_case(vault, v2, case_id)
    return case_id, v1, v2


def test_an_earlier_version_reads_back_as_sealed_with_when(vault):
    case_id, v1, v2 = _seal_then_edit(vault)
    body = case_versions.read_version(vault, case_id, 1)
    meta = body.pop("_meta")
    assert body["title"] == v1["title"] and body["victims"] == v1["victims"]
    assert meta["status"] == "sealed" and meta["version"] == 1 and meta["current_version"] == 2
    [seal] = [e for e in audit.entries(vault.connection()) if e["action"] == "case.seal"]
    assert case_versions.sealed_at(vault, case_id, 1) == seal["at"]
    assert case_versions.sealed_at(vault, case_id, 2) is None
    assert [(r["version"], r["status"], r["sealed_at"]) for r in case_versions.versions(vault, case_id)] == [
        (1, "sealed", seal["at"]), (2, "draft", None)]


def test_reading_versions_changes_nothing(vault):
    case_id, _v1, _v2 = _seal_then_edit(vault)
    conn = vault.connection()
    before = (audit.entries(conn), cases.case_history(vault, case_id))
    case_versions.read_version(vault, case_id, 1)
    case_versions.sealed_at(vault, case_id, 1)
    case_versions.compare_versions(vault, case_id, 1)
    assert (audit.entries(conn), cases.case_history(vault, case_id)) == before


@pytest.mark.parametrize("version", [0, -1, 3, 99])
def test_a_version_that_does_not_exist_is_one_clear_error(vault, version):
    case_id, _v1, _v2 = _seal_then_edit(vault)
    with pytest.raises(CaseNotFound, match="no such version"):
        case_versions.read_version(vault, case_id, version)
    with pytest.raises(CaseNotFound):
        cases.get_case(vault, case_id, version)  # 0 used to fall back to the current version


def test_changes_are_listed_field_by_field_in_the_forms_order(vault):
    case_id, v1, v2 = _seal_then_edit(vault)
    changes = case_versions.compare_versions(vault, case_id, 1)
    assert [(c.path, c.old, c.new) for c in changes] == [
        ("title", v1["title"], v2["title"]),
        ("date", v1["date"], v2["date"]),  # a date range is one value, not one per part
        ("victims[0].age", 24, 25),
        ("victims[1]", None, v2["victims"][1]),  # an entry added: one change with the whole entry
    ]
    # The trail names the fields from the case down, with the entry of a repeatable group.
    victims_age = changes[2]
    assert [(f.id, i) for f, i in victims_age.trail] == [("victims", 0), ("age", None)]
    # Against an explicit version, and the other way round.
    assert case_versions.compare_versions(vault, case_id, 1, 2) == changes
    back = case_versions.compare_versions(vault, case_id, 2, 1)
    assert [(c.path, c.old, c.new) for c in back][-1] == ("victims[1]", v2["victims"][1], None)
    assert case_versions.compare_versions(vault, case_id, 2) == []


def test_keys_the_form_does_not_know_are_still_compared():
    definition = load_form("kidnapping", 2)
    old = {"form": "kidnapping", "form_version": 2, "title": "A", "x_local_ref": "K-17"}
    new = {"form": "kidnapping", "form_version": 2, "title": "A", "x_local_ref": "K-18", "id": "ignored"}
    [change] = case_versions.changed_fields(old, new, definition)
    assert (change.path, change.old, change.new) == ("x_local_ref", "K-17", "K-18")
    assert change.trail == ((None, None),)
    # Without a definition every key is one value.
    assert [c.path for c in case_versions.changed_fields({"a": {"b": 1}}, {"a": {"b": 2}})] == ["a"]


def test_cli_show_version_and_diff(tawthiq, vault, passphrase_file):
    case_id, v1, v2 = _seal_then_edit(vault)
    vault.lock()
    common = ("--vault", str(vault.path), "--passphrase-file", str(passphrase_file), "case")
    shown = tawthiq(*common, "show", case_id, "--version", "1")
    assert shown.returncode == 0, shown.stderr
    text = shown.stdout.decode()
    assert text.startswith(v1["title"] + "\n") and "version 1 of 2 (sealed, sealed 20" in text
    as_json = json.loads(tawthiq(*common, "show", case_id, "--version", "1", "--json").stdout)
    assert as_json["title"] == v1["title"] and as_json["_meta"]["status"] == "sealed"

    diff = tawthiq(*common, "diff", case_id, "1", "--json")
    assert diff.returncode == 0, diff.stderr
    assert [c["path"] for c in json.loads(diff.stdout)] == ["title", "date", "victims[0].age", "victims[1]"]
    lines = tawthiq(*common, "diff", case_id, "1").stdout.decode().splitlines()
    assert lines[0] == "\t".join(["title", json.dumps(v1["title"]), json.dumps(v2["title"])])
    assert tawthiq(*common, "diff", case_id, "2").stdout == b""

    for bad in (("show", case_id, "--version", "0"), ("diff", case_id, "7"), ("diff", case_id, "1", "--to", "9")):
        result = tawthiq(*common, *bad)
        assert result.returncode == 1
        assert result.stderr.decode().strip() == "tawthiq: no such version of that case"
