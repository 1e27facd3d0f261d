"""`tawthiq witness …` and `tawthiq custodian …` through the real command, in child processes."""

from __future__ import annotations

import json
import subprocess

import pytest

from app.services.custody import custodian
from app.services.exchange import witness_records
from app.services.intake import witnesses
from storage import audit
from storage.database import transaction
from storage.vault import Vault
from tests.conftest import PASSPHRASE, snapshot
from tests.witness_support import CANARY_LATIN, canary_witness

CUSTODIAN_PASSPHRASE = "the keeper of names walks at dawn 77"


@pytest.fixture
def setup(tmp_path, passphrase_file, tawthiq):
    doc, coord = tmp_path / "doc", tmp_path / "coord"
    run_doc = lambda *a, **kw: tawthiq("--vault", str(doc), "--passphrase-file", str(passphrase_file), *a, **kw)  # noqa: E731
    run_coord = lambda *a, **kw: tawthiq("--vault", str(coord), "--passphrase-file", str(passphrase_file), *a, **kw)  # noqa: E731
    assert run_doc("init", "--name", "doc").returncode == 0
    assert run_coord("init", "--role", "coordinator").returncode == 0
    (tmp_path / "custodian-pass.txt").write_text(CUSTODIAN_PASSPHRASE + "\n")
    (tmp_path / "w.json").write_text(json.dumps(canary_witness(), ensure_ascii=False), encoding="utf-8")
    return tmp_path, run_doc, run_coord


def one_line(result) -> str:
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in lines[0], result.stderr
    return lines[0]


def test_documenter_register_reseal_and_custodian_reveal_and_link(setup):
    tmp, run_doc, run_coord = setup
    key_args = ["--custodian-key", str(tmp / "custodian.key"),
                "--custodian-passphrase-file", str(tmp / "custodian-pass.txt")]
    r = run_doc("witness", "add", str(tmp / "w.json"))
    assert r.returncode == 0, r.stderr
    code = r.stdout.decode().strip()
    assert witnesses.is_code(code) and "witness reseal" in r.stderr.decode()
    listed = json.loads(run_doc("witness", "list", "--json").stdout)
    assert [w["code"] for w in listed] == [code] and listed[0]["sealed_to"] == "vault"
    assert CANARY_LATIN not in run_doc("witness", "show", code).stdout.decode()
    assert one_line(run_doc("witness", "reseal")).startswith("tawthiq: no custodian recipient yet")

    r = run_coord("custodian", "init", "--out", str(tmp / "custodian.key"), "--name", "protection officer",
                  "--custodian-passphrase-file", str(tmp / "custodian-pass.txt"))
    assert r.returncode == 0, r.stderr
    recipient = r.stdout.decode().strip()
    assert recipient.startswith("age1") and recipient == custodian.read_recipient(tmp / "custodian.key")
    with Vault.unlock(tmp / "doc", PASSPHRASE) as doc:  # what `profile import` writes
        doc.set_setting(witnesses.CUSTODIAN_SETTING, recipient)
    r = run_doc("witness", "reseal")
    assert r.returncode == 0 and "resealed 1" in r.stdout.decode()
    assert run_doc("witness", "consent", code, "--withdraw", "--on", "2026-11-24").stdout.decode().strip() == \
        "withdrawn 2026-11-24"

    with Vault.unlock(tmp / "doc", PASSPHRASE) as doc, Vault.unlock(tmp / "coord", PASSPHRASE) as coord:
        conn = coord.connection()
        with transaction(conn):
            for record in witness_records.bundle_records(doc):
                witness_records.apply_bundle_record(conn, record, {
                    "documenter": "aa11", "bundle_id": "b1", "sequence": 1, "received_at": audit.now_iso()})

    r = run_coord("custodian", "reveal", code.lower(), "--reason", "court summons", *key_args, "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["name_latin"] == CANARY_LATIN
    history = json.loads(run_coord("custodian", "reveals", "--json").stdout)
    assert [(h["pseudonym"], h["why"]) for h in history] == [(code, "court summons")]
    assert "protection officer" in history[0]["who"]

    (tmp / "bad-pass.txt").write_text("not the custodian passphrase 42\n")
    before = snapshot(tmp / "coord")
    r = run_coord("custodian", "reveal", code, "--reason", "x", "--custodian-key", str(tmp / "custodian.key"),
                  "--custodian-passphrase-file", str(tmp / "bad-pass.txt"))
    assert r.returncode == 3 and "custodian" in one_line(r)
    assert run_coord("custodian", "reveal", code, *key_args).returncode == 2  # --reason is required
    assert snapshot(tmp / "coord") == before

    r = run_coord("custodian", "link", *key_args, "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["opened"] == 1
    assert json.loads(run_coord("witness", "links", "--json").stdout) == {"links": [], "clusters": []}


@pytest.mark.parametrize("content, message", [
    (b"{not json", "not valid JSON"),
    (json.dumps({"risk": "extreme"}).encode(), "risk"),
    (json.dumps({"identity": {"passport": CANARY_LATIN}}).encode(), "unknown field"),
])
def test_bad_witness_file_one_line_nothing_changed(setup, content, message):
    tmp, run_doc, _ = setup
    (tmp / "bad.json").write_bytes(content)
    before = snapshot(tmp / "doc")
    r = run_doc("witness", "add", str(tmp / "bad.json"))
    line = one_line(r)
    assert r.returncode == 1 and message in line and CANARY_LATIN not in line
    assert snapshot(tmp / "doc") == before


def test_unknown_pseudonym_and_reveal_without_local_copy(setup):
    tmp, run_doc, _ = setup
    code = run_doc("witness", "add", str(tmp / "w.json")).stdout.decode().strip()
    assert one_line(run_doc("witness", "show", "W-0000-0000")) == "tawthiq: no witness with that pseudonym"
    r = run_doc("witness", "show", code, "--reveal", "--reason", "visit")
    assert r.returncode == 1 and "no readable copy" in one_line(r)
    assert run_doc("witness", "consent", code).returncode == 2


@pytest.mark.interop
def test_the_real_age_program_opens_a_bundled_identity_with_the_custodian_identity(tmp_path, vault):
    key = custodian.create_key(tmp_path / "c.key", CUSTODIAN_PASSPHRASE)
    vault.set_setting(witnesses.CUSTODIAN_SETTING, key.recipient)
    witnesses.add_witness(vault, canary_witness())
    import base64

    sealed = base64.b64decode(witness_records.bundle_records(vault)[0]["sealed_identity"]["age"])
    (tmp_path / "identity.age").write_bytes(sealed)
    (tmp_path / "custodian.txt").write_text(key.age_identity + "\n")  # test only: the unwrapped key
    out = subprocess.run(["age", "-d", "-i", str(tmp_path / "custodian.txt"), str(tmp_path / "identity.age")],
                         capture_output=True, check=True).stdout
    assert json.loads(out)["name_latin"] == CANARY_LATIN
    wrong = subprocess.run(["age", "-d", "-i", "/dev/stdin", str(tmp_path / "identity.age")],
                           input=vault.keys.age_identity.encode(), capture_output=True)
    assert wrong.returncode != 0
