"""The Fellegi–Sunter model (Splink on DuckDB, in memory) that scores pairs of victim records.

Settings are code here; the trained parameters (m and u probabilities, prior) live in
`victim_model.json` next to this file, made offline by `python -m app.services.analysis.linkage.train`
from the labelled Syrian generator (benchmarks/syrian_records.py). Nothing is downloaded or
trained when the application runs.

DuckDB runs in memory with no temporary directory: if a linkage does not fit in memory it fails
rather than spilling victims' names to disk in plaintext.
"""

from __future__ import annotations

import itertools
import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

if TYPE_CHECKING:
    import duckdb


MODEL_PATH = Path(__file__).with_name("victim_model.json")
# Splink logs progress at INFO; our logs must carry no names and no noise.
logging.getLogger("splink").setLevel(logging.WARNING)

NAME_COLUMNS = ("given_key", "father_key", "grandfather_key", "family_key")


def secure_duckdb(memory_limit: str = "2GB", threads: int | None = None) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB that cannot write temporary files, read files or load extensions."""
    # Imported here: DuckDB is the optional linkage extra (app/services/analysis/linkage_extra.py);
    # statistics and search import this package without running linkage.
    import duckdb

    config: dict[str, Any] = {
        "temp_directory": "",
        "max_temp_directory_size": "0KiB",
        "memory_limit": memory_limit,
        "autoinstall_known_extensions": False,
        "autoload_known_extensions": False,
    }
    if threads:
        config["threads"] = threads
    return duckdb.connect(":memory:", config=config)


# Consonant keys of common given names are one to three letters (أيمن → mn, منير → mnr, علي → l):
# Jaro–Winkler calls such keys of unrelated names "similar" (mn/mnr: 0.91). Keys shorter than
# this are compared exactly, both in the model's "similar" level and in the conflict check.
SHORT_KEY = 4


def _dental(column: str) -> str:
    # ذ ث ظ ض are written d, dh, z, th, s by different documenters (Muadh/Moaz/Muath, Othman/Osman):
    # for comparing names, those letters count as one.
    return f"translate({column}, 'tdzs', 'TTTT')"


def _long_enough(left: str, right: str) -> str:
    return f"least(length({left}), length({right})) >= {SHORT_KEY}"


def _name(col: str, label: str, tf: bool = True, similar: tuple[float, ...] = (0.88,),
          edits: bool = False, short_exact: bool = False, dental: bool = False,
          slip: str | None = None) -> dict:
    """Exact (adjusted for how common the name is), similar, different. Consonant keys are
    short, so an edit-distance level would call most pairs of names "close": only for raw
    spellings (`edits`); and short keys are similar only when equal (`short_exact`). With
    `dental`, keys equal once ذ ث ظ ض are one letter (Muadh/Moaz/Muath → md/mz/mt, Othman/Osman)
    are a level of their own just below exact. With `slip` (the column of the name as written),
    spellings one slip of the pen apart (one_slip) are a level of their own above "different":
    الحمصي typed الحمي, or Homsi typed Hmosi, changes the key (hms/hm) but not the family."""
    left, right = f'"{col}_l"', f'"{col}_r"'
    longer = f" AND {_long_enough(left, right)}" if short_exact else ""
    level_exact: dict[str, Any] = {
        "sql_condition": f'"{col}_l" = "{col}_r"',
        "label_for_charts": "exact",
    }
    if tf:
        level_exact["tf_adjustment_column"] = col
        level_exact["tf_adjustment_weight"] = 1.0
    return {
        "output_column_name": label,
        "comparison_levels": [
            {"sql_condition": f'"{col}_l" IS NULL OR "{col}_r" IS NULL', "is_null_level": True,
             "label_for_charts": "null"},
            level_exact,
            *([{"sql_condition": f"{_dental(left)} = {_dental(right)}",
                "label_for_charts": "same but for ذ ث ظ ض"}] if dental else []),
            *({"sql_condition": f'jaro_winkler_similarity("{col}_l", "{col}_r") >= {t}{longer}',
               "label_for_charts": f"similar {t}"} for t in similar),
            *([{"sql_condition": f'levenshtein("{col}_l", "{col}_r") <= 2',
                "label_for_charts": "two edits"}] if edits else []),
            *([{"sql_condition": one_slip(f'"{slip}_l"', f'"{slip}_r"'),
                "label_for_charts": "one slip of the pen"}] if slip else []),
            {"sql_condition": "ELSE", "label_for_charts": "different"},
        ],
    }


def _date(label: str = "incident_date", typed: str | None = None) -> dict:
    """Distance in days; with `typed`, a level for one mistyped character of the written date
    (a day and month swapped, a wrong digit) below an exact match."""
    diff = 'abs("date_days_l" - "date_days_r")'
    typo = ([{"sql_condition": f'damerau_levenshtein("{typed}_l", "{typed}_r") <= 1',
              "label_for_charts": "one character"}] if typed else [])
    return {
        "output_column_name": label,
        "comparison_levels": [
            {"sql_condition": '"date_days_l" IS NULL OR "date_days_r" IS NULL', "is_null_level": True,
             "label_for_charts": "null"},
            {"sql_condition": f"{diff} <= 1", "label_for_charts": "same day"},
            *typo,
            {"sql_condition": f"{diff} <= 31", "label_for_charts": "within a month"},
            {"sql_condition": f"{diff} <= 190", "label_for_charts": "within half a year"},
            {"sql_condition": f"{diff} <= 800", "label_for_charts": "within two years"},
            {"sql_condition": "ELSE", "label_for_charts": "further apart"},
        ],
    }


def _birth_year() -> dict:
    diff = 'abs("birth_year_l" - "birth_year_r")'
    return {
        "output_column_name": "birth_year",
        "comparison_levels": [
            {"sql_condition": '"birth_year_l" IS NULL OR "birth_year_r" IS NULL', "is_null_level": True,
             "label_for_charts": "null"},
            {"sql_condition": f"{diff} = 0", "label_for_charts": "same year"},
            {"sql_condition": f"{diff} <= 2", "label_for_charts": "within two years"},
            {"sql_condition": "ELSE", "label_for_charts": "different"},
        ],
    }


def _exact(col: str) -> dict:
    return {
        "output_column_name": col,
        "comparison_levels": [
            {"sql_condition": f'"{col}_l" IS NULL OR "{col}_r" IS NULL', "is_null_level": True,
             "label_for_charts": "null"},
            {"sql_condition": f'"{col}_l" = "{col}_r"', "label_for_charts": "same"},
            {"sql_condition": "ELSE", "label_for_charts": "different"},
        ],
    }


# Blocking: pairs are only scored when they agree on at least one of these. Each rule
# tolerates an error in the parts it does not mention (a misspelt given name is still found
# by father + grandfather + family). Two name parts alone are not enough: محمد son of أحمد is
# too common, and the pairs would grow with the square of the collection.
BLOCKING_RULES = [
    'l.given_key = r.given_key AND l.father_key = r.father_key AND l.family_key = r.family_key',
    'l.given_key = r.given_key AND l.father_key = r.father_key AND l.grandfather_key = r.grandfather_key',
    'l.given_key = r.given_key AND l.grandfather_key = r.grandfather_key AND l.family_key = r.family_key',
    'l.father_key = r.father_key AND l.grandfather_key = r.grandfather_key AND l.family_key = r.family_key',
    'l.given_key = r.given_key AND l.father_key = r.father_key AND l.incident_month = r.incident_month',
    'l.given_key = r.given_key AND l.family_key = r.family_key AND l.incident_month = r.incident_month',
    'l.family_key = r.family_key AND l.governorate = r.governorate AND l.incident_month = r.incident_month',
]


def victim_settings() -> dict:
    return {
        "link_type": "dedupe_only",
        "unique_id_column_name": "unique_id",
        "probability_two_random_records_match": 1e-4,
        "blocking_rules_to_generate_predictions": [{"blocking_rule": r} for r in BLOCKING_RULES],
        "comparisons": [
            _name("given_key", "given", short_exact=True, dental=True),
            _name("father_key", "father", short_exact=True, dental=True),
            _name("grandfather_key", "grandfather", short_exact=True, dental=True),
            _name("family_key", "family", short_exact=True, dental=True, slip="family_spelling"),
            _name("mother_key", "mother", tf=False, short_exact=True, dental=True),
            _exact("sex"),
            _birth_year(),
            _date(),
            _exact("governorate"),
        ],
        "retain_intermediate_calculation_columns": False,
        "retain_matching_columns": False,
        "max_iterations": 20,
        "em_convergence": 0.0001,
    }


def load_model(records: int | None = None) -> dict:
    """The settings with the trained parameters, the prior scaled to the number of records.

    The chance that two random records are the same person falls as a collection grows
    (about duplicates-per-record / records): the trained model stores duplicates per record
    and the prior is set for the collection at hand, capped for very small ones."""
    model = json.loads(MODEL_PATH.read_text(encoding="utf-8")) if MODEL_PATH.exists() else victim_settings()
    per_record = model.pop("tawthiq_true_pairs_per_record", None)
    if per_record and records and records > 1:
        model["probability_two_random_records_match"] = min(0.01, 2 * per_record / (records - 1))
    return model


def _table(rows: list[dict], columns: list[str]):
    import pyarrow as pa

    return pa.table({c: [r.get(c) for r in rows] for c in columns}, schema=_schema(columns))


INT_COLUMNS = {"birth_year", "date_days"}


def _schema(columns: list[str]):
    import pyarrow as pa

    return pa.schema([(c, pa.int64() if c in INT_COLUMNS else pa.string()) for c in columns])


class Backend(Protocol):
    """Where Splink runs: the victims registered as table `victims`, SQL run on the same engine."""

    def linker(self, rows: list[dict], settings: dict) -> Any: ...
    def query(self, sql: str, params: list[Any]) -> list[tuple]: ...
    def pairs_table(self, name: str, pairs: list[tuple[str, str]]) -> None: ...
    def close(self) -> None: ...


class DuckDBBackend:
    """In memory, no temporary files (secure_duckdb): the default."""

    def __init__(self, memory_limit: str = "2GB") -> None:
        self.con = secure_duckdb(memory_limit)

    def linker(self, rows: list[dict], settings: dict) -> Any:
        from splink import DuckDBAPI, Linker

        columns = list(rows[0].keys()) if rows else ["unique_id"]
        frame = DuckDBAPI(self.con).register(_table(rows, columns), table_name="victims")
        return Linker(frame, settings, log_level=None)

    def query(self, sql: str, params: list[Any]) -> list[tuple]:
        return self.con.execute(sql, params).fetchall()

    def pairs_table(self, name: str, pairs: list[tuple[str, str]]) -> None:
        """Pairs of record ids as table `name` (id_l, id_r), in memory."""
        import pyarrow as pa

        self.con.register(name, pa.table({"id_l": [a for a, _ in pairs], "id_r": [b for _, b in pairs]},
                                         schema=pa.schema([("id_l", pa.string()), ("id_r", pa.string())])))

    def close(self) -> None:
        self.con.close()


ENGINES = ("duckdb", "spark")


def backend(name: str = "duckdb", memory_limit: str = "2GB") -> Backend:
    if name == "spark":
        from app.services.analysis.linkage.spark_engine import SparkBackend

        return SparkBackend()
    return DuckDBBackend(memory_limit)


class Scored(NamedTuple):
    left: str
    right: str
    probability: float
    weight: float
    auto: bool   # may be linked without review
    apart: bool = False  # given or father's names clearly differ: a cannot-link, not for review
    # a clear difference (names, grandfather, mother, birth year): never joined by a chain of
    # links unless a person accepts the pair
    conflict: bool = False
    # {comparison: (level label, match weight in bits)}: why the pair scored as it did
    evidence: dict[str, tuple[str, float]] | None = None
    # would be linked automatically, but one of the two records matches another record, known to
    # be someone else, nearly as well (engine._contest): put to a person instead
    rival: bool = False


def level_labels(settings: dict) -> dict[str, dict[int, str]]:
    """Each comparison's level labels by the value Splink gives the level in a comparison vector:
    -1 for the null level, then the other levels counting down from the first (strongest)."""
    out: dict[str, dict[int, str]] = {}
    for comparison in settings.get("comparisons", []):
        levels = comparison["comparison_levels"]
        plain = [lv for lv in levels if not lv.get("is_null_level")]
        labels = {-1: "null"}
        for i, level in enumerate(plain):
            labels[len(plain) - 1 - i] = level.get("label_for_charts") or str(len(plain) - 1 - i)
        out[comparison["output_column_name"]] = labels
    return out


def _evidence_columns(settings: dict) -> tuple[list[str], str]:
    """The comparisons and the SQL that reads, for each, its level and its match weight in bits
    (with the term-frequency adjustment for common names)."""
    names = [c["output_column_name"] for c in settings.get("comparisons", [])]
    parts = []
    for comparison in settings.get("comparisons", []):
        n = comparison["output_column_name"]
        tf = any(lv.get("tf_adjustment_column") for lv in comparison["comparison_levels"])
        weight = f'p."mw_{n}"' + (f' + coalesce(p."mw_tf_adj_{n}", 0)' if tf else "")
        parts.append(f'p."gamma_{n}", {weight}')
    return names, ", ".join(parts)


# Brothers and sisters killed in one incident share father, grandfather, family, date and
# place; cousins named after their grandfather share all but the father's name. Fellegi–Sunter
# adds the evidence of each part as if independent, and the shared parts outweigh the one that
# differs. So a pair whose given or father's names are both known and clearly different is
# never linked automatically: at most it goes to a person.
# The consonant key makes Hassan and Hussein, Mohammad and Mahmoud one name: a hint that both
# spellings make clear and that differs (keys.name_hint) counts as a difference too. Two keys
# differ when they are not equal (after folding the dental letters) and either one is short or
# they are not similar.
def _differ(c: str) -> str:
    left, right = _dental(f"l.{c}_key"), _dental(f"r.{c}_key")
    # Two neighbouring letters swapped (قاسم typed قسام: ksm/kms) is a slip of the hand, not
    # another name: the same letters in another order, one transposition apart.
    swapped = (f"(length({left}) = length({right}) AND list_sort(string_split({left}, '')) = "
               f"list_sort(string_split({right}, '')) AND damerau_levenshtein({left}, {right}) <= 1)")
    slip = f" AND NOT {_slip(c)}" if c in SPELLED else ""
    return (f"({left} <> {right} AND NOT {swapped}{slip} AND (NOT {_long_enough(left, right)} OR "
            f"jaro_winkler_similarity({left}, {right}) < 0.88))")


# Name parts whose spelling as written is kept (records.VictimRecord.*_spelling): the father's and
# grandfather's names, which brothers and cousins share, so that a slip there is not taken for
# another man. (The victim's own given name is left to a person: brothers' names differ there.)
SPELLED = ("given", "father", "grandfather")


def _slip(c: str) -> str:
    return one_slip(f"l.{c}_spelling", f"r.{c}_spelling")


def one_slip(left: str, right: str) -> str:
    """Both spellings, in one script and of four letters or more, one letter apart by a slip of
    the pen: a letter dropped or added, or two neighbouring letters swapped (محمد typed ممد, Khaled
    typed Khled). Their consonant keys may differ by a letter (mhmd/mmd), short keys included, but
    another name is rarely one such slip from a name in the same script (أيمن/منير are two letters
    apart, حسن/حسين are told apart by their hints, جمال/كمال by a letter changed, not a slip).
    False when either is missing."""
    return (f"coalesce(least(length({left}), length({right})) >= {SHORT_KEY} "
            f"AND abs(length({left}) - length({right})) <= 1 AND damerau_levenshtein({left}, {right}) = 1 "
            f"AND (length({left}) <> length({right}) OR "
            f"list_sort(string_split({left}, '')) = list_sort(string_split({right}, ''))), false)")


def _conflict(c: str, hint: bool, long_vowel: bool = True, far: bool = False) -> str:
    """Both records give the name part and it clearly differs. `hint`: spellings that tell
    homographs apart count (محمد/محمود: "L:" hints); with `long_vowel`, so does a long ī that
    only one spelling shows (حسين/حسن: "y"/"n" hints). With `far`, keys one letter apart do not
    count: a letter dropped or doubled by a slip (ممد for محمد) looks like that too."""
    if hint and long_vowel:
        told = f"(l.{c}_hint LIKE 'L:%') = (r.{c}_hint LIKE 'L:%')"
    else:
        told = f"l.{c}_hint LIKE 'L:%' AND r.{c}_hint LIKE 'L:%'"
    hinted = f" OR coalesce(l.{c}_hint <> r.{c}_hint AND {told}, false)" if hint else ""
    apart = (f" AND damerau_levenshtein({_dental(f'l.{c}_key')}, {_dental(f'r.{c}_key')}) > 1" if far else "")
    return f"(l.{c}_key IS NOT NULL AND r.{c}_key IS NOT NULL AND (({_differ(c)}{apart}){hinted}))"


# Given or father's names that clearly differ: brothers (same father, grandfather, family, often
# one incident), cousins named after their grandfather (same given, grandfather, family). Such a
# pair is never linked automatically, never put to a person either (nine in ten were different
# people), and is a cannot-link: no chain of other links (through a record that gives no given
# name) may join the two. A person can still accept it (a decision outranks it). Kept from
# automatic links but shown to a person instead: keys one letter apart (أيمن/منير mn/mnr, or
# ممد typed for محمد), and a long ī that one spelling shows and the other does not (Tariq typed
# Tairq).
_NAME_APART = " OR ".join([*(_conflict(c, hint=True, long_vowel=False, far=True) for c in ("given", "father")),
                           _conflict("grandfather", hint=False, far=True)])
_NAME_CONFLICT = " OR ".join(_conflict(c, hint=True) for c in ("given", "father"))
# A grandfather's name that clearly differs: namesakes (same given, father's and family names,
# another family) a few days apart. Kept from automatic links, shown to a person.
_GRANDFATHER_CONFLICT = _conflict("grandfather", hint=False)
# Birth years more than two years apart, or mothers' names that clearly differ, when both records
# give them: no record of one person on the generator differs so, and namesakes often do. Kept
# from automatic links, shown to a person.
_PERSON_CONFLICT = (f"{_conflict('mother', hint=False)} OR (l.birth_year IS NOT NULL AND r.birth_year IS NOT NULL "
                    "AND abs(l.birth_year - r.birth_year) > 2)")
# Two victims of one case are two people (a documenter lists each person once): never a pair.
_OTHER_CASES = "split_part(p.unique_id_l, '/', 1) <> split_part(p.unique_id_r, '/', 1)"


def score_pairs(rows: list[dict], threshold: float, settings: dict | None = None,
                memory_limit: str = "2GB", auto_threshold: float | None = None,
                evidence: bool = False, on: Backend | None = None, engine: str = "duckdb") -> list[Scored]:
    """Every blocked pair at or above `threshold`, left < right so a pair has one spelling; with
    `evidence`, each pair's level and match weight per comparison.

    On a backend of its own (`engine`: DuckDB, or Spark), closed when done, unless one is given
    (`on`, e.g. to score several times in one Spark session): a given backend is not closed."""
    if len(rows) < 2:
        return []
    auto_at = AUTO_THRESHOLD if auto_threshold is None else auto_threshold
    settings = dict(settings or load_model(len(rows)))
    # The per-field levels and Bayes factors are the pair's evidence (kept with the pair).
    # (Splink keeps the level of each comparison only with the matching columns.)
    settings["retain_intermediate_calculation_columns"] = evidence
    settings["retain_matching_columns"] = evidence
    db = on or backend(engine, memory_limit)
    try:
        linker = db.linker(rows, settings)
        scored = linker.inference.predict(threshold_match_probability=threshold, warning_mode="never")
        victims = "father_hint" in rows[0]
        apart = _NAME_APART if victims else "false"
        conflict = f"{_NAME_CONFLICT} OR {_GRANDFATHER_CONFLICT} OR {_PERSON_CONFLICT}" if victims else "false"
        other_cases = _OTHER_CASES if victims else "true"
        names, evidence_sql = _evidence_columns(settings) if evidence else ([], "")
        result = db.query(
            f"SELECT least(p.unique_id_l, p.unique_id_r), greatest(p.unique_id_l, p.unique_id_r), "
            f"p.match_probability, p.match_weight, p.match_probability >= ? AND NOT ({conflict}), "
            f"coalesce({apart}, false), coalesce({conflict}, false)"
            f"{', ' + evidence_sql if evidence_sql else ''} "
            f"FROM {scored.physical_name} p JOIN victims l ON l.unique_id = p.unique_id_l "
            f"JOIN victims r ON r.unique_id = p.unique_id_r WHERE {other_cases}",
            [auto_at],
        )
        kept_apart = _unlike_in_reach(db, [(a, b, bool(apart)) for a, b, _p, _w, _auto, apart, *_ in result],
                                      conflict) if victims else []
    finally:
        if on is None:
            db.close()
    out = []
    labels = level_labels(settings) if evidence else {}
    for a, b, p, w, auto, apart, vetoed, *levels in result:
        found = {n: (labels[n].get(int(g), str(g)), round(float(bits), 2))
                 for n, g, bits in zip(names, levels[0::2], levels[1::2], strict=True)} if evidence else None
        out.append(Scored(a, b, float(p), float(w), bool(auto), bool(apart), bool(vetoed), found))
    out += kept_apart
    return _contest(out, auto_at) if victims else out


def _case(ref: str) -> str:
    return ref.split("/")[0]


def _contest(scored: list[Scored], auto_at: float) -> list[Scored]:
    """Automatic links that a rival makes doubtful go to a person instead.

    A record that matches b matches c as well, where b and c are known to be two people (a pair
    kept apart, or two victims of one case): namesakes, or a record that gives too little (no
    grandfather, no age) to tell two men of one name apart. The pair's probability counts each
    pair alone; knowing the record is at most one of them, the chance that it is b is
    O_b / (1 + O_b + sum of O_c) (O: the pairs' odds, 2 ** match weight). The link stays
    automatic only if that is still at or above the automatic threshold; else it is put to a
    person. Each record's pairs are looked at once: this grows with the pairs, not their square."""
    partners: dict[str, dict[str, Scored]] = {}
    for s in scored:
        partners.setdefault(s.left, {})[s.right] = s
        partners.setdefault(s.right, {})[s.left] = s

    def kept_apart(x: str, y: str) -> bool:
        if _case(x) == _case(y):
            return True
        s = partners.get(x, {}).get(y)
        return s is not None and s.apart

    def doubtful(s: Scored) -> bool:
        for record, other in ((s.left, s.right), (s.right, s.left)):
            rivals = [t.weight for c, t in partners[record].items()
                      if c != other and not t.apart and not t.conflict and kept_apart(other, c)]
            if rivals:
                top = max([s.weight, *rivals])  # odds scaled by 2 ** -top: no overflow
                odds = 2.0 ** (s.weight - top)
                if odds / (2.0 ** -top + odds + sum(2.0 ** (w - top) for w in rivals)) < auto_at:
                    return True
        return False

    return [s._replace(auto=False, rival=True) if s.auto and doubtful(s) else s for s in scored]


# A chain of links may join two records that were never scored as a pair, or scored too low to
# be kept (two men of one name 35 years apart in age, eight years apart in date), through a third
# record that gives little (no grandfather, no date): one victim made of two people. So every
# pair of records that links or review decisions could put in one victim (records joined by
# pairs that are not kept apart) is checked for a clear difference too, and one found is kept as
# a pair kept apart (a cannot-link), probability 0. Only pairs inside such groups are checked:
# groups are a few records each, so this grows with the records, not with their square.
REACH_CAP = 60  # records in one group beyond which its pairs are not checked (not quadratic)


def _unlike_in_reach(db: Backend, scored: list[tuple[str, str, bool]], conflict: str) -> list[Scored]:
    from app.services.analysis.linkage.clusters import components

    known = {(a, b) for a, b, _apart in scored}
    candidates = []
    for group in components([(a, b) for a, b, apart in scored if not apart]):
        if 2 < len(group) <= REACH_CAP:
            # two victims of one case are never a pair (clusters keep them apart already)
            candidates.extend(p for p in itertools.combinations(sorted(group), 2)
                              if p not in known and p[0].split("/")[0] != p[1].split("/")[0])
    if not candidates:
        return []
    db.pairs_table("reach_pairs", candidates)
    found = db.query(
        f"SELECT c.id_l, c.id_r FROM reach_pairs c JOIN victims l ON l.unique_id = c.id_l "
        f"JOIN victims r ON r.unique_id = c.id_r WHERE coalesce({conflict}, false)", [])
    return [Scored(a, b, 0.0, -99.0, False, True, True) for a, b in sorted(found)]


# Match probability at or above which a pair is linked without review, and the lower edge of
# the review band. Chosen on the Syrian generator (benchmarks/linkage_quality.py) for
# precision >= 0.99 on automatic links; everything between goes to a person.
AUTO_THRESHOLD = 0.92
REVIEW_THRESHOLD = 0.30


# ---- generic person records (Splink's fake_1000 layout), for measuring on outside data ----
PERSON_THRESHOLD = 0.8


def person_row(record: dict) -> dict:
    """first_name, surname, dob, city, email → the victim model's columns (same comparisons)."""
    from app.services.analysis.linkage.name_keys import name_key
    from app.services.analysis.linkage.records import date_days

    def text(k: str) -> str | None:
        v = (record.get(k) or "").strip()
        return v or None

    return {
        "unique_id": str(record["unique_id"]),
        "given_key": name_key(text("first_name")),
        "family_key": name_key(text("surname")),
        "given_raw": (text("first_name") or "").lower() or None,
        "family_raw": (text("surname") or "").lower() or None,
        "date_days": date_days(text("dob")),
        "dob": text("dob"),
        "governorate": (text("city") or "").lower() or None,
        "email": (text("email") or "").lower() or None,
    }


def person_settings() -> dict:
    return {
        "link_type": "dedupe_only",
        "unique_id_column_name": "unique_id",
        "blocking_rules_to_generate_predictions": [
            {"blocking_rule": "l.given_key = r.given_key"},
            {"blocking_rule": "l.family_key = r.family_key"},
            {"blocking_rule": "l.given_key = r.family_key AND l.family_key = r.given_key"},
            {"blocking_rule": "l.date_days = r.date_days"},
            {"blocking_rule": "substr(l.dob, 1, 7) = substr(r.dob, 1, 7)"},
            {"blocking_rule": "substr(l.dob, 6, 5) = substr(r.dob, 6, 5) AND l.governorate = r.governorate"},
            {"blocking_rule": "l.email = r.email"},
            {"blocking_rule": "split_part(l.email, '@', 1) = split_part(r.email, '@', 1)"},
        ],
        "comparisons": [
            _swappable(_name("given_raw", "given", similar=(0.92, 0.88, 0.7), edits=True)),
            _name("family_raw", "family", similar=(0.92, 0.88, 0.7), edits=True),
            _date("dob", typed="dob"),
            _exact("governorate"),
            _name("email", "email", tf=False, edits=True),
        ],
        "retain_intermediate_calculation_columns": False,
        "retain_matching_columns": False,
    }


def _swappable(comparison: dict) -> dict:
    """Given and family names written the wrong way round: a level just below exact."""
    swapped = {"sql_condition": '"given_raw_l" = "family_raw_r" AND "family_raw_l" = "given_raw_r"',
               "label_for_charts": "given and family swapped"}
    comparison["comparison_levels"].insert(2, swapped)
    return comparison


def train_unlabelled(rows: list[dict], seed: int = 1, on: Backend | None = None,
                     max_pairs: float = 1e6) -> dict:
    """Splink's usual unsupervised recipe: prior from deterministic rules, u by random
    sampling (from every pair when max_pairs is at least their number), m by expectation
    maximisation on two blocking passes. The model comes back in DuckDB's dialect whatever
    backend trained it (engine settings are written for DuckDB; spark_engine rewrites them)."""
    from splink import block_on

    db = on or DuckDBBackend()
    try:
        linker = db.linker(rows, person_settings())
        linker.training.estimate_probability_two_random_records_match(
            ["l.given_raw = r.given_raw AND l.family_raw = r.family_raw AND l.date_days = r.date_days",
             "l.email = r.email"], recall=0.7)
        linker.training.estimate_u_using_random_sampling(max_pairs=max_pairs, seed=seed)
        linker.training.estimate_parameters_using_expectation_maximisation(block_on("given_key", "family_key"))
        linker.training.estimate_parameters_using_expectation_maximisation(block_on("date_days"))
        model = linker.misc.save_model_to_json()
    finally:
        if on is None:
            db.close()
    return model
