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
        # Persian/Urdu/Kurdish forms that appear in typed Arabic (a Persian or Kurdish keyboard
        # layout in Hasakah or Afrin): yeh, kaf, heh doachashmee and ae written for ي ك ه ة.
        "ی": "ي",
        "ک": "ك",
        "ھ": "ه",
        "ە": "ه",
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


# ---- names -----------------------------------------------------------------------------------
# Matching the same person across documenters (DESIGN.md section 7) blocks on `name_key`: one
# Latin consonant skeleton per word, whatever script the name was typed in. Short vowels are not
# written in Arabic and are spelt every which way in Latin, so they are dropped; the long vowels
# and diphthongs that Arabic writes (و ي) stay as w/y, so حسن/حسين and محمد/محمود stay apart.

# Common names whose Latin spellings differ by more than short vowels: key, Arabic forms (after
# `normalize_name_arabic`), Latin variants (after case folding; the first is the canonical one).
_COMMON_NAMES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("mhmd", ("محمد",), ("muhammad", "mohammad", "mohamed", "mohammed", "mohamad", "muhammed",
                         "mouhamad", "mohamad", "muhamad", "mohamet", "mehmet", "mhd")),
    ("mhmwd", ("محمود",), ("mahmud", "mahmoud", "mahmood", "mahmut")),
    ("hsn", ("حسن",), ("hasan", "hassan", "hassen", "hasen")),
    ("hsyn", ("حسين",), ("husayn", "hussein", "husain", "hussain", "hussien", "hossein", "husein",
                         "houssein", "hussayn", "hosein")),
    ("'hmd", ("احمد",), ("ahmad", "ahmed", "ahmet", "ehmed")),
    ("'ly", ("علي",), ("ali", "aly")),
    ("'mr", ("عمر",), ("umar", "omar", "omer")),
    ("'tmn", ("عثمان",), ("uthman", "othman", "osman", "usman", "othmane")),
    ("ywsf", ("يوسف",), ("yusuf", "youssef", "yousef", "yousif", "yousuf", "youssouf")),
    ("'brhym", ("ابراهيم",), ("ibrahim", "ebrahim", "ibraheem", "brahim")),
    ("mstf", ("مصطفا", "مصطفي"), ("mustafa", "moustafa", "mostafa", "mustapha", "moustapha")),
    ("xld", ("خالد",), ("khalid", "khaled", "khaleed")),
    ("syd", ("سعيد",), ("said", "saeed", "saied", "sayid")),
    ("'bdlh", ("عبدالله",), ("abdullah", "abdallah", "abdulla", "abdalla", "abdellah")),
    ("'bw", ("ابو",), ("abu", "abou", "abo")),
    ("bn", ("ابن", "بن"), ("ibn", "bin", "ben")),
    ("bnt", ("بنت",), ("bint", "bent")),
    ("ftm", ("فاطمه",), ("fatima", "fatimah", "fatma", "fatme", "fatmeh", "fatemeh")),
    ("'ycy", ("عائشه", "عايشه", "عاييشه"), ("aisha", "aysha", "aicha", "aishah", "ayesha", "aysheh")),
    ("zynb", ("زينب",), ("zaynab", "zainab", "zeinab", "zeynab")),
    ("ysyn", ("ياسين",), ("yasin", "yassin", "yaseen", "yassine")),
    ("zhr", ("زهراء", "زهرا"), ("zahra", "zahraa", "zehra")),
    ("'mmr", ("عمار",), ("ammar", "amar", "ammer")),
    ("hmd", ("حمد",), ("hamad", "hamed")),
    ("'bd'lh", ("عبداله",), ("abdilah", "abdelah")),  # Abdulilah, Abdel-Ilah after the abd- folding
)
_ARABIC_KEY = {ar: key for key, ars, _ in _COMMON_NAMES for ar in ars}
_LATIN_CANON = {lat: lats[0] for _, _, lats in _COMMON_NAMES for lat in lats}
_LATIN_KEY = {lats[0]: key for key, _, lats in _COMMON_NAMES}

_APOSTROPHES = re.compile("['\u2019\u2018`\u02bf\u02be\u02bc]")
_LATIN_PUNCT = re.compile(r"[^\w\s-]|_")
_ARTICLE_WORDS = frozenset({"al", "el", "ul", "il"})
# Sun-letter assimilated articles: "ar-Rahman", "ash-Shami", "ad-Din".
_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ul|il|ar|as|ash|ad|adh|at|ath|az|an)-(?=\w)")
_ABD_ALLAH = re.compile(r"\babd\w{0,2}[\s-]+(?:al[\s-]*)?lah\b|\babd\w{0,2}[\s-]+allah\b")
_ABD_ARTICLE = re.compile(r"\babd[\s-]+(?:al|el|ul|ar|as|ash|ad|at|az|an)[\s-]+(?=\w)")
# "Abdel Rahman", "Abdul-Rahman", "Abd al-Rahman", "Abdurrahman" → "abdrahman".
_LATIN_ABD = re.compile(
    r"\babd(?:ul|el|al|ol|ur|ar|us|as|un|an|ud|ad|ush|ash|u|e|a)?[\s-]*"
    r"(?!(?:ullah|allah|ulla|alla|ellah|llah|lah)\b)(?=\w)"
)


def _strip_latin_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalize_name_latin(text: str) -> str:
    """Case, accents, punctuation, the article and common spelling variants folded away.

    The result stays readable ("muhammad hasan abdrahman"); `name_key` reduces it further.
    """
    text = _strip_latin_accents(normalize_arabic(text)).casefold()
    text = _LATIN_PUNCT.sub(" ", _APOSTROPHES.sub("", text))
    text = _ABD_ALLAH.sub("abdullah", text)
    text = _ABD_ARTICLE.sub("abd", text)
    text = _LATIN_ABD.sub("abd", text)
    words = []
    for word in text.split():
        word = _ARTICLE_PREFIX.sub("", word).replace("-", "")
        if word and word not in _ARTICLE_WORDS:
            words.append(_LATIN_CANON.get(word, word))
    return " ".join(words)


def normalize_name_arabic(text: str) -> str:
    """Search folding plus the article: "الأحمد" and "احمد" compare equal; "عبد الرحمن" is one word."""
    text = normalize_arabic(text)
    text = re.sub(r"[^\w\s]|_", " ", text)
    text = re.sub(r"(?:^|(?<=\s))عبد\s+ال", "عبدال", text)
    words = []
    for word in text.split():
        if word.startswith("ال") and len(word) > 3:
            word = word[2:]
        if word.startswith("عبدال") and len(word) > 5 and word != "عبدالله":
            word = "عبد" + word[5:]
        words.append(word)
    return " ".join(words)


# Arabic letter → Latin consonant class. Emphatics fold into the plain consonants; ع and ء vanish
# (Latin writes them as ', as a vowel or not at all); ا ة ى are vowels.
_ROMAN = {
    "ا": "", "ء": "", "ع": "", "ة": "", "ى": "", "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h",
    "خ": "x", "د": "d", "ذ": "d", "ر": "r", "ز": "z", "س": "s", "ش": "c", "ص": "s", "ض": "d",
    "ط": "t", "ظ": "d", "غ": "g", "ف": "f", "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n",
    "ه": "h", "و": "w", "ي": "y", "پ": "b", "چ": "j", "گ": "g", "ڤ": "f",
}
# Latin digraphs and letters → the same classes, applied in order.
_LATIN_SKELETON = (
    (re.compile(r"sch|sh|ch"), "c"), (re.compile(r"kh"), "x"), (re.compile(r"gh"), "g"),
    (re.compile(r"dh"), "d"), (re.compile(r"th"), "t"), (re.compile(r"dj"), "j"),
    (re.compile(r"ph"), "f"), (re.compile(r"q"), "k"), (re.compile(r"v"), "f"), (re.compile(r"p"), "b"),
    # Long vowels and diphthongs that Arabic spells with و / ي.
    (re.compile(r"(?<=.)(?:ou|oo|uu|ow)(?=.)"), "w"),
    (re.compile(r"(?<=.)(?:ee|ii|ei|ai|ay|ey|ie|ae|ea|ia)(?=.)"), "y"),
    (re.compile(r"(?<=.)(?:iy|ee|ie|i|y)$"), "y"), (re.compile(r"(?<=.)(?:ou|oo|u)$"), "w"),
    (re.compile(r"(?<=[aeiou])h$"), ""),
)


def _latin_skeleton(word: str) -> str:
    # Geminates first (Hussein, Iddikhar): Arabic writes them once, with a shadda we strip.
    word = re.sub(r"(.)\1+", r"\1", word)
    # A word-initial vowel is an alef, hamza or ع in Arabic: kept as ' so Ahmad ≠ Hamad.
    word = re.sub(r"^[aeiou]", "'", word)
    for pattern, replacement in _LATIN_SKELETON:
        word = pattern.sub(replacement, word)
    return re.sub(r"[aeiou]", "", word)


def _arabic_skeleton(word: str) -> str:
    # A final ه is almost always a folded ة (Arzah, Mukhtariya): a vowel, as Latin "-a"/"-ah".
    if word.endswith("ه") and len(word) > 2:
        word = word[:-1]
    initial = "'" if word[:1] in ("ا", "ع", "ء") else ""
    out = "".join(_ROMAN.get(c, c if c.isascii() and c.isalnum() else "") for c in word)
    return initial + re.sub(r"(.)\1+", r"\1", out)


_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3]")


def name_key(text: str) -> str:
    """One comparable Latin key for a name typed in Arabic or Latin script.

    "محمد الأحمد" and "Mohamed al-Ahmad" both give "mhmd hmd"; حسن → "hsn", حسين → "hsyn".
    Keys are for blocking and similarity scoring, never for display.
    """
    if not isinstance(text, str):
        return ""
    # ى is a vowel (Mustafa); search folding would make it the consonant ي, so turn it into ا first.
    text = unicodedata.normalize("NFKC", text).replace("ى", "ا")
    keys = []
    if _ARABIC_LETTER.search(text):
        for w in normalize_name_arabic(text).split():
            if _ARABIC_LETTER.search(w):
                keys.append(_ARABIC_KEY.get(w) or _arabic_skeleton(w))
            else:
                latin = normalize_name_latin(w)
                keys.append(_LATIN_KEY.get(latin) or _latin_skeleton(latin))
    else:
        for w in normalize_name_latin(text).split():
            keys.append(_LATIN_KEY.get(w) or _latin_skeleton(w))
    return " ".join(k for k in keys if k)
