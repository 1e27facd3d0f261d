"""Deterministic benchmark data: cases with victims, perpetrators, sources and attachments.

Case `i` of seed `s` is the same at every scale (each case has its own `random.Random`), so the
1,000-case set is a prefix of the 100,000-case set and growth tables compare like with like.
Names come in Arabic and Latin, with the spelling variants (hamza, ta marbuta, al-/el-) that
search and linkage must cope with. Nothing here is real: the names are common given and family
names combined at random.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

SEED = 20_240_601

# (Arabic, Latin) pairs; the Latin side carries transliteration variants on purpose.
GIVEN = [
    ("محمد", "Mohammad"),
    ("مُحَمَّد", "Muhammad"),
    ("أحمد", "Ahmad"),
    ("احمد", "Ahmed"),
    ("علي", "Ali"),
    ("عمر", "Omar"),
    ("خالد", "Khaled"),
    ("حسن", "Hasan"),
    ("حسين", "Hussein"),
    ("يوسف", "Yousef"),
    ("إبراهيم", "Ibrahim"),
    ("مصطفى", "Mustafa"),
    ("عبد الله", "Abdullah"),
    ("عبدالرحمن", "Abdulrahman"),
    ("سامر", "Samer"),
    ("وائل", "Wael"),
    ("باسل", "Basel"),
    ("فاطمة", "Fatima"),
    ("فاطمه", "Fatma"),
    ("عائشة", "Aisha"),
    ("مريم", "Maryam"),
    ("زينب", "Zainab"),
    ("رنا", "Rana"),
    ("هبة", "Hiba"),
    ("نور", "Nour"),
    ("سلمى", "Salma"),
    ("ليلى", "Layla"),
    ("رهف", "Rahaf"),
    ("آمنة", "Amina"),
    ("جمال", "Jamal"),
]
FAMILY = [
    ("الأحمد", "al-Ahmad"),
    ("الاحمد", "el-Ahmad"),
    ("الحسن", "al-Hasan"),
    ("العلي", "al-Ali"),
    ("الخطيب", "al-Khatib"),
    ("الحمصي", "al-Homsi"),
    ("الحلبي", "al-Halabi"),
    ("الشامي", "al-Shami"),
    ("المصري", "al-Masri"),
    ("الزعبي", "al-Zoubi"),
    ("النجار", "al-Najjar"),
    ("الحداد", "al-Haddad"),
    ("العبدالله", "al-Abdullah"),
    ("الجاسم", "al-Jasem"),
    ("السيد", "al-Sayed"),
    ("القاسم", "al-Qasem"),
    ("الدرويش", "Darwish"),
    ("حمود", "Hammoud"),
    ("عثمان", "Othman"),
    ("سليمان", "Sulaiman"),
    ("الكردي", "al-Kurdi"),
    ("الحريري", "al-Hariri"),
    ("المحمد", "al-Mohammad"),
    ("البكور", "al-Bakour"),
]
# (governorate, districts/places) in Arabic, with the Latin name for the summary column.
GOVERNORATES = [
    ("Aleppo", "حلب", ["منبج", "الباب", "عفرين", "إعزاز"]),
    ("Idlib", "إدلب", ["معرة النعمان", "أريحا", "سراقب", "جسر الشغور"]),
    ("Homs", "حمص", ["تلكلخ", "القصير", "الرستن", "تدمر"]),
    ("Hama", "حماة", ["السلمية", "محردة", "صوران", "كفرزيتا"]),
    ("Damascus", "دمشق", ["المزة", "كفرسوسة", "برزة", "القابون"]),
    ("Rif Dimashq", "ريف دمشق", ["دوما", "داريا", "الزبداني", "التل"]),
    ("Daraa", "درعا", ["بصرى الشام", "نوى", "طفس", "الصنمين"]),
    ("Deir ez-Zor", "دير الزور", ["الميادين", "البوكمال", "هجين", "الشحيل"]),
    ("Raqqa", "الرقة", ["الطبقة", "تل أبيض", "المنصورة", "الكرامة"]),
    ("Hasakah", "الحسكة", ["القامشلي", "رأس العين", "الشدادي", "عامودا"]),
    ("Latakia", "اللاذقية", ["جبلة", "الحفة", "القرداحة", "كسب"]),
    ("Tartus", "طرطوس", ["بانياس", "صافيتا", "الدريكيش", "الشيخ بدر"]),
    ("Quneitra", "القنيطرة", ["خان أرنبة", "جباتا الخشب", "البعث", "مسحرة"]),
    ("As-Suwayda", "السويداء", ["شهبا", "صلخد", "القريا", "عرى"]),
]
ACTS = [
    "abduction",
    "killing",
    "enforced_disappearance",
    "torture",
    "arbitrary_detention",
    "attempted_abduction",
    "injury",
    "threat",
    "arson",
    "looting",
]
FATES = ["killed", "found_dead", "missing", "released", "detained"]
FORMS = ["kidnapping", "killing", "disappearance", "attack_on_home"]  # forms/ definitions
GROUPS = ["unknown_gunmen", "general_security", "local_armed_group", "national_defence_forces", "criminal_gang"]
SOURCE_KINDS = ["victim", "eyewitness", "relative", "monitor_report", "social_media", "hospital_official"]
VERIFICATION = ["unverified", "corroborated", "verified", "disputed"]
VEHICLES = ["سيارة بيك أب بيضاء", "white pickup", "سيارة فان سوداء", "black van", "دراجة نارية", "motorbike"]
NARRATIVE_AR = [
    "اختُطِفَ {name} من {place} على يد مسلحين مجهولين عند الحاجز، ولم تُعرف أخباره منذ ذلك الحين.",
    "قالت عائلة {name} إنه اقتيد من منزله في {place} ليلاً واقتيد إلى جهة مجهولة.",
    "عُثر على جثة {name} قرب مشفى {place} بعد ثلاثة أيام من اختفائه.",
    "أفاد شاهد عيان بأن {name} أُوقف في {place} وتعرض للضرب قبل نقله.",
]
NARRATIVE_EN = [
    "{name} was taken at a checkpoint near {place} by armed men in a {vehicle}.",
    "Relatives of {name} report a ransom demand after the abduction in {place}.",
    "The body of {name} was found near the hospital in {place}; the family identified it.",
    "A monitor's report says {name} was detained in {place} and has not been seen since.",
]


def _victim(rng: random.Random) -> dict:
    given_ar, given_lat = rng.choice(GIVEN)
    father_ar, father_lat = rng.choice(GIVEN[:17])
    family_ar, family_lat = rng.choice(FAMILY)
    mother_ar, mother_lat = rng.choice(GIVEN[17:])
    return {
        "name_ar": f"{given_ar} {father_ar} {family_ar}",
        "name_latin": f"{given_lat} {father_lat} {family_lat}",
        "name_parts": {
            "given": given_ar,
            "father": father_ar,
            "family": family_ar,
            "mother": mother_ar,
            "given_latin": given_lat,
            "family_latin": family_lat,
            "mother_latin": mother_lat,
        },
        "sex": rng.choice(["male", "female"]),
        "age": rng.randint(8, 75),
        "occupation": rng.choice(["طالب", "مزارع", "سائق", "teacher", "nurse", "shopkeeper"]),
        "act": rng.choice(ACTS),
        "fate": rng.choice(FATES),
    }


def _perpetrator(rng: random.Random) -> dict:
    return {
        "description": rng.choice(
            ["مسلحون ملثمون", "masked gunmen", "عناصر بلباس عسكري", "men in plain clothes"]
        ),
        "number": rng.randint(1, 12),
        "vehicle_description": rng.choice(VEHICLES),
        "plates": f"{rng.randint(100000, 999999)}",
        "group": rng.choice(GROUPS),
        "attribution_confidence": rng.choice(["maybe", "likely", "certain"]),
    }


def _pseudonym(n: int) -> str:
    """The n-th of a fixed pool of witness pseudonyms, shaped like real ones (W-7KQ3-M9XD)."""
    alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    chars = "".join(alphabet[(n * 7919 + i * 104729) % 32] for i in range(8))
    return f"W-{chars[:4]}-{chars[4:]}"


def _source(rng: random.Random, day: str) -> dict:
    return {
        "type": rng.choice(SOURCE_KINDS),
        "witness": _pseudonym(rng.randint(1, 400)),
        "date": day,
        "reliability": rng.choice("ABCDEF"),
        "credibility": str(rng.randint(1, 6)),
        "verification": rng.choice(VERIFICATION),
    }


def case(i: int, seed: int = SEED) -> dict:
    """The i-th case of this seed: a JSON body in the shape of DESIGN.md section 3."""
    rng = random.Random(f"{seed}:{i}")
    gov_latin, gov_ar, places = rng.choice(GOVERNORATES)
    place = rng.choice(places)
    victims = [_victim(rng) for _ in range(rng.choice((1, 1, 1, 2, 3)))]
    year, month, dom = rng.randint(2011, 2025), rng.randint(1, 12), rng.randint(1, 28)
    day = f"{year:04d}-{month:02d}-{dom:02d}"
    first = victims[0]
    narrative = " ".join(
        [
            rng.choice(NARRATIVE_AR).format(name=first["name_ar"], place=place),
            rng.choice(NARRATIVE_EN).format(
                name=first["name_latin"], place=gov_latin, vehicle=rng.choice(VEHICLES)
            ),
        ]
    )
    body = {
        "form": rng.choice(FORMS),
        "form_version": 1,
        "title": f"{first['name_ar']} — {place}",
        "narrative": narrative,
        "date": {"start": day, "precision": rng.choice(["day", "day", "month", "approximate"])},
        "location": {
            "governorate": gov_latin,  # a name: intake resolves it to the gazetteer code
            "text": f"{place}، {gov_ar}",
        },
        "victims": victims,
        "perpetrators": [_perpetrator(rng) for _ in range(rng.choice((1, 1, 2)))],
        "sources": [_source(rng, day) for _ in range(rng.choice((1, 2, 3)))],
    }
    if body["form"] == "attack_on_home":
        body["property_damage"] = rng.sample(["arson", "looting", "shooting"], rng.randint(1, 2))
    if i % ATTACHMENT_EVERY == 0:
        body["attachments"] = [
            {"attachment": f"bench-{i}", "media_type": "image/jpeg", "size": attachment_size(i)}
        ]
    return body


def cases(n: int, start: int = 0, seed: int = SEED) -> Iterator[dict]:
    for i in range(start, start + n):
        yield case(i, seed)


# One case in this many carries an attachment (a photo-sized blob).
ATTACHMENT_EVERY = 50


def attachment_size(i: int) -> int:
    return 24_000 + (i * 7919) % 40_000


def attachment_bytes(i: int, size: int | None = None) -> bytes:
    """Deterministic incompressible bytes (a JPEG header, then noise) for attachment `i`."""
    size = attachment_size(i) if size is None else size
    return (b"\xff\xd8\xff\xe0" + random.Random(i).randbytes(max(0, size - 4)))[:size]


def search_terms(n: int, seed: int = SEED) -> list[str]:
    """Queries a documenter would type: names (Arabic with and without tashkeel, Latin), places,
    two-word phrases and prefixes, drawn from the same vocabulary as the cases."""
    rng = random.Random(f"{seed}:queries")
    pool: list[str] = []
    for ar, lat in GIVEN + FAMILY:
        pool += [ar, lat]
    for _, gov_ar, places in GOVERNORATES:
        pool += [gov_ar, *places]
    pool += ["اختطف", "اختُطِفَ", "جثة", "checkpoint", "ransom", "hospital", "pickup", "مسلحين"]
    terms = []
    for _ in range(n):
        kind = rng.random()
        if kind < 0.6:
            terms.append(rng.choice(pool))
        elif kind < 0.85:
            terms.append(f"{rng.choice(GIVEN)[rng.randint(0, 1)]} {rng.choice(FAMILY)[rng.randint(0, 1)]}")
        else:
            word = rng.choice(pool).split()[0]
            terms.append(word[: max(2, len(word) - 2)])  # a prefix, as typed so far
    return terms
