"""The attachment store: one age file per attachment, random names, streamed in constant memory.

The plaintext SHA-256 and size are computed while the bytes stream through the encryptor, so a
2 GB video is never held in memory and never touches disk unencrypted.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import secrets
from pathlib import Path
from typing import BinaryIO

import pyrage

from storage.atomic import atomic_output, ensure_private_dir
from storage.errors import CorruptVault, TawthiqError

CHUNK = 1 << 20


class _HashingReader(io.RawIOBase):
    """Reads from `source`, hashing and counting what passes; optional progress callback."""

    def __init__(self, source: BinaryIO, progress=None):
        self._source = source
        self.sha256 = hashlib.sha256()
        self.size = 0
        self._progress = progress

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        data = self._source.read(min(len(buffer), CHUNK))
        n = len(data)
        buffer[:n] = data
        self.sha256.update(data)
        self.size += n
        if self._progress is not None and n:
            self._progress(self.size)
        return n


class _HashingWriter(io.RawIOBase):
    def __init__(self, sink: BinaryIO | None):
        self._sink = sink
        self.sha256 = hashlib.sha256()
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:  # type: ignore[override]
        data = bytes(data)
        self.sha256.update(data)
        self.size += len(data)
        if self._sink is not None:
            self._sink.write(data)
        return len(data)


class BlobStore:
    def __init__(self, folder: Path, identity: pyrage.x25519.Identity,
                 retired: tuple[pyrage.x25519.Identity, ...] = ()):
        self.folder = ensure_private_dir(Path(folder))
        # New blobs go to the current identity; blobs stored before a key rotation open with a retired one.
        self._identities = [identity, *retired]
        self._recipient = identity.to_public()

    def path_of(self, blob: str) -> Path:
        if not blob or "/" in blob or blob.startswith("."):
            raise CorruptVault("attachment.invalid_reference")
        return self.folder / blob

    def put(self, source: BinaryIO, progress=None) -> tuple[str, str, int]:
        """Encrypt `source` into a new blob; return (blob name, plaintext sha256, size)."""
        blob = secrets.token_hex(16)
        reader = _HashingReader(source, progress)
        # Only ciphertext is ever written; the temp name keeps a half blob from looking whole.
        with atomic_output(self.folder / blob, new_name=True) as out:
            pyrage.encrypt_io(io.BufferedReader(reader, CHUNK), out, [self._recipient])
        return blob, reader.sha256.hexdigest(), reader.size

    def put_file(self, path: Path, progress=None) -> tuple[str, str, int]:
        with open(path, "rb") as source:
            return self.put(source, progress)

    def read_into(self, blob: str, sink: BinaryIO | None, expected_sha256: str | None = None) -> int:
        """Decrypt a blob into `sink` (None: only check it); verify the plaintext hash if given."""
        writer = _HashingWriter(sink)
        try:
            # pyrage reads 8 KiB at a time: a 1 MiB buffer makes that one system call per MiB.
            with open(self.path_of(blob), "rb", buffering=CHUNK) as src:
                pyrage.decrypt_io(src, writer, self._identities)
        except FileNotFoundError:
            raise TawthiqError("attachment.missing") from None
        except (pyrage.DecryptError, OSError):  # pyrage reports a bad tag as OSError
            raise CorruptVault("attachment.damaged") from None
        if expected_sha256 is not None and writer.sha256.hexdigest() != expected_sha256:
            raise CorruptVault("attachment.hash_mismatch")
        return writer.size

    def read_bytes(self, blob: str, expected_sha256: str | None = None, max_size: int = 64 << 20) -> bytes:
        """Decrypt into memory only (image previews): refuse anything larger than `max_size`."""
        if self.path_of(blob).stat().st_size > max_size + 4096:
            raise TawthiqError("attachment.too_large_for_memory")
        buffer = io.BytesIO()
        self.read_into(blob, buffer, expected_sha256)
        return buffer.getvalue()

    def delete(self, blob: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.path_of(blob))
