"""Crypto: the attachment stream vs raw AEAD throughput and the real `age` program (issues 2, 9).

Ours is `storage.blobs.BlobStore.put` (age via pyrage, plaintext SHA-256 on the way, fsync,
atomic rename) and `read_into` (decrypt and check the hash). The references get the same file:
raw ChaCha20-Poly1305 and AES-256-GCM from `cryptography` in 64 KiB chunks (age's chunk size),
reading the file and writing the ciphertext, no hashing and no fsync, i.e. the ceiling of what an
encrypted stream can do in Python; and the `age` program itself (`age -r`, `age -d`).
"""

from __future__ import annotations

import os
import random
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305

from benchmarks.harness import Run, Target, bench
from storage import keyfile
from storage.vault import Vault

MIB = 1 << 20
AGE_CHUNK = 64 * 1024
# Issue 2: a 1 GB attachment is stored and read back with peak memory under 200 MB.
MEMORY_AIM = Target("peak_rss_mib", "<", 200, "MiB", "issue 2: attachment stream under 200 MB")


def write_payload(path: Path, size: int, seed: int = 1) -> None:
    """Incompressible deterministic bytes, written in pieces so setup does not need `size` of RAM."""
    rng = random.Random(seed)
    with open(path, "wb") as f:
        left = size
        while left:
            n = min(left, 8 * MIB)
            f.write(rng.randbytes(n))
            left -= n


def aead_stream(cipher, source: Path, target: Path) -> None:
    """Encrypt `source` chunk by chunk into `target`, a counter nonce per chunk (like age's STREAM)."""
    with open(source, "rb") as src, open(target, "wb") as out:
        counter = 0
        while chunk := src.read(AGE_CHUNK):
            out.write(cipher.encrypt(counter.to_bytes(12, "big"), chunk, None))
            counter += 1


@bench(
    "crypto.attachment",
    title="attachment stream: encrypt into the vault and read back",
    scales=(64, 1024),
    quick_scales=(16,),
    smoke_scale=1,
    scale_unit="MiB",
)
def attachment_stream(run: Run) -> None:
    size = run.scale * MIB
    source = run.tmp / "payload.bin"
    write_payload(source, size)
    vault = Vault.create(
        run.tmp / "vault",
        "benchmark cedar terraces above the river 1931",
        name="benchmark",
        kdf_params=dict(keyfile.TEST_PARAMS),
        check_strength=False,
    )
    blobs: list[tuple[str, str]] = []

    def drop_previous() -> None:
        # Keep one encrypted copy on disk at a time; deleting is not part of what is timed.
        while len(blobs) > 1:
            vault.blobs.delete(blobs.pop(0)[0])

    try:
        run.time(
            "tawthiq BlobStore.put (age via pyrage, SHA-256, fsync)",
            lambda _: blobs.append(vault.blobs.put_file(source)[:2]),
            setup=drop_previous,
            nbytes=size,
            targets=[MEMORY_AIM],
        )
        blob, digest = blobs[-1]
        run.time(
            "tawthiq BlobStore.read_into (decrypt, check SHA-256)",
            lambda: vault.blobs.read_into(blob, None, digest),
            nbytes=size,
            targets=[MEMORY_AIM],
        )
        raw_out = run.tmp / "raw.bin"
        chacha = ChaCha20Poly1305(os.urandom(32))
        run.time(
            "raw ChaCha20-Poly1305, 64 KiB chunks (cryptography)",
            lambda: aead_stream(chacha, source, raw_out),
            nbytes=size,
            reference=True,
        )
        aes = AESGCM(os.urandom(32))
        run.time(
            "raw AES-256-GCM, 64 KiB chunks (cryptography)",
            lambda: aead_stream(aes, source, raw_out),
            nbytes=size,
            reference=True,
        )
        raw_out.unlink()
        encrypted = run.tmp / "payload.age"
        identity = run.tmp / "identity.txt"  # a throwaway vault's key, deleted with the run folder
        identity.write_text(vault.keys.age_identity + "\n", encoding="ascii")
        run.time(
            "age program: age -r (encrypt)",
            lambda: run.program(["age", "-r", vault.age_recipient, "-o", str(encrypted), str(source)]),
            nbytes=size,
            reference=True,
        )
        run.time(
            "age program: age -d (decrypt to /dev/null)",
            lambda: run.program(["age", "-d", "-i", str(identity), "-o", os.devnull, str(encrypted)]),
            nbytes=size,
            reference=True,
        )
    finally:
        vault.lock()
    run.ratio(
        "encrypt: ours vs age program",
        "tawthiq BlobStore.put (age via pyrage, SHA-256, fsync)",
        "age program: age -r (encrypt)",
        throughput=True,
    )
    run.ratio(
        "encrypt: ours vs raw ChaCha20-Poly1305",
        "tawthiq BlobStore.put (age via pyrage, SHA-256, fsync)",
        "raw ChaCha20-Poly1305, 64 KiB chunks (cryptography)",
        throughput=True,
    )
    run.ratio(
        "encrypt: ours vs raw AES-256-GCM",
        "tawthiq BlobStore.put (age via pyrage, SHA-256, fsync)",
        "raw AES-256-GCM, 64 KiB chunks (cryptography)",
        throughput=True,
    )
    run.ratio(
        "decrypt: ours vs age program",
        "tawthiq BlobStore.read_into (decrypt, check SHA-256)",
        "age program: age -d (decrypt to /dev/null)",
        throughput=True,
    )
    run.note(
        "Ratios here are throughput fractions: 1.00× means as fast as the reference. Ours also hashes "
        "the plaintext and fsyncs; the raw AEAD references neither hash nor fsync."
    )
