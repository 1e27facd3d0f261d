"""A coordinator vault filled the real way: two documenters, real bundles, a custodian key.

Two documenters (named in their identities, as a coordinator trusts them) record the same
people in Homs city: one case edited twice before it travelled (two versions in one bundle, so
two provenance rows from one bundle), a namesake a generation older whom linkage leaves to a person, and
witnesses sealed to the organisation's custodian. Each documenter exports a real bundle (age +
minisign + tar) and the coordinator imports it, then linkage runs as an import's front end runs it.

`codes_and_ids(world)` lists what must never be shown to a coordinator as it is stored:
vocabulary and place codes, case ids (UUIDs), key ids, bundle ids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from app.services.analysis import linkage
from app.services.custody import custodian
from app.services.exchange import export, imports, organisation_profile
from app.services.intake import cases, witnesses
from storage import keyfile
from storage.vault import Vault
from tests.bundle_support import enroll, make_vault

CUSTODIAN_PASSPHRASE = "the keeper of names walks at dawn 77"
DOCUMENTER_A = "Rania Haddad"
DOCUMENTER_B = "Omar Khatib"

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)
ISO_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2})?")
# Analysis's own codes that are also English words: wrong only when they are all a label says.
WHOLE_CODES = {"unknown", "local", "linked", "unlinked", "stale"}
HEX_ID = re.compile(r"\b[0-9A-Fa-f]{12,}\b")


def _case(name_ar: str, name_latin: str, *, age: int, title: str, date: str = "2024-03-06",
          act: str = "abduction", fate: str = "missing", sex: str = "male", witness: str | None = None) -> dict:
    source = {"type": "eyewitness" if witness else "relative", "statement": "Seen from a neighbouring roof."}
    if witness:
        source["witness"] = witness
    return {
        "form": "kidnapping", "title": title, "narrative": "Taken at the checkpoint by armed men.",
        "date": {"start": date, "precision": "day"},
        "location": {"governorate": "homs", "place": "homs.homs.city"},
        "victims": [{k: v for k, v in (("name_ar", name_ar), ("name_latin", name_latin)) if v}
                    | {"sex": sex, "age": age, "act": act, "fate": fate}],
        "perpetrators": [{"group": "unknown_gunmen"}],
        "sources": [source],
    }


@dataclass
class World:
    folder: Path
    coordinator: Vault
    documenters: list[Vault]
    custodian_key_path: Path
    custodian_key: custodian.CustodianKey
    case_ids: list[str] = field(default_factory=list)
    witness_codes: list[str] = field(default_factory=list)
    bundle_ids: list[str] = field(default_factory=list)

    def lock(self) -> None:
        for v in (self.coordinator, *self.documenters):
            if not v.locked:
                v.lock()


def build(folder: Path) -> World:
    folder = Path(folder)
    key_path = folder / "custodian.key"
    key = custodian.create_key(key_path, CUSTODIAN_PASSPHRASE, label="protection officer",
                               params=dict(keyfile.TEST_PARAMS))
    coordinator = make_vault(folder / "coordinator", role="coordinator", name="Homs coordination")
    coordinator.set_setting(organisation_profile.CUSTODIAN_SETTING, key.recipient)
    a = make_vault(folder / "a", name=DOCUMENTER_A)
    b = make_vault(folder / "b", name=DOCUMENTER_B)
    enroll(coordinator, a, b)
    world = World(folder, coordinator, [a, b], key_path, key)

    # The same neighbour seen by both documenters, in both scripts: the custodian links them.
    w_a = witnesses.add_witness(a, {"alias": "Catherine", "consent": {"given": True, "scope": ["internal"]},
                                    "identity": {"name_ar": "فاطمة يوسف الشامي", "phone": "+963 944 123 456"}})
    w_b = witnesses.add_witness(b, {"alias": "Layla", "consent": {"given": True, "scope": ["internal"]},
                                    "identity": {"name_latin": "Fatima Yousef al-Shami", "phone": "0944123456"}})
    world.witness_codes = [w_a, w_b]

    # A: the abduction, sealed, then corrected: both versions travel in one bundle (two provenance
    # rows from one bundle: one source line).
    case_a, _ = cases.save_case(a, _case("محمد أحمد علي الحسن", "Mohammad Ahmad Ali al-Hassan", age=31,
                                         title="Abduction at the Homs checkpoint", witness=w_a))
    cases.seal_case(a, case_a)
    body = cases.get_case(a, case_a)
    body.pop("_meta")
    body["narrative"] += " Corrected after a second interview."
    cases.save_case(a, body, case_a)
    # B: the first brother again, in Latin script, and a killing elsewhere in Homs.
    case_b, _ = cases.save_case(b, _case("محمد أحمد علي الحسن", "Muhammad Ahmed Ali al-Hasan", age=31,
                                         title="Taken at the checkpoint (second account)", witness=w_b))
    # B: a man of the same name taken the same night, twenty years older (the names agree, the ages
    # do not): linkage leaves both his pairs to a person.
    older, _ = cases.save_case(b, _case("", "Muhammad Ahmad Ali al-Hassan", age=52, title="An older man taken"))
    killing, _ = cases.save_case(b, _case("خالد عمر المصري", "Khaled Omar al-Masri", age=45,
                                          title="Shot at his door", date="2024-05-02", act="killing",
                                          fate="killed"))
    world.case_ids = [case_a, older, case_b, killing]
    for i, doc in enumerate((a, b)):
        path = folder / f"bundle-{i}.tawthiq"
        export.export_bundle(doc, path)
        report = imports.import_bundle(coordinator, path)
        world.bundle_ids.append(report.bundle_id)
    linkage.run_linkage(coordinator)
    return world


def codes_and_ids(world: World) -> set[str]:
    """Stored values a coordinator must never read as they are stored (each at least 4 characters,
    compared as whole words, case-sensitively: the label "Homs" is fine, the code "homs" is not)."""
    conn = world.coordinator.connection()
    found = {"homs", "homs.homs.city", "abduction", "killing", "missing", "killed", "male", "unknown_gunmen",
             "eyewitness", "relative"}
    found.update(world.case_ids)
    found.update(world.bundle_ids)
    found.update(r[0] for r in conn.execute("SELECT key_id FROM trusted_documenters"))
    found.update(r[0] for r in conn.execute("SELECT DISTINCT documenter FROM case_provenance"))
    return found


def leaks(texts: list[str], world: World) -> list[str]:
    """The shown texts that carry a stored code, a UUID, a key id or an ISO timestamp."""
    bad = codes_and_ids(world)
    out = []
    for text in texts:
        if not text:
            continue
        if text.strip() in WHOLE_CODES:
            out.append(f"{text!r}: a code shown as it is stored")
        words = set(re.findall(r"[\w.\-]+", text))
        hits = sorted(words & bad) + UUID.findall(text) + ISO_TIMESTAMP.findall(text) + HEX_ID.findall(text)
        if hits:
            out.append(f"{text!r}: {hits}")
    return out
