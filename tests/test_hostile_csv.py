"""Hostile CSV imports of vocabularies and places (forms/vocabularies.py, forms/gazetteer.py).

An organisation may load its own vocabularies and gazetteer (OCHA P-codes) from CSV: a file from
outside. Every hostile sample must end in the reader's own error (forms.errors.BadImport, one line,
nothing taken) or a clean, bounded result; never another exception. Huge samples are made here.
"""

from __future__ import annotations

import io
import os
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forms import gazetteer, vocabularies
from forms.errors import FormError

FUZZ_EXAMPLES = int(os.environ.get("TAWTHIQ_FUZZ_EXAMPLES", "150"))
TIME_BOUND_S = 30

VOCAB_HEADER = b"code,en,ar\n"
PLACES_HEADER = b"code,level,parent,name_en,name_ar,variants,pcode\n"
OCHA_HEADER = b"admin1Pcode,admin1Name_en,admin1Name_ar,admin2Pcode,admin2Name_en,admin2Name_ar\n"

SAMPLES: dict[str, bytes] = {
    "empty": b"",
    "header_only_garbage": b"\xff\xfe\x00\x00",
    "not_utf8": VOCAB_HEADER + b"x1,\xff\xfe,\xc0\xaf\n",
    "utf16": "code,en,ar\nx1,a,ب\n".encode("utf-16"),
    "nul_bytes": VOCAB_HEADER + b"x1,a\x00b,\x00\n",
    "nul_only": b"\x00" * 5000,
    "unterminated_quote": VOCAB_HEADER + 'x1,"never closed,ب\n'.encode() * 10,
    "huge_single_field": VOCAB_HEADER + b"x1," + b"a" * (300 << 10) + b",b\n",
    "huge_quoted_field": VOCAB_HEADER + b'x1,"' + b"a" * (900 << 10) + b'",b\n',
    "many_columns": VOCAB_HEADER + b"x1,a,b" + b",c" * 100_000 + b"\n",
    "over_the_cap": VOCAB_HEADER + b"x1,a,b\n" * ((17 << 20) // 7),
    "duplicate_codes": VOCAB_HEADER + b"x1,a,b\nx1,c,d\n",
    "code_path_traversal": VOCAB_HEADER + b"../../etc/passwd,a,b\n",
    "code_with_rtl_override": VOCAB_HEADER + "x\u202e1,a,ب\n".encode(),
    "formula_injection": VOCAB_HEADER + b'x1,"=HYPERLINK(""http://x"")",b\n',
    "bare_carriage_returns": b"code,en,ar\rx1,a,b\rx2,c,d\r",
    "places_unknown_level": PLACES_HEADER + b"x1,planet,,Earth,,,\n",
    "places_parent_cycle": PLACES_HEADER + b"a1,district,b1,A,,,\nb1,district,a1,B,,,\n",
    "places_self_parent": PLACES_HEADER + b"a1,district,a1,A,,,\n",
    "ocha_malformed_pcode": OCHA_HEADER + b"SY../..,Homs,,,,\n",
    "ocha_deep_same_pcode": OCHA_HEADER + b"SY01,Homs,\xd8\xad\xd9\x85\xd8\xb5,SY01,Homs,\n",
}


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


READERS = {
    "vocabulary": lambda f: vocabularies.import_terms_csv("act_types", f),
    "places": lambda f: gazetteer.parse_places_csv(f),
}


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
