"""Process hygiene applied at start by both front ends: umask, no core dumps, quiet logs."""

from __future__ import annotations

import logging
import os
import sys

log = logging.getLogger("tawthiq")


def harden_process() -> None:
    os.umask(0o077)
    # Qt would otherwise cache compiled QML under the user's cache folder; nothing of ours is worth
    # caching there, and the GUI canary scan looks in that folder.
    os.environ["QML_DISABLE_DISK_CACHE"] = "1"
    try:  # no core dump may carry keys or case text to disk
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):
        pass
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            PR_SET_DUMPABLE = 4
            ctypes.CDLL(None).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
        except (OSError, AttributeError):
            pass


def configure_logging(debug: bool) -> None:
    """No log file ever; warnings to stderr; --debug adds detail (still no content by design)."""
    logging.basicConfig(
        stream=sys.stderr,
        level=logging.DEBUG if debug else logging.WARNING,
        format="tawthiq %(levelname)s %(name)s: %(message)s",
    )


def log_unexpected(exc: BaseException) -> None:
    # The traceback may quote values (paths, text); only at DEBUG, which the user asked for.
    log.debug("unexpected error", exc_info=exc)
