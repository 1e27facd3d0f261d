"""Promise 1 for backups (issue 20): nothing readable in a backup file, in the vault's snapshot
folder or the restore's staging folder while they run, or in the temp folder.

Cases, a witness and an attachment carry random canaries (Arabic and Latin, tests/threat_support.py);
the scan runs in the middle of the backup (from its progress callback: the database snapshot and
the half-written backup file exist then) and in the middle of the restore (the staging folder half
filled), then over the finished backup file, the restored vault and the temp folder.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from app.services.intake import cases
from app.services.recovery import backup
from storage.vault import Vault
from tests.conftest import PASSPHRASE
from tests.threat_support import Canaries, scan


def _case(c: Canaries, n: int) -> dict:
    return {"form": "kidnapping", "title": f"{c.arabic} اختطاف {n}",
            "narrative": f"Taken at the checkpoint. {c.latin} {c.arabic}",
            "victims": [{"name_ar": f"محمد {c.arabic}", "occupation": f"Baker {c.latin}", "age": 31}],
            "location": {"governorate": "Homs", "text": f"near the mosque {c.latin}"}}


def test_no_canary_in_the_backup_or_any_folder_during_backup_and_restore(vault, tmp_path):
    started = time.time() - 1
    c = Canaries.fresh()
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    statement = inputs / f"statement-{c.latin}.txt"
    # Over two stream chunks, so the scans below run with the output half written.
    statement.write_bytes(f"witness statement {c.arabic} {c.latin}\n".encode() * 60_000)
    assert statement.stat().st_size > 2 << 20
    case_id, _ = cases.save_case(vault, _case(c, 0))
    cases.attach_file(vault, case_id, statement)
    for n in range(1, 4):
        cases.save_case(vault, _case(c, n))
    out = tmp_path / "out"
    out.mkdir()
    hits_during: dict[str, list[bytes]] = {}
    scanned = {"backup": 0, "restore": 0}
    hidden_seen: list[str] = []  # the snapshot and staging folders the mid-way scans covered

    def scan_now(phase: str, roots: list[Path]):
        def progress(done: int, total: int) -> None:
            if scanned[phase] == 0 and 0 < done < total:
                scanned[phase] += 1
                hidden_seen.extend(p.name for root in roots for p in root.iterdir() if p.name.startswith("."))
                hits_during.update(scan(roots, c.needles))
                hits_during.update(scan([Path(tempfile.gettempdir())], c.needles, exclude=[inputs],
                                        newer_than=started))
        return progress

    backup.write_backup(vault, out / "vault.backup", progress=scan_now("backup", [vault.path, out]))
    assert scanned["backup"] == 1, "the scan must run while the backup is being written"
    assert hits_during == {}, f"canaries on disk during the backup: {sorted(hits_during)}"
    vault.lock()
    assert scan([vault.path, out], c.needles) == {}

    restore_parent = tmp_path / "new-laptop"
    restore_parent.mkdir()
    backup.restore_backup(out / "vault.backup", restore_parent / "vault", passphrase=PASSPHRASE,
                          progress=scan_now("restore", [restore_parent, out]))
    assert scanned["restore"] == 1, "the scan must run while the restore is being written"
    assert any(p.startswith(".") for p in os.listdir(restore_parent)) is False  # the staging folder is gone
    assert hits_during == {}, f"canaries on disk during the restore: {sorted(hits_during)}"
    assert any(n.startswith(".snapshot-") for n in hidden_seen) and any(".restore-" in n for n in hidden_seen)
    assert scan([restore_parent], c.needles) == {}
    assert scan([Path(tempfile.gettempdir())], c.needles, exclude=[inputs], newer_than=started) == {}

    # And the restored vault holds the canaries, decrypted with its keys: the scans looked at real data.
    restored = Vault.unlock(restore_parent / "vault", PASSPHRASE)
    try:
        assert case_id in {s.id for s in cases.search(restored, c.latin)}
    finally:
        restored.lock()
