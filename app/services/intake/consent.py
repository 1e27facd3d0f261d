"""A witness's consent, and the filter every export for partners applies (DESIGN.md section 5).

A consent record is a small JSON object kept with the witness (never identifying):

    {"given": true, "how": "oral", "date": "2026-11-02", "recorded_by": "doc-7",
     "scope": ["internal", "courts"], "name_disclosure": false, "withdrawn_on": null}

`allowed(consent, purpose)` is the one rule; `filter_cases` applies it to the sources of cases
before they leave for a purpose, and says in a `ConsentReport` how many statements it held back
and why. Missing or malformed consent never allows anything: the filter fails closed.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from storage.errors import TawthiqError

# Scope of use, in the order the consent form shows them.
PURPOSES = ("internal", "partners", "un", "courts", "publication")
PURPOSE_LABELS = {
    "internal": "internal analysis",
    "partners": "partner organisations",
    "un": "UN mechanisms",
    "courts": "courts",
    "publication": "anonymised publication",
}
HOW = ("", "oral", "written", "recorded", "other")
REASONS = ("unknown_witness", "no_consent", "withdrawn", "out_of_scope")
REASON_LABELS = {
    "unknown_witness": "the pseudonym is not in the witness register",
    "no_consent": "no consent was given or recorded",
    "withdrawn": "the witness withdrew consent",
    "out_of_scope": "the consent does not cover this purpose",
}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_TEXT = 200


class InvalidConsent(TawthiqError):
    pass


def empty_consent() -> dict:
    return {
        "given": False,
        "how": "",
        "date": "",
        "recorded_by": "",
        "scope": [],
        "name_disclosure": False,
        "withdrawn_on": None,
    }


def check_consent(untrusted: object) -> dict:
    """A clean consent record from user or bundle input; InvalidConsent names the first problem."""
    if untrusted is None:
        return empty_consent()
    if not isinstance(untrusted, dict):
        raise InvalidConsent("consent.not_object")
    unknown = set(untrusted) - set(empty_consent())
    if unknown:
        raise InvalidConsent("consent.unknown_field", field=repr(sorted(unknown)[0]))
    out = empty_consent()
    given = untrusted.get("given", False)
    if not isinstance(given, bool):
        raise InvalidConsent("consent.given_not_bool")
    out["given"] = given
    how = untrusted.get("how", "") or ""
    if how not in HOW:
        raise InvalidConsent("consent.how_unknown", choices=", ".join(h for h in HOW if h))
    out["how"] = how
    for key in ("date", "withdrawn_on"):
        value = untrusted.get(key)
        if value in (None, ""):
            out[key] = None if key == "withdrawn_on" else ""
        elif not isinstance(value, str) or not _DATE.match(value):
            raise InvalidConsent("consent.date_malformed", field=key)
        else:
            out[key] = value
    recorded_by = untrusted.get("recorded_by", "") or ""
    if not isinstance(recorded_by, str) or len(recorded_by) > MAX_TEXT:
        raise InvalidConsent("consent.recorded_by_too_long", limit=MAX_TEXT)
    out["recorded_by"] = recorded_by
    scope = untrusted.get("scope", [])
    if not isinstance(scope, list) or any(p not in PURPOSES for p in scope):
        raise InvalidConsent("consent.scope_unknown", choices=", ".join(PURPOSES))
    out["scope"] = [p for p in PURPOSES if p in scope]
    disclosure = untrusted.get("name_disclosure", False)
    if not isinstance(disclosure, bool):
        raise InvalidConsent("consent.disclosure_not_bool")
    out["name_disclosure"] = disclosure
    return out


def refusal(consent: Mapping | None, purpose: str) -> str | None:
    """Why `purpose` is not allowed (one of REASONS), or None when it is."""
    if purpose not in PURPOSES:
        raise InvalidConsent("consent.purpose_unknown", purpose=repr(purpose), choices=", ".join(PURPOSES))
    if not isinstance(consent, Mapping) or consent.get("given") is not True:
        return "no_consent"
    if consent.get("withdrawn_on"):
        return "withdrawn"
    scope = consent.get("scope")
    if not isinstance(scope, list) or purpose not in scope:
        return "out_of_scope"
    return None


def allowed(consent: Mapping | None, purpose: str) -> bool:
    return refusal(consent, purpose) is None


@dataclass
class ConsentReport:
    """What the filter held back; an export report prints `lines()` and stores `to_json()`."""

    purpose: str
    mode: str
    statements_kept: int = 0
    statements_withheld: int = 0
    reasons: Counter = field(default_factory=Counter)
    witnesses_withheld: set[str] = field(default_factory=set)

    def to_json(self) -> dict:
        return {
            "purpose": self.purpose,
            "mode": self.mode,
            "statements_kept": self.statements_kept,
            "statements_withheld": self.statements_withheld,
            "reasons": {r: self.reasons[r] for r in REASONS if self.reasons[r]},
            "witnesses_withheld": sorted(self.witnesses_withheld),
        }

    def lines(self) -> list[str]:
        verb = "left out" if self.mode == "omit" else "redacted"
        out = [
            f"consent ({PURPOSE_LABELS[self.purpose]}): {self.statements_withheld} witness statement(s) "
            f"{verb}, {self.statements_kept} kept"
        ]
        out += [f"  {self.reasons[r]}: {REASON_LABELS[r]}" for r in REASONS if self.reasons[r]]
        return out


def filter_cases(
    cases: Iterable[dict],
    purpose: str,
    consents: Mapping[str, Mapping],
    *,
    mode: str = "omit",
) -> tuple[list[dict], ConsentReport]:
    """Copies of `cases` whose witness sources respect each witness's consent for `purpose`.

    A source refers to a witness by `source["witness"]` (a pseudonym). With mode "omit" a
    source the consent does not cover is dropped; with "redact" it is replaced by
    `{"who": …, "redacted": "consent"}` (no pseudonym, no statement). Sources without a witness
    (monitor reports, hospital records) pass unchanged. The input is not modified.
    """
    if mode not in ("omit", "redact"):
        raise InvalidConsent("consent.mode_unknown")
    report = ConsentReport(purpose=purpose, mode=mode)
    refusal(None, purpose)  # rejects an unknown purpose before any work
    out = []
    for case in cases:
        case = copy.deepcopy(case)
        sources = case.get("sources")
        if isinstance(sources, list):
            kept = []
            for source in sources:
                code = source.get("witness") if isinstance(source, dict) else None
                if not code:
                    kept.append(source)
                    continue
                reason = "unknown_witness" if code not in consents else refusal(consents[code], purpose)
                if reason is None:
                    report.statements_kept += 1
                    kept.append(source)
                    continue
                report.statements_withheld += 1
                report.reasons[reason] += 1
                report.witnesses_withheld.add(str(code))
                if mode == "redact":
                    kept.append({"who": source.get("who", ""), "redacted": "consent"})
            case["sources"] = kept
        out.append(case)
    return out, report
