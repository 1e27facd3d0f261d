"""An organisation's own vocabulary terms and places, kept in the vault and installed at unlock.

forms/ parses the CSV files and holds what is in force for validation and place resolution, but
keeps nothing: its state is per process. This module is the keeper. Each import is parsed whole
(a malformed file takes nothing), merged with what the vault already holds, stored as JSON in the
encrypted settings table under `org.vocabulary.<name>` and `org.places`, and audited. `install`
loads exactly one vault's additions into forms, replacing whatever another vault installed
before, so terms never leak from one vault to the next. Codes are never removed: a saved case
keeps pointing at the code it used.

The coordinator's additions also travel in the organisation profile (app.services.exchange.organisation_profile):
`for_profile` gives them, `read_from_profile` checks what a profile carries by the same rules as
the CSV readers (forms.vocabularies.terms_from_json, forms.gazetteer.places_from_json), and
`store_from_profile` merges them here, in the profile import's own transaction. There is one
store: a documenter's terms from a profile and from their own CSV sit side by side.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from forms import gazetteer, vocabularies
from forms.errors import FormError
from forms.validation import unknown_codes
from storage import audit
from storage.database import Connection, transaction
from storage.errors import BundleRejected, TawthiqError
from storage.vault import Vault

VOCABULARY_PREFIX = "org.vocabulary."
PLACES_SETTING = "org.places"
AUDIT_ACTION = "organisation.data"
MAX_VOCABULARIES = 200  # in a profile; the program ships 16

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


def _store_terms(vault: Vault, name: str, new: list[dict]) -> int:
    """Merge into the stored terms of `name` (inside the caller's transaction); returns the total."""
    merged = {t["code"]: t for t in stored_terms(vault, name)}
    merged.update({t["code"]: t for t in new})  # a re-import may relabel the organisation's own code
    vault.set_setting(VOCABULARY_PREFIX + name, json.dumps(list(merged.values()), ensure_ascii=False))
    return len(merged)


def _merge_place(old: dict | None, new: dict) -> dict:
    if old is None:
        return new
    variants = list(dict.fromkeys([*old.get("variants", []), *new.get("variants", [])]))
    return {**new, "variants": variants, "pcode": new.get("pcode") or old.get("pcode")}


def _store_places(vault: Vault, new: list[dict]) -> int:
    merged = {p["code"]: p for p in stored_places(vault)}
    for place in new:
        merged[place["code"]] = _merge_place(merged.get(place["code"]), place)
    vault.set_setting(PLACES_SETTING, json.dumps(list(merged.values()), ensure_ascii=False))
    return len(merged)


def import_vocabulary_csv(vault: Vault, name: str, path: str | Path) -> list[dict]:
    """Add the terms of a `code,en,ar` CSV to vocabulary `name`; returns the terms it added or relabelled."""
    if not isinstance(name, str) or name not in vocabularies.vocabulary_names():
        raise BadOrganisationData("orgdata.no_vocabulary", name=repr(name))
    try:
        new = [t.to_json() for t in vocabularies.import_terms_csv(name, path)]
    except FormError as exc:
        raise BadOrganisationData("orgdata.not_imported", reason=exc) from None
    conn = vault.connection()
    with transaction(conn):
        total = _store_terms(vault, name, new)
        audit.record(conn, AUDIT_ACTION, f"vocabulary:{name}", terms=len(new), total=total)
    install(vault)
    return new


def import_places_csv(vault: Vault, path: str | Path) -> list[dict]:
    """Add the places of a CSV (ours or OCHA COD-AB) to the vault's gazetteer; returns the entries read."""
    install(vault)  # the CSV is matched against this vault's gazetteer, not another's
    try:
        new = [p.to_json() for p in gazetteer.import_places_csv(path)]
    except FormError as exc:
        raise BadOrganisationData("orgdata.not_imported", reason=exc) from None
    conn = vault.connection()
    with transaction(conn):
        total = _store_places(vault, new)
        audit.record(conn, AUDIT_ACTION, "places", places=len(new), total=total)
    install(vault)
    return new


# ---- in the organisation profile --------------------------------------------------------------
@dataclass(frozen=True)
class ProfileData:
    """A profile's organisation terms and places, checked; `vocabularies` maps name → term JSON."""

    vocabularies: dict[str, list[dict]]
    places: list[dict]

    @property
    def counts(self) -> dict[str, int]:
        return {"terms": sum(map(len, self.vocabularies.values())), "places": len(self.places)}


def for_profile(vault: Vault) -> dict:
    """This vault's additions as a profile carries them, checked as a documenter will check them
    (so a coordinator learns at export, not from every documenter, that something cannot travel)."""
    data = {"vocabularies": {name: terms for name, terms in _stored_vocabularies(vault).items() if terms},
            "places": stored_places(vault)}
    try:
        _checked(data)
    except FormError as exc:
        raise BadOrganisationData("orgdata.cannot_travel", reason=exc) from None
    return data


def read_from_profile(untrusted: object) -> ProfileData:
    """Check the `organisation_data` of a profile by the CSV readers' rules; BundleRejected if not."""
    if untrusted is None:
        return ProfileData({}, [])
    try:
        return _checked(untrusted)
    except FormError as exc:
        raise BundleRejected("orgdata.profile_malformed", reason=exc) from None


def _checked(untrusted: object) -> ProfileData:
    if not isinstance(untrusted, dict) or not set(untrusted) <= {"vocabularies", "places"}:
        raise FormError("orgdata.keys")
    vocab = untrusted.get("vocabularies", {})
    if not isinstance(vocab, dict) or len(vocab) > MAX_VOCABULARIES:
        raise FormError("orgdata.vocabularies_not_mapping")
    checked = {name: [t.to_json() for t in vocabularies.terms_from_json(name, items)] for name, items in vocab.items()}
    places = [p.to_json() for p in gazetteer.places_from_json(untrusted.get("places", []))]
    return ProfileData({k: v for k, v in checked.items() if v}, places)


def store_from_profile(vault: Vault, conn: Connection, data: ProfileData) -> None:
    """Merge a checked profile's additions into this vault's, inside the caller's transaction."""
    for name, terms in data.vocabularies.items():
        total = _store_terms(vault, name, terms)
        audit.record(conn, AUDIT_ACTION, f"vocabulary:{name}", terms=len(terms), total=total, source="profile")
    if data.places:
        total = _store_places(vault, data.places)
        audit.record(conn, AUDIT_ACTION, "places", places=len(data.places), total=total, source="profile")


# ---- codes in cases that this vault does not know ------------------------------------------------
def unknown_in_cases(vault: Vault) -> list[dict]:
    """Codes the current versions of this vault's cases use that its vocabularies and gazetteer do
    not know (another vault's organisation terms or places, received in bundles), with case counts."""
    install(vault)
    counts: Counter[tuple[str, str]] = Counter()
    rows = vault.connection().execute(
        "SELECT cv.body FROM cases c JOIN case_versions cv ON cv.case_id = c.id AND cv.version = c.current_version")
    for (text,) in rows:
        try:
            body = json.loads(text)
        except ValueError:
            continue
        counts.update({(u.vocabulary, u.code) for u in unknown_codes(body)})
    return [{"vocabulary": v, "code": c, "cases": n} for (v, c), n in sorted(counts.items())]
