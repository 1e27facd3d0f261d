"""Import on a coordinator: one transaction, idempotent, order-independent, forks and gaps named,
and a rejected bundle leaves the vault's content exactly as it was."""

from __future__ import annotations

import hashlib
import io
import json
import shutil

import pytest

from app.services.exchange import export, imports, trust_list
from app.services.intake import cases
from app.services.intake.cases import canonical_json
from app.services.vault import keys
from storage.bundle import layout, writer
from storage.vault import Vault
from tests.bundle_support import add_case, content_digest, enroll, make_vault
from tests.conftest import PASSPHRASE


@pytest.fixture
def setup(tmp_path):
    coordinator = make_vault(tmp_path / "coord", role="coordinator", name="coord")
    documenter = make_vault(tmp_path / "doc", name="doc")
    enroll(coordinator, documenter)
    yield documenter, coordinator, tmp_path
    documenter.lock()
    coordinator.lock()


def _two_bundles(documenter, tmp_path):
    a = add_case(documenter, "first", governorate="Idlib")
    (tmp_path / "p.jpg").write_bytes(b"\xff\xd8" + bytes(range(256)) * 300)
    cases.attach_file(documenter, a, tmp_path / "p.jpg")
    export.export_bundle(documenter, tmp_path / "1.tawthiq")
    body = cases.get_case(documenter, a)
    body.pop("_meta")
    body["title"] = "first, corrected"
    cases.save_case(documenter, body, a)
    add_case(documenter, "second")
    export.export_bundle(documenter, tmp_path / "2.tawthiq")
    return a


def test_import_applies_versions_provenance_and_attachments(setup):
    documenter, coordinator, tmp = setup
    a = _two_bundles(documenter, tmp)
    reports = imports.import_bundles(coordinator, [tmp / "1.tawthiq", tmp / "2.tawthiq"])
    assert [r.status for r in reports] == ["imported", "imported"]
    assert [r.gaps for r in reports] == [[], []]
    shown = cases.get_case(coordinator, a)
    assert shown["title"] == "first, corrected" and shown["_meta"]["current_version"] == 2
    assert [h["version"] for h in cases.case_history(coordinator, a)] == [1, 2]
    prov = coordinator.connection().execute(
        "SELECT version, documenter, sequence FROM case_provenance WHERE case_id = ? ORDER BY version", (a,)
    ).fetchall()
    me = keys.public_key(documenter).id_hex
    assert prov == [(1, me, 1), (2, me, 2)]
    [att] = shown["_meta"]["attachments"]
    assert cases.read_attachment(coordinator, att["id"]) == (tmp / "p.jpg").read_bytes()
    assert [c.id for c in cases.search(coordinator, "corrected")] == [a]


def test_import_twice_changes_nothing(setup):
    documenter, coordinator, tmp = setup
    _two_bundles(documenter, tmp)
    imports.import_bundles(coordinator, [tmp / "1.tawthiq", tmp / "2.tawthiq"])
    before = content_digest(coordinator)
    reports = imports.import_bundles(coordinator, [tmp / "2.tawthiq", tmp / "1.tawthiq"])
    assert [r.status for r in reports] == ["already imported", "already imported"]
    assert content_digest(coordinator) == before


def test_out_of_order_gives_the_same_result_and_names_the_gap(setup):
    documenter, coordinator, tmp = setup
    _two_bundles(documenter, tmp)
    # Two copies of the same coordinator vault (same identity, same trust), fed in different orders.
    coordinator.lock()
    shutil.copytree(tmp / "coord", tmp / "coord2")
    first = Vault.unlock(tmp / "coord", PASSPHRASE)
    second = Vault.unlock(tmp / "coord2", PASSPHRASE)
    in_order = imports.import_bundles(first, [tmp / "1.tawthiq", tmp / "2.tawthiq"])
    [late] = imports.import_bundles(second, [tmp / "2.tawthiq"])
    assert late.gaps == [(1, 1)]
    imports.import_bundles(second, [tmp / "1.tawthiq"])
    assert [r.status for r in in_order] == ["imported", "imported"]
    a, b = content_digest(first, ignore_received_at=True), content_digest(second, ignore_received_at=True)
    a.pop("blobs"), b.pop("blobs")  # random file names; their content is checked by hash on read
    assert a == b
    first.lock()
    second.lock()


def test_fork_alarm_applies_nothing(setup):
    documenter, coordinator, tmp = setup
    add_case(documenter, "shared history")
    documenter.lock()
    shutil.copytree(tmp / "doc", tmp / "doc-restored")  # e.g. a laptop restored from a backup
    original = Vault.unlock(tmp / "doc", PASSPHRASE)
    restored = Vault.unlock(tmp / "doc-restored", PASSPHRASE)
    add_case(original, "only in the original")
    export.export_bundle(original, tmp / "a1.tawthiq")
    add_case(restored, "only in the restored copy")
    export.export_bundle(restored, tmp / "b1.tawthiq")
    [ok] = imports.import_bundles(coordinator, [tmp / "a1.tawthiq"])
    assert ok.status == "imported"
    before = content_digest(coordinator)
    [fork] = imports.import_bundles(coordinator, [tmp / "b1.tawthiq"])
    assert fork.status == "rejected" and "FORK" in fork.error and fork.exit_code == 4
    assert content_digest(coordinator) == before
    original.lock()
    restored.lock()


def _rejected_unchanged(coordinator, path):
    before = content_digest(coordinator)
    [report] = imports.import_bundles(coordinator, [path])
    assert report.status == "rejected" and report.exit_code == 4
    assert content_digest(coordinator) == before
    return report.error


def test_tampered_untrusted_and_revoked_leave_the_vault_unchanged(setup):
    documenter, coordinator, tmp = setup
    _two_bundles(documenter, tmp)
    imports.import_bundles(coordinator, [tmp / "1.tawthiq"])
    data = (tmp / "2.tawthiq").read_bytes()
    for pos in (10, 200, len(data) // 2, len(data) - 5):
        b = bytearray(data)
        b[pos] ^= 0x40
        (tmp / "bad.tawthiq").write_bytes(bytes(b))
        _rejected_unchanged(coordinator, tmp / "bad.tawthiq")
    (tmp / "cut.tawthiq").write_bytes(data[:-1000])
    _rejected_unchanged(coordinator, tmp / "cut.tawthiq")
    trust_list.revoke(coordinator, keys.public_key(documenter).id_hex)
    assert "does not trust" in _rejected_unchanged(coordinator, tmp / "2.tawthiq")


def test_attachment_streamed_then_rejected_is_deleted(setup):
    documenter, coordinator, tmp = setup
    a = add_case(documenter)
    (tmp / "big.bin").write_bytes(bytes(range(256)) * 4000)
    cases.attach_file(documenter, a, tmp / "big.bin")
    export.export_bundle(documenter, tmp / "1.tawthiq")
    data = bytearray((tmp / "1.tawthiq").read_bytes())
    data[-20] ^= 1  # after the attachment streamed into the blob store
    (tmp / "bad.tawthiq").write_bytes(bytes(data))
    _rejected_unchanged(coordinator, tmp / "bad.tawthiq")
    assert list(coordinator.blobs.folder.iterdir()) == []


def _signed_bundle(documenter, coordinator, record: dict, path):
    me = keys.public_key(documenter)
    raw = layout.manifest_bytes(record)
    manifest = {
        "format": layout.FORMAT, "version": layout.VERSION, "bundle_id": "b-1", "created_at": "2026-01-01",
        "sequence": 1, "previous_sha256": None, "sender": {"key_id": me.id_hex, "public_key": me.base64()},
        "recipients": [coordinator.age_recipient], "forms": {},
        "records": [{"path": f"records/{record['id']}.json", "kind": "case", "id": record["id"]}],
        "attachments": [],
    }
    buf = io.BytesIO()
    writer.write_bundle(buf, recipients=[coordinator.age_recipient], signing_key=documenter.signing_key,
                        key_id=documenter.signing_key_id, manifest=manifest,
                        records={f"records/{record['id']}.json": raw}, attachments=[])
    path.write_bytes(buf.getvalue())


C1, C2 = "0b5c3b9e-7a51-4f0e-9d0a-6a1e2c3d4f51", "0b5c3b9e-7a51-4f0e-9d0a-6a1e2c3d4f52"


@pytest.mark.parametrize("problem", ["no form", "wrong hash", "other id", "missing attachment", "id not a UUID"])
def test_signed_but_invalid_records_are_rejected(setup, problem):
    documenter, coordinator, tmp = setup
    body = {"id": "c1" if problem == "id not a UUID" else C1, "form": "kidnapping", "form_version": 1, "title": "t"}
    if problem == "no form":
        body.pop("form")
    if problem == "other id":
        body["id"] = C2
    sha = hashlib.sha256(canonical_json(body).encode()).hexdigest()
    if problem == "wrong hash":
        sha = "0" * 64
    record = {"kind": "case", "id": body["id"] if problem == "id not a UUID" else C1,
              "versions": [{"version": 1, "parent": None, "sha256": sha, "saved_at": "2026-01-01", "body": body}],
              "attachments": []}
    if problem == "missing attachment":
        record["attachments"] = [{"id": "a", "sha256": "1" * 64, "size": 3, "media_type": "x", "filename": "f"}]
    _signed_bundle(documenter, coordinator, record, tmp / "x.tawthiq")
    with pytest.raises(Exception) as info:
        imports.verify(coordinator, tmp / "x.tawthiq")
    assert getattr(info.value, "exit_code", None) == 4
    _rejected_unchanged(coordinator, tmp / "x.tawthiq")


def test_valid_hand_signed_record_is_accepted_as_a_control(setup):
    documenter, coordinator, tmp = setup
    body = {"id": C1, "form": "kidnapping", "form_version": 1, "title": "t"}
    sha = hashlib.sha256(canonical_json(body).encode()).hexdigest()
    record = {"kind": "case", "id": C1, "versions": [{"version": 1, "parent": None, "sha256": sha,
                                                         "saved_at": "2026-01-01", "body": body}]}
    _signed_bundle(documenter, coordinator, record, tmp / "x.tawthiq")
    assert imports.import_bundles(coordinator, [tmp / "x.tawthiq"])[0].status == "imported"


def test_a_case_id_of_another_documenter_is_refused(setup):
    documenter, coordinator, tmp = setup
    thief = make_vault(tmp / "thief", name="thief")
    enroll(coordinator, thief)
    a = add_case(documenter, "genuine")
    export.export_bundle(documenter, tmp / "d.tawthiq")
    imports.import_bundles(coordinator, [tmp / "d.tawthiq"])
    cases.save_case(thief, {"form": "kidnapping", "title": "overwrite attempt", "id": a}, a)
    export.export_bundle(thief, tmp / "t.tawthiq")
    assert "another source" in _rejected_unchanged(coordinator, tmp / "t.tawthiq")
    thief.lock()


def test_cli_verify_and_import_report(setup, passphrase_file, tawthiq):
    documenter, coordinator, tmp = setup
    _two_bundles(documenter, tmp)
    coordinator.lock()
    run = lambda *a: tawthiq("--vault", str(tmp / "coord"), "--passphrase-file", str(passphrase_file), *a)  # noqa: E731
    r = run("verify", str(tmp / "1.tawthiq"), "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["status"] == "verified"
    r = run("import", str(tmp / "2.tawthiq"))
    assert r.returncode == 0 and b"bundle(s) 1 not imported yet" in r.stderr
    bad = bytearray((tmp / "1.tawthiq").read_bytes())
    bad[300] ^= 1
    (tmp / "bad.tawthiq").write_bytes(bytes(bad))
    for cmd in ("verify", "import"):
        r = run(cmd, str(tmp / "bad.tawthiq"))
        assert r.returncode == 4
        lines = r.stderr.decode().strip().splitlines()
        assert len(lines) == 1 and "Traceback" not in lines[0]
    r = run("import", str(tmp / "1.tawthiq"), str(tmp / "bad.tawthiq"), "--json")
    assert r.returncode == 4
    assert [x["status"] for x in json.loads(r.stdout)] == ["imported", "rejected"]
    r = run("ack", "--out", str(tmp / "ack"))
    assert r.returncode == 0, r.stderr


def test_import_bundle_for_the_gui_reports_progress_and_raises_on_rejection(setup):
    documenter, coordinator, tmp = setup
    _two_bundles(documenter, tmp)
    from app.services.exchange.imports import import_bundle

    seen: list[tuple[int, int]] = []
    report = import_bundle(coordinator, tmp / "1.tawthiq", progress=lambda d, t: seen.append((d, t)))
    assert report.status == "imported" and report.records == 1
    size = (tmp / "1.tawthiq").stat().st_size
    assert seen and seen[-1] == (size, size)
    bad = bytearray((tmp / "2.tawthiq").read_bytes())
    bad[len(bad) // 2] ^= 1
    (tmp / "bad.tawthiq").write_bytes(bytes(bad))
    with pytest.raises(imports.BundleRejected):
        import_bundle(coordinator, tmp / "bad.tawthiq")


def test_no_plaintext_reaches_disk_on_export_or_import(setup):
    documenter, coordinator, tmp = setup
    canary = "CANARY-زيتون-7731"
    a = add_case(documenter, canary)
    src = tmp / "src" / "evidence.bin"
    src.parent.mkdir()
    src.write_bytes((canary.encode() + b"|") * 50_000)
    cases.attach_file(documenter, a, src)
    export.export_bundle(documenter, tmp / "out.tawthiq")
    assert imports.import_bundles(coordinator, [tmp / "out.tawthiq"])[0].status == "imported"
    assert cases.read_attachment(coordinator, cases.get_case(coordinator, a)["_meta"]["attachments"][0]["id"]) \
        == src.read_bytes()
    documenter.lock()
    coordinator.lock()
    needles = [canary.encode(), canary.encode("utf-16-le")]
    for path in tmp.rglob("*"):
        if path.is_file() and src.parent not in path.parents:
            data = path.read_bytes()
            assert not any(n in data for n in needles), path.name
