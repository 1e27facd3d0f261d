"""The bundle file: stock tools read what we write; tampering and hostile archives are refused."""

from __future__ import annotations

import hashlib
import io
import os
import random
import subprocess
import tarfile

import pytest

from storage.bundle import reader
from storage.errors import BundleRejected
from tests.bundle_support import (
    Party,
    encrypt_to,
    file_member,
    manifest_for,
    raw_tar,
    read,
    sample_content,
    signed_members,
    write_sample,
)

# The stock tools are required (conftest checks they are installed): interop never silently skips.
tools = pytest.mark.interop


@pytest.fixture(scope="module")
def parties():
    return Party(), Party()  # documenter, coordinator


@pytest.fixture(scope="module")
def bundle(parties):
    documenter, coordinator = parties
    return write_sample(documenter, coordinator)


def test_round_trip(parties, bundle):
    documenter, coordinator = parties
    verified = read(bundle, coordinator, documenter)
    assert verified.sha256 == hashlib.sha256(bundle).hexdigest()
    assert sorted(verified.records) == ["records/case0.json", "records/case1.json", "records/case2.json"]
    assert verified.signer == documenter.public


@pytest.mark.interop
@tools
def test_stock_tools_check_our_bundle(parties, bundle, tmp_path):
    documenter, coordinator = parties
    (tmp_path / "coordinator.key").write_text(str(coordinator.identity) + "\n")
    (tmp_path / "documenter.pub").write_text(documenter.public.file_text())
    (tmp_path / "b.tawthiq").write_bytes(bundle)
    out = tmp_path / "out"
    out.mkdir()
    plain = subprocess.run(["age", "-d", "-i", str(tmp_path / "coordinator.key"), str(tmp_path / "b.tawthiq")],
                           check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(out)], input=plain, check=True, capture_output=True)
    names = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert names[:3] == ["SHA256SUMS", "SHA256SUMS.minisig", "attachments/" + names[2][12:]]
    subprocess.run(["minisign", "-Vm", "SHA256SUMS", "-p", str(tmp_path / "documenter.pub")],
                   cwd=out, check=True, capture_output=True)
    check = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=out, capture_output=True)
    assert check.returncode == 0 and check.stdout.count(b": OK") == 6
    # And the stock check fails when a file is changed after extraction.
    (out / "records" / "case0.json").write_bytes(b"{}")
    assert subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=out, capture_output=True).returncode != 0


@pytest.mark.interop
@tools
def test_file_encrypted_by_real_age_decrypts_here(parties, tmp_path):
    documenter, coordinator = parties
    records, attachments = sample_content()
    plaintext = raw_tar(signed_members(documenter, manifest_for(documenter, [coordinator.recipient], records,
                                                                attachments),
                                       {**records, **{f"attachments/{hashlib.sha256(a).hexdigest()}": a
                                                      for a in attachments}}))
    (tmp_path / "plain.tar").write_bytes(plaintext)
    subprocess.run(["age", "-r", coordinator.recipient, "-o", str(tmp_path / "b.age"), str(tmp_path / "plain.tar")],
                   check=True)
    verified = read((tmp_path / "b.age").read_bytes(), coordinator, documenter)
    assert len(verified.records) == 3


def _flip_positions(size: int, count: int, seed: int) -> list[int]:
    """Every byte of the first and last 300, the rest spread at random across the middle."""
    rng = random.Random(seed)
    edges = list(range(min(300, size))) + list(range(max(0, size - 300), size))
    middle = rng.sample(range(300, size - 300), max(0, count - len(edges)))
    return sorted(set(edges + middle))[:count] if count < len(edges) else sorted(set(edges + middle))


def _all_rejected(data: bytes, positions: list[int], coordinator, documenter) -> list[int]:
    accepted = []
    for pos in positions:
        b = bytearray(data)
        b[pos] ^= 1 << (pos % 8)
        try:
            read(bytes(b), coordinator, documenter)
        except BundleRejected:
            continue
        accepted.append(pos)
    return accepted


def test_single_byte_flips_are_rejected_sample(parties, bundle):
    documenter, coordinator = parties
    positions = _flip_positions(len(bundle), 200, seed=1)
    assert _all_rejected(bundle, positions, coordinator, documenter) == []


@pytest.mark.slow
def test_single_byte_flips_are_rejected_2000_positions(parties, bundle):
    documenter, coordinator = parties
    positions = _flip_positions(len(bundle), 2100, seed=2)
    assert len(positions) >= 2000
    assert _all_rejected(bundle, positions, coordinator, documenter) == []


def test_truncation_and_appended_bytes(parties, bundle):
    documenter, coordinator = parties
    for cut in (1, 16, 100, len(bundle) // 2, len(bundle) - 1):
        with pytest.raises(BundleRejected):
            read(bundle[:cut], coordinator, documenter)
    for tail in (b"\0", b"x", os.urandom(1000)):
        with pytest.raises(BundleRejected):
            read(bundle + tail, coordinator, documenter)


def test_other_recipient_untrusted_and_impostor_signers(parties, bundle):
    documenter, coordinator = parties
    with pytest.raises(BundleRejected, match="another recipient"):
        read(bundle, Party(), documenter)
    with pytest.raises(BundleRejected, match="does not trust"):
        read(bundle, coordinator, Party())
    impostor = Party(key_id=documenter.key_id)  # same key id, different key
    with pytest.raises(BundleRejected):
        read(write_sample(impostor, coordinator), coordinator, documenter)


def _hand_made(documenter, coordinator, files, manifest=None, sums_names=None, extra=()):
    records = {n: d for n, d in files.items() if n.startswith("records/")}
    atts = [d for n, d in files.items() if n.startswith("attachments/")]
    manifest = manifest or manifest_for(documenter, [coordinator.recipient], records, atts)
    members = signed_members(documenter, manifest, files, sums_names) + list(extra)
    return encrypt_to(coordinator, raw_tar(members))


def test_hand_made_bundle_is_accepted_as_a_control(parties):
    documenter, coordinator = parties
    files = {"records/a.json": b"{}", "attachments/" + hashlib.sha256(b"pic").hexdigest(): b"pic"}
    assert read(_hand_made(documenter, coordinator, files), coordinator, documenter).records


def test_manifest_lists_a_missing_file_or_omits_a_present_one(parties):
    documenter, coordinator = parties
    files = {"records/a.json": b"{}", "records/b.json": b"[]"}
    listed_missing = manifest_for(documenter, [coordinator.recipient], files, [])
    # Manifest and SHA256SUMS both list b, the archive lacks it.
    data = encrypt_to(coordinator, raw_tar(signed_members(documenter, listed_missing, files)[:-1]))
    with pytest.raises(BundleRejected, match="lacks"):
        read(data, coordinator, documenter)
    # The manifest omits b, SHA256SUMS and the archive have it.
    omitting = manifest_for(documenter, [coordinator.recipient], {"records/a.json": b"{}"}, [])
    with pytest.raises(BundleRejected, match="manifest does not"):
        read(_hand_made(documenter, coordinator, files, manifest=omitting), coordinator, documenter)
    # A file in the archive that neither lists.
    with pytest.raises(BundleRejected, match="does not list"):
        read(_hand_made(documenter, coordinator, {"records/a.json": b"{}"},
                        extra=[file_member("records/z.json", b"{}")]), coordinator, documenter)


def _link(name: str, kind: bytes, target: str = "/etc/passwd") -> tuple[tarfile.TarInfo, None]:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = target
    return info, None


@pytest.mark.parametrize("member", [
    _link("records/a.json", tarfile.SYMTYPE),
    _link("records/a.json", tarfile.LNKTYPE, "SHA256SUMS"),
    _link("records/a.json", tarfile.CHRTYPE),
    _link("records", tarfile.DIRTYPE),
    file_member("/etc/x.json", b"{}"),
    file_member("records/../../x.json", b"{}"),
    file_member("SHA256SUMS", b""),  # a duplicate
])
def test_hostile_members_are_refused(parties, member):
    documenter, coordinator = parties
    data = _hand_made(documenter, coordinator, {"records/a.json": b"{}"}, extra=[member])
    with pytest.raises(BundleRejected):
        read(data, coordinator, documenter)


def test_oversized_and_wrongly_ordered_members(parties):
    documenter, coordinator = parties
    big = {"records/a.json": b" " * (17 << 20)}
    with pytest.raises(BundleRejected, match="larger"):
        read(_hand_made(documenter, coordinator, big), coordinator, documenter)
    members = signed_members(documenter, manifest_for(documenter, [coordinator.recipient], {}, []), {})
    with pytest.raises(BundleRejected, match="start with"):
        read(encrypt_to(coordinator, raw_tar([members[2], members[0], members[1]])), coordinator, documenter)
    with pytest.raises(BundleRejected):
        read(encrypt_to(coordinator, b"not a tar at all" * 100), coordinator, documenter)


def test_failed_read_discards_stored_attachments(parties):
    documenter, coordinator = parties
    records, attachments = sample_content(n_attachments=2)
    good = write_sample(documenter, coordinator, records, attachments)
    stored: dict[str, bytes] = {}
    discarded: list[str] = []

    def store(src):
        data = src.read()
        token = f"t{len(stored)}"
        stored[token] = data
        return token, hashlib.sha256(data).hexdigest(), len(data)

    bad = bytearray(good)
    bad[-200] ^= 1  # the last age chunk: the first attachment has been stored by then
    with pytest.raises(BundleRejected):
        reader.read_bundle(io.BytesIO(bytes(bad)), [coordinator.identity], coordinator.trusts(documenter),
                           store=store, discard=discarded.append)
    assert stored and sorted(discarded) == sorted(stored)
    ok = reader.read_bundle(io.BytesIO(good), [coordinator.identity], coordinator.trusts(documenter),
                            store=store, discard=discarded.append)
    assert len(ok.stored) == 2
