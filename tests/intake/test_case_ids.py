"""Case ids from outside are UUIDs or nothing (issue 14 item 7).

A case id names the case's bundle member (`records/<id>.json`): an id with a path, spaces or
Arabic once made every later `export` fail verification (exit 4) with no way to remove the case.
The check sits in the intake service, so `case add`, the GUI and bundle import share it.
"""

from __future__ import annotations

import json
import uuid

import pytest

from app.services.intake import case_rules, cases
from tests.conftest import snapshot

BAD_IDS = ["../../../tmp/x", "two words", "قضية-١", "c1", "{" + str(uuid.uuid4()) + "}",
           str(uuid.uuid4()).upper(), str(uuid.uuid4()).replace("-", ""), "", 7, None]


@pytest.mark.parametrize("bad", BAD_IDS[:4])
def test_case_add_refuses_an_id_that_is_not_a_uuid_and_export_still_works(cli_vaults, tmp_path, bad):
    coord, _ = cli_vaults("coord", "coordinator")
    run, d = cli_vaults("doc", "documenter")
    assert coord("profile", "export", "--out", str(tmp_path / "profile")).returncode == 0
    fingerprint = json.loads(coord("keys", "--json").stdout)["fingerprint"]
    assert run("profile", "import", str(tmp_path / "profile"), "--fingerprint", fingerprint).returncode == 0
    assert run("case", "add", "-", input=b'{"form": "killing", "title": "kept"}').returncode == 0
    before = snapshot(d)
    case = {"id": bad, "form": "kidnapping", "title": "t"}
    (tmp_path / "c.json").write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    r = run("case", "add", str(tmp_path / "c.json"))
    assert r.returncode == 1
    [line] = r.stderr.decode().strip().splitlines()
    assert "id" in line and "UUID" in line and "Traceback" not in line
    assert snapshot(d) == before
    r = run("export", "--out", str(tmp_path / "b.tawthiq"))
    assert r.returncode == 0, r.stderr


@pytest.mark.parametrize("bad", BAD_IDS)
def test_the_service_refuses_every_non_canonical_id(vault, bad):
    with pytest.raises(case_rules.InvalidCase, match="UUID"):
        cases.save_case(vault, {"id": bad, "form": "kidnapping", "title": "t"})
    assert cases.count_cases(vault) == 0


def test_a_canonical_uuid_is_kept_and_no_id_gets_a_new_one(vault):
    given = str(uuid.uuid4())
    assert cases.save_case(vault, {"id": given, "form": "kidnapping", "title": "t"})[0] == given
    made, _ = cases.save_case(vault, {"form": "kidnapping", "title": "t"})
    assert str(uuid.UUID(made)) == made != given
