"""Hostile bundles that pass the outer layers (properly age-encrypted, SHA256SUMS properly signed by a
trusted documenter) and so reach the tar parser: each is refused with BundleRejected (exit 4) and
nothing else, within a bounded time; then a bounded-time hypothesis fuzz of the reader.

The archives are built with Python's tarfile at test time (tests/hostile_corpus.py, shared with the
benchmark adversarial.hostile_bundles); none is committed, and the ones that declare a huge member
carry only a few bytes of it.
"""

from __future__ import annotations

import io
import os
import tarfile
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storage.bundle import layout, reader
from storage.errors import BundleRejected
from tests.bundle_support import Party, encrypt_to, manifest_for, raw_tar, read, signed_members, write_sample
from tests.hostile_corpus import (
    ATT,
    HOSTILE_AUDIT,
    HOSTILE_MEMBERS,
    NON_TAR_PLAINTEXTS,
    broken_checksum_bundle,
    hostile_audit_bundle,
    hostile_bundle,
    huge_attachment_bundle,
    huge_record_bundle,
    many_tiny_unlisted_bundle,
)

FUZZ_EXAMPLES = int(os.environ.get("TAWTHIQ_FUZZ_EXAMPLES", "150"))
TIME_BOUND_S = 30  # per hostile bundle, on the shared 2-core machine


@pytest.fixture(scope="module")
def parties():
    return Party(), Party()  # documenter, coordinator


def _refused(data: bytes, coordinator: Party, documenter: Party) -> str:
    started = time.monotonic()
    with pytest.raises(BundleRejected) as caught:
        read(data, coordinator, documenter)
    assert time.monotonic() - started < TIME_BOUND_S
    message = str(caught.value)
    assert message and "\n" not in message
    return message


def test_control_the_hand_made_bundle_is_accepted(parties):
    documenter, coordinator = parties
    files = {"records/a.json": b"{}", f"attachments/{ATT}": b"pic"}
    verified = read(hostile_bundle(documenter, coordinator, files), coordinator, documenter)
    assert set(verified.records) == {"records/a.json"}


@pytest.mark.parametrize("name", sorted(HOSTILE_AUDIT))
def test_a_malformed_audit_position_is_refused(parties, name):
    documenter, coordinator = parties
    data = hostile_audit_bundle(documenter, coordinator, HOSTILE_AUDIT[name])
    assert _refused(data, coordinator, documenter) == "manifest: audit malformed"


def test_control_a_well_formed_audit_position_is_read(parties):
    documenter, coordinator = parties
    audit = {"seq": 9, "hash": "ab" * 32, "previous": {"seq": 4, "hash": "cd" * 32}}
    verified = read(hostile_audit_bundle(documenter, coordinator, audit), coordinator, documenter)
    assert layout.audit_claim(verified.manifest) == layout.AuditClaim(
        layout.AuditPosition(9, "ab" * 32), layout.AuditPosition(4, "cd" * 32))


@pytest.mark.parametrize("name", sorted(HOSTILE_MEMBERS))
def test_hostile_member_is_refused(parties, name):
    documenter, coordinator = parties
    data = hostile_bundle(documenter, coordinator, {"records/a.json": b"{}"}, extra=[HOSTILE_MEMBERS[name]])
    _refused(data, coordinator, documenter)


def test_member_declaring_a_huge_size_is_refused_without_reading_it(parties):
    """An attachment's header and the manifest both claim 60 GiB; the archive carries 3 bytes."""
    documenter, coordinator = parties
    _refused(huge_attachment_bundle(documenter, coordinator), coordinator, documenter)


def test_record_declaring_a_huge_size_is_refused_before_reading(parties):
    documenter, coordinator = parties
    assert "larger" in _refused(huge_record_bundle(documenter, coordinator), coordinator, documenter)


def test_many_tiny_unlisted_members_are_refused_at_the_first(parties):
    documenter, coordinator = parties
    data = many_tiny_unlisted_bundle(documenter, coordinator, 5_000)
    started = time.monotonic()
    _refused(data, coordinator, documenter)
    assert time.monotonic() - started < TIME_BOUND_S


def _many_tiny_listed(parties, count: int, bound_s: float) -> float:
    documenter, coordinator = parties
    files = {f"records/t{i}.json": b"1" for i in range(count)}
    data = hostile_bundle(documenter, coordinator, files)
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


@pytest.mark.parametrize("name", sorted(NON_TAR_PLAINTEXTS))
def test_non_tar_and_truncated_plaintext(parties, name):
    documenter, coordinator = parties
    _refused(encrypt_to(coordinator, NON_TAR_PLAINTEXTS[name]), coordinator, documenter)


def test_broken_header_checksum(parties):
    documenter, coordinator = parties
    _refused(broken_checksum_bundle(documenter, coordinator), coordinator, documenter)


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
        data = hostile_bundle(documenter, coordinator, {"records/a.json": b"{}"}, extra=[HOSTILE_MEMBERS[name]])
        with pytest.raises(BundleRejected):
            reader.read_bundle(io.BytesIO(data), [coordinator.identity], coordinator.trusts(documenter))
    assert list(tmp_path.iterdir()) == []
    assert not os.path.exists("/tmp/tawthiq-escape.json")
