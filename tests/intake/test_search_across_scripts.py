"""Search finds people and places across scripts, with linkage's name keys (issue 15, DESIGN §3, §7).

Before, `Muhammad`, `Mohamed` or `Hassan` found nothing where the victim was recorded as
محمد … حسن, and `Zahraa` or `حمص` found nothing where the case was coded al-Zahra, Homs.
"""

from __future__ import annotations

import pytest

from app.services.intake import cases
from storage import database
from storage.vault import Vault
from tests.conftest import PASSPHRASE

ZAHRA = {"governorate": "homs", "district": "homs.homs", "place": "homs.homs.city",
         "neighbourhood": "homs.homs.city.zahra"}
CASES = {
    "muhammad_hasan": {"form": "kidnapping", "title": "Taken at the bakery",
                       "victims": [{"name_ar": "محمد علي حسن"}]},
    "mahmud_husayn": {"form": "kidnapping", "title": "Taken on the road",
                      "victims": [{"name_ar": "محمود حسين"}]},
    "latin_recorded": {"form": "killing", "title": "Shot at the checkpoint",
                       "victims": [{"name_latin": "Mohammad al-Hassan"}]},
    "in_zahra": {"form": "kidnapping", "title": "Abducted from home", "location": ZAHRA},
    "in_hama": {"form": "kidnapping", "title": "Abducted from the market", "location": {"governorate": "hama"}},
}


@pytest.fixture
def filled(vault):
    return vault, {name: cases.save_case(vault, body)[0] for name, body in CASES.items()}


@pytest.mark.parametrize(("query", "expected"), [
    ("Muhammad", {"muhammad_hasan", "latin_recorded"}),
    ("Mohamed", {"muhammad_hasan", "latin_recorded"}),
    ("محمد", {"muhammad_hasan", "latin_recorded"}),  # an Arabic query finds the Latin record too
    ("Hassan", {"muhammad_hasan", "latin_recorded"}),
    ("Mohamed Hassan", {"muhammad_hasan", "latin_recorded"}),
    ("حسن", {"muhammad_hasan", "latin_recorded"}),  # not حسين
    ("حسين", {"mahmud_husayn"}),  # not حسن
    ("Hussein", {"mahmud_husayn"}),
    ("محمود", {"mahmud_husayn"}),  # not محمد
    ("Mahmoud", {"mahmud_husayn"}),
    ("Zahraa", {"in_zahra"}),
    ("Al Zahraa", {"in_zahra"}),
    ("الزهراء", {"in_zahra"}),
    ("حمص", {"in_zahra"}),  # a governorate in Arabic finds the cases coded with a place inside it
    ("Homs", {"in_zahra"}),
    ("Hama", {"in_hama"}),
])
def test_search_across_scripts(filled, query, expected):
    vault, ids = filled
    assert {c.id for c in cases.search(vault, query)} == {ids[name] for name in expected}


def test_the_migration_reindexes_cases_saved_before(tmp_path, vault):
    """A vault whose index was written before the name keys (schema 11): unlocking re-indexes it."""
    import json

    from forms.normalize import normalize_for_search
    from tests.schema_support import rebuild_at_version

    ids = {name: cases.save_case(vault, body)[0] for name, body in CASES.items()}
    path = vault.path
    vault.lock()
    conn = rebuild_at_version(path, PASSPHRASE, 11, keep=("cases", "case_versions", "case_search"))
    with database.transaction(conn):  # what the index held before: the folded text only
        for case_id, body_text in conn.execute(
                "SELECT c.id, v.body FROM cases c JOIN case_versions v ON v.case_id = c.id "
                "AND v.version = c.current_version").fetchall():
            body = json.loads(body_text)
            conn.execute("UPDATE case_search SET content = ? WHERE rowid = (SELECT search_rowid FROM cases "
                         "WHERE id = ?)", (normalize_for_search(body.get("title", "") + " " + json.dumps(
                             body.get("victims", []), ensure_ascii=False)), case_id))
    found = {word: conn.execute("SELECT count(*) FROM case_search WHERE case_search MATCH ?",
                                (normalize_for_search(word),)).fetchone()[0] for word in ("Muhammad", "حمص")}
    conn.close()
    assert found == {"Muhammad": 0, "حمص": 0}
    again = Vault.unlock(path, PASSPHRASE)
    try:
        assert {c.id for c in cases.search(again, "Muhammad")} == {ids["muhammad_hasan"], ids["latin_recorded"]}
        assert {c.id for c in cases.search(again, "حمص")} == {ids["in_zahra"]}
    finally:
        again.lock()
