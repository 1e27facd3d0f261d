"""ProofMode bundles (issue 21 item 2): a photo or video with the proof the phone recorded at capture.

A ProofMode export is a zip: the media file, its proof as CSV and JSON (`<name>.proof.csv`,
`<name>.proof.json`: the file's SHA-256, time, location, network, device), a detached OpenPGP
signature of each (`<file>.asc`) and the phone's public key (`pubkey.asc`). It is read in memory
(never unpacked to disk), bounded (at most 64 members, 512 MiB in all, a compression ratio of at
most 200: a zip bomb is refused before it inflates), and checked with pysequoia (Sequoia-PGP):

- the media file's SHA-256 must be the one the proof names;
- each signature present must verify with the bundle's public key.

Outcomes: `signed` (all checks pass — with the key the bundle itself carries, which anyone can
make: the fingerprint is shown so it can be compared out of band, as trust files are; there is no
trust list of ProofMode keys yet), `invalid` (a hash or a signature does not match: shown as such),
`unsigned` (no signature or no key). A bundle that cannot be read raises TawthiqError.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import io
import json
import zipfile
from dataclasses import dataclass

from storage.errors import TawthiqError

SIGNED, INVALID, UNSIGNED = "signed", "invalid", "unsigned"
MAX_MEMBERS = 64
MAX_TOTAL = 512 << 20
MAX_RATIO = 200
MAX_PROOF = 1 << 20
PROOF_FIELDS = ("Proof Generated", "File Modified", "Location.Latitude", "Location.Longitude", "Location.Time",
                "Location.Provider", "Network", "Manufacturer", "Hardware", "ScreenSize", "Language", "Locale")


def installed() -> bool:
    return importlib.util.find_spec("pysequoia") is not None


@dataclass(frozen=True)
class ProofBundle:
    media_name: str
    media: bytes
    check: dict


def looks_like_bundle(path) -> bool:
    """A zip whose member names are those of a ProofMode export (pubkey.asc and a proof), read from
    its central directory only: what the attachment panel attaches as a ProofMode bundle."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = [n.rsplit("/", 1)[-1] for n in archive.namelist()[:MAX_MEMBERS + 1]]
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    return ("pubkey.asc" in names and any(n.endswith((".proof.json", ".proof.csv")) for n in names)
            and len(names) <= MAX_MEMBERS)


def _members(raw: bytes) -> dict[str, bytes]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        infos = [i for i in archive.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, OSError, ValueError):
        raise TawthiqError("proofmode.unreadable") from None
    if not infos or len(infos) > MAX_MEMBERS or sum(i.file_size for i in infos) > MAX_TOTAL:
        raise TawthiqError("proofmode.unreadable")
    out: dict[str, bytes] = {}
    for info in infos:
        if info.file_size > MAX_RATIO * max(info.compress_size, 1) + 1024:
            raise TawthiqError("proofmode.unreadable")  # a bomb: refused before inflating
        name = info.filename.replace("\\", "/").rsplit("/", 1)[-1]
        if not name or name in out:
            raise TawthiqError("proofmode.unreadable")
        try:
            with archive.open(info) as member:
                data = member.read(info.file_size + 1)
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
            raise TawthiqError("proofmode.unreadable") from None
        if len(data) != info.file_size:
            raise TawthiqError("proofmode.unreadable")
        out[name] = data
    return out


def _proof_hash(proof_json: bytes | None, proof_csv: bytes | None) -> tuple[str | None, dict]:
    """The SHA-256 the proof names, and the proof's fields worth showing."""
    fields: dict = {}
    if proof_json is not None and len(proof_json) <= MAX_PROOF:
        try:
            document = json.loads(proof_json)
        except ValueError:
            document = None
        if isinstance(document, dict):
            fields = {k: str(document[k])[:200] for k in PROOF_FIELDS if k in document}
            named = document.get("File Hash SHA256")
            if isinstance(named, str):
                return named.strip().lower(), fields
    if proof_csv is not None and len(proof_csv) <= MAX_PROOF:
        rows = list(csv.DictReader(io.StringIO(proof_csv.decode("utf-8", "replace"))))
        if rows:
            fields = fields or {k: str(rows[0][k])[:200] for k in PROOF_FIELDS if rows[0].get(k)}
            named = rows[0].get("File Hash SHA256")
            if isinstance(named, str):
                return named.strip().lower(), fields
    return None, fields


def _verify(data: bytes, signature: bytes | None, key: bytes | None) -> str:
    """"good", "bad" or "missing"."""
    if signature is None or key is None:
        return "missing"
    import pysequoia

    try:
        cert = pysequoia.Cert.from_bytes(key)
        result = pysequoia.verify(bytes=data, store=lambda _ids: [cert], signature=pysequoia.Sig.from_bytes(signature))
    except Exception:  # noqa: BLE001 - Sequoia reports a failed check as RuntimeError, a malformed packet as others
        return "bad"
    return "good" if getattr(result, "valid_sigs", None) else "bad"


def read(raw: bytes) -> ProofBundle:
    """Check a ProofMode bundle in memory; raises TawthiqError if it is not one."""
    if not installed():
        raise TawthiqError("proofmode.extra_missing")
    members = _members(raw)
    key = members.get("pubkey.asc")
    proof_json = next((n for n in members if n.endswith(".proof.json")), None)
    proof_csv = next((n for n in members if n.endswith(".proof.csv")), None)
    media_names = [n for n in members if not n.endswith((".asc", ".proof.json", ".proof.csv", ".txt"))
                   and n != "pubkey.asc"]
    if len(media_names) != 1 or (proof_json is None and proof_csv is None):
        raise TawthiqError("proofmode.unreadable")
    media_name = media_names[0]
    media = members[media_name]
    named, fields = _proof_hash(members.get(proof_json or ""), members.get(proof_csv or ""))
    digest = hashlib.sha256(media).hexdigest()
    signatures = {"media": _verify(media, members.get(media_name + ".asc"), key)}
    for label, name in (("proof_json", proof_json), ("proof_csv", proof_csv)):
        if name is not None:
            signatures[label] = _verify(members[name], members.get(name + ".asc"), key)
    hash_matches = named == digest
    if not hash_matches or "bad" in signatures.values():
        status = INVALID
    elif signatures["media"] == "missing":
        status = UNSIGNED
    else:
        status = SIGNED
    fingerprint = ""
    if key is not None:
        try:
            import pysequoia

            fingerprint = str(pysequoia.Cert.from_bytes(key).fingerprint).upper()
        except Exception:  # noqa: BLE001 - a malformed key: its signatures are already "bad"
            fingerprint = ""
    check = {"status": status, "hash_matches": hash_matches, "signatures": signatures,
             "key_fingerprint": fingerprint, "proof": fields}
    return ProofBundle(media_name, media, check)
