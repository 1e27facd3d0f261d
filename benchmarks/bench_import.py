"""Coordinator import throughput: many documenters' bundles of 1,000 cases each (issue 7).

Each bundle comes from its own documenter vault (enrolled with the coordinator's profile and
trusted by it), filled with 1,000 generated cases and exported as its first bundle. The
measurement is the coordinator importing all of them one after another through
`imports.import_bundles` (verify everything, then one transaction per bundle), reported as
cases per second. Full runs: 100 bundles (100,000 cases), the issue's figure.
"""

from __future__ import annotations

from app.services.exchange import export, imports, organisation_profile, trust_list
from benchmarks import data, fixtures
from benchmarks.harness import Run, bench
from storage import keyfile
from storage.vault import Vault

CASES_PER_BUNDLE = 1_000


def _new_vault(run: Run, name: str, role: str) -> Vault:
    return Vault.create(run.tmp / name, fixtures.PASSPHRASE, role=role, name=name,
                        kdf_params=dict(keyfile.TEST_PARAMS), check_strength=False)


@bench("bundles.import_many", title="coordinator imports many bundles of 1,000 cases (one per documenter)",
       scales=(100,), quick_scales=(5,), smoke_scale=2, timeout_s=3600, scale_unit="bundles")
def import_many(run: Run) -> None:
    bundles = run.scale
    per_bundle = 20 if run.smoke else CASES_PER_BUNDLE
    coordinator = _new_vault(run, "coordinator", "coordinator")
    profile = organisation_profile.read_profile(organisation_profile.export_profile(coordinator))
    paths = []
    for b in range(bundles):
        documenter = _new_vault(run, f"documenter-{b}", "documenter")
        organisation_profile.import_profile(documenter, profile)
        trust_list.trust(coordinator, trust_list.read_identity(trust_list.export_identity(documenter)))
        start = b * per_bundle
        fixtures.load_cases(documenter.connection(), data.cases(per_bundle, start=start), start=start)
        path = run.tmp / f"bundle-{b}.tawthiq"
        export.export_bundle(documenter, path)
        paths.append(path)
        documenter.lock()
    run.note(f"{bundles} bundles of {per_bundle} cases, each from its own documenter, no attachments")
    reports: list = []
    run.time("tawthiq import of all bundles, one after another",
             lambda: reports.extend(imports.import_bundles(coordinator, paths)), repeat=1, warmup=0,
             items=bundles * per_bundle, item_unit="case")
    # A throughput of rejected bundles would be no throughput at all: every one must have gone in.
    imported = sum(1 for r in reports if r.status == "imported" and r.versions_added == per_bundle)
    cases = coordinator.connection().execute("SELECT count(*) FROM cases").fetchone()[0]
    coordinator.lock()
    if imported != bundles or cases != bundles * per_bundle:
        raise RuntimeError(f"only {imported} of {bundles} bundles imported ({cases} cases)")
