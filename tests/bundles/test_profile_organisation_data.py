"""The organisation's own terms and places travel in the profile, and codes survive bundles.

Through the real `tawthiq` command in child processes: a coordinator imports CSVs and exports
the profile; a documenter imports it (fingerprint checked) and at once can write a case with the
organisation's term and village, in force with their Arabic and English labels; the bundle goes
back and the coordinator's import resolves every code. A newer profile relabels, an older one is
refused and changes nothing. A bundle using codes the coordinator lacks is imported with them
kept and flagged, and they resolve once the coordinator has the terms.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from app.services.exchange import organisation_data, organisation_profile
from forms.gazetteer import resolve_place
from storage.vault import Vault
from tests.conftest import PASSPHRASE, snapshot
from tests.forms_support import example

TERMS_CSV = "code,en,ar\nngo_hotline,NGO hotline,خط ساخن لمنظمة\n"
RELABELLED_CSV = "code,en,ar\nngo_hotline,NGO hotline (national),الخط الساخن الوطني\n"
PLACES_CSV = (
    "code,level,parent,name_en,name_ar,variants,pcode\n"
    "homs.rastan.umm_sharshouh,place,homs.rastan,Umm Sharshouh,أم شرشوح,Um Sharshuh|ام شرشوح,\n"
)
LOCAL_TERMS_CSV = "code,en,ar\nradio_intercept,Radio intercept,اعتراض لاسلكي\n"


@pytest.fixture(autouse=True)
def _shipped_data_only():
    organisation_data.uninstall()
    yield
    organisation_data.uninstall()


class World:
    """A coordinator and a documenter vault, both driven through the CLI."""

    def __init__(self, root: Path, tawthiq):
        self.root, self._tawthiq = root, tawthiq
        self.pass_file = root / "pass"
        self.pass_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
        self.coord, self.doc = root / "coord", root / "doc"
        self.ok(self.coord, "init", "--role", "coordinator", "--name", "Coordination")
        self.ok(self.doc, "init", "--name", "Documenter")

    def run(self, vault: Path, *args: str) -> subprocess.CompletedProcess:
        return self._tawthiq("--vault", str(vault), "--passphrase-file", str(self.pass_file), *args)

    def ok(self, vault: Path, *args: str) -> str:
        r = self.run(vault, *args)
        assert r.returncode == 0, (args, r.stderr.decode())
        return r.stdout.decode()

    def write(self, name: str, text: str) -> Path:
        path = self.root / name
        path.write_text(text, encoding="utf-8")
        return path

    def fingerprint(self, vault: Path) -> str:
        return json.loads(self.ok(vault, "keys", "--json"))["fingerprint"]

    def export_profile(self, name: str) -> Path:
        out = self.root / name
        self.ok(self.coord, "profile", "export", "--out", str(out))
        return out

    def import_profile(self, path: Path) -> subprocess.CompletedProcess:
        return self.run(self.doc, "profile", "import", str(path), "--fingerprint", self.fingerprint(self.coord))

    def enrol_documenter(self) -> None:
        identity = self.root / "doc.identity"
        self.ok(self.doc, "identity", "export", "--out", str(identity))
        self.ok(self.coord, "trust", str(identity), "--fingerprint", self.fingerprint(self.doc))

    def terms(self, vault: Path, name: str = "source_types") -> list[dict]:
        return [t for t in json.loads(self.ok(vault, "vocabulary", "list", name, "--json")) if t["organisation"]]


@pytest.fixture
def world(tmp_path, tawthiq) -> World:
    return World(tmp_path, tawthiq)


def _case(source_type: str, place: str) -> dict:
    body = example("killing")
    body["sources"][0]["type"] = source_type
    body["location"] = {"governorate": "homs", "district": "homs.rastan", "place": place}
    return body


def test_terms_and_places_go_from_coordinator_csv_to_documenter_case_and_back(world):
    w = world
    w.ok(w.coord, "vocabulary", "import", "source_types", str(w.write("t.csv", TERMS_CSV)))
    w.ok(w.coord, "places", "import", str(w.write("p.csv", PLACES_CSV)))
    profile = w.export_profile("org.profile")

    # Before the profile the documenter's vault refuses the organisation's term.
    case_file = w.write("case.json", json.dumps(_case("ngo_hotline", "ام شرشوح"), ensure_ascii=False))
    refused = w.run(w.doc, "case", "add", str(case_file))
    assert refused.returncode == 1
    assert "location.place: not a place code in the gazetteer (and 1 more)" in refused.stderr.decode()

    r = w.import_profile(profile)
    assert r.returncode == 0, r.stderr.decode()
    assert "organisation terms: 1, places: 1, in force now" in r.stdout.decode()
    assert r.stderr == b""  # every form the coordinator uses is in this program
    shown = json.loads(w.ok(w.doc, "profile", "show", "--json"))
    assert shown["organisation_data"] == {"terms": 1, "places": 1} and shown["serial"] == 1
    assert shown["forms"] == organisation_profile.forms_in_force() and shown["forms"]["kidnapping"] == 2

    # In force in the documenter's vault, with both labels, from its own encrypted store.
    assert w.terms(w.doc) == [{"code": "ngo_hotline", "labels": {"en": "NGO hotline", "ar": "خط ساخن لمنظمة"},
                               "organisation": True}]
    found = json.loads(w.ok(w.doc, "places", "search", "Um Sharshuh", "--json"))
    assert found[0]["code"] == "homs.rastan.umm_sharshouh"
    assert found[0]["names"] == {"en": "Umm Sharshouh", "ar": "أم شرشوح"}
    with Vault.unlock(w.doc, PASSPHRASE) as vault:
        assert [t["code"] for t in organisation_data.stored_terms(vault, "source_types")] == ["ngo_hotline"]
        assert [p["code"] for p in organisation_data.stored_places(vault)] == ["homs.rastan.umm_sharshouh"]

    # The case validates; the village typed in Arabic is stored as its code.
    case_id = w.ok(w.doc, "case", "add", str(case_file)).strip()
    body = json.loads(w.ok(w.doc, "case", "show", case_id, "--json"))
    assert body["sources"][0]["type"] == "ngo_hotline"
    assert body["location"]["place"] == "homs.rastan.umm_sharshouh"

    # The bundle goes to the coordinator, whose import resolves every code.
    w.enrol_documenter()
    bundle = w.root / "b1.tawthiq"
    w.ok(w.doc, "export", "--out", str(bundle))
    r = w.run(w.coord, "import", str(bundle), "--json")
    assert r.returncode == 0, r.stderr.decode()
    [report] = json.loads(r.stdout)
    assert report["status"] == "imported" and report["unknown_codes"] == {}
    assert b"warning" not in r.stderr
    assert w.ok(w.coord, "vocabulary", "unknown").strip() == "every code in this vault's cases is known"
    received = json.loads(w.ok(w.coord, "case", "show", case_id, "--json"))
    assert received["sources"][0]["type"] == "ngo_hotline"
    assert received["location"]["place"] == "homs.rastan.umm_sharshouh"


def test_a_newer_profile_relabels_and_an_older_one_is_refused_changing_nothing(world):
    w = world
    w.ok(w.coord, "vocabulary", "import", "source_types", str(w.write("t.csv", TERMS_CSV)))
    first = w.export_profile("first.profile")
    w.ok(w.coord, "vocabulary", "import", "source_types", str(w.write("t2.csv", RELABELLED_CSV)))
    w.ok(w.coord, "vocabulary", "import", "source_types", str(w.write("t3.csv", LOCAL_TERMS_CSV)))
    second = w.export_profile("second.profile")

    assert w.import_profile(first).returncode == 0
    assert w.terms(w.doc)[0]["labels"]["en"] == "NGO hotline"
    r = w.import_profile(second)
    assert r.returncode == 0 and "profile 2 of Coordination imported" in r.stdout.decode()
    terms = {t["code"]: t["labels"] for t in w.terms(w.doc)}
    assert terms == {"ngo_hotline": {"en": "NGO hotline (national)", "ar": "الخط الساخن الوطني"},
                     "radio_intercept": {"en": "Radio intercept", "ar": "اعتراض لاسلكي"}}

    before = snapshot(w.doc)
    r = w.import_profile(first)
    err = r.stderr.decode()
    assert r.returncode == 4 and err.count("\n") == 1
    assert "older than the one imported" in err and "nothing was imported" in err
    assert snapshot(w.doc) == before
    assert w.terms(w.doc)[0]["labels"]["en"] == "NGO hotline (national)"

    # The same profile again is harmless.
    assert w.import_profile(second).returncode == 0


def test_codes_the_coordinator_lacks_are_kept_flagged_and_resolve_later(world):
    w = world
    w.ok(w.coord, "places", "import", str(w.write("p.csv", PLACES_CSV)))
    assert w.import_profile(w.export_profile("org.profile")).returncode == 0
    w.enrol_documenter()
    # The documenter adds a term of their own; the coordinator has never seen it.
    w.ok(w.doc, "vocabulary", "import", "source_types", str(w.write("local.csv", LOCAL_TERMS_CSV)))
    body = _case("radio_intercept", "homs.rastan.umm_sharshouh")
    body["sources"][1]["type"] = "radio_intercept"
    case_id = w.ok(w.doc, "case", "add", str(w.write("case.json", json.dumps(body, ensure_ascii=False)))).strip()
    bundle = w.root / "b1.tawthiq"
    w.ok(w.doc, "export", "--out", str(bundle))

    verified = w.run(w.coord, "verify", str(bundle))
    assert verified.returncode == 0, verified.stderr.decode()
    assert "source_types: radio_intercept" in verified.stderr.decode()

    r = w.run(w.coord, "import", str(bundle))
    assert r.returncode == 0, r.stderr.decode()
    warning = r.stderr.decode()
    assert warning.count("\n") == 1 and "kept codes this vault does not know (source_types: radio_intercept)" in warning
    assert json.loads(w.ok(w.coord, "vocabulary", "unknown", "--json")) == [
        {"vocabulary": "source_types", "code": "radio_intercept", "cases": 1}]
    received = json.loads(w.ok(w.coord, "case", "show", case_id, "--json"))
    assert [s["type"] for s in received["sources"][:2]] == ["radio_intercept", "radio_intercept"]
    # The place the coordinator itself imported resolves; nothing was flagged for it.
    assert received["location"]["place"] == "homs.rastan.umm_sharshouh"

    w.ok(w.coord, "vocabulary", "import", "source_types", str(w.write("local2.csv", LOCAL_TERMS_CSV)))
    assert w.ok(w.coord, "vocabulary", "unknown").strip() == "every code in this vault's cases is known"


def test_only_wellformed_unknown_codes_are_let_through_on_import():
    """Kept-and-flagged is for well-formed codes only: anything else still fails validation."""
    from app.services.intake import case_rules

    body = example("killing")
    body["sources"][0]["type"] = "not a code!"
    with pytest.raises(case_rules.InvalidCase):
        case_rules.check_received(body)
    body["sources"][0]["type"] = "radio_intercept"
    body["location"]["district"] = "homs.homs.city"  # a known place at the wrong level: still an error
    with pytest.raises(case_rules.InvalidCase):
        case_rules.check_received(body)
    body["location"]["district"] = "homs.homs"
    _, unknown = case_rules.check_received(body)
    assert [(u.path, u.vocabulary, u.code) for u in unknown] == [("sources[0].type", "source_types", "radio_intercept")]
    body["location"]["place"] = "homs.homs.unknown_quarter"  # an unknown place, and a known one below it
    body["location"]["neighbourhood"] = "homs.homs.city.zahra"
    _, unknown = case_rules.check_received(body)
    assert ("location.place", "places", "homs.homs.unknown_quarter") in [(u.path, u.vocabulary, u.code)
                                                                         for u in unknown]
    with pytest.raises(case_rules.InvalidCase):  # the same body typed in is still refused
        case_rules.check(body)


def test_the_profile_names_the_forms_really_in_force():
    shipped: dict[str, int] = {}
    for path in (Path(__file__).resolve().parents[2] / "resources" / "forms").glob("*.v*.json"):
        form, version = path.name.removesuffix(".json").rsplit(".v", 1)
        shipped[form] = max(int(version), shipped.get(form, 0))
    assert organisation_profile.forms_in_force() == shipped
    assert {"kidnapping", "killing", "disappearance", "attempted_abduction", "attack_on_home"} <= set(shipped)


def test_import_puts_the_data_in_force_in_the_same_process(coordinator_vault, vault, tmp_path):
    """What an open GUI session relies on: no restart, no second unlock."""
    path = tmp_path / "p.csv"
    path.write_text(PLACES_CSV, encoding="utf-8")
    organisation_data.import_places_csv(coordinator_vault, path)
    raw = organisation_profile.export_profile(coordinator_vault)
    organisation_data.uninstall()
    assert resolve_place("Um Sharshuh") is None
    organisation_profile.import_profile(vault, organisation_profile.read_profile(raw))
    assert resolve_place("Um Sharshuh").code == "homs.rastan.umm_sharshouh"


def test_a_coordinator_whose_stored_terms_cannot_travel_learns_it_at_export(coordinator_vault, tmp_path):
    """Data stored before today's rules (a label with a line break) would make every documenter
    refuse the profile: the export says so instead, and writes nothing."""
    coordinator_vault.set_setting("org.vocabulary.source_types",
                                  json.dumps([{"code": "old_term", "labels": {"en": "two\nlines"}}]))
    before = coordinator_vault.setting(organisation_profile.EXPORTED_SERIAL_SETTING)
    with pytest.raises(organisation_data.BadOrganisationData, match="cannot travel .*control characters"):
        organisation_profile.export_profile(coordinator_vault)
    assert coordinator_vault.setting(organisation_profile.EXPORTED_SERIAL_SETTING) == before


def test_a_coordinator_restored_from_backup_is_not_locked_out_but_an_old_file_still_is(world):
    """A restored backup's counter goes back while its clock does not: its next profile has a lower
    number but a later date, and is taken. An old file (lower number, earlier date) is still refused."""
    import shutil

    w = world
    first = w.export_profile("first.profile")
    backup = w.root / "coord-backup"
    shutil.copytree(w.coord, backup)
    w.export_profile("second.profile")
    third = w.export_profile("third.profile")
    assert w.import_profile(third).returncode == 0

    shutil.rmtree(w.coord)
    shutil.copytree(backup, w.coord)  # the coordinator's laptop died; the backup is from before "second"
    w.ok(w.coord, "vocabulary", "import", "source_types", str(w.write("t.csv", TERMS_CSV)))
    after_restore = w.export_profile("after-restore.profile")
    r = w.import_profile(after_restore)
    assert r.returncode == 0, r.stderr.decode()
    assert json.loads(w.ok(w.doc, "profile", "show", "--json"))["serial"] == 2
    assert w.terms(w.doc)[0]["code"] == "ngo_hotline"

    before = snapshot(w.doc)
    r = w.import_profile(first)
    assert r.returncode == 4 and "older than the one imported" in r.stderr.decode()
    assert snapshot(w.doc) == before
