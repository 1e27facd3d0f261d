"""Comparable name keys: one Latin consonant skeleton for Arabic- and Latin-script names.

The same victim is written محمد by one documenter and Mohammad, Muhammad or Mohamed by another.
Vowels are where transliterations disagree most, so the key keeps consonants only, after folding
the letters that transliteration systems spell differently (ث/ت, ح/ه, ق/k, kh/خ …) into one
class. The key is coarse on purpose: it is used for blocking and for the name comparisons, and the
scoring model weighs name agreement together with the other parts of the record.

This is the linkage's own romanisation; forms.normalize folds Arabic letter forms first.
"""

from __future__ import annotations

import re
import unicodedata

from forms import definitions
from forms.normalize import normalize_arabic

# Arabic letter → consonant class. Long vowels and glides (ا و ي), hamza and ʿayn carry no
# consonant in most Latin spellings (Ali, Omar, Abdullah), so they vanish on both sides.
_ARABIC_CLASS = {
    "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "k", "د": "d", "ذ": "d",
    "ر": "r", "ز": "z", "س": "s", "ش": "X", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "ع": "", "غ": "G", "ف": "f", "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n",
    "ه": "h", "و": "", "ي": "", "ا": "", "ء": "", "پ": "b", "چ": "j", "ڤ": "f", "گ": "G",
}
# Latin digraphs first (order matters), then single letters, into the same classes. Class
# symbols that are not plain Latin letters (X for ش/sh, G for غ/gh) are upper case so the
# single-letter step cannot rewrite them.
_LATIN_DIGRAPHS = [
    ("sch", "X"), ("sh", "X"), ("ch", "X"), ("kh", "k"), ("gh", "G"), ("th", "t"), ("dh", "d"),
    ("dj", "j"), ("ph", "f"), ("ck", "k"), ("ou", ""), ("oo", ""), ("ee", ""),
]
_LATIN_CLASS = str.maketrans({
    "a": "", "e": "", "i": "", "o": "", "u": "", "y": "", "w": "", "'": "", "`": "",
    "c": "k", "q": "k", "g": "j", "v": "f", "p": "b", "x": "ks",
})
_ARTICLE_AR = re.compile(r"^(?:ال|أل)(?=\w{2,})")
_ARTICLE_LATIN = re.compile(r"^(?:al|el|ul|il)[-\s']?(?=[a-z]{2,})")
_ABD_LATIN = re.compile(r"^(abd|abdu|abdo)(?:[ -]?(?:al|el|ul|il|ol))?[- ]?")
_SPLIT = re.compile(r"[\s\-_.,;:/()]+")
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")


def is_arabic(text: str) -> bool:
    return bool(_ARABIC_LETTER.search(text))


def normalize_name_latin(text: str) -> str:
    """Lower case, no accents, no punctuation except word breaks."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().replace("ʿ", "'").replace("ʾ", "'").replace("’", "'")
    return " ".join(w for w in _SPLIT.split(text) if w)


def normalize_name_arabic(text: str) -> str:
    return " ".join(w for w in _SPLIT.split(normalize_arabic(text)) if w)


def _collapse(key: str) -> str:
    # Doubled consonants (shadda, "mm", "ss") and their absence are the same name. A final h is
    # ta marbuta or its Latin echo (فاطمة/Fatima, شحادة/Shehadeh): dropped on both sides.
    key = re.sub(r"(.)\1+", r"\1", key)
    return key[:-1] if len(key) > 1 and key.endswith("h") else key


def _word_key_arabic(word: str) -> str:
    word = _ARTICLE_AR.sub("", word)
    word = re.sub(r"^(عبد|ابو)ال", r"\1", word)
    return "".join(_ARABIC_CLASS.get(c, "") for c in word)


# Abbreviations written for a whole name: Mhd. is how Syrian lists shorten Mohammad (the forms'
# name key reads it so too); without this its key "mhd" would be a different short name.
_LATIN_ABBREVIATIONS = {"mhd": "muhammad", "mohd": "muhammad", "muhd": "muhammad", "mhmd": "muhammad"}


def _word_key_latin(word: str) -> str:
    word = _LATIN_ABBREVIATIONS.get(word, word)
    word = _ARTICLE_LATIN.sub("", word)
    word = _ABD_LATIN.sub("abd", word)
    for digraph, cls in _LATIN_DIGRAPHS:
        word = word.replace(digraph, cls if cls else "a")
    word = re.sub(r"[^a-zXG']", "", word)
    return word.translate(_LATIN_CLASS)


def _join_compounds(words: list[str], arabic: bool) -> list[str]:
    """عبد الله / Abd al-Rahman / Abu Bakr are one name, written as one or two words; so are family
    names made of one (العبد الله, al-Abdullah), which would otherwise split a name chain wrongly
    (يوسف علي العبد الله: family العبد الله, no grandfather)."""
    joined: list[str] = []
    prefixes = {"عبد", "ابو", "أبو", "العبد", "الابو"} if arabic else {"abd", "abdul", "abdel", "abu", "abo", "abou"}
    # Latin articles, with the sun-letter forms (ad-Dīn, ez-Zor, ash-Sham): dropped, as the
    # Arabic article is, unless they are the last word.
    articles = set() if arabic else {"al", "el", "ul", "il", "ad", "ed", "ar", "er", "as", "es", "ash",
                                     "esh", "at", "et", "az", "ez", "an", "en", "adh", "ath"}
    i = 0
    while i < len(words):
        w = words[i]
        if w in prefixes and i + 1 < len(words):
            j = i + 1
            if words[j] in articles and j + 1 < len(words):
                j += 1
            joined.append(w + words[j])
            i = j + 1
        elif w in articles and i + 1 < len(words):
            i += 1
        else:
            joined.append(w)
            i += 1
    return joined


# Words written before a name that are not part of it: how the person died or who they were
# (الشهيد, the martyr; الطفل, the child; المواطن, the citizen), honorifics and ranks (الحاج, الشيخ,
# الدكتور, Dr., Eng.). Syrian reports often write them into the name; left in, they shift the
# chain by one word (given "الشهيد", father "محمد", …). Dropped only at the start of a name and
# only while two words remain: a family name such as الشيخ or السيد comes last, never first.
_TITLES_AR = {normalize_name_arabic(t) for t in (
    "الشهيد", "الشهيدة", "الطفل", "الطفلة", "الرضيع", "الرضيعة", "الشاب", "الشابة", "الفتى", "الفتاة",
    "المواطن", "المواطنة", "المسن", "المسنة", "الحاج", "الحاجة", "الشيخ", "الشيخة", "السيد", "السيدة",
    "الدكتور", "الدكتورة", "د", "المهندس", "المهندسة", "الأستاذ", "الأستاذة", "المحامي", "المحامية",
    "المجند", "العسكري", "الملازم", "النقيب", "الرائد", "العقيد", "العميد", "اللواء")}
_TITLES_LATIN = {"martyr", "shaheed", "shahid", "child", "dr", "doctor", "eng", "engineer", "hajj", "haj", "hajji",
                 "hajjeh", "sheikh", "shaikh", "sheik", "mr", "mrs", "ms", "miss", "lt", "capt", "col", "gen"}


# What documenters type where a victim's name is not known: "مجهول الهوية" (identity unknown),
# "جثة مجهولة" (an unidentified body), "غير معروف", "Unknown", "unidentified man". A name made only
# of such words is no name: left in, two unidentified bodies of one town and month would be one
# person (given "مجهول", family "الهوية"), and statistics would count them as named.
_PLACEHOLDER_AR = {normalize_name_arabic(w) for w in (
    "مجهول", "مجهولة", "مجهولين", "مجهولو", "الهوية", "الاسم", "اسم", "اسمه", "اسمها", "بدون", "بلا", "غير",
    "معروف", "معروفة", "لم", "يعرف", "يتم", "التعرف", "عليه", "عليها", "جثة", "جثمان", "جثث", "طفل", "طفلة",
    "رضيع", "رضيعة", "امرأة", "رجل", "شاب", "شابة", "شخص", "مسن", "مسنة", "فتاة", "فتى", "مدني", "مدنية")}
_PLACEHOLDER_LATIN = {"unknown", "unidentified", "unnamed", "anonymous", "name", "not", "known", "no", "without",
                      "body", "man", "woman", "child", "boy", "girl", "baby", "infant", "person", "civilian",
                      "male", "female", "n", "a", "na", "none", "nn", "x", "xx", "xxx", "identity", "of"}
# An aside in brackets is not part of the chain: a nickname or kunya ("(أبو علي)"), a note ("(مجهول)").
_ASIDE = re.compile(r"[(\[{«﴿][^)\]}»﴾]*[)\]}»﴾]")


# "son of" written between the names of a chain (محمد بن أحمد, Mohammad bin Ahmad): not a name.
_SON_OF = {"بن", "ابن", "bin", "ibn", "ben"}


def _without_titles(words: list[str], arabic: bool) -> list[str]:
    """`words` without the titles before the name and "son of" between its names."""
    titles = _TITLES_AR if arabic else _TITLES_LATIN
    start = 0
    while len(words) - start > 2 and words[start] in titles:
        start += 1
    words = words[start:]
    return [w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and w in _SON_OF)]


def name_words(text: str | None) -> list[str]:
    """The words of a name in its own script, compounds joined, leading titles, "son of" and
    bracketed asides dropped (for splitting into parts); none for a placeholder ("مجهول الهوية",
    "Unknown")."""
    if not text or not isinstance(text, str):
        return []
    text = _ASIDE.sub(" ", text)
    arabic = is_arabic(text)
    norm = normalize_name_arabic(text) if arabic else normalize_name_latin(text)
    words = norm.split()
    if all(w in (_PLACEHOLDER_AR if arabic else _PLACEHOLDER_LATIN) for w in words):
        return []  # no name at all, or only words that say it is not known
    return _join_compounds(_without_titles(words, arabic), arabic)


def _word_key(word: str) -> str:
    """The key of one word of `name_words` (its letters folded already)."""
    if is_arabic(word):
        key = _word_key_arabic(word)
    else:
        key = _word_key_latin(normalize_name_latin(word).replace(" ", ""))
    return _collapse(key)


def name_key(text: str | None) -> str | None:
    """One comparable key for a whole name or name part, whatever the script; None if empty."""
    keys = [k for k in (_word_key(w) for w in name_words(text)) if k]
    return " ".join(keys) if keys else None


def name_spelling(text: str | None, latin: bool = True) -> str | None:
    """A name as written, in its own script, letter forms and case folded and compounds joined
    (عبد الله → عبدالله): what a slip of the pen changes by one letter. Two spellings in different
    scripts never compare as close. With `latin` False, only an Arabic spelling is kept: Arabic
    writes every consonant, while a Latin spelling one letter from another can be another name
    (Hadi/Hamdi, Rami/Ramzi)."""
    words = name_words(text)
    if not words or not (latin or is_arabic(text)):
        return None
    return "".join(words)


# The chain, in order, as the forms define the name parts; the mother's name is not in the chain.
NAME_PARTS = tuple(part for part in definitions.NAME_PARTS if part != "mother")


def split_name_chain(name: str | None) -> dict[str, str]:
    """Syrian name chains by position: given, father, grandfather, family.

    Four or more words: the first three are given/father/grandfather and the last is the family;
    three: given, father, family; two: given, family.
    """
    # Hamza on ya (ثائر) is a glottal stop, not a long ī: kept apart before the letters are
    # folded (ئ → ي), so the part's long-vowel hint reads as the whole name's does.
    words = name_words(name.replace("ئ", "ء") if name else name)
    if len(words) >= 4:
        return dict(zip(NAME_PARTS, [words[0], words[1], words[2], words[-1]], strict=True))
    if len(words) == 3:
        return {"given": words[0], "father": words[1], "family": words[2]}
    if len(words) == 2:
        return {"given": words[0], "family": words[1]}
    if len(words) == 1:
        return {"given": words[0]}
    return {}


def part_keys(parts: dict[str, str], whole_names: list[str | None]) -> dict[str, str | None]:
    """One person's name as linkage compares it: the key of each part (given, father, grandfather,
    family, mother) and the long-vowel hints of the given and father's names. The parts as written
    win; each whole name, split into its chain (either script), fills what is missing."""
    chains = [split_name_chain(name) for name in whole_names]
    keys: dict[str, str | None] = {}
    for part in definitions.NAME_PARTS:
        value = parts.get(part)
        if value is None:
            value = next((c[part] for c in chains if part in c), None)
        keys[part] = name_key(value) if value else None
        if part in ("given", "father"):
            keys[part + "_hint"] = name_hint(value)
        if part in ("given", "father", "grandfather", "family"):
            # Brothers' given names differ: a Latin one-letter difference there may be one.
            keys[part + "_spelling"] = name_spelling(value, latin=part != "given")
    return keys


_LATIN_LONG_I = re.compile(r"y|ee|ei|ai|ie")

# Common names that share a consonant key but are different names, often given to brothers
# (محمد/محمود, حسن/حسين, أحمد/حمد/حامد, عمر/عامر/عمار). Spellings → one name. Used only to tell
# such names apart, never to make two names the same.
_HOMOGRAPHS = {
    "muhammad": ("محمد", "mohammad", "muhammad", "mohamed", "mohammed", "mohamad", "muhamad", "mhd"),
    "mahmud": ("محمود", "mahmoud", "mahmud", "mahmood"),
    "hasan": ("حسن", "hassan", "hasan"),
    "husayn": ("حسين", "hussein", "husayn", "hussain", "husein", "hussien", "husain"),
    "samir": ("سمير", "samir", "sameer"),
    # سامر is Sāmir: many write it Samir or Sameer too, so those Latin spellings cannot tell
    # سمير from سامر (listed under both: the hint is then unknown, never a difference).
    "samer": ("سامر", "samer", "samir", "sameer"),
    "ahmad": ("احمد", "ahmad", "ahmed"),
    "hamad": ("حمد", "hamad"),
    "hamid": ("حامد", "hamid", "hamed"),
    "umar": ("عمر", "omar", "umar"),
    "amir": ("عامر", "amer", "aamer"),
    "ammar": ("عمار", "ammar"),
}
_HOMOGRAPH_BY_SPELLING: dict[str, set[str]] = {}
for _name, _spellings in _HOMOGRAPHS.items():
    for _spelling in _spellings:
        _HOMOGRAPH_BY_SPELLING.setdefault(_spelling, set()).add(_name)


def name_hint(text: str | None) -> str | None:
    """What the consonant key forgets about a name, where the spelling tells.

    "L:<name>" for the listed homographs; else "y"/"n": whether there is a long ī/ay inside the
    name (حسين/Hussein vs حسن/Hassan for names not listed); None when the spelling cannot tell
    (a Latin plain i is either; a Latin spelling listed for two names: Sameer, سمير or سامر).
    Used only to keep such pairs out of automatic links.
    """
    # Hamza on ya (ثائر, Tha'er) is a glottal stop, not a long ī: keep it apart before folding.
    words = name_words(text.replace("ئ", "ء") if text else text)
    if not words:
        return None
    word = max(words, key=len)
    spelled = word  # folded already by name_words
    if spelled in _HOMOGRAPH_BY_SPELLING:
        names = _HOMOGRAPH_BY_SPELLING[spelled]
        # A spelling of two listed names (Sameer: سمير or سامر) cannot tell: no hint at all.
        return "L:" + next(iter(names)) if len(names) == 1 else None
    if is_arabic(word):
        if "ء" in word[1:-1]:  # ئ inside a word is often read ī (عائشة, Aisha): cannot tell
            return None
        return "y" if "ي" in word[1:-1] else "n"
    if _LATIN_LONG_I.search(word[1:-1]):
        return "y"
    return None if "i" in word else "n"
