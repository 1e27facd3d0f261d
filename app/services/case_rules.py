"""The checks every saved case passes before it reaches the vault.

Structural checks live here; the form-driven validation (forms.validation) plugs in through
`check` so the GUI, the CLI and bundle import apply exactly the same rules.
"""

from __future__ import annotations

from storage.errors import TawthiqError

# Keys whose values never go into the full-text index (ids, codes, hashes).
NOT_INDEXED = frozenset({"id", "form", "form_version", "sha256", "witness", "attachment", "_meta"})


class InvalidCase(TawthiqError):
    def __init__(self, problems: list[str]):
        self.problems = problems
        first = problems[0] if problems else "invalid case"
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(f"invalid case: {first}{more}")


def check(body: object) -> dict:
    if not isinstance(body, dict):
        raise InvalidCase(["a case must be a JSON object"])
    body.pop("_meta", None)
    problems = []
    if not isinstance(body.get("form"), str) or not body.get("form"):
        problems.append("form: missing (the case type, e.g. \"kidnapping\")")
    if "form_version" not in body:
        body["form_version"] = 1
    if not isinstance(body.get("form_version"), int) or isinstance(body.get("form_version"), bool):
        problems.append("form_version: must be a whole number")
    if "title" in body and not isinstance(body["title"], str):
        problems.append("title: must be text")
    if problems:
        raise InvalidCase(problems)
    return body
