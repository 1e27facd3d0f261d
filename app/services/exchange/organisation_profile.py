"""The organisation profile: what a coordinator signs and documenters install.

Trust is never taken from a file alone: the person importing it compares the signer's
fingerprint (app.services.vault.keys) with the one read to them out of band. A profile whose
coordinator key differs from the one already imported is refused loudly (exit 4), never
replaced silently: a changed key is what an impostor's profile looks like.

The profile also carries the organisation's own vocabulary terms and places
(app.services.exchange.organisation_data) and a serial number that grows with every export from the
coordinator's vault. A documenter installs the terms and places with the profile, in the same
transaction; a profile older than the one imported (a lower serial and an earlier signed date,
from the same key) is refused, so it can roll back neither the terms' labels nor the recipients.

The signed-file candidate, its fingerprint check and the bounded file read are shared with the
documenters' identities (app.services.exchange.trust_list).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

import pyrage

from app.services.exchange import organisation_data
from app.services.vault import keys
from forms import definitions
from storage import audit, minisign, signed_file
from storage.database import transaction
from storage.errors import BundleRejected, TawthiqError, UsageError
from storage.vault import Vault

PROFILE = "tawthiq.profile"
VERSION = 1
CUSTODIAN_SETTING = "profile.custodian_recipient"  # read by the witness register
# Custodian recipients rotated away from (app.services.custody.custodian.rotate_key), JSON list:
# identities still sealed to them import, and the next rotation pass moves them.
RETIRED_CUSTODIANS_SETTING = "profile.custodian_retired_recipients"
SERIAL_SETTING = "profile.serial"  # documenter: the serial of the profile imported
EXPORTED_SERIAL_SETTING = "profile.exported_serial"  # coordinator: the last serial exported
MAX_FILE = 8 << 20  # a profile, identity or acknowledgement file read whole into memory


class NotCoordinator(TawthiqError):
    pass


class NoProfile(TawthiqError):
    pass


# Refusals a person must understand before trusting a file; their own classes so callers can tell
# them apart. Like every error they are worded by code (the GUI's app/gui/error_texts.py).
class FingerprintMismatch(BundleRejected):
    """The fingerprint typed is not the file's (or the revoked key's): maybe an impostor's file."""


class CoordinatorKeyChanged(BundleRejected):
    pass


class ProfileOlder(BundleRejected):
    pass



def require_coordinator(vault: Vault, what: str) -> None:
    if vault.role != "coordinator":
        raise NotCoordinator("coordinator.only", what=what)


def _check_recipient(text: str, what: str) -> str:
    try:
        pyrage.x25519.Recipient.from_str(text.strip())
    except (pyrage.RecipientError, ValueError):
        raise UsageError("profile.not_age_recipient", what=what) from None
    return text.strip()


def forms_in_force() -> dict[str, int]:
    """Each form this program ships, with the version new cases are written under (the newest;
    older versions stay readable and valid for the cases written under them)."""
    return {form.id: form.version for form in definitions.list_forms()}


def signing_key_entry(vault: Vault) -> dict:
    pub = keys.public_key(vault)
    return {"key_id": pub.id_hex, "public_key": pub.base64()}


def read_small_file(name: str, what: str) -> bytes:
    """A profile, identity or acknowledgement file, read whole (bounded): the CLI and the GUI."""
    try:
        with open(name, "rb") as fh:
            raw = fh.read(MAX_FILE + 1)
    except OSError:
        raise TawthiqError("file.unreadable", what=what) from None
    if len(raw) > MAX_FILE:
        raise TawthiqError("file.too_large", what=what)
    return raw


# ---- organisation profile -----------------------------------------------------------------------
def export_profile(vault: Vault, custodian_recipient: str | None = None,
                   extra_recipients: tuple[str, ...] = ()) -> bytes:
    require_coordinator(vault, "exporting the organisation profile")
    custodian = custodian_recipient or vault.setting(CUSTODIAN_SETTING)
    if custodian:
        custodian = _check_recipient(custodian, "custodian recipient")
    recipients = [vault.age_recipient] + [_check_recipient(r, "coordinator recipient") for r in extra_recipients]
    organisation_data_ = organisation_data.for_profile(vault)
    conn = vault.connection()
    with transaction(conn):
        serial = int(vault.setting(EXPORTED_SERIAL_SETTING) or 0) + 1
        document = {
            "version": VERSION,
            "serial": serial,
            "organisation": vault.name,
            "created_at": audit.now_iso(),
            "signing_key": signing_key_entry(vault),
            "coordinator_recipients": list(dict.fromkeys(recipients)),
            "custodian_recipient": custodian or None,
            "forms": forms_in_force(),
            "organisation_data": organisation_data_,
        }
        raw = signed_file.seal(PROFILE, document, vault.signing_key, vault.signing_key_id)
        if len(raw) > signed_file.MAX_SIZE:
            raise TawthiqError("profile.too_large", mib=signed_file.MAX_SIZE >> 20)
        vault.set_setting(EXPORTED_SERIAL_SETTING, str(serial))
        if custodian_recipient and custodian:
            vault.set_setting(CUSTODIAN_SETTING, custodian)
    return raw


@dataclass(frozen=True)
class Candidate:
    """A checked (self-signed) profile or identity, awaiting the fingerprint comparison."""

    document: dict
    signer: minisign.PublicKey
    raw: bytes
    organisation_data: organisation_data.ProfileData | None = None  # a profile's, checked

    @property
    def fingerprint(self) -> str:
        return keys.fingerprint(self.signer)


def read_profile(raw: bytes) -> Candidate:
    document, signer = signed_file.open_signed(raw, PROFILE)
    recipients = document.get("coordinator_recipients")
    if not isinstance(recipients, list) or not recipients:
        raise BundleRejected("profile.no_coordinator_recipient")
    for r in recipients + ([document["custodian_recipient"]] if document.get("custodian_recipient") else []):
        try:
            pyrage.x25519.Recipient.from_str(r)
        except (pyrage.RecipientError, ValueError, TypeError):
            raise BundleRejected("profile.recipient_not_age") from None
    forms = document.get("forms", {})
    if not isinstance(forms, dict) or not all(
            isinstance(v, int) and not isinstance(v, bool) and 0 < v < 1_000_000 for v in forms.values()):
        raise BundleRejected("profile.forms_malformed")
    serial = document.get("serial", 0)  # profiles written before serials: 0
    if not isinstance(serial, int) or isinstance(serial, bool) or not 0 <= serial < 2**53:
        raise BundleRejected("profile.serial_malformed")
    data = organisation_data.read_from_profile(document.get("organisation_data"))
    return Candidate(document, signer, raw, data)


def confirm_fingerprint(candidate: Candidate, typed: str) -> None:
    if not keys.fingerprint_matches(candidate.signer, typed):
        raise FingerprintMismatch("profile.fingerprint_mismatch")


def current_coordinator_key(vault: Vault) -> minisign.PublicKey | None:
    text = vault.setting("profile.coordinator_key")
    return minisign.PublicKey.from_base64(text) if text else None


def import_profile(vault: Vault, candidate: Candidate, *, handover: bytes | None = None,
                   new_key_confirmed: bool = False) -> dict:
    """Store a profile whose fingerprint the caller has confirmed; refuse a changed coordinator key
    unless it comes through a handover signed by the imported key (app/services/vault/rotation.py),
    or the caller confirmed the new key's fingerprint out of band again (`new_key_confirmed`)."""
    previous = current_coordinator_key(vault)
    how = "same key"
    if previous is not None and previous != candidate.signer:
        if handover is not None:
            from app.services.vault import rotation

            handed = rotation.read_handover(handover, previous)  # BundleRejected unless the old key signed it
            recipients = candidate.document.get("coordinator_recipients") or []
            if handed.new_key != candidate.signer or not set(handed.new_recipients) <= set(recipients):
                raise BundleRejected("handover.other_key", new_key_id=handed.new_key.id_hex,
                                     profile_key_id=candidate.signer.id_hex)
            how = "handover"
        elif new_key_confirmed:
            how = "new fingerprint check"
        else:
            raise CoordinatorKeyChanged("profile.coordinator_key_changed", new_key_id=candidate.signer.id_hex,
                                        imported_key_id=previous.id_hex)
    elif handover is not None:
        raise BundleRejected("handover.not_needed")
    doc = candidate.document
    serial = int(doc.get("serial", 0))
    made = _made_at(doc)
    data = candidate.organisation_data or organisation_data.ProfileData({}, [])
    if previous is not None:
        imported = int(vault.setting(SERIAL_SETTING) or 0)
        imported_made = _made_at(_stored_profile(vault))
        # Older on both counts is a replay of an old file. A lower number alone is what a
        # coordinator restored from a backup produces (its counter went back, its clock did not);
        # an older date alone is a coordinator clock set right. Both are taken.
        if serial < imported and not (made and imported_made and made > imported_made):
            raise ProfileOlder("profile.older", serial=serial, imported_serial=imported)
    conn = vault.connection()
    with transaction(conn):
        values = {
            "profile.document": candidate.raw.decode("utf-8"),
            "profile.coordinator_key": candidate.signer.base64(),
            "profile.coordinator_key_id": candidate.signer.id_hex,
            "profile.coordinator_recipients": json.dumps(doc["coordinator_recipients"]),
            "profile.forms": json.dumps(doc.get("forms") or {}, sort_keys=True),
            "profile.organisation": str(doc.get("organisation", "")),
            "profile.imported_at": audit.now_iso(),
            "profile.organisation_data": json.dumps(data.counts, sort_keys=True),
            SERIAL_SETTING: str(serial),
        }
        if doc.get("custodian_recipient"):
            values[CUSTODIAN_SETTING] = doc["custodian_recipient"]
        for k, v in values.items():
            vault.set_setting(k, v)
        organisation_data.store_from_profile(vault, conn, data)
        detail: dict = {"replaced": previous is not None, "serial": serial}
        if previous is not None and previous != candidate.signer:
            detail.update(previous_key_id=previous.id_hex, key_changed_by=how)
        audit.record(conn, "profile.import", candidate.signer.id_hex, **detail)
    # In force at once, in this process (the CLI's next step, or an open GUI session).
    organisation_data.install(vault)
    # Identities entered before the profile were sealed to this vault; now the custodian is known.
    from app.services.intake import witnesses

    witnesses.reseal(vault)
    return profile_summary(vault)


def _made_at(document: dict | None) -> datetime | None:
    """When the coordinator made the profile (its signed `created_at`), or None if absent or unreadable."""
    text = (document or {}).get("created_at")
    try:
        made = datetime.fromisoformat(text) if isinstance(text, str) and len(text) <= 64 else None
    except ValueError:
        return None
    return made if made is not None and made.tzinfo is not None else None


def _stored_profile(vault: Vault) -> dict | None:
    raw = vault.setting("profile.document")
    try:
        return signed_file.open_signed(raw.encode("utf-8"), PROFILE)[0] if raw else None
    except TawthiqError:
        return None


def profile_summary(vault: Vault) -> dict:
    key = current_coordinator_key(vault)
    if key is None:
        raise NoProfile("profile.none")
    return {
        "organisation": vault.setting("profile.organisation", ""),
        "coordinator_key_id": key.id_hex,
        "coordinator_fingerprint": keys.fingerprint(key),
        "coordinator_recipients": json.loads(vault.setting("profile.coordinator_recipients") or "[]"),
        "custodian_recipient": vault.setting(CUSTODIAN_SETTING),
        "forms": json.loads(vault.setting("profile.forms") or "{}"),
        "serial": int(vault.setting(SERIAL_SETTING) or 0),
        "organisation_data": json.loads(vault.setting("profile.organisation_data") or '{"terms": 0, "places": 0}'),
        "imported_at": vault.setting("profile.imported_at"),
    }


def forms_not_here(vault: Vault) -> dict[str, int]:
    """Forms (and versions) the imported profile names that this program does not have: the
    documenter needs a newer Tawthiq before writing cases in them."""
    wanted = json.loads(vault.setting("profile.forms") or "{}")
    return {form: version for form, version in wanted.items() if version not in definitions.form_versions(form)}


def coordinator_recipients(vault: Vault) -> list[str]:
    return profile_summary(vault)["coordinator_recipients"]
