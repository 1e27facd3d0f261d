"""Write a bundle: tar members streamed into age, in constant memory.

The calling thread produces the tar (so attachment callbacks run where the caller's vault
objects live); a worker thread runs pyrage's encryptor on the other end of a pipe. The caller
gives an already-open output (storage.atomic.atomic_output) so an interrupted export leaves
nothing under the final name.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import tarfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

import pyrage
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from storage import minisign
from storage.bundle import layout
from storage.bundle.streams import CHUNK, HashingWriter, Worker, make_pipe
from storage.errors import TawthiqError

BLOCK = 512
RECORD = 20 * BLOCK  # GNU tar's default record size; the archive is padded to a multiple of it


@dataclass
class OutgoingAttachment:
    sha256: str
    size: int
    # Streams the plaintext into the given writer and raises if it does not hash to `sha256`
    # (BlobStore.read_into with the expected hash does both).
    write_to: Callable[[BinaryIO], object]


@dataclass
class WrittenBundle:
    sha256: str  # of the whole bundle file (the age ciphertext)
    size: int
    sums: bytes
    signature: str


class _CountingSink:
    """What an attachment callback writes into: the tar stream, with a byte count. (The callback
    checks the content hash, e.g. BlobStore.read_into; hashing twice would halve throughput.)"""

    def __init__(self, tar_out: BinaryIO):
        self._out = tar_out
        self.size = 0

    def write(self, data) -> int:
        self._out.write(data)
        self.size += len(data)
        return len(data)

    def flush(self) -> None:
        pass


def _header(name: str, size: int, mtime: int) -> bytes:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mode = 0o600
    info.mtime = mtime
    info.type = tarfile.REGTYPE
    info.uname = info.gname = ""
    # PAX only adds an extended header when a size exceeds ustar's 8 GiB; names are short ASCII.
    return info.tobuf(format=tarfile.PAX_FORMAT, encoding="utf-8", errors="strict")


def _padding(size: int) -> bytes:
    return b"\0" * (-size % BLOCK)


def write_bundle(
    out: BinaryIO,
    *,
    recipients: list[str],
    signing_key: Ed25519PrivateKey,
    key_id: bytes,
    manifest: dict,
    records: dict[str, bytes],
    attachments: list[OutgoingAttachment],
    progress: Callable[[int], None] | None = None,
) -> WrittenBundle:
    """Sign SHA256SUMS, then stream the tar through age into `out`."""
    try:
        parsed_recipients = [pyrage.x25519.Recipient.from_str(r) for r in recipients]
    except pyrage.RecipientError:
        raise TawthiqError("bundle.recipient_not_age") from None
    if not parsed_recipients:
        raise TawthiqError("bundle.no_recipients")
    if len(records) > layout.MAX_RECORDS or len(attachments) > layout.MAX_ATTACHMENTS:
        # A coordinator's reader would refuse it (layout's caps): say so before writing anything.
        raise TawthiqError("bundle.too_big_to_write", max_records=layout.MAX_RECORDS,
                           max_attachments=layout.MAX_ATTACHMENTS, records=len(records), attachments=len(attachments))
    manifest_raw = layout.manifest_bytes(manifest)
    entries = [(layout.MANIFEST, hashlib.sha256(manifest_raw).hexdigest())]
    entries += [(name, hashlib.sha256(raw).hexdigest()) for name, raw in records.items()]
    entries += [(f"attachments/{a.sha256}", a.sha256) for a in attachments]
    sums = layout.sums_text(entries)
    # What we write must pass our own reader's layout checks.
    layout.check_manifest(manifest, layout.parse_sums(sums))
    comment = f"tawthiq bundle {manifest['bundle_id']} sequence {manifest['sequence']}"
    signature = minisign.sign(sums, signing_key, key_id, comment).file_text().encode("ascii")
    mtime = int(time.time())

    cipher_out = HashingWriter(out, progress)
    pipe_r, pipe_w = make_pipe()

    def encrypt() -> None:
        try:
            # pyrage writes small pieces: a C-level buffer keeps the Python-level hashing per MiB.
            buffered = io.BufferedWriter(cipher_out, CHUNK)
            pyrage.encrypt_io(pipe_r, buffered, parsed_recipients)
            buffered.flush()
        finally:
            pipe_r.close()

    worker = Worker(encrypt, "bundle-encrypt")
    worker.start()
    written = 0
    try:
        def put(data: bytes) -> None:
            nonlocal written
            pipe_w.write(data)
            written += len(data)

        for name, raw in ((layout.SUMS, sums), (layout.SIGNATURE, signature), (layout.MANIFEST, manifest_raw),
                          *records.items()):
            put(_header(name, len(raw), mtime))
            put(raw)
            put(_padding(len(raw)))
        for a in attachments:
            put(_header(f"attachments/{a.sha256}", a.size, mtime))
            sink = _CountingSink(pipe_w)
            a.write_to(sink)  # type: ignore[arg-type]
            written += sink.size
            if sink.size != a.size:
                raise TawthiqError("bundle.attachment_changed")
            put(_padding(a.size))
        put(b"\0" * (2 * BLOCK))
        put(b"\0" * (-written % RECORD))
    except BrokenPipeError:
        pass  # the encryptor stopped; its own error is raised below
    except BaseException:
        with contextlib.suppress(OSError):
            pipe_w.close()
        worker.join()
        raise
    with contextlib.suppress(OSError):
        pipe_w.close()
    worker.join()
    if worker.error is not None:
        if isinstance(worker.error, OSError | pyrage.EncryptError):
            raise TawthiqError("bundle.write_failed") from None
        raise worker.error
    return WrittenBundle(cipher_out.sha256.hexdigest(), cipher_out.size, sums, signature.decode("ascii"))
