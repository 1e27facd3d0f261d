"""The witness register with real SQLCipher vaults: pseudonyms, sealing, reseal, the canary scan."""

from __future__ import annotations

import pyrage
import pytest

from app.services.intake import witnesses
from storage import audit
from tests.witness_support import CANARY_AR, CANARY_LATIN, canary_witness, leaked_canaries


@pytest.fixture
def custodian():
    return pyrage.x25519.Identity.generate()


def with_profile(vault, custodian) -> None:
    # What `profile import` writes (bundles engineer); set here the same way.
    vault.set_setting(witnesses.CUSTODIAN_SETTING, str(custodian.to_public()))


def sealed_row(vault, code):
    return vault.connection().execute(
        "SELECT sealed_identity, sealed_to, sealed_recipient, local_identity FROM witnesses WHERE code = ?",
        (code,),
    ).fetchone()


def test_codes_are_random_readable_and_forgiving():
    codes = {witnesses.new_code() for _ in range(2000)}
    assert len(codes) == 2000
    for code in list(codes)[:200]:
        assert witnesses.is_code(code)
        assert not set(code[2:].replace("-", "")) & set("ILOU")
        assert witnesses.parse_code(code.lower().replace("-", " ")) == code
    assert witnesses.parse_code("w-7kq3-m9xd") == "W-7KQ3-M9XD"
    assert witnesses.parse_code("W-7KQ3-MOXD") == "W-7KQ3-M0XD"  # O read as zero
    for bad in ("", "W-7KQ3", "X-7KQ3-M9XD-1", "W-7KQ3-M9X!", "W-7KQ3-M9XDD"):
        with pytest.raises(witnesses.InvalidWitness):
            witnesses.parse_code(bad)


def test_default_mode_identity_is_sealed_to_the_custodian_and_unreadable_with_vault_keys(vault, custodian):
    with_profile(vault, custodian)
    codes = [witnesses.add_witness(vault, canary_witness()) for _ in range(3)]
    for code in codes:
        ciphertext, sealed_to, recipient, local = sealed_row(vault, code)
        assert sealed_to == "custodian" and recipient == str(custodian.to_public()) and local is None
        with pytest.raises(witnesses.IdentityUnavailable):
            witnesses.open_identity(code, ciphertext, vault.age_identity)
        # The custodian (and only the custodian) opens it.
        assert witnesses.open_identity(code, ciphertext, custodian)["name_ar"] == CANARY_AR
    assert leaked_canaries(vault) == []


def test_default_mode_survives_a_fresh_unlock_with_the_passphrase(vault, custodian, vault_dir, passphrase):
    from storage.vault import Vault

    with_profile(vault, custodian)
    witnesses.add_witness(vault, canary_witness())
    vault.lock()
    reopened = Vault.unlock(vault_dir, passphrase)
    try:
        assert len(witnesses.list_witnesses(reopened)) == 1
        assert leaked_canaries(reopened) == []
    finally:
        reopened.lock()


def test_the_scanner_finds_a_locally_readable_copy(vault, custodian):
    """The opt-in copy is readable by design: this proves the scan above can fail."""
    with_profile(vault, custodian)
    code = witnesses.add_witness(vault, canary_witness(keep_local_copy=True))
    assert CANARY_AR in leaked_canaries(vault) and CANARY_LATIN in leaked_canaries(vault)
    identity = witnesses.read_local_copy(vault, code, reason="follow-up visit")
    assert identity["name_latin"] == CANARY_LATIN
    last = audit.entries(vault.connection())[-1]
    assert (last["action"], last["subject"], last["detail"]["why"]) == ("identity.reveal", code, "follow-up visit")
    assert CANARY_LATIN not in str(audit.entries(vault.connection()))


def test_without_profile_sealed_to_vault_then_resealed_to_custodian(vault, custodian):
    code = witnesses.add_witness(vault, canary_witness())
    ciphertext, sealed_to, recipient, _ = sealed_row(vault, code)
    assert (sealed_to, recipient) == ("vault", vault.age_recipient)
    assert witnesses.reseal(vault) == 0  # no profile yet: nothing to move to
    with_profile(vault, custodian)
    assert witnesses.reseal(vault) == 1
    ciphertext, sealed_to, recipient, _ = sealed_row(vault, code)
    assert sealed_to == "custodian"
    assert witnesses.open_identity(code, ciphertext, custodian)["name_latin"] == CANARY_LATIN
    assert leaked_canaries(vault) == []
    assert witnesses.reseal(vault) == 0
    actions = [e["action"] for e in audit.entries(vault.connection())]
    assert actions.count("identity.reseal") == 1
    assert audit.verify_chain(vault.connection()) > 0


def test_a_ciphertext_moved_to_another_pseudonym_is_refused(vault, custodian):
    with_profile(vault, custodian)
    a = witnesses.add_witness(vault, canary_witness())
    b = witnesses.add_witness(vault, canary_witness())
    with pytest.raises(witnesses.IdentityUnavailable):
        witnesses.open_identity(b, sealed_row(vault, a)[0], custodian)


def test_nothing_identifying_in_audit_search_or_errors(vault, custodian):
    with_profile(vault, custodian)
    code = witnesses.add_witness(vault, canary_witness())
    bad = canary_witness()
    bad["identity"]["passport"] = CANARY_LATIN
    with pytest.raises(witnesses.InvalidWitness) as exc:
        witnesses.add_witness(vault, bad)
    assert CANARY_LATIN not in str(exc.value)
    assert code not in {r[0] for r in vault.connection().execute("SELECT content FROM case_search")}
    assert "Zumurrud" not in str(audit.entries(vault.connection()))


@pytest.mark.parametrize(
    "body, message",
    [
        ([], "JSON object"),
        ({"risk": "extreme"}, "risk"),
        ({"alias": 5}, "alias"),
        ({"identity": "name"}, "identity"),
        ({"consent": {"scope": ["everyone"]}}, "scope"),
        ({"consent": {"given": "yes"}}, "given"),
        ({"keep_local_copy": "yes"}, "keep_local_copy"),
        ({"nickname": "x"}, "unknown field"),
    ],
)
def test_bad_input_changes_nothing(vault, body, message):
    before = vault.connection().execute("SELECT count(*) FROM witnesses").fetchone()[0]
    entries = len(audit.entries(vault.connection()))
    with pytest.raises(Exception, match=message):
        witnesses.add_witness(vault, body)
    assert vault.connection().execute("SELECT count(*) FROM witnesses").fetchone()[0] == before
    assert len(audit.entries(vault.connection())) == entries


def test_edit_register_fields_and_consent_moves_updated_at(vault):
    code = witnesses.add_witness(vault, canary_witness())
    before = witnesses.get_witness(vault, code)
    after = witnesses.update_witness(vault, code, {"risk": "low", "alias": "Kate"})
    assert (after.risk, after.alias, after.relation) == ("low", "Kate", before.relation)
    with pytest.raises(witnesses.InvalidWitness):
        witnesses.update_witness(vault, code, {"identity": {"name_ar": "x"}})
    consent = witnesses.withdraw_consent(vault, code, on="2026-11-20")
    assert consent["withdrawn_on"] == "2026-11-20" and consent["scope"] == ["internal", "courts"]
    assert witnesses.get_witness(vault, code).updated_at > after.updated_at
    with pytest.raises(witnesses.WitnessNotFound):
        witnesses.get_witness(vault, "W-0000-0000")
