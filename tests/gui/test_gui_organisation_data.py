"""The organisation's terms and places in the real window: in force as soon as a profile is
imported into the open session (no restart, no second unlock), shown by their labels in English
and in Arabic; and a code the vault does not know is kept by the editor, never dropped."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.gui import form_source
from app.gui.form_widgets import make_field
from app.services.exchange import organisation_data, organisation_profile
from app.services.intake import cases
from tests.bundle_support import make_vault
from tests.forms_support import example
from tests.gui_support import close_window, make_window, unlock_through_gui

pytestmark = pytest.mark.gui

TERMS_CSV = "code,en,ar\nngo_hotline,NGO hotline,خط ساخن لمنظمة\n"
PLACES_CSV = (
    "code,level,parent,name_en,name_ar,variants,pcode\n"
    "homs.rastan.umm_sharshouh,place,homs.rastan,Umm Sharshouh,أم شرشوح,Um Sharshuh|ام شرشوح,\n"
)


@pytest.fixture
def profile(tmp_path) -> bytes:
    coordinator = make_vault(tmp_path / "coord", role="coordinator", name="Coordination")
    (tmp_path / "t.csv").write_text(TERMS_CSV, encoding="utf-8")
    (tmp_path / "p.csv").write_text(PLACES_CSV, encoding="utf-8")
    organisation_data.import_vocabulary_csv(coordinator, "source_types", tmp_path / "t.csv")
    organisation_data.import_places_csv(coordinator, tmp_path / "p.csv")
    raw = organisation_profile.export_profile(coordinator)
    coordinator.lock()
    organisation_data.uninstall()
    return raw


@pytest.mark.parametrize(("language", "label", "place"), [
    ("en", "NGO hotline", "Umm Sharshouh"),
    ("ar", "خط ساخن لمنظمة", "أم شرشوح"),
])
def test_a_profile_imported_into_the_open_session_is_in_force_in_the_editor(qtbot, tmp_path, profile,
                                                                             language, label, place):
    make_vault(tmp_path / "doc", name="doc").lock()
    window = make_window(qtbot, tmp_path, vault_dir=tmp_path / "doc", language=language)
    try:
        unlock_through_gui(qtbot, window)
        vault = window.session.vault
        assert "ngo_hotline" not in [code for code, _ in form_source.terms("source_types")]
        organisation_profile.import_profile(vault, organisation_profile.read_profile(profile))

        body = example("killing")
        body["sources"][0]["type"] = "ngo_hotline"
        body["location"] = {"governorate": "homs", "district": "homs.rastan", "place": "homs.rastan.umm_sharshouh"}
        case_id, _ = cases.save_case(vault, body)
        window.open_case(case_id)
        editor = window.editor
        source_type = editor.field("sources").entries[0].widgets["type"]
        assert source_type.combo.currentText() == label
        assert source_type.value() == "ngo_hotline"
        assert editor.field("location").resolved.text().startswith(place)
        assert editor.body()["sources"][0]["type"] == "ngo_hotline"
    finally:
        close_window(window)
    assert "ngo_hotline" not in [code for code, _ in form_source.terms("source_types")]  # forgotten on lock


def _spec(form: str, *path: str) -> dict:
    fields = form_source.load_definition(form)["sections"]
    fields = [f for s in fields for f in s["fields"]]
    for name in path:
        spec = next(f for f in fields if f["id"] == name)
        fields = spec.get("children", [])
    return spec


def test_the_editor_keeps_a_code_this_vault_does_not_know(qtbot):
    """A received case can carry another vault's term; opening it must not turn it into nothing."""
    choice = make_field(_spec("killing", "sources", "type"))
    qtbot.addWidget(choice)
    choice.set_value("radio_intercept")
    assert choice.value() == "radio_intercept"
    assert "radio_intercept" in choice.combo.currentText() and "not in this vault" in choice.combo.currentText()
    choice.set_value("relative")
    assert choice.value() == "relative"

    multi = make_field(_spec("killing", "perpetrators", "vehicles"))
    qtbot.addWidget(multi)
    multi.set_value(["motorcycle", "armoured_drone", "armoured_drone"])
    assert multi.value() == ["motorcycle", "armoured_drone"]
    unknown = [multi.list.item(i) for i in range(multi.list.count())
               if multi.list.item(i).data(Qt.ItemDataRole.UserRole) == "armoured_drone"]
    assert len(unknown) == 1 and "not in this vault" in unknown[0].text()
