"""Start the real desktop app as a person would and see, from outside, when its window is up.

`tawthiq --debug gui` logs "window shown: <page>" once the event loop has painted the window
(app/gui/main.py) and "view modules loaded" once the deferred views are imported (a core install
must survive that step too). Used by the packaged app's test and by the start-up benchmark
(benchmarks/bench_dist.py), for the packaged program and for `make run`'s `python -m app gui` alike.
"""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import time
from dataclasses import dataclass

SHOWN = "window shown: "
VIEWS_LOADED = "view modules loaded"


@dataclass
class GuiStart:
    seconds_to_shown: float  # process start → the first page painted
    page: str  # the class name of that page: UnlockPage for an existing vault
    exit_status: int  # after SIGTERM (the app saves, locks and quits: 0)
    stderr: str


def start_until_shown(command: list[str], env: dict[str, str], timeout_s: float = 120) -> GuiStart:
    """Run `command` (ending in `--debug gui`), wait for its window and its views, then SIGTERM it."""
    started = time.monotonic()
    proc = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    assert proc.stderr is not None
    seen: list[str] = []
    shown_at: float | None = None
    page = ""
    buffer = b""
    with selectors.DefaultSelector() as selector:
        selector.register(proc.stderr, selectors.EVENT_READ)
        while time.monotonic() - started < timeout_s:
            if not selector.select(timeout=0.5):
                if proc.poll() is not None:
                    break
                continue
            chunk = os.read(proc.stderr.fileno(), 65536)
            if not chunk:
                break
            buffer += chunk
            *lines, buffer = buffer.split(b"\n")
            for raw in lines:
                line = raw.decode("utf-8", "replace")
                seen.append(line)
                if SHOWN in line and shown_at is None:
                    shown_at = time.monotonic()
                    page = line.split(SHOWN, 1)[1].strip()
            if shown_at is not None and any(VIEWS_LOADED in line for line in seen):
                break
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
    try:
        rest = proc.communicate(timeout=60)[1]
    except subprocess.TimeoutExpired:
        proc.kill()
        rest = proc.communicate()[1]
    text = "\n".join(seen) + "\n" + (buffer + rest).decode("utf-8", "replace")
    if shown_at is None:
        raise RuntimeError(f"the window never reported itself shown (exit {proc.returncode}):\n{text[-3000:]}")
    if VIEWS_LOADED not in text:
        raise RuntimeError(f"the views were never loaded (exit {proc.returncode}):\n{text[-3000:]}")
    return GuiStart(shown_at - started, page, proc.returncode, text)
