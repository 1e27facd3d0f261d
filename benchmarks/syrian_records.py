"""A labelled generator of realistic Syrian victim records, for measuring linkage quality.

Each true person gets a name chain (given, father, grandfather, family, mother), sex, birth year,
an incident (date, governorate) and is recorded by one to three documenters. Each recording may
be in Arabic script or in one of several Latin transliterations, drop the grandfather, give an
age instead of a birth date, give only the month or year of the incident, shift the date by a
few days, leave the governorate out or misspell a name. Families are generated together: brothers
and sisters share father, grandfather and family names (and sometimes an incident); cousins
share grandfather and family, and are often named after the grandfather — so two different
people can both be محمد أحمد … الحسن apart from one word. Given names follow a steep frequency
curve (محمد is about one man in six), as in Syrian casualty lists.

Issue 17 added what made the review queue noisy: relatives recorded in one case (two victims of
one case are two people), siblings recorded by two documenters, namesakes killed in one
governorate a few days apart, short given names (وسيم, نعيم, عمار) and Latin spellings shared by
two Arabic names (Sameer: سمير or سامر).

`generate(n_people, seed)` returns (case bodies, truth) where truth maps each case's victim
reference "<case id>/#<index>" to a person id. Deterministic for a seed.
"""

from __future__ import annotations

import random
import uuid

# (Arabic, Latin variants...) — the first Latin spelling is the most common one.
MALE = [
    ("محمد", "Mohammad", "Muhammad", "Mohamed", "Mohammed", "Mhd"), ("أحمد", "Ahmad", "Ahmed"),
    ("علي", "Ali", "Aly"), ("حسن", "Hassan", "Hasan"), ("حسين", "Hussein", "Husayn", "Hussain"),
    ("خالد", "Khaled", "Khalid"), ("عمر", "Omar", "Umar"), ("محمود", "Mahmoud", "Mahmud"),
    ("مصطفى", "Mustafa", "Moustafa", "Mostafa"), ("إبراهيم", "Ibrahim", "Ebrahim"),
    ("يوسف", "Youssef", "Yusuf", "Yousef"), ("عبد الله", "Abdullah", "Abdallah", "Abd Allah"),
    ("عبد الرحمن", "Abdulrahman", "Abd al-Rahman", "Abdurrahman"), ("خليل", "Khalil", "Khaleel"),
    ("سامر", "Samer", "Sammer", "Sameer"), ("ياسر", "Yasser", "Yasir"), ("عماد", "Imad", "Emad"),
    ("فراس", "Firas", "Feras"), ("باسل", "Basel", "Basil"), ("وليد", "Walid", "Waleed"),
    ("رامي", "Rami", "Ramy"), ("ماهر", "Maher", "Mahir"), ("جمال", "Jamal", "Gamal"),
    ("زياد", "Ziad", "Ziyad"), ("طارق", "Tarek", "Tariq"), ("نبيل", "Nabil", "Nabeel"),
    ("سليمان", "Suleiman", "Sulayman", "Soliman"), ("عثمان", "Othman", "Uthman"),
    ("قاسم", "Qasim", "Kassem", "Qassem"), ("غسان", "Ghassan", "Ghasan"), ("منير", "Mounir", "Munir"),
    ("شادي", "Shadi", "Chadi"), ("بشير", "Bashir", "Basheer"), ("صالح", "Saleh", "Salih"),
    ("حمزة", "Hamza", "Hamzeh"), ("أنس", "Anas", "Anass"), ("معاذ", "Muath", "Moaz", "Muadh"),
    ("عبد الكريم", "Abdulkarim", "Abd al-Karim"), ("فادي", "Fadi", "Fady"), ("هيثم", "Haitham", "Haytham"),
    ("أيمن", "Ayman", "Aiman"), ("مازن", "Mazen", "Mazin"), ("نزار", "Nizar", "Nezar"),
    ("جهاد", "Jihad", "Jehad"), ("رياض", "Riad", "Riyad"), ("كمال", "Kamal", "Kemal"),
    ("ثائر", "Thaer", "Tha'er"), ("مهند", "Muhannad", "Mohannad"), ("بلال", "Bilal", "Belal"),
    ("عدنان", "Adnan", "Adnane"), ("فيصل", "Faisal", "Faysal"), ("جميل", "Jamil", "Jameel"),
    # Short given names (consonant keys of one to three letters: وسيم → sm, نعيم → nm, عمار → mr)
    # and Latin spellings shared by two Arabic names (Samir/Sameer: سمير or سامر).
    ("وسيم", "Wassim", "Wasim"), ("نعيم", "Naim", "Naeem"), ("سمير", "Samir", "Sameer"),
    ("عمار", "Ammar", "Amar"), ("أمين", "Amin", "Ameen"), ("أيهم", "Ayham", "Aiham"),
    ("وائل", "Wael", "Wa'il"), ("هاني", "Hani", "Hany"), ("علاء", "Alaa", "Ala"),
]
FEMALE = [
    ("فاطمة", "Fatima", "Fatma", "Fatmeh"), ("عائشة", "Aisha", "Ayesha", "Aysha"),
    ("مريم", "Maryam", "Mariam"), ("زينب", "Zeinab", "Zaynab"), ("خديجة", "Khadija", "Khadijeh"),
    ("آمنة", "Amina", "Amneh"), ("هدى", "Huda", "Houda"), ("سعاد", "Suad", "Souad"),
    ("نور", "Nour", "Noor"), ("رشا", "Rasha", "Racha"), ("لينا", "Lina", "Leena"),
    ("سمر", "Samar", "Samara"), ("ريم", "Reem", "Rim"), ("هبة", "Hiba", "Heba"),
    ("رنا", "Rana", "Rena"), ("سلمى", "Salma", "Selma"), ("ديما", "Dima", "Deema"),
    ("منى", "Mona", "Muna"), ("وفاء", "Wafaa", "Wafa"), ("أسماء", "Asmaa", "Asma"),
]
FAMILY = [
    ("الحسن", "al-Hassan", "Al Hasan", "Alhassan"), ("الأحمد", "al-Ahmad", "Al Ahmed"),
    ("الخطيب", "al-Khatib", "Alkhateeb", "El Khatib"), ("المصري", "al-Masri", "Al Masry"),
    ("الحلبي", "al-Halabi", "Halaby"), ("الشامي", "al-Shami", "Chami"), ("العلي", "al-Ali", "Al Aly"),
    ("الحمصي", "al-Homsi", "Homsy"), ("السيد", "al-Sayed", "Al Sayyed"), ("الزعبي", "al-Zoubi", "Zubi", "Al Zuobi"),
    ("الحريري", "al-Hariri", "Hariry"), ("المحمد", "al-Mohammad", "Al Muhammad"), ("الخليل", "al-Khalil", "Khaleel"),
    ("العمر", "al-Omar", "Al Umar"), ("الحمود", "al-Hamoud", "Hammoud"), ("الجاسم", "al-Jassem", "Jasim"),
    ("الدرويش", "al-Darwish", "Darwiche"), ("النجار", "al-Najjar", "Najar"), ("الحداد", "al-Haddad", "Hadad"),
    ("العبد الله", "al-Abdullah", "Al Abdallah"), ("قباني", "Kabbani", "Qabbani"), ("طلاس", "Tlass", "Tlas"),
    ("الأسعد", "al-Asaad", "Al Asad"), ("عيسى", "Issa", "Eissa"), ("حمدان", "Hamdan", "Hamdane"),
    ("الشيخ", "al-Sheikh", "Alsheikh", "Cheikh"), ("البكري", "al-Bakri", "Bakry"), ("الرفاعي", "al-Rifai", "Refai"),
    ("سليمان", "Suleiman", "Soliman"), ("خضر", "Khodr", "Khader"), ("الموسى", "al-Mousa", "Al Musa"),
    ("الحسين", "al-Hussein", "Al Husayn"), ("العيسى", "al-Issa", "Al Eissa"), ("الصالح", "al-Saleh", "Al Salih"),
    ("البيطار", "al-Bitar", "Bitar"), ("الحكيم", "al-Hakim", "Hakeem"), ("القاسم", "al-Qasim", "Al Kassem"),
    ("الدباغ", "al-Dabbagh", "Dabagh"), ("الكردي", "al-Kurdi", "Kurdy"), ("التركماني", "al-Turkmani", "Torkmani"),
    ("عثمان", "Othman", "Osman"), ("الفارس", "al-Fares", "Al Faris"), ("اليوسف", "al-Youssef", "Al Yusuf"),
    ("الخالد", "al-Khaled", "Al Khalid"), ("الحاج", "al-Hajj", "Hajj"), ("الشهابي", "al-Shihabi", "Chehabi"),
    ("العثمان", "al-Othman", "Al Uthman"), ("المصطفى", "al-Mustafa", "Al Moustafa"),
    ("الزين", "al-Zein", "Zayn"), ("الحمادي", "al-Hammadi", "Hamadi"), ("السعيد", "al-Saeed", "Said"),
    ("الخوري", "Khoury", "al-Khouri"), ("حداد", "Haddad", "Hadad"), ("نصر", "Nasr", "Nassr"),
    ("عباس", "Abbas", "Abas"), ("الأتاسي", "al-Atassi", "Atasi"), ("الجندي", "al-Jundi", "Jindi"),
    ("الملا", "al-Mulla", "Mulla"), ("البرازي", "al-Barazi", "Barazy"), ("الطويل", "al-Tawil", "Taweel"),
]
GOVERNORATES = [
    ("حلب", "Aleppo"), ("دمشق", "Damascus"), ("ريف دمشق", "Rif Dimashq"), ("حمص", "Homs"),
    ("حماة", "Hama"), ("اللاذقية", "Latakia"), ("طرطوس", "Tartus"), ("إدلب", "Idlib"),
    ("الرقة", "Raqqa"), ("دير الزور", "Deir ez-Zor"), ("الحسكة", "Hasakah"), ("درعا", "Daraa"),
    ("السويداء", "Sweida"), ("القنيطرة", "Quneitra"),
]
ACTS = ["killing", "abduction", "enforced_disappearance", "arbitrary_detention"]
FATES = {"killing": "killed", "abduction": "missing", "enforced_disappearance": "missing",
         "arbitrary_detention": "detained"}


# Family names formed from a given name (آل/al- + name), as many Syrian families' are: the
# family-name space is then a few hundred names, long-tailed.
FAMILY = FAMILY + [("ال" + m[0].replace("عبد ", "عبد"), "al-" + m[1], "Al " + m[-1]) for m in MALE
                   if "ال" + m[0] not in {f[0] for f in FAMILY}]
# Families named after their town (nisba), written in Latin as people write them (al-Halabi, not
# "al-Aleppoi": the Latin name of the town is not the family's).
_NISBA = [("الحلبي", "al-Halabi", "Halaby"), ("الدمشقي", "al-Dimashqi", "Dimashki"), ("الحمصي", "al-Homsi", "Homsy"),
          ("الحموي", "al-Hamawi", "Hamwi"), ("اللاذقاني", "al-Ladhiqani", "Lathkani"),
          ("الطرطوسي", "al-Tartousi", "Tartusi"), ("الإدلبي", "al-Idlibi", "Edlibi"),
          ("الرقاوي", "al-Raqqawi", "Rakkawi"), ("الزوري", "al-Zouri", "Zori"), ("الحسكاوي", "al-Hasakawi", "Hasakawi"),
          ("الدرعاوي", "al-Daraawi", "Daraawi"), ("السويداوي", "al-Suwaydawi", "Sweidawi"),
          ("القنيطري", "al-Qunaitiri", "Kneitri")]
FAMILY += [f for f in _NISBA if f[0] not in {g[0] for g in FAMILY}]


def _zipf_pick(rng: random.Random, items: list, s: float = 0.9, exclude=()):
    pool = [x for x in items if x not in exclude]
    weights = [1 / (i + 1) ** s for i in range(len(pool))]
    return rng.choices(pool, weights=weights)[0]


def _typo(rng: random.Random, word: str) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    op = rng.choice(("drop", "swap", "double"))
    if op == "drop":
        return word[:i] + word[i + 1:]
    if op == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word[:i] + word[i] + word[i:]


class _Person:
    def __init__(self, pid, household, sex, given, father, grandfather, family, mother, birth_year, clan=0):
        self.pid, self.household, self.sex, self.clan = pid, household, sex, clan
        self.given, self.father, self.grandfather, self.family = given, father, grandfather, family
        self.mother, self.birth_year = mother, birth_year


def _families(rng: random.Random, n_people: int) -> list[_Person]:
    people: list[_Person] = []
    households = 0
    clans = 0
    while len(people) < n_people:
        clans += 1
        family = _zipf_pick(rng, FAMILY, 0.6)
        grandfather = _zipf_pick(rng, MALE)
        # One to three brothers (the fathers), each with children; one child is often named
        # after the grandfather, so cousins share given, grandfather and family names.
        # Brothers never share a given name, nor do the children of one father.
        fathers: list = []
        for _ in range(rng.choice((1, 1, 2, 3))):
            father = _zipf_pick(rng, MALE, exclude=fathers + [grandfather])
            fathers.append(father)
            mother = _zipf_pick(rng, FEMALE)
            base_year = rng.randint(1950, 2005)
            children: list = []
            households += 1
            for k in range(rng.choice((1, 1, 1, 2, 2, 3))):
                sex = "male" if rng.random() < 0.82 else "female"
                if sex == "male" and k == 0 and rng.random() < 0.3:
                    given = grandfather
                else:
                    given = _zipf_pick(rng, MALE if sex == "male" else FEMALE, exclude=children + [father])
                children.append(given)
                people.append(_Person(len(people), households, sex, given, father, grandfather, family, mother,
                                      base_year + rng.randint(0, 12), clans))
                if len(people) >= n_people:
                    return people
    return people


def _render_name(rng: random.Random, person: _Person, arabic: bool, drop_grandfather: bool,
                 typo: bool) -> tuple[str, dict]:
    chain = [person.given, person.father] + ([] if drop_grandfather else [person.grandfather]) + [person.family]
    if arabic:
        words = [c[0] for c in chain]
    else:
        # A documenter mostly keeps one habit, but variants appear.
        words = [c[1] if rng.random() < 0.6 else rng.choice(c[1:]) for c in chain]
    if typo:
        i = rng.randrange(len(words))
        words[i] = _typo(rng, words[i])
    parts = {"given": words[0], "father": words[1], "family": words[-1]}
    if not drop_grandfather:
        parts["grandfather"] = words[2]
    return " ".join(words), parts


def _incident(rng: random.Random) -> tuple[str, str]:
    year = rng.randint(2011, 2022)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    return f"{year:04d}-{month:02d}-{day:02d}", rng.randrange(len(GOVERNORATES))


def _render_date(rng: random.Random, start: str) -> dict:
    r = rng.random()
    if r < 0.6:
        return {"start": start, "precision": "day"}
    if r < 0.75:
        y, m, d = (int(x) for x in start.split("-"))
        d = min(28, max(1, d + rng.choice((-2, -1, 1, 2))))
        return {"start": f"{y:04d}-{m:02d}-{d:02d}", "precision": "day"}
    if r < 0.9:
        return {"start": start[:7], "precision": "month"}
    if r < 0.95:
        return {"start": start[:4], "precision": "year"}
    return {"precision": "unknown"}


class Labels:
    """What the generator knows about each record, for telling kinds of error apart."""

    def __init__(self):
        self.person: dict[str, int] = {}     # victim reference → person id
        self.clan: dict[int, int] = {}       # person → extended family (cousins share one)
        self.incident: dict[int, int] = {}   # person → incident id
        self.namesake_of: dict[int, int] = {}  # person → the person whose name they carry
        self.case_incident: dict[str, int] = {}  # case id → incident id (every case, unnamed too)
        self.unnamed_incidents: set[int] = set()  # incidents whose victims nobody named

    def pair_class(self, left: str, right: str) -> str:
        """same person; else why two records of different people may look alike."""
        a, b = self.person[left], self.person[right]
        if a == b:
            return "same person"
        if left.split("/")[0] == right.split("/")[0]:
            return "same case"
        if self.clan.get(a) == self.clan.get(b):
            return "same family"
        if self.namesake_of.get(a) == b or self.namesake_of.get(b) == a:
            return "namesake, nearby days"
        if self.incident.get(a) == self.incident.get(b):
            return "same incident"
        return "different incident"


def _shifted(start: str, days: int) -> str:
    from datetime import date, timedelta

    return (date.fromisoformat(start) + timedelta(days=days)).isoformat()


def _namesakes(rng: random.Random, people: list[_Person], incidents: dict, share: float) -> dict[int, int]:
    """Different men who carry another victim's given, father's and family names (common names
    in one town), killed in the same governorate a few days apart; their grandfather's name is
    drawn as anyone's (so common ones coincide). The hardest pairs a documenter's list holds."""
    out = {}
    for original in rng.sample(people, int(len(people) * share)):
        if original.sex != "male":
            continue
        grandfather = _zipf_pick(rng, MALE)
        twin = _Person(len(people), -len(people), "male", original.given, original.father, grandfather,
                       original.family, _zipf_pick(rng, FEMALE), original.birth_year + rng.randint(-15, 15),
                       clan=-len(people))
        people.append(twin)
        start, gov = incidents[original.pid]
        incidents[twin.pid] = (_shifted(start, rng.choice((-6, -3, -2, -1, 1, 2, 3, 6))), gov)
        out[twin.pid] = original.pid
    return out


def _victim(rng: random.Random, person: _Person, arabic: bool, year: int) -> dict:
    name, parts = _render_name(rng, person, arabic, drop_grandfather=rng.random() < 0.2, typo=rng.random() < 0.1)
    victim: dict = {"sex": person.sex if rng.random() < 0.9 else None, "act": rng.choice(ACTS)}
    victim["fate"] = FATES[victim["act"]]
    victim["name_ar" if arabic else "name_latin"] = name
    if rng.random() < 0.5:
        victim["name_parts"] = parts
    if rng.random() < 0.3:
        mother = person.mother[0] if arabic else person.mother[1]
        victim.setdefault("name_parts", {})["mother"] = mother
    r = rng.random()
    if r < 0.35:
        victim["age"] = year - person.birth_year + rng.choice((0, 0, 0, -1, 1))
    elif r < 0.6:
        victim["birth_date"] = str(person.birth_year)
    return victim


# Perpetrator groups (vocabulary codes), most often named first; "unknown_gunmen" is a group too.
PERPETRATORS = ["former_government_forces", "unknown_gunmen", "isis", "hts", "sdf", "sna_factions",
                "national_defence_forces", "local_armed_group"]


def _incident_details(rng: random.Random, gov: int) -> dict:
    """What documenters say of an incident besides its victims: where below the governorate, who."""
    from forms import gazetteer

    code = gazetteer.resolve_place(GOVERNORATES[gov][1], level="governorate")
    districts = [p.code for p in gazetteer.gazetteer().children(code.code)] if code else []
    return {"district": rng.choice(districts) if districts else None,
            "perpetrator": _zipf_pick(rng, PERPETRATORS, 1.0), "act": rng.choice(ACTS)}


def _case_extras(rng: random.Random, details: dict) -> tuple[dict, list]:
    """How one documenter reports the incident's place and perpetrator: not always both."""
    location = {"district": details["district"]} if details["district"] and rng.random() < 0.6 else {}
    perpetrators = [{"group": details["perpetrator"]}] if rng.random() < 0.7 else []
    return location, perpetrators


def _unnamed_incidents(rng: random.Random, first: int, count: int, max_records: int, cases: list[dict],
                       labels: Labels | None) -> None:
    """Attacks whose victims nobody named (a shelling, bodies found): one to five victims each,
    reported by one to three documenters, each giving the date, governorate, perhaps the
    district and the perpetrator, the act, and how many victims (not always the same number)."""
    for number in range(first, first + count):
        start, gov = _incident(rng)
        details = _incident_details(rng, gov)
        size = rng.randint(1, 5)
        for _ in range(rng.choices(range(1, max_records + 1), weights=[50, 35, 15][:max_records])[0]):
            arabic = rng.random() < 0.5
            g_ar, g_lat = GOVERNORATES[gov]
            place, perpetrators = _case_extras(rng, details)
            seen = size if rng.random() < 0.8 else max(1, size + rng.choice((-1, 1)))
            case_id = str(uuid.UUID(int=rng.getrandbits(128)))
            cases.append({
                "id": case_id, "form": "killing" if details["act"] == "killing" else "kidnapping",
                "form_version": 1, "title": "", "date": _render_date(rng, start),
                "location": {"governorate": g_ar if arabic else g_lat} | place,
                "victims": [{"sex": rng.choice(("male", "male", "female", None)), "act": details["act"],
                             "fate": FATES[details["act"]]} for _ in range(seen)],
                "perpetrators": perpetrators,
            })
            if labels is not None:
                labels.case_incident[case_id] = number
                labels.unnamed_incidents.add(number)


def generate(n_people: int, seed: int = 7, max_records: int = 3, labels: Labels | None = None,
             namesakes: float = 0.03, together: float = 0.7,
             unnamed: float = 0.1) -> tuple[list[dict], dict[str, int]]:
    """Case bodies and the true person ids ("<case id>/#<index>" → person).

    Siblings are often victims of one incident (a house raid, a shelling); each documenter who
    heard of an incident records its victims, usually in one case (`together`), sometimes one
    case each, and does not always hear of every victim. `namesakes`: the share of people given
    a namesake killed nearby a few days apart. `labels`, when given, is filled with what tells
    the kinds of error apart (Labels.pair_class)."""
    rng = random.Random(seed)
    spellings = random.Random(seed * 7919 + 1)
    # Places, perpetrators and unnamed victims come from their own generator: the people and
    # their records stay those of the same seed.
    extras = random.Random(seed * 7919 + 2)
    people = _families(rng, n_people)
    incidents = {p.pid: _incident(rng) for p in people}
    for a, b in zip(people, people[1:], strict=False):
        if a.household == b.household and rng.random() < 0.5:
            incidents[b.pid] = incidents[a.pid]
    namesake_of = _namesakes(rng, people, incidents, namesakes)
    by_incident: dict[tuple, list[_Person]] = {}
    for person in people:
        by_incident.setdefault(incidents[person.pid], []).append(person)
    cases: list[dict] = []
    truth: dict[str, int] = {}
    for number, ((start, gov), victims) in enumerate(by_incident.items()):
        copies = rng.choices(range(1, max_records + 1), weights=[50, 35, 15][:max_records])[0]
        details = _incident_details(extras, gov)
        for _ in range(copies):
            arabic = rng.random() < 0.5
            heard = [p for p in victims if len(victims) == 1 or rng.random() < 0.9] or victims[:1]
            groups = [heard] if rng.random() < together else [[p] for p in heard]
            for group in groups:
                g_ar, g_lat = GOVERNORATES[gov]
                # Half the Latin records spell the governorate their own way (place_spelling); its
                # own generator, so the people and cases stay those of the same seed.
                if spellings.random() < 0.5:
                    g_lat = place_spelling(spellings, g_lat)
                location = {} if rng.random() < 0.08 else {"governorate": g_ar if arabic else g_lat}
                case_id = str(uuid.UUID(int=rng.getrandbits(128)))
                body_victims = [_victim(rng, p, arabic, int(start[:4])) for p in group]
                act = body_victims[0]["act"]
                place, perpetrators = _case_extras(extras, details)
                cases.append({
                    "id": case_id, "form": "killing" if act == "killing" else "kidnapping",
                    "form_version": 1, "title": "", "date": _render_date(rng, start),
                    "location": location | (place if location else {}), "victims": body_victims,
                    "perpetrators": perpetrators,
                })
                for index, p in enumerate(group):
                    truth[f"{case_id}/#{index}"] = p.pid
                if labels is not None:
                    labels.case_incident[case_id] = number
        if labels is not None:
            for p in victims:
                labels.incident[p.pid] = number
    _unnamed_incidents(extras, len(by_incident), int(len(by_incident) * unnamed), max_records, cases, labels)
    if labels is not None:
        labels.person.update(truth)
        labels.clan.update({p.pid: p.clan for p in people})
        labels.namesake_of.update(namesake_of)
    rng.shuffle(cases)
    return cases, truth


# ---- place spellings (issue 17 item 8) ---------------------------------------------------------
# How people write the Latin names of places: vowels doubled or written as digraphs (ee, ea, ei,
# oo, ou), the ta marbuta as -ah, -a or -eh, the article as Al-, El-, al- or nothing. Each rule
# is applied by chance to a gazetteer name; the spelling is then looked up as a documenter's
# would be.
_VOWEL_SPELLINGS = {"i": ("ee", "ea", "ei", "i"), "u": ("oo", "ou", "u"), "a": ("aa", "a"), "e": ("ee", "ei", "e")}
_ARTICLES = ("Al-", "El-", "al-", "Al ", "El ", "")
_ENDINGS = ("ah", "a", "eh")


def place_spelling(rng: random.Random, name: str) -> str:
    """One Latin spelling of `name` (a gazetteer's English name) as a documenter might write it."""
    words = name.split()
    out = []
    for word in words:
        head, sep, rest = word.partition("-")
        if sep and head.lower() in {"al", "el", "as", "ar", "ad", "at", "an", "az", "ash", "ez", "ed"} and rest:
            out.append(rng.choice(_ARTICLES) + _respell(rng, rest))
        elif word.lower() in {"al", "el"}:
            out.append(rng.choice(("al", "el", "Al", "El")))
        else:
            out.append(_respell(rng, word))
    return " ".join(out)


_ENGLISH = {"mount", "rural", "centre", "district", "countryside", "governorate", "city", "old"}


def _vowel(c: str) -> bool:
    return c.lower() in "aeiouy"


def _respell(rng: random.Random, word: str) -> str:
    if len(word) < 4 or word.lower() in _ENGLISH:
        return word
    letters = list(word)
    # a single vowel between consonants (a digraph is respelled as a whole by no rule here)
    inner = [i for i in range(1, len(letters) - 1) if letters[i].lower() in _VOWEL_SPELLINGS
             and not _vowel(letters[i - 1]) and not _vowel(letters[i + 1])]
    if inner and rng.random() < 0.6:
        i = rng.choice(inner)
        letters[i] = rng.choice(_VOWEL_SPELLINGS[letters[i].lower()])
    word = "".join(letters)
    low = word.lower()
    for ending in ("ah", "eh", "a"):
        if low.endswith(ending) and not _vowel(low[-len(ending) - 1]) and rng.random() < 0.7:
            return word[: len(word) - len(ending)] + rng.choice(_ENDINGS)
    return word
