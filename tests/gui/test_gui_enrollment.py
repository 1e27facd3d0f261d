"""Enrollment in the real window: a documenter imports the organisation profile, a coordinator
trusts, revokes and reinstates documenters — each only after the fingerprint is typed.

Real vaults, real profile and identity files, real bundles; the dialogs are clicked through.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem

from app.gui import form_source
from app.gui.profile_view import ProfileView
from app.gui.trust_view import FINGERPRINT_COLUMN, TrustView
from app.services.exchange import export, imports, organisation_data, organisation_profile, trust_list
from app.services.intake import cases
from app.services.vault import keys
from storage import audit
from tests.bundle_support import add_case, make_vault
from tests.forms_support import example
from tests.gui_support import close_window, make_window, unlock_through_gui

pytestmark = pytest.mark.gui

TERMS_CSV = "code,en,ar\nngo_hotline,NGO hotline,خط ساخن لمنظمة\n"
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def _wrong(fingerprint: str) -> str:
    """The same fingerprint with its last digit changed: what a mishearing or an impostor gives."""
    digits = fingerprint.replace(" ", "")
    return keys.format_fingerprint(digits[:-1] + str((int(digits[-1]) + 1) % 10))


def _vault_state(vault) -> tuple:
    conn = vault.connection()
    return (conn.execute("SELECT key, value FROM settings ORDER BY key").fetchall(),
            conn.execute("SELECT * FROM trusted_documenters ORDER BY key_id").fetchall(),
            audit.entries(conn))


@pytest.fixture
def coordinator(tmp_path):
    """A coordinator vault with one organisation term, its profile written to a file."""
    vault = make_vault(tmp_path / "coord", role="coordinator", name="Coordination Homs")
    (tmp_path / "terms.csv").write_text(TERMS_CSV, encoding="utf-8")
    organisation_data.import_vocabulary_csv(vault, "source_types", tmp_path / "terms.csv")
    (tmp_path / "org.profile").write_bytes(organisation_profile.export_profile(vault))
    organisation_data.uninstall()
    yield vault
    vault.lock()


@pytest.fixture
def documenter_window(qtbot, tmp_path, request):
    make_vault(tmp_path / "doc", name="Homs team 2").lock()
    window = make_window(qtbot, tmp_path, vault_dir=tmp_path / "doc", language=getattr(request, "param", "en"))
    unlock_through_gui(qtbot, window)
    yield window
    close_window(window)


def _open_profile_dialog(qtbot, view: ProfileView, path):
    task = view.read_file(path)
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.isVisible(), timeout=5_000)
    return view.dialog


def _import_with(qtbot, view: ProfileView, path, typed: str) -> None:
    """The whole documenter flow, the fingerprint typed as given; waits for the import to finish."""
    dialog = _open_profile_dialog(qtbot, view, path)
    qtbot.keyClicks(dialog.typed, typed)
    dialog.confirm_button.click()
    if view.task is not None:
        with qtbot.waitSignal(view.task.finished, timeout=30_000):
            pass


def test_the_views_follow_the_role(qtbot, documenter_window, tmp_path):
    shown = [spec.key for spec in documenter_window.visible_views()]
    assert "organisation" in shown and "documenters" not in shown


def test_a_wrong_fingerprint_imports_nothing_and_the_right_one_puts_the_profile_in_force(
        qtbot, documenter_window, coordinator, tmp_path):
    vault = documenter_window.session.vault
    view = documenter_window.show_view("organisation")
    before = _vault_state(vault)
    right = keys.describe(coordinator).fingerprint

    dialog = _open_profile_dialog(qtbot, view, tmp_path / "org.profile")
    assert dialog.fingerprint.text() == right  # shown as the keys view and `tawthiq keys` show it
    assert not dialog.confirm_button.isEnabled()  # no click trusts before 60 digits are typed
    qtbot.keyClicks(dialog.typed, "12345 67890")
    assert not dialog.confirm_button.isEnabled()
    dialog.typed.clear()
    qtbot.keyClicks(dialog.typed, _wrong(right))
    dialog.confirm_button.click()
    assert "does not match" in dialog.message.text() and dialog.isVisible()
    assert _vault_state(vault) == before
    with pytest.raises(organisation_profile.NoProfile):
        organisation_profile.profile_summary(vault)

    dialog.typed.clear()
    qtbot.keyClicks(dialog.typed, right.replace(" ", "-"))  # separators do not matter
    with qtbot.waitSignal(view.profile_imported, timeout=30_000):
        dialog.confirm_button.click()
    summary = organisation_profile.profile_summary(vault)
    assert summary["organisation"] == "Coordination Homs" and summary["coordinator_fingerprint"] == right
    assert summary["organisation_data"] == {"terms": 1, "places": 0}
    assert "in force now" in view.message.text()
    assert view.findChild(type(dialog.fingerprint), "fingerprint").text() == right  # the summary shows it

    # In force in the open session: the editor offers and labels the organisation's term.
    assert ("ngo_hotline", "NGO hotline") in form_source.terms("source_types")
    body = example("killing")
    body["sources"][0]["type"] = "ngo_hotline"
    case_id, _ = cases.save_case(vault, body)
    documenter_window.open_case(case_id)
    source_type = documenter_window.editor.field("sources").entries[0].widgets["type"]
    assert source_type.combo.currentText() == "NGO hotline"


def test_a_bad_file_a_changed_key_and_an_older_profile_are_refused_with_nothing_changed(
        qtbot, documenter_window, coordinator, tmp_path):
    vault = documenter_window.session.vault
    view = documenter_window.show_view("organisation")
    (tmp_path / "junk.profile").write_bytes(b'{"format": "tawthiq-signed", "kind": "tawthiq.profile"}')
    before = _vault_state(vault)
    task = view.read_file(tmp_path / "junk.profile")
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    assert view.dialog is None and view.message.text().startswith("Not imported: ")
    assert len(view.message.text().splitlines()) == 1
    assert _vault_state(vault) == before

    # A newer profile first (number 2), then the older one (number 1) from the same coordinator.
    older = tmp_path / "org.profile"
    newer = tmp_path / "newer.profile"
    newer.write_bytes(organisation_profile.export_profile(coordinator))
    right = keys.describe(coordinator).fingerprint
    _import_with(qtbot, view, newer, right)
    assert organisation_profile.profile_summary(vault)["serial"] == 2
    before = _vault_state(vault)
    _import_with(qtbot, view, older, right)
    assert "older than the one you have" in view.message.text()
    assert _vault_state(vault) == before

    # Another coordinator's profile: refused loudly, even with its own fingerprint typed.
    impostor = make_vault(tmp_path / "impostor", role="coordinator", name="Coordination Homs")
    (tmp_path / "impostor.profile").write_bytes(organisation_profile.export_profile(impostor))
    impostor_fingerprint = keys.describe(impostor).fingerprint
    impostor.lock()
    _import_with(qtbot, view, tmp_path / "impostor.profile", impostor_fingerprint)
    assert "Refused" in view.message.text() and "impostor" in view.message.text()
    assert _vault_state(vault) == before
    assert organisation_profile.profile_summary(vault)["coordinator_fingerprint"] == right


@pytest.mark.parametrize("documenter_window", ["ar"], indirect=True)
def test_the_profile_import_in_arabic_right_to_left_with_arabic_indic_digits(
        qtbot, documenter_window, coordinator, tmp_path):
    vault = documenter_window.session.vault
    view = documenter_window.show_view("organisation")
    assert view.isRightToLeft() and view.import_button.text() == "استيراد ملف تعريف المنظمة…"
    nav = documenter_window.workspace.nav
    assert "المنظمة" in [nav.item(i).text() for i in range(nav.count())]
    right = keys.describe(coordinator).fingerprint
    dialog = _open_profile_dialog(qtbot, view, tmp_path / "org.profile")
    assert dialog.isRightToLeft() and dialog.confirm_button.text() == "استيراد ملف التعريف"
    # The digits read left to right in an Arabic layout, as in the keys view.
    assert dialog.fingerprint.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert dialog.typed.layoutDirection() == Qt.LayoutDirection.LeftToRight
    dialog.typed.setText(_wrong(right).translate(ARABIC_INDIC))
    dialog.confirm_button.click()
    # A refusal that decides trust is said in Arabic, not in the service's English line.
    assert dialog.message.text().startswith("بصمة المفتاح التي كتبتها لا تطابق هذا المفتاح.")
    dialog.typed.setText(right.translate(ARABIC_INDIC))  # what an Arabic keyboard types
    with qtbot.waitSignal(view.profile_imported, timeout=30_000):
        dialog.confirm_button.click()
    assert organisation_profile.profile_summary(vault)["coordinator_fingerprint"] == right
    assert "خط ساخن لمنظمة" in [label for _, label in form_source.terms("source_types")]
    assert "١" in view.message.text() or "٢" in view.message.text()  # numbers in the Arabic locale


# ---- the coordinator ------------------------------------------------------------------------------
@pytest.fixture
def coordinator_window(qtbot, tmp_path, request):
    make_vault(tmp_path / "coord", role="coordinator", name="Coordination Homs").lock()
    window = make_window(qtbot, tmp_path, vault_dir=tmp_path / "coord", language=getattr(request, "param", "en"))
    unlock_through_gui(qtbot, window)
    yield window
    close_window(window)


@pytest.fixture
def documenter(tmp_path):
    vault = make_vault(tmp_path / "doc", name="Homs team 2")
    (tmp_path / "me.identity").write_bytes(trust_list.export_identity(vault))
    yield vault
    vault.lock()


def _open_identity_dialog(qtbot, view: TrustView, path):
    task = view.read_file(path)
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.isVisible(), timeout=5_000)
    return view.dialog


def _row(view: TrustView, key_id: str) -> list[str]:
    for r in range(view.table.rowCount()):
        if view.table.item(r, 1).text() == key_id:
            return [view.table.item(r, c).text() for c in range(view.table.columnCount())]
    raise AssertionError(f"{key_id} is not listed")


def _bundle(documenter, path) -> None:
    add_case(documenter, path.stem)
    assert export.export_bundle(documenter, path).written


def test_trust_list_revoke_refuse_and_reinstate(qtbot, coordinator_window, documenter, tmp_path):
    coordinator = coordinator_window.session.vault
    assert "documenters" in [s.key for s in coordinator_window.visible_views()]
    assert "organisation" not in [s.key for s in coordinator_window.visible_views()]
    view = coordinator_window.show_view("documenters")
    assert view.table.rowCount() == 0
    exported = organisation_profile.export_profile(coordinator)
    organisation_profile.import_profile(documenter, organisation_profile.read_profile(exported))
    key_id = keys.public_key(documenter).id_hex
    right = keys.describe(documenter).fingerprint

    # Wrong fingerprint: refused with the service's line, nothing trusted.
    dialog = _open_identity_dialog(qtbot, view, tmp_path / "me.identity")
    assert dialog.fingerprint.text() == right
    before = _vault_state(coordinator)
    qtbot.keyClicks(dialog.typed, _wrong(right))
    dialog.confirm_button.click()
    assert dialog.message.text().startswith("The fingerprint you typed does not match this key.")
    assert _vault_state(coordinator) == before and view.table.rowCount() == 0
    dialog.typed.clear()
    qtbot.keyClicks(dialog.typed, right)
    with qtbot.waitSignal(view.trust_changed, timeout=5_000):
        dialog.confirm_button.click()
    name, listed_id, fingerprint, since, state = _row(view, key_id)
    assert (name, listed_id, fingerprint, state) == ("Homs team 2", key_id, right, "trusted") and since

    _bundle(documenter, tmp_path / "1.tawthiq")
    assert [r.status for r in imports.import_bundles(coordinator, [tmp_path / "1.tawthiq"])] == ["imported"]

    # Revoke: a cancelled confirmation changes nothing; the confirmed one names the documenter.
    view.select_key(key_id)
    assert view.revoke_button.isEnabled() and not view.reinstate_button.isEnabled()
    before = _vault_state(coordinator)
    view.revoke_button.click()
    box = view.revoke_box
    qtbot.waitUntil(box.isVisible, timeout=5_000)
    assert "Homs team 2" in box.text() and key_id in box.text()
    assert box.defaultButton() is not view.revoke_confirm
    box.escapeButton().click()
    qtbot.waitUntil(lambda: view.revoke_box is None, timeout=5_000)
    assert _vault_state(coordinator) == before and _row(view, key_id)[4] == "trusted"
    view.revoke_button.click()
    box = view.revoke_box
    qtbot.waitUntil(box.isVisible, timeout=5_000)
    assert view.revoke_confirm.text() == "Revoke Homs team 2"
    with qtbot.waitSignal(view.trust_changed, timeout=5_000):
        view.revoke_confirm.click()
    assert _row(view, key_id)[4].startswith("revoked ")
    assert trust_list.trusted_key(coordinator, key_id) is None

    # Its next bundle is refused on import.
    _bundle(documenter, tmp_path / "2.tawthiq")
    [report] = imports.import_bundles(coordinator, [tmp_path / "2.tawthiq"])
    assert report.status == "rejected" and "does not trust" in report.error

    # The identity file again, right fingerprint: refused, the key stays revoked.
    dialog = _open_identity_dialog(qtbot, view, tmp_path / "me.identity")
    before = _vault_state(coordinator)
    qtbot.keyClicks(dialog.typed, right)
    dialog.confirm_button.click()
    assert dialog.message.text().startswith(f"Refused: key {key_id} was revoked")
    assert "choose Reinstate" in dialog.message.text()  # the GUI's way back, not the CLI's flag
    assert _vault_state(coordinator) == before
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: view.dialog is None, timeout=5_000)
    assert view.message.text() == "Cancelled: nothing was changed."

    # Reinstate: the fingerprint typed again; a wrong one changes nothing.
    view.select_key(key_id)
    assert view.reinstate_button.isEnabled() and not view.revoke_button.isEnabled()
    view.reinstate_button.click()
    dialog = view.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    qtbot.keyClicks(dialog.typed, _wrong(right))
    dialog.confirm_button.click()
    assert "does not match this key" in dialog.message.text()
    assert _vault_state(coordinator) == before
    dialog.typed.clear()
    qtbot.keyClicks(dialog.typed, right)
    with qtbot.waitSignal(view.trust_changed, timeout=5_000):
        dialog.confirm_button.click()
    assert _row(view, key_id)[4] == "trusted"
    assert [e["action"] for e in audit.entries(coordinator.connection())][-1] == "trust.reinstate"
    [report] = imports.import_bundles(coordinator, [tmp_path / "2.tawthiq"])
    assert report.status == "imported"


def test_a_different_key_under_a_trusted_key_id_is_refused(qtbot, coordinator_window, documenter, tmp_path):
    coordinator = coordinator_window.session.vault
    view = coordinator_window.show_view("documenters")
    trust_list.trust(coordinator, trust_list.read_identity((tmp_path / "me.identity").read_bytes()))
    view.refresh()
    other = make_vault(tmp_path / "other", name="Someone else")
    other._keys.signing_key_id = documenter.signing_key_id  # the key id is a label its holder chooses
    (tmp_path / "clash.identity").write_bytes(trust_list.export_identity(other))
    fingerprint = keys.describe(other).fingerprint
    other.lock()
    dialog = _open_identity_dialog(qtbot, view, tmp_path / "clash.identity")
    before = _vault_state(coordinator)
    qtbot.keyClicks(dialog.typed, fingerprint)
    dialog.confirm_button.click()
    assert "a different key with the same key id" in dialog.message.text()
    assert _vault_state(coordinator) == before and view.table.rowCount() == 1


@pytest.mark.parametrize("coordinator_window", ["ar"], indirect=True)
def test_trusting_in_arabic_right_to_left(qtbot, coordinator_window, documenter, tmp_path):
    view = coordinator_window.show_view("documenters")
    assert view.isRightToLeft() and view.trust_button.text() == "الوثوق بملف هوية…"
    assert view.table.horizontalHeaderItem(2).text() == "البصمة"
    dialog = _open_identity_dialog(qtbot, view, tmp_path / "me.identity")
    assert dialog.isRightToLeft() and dialog.fingerprint.layoutDirection() == Qt.LayoutDirection.LeftToRight
    dialog.typed.setText(keys.describe(documenter).fingerprint.translate(ARABIC_INDIC))
    with qtbot.waitSignal(view.trust_changed, timeout=5_000):
        dialog.confirm_button.click()
    key_id = keys.public_key(documenter).id_hex
    assert _row(view, key_id)[4] == "موثوق"
    assert view.message.text() == "Homs team 2 موثوق: ستُقبل حزمه."
    # The listed fingerprint reads left to right too: laid out right to left, its digit groups would
    # come last group first (seen on the Arabic screenshot before the column had its own direction).
    row = next(r for r in range(view.table.rowCount()) if view.table.item(r, 1).text() == key_id)
    option = QStyleOptionViewItem()
    option.initFrom(view.table)
    assert option.direction == Qt.LayoutDirection.RightToLeft
    index = view.table.model().index(row, FINGERPRINT_COLUMN)
    view.table.itemDelegateForIndex(index).initStyleOption(option, index)
    assert option.direction == Qt.LayoutDirection.LeftToRight
    assert option.text == keys.describe(documenter).fingerprint


def test_a_documenter_name_containing_a_placeholder_does_not_rewrite_the_revoke_question(
        qtbot, coordinator_window, tmp_path):
    """The name comes from the documenter's identity file: filled first by chained replaces, its "%2"
    took the key id, so the question named someone else (issue 13 item 5: formatting injection)."""
    coordinator = coordinator_window.session.vault
    eve = make_vault(tmp_path / "eve", name="Eve %2 team")
    trust_list.trust(coordinator, trust_list.read_identity(trust_list.export_identity(eve)))
    key_id = keys.public_key(eve).id_hex
    eve.lock()
    view = coordinator_window.show_view("documenters")
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=5_000)
    view.select_key(key_id)
    view.revoke_button.click()
    box = view.revoke_box
    qtbot.waitUntil(box.isVisible, timeout=5_000)
    assert box.text().startswith(f"Revoke trust in Eve %2 team (key {key_id})?")
    box.escapeButton().click()
    qtbot.waitUntil(lambda: view.revoke_box is None, timeout=5_000)
