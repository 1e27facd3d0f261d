"""An organisation's own vocabulary terms and places, kept in the vault and installed at unlock.

forms/ parses the CSV files and holds what is in force for validation and place resolution, but
keeps nothing: its state is per process. This module is the keeper. Each import is parsed whole
(a malformed file takes nothing), merged with what the vault already holds, stored as JSON in the
encrypted settings table under `org.vocabulary.<name>` and `org.places`, and audited. `install`
loads exactly one vault's additions into forms, replacing whatever another vault installed
before, so terms never leak from one vault to the next. Codes are never removed: a saved case
keeps pointing at the code it used.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from forms import gazetteer, vocabularies
from forms.errors import FormError
from storage import audit
from storage.database import transaction
from storage.errors import TawthiqError
from storage.vault import Vault

VOCABULARY_PREFIX = "org.vocabulary."
PLACES_SETTING = "org.places"
AUDIT_ACTION = "organisation.data"

log = logging.getLogger(__name__)


class BadOrganisationData(TawthiqError):
    """A CSV that cannot be imported; the vault was not changed."""


def _stored_list(vault: Vault, key: str) -> list[dict]:
    raw = vault.setting(key)
    if not raw:
        return []
    try:
        value = json.loads(raw)
    except ValueError:
        value = None
    if not isinstance(value, list) or not all(isinstance(x, dict) for x in value):
        # Only this module writes the key; a damaged value must not stop the vault from opening.
        log.warning("the stored organisation data %s is unreadable and was not installed", key)
        return []
    return value


def _stored_vocabularies(vault: Vault) -> dict[str, list[dict]]:
    rows = vault.connection().execute(
        "SELECT key FROM settings WHERE key LIKE ? ORDER BY key", (VOCABULARY_PREFIX + "%",)
    ).fetchall()
    return {key[len(VOCABULARY_PREFIX):]: _stored_list(vault, key) for (key,) in rows}


def stored_terms(vault: Vault, name: str) -> list[dict]:
    return _stored_list(vault, VOCABULARY_PREFIX + name)


def stored_places(vault: Vault) -> list[dict]:
    return _stored_list(vault, PLACES_SETTING)


def install(vault: Vault) -> None:
    """Put this vault's additions (and only them) in force; a vault with none resets to the shipped data."""
    terms: dict[str, list[dict]] = {}
    for name, items in _stored_vocabularies(vault).items():
        if name in vocabularies.vocabulary_names():
            terms[name] = items
        else:  # a vocabulary a later version no longer ships: keep the data, skip installing it
            log.warning("organisation terms for an unknown vocabulary were not installed")
    try:
        vocabularies.set_organisation_terms(terms)
    except (FormError, KeyError, TypeError, ValueError):
        log.warning("the stored organisation terms are unreadable and were not installed")
        vocabularies.set_organisation_terms({})
    try:
        gazetteer.set_organisation_places(stored_places(vault))
    except (FormError, KeyError, TypeError, ValueError):
        log.warning("the stored organisation places are unreadable and were not installed")
        gazetteer.set_organisation_places([])


def uninstall() -> None:
    """Back to the shipped data only (when a vault is locked)."""
    vocabularies.set_organisation_terms({})
    gazetteer.set_organisation_places([])


def import_vocabulary_csv(vault: Vault, name: str, path: str | Path) -> list[dict]:
    """Add the terms of a `code,en,ar` CSV to vocabulary `name`; returns the terms it added or relabelled."""
    if not isinstance(name, str) or name not in vocabularies.vocabulary_names():
        raise BadOrganisationData(f"no vocabulary named {name!r} (see `tawthiq vocabulary list`)")
    try:
        new = [t.to_json() for t in vocabularies.import_terms_csv(name, path)]
    except FormError as exc:
        raise BadOrganisationData(f"nothing was imported: {exc}") from None
    merged = {t["code"]: t for t in stored_terms(vault, name)}
    merged.update({t["code"]: t for t in new})  # a re-import may relabel the organisation's own code
    conn = vault.connection()
    with transaction(conn):
        vault.set_setting(VOCABULARY_PREFIX + name, json.dumps(list(merged.values()), ensure_ascii=False))
        audit.record(conn, AUDIT_ACTION, f"vocabulary:{name}", terms=len(new), total=len(merged))
    install(vault)
    return new


def _merge_place(old: dict | None, new: dict) -> dict:
    if old is None:
        return new
    variants = list(dict.fromkeys([*old.get("variants", []), *new.get("variants", [])]))
    return {**new, "variants": variants, "pcode": new.get("pcode") or old.get("pcode")}


def import_places_csv(vault: Vault, path: str | Path) -> list[dict]:
    """Add the places of a CSV (ours or OCHA COD-AB) to the vault's gazetteer; returns the entries read."""
    install(vault)  # the CSV is matched against this vault's gazetteer, not another's
    try:
        new = [p.to_json() for p in gazetteer.import_places_csv(path)]
    except FormError as exc:
        raise BadOrganisationData(f"nothing was imported: {exc}") from None
    merged = {p["code"]: p for p in stored_places(vault)}
    for place in new:
        merged[place["code"]] = _merge_place(merged.get(place["code"]), place)
    conn = vault.connection()
    with transaction(conn):
        vault.set_setting(PLACES_SETTING, json.dumps(list(merged.values()), ensure_ascii=False))
        audit.record(conn, AUDIT_ACTION, "places", places=len(new), total=len(merged))
    install(vault)
    return new
