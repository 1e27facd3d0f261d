"""Which installed distributions an install of Tawthiq needs, from pyproject.toml's own lists.

`make dist` leaves out of the packaged app every module the core install does not need (the build
runs in .venv, which has the linkage and dev extras installed), and the core-install test builds a
site folder that holds exactly the core closure. Both read the same declared requirements, so a
dependency added to pyproject.toml reaches both without another list to keep.
"""

from __future__ import annotations

import importlib.metadata as metadata
import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

REPO = Path(__file__).resolve().parent.parent


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def project() -> dict:
    with open(REPO / "pyproject.toml", "rb") as fh:
        return tomllib.load(fh)["project"]


def closure(requirements: list[str], extras: tuple[str, ...] = ()) -> dict[str, metadata.Distribution]:
    """The installed distributions these requirements need, recursively, keyed by canonical name.

    Markers are evaluated for this interpreter; a requirement's own extras are followed. A
    required distribution that is not installed raises PackageNotFoundError: the environment
    cannot then say what an install would hold.
    """
    found: dict[str, metadata.Distribution] = {}
    pending = [(text, extras) for text in requirements]
    while pending:
        text, active = pending.pop()
        req = Requirement(text)
        if req.marker is not None and not any(
            req.marker.evaluate({"extra": extra}) for extra in (active or ("",))
        ):
            continue
        name = _canonical(req.name)
        if name in found:
            continue
        dist = metadata.distribution(req.name)
        found[name] = dist
        pending.extend((sub, tuple(req.extras)) for sub in dist.requires or ())
    return found


def core_distributions() -> dict[str, metadata.Distribution]:
    return closure(project()["dependencies"])


def extra_distributions(extra: str) -> dict[str, metadata.Distribution]:
    return closure(project()["optional-dependencies"][extra])


def top_level_names(dist: metadata.Distribution) -> set[str]:
    """The importable top-level names a distribution installs (packages, modules, extension files)."""
    names: set[str] = set()
    for file in dist.files or ():
        first = file.parts[0]
        if first.endswith((".dist-info", ".egg-info", ".pth")) or first in ("..", "__pycache__"):
            continue
        if len(file.parts) == 1:
            if not first.endswith((".py", ".so", ".pyd")):
                continue
            first = first.split(".")[0]
        names.add(first)
    return names


def not_core_modules() -> set[str]:
    """Top-level modules of every installed distribution the core install does not need.

    What the packaged app must not contain: the extras (Splink, DuckDB), the build and test tools,
    and whatever else the build's venv happens to hold (NumPy, which nothing of ours imports but
    PySide6 would take along when it finds it).
    """
    core = core_distributions()
    keep = {name for dist in core.values() for name in top_level_names(dist)}
    # Tawthiq itself is never "not core": a stray tawthiq.egg-info in the checkout (left by a
    # setuptools build run there) lists app, forms and storage as its files.
    ours = _canonical(project()["name"])
    others: set[str] = set()
    for dist in metadata.distributions():
        if _canonical(dist.metadata["Name"]) not in core and _canonical(dist.metadata["Name"]) != ours:
            others |= top_level_names(dist)
    return others - keep


# Qt's own hooks in PyInstaller choose which of its plugins and translations to take (all of its
# data would add hundreds of megabytes of tools the app never runs).
HOOKED = {"pyside6-essentials", "shiboken6"}


def core_data_packages() -> set[str]:
    """Top-level packages of the core distributions whose data files the packaged app must carry.

    PyInstaller follows imports, not files: a package that opens a file beside its code at run
    time (shamir_mnemonic's SLIP-39 word list) would fail in the packaged app only.
    """
    import importlib.util

    names = {name for key, dist in core_distributions().items() if key not in HOOKED
             for name in top_level_names(dist)}
    # A single-file module (_cffi_backend) has no folder to hold data.
    return {name for name in names if (spec := importlib.util.find_spec(name)) is not None
            and spec.submodule_search_locations is not None}
