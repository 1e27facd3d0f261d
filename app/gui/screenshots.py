"""`make screenshots`: PNGs of the main views in English and Arabic, from the real window.

    QT_QPA_PLATFORM=offscreen python -m app.gui.screenshots docs/screenshots

Runs on a demo vault in a temporary folder (app/demo.py); nothing else is written. The newest
case is sealed and then edited first, so that an earlier version can be shown.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.gui.i18n import install_language
from app.gui.main import application, build_window
from app.gui.prefs import PreUnlockPrefs
from app.services import cases
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


def take(out: Path) -> list[Path]:
    from app.demo import DEMO_PASSPHRASE, create_demo_vault

    out.mkdir(parents=True, exist_ok=True)
    app = application()
    written = []
    with tempfile.TemporaryDirectory(prefix="tawthiq-shots-") as tmp:
        folder = Path(tmp)
        vault = create_demo_vault(folder)
        edited = _seal_and_edit(vault)
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
            window.show_view("settings")
            written.append(_save(window, out, f"settings-{language}.png"))
            window.session.shutdown()
            window.close()
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
