"""Unlock: Argon2id with production parameters, and opening the database with the raw key (issue 2).

Production parameters are what `storage.keyfile.calibrate()` picks on this machine at this moment
(it aims at about 1 s with a floor of 256 MiB, t=3, p=4), so on a busy machine it settles on the
floor sooner; the chosen parameters are printed beside the figures.
"""

from __future__ import annotations

import time

from benchmarks.harness import Run, Target, bench
from storage import database, keyfile
from storage.vault import DATABASE, KEYFILE, Vault

# Issue 2: "calibrated at creation to about 1 s". We count up to 1.5 s as "about".
UNLOCK_AIM = Target("median", "<=", 1.5, "s", "issue 2: about 1 s (counted as met up to 1.5 s)")
PASSPHRASE = "benchmark cedar terraces above the river 1931"  # noqa: S105 (throwaway vault)


@bench("unlock.vault", title="unlock: passphrase → Argon2id → keys → database open", scales=None)
def unlock(run: Run) -> None:
    if run.smoke:
        params, took = dict(keyfile.TEST_PARAMS), 0.0
    else:
        t0 = time.perf_counter()
        params = keyfile.calibrate()
        took = time.perf_counter() - t0
    path = run.tmp / "vault"
    Vault.create(path, PASSPHRASE, name="benchmark", kdf_params=params, check_strength=False).lock()
    label = (
        f"unlock with {'test' if run.smoke else 'production'} parameters "
        f"(Argon2id m={params['memory_kib'] // 1024} MiB, t={params['iterations']}, p={params['lanes']})"
    )
    run.time(
        label,
        lambda: Vault.unlock(path, PASSPHRASE).lock(),
        repeat=1 if run.smoke else run.repeat,
        warmup=0 if run.quick else 1,
        targets=[] if run.smoke else [UNLOCK_AIM],
    )
    keys, _ = keyfile.unlock_keyfile(path / KEYFILE, PASSPHRASE)

    def open_with_raw_key() -> None:
        database.open_database(path / DATABASE, keys.db_key).close()

    run.time(
        "open the SQLCipher database with the raw key (no KDF)",
        open_with_raw_key,
        repeat=5 if run.smoke else 30,
        warmup=1,
    )
    if not run.quick or run.smoke:  # quick: unlock minus open tells the same, at half the cost
        run.time(
            "Argon2id alone (derive the key-encryption key)",
            lambda: keyfile.derive_kek(PASSPHRASE, b"\0" * 16, params),
            repeat=1 if run.smoke else run.repeat,
            warmup=0,
        )
    run.note(
        "calibrate() starts at the floor of DESIGN.md section 4 (256 MiB, t=3, p=4) and only grows it; "
        "when the floor alone takes longer than about 1 s on this machine, the floor is what ships, "
        "and unlock takes what the floor takes."
    )
    run.metric("Argon2id memory", params["memory_kib"] / 1024, unit="MiB")
    run.metric("Argon2id iterations", params["iterations"])
    if not run.smoke:
        run.metric("calibration took", took, unit="s")
