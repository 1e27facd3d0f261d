"""Byte plumbing for bundles: a pipe between a producer and pyrage, a hashing writer, a worker thread.

pyrage's `encrypt_io` pulls from a reader and `decrypt_io` pushes into a writer. Where the other
side is the opposite way round (the writer's tar producer, the reader's attachment store) an OS
pipe between two threads joins them in constant memory. pyrage 1.4 holds the GIL for its whole
call, so such threads take turns rather than run side by side; where the other side can take
pushed bytes (the reader's tar parser), storage/bundle/reader.py runs it inside pyrage's write
callbacks instead (its `PushParser`): no thread, no pipe, no copy through the kernel.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import io
import os
import threading
from collections.abc import Callable
from typing import BinaryIO

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
