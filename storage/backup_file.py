"""The backup file: one stream, readable only with the vault's keys, checked chunk by chunk.

    MAGIC (16 bytes)
    header length (4 bytes, big-endian), header (JSON)
    SHA-256 of everything above (32 bytes)
    chunks: AES-256-GCM, 1 MiB of plaintext each, the last one shorter (possibly empty)

The header is in the clear and holds only what opening needs (no date, name or count): the format
and version, the chunk size, a random salt, and the vault's key file as it was (already wrapped under the passphrase by
Argon2id, and under the recovery secret when shares were made: storage.keyfile). Whoever unwraps
it holds the vault's database key; the stream key is HKDF-SHA-256 of that key with the salt, so
the backup opens exactly when the key file does.

Each chunk's nonce is its number (11 bytes) and a final flag (1 byte); the associated data is the
header's SHA-256. So a changed byte anywhere, chunks swapped, cut off at a chunk boundary or not,
or anything appended, fails authentication: a full chunk is never the last one, and after the
short last one the file must end. The unkeyed checksum after the header only lets `verify` say
"damaged" rather than "wrong passphrase" when the header itself was damaged by accident.

Inside, the plaintext is a sequence of entries, each a file with its name, size and SHA-256, then
an end entry carrying the summary (counts) as JSON. Names are an allow-list (vault.db and blobs/ of
storage.blobs' names); sizes are read in bounded pieces, never whole.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import secrets
import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from storage.errors import TawthiqError

MAGIC = b"TAWTHIQ-BACKUP\x00\x01"
FORMAT = "tawthiq-backup"
VERSION = 1
CHUNK = 1 << 20
TAG = 16
MAX_HEADER = 256 * 1024
MAX_NAME = 256
MAX_SUMMARY = 1 << 20
FILE_ENTRY = b"F"
END_ENTRY = b"E"
DATABASE_NAME = "vault.db"
# A backup's database snapshot is made in a hidden folder of the vault named so (+ 12 hex); the
# sweep at unlock (storage.leftovers) removes one a killed backup left.
SNAPSHOT_PREFIX = ".snapshot-"
SNAPSHOT_FOLDER = re.compile(r"^\.snapshot-[0-9a-f]{12}$")
_BLOB_NAME = re.compile(r"^blobs/[0-9a-f]{32}$")  # storage.blobs names every blob so
_STREAM_INFO = b"tawthiq backup stream v1"


class BackupRefused(TawthiqError):
    """The backup file is damaged, cut short, extended or not a backup: exit 4, nothing written."""

    exit_code = 4


def allowed_name(name: str) -> bool:
    return name == DATABASE_NAME or bool(_BLOB_NAME.match(name))


def stream_key(db_key: bytes, salt: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=_STREAM_INFO).derive(db_key)


def new_header(keyfile_document: dict) -> dict:
    # No date, name or count in the clear: when the backup was made is in the sealed summary.
    return {"format": FORMAT, "version": VERSION, "chunk_size": CHUNK,
            "salt": base64.b64encode(secrets.token_bytes(16)).decode(), "keyfile": keyfile_document}


def _nonce(counter: int, final: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if final else b"\x00")


class ChunkWriter:
    """Encrypts what is written into `out` in 1 MiB chunks; `close()` writes the final chunk."""

    def __init__(self, out: BinaryIO, key: bytes, header_digest: bytes):
        self._out = out
        self._aead = AESGCM(key)
        self._aad = header_digest
        self._buffer = bytearray()
        self._counter = 0
        self.written = 0  # ciphertext bytes, for progress

    def write(self, data: bytes) -> None:
        self._buffer += data
        while len(self._buffer) >= CHUNK:
            # A full chunk is never the final one: close() always adds a shorter (maybe empty) one.
            self._emit(bytes(self._buffer[:CHUNK]), final=False)
            del self._buffer[:CHUNK]

    def _emit(self, plain: bytes, final: bool) -> None:
        sealed = self._aead.encrypt(_nonce(self._counter, final), plain, self._aad)
        self._out.write(sealed)
        self._counter += 1
        self.written += len(sealed)

    def close(self) -> None:
        self._emit(bytes(self._buffer), final=True)
        self._buffer.clear()


class ChunkReader:
    """Reads and authenticates the chunks; `read(n)` returns exactly n bytes or refuses."""

    def __init__(self, source: BinaryIO, key: bytes, header_digest: bytes):
        self._source = source
        self._aead = AESGCM(key)
        self._aad = header_digest
        self._counter = 0
        self._plain = b""
        self._at = 0
        self.ended = False

    def _next_chunk(self) -> None:
        if self.ended:
            raise BackupRefused("backup.truncated")
        sealed = self._source.read(CHUNK + TAG)
        final = len(sealed) < CHUNK + TAG
        try:
            self._plain = self._aead.decrypt(_nonce(self._counter, final), sealed, self._aad)
        except (InvalidTag, ValueError):
            raise BackupRefused("backup.damaged") from None
        self._at = 0
        self._counter += 1
        if final:
            self.ended = True

    def read(self, n: int) -> bytes:
        parts = []
        while n > 0:
            if self._at >= len(self._plain):
                self._next_chunk()
                if not self._plain:
                    raise BackupRefused("backup.truncated")
            piece = self._plain[self._at:self._at + n]
            self._at += len(piece)
            n -= len(piece)
            parts.append(piece)
        return b"".join(parts)

    def finish(self) -> None:
        """After the end entry: the stream must end there, in its final chunk, and the file with it."""
        if self._at != len(self._plain):
            raise BackupRefused("backup.data_after_end")
        if not self.ended:
            self._next_chunk()  # the end entry filled a chunk exactly: an empty final one follows
            if self._plain:
                raise BackupRefused("backup.data_after_end")
        if self._source.read(1):
            raise BackupRefused("backup.data_after_end")


# ---- header -------------------------------------------------------------------------------------
def write_header(out: BinaryIO, header: dict) -> bytes:
    """Write magic, header and checksum; return the digest every chunk is bound to."""
    raw = json.dumps(header, sort_keys=True, separators=(",", ":")).encode()
    head = MAGIC + struct.pack(">I", len(raw)) + raw
    digest = hashlib.sha256(head).digest()
    out.write(head + digest)
    return digest


def read_header(source: BinaryIO) -> tuple[dict, bytes]:
    """(header, digest); refuses anything that is not an undamaged backup header (before any passphrase)."""
    magic = source.read(len(MAGIC))
    if magic != MAGIC:
        raise BackupRefused("backup.not_backup")
    size_raw = source.read(4)
    if len(size_raw) != 4:
        raise BackupRefused("backup.truncated")
    (size,) = struct.unpack(">I", size_raw)
    if size > MAX_HEADER:
        raise BackupRefused("backup.damaged")
    raw = source.read(size)
    digest = source.read(32)
    if len(raw) != size or len(digest) != 32:
        raise BackupRefused("backup.truncated")
    if hashlib.sha256(magic + size_raw + raw).digest() != digest:
        raise BackupRefused("backup.damaged")
    try:
        header = json.loads(raw)
        if header["format"] != FORMAT or not isinstance(header["keyfile"], dict):
            raise ValueError
        if header["version"] != VERSION or header["chunk_size"] != CHUNK:
            raise BackupRefused("backup.unsupported_version", version=repr(header["version"]))
        base64.b64decode(header["salt"], validate=True)
    except BackupRefused:
        raise
    except (ValueError, KeyError, TypeError):
        raise BackupRefused("backup.damaged") from None
    return header, digest


def salt_of(header: dict) -> bytes:
    return base64.b64decode(header["salt"])


# ---- entries ------------------------------------------------------------------------------------
def write_file_entry(writer: ChunkWriter, name: str, size: int, source: BinaryIO,
                     progress: Callable[[int], None] | None = None) -> None:
    """One file, streamed: the bytes read must be exactly `size` (a file that changed is refused)."""
    if not allowed_name(name):
        raise ValueError(f"not a backup entry name: {name}")
    encoded = name.encode()
    writer.write(FILE_ENTRY + struct.pack(">H", len(encoded)) + encoded + struct.pack(">Q", size))
    digest = hashlib.sha256()
    left = size
    while left:
        piece = source.read(min(CHUNK, left))
        if not piece:
            raise TawthiqError("backup.vault_changed")
        digest.update(piece)
        writer.write(piece)
        left -= len(piece)
        if progress is not None:
            progress(len(piece))
    if source.read(1):
        raise TawthiqError("backup.vault_changed")
    writer.write(digest.digest())


def write_end(writer: ChunkWriter, summary: dict) -> None:
    raw = json.dumps(summary, sort_keys=True).encode()
    writer.write(END_ENTRY + struct.pack(">I", len(raw)) + raw)
    writer.close()


@dataclass
class Entry:
    """A file entry being read: `copy_to(sink)` streams its bytes and checks their hash."""

    name: str
    size: int
    _reader: ChunkReader

    def copy_to(self, sink: BinaryIO | None, progress: Callable[[int], None] | None = None) -> None:
        digest = hashlib.sha256()
        left = self.size
        while left:
            piece = self._reader.read(min(CHUNK, left))
            digest.update(piece)
            if sink is not None:
                sink.write(piece)
            left -= len(piece)
            if progress is not None:
                progress(len(piece))
        if self._reader.read(32) != digest.digest():
            raise BackupRefused("backup.damaged")


def entries(reader: ChunkReader, summary_out: dict) -> Iterator[Entry]:
    """Yield each file entry (the caller must copy_to() it before the next); the end entry's summary
    fills `summary_out`. Refuses unknown kinds, names outside the allow-list, and a name twice."""
    seen: set[str] = set()
    while True:
        kind = reader.read(1)
        if kind == END_ENTRY:
            (size,) = struct.unpack(">I", reader.read(4))
            if size > MAX_SUMMARY:
                raise BackupRefused("backup.damaged")
            try:
                summary = json.loads(reader.read(size))
                if not isinstance(summary, dict):
                    raise ValueError
            except ValueError:
                raise BackupRefused("backup.damaged") from None
            reader.finish()
            summary_out.update(summary)
            return
        if kind != FILE_ENTRY:
            raise BackupRefused("backup.damaged")
        (length,) = struct.unpack(">H", reader.read(2))
        if length > MAX_NAME:
            raise BackupRefused("backup.damaged")
        try:
            name = reader.read(length).decode("ascii")
        except UnicodeDecodeError:
            raise BackupRefused("backup.damaged") from None
        (size,) = struct.unpack(">Q", reader.read(8))
        if not allowed_name(name) or name in seen:
            raise BackupRefused("backup.damaged")
        seen.add(name)
        yield Entry(name, size, reader)
