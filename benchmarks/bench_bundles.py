"""Bundles: export, verify and import throughput vs the real `age` program (issues 6 and 7).

A documenter vault of 1,000 generated cases gets extra video-sized attachments (64 MiB in quick
runs, 2 GiB in full runs, the issue's size), is
enrolled with a coordinator, and exported with `--all` each repetition. The reference is `age -r`
encrypting the same tar (the bundle's own plaintext, written once for the reference only) and
`age -d` decrypting the bundle, in the same child process.
"""

from __future__ import annotations

import pyrage

from app.services import cases, enrollment, export, imports
from benchmarks import data, fixtures
from benchmarks.harness import Run, Target, bench
from storage import keyfile
from storage.vault import Vault

AGE_AIM = Target("value", ">=", 0.7, "×", "issue 6: at least 0.7 of age's throughput")
MEMORY_AIM = Target("peak_rss_mib", "<", 200, "MiB", "issue 6: peak memory under 200 MB")
CHUNK_MIB = 16


def _extra_mib(run: Run) -> int:
    return 2 if run.smoke else (64 if run.quick else 2048)


def _setup(run: Run):
    documenter = fixtures.writable_vault(run, run.scale)
    coordinator = Vault.create(run.tmp / "coordinator", fixtures.PASSPHRASE, role="coordinator",
                               kdf_params=dict(keyfile.TEST_PARAMS), check_strength=False)
    profile = enrollment.read_profile(enrollment.export_profile(coordinator))
    enrollment.import_profile(documenter, profile)
    enrollment.trust(coordinator, enrollment.read_identity(enrollment.export_identity(documenter)))
    ids = [s.id for s in cases.query_cases(documenter, limit=64)]
    remaining, i = _extra_mib(run) << 20, 0
    while remaining > 0:
        size = min(remaining, CHUNK_MIB << 20)
        src = run.tmp / "video.bin"
        src.write_bytes(data.attachment_bytes(900_000 + i, size))
        cases.attach_file(documenter, ids[i % len(ids)], src)
        src.unlink()
        remaining -= size
        i += 1
    return documenter, coordinator


@bench("bundles.export", title="export and verify a bundle of 1,000 cases with attachments", scales=(1_000,),
       quick_scales=(1_000,), smoke_scale=50, timeout_s=1800)
def export_and_verify(run: Run) -> None:
    documenter, coordinator = _setup(run)
    bundle = run.tmp / "bundle.tawthiq"

    def fresh() -> None:
        bundle.unlink(missing_ok=True)

    export.export_bundle(documenter, bundle, everything=True)
    size = bundle.stat().st_size
    run.note(f"bundle of {run.scale} cases and {_extra_mib(run)} MiB of extra attachments: "
             f"{size / (1 << 20):.0f} MiB; figures are MiB of bundle per second")
    run.time("tawthiq export (tar → age, streamed, fsync)",
             lambda _: export.export_bundle(documenter, bundle, everything=True),
             setup=fresh, nbytes=size, targets=[MEMORY_AIM])
    # The reference encrypts the very same tar: the bundle's plaintext, written for it alone.
    plain = run.tmp / "plain.tar"
    with open(bundle, "rb") as src, open(plain, "wb") as dst:
        pyrage.decrypt_io(src, dst, [coordinator.age_identity])
    key = run.tmp / "coordinator.key"
    key.write_text(coordinator.keys.age_identity + "\n")
    run.time("age -r (same tar)",
             lambda: run.program(["age", "-r", coordinator.age_recipient, "-o", str(run.tmp / "ref.age"),
                                  str(plain)]),
             nbytes=size, reference=True)
    run.ratio("export vs age -r", "tawthiq export (tar → age, streamed, fsync)", "age -r (same tar)",
              throughput=True, targets=[AGE_AIM])
    plain.unlink()
    run.time("tawthiq verify (decrypt, signature, every hash, every record)",
             lambda: imports.verify_bundle(coordinator, bundle), nbytes=size, targets=[MEMORY_AIM])
    with open("/dev/null", "wb") as devnull:
        run.time("age -d (same bundle, to /dev/null)",
                 lambda: run.program(["age", "-d", "-i", str(key), str(bundle)], stdout=devnull),
                 nbytes=size, reference=True)
    run.ratio("verify vs age -d", "tawthiq verify (decrypt, signature, every hash, every record)",
              "age -d (same bundle, to /dev/null)", throughput=True, targets=[AGE_AIM])
    key.unlink()
    run.time("tawthiq import into an empty coordinator vault (one transaction)",
             lambda: imports.import_bundles(coordinator, [bundle]), repeat=1, warmup=0,
             items=run.scale, item_unit="case", targets=[MEMORY_AIM])
    documenter.lock()
    coordinator.lock()
