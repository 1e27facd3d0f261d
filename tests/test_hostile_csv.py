"""Hostile CSV imports of vocabularies and places (forms/vocabularies.py, forms/gazetteer.py).

An organisation may load its own vocabularies and gazetteer (OCHA P-codes) from CSV: a file from
outside. Every hostile sample must end in the reader's own error (forms.errors.BadImport, one line,
nothing taken) or a clean, bounded result; never another exception. The samples (huge ones made at
run time) are in tests/hostile_corpus.py, shared with the benchmark adversarial.hostile_csv.
"""

from __future__ import annotations

import io
import os
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forms.errors import FormError
from tests.hostile_corpus import CSV_READERS as READERS
from tests.hostile_corpus import CSV_SAMPLES as SAMPLES
from tests.hostile_corpus import OCHA_HEADER, PLACES_HEADER, VOCAB_HEADER

FUZZ_EXAMPLES = int(os.environ.get("TAWTHIQ_FUZZ_EXAMPLES", "150"))
TIME_BOUND_S = 30

def _outcome(call, raw: bytes) -> str:
    started = time.monotonic()
    try:
        call(io.BytesIO(raw))
        outcome = "taken"
    except FormError as exc:
        assert "\n" not in str(exc) and len(str(exc)) < 300, str(exc)
        outcome = "refused"
    assert time.monotonic() - started < TIME_BOUND_S
    return outcome


# parse_places_csv let csv.Error escape for bare CR line ends and fields over 128 KiB (found by this
# file on 2026-11-25); fixed in forms/gazetteer.py, so no marks remain.


def _cases():
    for reader in sorted(READERS):
        for name in sorted(SAMPLES):
            yield pytest.param(reader, name)


@pytest.mark.parametrize(("reader", "name"), list(_cases()))
def test_hostile_csv_gives_our_error_or_a_clean_result(reader, name):
    _outcome(READERS[reader], SAMPLES[name])


@pytest.mark.parametrize("name", ["not_utf8", "nul_only", "over_the_cap", "duplicate_codes",
                                  "code_path_traversal", "huge_single_field"])
def test_clearly_bad_vocabularies_are_refused(name):
    assert _outcome(READERS["vocabulary"], SAMPLES[name]) == "refused"


@pytest.mark.parametrize("name", ["places_parent_cycle", "places_self_parent"])
def test_a_place_that_is_its_own_ancestor_is_refused(name):
    """Pickers and counts walk up the parents; a loop would make a place its own district."""
    assert _outcome(READERS["places"], SAMPLES[name]) == "refused"


def test_a_loop_through_a_shipped_place_is_refused():
    raw = PLACES_HEADER + b"homs_new,place,homs.rastan,X,,,\n"
    # homs.rastan (shipped) lies under Homs; the file puts Homs itself under a place in Rastan.
    raw += b"homs,governorate,homs_new,Homs,,,\n"
    assert _outcome(READERS["places"], raw) == "refused"


CSV_BYTES = st.binary(max_size=400) | st.text(max_size=300).map(lambda t: t.encode("utf-8"))
HEADERS = st.sampled_from([VOCAB_HEADER, PLACES_HEADER, OCHA_HEADER, b""])


@settings(max_examples=FUZZ_EXAMPLES, deadline=None)
@given(body=CSV_BYTES, header=HEADERS)
def test_fuzz_vocabulary_csv(body, header):
    _outcome(READERS["vocabulary"], header + body)


@settings(max_examples=FUZZ_EXAMPLES, deadline=None)
@given(body=CSV_BYTES, header=HEADERS)
def test_fuzz_places_csv(body, header):
    _outcome(READERS["places"], header + body)


def test_positive_control_a_wellformed_vocabulary_is_taken():
    """Without this, a reader that refused everything (or a misnamed vocabulary) would pass above."""
    assert _outcome(READERS["vocabulary"], VOCAB_HEADER + "ransom_paid,Ransom paid,دفع فدية\n".encode()) == "taken"
