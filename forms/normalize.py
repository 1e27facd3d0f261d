"""Text normalisation shared by search and matching (DESIGN.md section 3).

Arabic: strip tashkeel and tatweel, fold alef/hamza forms to bare alef, alef maqsura to ya,
ta marbuta to ha, Arabic-Indic digits to ASCII. SQLite's FTS5 tokenizer splits Arabic words at
diacritics, so the index and every query go through `normalize_for_search` first.
"""

from __future__ import annotations

import re
import unicodedata

# Harakat, tanwin, shadda, sukun, superscript alef, Quranic marks.
_TASHKEEL = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]")
_TATWEEL = "\u0640"
_ARABIC_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        # Persian/Urdu forms that appear in typed Arabic.
        "ی": "ي",
        "ک": "ك",
        # Arabic-Indic and Eastern Arabic-Indic digits.
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
    }
)
# Bidi controls and zero-width characters: invisible, but they split or disguise words.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def normalize_arabic(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text)
    text = _TASHKEEL.sub("", text).replace(_TATWEEL, "")
    return text.translate(_ARABIC_FOLD)


def normalize_for_search(text: str) -> str:
    """Fold Arabic forms and Latin case so a query matches every spelling the index holds."""
    return normalize_arabic(text).casefold()
