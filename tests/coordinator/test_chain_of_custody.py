"""The audit trail and received versions are checkable (issue 14 item 9).

With the passphrase (a coerced unlock) an attacker once deleted audit entries, rewrote a received
version's narrative, recomputed the chain, and nothing noticed. Now: the chain is checked at every
unlock and by `tawthiq audit verify`; a coordinator keeps each received version's signed evidence
and `tawthiq verify-vault` re-checks the stored bodies against the documenters' signatures; and a
documenter's history rewritten before an export shows as a fork at the coordinator.
"""

from __future__ import annotations

import hashlib
import json

import pytest

from app.services.exchange import export, imports
from app.services.intake import cases
from storage import audit
from storage.database import transaction
from storage.vault import Vault
from tests.bundle_support import add_case, content_digest, enroll, make_vault
from tests.conftest import PASSPHRASE


@pytest.fixture
def world(tmp_path):
    coordinator = make_vault(tmp_path / "coord", role="coordinator", name="coord")
    documenter = make_vault(tmp_path / "doc", name="Rania")
    enroll(coordinator, documenter)
    yield documenter, coordinator, tmp_path
    documenter.lock()
    coordinator.lock()


def recompute_chain(conn) -> None:
    """What an attacker with the passphrase does after editing: make the chain whole again."""
    conn.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    prev = audit.GENESIS
    for seq, at, action, subject, detail in conn.execute(
            "SELECT seq, at, action, subject, detail FROM audit_log ORDER BY seq").fetchall():
        digest = audit._entry_hash(prev, at, action, subject, detail)
        conn.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, digest, seq))
        prev = digest


def rewrite_received_narrative(vault, case_id: str) -> None:
    """Rewrite version 1's narrative as a careful attacker would: body, its hash, the current view,
    the search index, and the audit chain recomputed."""
    conn = vault.connection()
    body = json.loads(conn.execute("SELECT body FROM case_versions WHERE case_id = ? AND version = 1",
                                   (case_id,)).fetchone()[0])
    body["narrative"] = "a different story"
    text = cases.canonical_json(body)
    with transaction(conn):
        conn.execute("DROP TRIGGER sealed_versions_are_immutable")
        conn.execute("UPDATE case_versions SET body = ?, sha256 = ? WHERE case_id = ? AND version = 1",
                     (text, hashlib.sha256(text.encode()).hexdigest(), case_id))
        cases.index_case(conn, case_id, body)
        recompute_chain(conn)


def cli(tawthiq, passphrase_file, vault_dir, *args):
    return tawthiq("--vault", str(vault_dir), "--passphrase-file", str(passphrase_file), *args)


def test_verify_vault_names_a_received_version_rewritten_with_the_passphrase(world, tawthiq, passphrase_file):
    documenter, coordinator, tmp = world
    case_id = add_case(documenter, "as the documenter wrote it")
    export.export_bundle(documenter, tmp / "1.tawthiq")
    assert imports.import_bundles(coordinator, [tmp / "1.tawthiq"])[0].status == "imported"
    path = coordinator.path
    coordinator.lock()

    r = cli(tawthiq, passphrase_file, path, "verify-vault")
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode()
    assert "received versions: 1 of 1 match their documenter's signature" in out
    assert "signed by Rania" in out and "fingerprint" in out

    coordinator = Vault.unlock(path, PASSPHRASE)
    rewrite_received_narrative(coordinator, case_id)
    coordinator.lock()
    # The recomputed chain passes its own check: that alone could not see this.
    assert cli(tawthiq, passphrase_file, path, "audit", "verify").returncode == 0
    shown = json.loads(cli(tawthiq, passphrase_file, path, "case", "show", case_id, "--json").stdout)
    assert shown["narrative"] == "a different story"

    r = cli(tawthiq, passphrase_file, path, "verify-vault")
    assert r.returncode == 4
    out = r.stdout.decode()
    assert f"case {case_id} version 1: its stored body is not the one the documenter signed" in out
    assert "received versions: 0 of 1" in out
    [line] = r.stderr.decode().strip().splitlines()
    assert "failed verification" in line
    report = json.loads(cli(tawthiq, passphrase_file, path, "verify-vault", "--json").stdout)
    assert report["ok"] is False and report["received"]["problems"][0]["case"] == case_id


def test_deleting_the_evidence_does_not_make_a_version_pass(world):
    documenter, coordinator, tmp = world
    case_id = add_case(documenter, "kept")
    export.export_bundle(documenter, tmp / "1.tawthiq")
    imports.import_bundles(coordinator, [tmp / "1.tawthiq"])
    from app.services.vault import vault_check

    assert vault_check.check_vault(coordinator).problems == []
    conn = coordinator.connection()
    with transaction(conn):
        conn.execute("DELETE FROM received_record_evidence")
        recompute_chain(conn)
    [problem] = vault_check.check_vault(coordinator).problems
    assert problem.startswith(f"case {case_id} version 1: no signed record is kept")


def test_a_broken_audit_chain_warns_at_unlock_and_fails_audit_verify(vault, tawthiq, passphrase_file):
    add_case(vault, "one")
    add_case(vault, "two")
    path = vault.path
    vault.lock()
    r = cli(tawthiq, passphrase_file, path, "audit", "verify")
    assert r.returncode == 0, r.stderr
    assert b"chain intact" in r.stdout and b"integrity ok" in r.stdout

    vault = Vault.unlock(path, PASSPHRASE)
    conn = vault.connection()
    with transaction(conn):
        conn.execute("DROP TRIGGER audit_log_no_delete")
        # A naive edit: the first case's creation removed, the chain not recomputed.
        conn.execute("DELETE FROM audit_log WHERE seq = 2")
    vault.lock()
    vault = Vault.unlock(path, PASSPHRASE)
    assert vault.audit_problem == "the audit log is broken at entry 3"
    vault.lock()

    r = cli(tawthiq, passphrase_file, path, "case", "list")
    assert r.returncode == 0  # warned, not refused: the owner keeps her records
    [warning] = r.stderr.decode().strip().splitlines()
    assert warning.startswith("tawthiq: WARNING: the audit log is broken at entry 3")
    r = cli(tawthiq, passphrase_file, path, "audit", "verify")
    assert r.returncode == 4
    assert "the audit log is broken at entry 3" in r.stdout.decode()


def _rewrite_history(vault) -> None:
    """Before the next export: remove an early entry and recompute the chain."""
    conn = vault.connection()
    with transaction(conn):
        conn.execute("DROP TRIGGER audit_log_no_delete")
        conn.execute("DELETE FROM audit_log WHERE seq = 2")
        recompute_chain(conn)


@pytest.mark.parametrize("order", ["in order", "later bundle first"])
def test_a_history_rewritten_before_an_export_is_a_fork_at_the_coordinator(world, order):
    documenter, coordinator, tmp = world
    add_case(documenter, "first")
    export.export_bundle(documenter, tmp / "1.tawthiq")
    _rewrite_history(documenter)
    assert audit.first_break(documenter.connection()) is None  # the rewrite is self-consistent
    add_case(documenter, "second")
    export.export_bundle(documenter, tmp / "2.tawthiq")
    first, second = (tmp / "1.tawthiq", tmp / "2.tawthiq") if order == "in order" else \
        (tmp / "2.tawthiq", tmp / "1.tawthiq")
    assert imports.import_bundles(coordinator, [first])[0].status == "imported"
    before = content_digest(coordinator)
    [report] = imports.import_bundles(coordinator, [second])
    assert report.status == "rejected" and report.exit_code == 4
    assert report.error.startswith("FORK ALARM") and "history was rewritten" in report.error
    assert content_digest(coordinator) == before


def test_an_untouched_history_imports_in_either_order(world):
    documenter, coordinator, tmp = world
    for n in (1, 2, 3):
        add_case(documenter, f"case {n}")
        export.export_bundle(documenter, tmp / f"{n}.tawthiq")
    manifest_audit = documenter.connection().execute(
        "SELECT sequence, audit_seq FROM bundles_sent ORDER BY sequence").fetchall()
    assert all(seq is not None for _, seq in manifest_audit)
    reports = imports.import_bundles(coordinator, [tmp / "3.tawthiq", tmp / "1.tawthiq", tmp / "2.tawthiq"])
    assert [r.status for r in reports] == ["imported"] * 3, [getattr(r, "error", None) for r in reports]
