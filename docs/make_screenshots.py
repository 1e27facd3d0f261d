"""`make screenshots`: PNGs of the main views in English and Arabic, from the real window.

    QT_QPA_PLATFORM=offscreen python docs/make_screenshots.py docs/screenshots

Runs on a demo vault in a temporary folder (app/demo.py); nothing else is written. The newest
case is sealed and then edited first, so that an earlier version can be shown. A sample
coordinator vault is made beside it: the demo documenter imports its organisation profile (the
Organisation view and its fingerprint check), and it trusts sample documenters, one of them
revoked (the coordinator's Documenters view). Two of them send bundles of sample cases that the
coordinator imports (and links), one victim recorded by both under two spellings: the
coordinator's case list, review queue, statistics and import report. All names are made up.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QDate
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


def _killing(name: str, age: int, date: str = "2013-03-06", governorate: str = "homs") -> dict:
    victim = {"name_ar" if any("\u0600" <= c <= "\u06ff" for c in name) else "name_latin": name,
              "sex": "male", "age": age, "act": "killing", "fate": "killed"}
    return {"form": "killing", "title": "Killed at a checkpoint", "date": {"start": date, "precision": "day"},
            "location": {"governorate": governorate}, "victims": [victim]}


def _sample_cases(index: int) -> list[dict]:
    """Sample cases for the first two sample documenters: the same man under two spellings (a pair
    for review), and cases of their own."""
    import random

    from app.demo import _simple_case

    rng = random.Random(20 + index)  # noqa: S311 - sample data
    own = [_simple_case(rng, i) for i in range(8 if index == 0 else 5)]
    # One name from both documenters, the ages twenty years apart: linkage leaves the pair to a
    # person (brothers, whose given names differ, it keeps apart without asking).
    pair = _killing("محمد أحمد علي الحسن", 31) if index == 0 else _killing("Muhammad Ahmad Ali al-Hassan", 52)
    return [pair, *own]


def _sample_coordinator(folder: Path, passphrase: str) -> tuple[Vault, list[Path]]:
    """A coordinator vault with two organisation terms, trusting the sample documenters (the last
    revoked); the bundles of the first two, imported."""
    from app.services.exchange import export, imports

    coordinator = Vault.create(folder / "coordinator", passphrase, role="coordinator", name=SAMPLE_ORGANISATION,
                               kdf_params=dict(keyfile.TEST_PARAMS), check_strength=False)
    terms = folder / "terms.csv"
    terms.write_text(SAMPLE_TERMS_CSV, encoding="utf-8")
    organisation_data.import_vocabulary_csv(coordinator, "source_types", terms)
    profile = organisation_profile.read_profile(organisation_profile.export_profile(coordinator))
    bundles = []
    for i, name in enumerate(SAMPLE_DOCUMENTERS):
        documenter = Vault.create(folder / f"documenter-{i}", passphrase, name=name,
                                  kdf_params=dict(keyfile.TEST_PARAMS), check_strength=False)
        candidate = trust_list.read_identity(trust_list.export_identity(documenter))
        if i < 2:
            organisation_profile.confirm_fingerprint(profile, profile.fingerprint)
            organisation_profile.import_profile(documenter, profile)
            bodies = _sample_cases(i)
            later = bodies[-2:] if i == 1 else []  # the second team sends two bundles
            for body in bodies[:len(bodies) - len(later)]:
                cases.save_case(documenter, body)
            bundles.append(folder / f"documenter-{i}-1.tawthiq")
            export.export_bundle(documenter, bundles[-1])
            if later:
                for body in later:
                    cases.save_case(documenter, body)
                bundles.append(folder / f"documenter-{i}-2.tawthiq")
                export.export_bundle(documenter, bundles[-1])
        documenter.lock()
        trust_list.trust(coordinator, candidate)
        if i == len(SAMPLE_DOCUMENTERS) - 1:
            trust_list.revoke(coordinator, candidate.signer.id_hex)
    # The first bundle now; the second is imported through the Import view, on screen.
    for report in imports.import_bundles(coordinator, bundles[:1]):
        if isinstance(report, imports.Refusal):
            raise SystemExit(f"screenshots: a sample bundle was refused: {report}")
    return coordinator, bundles[1:]


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
        coordinator, on_screen_bundles = _sample_coordinator(folder, DEMO_PASSPHRASE)
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
            # The filters in use: a governorate, and incidents between two dates.
            cases_view.governorate.setCurrentIndex(cases_view.governorate.findData("homs"))
            cases_view.use_dates.setChecked(True)
            cases_view.date_from.setDate(QDate(2025, 1, 1))
            cases_view.date_to.setDate(QDate(2025, 12, 31))
            written.append(_save(window, out, f"cases-filtered-{language}.png"))
            cases_view.governorate.setCurrentIndex(0)
            cases_view.use_dates.setChecked(False)
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
            importer = coordinator_window.show_view("import")
            # The second team's first bundle in English, its second in Arabic.
            importer.import_files([on_screen_bundles[0 if language == "en" else 1]])
            coordinator_window.session.runner.wait_all(120_000)
            written.append(_save(coordinator_window, out, f"import-{language}.png"))
            coordinator_window.show_view("cases")
            written.append(_save(coordinator_window, out, f"coordinator-cases-{language}.png"))
            coordinator_window.show_view("review")
            coordinator_window.session.runner.wait_all(120_000)
            written.append(_save(coordinator_window, out, f"review-{language}.png"))
            coordinator_window.show_view("dashboard")
            coordinator_window.session.runner.wait_all(120_000)
            written.append(_save(coordinator_window, out, f"statistics-{language}.png"))
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
