"""Backup and restore throughput vs copying the vault folder with `cp -r`, and peak memory (issue 20).

A documenter vault of generated cases (1,000 in quick runs, 10,000 in full runs, the issue's size)
gets extra video-sized attachments (64 MiB quick, 2 GiB full, the issue's size). Each repetition
writes a backup (`tawthiq backup`: online snapshot of the database, stream of blobs, AES-256-GCM,
fsync), verifies it (`backup verify`: every chunk and hash, nothing written) and restores it into a
new folder (`restore`: write, then open and check: integrity, audit chain, every attachment
decrypted and hash-checked). The reference is `cp -r` of the same vault folder (no encryption, no
checks, no fsync), in the same child process; figures are MiB of vault folder per second.
"""

from __future__ import annotations

import shutil

from app.services.intake import cases
from app.services.recovery import backup
from benchmarks import data, fixtures
from benchmarks.harness import Run, bench
from storage import keyfile

CHUNK_MIB = 16


def _extra_mib(run: Run) -> int:
    return 2 if run.smoke else (64 if run.quick else 2048)


def _folder_size(path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


@bench("backup.round_trip", title="backup, verify and restore a vault with attachments", scales=(10_000,),
       quick_scales=(1_000,), smoke_scale=20, timeout_s=3600)
def backup_round_trip(run: Run) -> None:
    vault = fixtures.writable_vault(run, run.scale)
    ids = [s.id for s in cases.query_cases(vault, limit=64)]
    remaining, i = _extra_mib(run) << 20, 0
    while remaining > 0:
        size = min(remaining, CHUNK_MIB << 20)
        src = run.tmp / "video.bin"
        src.write_bytes(data.attachment_bytes(800_000 + i, size))
        cases.attach_file(vault, ids[i % len(ids)], src)
        src.unlink()
        remaining -= size
        i += 1
    from storage.database import checkpoint_and_truncate

    checkpoint_and_truncate(vault.connection())
    folder_bytes = _folder_size(vault.path)
    out = run.tmp / "vault.backup"
    restored = run.tmp / "restored"
    copy = run.tmp / "copy"

    def fresh_out() -> None:
        out.unlink(missing_ok=True)

    def fresh_restore() -> None:
        shutil.rmtree(restored, ignore_errors=True)

    def fresh_copy() -> None:
        shutil.rmtree(copy, ignore_errors=True)

    summary = backup.write_backup(vault, out)
    run.note(f"vault of {run.scale:,} cases ({summary.attachments:,} attachments, {_extra_mib(run)} MiB of them "
             f"video-sized): folder {folder_bytes / (1 << 20):.0f} MiB, backup file "
             f"{summary.size / (1 << 20):.0f} MiB; figures are MiB of vault folder per second")
    run.time("tawthiq backup (snapshot, stream, AES-GCM, fsync)", lambda _: backup.write_backup(vault, out),
             setup=fresh_out, nbytes=folder_bytes)
    run.time("tawthiq backup verify (every chunk and hash, nothing written)",
             lambda: backup.verify_backup(out, passphrase=fixtures.PASSPHRASE), nbytes=folder_bytes)
    run.time("tawthiq restore (write, then check every attachment's hash)",
             lambda _: backup.restore_backup(out, restored, passphrase=fixtures.PASSPHRASE,
                                             kdf_params=dict(keyfile.TEST_PARAMS)),
             setup=fresh_restore, nbytes=folder_bytes)
    run.time("cp -r of the vault folder", lambda _: run.program(["cp", "-r", str(vault.path), str(copy)]),
             setup=fresh_copy, nbytes=folder_bytes, reference=True)
    run.ratio("backup vs cp -r", "tawthiq backup (snapshot, stream, AES-GCM, fsync)", "cp -r of the vault folder",
              throughput=True)
    run.ratio("restore vs cp -r", "tawthiq restore (write, then check every attachment's hash)",
              "cp -r of the vault folder", throughput=True)
    run.note("cp -r neither encrypts, checks nor fsyncs, and its copy is not a consistent snapshot of a vault in "
             "use; restore also decrypts every attachment to compare its hash, which no copy does")
    fresh_out()
    fresh_restore()
    fresh_copy()
    vault.lock()
