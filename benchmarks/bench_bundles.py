"""Bundles: export, verify and import throughput vs the real `age` program (issues 6 and 7).

A documenter vault of 1,000 generated cases gets extra video-sized attachments (64 MiB in quick
runs, 2 GiB in full runs, the issue's size), is
enrolled with a coordinator, and exported with `--all` each repetition. The reference is `age -r`
encrypting the same tar (the bundle's own plaintext, written once for the reference only) into a
new file, as our export writes one, and `age -d` decrypting the bundle, in the same child process.

Floor rows show why the 0.7× aim is out of reach: pyrage's own encrypt_io and decrypt_io on the
same bytes (no tar, no hashing) and one SHA-256 pass over the bundle. Export must decrypt every
attachment from the vault, encrypt the bundle and hash both; verify must decrypt and hash twice
(the bundle hash and the members'); pyrage 1.4 holds Python's GIL for a whole call, so none of
this runs side by side.
"""

from __future__ import annotations

import hashlib
import io
from importlib import metadata

import pyrage

from app.services.exchange import export, imports, organisation_profile, trust_list
from app.services.intake import cases
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
    profile = organisation_profile.read_profile(organisation_profile.export_profile(coordinator))
    organisation_profile.import_profile(documenter, profile)
    trust_list.trust(coordinator, trust_list.read_identity(trust_list.export_identity(documenter)))
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
    ref = run.tmp / "ref.age"

    def fresh_ref() -> None:
        ref.unlink(missing_ok=True)  # overwriting would add the truncation of the last 2 GiB

    age_r = run.time("age -r (same tar, to a new file)",
                     lambda _: run.program(["age", "-r", coordinator.age_recipient, "-o", str(ref), str(plain)]),
                     setup=fresh_ref, nbytes=size, reference=True)
    run.ratio("export vs age -r", "tawthiq export (tar → age, streamed, fsync)", "age -r (same tar, to a new file)",
              throughput=True, targets=[AGE_AIM])
    recipient = pyrage.x25519.Recipient.from_str(coordinator.age_recipient)

    def pyrage_encrypt(_) -> None:
        with open(plain, "rb", buffering=0) as src, open(ref, "wb") as dst:
            pyrage.encrypt_io(io.BufferedReader(src, 1 << 20), dst, [recipient])

    enc = run.time("floor: pyrage.encrypt_io alone (same tar, to a new file)", pyrage_encrypt, setup=fresh_ref,
                   nbytes=size, reference=True)
    run.ratio("floor: pyrage encryption alone vs age -r", "floor: pyrage.encrypt_io alone (same tar, to a new file)",
              "age -r (same tar, to a new file)", throughput=True)
    ref.unlink()
    plain.unlink()
    verify = run.time("tawthiq verify (decrypt, signature, every hash, every record)",
                      lambda: imports.verify(coordinator, bundle), nbytes=size, targets=[MEMORY_AIM])
    with open("/dev/null", "wb") as devnull:
        age_d = run.time("age -d (same bundle, to /dev/null)",
                         lambda: run.program(["age", "-d", "-i", str(key), str(bundle)], stdout=devnull),
                         nbytes=size, reference=True)

        def pyrage_decrypt() -> None:
            with open(bundle, "rb", buffering=0) as src:
                pyrage.decrypt_io(io.BufferedReader(src, 1 << 20), devnull, [coordinator.age_identity])

        dec = run.time("floor: pyrage.decrypt_io alone (same bundle, to /dev/null)", pyrage_decrypt, nbytes=size,
                       reference=True)
    run.ratio("verify vs age -d", "tawthiq verify (decrypt, signature, every hash, every record)",
              "age -d (same bundle, to /dev/null)", throughput=True, targets=[AGE_AIM])
    run.ratio("floor: pyrage decryption alone vs age -d", "floor: pyrage.decrypt_io alone (same bundle, to /dev/null)",
              "age -d (same bundle, to /dev/null)", throughput=True)
    key.unlink()

    def sha256_pass() -> None:
        with open(bundle, "rb", buffering=0) as src:
            hashlib.file_digest(src, "sha256")

    sha = run.time("floor: one SHA-256 pass over the bundle (hashlib)", sha256_pass, nbytes=size, reference=True)
    # Export must decrypt the attachments from the vault and encrypt the bundle; verify must decrypt.
    # pyrage holds the GIL for a whole decrypt_io/encrypt_io call, so the two ciphers take turns; the
    # SHA-256 passes (the content check and the bundle hash) could at best hide on a spare core.
    ciphers_e, ciphers_v = dec["median"] + enc["median"], dec["median"]
    serial_e, serial_v = ciphers_e + 2 * sha["median"], ciphers_v + 2 * sha["median"]
    best_e, best_v = age_r["median"] / ciphers_e, age_d["median"] / ciphers_v
    text = (f"floor, from this run's medians: export decrypts the attachments, encrypts the bundle and hashes "
            f"both: {dec['median']:.2f} + {enc['median']:.2f} + 2 × {sha['median']:.2f} s = {serial_e:.2f} s one "
            f"after the other ({age_r['median'] / serial_e:.2f}× age -r), and even with the hashing hidden on a "
            f"spare core the two ciphers alone allow at most {best_e:.2f}×; verify decrypts and hashes twice: "
            f"{serial_v:.2f} s ({age_d['median'] / serial_v:.2f}× age -d; measured {verify['median']:.2f} s, every "
            f"record checked too), and pyrage's decryption alone allows at most {best_v:.2f}×.")
    missed = [what for what, best in (("export", best_e), ("verify", best_v)) if best < AGE_AIM.value]
    if missed:
        text += (f" So the {AGE_AIM.value}× aim for {' and '.join(missed)} is out of reach with pyrage "
                 f"{metadata.version('pyrage')} as it is: it needs a faster age binding, or one that lets go of "
                 f"the GIL.")
    run.note(text)
    run.time("tawthiq import into an empty coordinator vault (one transaction)",
             lambda: imports.import_bundles(coordinator, [bundle]), repeat=1, warmup=0,
             items=run.scale, item_unit="case", targets=[MEMORY_AIM])
    documenter.lock()
    coordinator.lock()
