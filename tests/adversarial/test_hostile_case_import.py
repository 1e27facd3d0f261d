"""Hostile case JSON through the real `tawthiq case add`: one clear line, exit 1, vault unchanged.

The small samples are files in tests/hostile/case_json/ (made by tests/hostile/make_case_json.py).
The big ones are made here: 100,000 levels of nesting, a file one byte over the 16 MiB cap, a
2 GiB single line (a sparse file: no disk is used), and an endless stream through a FIFO that
shows the cap stops reading instead of reading everything first.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.commands.case import MAX_CASE_FILE_BYTES
from app.services.intake import cases
from app.services.untrusted_json import HostileJSON, loads_untrusted
from storage import keyfile
from storage.errors import TawthiqError
from storage.vault import Vault
from tests.conftest import PASSPHRASE, REPO, run_tawthiq, snapshot
from tests.hostile.make_case_json import SAMPLES
from tests.threat_support import run_measured

CORPUS = Path(__file__).resolve().parent.parent / "hostile" / "case_json"
# Bounds stated in docs/threat-model.md: every rejection within these.
TIME_BOUND_S = 60
# The cap reads at most 16 MiB + 1 byte; decoding is never reached. 64 MiB over the baseline is the bound.
EXTRA_MEMORY_BOUND_KIB = 64 * 1024
# More examples when asked (TAWTHIQ_FUZZ_EXAMPLES=2000 for a long run); 150 keeps the fast suite fast.
FUZZ_EXAMPLES = int(os.environ.get("TAWTHIQ_FUZZ_EXAMPLES", "150"))


@pytest.fixture(scope="module")
def target(tmp_path_factory):
    """A vault with one case in it, and the files that must not change."""
    root = tmp_path_factory.mktemp("hostile-case")
    vault_dir = root / "vault"
    with Vault.create(vault_dir, PASSPHRASE, kdf_params=dict(keyfile.TEST_PARAMS)) as v:
        cases.save_case(v, {"form": "kidnapping", "title": "the one real case"})
    pass_file = root / "pass"
    pass_file.write_text(PASSPHRASE + "\n")
    return vault_dir, pass_file, snapshot(vault_dir)


def _rejected(target, path: Path, expected: str, **kw) -> str:
    vault_dir, pass_file, before = target
    r = run_tawthiq("--vault", str(vault_dir), "--passphrase-file", str(pass_file), "case", "add", str(path), **kw)
    lines = r.stderr.decode().strip().splitlines()
    assert r.returncode == 1, (path.name, r.returncode, r.stderr[-500:])
    assert len(lines) == 1 and lines[0].startswith("tawthiq: "), (path.name, lines)
    assert expected in lines[0], (path.name, lines[0])
    assert r.stdout == b""
    assert snapshot(vault_dir) == before, f"{path.name} changed the vault"
    return lines[0]


def test_corpus_is_current():
    assert sorted(p.name for p in CORPUS.iterdir()) == sorted(SAMPLES)
    for name, (content, _) in SAMPLES.items():
        assert (CORPUS / name).read_bytes() == content, f"rerun tests/hostile/make_case_json.py ({name})"


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_hostile_sample_is_refused_with_one_line(target, name):
    _rejected(target, CORPUS / name, SAMPLES[name][1])


def test_hundred_thousand_levels_of_nesting(target, tmp_path):
    p = tmp_path / "deep.json"
    p.write_bytes(b'{"form": "kidnapping", "n": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")
    _rejected(target, p, "nested")


def test_one_byte_over_the_cap(target, tmp_path):
    p = tmp_path / "over.json"
    with open(p, "wb") as fh:
        fh.write(b'{"form": "kidnapping", "narrative": "')
        fh.write(b"a" * (MAX_CASE_FILE_BYTES - fh.tell() - 2 + 1))
        fh.write(b'"}')
    assert p.stat().st_size == MAX_CASE_FILE_BYTES + 1
    _rejected(target, p, "larger than 16 MiB")


def _measured_add(target, path: Path) -> tuple[int, bytes, int]:
    vault_dir, pass_file, _ = target
    status, _, err, peak_kib = run_measured(
        ["--vault", str(vault_dir), "--passphrase-file", str(pass_file), "case", "add", str(path)],
        env={**os.environ, "PYTHONPATH": str(REPO)}, cwd=REPO, timeout=TIME_BOUND_S,
    )
    return status, err, peak_kib


def test_two_gib_single_line_is_refused_in_bounded_time_and_memory(target, tmp_path):
    """Memory is measured against the same command refusing a tiny file (the CLI's own imports)."""
    vault_dir, _, before = target
    p = tmp_path / "two-gib-line.json"
    with open(p, "wb") as fh:
        fh.write(b'{"form": "kidnapping", "narrative": "')
        fh.truncate(2 << 30)  # sparse: one line of 2 GiB, almost no disk used
    small = tmp_path / "small.json"
    small.write_bytes(b'{"form": "kidnapping", "narrative": ')
    _, _, baseline_kib = _measured_add(target, small)
    status, err, peak_kib = _measured_add(target, p)
    assert status == 1 and b"larger than 16 MiB" in err and len(err.strip().splitlines()) == 1
    assert 0 < baseline_kib and peak_kib - baseline_kib < EXTRA_MEMORY_BOUND_KIB, (peak_kib, baseline_kib)
    assert snapshot(vault_dir) == before


def test_the_cap_stops_reading_an_endless_stream(target, tmp_path):
    """A FIFO that never ends: the reader must stop just past the cap, not read everything first."""
    fifo = tmp_path / "endless.json"
    os.mkfifo(fifo)
    written = 0
    limit = MAX_CASE_FILE_BYTES * 4  # the writer gives up here if the reader never stops

    def feed() -> None:
        nonlocal written
        try:
            with open(fifo, "wb") as fh:
                fh.write(b'{"form": "kidnapping", "narrative": "')
                chunk = b"a" * (1 << 16)
                while written < limit:
                    fh.write(chunk)
                    written += len(chunk)
        except BrokenPipeError:
            pass  # the reader closed its end: what we want

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    try:
        _rejected(target, fifo, "larger than 16 MiB")
    finally:
        # Unblock the writer if the reader never opened the FIFO.
        fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
        writer.join(timeout=TIME_BOUND_S)
        os.close(fd)
    assert written < MAX_CASE_FILE_BYTES + (4 << 20), f"{written} bytes were read from an endless stream"


def test_right_to_left_overrides_in_names_are_kept_as_data_and_folded_for_search(target, tmp_path):
    """RLO and isolates are real data sometimes; they are stored exactly and never hide a name from search."""
    vault_dir, pass_file, _ = target
    body = {
        "form": "kidnapping",
        "title": "photo\u202egpj.exe",
        "victims": [{"name_latin": "Sa\u202eeed\u202c Kha\u2066lil\u2069", "name_ar": "سعيد\u200fخليل"}],
    }
    p = tmp_path / "rlo.json"
    p.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    run = lambda *a: run_tawthiq("--vault", str(vault_dir), "--passphrase-file", str(pass_file), *a)  # noqa: E731
    added = run("case", "add", str(p))
    assert added.returncode == 0, added.stderr
    case_id = added.stdout.decode().strip()
    shown = json.loads(run("case", "show", case_id, "--json").stdout)
    assert shown["victims"] == body["victims"] and shown["title"] == body["title"]
    assert case_id in run("search", "Saeed").stdout.decode()
    target[2].clear()
    target[2].update(snapshot(vault_dir))  # later tests compare against the vault with this case


# ---- fuzzing ----------------------------------------------------------------------------------------
json_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text()
json_values = st.recursive(json_scalars, lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(), c, max_size=4),
                           max_leaves=20)
case_bodies = st.fixed_dictionaries(
    {"form": st.one_of(st.text(min_size=1), json_values)},
    optional={"title": json_values, "form_version": json_values, "narrative": json_values, "victims": json_values,
              "date": json_values, "location": json_values, "id": json_values, "extra": json_values},
)


@settings(max_examples=FUZZ_EXAMPLES * 2, deadline=None)
@given(st.binary(max_size=300))
def test_fuzz_bytes_only_our_error(raw):
    try:
        loads_untrusted(raw)
    except HostileJSON as exc:
        assert "\n" not in str(exc)


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(body=case_bodies, ascii_only=st.booleans())
def test_fuzz_case_import_path(tmp_path, body, ascii_only):
    """Through parse and save: our own error, or a case that reads back exactly as given."""
    if not hasattr(test_fuzz_case_import_path, "vault"):
        test_fuzz_case_import_path.vault = Vault.create(tmp_path / "fuzz", PASSPHRASE,
                                                        kdf_params=dict(keyfile.TEST_PARAMS))
    vault = test_fuzz_case_import_path.vault
    raw = json.dumps(body, ensure_ascii=ascii_only).encode("utf-8")
    try:
        parsed = loads_untrusted(raw)
        case_id, _ = cases.save_case(vault, parsed)
    except TawthiqError as exc:
        assert "\n" not in str(exc)
        return
    stored = cases.get_case(vault, case_id)
    stored.pop("_meta")
    expected = dict(parsed)
    expected.setdefault("form_version", 1)
    expected["id"] = case_id
    assert stored == expected
