"""Which kinds of record travel in bundles, and how each is collected, checked and applied.

A kind (e.g. "case"; the witness register adds its own) registers a `RecordKind`. Export asks
every kind for what the coordinator has not acknowledged; import asks the kind named in each
record to check the untrusted JSON and to apply it inside the import's single transaction.
Bundle bookkeeping (sequence numbers, bundle contents, deliveries) is generic: every record
version is identified by (kind, record id, version, sha256).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from storage.database import Connection
from storage.errors import BundleRejected
from storage.vault import Vault


@dataclass(frozen=True)
class VersionKey:
    """One record version as bundles, acknowledgements and deliveries name it."""

    kind: str
    record_id: str
    version: int
    sha256: str


@dataclass
class AttachmentOut:
    id: str
    sha256: str
    size: int
    blob: str  # name in the vault's blob store


@dataclass
class OutgoingRecord:
    kind: str
    record_id: str
    payload: dict  # written as records/<record_id>.json
    versions: list[VersionKey]  # what this record carries (all delivered-tracking keys)
    attachments: list[AttachmentOut] = field(default_factory=list)
    forms: dict[str, int] = field(default_factory=dict)  # form id → form version used


@dataclass(frozen=True)
class Provenance:
    documenter: str  # sender key id
    bundle_id: str
    sequence: int
    received_at: str


# Collects what to send. `is_new(key)` is False for versions the coordinator acknowledged; with
# `everything` the kind returns all it has. Runs on the exporting thread's connection.
Collect = Callable[[Vault, Callable[[VersionKey], bool], bool], list[OutgoingRecord]]
# After the bundle is written, inside the export transaction: e.g. seal the draft versions sent.
# Must raise if a record changed since it was collected.
MarkSent = Callable[[Connection, OutgoingRecord], None]
# Untrusted record JSON → checked record; raise BundleRejected. The second argument is the set of
# attachment hashes this bundle carries or the vault already holds.
Check = Callable[[dict, set[str]], dict]
# Apply a checked record on the coordinator, inside the import transaction. The mapping gives the
# blob name of every attachment hash available.
Apply = Callable[[Connection, dict, Provenance, dict[str, str]], int]
# What the coordinator holds from a documenter, for its acknowledgement.
Acknowledged = Callable[[Connection, str], list[VersionKey]]


@dataclass(frozen=True)
class RecordKind:
    name: str
    collect: Collect
    mark_sent: MarkSent
    check: Check
    apply: Apply
    acknowledged: Acknowledged


_KINDS: dict[str, RecordKind] = {}


def register(kind: RecordKind) -> None:
    _KINDS[kind.name] = kind


def kinds() -> list[RecordKind]:
    _load_builtin()
    return list(_KINDS.values())


def kind(name: str) -> RecordKind:
    _load_builtin()
    try:
        return _KINDS[name]
    except KeyError:
        raise BundleRejected("the bundle carries a kind of record this program does not know") from None


def _load_builtin() -> None:
    # Imported here, not at module top, so that kind modules can import this registry.
    from app.services.exchange import bundle_cases, bundle_witnesses  # noqa: F401
