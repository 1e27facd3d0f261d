"""The one translation system: Qt's own (`.ts` catalogues compiled to `.qm`), English source text.

Every user-visible string in app/gui goes through `tr("…")` from this module (or `self.tr("…")`
in a QObject subclass). `pyside6-lupdate` extracts them; the literal must be written inside the
call — `tr(f"…")` or `tr(variable)` cannot be extracted. Use placeholders instead:

    from app.gui.i18n import tr, tr_args
    label.setText(tr_args(tr("Bundle %1 written"), fmt_int(sequence)))
    label.setText(tr("%Ln cases", None, n))      # a count: Qt's plural forms, locale digits

A count is never `%1`: English needs "1 case" / "2 cases", Arabic six forms (0, 1, 2, 3–10,
11–99, 100+). `tr(text, None, n)` picks the form for `n` from the catalogue and writes `%Ln` as
`n` in the interface's digits. English plurals come from resources/translations/en/ (plural
entries only: `lupdate -pluralonly`); a message with two counts is two plural pieces joined by a
`%1, %2` template.

Catalogues: resources/translations/ar/<module>.ts, one per source module, so engineers working on
different views never edit the same file; `make strings` (python -m app.gui.i18n_check --update)
refreshes them and compiles the `.qm` files; `python -m app.gui.i18n_check` (run by `make test`)
fails when a catalogue is out of date or has an untranslated string.

`install_language(app, "ar")` loads Qt's own Arabic (qtbase_ar: file dialogs, standard buttons),
our catalogues, right-to-left layout, the bundled Arabic font, and the interface locale for
numbers and dates. Digits follow one rule: Arabic-Indic in the Arabic interface (locale Arabic,
Syria: ١٬٢٣٤ and ٤ كانون الأول ٢٠٢٦), Latin when the person chose Latin digits in Settings
(`latin_digits=True`: locale Arabic, world: 1,234 and 4 ديسمبر 2026, since no Syrian locale writes
Latin digits), Latin in English. The default QLocale is that locale, so spin boxes and date
edits follow it too. Numbers, sizes and dates shown to the user go through `fmt_int`,
`fmt_size`, `fmt_date`, `fmt_datetime`; dates are written with the month's name, never
04/12/2026, which reads as April in one country and December in another.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication

REPO = Path(__file__).resolve().parent.parent.parent
TRANSLATIONS = REPO / "resources" / "translations"
LANGUAGES = {"en": "English", "ar": "العربية"}
DEFAULT_LANGUAGE = "en"
FONTS = REPO / "resources" / "fonts"
# Arabic-capable families in order of preference. The first ships in resources/fonts (OFL) and is
# registered at start, so Arabic never falls back to whatever the system has.
ARABIC_FONTS = ("Noto Sans Arabic", "Noto Naskh Arabic", "Noto Kufi Arabic", "DejaVu Sans")

_installed: list[QTranslator] = []
_current = DEFAULT_LANGUAGE
_latin_digits = False
_language_installed = False
_registered_fonts: list[str] = []


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark `source` for the catalogue without translating it (translated later with `tr`).

    PySide6's own marker is typed as returning `object`; this one, under the same name so that
    lupdate still finds every call, says what it returns: the English source text.
    """
    return source


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Translate one source string (English) into the current language.

    With `n` (a count), the catalogue's plural form for `n` is chosen and `%Ln` in it becomes `n`
    in the interface's digits (lupdate marks such a call numerus: keep the literal first)."""
    if n >= 0 and not _language_installed:
        # A count needs its catalogue even in English ("1 case"): a widget made before any
        # install_language (a view built on its own) installs the current language once.
        app = QCoreApplication.instance()
        if isinstance(app, QGuiApplication):
            install_language(app, _current, _latin_digits)
    return QCoreApplication.translate("", text, disambiguation, n)


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


def uses_latin_digits() -> bool:
    """Whether numbers are written in Latin digits (always in English; by choice in Arabic)."""
    return _current != "ar" or _latin_digits


def interface_locale(language: str, latin: bool = False) -> QLocale:
    if language == "ar":
        return QLocale(QLocale.Language.Arabic, QLocale.Country.World if latin else QLocale.Country.Syria)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def register_fonts() -> list[str]:
    """Register the fonts shipped in resources/fonts (once); the families they add."""
    if not _registered_fonts:
        for path in sorted(FONTS.glob("*.ttf")):
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0:
                _registered_fonts.extend(f for f in QFontDatabase.applicationFontFamilies(font_id)
                                         if f not in _registered_fonts)
    return list(_registered_fonts)


def install_language(app: QCoreApplication | None, language: str, latin_digits: bool = False) -> None:
    """Switch translations, direction, font and locale; widgets built afterwards use them.

    `latin_digits`: in Arabic, write numbers in Latin digits (the Settings choice, app/gui/prefs.py)."""
    global _current, _latin_digits, _language_installed
    if not isinstance(app, QGuiApplication):
        raise RuntimeError("the interface language needs the running Qt application")
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current = language
    _latin_digits = bool(latin_digits) and language == "ar"
    _language_installed = True
    if language != "en":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name in ("qtbase",):  # Qt's own words: the file dialog, standard buttons, context menus
            translator = QTranslator(app)
            if translator.load(f"{name}_{language}", qt_dir):
                app.installTranslator(translator)
                _installed.append(translator)
    # English has catalogues too: the plural forms of counts ("1 case", "2 cases").
    for qm in catalogue_files(language):
        translator = QTranslator(app)
        if translator.load(str(qm)):
            app.installTranslator(translator)
            _installed.append(translator)
    QLocale.setDefault(interface_locale(language, _latin_digits))
    # A window takes the default locale when it is made and its children inherit it; setDefault
    # reaches no existing window. Re-resolve them, or the spin boxes and date edits rebuilt in an
    # open window keep the old digits.
    if isinstance(app, QApplication):
        for widget in app.topLevelWidgets():
            widget.unsetLocale()
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if language == "ar" else Qt.LayoutDirection.LeftToRight)
    app.setFont(_font_for(language, app.font()))


_system_family: list[str] = []


def _font_for(language: str, base: QFont) -> QFont:
    register_fonts()
    if not _system_family:  # the system's own face, before any language switch changed the app font
        _system_family.append(base.family())
    available = set(QFontDatabase.families())
    families = [f for f in ARABIC_FONTS if f in available]
    font = QFont(base)
    system = [f for f in _system_family if f not in families]
    if language == "ar":
        font.setFamilies(families + system)
    else:
        # Case text may be Arabic in an English interface: keep an Arabic face as fallback.
        font.setFamilies(system + families)
    return font


# ---- locale-aware formatting ----------------------------------------------------------------------
def fmt_int(n: int) -> str:
    return QLocale().toString(int(n))


SIZE_UNITS = (QT_TRANSLATE_NOOP("", "%1 KiB"), QT_TRANSLATE_NOOP("", "%1 MiB"), QT_TRANSLATE_NOOP("", "%1 GiB"),
              QT_TRANSLATE_NOOP("", "%1 TiB"))


def fmt_size(size: int) -> str:
    """A file size in the interface's language and digits (Qt's formattedDataSize keeps 'MiB')."""
    size = int(size)
    if size < 1024:
        return tr("%Ln bytes", None, size)
    value = float(size)
    for unit in SIZE_UNITS:
        value /= 1024
        if value < 1024 or unit == SIZE_UNITS[-1]:
            break
    return tr_args(tr(unit), QLocale().toString(value, "f", 1 if value < 100 else 0))


def local_digits(text: str) -> str:
    """The digits 0-9 of a ready-made string (a stored date such as 2024-03-06) in the interface's digits."""
    if uses_latin_digits():
        return text
    zero = ord(QLocale().zeroDigit())
    return "".join(chr(zero + ord(c) - 48) if "0" <= c <= "9" else c for c in text)


def fmt_number(text: str) -> str:
    """A number already formatted (a probability: 0.714) in the interface's digits and decimal point."""
    if uses_latin_digits():
        return text
    return local_digits(text).replace(".", QLocale().decimalPoint())


DATE_FORMAT = "d MMMM yyyy"  # 4 December 2026 / ٤ كانون الأول ٢٠٢٦: never 04/12/2026


def date_edit_format() -> str:
    """The display format for a QDateEdit: DATE_FORMAT as the person reads it.

    In a right-to-left widget QDateTimeEdit lays its sections out in reverse order, so
    "d MMMM yyyy" read as "٢٠٢٥ كانون الأول ٥" (the year first, the Arabic date filter's bug
    with "yyyy-MM-dd" too); the sections are given reversed there so they read day, month, year."""
    return "yyyy MMMM d" if is_rtl() else DATE_FORMAT
DATE_TIME_SEPARATOR = {"ar": "، ", "en": ", "}


def fmt_datetime(iso: str | None) -> str:
    """An ISO timestamp from the vault, in local time: the date with its month's name, then HH:mm."""
    if not iso:
        return ""
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso
    qdt = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    locale = QLocale()
    return (locale.toString(qdt.date(), DATE_FORMAT) + DATE_TIME_SEPARATOR.get(_current, ", ")
            + locale.toString(qdt.time(), "HH:mm"))


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
    return locale.toString(day, DATE_FORMAT if len(numbers) == 3 else "MMMM yyyy")
