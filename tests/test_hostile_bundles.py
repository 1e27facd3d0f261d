"""Hostile bundles that pass the outer layers (properly age-encrypted, SHA256SUMS properly signed by a
trusted documenter) and so reach the tar parser: each is refused with BundleRejected (exit 4) and
nothing else, within a bounded time; then a bounded-time hypothesis fuzz of the reader.

The archives are built with Python's tarfile at test time (tests/bundle_support.py); none is
committed, and the one that declares a huge member carries only a few bytes of it.
"""

from __future__ import annotations

import hashlib
import io
import os
import tarfile
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storage.bundle import layout, reader
from storage.errors import BundleRejected
from tests.bundle_support import (
    Party,
    encrypt_to,
    file_member,
    manifest_for,
    raw_tar,
    read,
    signed_members,
    write_sample,
)

FUZZ_EXAMPLES = int(os.environ.get("TAWTHIQ_FUZZ_EXAMPLES", "150"))
TIME_BOUND_S = 30  # per hostile bundle, on the shared 2-core machine


@pytest.fixture(scope="module")
def parties():
    return Party(), Party()  # documenter, coordinator


def _member(name: str, kind: bytes = tarfile.REGTYPE, data: bytes | None = None, **attrs):
    info = tarfile.TarInfo(name)
    info.type = kind
    if data is not None:
        info.size = len(data)
    for k, v in attrs.items():
        setattr(info, k, v)
    return info, data


def _bundle(documenter: Party, coordinator: Party, files: dict[str, bytes], extra=(), replace=None) -> bytes:
    """A signed, encrypted bundle whose SHA256SUMS and manifest list `files`, plus hostile members."""
    records = {n: d for n, d in files.items() if n.startswith("records/")}
    atts = [d for n, d in files.items() if n.startswith("attachments/")]
    manifest = manifest_for(documenter, [coordinator.recipient], records, atts)
    members = signed_members(documenter, manifest, files)
    if replace is not None:
        members = replace(members)
    return encrypt_to(coordinator, raw_tar(members + list(extra)))


def _refused(data: bytes, coordinator: Party, documenter: Party) -> str:
    started = time.monotonic()
    with pytest.raises(BundleRejected) as caught:
        read(data, coordinator, documenter)
    assert time.monotonic() - started < TIME_BOUND_S
    message = str(caught.value)
    assert message and "\n" not in message
    return message


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


def test_control_the_hand_made_bundle_is_accepted(parties):
    documenter, coordinator = parties
    files = {"records/a.json": b"{}", f"attachments/{ATT}": b"pic"}
    verified = read(_bundle(documenter, coordinator, files), coordinator, documenter)
    assert set(verified.records) == {"records/a.json"}


@pytest.mark.parametrize("name", sorted(HOSTILE_MEMBERS))
def test_hostile_member_is_refused(parties, name):
    documenter, coordinator = parties
    data = _bundle(documenter, coordinator, {"records/a.json": b"{}"}, extra=[HOSTILE_MEMBERS[name]])
    _refused(data, coordinator, documenter)


def test_member_declaring_a_huge_size_is_refused_without_reading_it(parties):
    """An attachment's header and the manifest both claim 60 GiB; the archive carries 3 bytes."""
    documenter, coordinator = parties
    files = {"records/a.json": b"{}", f"attachments/{ATT}": b"pic"}
    manifest = manifest_for(documenter, [coordinator.recipient], {"records/a.json": b"{}"}, [b"pic"])
    manifest["attachments"][0]["size"] = 60 << 30

    def lie_about_size(members):
        info, data = members[-1]
        info.size = 60 << 30
        return members[:-1] + [(info, None)]

    members = lie_about_size(signed_members(documenter, manifest, files))
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tf:
        for info, data in members[:-1]:
            tf.addfile(info, io.BytesIO(data))
        buf.write(members[-1][0].tobuf(format=tarfile.PAX_FORMAT))
        buf.write(b"pic")
        tf.fileobj = io.BytesIO()  # the archive ends here: no padding, no end blocks
    _refused(encrypt_to(coordinator, buf.getvalue()), coordinator, documenter)


def test_record_declaring_a_huge_size_is_refused_before_reading(parties):
    documenter, coordinator = parties

    def huge(members):
        info, _ = members[-1]
        info.size = 10 << 30
        return members[:-1] + [(info, b"{}")]

    data_members = signed_members(documenter, manifest_for(documenter, [coordinator.recipient],
                                                           {"records/a.json": b"{}"}, []), {"records/a.json": b"{}"})
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tf:
        for info, data in huge(data_members)[:-1]:
            tf.addfile(info, io.BytesIO(data))
        buf.write(huge(data_members)[-1][0].tobuf(format=tarfile.PAX_FORMAT) + b"{}")
        tf.fileobj = io.BytesIO()
    assert "larger" in _refused(encrypt_to(coordinator, buf.getvalue()), coordinator, documenter)


def test_many_tiny_unlisted_members_are_refused_at_the_first(parties):
    documenter, coordinator = parties
    tiny = [file_member(f"records/t{i}.json", b"{}") for i in range(5_000)]
    started = time.monotonic()
    _refused(_bundle(documenter, coordinator, {"records/a.json": b"{}"}, extra=tiny), coordinator, documenter)
    assert time.monotonic() - started < TIME_BOUND_S


def _many_tiny_listed(parties, count: int, bound_s: float) -> float:
    documenter, coordinator = parties
    files = {f"records/t{i}.json": b"1" for i in range(count)}
    data = _bundle(documenter, coordinator, files)
    started = time.monotonic()
    verified = read(data, coordinator, documenter)
    took = time.monotonic() - started
    assert len(verified.records) == count
    assert took < bound_s, f"{count} tiny members took {took:.1f} s"
    return took


def test_many_tiny_listed_members_are_read_in_bounded_time(parties):
    """Signed one-byte records: not hostile in itself, but the reader must stay linear."""
    _many_tiny_listed(parties, 2_000, TIME_BOUND_S)


@pytest.mark.slow
def test_hundred_thousand_tiny_listed_members(parties):
    took = _many_tiny_listed(parties, 100_000, 10 * TIME_BOUND_S)
    print(f"\n100,000 tiny members read and verified in {took:.1f} s")


@pytest.mark.parametrize("plaintext", [
    b"", b"\0" * 10240, b"not a tar" * 1000,
    b"\x1f\x8b" + os.urandom(2000),  # gzip magic: compressed archives are not accepted
    raw_tar([file_member("records/a.json", b"{}")])[:700],  # cut inside the first member
])
def test_non_tar_and_truncated_plaintext(parties, plaintext):
    documenter, coordinator = parties
    _refused(encrypt_to(coordinator, plaintext), coordinator, documenter)


def test_broken_header_checksum(parties):
    documenter, coordinator = parties
    tar = bytearray(raw_tar(signed_members(documenter, manifest_for(documenter, [coordinator.recipient], {}, []), {})))
    tar[148:156] = b"0000000\0"  # the first header's checksum field
    _refused(encrypt_to(coordinator, bytes(tar)), coordinator, documenter)


# ---- fuzzing ---------------------------------------------------------------------------------------
KINDS = [tarfile.REGTYPE, tarfile.SYMTYPE, tarfile.LNKTYPE, tarfile.DIRTYPE, tarfile.CHRTYPE, tarfile.FIFOTYPE,
         tarfile.CONTTYPE, tarfile.GNUTYPE_SPARSE]
NAMES = st.sampled_from(["records/a.json", "records/b.json", f"attachments/{ATT}", layout.MANIFEST, layout.SUMS,
                         layout.SIGNATURE, "/etc/x", "../x", "records/../x", ""]) | st.text(max_size=30)


@st.composite
def hostile_archives(draw):
    """A signed head over some listed files, then members of any name, kind and content."""
    listed = draw(st.dictionaries(st.sampled_from(["records/a.json", "records/b.json"]), st.binary(max_size=40),
                                  max_size=2))
    extra = draw(st.lists(st.tuples(NAMES, st.sampled_from(KINDS), st.binary(max_size=60)), max_size=4))
    drop_head = draw(st.sets(st.integers(0, 2), max_size=1))
    return listed, extra, drop_head


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=hostile_archives(), shuffle=st.randoms(use_true_random=False))
def test_fuzz_structured_archives_only_bundle_rejected(parties, case, shuffle):
    documenter, coordinator = parties
    listed, extra, drop_head = case
    members = signed_members(documenter, manifest_for(documenter, [coordinator.recipient], listed, []), listed)
    members = [m for i, m in enumerate(members) if i not in drop_head]
    for name, kind, data in extra:
        info = tarfile.TarInfo(name)
        info.type = kind
        info.size = len(data) if kind in (tarfile.REGTYPE, tarfile.CONTTYPE) else 0
        info.linkname = "records/a.json" if kind in (tarfile.SYMTYPE, tarfile.LNKTYPE) else ""
        members.insert(shuffle.randrange(len(members) + 1), (info, data if info.size else None))
    try:
        plaintext = raw_tar(members)
    except (ValueError, UnicodeError, tarfile.TarError):
        return  # tarfile itself refused to write this member: nothing to read
    try:
        read(encrypt_to(coordinator, plaintext), coordinator, documenter)
    except BundleRejected as exc:
        assert "\n" not in str(exc)


@pytest.fixture(scope="module")
def valid_plaintext(parties):
    documenter, coordinator = parties
    files = {"records/a.json": b'{"kind": "case"}', "records/b.json": b"[]", f"attachments/{ATT}": b"pic"}
    return raw_tar(signed_members(documenter, manifest_for(documenter, [coordinator.recipient],
                                                           {k: v for k, v in files.items() if "records" in k},
                                                           [b"pic"]), files))


@settings(max_examples=FUZZ_EXAMPLES * 2, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=st.lists(st.tuples(st.integers(0, 1 << 16), st.integers(0, 255)), min_size=1, max_size=8),
       cut=st.none() | st.integers(0, 1 << 16))
def test_fuzz_mutated_tar_bytes_only_bundle_rejected(parties, valid_plaintext, edits, cut):
    """Byte edits inside the decrypted tar (headers, sizes, PAX records), re-encrypted properly."""
    documenter, coordinator = parties
    tar = bytearray(valid_plaintext)
    for position, value in edits:
        tar[position % len(tar)] = value
    if cut is not None:
        tar = tar[: cut % (len(tar) + 1)]
    try:
        read(encrypt_to(coordinator, bytes(tar)), coordinator, documenter)
    except BundleRejected as exc:
        assert "\n" not in str(exc)


def test_fuzz_control_a_real_bundle_still_reads(parties):
    documenter, coordinator = parties
    assert read(write_sample(documenter, coordinator), coordinator, documenter).records


def test_reader_never_extracts(parties, tmp_path, monkeypatch):
    """Whatever the archive says, the reader writes no file: run a hostile one from an empty cwd."""
    documenter, coordinator = parties
    monkeypatch.chdir(tmp_path)
    for name in ("path_traversal", "absolute_path", "symlink_to_etc", "pax_path_traversal"):
        data = _bundle(documenter, coordinator, {"records/a.json": b"{}"}, extra=[HOSTILE_MEMBERS[name]])
        with pytest.raises(BundleRejected):
            reader.read_bundle(io.BytesIO(data), [coordinator.identity], coordinator.trusts(documenter))
    assert list(tmp_path.iterdir()) == []
    assert not os.path.exists("/tmp/tawthiq-escape.json")
