"""The vault's promises, with a real SQLCipher file and real age files."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess

import pytest
import sqlcipher3

from app.services.intake import cases
from storage import audit, database, keyfile
from storage.errors import CorruptVault, VaultExists, VaultNotFound, WeakPassphrase, WrongPassphrase
from storage.vault import DATABASE, KEYFILE, Vault, integrity_check
from tests.conftest import OTHER_PASSPHRASE, PASSPHRASE, snapshot
from tests.schema_support import rebuild_at_version

CASE = {"form": "kidnapping", "title": "abduction", "narrative": "men in a white van"}


def test_files_are_private_and_database_is_not_sqlite(vault, vault_dir):
    cases.save_case(vault, CASE)
    for p in [vault_dir, *vault_dir.rglob("*")]:
        mode = p.stat().st_mode & 0o777
        assert mode & 0o077 == 0, f"{p.name} is readable by others ({oct(mode)})"
    raw = (vault_dir / DATABASE).read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(vault_dir / DATABASE).execute("SELECT * FROM sqlite_master").fetchall()


def test_pragmas_of_the_design(vault):
    conn = vault.connection()
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
    assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    assert conn.execute("PRAGMA cipher_memory_security").fetchone()[0] == "0"  # DESIGN §4
    # SQLCipher 4 defaults (what cipher_compatibility = 4 selects): HMAC-SHA512 page authentication.
    assert conn.execute("PRAGMA cipher_hmac_algorithm").fetchone()[0] == "HMAC_SHA512"
    assert integrity_check(vault) == []


def test_wrong_passphrase_changes_no_byte(vault, vault_dir):
    cases.save_case(vault, CASE)
    vault.lock()
    before = snapshot(vault_dir)
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_dir, "not the passphrase at all")
    assert snapshot(vault_dir) == before


def test_wrong_passphrase_cli_exit_3_one_line(vault, vault_dir, tmp_path, tawthiq):
    cases.save_case(vault, CASE)
    vault.lock()
    before = snapshot(vault_dir)
    wrong = tmp_path / "wrong"
    wrong.write_text("definitely wrong passphrase\n")
    result = tawthiq("--vault", str(vault_dir), "--passphrase-file", str(wrong), "case", "list")
    assert result.returncode == 3
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "wrong passphrase" in lines[0]
    assert b"Traceback" not in result.stderr
    assert snapshot(vault_dir) == before


def test_passphrase_change_rewrites_only_the_key_file(vault, vault_dir):
    cases.save_case(vault, CASE)
    vault.lock()
    v = Vault.unlock(vault_dir, PASSPHRASE)
    database.checkpoint_and_truncate(v.connection())
    db_before = (vault_dir / DATABASE).read_bytes()
    key_before = (vault_dir / KEYFILE).read_bytes()
    v.change_passphrase(PASSPHRASE, OTHER_PASSPHRASE, kdf_params=dict(keyfile.TEST_PARAMS))
    # The audit entry for the change goes to the WAL; the main database file is untouched.
    assert (vault_dir / DATABASE).read_bytes() == db_before
    assert (vault_dir / KEYFILE).read_bytes() != key_before
    v.lock()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_dir, PASSPHRASE)
    with Vault.unlock(vault_dir, OTHER_PASSPHRASE) as again:
        assert [c.title for c in cases.query_cases(again)] == ["abduction"]
        assert [e["action"] for e in audit.entries(again.connection())][-1] == "vault.passphrase"


def test_passphrase_change_needs_the_old_one(vault):
    with pytest.raises(WrongPassphrase):
        vault.change_passphrase("a guess that is wrong", OTHER_PASSPHRASE, kdf_params=dict(keyfile.TEST_PARAMS))


@pytest.mark.parametrize("weak", ["", "short", "password123", "aaaaaaaaaaaaaaaa"])
def test_weak_passphrases_are_refused(tmp_path, weak):
    with pytest.raises(WeakPassphrase):
        Vault.create(tmp_path / "v", weak, kdf_params=dict(keyfile.TEST_PARAMS))
    assert not (tmp_path / "v" / KEYFILE).exists()


def test_cli_init_refuses_weak_passphrase(tmp_path, tawthiq):
    pf = tmp_path / "p"
    pf.write_text("password\n")
    r = tawthiq("--vault", str(tmp_path / "v"), "--passphrase-file", str(pf), "init")
    assert r.returncode == 1
    assert "passphrase" in r.stderr.decode() and len(r.stderr.decode().strip().splitlines()) == 1
    assert not (tmp_path / "v" / KEYFILE).exists()


def test_create_twice_refused(vault, vault_dir):
    with pytest.raises(VaultExists):
        Vault.create(vault_dir, PASSPHRASE, kdf_params=dict(keyfile.TEST_PARAMS))


def test_deleting_the_key_file_leaves_nothing_that_opens(vault, vault_dir):
    case_id, _ = cases.save_case(vault, CASE)
    (vault_dir / "photo.jpg").write_bytes(b"\xff\xd8 canary photo")
    cases.attach_file(vault, case_id, vault_dir / "photo.jpg")
    (vault_dir / "photo.jpg").unlink()
    vault.lock()
    (vault_dir / KEYFILE).unlink()
    with pytest.raises(VaultNotFound):
        Vault.unlock(vault_dir, PASSPHRASE)
    # Without the key file the database refuses every key we could still guess, even the passphrase.
    conn = sqlcipher3.connect(str(vault_dir / DATABASE))
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    with pytest.raises(sqlcipher3.DatabaseError):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.close()


def test_tampered_key_file_header_is_not_accepted(vault, vault_dir):
    vault.lock()
    path = vault_dir / KEYFILE
    text = path.read_text()
    # Lowering the KDF cost in the header must fail like a wrong passphrase (header is GCM AAD).
    path.write_text(text.replace('"iterations": 1', '"iterations": 2', 1))
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_dir, PASSPHRASE)
    path.write_text("not json")
    with pytest.raises(CorruptVault):
        Vault.unlock(vault_dir, PASSPHRASE)


def test_sealed_versions_are_immutable_and_edits_make_new_versions(vault):
    case_id, v1 = cases.save_case(vault, CASE)
    cases.save_case(vault, {**CASE, "title": "autosaved"}, case_id)
    assert cases.get_case(vault, case_id)["_meta"]["version"] == v1 == 1
    cases.seal_case(vault, case_id)
    with pytest.raises(sqlcipher3.IntegrityError):
        vault.connection().execute("UPDATE case_versions SET body = '{}' WHERE case_id = ?", (case_id,))
    _, v2 = cases.save_case(vault, {**CASE, "title": "corrected"}, case_id)
    assert v2 == 2
    history = cases.case_history(vault, case_id)
    assert [(h["version"], h["parent"], h["status"]) for h in history] == [(1, None, "sealed"), (2, 1, "draft")]
    assert cases.get_case(vault, case_id, version=1)["title"] == "autosaved"


def test_audit_log_is_chained_and_append_only(vault):
    case_id, _ = cases.save_case(vault, CASE)
    cases.seal_case(vault, case_id)
    conn = vault.connection()
    assert audit.verify_chain(conn) == 3
    assert [e["action"] for e in audit.entries(conn)] == ["vault.create", "case.create", "case.seal"]
    with pytest.raises(sqlcipher3.IntegrityError):
        conn.execute("DELETE FROM audit_log")
    with pytest.raises(sqlcipher3.IntegrityError):
        conn.execute("UPDATE audit_log SET action = 'x'")
    # Break the chain underneath the triggers: verification notices.
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET subject = 'forged' WHERE seq = 2")
    with pytest.raises(CorruptVault):
        audit.verify_chain(conn)


def test_migrations_from_every_earlier_version(tmp_path):
    """A vault left at any schema version upgrades to the latest and keeps its rows."""
    migrations = database.available_migrations()
    latest = migrations[-1][0]
    for stop_at, _name, _sql in migrations:
        v = Vault.create(tmp_path / f"v{stop_at}", PASSPHRASE, kdf_params=dict(keyfile.TEST_PARAMS))
        v.lock()
        # Rebuild the database at an older version: fresh file, migrate only up to stop_at.
        conn = rebuild_at_version(tmp_path / f"v{stop_at}", PASSPHRASE, stop_at)
        conn.execute("INSERT INTO settings (key, value) VALUES ('marker', 'kept')")
        conn.close()
        with Vault.unlock(tmp_path / f"v{stop_at}", PASSPHRASE) as upgraded:
            assert database.schema_version(upgraded.connection()) == latest
            assert upgraded.setting("marker") == "kept"
            assert integrity_check(upgraded) == []


def test_failed_migration_is_rolled_back(vault, monkeypatch):
    conn = vault.connection()
    version = database.schema_version(conn)
    broken = [*database.available_migrations(), (9999, "9999_broken.sql", "CREATE TABLE t1 (x); SELEC nonsense;")]
    monkeypatch.setattr(database, "available_migrations", lambda: broken)
    with pytest.raises(sqlcipher3.OperationalError):
        database.migrate(conn)
    assert database.schema_version(conn) == version
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 't1'").fetchone() is None


def test_newer_schema_is_refused(vault, vault_dir):
    vault.connection().execute("PRAGMA user_version = 9999")
    vault.lock()
    with pytest.raises(CorruptVault):
        Vault.unlock(vault_dir, PASSPHRASE)


def test_lock_truncates_the_wal_and_drops_keys(vault, vault_dir):
    for i in range(20):
        cases.save_case(vault, {**CASE, "title": f"case {i}"})
    assert (vault_dir / (DATABASE + "-wal")).stat().st_size > 0
    vault.lock()
    wal = vault_dir / (DATABASE + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    assert vault.locked
    with pytest.raises(Exception, match="locked"):
        vault.connection()


@pytest.mark.interop
def test_attachment_blob_decrypts_with_real_age(vault, vault_dir, tmp_path):
    case_id, _ = cases.save_case(vault, CASE)
    payload = "صورة الضحية — victim photo ".encode() * 5000
    src = tmp_path / "photo.bin"
    src.write_bytes(payload)
    attachment = cases.attach_file(vault, case_id, src)
    blob, _ = cases.attachment_blob(vault, attachment["id"])
    identity = tmp_path / "identity.txt"
    identity.write_text(vault.keys.age_identity + "\n")
    out = subprocess.run(
        ["age", "-d", "-i", str(identity), str(vault_dir / "blobs" / blob)], capture_output=True, check=True
    ).stdout
    assert out == payload
    import hashlib

    assert attachment["sha256"] == hashlib.sha256(payload).hexdigest()
    assert cases.read_attachment(vault, attachment["id"]) == payload


def test_tampered_attachment_is_detected(vault, vault_dir, tmp_path):
    case_id, _ = cases.save_case(vault, CASE)
    (tmp_path / "f").write_bytes(b"x" * 100_000)
    attachment = cases.attach_file(vault, case_id, tmp_path / "f")
    blob, _ = cases.attachment_blob(vault, attachment["id"])
    path = vault_dir / "blobs" / blob
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 1
    path.write_bytes(bytes(data))
    with pytest.raises(CorruptVault):
        cases.read_attachment(vault, attachment["id"])


def test_copying_a_vault_keeps_it_working(vault, vault_dir, tmp_path):
    """Backups are plain folder copies: the copy opens with the same passphrase."""
    cases.save_case(vault, CASE)
    vault.lock()
    shutil.copytree(vault_dir, tmp_path / "backup")
    with Vault.unlock(tmp_path / "backup", PASSPHRASE) as v:
        assert cases.count_cases(v) == 1


@pytest.mark.slow
def test_production_kdf_parameters_meet_the_floor(tmp_path):
    params = keyfile.calibrate()
    assert params["memory_kib"] >= keyfile.FLOOR_MEMORY_KIB
    assert params["iterations"] >= keyfile.FLOOR_ITERATIONS
    assert params["lanes"] == keyfile.LANES
    # and never above the top that unlock enforces (issue 14 item 11)
    assert params["memory_kib"] <= keyfile.MAX_MEMORY_KIB and params["iterations"] <= keyfile.MAX_ITERATIONS
    v = Vault.create(tmp_path / "v", PASSPHRASE, kdf_params=params)
    v.lock()
    header = keyfile.read_header(tmp_path / "v" / KEYFILE)["header"]["kdf"]
    assert header["memory_kib"] == params["memory_kib"]
    with Vault.unlock(tmp_path / "v", PASSPHRASE) as again:
        assert again.kdf_params == params
