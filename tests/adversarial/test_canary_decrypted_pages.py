"""Coerced unlock: what an overwritten draft or a purged case leaves in the decrypted database file.

Someone who forces the passphrase out of a documenter has the database key, and can decrypt every
page of vault.db (SQLCipher 4: AES-256-CBC per page, IV in the page's reserved tail), free pages
and stale index segments included, not only what SQL shows. Here the test does exactly that, with
`cryptography`, and looks for the canaries of text that the user replaced or purged. A positive
control shows the decryption finds text that is still there.
"""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from app.services.exchange import acks, export, imports
from app.services.intake import cases
from storage.vault import DATABASE, Vault
from tests.bundle_support import enroll, make_vault
from tests.conftest import PASSPHRASE
from tests.threat_support import Canaries

PAGE = 4096  # SQLCipher 4 default page size
RESERVE = 80  # 16-byte IV + 64-byte HMAC-SHA512 at the end of each page
SALT = 16  # page 1 starts with the file's salt, stored in the clear


def decrypted_pages(path: Path, key: bytes) -> bytes:
    """Every page of a SQLCipher 4 file opened with a raw key, decrypted, concatenated."""
    raw = path.read_bytes()
    out = []
    for offset in range(0, len(raw) - PAGE + 1, PAGE):
        page = raw[offset: offset + PAGE]
        iv = page[PAGE - RESERVE: PAGE - RESERVE + 16]
        body = page[SALT if offset == 0 else 0: PAGE - RESERVE]
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        out.append(decryptor.update(body) + decryptor.finalize())
    return b"".join(out)


def _case(c: Canaries, title_extra: str = "") -> dict:
    return {"form": "kidnapping", "title": f"{c.latin} {title_extra}", "narrative": f"{c.arabic} خطف",
            "victims": [{"name_ar": f"محمد {c.arabic}", "occupation": f"Baker {c.latin}"}]}


def _found(blob: bytes, c: Canaries) -> list[bytes]:
    return [n for n in c.needles if n in blob]


def test_control_the_decryption_sees_live_text(vault, vault_dir):
    c = Canaries.fresh()
    cases.save_case(vault, _case(c))
    key = vault.keys.db_key
    vault.lock()
    pages = decrypted_pages(vault_dir / DATABASE, key)
    assert pages[:2] == PAGE.to_bytes(2, "big"), "page 1 did not decrypt to a SQLite header"
    assert c.latin.encode() in pages and c.arabic.encode() in pages


def test_an_overwritten_draft_leaves_nothing_in_the_decrypted_file(vault, vault_dir):
    old, new = Canaries.fresh(), Canaries.fresh()
    case_id, _ = cases.save_case(vault, _case(old))
    cases.save_case(vault, _case(new), case_id)  # autosave of a draft replaces it in place
    assert cases.search(vault, old.latin) == []
    key = vault.keys.db_key
    vault.lock()
    pages = decrypted_pages(vault_dir / DATABASE, key)
    assert _found(pages, new), "control: the current text must be found"
    assert _found(pages, old) == [], "the replaced draft is still readable (rows or search index)"


def test_a_purged_case_leaves_nothing_in_the_decrypted_file(tmp_path):
    c, kept = Canaries.fresh(), Canaries.fresh()
    documenter = make_vault(tmp_path / "doc", name="doc")
    coordinator = make_vault(tmp_path / "coord", role="coordinator", name="coord")
    try:
        enroll(coordinator, documenter)
        delivered, _ = cases.save_case(documenter, _case(c))
        export.export_bundle(documenter, tmp_path / "1.tawthiq")
        [report] = imports.import_bundles(coordinator, [tmp_path / "1.tawthiq"])
        assert report.status == "imported", report.error
        raw_ack, _ = acks.export_ack(coordinator, None)
        acks.import_ack(documenter, raw_ack)
        cases.save_case(documenter, _case(kept))  # not delivered: must stay
        assert acks.purge_delivered(documenter) == 1
        assert [s.id for s in cases.query_cases(documenter)] != [delivered]
        key = documenter.keys.db_key
    finally:
        documenter.lock()
        coordinator.lock()
    pages = decrypted_pages(tmp_path / "doc" / DATABASE, key)
    assert _found(pages, kept), "control: the case that was not delivered must be found"
    assert _found(pages, c) == [], "the purged case is still readable to whoever forces the passphrase"
    with Vault.unlock(tmp_path / "doc", PASSPHRASE) as again:
        assert cases.search(again, c.latin) == []
