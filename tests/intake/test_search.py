"""Full-text search inside the encrypted database, Arabic-normalised at index and query time."""

from __future__ import annotations

import pytest

from app.services.intake import cases

CASES = [
    {"form": "kidnapping", "title": "اختُطِفَ شابٌّ من حيّ الزهراء", "narrative": "سيارة بيضاء بلا لوحات"},
    {"form": "killing", "title": "Three men shot at their door", "narrative": "مسلحون مجهولون أطلقوا النار"},
    {"form": "disappearance", "title": "Disappeared on the road to Tartus", "narrative": "آخر اتصال في ٢٠٢٥"},
    {"form": "kidnapping", "title": "الإفراج عن المخطوف بعد دفع فدية", "narrative": "مستشفى الوليد"},
]


@pytest.fixture
def filled(vault):
    ids = [cases.save_case(vault, c)[0] for c in CASES]
    return vault, ids


@pytest.mark.parametrize(
    "query, expected",
    [
        ("اختطف", [0]),  # no tashkeel in the query, tashkeel in the text
        ("اختُطِفَ", [0]),  # tashkeel in the query too
        ("اخـتـطـف", [0]),  # tatweel
        ("حي الزهرا", [0]),  # prefix match
        ("الزهراء", [0]),
        ("مسلحون", [1]),
        ("SHOT", [1]),  # Latin case folding
        ("2025", [2]),  # Arabic-Indic digits in the text
        ("٢٠٢٥", [2]),
        ("الافراج", [3]),  # hamza on alef folded: الإفراج
        ("فديه", [3]),  # ta marbuta folded: فدية
        ("مستشفي", [3]),  # alef maqsura folded
        ("nothing-like-this", []),
    ],
)
def test_arabic_aware_search(filled, query, expected):
    vault, ids = filled
    found = {c.id for c in cases.search(vault, query)}
    assert found == {ids[i] for i in expected}


def test_search_input_is_never_fts_syntax(filled):
    vault, _ = filled
    for hostile in ['"', "NEAR(", "a OR", "*", "title:x", "-", "AND AND", "'; DROP TABLE cases; --"]:
        cases.search(vault, hostile)  # must not raise
    assert cases.count_cases(vault) == len(CASES)


def test_edits_reindex(filled):
    vault, ids = filled
    cases.save_case(vault, {"form": "killing", "title": "Body found at the hospital"}, ids[1])
    assert not cases.search(vault, "shot")
    assert [c.id for c in cases.search(vault, "hospital")] == [ids[1]]


def test_cli_search(vault, vault_dir, passphrase_file, tawthiq):
    ids = [cases.save_case(vault, c)[0] for c in CASES]
    vault.lock()
    r = tawthiq("--vault", str(vault_dir), "--passphrase-file", str(passphrase_file), "search", "اختطف", "--json")
    assert r.returncode == 0, r.stderr
    import json

    assert [row["id"] for row in json.loads(r.stdout)] == [ids[0]]
