"""`tawthiq link`, `link review`, `link decide`: the real command in a child process."""

from __future__ import annotations

import json

import pytest

from storage import keyfile
from storage.vault import Vault
from tests.conftest import PASSPHRASE
from tests.linkage_support import receive, victim_case


@pytest.fixture
def linked_vault(tmp_path):
    v = Vault.create(tmp_path / "coord", PASSPHRASE, role="coordinator", name="coordinator",
                     kdf_params=dict(keyfile.TEST_PARAMS))
    receive(v, victim_case("محمد أحمد علي الحسن", age=31), "aa" * 8)
    receive(v, victim_case("Mohammad Ahmad Ali al-Hassan", date="2013-03", victim={"birth_date": "1982"}), "bb" * 8)
    receive(v, victim_case("محمود أحمد علي الحسن", age=27), "aa" * 8)
    v.lock()
    return tmp_path / "coord"


def test_link_prints_the_unique_count_and_the_clusters(tawthiq, linked_vault, passphrase_file):
    out = tawthiq("--vault", str(linked_vault), "--passphrase-file", str(passphrase_file), "link", "--json")
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["summary"]["records"] == 3 and result["summary"]["clusters"] == 2
    [cluster] = result["clusters"]
    assert sorted(cluster["documenters"]) == ["aa" * 8, "bb" * 8]
    text = tawthiq("--vault", str(linked_vault), "--passphrase-file", str(passphrase_file), "link")
    assert text.returncode == 0 and "2 unique victims" in text.stdout.decode()


def test_decide_then_review_then_bad_input(tawthiq, linked_vault, passphrase_file):
    base = ("--vault", str(linked_vault), "--passphrase-file", str(passphrase_file), "link")
    queue = tawthiq(*base, "review", "--json")
    assert queue.returncode == 0, queue.stderr
    assert isinstance(json.loads(queue.stdout), list)
    v = Vault.unlock(linked_vault, PASSPHRASE)
    from app.services.analysis import linkage

    linkage.run_linkage(v)
    pid = v.connection().execute("SELECT pair_id FROM linkage_pairs WHERE band = 'auto'").fetchone()[0]
    v.lock()
    done = tawthiq(*base, "decide", pid, "reject", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"pair_id": pid, "decision": "reject"}
    after = json.loads(tawthiq(*base, "--json").stdout)
    assert after["summary"]["clusters"] == 3 and after["summary"]["decisions"] == 1

    missing = tawthiq(*base, "decide", "ffffffffffff", "accept")
    assert missing.returncode == 1 and len(missing.stderr.decode().strip().splitlines()) == 1
    wrong = tawthiq(*base, "decide", pid, "perhaps")
    assert wrong.returncode == 2 and b"Traceback" not in wrong.stderr


def test_link_refuses_a_documenter_vault(tawthiq, vault, vault_dir, passphrase_file):
    vault.lock()
    out = tawthiq("--vault", str(vault_dir), "--passphrase-file", str(passphrase_file), "link")
    assert out.returncode == 1 and b"coordinator" in out.stderr


def test_review_says_why_each_pair_waits_for_a_person(tawthiq, tmp_path, passphrase_file):
    # Ayman / Mounir: consonant keys one letter apart (mn / mnr), brothers as often as one man.
    v = Vault.create(tmp_path / "coord", PASSPHRASE, role="coordinator", name="coordinator",
                     kdf_params=dict(keyfile.TEST_PARAMS))
    receive(v, victim_case("أيمن أحمد علي الحسن", age=31), "aa" * 8)
    receive(v, victim_case("Mounir Ahmad Ali al-Hassan", age=31), "bb" * 8)
    from app.services.analysis import linkage

    linkage.run_linkage(v)
    v.lock()
    base = ("--vault", str(tmp_path / "coord"), "--passphrase-file", str(passphrase_file), "link", "review")
    [pair] = json.loads(tawthiq(*base, "--json").stdout)
    assert pair["reason"] == "differs"
    text = tawthiq(*base)
    assert text.returncode == 0 and "(a clear difference)" in text.stdout.decode()
