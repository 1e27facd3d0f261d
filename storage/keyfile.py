"""The key file: passphrase → Argon2id → KEK → AES-256-GCM-wrapped vault keys.

Layout (JSON, one object): a header (format, version, KDF name and parameters, salt) that is also
the GCM associated data, so a changed parameter or salt fails authentication like a wrong
passphrase does; then the nonce and the ciphertext of the key payload. A passphrase change
rewrites only this file; deleting it makes the database and attachments unreadable.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from storage.atomic import atomic_write_bytes
from storage.errors import CorruptVault, WrongPassphrase

FORMAT = "tawthiq-keyfile"
VERSION = 1

# DESIGN.md section 4: never below this, whatever the machine. A key file below it is refused on
# open (and never written), outside the test mode below: an attacker who rewraps a key file at
# 8 MiB, t = 1, p = 1 turns about a second per guess into tens of thousands of guesses per second
# (the attack that found this measured 38,800 a second).
FLOOR_MEMORY_KIB = 256 * 1024
FLOOR_ITERATIONS = 3
LANES = 4
CALIBRATION_TARGET_S = 1.0
# The top: the most calibrate() ever chooses, so a crafted key file cannot make unlock take memory
# or time beyond what Tawthiq itself would set (1 GiB × 16 passes: 50 s on the busy 2-core test
# machine, docs/threat-model.md section 5). Refused on open, test mode or not.
MAX_MEMORY_KIB = 1024 * 1024
MAX_ITERATIONS = 16
MAX_LANES = 16

# Unit tests and benchmarks of other parts ask for this explicitly; it is recorded in the header,
# so unlock always uses what the file says. Such a file is written or opened only in test mode.
TEST_PARAMS = {"memory_kib": 8 * 1024, "iterations": 1, "lanes": 1}
TEST_KDF_ENV = "TAWTHIQ_INSECURE_TEST_KDF"
TEST_KDF_WARNING = (
    f"tawthiq: warning: {TEST_KDF_ENV}=1 let a key file below the Argon2id floor be used: "
    "for tests only, its passphrase can be guessed thousands of times faster"
)


class KdfParametersRefused(CorruptVault):
    """A key file's Argon2id parameters are below the floor or above the top: exit 1, not a wrong passphrase."""


def insecure_test_kdf() -> bool:
    """Whether the explicit, insecure test mode is on (the environment variable set to 1)."""
    return os.environ.get(TEST_KDF_ENV) == "1"


def _describe(params: dict) -> str:
    memory = int(params["memory_kib"])
    size = f"{memory // 1024} MiB" if memory % 1024 == 0 else f"{memory} KiB"
    return f"Argon2id {size}, t = {params['iterations']}, p = {params['lanes']}"


def check_params(params: dict, what: str = "key file") -> None:
    """Refuse parameters above the top always, and below the floor outside test mode.

    In test mode a file below the floor is allowed, and a warning goes to standard error every time
    one is written or opened: written straight to the stream, not logged, so no logging setup can
    silence it.
    """
    memory, iterations, lanes = (int(params[k]) for k in ("memory_kib", "iterations", "lanes"))
    if memory > MAX_MEMORY_KIB or iterations > MAX_ITERATIONS or lanes > MAX_LANES:
        raise KdfParametersRefused("keyfile.kdf_above_top", what=what, kdf=_describe(params),
                                   memory_mib=MAX_MEMORY_KIB // 1024, iterations=MAX_ITERATIONS, lanes=MAX_LANES)
    if memory >= FLOOR_MEMORY_KIB and iterations >= FLOOR_ITERATIONS and lanes >= LANES:
        return
    if not insecure_test_kdf():
        raise KdfParametersRefused("keyfile.kdf_below_floor", what=what, kdf=_describe(params),
                                   memory_mib=FLOOR_MEMORY_KIB // 1024, iterations=FLOOR_ITERATIONS, lanes=LANES)
    if iterations < 1 or lanes < 1 or memory < 8 * lanes:  # what Argon2id itself cannot run
        raise KdfParametersRefused("keyfile.kdf_impossible", what=what)
    if sys.stderr is not None:  # a windowed program on Windows may have no stderr at all
        print(TEST_KDF_WARNING, file=sys.stderr, flush=True)


@dataclass
class VaultKeys:
    """The secrets a passphrase unlocks. Held only while the vault is open."""

    db_key: bytes  # 32 bytes, SQLCipher raw key
    age_identity: str  # "AGE-SECRET-KEY-1…": the vault's X25519 identity
    signing_seed: bytes  # 32-byte Ed25519 private seed
    signing_key_id: bytes  # 8 bytes, minisign key id
    vault_id: str
    # Keys a coordinator rotated away from (app/services/vault/rotation.py), newest first: each
    # {"age_identity", "signing_seed", "signing_key_id", "retired_at"}. Kept so bundles and
    # attachments encrypted to an old identity stay readable; never used to sign or encrypt again.
    retired: list[dict] = field(default_factory=list)

    def to_json(self) -> bytes:
        d: dict[str, object] = {
            "db_key": self.db_key.hex(),
            "age_identity": self.age_identity,
            "signing_seed": self.signing_seed.hex(),
            "signing_key_id": self.signing_key_id.hex(),
            "vault_id": self.vault_id,
        }
        if self.retired:
            d["retired"] = self.retired
        return json.dumps(d).encode()

    @classmethod
    def from_json(cls, raw: bytes) -> VaultKeys:
        d = json.loads(raw)
        return cls(
            db_key=bytes.fromhex(d["db_key"]),
            age_identity=d["age_identity"],
            signing_seed=bytes.fromhex(d["signing_seed"]),
            signing_key_id=bytes.fromhex(d["signing_key_id"]),
            vault_id=d["vault_id"],
            retired=list(d.get("retired") or []),
        )

    @classmethod
    def generate(cls) -> VaultKeys:
        import uuid

        import pyrage

        return cls(
            db_key=secrets.token_bytes(32),
            age_identity=str(pyrage.x25519.Identity.generate()),
            signing_seed=secrets.token_bytes(32),
            signing_key_id=secrets.token_bytes(8),
            vault_id=str(uuid.uuid4()),
        )


def derive_kek(passphrase: str, salt: bytes, params: dict) -> bytes:
    kdf = Argon2id(
        salt=salt,
        length=32,
        iterations=int(params["iterations"]),
        lanes=int(params["lanes"]),
        memory_cost=int(params["memory_kib"]),
    )
    return kdf.derive(passphrase.encode("utf-8"))


def calibrate(target_s: float = CALIBRATION_TARGET_S) -> dict:
    """Parameters that take about `target_s` here, never below the floor.

    Memory grows first (it is what hurts a GPU attacker), then iterations.
    """
    params = {"memory_kib": FLOOR_MEMORY_KIB, "iterations": FLOOR_ITERATIONS, "lanes": LANES}
    salt = secrets.token_bytes(16)
    for _ in range(8):
        t0 = time.perf_counter()
        derive_kek("calibration", salt, params)
        took = time.perf_counter() - t0
        if took >= target_s * 0.7:
            break
        scale = max(1.2, min(4.0, target_s / max(took, 1e-3)))
        if params["memory_kib"] < MAX_MEMORY_KIB:
            params["memory_kib"] = min(MAX_MEMORY_KIB, int(params["memory_kib"] * scale) // 1024 * 1024)
        else:
            params["iterations"] = min(MAX_ITERATIONS, int(params["iterations"] * scale + 0.5))
            if params["iterations"] == MAX_ITERATIONS:
                break
    return params


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode()


def _header(params: dict, salt: bytes) -> dict:
    return {
        "format": FORMAT,
        "version": VERSION,
        "kdf": {
            "name": "argon2id",
            "memory_kib": int(params["memory_kib"]),
            "iterations": int(params["iterations"]),
            "lanes": int(params["lanes"]),
            "salt": _b64(salt),
        },
        "cipher": "aes-256-gcm",
    }


def _aad(header: dict) -> bytes:
    return json.dumps(header, sort_keys=True, separators=(",", ":")).encode()


def keyfile_document(keys: VaultKeys, passphrase: str, params: dict, recovery: dict | None = None) -> dict:
    """The key file's JSON object: the keys wrapped under the passphrase, and the recovery slot
    (the same keys wrapped under the secret that SLIP-39 shares rebuild) when one was made."""
    check_params(params)
    salt = secrets.token_bytes(16)
    header = _header(params, salt)
    kek = derive_kek(passphrase, salt, params)
    nonce = secrets.token_bytes(12)
    ct = AESGCM(kek).encrypt(nonce, keys.to_json(), _aad(header))
    doc = {"header": header, "nonce": _b64(nonce), "ciphertext": _b64(ct)}
    if recovery is not None:
        doc["recovery"] = recovery
    return doc


def write_keyfile(path: Path, keys: VaultKeys, passphrase: str, params: dict, recovery: dict | None = None) -> None:
    write_document(path, keyfile_document(keys, passphrase, params, recovery))


def write_document(path: Path, doc: dict) -> None:
    atomic_write_bytes(Path(path), json.dumps(doc, indent=1).encode())


def read_header(path: Path) -> dict:
    try:
        return check_document(json.loads(Path(path).read_bytes()))
    except (OSError, ValueError) as exc:
        raise CorruptVault("keyfile.damaged") from exc


def check_document(doc: object) -> dict:
    """The key file object if it looks like one of ours (its keys are not checked here)."""
    try:
        header = doc["header"]  # type: ignore[index]
        if header.get("format") != FORMAT:
            raise ValueError
        if header.get("version") != VERSION:
            raise CorruptVault("keyfile.unsupported_version", version=repr(header.get("version")))
        return doc  # type: ignore[return-value]
    except (ValueError, KeyError, TypeError) as exc:
        raise CorruptVault("keyfile.damaged") from exc


def unlock_keyfile(path: Path, passphrase: str) -> tuple[VaultKeys, dict]:
    """Return the keys and the KDF parameters; raise WrongPassphrase without writing anything."""
    return unlock_document(read_header(path), passphrase)


def unlock_document(doc: dict, passphrase: str) -> tuple[VaultKeys, dict]:
    """unlock_keyfile for a key file object already read (a backup carries one in its header)."""
    doc = check_document(doc)
    header = doc["header"]
    kdf = header["kdf"]
    try:
        salt = base64.b64decode(kdf["salt"])
        params = {k: int(kdf[k]) for k in ("memory_kib", "iterations", "lanes")}
        nonce = base64.b64decode(doc["nonce"])
        ct = base64.b64decode(doc["ciphertext"])
    except (KeyError, ValueError, TypeError) as exc:
        raise CorruptVault("keyfile.damaged") from exc
    check_params(params)
    kek = derive_kek(passphrase, salt, params)
    try:
        raw = AESGCM(kek).decrypt(nonce, ct, _aad(header))
    except InvalidTag:
        raise WrongPassphrase() from None
    return VaultKeys.from_json(raw), params


def default_params() -> dict:
    """Calibrated production parameters, unless the test switch is set (recorded in the file)."""
    if insecure_test_kdf():
        return dict(TEST_PARAMS)
    return calibrate()
