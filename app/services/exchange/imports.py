"""Verify and import bundles on a coordinator (DESIGN.md section 6, issue 7).

One streaming pass: decrypt, parse member by member, check the signature against trusted keys
and every hash (storage.bundle.reader), while attachments stream into the vault's encrypted blob
store; then every record is checked against its kind and form; then everything is applied in ONE
transaction. Any failure deletes the blobs stored on the way and leaves the vault as it was.

Per documenter (sender key id) and sequence number: the same hash again is a no-op; a different
hash is a fork alarm (exit 4, nothing applied); missing numbers are named in a gap warning.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from app.services import changes
from app.services.exchange import record_kinds, trust_list
from app.services.exchange.record_kinds import Provenance
from storage import audit
from storage.bundle import reader
from storage.bundle.layout import RECORD_NAME
from storage.database import transaction
from storage.errors import BundleRejected, TawthiqError
from storage.vault import Vault


class ForkAlarm(BundleRejected):
    pass


@dataclass
class BundleReport:
    path: str
    status: str  # "verified", "imported", "already imported", "rejected"
    documenter: str | None = None
    sequence: int | None = None
    bundle_id: str | None = None
    sha256: str | None = None
    records: int = 0
    versions_added: int = 0
    attachments: int = 0
    gaps: list[int] = field(default_factory=list)
    # {vocabulary or "places": [codes]} used by the bundle's cases that this vault does not know:
    # kept as written, shown here until the organisation's terms or places are imported.
    unknown_codes: dict[str, list[str]] = field(default_factory=dict)
    error: str | None = None
    exit_code: int = 0

    def to_json(self) -> dict:
        return dict(self.__dict__)

    def summary_lines(self) -> list[str]:
        """For the GUI's import table."""
        lines = [self.line()]
        if self.gaps:
            lines.append(f"bundle(s) {', '.join(map(str, self.gaps))} from this documenter not imported yet")
        if self.unknown_codes:
            lines.append(self.unknown_line())
        return lines

    def unknown_line(self) -> str:
        named = "; ".join(f"{vocabulary}: {', '.join(codes[:20])}{' …' if len(codes) > 20 else ''}"
                          for vocabulary, codes in sorted(self.unknown_codes.items()))
        return (f"kept codes this vault does not know ({named}); import the organisation's terms and "
                f"places to resolve them (`tawthiq vocabulary unknown` lists them)")

    def line(self) -> str:
        if self.status == "rejected":
            return f"{self.path}: REJECTED: {self.error}"
        text = (f"{self.path}: {self.status}: documenter {self.documenter} bundle {self.sequence}, "
                f"{self.records} record(s), {self.attachments} attachment(s)")
        if self.status == "imported":
            text += f", {self.versions_added} new version(s)"
        return text


def _require_coordinator(vault: Vault) -> None:
    if vault.role != "coordinator":
        raise TawthiqError("bundles are verified and imported on a coordinator's vault")


def _received(conn, documenter: str, sequence: int) -> tuple[str, str | None] | None:
    row = conn.execute("SELECT sha256, previous_sha256 FROM bundles_received WHERE documenter = ? AND sequence = ?",
                       (documenter, sequence)).fetchone()
    return (row[0], row[1]) if row else None


def _history_check(conn, documenter: str, sequence: int, previous: str | None) -> None:
    """Raise a fork alarm if the chain of hashes disagrees with bundles already imported."""
    before = _received(conn, documenter, sequence - 1) if sequence > 1 else None
    if before is not None and previous is not None and before[0] != previous:
        raise ForkAlarm(f"FORK ALARM: documenter {documenter} bundle {sequence} does not follow the bundle "
                        f"{sequence - 1} imported earlier: nothing was applied")


def gaps(conn, documenter: str) -> list[int]:
    seqs = {r[0] for r in conn.execute("SELECT sequence FROM bundles_received WHERE documenter = ?", (documenter,))}
    return sorted(set(range(1, max(seqs) + 1)) - seqs) if seqs else []


def _check_records(verified: reader.VerifiedBundle, available: set[str]) -> list[tuple[record_kinds.RecordKind, dict]]:
    entries = {e["path"]: e for e in verified.manifest["records"]}
    checked = []
    for path, raw in verified.records.items():
        try:
            untrusted = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
            raise BundleRejected(f"{path} is not valid JSON") from None
        match = RECORD_NAME.match(path)
        if not isinstance(untrusted, dict) or not match or untrusted.get("id") != match.group(1) \
                or untrusted.get("kind") != entries[path]["kind"]:
            raise BundleRejected(f"{path} does not match its manifest entry")
        kind = record_kinds.kind(untrusted["kind"])
        checked.append((kind, kind.check(untrusted, available)))
    return checked


class _ProgressReader:
    """Reports bytes of the bundle file read so far (called from the decrypting thread)."""

    def __init__(self, source, total: int, progress):
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


def _process(vault: Vault, path: Path, apply: bool, progress=None) -> BundleReport:
    conn = vault.connection()
    known = dict(conn.execute("SELECT sha256, blob FROM attachments").fetchall())
    state: dict = {}

    def on_manifest(manifest: dict, signer) -> bool:
        documenter, sequence = signer.id_hex, manifest["sequence"]
        state["earlier"] = _received(conn, documenter, sequence)
        # Fork and replay are decided once the bundle's own hash is known; only store when new.
        return apply and state["earlier"] is None

    try:
        source = open(path, "rb")  # noqa: SIM115 - closed below, after the streaming read
    except OSError:
        raise TawthiqError(f"{path}: cannot be read") from None
    with source:
        stream = source if progress is None else _ProgressReader(source, path.stat().st_size, progress)
        verified = reader.read_bundle(
            stream, [vault.age_identity], lambda kid: trust_list.trusted_key(vault, kid),  # type: ignore[arg-type]
            store=vault.blobs.put if apply else None, discard=vault.blobs.delete,
            known_attachments=set(known), on_manifest=on_manifest,
        )
    stored = verified.stored
    manifest = verified.manifest
    documenter: str = verified.signer.id_hex
    sequence: int = manifest["sequence"]
    bundle_id: str = manifest["bundle_id"]
    report = BundleReport(str(path), "verified", documenter, sequence, bundle_id, verified.sha256,
                          len(verified.records), attachments=len(manifest["attachments"]))
    try:
        earlier = state.get("earlier")
        if earlier is not None and earlier[0] != verified.sha256:
            raise ForkAlarm(f"FORK ALARM: documenter {documenter} sent two different bundles numbered "
                            f"{sequence}: nothing was applied")
        _history_check(conn, documenter, sequence, manifest.get("previous_sha256"))
        nxt = _received(conn, documenter, sequence + 1)
        if nxt is not None and nxt[1] is not None and nxt[1] != verified.sha256:
            raise ForkAlarm(f"FORK ALARM: bundle {sequence + 1} imported earlier does not follow this "
                            f"bundle {sequence}: nothing was applied")
        available = set(known) | set(stored) | {a["sha256"] for a in manifest["attachments"]}
        checked = _check_records(verified, available)
        listed: set[tuple[str, str]] = set()  # not `code in list`: quadratic in a bundle's distinct codes
        for _kind, record in checked:
            for vocabulary, code in record.get("unknown_codes", ()):
                if (vocabulary, code) not in listed:
                    listed.add((vocabulary, code))
                    report.unknown_codes.setdefault(vocabulary, []).append(code)
        if not apply:
            return report
        if earlier is not None:
            report.status = "already imported"
            report.gaps = gaps(conn, documenter)
            return report
        blobs = {**known, **stored}
        prov = Provenance(documenter, bundle_id, sequence, audit.now_iso())
        with transaction(conn):
            conn.execute(
                "INSERT INTO bundles_received (documenter, sequence, sha256, bundle_id, previous_sha256, created_at, "
                "received_at, records, attachments) VALUES (?,?,?,?,?,?,?,?,?)",
                (documenter, sequence, verified.sha256, bundle_id,
                 manifest.get("previous_sha256"), manifest["created_at"], prov.received_at, report.records,
                 report.attachments),
            )
            for kind, record in checked:
                report.versions_added += kind.apply(conn, record, prov, blobs)
            audit.record(conn, "bundle.import", bundle_id, documenter=documenter, sequence=sequence,
                         sha256=verified.sha256, records=report.records,
                         unknown_codes=sum(map(len, report.unknown_codes.values())))
        report.status = "imported"
        report.gaps = gaps(conn, documenter)
        return report
    except BaseException:
        for blob in stored.values():
            vault.blobs.delete(blob)
        raise


def verify_bundle(vault: Vault, path: Path) -> BundleReport:
    """Every check import makes, nothing stored or applied. Raises BundleRejected (exit 4)."""
    _require_coordinator(vault)
    return _process(vault, Path(path), apply=False)


def import_bundle(vault: Vault, path: Path, progress=None) -> BundleReport:
    """One bundle, all or nothing; raises BundleRejected (exit 4). `progress(done, total)` in bytes."""
    _require_coordinator(vault)
    report = _process(vault, Path(path), apply=True, progress=progress)
    changes.publish(vault, changes.IMPORT)
    return report


def import_bundles(vault: Vault, paths: list[Path]) -> list[BundleReport]:
    """Each bundle verified then applied in its own transaction; a rejected one changes nothing."""
    _require_coordinator(vault)
    reports = []
    for p in paths:
        try:
            reports.append(_process(vault, Path(p), apply=True))
        except BundleRejected as exc:
            reports.append(BundleReport(str(p), "rejected", error=str(exc), exit_code=exc.exit_code))
    changes.publish(vault, changes.IMPORT)
    return reports
