"""The hostile-input corpus for the readers of outside data (issue 8), built at run time.

Shared by the tests that check each sample is refused (tests/adversarial/test_hostile_bundles.py,
test_hostile_bundle_import.py, test_hostile_enrollment_files.py, test_hostile_csv.py) and by the
benchmark that counts them (benchmarks/bench_hostile.py), so there is one corpus. Case JSON samples
are in tests/hostile/make_case_json.py (committed files). None of the bundle archives is committed;
the ones that declare a huge member carry only a few bytes of it.
"""

from __future__ import annotations

import hashlib
import io
import os
import tarfile

import pyrage

from forms import gazetteer, vocabularies
from storage.bundle import layout
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
