"""Helpers for bundle tests: a signer, a recipient, well-formed and hand-made (hostile) bundles."""

from __future__ import annotations

import hashlib
import io
import os
import tarfile
import uuid
from dataclasses import dataclass, field

import pyrage
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from storage import minisign
from storage.bundle import layout, reader, writer


@dataclass
class Party:
    key: Ed25519PrivateKey = field(default_factory=Ed25519PrivateKey.generate)
    key_id: bytes = field(default_factory=lambda: os.urandom(8))
    identity: pyrage.x25519.Identity = field(default_factory=pyrage.x25519.Identity.generate)

    @property
    def public(self) -> minisign.PublicKey:
        return minisign.PublicKey.from_private(self.key, self.key_id)

    @property
    def recipient(self) -> str:
        return str(self.identity.to_public())

    def trusts(self, *signers: Party):
        table = {s.public.id_hex: s.public for s in signers}
        return table.get


def sample_content(n_records: int = 3, n_attachments: int = 2, attachment_size: int = 100_000):
    records = {f"records/case{i}.json": f'{{"kind":"case","n":{i}}}'.encode() for i in range(n_records)}
    attachments = [os.urandom(attachment_size + i) for i in range(n_attachments)]
    return records, attachments


def manifest_for(sender: Party, recipients: list[str], records: dict[str, bytes], attachments: list[bytes],
                 sequence: int = 1) -> dict:
    return {
        "format": layout.FORMAT, "version": layout.VERSION, "bundle_id": str(uuid.uuid4()),
        "created_at": "2026-01-01T00:00:00+00:00", "sequence": sequence, "previous_sha256": None,
        "sender": {"key_id": sender.public.id_hex, "public_key": sender.public.base64()},
        "recipients": recipients, "forms": {},
        "records": [{"path": p, "kind": "case", "id": p[8:-5]} for p in records],
        "attachments": [{"path": f"attachments/{hashlib.sha256(a).hexdigest()}",
                         "sha256": hashlib.sha256(a).hexdigest(), "size": len(a)} for a in attachments],
    }


def write_sample(sender: Party, recipient: Party, records=None, attachments=None, sequence: int = 1) -> bytes:
    if records is None:
        records, attachments = sample_content()
    manifest = manifest_for(sender, [recipient.recipient], records, attachments or [], sequence)
    out = io.BytesIO()
    writer.write_bundle(
        out, recipients=[recipient.recipient], signing_key=sender.key, key_id=sender.key_id, manifest=manifest,
        records=records,
        attachments=[writer.OutgoingAttachment(hashlib.sha256(a).hexdigest(), len(a), lambda s, a=a: s.write(a))
                     for a in attachments or []],
    )
    return out.getvalue()


def read(data: bytes, recipient: Party, *trusted: Party) -> reader.OpenedBundle:
    return reader.read_bundle(io.BytesIO(data), [recipient.identity], recipient.trusts(*trusted))


def raw_tar(members: list[tuple[tarfile.TarInfo, bytes | None]]) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tf:
        for info, data in members:
            tf.addfile(info, io.BytesIO(data) if data is not None else None)
    return buf.getvalue()


def file_member(name: str, data: bytes) -> tuple[tarfile.TarInfo, bytes]:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    return info, data


def signed_members(sender: Party, manifest: dict, files: dict[str, bytes], sums_names=None, comment=None):
    """SHA256SUMS (over `sums_names`, default all files), its signature, manifest, then files. The
    trusted comment is the writer's unless `comment` is given."""
    manifest_raw = layout.manifest_bytes(manifest)
    listed = {layout.MANIFEST: manifest_raw, **files}
    names = sums_names if sums_names is not None else list(listed)
    sums = "".join(f"{hashlib.sha256(listed.get(n, b'')).hexdigest()}  {n}\n" for n in names).encode()
    if comment is None:
        comment = f"tawthiq bundle {manifest.get('bundle_id')} sequence {manifest.get('sequence')}"
    sig = minisign.sign(sums, sender.key, sender.key_id, comment).file_text().encode()
    return [file_member(layout.SUMS, sums), file_member(layout.SIGNATURE, sig),
            file_member(layout.MANIFEST, manifest_raw)] + [file_member(n, d) for n, d in files.items()]


def encrypt_to(recipient: Party, plaintext: bytes) -> bytes:
    return pyrage.encrypt(plaintext, [recipient.identity.to_public()])


# ---- vault-level helpers ------------------------------------------------------------------------
def make_vault(path, role="documenter", name="v"):
    from storage import keyfile
    from storage.vault import Vault
    from tests.conftest import PASSPHRASE

    return Vault.create(path, PASSPHRASE, role=role, name=name, kdf_params=dict(keyfile.TEST_PARAMS))


def enroll(coordinator, *documenters) -> None:
    """The profile goes to each documenter and each identity is trusted, fingerprints checked."""
    from app.services.exchange import organisation_profile, trust_list

    profile = organisation_profile.read_profile(organisation_profile.export_profile(coordinator))
    for d in documenters:
        organisation_profile.confirm_fingerprint(profile, profile.fingerprint)
        organisation_profile.import_profile(d, profile)
        identity = trust_list.read_identity(trust_list.export_identity(d))
        trust_list.trust(coordinator, identity)


def add_case(vault, title="case", governorate="Aleppo", **extra) -> str:
    from app.services.intake import cases

    body = {"form": "kidnapping", "title": title, "narrative": f"narrative of {title}",
            "date": {"start": "2013-05-01", "precision": "day"}, "location": {"governorate": governorate},
            "victims": [{"name_ar": "محمد أحمد", "name_latin": "Mohammad Ahmad"}], **extra}
    case_id, _ = cases.save_case(vault, body)
    return case_id


def content_digest(vault, *, ignore_received_at: bool = False) -> dict:
    """Row counts and hashes of everything an import may touch (not the audit log's timestamps)."""
    conn = vault.connection()
    tables = {
        "cases": "SELECT id, form, form_version, title, status, current_version, incident_date, governorate, "
                 "created_at, updated_at FROM cases",
        "case_versions": "SELECT case_id, version, parent, status, sha256, saved_at FROM case_versions",
        "case_provenance": "SELECT case_id, version, documenter, bundle_id, sequence"
                           + ("" if ignore_received_at else ", received_at") + " FROM case_provenance",
        "attachments": "SELECT id, case_id, sha256, size, media_type, filename FROM attachments",
        "bundles_received": "SELECT documenter, sequence, sha256, bundle_id FROM bundles_received",
        "case_search": "SELECT case_id, content FROM case_search",
    }
    out = {}
    for name, sql in tables.items():
        rows = sorted(repr(r) for r in conn.execute(sql).fetchall())
        out[name] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
    out["blobs"] = sorted(p.name for p in vault.blobs.folder.iterdir())
    return out


def receive_case_version(vault, body: dict, documenter: str, *, sequence: int = 1, bundle_id: str | None = None,
                         case_id: str | None = None, received_at: str | None = None) -> tuple[str, int]:
    """One case version arriving in a coordinator vault from `documenter`'s bundle, applied by the
    importer's own steps (bundle_cases.check, then check_held and apply in one transaction): the
    case row, the version, the full-text entry and the provenance row are the services' to write.

    Without the signing, encryption and tar of a whole bundle (tests/coordinator/test_import.py
    covers those): linkage and statistics tests need many received cases from several documenters.
    The body is normalised first as the documenter's own save does (case_rules.check). A new
    version of an existing case gets the next number, its parent the current one.
    """
    from app.services.exchange import bundle_cases
    from app.services.exchange.bundle_record import Provenance
    from app.services.intake import case_rules, cases
    from storage import audit
    from storage.database import transaction

    case_id = case_id or str(uuid.uuid4())
    current = vault.connection().execute("SELECT current_version FROM cases WHERE id = ?", (case_id,)).fetchone()
    parent = current[0] if current else None
    version = (parent or 0) + 1
    saved_body = case_rules.check(dict(body, id=case_id))
    record = {"id": case_id, "attachments": [], "versions": [{
        "version": version, "parent": parent, "saved_at": audit.now_iso(), "body": saved_body,
        "sha256": hashlib.sha256(cases.canonical_json(saved_body).encode()).hexdigest()}]}
    provenance = Provenance(documenter, bundle_id or str(uuid.uuid4()), sequence, received_at or audit.now_iso())
    conn = vault.connection()
    checked = bundle_cases.check(record, set())
    with transaction(conn):
        bundle_cases.check_held(conn, [checked], documenter)
        bundle_cases.apply(conn, checked, provenance, {})
    return case_id, version
