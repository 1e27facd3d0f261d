"""Outside text printed by the CLI cannot forge lines or columns, steer the terminal or reorder a line.

Identity names come from documenters' identity files and case titles from people and bundles. The
attack this file starts from: an identity named "Mallory\\n<KEY ID>\\ttrusted\\t<FINGERPRINT>\\t…" made
a revoked key appear trusted in `trust --list`. Every listing below is read back line by line and
field by field, as a coordinator's eye or script would; the JSON output must still give the exact
data back.
"""

from __future__ import annotations

import json
import re

import pytest

from app.commands._display import json_text, shown
from tests.hostile_corpus import TERMINAL_TEXT_SAMPLES, forged_trust_line

# What a terminal acts on: C0/C1 controls, DEL, bidi embeddings/overrides/isolates, separators.
RAW_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def _lines(stdout: bytes) -> list[str]:
    """The printed lines; none may hold a raw control or bidi character (the TABs we print aside)."""
    text = stdout.decode("utf-8")
    assert text.endswith("\n")
    lines = text[:-1].split("\n")
    for line in lines:
        assert not RAW_UNSAFE.search(line), f"raw control or bidi character in {line!r}"
    return lines


def _vault(tawthiq, passphrase_file, folder, *init_args):
    def run(*args, **kw):
        return tawthiq("--vault", str(folder), "--passphrase-file", str(passphrase_file), *args, **kw)

    r = run("init", *init_args)
    assert r.returncode == 0, r.stderr
    return run


def _trust(coord, documenter, tmp_path, name: str) -> dict:
    keys = json.loads(documenter("keys", "--json").stdout)
    identity = tmp_path / f"{name}.identity"
    assert documenter("identity", "export", "--out", str(identity)).returncode == 0
    r = coord("trust", str(identity), "--fingerprint", keys["fingerprint"])
    assert r.returncode == 0, r.stderr
    return {**keys, "trust_output": r.stdout}


def test_a_forged_identity_name_cannot_make_a_revoked_key_look_trusted(tawthiq, passphrase_file, tmp_path):
    coord = _vault(tawthiq, passphrase_file, tmp_path / "coord", "--role", "coordinator")
    honest = _vault(tawthiq, passphrase_file, tmp_path / "honest", "--name", "Honest documenter")
    victim = _trust(coord, honest, tmp_path, "honest")
    # The honest documenter's laptop is stolen: the coordinator revokes its key.
    assert coord("trust", "--revoke", victim["key_id"]).returncode == 0
    # Mallory's vault carries a name with a line claiming that key is trusted again.
    forged = forged_trust_line(victim["key_id"], victim["fingerprint"])
    mallory = _vault(tawthiq, passphrase_file, tmp_path / "mallory", "--name", forged)
    trusted_mallory = _trust(coord, mallory, tmp_path, "mallory")
    [said] = _lines(trusted_mallory["trust_output"])
    assert said == f"trusted {trusted_mallory['key_id']} ({shown(forged)})"

    r = coord("trust", "--list")
    assert r.returncode == 0, r.stderr
    rows = [line.split("\t") for line in _lines(r.stdout)]
    assert all(len(row) == 4 for row in rows), rows  # key id, state, fingerprint, name: no forged column
    states = {row[0]: row[1] for row in rows}
    assert len(rows) == 2 and set(states) == {victim["key_id"], trusted_mallory["key_id"]}
    assert states[victim["key_id"]].startswith("revoked ")
    assert states[trusted_mallory["key_id"]] == "trusted"
    assert [row[3] for row in rows if row[0] == trusted_mallory["key_id"]] == [
        "Mallory\\n" + victim["key_id"] + "\\ttrusted\\t" + victim["fingerprint"] + "\\tdocumenter"]
    # Scripts read the JSON: the same name, exactly, and nothing raw a terminal would act on.
    r = coord("trust", "--list", "--json")
    assert not RAW_UNSAFE.search(r.stdout.decode().replace("\n", ""))
    names = {row["key_id"]: row["name"] for row in json.loads(r.stdout)}
    assert names[trusted_mallory["key_id"]] == forged


def test_case_titles_are_listed_one_line_each_and_escaped(tawthiq, passphrase_file, tmp_path):
    run = _vault(tawthiq, passphrase_file, tmp_path / "doc")
    ids = {}
    for name, title in TERMINAL_TEXT_SAMPLES.items():
        (tmp_path / "case.json").write_text(json.dumps({"form": "kidnapping", "title": title}), encoding="utf-8")
        r = run("case", "add", str(tmp_path / "case.json"))
        assert r.returncode == 0, (name, r.stderr)
        ids[r.stdout.decode().strip()] = title

    r = run("case", "list")
    assert r.returncode == 0, r.stderr
    rows = [line.split("\t") for line in _lines(r.stdout)]
    assert len(rows) == len(TERMINAL_TEXT_SAMPLES) and all(len(row) == 6 for row in rows), rows
    assert {row[0]: row[5] for row in rows} == {case_id: shown(title) for case_id, title in ids.items()}

    r = run("search", "title")
    assert r.returncode == 0 and all(len(line.split("\t")) == 6 for line in _lines(r.stdout))

    for case_id, title in ids.items():
        r = run("case", "show", case_id)
        assert r.returncode == 0, r.stderr
        lines = _lines(r.stdout)
        assert lines[0] == shown(title)
        assert json.loads("\n".join(lines[2:]))["title"] == title  # the JSON part parses back exactly

    r = run("case", "list", "--json")
    assert not RAW_UNSAFE.search(r.stdout.decode().replace("\n", ""))
    assert {c["id"]: c["title"] for c in json.loads(r.stdout)} == ids


@pytest.mark.parametrize("name", sorted(TERMINAL_TEXT_SAMPLES))
def test_shown_and_json_text_keep_every_sample_on_its_line(name):
    text = TERMINAL_TEXT_SAMPLES[name]
    assert not RAW_UNSAFE.search(shown(text).replace("\t", "")) and "\t" not in shown(text)
    assert json.loads(json_text(text)) == text and not RAW_UNSAFE.search(json_text(text))


def test_what_arabic_needs_is_printed_as_it_is():
    # Joiners and the directional marks cannot reorder a line or forge one; Arabic and Persian use them.
    text = "مُحَمَّد\u200c\u200d\u200e\u200f\u061c Homs"
    assert shown(text) == text and json.loads(json_text(text)) == text
    assert shown("\ud800") == "\\ud800" and json.loads(json_text("\ud800")) == "\ud800"
