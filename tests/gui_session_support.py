"""A whole GUI session in a child process, for the canary scan (tests/adversarial/test_canary_gui_session.py).

    python -m tests.gui_session_support VAULT INPUTS CANARY_LATIN CANARY_ARABIC

Runs with HOME, XDG_* and TMPDIR pointing into the test's own folder (set by the parent), so
everything Qt and the app write outside the vault lands where the parent scans. It creates the
vault on the first-run page, adds cases in Arabic and English with attachments, searches in the
case list, exports a bundle, opens a case, copies text, switches the language to Arabic, locks with the lock action,
unlocks on the unlock page, and locks again. It prints one line per step it completed.

Cases are typed into the real case editor; attachments go through its attachments panel; the
bundle is written by the export view (the coordinator it is encrypted to is enrolled with the
services, as an organisation would do once).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer

PASSPHRASE = "olive grove under the citadel 1949"
TIMEOUT_MS = 60_000


def wait_for(signal, action=None) -> None:
    """Run `action` and wait until `signal` fires (it may fire synchronously, inside the action)."""
    fired = []
    loop = QEventLoop()

    def done(*_args) -> None:
        fired.append(True)
        loop.quit()

    signal.connect(done)
    if action is not None:
        action()
    if not fired:
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: loop.exit(1))
        timer.start(TIMEOUT_MS)
        if loop.exec() != 0 and not fired:
            raise SystemExit("timed out waiting for the GUI")
    signal.disconnect(done)


def process_events_until(condition) -> None:
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if condition() else None)
    timer.start(10)
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(lambda: loop.exit(1))
    deadline.start(TIMEOUT_MS)
    if loop.exec() != 0:
        raise SystemExit("timed out waiting for a condition")


def step(text: str) -> None:
    print(text, flush=True)


def main(vault_dir: Path, inputs: Path, latin: str, arabic: str) -> None:
    from app.gui.main import application, build_window

    app = application()
    window = build_window(vault_dir)
    window.show()
    session = window.session

    page = window.current_page
    page.name.setText(f"documenter {latin}")
    page.passphrase.setText(PASSPHRASE)
    page.repeat.setText(PASSPHRASE)
    wait_for(session.unlocked, page.create_button.click)
    step("created")

    vault = session.vault
    photo = inputs / f"photo-{latin}.jpg"
    statement = inputs / f"شهادة-{arabic}.txt"
    letters = "".join(ch for ch in latin if ch.isalpha())  # names may not contain digits (forms rule)
    ids = []
    for title, narrative, name_ar, attachment in [
        (f"اختطاف {arabic} قرب السوق", f"خطفه مسلحون في سيارة بيضاء {arabic}", f"محمد {arabic}", statement),
        (f"Abduction of {latin} near the bakery", f"Taken by armed men in a white van. {latin}",
         f"سعيد {arabic}", photo),
    ]:
        # The real editor: typed into its widgets, saved by its autosave timer, file added by its panel.
        editor = window.new_case("kidnapping")
        editor.field("title").edit.setText(title)
        editor.field("narrative").edit.setPlainText(narrative)
        editor.field("date").start.setText("2025-03-06")
        victims = editor.field("victims")
        victims.add_button.click()
        victims.entries[-1].widgets["name_ar"].edit.setText(name_ar)
        if "name_latin" in victims.entries[-1].widgets:
            victims.entries[-1].widgets["name_latin"].edit.setText(f"Mohammad {letters}")
        wait_for(editor.saved)
        wait_for(editor.attachments.attached, lambda e=editor, a=attachment: e.attachments.add_files([a]))
        ids.append(editor.case_id)
        editor.back_button.click()
        app.processEvents()
    step("cases added")

    view = window.show_view("cases")
    view.model.refresh()
    for query in (arabic, latin):
        view.search.setText(query)
        view.apply_filters()
        process_events_until(lambda: view.model.total >= 1)
    step("searched")

    # Export a bundle through the export view, to a coordinator this test enrolls with the services.
    from app.services.exchange import organisation_profile
    from storage import keyfile
    from storage.vault import Vault

    coordinator = Vault.create(inputs / "coordinator", PASSPHRASE, role="coordinator",
                               kdf_params=dict(keyfile.TEST_PARAMS))
    profile = organisation_profile.read_profile(organisation_profile.export_profile(coordinator))
    organisation_profile.confirm_fingerprint(profile, profile.fingerprint)
    organisation_profile.import_profile(vault, profile)
    coordinator.lock()
    export_view = window.show_view("export")
    bundle = vault_dir.parent / "outbox" / "first.tawthiq"
    bundle.parent.mkdir(parents=True, exist_ok=True)
    export_view.export_to(bundle)
    process_events_until(lambda: export_view.task is None)
    if not bundle.is_file():
        raise SystemExit(f"the export did not write a bundle: {export_view.message.text()}")
    step("exported")

    session.open_case_requested.emit(ids[0])
    app.processEvents()
    session.copy_text(f"{latin} {arabic}")
    step("opened and copied")

    settings = window.show_view("settings")
    settings.language.setCurrentIndex(settings.language.findData("ar"))
    settings.apply()
    app.processEvents()
    step("language ar")

    wait_for(session.locked, window.lock_action.trigger)
    step("locked")

    unlock_page = window.current_page
    unlock_page.passphrase.setText(PASSPHRASE)
    wait_for(session.unlocked, unlock_page.unlock_button.click)
    window.show_view("cases").search.setText(arabic)
    app.processEvents()
    wait_for(session.locked, window.lock_action.trigger)
    step("unlocked and locked again")

    window.close()
    session.runner.shutdown()
    app.processEvents()
    step("closed")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4])
