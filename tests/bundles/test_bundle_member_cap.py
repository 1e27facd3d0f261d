"""The bundle's member cap: a properly signed, properly encrypted bundle with one attachment more
than layout.MAX_ATTACHMENTS is refused on its SHA256SUMS, before any member after the first three
is read; the manifest's counts are checked before its entries; the writer refuses to write what
the reader would refuse.

The hostile archive is generated while age encrypts it into a pipe that the reader reads, so the
test needs neither a 270 MB file nor the memory for one, and it can count how many members the
reader made the generator produce.
"""

from __future__ import annotations

import hashlib
import io
import os
import tarfile
import threading
import time

import pyrage
import pytest

from storage.bundle import layout, writer
from storage.errors import BundleRejected, TawthiqError
from tests.bundle_support import Party, manifest_for

TIME_BOUND_S = 30  # as tests/adversarial/test_hostile_bundles.py; measured: see the test's docstring


def _header(name: str, size: int) -> bytes:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mode = 0o600
    return info.tobuf(format=tarfile.USTAR_FORMAT)


def _padding(size: int) -> bytes:
    return b"\0" * (-size % tarfile.BLOCKSIZE)


class GeneratedTar(io.RawIOBase):
    """A signed bundle's tar of `count` four-byte attachments, made as it is read."""

    def __init__(self, sender: Party, recipient: Party, count: int):
        contents = [i.to_bytes(4, "big") for i in range(count)]
        self.digests = [hashlib.sha256(c).hexdigest() for c in contents]
        manifest = manifest_for(sender, [recipient.recipient], {}, contents)
        manifest_raw = layout.manifest_bytes(manifest)
        entries = [(layout.MANIFEST, hashlib.sha256(manifest_raw).hexdigest())]
        entries += [(f"attachments/{d}", d) for d in self.digests]
        sums = layout.sums_text(entries)
        from storage import minisign

        comment = layout.trusted_comment(manifest)
        signature = minisign.sign(sums, sender.key, sender.key_id, comment).file_text().encode()
        self.head = b"".join(_header(n, len(d)) + d + _padding(len(d)) for n, d in (
            (layout.SUMS, sums), (layout.SIGNATURE, signature), (layout.MANIFEST, manifest_raw)))
        self.contents = contents
        self.members_made = 0
        self.pending = bytearray(self.head)
        self.total = len(self.head) + count * 2 * tarfile.BLOCKSIZE + 2 * tarfile.BLOCKSIZE

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while len(self.pending) < len(buffer) and self.members_made <= len(self.contents):
            if self.members_made == len(self.contents):
                self.pending += b"\0" * (2 * tarfile.BLOCKSIZE)  # end of archive
            else:
                content = self.contents[self.members_made]
                self.pending += _header(f"attachments/{self.digests[self.members_made]}", 4)
                self.pending += content + _padding(4)
            self.members_made += 1
        n = min(len(buffer), len(self.pending))
        buffer[:n] = self.pending[:n]
        del self.pending[:n]
        return n


class CountingReader(io.RawIOBase):
    def __init__(self, raw):
        self.raw, self.consumed = raw, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        n = self.raw.readinto(buffer)
        self.consumed += n or 0
        return n


def _encrypting(plaintext: io.RawIOBase, recipient: Party):
    """(ciphertext stream, thread): age encrypts `plaintext` into a pipe as the reader reads it."""
    r, w = os.pipe()
    ciphertext_in, ciphertext_out = os.fdopen(r, "rb", buffering=0), os.fdopen(w, "wb")

    def encrypt() -> None:
        try:
            pyrage.encrypt_io(io.BufferedReader(plaintext, 1 << 16), ciphertext_out, [recipient.identity.to_public()])
        except Exception:  # noqa: S110 - the reader stopped reading and closed the pipe: expected
            pass
        finally:
            try:
                ciphertext_out.close()
            except OSError:
                pass

    thread = threading.Thread(target=encrypt, name="test-encrypt", daemon=True)
    thread.start()
    return ciphertext_in, thread


def test_one_attachment_over_the_cap_is_refused_before_the_members_are_read():
    """Measured once on the shared, busy 2-core machine: refused after 3.5 s (the first three
    members, 67 MB, decrypted and SHA256SUMS signature-checked), with 3,937 of the 200,001 members
    made; reading a bundle of 200,000 such members takes 31 s there (the slow test below)."""
    from storage.bundle import reader

    sender, coordinator = Party(), Party()
    tar = GeneratedTar(sender, coordinator, layout.MAX_ATTACHMENTS + 1)
    ciphertext, thread = _encrypting(tar, coordinator)
    source = CountingReader(ciphertext)
    started = time.monotonic()
    try:
        with pytest.raises(BundleRejected, match="too many") as caught:
            reader.read_bundle(io.BufferedReader(source), [coordinator.identity], coordinator.trusts(sender))
        took = time.monotonic() - started
    finally:
        ciphertext.close()
        thread.join(timeout=60)
    assert "\n" not in str(caught.value)
    assert not thread.is_alive()
    # Structurally early: past the head, only what the pipes buffer ahead was ever made (a few MiB
    # of the 200 MB of members), so no per-member work was done on the rest.
    assert tar.members_made < layout.MAX_ATTACHMENTS // 20, tar.members_made
    assert source.consumed < len(tar.head) + (16 << 20)
    print(f"\nrefused after {took:.1f} s; {tar.members_made} members made; {source.consumed >> 20} MiB read")
    assert took < TIME_BOUND_S, f"refused after {took:.1f} s"


def test_sums_lines_are_counted_before_any_is_parsed():
    with pytest.raises(BundleRejected, match="too many files"):
        layout.parse_sums(b"\n" * (layout.MAX_SUMS_LINES + 1))  # uncounted, line 1 would be "malformed"
    assert layout.MAX_SUMS >= layout.MAX_SUMS_LINES * len(f"{'0' * 64}  records/{'a' * 128}.json\n")


@pytest.mark.parametrize("listed", ["records", "attachments"])
def test_manifest_counts_are_checked_before_its_entries(listed):
    sender = Party()
    manifest = manifest_for(sender, ["age1x"], {}, [])
    entry = {"path": "records/a.json", "kind": "case", "id": "a"} if listed == "records" else {
        "path": f"attachments/{'0' * 64}", "sha256": "0" * 64, "size": 1}
    cap = layout.MAX_RECORDS if listed == "records" else layout.MAX_ATTACHMENTS
    manifest[listed] = [entry] * (cap + 1)  # entry by entry, the second would be "listed twice"
    with pytest.raises(BundleRejected, match=f"too many {listed}"):
        layout.check_manifest(manifest, {layout.MANIFEST: "0" * 64})
    manifest[listed] = [entry] * 2
    with pytest.raises(BundleRejected, match="twice"):  # control: below the cap, entries are read
        layout.check_manifest(manifest, {layout.MANIFEST: "0" * 64})


def test_writer_refuses_a_bundle_the_reader_would_refuse():
    sender, coordinator = Party(), Party()
    records = {f"records/r{i}.json": b"{}" for i in range(layout.MAX_RECORDS + 1)}
    manifest = manifest_for(sender, [coordinator.recipient], records, [])
    out = io.BytesIO()
    with pytest.raises(TawthiqError, match="at most 200,000 records"):
        writer.write_bundle(out, recipients=[coordinator.recipient], signing_key=sender.key, key_id=sender.key_id,
                            manifest=manifest, records=records, attachments=[])
    assert out.getvalue() == b""


@pytest.mark.slow
def test_a_bundle_at_the_cap_is_read():
    """The control, and the bound on a signed bundle of tiny members: all MAX_ATTACHMENTS read."""
    from storage.bundle import reader

    sender, coordinator = Party(), Party()
    tar = GeneratedTar(sender, coordinator, layout.MAX_ATTACHMENTS)
    ciphertext, thread = _encrypting(tar, coordinator)
    started = time.monotonic()
    try:
        verified = reader.read_bundle(ciphertext, [coordinator.identity], coordinator.trusts(sender))
    finally:
        ciphertext.close()
        thread.join(timeout=60)
    took = time.monotonic() - started
    assert len(verified.manifest["attachments"]) == layout.MAX_ATTACHMENTS
    print(f"\n{layout.MAX_ATTACHMENTS:,} tiny attachments read and verified in {took:.1f} s")
    assert took < 10 * TIME_BOUND_S
