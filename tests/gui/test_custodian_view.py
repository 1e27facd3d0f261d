"""The identity custodian's work in the app (issue 15): key file, reveal with a reason, linking.

A coordinator vault with witnesses from two documenters' real bundles, their identities sealed
with age to a real custodian key file (tests/people_support.py); the view is driven by typing
and clicking.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtTest import QTest

from app.gui.custodian_view import CustodianView
from app.gui.tasks import TaskRunner
from app.services.custody import custodian
from storage import audit
from tests.gui_support import visible_texts
from tests.people_support import CUSTODIAN_PASSPHRASE, build

pytestmark = [pytest.mark.gui, pytest.mark.filterwarnings("ignore")]


class _Session(QObject):
    locking = Signal()

    def __init__(self, vault):
        super().__init__()
        self.vault = vault
        self.runner = TaskRunner(self)


@pytest.fixture
def world(tmp_path):
    w = build(tmp_path)
    yield w
    w.lock()


@pytest.fixture
def view(qtbot, world):
    session = _Session(world.coordinator)
    v = CustodianView(session)
    qtbot.addWidget(v)
    v.resize(1100, 900)
    v.show()
    yield v
    session.runner.wait_all()


def _type(qtbot, widget, text: str) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    widget.selectAll()
    QTest.keyClicks(widget, text)


def _open_key(qtbot, view, world, passphrase=CUSTODIAN_PASSPHRASE):
    _type(qtbot, view.key_path, str(world.custodian_key_path))
    _type(qtbot, view.key_passphrase, passphrase)
    QTest.keyClick(view.key_passphrase, Qt.Key.Key_Return)


def test_reveal_needs_the_key_and_a_reason_and_is_audited(qtbot, view, world):
    vault = world.coordinator
    code = world.witness_codes[0]
    assert not view.reveal_button.isEnabled()
    # A wrong passphrase: one line, nothing open.
    with qtbot.waitSignal(view.failed, timeout=30_000) as failed:
        _open_key(qtbot, view, world, passphrase="not the custodian's passphrase 1")
    assert failed.args == ["Wrong custodian passphrase: the custodian key was not opened"]
    assert view.key is None and not view.reveal_button.isEnabled()

    with qtbot.waitSignal(view.key_opened, timeout=30_000):
        _open_key(qtbot, view, world)
    assert view.key_passphrase.text() == "" and view.reveal_button.isEnabled()
    before = len(audit.entries(vault.connection()))

    # No reason: refused, nothing opened, nothing audited.
    _type(qtbot, view.pseudonym.lineEdit(), code.lower())  # typed, forgiving case
    with qtbot.waitSignal(view.failed, timeout=30_000):
        qtbot.mouseClick(view.reveal_button, Qt.MouseButton.LeftButton)
    assert view.shown_identity() == {} and len(audit.entries(vault.connection())) == before

    _type(qtbot, view.reason, "protection follow-up after threats")
    with qtbot.waitSignal(view.revealed, timeout=30_000) as revealed:
        QTest.keyClick(view.reason, Qt.Key.Key_Return)
    assert revealed.args == [code]
    assert view.shown_identity() == {"Name (Arabic)": "فاطمة يوسف الشامي", "Phone": "+963 944 123 456"}
    [entry] = [e for e in audit.entries(vault.connection())[before:]]
    assert entry["action"] == "identity.reveal" and entry["subject"] == code
    assert entry["detail"]["why"] == "protection follow-up after threats"
    assert "فاطمة" not in str(entry["detail"]) and "944 123" not in str(entry["detail"])  # never the identity
    assert view.history.item(0, 1).text() == code
    assert view.history.item(0, 3).text() == "protection follow-up after threats"

    # Closing the key hides the identity and disables the custodian's actions.
    qtbot.mouseClick(view.close_button, Qt.MouseButton.LeftButton)
    assert view.key is None and view.shown_identity() == {}
    assert "فاطمة يوسف الشامي" not in visible_texts(view)
    assert not view.reveal_button.isEnabled() and not view.link_button.isEnabled()


def test_locking_drops_the_key_and_the_identity(qtbot, view, world):
    with qtbot.waitSignal(view.key_opened, timeout=30_000):
        _open_key(qtbot, view, world)
    # Picked from the list of sealed witnesses (pseudonym and alias), with the keyboard.
    assert view.pseudonym.count() == 2
    view.pseudonym.setFocus()
    qtbot.waitUntil(view.pseudonym.hasFocus)
    while view.pseudonym.currentData() != world.witness_codes[1]:
        QTest.keyClick(view.pseudonym, Qt.Key.Key_Down)
    assert view.pseudonym.currentText() == f"{world.witness_codes[1]} · Layla"
    _type(qtbot, view.reason, "court summons")
    with qtbot.waitSignal(view.revealed, timeout=30_000):
        qtbot.mouseClick(view.reveal_button, Qt.MouseButton.LeftButton)
    assert view.shown_identity()["Name (Latin)"] == "Fatima Yousef al-Shami"
    view.session.locking.emit()
    assert view.key is None and view.shown_identity() == {}


def test_linking_finds_the_same_witness_across_documenters_and_a_link_can_be_rejected(qtbot, view, world):
    vault = world.coordinator
    a, b = sorted(world.witness_codes)
    assert not view.link_button.isEnabled()
    with qtbot.waitSignal(view.key_opened, timeout=30_000):
        _open_key(qtbot, view, world)
    with qtbot.waitSignal(view.linked, timeout=60_000) as linked:
        qtbot.mouseClick(view.link_button, Qt.MouseButton.LeftButton)
    assert linked.args == [1]
    assert view.links.rowCount() == 1
    assert (view.links.item(0, 0).text(), view.links.item(0, 1).text()) == (a, b)
    assert view.links.item(0, 2).text() == "Name and phone agree"
    assert custodian.links(vault)[0]["a"] == a
    # Analysts' view holds no name: the vault's own keys read pseudonyms and tags only.
    assert "فاطمة" not in str(vault.connection().execute("SELECT * FROM witness_links").fetchall())

    qtbot.mouseClick(view.links.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.links.visualItemRect(view.links.item(0, 0)).center())
    _type(qtbot, view.unlink_reason, "sisters sharing one phone")
    qtbot.mouseClick(view.unlink_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.links.rowCount() == 0 and not view._busy, timeout=30_000)
    assert custodian.links(vault) == []
    last = audit.entries(vault.connection())[-1]
    assert last["action"] == "identity.link" and last["detail"]["why"] == "sisters sharing one phone"


def test_a_new_custodian_key_file_is_made_and_opens(qtbot, view, world, tmp_path):
    out = tmp_path / "new-custodian.key"
    _type(qtbot, view.new_label, "second officer")
    _type(qtbot, view.new_passphrase, "a new keeper of names at dusk 12")
    _type(qtbot, view.new_confirm, "a new keeper of names at dusk 13")
    view.create_key(out)  # after the save dialog (Qt's own) names the file
    assert view.status.text() == "The two passphrases differ." and not out.exists()
    _type(qtbot, view.new_passphrase, "a new keeper of names at dusk 12")
    _type(qtbot, view.new_confirm, "a new keeper of names at dusk 12")
    view.create_key(out)
    qtbot.waitUntil(lambda: view.recipient.text() != "", timeout=30_000)
    assert view.recipient.text() == custodian.read_recipient(out)
    assert out.stat().st_mode & 0o777 == 0o600
    assert custodian.unlock_key(out, "a new keeper of names at dusk 12").label == "second officer"
    raw = out.read_bytes()
    with qtbot.waitSignal(view.failed, timeout=30_000) as failed:  # never over an existing key file
        _type(qtbot, view.new_passphrase, "a new keeper of names at dusk 12")
        _type(qtbot, view.new_confirm, "a new keeper of names at dusk 12")
        view.create_key(out)
    assert "never overwritten" in failed.args[0] and out.read_bytes() == raw
