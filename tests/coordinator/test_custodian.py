"""The custodian's key file, reveal with a reason, and linking across documenters (real vaults)."""

from __future__ import annotations

import json

import pytest

from app.services.custody import custodian
from app.services.exchange import witness_records
from app.services.intake import witnesses
from storage import audit, keyfile
from storage.database import transaction
from storage.vault import Vault
from tests.witness_support import canary_witness, leaked_canaries

CUSTODIAN_PASSPHRASE = "the keeper of names walks at dawn 77"


@pytest.fixture
def custodian_key(tmp_path):
    path = tmp_path / "custodian.key"
    key = custodian.create_key(path, CUSTODIAN_PASSPHRASE, label="protection officer",
                               params=dict(keyfile.TEST_PARAMS))
    return path, key


def documenter(tmp_path, name, key):
    v = Vault.create(tmp_path / name, "olive grove under the citadel 1949", name=name,
                     kdf_params=dict(keyfile.TEST_PARAMS))
    v.set_setting(witnesses.CUSTODIAN_SETTING, key.recipient)
    return v


def deliver(source: Vault, coordinator: Vault, documenter_id: str, sequence: int = 1) -> list[str]:
    """What the importer does with the witness kind of a bundle, one transaction."""
    conn = coordinator.connection()
    provenance = {"documenter": documenter_id, "bundle_id": f"{documenter_id}-{sequence}", "sequence": sequence,
                  "received_at": audit.now_iso()}
    # Through JSON, as in a bundle: the records are plain data.
    records = json.loads(json.dumps(witness_records.bundle_records(source)))
    with transaction(conn):
        return [witness_records.apply_bundle_record(conn, r, provenance) for r in records]


def person(name_ar="", name_latin="", phone="", alias="A"):
    return {"alias": alias, "consent": {"given": True, "scope": ["internal"]},
            "identity": {"name_ar": name_ar, "name_latin": name_latin, "phone": phone}}


def test_key_file_round_trip_wrong_passphrase_and_no_overwrite(custodian_key, tmp_path):
    path, key = custodian_key
    assert custodian.read_recipient(path) == key.recipient
    assert path.stat().st_mode & 0o777 == 0o600
    again = custodian.unlock_key(path, CUSTODIAN_PASSPHRASE)
    assert (again.recipient, again.link_key, again.label) == (key.recipient, key.link_key, key.label)
    raw = path.read_bytes()
    assert key.age_identity.encode() not in raw and key.link_key.hex().encode() not in raw
    with pytest.raises(custodian.WrongCustodianPassphrase) as exc:
        custodian.unlock_key(path, "not the passphrase at all 123")
    assert exc.value.exit_code == 3
    with pytest.raises(custodian.CustodianKeyError):
        custodian.create_key(path, CUSTODIAN_PASSPHRASE, params=dict(keyfile.TEST_PARAMS))
    assert path.read_bytes() == raw
    doc = json.loads(raw)
    doc["header"]["recipient"] = "age1" + "q" * 58  # a swapped header fails authentication
    (tmp_path / "swapped.key").write_text(json.dumps(doc))
    with pytest.raises(custodian.WrongCustodianPassphrase):
        custodian.unlock_key(tmp_path / "swapped.key", CUSTODIAN_PASSPHRASE)
    (tmp_path / "junk.key").write_bytes(b"\x00junk")
    with pytest.raises(custodian.CustodianKeyError):
        custodian.unlock_key(tmp_path / "junk.key", CUSTODIAN_PASSPHRASE)


def test_every_reveal_is_audited_with_who_when_why_and_never_the_identity(tmp_path, custodian_key,
                                                                         coordinator_vault):
    _, key = custodian_key
    doc = documenter(tmp_path, "doc-a", key)
    code = witnesses.add_witness(doc, canary_witness())
    deliver(doc, coordinator_vault, "aa11")
    assert leaked_canaries(coordinator_vault) == []  # the coordinator's own keys read nothing either
    before = len(audit.entries(coordinator_vault.connection()))
    identity = custodian.reveal(coordinator_vault, key, code, "court summons, case 14")
    assert identity["name_latin"] == canary_witness()["identity"]["name_latin"]
    custodian.reveal(coordinator_vault, key, code.lower(), "protection follow-up")
    history = custodian.reveals(coordinator_vault)
    assert [(h["pseudonym"], h["why"]) for h in history] == [
        (code, "court summons, case 14"), (code, "protection follow-up")]
    assert all(h["who"] == key.who and "protection officer" in h["who"] and h["at"] for h in history)
    assert len(audit.entries(coordinator_vault.connection())) == before + 2
    assert leaked_canaries(coordinator_vault) == []  # nothing of the identity was written down
    with pytest.raises(witnesses.InvalidWitness):
        custodian.reveal(coordinator_vault, key, code, "  ")
    assert len(audit.entries(coordinator_vault.connection())) == before + 2
    other = custodian.create_key(tmp_path / "other.key", CUSTODIAN_PASSPHRASE, params=dict(keyfile.TEST_PARAMS))
    with pytest.raises(witnesses.IdentityUnavailable):
        custodian.reveal(coordinator_vault, other, code, "a different custodian")
    assert len(audit.entries(coordinator_vault.connection())) == before + 2
    assert audit.verify_chain(coordinator_vault.connection()) > 0


def test_same_person_across_documenters_and_scripts_is_linked_similar_names_are_not(
        tmp_path, custodian_key, coordinator_vault):
    _, key = custodian_key
    doc_a, doc_b = documenter(tmp_path, "doc-a", key), documenter(tmp_path, "doc-b", key)
    # The same man: Arabic script in Homs, Latin in Tartus, the phone written two ways.
    same_a = witnesses.add_witness(doc_a, person(name_ar="محمد أحمد الخليل", phone="+963 944 123 456"))
    same_b = witnesses.add_witness(doc_b, person(name_latin="Muhammad Ahmed Al Khaleel", phone="0944123456"))
    # The same woman, both scripts on one side, no phone on either side but the full name.
    fatima_a = witnesses.add_witness(doc_a, person(name_ar="فاطمة يوسف الشامي", name_latin="Fatima Yousef al-Shami"))
    fatima_b = witnesses.add_witness(doc_b, person(name_latin="Fatima Yousef Al-Shami"))
    # Different people with similar names: Hassan / Hussein, Mohammed / Mahmoud.
    hassan = witnesses.add_witness(doc_a, person(name_ar="حسن علي الأسعد", phone="0933 111 222"))
    hussein = witnesses.add_witness(doc_b, person(name_latin="Hussein Ali Al-Assad", phone="0933 111 999"))
    # Perhaps Hassan again, but a name in the other script with no phone is not enough evidence.
    hassan_latin = witnesses.add_witness(doc_b, person(name_latin="Hassan Ali al-Asaad"))
    mahmoud = witnesses.add_witness(doc_b, person(name_ar="محمود أحمد الخليل"))
    # Relatives sharing one phone are not one person.
    sister = witnesses.add_witness(doc_a, person(name_latin="Rania Ahmad al-Khalil", phone="0944 123 456"))
    assert deliver(doc_a, coordinator_vault, "aa11") == ["new"] * 4
    assert deliver(doc_b, coordinator_vault, "bb22") == ["new"] * 5

    report = custodian.link(coordinator_vault, key)
    pairs = {frozenset((row["a"], row["b"])) for row in custodian.links(coordinator_vault)}
    assert pairs == {frozenset((same_a, same_b)), frozenset((fatima_a, fatima_b))}
    for a, b in [(hassan, hussein), (hassan, hassan_latin), (same_a, mahmoud), (same_b, mahmoud),
                 (sister, same_a), (sister, same_b)]:
        assert frozenset((a, b)) not in pairs
    assert report.opened == 9 and len(report.new_links) == 2
    assert sorted(map(sorted, custodian.clusters(coordinator_vault))) == sorted(
        [sorted([same_a, same_b]), sorted([fatima_a, fatima_b])])
    entry = audit.entries(coordinator_vault.connection())[-1]
    assert entry["action"] == "identity.link" and entry["detail"]["new_links"] == 2
    # What is stored: pseudonyms, links and keyed tags; no name in any script.
    text = str(list(coordinator_vault.connection().execute("SELECT * FROM witness_tags"))) + str(
        custodian.links(coordinator_vault)) + str(audit.entries(coordinator_vault.connection()))
    for fragment in ("محمد", "Khal", "944123456", "Fatima", "فاطم"):
        assert fragment not in text
    # Running again adds nothing; a witness seen again later is recognised from the tags alone.
    assert custodian.link(coordinator_vault, key).new_links == []
    # The custodian rejects a link; it stays rejected when linking runs again.
    custodian.unlink(coordinator_vault, key, fatima_b, fatima_a, "two sisters-in-law, checked by phone")
    assert {frozenset((r["a"], r["b"])) for r in custodian.links(coordinator_vault)} == {frozenset((same_a, same_b))}
    assert custodian.link(coordinator_vault, key).new_links == []
    assert custodian.clusters(coordinator_vault) == [sorted([same_a, same_b])]
    entry = audit.entries(coordinator_vault.connection())[-2]
    assert entry["detail"]["rejected"] and entry["detail"]["why"].startswith("two sisters")
    with pytest.raises(witnesses.WitnessNotFound):
        custodian.unlink(coordinator_vault, key, fatima_a, fatima_b, "again")
    seen_again = custodian.recognise(coordinator_vault, key, {"name_latin": "Mohamed Ahmad Khalil",
                                                               "phone": "00963 944 123 456"})
    assert same_a in seen_again and same_b in seen_again


def test_a_key_that_cannot_open_identities_links_nothing(tmp_path, custodian_key, coordinator_vault):
    _, key = custodian_key
    doc = documenter(tmp_path, "doc-a", key)
    witnesses.add_witness(doc, person(name_ar="محمد أحمد الخليل", phone="0944123456"))
    witnesses.add_witness(doc, person(name_ar="محمد أحمد الخليل", phone="0944123456"))
    deliver(doc, coordinator_vault, "aa11")
    other = custodian.create_key(tmp_path / "other.key", CUSTODIAN_PASSPHRASE, params=dict(keyfile.TEST_PARAMS))
    report = custodian.link(coordinator_vault, other)
    assert (report.opened, report.unreadable, report.new_links) == (0, 2, [])
    assert len(custodian.link(coordinator_vault, key).new_links) == 1
