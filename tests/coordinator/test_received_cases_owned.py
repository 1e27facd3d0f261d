"""A received case belongs to its documenter (issue 14 item 8).

A coordinator once could `case add` a file carrying a received case's id: it became a local draft
version 2, the documenter's real version 2 was then refused ("differs from the one received
earlier") and so was every later bundle from them. Local work on a coordinator is a new case of
its own; the documenter's versions are never edited there.
"""

from __future__ import annotations

import json

import pytest

from app.services.exchange import export, imports
from app.services.intake import cases
from tests.bundle_support import add_case, content_digest, enroll, make_vault


@pytest.fixture
def received(tmp_path):
    coordinator = make_vault(tmp_path / "coord", role="coordinator", name="coord")
    documenter = make_vault(tmp_path / "doc", name="doc")
    enroll(coordinator, documenter)
    case_id = add_case(documenter, "received")
    export.export_bundle(documenter, tmp_path / "1.tawthiq")
    assert imports.import_bundles(coordinator, [tmp_path / "1.tawthiq"])[0].status == "imported"
    yield documenter, coordinator, case_id, tmp_path
    documenter.lock()
    coordinator.lock()


def _edited(vault, case_id: str, title: str) -> dict:
    body = cases.get_case(vault, case_id)
    body.pop("_meta")
    body["title"] = title
    return body


def test_a_coordinator_cannot_make_a_version_of_a_received_case(received):
    documenter, coordinator, case_id, tmp = received
    before = content_digest(coordinator)
    for attempt in (lambda: cases.save_case(coordinator, _edited(coordinator, case_id, "local")),
                    lambda: cases.save_case(coordinator, _edited(coordinator, case_id, "local"), case_id)):
        with pytest.raises(cases.CaseReceived, match="belongs to the documenter"):
            attempt()
    (tmp / "note.txt").write_bytes(b"coordinator's note")
    with pytest.raises(cases.CaseReceived):
        cases.attach_file(coordinator, case_id, tmp / "note.txt")
    assert content_digest(coordinator) == before

    # The documenter's own version 2 still arrives, and so do later bundles.
    cases.save_case(documenter, _edited(documenter, case_id, "corrected by the documenter"), case_id)
    export.export_bundle(documenter, tmp / "2.tawthiq")
    add_case(documenter, "later")
    export.export_bundle(documenter, tmp / "3.tawthiq")
    reports = imports.import_bundles(coordinator, [tmp / "2.tawthiq", tmp / "3.tawthiq"])
    assert [r.status for r in reports] == ["imported", "imported"], [getattr(r, "error", None) for r in reports]
    shown = cases.get_case(coordinator, case_id)
    assert shown["title"] == "corrected by the documenter" and shown["_meta"]["current_version"] == 2


def test_case_add_of_a_received_id_is_one_clear_line(received, tawthiq, passphrase_file):
    _documenter, coordinator, case_id, tmp = received
    body = _edited(coordinator, case_id, "local")
    (tmp / "c.json").write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    coordinator.lock()
    r = tawthiq("--vault", str(coordinator.path), "--passphrase-file", str(passphrase_file),
                "case", "add", str(tmp / "c.json"))
    assert r.returncode == 1
    [line] = r.stderr.decode().strip().splitlines()
    assert "belongs to the documenter" in line and "new case" in line
