"""Read and verify a bundle in one streaming pass, member by member, never `extractall`.

A worker thread decrypts with pyrage into a pipe; this thread parses the tar from the other end.
age releases plaintext only in authenticated 64 KiB chunks, so nothing unauthenticated is parsed
for long, and any tampering with the file fails decryption. Inside, the first three members must
be SHA256SUMS, SHA256SUMS.minisig (checked against the trusted key for its key id) and
manifest.json; every later member must be listed, appear once, be a regular file of the right
size, and hash to what SHA256SUMS says. Records are kept in memory (capped); attachments are
streamed to a caller-given store (the vault's encrypted blob store) or only hashed, and whatever
was stored is deleted again if the bundle is rejected.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import tarfile
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import BinaryIO

import pyrage

from storage import minisign
from storage.bundle import layout
from storage.bundle.layout import reject
from storage.bundle.streams import CHUNK, HashingReader, Worker, make_pipe
from storage.errors import BundleRejected

# tarfile's stream mode slices its whole buffer on every 512-byte header read: with 1 MiB it copied
# about 0.5 MiB per member, which made bundles of many small members four times slower to read.
# Attachments are still read in CHUNK-sized pieces.
TAR_BUFSIZE = 64 << 10

# Given a key id (minisign hex), the trusted public key, or None if the signer is not trusted.
TrustedKeys = Callable[[str], minisign.PublicKey | None]
# Stores an attachment's plaintext stream; returns (store token, sha256, size).
AttachmentStore = Callable[[BinaryIO], tuple[str, str, int]]
# Called once the signed manifest is authenticated, before any attachment streams past: may raise
# (e.g. a fork alarm) or return False to only hash attachments (e.g. a replayed bundle).
ManifestHook = Callable[[dict, minisign.PublicKey], bool]


@dataclass
class VerifiedBundle:
    sha256: str  # of the bundle file as received
    size: int
    manifest: dict
    signer: minisign.PublicKey
    trusted_comment: str
    records: dict[str, bytes]  # member name → bytes, hash-checked, not yet validated as records
    stored: dict[str, str] = field(default_factory=dict)  # attachment sha256 → store token


class _Sink:
    """Hashes a member's bytes while they pass to nowhere."""

    def __init__(self) -> None:
        self.sha256 = hashlib.sha256()
        self.size = 0


def _read_small(tf: tarfile.TarFile, info: tarfile.TarInfo, cap: int) -> bytes:
    if info.size > cap:
        raise reject(f"{info.name} is larger than allowed")
    fh = tf.extractfile(info)
    assert fh is not None
    data = fh.read(cap + 1)
    if len(data) != info.size:
        raise reject(f"{info.name} is truncated")
    return data


def _next_member(tf: tarfile.TarFile, seen: set[str]) -> tarfile.TarInfo | None:
    info = tf.next()
    if info is None:
        return None
    if info.type not in (tarfile.REGTYPE, tarfile.AREGTYPE) or info.issparse():
        raise reject("the bundle contains something other than a regular file (link, folder or device)")
    name = info.name
    if name in seen:
        raise reject("the bundle contains the same file twice")
    seen.add(name)
    return info


def _parse_tar(
    plain: BinaryIO, trusted: TrustedKeys, store: AttachmentStore | None, known_attachments: set[str],
    result: dict, on_manifest: ManifestHook | None,
) -> None:
    stored: dict[str, str] = result["stored"]
    try:
        tf = tarfile.open(fileobj=plain, mode="r|", bufsize=TAR_BUFSIZE)
    except tarfile.TarError:
        raise reject("the bundle's content is not a tar archive") from None
    seen: set[str] = set()
    head = []
    for expected in layout.HEAD:
        info = _next_member(tf, seen)
        if info is None or info.name != expected:
            raise reject(f"the bundle does not start with {', '.join(layout.HEAD)}")
        cap = {layout.SUMS: layout.MAX_SUMS, layout.SIGNATURE: layout.MAX_SIGNATURE}.get(
            expected, layout.MAX_MANIFEST)
        head.append(_read_small(tf, info, cap))
    sums_raw, sig_raw, manifest_raw = head

    signature = minisign.Signature.parse(sig_raw)
    signer = trusted(signature.key_id_hex)
    if signer is None:
        raise BundleRejected(f"the bundle is signed by key {signature.key_id_hex}, which this vault does not trust")
    comment = minisign.verify(sums_raw, signature, signer)
    sums = layout.parse_sums(sums_raw)
    if hashlib.sha256(manifest_raw).hexdigest() != sums[layout.MANIFEST]:
        raise reject("manifest.json does not match its hash in SHA256SUMS")
    try:
        manifest = json.loads(manifest_raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise reject("manifest.json is not valid JSON") from None
    members = layout.check_manifest(manifest, sums)
    if manifest["sender"]["key_id"] != signer.id_hex or manifest["sender"]["public_key"] != signer.base64():
        raise BundleRejected("the manifest names a sender key other than the trusted key that signed it")
    result.update(manifest=manifest, signer=signer, comment=comment)
    if on_manifest is not None and not on_manifest(manifest, signer):
        store = None

    records: dict[str, bytes] = {}
    total = 0
    while True:
        info = _next_member(tf, seen)
        if info is None:
            break
        name = info.name
        if name not in sums or name == layout.MANIFEST:
            raise reject("the bundle contains a file that SHA256SUMS does not list")
        if name in members.records:
            total += info.size
            if total > layout.MAX_RECORDS_TOTAL:
                raise reject("the bundle's records are larger than allowed")
            raw = _read_small(tf, info, layout.MAX_RECORD)
            if hashlib.sha256(raw).hexdigest() != sums[name]:
                raise reject(f"{name} does not match its hash in SHA256SUMS")
            records[name] = raw
            continue
        digest, size = members.attachments[name]
        if info.size != size:
            raise reject(f"{name} has a size other than the manifest says")
        fh = tf.extractfile(info)
        assert fh is not None
        if store is not None and digest not in known_attachments and digest not in stored:
            token, got_digest, got_size = store(HashingReader(fh, size))  # type: ignore[arg-type]
            stored[digest] = token
        else:
            sink = _Sink()
            while chunk := fh.read(CHUNK):
                sink.sha256.update(chunk)
                sink.size += len(chunk)
            got_digest, got_size = sink.sha256.hexdigest(), sink.size
        if got_size != size:
            raise reject(f"{name} is truncated")
        if got_digest != digest:
            raise reject(f"{name} does not match its hash in SHA256SUMS")
    missing = set(sums) - seen
    if missing:
        raise reject(f"the bundle lacks {len(missing)} file(s) that SHA256SUMS lists")
    # After the end-of-archive blocks only zero padding may follow.
    rest = 0
    while chunk := plain.read(CHUNK):
        rest += len(chunk)
        if chunk.count(0) != len(chunk) or rest > layout.MAX_TRAILING_ZEROS:
            raise reject("the bundle has data after the end of its archive")
    result["records"] = records


def read_bundle(
    source: BinaryIO,
    identities: list,
    trusted: TrustedKeys,
    *,
    store: AttachmentStore | None = None,
    discard: Callable[[str], None] | None = None,
    known_attachments: set[str] | frozenset[str] = frozenset(),
    on_manifest: ManifestHook | None = None,
) -> VerifiedBundle:
    """Decrypt and verify; raise BundleRejected (exit 4) on any failure, leaving nothing stored."""
    cipher_in = HashingReader(source)
    pipe_r, pipe_w = make_pipe()

    def decrypt() -> None:
        try:
            # pyrage reads 8 KiB at a time: a C-level buffer keeps the Python-level hashing per MiB.
            pyrage.decrypt_io(io.BufferedReader(cipher_in, CHUNK), pipe_w, identities)
        finally:
            with contextlib.suppress(OSError):
                pipe_w.close()

    worker = Worker(decrypt, "bundle-decrypt")
    result: dict = {"stored": {}}
    worker.start()
    parse_error: BaseException | None = None
    try:
        _parse_tar(pipe_r, trusted, store, set(known_attachments), result, on_manifest)
    except (BundleRejected, tarfile.TarError, EOFError, OSError, ValueError, KeyError) as exc:
        parse_error = exc
    except BaseException as exc:
        parse_error = exc
    finally:
        # Let the decryptor run to the end (or fail) so that a tampered tail is noticed too.
        with contextlib.suppress(OSError, ValueError):
            if parse_error is None:
                while pipe_r.read(CHUNK):
                    pass
        with contextlib.suppress(OSError):
            pipe_r.close()
        worker.join()
    error = _decrypt_error(worker.error) or parse_error
    if error is not None:
        for token in result["stored"].values():
            if discard is not None:
                discard(token)
        if isinstance(error, BundleRejected):
            raise error
        if isinstance(error, tarfile.TarError | EOFError | OSError | ValueError | KeyError):
            raise reject("the bundle's archive is malformed") from None
        raise error
    return VerifiedBundle(
        sha256=cipher_in.sha256.hexdigest(),
        size=cipher_in.size,
        manifest=result["manifest"],
        signer=result["signer"],
        trusted_comment=result["comment"],
        records=result["records"],
        stored=result["stored"],
    )


def _decrypt_error(error: BaseException | None) -> BundleRejected | None:
    if error is None or isinstance(error, BrokenPipeError):
        return None
    text = str(error).lower()
    if "no matching keys" in text:
        return BundleRejected("the bundle is not encrypted to this vault (it is for another recipient)")
    if isinstance(error, pyrage.DecryptError | OSError | ValueError):
        return BundleRejected("the bundle is damaged or was tampered with (decryption failed)")
    return BundleRejected(f"the bundle cannot be decrypted ({type(error).__name__})")
