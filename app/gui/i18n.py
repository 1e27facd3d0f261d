"""The one translation system: Qt's own (`.ts` catalogues compiled to `.qm`), English source text.

Every user-visible string in app/gui goes through `tr("…")` from this module (or `self.tr("…")`
in a QObject subclass). `pyside6-lupdate` extracts them; the literal must be written inside the
call — `tr(f"…")` or `tr(variable)` cannot be extracted. Use placeholders instead:

    from app.gui.i18n import tr
    label.setText(tr("%1 cases").replace("%1", fmt_int(n)))     # or tr("{n} cases").format(n=…)

Catalogues: resources/translations/ar/<module>.ts, one per source module, so engineers working on
different views never edit the same file; `make strings` (python -m app.gui.i18n_check --update)
refreshes them and compiles the `.qm` files; `python -m app.gui.i18n_check` (run by `make test`)
fails when a catalogue is out of date or has an untranslated string.

`install_language(app, "ar")` loads Qt's own Arabic (qtbase_ar: the buttons of standard dialogs),
our catalogues, right-to-left layout, an Arabic-capable font, and the Arabic (Syria) locale for
numbers and dates. Numbers, sizes and dates shown to the user go through `fmt_int`, `fmt_size`,
`fmt_datetime` so they follow the chosen locale.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

REPO = Path(__file__).resolve().parent.parent.parent
TRANSLATIONS = REPO / "resources" / "translations"
LANGUAGES = {"en": "English", "ar": "العربية"}
DEFAULT_LANGUAGE = "en"
# Arabic-capable families in order of preference; CI and Debian install fonts-noto-core.
ARABIC_FONTS = ("Noto Sans Arabic", "Noto Naskh Arabic", "Noto Kufi Arabic", "DejaVu Sans")

_installed: list[QTranslator] = []
_current = DEFAULT_LANGUAGE


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark `source` for the catalogue without translating it (translated later with `tr`).

    PySide6's own marker is typed as returning `object`; this one, under the same name so that
    lupdate still finds every call, says what it returns: the English source text.
    """
    return source


def tr(text: str) -> str:
    """Translate one source string (English) into the current language."""
    return QCoreApplication.translate("", text)


_ARGUMENT = re.compile(r"%([1-9])")


def tr_args(template: str, *args: object) -> str:
    """`%1`, `%2`, … of a translated template filled in one pass.

    Never by chained `.replace("%1", …).replace("%2", …)`: an argument from outside (a documenter's
    name) that contains `%2` would then have the second argument written into it.
    """
    def argument(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return str(args[index]) if index < len(args) else match.group(0)

    return _ARGUMENT.sub(argument, template)


def current_language() -> str:
    return _current


def is_rtl() -> bool:
    return _current == "ar"


def catalogue_files(language: str) -> list[Path]:
    folder = TRANSLATIONS / language
    return sorted(folder.glob("*.qm")) if folder.is_dir() else []


def install_language(app: QCoreApplication | None, language: str) -> None:
    """Switch translations, direction, font and locale; widgets built afterwards use them."""
    global _current
    if not isinstance(app, QGuiApplication):
        raise RuntimeError("the interface language needs the running Qt application")
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current = language
    if language != "en":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name in ("qtbase",):
            translator = QTranslator(app)
            if translator.load(f"{name}_{language}", qt_dir):
                app.installTranslator(translator)
                _installed.append(translator)
        for qm in catalogue_files(language):
            translator = QTranslator(app)
            if translator.load(str(qm)):
                app.installTranslator(translator)
                _installed.append(translator)
    locale = QLocale(QLocale.Language.Arabic, QLocale.Country.Syria) if language == "ar" else QLocale(
        QLocale.Language.English, QLocale.Country.UnitedKingdom)
    QLocale.setDefault(locale)
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if language == "ar" else Qt.LayoutDirection.LeftToRight)
    app.setFont(_font_for(language, app.font()))


def _font_for(language: str, base: QFont) -> QFont:
    available = set(QFontDatabase.families())
    families = [f for f in ARABIC_FONTS if f in available]
    font = QFont(base)
    if language == "ar":
        font.setFamilies(families + [base.family()])
    else:
        # Case text may be Arabic in an English interface: keep an Arabic face as fallback.
        font.setFamilies([base.family()] + families)
    return font


# ---- locale-aware formatting ----------------------------------------------------------------------
def fmt_int(n: int) -> str:
    return QLocale().toString(int(n))


def fmt_size(size: int) -> str:
    return QLocale().formattedDataSize(int(size))


def fmt_datetime(iso: str | None) -> str:
    """An ISO timestamp from the vault shown in the user's locale (short format)."""
    if not iso:
        return ""
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso
    qdt = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    return QLocale().toString(qdt, QLocale.FormatType.ShortFormat)


def fmt_date(iso: str | None) -> str:
    """A case date (YYYY, YYYY-MM or YYYY-MM-DD) in the locale; a partial date stays partial."""
    if not iso:
        return ""
    parts = iso.split("-")
    if not all(p.isdigit() for p in parts) or not 1 <= len(parts) <= 3:
        return iso
    locale = QLocale()
    numbers = [int(p) for p in parts]
    if len(numbers) == 1:
        return locale.toString(numbers[0]).replace(locale.groupSeparator(), "")
    day = QDate(numbers[0], numbers[1], numbers[2] if len(numbers) == 3 else 1)
    if not day.isValid():
        return iso
    return locale.toString(day, "d MMMM yyyy" if len(numbers) == 3 else "MMMM yyyy")
