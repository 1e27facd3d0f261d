"""A check on the Qt binding itself, made once at start.

PySide6 6.12.0 hands None, True and False back to Python without taking a reference for them
(every call of a method that returns void, every `signal.emit`). From Python 3.12 on these
objects are immortal (PEP 683) and nothing happens. On Python 3.11 their reference counts drift
down with every call until the interpreter aborts: "Fatal Python error: bool_dealloc" (or
none_dealloc) when it finalizes after a normal quit, and in the middle of the session after
some ten thousand keystrokes (measured: a 10,000-character narrative typed into the editor).

pyproject.toml keeps that release off Python 3.11, and tests/gui/test_gui_exit.py fails on a build
that leaks. Should the app still start on one (installed by hand), it says so once and gives the
three objects the same protection Python 3.12 gives them: a reference count so large that no
number of missing references can bring it to zero. The objects are never freed in either case.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

_PROBE_CALLS = 200
_SHIELD = 1 << 40  # more references than a session could ever drop


class _Probe(QObject):
    ping = Signal()


def leaks_references() -> bool:
    """True when the binding drops references to None or True that it never took."""
    if sys.version_info >= (3, 12):
        return False  # immortal objects: a missing reference cannot hurt
    probe = _Probe()
    before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(_PROBE_CALLS):
        probe.setObjectName("probe")  # returns void: None
        probe.ping.emit()  # returns a bool: True
    after = sys.getrefcount(None), sys.getrefcount(True)
    # A sound binding leaves both counts where they were, give or take a stray reference.
    return any(b - a > _PROBE_CALLS // 2 for a, b in zip(after, before, strict=True))


def shield_singletons() -> None:
    """Raise the reference counts of None, True and False out of reach (CPython 3.11 only).

    ob_refcnt is the first field of every CPython object (Include/object.h), a Py_ssize_t.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += _SHIELD


def check_and_protect() -> bool:
    """Run at start; True (after a warning on stderr) when the binding leaks."""
    if not leaks_references():
        return False
    print("tawthiq: this PySide6 build loses Python references on Python 3.11 and could abort; "
          "protection applied, but please install another release "
          "(pip install 'PySide6-Essentials!=6.12.0')", file=sys.stderr)
    shield_singletons()
    return True
