"""Backup → wipe → restore (issue 20 item 1): everything back, the bundle sequence continues at the
coordinator without a gap or fork, and a damaged, cut or extended backup is refused with one line.

Real parts throughout: SQLCipher vaults, age blobs, bundles exported by the documenter and imported
by a coordinator, the `tawthiq` command in a child process.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from app.services.exchange import export, imports
from app.services.intake import cases, witnesses
from app.services.recovery import backup
from app.services.vault import keys
from storage import audit, backup_file
from storage.errors import WrongPassphrase
from storage.vault import Vault
from tests.bundle_support import add_case, content_digest, enroll, make_vault
from tests.conftest import OTHER_PASSPHRASE, PASSPHRASE, run_tawthiq
from tests.witness_support import canary_witness


def _fill(documenter, tmp_path) -> str:
    """Cases (one with an attachment and a second version), a witness; returns the attached case."""
    first = add_case(documenter, "first", governorate="Idlib")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8" + os.urandom(300_000))
    cases.attach_file(documenter, first, tmp_path / "photo.jpg")
    (tmp_path / "video.bin").write_bytes(os.urandom(2_500_000))  # more than two stream chunks
    cases.attach_file(documenter, first, tmp_path / "video.bin")
    body = cases.get_case(documenter, first)
    body.pop("_meta")
    cases.save_case(documenter, dict(body, title="first, corrected"), first)
    add_case(documenter, "second", governorate="Homs")
    witnesses.add_witness(documenter, canary_witness())
    return first


def _state(vault: Vault) -> dict:
    conn = vault.connection()
    return {
        "content": content_digest(vault),
        "witnesses": sorted(repr(r) for r in conn.execute("SELECT * FROM witnesses").fetchall()),
        "audit": [(e["seq"], e["action"], e["hash"]) for e in audit.entries(conn)],
        "sent": export.sent_bundles(vault),
        "fingerprint": keys.describe(vault).fingerprint,
        "age_recipient": vault.age_recipient,
        "vault_id": vault.vault_id,
    }


@pytest.fixture
def enrolled(tmp_path):
    coordinator = make_vault(tmp_path / "coord", role="coordinator", name="coord")
    documenter = make_vault(tmp_path / "doc", name="doc")
    enroll(coordinator, documenter)
    yield documenter, coordinator
    documenter.lock()
    coordinator.lock()


def test_backup_wipe_restore_gives_everything_back_and_the_coordinator_sees_no_gap_or_fork(enrolled, tmp_path):
    documenter, coordinator = enrolled
    _fill(documenter, tmp_path)
    export.export_bundle(documenter, tmp_path / "1.tawthiq")
    assert not imports.import_bundle(coordinator, tmp_path / "1.tawthiq").gaps
    add_case(documenter, "after the first bundle")  # in the backup, not yet exported
    summary = backup.write_backup(documenter, tmp_path / "doc.backup")
    assert (summary.cases, summary.attachments, summary.witnesses, summary.last_bundle_sent) == (3, 2, 1, 1)
    before = _state(documenter)
    blob_hashes = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in documenter.blobs.folder.iterdir()}
    doc_dir = documenter.path
    documenter.lock()
    shutil.rmtree(doc_dir)  # the laptop is lost

    report = backup.restore_backup(tmp_path / "doc.backup", tmp_path / "new-laptop" / "vault", passphrase=PASSPHRASE)
    assert report.attachments_checked == 2 and report.summary.last_bundle_sent == 1
    restored = Vault.unlock(tmp_path / "new-laptop" / "vault", PASSPHRASE)
    try:
        after = _state(restored)
        # Everything as it was at the snapshot. The audit log: the backup's own entry came after the
        # snapshot (it is in the lost vault only), and the restore adds one.
        assert {k: v for k, v in after.items() if k != "audit"} == {k: v for k, v in before.items() if k != "audit"}
        assert before["audit"][-1][1] == "vault.backup"
        assert after["audit"][:-1] == before["audit"][:-1]
        assert audit.entries(restored.connection())[-1]["action"] == "vault.restore"
        assert audit.verify_chain(restored.connection()) == len(before["audit"])
        assert {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
                for p in restored.blobs.folder.iterdir()} == blob_hashes
        for blob, sha256 in restored.connection().execute("SELECT blob, sha256 FROM attachments"):
            restored.blobs.read_into(blob, None, sha256)  # decrypts, and the plaintext hash matches

        # The next export continues the sequence; the coordinator takes it with no gap and no fork.
        add_case(restored, "made on the new laptop")
        second = export.export_bundle(restored, tmp_path / "2.tawthiq")
        assert second.sequence == 2
        imported = imports.import_bundle(coordinator, tmp_path / "2.tawthiq")
        assert imported.sequence == 2 and not imported.already_imported and imported.gaps == []
        held = {r[0] for r in coordinator.connection().execute("SELECT title FROM cases")}
        assert {"after the first bundle", "made on the new laptop", "second"} <= held
    finally:
        restored.lock()


def test_the_backup_opens_only_with_the_passphrase_of_its_time(vault, tmp_path):
    add_case(vault, "one")
    backup.write_backup(vault, tmp_path / "b.backup")
    with pytest.raises(WrongPassphrase):
        backup.verify_backup(tmp_path / "b.backup", passphrase=OTHER_PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        backup.restore_backup(tmp_path / "b.backup", tmp_path / "r", passphrase=OTHER_PASSPHRASE)
    assert not (tmp_path / "r").exists()
    assert backup.verify_backup(tmp_path / "b.backup", passphrase=PASSPHRASE).cases == 1


def test_restore_refuses_a_folder_that_is_not_empty_and_an_existing_vault(vault, tmp_path):
    backup.write_backup(vault, tmp_path / "b.backup")
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("mine")
    r = run_tawthiq("--passphrase-file", str(_passphrase_file(tmp_path)), "restore", str(tmp_path / "b.backup"),
                    "--vault", str(tmp_path / "busy"))
    assert r.returncode == 1 and b"is not empty" in r.stderr
    assert os.listdir(tmp_path / "busy") == ["notes.txt"]
    r = run_tawthiq("--passphrase-file", str(_passphrase_file(tmp_path)), "restore", str(tmp_path / "b.backup"),
                    "--vault", str(vault.path))
    assert r.returncode == 1 and b"already exists" in r.stderr


def test_a_backup_is_never_written_inside_the_vault(vault):
    from storage.errors import TawthiqError

    with pytest.raises(TawthiqError) as refused:
        backup.write_backup(vault, vault.path / "b.backup")
    assert refused.value.code == "backup.inside_vault"


def test_a_backup_that_cannot_be_written_is_one_line_and_leaves_nothing(vault, tmp_path, passphrase_file):
    r = run_tawthiq("--vault", str(vault.path), "--passphrase-file", str(passphrase_file), "backup", "--out",
                    str(tmp_path / "no such folder" / "b.backup"))
    assert r.returncode == 1
    assert r.stderr.decode().strip() == ("tawthiq: the backup file b.backup could not be written "
                                         "(no such file or directory): no backup was made")
    assert not [p for p in os.listdir(vault.path) if p.startswith(".")]  # the snapshot folder is gone


def _passphrase_file(tmp_path):
    path = tmp_path / "passphrase.txt"
    path.write_text(PASSPHRASE + "\n")
    return path


def _damaged(data: bytes) -> dict[str, bytes]:
    header_size = int.from_bytes(data[len(backup_file.MAGIC):len(backup_file.MAGIC) + 4], "big")
    checksum_at = len(backup_file.MAGIC) + 4 + header_size
    chunks_at = checksum_at + 32
    sealed_chunk = backup_file.CHUNK + backup_file.TAG
    return {
        "flipped byte in the magic": _flip(data, 3),
        "flipped byte in the header": _flip(data, checksum_at - 5),
        "flipped byte in the header checksum": _flip(data, checksum_at + 10),
        "flipped byte in the first chunk": _flip(data, chunks_at + 100),
        "flipped byte in the middle": _flip(data, len(data) // 2),
        "flipped last byte": _flip(data, len(data) - 1),
        "truncated by one byte": data[:-1],
        "truncated at a chunk boundary": data[:chunks_at + 2 * sealed_chunk],
        "truncated after the header": data[:chunks_at],
        "truncated in the header": data[:checksum_at - 100],
        "one byte appended": data + b"\0",
        "a chunk's worth appended": data + data[chunks_at:chunks_at + sealed_chunk],
        "two chunks swapped": (data[:chunks_at] + data[chunks_at + sealed_chunk:chunks_at + 2 * sealed_chunk]
                               + data[chunks_at:chunks_at + sealed_chunk] + data[chunks_at + 2 * sealed_chunk:]),
    }


def _flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1:]


def test_a_flipped_truncated_or_extended_backup_is_refused_with_one_line_and_nothing_restored(vault, tmp_path):
    add_case(vault, "one")
    (tmp_path / "big.bin").write_bytes(os.urandom(2_200_000))  # a backup of three chunks and more
    cases.attach_file(vault, add_case(vault, "two"), tmp_path / "big.bin")
    backup.write_backup(vault, tmp_path / "good.backup")
    data = (tmp_path / "good.backup").read_bytes()
    assert len(data) > 2 * backup_file.CHUNK
    passphrase = _passphrase_file(tmp_path)
    for what, bad in _damaged(data).items():
        path = tmp_path / "bad.backup"
        path.write_bytes(bad)
        r = run_tawthiq("--passphrase-file", str(passphrase), "backup", "verify", str(path))
        assert r.returncode == 4, (what, r.returncode, r.stderr)
        assert len(r.stderr.decode().strip().splitlines()) == 1, (what, r.stderr)
        assert b"backup file" in r.stderr, (what, r.stderr)
        with pytest.raises(backup_file.BackupRefused):
            backup.restore_backup(path, tmp_path / "r", passphrase=PASSPHRASE)
        assert not (tmp_path / "r").exists(), what
        assert [p for p in os.listdir(tmp_path) if "restore" in p] == [], what  # no staging folder left
    r = run_tawthiq("--passphrase-file", str(passphrase), "restore", str(path), "--vault", str(tmp_path / "r"))
    assert r.returncode == 4 and len(r.stderr.splitlines()) == 1 and not (tmp_path / "r").exists()
    r = run_tawthiq("--passphrase-file", str(passphrase), "backup", "verify", str(tmp_path / "good.backup"))
    assert r.returncode == 0 and b"backup verified" in r.stdout, r.stderr


def test_not_a_backup_is_refused_before_the_passphrase(tmp_path):
    (tmp_path / "x").write_bytes(b"hello")
    r = run_tawthiq("backup", "verify", str(tmp_path / "x"))  # no passphrase given, none asked
    assert r.returncode == 4 and b"not a Tawthiq backup file" in r.stderr


def test_cli_backup_verify_restore_round_trip(tmp_path, cli_vaults):
    run, folder = cli_vaults("doc", "documenter")

    def cli(*args: str) -> str:
        result = run(*args)
        assert result.returncode == 0, result.stderr
        return result.stdout.decode()

    case_file = tmp_path / "case.json"
    case_file.write_text('{"form": "kidnapping", "title": "from the cli", "victims": [{"name_ar": "محمد"}]}')
    case_id = cli("case", "add", str(case_file)).strip()
    assert "backup written" in cli("backup", "--out", str(tmp_path / "doc.backup"))
    assert "backup verified" in cli("backup", "verify", str(tmp_path / "doc.backup"))
    out = run_tawthiq("--passphrase-file", str(_passphrase_file(tmp_path)), "restore", str(tmp_path / "doc.backup"),
                      "--vault", str(tmp_path / "restored"))
    assert out.returncode == 0, out.stderr
    assert b"chain intact" in out.stdout and b"the next bundle is number 1" in out.stdout
    shown = run_tawthiq("--vault", str(tmp_path / "restored"), "--passphrase-file", str(_passphrase_file(tmp_path)),
                        "case", "show", case_id)
    assert shown.returncode == 0 and "from the cli" in shown.stdout.decode()
    entries = run_tawthiq("--vault", str(folder), "--passphrase-file", str(_passphrase_file(tmp_path)),
                          "audit", "verify")
    assert entries.returncode == 0


def test_a_killed_backups_snapshot_folder_is_removed_at_the_next_unlock(vault, tmp_path):
    leftover = vault.path / f"{backup_file.SNAPSHOT_PREFIX}{'ab' * 6}"
    leftover.mkdir()
    (leftover / "vault.db").write_bytes(b"ciphertext")
    vault.lock()
    Vault.unlock(vault.path, PASSPHRASE).lock()
    assert not leftover.exists()


def test_the_snapshot_folder_is_gone_after_a_backup(vault, tmp_path):
    backup.write_backup(vault, tmp_path / "b.backup")
    assert not [p for p in os.listdir(vault.path) if p.startswith(".")]


def test_a_backup_killed_midway_leaves_no_file_under_its_name_and_its_leftovers_go(vault, tmp_path, passphrase_file):
    import signal
    import subprocess
    import sys
    import time

    (tmp_path / "big.bin").write_bytes(os.urandom(48 << 20))
    cases.attach_file(vault, add_case(vault, "big"), tmp_path / "big.bin")
    vault.lock()
    out = tmp_path / "out"
    out.mkdir()
    child = subprocess.Popen([sys.executable, "-m", "app", "--vault", str(vault.path), "--passphrase-file",
                              str(passphrase_file), "backup", "--out", str(out / "v.backup")],
                             cwd=Path(__file__).resolve().parents[2], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not any(p.name.endswith(".partial") and p.stat().st_size > 0 for p in out.iterdir()):
            assert child.poll() is None, "the backup ended before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.005)
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait()
    assert not (out / "v.backup").exists()  # never half a backup under its name
    assert [p for p in os.listdir(vault.path) if p.startswith(".snapshot-")]  # killed with its snapshot
    Vault.unlock(vault.path, PASSPHRASE).lock()  # the sweep at unlock removes the snapshot folder
    assert not [p for p in os.listdir(vault.path) if p.startswith(".snapshot-")]
    with Vault.unlock(vault.path, PASSPHRASE) as again:
        backup.write_backup(again, out / "v.backup")  # the next backup to that name removes the dead temp file
    assert os.listdir(out) == ["v.backup"]
    assert backup.verify_backup(out / "v.backup", passphrase=PASSPHRASE).attachments == 1


def test_a_dead_restores_staging_folder_is_removed_by_the_next_restore_there(vault, tmp_path):
    backup.write_backup(vault, tmp_path / "b.backup")
    dead = tmp_path / ".r.restore-0123456789ab"  # what a restore killed before its rename leaves
    (dead / "blobs").mkdir(parents=True)
    (dead / "vault.db").write_bytes(b"ciphertext")
    other = tmp_path / ".elsewhere.restore-0123456789ab"  # another target's: not this restore's to remove
    other.mkdir()
    backup.restore_backup(tmp_path / "b.backup", tmp_path / "r", passphrase=PASSPHRASE)
    assert not dead.exists() and other.exists()
    assert (tmp_path / "r" / "keyfile").exists()
