"""docs/cli.md is generated from the parser; a new or changed command must regenerate it."""

from __future__ import annotations

from app.cli_reference import render
from tests.conftest import REPO


def test_docs_cli_md_is_current():
    current = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    assert current == render(), "docs/cli.md is stale: run `python -m app.cli_reference > docs/cli.md`"


def test_every_command_of_the_design_exists():
    text = render()
    for command in ("gui", "init", "case add", "case list", "case show", "case attach", "search", "form list",
                    "form template", "witness add", "witness list", "keys", "profile export", "profile import",
                    "identity export", "trust", "export", "verify", "import", "ack", "link", "stats",
                    "passphrase", "lock", "wipe"):
        assert f"## `tawthiq {command}`" in text, command
