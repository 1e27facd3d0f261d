"""What a trusted documenter, or a stolen documenter key, can send a coordinator (issue 14 items 1-6).

Every bundle here is well-formed and signed by a documenter the coordinator really trusts, through
the real `tawthiq verify` and `tawthiq import` of a copy of one coordinator vault. Each hostile one
must exit 4 with one line from both commands and leave the vault byte-identical (a failed import
changes nothing, whatever the exception; verify makes every check import makes).
"""

from __future__ import annotations

import io
import json
import shutil

import pyrage
import pytest

from storage.bundle import reader
from storage.vault import Vault
from tests.bundle_support import Party, make_vault
from tests.conftest import PASSPHRASE, snapshot
from tests.hostile_corpus import (
    case_record,
    hostile_media_records,
    negative_size_tar,
    record_bytes,
    trusted_bundle,
    trusted_signer_corpus,
    trusted_signer_world,
)

NEW_CASE = "3f1c2b7e-1d2a-4c5b-8e9f-0a1b2c3d4e5f"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    root = tmp_path_factory.mktemp("trusted-signer")
    coordinator, sender, held = trusted_signer_world(root, lambda name, role: make_vault(root / name, role, name))
    coordinator.lock()
    corpus = trusted_signer_corpus(sender, held)
    return root, sender, held, corpus


@pytest.fixture
def coord(world, tmp_path, passphrase_file, tawthiq):
    """A fresh copy of the coordinator vault and a runner of the real CLI on it."""
    root = world[0]
    shutil.copytree(root / "coord", tmp_path / "coord")

    def run(*args):
        return tawthiq("--vault", str(tmp_path / "coord"), "--passphrase-file", str(passphrase_file), *args)

    return tmp_path / "coord", run


def _refused(coord, path) -> list[str]:
    folder, run = coord
    before = snapshot(folder)
    errors = []
    for command in ("verify", "import"):
        r = run(command, str(path))
        lines = r.stderr.decode().strip().splitlines()
        assert r.returncode == 4, (command, r.returncode, r.stdout[-400:], r.stderr[-800:])
        assert len(lines) == 1 and lines[0].startswith("tawthiq: ") and "Traceback" not in lines[0], lines
        assert snapshot(folder) == before, f"{command} changed the coordinator vault"
        errors.append(lines[0])
    return errors


# Each sample, and what its refusal must say: refused for its own flaw, not by an earlier check.
REASONS = {
    "sequence 2^62": "sequence is above",
    "sequence 2^63": "sequence is above",
    "attachment of another documenter named by hash, not carried": "attachment the bundle does not carry",
    "attachment id already held for other content": "attachment id this vault already holds",
    "one attachment id for two contents in one bundle": "or the bundle carries twice",
    "record with a NUL character": "NUL character",
    "record with a duplicate key": "key appears twice",
    "record with a lone surrogate": "lone surrogate",
    "member of negative size": "negative size",
    "sealed identity that is clear text behind an age header line": "not an age file",
    "sealed identity to a recipient other than the custodian": "not sealed to this organisation's custodian",
    "signed for another coordinator, encrypted to this one": "not addressed to this vault",
    "trusted comment naming another sequence": "trusted comment",
    "case id of another documenter": "belongs to another source",
    "witness pseudonym of another documenter": "belongs to another documenter",
    "different body under a version already held": "differs from the one received earlier",
    **{f"media: {name}": "malformed media record" for name in hostile_media_records()},
}


@pytest.mark.parametrize("name", sorted(REASONS))
def test_a_trusted_signers_hostile_bundle_is_refused_by_verify_and_import(world, coord, tmp_path, name):
    path = tmp_path / "hostile.tawthiq"
    path.write_bytes(world[3][name])
    for error in _refused(coord, path):
        assert REASONS[name] in error, error


def test_the_corpus_is_the_one_tested_here(world):
    """Every sample of the corpus (which the benchmark counts) is one of the cases above."""
    assert set(world[3]) == set(REASONS)


def test_a_huge_gap_is_reported_as_one_short_range(world, coord, tmp_path):
    """Bundle 10,000,000 after bundle 1: applied, and the warning names the range (not 88 MB)."""
    root, sender, held, _ = world
    folder, run = coord
    path = tmp_path / "far.tawthiq"
    path.write_bytes(trusted_bundle(sender, [held.recipient], {
        f"records/{NEW_CASE}.json": record_bytes(case_record(NEW_CASE))}, sequence=10**7))
    r = run("import", str(path), "--json")
    assert r.returncode == 0, r.stderr[-800:]
    [report] = json.loads(r.stdout)
    assert report["status"] == "imported" and report["gaps"] == [[2, 9_999_999]]
    assert len(r.stderr) < 300 and b"bundle(s) 2-9999999 not imported yet" in r.stderr, r.stderr[:300]


def test_a_refused_bundle_does_not_stop_the_next_one(world, coord, tmp_path):
    """`import A B`: A holds a lone surrogate (exit 4, one line), B is still applied."""
    root, sender, held, corpus = world
    folder, run = coord
    (tmp_path / "a.tawthiq").write_bytes(corpus["record with a lone surrogate"])
    (tmp_path / "b.tawthiq").write_bytes(trusted_bundle(sender, [held.recipient], {
        f"records/{NEW_CASE}.json": record_bytes(case_record(NEW_CASE))}, sequence=4))
    r = run("import", str(tmp_path / "a.tawthiq"), str(tmp_path / "b.tawthiq"))
    assert r.returncode == 4, r.stderr[-800:]
    assert b"REJECTED" in r.stdout and b"b.tawthiq: imported" in r.stdout
    assert b"1 of 2 bundle(s) rejected" in r.stderr and b"Traceback" not in r.stderr
    with Vault.unlock(folder, PASSPHRASE) as v:
        assert v.connection().execute("SELECT count(*) FROM cases WHERE id = ?", (NEW_CASE,)).fetchone()[0] == 1


def test_an_imported_bundle_encrypted_again_is_a_replay_not_a_fork(world, coord, tmp_path):
    """The same signed tar, decrypted and encrypted again: same signed contents, so a no-op."""
    root, _, held, _ = world
    folder, run = coord
    with Vault.unlock(folder, PASSPHRASE) as v:
        identity = v.age_identity
    plaintext = pyrage.decrypt((root / "homs-1.tawthiq").read_bytes(), [identity])
    again = tmp_path / "again.tawthiq"
    again.write_bytes(pyrage.encrypt(plaintext, [pyrage.x25519.Recipient.from_str(held.recipient)]))
    assert again.read_bytes() != (root / "homs-1.tawthiq").read_bytes()
    before = snapshot(folder)
    r = run("import", str(again))
    assert r.returncode == 0, r.stderr[-800:]
    assert b"already imported" in r.stdout and b"FORK" not in r.stdout + r.stderr
    with Vault.unlock(folder, PASSPHRASE) as v:
        rows = v.connection().execute("SELECT count(*) FROM bundles_received").fetchone()[0]
    assert rows == 2
    r = run("verify", str(again))
    assert r.returncode == 0, r.stderr[-800:]
    assert {k: b for k, b in snapshot(folder).items() if k.startswith("blobs")} == \
           {k: b for k, b in before.items() if k.startswith("blobs")}


def test_a_member_of_negative_size_is_refused_at_its_header():
    """GNU tar refuses a negative size field; the reader refuses it before reading the member (before,
    it read a negative count of bytes and failed later, on a hash, having lowered its running total)."""
    documenter, coordinator = Party(), Party()
    data = trusted_bundle(documenter, [coordinator.recipient], {
        f"records/{NEW_CASE}.json": record_bytes(case_record(NEW_CASE))}, tar=negative_size_tar)
    with pytest.raises(reader.BundleRejected) as info:
        reader.read_bundle(io.BytesIO(data), [coordinator.identity], coordinator.trusts(documenter))
    assert "negative size" in str(info.value)
