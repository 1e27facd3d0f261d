"""The reader's push parsing: the same verdict however the decryptor cuts the plaintext, pax size
headers read, anything else refused, and a failing attachment store leaves nothing behind."""

from __future__ import annotations

import hashlib
import io
import os
import random
import tarfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storage.bundle import reader
from storage.bundle.reader import READ, STREAM, PushParser
from storage.errors import BundleRejected
from tests.bundle_support import (
    Party,
    encrypt_to,
    manifest_for,
    raw_tar,
    read,
    sample_content,
    signed_members,
    write_sample,
)


@pytest.fixture(scope="module")
def parties():
    return Party(), Party()  # documenter, coordinator


@pytest.fixture(scope="module")
def plaintext(parties):
    documenter, coordinator = parties
    records, attachments = sample_content(n_records=3, n_attachments=2, attachment_size=20_000)
    bundle = write_sample(documenter, coordinator, records, attachments)
    import pyrage

    return pyrage.decrypt(bundle, [coordinator.identity])


def _parse_in_pieces(plaintext: bytes, cuts: list[int], parties) -> tuple[dict, BaseException | None]:
    documenter, coordinator = parties
    result: dict = {"stored": {}}
    parser = PushParser(reader._parse_tar(coordinator.trusts(documenter), None, None, set(), result, None,
                                         {coordinator.recipient}))
    start = 0
    for end in [*sorted(set(cuts)), len(plaintext)]:
        if end > start:
            try:
                assert parser.write(plaintext[start:end]) == end - start
            except BundleRejected:
                break
            start = end
    parser.finish()
    parser.close()
    return result, parser.error


def test_push_parser_answers_reads_and_streams_across_pieces():
    seen = []

    def parse():
        seen.append((yield READ(3)))
        seen.append((yield STREAM(5, lambda piece: seen.append(bytes(piece)))))
        seen.append((yield READ(4)))  # only 2 bytes are left: the end answers short

    parser = PushParser(parse())
    for piece in (b"ab", b"cde", b"fgh", b"ij"):
        parser.write(piece)
    parser.finish()
    assert parser.done and parser.error is None
    assert seen == [b"abc", b"de", b"fgh", 5, b"ij"]


def test_push_parser_raises_the_first_error_to_the_writer_then_drops_bytes():
    """Raised into pyrage, the parser's error stops the decryption there (an early refusal reads no
    further); pyrage flushing its buffer while it unwinds is not a second error."""
    def parse():
        yield READ(1)
        raise ValueError("first")

    parser = PushParser(parse())
    with pytest.raises(ValueError, match="first"):
        parser.write(b"xyz")
    assert parser.write(b"more") == 4
    assert isinstance(parser.error, ValueError) and str(parser.error) == "first"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(cuts=st.lists(st.integers(0, 70_000), max_size=40), seed=st.integers(0, 1 << 30))
def test_any_cut_of_the_plaintext_gives_the_same_verdict(parties, plaintext, cuts, seed):
    rng = random.Random(seed)
    cuts = [c % (len(plaintext) + 1) for c in cuts] + [rng.randrange(len(plaintext)) for _ in range(5)]
    whole, error = _parse_in_pieces(plaintext, [], parties)
    assert error is None
    pieces, error = _parse_in_pieces(plaintext, cuts, parties)
    assert error is None
    assert pieces["records"] == whole["records"] and pieces["manifest"] == whole["manifest"]


def test_byte_at_a_time_and_one_piece(parties, plaintext):
    _, error = _parse_in_pieces(plaintext[:20_000], list(range(20_000)), parties)
    assert isinstance(error, BundleRejected)  # cut inside the archive: truncated, whatever the pieces
    _, error = _parse_in_pieces(plaintext, [], parties)
    assert error is None


def _bundle_with(parties, attachment_info, data: bytes, end_blocks: bool = True) -> bytes:
    documenter, coordinator = parties
    name = f"attachments/{hashlib.sha256(data).hexdigest()}"
    records = {"records/a.json": b"{}"}
    members = signed_members(documenter, manifest_for(documenter, [coordinator.recipient], records, [data]),
                             {**records, name: data})
    attachment_info.name = name
    members[-1] = (attachment_info, data)
    tar = raw_tar(members)
    if not end_blocks:
        tar = tar.rstrip(b"\0")
        tar += b"\0" * (-len(tar) % 512)
    return encrypt_to(coordinator, tar)


def _zero_ustar_size(tar: bytes, name: str) -> bytes:
    """Set the ustar size field of `name`'s header to 0, as tarfile writes it when a pax record
    carries the size (members of 8 GiB or more), and fix the header checksum."""
    out = bytearray(tar)
    at = out.index(name.encode() + b"\0")
    while at % 512:  # the pax header's own data also names the member; find the header block
        at = out.index(name.encode() + b"\0", at + 1)
    block = out[at:at + 512]
    block[124:136] = b"%011o\0" % 0
    block[148:156] = b" " * 8
    block[148:156] = b"%06o\0 " % sum(block)
    out[at:at + 512] = block
    return bytes(out)


def test_pax_size_header_as_our_writer_emits_it_is_read(parties):
    documenter, coordinator = parties
    data = os.urandom(3000)
    name = f"attachments/{hashlib.sha256(data).hexdigest()}"
    records = {"records/a.json": b"{}"}
    members = signed_members(documenter, manifest_for(documenter, [coordinator.recipient], records, [data]),
                             {**records, name: data})
    members[-1][0].pax_headers = {"size": str(len(data))}  # what tarfile writes for 8 GiB or more
    tar = _zero_ustar_size(raw_tar(members), name)
    with tarfile.open(fileobj=io.BytesIO(tar)) as tf:  # tarfile too reads the size from the pax record
        assert tf.getmember(name).size == 3000
    verified = read(encrypt_to(coordinator, tar), coordinator, documenter)
    assert verified.manifest["attachments"][0]["size"] == 3000


@pytest.mark.parametrize("pax", [{"mtime": "1.5"}, {"size": "3000", "mtime": "1"}, {"GNU.sparse.size": "3000"},
                                 {"size": "2999"}])
def test_other_pax_records_are_refused(parties, pax):
    documenter, coordinator = parties
    data = os.urandom(3000)
    info = tarfile.TarInfo("x")
    info.size = len(data)
    info.pax_headers = pax
    with pytest.raises(BundleRejected):
        read(_bundle_with(parties, info, data), coordinator, documenter)


def test_archive_without_its_end_marker_is_refused(parties):
    documenter, coordinator = parties
    data = os.urandom(1000)
    info = tarfile.TarInfo("x")
    info.size = len(data)
    with pytest.raises(BundleRejected, match="truncated"):
        read(_bundle_with(parties, info, data, end_blocks=False), coordinator, documenter)
    assert read(_bundle_with(parties, info, data), coordinator, documenter).records  # the control


def _store_into(kept: dict, fail_after: int | None = None, stop_after: int | None = None):
    def store(src):
        got = b""
        while chunk := src.read(1000):
            got += chunk
            if fail_after is not None and len(got) >= fail_after:
                raise RuntimeError("disk full")
            if stop_after is not None and len(got) >= stop_after:
                break
        token = f"t{len(kept)}"
        kept[token] = got
        return token, hashlib.sha256(got).hexdigest(), len(got)
    return store


def test_store_failing_mid_attachment_leaves_nothing(parties):
    documenter, coordinator = parties
    records, attachments = sample_content(n_attachments=2, attachment_size=300_000)
    bundle = write_sample(documenter, coordinator, records, attachments)
    kept: dict[str, bytes] = {}
    discarded: list[str] = []
    with pytest.raises(RuntimeError, match="disk full"):
        reader.read_bundle(io.BytesIO(bundle), [coordinator.identity], coordinator.trusts(documenter),
                           store=_store_into(kept, fail_after=100_000), discard=discarded.append)
    assert kept == {} and discarded == []
    # A store that stops reading early: the bundle is refused and what it stored is discarded.
    with pytest.raises(BundleRejected):
        reader.read_bundle(io.BytesIO(bundle), [coordinator.identity], coordinator.trusts(documenter),
                           store=_store_into(kept, stop_after=100_000), discard=discarded.append)
    assert kept and sorted(discarded) == sorted(kept)
    # The control: a store that reads everything keeps both attachments, byte for byte.
    kept.clear()
    ok = reader.read_bundle(io.BytesIO(bundle), [coordinator.identity], coordinator.trusts(documenter),
                            store=_store_into(kept), discard=discarded.append)
    assert sorted(kept.values()) == sorted(attachments) and len(ok.stored) == 2


def test_rejected_after_streaming_a_stored_attachment_discards_it(parties):
    """The decryptor fails in the middle of an attachment being stored: the store ends, is discarded."""
    documenter, coordinator = parties
    records, attachments = sample_content(n_attachments=1, attachment_size=1_000_000)
    bundle = bytearray(write_sample(documenter, coordinator, records, attachments))
    bundle[len(bundle) // 2] ^= 1
    kept: dict[str, bytes] = {}
    discarded: list[str] = []
    with pytest.raises(BundleRejected, match="tampered"):
        reader.read_bundle(io.BytesIO(bytes(bundle)), [coordinator.identity], coordinator.trusts(documenter),
                           store=_store_into(kept), discard=discarded.append)
    assert sorted(discarded) == sorted(kept)


def test_an_interrupt_while_storing_discards_what_was_stored_and_is_passed_on(parties):
    """Ctrl+C (or SystemExit) in the middle of an import: the interrupt goes on up, and the
    attachment already stored is discarded like on any refusal."""
    documenter, coordinator = parties
    records, attachments = sample_content(n_attachments=2, attachment_size=300_000)
    bundle = write_sample(documenter, coordinator, records, attachments)
    kept: dict[str, bytes] = {}
    discarded: list[str] = []
    store_whole = _store_into(kept)

    def store(src):
        if kept:  # the second attachment: interrupted half-way
            src.read(100_000)
            raise KeyboardInterrupt
        return store_whole(src)

    with pytest.raises(KeyboardInterrupt):
        reader.read_bundle(io.BytesIO(bundle), [coordinator.identity], coordinator.trusts(documenter),
                           store=store, discard=discarded.append)
    assert len(kept) == 1 and discarded == list(kept)
