"""Byte plumbing for bundles: a pipe between a producer and pyrage, hashing wrappers, and a
push-driven parser.

pyrage's `encrypt_io` pulls from a reader and `decrypt_io` pushes into a writer. Where the other
side is the opposite way round (the writer's tar producer) an OS pipe between two threads joins
them in constant memory. pyrage 1.4 holds the GIL for its whole call, so such threads take turns
rather than run side by side; where the other side can take pushed bytes (the reader's tar
parser), `PushParser` runs it inside pyrage's write callbacks instead: no thread, no pipe, no
copy through the kernel.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import io
import os
import threading
from collections.abc import Callable, Generator
from typing import Any, BinaryIO, NamedTuple, TypeVar

CHUNK = 1 << 20
_F_SETPIPE_SZ = 1031  # Linux: a larger pipe means fewer context switches per megabyte


def make_pipe() -> tuple[BinaryIO, BinaryIO]:
    r, w = os.pipe()
    with contextlib.suppress(OSError):
        fcntl.fcntl(w, _F_SETPIPE_SZ, CHUNK)
    return os.fdopen(r, "rb", buffering=CHUNK), os.fdopen(w, "wb", buffering=CHUNK)


class HashingWriter(io.RawIOBase):
    """Passes writes to `sink` (or nowhere), keeping SHA-256 and byte count."""

    def __init__(self, sink: BinaryIO | None = None, progress: Callable[[int], None] | None = None):
        self._sink = sink
        self.sha256 = hashlib.sha256()
        self.size = 0
        self._progress = progress

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:  # type: ignore[override]
        self.sha256.update(data)
        n = len(data)
        self.size += n
        if self._sink is not None:
            self._sink.write(data)
        if self._progress is not None:
            self._progress(self.size)
        return n


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


class Worker(threading.Thread):
    """Runs one blocking call and keeps its exception for the caller to re-raise."""

    def __init__(self, target: Callable[[], object], name: str):
        super().__init__(name=name, daemon=True)
        self._call = target
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self._call()
        except BaseException as exc:  # handed to the joining thread
            self.error = exc


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
