"""Shared helpers for the forms tests: the shipped realistic examples."""

from __future__ import annotations

import copy
import json
from pathlib import Path

EXAMPLES_DIR = Path(__file__).resolve().parent.parent / "resources" / "forms" / "examples"


def example(name: str) -> dict:
    return copy.deepcopy(json.loads((EXAMPLES_DIR / f"{name}.json").read_text(encoding="utf-8")))


def example_names() -> list[str]:
    return sorted(p.stem for p in EXAMPLES_DIR.glob("*.json"))
