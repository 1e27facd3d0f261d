"""Export: incremental, atomic, sealed; stock tools read the result; acknowledgements narrow it."""

from __future__ import annotations

import json
import subprocess

import pytest

from app.services.exchange import acks, bundle_cases, export, imports, organisation_profile, trust_list
from app.services.intake import cases
from app.services.vault import keys
from storage import signed_file
from storage.bundle import reader
from storage.database import transaction
from storage.errors import BundleRejected, TawthiqError
from tests.bundle_support import add_case, enroll, make_vault


@pytest.fixture
def pair(tmp_path):
    coordinator = make_vault(tmp_path / "coord", role="coordinator", name="coord")
    documenter = make_vault(tmp_path / "doc", name="doc")
    enroll(coordinator, documenter)
    yield documenter, coordinator
    documenter.lock()
    coordinator.lock()


def _read(path, coordinator):
    with open(path, "rb") as fh:
        return reader.read_bundle(fh, [coordinator.age_identity],
                                  lambda kid: trust_list.trusted_key(coordinator, kid))


def _carried(verified) -> dict[str, list[int]]:
    out = {}
    for raw in verified.records.values():
        rec = json.loads(raw)
        out[rec["id"]] = [v["version"] for v in rec["versions"]]
    return out


def test_export_needs_a_profile(vault, tmp_path):
    add_case(vault)
    with pytest.raises(organisation_profile.NoProfile):
        export.export_bundle(vault, tmp_path / "b.tawthiq")
    assert not (tmp_path / "b.tawthiq").exists()


def test_export_seals_and_carries_cases_and_attachments(pair, tmp_path):
    documenter, coordinator = pair
    a = add_case(documenter, "one")
    b = add_case(documenter, "two")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8" + b"x" * 5000)
    cases.attach_file(documenter, a, tmp_path / "photo.jpg")
    result = export.export_bundle(documenter, tmp_path / "1.tawthiq")
    assert result.written and result.sequence == 1 and result.records == 2 and result.attachments == 1
    verified = _read(tmp_path / "1.tawthiq", coordinator)
    assert _carried(verified) == {a: [1], b: [1]}
    assert verified.manifest["previous_sha256"] is None
    assert verified.manifest["forms"] == {"kidnapping": 1}
    assert cases.get_case(documenter, a)["_meta"]["status"] == "sealed"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []


def test_nothing_changed_writes_nothing_and_all_rewrites(pair, tmp_path):
    documenter, _ = pair
    assert not export.export_bundle(documenter, tmp_path / "0.tawthiq").written  # empty vault
    add_case(documenter)
    assert export.export_bundle(documenter, tmp_path / "1.tawthiq").written
    again = export.export_bundle(documenter, tmp_path / "2.tawthiq")
    assert not again.written and "nothing changed" in again.message
    assert not (tmp_path / "2.tawthiq").exists()
    forced = export.export_bundle(documenter, tmp_path / "2.tawthiq", everything=True)
    assert forced.written and forced.sequence == 2


def test_after_ack_only_changes_travel(pair, tmp_path):
    documenter, coordinator = pair
    a = add_case(documenter, "one")
    b = add_case(documenter, "two")
    export.export_bundle(documenter, tmp_path / "1.tawthiq")
    [report] = imports.import_bundles(coordinator, [tmp_path / "1.tawthiq"])
    assert report.status == "imported"
    raw, summary = acks.export_ack(coordinator)
    assert summary["records"] == 2
    assert acks.import_ack(documenter, raw)["marked"] == 2
    assert acks.import_ack(documenter, raw)["already_imported"]
    assert acks.delivered_cases(documenter) == sorted([a, b])
    nothing = export.export_bundle(documenter, tmp_path / "x.tawthiq")
    assert not nothing.written and "coordinator has everything" in nothing.message
    body = cases.get_case(documenter, a)
    body.pop("_meta")
    body["narrative"] = "more detail"
    cases.save_case(documenter, body, a)  # version 2 (version 1 was sealed by the export)
    result = export.export_bundle(documenter, tmp_path / "2.tawthiq")
    verified = _read(tmp_path / "2.tawthiq", coordinator)
    assert _carried(verified) == {a: [2]}
    assert verified.manifest["previous_sha256"] == export.sent_bundles(documenter)[0]["sha256"]
    assert result.sequence == 2


def test_ack_for_another_documenter_or_from_another_coordinator_is_refused(pair, tmp_path):
    documenter, coordinator = pair
    other = make_vault(tmp_path / "other", name="other")
    enroll(coordinator, other)
    add_case(other)
    export.export_bundle(other, tmp_path / "o.tawthiq")
    imports.import_bundles(coordinator, [tmp_path / "o.tawthiq"])
    raw, _ = acks.export_ack(coordinator, keys.public_key(other).id_hex)
    with pytest.raises(TawthiqError, match="another documenter"):
        acks.import_ack(documenter, raw)
    # An acknowledgement signed by a coordinator this documenter never imported a profile from.
    stranger = make_vault(tmp_path / "stranger", role="coordinator")
    forged = signed_file.seal(acks.ACK, {"ack_id": "x", "documenter": keys.public_key(documenter).id_hex,
                                         "records": [], "signing_key": {}}, stranger.signing_key,
                              stranger.signing_key_id)
    with pytest.raises(BundleRejected):
        acks.import_ack(documenter, forged)
    other.lock()
    stranger.lock()


def test_interrupted_export_leaves_nothing(pair, tmp_path):
    documenter, _ = pair
    a = add_case(documenter)
    (tmp_path / "v.bin").write_bytes(b"v" * 200_000)
    att = cases.attach_file(documenter, a, tmp_path / "v.bin")
    blob, _ = cases.attachment_blob(documenter, att["id"])
    # Damage the stored attachment: the export fails half way through the tar stream.
    path = documenter.blobs.path_of(blob)
    data = bytearray(path.read_bytes())
    data[-100] ^= 1
    path.write_bytes(bytes(data))
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(TawthiqError):
        export.export_bundle(documenter, out / "b.tawthiq")
    assert list(out.iterdir()) == []
    assert export.sent_bundles(documenter) == []
    assert cases.get_case(documenter, a)["_meta"]["status"] == "draft"


def test_changed_while_exporting_is_refused(pair):
    documenter, _ = pair
    a = add_case(documenter)
    [record] = bundle_cases.collect(documenter, lambda key: True, False)
    body = cases.get_case(documenter, a)
    body.pop("_meta")
    body["title"] = "edited meanwhile"
    cases.save_case(documenter, body, a)  # the draft changes under the same version number
    conn = documenter.connection()
    with pytest.raises(bundle_cases.ChangedDuringExport), transaction(conn):
        bundle_cases.mark_sent(conn, record)
    assert cases.get_case(documenter, a)["_meta"]["status"] == "draft"


@pytest.mark.interop
def test_cli_export_checked_by_stock_tools(tmp_path, passphrase_file, tawthiq):
    def run(d, *a):
        return tawthiq("--vault", str(d), "--passphrase-file", str(passphrase_file), *a)

    doc, coord = tmp_path / "doc", tmp_path / "coord"
    assert run(doc, "init").returncode == 0 and run(coord, "init", "--role", "coordinator").returncode == 0
    assert run(coord, "profile", "export", "--out", str(tmp_path / "p")).returncode == 0
    fp = json.loads(run(coord, "keys", "--json").stdout)["fingerprint"]
    assert run(doc, "profile", "import", str(tmp_path / "p"), "--fingerprint", fp).returncode == 0
    (tmp_path / "c.json").write_text(json.dumps({"form": "killing", "title": "قتل"}, ensure_ascii=False))
    case_id = run(doc, "case", "add", str(tmp_path / "c.json")).stdout.decode().strip()
    (tmp_path / "a.bin").write_bytes(b"evidence" * 1000)
    assert run(doc, "case", "attach", case_id, str(tmp_path / "a.bin")).returncode == 0
    r = run(doc, "export", "--out", str(tmp_path / "b.tawthiq"))
    assert r.returncode == 0, r.stderr
    r = run(doc, "export", "--out", str(tmp_path / "again.tawthiq"))
    assert r.returncode == 0 and b"nothing changed" in r.stdout and not (tmp_path / "again.tawthiq").exists()
    # The coordinator's secret age identity, written on purpose by the command the docs give for this check.
    r = run(coord, "keys", "export-age-identity", "--out", str(tmp_path / "coordinator.key"))
    assert r.returncode == 0, r.stderr
    assert run(doc, "keys", "--minisign-out", str(tmp_path / "documenter.pub")).returncode == 0
    out = tmp_path / "out"
    out.mkdir()
    plain = subprocess.run(["age", "-d", "-i", str(tmp_path / "coordinator.key"), str(tmp_path / "b.tawthiq")],
                           check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(out)], input=plain, check=True)
    subprocess.run(["minisign", "-Vm", "SHA256SUMS", "-p", str(tmp_path / "documenter.pub")], cwd=out, check=True,
                   capture_output=True)
    assert subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=out, capture_output=True).returncode == 0
    record = json.loads((out / "records" / f"{case_id}.json").read_text())
    assert record["versions"][0]["body"]["title"] == "قتل"


def test_purge_delivered_only_removes_what_was_acknowledged(pair, tmp_path, passphrase_file, tawthiq):
    documenter, coordinator = pair
    a = add_case(documenter, "delivered")
    (tmp_path / "att.bin").write_bytes(b"a" * 3000)
    cases.attach_file(documenter, a, tmp_path / "att.bin")
    export.export_bundle(documenter, tmp_path / "1.tawthiq")
    b = add_case(documenter, "written after the export")
    imports.import_bundles(coordinator, [tmp_path / "1.tawthiq"])
    raw, _ = acks.export_ack(coordinator)
    (tmp_path / "ack").write_bytes(raw)
    documenter.lock()
    run = lambda *x: tawthiq("--vault", str(tmp_path / "doc"), "--passphrase-file", str(passphrase_file), *x)  # noqa: E731
    r = run("ack", "import", str(tmp_path / "ack"))
    assert r.returncode == 0 and b"1 record version" not in r.stdout  # one case version + one attachment
    r = run("ack", "purge")
    assert r.returncode == 2  # no terminal, no --yes: refused
    r = run("ack", "purge", "--yes")
    assert r.returncode == 0 and b"1 delivered case(s) purged" in r.stdout, r.stderr
    listed = json.loads(run("case", "list", "--json").stdout)
    assert [c["id"] for c in listed] == [b]
    from storage.vault import Vault
    from tests.conftest import PASSPHRASE
    v = Vault.unlock(tmp_path / "doc", PASSPHRASE)
    assert list(v.blobs.folder.iterdir()) == []
    # The purged case is not exported again; the new one is.
    result = export.export_bundle(v, tmp_path / "2.tawthiq")
    assert result.records == 1
    assert a not in _carried(_read(tmp_path / "2.tawthiq", coordinator))
    v.lock()
