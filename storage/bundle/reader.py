"""Read and verify a bundle in one streaming pass, member by member, never `extractall`.

pyrage decrypts in this thread and writes the plaintext, 8 KiB at a time, into a PushParser that
runs the tar parser below on it (no thread, no pipe: see storage/bundle/streams.py for why). The
push parser and the tar parser it drives live together here: they call each other for every member.
age releases plaintext only in authenticated 64 KiB chunks, so nothing unauthenticated is
parsed for long, and any tampering with the file fails decryption. Inside, the first three
members must be SHA256SUMS, SHA256SUMS.minisig (checked against the trusted key for its key id)
and manifest.json; every later member must be listed, appear once, be a regular file of the
right size, and hash to what SHA256SUMS says. Records are kept in memory (capped); attachments
are streamed to a caller-given store (the vault's encrypted blob store) or only hashed, and
whatever was stored is deleted again if the bundle is rejected.

Tar headers are decoded by tarfile (`TarInfo.frombuf`: fields, checksum); the archive around
them is read here, and only what our writer produces is accepted: regular files, and a pax
extended header only to carry the size of a member of 8 GiB or more (docs/bundle-format.md).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import re
import tarfile
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from typing import Any, BinaryIO, NamedTuple, TypeVar

import pyrage

from storage import minisign
from storage.bundle import layout
from storage.bundle.layout import reject
from storage.bundle.streams import CHUNK, Worker, make_pipe
from storage.errors import BundleRejected


# ---- push parsing: the decryptor writes, the tar parser below asks for what it needs ---------------
class HashingReader(io.RawIOBase):
    """Reads from `source`, keeping SHA-256 and byte count of what passed."""

    def __init__(self, source: BinaryIO):
        self._source = source
        self.sha256 = hashlib.sha256()
        self.size = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        view = memoryview(buffer)
        readinto = getattr(self._source, "readinto", None)
        if readinto is not None:  # straight into the caller's buffer: no copy
            n = readinto(view) or 0
        else:
            data = self._source.read(len(view))
            n = len(data)
            view[:n] = data
        self.sha256.update(view[:n])
        self.size += n
        return n


# What a PushParser's generator yields: READ(n) is answered with exactly n bytes (fewer only at
# the end of the stream); STREAM(n, sink) passes the next n bytes to `sink` piece by piece, without
# collecting them, and is answered with how many were passed (fewer only at the end).
class READ(NamedTuple):
    size: int


class STREAM(NamedTuple):
    size: int
    sink: Callable[[memoryview], object]


Request = READ | STREAM
_T = TypeVar("_T")
Parses = Generator[Request, Any, _T]  # a parser, or a part of one returning a _T (`yield from`)
Parser = Parses[None]


class PushParser:
    """A writer (for pyrage.decrypt_io) that feeds a generator parser its bytes as it asks for them.

    The generator reads like a pull parser (`header = yield READ(512)`), yet runs in the writing
    thread, on the pieces pyrage writes (8 KiB each). The first exception the parser raises is kept
    in `error` and raised to the writer, so that pyrage stops there: a bundle refused early is not
    decrypted any further. `finish()` tells the parser the stream ended. Bytes written after the
    parser has returned are an error too."""

    def __init__(self, parser: Parser):
        self._parser = parser
        self._pending = bytearray()  # a READ's bytes so far
        self._passed = 0  # a STREAM's bytes so far
        self.error: BaseException | None = None
        self.done = False
        self._resume(None)

    def writable(self) -> bool:
        return True

    def _resume(self, answer: bytes | int | None, thrown: BaseException | None = None) -> None:
        try:
            if thrown is not None:
                self._request = self._parser.throw(thrown)
            else:
                self._request = self._parser.send(answer)
        except StopIteration:
            self.done = True
        except BaseException as exc:
            self.error = exc

    def write(self, data) -> int:
        n = len(data)
        if self.error is not None:
            return n  # pyrage flushing its buffer while it unwinds from the error raised below
        self._feed(memoryview(data))
        if self.error is not None:
            raise self.error
        return n

    def _feed(self, view: memoryview) -> None:
        while view and self.error is None:
            if self.done:
                self.error = ValueError("bytes after the end of what the parser reads")
                break
            request = self._request
            if isinstance(request, READ):
                size = request.size
                if not self._pending and len(view) >= size:
                    piece, view = bytes(view[:size]), view[size:]
                    self._resume(piece)
                    continue
                take = size - len(self._pending)
                self._pending += view[:take]
                view = view[take:]
                if len(self._pending) == size:
                    piece = bytes(self._pending)
                    self._pending.clear()
                    self._resume(piece)
            else:
                size, sink = request.size, request.sink
                piece_view = view[: size - self._passed]
                try:
                    sink(piece_view)
                except BaseException as exc:
                    self._resume(None, thrown=exc)  # the parser may clean up, or say why
                    if self.error is None:
                        self.error = exc
                    break
                self._passed += len(piece_view)
                view = view[len(piece_view):]
                if self._passed == size:
                    self._passed = 0
                    self._resume(size)

    def flush(self) -> None:
        pass

    def finish(self) -> None:
        """The stream ended: answer what is pending with what there is, until the parser returns."""
        for _ in range(4):  # a parser asks at most a few more times after the end
            if self.done or self.error is not None:
                return
            if isinstance(self._request, READ):
                piece = bytes(self._pending)
                self._pending.clear()
                self._resume(piece)
            else:
                passed, self._passed = self._passed, 0
                self._resume(passed)
        self.error = ValueError("the parser keeps asking after the end of the stream")

    def close(self) -> None:
        """Stop the parser where it is (its `finally` blocks run); keeps any error."""
        if not self.done:
            self.done = True
            try:
                self._parser.close()
            except Exception as exc:
                self.error = self.error or exc


# ---- the bundle's tar archive ---------------------------------------------------------------------
# Given a key id (minisign hex), the trusted public key, or None if the signer is not trusted.
TrustedKeys = Callable[[str], minisign.PublicKey | None]
# Stores an attachment's plaintext stream; returns (store token, sha256, size).
AttachmentStore = Callable[[BinaryIO], tuple[str, str, int]]
# Called once the signed manifest is authenticated, with it, its signer's key id and the SHA-256 of
# the signed SHA256SUMS, before any attachment streams past: may raise (e.g. a fork alarm) or return
# False to only hash attachments (e.g. a replayed bundle).
ManifestHook = Callable[[dict, str, str], bool]

BLOCK = tarfile.BLOCKSIZE
# The one pax record our writer emits ("<length> size=<bytes>\n"), for members of 8 GiB or more.
PAX_SIZE = re.compile(rb"([1-9][0-9]{0,3}) size=([0-9]{1,20})\n")
MAX_PAX = BLOCK


@dataclass
class OpenedBundle:
    """A bundle decrypted, its signature and every hash checked; its records not yet checked."""

    sha256: str  # of the bundle file as received (the ciphertext)
    size: int
    manifest: dict
    signer: minisign.PublicKey
    trusted_comment: str
    sums: bytes  # SHA256SUMS as signed: with `signature`, the documenter's evidence for the contents
    signature: bytes  # SHA256SUMS.minisig
    records: dict[str, bytes]  # member name → bytes, hash-checked, not yet validated as records
    documenter: str  # the signer's key id (hex): who sent the bundle
    signed_sha256: str  # of `sums`: what identifies the signed contents, whatever encryption carried them
    stored: dict[str, str] = field(default_factory=dict)  # attachment sha256 → store token


def _skip(piece: memoryview) -> None:
    pass


def _zeros_only(piece: memoryview) -> None:
    if piece.tobytes().count(0) != len(piece):
        raise reject("bundle.data_after_end")


class _StoreStream:
    """Streams one attachment into the caller's (pull-side) store on a worker thread through a pipe;
    used only when an attachment is stored (import), not when it is only hashed (verify)."""

    def __init__(self, store: AttachmentStore):
        self._pipe_r, self._pipe_w = make_pipe()
        self._result: tuple[str, str, int] | None = None

        def run() -> None:
            try:
                self._result = store(self._pipe_r)
            finally:
                with contextlib.suppress(OSError):
                    self._pipe_r.close()

        self._worker = Worker(run, "bundle-store")
        self._worker.start()

    def __call__(self, piece: memoryview) -> None:
        try:
            self._pipe_w.write(piece)
        except BrokenPipeError:
            self._end()  # the store stopped early: its own error says why
            raise

    def _end(self) -> tuple[str, str, int] | None:
        with contextlib.suppress(OSError):
            self._pipe_w.close()
        self._worker.join()
        if self._worker.error is not None:
            raise self._worker.error
        return self._result

    def finish(self) -> tuple[str, str, int]:
        result = self._end()
        assert result is not None
        return result

    def abort(self, discard: Callable[[str], None] | None) -> None:
        with contextlib.suppress(Exception):
            result = self._end()
            if result is not None and discard is not None:
                discard(result[0])


def _header(block: bytes) -> tarfile.TarInfo | None:
    """The member header in `block`, or None for a zero block (the end of the archive)."""
    if len(block) < BLOCK:
        raise reject("bundle.archive_truncated")
    if block.count(0) == BLOCK:
        return None
    try:
        return tarfile.TarInfo.frombuf(block, "utf-8", "surrogateescape")
    except tarfile.HeaderError:
        raise reject("bundle.archive_malformed") from None


def _next_member(seen: set[str]) -> Parses[tarfile.TarInfo | None]:
    info = _header((yield READ(BLOCK)))
    if info is not None and info.type == tarfile.XHDTYPE:
        # A pax extended header: only a size record, and only before a regular file.
        if info.size > MAX_PAX:
            raise reject("bundle.tar_extensions")
        untrusted_pax = yield READ(info.size + (-info.size % BLOCK))
        m = PAX_SIZE.fullmatch(untrusted_pax[: info.size])
        if m is None or int(m.group(1)) != info.size:
            raise reject("bundle.tar_extensions")
        info = _header((yield READ(BLOCK)))
        if info is None:
            raise reject("bundle.archive_malformed")
        info.size = int(m.group(2))
    if info is None:
        return None
    if info.size < 0:  # a base-256 size field can be negative: it would pass every cap
        raise reject("bundle.member_negative_size")
    if info.type not in (tarfile.REGTYPE, tarfile.AREGTYPE):
        raise reject("bundle.not_regular_file")
    if info.name in seen:
        raise reject("bundle.file_twice")
    seen.add(info.name)
    return info


def _read_small(info: tarfile.TarInfo, cap: int) -> Parses[bytes]:
    if info.size > cap:
        raise reject("bundle.member_too_large", member=info.name)
    data = yield READ(info.size)
    padding = -info.size % BLOCK
    if len(data) < info.size or (yield STREAM(padding, _skip)) != padding:
        raise reject("bundle.member_truncated", member=info.name)
    return data


def _parse_tar(
    trusted: TrustedKeys, store: AttachmentStore | None, discard: Callable[[str], None] | None,
    known_attachments: set[str], result: dict, on_manifest: ManifestHook | None, own_recipients: set[str],
) -> Parser:
    stored: dict[str, str] = result["stored"]
    seen: set[str] = set()
    head: list[bytes] = []
    for expected in layout.HEAD:
        info = yield from _next_member(seen)
        if info is None or info.name != expected:
            raise reject("bundle.wrong_start", head=", ".join(layout.HEAD))
        cap = {layout.SUMS: layout.MAX_SUMS, layout.SIGNATURE: layout.MAX_SIGNATURE}.get(
            expected, layout.MAX_MANIFEST)
        head.append((yield from _read_small(info, cap)))
    sums_raw, sig_raw, manifest_raw = head

    signature = minisign.Signature.parse(sig_raw)
    key_id = signature.key_id_hex
    signer = trusted(key_id)
    if signer is None:
        raise BundleRejected("bundle.untrusted_signer", key_id=key_id)
    comment = minisign.verify(sums_raw, signature, signer)
    sums = layout.parse_sums(sums_raw)
    if hashlib.sha256(manifest_raw).hexdigest() != sums[layout.MANIFEST]:
        raise reject("bundle.manifest_hash")
    manifest = layout.parse_manifest(manifest_raw)
    members = layout.check_manifest(manifest, sums)
    # minisign.verify checked that the signature's key id is the signer's: `key_id` is signer.id_hex.
    if manifest["sender"]["key_id"] != key_id or manifest["sender"]["public_key"] != signer.base64():
        raise BundleRejected("bundle.sender_mismatch")
    if comment != layout.trusted_comment(manifest):
        raise BundleRejected("bundle.comment_mismatch")
    # The signature covers the manifest's recipients: a signed archive decrypted by one of them and
    # encrypted again to someone else is not for that someone (issue 14 item 6).
    if not own_recipients & set(manifest["recipients"]):
        raise BundleRejected("bundle.not_addressed_here")
    signed_sha256 = hashlib.sha256(sums_raw).hexdigest()
    result.update(manifest=manifest, signer=signer, comment=comment, sums=sums_raw, signature=sig_raw,
                  documenter=key_id, signed_sha256=signed_sha256)
    if on_manifest is not None and not on_manifest(manifest, key_id, signed_sha256):
        store = None

    records: dict[str, bytes] = {}
    total = 0
    while True:
        info = yield from _next_member(seen)
        if info is None:
            break
        name = info.name
        if name not in sums or name == layout.MANIFEST:
            raise reject("bundle.unlisted_file")
        if name in members.records:
            total += info.size
            if total > layout.MAX_RECORDS_TOTAL:
                raise reject("bundle.records_too_large")
            raw = yield from _read_small(info, layout.MAX_RECORD)
            if hashlib.sha256(raw).hexdigest() != sums[name]:
                raise reject("bundle.member_hash", member=name)
            records[name] = raw
            continue
        digest, size = members.attachments[name]
        if info.size != size:
            raise reject("bundle.member_size", member=name)
        if store is not None and digest not in known_attachments and digest not in stored:
            into = _StoreStream(store)
            try:
                got_size = yield STREAM(size, into)
                token, got_digest, stored_size = into.finish()
            except BaseException:
                into.abort(discard)
                raise
            stored[digest] = token
            if stored_size != got_size:
                raise reject("bundle.member_truncated", member=name)
        else:
            sha256 = hashlib.sha256()
            got_size = yield STREAM(size, sha256.update)  # no Python frame per 8 KiB piece
            got_digest = sha256.hexdigest()
        if got_size != size:
            raise reject("bundle.member_truncated", member=name)
        if got_digest != digest:
            raise reject("bundle.member_hash", member=name)
        padding = -size % BLOCK
        if (yield STREAM(padding, _skip)) != padding:
            raise reject("bundle.member_truncated", member=name)
    missing = set(sums) - seen
    if missing:
        raise reject("bundle.files_missing", count=len(missing))
    # After the first end-of-archive block only zero padding may follow.
    if (yield STREAM(layout.MAX_TRAILING_ZEROS + 1, _zeros_only)) > layout.MAX_TRAILING_ZEROS:
        raise reject("bundle.data_after_end")
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
) -> OpenedBundle:
    """Decrypt and verify; raise BundleRejected (exit 4) on any failure, leaving nothing stored."""
    cipher_in = HashingReader(source)
    result: dict = {"stored": {}}
    own_recipients = {str(identity.to_public()) for identity in identities}
    parser = PushParser(_parse_tar(trusted, store, discard, set(known_attachments), result, on_manifest,
                                   own_recipients))
    decrypt_error: BaseException | None = None
    interrupted = False
    try:
        # pyrage reads 8 KiB at a time: a C-level buffer keeps the Python-level hashing per MiB.
        pyrage.decrypt_io(io.BufferedReader(cipher_in, CHUNK), parser, identities)
    except Exception as exc:
        if exc is not parser.error:  # not the parser stopping pyrage: the decryptor's own verdict
            decrypt_error = exc
    except BaseException:  # Ctrl+C, SystemExit: passed on, but nothing stored may stay behind
        interrupted = True
        raise
    finally:
        if not interrupted and decrypt_error is None and parser.error is None:
            parser.finish()
        parser.close()  # stops a parser cut short (a store worker in flight is ended)
        if interrupted:
            _discard_stored(result, discard)
    error = _decrypt_error(decrypt_error) or parser.error
    if error is None and not parser.done:
        error = reject("bundle.archive_malformed")
    if error is not None:
        _discard_stored(result, discard)
        if isinstance(error, BundleRejected):
            raise error
        if isinstance(error, tarfile.TarError | EOFError | OSError | ValueError | KeyError | UnicodeError):
            raise reject("bundle.archive_malformed") from None
        raise error
    return OpenedBundle(
        sha256=cipher_in.sha256.hexdigest(),
        size=cipher_in.size,
        manifest=result["manifest"],
        signer=result["signer"],
        trusted_comment=result["comment"],
        sums=result["sums"],
        signature=result["signature"],
        records=result["records"],
        documenter=result["documenter"],
        signed_sha256=result["signed_sha256"],
        stored=result["stored"],
    )


def _discard_stored(result: dict, discard: Callable[[str], None] | None) -> None:
    if discard is not None:
        for token in result["stored"].values():
            discard(token)


def _decrypt_error(error: BaseException | None) -> BundleRejected | None:
    if error is None:
        return None
    text = str(error).lower()
    if "no matching keys" in text:
        return BundleRejected("bundle.other_recipient")
    if isinstance(error, pyrage.DecryptError | OSError | ValueError):
        return BundleRejected("bundle.decryption_failed")
    return BundleRejected("bundle.cannot_decrypt", error=type(error).__name__)
