"""Keep the translation catalogues current (`make strings`) and check they are (`make test`).

    python -m app.gui.i18n_check            # exit 1 with a list of problems, 0 when current
    python -m app.gui.i18n_check --update   # lupdate every app/gui module, then lrelease

One catalogue per module: app/gui/case_list.py → resources/translations/ar/case_list.ts (+ .qm).
English is the source language; its catalogues (resources/translations/en/) hold only the plural
messages (`tr("%Ln cases", None, n)`: "%Ln case" / "%Ln cases"), made with lupdate -pluralonly.
Arabic plural messages have six forms, in Qt's order: 0, 1, 2, 3–10, 11–99, 100–102 (the
last two digits of n decide, as in Arabic grammar: 103 takes the 3–10 form).
After `--update`, translate the new entries (Qt Linguist: `pyside6-linguist FILE.ts`, or edit
the XML: fill <translation> and drop type="unfinished"), then run `--update` again to compile.
The check fails when: a module has strings missing from its catalogue, a catalogue keeps strings
no longer in the code, a translation is empty or unfinished, or the compiled .qm disagrees with
the .ts.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET  # noqa: S405 - parses our own catalogues only
from pathlib import Path

from PySide6.QtCore import QTranslator

from app.gui.i18n import REPO, TRANSLATIONS

SOURCES = REPO / "app" / "gui"
LANGUAGES = ("ar", "en")
PLURALS_ONLY = {"en"}  # the source language needs only its plural forms
# One count per numerus form, in the order Qt's numerus rules list the forms.
FORM_SAMPLES = {"ar": (0, 1, 2, 3, 11, 100), "en": (1, 2)}


def _tool(name: str) -> str:
    local = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(local) if local.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"i18n_check: pyside6-{name} not found (it ships with PySide6-Essentials)")
    return found


def _modules(sources: Path = SOURCES) -> list[Path]:
    return sorted(p for p in sources.rglob("*.py") if p.name != "__init__.py")


def _catalogue(language: str, module: Path, translations: Path = TRANSLATIONS) -> Path:
    return translations / language / f"{module.stem}.ts"


def _lupdate(module: Path, ts: Path, language: str = "ar") -> None:
    plurals = ["-pluralonly"] if language in PLURALS_ONLY else []
    result = subprocess.run([_tool("lupdate"), "-locations", "none", "-no-obsolete", *plurals,
                             "-target-language", language, str(module), "-ts", str(ts)], capture_output=True, text=True)
    if result.returncode != 0 or "won't be updated" in result.stdout + result.stderr:
        raise SystemExit(f"i18n_check: lupdate failed on {ts.name}: {(result.stdout + result.stderr).strip()}")


def _shown(path: Path) -> Path:
    return path.relative_to(REPO) if path.is_relative_to(REPO) else path


def read_ts(ts: Path) -> list[tuple[str, str, str, str]]:
    """(context, source, translation, type) for every message in a catalogue (for a plural message,
    its forms joined by PLURAL_JOIN: one empty form makes the translation count as empty)."""
    return [(c, s, PLURAL_JOIN.join(forms) if numerus else forms[0], kind)
            for c, s, forms, kind, numerus in read_messages(ts)]


PLURAL_JOIN = "\n"


def read_messages(ts: Path) -> list[tuple[str, str, list[str], str, bool]]:
    """(context, source, forms, type, numerus) for every message; `forms` has one entry unless numerus."""
    root = ET.parse(ts).getroot()  # noqa: S314 - our own file
    messages = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            numerus = message.get("numerus") == "yes"
            if translation is None:
                forms = [""]
            elif numerus:
                forms = [form.text or "" for form in translation.iter("numerusform")] or [""]
            else:
                forms = [translation.text or ""]
            messages.append((name, message.findtext("source") or "", forms,
                             (translation.get("type") or "") if translation is not None else "", numerus))
    return messages


def update(sources: Path = SOURCES, translations: Path = TRANSLATIONS) -> None:
    for language in LANGUAGES:
        (translations / language).mkdir(parents=True, exist_ok=True)
        for module in _modules(sources):
            ts = _catalogue(language, module, translations)
            with tempfile.TemporaryDirectory() as tmp:
                probe = Path(tmp) / "probe.ts"
                _lupdate(module, probe, language)
                has_strings = bool(read_ts(probe))
            if has_strings:
                _lupdate(module, ts, language)
                subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
            else:
                ts.unlink(missing_ok=True)
                ts.with_suffix(".qm").unlink(missing_ok=True)


def problems(sources: Path = SOURCES, translations: Path = TRANSLATIONS) -> list[str]:
    found: list[str] = []
    for language in LANGUAGES:
        expected_catalogues = set()
        for module in _modules(sources):
            with tempfile.TemporaryDirectory() as tmp:
                probe = Path(tmp) / "probe.ts"
                _lupdate(module, probe, language)
                wanted = {(c, s) for c, s, _, _ in read_ts(probe)}
            ts = _catalogue(language, module, translations)
            if not wanted:
                continue
            expected_catalogues.add(ts.name)
            rel = _shown(ts)
            if not ts.exists():
                found.append(f"{rel}: missing ({len(wanted)} strings in {module.name}); run `make strings`")
                continue
            have = read_messages(ts)
            keys = {(c, s) for c, s, _, _, _ in have}
            for _c, s in sorted(wanted - keys):
                found.append(f"{rel}: not in the catalogue: {s!r}; run `make strings`")
            for _c, s in sorted(keys - wanted):
                found.append(f"{rel}: no longer in the code: {s!r}; run `make strings`")
            qm = ts.with_suffix(".qm")
            loaded = QTranslator()
            translator = loaded if loaded.load(str(qm)) else None
            if translator is None:
                found.append(f"{_shown(qm)}: missing or unreadable; run `make strings`")
            for c, s, forms, kind, numerus in have:
                if not all(form.strip() for form in forms) or kind in ("unfinished", "vanished", "obsolete"):
                    found.append(f"{rel}: untranslated: {s!r}")
                elif numerus and len(forms) != len(FORM_SAMPLES[language]):
                    found.append(f"{rel}: {s!r} has {len(forms)} plural forms, {language} has "
                                 f"{len(FORM_SAMPLES[language])}")
                elif translator is not None and any(
                        translator.translate(c, s, None, n) != form
                        for n, form in zip(FORM_SAMPLES[language] if numerus else (-1,), forms, strict=True)):
                    found.append(f"{_shown(qm)}: out of date for {s!r}; run `make strings`")
        folder = translations / language
        for stale in sorted(folder.glob("*.ts")) if folder.is_dir() else []:
            if stale.name not in expected_catalogues:
                found.append(f"{_shown(stale)}: no module uses it any more; run `make strings`")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.gui.i18n_check")
    parser.add_argument("--update", action="store_true", help="refresh the catalogues and compile them")
    args = parser.parse_args(argv)
    if args.update:
        update()
    issues = problems()
    for line in issues:
        print(line, file=sys.stderr)
    if issues:
        print(f"i18n_check: {len(issues)} problem(s) in the translation catalogues", file=sys.stderr)
        return 1
    print("i18n_check: translation catalogues are current")
    return 0


if __name__ == "__main__":
    sys.exit(main())
