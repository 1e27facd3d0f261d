"""Every view in Arabic shows no Latin-script word that is not user data (issue 15).

A documenter's vault (a case of every shipped form, a witness, a sent bundle, the organisation's
profile) and a coordinator's (two documenters trusted, their bundles imported and linked, so
cases, a review pair, statistics and documenters are all filled) are opened in the Arabic window
and walked as a person would: unlock by typing, every entry of the navigation clicked, every
case opened from the list by double-click (the editor of each form) and left with its Back
button, an earlier version opened. On each screen every visible text is read from the real
widgets — labels, buttons, line edits, combo box entries, table and list cells and headers,
group box titles, tooltips, window titles — and every Latin word is looked up in what the
vaults hold (user data: titles, names, narratives, documenters' and organisations' names, file
names) and a short list of fixed technical tokens. Anything else is interface text left in
English, and fails the test with the screen and the words.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QGroupBox, QTabBar, QWidget

from app.services.exchange import export, imports
from app.services.intake import cases, witnesses
from tests.gui_support import close_window, make_window, unlock_through_gui, visible_texts

pytestmark = [pytest.mark.gui, pytest.mark.filterwarnings("ignore")]

LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_'’.-]*")
# Fixed technical tokens that stay Latin in an Arabic interface: the hash's name, keyboard
# shortcuts (Ctrl+L is what is written on the key), the word WIPE that must be typed exactly
# (never translated, app/gui/emergency.py), the program's own name in the window title.
TECHNICAL = {"SHA-256", "WIPE", "Tawthiq", "English"}
# Key names as printed on the keyboard (Ctrl+L, Esc, the review's (A), (R), (U)), a witness's
# pseudonym (W-7KQ3-M9XD), key ids (hexadecimal), file formats and extensions named as such (CSV,
# XLSX, ODS, ZIP, .json), the QR of a QR code, GPS, and the proper names of the tools a coordinator
# exchanges files with (ODK, KoboToolbox, Uwazi, R) and of a monitoring group (SNHR, in an example).
TECHNICAL_PATTERN = re.compile(r"\b(?:Ctrl\+[A-Z]|Esc|W-[0-9A-Z]{4}-[0-9A-Z]{4}|[0-9A-Fa-f]{8,}|CSV|JSON|XLSX|ODS|ZIP"
                               r"|QR|GPS|ODK|KoboToolbox|Uwazi|R|SNHR-[0-9]{4})\b|\.(?:csv|xlsx|ods|json|zip)\b"
                               r"|\([A-Z]\)|\(123\)")  # (123): the Latin-digits choice shows what it means
HEX = re.compile(r"^[0-9A-Fa-f]{8,}$")
# Digits: with Arabic-Indic digits (the default), a number in Latin digits that is not user data
# or a technical token (a fingerprint's groups of five, a capture pattern of 0s and 1s) is a
# number the interface forgot to write in the interface's digits.
LATIN_NUMBER = re.compile(r"[0-9]+")
FINGERPRINT = re.compile(r"\b[0-9]{5}(?:[ -][0-9]{5})+\b")


def screen_texts(root: QWidget) -> list[str]:
    """visible_texts plus what it leaves out: item view headers, group box titles, tab labels."""
    texts = visible_texts(root)
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:
                columns = 1
            texts.extend(str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(columns))
            vertical = getattr(widget, "verticalHeader", None)
            if vertical is not None and vertical().isVisible():
                texts.extend(str(model.headerData(r, Qt.Orientation.Vertical) or "")
                             for r in range(min(model.rowCount(QModelIndex()), 500)))
            for r in range(min(model.rowCount(QModelIndex()), 500)):
                for c in range(columns):
                    tip = model.data(model.index(r, c), Qt.ItemDataRole.ToolTipRole)
                    if tip:
                        texts.append(str(tip))
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
        if hasattr(widget, "placeholderText"):
            texts.append(widget.placeholderText())
    return texts


def strings_in(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, int | float) and not isinstance(value, bool):
        return [str(value)]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in strings_in(k) + strings_in(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in strings_in(v)]
    return []


def user_words(vault, extra: list[str]) -> set[str]:
    """Every Latin word the vault holds as data (cases, witnesses, names) and in `extra`."""
    texts = list(extra)
    for summary in cases.query_cases(vault, limit=10_000):
        body = cases.get_case(vault, summary.id)
        body.pop("_meta", None)
        texts.extend(strings_in(body))
        texts.extend(a["filename"] for a in cases.list_attachments(vault, summary.id))
    for witness in witnesses.list_witnesses(vault):
        texts.extend([witness.alias, witness.relation or "", witness.follow_up or ""])
    return {w for t in texts for w in LATIN_WORD.findall(t) + LATIN_NUMBER.findall(t)}


def foreign_words(texts: list[str], allowed: set[str]) -> dict[str, str]:
    """Each Latin word that is neither user data nor a technical token, with a text it is in."""
    found: dict[str, str] = {}
    for text in texts:
        rest = FINGERPRINT.sub(" ", TECHNICAL_PATTERN.sub(" ", text))
        for word in LATIN_WORD.findall(rest):
            if word in allowed or word in TECHNICAL or HEX.match(word):
                continue
            found.setdefault(word, text[:90])
        for number in LATIN_NUMBER.findall(LATIN_WORD.sub(" ", rest)):
            if number not in allowed:
                found.setdefault(number, text[:90])
    return found


class Walk:
    def __init__(self, qtbot, window, allowed: set[str]):
        self.qtbot, self.window, self.allowed = qtbot, window, allowed
        self.found: dict[str, list[str]] = {}
        self.seen: set[str] = set()

    def settle(self) -> None:
        self.window.session.runner.wait_all(60_000)
        for _ in range(5):
            QApplication.processEvents()

    def look(self, screen: str) -> None:
        self.settle()
        words = foreign_words(screen_texts(self.window), self.allowed)
        if words:
            self.found[screen] = sorted(f"{word} in {text!r}" for word, text in words.items())

    def click_nav(self, key: str) -> QWidget:
        nav = self.window.workspace.nav
        row = next(r for r in range(nav.count()) if nav.item(r).data(Qt.ItemDataRole.UserRole) == key)
        QTest.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         nav.visualItemRect(nav.item(row)).center())
        self.settle()
        return self.window.view(key)

    def every_view(self) -> None:
        nav = self.window.workspace.nav
        for key in [nav.item(r).data(Qt.ItemDataRole.UserRole) for r in range(nav.count())]:
            self.click_nav(key)
            self.look(key)

    def every_case(self) -> None:
        listing = self.click_nav("cases")
        table = listing.table
        self.qtbot.waitExposed(self.window)
        while listing.model.canFetchMore():
            listing.model.fetchMore()
        for row in range(listing.model.rowCount()):
            table.scrollTo(listing.model.index(row, 0))
            rect = table.visualRect(listing.model.index(row, 0))
            QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                             rect.center())
            assert table.currentIndex().row() == row
            with self.qtbot.waitSignal(self.window.view_shown, timeout=10_000):
                QTest.keyClick(table, Qt.Key.Key_Return)
            editor = self.window.editor
            self.look(f"editor:{editor.definition['id']}")
            if editor.history.count() > 1 and "earlier version" not in self.seen:
                self.seen.add("earlier version")
                self.window.open_case_version(editor.case_id, 1)
                self.look("earlier version")
                QTest.mouseClick(self.window._extra["version"].back_button, Qt.MouseButton.LeftButton)
                self.settle()
            QTest.mouseClick(editor.back_button, Qt.MouseButton.LeftButton)
            self.settle()


ORGANISATION = "شبكة التوثيق التجريبية"
DOCUMENTERS = ("فريق الشمال", "فريق الساحل")


@pytest.fixture
def vaults(tmp_path):
    """A coordinator and two documenters, enrolled; bundles from both imported (and linked)."""
    from forms.definitions import list_forms
    from forms.schema import example_case
    from tests.bundle_support import enroll, make_vault
    from tests.linkage_support import victim_case

    coordinator = make_vault(tmp_path / "coordinator", role="coordinator", name=ORGANISATION)
    north = make_vault(tmp_path / "north", name=DOCUMENTERS[0])
    coast = make_vault(tmp_path / "coast", name=DOCUMENTERS[1])
    enroll(coordinator, north, coast)
    forms = sorted({d.id for d in list_forms()})
    for form in forms:
        case_id, _ = cases.save_case(north, example_case(form))
        cases.seal_case(north, case_id)
    # An edited case: an earlier version to open.
    first = cases.query_cases(north, order="updated", limit=1)[0].id
    body = cases.get_case(north, first)
    body.pop("_meta")
    body["narrative"] = (body.get("narrative") or "") + " أضيفت إفادة جديدة."
    cases.save_case(north, body, first)
    # One name recorded by both teams, ages twenty years apart: a pair for review.
    cases.save_case(north, victim_case("محمد أحمد علي الحسن", age=31))
    cases.save_case(coast, victim_case("Muhammad Ahmad Ali al-Hassan", age=52))
    cases.save_case(coast, victim_case("خالد عمر المصري", date="2016-01-02", gov="Daraa"))
    witnesses.add_witness(north, {"alias": "نور", "relation": "أخت الضحية",
                                  "consent": {"given": True, "how": "oral", "date": "2024-05-01",
                                              "scope": ["internal"]}})
    bundles = []
    for name, documenter in (("north", north), ("coast", coast)):
        bundles.append(tmp_path / f"{name}.tawthiq")
        export.export_bundle(documenter, bundles[-1])
    for report in imports.import_bundles(coordinator, bundles):
        assert not isinstance(report, imports.Refusal), report
    extra = [ORGANISATION, *DOCUMENTERS, str(tmp_path)]
    allowed = user_words(north, extra) | user_words(coast, extra) | user_words(coordinator, extra)
    paths = {"coordinator": coordinator.path, "documenter": north.path}
    for vault in (coordinator, north, coast):
        vault.lock()
    return paths, allowed


def _walk(qtbot, tmp_path, vault_dir: Path, allowed: set[str]) -> dict[str, list[str]]:
    window = make_window(qtbot, tmp_path, vault_dir=vault_dir, language="ar")
    walk = Walk(qtbot, window, allowed)
    try:
        walk.look("unlock")
        unlock_through_gui(qtbot, window)
        walk.every_view()
        walk.every_case()
        settings = walk.click_nav("settings")
        QTest.mouseClick(settings.wipe_button, Qt.MouseButton.LeftButton)
        walk.settle()
        words = foreign_words(screen_texts(settings.wipe_dialog), allowed)
        if words:
            walk.found["wipe dialog"] = sorted(f"{word} in {text!r}" for word, text in words.items())
        settings.wipe_dialog.reject()
        lock = window.toolbar.widgetForAction(window.lock_action)
        QTest.mouseClick(lock, Qt.MouseButton.LeftButton)  # the header's Lock: the unlock page again
        assert not window.session.is_unlocked
        walk.look("locked")
    finally:
        close_window(window)
    return walk.found


def test_the_documenters_window_in_arabic_has_no_english_words(qtbot, tmp_path, vaults):
    paths, allowed = vaults
    found = _walk(qtbot, tmp_path, paths["documenter"], allowed)
    assert found == {}, json.dumps(found, ensure_ascii=False, indent=1)


def test_the_coordinators_window_in_arabic_has_no_english_words(qtbot, tmp_path, vaults):
    paths, allowed = vaults
    found = _walk(qtbot, tmp_path, paths["coordinator"], allowed)
    assert found == {}, json.dumps(found, ensure_ascii=False, indent=1)


def test_the_statistics_have_no_english_words(qtbot, tmp_path, vaults):
    paths, allowed = vaults
    window = make_window(qtbot, tmp_path, vault_dir=paths["documenter"], language="ar")
    try:
        unlock_through_gui(qtbot, window)
        walk = Walk(qtbot, window, allowed)
        walk.click_nav("dashboard")
        walk.look("dashboard")
        assert walk.found == {}, walk.found
    finally:
        close_window(window)


def test_the_walk_sees_an_english_word_left_in_the_interface(qtbot, tmp_path, vaults):
    """The check itself can fail: an untranslated label put on a view is found."""
    from PySide6.QtWidgets import QLabel

    paths, allowed = vaults
    window = make_window(qtbot, tmp_path, vault_dir=paths["documenter"], language="ar")
    try:
        unlock_through_gui(qtbot, window)
        view = window.show_view("cases")
        label = QLabel("Untranslated words", view)
        view.layout().addWidget(label)
        label.show()
        assert set(foreign_words(screen_texts(window), allowed)) >= {"Untranslated", "words"}
    finally:
        close_window(window)
