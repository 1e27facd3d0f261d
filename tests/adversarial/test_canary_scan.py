"""Promise 1 (DESIGN.md section 1): nothing readable on disk without the passphrase.

Cases and attachments carrying random canary strings (Arabic and Latin) are saved through the
real CLI and the real services; then every file under the vault folder (vault.db, its -wal and
-shm, blobs/) and the temp folders is scanned for the canaries in UTF-8 and UTF-16. A positive
control writes the same strings with plain sqlite3 and shows the scanner finds them there.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
import time
from pathlib import Path

from app.services.intake import cases
from storage.vault import DATABASE, Vault
from tests.conftest import PASSPHRASE, run_tawthiq
from tests.threat_support import Canaries, scan


def _case(c: Canaries, n: int) -> dict:
    return {
        "form": "kidnapping",
        "title": f"{c.arabic} اختطاف {n}",
        "narrative": f"Taken from the bakery by men in a white van. {c.latin} {c.arabic}",
        # The Latin canary has digits, which a name may not: it goes in the occupation, also indexed.
        "victims": [{"name_ar": f"محمد {c.arabic}", "occupation": f"Baker {c.latin}", "age": 31,
                     "act": "abduction", "fate": "missing"}],
        "location": {"governorate": "Homs", "text": f"near the mosque {c.latin}"},
    }


def _write_inputs(folder: Path, c: Canaries) -> tuple[Path, Path]:
    folder.mkdir()
    case_file = folder / "case.json"
    case_file.write_text(json.dumps(_case(c, 0), ensure_ascii=False), encoding="utf-8")
    # The attachment's name is a canary too: names live only inside the encrypted database.
    attachment = folder / f"statement-{c.latin}.txt"
    attachment.write_text(f"witness statement {c.arabic} {c.latin}\n" * 200, encoding="utf-8")
    return case_file, attachment


def test_no_canary_in_vault_or_temp_after_cli_and_service_saves(tmp_path, passphrase_file):
    started = time.time() - 1
    c = Canaries.fresh()
    inputs = tmp_path / "inputs"  # the user's own plaintext files: the only place canaries may be
    case_file, attachment = _write_inputs(inputs, c)
    vault_dir = tmp_path / "vault"
    child_tmp = tmp_path / "child-tmp"
    child_tmp.mkdir()
    env = {"TMPDIR": str(child_tmp)}

    def cli(*args: str):
        r = run_tawthiq("--vault", str(vault_dir), "--passphrase-file", str(passphrase_file), *args, env=env)
        assert r.returncode == 0, r.stderr.decode()
        return r.stdout.decode()

    cli("init", "--name", "canary documenter")
    case_id = cli("case", "add", str(case_file)).strip()
    cli("case", "attach", case_id, str(attachment))
    assert case_id in cli("search", c.arabic)
    assert c.latin in cli("case", "show", case_id, "--json")
    cli("case", "list")

    # In-process saves leave the WAL un-checkpointed while the vault is open: scan it then too.
    vault = Vault.unlock(vault_dir, PASSPHRASE)
    try:
        other, _ = cases.save_case(vault, _case(c, 1))
        cases.save_case(vault, {**_case(c, 2), "narrative": f"edited draft {c.latin}"}, other)
        cases.seal_case(vault, other)
        cases.save_case(vault, _case(c, 3), other)  # a new version after the seal
        cases.attach_file(vault, other, attachment)
        assert [s.id for s in cases.search(vault, c.latin)]
        wal = vault_dir / (DATABASE + "-wal")
        assert wal.stat().st_size > 0, "the scan below must cover a WAL with content"
        hits_open = scan([vault_dir], c.needles)
    finally:
        vault.lock()
    assert hits_open == {}, f"canaries on disk while the vault is open: {sorted(hits_open)}"
    assert len(list((vault_dir / "blobs").rglob("*"))) >= 2

    hits_locked = scan([vault_dir, child_tmp], c.needles)
    assert hits_locked == {}, f"canaries on disk after lock: {sorted(hits_locked)}"
    # The system temp folder: only files changed during this test (others belong to other runs);
    # the inputs folder is where the test itself put the plaintext.
    hits_tmp = scan([Path(tempfile.gettempdir())], c.needles, exclude=[inputs], newer_than=started)
    assert hits_tmp == {}, f"canaries in the temp folder: {sorted(hits_tmp)}"


def test_positive_control_plain_sqlite_is_found(tmp_path):
    """The scanner is not blind: the same saves in plain SQLite (UTF-8 and UTF-16) are found."""
    c = Canaries.fresh()
    for encoding in ("UTF-8", "UTF-16le", "UTF-16be"):
        folder = tmp_path / encoding
        folder.mkdir()
        conn = sqlite3.connect(folder / "plain.db", isolation_level=None)
        conn.execute(f"PRAGMA encoding = '{encoding}'")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("CREATE TABLE cases (id INTEGER PRIMARY KEY, body TEXT)")
        conn.execute("INSERT INTO cases (body) VALUES (?)", (json.dumps(_case(c, 0), ensure_ascii=False),))
        # Open connection, nothing checkpointed: the canaries are in the WAL, as in the real test.
        hits = scan([folder], c.needles)
        conn.close()
        assert any(p.endswith("plain.db-wal") for p in hits), (encoding, hits)
        found = {n for ns in hits.values() for n in ns}
        codec = {"UTF-8": "utf-8", "UTF-16le": "utf-16-le", "UTF-16be": "utf-16-be"}[encoding]
        assert c.latin.encode(codec) in found and c.arabic.encode(codec) in found, encoding


def test_positive_control_file_names_and_chunk_boundaries(tmp_path):
    c = Canaries.fresh()
    (tmp_path / f"x-{c.latin}").write_bytes(b"nothing inside")
    # A canary straddling the scanner's 1 MiB read boundary is still found.
    big = tmp_path / "big"
    needle = c.arabic.encode("utf-8")
    big.write_bytes(b"\0" * ((1 << 20) - len(needle) // 2) + needle + b"\0" * 10)
    hits = scan([tmp_path], c.needles)
    assert str(tmp_path / f"x-{c.latin}") in hits
    assert needle in hits[str(big)]
