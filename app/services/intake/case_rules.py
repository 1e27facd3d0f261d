"""The checks every saved case passes before it reaches the vault.

The form-driven validation (forms.validation) runs here, so the GUI, the CLI and bundle import
apply exactly the same rules. A case keeps the form version it was written under; a body that
names no version is taken as written before versions existed: version 1. Place names typed where a gazetteer code
belongs are turned into codes by the same walk that validates. Fields the form does not know are kept and reported as
warnings (a case from a newer form loses nothing); every other problem refuses the save. On
bundle import (`check_received`) a code of another vault's organisation terms or places is kept
and flagged the same way (forms.validation.validate_received).
"""

from __future__ import annotations

import uuid

from forms.definitions import form_versions
from forms.messages import message
from forms.validation import Problem, UnknownCode, validate_case, validate_received
from storage.errors import TawthiqError


class InvalidCase(TawthiqError):
    """Every problem of a case; `details` holds them as forms.validation.Problem for the GUI."""

    def __init__(self, problems: list[str], details: list[Problem] | None = None):
        self.problems = problems
        self.details = details or []
        first = problems[0] if problems else "invalid case"
        if len(problems) > 1:
            super().__init__("case.invalid_more", problem=first, more=len(problems) - 1)
        else:
            super().__init__("case.invalid", problem=first)


def _refused(path: str, code: str) -> InvalidCase:
    """One problem found before the form's validation runs, worded by forms.messages like the rest."""
    text = message(code, "en")
    problem = Problem(path, code, f"{path}: {text}" if path else text, text)
    return InvalidCase([problem.message], [problem])


def case_id(untrusted_id: object) -> str:
    """A case id that came from outside (a case file, a bundle record): a UUID, written as
    `uuid.uuid4()` writes it (lower case, hyphens), or refused.

    The id names the case's member in every bundle (`records/<id>.json`) and is printed in every
    list: an id with a path, spaces or Arabic would make each later export fail verification, and
    a case cannot be removed (issue 14). One spelling per UUID keeps one case from being two.
    """
    try:
        if isinstance(untrusted_id, str) and str(uuid.UUID(untrusted_id)) == untrusted_id:
            return untrusted_id
    except ValueError:
        pass
    raise _refused("id", "malformed_case_id")


def _prepared(body: object) -> dict:
    if not isinstance(body, dict):
        raise _refused("", "case_not_object")
    body.pop("_meta", None)
    if "id" in body:
        case_id(body["id"])  # first: a bad id is the one problem that no later save can undo
    form_id = body.get("form")
    if "form_version" not in body and isinstance(form_id, str) and form_versions(form_id):
        body["form_version"] = form_versions(form_id)[0]
    return body


def _raise_errors(problems: list[Problem]) -> None:
    if any(p.is_error for p in problems):
        ordered = [p for p in problems if p.is_error] + [p for p in problems if not p.is_error]
        raise InvalidCase([str(p) for p in ordered], ordered)


def check(body: object, lang: str = "en") -> dict:
    return validated(body, lang)[0]


def validated(body: object, lang: str = "en") -> tuple[dict, list[Problem]]:
    """As `check`, and the warnings (fields the form does not know) worded in `lang`: the editor
    shows them without validating the body a second time."""
    body = _prepared(body)
    problems = validate_case(body, lang, resolve_places=True)
    _raise_errors(problems)
    return body, problems


def check_received(body: object) -> tuple[dict, list[UnknownCode]]:
    """Bundle import: as `check`, except that well-formed vocabulary codes and place codes this
    vault does not know are accepted and returned, so the case is kept as written and flagged.

    They are another vault's organisation terms or places (the documenter's imported CSV or a
    newer profile); refusing them would drop the documenter's whole bundle.
    """
    body = _prepared(body)
    problems, unknown = validate_received(body)
    _raise_errors(problems)
    return body, unknown


def warnings(body: object, lang: str = "en") -> list[Problem]:
    """What a save would keep but flag (fields the form does not know), for the GUI to show."""
    return [p for p in validate_case(body, lang) if not p.is_error]
