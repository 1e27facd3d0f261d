"""An organisation's own terms and places: imported from CSV into the vault, in force after unlock.

Real vaults, the real `tawthiq` command in child processes; the cross-vault checks run in one
process because that is where a leak would happen (forms/ keeps what is in force per process).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.services.exchange import organisation_data
from forms import vocabularies
from forms.gazetteer import resolve_place
from storage import audit, keyfile
from storage.vault import Vault
from tests.conftest import PASSPHRASE, REPO, snapshot
from tests.forms_support import example

TERMS_CSV = "code,en,ar\nngo_hotline,NGO hotline,خط ساخن لمنظمة\nother,Something else,شيء\n"
PLACES_CSV = (
    "code,level,parent,name_en,name_ar,variants,pcode\n"
    "homs.rastan.umm_sharshouh,place,homs.rastan,Umm Sharshouh,أم شرشوح,Um Sharshuh|ام شرشوح,\n"
)
OCHA_CSV = (
    "admin1Name_en,admin1Name_ar,admin1Pcode,admin2Name_en,admin2Name_ar,admin2Pcode,"
    "admin3Name_en,admin3Name_ar,admin3Pcode,admin4Name_en,admin4Name_ar,admin4Pcode\n"
    "Homs,حمص,SY04,Ar-Rastan,الرستن,SY0404,Talbiseh,تلبيسة,SY040401,Ghantu,الغنطو,C9999\n"
)


@pytest.fixture(autouse=True)
def _shipped_data_only():
    organisation_data.uninstall()
    yield
    organisation_data.uninstall()


@pytest.fixture
def cli(tawthiq, vault_dir, passphrase_file):
    assert tawthiq("--vault", str(vault_dir), "--passphrase-file", str(passphrase_file), "init").returncode == 0

    def run(*args: str) -> subprocess.CompletedProcess:
        return tawthiq("--vault", str(vault_dir), "--passphrase-file", str(passphrase_file), *args)

    return run


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _case_with_source(tmp_path: Path, source_type: str) -> Path:
    body = example("killing")
    body["sources"][0]["type"] = source_type
    return _write(tmp_path, "case.json", json.dumps(body, ensure_ascii=False))


def test_an_imported_term_makes_a_case_valid_that_was_refused_before(cli, tmp_path, vault_dir):
    case = _case_with_source(tmp_path, "ngo_hotline")
    before = cli("case", "add", str(case))
    assert before.returncode == 1
    assert "sources[0].type" in before.stderr.decode()
    assert "not one of the allowed choices" in before.stderr.decode()

    r = cli("vocabulary", "import", "source_types", str(_write(tmp_path, "t.csv", TERMS_CSV)))
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode().strip() == "1 terms added to source_types"  # 'other' is shipped: not relabelled

    added = cli("case", "add", str(case))
    assert added.returncode == 0, added.stderr
    shown = json.loads(cli("case", "show", added.stdout.decode().strip(), "--json").stdout)
    assert "ngo_hotline" in json.dumps(shown)

    listed = json.loads(cli("vocabulary", "list", "source_types", "--json").stdout)
    ours = [t for t in listed if t["organisation"]]
    assert ours == [{"code": "ngo_hotline", "labels": {"en": "NGO hotline", "ar": "خط ساخن لمنظمة"},
                     "organisation": True}]
    assert next(t for t in listed if t["code"] == "other")["labels"]["en"] == "Other"

    with Vault.unlock(vault_dir, PASSPHRASE) as vault:
        logged = [e for e in audit.entries(vault.connection()) if e["action"] == "organisation.data"]
        assert [(e["subject"], e["detail"]) for e in logged] == [("vocabulary:source_types", {"terms": 1, "total": 1})]
        assert audit.verify_chain(vault.connection()) >= 2


def test_a_second_import_adds_to_the_first(cli, tmp_path):
    assert cli("vocabulary", "import", "source_types", str(_write(tmp_path, "a.csv", TERMS_CSV))).returncode == 0
    more = "code,en,ar\nradio_intercept,Radio intercept,اعتراض لاسلكي\n"
    assert cli("vocabulary", "import", "source_types", str(_write(tmp_path, "b.csv", more))).returncode == 0
    listed = json.loads(cli("vocabulary", "list", "source_types", "--json").stdout)
    assert [t["code"] for t in listed if t["organisation"]] == ["ngo_hotline", "radio_intercept"]


def _resolve_in_new_process(vault_dir: Path, names: list[str]) -> list[str | None]:
    """Unlock afresh in another interpreter, install as the CLI does, and resolve each name."""
    script = (
        "import json, sys\n"
        "from app.services.exchange import organisation_data\n"
        "from forms.gazetteer import resolve_place\n"
        "from storage.vault import Vault\n"
        "vault = Vault.unlock(sys.argv[1], sys.argv[2])\n"
        "organisation_data.install(vault)\n"
        "print(json.dumps([getattr(resolve_place(n), 'code', None) for n in sys.argv[3:]]))\n"
        "vault.lock()\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    r = subprocess.run([sys.executable, "-c", script, str(vault_dir), PASSPHRASE, *names],
                       capture_output=True, env=env, timeout=120, check=True)
    return json.loads(r.stdout)


def test_an_imported_village_resolves_by_its_arabic_and_latin_variants_after_a_fresh_unlock(cli, tmp_path, vault_dir):
    assert resolve_place("Um Sharshuh") is None
    r = cli("places", "import", str(_write(tmp_path, "p.csv", PLACES_CSV)))
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode().strip() == "1 places imported"

    names = ["Um Sharshuh", "ام شرشوح", "أم شرشوح", "Umm Sharshouh"]
    assert _resolve_in_new_process(vault_dir, names) == ["homs.rastan.umm_sharshouh"] * 4

    found = json.loads(cli("places", "search", "ام شرشوح", "--json").stdout)
    assert found[0]["code"] == "homs.rastan.umm_sharshouh" and found[0]["organisation"] is True

    # A case naming the village as typed is stored with its code.
    body = example("killing")
    body["location"] = {"governorate": "homs", "district": "homs.rastan", "place": "ام شرشوح"}
    added = cli("case", "add", str(_write(tmp_path, "case.json", json.dumps(body, ensure_ascii=False))))
    assert added.returncode == 0, added.stderr
    shown = json.loads(cli("case", "show", added.stdout.decode().strip(), "--json").stdout)
    assert "homs.rastan.umm_sharshouh" in json.dumps(shown)


def test_an_ocha_cod_ab_file_adds_p_codes_and_new_places(cli, tmp_path, vault_dir):
    r = cli("places", "import", str(_write(tmp_path, "ocha.csv", OCHA_CSV)))
    assert r.returncode == 0, r.stderr
    homs, ghantu = _resolve_in_new_process(vault_dir, ["SY04", "الغنطو"])
    assert homs == "homs"  # the P-code is added to the governorate we ship
    assert ghantu == "C9999"  # a place we do not ship is coded by its P-code
    found = json.loads(cli("places", "search", "Ghantu", "--json").stdout)
    assert found[0]["code"] == "C9999" and found[0]["level"] == "place"


@pytest.mark.parametrize(("command", "content"), [
    (("vocabulary", "import", "source_types"), "code,en\nx,y\n"),
    (("vocabulary", "import", "source_types"), "code,en,ar\nbad code!,x,y\n"),
    (("vocabulary", "import", "source_types"), 'code,en,ar\n"unterminated,x,y\n' + "z" * 200_000),
    (("vocabulary", "import", "no_such_vocabulary"), TERMS_CSV),
    (("places", "import"), "code,level,parent,name_en,name_ar\nx,planet,,Mars,المريخ\n"),
    (("places", "import"), "name,what\nx,y\n"),
])
def test_a_malformed_csv_gives_one_error_line_and_leaves_the_vault_unchanged(cli, tmp_path, vault_dir,
                                                                            command, content):
    assert cli("vocabulary", "list", "source_types").returncode == 0  # settle the files an unlock touches
    before = snapshot(vault_dir)
    r = cli(*command, str(_write(tmp_path, "bad.csv", content)))
    assert r.returncode == 1
    err = r.stderr.decode()
    assert err.startswith("tawthiq: ") and err.count("\n") == 1, err
    assert snapshot(vault_dir) == before


def test_a_file_that_cannot_be_read_changes_nothing(cli, tmp_path, vault_dir):
    assert cli("vocabulary", "list", "source_types").returncode == 0
    before = snapshot(vault_dir)
    r = cli("places", "import", str(tmp_path / "missing.csv"))
    assert r.returncode == 1 and r.stderr.decode() == "tawthiq: nothing was imported: the places file cannot be read\n"
    assert snapshot(vault_dir) == before


def _new_vault(path: Path, name: str) -> Vault:
    return Vault.create(path, PASSPHRASE, name=name, kdf_params=dict(keyfile.TEST_PARAMS))


def test_terms_and_places_of_one_vault_are_not_in_force_when_another_is_opened(tmp_path):
    from app.cli import build_parser
    from app.commands._context import Context

    a = _new_vault(tmp_path / "a", "A")
    organisation_data.import_vocabulary_csv(a, "source_types", _write(tmp_path, "t.csv", TERMS_CSV))
    organisation_data.import_places_csv(a, _write(tmp_path, "p.csv", PLACES_CSV))
    assert "ngo_hotline" in vocabularies.codes("source_types")
    assert resolve_place("Um Sharshuh") is not None
    a.lock()
    _new_vault(tmp_path / "b", "B").lock()

    # The CLI's way of opening a vault: B has no additions, so A's must be gone.
    pass_file = _write(tmp_path, "pp", PASSPHRASE + "\n")
    ctx = Context.from_args(build_parser().parse_args(
        ["--vault", str(tmp_path / "b"), "--passphrase-file", str(pass_file), "vocabulary", "list"]))
    try:
        ctx.vault()
        assert "ngo_hotline" not in vocabularies.codes("source_types")
        assert resolve_place("Um Sharshuh") is None
    finally:
        ctx.close()

    with Vault.unlock(tmp_path / "a", PASSPHRASE) as again:
        organisation_data.install(again)
        assert "ngo_hotline" in vocabularies.codes("source_types")
        assert resolve_place("ام شرشوح").code == "homs.rastan.umm_sharshouh"


@pytest.mark.gui
def test_the_gui_session_installs_on_open_and_forgets_on_lock(qapp, tmp_path):
    from app.gui.prefs import PreUnlockPrefs
    from app.gui.session import Session

    a = _new_vault(tmp_path / "a", "A")
    organisation_data.import_vocabulary_csv(a, "source_types", _write(tmp_path, "t.csv", TERMS_CSV))
    a.lock()
    organisation_data.uninstall()
    session = Session(tmp_path / "a", PreUnlockPrefs(tmp_path / "prefs.json"))
    try:
        session.open(Vault.unlock(tmp_path / "a", PASSPHRASE))
        assert "ngo_hotline" in vocabularies.codes("source_types")
        session.lock()
        assert "ngo_hotline" not in vocabularies.codes("source_types")
        session.open(_new_vault(tmp_path / "b", "B"))
        assert "ngo_hotline" not in vocabularies.codes("source_types")
    finally:
        session.lock()
        session.deleteLater()


def test_damaged_stored_data_does_not_stop_a_vault_from_opening(vault):
    vault.set_setting("org.vocabulary.source_types", "not json")
    vault.set_setting("org.places", json.dumps([{"code": "x"}]))  # no level, no names
    organisation_data.install(vault)
    assert "ngo_hotline" not in vocabularies.codes("source_types")
    assert resolve_place("Homs").code == "homs"
