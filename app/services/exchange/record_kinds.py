"""The kinds of record bundles carry, listed explicitly.

Export asks every kind for what the coordinator has not acknowledged; import asks the kind named
in each record to check the untrusted JSON and to apply it inside the import's single
transaction; acknowledgements ask every kind what the coordinator holds. A new kind is one module
implementing bundle_record.RecordKind and one entry in KINDS: no import-time registration, so the
order of imports never decides which kinds exist.
"""

from __future__ import annotations

from app.services.exchange import bundle_cases, bundle_witnesses
from app.services.exchange.bundle_record import RecordKind
from storage.errors import BundleRejected

KINDS: tuple[RecordKind, ...] = (bundle_cases.RECORD_KIND, bundle_witnesses.RECORD_KIND)
_BY_NAME = {k.name: k for k in KINDS}


def kinds() -> tuple[RecordKind, ...]:
    return KINDS


def kind(name: str) -> RecordKind:
    try:
        return _BY_NAME[name]
    except KeyError:
        raise BundleRejected("bundle.unknown_record_kind") from None
