"""Hostile organisation profiles and identity files through the real `profile import` and `trust`.

Each is refused with one line and exit 1 or 4 (4 when it is a signed file that fails its checks),
and the vault that was asked to import it is byte-identical afterwards. Then a hypothesis fuzz of
the two readers: our own error types only.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.services import enrollment
from storage.errors import TawthiqError
from tests.bundle_support import make_vault
from tests.conftest import PASSPHRASE, run_tawthiq, snapshot

FUZZ_EXAMPLES = int(os.environ.get("TAWTHIQ_FUZZ_EXAMPLES", "150"))
WRONG_FINGERPRINT = " ".join(["00000"] * 12)  # well-formed, matches no key


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile-enrollment")
    coordinator = make_vault(root / "coord", role="coordinator", name="coord")
    documenter = make_vault(root / "doc", name="doc")
    profile = enrollment.export_profile(coordinator)
    identity = enrollment.export_identity(documenter)
    coordinator.lock()
    documenter.lock()
    (root / "pass").write_text(PASSPHRASE + "\n")
    return root, profile, identity


def _flip(raw: bytes, at: int) -> bytes:
    b = bytearray(raw)
    b[at % len(b)] ^= 0x01
    return bytes(b)


def _samples(profile: bytes, identity: bytes) -> dict[str, bytes]:
    return {
        "empty": b"",
        "garbage": os.urandom(3000),
        "not_utf8": b"\xff\xfe\xfa" * 100,
        "nul_bytes": b"\0" * 1000,
        "deep_nesting": b"[" * 100_000 + b"]" * 100_000,
        "json_without_signature": b'{"coordinator_recipients": ["age1x"], "forms": {}}',
        "huge": b"a" * (20 << 20),
        "flipped_middle_byte": _flip(profile, len(profile) // 2),
        "flipped_last_byte": _flip(profile, -2),
        "truncated": profile[: len(profile) // 2],
        "identity_offered_as_profile": identity,
        "profile_offered_as_identity": profile,
        "flipped_identity": _flip(identity, len(identity) // 3),
    }


def _refused(world, args, name: str, tmp_path) -> None:
    root, profile, identity = world
    sample = _samples(profile, identity)[name]
    path = tmp_path / f"{name}.bin"
    path.write_bytes(sample)
    vault = root / args[0]
    before = snapshot(vault)
    r = run_tawthiq("--vault", str(vault), "--passphrase-file", str(root / "pass"), *args[1:], str(path),
                    "--fingerprint", WRONG_FINGERPRINT)
    lines = r.stderr.decode().strip().splitlines()
    assert r.returncode in (1, 4), (name, r.returncode, r.stderr[-500:])
    assert len(lines) == 1 and lines[0].startswith("tawthiq: ") and "Traceback" not in lines[0], (name, lines)
    assert snapshot(vault) == before, name


PROFILE_SAMPLES = ["empty", "garbage", "not_utf8", "nul_bytes", "deep_nesting", "json_without_signature", "huge",
                   "flipped_middle_byte", "flipped_last_byte", "truncated", "identity_offered_as_profile"]
IDENTITY_SAMPLES = ["empty", "garbage", "deep_nesting", "huge", "profile_offered_as_identity", "flipped_identity"]


@pytest.mark.parametrize("name", PROFILE_SAMPLES)
def test_hostile_profile_is_refused(world, tmp_path, name):
    _refused(world, ("doc", "profile", "import"), name, tmp_path)


@pytest.mark.parametrize("name", IDENTITY_SAMPLES)
def test_hostile_identity_is_refused(world, tmp_path, name):
    _refused(world, ("coord", "trust"), name, tmp_path)


def test_control_the_genuine_profile_with_a_wrong_fingerprint_is_refused_with_4(world, tmp_path):
    root, profile, _ = world
    (tmp_path / "p").write_bytes(profile)
    before = snapshot(root / "doc")
    r = run_tawthiq("--vault", str(root / "doc"), "--passphrase-file", str(root / "pass"), "profile", "import",
                    str(tmp_path / "p"), "--fingerprint", WRONG_FINGERPRINT)
    assert r.returncode == 4 and b"fingerprint" in r.stderr
    assert snapshot(root / "doc") == before


@settings(max_examples=FUZZ_EXAMPLES, deadline=None)
@given(data=st.data())
def test_fuzz_profile_and_identity_readers(world, data):
    _, profile, identity = world
    source = data.draw(st.sampled_from([profile, identity]))
    edits = data.draw(st.lists(st.tuples(st.integers(0, len(source) - 1), st.integers(0, 255)), max_size=6))
    raw = bytearray(source)
    for at, value in edits:
        raw[at] = value
    raw = bytes(raw[: data.draw(st.integers(0, len(raw)))]) if data.draw(st.booleans()) else bytes(raw)
    for read in (enrollment.read_profile, enrollment.read_identity):
        try:
            read(raw)
        except TawthiqError as exc:
            assert "\n" not in str(exc)
