"""One record in a bundle: how a record version is named, what export collects, where an import
came from, and the `RecordKind` interface each kind of record implements.

The kinds themselves (bundle_cases, bundle_witnesses) import this module; the list of kinds
(record_kinds) imports them. This module imports neither, so the list is explicit and there is no
import cycle (an import-linter contract in pyproject.toml keeps it so).
Bundle bookkeeping (sequence numbers, bundle contents, deliveries) is generic: every record
version is identified by (kind, record id, version, sha256).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from storage.database import Connection
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
# attachment hashes this bundle carries: a record may name no other (no existence oracle).
Check = Callable[[dict, set[str]], dict]
# The bundle's checked records of this kind, against what the vault holds and against each other,
# sent by documenter key id `documenter`: raise BundleRejected if they conflict (a record of another
# documenter, a different body under a version already held, one id for two contents). Read-only:
# `verify` runs it, and `apply` again inside its transaction.
CheckHeld = Callable[[Connection, list[dict], str], None]
# Apply a checked record on the coordinator, inside the import transaction, after CheckHeld. The
# mapping gives the blob name of every attachment hash the bundle carries.
Apply = Callable[[Connection, dict, Provenance, dict[str, str]], int]
# What the coordinator holds from a documenter, for its acknowledgement.
Acknowledged = Callable[[Connection, str], list[VersionKey]]


@dataclass(frozen=True)
class RecordKind:
    name: str
    collect: Collect
    mark_sent: MarkSent
    check: Check
    check_held: CheckHeld
    apply: Apply
    acknowledged: Acknowledged
