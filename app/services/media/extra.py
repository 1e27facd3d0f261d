"""The media extra: Pillow, ImageHash and PyAV are optional (`pip install 'tawthiq[media]'`).

A core install attaches files as before; what the media extra reads (capture metadata, perceptual
hashes, video frames) is then recorded as "not read: the media extra is not installed", never
guessed. The modules are found without importing them (PyAV loads FFmpeg's libraries).
"""

from __future__ import annotations

import importlib.util

INSTALL_HINT = "pip install 'tawthiq[media]'"


def images() -> bool:
    return all(importlib.util.find_spec(name) is not None for name in ("PIL", "imagehash"))


def video() -> bool:
    return images() and importlib.util.find_spec("av") is not None
