"""The "witness" record kind in bundles (app/services/exchange/bundle_record.py), over witness_records.

Each witness travels as one record whose version is its revision; what travels and how an
untrusted record is checked and applied is witness_records' job (never a clear identity, never
the local readable copy). Before collecting, identities still sealed to the documenter's own vault
are resealed to the custodian if the profile names one, so they travel sealed to the custodian.
"""

from __future__ import annotations

from app.services.exchange import witness_records
from app.services.exchange.bundle_record import OutgoingRecord, Provenance, RecordKind, VersionKey
from app.services.intake import witnesses
from storage.database import Connection
from storage.errors import TawthiqError
from storage.vault import Vault

KIND = witness_records.KIND


class WitnessChangedDuringExport(TawthiqError):
    pass


def collect(vault: Vault, is_new, everything: bool) -> list[OutgoingRecord]:
    witnesses.reseal(vault)
    out = []
    for record in witness_records.bundle_records(vault):
        code, revision, sha = witness_records.record_version(record)
        key = VersionKey(KIND, code, revision, sha)
        if everything or is_new(key):
            out.append(OutgoingRecord(KIND, code, record, [key]))
    return out


def mark_sent(conn: Connection, record: OutgoingRecord) -> None:
    key = record.versions[0]
    if witness_records.current_revision(conn, key.record_id) != key.version:
        raise WitnessChangedDuringExport("bundle.witness_changed_during_export")


def check(untrusted: dict, carried_attachments: set[str]) -> dict:
    return witness_records.check_record(untrusted)


def check_held(conn: Connection, records: list[dict], documenter: str) -> None:
    for record in records:  # a pseudonym is one record's id: the manifest refuses it twice
        witness_records.check_owner(conn, record, documenter)


def apply(conn: Connection, record: dict, prov: Provenance, blobs: dict[str, str]) -> int:
    outcome = witness_records.apply_checked(conn, record, {
        "documenter": prov.documenter, "bundle_id": prov.bundle_id, "sequence": prov.sequence,
        "received_at": prov.received_at})
    return 0 if outcome == "unchanged" else 1


def acknowledged(conn: Connection, documenter: str) -> list[VersionKey]:
    return [VersionKey(KIND, code, revision, sha)
            for code, revision, sha in witness_records.held_versions(conn, documenter)]


RECORD_KIND = RecordKind(KIND, collect, mark_sent, check, check_held, apply, acknowledged)
