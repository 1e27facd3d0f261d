"""Reading parts of a case body that may be missing or of the wrong type.

Case bodies come from documenters' files and bundles; readers (statistics, exports, linkage,
reports) must take what is there without trusting its shape. One place says how.
"""

from __future__ import annotations

from typing import Any


def section(container: dict, key: str) -> dict[str, Any]:
    """`container[key]` if it is an object, else an empty one (e.g. `date`, `location`)."""
    value = container.get(key)
    return value if isinstance(value, dict) else {}


def entries(container: dict, key: str) -> list[Any]:
    """`container[key]` if it is a list, else an empty one (e.g. `victims`, `sources`)."""
    value = container.get(key)
    return value if isinstance(value, list) else []
