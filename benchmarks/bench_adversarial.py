"""Adversarial figures (issue 8): wipe time and bundle-reader fuzzing.

The rest of issue 8's "Measure" is in the same `adversarial` group, in its own modules:
benchmarks/bench_hostile.py (hostile inputs tried and refused, per kind of outside data) and
benchmarks/bench_crash.py (kill -9 trials survived, for saves, export and import).
"""

from __future__ import annotations

import hashlib
import io
import os
import random
import shutil
import time
import uuid

import pyrage
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from benchmarks import fixtures
from benchmarks.harness import Run, Target, bench
from storage import minisign
from storage.bundle import layout, reader, writer
from storage.errors import BundleRejected
from storage.wipe import wipe_vault

KEY_GONE_AIM = Target("max", "<", 1.0, "s", "issue 8: the key file destroyed in under a second")
NO_CRASH = Target("value", "<=", 0, "", "issue 8: no crash other than our own error types")
PASSPHRASE = "benchmark cedar terraces above the river 1931"  # noqa: S105 (throwaway vault)


@bench("adversarial.wipe", title="emergency wipe of a vault (key file first, then the rest)",
       scales=(1_000, 10_000), quick_scales=(1_000,), smoke_scale=20)
def wipe(run: Run) -> None:
    source = fixtures.vault_fixture(run, run.scale)
    size = sum(p.stat().st_size for p in source.rglob("*") if p.is_file())
    key_gone: list[float] = []
    counter = iter(range(1_000_000))

    def fresh_copy():
        target = run.tmp / f"wipe-{next(counter)}"
        shutil.copytree(source, target)
        return target

    def do_wipe(folder) -> None:
        key_gone.append(wipe_vault(folder).key_destroyed_s)

    run.time(f"wipe: whole vault ({size / (1 << 20):.0f} MiB on disk, with attachments)", do_wipe,
             setup=fresh_copy, warmup=0, nbytes=size)
    run.record("wipe: until the key file is overwritten, fsynced and unlinked", key_gone, targets=[KEY_GONE_AIM])
    run.note("The vault is unreadable once the key file is gone; the rest of the time is removing files.")


def _valid_bundle_plaintext(identity: pyrage.x25519.Identity, key: Ed25519PrivateKey, key_id: bytes) -> bytes:
    public = minisign.PublicKey.from_private(key, key_id)
    records = {"records/a.json": b'{"kind": "case"}', "records/b.json": b"[]"}
    att = os.urandom(3000)
    digest = hashlib.sha256(att).hexdigest()
    manifest = {
        "format": layout.FORMAT, "version": layout.VERSION, "bundle_id": str(uuid.uuid4()),
        "created_at": "2026-01-01T00:00:00+00:00", "sequence": 1, "previous_sha256": None,
        "sender": {"key_id": public.id_hex, "public_key": public.base64()},
        "recipients": [str(identity.to_public())], "forms": {},
        "records": [{"path": p, "kind": "case", "id": p[8:-5]} for p in records],
        "attachments": [{"path": f"attachments/{digest}", "sha256": digest, "size": len(att)}],
    }
    out = io.BytesIO()
    writer.write_bundle(out, recipients=[str(identity.to_public())], signing_key=key, key_id=key_id,
                        manifest=manifest, records=records,
                        attachments=[writer.OutgoingAttachment(digest, len(att), lambda s: s.write(att))])
    return pyrage.decrypt(out.getvalue(), [identity])


@bench("adversarial.fuzz_bundle_reader", title="bundle reader fuzzing: mutated tars, properly signed and encrypted",
       scales=None)
def fuzz_bundle_reader(run: Run) -> None:
    budget_s = 1.0 if run.smoke else 15.0 if run.quick else 120.0
    identity = pyrage.x25519.Identity.generate()
    key, key_id = Ed25519PrivateKey.generate(), os.urandom(8)
    public = minisign.PublicKey.from_private(key, key_id)
    trusted = {public.id_hex: public}.get
    plaintext = _valid_bundle_plaintext(identity, key, key_id)
    rng = random.Random(8)  # noqa: S311 - a fuzzer, not a secret
    counts = {"refused": 0, "accepted": 0, "crash": 0}
    samples: list[float] = []
    deadline = time.monotonic() + budget_s
    while time.monotonic() < deadline:
        tar = bytearray(plaintext)
        for _ in range(rng.randint(1, 8)):
            tar[rng.randrange(len(tar))] = rng.randrange(256)
        if rng.random() < 0.2:
            tar = tar[: rng.randrange(len(tar))]
        data = pyrage.encrypt(bytes(tar), [identity.to_public()])
        t0 = time.perf_counter()
        try:
            reader.read_bundle(io.BytesIO(data), [identity], trusted)
            counts["accepted"] += 1
        except BundleRejected:
            counts["refused"] += 1
        except Exception:  # noqa: BLE001 - counting exactly these is the point
            counts["crash"] += 1
        samples.append(time.perf_counter() - t0)
    run.record("one mutated bundle read (decrypt + parse + verify)", samples)
    run.metric("fuzzing time", budget_s, unit="s")
    run.metric("executions", sum(counts.values()))
    run.metric("refused (BundleRejected)", counts["refused"])
    run.metric("accepted (the edit hit bytes no check covers: padding, mtime, mode)", counts["accepted"])
    run.metric("crashes (any other exception)", counts["crash"], targets=[NO_CRASH])
    run.note("Byte edits and cuts inside the decrypted tar, re-encrypted to the reader's key so that they reach "
             "the tar parser; the hypothesis versions are in tests/adversarial/test_hostile_bundles.py.")
