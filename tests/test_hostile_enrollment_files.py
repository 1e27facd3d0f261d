"""Hostile organisation profiles and identity files through the real `profile import` and `trust`.

Each is refused with one line and exit 1 or 4 (4 when it is a signed file that fails its checks),
and the vault that was asked to import it is byte-identical afterwards. Then a hypothesis fuzz of
the two readers: our own error types only. The samples are built by tests/hostile_corpus.py
(shared with the benchmark adversarial.hostile_enrollment).
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
from tests.hostile_corpus import IDENTITY_SAMPLES, PROFILE_SAMPLES, WRONG_FINGERPRINT, enrollment_samples

FUZZ_EXAMPLES = int(os.environ.get("TAWTHIQ_FUZZ_EXAMPLES", "150"))


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


def _refused(world, args, name: str, tmp_path) -> None:
    root, profile, identity = world
    sample = enrollment_samples(profile, identity)[name]
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
