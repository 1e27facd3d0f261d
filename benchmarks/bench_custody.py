"""The vault checks of issue 14 item 9: what the audit chain check adds to every unlock, what the
on-demand checks cost (`tawthiq audit verify`, `tawthiq verify-vault`), and the coordinator's
re-check of every received version against its documenter's signature.

The reference is opening the same SQLCipher database with its raw key, the rest of unlock after
Argon2id: the ratio says how much the chain check lengthens that part.
"""

from __future__ import annotations

from benchmarks import fixtures
from benchmarks.harness import Run, bench
from storage import audit, database
from storage.vault import DATABASE


@bench("custody.checks", title="vault checks: audit chain at unlock, integrity, signatures of received versions",
       scales=(1_000, 10_000, 100_000), quick_scales=(1_000, 10_000), smoke_scale=50, timeout_s=7200)
def vault_checks(run: Run) -> None:
    from app.services.exchange import export, imports, organisation_profile, trust_list
    from app.services.exchange.received_evidence import recheck
    from storage import keyfile
    from storage.vault import Vault

    documenter = fixtures.writable_vault(run, run.scale)
    conn = documenter.connection()
    entries = int(conn.execute("SELECT count(*) FROM audit_log").fetchone()[0])
    run.time(f"audit chain check, as every unlock runs it ({entries:,} entries)", lambda: audit.first_break(conn),
             items=entries, item_unit="entry")
    key = documenter.keys.db_key
    run.time("reference: open the SQLCipher database with the raw key",
             lambda: database.open_database(documenter.path / DATABASE, key).close(), reference=True)
    run.ratio("audit chain check ÷ opening the database", f"audit chain check, as every unlock runs it "
              f"({entries:,} entries)", "reference: open the SQLCipher database with the raw key")
    run.time("SQLite integrity_check (audit verify, verify-vault)", lambda: database.integrity_problems(conn),
             repeat=1 if run.scale >= 100_000 else None)

    if run.scale > 10_000:  # one bundle of 100,000 cases is past what a coordinator imports at once here
        documenter.lock()
        return
    coordinator = Vault.create(run.tmp / "coordinator", fixtures.PASSPHRASE, role="coordinator", name="c",
                               kdf_params=dict(keyfile.TEST_PARAMS), check_strength=False)
    profile = organisation_profile.read_profile(organisation_profile.export_profile(coordinator))
    organisation_profile.import_profile(documenter, profile)
    trust_list.trust(coordinator, trust_list.read_identity(trust_list.export_identity(documenter)))
    export.export_bundle(documenter, run.tmp / "all.tawthiq")
    documenter.lock()
    imports.import_bundles(coordinator, [run.tmp / "all.tawthiq"])
    received = coordinator.connection()
    versions = int(received.execute("SELECT count(*) FROM case_provenance").fetchone()[0])
    result: list = []
    run.time("verify-vault's re-check of every received version against the documenter's signature",
             lambda: result.append(recheck(received)), items=versions, item_unit="version", repeat=1)
    coordinator.lock()
    if result[-1].problems or sum(result[-1].verified.values()) != versions:
        raise RuntimeError("a received version did not verify")
