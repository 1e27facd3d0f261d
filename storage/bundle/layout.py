"""What a bundle may contain: member names, order, size caps, SHA256SUMS and manifest checks.

Shared by the writer and the reader so that what we write is exactly what we accept.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from storage.errors import BundleRejected

FORMAT = "tawthiq-bundle"
VERSION = 1

SUMS = "SHA256SUMS"
SIGNATURE = "SHA256SUMS.minisig"
MANIFEST = "manifest.json"
HEAD = (SUMS, SIGNATURE, MANIFEST)  # always the first three members, in this order

RECORD_NAME = re.compile(r"^records/([A-Za-z0-9][A-Za-z0-9_-]{0,127})\.json$")
ATTACHMENT_NAME = re.compile(r"^attachments/([0-9a-f]{64})$")
SUMS_LINE = re.compile(r"^([0-9a-f]{64}) [ *](\S+)$")
HEX64 = re.compile(r"^[0-9a-f]{64}$")

# How many files a bundle may hold, from the largest bundle we mean to carry: a documenter's whole
# vault (`export --all`) at the largest scale we claim, 100,000 cases, with as many witness records
# and two attachments per case on average. The caps bound the reader's work on a hostile bundle:
# every member costs tar parsing and hashing, so a signed bundle of a million tiny files would keep
# a coordinator waiting for minutes. Both counts are checked on SHA256SUMS and on the manifest
# before any member after the first three is read.
MAX_RECORDS = 200_000
MAX_ATTACHMENTS = 200_000
MAX_SUMS_LINES = 1 + MAX_RECORDS + MAX_ATTACHMENTS  # manifest.json, records, attachments
# The longest line SHA256SUMS can have: 64 hex digits, two spaces, records/<128 characters>.json, newline.
_LONGEST_SUMS_LINE = 64 + 2 + len("records/") + 128 + len(".json") + 1
MAX_SUMS = MAX_SUMS_LINES * _LONGEST_SUMS_LINE  # about 83 MB: a bundle at the caps always fits
MAX_SIGNATURE = 4096
# A manifest at the caps with the ids we write (UUIDs, pseudonym codes) is about 62 MiB.
MAX_MANIFEST = 64 << 20
MAX_RECORD = 16 << 20
MAX_RECORDS_TOTAL = 512 << 20  # records are held in memory during import
MAX_ATTACHMENT = 64 << 30
MAX_TRAILING_ZEROS = 1 << 20
# A documenter numbers its bundles 1, 2, 3…: a bundle a day for five million years stays below this.
# The bound keeps every number an SQLite integer and every gap report short (issue 14 item 1).
MAX_SEQUENCE = 2**31 - 1


class BundleMalformed(BundleRejected):
    pass


def reject(code: str, /, **values: object) -> BundleMalformed:
    return BundleMalformed(code, **values)


def sums_text(entries: list[tuple[str, str]]) -> bytes:
    """`sha256sum` output: "<hex>  <name>" per line (text mode marker, which -c accepts)."""
    return "".join(f"{digest}  {name}\n" for name, digest in entries).encode("ascii")


def parse_sums(raw: bytes) -> dict[str, str]:
    """name → sha256 from an untrusted SHA256SUMS; strict: known names only, no duplicates, at most
    MAX_RECORDS records and MAX_ATTACHMENTS attachments (counted before any line is parsed)."""
    if raw.count(b"\n") > MAX_SUMS_LINES:
        raise reject("bundle.too_many_files", limit=MAX_SUMS_LINES)
    try:
        text = raw.decode("ascii")
    except UnicodeDecodeError:
        raise reject("bundle.sums_not_ascii") from None
    if not text.endswith("\n"):
        raise reject("bundle.sums_no_newline")
    out: dict[str, str] = {}
    records = attachments = 0
    for number, line in enumerate(text[:-1].split("\n"), 1):
        m = SUMS_LINE.match(line)
        if not m:
            raise reject("bundle.sums_line_malformed", line=number)
        digest, name = m.groups()
        if name in out:
            raise reject("bundle.sums_twice", member=name)
        if RECORD_NAME.match(name):
            records += 1
        elif ATTACHMENT_NAME.match(name):
            attachments += 1
        elif name != MANIFEST:
            raise reject("bundle.sums_outside_layout", member=repr(name[:80]))
        out[name] = digest
    if MANIFEST not in out:
        raise reject("bundle.sums_no_manifest")
    _check_counts(records, attachments)
    return out


def _check_counts(records: int, attachments: int) -> None:
    if records > MAX_RECORDS:
        raise reject("bundle.too_many_records", limit=MAX_RECORDS)
    if attachments > MAX_ATTACHMENTS:
        raise reject("bundle.too_many_attachments", limit=MAX_ATTACHMENTS)


MAX_AUDIT_SEQ = (1 << 62) - 1  # SQLite integers are 64-bit: no arithmetic on a bound this size overflows


@dataclass(frozen=True)
class AuditPosition:
    seq: int
    hash: str


@dataclass(frozen=True)
class AuditClaim:
    """The manifest's `audit`: the sender's audit log position, and what the position its previous
    bundle named hashes to now (docs/bundle-format.md)."""

    head: AuditPosition
    previous: AuditPosition | None


def _audit_position(untrusted: object) -> AuditPosition:
    if isinstance(untrusted, dict) and set(untrusted) == {"seq", "hash"}:
        seq, digest = untrusted["seq"], untrusted["hash"]
        if (isinstance(seq, int) and not isinstance(seq, bool) and 1 <= seq <= MAX_AUDIT_SEQ
                and isinstance(digest, str) and HEX64.match(digest)):
            return AuditPosition(seq, digest)
    raise reject("bundle.manifest_malformed", field="audit")


def audit_claim(manifest: dict) -> AuditClaim | None:
    """The manifest's `audit`, or None for a bundle from a Tawthiq that did not write one."""
    untrusted = manifest.get("audit")
    if untrusted is None:
        return None
    if not isinstance(untrusted, dict) or set(untrusted) != {"seq", "hash", "previous"}:
        raise reject("bundle.manifest_malformed", field="audit")
    head = _audit_position({"seq": untrusted["seq"], "hash": untrusted["hash"]})
    previous = None if untrusted["previous"] is None else _audit_position(untrusted["previous"])
    if previous is not None and previous.seq > head.seq:
        raise reject("bundle.manifest_malformed", field="audit")
    return AuditClaim(head, previous)


@dataclass(frozen=True)
class ManifestMembers:
    records: dict[str, str]  # member name → record id
    attachments: dict[str, tuple[str, int]]  # member name → (sha256, size)


def _int(value: object, what: str, low: int = 0) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < low:
        raise reject("bundle.manifest_not_whole_number", field=what, low=low)
    return value


def check_manifest(untrusted_manifest: object, sums: dict[str, str]) -> ManifestMembers:
    """The manifest's shape, and its member list against SHA256SUMS: exactly the same names."""
    m = untrusted_manifest
    if not isinstance(m, dict):
        raise reject("bundle.manifest_not_object")
    if m.get("format") != FORMAT or m.get("version") != VERSION:
        raise reject("bundle.manifest_version")
    for key in ("bundle_id", "created_at"):
        if not isinstance(m.get(key), str) or not m[key] or len(m[key]) > 100:
            raise reject("bundle.manifest_missing", field=key)
    if _int(m.get("sequence"), "sequence", 1) > MAX_SEQUENCE:
        raise reject("bundle.manifest_sequence_too_high", limit=MAX_SEQUENCE)
    prev = m.get("previous_sha256")
    if prev is not None and (not isinstance(prev, str) or not HEX64.match(prev)):
        raise reject("bundle.manifest_malformed", field="previous_sha256")
    sender = m.get("sender")
    if not isinstance(sender, dict) or not all(isinstance(sender.get(k), str) for k in ("key_id", "public_key")):
        raise reject("bundle.manifest_missing", field="sender")
    recipients = m.get("recipients")
    if not isinstance(recipients, list) or not recipients or not all(isinstance(r, str) for r in recipients):
        raise reject("bundle.manifest_missing", field="recipients")
    if not isinstance(m.get("forms", {}), dict):
        raise reject("bundle.manifest_malformed", field="forms")
    audit_claim(m)
    records: dict[str, str] = {}
    attachments: dict[str, tuple[str, int]] = {}
    if not isinstance(m.get("records"), list) or not isinstance(m.get("attachments"), list):
        raise reject("bundle.manifest_missing", field="records or attachments")
    _check_counts(len(m["records"]), len(m["attachments"]))  # before looking at any entry
    for entry in m["records"]:
        if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
            raise reject("bundle.manifest_record_entry")
        match = RECORD_NAME.match(entry["path"])
        if not match or entry.get("id") != match.group(1) or not isinstance(entry.get("kind"), str):
            raise reject("bundle.manifest_record_path")
        if entry["path"] in records:
            raise reject("bundle.manifest_record_twice")
        records[entry["path"]] = match.group(1)
    for entry in m["attachments"]:
        if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
            raise reject("bundle.manifest_attachment_entry")
        match = ATTACHMENT_NAME.match(entry["path"])
        if not match or entry.get("sha256") != match.group(1):
            raise reject("bundle.manifest_attachment_path")
        size = _int(entry.get("size"), "attachment size")
        if size > MAX_ATTACHMENT or entry["path"] in attachments:
            raise reject("bundle.manifest_attachment_twice")
        attachments[entry["path"]] = (match.group(1), size)
    listed = set(records) | set(attachments)
    summed = set(sums) - {MANIFEST}
    if listed - summed:
        raise reject("bundle.manifest_lists_more", count=len(listed - summed))
    if summed - listed:
        raise reject("bundle.sums_lists_more", count=len(summed - listed))
    for name, (digest, _size) in attachments.items():
        if sums[name] != digest:
            raise reject("bundle.attachment_hash_name")
    return ManifestMembers(records, attachments)


def trusted_comment(manifest: dict) -> str:
    """The minisign trusted comment the writer signs: stock `minisign -V` shows it, so the reader
    requires it to name the manifest's bundle id and sequence (issue 14 item 6)."""
    return f"tawthiq bundle {manifest['bundle_id']} sequence {manifest['sequence']}"


def _no_duplicate_keys(pairs: list[tuple[str, object]]) -> dict:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise reject("bundle.manifest_key_twice")
    return result


def _refuse_constant(name: str) -> object:
    raise reject("bundle.manifest_not_json")


def parse_manifest(raw: bytes) -> Any:
    """manifest.json as JSON, strictly: no duplicate keys, NaN, NUL characters or lone surrogates
    (each would reach the database or a terminal and fail there, or be read two ways)."""
    try:
        value = json.loads(raw.decode("utf-8"), object_pairs_hook=_no_duplicate_keys,
                           parse_constant=_refuse_constant)
    except (UnicodeError, json.JSONDecodeError, RecursionError, ValueError):
        raise reject("bundle.manifest_not_json") from None
    stack = [value]
    while stack:  # without recursion: json.loads already bounded the depth
        node = stack.pop()
        if isinstance(node, dict):
            stack.extend(node)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, str):
            if "\0" in node:
                raise reject("bundle.manifest_nul")
            try:
                node.encode("utf-8")
            except UnicodeEncodeError:
                raise reject("bundle.manifest_surrogate") from None
    return value


def manifest_bytes(manifest: dict) -> bytes:
    return json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8") + b"\n"
