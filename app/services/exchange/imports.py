"""Verify and import bundles on a coordinator (DESIGN.md section 6), in two named stages.

`verify(vault, path) -> VerifiedBundle` makes every check: one streaming pass decrypts, parses
member by member and checks the signature against trusted keys and every hash
(storage.bundle.reader); then every record is checked by its kind, against its form and against
what the vault holds, and the bundle's place in its documenter's history is checked (replay,
fork). Nothing is applied. With `keep_attachments` the attachments stream into the vault's
encrypted blob store on the way, so that `apply` needs no second pass; `discard` deletes them.

`apply(vault, verified) -> ImportReport` applies everything in ONE transaction. Any failure
before the commit deletes the attachments kept by `verify` and leaves the vault as it was.

Per documenter (sender key id) and sequence number: the same hash again is a no-op; a different
hash is a fork alarm (exit 4, nothing applied); missing numbers are named in the report. The
reports are data; the front ends word them (app/commands/bundle_import.py, app/gui/import_view.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.services import changes
from app.services.exchange import received_evidence, record_kinds, trust_list
from app.services.exchange.bundle_record import Provenance, RecordKind
from app.services.media import provenance as media_provenance
from app.services.media import sightings
from app.services.untrusted_json import HostileJSON, loads_untrusted
from storage import audit
from storage.bundle import reader
from storage.bundle.layout import RECORD_NAME
from storage.database import Connection, transaction
from storage.errors import BundleRejected, TawthiqError
from storage.vault import Vault

Progress = Callable[[int, int], None]  # (bytes of the bundle file read so far, its size)


class ForkAlarm(BundleRejected):
    pass


@dataclass(frozen=True)
class CheckedRecord:
    kind: RecordKind
    record: dict  # what kind.check returned: validated, ready for kind.apply


@dataclass
class VerifiedBundle:
    """A bundle that passed every check `import` makes; not applied yet."""

    path: Path
    opened: reader.OpenedBundle  # manifest, signer, the signed SHA256SUMS and its signature
    checked: list[CheckedRecord]
    # {vocabulary or "places": [codes]} used by the bundle's cases that this vault does not know:
    # kept as written, reported until the organisation's terms or places are imported.
    unknown_codes: dict[str, list[str]]
    already_imported: bool  # the same bundle was imported before: applying it changes nothing
    attachments_kept: bool  # verify(keep_attachments=True): new attachments are in the blob store
    applied: bool = False

    @property
    def documenter(self) -> str:
        return self.opened.documenter

    @property
    def sequence(self) -> int:
        return int(self.opened.manifest["sequence"])

    @property
    def bundle_id(self) -> str:
        return str(self.opened.manifest["bundle_id"])

    @property
    def sha256(self) -> str:
        return self.opened.sha256

    @property
    def records(self) -> int:
        return len(self.checked)

    @property
    def attachments(self) -> int:
        return len(self.opened.manifest["attachments"])

    def discard(self, vault: Vault) -> None:
        """Delete the attachments kept by verify (when the bundle is not to be applied)."""
        for blob in self.opened.stored.values():
            vault.blobs.delete(blob)
        self.opened.stored.clear()

    def to_json(self) -> dict:
        """`verify --json` (docs/bundle-format.md)."""
        return {"path": str(self.path), "status": "verified", "documenter": self.documenter,
                "sequence": self.sequence, "bundle_id": self.bundle_id, "sha256": self.sha256,
                "records": self.records, "versions_added": 0, "attachments": self.attachments, "gaps": [],
                "unknown_codes": self.unknown_codes, "error": None, "exit_code": 0}


@dataclass
class ImportReport:
    """What `apply` did with one bundle."""

    path: Path
    documenter: str
    sequence: int
    bundle_id: str
    sha256: str
    records: int
    attachments: int
    already_imported: bool
    versions_added: int = 0
    # (first, last) ranges of sequence numbers from this documenter still missing
    gaps: list[tuple[int, int]] = field(default_factory=list)
    unknown_codes: dict[str, list[str]] = field(default_factory=dict)
    # Received photos and videos that look like ones this vault already had (issue 21): per
    # attachment, its earliest known sighting (app/services/media/sightings.py).
    alike: list[dict] = field(default_factory=list)

    @property
    def status(self) -> str:
        return "already imported" if self.already_imported else "imported"

    def to_json(self) -> dict:
        """One element of `import --json` (docs/bundle-format.md)."""
        return {"path": str(self.path), "status": self.status, "documenter": self.documenter,
                "sequence": self.sequence, "bundle_id": self.bundle_id, "sha256": self.sha256,
                "records": self.records, "versions_added": self.versions_added, "attachments": self.attachments,
                "gaps": [list(g) for g in self.gaps], "unknown_codes": self.unknown_codes, "alike": self.alike,
                "error": None, "exit_code": 0}


@dataclass(frozen=True)
class Refusal:
    """A bundle `import_bundles` refused (exit 4) or could not read (exit 1): nothing from it was applied."""

    path: Path
    error: str  # one line, the refusal's own
    exit_code: int
    status = "rejected"

    def to_json(self) -> dict:
        return {"path": str(self.path), "status": self.status, "documenter": None, "sequence": None,
                "bundle_id": None, "sha256": None, "records": 0, "versions_added": 0, "attachments": 0,
                "gaps": [], "unknown_codes": {}, "error": self.error, "exit_code": self.exit_code}


# ---- verify ---------------------------------------------------------------------------------------
def _require_coordinator(vault: Vault) -> None:
    if vault.role != "coordinator":
        raise TawthiqError("import.coordinator_only")


def _received(conn: Connection, documenter: str, sequence: int) -> tuple[str, str | None, str | None] | None:
    """(file sha256, previous_sha256, signed_sha256) of the bundle held under this number, if any."""
    row = conn.execute("SELECT sha256, previous_sha256, signed_sha256 FROM bundles_received "
                       "WHERE documenter = ? AND sequence = ?", (documenter, sequence)).fetchone()
    return (row[0], row[1], row[2]) if row else None


def _same_as_held(held: tuple[str, str | None, str | None], signed_sha256: str, sha256: str | None) -> bool | None:
    """Whether a bundle is the one held under its number: by its signed contents, so that the same
    bundle encrypted again is still a replay; by the file's hash for bundles held from before the
    signed contents were recorded (None while that hash is not known yet)."""
    if held[2] is not None:
        return held[2] == signed_sha256
    return None if sha256 is None else held[0] == sha256


def _fork_alarm(documenter: str, sequence: int) -> ForkAlarm:
    return ForkAlarm("import.fork_two_bundles", documenter=documenter, sequence=sequence)


def ranges_text(ranges: list[tuple[int, int]]) -> str:
    """"1, 3-5": the numbers of missing bundles as the front ends show them (no words to translate)."""
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in ranges)


def _place_in_history(conn: Connection, documenter: str, sequence: int, previous: str | None,
                      signed_sha256: str, sha256: str) -> bool:
    """True if this very bundle was imported before; ForkAlarm if it contradicts the bundles held.

    The chain (`previous_sha256`) names the previous bundle's file as the documenter wrote it, so
    it is compared with the file hashes held."""
    earlier = _received(conn, documenter, sequence)
    if earlier is not None:
        if not _same_as_held(earlier, signed_sha256, sha256):
            raise _fork_alarm(documenter, sequence)
        return True
    before = _received(conn, documenter, sequence - 1) if sequence > 1 else None
    if before is not None and previous is not None and before[0] != previous:
        raise ForkAlarm("import.fork_previous", documenter=documenter, sequence=sequence, previous=sequence - 1)
    after = _received(conn, documenter, sequence + 1)
    if after is not None and after[1] is not None and after[1] != sha256:
        raise ForkAlarm("import.fork_next", next=sequence + 1, sequence=sequence)
    return False


def _check_records(opened: reader.OpenedBundle) -> list[CheckedRecord]:
    entries = {e["path"]: e for e in opened.manifest["records"]}
    carried = {a["sha256"] for a in opened.manifest["attachments"]}
    checked = []
    for path, raw in opened.records.items():
        try:  # the checks `case add` makes: no NUL, duplicate key, lone surrogate, NaN, bomb
            untrusted = loads_untrusted(raw, "record")
        except HostileJSON as exc:
            raise BundleRejected("import.record_refused", member=path, reason=exc) from None
        match = RECORD_NAME.match(path)
        if not isinstance(untrusted, dict) or not match or untrusted.get("id") != match.group(1) \
                or untrusted.get("kind") != entries[path]["kind"]:
            raise BundleRejected("import.record_entry_mismatch", member=path)
        kind = record_kinds.kind(untrusted["kind"])
        checked.append(CheckedRecord(kind, kind.check(untrusted, carried)))
    return checked


def _check_held(conn: Connection, records: list[CheckedRecord], documenter: str) -> None:
    by_kind: dict[str, tuple[RecordKind, list[dict]]] = {}
    for checked in records:
        by_kind.setdefault(checked.kind.name, (checked.kind, []))[1].append(checked.record)
    for kind, of_kind in by_kind.values():
        kind.check_held(conn, of_kind, documenter)


def _unknown_codes(records: list[CheckedRecord]) -> dict[str, list[str]]:
    unknown: dict[str, list[str]] = {}
    listed: set[tuple[str, str]] = set()  # not `code in list`: quadratic in a bundle's distinct codes
    for checked in records:
        for vocabulary, code in checked.record.get("unknown_codes", ()):
            if (vocabulary, code) not in listed:
                listed.add((vocabulary, code))
                unknown.setdefault(vocabulary, []).append(code)
    return unknown


class _ProgressReader:
    """Reports bytes of the bundle file read so far (called from the decrypting thread)."""

    def __init__(self, source, total: int, progress: Progress):
        self._source, self._total, self._progress, self._done = source, total, progress, 0

    def read(self, n: int = -1) -> bytes:
        data = self._source.read(n)
        self._done += len(data)
        self._progress(self._done, self._total)
        return data

    def readinto(self, buffer) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def verify(vault: Vault, path: Path, *, keep_attachments: bool = False,
           progress: Progress | None = None) -> VerifiedBundle:
    """Every check import makes; raises BundleRejected (exit 4). Nothing applied; with
    `keep_attachments`, new attachments are left in the blob store for `apply` (or `discard`)."""
    _require_coordinator(vault)
    path = Path(path)
    conn = vault.connection()
    known = {r[0] for r in conn.execute("SELECT sha256 FROM attachments")}

    def on_manifest(manifest: dict, documenter: str, signed_sha256: str) -> bool:
        # Before any attachment streams past: a fork is refused at once; a number already held
        # (a replay, or decided below by the file's hash) has its attachments only hashed.
        held = _received(conn, documenter, manifest["sequence"])
        if held is None:
            return keep_attachments
        if _same_as_held(held, signed_sha256, None) is False:
            raise _fork_alarm(documenter, manifest["sequence"])
        return False

    try:
        source = open(path, "rb")  # noqa: SIM115 - closed below, after the streaming read
    except OSError:
        raise TawthiqError("import.unreadable", path=path) from None
    with source:
        stream = source if progress is None else _ProgressReader(source, path.stat().st_size, progress)
        opened = reader.read_bundle(
            stream, vault.age_identities, lambda kid: trust_list.trusted_key(vault, kid),  # type: ignore[arg-type]
            store=vault.blobs.put if keep_attachments else None, discard=vault.blobs.delete,
            known_attachments=known, on_manifest=on_manifest,
        )
    try:
        manifest, documenter = opened.manifest, opened.documenter
        already = _place_in_history(conn, documenter, manifest["sequence"],
                                    manifest.get("previous_sha256"), opened.signed_sha256, opened.sha256)
        received_evidence.check_history(conn, documenter, manifest["sequence"], manifest)
        records = _check_records(opened)
        _check_held(conn, records, documenter)
        return VerifiedBundle(path, opened, records, _unknown_codes(records), already, keep_attachments)
    except BaseException:
        for blob in opened.stored.values():
            vault.blobs.delete(blob)
        raise


# ---- apply ----------------------------------------------------------------------------------------
def missing_sequences(conn: Connection, documenter: str) -> list[tuple[int, int]]:
    """The numbers below this documenter's highest bundle not received yet, as (first, last) ranges:
    as long as the number of bundles held, whatever the numbers (issue 14 item 1)."""
    ranges = []
    expected = 1
    for (sequence,) in conn.execute("SELECT sequence FROM bundles_received WHERE documenter = ? ORDER BY sequence",
                                    (documenter,)):
        if sequence > expected:
            ranges.append((expected, sequence - 1))
        expected = sequence + 1
    return ranges


def _record_bundle(conn: Connection, verified: VerifiedBundle, prov: Provenance) -> None:
    manifest = verified.opened.manifest
    conn.execute(
        "INSERT INTO bundles_received (documenter, sequence, sha256, signed_sha256, bundle_id, previous_sha256, "
        "created_at, received_at, records, attachments) VALUES (?,?,?,?,?,?,?,?,?,?)",
        (prov.documenter, prov.sequence, verified.sha256, verified.opened.signed_sha256, prov.bundle_id,
         manifest.get("previous_sha256"), manifest["created_at"], prov.received_at, verified.records,
         verified.attachments),
    )


def apply(vault: Vault, verified: VerifiedBundle) -> ImportReport:
    """Apply a verified bundle in one transaction, all or nothing; raises BundleRejected (exit 4)
    if the vault changed since verify in a way that now refuses it."""
    _require_coordinator(vault)
    if verified.applied:
        raise TawthiqError("import.applied_already")
    report = ImportReport(verified.path, verified.documenter, verified.sequence, verified.bundle_id, verified.sha256,
                          verified.records, verified.attachments, verified.already_imported,
                          unknown_codes=verified.unknown_codes)
    conn = vault.connection()
    if verified.already_imported:
        verified.discard(vault)
        report.gaps = missing_sequences(conn, verified.documenter)
        return report
    if not verified.attachments_kept and verified.opened.manifest["attachments"]:
        raise TawthiqError("import.attachments_not_kept")
    blobs = {**dict(conn.execute("SELECT sha256, blob FROM attachments").fetchall()), **verified.opened.stored}
    prov = Provenance(verified.documenter, verified.bundle_id, verified.sequence, audit.now_iso())
    # C2PA manifests are checked here, against this vault's trust anchors, from the files the
    # bundle carries (decrypted into memory), before the transaction (issue 21).
    checked_provenance = _provenance(vault, verified)
    committed = False
    try:
        with transaction(conn):
            # Checked again inside the transaction: the vault may have changed since verify.
            manifest = verified.opened.manifest
            if _place_in_history(conn, prov.documenter, prov.sequence, manifest.get("previous_sha256"),
                                 verified.opened.signed_sha256, verified.sha256):
                raise ForkAlarm("import.imported_meanwhile")
            _record_bundle(conn, verified, prov)
            _check_held(conn, verified.checked, prov.documenter)
            for checked in verified.checked:
                report.versions_added += checked.kind.apply(conn, checked.record, prov, blobs)
            received_evidence.keep(conn, verified.opened, prov.documenter, prov.sequence)  # checks history again
            audit.record(conn, "bundle.import", prov.bundle_id, documenter=prov.documenter, sequence=prov.sequence,
                         sha256=verified.sha256, records=report.records,
                         unknown_codes=sum(map(len, report.unknown_codes.values())))
            report.gaps = missing_sequences(conn, prov.documenter)
            report.alike = _alike(conn, verified.checked)
            for record in verified.checked:
                for attachment in record.record.get("attachments") or []:
                    if attachment.get("sha256") in checked_provenance:
                        media_provenance.store(conn, attachment["id"], checked_provenance[attachment["sha256"]])
        committed = True
    finally:
        if not committed:
            verified.discard(vault)
    verified.applied = True
    changes.publish(vault, changes.IMPORT)
    return report


def _provenance(vault: Vault, verified: VerifiedBundle) -> dict[str, dict]:
    from app.services.media import analyse

    sizes = {a["sha256"]: a.get("size", 0) for record in verified.checked
             for a in record.record.get("attachments") or [] if isinstance(a, dict)}
    return {sha: analyse.provenance_of_blob(vault, blob, sha, int(sizes.get(sha, 0)))
            for sha, blob in verified.opened.stored.items() if sha in sizes}


def _alike(conn: Connection, checked: list[CheckedRecord]) -> list[dict]:
    """The bundle's attachments that look like photos or videos this vault had before."""
    found = []
    for record in checked:
        for attachment in record.record.get("attachments") or []:
            seen = sightings.alike_of(conn, attachment["id"])
            if seen:
                found.append({"attachment_id": attachment["id"], "case_id": record.record.get("id"),
                              "filename": attachment.get("filename", ""), "earliest": seen[0].to_json(),
                              "alike": len(seen)})
    return found


def import_bundle(vault: Vault, path: Path, progress: Progress | None = None) -> ImportReport:
    """One bundle, verified then applied, all or nothing; raises BundleRejected (exit 4)."""
    return apply(vault, verify(vault, path, keep_attachments=True, progress=progress))


def import_bundles(vault: Vault, paths: list[Path]) -> list[ImportReport | Refusal]:
    """Each bundle verified then applied in its own transaction; a refused one changes nothing and
    the others are still imported."""
    _require_coordinator(vault)
    reports: list[ImportReport | Refusal] = []
    for p in paths:
        try:
            reports.append(import_bundle(vault, Path(p)))
        except TawthiqError as exc:  # refused or unreadable: one line, and the next bundle still goes
            reports.append(Refusal(Path(p), str(exc), exc.exit_code))
    return reports
