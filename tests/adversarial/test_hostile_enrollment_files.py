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

from app.services.exchange import organisation_profile, trust_list
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
    profile = organisation_profile.export_profile(coordinator)
    identity = trust_list.export_identity(documenter)
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


# ---- profiles signed by the real coordinator key, carrying hostile organisation data ------------
# The signature is good and the fingerprint matches: only the checks of what the profile carries
# (by the rules of the CSV readers) stand between these and the documenter's vault.
GOOD_TERM = {"code": "ngo_hotline", "labels": {"en": "NGO hotline", "ar": "خط ساخن"}}
GOOD_PLACE = {"code": "homs.rastan.x", "level": "place", "parent": "homs.rastan", "names": {"en": "X"},
              "variants": [], "pcode": None}


def _terms(*terms) -> dict:
    return {"vocabularies": {"source_types": list(terms)}, "places": []}


def _places(*places) -> dict:
    return {"vocabularies": {}, "places": list(places)}


HOSTILE_DOCUMENTS: dict[str, dict] = {
    "code_path_traversal": {"organisation_data": _terms({**GOOD_TERM, "code": "../../etc/passwd"})},
    "code_with_rtl_override": {"organisation_data": _terms({**GOOD_TERM, "code": "x\u202e1"})},
    "label_too_long": {"organisation_data": _terms({**GOOD_TERM, "labels": {"en": "a" * 201}})},
    "label_with_nul": {"organisation_data": _terms({**GOOD_TERM, "labels": {"en": "a\x00b"}})},
    "label_with_line_break": {"organisation_data": _terms({**GOOD_TERM, "labels": {"ar": "سطر\nآخر"}})},
    "label_not_text": {"organisation_data": _terms({**GOOD_TERM, "labels": {"en": 5}})},
    "label_in_a_third_language": {"organisation_data": _terms({**GOOD_TERM, "labels": {"fr": "ligne"}})},
    "term_without_label": {"organisation_data": _terms({**GOOD_TERM, "labels": {}})},
    "term_not_an_object": {"organisation_data": _terms("ngo_hotline")},
    "duplicate_codes": {"organisation_data": _terms(GOOD_TERM, GOOD_TERM)},
    "too_many_terms": {"organisation_data": _terms(*({"code": f"t{i}", "labels": {"en": "t"}}
                                                      for i in range(20_001)))},
    "vocabulary_name_traversal": {"organisation_data": {"vocabularies": {"../settings": [GOOD_TERM]}}},
    "vocabularies_not_a_mapping": {"organisation_data": {"vocabularies": [GOOD_TERM]}},
    "organisation_data_not_an_object": {"organisation_data": "source_types"},
    "organisation_data_unknown_part": {"organisation_data": {**_terms(GOOD_TERM), "scripts": "x"}},
    "place_unknown_level": {"organisation_data": _places({**GOOD_PLACE, "level": "planet"})},
    "place_name_too_long": {"organisation_data": _places({**GOOD_PLACE, "names": {"en": "x" * 201}})},
    "place_parent_traversal": {"organisation_data": _places({**GOOD_PLACE, "parent": "../.."})},
    "place_variants_not_a_list": {"organisation_data": _places({**GOOD_PLACE, "variants": "a|b"})},
    "place_without_a_name": {"organisation_data": _places({**GOOD_PLACE, "names": {}})},
    "places_not_a_list": {"organisation_data": {"places": {"homs": GOOD_PLACE}}},
    "serial_negative": {"serial": -1},
    "serial_not_a_number": {"serial": "9"},
    "serial_boolean": {"serial": True},
    "forms_version_not_a_number": {"forms": {"kidnapping": "2"}},
}


@pytest.fixture(scope="module")
def hostile_profiles(world):
    """Each sample: the genuine profile's document with one change, signed by the coordinator."""
    import json

    from storage import signed_file
    from storage.vault import Vault

    root, profile, _ = world
    genuine = json.loads(json.loads(profile)["document"])
    with Vault.unlock(root / "coord", PASSPHRASE) as coordinator:
        signed = {name: signed_file.seal(organisation_profile.PROFILE, {**genuine, **change}, coordinator.signing_key,
                                         coordinator.signing_key_id)
                  for name, change in HOSTILE_DOCUMENTS.items()}
        good = signed_file.seal(organisation_profile.PROFILE, {**genuine, "organisation_data": _terms(GOOD_TERM)},
                                coordinator.signing_key, coordinator.signing_key_id)
        fingerprint = organisation_profile.read_profile(profile).fingerprint
    return signed, good, fingerprint


@pytest.mark.parametrize("name", sorted(HOSTILE_DOCUMENTS))
def test_a_signed_profile_with_hostile_contents_is_refused_and_changes_nothing(world, hostile_profiles, tmp_path,
                                                                               name):
    root = world[0]
    signed, _, fingerprint = hostile_profiles
    path = tmp_path / "hostile.profile"
    path.write_bytes(signed[name])
    before = snapshot(root / "doc")
    r = run_tawthiq("--vault", str(root / "doc"), "--passphrase-file", str(root / "pass"), "profile", "import",
                    str(path), "--fingerprint", fingerprint)
    lines = r.stderr.decode().strip().splitlines()
    assert r.returncode == 4, (name, r.returncode, r.stderr[-500:])
    assert len(lines) == 1 and lines[0].startswith("tawthiq: ") and "Traceback" not in lines[0], (name, lines)
    assert snapshot(root / "doc") == before, name


def test_control_the_same_profile_with_wellformed_contents_is_taken(world, hostile_profiles, tmp_path):
    """Without this, a reader that refused every signed profile would pass the test above."""
    root = world[0]
    _, good, fingerprint = hostile_profiles
    make_vault(tmp_path / "fresh", name="fresh").lock()
    path = tmp_path / "good.profile"
    path.write_bytes(good)
    r = run_tawthiq("--vault", str(tmp_path / "fresh"), "--passphrase-file", str(root / "pass"), "profile", "import",
                    str(path), "--fingerprint", fingerprint)
    assert r.returncode == 0, r.stderr
    assert "organisation terms: 1, places: 0" in r.stdout.decode()


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
    for read in (organisation_profile.read_profile, trust_list.read_identity):
        try:
            read(raw)
        except TawthiqError as exc:
            assert "\n" not in str(exc)
