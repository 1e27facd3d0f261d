"""Earlier versions of a case: when each was sealed, one version's body, what changed since.

The GUI's read-only version view and `tawthiq case show --version N` / `case diff` share these.
Versions themselves are never changed here: a sealed version is frozen by a trigger
(storage/migrations/0001), and reading one writes nothing, not even the audit log.

What changed is listed field by field along the form definition: a repeatable group (victims,
perpetrators, sources) is compared entry by entry, every other field as one value (a date range,
a place or a name is one change, not one per part). Keys the form does not know are compared as
whole values, so nothing that differs is left out.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from app.services.intake.cases import CaseNotFound, case_history, get_case
from forms.definitions import Field, FormDefinition, load_form
from forms.errors import FormError
from storage.vault import Vault

# Where a changed value sits: the fields from the case down, each with the entry number of a
# repeatable group (0-based) or None. A field of None is a key the form does not define.
Trail = tuple[tuple[Field | None, int | None], ...]


@dataclass(frozen=True)
class FieldChange:
    path: str  # "victims[1].name": the validator's way of naming a field
    old: Any  # None: absent from the older version
    new: Any  # None: absent from the newer version
    trail: Trail = field(default=(), compare=False, repr=False)

    def to_json(self) -> dict:
        return {"path": self.path, "old": self.old, "new": self.new}


def sealed_times(vault: Vault, case_id: str) -> dict[int, str]:
    """{version: when it was sealed} from the audit log (versions sealed on this vault only).

    The log has no index on the case: this reads all of it (about 0.3 s at 300,000 entries, i.e.
    100,000 cases), so the GUI asks for it on its background-task helper.
    """
    rows = vault.connection().execute(
        "SELECT detail, at FROM audit_log WHERE action = 'case.seal' AND subject = ?", (case_id,)
    ).fetchall()
    times: dict[int, str] = {}
    for detail, at in rows:
        version = json.loads(detail).get("version")
        if isinstance(version, int):
            times.setdefault(version, at)
    return times


def sealed_at(vault: Vault, case_id: str, version: int) -> str | None:
    return sealed_times(vault, case_id).get(version)


def versions(vault: Vault, case_id: str) -> list[dict]:
    """`case_history` rows, each with `sealed_at` (None for a draft, or sealed elsewhere)."""
    history = case_history(vault, case_id)
    if not history:
        raise CaseNotFound("case.not_found")
    sealed = sealed_times(vault, case_id)
    return [dict(row, sealed_at=sealed.get(row["version"])) for row in history]


def read_version(vault: Vault, case_id: str, version: int) -> dict:
    """One version's body with `_meta` (its status, when it was saved, the current version)."""
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise CaseNotFound("case.no_such_version")
    return get_case(vault, case_id, version)


def definition_for(body: dict) -> FormDefinition | None:
    """The form version the body was written with; None if this installation lacks it."""
    try:
        return load_form(body.get("form"), body.get("form_version"))  # type: ignore[arg-type]
    except FormError:
        return None


def compare_versions(vault: Vault, case_id: str, version: int, against: int | None = None) -> list[FieldChange]:
    """What changed from `version` to `against` (default: the current version)."""
    old = read_version(vault, case_id, version)
    new = read_version(vault, case_id, against) if against is not None else get_case(vault, case_id)
    return compare_bodies(old, new)


def compare_bodies(old: dict, new: dict) -> list[FieldChange]:
    """What changed between two versions already read, along the newer one's form version (the
    older one's if this installation lacks it)."""
    return changed_fields(old, new, definition_for(new) or definition_for(old))


def changed_fields(old: dict, new: dict, definition: FormDefinition | None = None) -> list[FieldChange]:
    """Field-by-field differences between two case bodies, in the form's order."""
    out: list[FieldChange] = []
    fields = definition.fields if definition is not None else ()
    _compare_object(_plain(old), _plain(new), fields, "", (), out)
    return out


def _plain(body: dict) -> dict:
    return {k: v for k, v in body.items() if k not in ("_meta", "id")}


def _compare_object(old: Any, new: Any, fields: tuple[Field, ...], prefix: str, trail: Trail,
                    out: list[FieldChange]) -> None:
    old = old if isinstance(old, dict) else {}
    new = new if isinstance(new, dict) else {}
    known = set()
    for f in fields:
        known.add(f.id)
        _compare_field(old.get(f.id), new.get(f.id), f, _join(prefix, f.id), trail, out)
    for key in sorted((set(old) | set(new)) - known):
        if old.get(key) != new.get(key):
            out.append(FieldChange(_join(prefix, key), old.get(key), new.get(key), trail + ((None, None),)))


def _compare_field(old: Any, new: Any, f: Field, path: str, trail: Trail, out: list[FieldChange]) -> None:
    if old == new:
        return
    if f.type == "group" and f.repeat and isinstance(old or [], list) and isinstance(new or [], list):
        olds, news = old or [], new or []
        for i in range(max(len(olds), len(news))):
            a = olds[i] if i < len(olds) else None
            b = news[i] if i < len(news) else None
            step = trail + ((f, i),)
            if isinstance(a, dict) and isinstance(b, dict):
                _compare_object(a, b, f.children, f"{path}[{i}]", step, out)
            elif a != b:  # an entry added or removed: one change with the whole entry
                out.append(FieldChange(f"{path}[{i}]", a, b, step))
        return
    if f.type == "group" and not f.repeat and isinstance(old or {}, dict) and isinstance(new or {}, dict):
        _compare_object(old, new, f.children, path, trail + ((f, None),), out)
        return
    out.append(FieldChange(path, old, new, trail + ((f, None),)))


def _join(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix else key
