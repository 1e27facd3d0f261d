"""`make screenshots`: PNGs of the main views in English and Arabic, from the real window.

    QT_QPA_PLATFORM=offscreen python docs/make_screenshots.py docs/screenshots

Runs on a demo vault in a temporary folder (app/demo.py); nothing else is written. The newest
case is sealed and then edited first, so that an earlier version can be shown. A sample
coordinator vault is made beside it: the demo documenter imports its organisation profile (the
Organisation view and its fingerprint check), and it trusts sample documenters, one of them
revoked (the coordinator's Documenters view). All names are made up.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.gui.i18n import install_language
from app.gui.main import application, build_window
from app.gui.prefs import PreUnlockPrefs
from app.services.exchange import organisation_data, organisation_profile, trust_list
from app.services.intake import cases
from storage import keyfile
from storage.vault import Vault

SIZE = (1200, 780)


def _settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def _save(window, out: Path, name: str) -> Path:
    app = QApplication.instance()
    _settle(app)
    path = out / name
    if not window.grab().save(str(path), "PNG"):
        raise SystemExit(f"screenshots: could not write {path}")
    return path


def _seal_and_edit(vault: Vault) -> str:
    """Give the newest case an earlier, sealed version to show: seal it, then add to its story."""
    case_id = cases.query_cases(vault, limit=1)[0].id
    cases.seal_case(vault, case_id)
    body = cases.get_case(vault, case_id)
    body.pop("_meta")
    body["narrative"] = (body.get("narrative") or "") + "\nاتصل الخاطفون بالعائلة بعد يومين وطلبوا فدية."
    cases.save_case(vault, body, case_id)
    return case_id


# Made-up names only: the screenshots are published.
SAMPLE_ORGANISATION = "Sample Documentation Network"
SAMPLE_DOCUMENTERS = ("Sample team North", "Sample team Coast", "Sample team South")
SAMPLE_TERMS_CSV = ("code,en,ar\nngo_hotline,NGO hotline,خط ساخن لمنظمة\n"
                    "community_committee,Community committee,لجنة محلية\n")


def _sample_coordinator(folder: Path, passphrase: str) -> Vault:
    """A coordinator vault with two organisation terms, trusting the sample documenters (the last revoked)."""
    coordinator = Vault.create(folder / "coordinator", passphrase, role="coordinator", name=SAMPLE_ORGANISATION,
                               kdf_params=dict(keyfile.TEST_PARAMS), check_strength=False)
    terms = folder / "terms.csv"
    terms.write_text(SAMPLE_TERMS_CSV, encoding="utf-8")
    organisation_data.import_vocabulary_csv(coordinator, "source_types", terms)
    for i, name in enumerate(SAMPLE_DOCUMENTERS):
        documenter = Vault.create(folder / f"documenter-{i}", passphrase, name=name,
                                  kdf_params=dict(keyfile.TEST_PARAMS), check_strength=False)
        candidate = trust_list.read_identity(trust_list.export_identity(documenter))
        documenter.lock()
        trust_list.trust(coordinator, candidate)
        if i == len(SAMPLE_DOCUMENTERS) - 1:
            trust_list.revoke(coordinator, candidate.signer.id_hex)
    return coordinator


def _import_profile(documenter: Vault, profile: bytes) -> None:
    """What the Organisation view does once the fingerprint is typed; done here once for both languages."""
    organisation_profile.import_profile(documenter, organisation_profile.read_profile(profile))


def _fingerprint_dialog(window, profile_file: Path, out: Path, name: str) -> Path:
    """The check as a documenter sees it: the profile read, the digits being typed; then cancelled."""
    view = window.show_view("organisation")
    view.read_file(profile_file)
    window.session.runner.wait_all(10_000)
    _settle(QApplication.instance())
    dialog = view.dialog
    assert dialog is not None, "the fingerprint check did not open"
    dialog.resize(760, dialog.sizeHint().height())
    dialog.typed.setText(dialog.fingerprint.text()[:35])  # part-way through, so the action is still disabled
    _settle(QApplication.instance())
    path = _save(dialog, out, name)
    dialog.reject()
    _settle(QApplication.instance())
    return path


def take(out: Path) -> list[Path]:
    from app.demo import DEMO_PASSPHRASE, create_demo_vault

    out.mkdir(parents=True, exist_ok=True)
    app = application()
    written = []
    with tempfile.TemporaryDirectory(prefix="tawthiq-shots-") as tmp:
        folder = Path(tmp)
        vault = create_demo_vault(folder)
        edited = _seal_and_edit(vault)
        coordinator = _sample_coordinator(folder, DEMO_PASSPHRASE)
        profile_file = folder / "organisation.profile"
        profile_file.write_bytes(organisation_profile.export_profile(coordinator))
        coordinator.lock()
        organisation_data.uninstall()  # the coordinator's terms; the documenter's own come with the profile
        _import_profile(vault, profile_file.read_bytes())
        vault.lock()
        for language in ("en", "ar"):
            prefs = PreUnlockPrefs(folder / f"prefs-{language}.json")
            prefs.set_language(language)
            # First run: a folder without a vault.
            first = build_window(folder / f"empty-{language}", prefs)
            first.resize(*SIZE)
            first.show()
            page = first.current_page
            page.passphrase.setText("correct horse battery staple orontes")
            page.repeat.setText("correct horse battery staple orontes")
            written.append(_save(first, out, f"first-run-{language}.png"))
            first.close()
            window = build_window(folder / "vault", prefs)
            window.resize(*SIZE)
            window.show()
            written.append(_save(window, out, f"unlock-{language}.png"))
            unlocked = Vault.unlock(folder / "vault", DEMO_PASSPHRASE)
            window.session.open(unlocked)
            # The vault remembers English; show the language being captured.
            install_language(app, language)
            window.rebuild()
            cases_view = window.show_view("cases")
            written.append(_save(window, out, f"cases-{language}.png"))
            window.open_case(cases_view.model.case_id(0))
            written.append(_save(window, out, f"case-editor-{language}.png"))
            version_view = window.open_case_version(edited, 1)
            window.session.runner.wait_all(10_000)  # the seal time, read on the task helper
            _settle(app)
            written.append(_save(window, out, f"case-version-{language}.png"))
            assert version_view.sealed_at, "the seal time did not arrive"
            available = {s.key for s in window.visible_views()}
            for key in ("witnesses", "export", "keys", "dashboard"):
                if key in available:
                    window.show_view(key)
                    written.append(_save(window, out, f"{key}-{language}.png"))
            window.show_view("organisation")
            written.append(_save(window, out, f"organisation-{language}.png"))
            written.append(_fingerprint_dialog(window, profile_file, out, f"fingerprint-check-{language}.png"))
            window.show_view("settings")
            written.append(_save(window, out, f"settings-{language}.png"))
            window.session.shutdown()
            window.close()
            # The coordinator's side: whose bundles are accepted.
            coordinator_window = build_window(folder / "coordinator", prefs)
            coordinator_window.resize(*SIZE)
            coordinator_window.show()
            coordinator_window.session.open(Vault.unlock(folder / "coordinator", DEMO_PASSPHRASE))
            install_language(app, language)
            coordinator_window.rebuild()
            coordinator_window.show_view("documenters")
            written.append(_save(coordinator_window, out, f"documenters-{language}.png"))
            coordinator_window.session.shutdown()
            coordinator_window.close()
        install_language(app, "en")
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0] if args else "docs/screenshots")
    for path in take(out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
